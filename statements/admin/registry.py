"""The editors' workplace: review what the machine found, correct it, keep it."""

from __future__ import annotations

import re

from django.contrib import admin, messages
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.contrib.admin.views.main import ChangeList
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _

from statements.admin import review
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
from statements.services import corrections


def sentence_in_context(item, width: int = 120):
    """The item's sentence marked in the text around it."""
    if not item.pk:
        return "—"
    body = item.statement.body
    before = body[max(0, item.start - width):item.start]
    after = body[item.end:item.end + width]
    return format_html("{}{}<mark>{}</mark>{}{}", "…" if item.start > width else "", before,
                       body[item.start:item.end], after, "…" if item.end + width < len(body) else "")


class NaturalTitles:
    """List pages titled by what they list ("Agreements to review"), not "Select agreement to change"."""

    def changelist_view(self, request, extra_context=None):
        title = capfirst(self.model._meta.verbose_name_plural)
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def get_changelist(self, request, **kwargs):
        return StrictChangeList


class StrictChangeList(ChangeList):
    """Filtering by the list's own filters only: `?body__regex=...` is refused (400), not run."""

    def get_filters(self, request):
        specs, has_filters, remaining, duplicates, active = super().get_filters(request)
        if remaining:
            raise DisallowedModelAdminLookup(f"Filtering by {', '.join(sorted(remaining))} not allowed")
        return specs, has_filters, remaining, duplicates, active


class StatementCountryInline(admin.TabularInline):
    model = StatementCountry
    extra = 0
    classes = ["collapse"]
    verbose_name_plural = _("countries")
    readonly_fields = ["origin"]  # an editor's change makes the link the editor's (corrections.save_link_edits)
    autocomplete_fields = ["country"]


class StatementPersonInline(admin.TabularInline):
    model = StatementPerson
    extra = 0
    classes = ["collapse"]
    verbose_name_plural = _("people")
    readonly_fields = ["origin"]  # an editor's change makes the link the editor's (corrections.save_link_edits)
    autocomplete_fields = ["person"]


class StatementTopicInline(admin.TabularInline):
    model = StatementTopic
    extra = 0
    classes = ["collapse"]
    verbose_name_plural = _("topics")
    readonly_fields = ["origin"]  # an editor's change makes the link the editor's (corrections.save_link_edits)
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
class StatementAdmin(NaturalTitles, admin.ModelAdmin):
    # Past 20,000 results the count is the planner's estimate (statements.search.pagination).
    paginator = EstimatingPaginator
    list_display = ["title", "published_on", "kind", "language", "doc_number", "review_link"]
    list_filter = ["kind", "language", ("countries", admin.RelatedOnlyFieldListFilter), "published_on",
                   HasUnverifiedFilter]
    search_fields = ["title", "doc_number", "source_url"]
    # No date_hierarchy: its MIN/MAX over a search walk the date index and
    # read every statement's search vector (seconds at 100,000); the
    # published_on filter gives the same narrowing.
    # The texts come from their sources: a correction is a re-ingestion, which
    # keeps the earlier version and refreshes the search index. Editors
    # correct the statement's description and its links.
    readonly_fields = ["title", "body", "source_url", "doc_number", "language", "key", "checksum", "raw_text",
                       "record", "created_at", "updated_at", "items"]
    fieldsets = [
        (None, {"fields": ["title", ("published_on", "published_at"), ("kind", "language"), "place",
                           ("doc_number", "source_url"), "source", "items"]}),
        (_("Text"), {"fields": ["body"], "classes": ["collapse"]}),
        (_("As ingested"), {"fields": ["raw_text", "record", ("key", "checksum"), ("created_at", "updated_at")],
                            "classes": ["collapse"]}),
    ]
    # Agreements and events are reviewed on the review screen, one statement's together (statements.admin.review).
    inlines = [StatementCountryInline, StatementPersonInline, StatementTopicInline]
    actions = ["reextract"]

    def has_add_permission(self, request):
        return False  # statements come in through ingestion

    def save_formset(self, request, form, formset, change):
        if formset.model in corrections.LINK_KINDS:
            corrections.save_link_edits(formset)  # kept through re-extraction
        else:
            super().save_formset(request, form, formset, change)

    @admin.display(description=_("agreements and events"))
    def items(self, obj):
        counts = review.item_counts(obj)
        return format_html('{} <a class="button" href="{}">{}</a>', counts,
                           reverse("admin:review_statement", args=[obj.pk]), _("Review"))

    @admin.display(description=_("review"))
    def review_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:review_statement", args=[obj.pk]), _("Review"))

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


