"""HTML pages. Views stay thin: reads live in statements.querysets and the FilterSets."""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from statements.choices import Language
from statements.models import Agreement, Country, Event, Person, Statement, Topic
from statements.search import facets
from statements.search.filters import AgreementFilter, MonthField, StatementFilter
from statements.search.pagination import EstimatingPaginator
from statements.search.suggest import suggestions
from statements.web import calendar, charts


def _page(request, queryset, estimate: int | None = None):
    """A page of results; ?page_size= chooses 1 to MAX_PAGE_SIZE rows, anything else the default."""
    try:
        per_page = min(max(int(request.GET.get("page_size", settings.PAGE_SIZE)), 1), settings.MAX_PAGE_SIZE)
    except ValueError:
        per_page = settings.PAGE_SIZE
    return EstimatingPaginator(queryset, per_page, estimate=estimate).get_page(request.GET.get("page"))


OVERVIEW_SECONDS = 300  # whole-archive aggregates are cached this long


# Periods too coarse for the home page's "what comes next".
COARSE_PRECISIONS = ("half", "year")


def home(request):
    latest = Statement.objects.for_list().newest_first()[:10]
    # Ranking every statement by its agreements is an aggregate over the whole
    # archive: compute the five ids once in a while, not on every visit.
    top_ids = cache.get_or_set("home:most-agreed", lambda: list(
        Agreement.objects.filter(rejected=False).values("statement").annotate(n=Count("pk"))
        .order_by("-n", "-statement__published_on").values_list("statement", flat=True)[:5]), OVERVIEW_SECONDS)
    most_agreed = sorted(Statement.objects.for_list().filter(pk__in=top_ids),
                         key=lambda s: (-s.agreement_count, -s.published_on.toordinal()))
    # What comes next, with a date a reader can put in a diary: a year alone says little (the calendar has them).
    upcoming = (Event.objects.upcoming(dt.date.today()).exclude(precision__in=COARSE_PRECISIONS)
                .select_related("statement").order_by("starts_on", "id")[:6])
    agreements = (Agreement.objects.filter(rejected=False).select_related("statement")
                  .order_by("-statement__published_on", "-id")[:6])
    return render(request, "statements/home.html", {
        "latest": latest, "most_agreed": most_agreed, "upcoming": upcoming, "agreements": agreements,
        "total": Statement.objects.count(),
    })


# What the search page's form says under each filter: the readers' words for what the API documents
# in its own (the FilterSet's help texts are the API's).
SEARCH_FORM_HELP = {
    "country": _("Type a name or a code and choose from the list."),
    "topic": _("Each topic chosen narrows the results further."),
    "kind": _("Several kinds give statements of any of them."),
    "date_from": _("Published on or after this day."),
    "date_to": _("Published on or before this day."),
}


def _search_context(request, filterset, lang: str) -> dict:
    """What the search page shows around the results, valid filters or not: the chips and the form."""
    for field in filterset.form:  # the bound fields, which copied their help text when the form was validated
        field.help_text = field.field.help_text = SEARCH_FORM_HELP.get(field.name, "")
    # The search box's form carries the filters along, the filters' form the words.
    kept = [(key, value) for key, values in request.GET.lists() if key not in ("q", "page") for value in values
            if value.strip()]
    for name in ("has_agreements", "has_events"):  # Django's "Unknown" reads as a doubt, not as "either"
        filterset.form.fields[name].widget.choices = [("unknown", _("either")), ("true", _("yes")), ("false", _("no"))]
    filterset.form.fields["language"].widget.choices = [("", _("either")), *Language.choices]
    return {"filter": filterset, "chips": facets.chips(filterset, lang=lang), "kept": kept}


CODE = re.compile(r"[A-Z]{2}")
# What the filter form submits for "no filter": it changes nothing, so the tidy URL leaves it out.
NO_FILTER = {("has_agreements", "unknown"), ("has_events", "unknown"), ("sort", "relevance")}


def _country_codes(values: list[str]) -> dict[str, str]:
    """Countries typed by name in full ("Japan", "япония") or by a code in lower case: {typed, lowered: code}."""
    # (A NUL the database cannot even receive is left to the FilterSet, which refuses it.)
    typed = {v.strip().lower() for v in values if not CODE.fullmatch(v) and "\x00" not in v}
    if not typed:
        return {}
    condition = Q()
    for text in typed:
        condition |= Q(name_en__iexact=text) | Q(name_ru__iexact=text) | Q(code=text.upper())
    codes = {}
    for code, *names in Country.objects.filter(condition).values_list("code", "name_en", "name_ru"):
        codes.update({code.lower(): code, **{name.lower(): code for name in names}})
    return codes


