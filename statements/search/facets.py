"""Facet counts for the search page: how many results each choice would give.

A country, topic or person link adds a constraint to the current ones, so its
count is taken within the current results. A kind or language link replaces
that filter, so its count is taken with every other filter active. Each facet
is one GROUP BY query, whatever the number of results (kinds, languages and the
two flags share one when no kind or language is chosen); the whole archive's
are counted on the link tables alone (and cached by the view). An active
choice's link, like its chip above the results, is the search without it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from statements.choices import Kind, Language
from statements.models import (
    Agreement,
    Country,
    Event,
    Person,
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
            labels[name, getattr(obj, attr)] = str(obj) if name == "person" else (
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


def _without(filterset, data: QueryDict, name: str):
    rest = data.copy()
    rest.pop(name, None)
    rest.pop("sort", None)
    return filterset.for_counting(rest).unordered


def _top(model, link_model, link: str, ids, *, distinct: bool = False):
    """The FACET_SIZE objects most linked to the statements `ids` (None: to any statement), with counts.

    `distinct`: a statement may be linked to an object more than once (a
    person as speaker and as mentioned); a country or topic only once, and
    then COUNT(*) spares a sort of every link.
    """
    links = link_model.objects.all() if ids is None else link_model.objects.filter(statement__in=ids)
    n = Count("statement", distinct=True) if distinct else Count("*")
    counts = list(links.values(link).annotate(n=n).order_by("-n", link)[:FACET_SIZE])
    objects = model.objects.in_bulk([row[link] for row in counts])
    result = []
    for row in counts:
        obj = objects[row[link]]
        obj.n = row["n"]
        result.append(obj)
    return result


def _kind_language_flags(filterset, data: QueryDict, current, *, unfiltered: bool):
    """Counts by kind and by language, and how many have agreements or dated events, in as few scans as can be.

    A kind or language not chosen is counted over the current results, with
    the two flags, in one GROUP BY (of kind, language when neither is
    chosen). A chosen one is left out of its own facet's counts, which then
    need a search of their own.
    """
    agreed = Exists(Agreement.objects.filter(statement=OuterRef("pk"), rejected=False))
    dated = Exists(Event.objects.filter(statement=OuterRef("pk"), rejected=False, starts_on__isnull=False))
    flagged = {} if unfiltered else {"has_agreements": Count("pk", filter=agreed),
                                     "has_events": Count("pk", filter=dated)}
    chosen = [name for name in ("kind", "language") if any(v.strip() for v in data.getlist(name))]
    counts: dict[str, dict[str, int]] = {"kind": {}, "language": {}}
    for name in chosen:
        base = _without(filterset, data, name)
        counts[name] = dict(base.values_list(name).annotate(n=Count("pk")).order_by())
    flags = dict.fromkeys(flagged, 0)
    if rest := [name for name in ("kind", "language") if name not in chosen]:
        for row in current.values(*rest).annotate(n=Count("pk"), **flagged).order_by():
            for name in rest:
                counts[name][row[name]] = counts[name].get(row[name], 0) + row["n"]
            for name in flagged:
                flags[name] += row[name]
    elif flagged:
        # (Not one aggregate(): a chosen kind makes the results DISTINCT, and Django then wraps them in a
        # subquery that the EXISTS conditions cannot see into.)
        flags = {"has_agreements": current.filter(agreed).count(), "has_events": current.filter(dated).count()}
    if unfiltered:
        # The whole archive: distinct statements in the (smaller) link tables.
        flags = {
            "has_agreements": Agreement.objects.filter(rejected=False).values("statement").distinct().count(),
            "has_events": Event.objects.filter(rejected=False, starts_on__isnull=False)
            .values("statement").distinct().count(),
        }
    return counts, flags


def compute(filterset, *, lang: str) -> dict[str, list[FacetValue]]:
    """The facets of a FilterSet whose results the page has already fetched (filterset.qs)."""
    data = filterset.data
    unfiltered = not any(value for key, value in data.lists() if key not in ("page", "page_size", "sort"))
    # The page's own filtered statements, in no order: its search is built
    # once (the list annotations are subqueries that counts and ids leave out).
    current = filterset.unordered
    ids = None if unfiltered else current.values("pk")
    facets: dict[str, list[FacetValue]] = {}

    def name_of(obj):
        return obj.name_ru if lang == "ru" else obj.name_en

    chosen = data.getlist("country")
    facets["country"] = [FacetValue(c.code, name_of(c), c.n, _query(data, "country", c.code, replace=False),
                                    c.code in chosen) for c in _top(Country, StatementCountry, "country", ids)]

    chosen = data.getlist("topic")
    facets["topic"] = [FacetValue(t.slug, name_of(t), t.n, _query(data, "topic", t.slug, replace=False),
                                  t.slug in chosen) for t in _top(Topic, StatementTopic, "topic", ids)]

    chosen = data.getlist("person")
    people = _top(Person, StatementPerson, "person", ids, distinct=True)
    facets["person"] = [FacetValue(p.key, str(p), p.n, _query(data, "person", p.key, replace=False),
                                   p.key in chosen) for p in people]

    counts, flags = _kind_language_flags(filterset, data, current, unfiltered=unfiltered)
    for name, choices in (("kind", Kind), ("language", Language)):
        chosen = data.getlist(name)
        facets[name] = [FacetValue(value, str(label), counts[name][value], _query(data, name, value, replace=True),
                                   value in chosen) for value, label in choices.choices if counts[name].get(value)]
    for name in ("has_agreements", "has_events"):
        facets[name] = [FacetValue("true", name, flags[name], _query(data, name, "true", replace=True),
                                   data.get(name) == "true")]
    return facets
