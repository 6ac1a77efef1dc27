from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from statements.choices import Origin
from statements.models import Agreement, Country, Event, Person, Statement, Topic


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
    """Editors' corrections through the API follow the admin's rules (model.clean)."""

    def validate(self, attrs):
        instance = self.instance or self.Meta.model()
        m2m = {name: attrs[name] for name in ("countries",) if name in attrs}
        for name, value in attrs.items():
            if name not in m2m:
                setattr(instance, name, value)
        try:
            instance.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
        return attrs

    def save(self, **kwargs):
        # Whatever an editor creates or changes is the editor's: re-extraction keeps it.
        return super().save(origin=Origin.EDITOR, **kwargs)


class AgreementSerializer(EditorItemSerializer):
    countries = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = ["id", "text", "start", "end", "kind", "parties", "countries", "origin", "verified", "rejected"]
        read_only_fields = ["origin"]


class EventSerializer(EditorItemSerializer):
    countries = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Country.objects.all(),
                                             required=False)

    class Meta:
        model = Event
        fields = ["id", "text", "start", "end", "title", "starts_on", "ends_on", "precision", "place",
                  "countries", "origin", "verified", "rejected"]
        read_only_fields = ["origin"]


class StatementListSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="statement-detail")
    page_url = serializers.CharField(source="get_absolute_url", read_only=True)
    speakers = serializers.SerializerMethodField()
    countries = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    agreement_count = serializers.IntegerField(read_only=True)
    event_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "url", "page_url", "title", "kind", "published_on", "published_at", "place", "language",
                  "doc_number", "source_url", "speakers", "countries", "agreement_count", "event_count"]

    def get_speakers(self, obj) -> list[str]:
        return [str(link.person) for link in getattr(obj, "speaker_links", [])]


class StatementDetailSerializer(serializers.ModelSerializer):
    page_url = serializers.CharField(source="get_absolute_url", read_only=True)
    speakers = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    people = serializers.SerializerMethodField()
    topics = serializers.SerializerMethodField()
    agreements = AgreementSerializer(many=True, read_only=True)
    events = EventSerializer(many=True, read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "page_url", "title", "kind", "published_on", "published_at", "place", "language",
                  "doc_number", "source_url", "source", "body", "checksum", "speakers", "people", "countries",
                  "topics", "agreements", "events", "created_at", "updated_at"]

    def get_speakers(self, obj) -> list[str]:
        return [str(link.person) for link in obj.person_links.all() if link.role == "speaker"]

    def get_people(self, obj) -> list[dict]:
        return [{"key": link.person.key, "name": str(link.person), "role": link.role, "mentions": link.mentions}
                for link in obj.person_links.all()]

    def get_countries(self, obj) -> list[dict]:
        return [{"code": link.country.code, "name_en": link.country.name_en, "name_ru": link.country.name_ru,
                 "mentions": link.mentions} for link in obj.country_links.all()]

    def get_topics(self, obj) -> list[dict]:
        return [{"slug": link.topic.slug, "name_en": link.topic.name_en, "name_ru": link.topic.name_ru,
                 "evidence": link.evidence} for link in obj.topic_links.all()]


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