class ItemAdmin(NaturalTitles, admin.ModelAdmin):
    """Agreements and events, written through statements.services.corrections (which keeps their history)."""

    raw_id_fields = ["statement"]
    search_fields = ["text"]
    list_select_related = ["statement"]
    readonly_fields = ["text", "origin", "source_sentence", "created_at", "updated_at"]
    actions = ["verify", "reject"]

    @admin.display(description=_("sentence in context"))
    def source_sentence(self, obj):
        return sentence_in_context(obj)

    @admin.display(description=_("sentence in context"))
    def sentence_short(self, obj):
        return sentence_in_context(obj, width=60)

    @admin.display(description=_("statement"), ordering="statement__published_on")
    def statement_title(self, obj):
        return format_html('<a href="{}">{}</a><br><small>{}</small>',
                           reverse("admin:review_statement", args=[obj.statement_id]),
                           Truncator(obj.statement.title).chars(90), date_format(obj.statement.published_on))

    @admin.display(description=_("statement date"), ordering="statement__published_on")
    def statement_date(self, obj):
        return obj.statement.published_on

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "statement"] if obj is not None else fields

    def has_delete_permission(self, request, obj=None):
        return False  # rejecting keeps an item, so extraction does not bring it back

    def save_model(self, request, obj, form, change):
        editable = corrections.EDITABLE[self.model._meta.concrete_model]
        names = form.changed_data if change else form.cleaned_data
        fields = {name: form.cleaned_data[name] for name in names if name in editable}
        if change:
            saved = corrections.correct_item(obj, fields, editor=request.user)
        else:
            saved = corrections.create_item(self.model, statement=obj.statement, fields=fields, editor=request.user)
        obj.pk, obj.text, obj.origin = saved.pk, saved.text, saved.origin
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        pass  # the corrections service wrote the item's countries with it

    # The corrections service writes the history entry, with the editor and the fields.
    def log_addition(self, request, obj, message):
        return None

    def log_change(self, request, obj, message):
        return None

    @admin.action(description=_("Mark verified"), permissions=["change"])
    def verify(self, request, queryset):
        n = corrections.verify_items(queryset, editor=request.user)
        self.message_user(request, _("%(n)d item(s) verified.") % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("Reject (kept, never extracted again)"), permissions=["change"])
    def reject(self, request, queryset):
        n = corrections.reject_items(queryset, editor=request.user)
        self.message_user(request, _("%(n)d item(s) rejected.") % {"n": n}, messages.SUCCESS)


@admin.register(Agreement)
class AgreementAdmin(ItemAdmin):
    list_display = ["text", "kind", "parties", "statement_date", "origin", "verified", "rejected"]
    list_filter = ["kind", "origin", "verified", "rejected"]
    fields = ["statement", "kind", "parties", ("start", "end"), "text", ("verified", "rejected"), "source_sentence",
              "origin", "created_at", "updated_at"]


@admin.register(Event)
class EventAdmin(ItemAdmin):
    list_display = ["title", "starts_on", "ends_on", "precision", "place", "statement_date", "origin", "verified",
                    "rejected"]
    list_filter = ["precision", "origin", "verified", "rejected"]
    search_fields = ["text", "title"]
    fields = ["statement", "title", ("starts_on", "ends_on", "precision"), "place", "countries", ("start", "end"),
              "text", ("verified", "rejected"), "source_sentence", "origin", "created_at", "updated_at"]
    autocomplete_fields = ["countries"]


class ReviewQueueMixin:
    """Unverified machine-made items, newest statements first, each with its statement and sentence.

    Everything listed is unverified and unrejected, so no column or filter for
    either: verify or reject them here in bulk, or one statement at a time on
    the review screen (the statement's link).
    """

    list_filter = []

    class Media:
        css = {"all": ["editors/review.css"]}

    def get_queryset(self, request):
        return (super().get_queryset(request).filter(origin=Origin.MACHINE, verified=False, rejected=False)
                .order_by("-statement__published_on", "statement_id", "start"))

    def has_add_permission(self, request):
        return False


@admin.register(AgreementReview)
class AgreementReviewAdmin(ReviewQueueMixin, AgreementAdmin):
    list_display = ["statement_title", "sentence_short", "kind", "parties"]
    list_filter = ["kind"]


@admin.register(EventReview)
class EventReviewAdmin(ReviewQueueMixin, EventAdmin):
    list_display = ["statement_title", "sentence_short", "title", "starts_on", "ends_on", "precision"]
    list_filter = ["precision"]


@admin.register(StatementRevision)
class StatementRevisionAdmin(NaturalTitles, admin.ModelAdmin):
    list_display = ["statement", "replaced_at", "checksum"]
    raw_id_fields = ["statement"]


@admin.register(Country)
class CountryAdmin(NaturalTitles, admin.ModelAdmin):
    list_display = ["code", "name_en", "name_ru"]
    search_fields = ["code", "name_en", "name_ru"]


@admin.register(Topic)
class TopicAdmin(NaturalTitles, admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_ru"]
    search_fields = ["slug", "name_en", "name_ru"]


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 0


@admin.register(Person)
class PersonAdmin(NaturalTitles, admin.ModelAdmin):
    list_display = ["key", "name_ru", "name_en"]
    search_fields = ["key", "name_ru", "name_en", "names__name"]
    inlines = [PersonNameInline]


@admin.register(PersonName)
class PersonNameAdmin(NaturalTitles, admin.ModelAdmin):
    list_display = ["name", "person"]
    search_fields = ["name"]
    raw_id_fields = ["person"]
