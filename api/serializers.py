from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from statements.choices import Role
from statements.models import Agreement, Country, Event, Person, Statement, Topic
from statements.services import corrections


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
    """Editors' corrections through the API: written by statements.services.corrections, as the admin's are.

    The service applies the models' rules (statements.validation) and the
    derived fields; what an editor creates, or changes in any way, becomes the
    editor's (origin "editor"), so re-extraction keeps it. A broken rule is a
    400 naming the field.
    """

    def validate(self, attrs):
        statement = attrs.get("statement")
        if self.instance is not None and statement is not None and statement.pk != self.instance.statement_id:
            raise serializers.ValidationError({"statement_id": [
                _("An item stays with its statement; reject it and add one to the other statement instead.")]})
        return attrs

    def create(self, validated_data):
        fields = dict(validated_data)
        statement = fields.pop("statement")
        with _as_400():
            return corrections.create_item(self.Meta.model, statement=statement, fields=fields,
                                           editor=self.context["request"].user)

    def update(self, instance, validated_data):
        fields = {k: v for k, v in validated_data.items() if k != "statement"}
        with _as_400():
            return corrections.correct_item(instance, fields, editor=self.context["request"].user)


@contextmanager
def _as_400():
    try:
        yield
    except DjangoValidationError as exc:
        raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc


class AgreementSerializer(EditorItemSerializer):
    countries = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True,
        help_text="The parties that are countries (ISO codes); follows `parties`.")

    class Meta:
        model = Agreement
        fields = ["id", "text", "start", "end", "kind", "parties", "countries", "origin", "verified", "rejected"]
        read_only_fields = ["origin"]
        extra_kwargs = {"text": {"required": False,
                                 "help_text": "The statement's text at start-end (given when left out)"}}


class EventSerializer(EditorItemSerializer):
    countries = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Country.objects.all(),
                                             required=False, help_text="ISO 3166-1 alpha-2 codes")

    class Meta:
        model = Event
        fields = ["id", "text", "start", "end", "title", "starts_on", "ends_on", "precision", "place",
                  "countries", "origin", "verified", "rejected"]
        read_only_fields = ["origin"]
        extra_kwargs = {"text": {"required": False,
                                 "help_text": "The statement's text at start-end (given when left out)"}}


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