def _tidy_query(request):
    """A redirect to the same search without the parameters that mean nothing, or None when there are none.

    The filter form submits every field, blank or not (country=&topic=&...
    has_agreements=unknown): the tidy URL is the one a reader can share, and
    the empty archive's facets are the cached ones again. A country typed by
    name rather than chosen from the list (the FilterSet, and so the API,
    takes codes only) becomes its code.
    """
    query = request.GET.copy()
    changed = False
    for key, values in request.GET.lists():
        # Only what the form submits for a field left empty: any other text (spaces included) is the
        # reader's, answered as it is.
        kept = [v for v in values if v != "" and (key, v) not in NO_FILTER]
        if key == "country" and kept:
            codes = _country_codes(kept)
            kept = [codes.get(v.strip().lower(), v) for v in kept]
        if kept != values:
            changed = True
            query.setlist(key, kept)
            if not kept:
                del query[key]
    return redirect(f"{request.path}?{query.urlencode()}" if query else request.path) if changed else None


def statement_list(request):
    """Browse and search: one page, one FilterSet (the API uses the same one)."""
    if tidy := _tidy_query(request):
        return tidy
    filterset = StatementFilter(request.GET or None, queryset=Statement.objects.for_list())
    lang = get_language() or "ru"
    if filterset.is_bound and not filterset.is_valid():
        # A bad parameter (a malformed date, an unknown country) is the
        # client's mistake: say which, with a 400, never a 500.
        return render(request, "statements/statement_list.html",
                      {**_search_context(request, filterset, lang), "page": None, "facets": {},
                       "filters_open": True}, status=400)
    queryset = filterset.qs
    query = filterset.form.cleaned_data.get("q", "") if filterset.is_bound else ""
    corrected = None
    page = _page(request, queryset, filterset.size)
    if query.strip() and not page.paginator.count:
        # Nothing found: perhaps a misspelt name. Search the corrected query
        # instead, and say so on the page. (The count, not exists(): a LIMIT 1
        # over a rare word tempts the planner into reading every vector.)
        better = filterset.corrected()
        if better is not None:
            filterset, corrected = better, better.query
            query = corrected
            page = _page(request, filterset.qs, filterset.size)
    if query.strip():
        # Snippets for the rows shown only: ts_headline reads the whole body.
        page.object_list = Statement.objects.attach_headlines(list(page.object_list), query)
    facets_skipped = False
    if not set(request.GET) - {"page"}:
        # The unfiltered archive's facets are aggregates over every statement.
        facet_values = cache.get_or_set(f"facets:all:{lang}", lambda: facets.compute(filterset, lang=lang),
                                        OVERVIEW_SECONDS)
    elif facets_skipped := page.paginator.count > settings.SEARCH_FACET_LIMIT:
        # Grouping tens of thousands of matches by country, topic and person
        # takes seconds; the page says to narrow the search to see counts.
        facet_values = {}
    else:
        facet_values = facets.compute(filterset, lang=lang)
    # The filters stay closed unless the reader opens them (on a wide screen they are a sidebar):
    # the active ones are the chips above the results.
    context = {**_search_context(request, filterset, lang), "page": page, "query": query, "corrected": corrected,
               "named": filterset.named(lang) if query.strip() else [],
               "suggestions": suggestions(query, lang=lang) if query.strip() else [],
               "filters_open": False, "facets": facet_values,
               "facets_skipped": facets_skipped, "facet_limit": settings.SEARCH_FACET_LIMIT}
    return render(request, "statements/statement_list.html", context)


def statement_detail(request, pk: int):
    statement = get_object_or_404(Statement.objects.for_detail(), pk=pk)
    neighbours = Statement.objects.only("id", "title", "published_on")
    previous = (neighbours.filter(published_on__lte=statement.published_on).exclude(pk=pk)
                .order_by("-published_on", "-id").first())
    following = (neighbours.filter(published_on__gte=statement.published_on).exclude(pk=pk)
                 .exclude(pk=getattr(previous, "pk", None)).order_by("published_on", "id").first())
    return render(request, "statements/statement_detail.html",
                  {"statement": statement, "previous": previous, "following": following})


def _entity_page(request, template: str, obj, statements, agreements, events, context_name: str):
    today = dt.date.today()
    context = {
        context_name: obj,
        "page": _page(request, statements.for_list().newest_first()),
        "agreements": agreements.select_related("statement").order_by("-statement__published_on")[:10],
        "upcoming": events.upcoming(today).select_related("statement").order_by("starts_on")[:10],
        "past_events": events.past(today).select_related("statement").order_by("-starts_on")[:10],
        "chart": charts.bar_chart(charts.per_month(statements), label="statements per month"),
    }
    return render(request, template, context)


