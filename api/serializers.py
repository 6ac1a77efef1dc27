import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from statements.choices import Origin, Role
from statements.models import Agreement, Country, Event, Person, Statement, Topic


@extend_schema_field({"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$", "example": "20:31:00",
                     "description": "Local time of publication (Moscow time for Russian sources), no offset"})
class LocalTimeField(serializers.TimeField):
    """A wall-clock time as the source gives it: RFC 3339's partial-time, not JSON Schema's `time` with offset."""


class CountrySerializer(serializers.ModelSerializer):
    statement_count = serializers.IntegerField(read_only=True, required=False)

    class Meta:
        model = Country
        fields = ["code", "name_en", "name_ru", "statement_count"]


class TopicSerializer(serializers.ModelSerializer):
    statement_count = serializers.IntegerField(read_only=True, required=False)

    class Meta:
        model = Topic
        fields = ["slug", "name_en", "name_ru", "statement_count"]


class PersonSerializer(serializers.ModelSerializer):
    statement_count = serializers.IntegerField(read_only=True, required=False)

    class Meta:
        model = Person
        fields = ["key", "name_ru", "name_en", "surname_ru", "surname_en", "statement_count"]


class EditorItemSerializer(serializers.ModelSerializer):
    """Editors' corrections through the API follow the admin's rules.

    The model's own rules (statements.validation, through `clean`) decide what
    is valid, as in the admin's forms. What an editor creates, or changes in
    any way, becomes the editor's (origin "editor"), so re-extraction keeps it,
    as the admin's save does.
    """

    M2M_FIELDS = ("countries",)

    def validate(self, attrs):
        instance = copy.copy(self.instance) if self.instance is not None else self.Meta.model()
        for name, value in attrs.items():
            if name not in self.M2M_FIELDS:
                setattr(instance, name, value)
        try:
            instance.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
        return attrs

    def create(self, validated_data):
        return super().create({**validated_data, "origin": Origin.EDITOR})

    def update(self, instance, validated_data):
        if self._changes(instance, validated_data):
            validated_data = {**validated_data, "origin": Origin.EDITOR}
        return super().update(instance, validated_data)

    def _changes(self, instance, validated_data) -> bool:
        for name, value in validated_data.items():
            if name in self.M2M_FIELDS:
                if {c.pk for c in value} != set(getattr(instance, name).values_list("pk", flat=True)):
                    return True
            elif getattr(instance, name) != value:
                return True
        return False


class AgreementSerializer(EditorItemSerializer):
    countries = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True,
        help_text="The parties that are countries (ISO codes); follows `parties`.")

    class Meta:
        model = Agreement
        fields = ["id", "text", "start", "end", "kind", "parties", "countries", "origin", "verified", "rejected"]
        read_only_fields = ["origin"]

    def save(self, **kwargs):
        agreement = super().save(**kwargs)
        if "parties" in self.validated_data:
            # As extraction does: the parties that are countries are the agreement's countries.
            agreement.countries.set(Country.objects.filter(code__in=agreement.parties))
        return agreement


class EventSerializer(EditorItemSerializer):
    countries = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Country.objects.all(),
                                             required=False, help_text="ISO 3166-1 alpha-2 codes")

    class Meta:
        model = Event
        fields = ["id", "text", "start", "end", "title", "starts_on", "ends_on", "precision", "place",
                  "countries", "origin", "verified", "rejected"]
        read_only_fields = ["origin"]


class StatementListSerializer(serializers.HyperlinkedModelSerializer):
    published_at = LocalTimeField(allow_null=True, read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="statement-detail")
    page_url = serializers.CharField(source="get_absolute_url", read_only=True)
    speakers = serializers.SerializerMethodField()
    countries = serializers.ListField(child=serializers.CharField(), source="country_codes", read_only=True,
                                      help_text="ISO codes of the countries the statement concerns")
    agreement_count = serializers.IntegerField(read_only=True)
    event_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "url", "page_url", "title", "kind", "published_on", "published_at", "place", "language",
                  "doc_number", "source_url", "speakers", "countries", "agreement_count", "event_count"]

    def get_speakers(self, obj) -> list[str]:
        return [str(link.person) for link in getattr(obj, "speaker_links", [])]


class StatementCountrySerializer(serializers.Serializer):
    code = serializers.CharField(source="country.code")
    name_en = serializers.CharField(source="country.name_en")
    name_ru = serializers.CharField(source="country.name_ru")
    mentions = serializers.IntegerField()


class StatementPersonSerializer(serializers.Serializer):
    key = serializers.CharField(source="person.key")
    name = serializers.CharField(source="person")
    role = serializers.ChoiceField(choices=Role.choices)
    mentions = serializers.IntegerField()


class StatementTopicSerializer(serializers.Serializer):
    slug = serializers.CharField(source="topic.slug")
    name_en = serializers.CharField(source="topic.name_en")
    name_ru = serializers.CharField(source="topic.name_ru")
    evidence = serializers.CharField(help_text="The words that gave the topic away")


class StatementDetailSerializer(serializers.ModelSerializer):
    published_at = LocalTimeField(allow_null=True, read_only=True)
    page_url = serializers.CharField(source="get_absolute_url", read_only=True)
    speakers = serializers.SerializerMethodField()
    people = StatementPersonSerializer(source="person_links", many=True, read_only=True)
    countries = StatementCountrySerializer(source="country_links", many=True, read_only=True)
    topics = StatementTopicSerializer(source="topic_links", many=True, read_only=True)
    agreements = AgreementSerializer(many=True, read_only=True)
    events = EventSerializer(many=True, read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "page_url", "title", "kind", "published_on", "published_at", "place", "language",
                  "doc_number", "source_url", "source", "body", "checksum", "speakers", "people", "countries",
                  "topics", "agreements", "events", "created_at", "updated_at"]

    def get_speakers(self, obj) -> list[str]:
        return [str(link.person) for link in obj.person_links.all() if link.role == Role.SPEAKER]


class StatementRefSerializer(serializers.ModelSerializer):
    page_url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "title", "published_on", "page_url"]


class AgreementListSerializer(AgreementSerializer):
    statement = StatementRefSerializer(read_only=True)
    statement_id = serializers.PrimaryKeyRelatedField(source="statement", queryset=Statement.objects.all(),
                                                      write_only=True)

    class Meta(AgreementSerializer.Meta):
        fields = [*AgreementSerializer.Meta.fields, "statement", "statement_id"]


class EventListSerializer(EventSerializer):
    statement = StatementRefSerializer(read_only=True)
    statement_id = serializers.PrimaryKeyRelatedField(source="statement", queryset=Statement.objects.all(),
                                                      write_only=True)

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "statement", "statement_id"]
