"""The editors' workplace: review what the machine found, correct it, keep it."""

from __future__ import annotations

import re

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef, Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from statements.choices import Origin
from statements.models import (
    Agreement,
    AgreementReview,
    Country,
    Event,
    EventReview,
    Person,
    PersonName,
    Statement,
    StatementCountry,
    StatementPerson,
    StatementRevision,
    StatementTopic,
    Topic,
)
from statements.search.pagination import EstimatingPaginator


class EditorTouchMixin:
    """An item an editor changes becomes the editor's: re-extraction keeps it."""

    def mark_edited(self, obj, changed: bool) -> None:
        if changed and obj.origin == Origin.MACHINE:
            obj.origin = Origin.EDITOR


class ItemInline(EditorTouchMixin, admin.StackedInline):
    extra = 0
    readonly_fields = ["origin", "source_sentence"]
    show_change_link = True

    @admin.display(description=_("source sentence"))
    def source_sentence(self, obj):
        if not obj.pk:
            return "—"
        body = obj.statement.body
        before = body[max(0, obj.start - 120):obj.start]
        return format_html("…{}<mark>{}</mark>{}…", before, body[obj.start:obj.end], body[obj.end:obj.end + 120])


class AgreementInline(ItemInline):
    model = Agreement
    fields = [("kind", "parties"), "text", ("start", "end"), ("origin", "verified", "rejected"), "source_sentence"]


class EventInline(ItemInline):
    model = Event
    fields = ["title", ("starts_on", "ends_on", "precision", "place"), "text", ("start", "end"),
              ("origin", "verified", "rejected"), "source_sentence"]


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
    autocomplete_fields = ["topic"]


class HasUnverifiedFilter(admin.SimpleListFilter):
    title = _("has unverified items")
    parameter_name = "unverified"

    def lookups(self, request, model_admin):
        return [("yes", _("yes")), ("no", _("no"))]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        pending = Q(verified=False, rejected=False)
        exists = (Exists(Agreement.objects.filter(pending, statement=OuterRef("pk")))
                  | Exists(Event.objects.filter(pending, statement=OuterRef("pk"))))
        return queryset.filter(exists if self.value() == "yes" else ~exists)


# What an editor pastes to find one statement: a mid.ru document number, its address.
DOC_NUMBER = re.compile(r"\d+(?:-\d+)+")
URL = re.compile(r"https?://\S+")


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    # Past 20,000 results the count is the planner's estimate (statements.search.pagination).
    paginator = EstimatingPaginator
    list_display = ["title", "published_on", "kind", "language", "doc_number"]
    list_filter = ["kind", "language", ("countries", admin.RelatedOnlyFieldListFilter), "published_on",
                   HasUnverifiedFilter]
    search_fields = ["title", "doc_number", "source_url"]
    # No date_hierarchy: its MIN/MAX over a search walk the date index and
    # read every statement's search vector (seconds at 100,000); the
    # published_on filter gives the same narrowing.
    readonly_fields = ["key", "checksum", "raw_text", "record", "created_at", "updated_at"]
    inlines = [AgreementInline, EventInline, StatementCountryInline, StatementPersonInline, StatementTopicInline]
    actions = ["reextract"]

    def get_search_results(self, request, queryset, search_term):
        """A mid.ru document number or a source address finds its statement; anything else is a full-text search.

        Full text as on the public pages (stems, lemmas, phrases), title
        included. Not OR-ed with LIKE lookups: with an OR the database checks
        the words statement by statement, reading each search vector from
        TOAST (seconds at 100,000 statements).
        """
        term = search_term.strip()
        if not term:
            return queryset, False
        if DOC_NUMBER.fullmatch(term):
            return queryset.filter(doc_number=term), False
        if URL.fullmatch(term):
            return queryset.filter(source_url=term), False
        return queryset.search(term), False

    def save_formset(self, request, form, formset, change):
        items = formset.save(commit=False)
        for obj in items:
            if isinstance(obj, Agreement | Event):
                changed = obj.pk is None or any(f.instance is obj and f.has_changed() for f in formset.forms)
                if obj.pk is None:
                    obj.origin = Origin.EDITOR
                else:
                    EditorTouchMixin().mark_edited(obj, changed)
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()

    @admin.action(description=_("Re-extract (keeps every editor's work)"), permissions=["change"])
    def reextract(self, request, queryset):
        """Queue the selected statements (or the whole filtered set) for a worker; returns at once."""
        from django.urls import reverse

        from statements.services.tasks import start_reextract

        job = start_reextract(queryset, requested_by=request.user)
        url = reverse("admin:statements_job_change", args=[job.pk])
        self.message_user(request, format_html(
            _("Re-extraction of {n} statement(s) queued: <a href=\"{url}\">follow its progress</a>."),
            n=job.total, url=url), messages.SUCCESS)


