"""The one FilterSet behind the search page, the list pages and the API."""

from __future__ import annotations

import datetime as dt

import django_filters as filters
from django import forms
from django.conf import settings
from django.db.models import Case, Exists, FloatField, OuterRef, Value, When
from django.utils.translation import gettext_lazy as _

from statements.choices import AgreementKind, Kind, Language
from statements.models import Agreement, Country, Event, Person, Statement, Topic
from statements.querysets import relevance_and_cost, search_limits
from statements.search.document import link_lexeme
from statements.search.entities import label
from statements.search.query import MAX_QUERY_LENGTH, named_in, required_count
from statements.search.suggest import corrected_query
from statements.web.widgets import AddOneSelect, CountryInput


class MonthField(forms.CharField):
    """'2018-08' -> the first day of that month: the calendar page's and the events API's `month`."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            year, month = value.split("-")
            return dt.date(int(year), int(month), 1)
        except ValueError:
            raise forms.ValidationError(_("A month looks like 2018-08.")) from None


class LinkedMultipleChoiceFilter(filters.ModelMultipleChoiceFilter):
    """Statements linked to every chosen country, topic or person (country=CN&country=US: both).

    Choices are named by code, slug or key (`to_field_name`) and validated
    here; StatementFilter.filter_queryset applies them, with the words of
    `q`, as one tsquery over the links' lexemes in the search vector
    (statements.search.document.link_lexeme).
    """

    def __init__(self, *args, link: str, lexeme_field: str = "pk", **kwargs):
        self.link = link  # the lexeme's kind: "country", "topic", "person"
        self.lexeme_field = lexeme_field  # what names it in the lexeme: a topic's slug, the others' key
        kwargs.setdefault("conjoined", True)
        kwargs.setdefault("widget", AddOneSelect)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs  # see StatementFilter.filter_queryset

    def lexemes(self, value) -> list[str]:
        return [link_lexeme(self.link, getattr(obj, self.lexeme_field)) for obj in value or ()]


RANKED = ("-rank", "-published_on", "-id")
# Fewer statements than this holding every word of a query: those holding some of them follow.
LOOSE_BELOW = 10
SORTS = {
    "relevance": None,  # rank when searching, newest otherwise
    "newest": ("-published_on", "-published_at", "-id"),
    "oldest": ("published_on", "published_at", "id"),
}


class StatementFilter(filters.FilterSet):
    q = filters.CharFilter(method="filter_search", label=_("Search"), max_length=MAX_QUERY_LENGTH,
                           help_text=_('Web search syntax: "exact phrase", OR, -excluded'))
    country = LinkedMultipleChoiceFilter(
        field_name="countries", link="country", queryset=Country.objects.all(), to_field_name="code",
        widget=CountryInput, label=_("Country"), help_text=_("ISO 3166-1 alpha-2 code; repeat to require several"),
    )
    topic = LinkedMultipleChoiceFilter(
        field_name="topics", link="topic", lexeme_field="slug", queryset=Topic.objects.all(), to_field_name="slug",
        label=_("Topic"),
        help_text=_("Topic slug, e.g. peace-treaty (see /api/topics/); repeat to require several"),
    )
    # Hidden on the page: people number in the thousands, so they are chosen
    # through the facets and person pages, and kept in the URL.
    person = LinkedMultipleChoiceFilter(
        field_name="people", link="person", queryset=Person.objects.all(), to_field_name="key", label=_("Person"),
        widget=forms.MultipleHiddenInput, help_text=_("person key, e.g. lavrov-sergey; repeat to require several"),
    )
    kind = filters.MultipleChoiceFilter(choices=Kind.choices, label=_("Kind"), widget=AddOneSelect,
                                        help_text=_("Kind of statement; repeat for any of several"))
    language = filters.ChoiceFilter(choices=Language.choices, label=_("Language"))
    date_from = filters.DateFilter(field_name="published_on", lookup_expr="gte", label=_("From"),
                                   widget=forms.DateInput(attrs={"type": "date"}),
                                   help_text=_("Published on or after this date (YYYY-MM-DD)"))
    date_to = filters.DateFilter(field_name="published_on", lookup_expr="lte", label=_("To"),
                                 widget=forms.DateInput(attrs={"type": "date"}),
                                 help_text=_("Published on or before this date (YYYY-MM-DD)"))
    has_agreements = filters.BooleanFilter(method="filter_has_agreements", label=_("Has agreements"),
                                           help_text=_("With (true) or without (false) agreements not rejected"))
    has_events = filters.BooleanFilter(method="filter_has_events", label=_("Has dated events"),
                                       help_text=_("With (true) or without (false) events with calendar dates, "
                                                   "past or upcoming"))
    sort = filters.ChoiceFilter(
        method="filter_sort", label=_("Sort"), empty_label=None,
        help_text=_("relevance: best match first when searching with q, else newest first"),
        choices=[("relevance", _("relevance")), ("newest", _("newest")), ("oldest", _("oldest"))],
    )

    class Meta:
        model = Statement
        fields = ["q", "country", "topic", "person", "kind", "language", "date_from", "date_to",
                  "has_agreements", "has_events", "sort"]

    def filter_search(self, queryset, name, value):
        return queryset  # see filter_queryset

    def filter_queryset(self, queryset):
        """The other filters, then the words and the chosen links as one search (statements.search.query)."""
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        required = [lexeme for name in ("country", "topic", "person")
                    for lexeme in self.filters[name].lexemes(data.get(name))]
        query = data.get("q") or ""
        if not (query.strip() or required):
            return queryset
        if self.ranking:
            rank, self.rank_cost, self.most_matches = relevance_and_cost(query)
        else:
            rank = Value(0.0, output_field=FloatField())
        if self.loose_decision is not None:  # a count for facets: as the search it counts for
            self.loosened = self.loose_decision
            return queryset.search(query, required=required, rank=rank, loose=self.loose_decision)
        found = queryset.search(query, required=required, rank=rank)
        # A researcher typing three words expects the statements about them, not only the two or
        # three that hold every word: then those holding some of them follow, ranked (fewer words,
        # lower rank), and the page and the API say so.
        # Those holding every word come first whatever the order (`held_all`); a loose search
        # too large to rank would bury them under the newest, so it is not made.
        if self.loosen_when_few and required_count(query) > 1 and found.estimated_count() < LOOSE_BELOW * 10:
            held_all = list(found.order_by().values_list("pk", flat=True)[:LOOSE_BELOW])
            if len(held_all) < LOOSE_BELOW:
                loose = queryset.search(query, required=required, loose=True, rank=rank)
                if loose.estimated_count() <= search_limits()[0]:
                    self.loosened = True
                    return loose.annotate(held_all=Case(When(pk__in=held_all, then=Value(1)), default=Value(0)))
        return found

    def filter_has_agreements(self, queryset, name, value):
        exists = Exists(Agreement.objects.filter(statement=OuterRef("pk"), rejected=False))
        return queryset.filter(exists if value else ~exists)

    def filter_has_events(self, queryset, name, value):
        exists = Exists(Event.objects.filter(statement=OuterRef("pk"), rejected=False, starts_on__isnull=False))
        return queryset.filter(exists if value else ~exists)

    def filter_sort(self, queryset, name, value):
        return queryset  # applied last, in `qs`, once the search rank exists

    # Set by `qs`: the planner's estimate of a search's matches (None when
    # not searching), whether the results are ranked, and whether relevance
    # was asked for but the matches were too many to rank (rank_limit).
    size: int | None = None
    rank_cost = 1  # ts_rank calls per match (querysets.relevance_and_cost)
    most_matches: int | None = None
    loosened = False  # few statements hold every word: those holding some of them are shown too
    ranked = False
    newest_instead = False
    rank_limit = 0

    # Whether the search's rank is computed, and whether to search loosely whatever the matches
    # (None: decide): facets count without rank, as the search they count for (for_counting).
    ranking = True
    loose_decision: bool | None = None
    # Only a list a reader goes through, ranked (the search page, the API's list), is loosened:
    # an export, a feed or a job takes exactly the statements that hold every word.
    loosen_when_few = False

    def for_counting(self, data):
        """The same kind of search with other parameters, for facet counts (statements.search.facets):
        no rank, and as loose as this one was, without deciding again."""
        counting = type(self)(data, queryset=Statement.objects.all())
        counting.ranking = False
        counting.loose_decision = self.loosened
        return counting

    @property
    def unordered(self):
        """The filtered statements in no order: what facets count (no ranking decision, no EXPLAIN)."""
        self.ranking = False
        return super().qs.order_by()

    @property
    def qs(self):
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else None
        words = bool(self.form.cleaned_data.get("q", "").strip()) if self.is_bound else False
        # A search matching more than rank_limit() statements is made of words
        # common in the archive, which say little about relevance: newest
        # first then. Up to sort_limit() matches are found by the GIN index
        # and sorted after; more are dense enough for the date index.
        self.size = size = queryset.estimated_count() if queryset.is_search() else None
        self.rank_limit, sorted_up_to = search_limits() if size is not None else (0, 0)
        if size is not None and not self.loosened:
            # Ranking costs a ts_rank per part and match: the limit is for one part. The matches are at
            # most the fewest of any part's (the planner's estimate of words together can be far under).
            self.rank_limit = max(settings.SEARCH_RANK_FLOOR, self.rank_limit // max(1, self.rank_cost))
        narrow = size is not None and size <= sorted_up_to
        order = SORTS.get(sort or "relevance")
        if order is None:
            at_most = max(size or 0, 0 if self.loosened else (self.most_matches or 0))
            self.ranked = words and narrow and at_most <= self.rank_limit
            self.newest_instead = words and not self.ranked
            order = RANKED if self.ranked else SORTS["newest"]
        if self.loosened:
            return queryset.order_by("-held_all", *order)
        return queryset.order_by(*order) if order is RANKED else queryset.sorted(*order, narrow=narrow)

    @property
    def query(self) -> str:
        return (self.form.cleaned_data.get("q") or "") if self.is_bound and self.is_valid() else ""

    def named(self, lang: str = "ru") -> list[dict]:
        """What the query's words name and were searched for as well (statements.search.entities):
        [{"text": "КНР", "also": ["Китай"]}, {"text": "Курилы", "also": ["Курильские острова", ...]}]."""
        named = []
        for text, meaning in named_in(self.query):
            # "Монголия" names Монголия: nothing to tell the reader.
            also = [name for name in sorted(meaning.phrases) + sorted(label(x, lang) for x in meaning.lexemes)
                    if name.lower() != text.lower()]
            if also:
                named.append({"text": text, "also": also})
        return named

    def corrected(self) -> StatementFilter | None:
        """The same search with misspelt names replaced by the nearest known ones, or None.

        For a search that found nothing: the page and the API both search the
        correction instead and say so.
        """
        query = self.query
        better = corrected_query(query) if query.strip() else None
        if not better:
            return None
        data = self.data.copy()
        data["q"] = better
        again = type(self)(data, queryset=self.queryset, request=self.request)
        again.loosen_when_few = self.loosen_when_few
        return again


class EventFilter(filters.FilterSet):
    """Events whose period overlaps [start, end]; by country; upcoming or past."""

    start = filters.DateFilter(method="filter_start", label=_("Overlapping from"),
                               help_text=_("Events still going on at or after this date (YYYY-MM-DD)"))
    end = filters.DateFilter(method="filter_end", label=_("Overlapping until"),
                             help_text=_("Events begun at or before this date (YYYY-MM-DD)"))
    country = filters.ModelMultipleChoiceFilter(field_name="countries", queryset=Country.objects.all(),
                                                to_field_name="code", label=_("Country"),
                                                help_text=_("ISO 3166-1 alpha-2 code; repeat for any of several"))
    precision = filters.CharFilter(field_name="precision", label=_("Precision"),
                                   help_text=_("How exact the dates are: day, week, month, year..."))
    verified = filters.BooleanFilter(field_name="verified", help_text=_("Checked by an editor"))

    class Meta:
        model = Event
        fields = ["start", "end", "country", "precision", "verified"]

    def filter_start(self, queryset, name, value):
        return queryset.filter(ends_on__gte=value)

    def filter_end(self, queryset, name, value):
        return queryset.filter(starts_on__lte=value)


class AgreementFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=AgreementKind.choices, label=_("Kind"),
                                help_text=_("agreed: newly agreed; reaffirmed: confirmed again"))
    country = filters.ModelMultipleChoiceFilter(field_name="statement__countries", queryset=Country.objects.all(),
                                                to_field_name="code", label=_("Country"),
                                                help_text=_("A country of the statement (ISO code); repeat for any "
                                                            "of several"))
    party = filters.CharFilter(field_name="parties", lookup_expr="contains", method="filter_party",
                               label=_("Party (ISO code or acronym)"),
                               help_text=_("A party to the agreement: ISO code or organisation, e.g. JP or UN"))
    date_from = filters.DateFilter(field_name="statement__published_on", lookup_expr="gte", label=_("From"),
                                   help_text=_("Statement published on or after this date (YYYY-MM-DD)"))
    date_to = filters.DateFilter(field_name="statement__published_on", lookup_expr="lte", label=_("To"),
                                 help_text=_("Statement published on or before this date (YYYY-MM-DD)"))
    verified = filters.BooleanFilter(field_name="verified", help_text=_("Checked by an editor"))

    class Meta:
        model = Agreement
        fields = ["kind", "country", "party", "date_from", "date_to", "verified"]

    def filter_party(self, queryset, name, value):
        return queryset.filter(parties__contains=[value.strip().upper()])
