from django.contrib import admin

from statements.models import (
    Agreement,
    Country,
    Event,
    Person,
    PersonName,
    Statement,
    StatementCountry,
    StatementPerson,
    StatementRevision,
    StatementTopic,
    Topic,
)


class AgreementInline(admin.TabularInline):
    model = Agreement
    extra = 0
    fields = ["text", "kind", "parties", "origin", "verified", "rejected", "start", "end"]
    readonly_fields = ["origin"]


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ["text", "title", "starts_on", "ends_on", "precision", "place", "origin", "verified", "rejected",
              "start", "end"]
    readonly_fields = ["origin"]


class StatementCountryInline(admin.TabularInline):
    model = StatementCountry
    extra = 0
    autocomplete_fields = ["country"]


class StatementPersonInline(admin.TabularInline):
    model = StatementPerson
    extra = 0
    autocomplete_fields = ["person"]


class StatementTopicInline(admin.TabularInline):
    model = StatementTopic
    extra = 0


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["title", "published_on", "kind", "language", "doc_number"]
    list_filter = ["kind", "language", "published_on"]
    search_fields = ["title", "doc_number", "source_url"]
    date_hierarchy = "published_on"
    readonly_fields = ["key", "checksum", "raw_text", "record", "created_at", "updated_at"]
    inlines = [AgreementInline, EventInline, StatementCountryInline, StatementPersonInline, StatementTopicInline]


@admin.register(StatementRevision)
class StatementRevisionAdmin(admin.ModelAdmin):
    list_display = ["statement", "replaced_at", "checksum"]
    raw_id_fields = ["statement"]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_ru"]
    search_fields = ["code", "name_en", "name_ru"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_ru"]
    search_fields = ["slug", "name_en", "name_ru"]


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["key", "name_ru", "name_en"]
    search_fields = ["key", "name_ru", "name_en", "names__name"]
    inlines = [PersonNameInline]


@admin.register(PersonName)
class PersonNameAdmin(admin.ModelAdmin):
    list_display = ["name", "person"]
    search_fields = ["name"]
    raw_id_fields = ["person"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "statement", "origin", "verified", "rejected"]
    list_filter = ["kind", "origin", "verified", "rejected"]
    raw_id_fields = ["statement"]
    search_fields = ["text"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "ends_on", "precision", "statement", "origin", "verified", "rejected"]
    list_filter = ["precision", "origin", "verified", "rejected"]
    raw_id_fields = ["statement"]
    search_fields = ["text", "title"]
