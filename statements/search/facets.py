"""Facet counts for the search page: how many results each choice would give.

A country, topic or person link adds a constraint to the current ones, so its
count is taken within the current results. A kind or language link replaces
that filter, so its count is taken with every other filter active. An active
choice's link, like its chip above the results, is the search without it.

What is counted is a Tally (tally()): every result when there are at most
settings.SEARCH_PAGE_EXACT_LIMIT of them, else a sample of about SAMPLE_SIZE,
taken from ranges of statement ids spread over the whole archive, and scaled
up. Grouping the links of every match of a word found in most of the
archive takes seconds; a sample costs the same whatever the number of matches.
Counts from a sample are marked approximate, and so is the total they give.
The whole archive's facets are counted on the link tables alone (and cached by
the view).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from statements.choices import Kind, Language
from statements.models import (
    Agreement,
    Country,
    Event,
    Person,
    Statement,
    StatementCountry,
    StatementPerson,
    StatementTopic,
    Topic,
)

FACET_SIZE = 12


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    query: str  # the query string a click leads to
    active: bool
    approximate: bool = False  # scaled up from a sample (Tally): shown as "≈"


def _query(data: QueryDict, name: str, value: str, *, replace: bool) -> str:
    query = data.copy()
    query.pop("page", None)
    if value in data.getlist(name):
        # An active choice's link takes it away again.
        return _removed(data, name, value)
    if replace:
        query.setlist(name, [value])
    else:
        values = query.getlist(name)
        if value not in values:
            query.setlist(name, [*values, value])
    return query.urlencode()


def _removed(data: QueryDict, name: str, value: str) -> str:
    """The query string without one value of one parameter (and on the first page)."""
    query = data.copy()
    query.pop("page", None)
    query.setlist(name, [v for v in data.getlist(name) if v != value])
    return query.urlencode()


@dataclass(frozen=True)
class Chip:
    """An active filter above the results, and the query string of the same search without it."""

    name: str
    value: str
    label: str
    query: str


# The parameters a chip stands for: every filter but the words (in the search box) and the order.
CHIP_PARAMS = ("country", "topic", "person", "kind", "language", "date_from", "date_to",
               "has_agreements", "has_events")
FLAG_LABELS = {("has_agreements", "true"): _("with agreements"), ("has_agreements", "false"): _("without agreements"),
               ("has_events", "true"): _("with dated events"), ("has_events", "false"): _("without dated events")}
# What the page's form reads as yes or no (Django's NullBooleanSelect); anything else filters nothing.
FLAG_VALUES = {"true": "true", "1": "true", "True": "true", "false": "false", "0": "false", "False": "false"}


def chips(filterset, *, lang: str) -> list[Chip]:
    """The active filters as the reader would name them, each with the link that removes it alone.

    Built from the raw parameters, so that a value the form refused (an
    unknown country, a malformed date) can be removed the same way.
    """
    data = filterset.data
    cleaned = getattr(filterset.form, "cleaned_data", {}) if filterset.is_bound else {}
    labels: dict[tuple[str, str], str] = {}
    for name, attr in (("country", "code"), ("topic", "slug"), ("person", "key")):
        for obj in cleaned.get(name) or ():
            labels[name, getattr(obj, attr)] = obj.name_in(lang) if name == "person" else (
                obj.name_ru if lang == "ru" else obj.name_en)
    labels.update({("kind", value): str(label) for value, label in Kind.choices})
    labels.update({("language", value): str(label) for value, label in Language.choices})
    result = []
    for name in CHIP_PARAMS:
        field = filterset.form.fields[name]
        for value in data.getlist(name):
            if not value.strip():
                continue
            if name in ("has_agreements", "has_events"):
                if value not in FLAG_VALUES:
                    continue
                text = str(FLAG_LABELS[name, FLAG_VALUES[value]])
            else:
                shown = labels.get((name, value)) or labels.get((name, value.strip().upper())) or value
                text = f"{field.label}: {shown}"
            result.append(Chip(name, value, text, _removed(data, name, value)))
    return result


def about(n: float) -> int:
    """A count scaled up from a sample, to two significant figures: 13,650 -> 14,000 (87 stays 87)."""
    n = round(n)
    if n < 100:
        return n
    step = 10 ** (int(math.log10(n)) - 1)
    return round(n / step) * step


# Ranges of ids a sample is taken from: at most this many, one in each of as many equal parts of the
# archive's ids, so that a sample holds statements of every period of ingest, not only the first ingested.
SAMPLE_RANGES = 50
# Fetches of a sample before giving up (an estimate far off): each narrows or widens the ranges.
SAMPLE_TRIES = 4
# Statements a sample aims at: a facet's share among them is within about 5 points of its share among all
# results (one standard error of a share near a half is 3 points), and the links of so many are grouped in
# a few milliseconds. A sample of a quarter of this to the exact limit is kept; others are taken again.
SAMPLE_SIZE = 300


@dataclass(frozen=True)
class Tally:
    """The statements facets are counted over: `rows` (id, kind, language) of every result (exact) or of a
    sample; `scale` turns a count among them into one among all results; `total` all results, exact or
    estimated (to two significant figures). `ranges` restrict another search to the same sample."""

    rows: tuple[tuple[int, str, str], ...]
    exact: bool
    total: int
    scale: float = 1.0
    ranges: Q | None = None

    @property
    def ids(self) -> list[int]:
        return [row[0] for row in self.rows]

    def scaled(self, count: int) -> int:
        return count if self.exact else about(count * self.scale)


def _id_ranges(share: float) -> tuple[Q, float] | None:
    """Up to SAMPLE_RANGES ranges of ids covering about `share` of the archive's id span, and the share they
    cover exactly (None: an empty archive). Each range is an index scan of the primary key, which
    PostgreSQL ANDs with the GIN index of a search: only the statements in the ranges are read."""
    bounds = Statement.objects.aggregate(lo=Min("id"), hi=Max("id"))
    if bounds["lo"] is None:
        return None
    lo, span = bounds["lo"], bounds["hi"] - bounds["lo"] + 1
    # (Fewer ranges in a small archive: each holds one id at least.)
    count = max(1, min(SAMPLE_RANGES, int(span * share)))
    width = max(1, math.ceil(span * share / count))
    stride = span / count
    # One range somewhere in each stride, always the same place for the same archive (a search gives the
    # same counts each time): not at the start of each, which would be the same place of every period of
    # statements ingested in a cycle (a batch of ten sources, a corpus repeated).
    places = random.Random(count).random
    condition, covered, end = Q(), 0, lo
    for i in range(count):
        first = max(lo + int(i * stride + places() * max(0.0, stride - width)), end)
        last = min(first + width, lo + span)
        if last > first:
            condition |= Q(pk__gte=first, pk__lt=last)
            covered += last - first
        end = last
    return condition, covered / span


def tally(queryset, estimate: int | None = None, *, share: float | None = None,
          tries: int = SAMPLE_TRIES) -> Tally | None:
    """What the facets count: `queryset`'s statements (unordered), every one or a sample (see Tally).

    `estimate`: the planner's estimate of their number, when the caller has it. It decides the first
    sample's size only: a sample of too many or too few is taken again, narrower or wider. None when
    no fair sample could be had (the page then says the counts wait for a narrower search). `share` and
    `tries`: where a caller's own first try (tally_search()) left off.
    """
    limit, target = _sample_bounds()
    rows_of = queryset.order_by().values_list("pk", "kind", "language")
    if estimate is None:
        estimate = queryset.estimated_count()
    if share is None:
        share = 1.0 if estimate <= limit else target / estimate
    for _try in range(tries):
        ranges = _id_ranges(share) if share < 1 else None
        if ranges is None or ranges[1] >= 1:
            # Ranges over every id: the results themselves, if they are few enough.
            rows = tuple(rows_of[:limit + 1])
            if len(rows) <= limit:
                return Tally(rows, exact=True, total=len(rows))
            share = target / (limit + 1)
            continue
        condition, covered = ranges
        rows = tuple(rows_of.filter(condition)[:limit + 1])
        if len(rows) > limit or len(rows) < target // 4:
            # Too many to count cheaply, or too few to say much: ranges sized after what these held.
            share = covered * target / max(len(rows), 1)
            continue
        return _sample(rows, covered, condition)
    return None


def _sample_bounds() -> tuple[int, int]:
    """(the most results counted exactly, the statements a sample aims at)."""
    limit = settings.SEARCH_PAGE_EXACT_LIMIT
    return limit, min(SAMPLE_SIZE, limit // 2)


def _sample(rows: tuple, covered: float, ranges: Q, *, results: bool = True) -> Tally:
    """A Tally of the rows found in `ranges`, which cover `covered` of the archive's ids. The results of a
    search taken in a sample are more than the exact limit, or it would have counted them all."""
    total = len(rows) / covered
    if results:
        total = max(total, settings.SEARCH_PAGE_EXACT_LIMIT + 1)
    return Tally(rows, exact=False, total=about(total), scale=1 / covered, ranges=ranges)


# Where a row of a Tally holds the kind and the language.
ROW_POSITION = {"kind": 1, "language": 2}


def tally_search(filterset) -> tuple[Tally | None, dict[str, Tally]]:
    """A search's tally (tally()), and the tallies of the same search without its kind or its language when
    one query gave them: {"language": Tally} (compute()'s `others`).

    A kind or language facet counts the search without its own filter (see _kind_language_flags): two
    queries of the sample ranges, the search and the search without that filter, each as costly as the
    other (11-14 ms at 100,000 statements with a date and a language, PostgreSQL ANDing their indexes with
    the GIN index). When a sample is taken and one of the two is chosen, the search without it is read in
    the ranges sized for the search, and the search's own rows are those of the chosen kinds or language:
    the same rows as its own query in the same ranges would give, for one query. When the search without
    its filter holds too many there, the two are counted apart as before.
    """
    data = filterset.data
    results = filterset.unordered
    estimate = filterset.size if filterset.size is not None else results.estimated_count()
    chosen = [name for name in ROW_POSITION if any(v.strip() for v in data.getlist(name))]
    limit, target = _sample_bounds()
    if len(chosen) != 1 or estimate <= limit:
        return tally(results, estimate), {}
    name = chosen[0]
    without = _without(filterset, data, name)
    ranges = _id_ranges(target / estimate)
    # (The planner's guess that the search without its filter holds too many in the ranges: not tried.)
    if ranges is None or ranges[1] >= 1 or without.estimated_count() * target / estimate > limit:
        return tally(results, estimate), {}
    condition, covered = ranges
    wanted = filterset.form.cleaned_data[name]
    wanted = set(wanted) if isinstance(wanted, list | tuple) else {wanted}
    broader = tuple(without.values_list("pk", "kind", "language").filter(condition)[:limit + 1])
    rows = tuple(row for row in broader if row[ROW_POSITION[name]] in wanted)
    if len(broader) > limit:
        return tally(results, estimate), {}
    if len(rows) < target // 4:
        # Too few to say much: on as tally() would go after its first try, with wider ranges.
        return tally(results, estimate, share=covered * target / max(len(rows), 1), tries=SAMPLE_TRIES - 1), {}
    return _sample(rows, covered, condition), {name: _sample(broader, covered, condition, results=False)}


class AnyOf(models.Lookup):
    """`column = ANY(%s)` with the ids as one array parameter: a thousand ids as a thousand parameters
    (`__in`) cost more to build and send than the query takes to run."""

    lookup_name = "any_of"

    def __init__(self, column: str, ids: list[int]):
        super().__init__(models.F(column), models.Value(list(ids), output_field=ArrayField(models.BigIntegerField())))

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def _without(filterset, data: QueryDict, name: str):
    """The search of `filterset` without the parameter `name`, unordered; built once per FilterSet and name
    (building a search's query reads its words: a few milliseconds)."""
    built = vars(filterset).setdefault("_facets_without", {}) if data is filterset.data else {}
    if name not in built:
        rest = data.copy()
        rest.pop(name, None)
        rest.pop("sort", None)
        built[name] = filterset.for_counting(rest).unordered
    return built[name]


def _top(model, link_model, link: str, ids, *, distinct: bool = False):
    """The FACET_SIZE objects most linked to the statements `ids` (None: to any statement), with counts.

    `distinct`: a statement may be linked to an object more than once (a
    person as speaker and as mentioned); a country or topic only once, and
    then COUNT(*) spares a sort of every link.
    """
    links = link_model.objects.all() if ids is None else link_model.objects.filter(AnyOf("statement_id", ids))
    n = Count("statement", distinct=True) if distinct else Count("*")
    counts = list(links.values(link).annotate(n=n).order_by("-n", link)[:FACET_SIZE])
    objects = model.objects.in_bulk([row[link] for row in counts])
    result = []
    for row in counts:
        obj = objects[row[link]]
        obj.n = row["n"]
        result.append(obj)
    return result


AGREED = Exists(Agreement.objects.filter(statement=OuterRef("pk"), rejected=False))
DATED = Exists(Event.objects.filter(statement=OuterRef("pk"), rejected=False, starts_on__isnull=False))


def _kind_language_flags(filterset, data: QueryDict, counted: Tally | None, others: dict[str, Tally]):
    """Counts by kind and by language, and how many have agreements or dated events.

    `counted`: the results' Tally (None: the whole archive). A kind or
    language not chosen is counted among its rows; a chosen one is left out
    of its own facet's counts, which then need a search (and a tally) of their own, unless `others` has
    it (tally_search()).
    """
    chosen = [name for name in ("kind", "language") if any(v.strip() for v in data.getlist(name))]
    counts: dict[str, dict[str, int]] = {"kind": {}, "language": {}}
    if counted is None:
        for row in Statement.objects.values("kind", "language").annotate(n=Count("pk")).order_by():
            for name in ("kind", "language"):
                counts[name][row[name]] = counts[name].get(row[name], 0) + row["n"]
        # The whole archive: distinct statements in the (smaller) link tables.
        flags = {
            "has_agreements": Agreement.objects.filter(rejected=False).values("statement").distinct().count(),
            "has_events": Event.objects.filter(rejected=False, starts_on__isnull=False)
            .values("statement").distinct().count(),
        }
        return counts, flags, False
    approximate = not counted.exact
    for name, position in ROW_POSITION.items():
        if name in chosen:
            if name in others:
                other = others[name]
            else:
                base = _without(filterset, data, name)
                # The same sample ranges as the results' when theirs is a sample: a count of a few thousand
                # more statements would cost what the sample saved.
                other = tally(base) if counted.ranges is None else _sampled(base, counted)
            if other is None:
                continue
            approximate = approximate or not other.exact
            found = Counter(row[position] for row in other.rows)
            counts[name] = {value: other.scaled(n) for value, n in found.items()}
        else:
            found = Counter(row[position] for row in counted.rows)
            counts[name] = {value: counted.scaled(n) for value, n in found.items()}
    flags = Statement.objects.filter(AnyOf("id", counted.ids)).aggregate(
        has_agreements=Count("pk", filter=AGREED), has_events=Count("pk", filter=DATED))
    return counts, {name: counted.scaled(n) for name, n in flags.items()}, approximate


def _sampled(queryset, like: Tally) -> Tally | None:
    """`queryset`'s statements in the same id ranges as the sample `like`, scaled as it is (a tally of
    their own when they are too many there)."""
    limit = settings.SEARCH_PAGE_EXACT_LIMIT
    rows = tuple(queryset.order_by().filter(like.ranges).values_list("pk", "kind", "language")[:limit + 1])
    if len(rows) > limit:
        return tally(queryset)
    return Tally(rows, exact=False, total=about(len(rows) * like.scale), scale=like.scale, ranges=like.ranges)


def filters_anything(filterset) -> bool:
    """Whether the FilterSet's parameters narrow the archive (the order, the page or a parameter it does not
    know leave it whole)."""
    return any(value.strip() for name in filterset.filters if name != "sort" for value in filterset.data.getlist(name))


def compute(filterset, *, lang: str, counted: Tally | None = None,
            others: dict[str, Tally] | None = None) -> dict[str, list[FacetValue]]:
    """The facets of a FilterSet: over `counted` (its results' tally()), or the whole archive when its
    parameters filter nothing. `others`: tallies of the search without its kind or language (tally_search())."""
    data = filterset.data
    if not filters_anything(filterset):
        counted = None
    elif counted is None:
        counted = tally(filterset.unordered, filterset.size)
        if counted is None:
            return {}
    ids = None if counted is None else counted.ids
    approximate = counted is not None and not counted.exact

    def scaled(n: int) -> int:
        return n if counted is None else counted.scaled(n)

    facets: dict[str, list[FacetValue]] = {}

    def name_of(obj):
        return obj.name_ru if lang == "ru" else obj.name_en

    chosen = data.getlist("country")
    countries = _top(Country, StatementCountry, "country", ids)
    facets["country"] = [FacetValue(c.code, name_of(c), scaled(c.n), _query(data, "country", c.code, replace=False),
                                    c.code in chosen, approximate) for c in countries]

    chosen = data.getlist("topic")
    facets["topic"] = [FacetValue(t.slug, name_of(t), scaled(t.n), _query(data, "topic", t.slug, replace=False),
                                  t.slug in chosen, approximate) for t in _top(Topic, StatementTopic, "topic", ids)]

    chosen = data.getlist("person")
    people = _top(Person, StatementPerson, "person", ids, distinct=True)
    facets["person"] = [FacetValue(p.key, p.name_in(lang), scaled(p.n), _query(data, "person", p.key, replace=False),
                                   p.key in chosen, approximate) for p in people]

    counts, flags, kinds_approximate = _kind_language_flags(filterset, data, counted, others or {})
    for name, choices in (("kind", Kind), ("language", Language)):
        chosen = data.getlist(name)
        facets[name] = [FacetValue(value, str(label), counts[name][value], _query(data, name, value, replace=True),
                                   value in chosen, kinds_approximate)
                        for value, label in choices.choices if counts[name].get(value)]
    for name in ("has_agreements", "has_events"):
        facets[name] = [FacetValue("true", name, flags[name], _query(data, name, "true", replace=True),
                                   data.get(name) == "true", approximate)]
    return facets