class ItemAdmin(EditorTouchMixin, admin.ModelAdmin):
    raw_id_fields = ["statement"]
    search_fields = ["text"]
    list_select_related = ["statement"]
    readonly_fields = ["origin", "source_sentence", "created_at", "updated_at"]
    actions = ["verify", "reject"]

    @admin.display(description=_("source sentence"))
    def source_sentence(self, obj):
        return ItemInline.source_sentence(self, obj)

    @admin.display(description=_("statement date"), ordering="statement__published_on")
    def statement_date(self, obj):
        return obj.statement.published_on

    def save_model(self, request, obj, form, change):
        if not change:
            obj.origin = Origin.EDITOR
        else:
            self.mark_edited(obj, form.has_changed())
        super().save_model(request, obj, form, change)

    def _bulk(self, request, queryset, message: str, **changes) -> int:
        items = list(queryset)
        for obj in items:
            for field, value in changes.items():
                setattr(obj, field, value)
            obj.save(update_fields=[*changes, "updated_at"])
            self.log_change(request, obj, message)  # shows in the item's history
        return len(items)

    @admin.action(description=_("Mark verified"), permissions=["change"])
    def verify(self, request, queryset):
        n = self._bulk(request, queryset, "Marked verified", verified=True)
        self.message_user(request, _("%(n)d item(s) verified.") % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("Reject (kept, never extracted again)"), permissions=["change"])
    def reject(self, request, queryset):
        n = self._bulk(request, queryset, "Rejected", rejected=True, verified=False)
        self.message_user(request, _("%(n)d item(s) rejected.") % {"n": n}, messages.SUCCESS)


@admin.register(Agreement)
class AgreementAdmin(ItemAdmin):
    list_display = ["text", "kind", "parties", "statement_date", "origin", "verified", "rejected"]
    list_filter = ["kind", "origin", "verified", "rejected"]
    fields = ["statement", "kind", "parties", "text", ("start", "end"), ("verified", "rejected"), "source_sentence",
              "origin", "created_at", "updated_at"]


@admin.register(Event)
class EventAdmin(ItemAdmin):
    list_display = ["title", "starts_on", "ends_on", "precision", "place", "statement_date", "origin", "verified",
                    "rejected"]
    list_filter = ["precision", "origin", "verified", "rejected"]
    search_fields = ["text", "title"]
    fields = ["statement", "title", ("starts_on", "ends_on", "precision"), "place", "countries", "text",
              ("start", "end"), ("verified", "rejected"), "source_sentence", "origin", "created_at", "updated_at"]
    autocomplete_fields = ["countries"]


class ReviewQueueMixin:
    """Unverified machine-made items, newest statements first, for bulk verification."""

    def get_queryset(self, request):
        return (super().get_queryset(request).filter(origin=Origin.MACHINE, verified=False, rejected=False)
                .order_by("-statement__published_on", "statement_id", "start"))

    def has_add_permission(self, request):
        return False


@admin.register(AgreementReview)
class AgreementReviewAdmin(ReviewQueueMixin, AgreementAdmin):
    pass


@admin.register(EventReview)
class EventReviewAdmin(ReviewQueueMixin, EventAdmin):
    pass


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