# The index pages: what the archive names, most named first.
ENTITY_INDEXES = {
    "country": (Country, "country_detail", _("Countries")),
    "topic": (Topic, "topic_detail", _("Topics")),
    "person": (Person, "person_detail", _("People")),
}
ENTITY_PAGE_SIZE = 100


def entity_index(request, kind: str):
    """Countries, topics or people named in the archive, with their statement counts; people in pages and
    found by name (?q=)."""
    model, detail, heading = ENTITY_INDEXES[kind]
    name = (request.GET.get("q") or "").strip()[:100]
    entities = model.objects.with_statement_counts()
    if name:
        entities = entities.filter(Q(name_ru__icontains=name) | Q(name_en__icontains=name))
        page = Paginator(entities, ENTITY_PAGE_SIZE).get_page(request.GET.get("page"))
    else:
        # Counting every link of the archive: once in a while, not on every visit.
        ranked = cache.get_or_set(f"index:{kind}", lambda: list(entities.values_list("pk", "statement_count")),
                                  OVERVIEW_SECONDS)
        page = Paginator(ranked, ENTITY_PAGE_SIZE).get_page(request.GET.get("page"))
        counts = dict(page.object_list)
        rows = model.objects.in_bulk(list(counts))
        for pk, entity in rows.items():
            entity.statement_count = counts[pk]
        page.object_list = [rows[pk] for pk in counts if pk in rows]
    return render(request, "statements/entity_index.html", {
        "kind": kind, "heading": heading, "detail": detail, "page": page, "name": name,
    })


def country_detail(request, code: str):
    country = get_object_or_404(Country, code=code.upper())
    return _entity_page(request, "statements/country_detail.html", country,
                        Statement.objects.filter(countries=country),
                        Agreement.objects.active().filter(statement__countries=country),
                        Event.objects.filter(countries=country), "country")


def person_detail(request, key: str):
    person = get_object_or_404(Person, key=key)
    statements = Statement.objects.filter(pk__in=person.statement_links.values("statement"))
    return _entity_page(request, "statements/person_detail.html", person, statements,
                        Agreement.objects.active().filter(statement__in=statements),
                        Event.objects.filter(statement__in=statements), "person")


def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    statements = Statement.objects.filter(topics=topic)
    return _entity_page(request, "statements/topic_detail.html", topic, statements,
                        Agreement.objects.active().filter(statement__topics=topic),
                        Event.objects.filter(statement__topics=topic), "topic")


def agreement_list(request):
    filterset = AgreementFilter(request.GET or None, queryset=Agreement.objects.active().select_related("statement")
                                .prefetch_related("countries").order_by("-statement__published_on", "start"))
    if filterset.is_bound and not filterset.is_valid():
        return render(request, "statements/agreement_list.html", {"filter": filterset, "page": None}, status=400)
    page = _page(request, filterset.qs)
    return render(request, "statements/agreement_list.html", {"filter": filterset, "page": page})


def event_calendar(request):
    today = dt.date.today()
    country = (request.GET.get("country") or "").upper() or None
    if country and not Country.objects.filter(code=country).exists():
        return render(request, "statements/events.html", {"error": f"unknown country code {country!r}"}, status=400)
    try:
        month = MonthField(required=False).clean(request.GET.get("month")) or today.replace(day=1)
    except ValidationError as exc:
        return render(request, "statements/events.html", {"error": " ".join(exc.messages)}, status=400)
    events = list(calendar.events_in_month(month, country))
    upcoming_qs = Event.objects.upcoming(today)
    past_qs = Event.objects.past(today)
    if country:
        upcoming_qs, past_qs = upcoming_qs.filter(countries__code=country), past_qs.filter(countries__code=country)
    upcoming = list(upcoming_qs.select_related("statement").order_by("starts_on", "id")[:50])
    context = {
        "month": month,
        "previous_month": (month - dt.timedelta(days=1)).replace(day=1),
        "next_month": (month + dt.timedelta(days=32)).replace(day=1),
        "weeks": calendar.month_grid(month, events),
        "month_events": events,
        "upcoming": upcoming,
        "past": past_qs.select_related("statement").order_by("-ends_on", "-id")[:30],
        "latest_months": [] if upcoming else calendar.latest_months_with_events(country=country),
        "country": country,
        "countries": Country.objects.filter(events__isnull=False).distinct().order_by("name_en"),
        "today": today,
    }
    return render(request, "statements/events.html", context)
