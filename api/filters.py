"""The pages' FilterSets, with what only the API needs on top: a sort whitelist, the events page's month.

Every filter of statements.search.filters is inherited unchanged, so a filter means
the same thing on a page and in the API. The backend is stricter than a page
form about malformed values: a page may quietly ignore `has_agreements=maybe`,
an API client gets a 400 naming the parameter.
"""

from __future__ import annotations

import calendar

import django_filters as filters
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from statements.choices import Precision
from statements.models import Country, Person, Topic
from statements.search.filters import AgreementFilter, EventFilter, MonthField

# A filter's text (a search query, a party) longer than this is refused: no
# real query is, and lemmatising megabytes of words would tie up a worker.
MAX_TEXT_LENGTH = 500
# What the page's form reads as a boolean, less its legacy codes ("2", "3"), which the schema cannot admit.
BOOLEANS = {"true", "false"}


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter's backend, refusing values a form would silently drop."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is not None:
            errors = {}
            for name, flt in filterset.filters.items():
                values = request.query_params.getlist(name)
                if isinstance(flt, filters.BooleanFilter) and any(v.lower() not in BOOLEANS for v in values):
                    errors[name] = [_("Must be true or false.")]
                elif isinstance(flt, filters.CharFilter) and any(len(v) > MAX_TEXT_LENGTH for v in values):
                    errors[name] = [_("At most %(n)d characters.") % {"n": MAX_TEXT_LENGTH}]
            if errors:
                raise ValidationError(errors)
        return filterset


class SortedFilterSet(filters.FilterSet):
    """A `sort` parameter whose values are the keys of SORTS: nothing else reaches order_by."""

    SORTS: dict[str, tuple[str, ...]] = {}

    def filter_sort(self, queryset, name, value):
        return queryset  # applied in `qs`, after every other filter

    @property
    def qs(self):
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else None
        return queryset.order_by(*self.SORTS[sort or next(iter(self.SORTS))])


def sort_filter(sorts: dict[str, tuple[str, ...]], help_text: str) -> filters.ChoiceFilter:
    default = next(iter(sorts))
    return filters.ChoiceFilter(
        method="filter_sort", label=_("Sort"), choices=[(key, key) for key in sorts],
        help_text=f"{help_text} Default: `{default}`.",
    )


AGREEMENT_SORTS = {
    "newest": ("-statement__published_on", "-statement_id", "start"),
    "oldest": ("statement__published_on", "statement_id", "start"),
}


class AgreementAPIFilter(SortedFilterSet, AgreementFilter):
    SORTS = AGREEMENT_SORTS
    sort = sort_filter(AGREEMENT_SORTS, "Order by the statement's date.")

    class Meta(AgreementFilter.Meta):
        fields = [*AgreementFilter.Meta.fields, "sort"]


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2018-08",
                     "description": "Events overlapping this month (YYYY-MM), as on the calendar page"})
class MonthFilter(filters.Filter):
    field_class = MonthField


EVENT_SORTS = {
    "soonest": ("starts_on", "ends_on", "id"),
    "latest": ("-starts_on", "-ends_on", "-id"),
    "newest_statement": ("-statement__published_on", "-statement_id", "start"),
}


class EventAPIFilter(SortedFilterSet, EventFilter):
    # The calendar page's month, as `start`/`end` of that month.
    month = MonthFilter(method="filter_month", label=_("Month"))
    # Precision is a closed vocabulary: say so in the schema and refuse anything else.
    precision = filters.ChoiceFilter(choices=Precision.choices, label=_("Precision"))
    sort = sort_filter(EVENT_SORTS, "`soonest` and `latest` order by the event's dates.")
    SORTS = EVENT_SORTS

    class Meta(EventFilter.Meta):
        fields = [*EventFilter.Meta.fields, "month", "sort"]

    def filter_month(self, queryset, name, value):
        last = value.replace(day=calendar.monthrange(value.year, value.month)[1])  # no overflow in 9999-12
        return queryset.filter(ends_on__gte=value, starts_on__lte=last)


PAST_EVENT_SORTS = {"latest": EVENT_SORTS["latest"], **EVENT_SORTS}


class PastEventAPIFilter(EventAPIFilter):
    """Past events: the most recent first unless asked otherwise."""

    SORTS = PAST_EVENT_SORTS
    sort = sort_filter(PAST_EVENT_SORTS, "`soonest` and `latest` order by the event's dates.")


class VocabularyFilter(SortedFilterSet):
    """Countries, people and topics: by their key, their name, or how often they occur."""


def vocabulary_filter(model, key: str, name: tuple[str, ...]) -> type[VocabularyFilter]:
    sorts = {key: (key,), "name": (*name, key), "statements": ("-statement_count", key)}
    attrs = {
        "SORTS": sorts,
        "sort": sort_filter(sorts, "`statements`: most statements first."),
        "Meta": type("Meta", (), {"model": model, "fields": ["sort"]}),
    }
    return type(f"{model.__name__}Filter", (VocabularyFilter,), attrs)


CountryFilter = vocabulary_filter(Country, "code", ("name_en",))
PersonFilter = vocabulary_filter(Person, "key", ("surname_ru", "surname_en"))
TopicFilter = vocabulary_filter(Topic, "slug", ("name_en",))
