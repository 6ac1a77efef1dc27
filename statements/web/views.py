"""HTML pages. Views stay thin: reads live in statements.querysets and the FilterSets."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from statements.choices import Language, Role
from statements.models import Agreement, Country, Event, Person, PersonName, Statement, StatementPerson, Topic
from statements.search import facets
from statements.search.filters import AgreementFilter, MonthField, StatementFilter
from statements.search.pagination import EstimatingPaginator
from statements.search.suggest import suggestions
from statements.web import calendar, charts, citation


def _page(request, queryset, estimate: int | None = None, known: tuple[int, bool] | None = None):
    """A page of results; ?page_size= chooses 1 to MAX_PAGE_SIZE rows, anything else the default.
    `known`: the total, counted already, and whether it is an estimate (EstimatingPaginator)."""
    try:
        per_page = min(max(int(request.GET.get("page_size", settings.PAGE_SIZE)), 1), settings.MAX_PAGE_SIZE)
    except ValueError:
        per_page = settings.PAGE_SIZE
    return EstimatingPaginator(queryset, per_page, estimate=estimate, known=known).get_page(request.GET.get("page"))


OVERVIEW_SECONDS = 300  # whole-archive aggregates are cached this long


HOME_EVENTS = HOME_AGREEMENTS = 4
HOME_LONG_EVENTS = 12  # of those announced for a year, half-year, quarter or season


def _precise_first(events, order: tuple[str, ...]) -> list:
    """The first HOME_EVENTS events in `order`, those with a day (or a week, ten days) before those with a
    month only: two queries that each an index on the dates answers (one ordered by precision first
    would sort every dated event of the archive)."""
    found = list(events.filter(precision__in=calendar.DAY_PRECISIONS).order_by(*order)[:HOME_EVENTS])
    if len(found) < HOME_EVENTS:
        found += events.exclude(precision__in=calendar.DAY_PRECISIONS).order_by(*order)[:HOME_EVENTS - len(found)]
    return found


def home(request):
    """What the archive is for, first: the next events with a date a reader can put in a diary and the latest
    agreements, then the latest statements (less title-less fragments, which stay searchable)."""
    today = dt.date.today()
    latest = Statement.objects.for_list().substantial().newest_first()[:10]
    # Ranking every statement by its agreements is an aggregate over the whole
    # archive: compute the five ids once in a while, not on every visit.
    top_ids = cache.get_or_set("home:most-agreed", lambda: list(
        Agreement.objects.filter(rejected=False).values("statement").annotate(n=Count("pk"))
        .order_by("-n", "-statement__published_on").values_list("statement", flat=True)[:5]), OVERVIEW_SECONDS)
    most_agreed = sorted(Statement.objects.for_list().filter(pk__in=top_ids),
                         key=lambda s: (-s.agreement_count, -s.published_on.toordinal()))
    # A year or a half-year alone says little: such events are named apart, below the dated ones.
    # Those with a day (or a week, ten days) come before those with a month only.
    dated = Event.objects.dated().exclude(precision__in=calendar.LONG_PRECISIONS).with_statement()
    upcoming = _precise_first(dated.filter(ends_on__gte=today), ("starts_on", "id"))
    # Nothing dated ahead (an archive that stopped growing): the latest dated events, said to be past.
    recent = [] if upcoming else _precise_first(dated.filter(ends_on__lt=today), ("-ends_on", "-id"))
    agreements = (Agreement.objects.filter(rejected=False).with_statement()
                  .order_by("-statement__published_on", "-id")[:HOME_AGREEMENTS])
    # A few of them on the home page; the calendar lists them all.
    long_periods = calendar.long_periods(today, limit=HOME_LONG_EVENTS)
    return render(request, "statements/home.html", {
        "latest": latest, "most_agreed": most_agreed, "upcoming": upcoming, "recent_events": recent,
        "long_periods": long_periods, "long_count": calendar.long_period_events(today).count(),
        "long_shown": sum(map(len, long_periods)), "agreements": agreements,
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


COUNTS_SECONDS = 120  # a search's total and facets, reused while a reader pages through it


def counts_key(data, lang: str) -> str:
    """The cache key of a search's counts (_counts): its language and every parameter but the page."""
    params = sorted((key, values) for key, values in data.lists() if key != "page")
    return "counts:" + hashlib.sha256(repr((lang, params)).encode()).hexdigest()


def _counts(filterset, lang: str) -> dict:
    """The total of a filtered search and its facets, {"total", "exact", "facets"} (a total of None: no
    fair sample could be had), from the cache when the same search was counted lately.

    What the total and the facets count is a facets.tally(): every result up to
    SEARCH_PAGE_EXACT_LIMIT, else a sample; counting every match of a common word would read them all.
    The key holds the language (the facets' labels) and every parameter but the page, as the FilterSet
    has them (a corrected misspelt name under its correction): the facets' links carry them all along.
    """
    def count() -> dict:
        counted, others = facets.tally_search(filterset)
        if counted is None:
            return {"total": None, "exact": False, "facets": {}}
        return {"total": counted.total, "exact": counted.exact,
                "facets": facets.compute(filterset, lang=lang, counted=counted, others=others)}

    return cache.get_or_set(counts_key(filterset.data, lang), count, COUNTS_SECONDS)


def statement_list(request):
    """Browse and search: one page, one FilterSet (the API uses the same one)."""
    if tidy := _tidy_query(request):
        return tidy
    filterset = StatementFilter(request.GET or None, queryset=Statement.objects.for_list())
    filterset.loosen_when_few = True
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
    filtered = facets.filters_anything(filterset)
    counts = _counts(filterset, lang) if filtered else None
    if query.strip() and counts is not None and counts["total"] == 0:
        # Nothing found: perhaps a misspelt name. Search the corrected query
        # instead, and say so on the page.
        better = filterset.corrected()
        if better is not None:
            filterset, corrected = better, better.query
            query = corrected
            queryset = filterset.qs
            counts = _counts(filterset, lang)
    known = None if counts is None or counts["total"] is None else (counts["total"], not counts["exact"])
    page = _page(request, queryset, filterset.size, known=known)
    if query.strip():
        # Snippets for the rows shown only: ts_headline reads the whole body.
        page.object_list = Statement.objects.attach_headlines(list(page.object_list), query)
    if not filtered:
        # The unfiltered archive's facets are aggregates over every statement.
        facet_values = cache.get_or_set(f"facets:all:{lang}", lambda: facets.compute(filterset, lang=lang),
                                        OVERVIEW_SECONDS)
    else:
        facet_values = counts["facets"]
    # No fair sample of the results could be had (statements.search.facets.tally): the page says to
    # narrow the search to see counts.
    facets_skipped = filtered and counts["total"] is None
    # The filters stay closed unless the reader opens them (on a wide screen they are a sidebar):
    # the active ones are the chips above the results.
    context = {**_search_context(request, filterset, lang), "page": page, "query": query, "corrected": corrected,
               "named": filterset.named(lang) if query.strip() else [],
               "suggestions": suggestions(query, lang=lang) if query.strip() else [],
               "filters_open": False, "facets": facet_values,
               "facets_skipped": facets_skipped, "facet_limit": settings.SEARCH_PAGE_EXACT_LIMIT,
               "facets_sampled": known is not None and known[1]}
    return render(request, "statements/statement_list.html", context)


def statement_detail(request, pk: int):
    statement = get_object_or_404(Statement.objects.for_detail(), pk=pk)
    neighbours = Statement.objects.only("id", "title", "published_on")
    previous = (neighbours.filter(published_on__lte=statement.published_on).exclude(pk=pk)
                .order_by("-published_on", "-id").first())
    following = (neighbours.filter(published_on__gte=statement.published_on).exclude(pk=pk)
                 .exclude(pk=getattr(previous, "pk", None)).order_by("published_on", "id").first())
    permalink = request.build_absolute_uri(statement.get_absolute_url())
    return render(request, "statements/statement_detail.html", {
        "statement": statement, "previous": previous, "following": following, "permalink": permalink,
        "bibtex": citation.bibtex(statement, permalink, lang=get_language() or "ru"),
        "related": _related(statement),
    })


RELATED_ENTITIES = 2  # people and topics each, whose other statements the statement page lists
RELATED_STATEMENTS = 4  # statements per person or topic


def _related(statement) -> list[tuple[object, list]]:
    """(person or topic, its statements nearest in date): the speakers first, then the most mentioned
    people, then the topics; one query for all."""
    links = sorted(statement.person_links.all(), key=lambda link: (link.role != Role.SPEAKER, -link.mentions))
    people = list(dict.fromkeys(link.person for link in links))[:RELATED_ENTITIES]
    topics = [link.topic for link in statement.topic_links.all()][:RELATED_ENTITIES]
    pools = {}
    for entity in people + topics:
        if isinstance(entity, Person):
            pools[entity] = Statement.objects.filter(
                pk__in=StatementPerson.objects.filter(person=entity).values("statement"))
        else:
            pools[entity] = Statement.objects.filter(topics=entity)
    # Twice as many as shown: a statement listed under an earlier heading is not repeated.
    nearest = Statement.objects.nearest_in_time(statement, pools, 2 * RELATED_STATEMENTS)
    related, shown = [], set()
    for entity, found in nearest.items():
        rows = [s for s in found if s.pk not in shown][:RELATED_STATEMENTS]
        shown.update(s.pk for s in rows)
        if rows:
            related.append((entity, sorted(rows, key=lambda s: (s.published_on, s.pk))))
    return related


def _entity_page(request, template: str, obj, statements, agreements, events, context_name: str, search: dict,
                 **extra):
    """`search`: the search page's parameters that find the same statements (the chart's bars link to them);
    `extra`: more of the page's context."""
    today = dt.date.today()
    context = {
        **extra,
        context_name: obj,
        "page": _page(request, statements.for_list().newest_first()),
        "agreements": agreements.with_statement().order_by("-statement__published_on")[:10],
        "upcoming": events.upcoming(today).with_statement().order_by("starts_on")[:10],
        "past_events": events.past(today).with_statement().order_by("-starts_on")[:10],
        "chart": charts.time_chart(charts.per_month(statements), search=search),
    }
    return render(request, template, context)


# The index pages: what the archive names, most named first.
ENTITY_INDEXES = {
    "country": (Country, "country_detail", _("Countries")),
    "topic": (Topic, "topic_detail", _("Topics")),
    "person": (Person, "person_detail", _("People")),
}
ENTITY_PAGE_SIZE = 100


def _entity_name(entity, lang: str) -> str:
    if isinstance(entity, Person):
        return entity.name_in(lang)
    return (entity.name_ru or entity.name_en) if lang == "ru" else (entity.name_en or entity.name_ru)


def _filed_under(entity, lang: str) -> str:
    """What an entity is filed under: a person's surname (the name's last word where the archive has no
    surname: "В.Агапова" under "Агапова"), a country's or topic's name."""
    name = _entity_name(entity, lang)
    if isinstance(entity, Person):
        surname = entity.surname_in(lang) or name.replace(".", ". ").split()[-1]
        return f"{surname} {name}"
    return name


def _directory(kind: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(pk, statement count, sort key, initial letter) of every entity of a kind the archive names, most
    named first. Counting every link of the archive: cached for a while, not done on every visit."""
    model = ENTITY_INDEXES[kind][0]

    def build():
        rows = []
        for entity in model.objects.with_statement_counts():
            filed = _filed_under(entity, lang).lstrip("«\"'(").replace("ё", "е")
            rows.append((entity.pk, entity.statement_count, filed.lower(), filed[:1].upper()))
        return rows

    return cache.get_or_set(f"index:{kind}:{lang}", build, OVERVIEW_SECONDS)


def _letter_order(lang: str):
    """Letters of the interface's alphabet first (Cyrillic in Russian, Latin in English), then the rest."""
    def key(letter: str):
        cyrillic = "\u0400" <= letter <= "\u04ff"
        return (cyrillic != (lang == "ru"), not letter.isalpha(), letter)
    return key


def entity_index(request, kind: str):
    """Countries, topics or people named in the archive, with their statement counts: most named first,
    by initial letter (?letter=), or found by name (?q=, people by any way the archive writes them)."""
    model, detail, heading = ENTITY_INDEXES[kind]
    lang = get_language() or "ru"
    name = (request.GET.get("q") or "").strip()[:100]
    letter = (request.GET.get("letter") or "").strip()[:1].upper()
    directory = _directory(kind, lang)
    letters = Counter(row[3] for row in directory)
    if letter not in letters:
        letter = ""
    if name:
        match = Q(name_ru__icontains=name) | Q(name_en__icontains=name)
        if model is Person:
            match |= Q(pk__in=PersonName.objects.filter(name__icontains=name).values("person"))
        page = Paginator(model.objects.with_statement_counts().filter(match), ENTITY_PAGE_SIZE).get_page(
            request.GET.get("page"))
    else:
        rows = [row for row in directory if row[3] == letter] if letter else directory
        if letter:
            rows = sorted(rows, key=lambda row: row[2])
        page = Paginator(rows, ENTITY_PAGE_SIZE).get_page(request.GET.get("page"))
        counts = {row[0]: row[1] for row in page.object_list}
        objects = model.objects.in_bulk(list(counts))
        for pk, entity in objects.items():
            entity.statement_count = counts[pk]
        page.object_list = [objects[pk] for pk in counts if pk in objects]
    return render(request, "statements/entity_index.html", {
        "kind": kind, "heading": heading, "detail": detail, "page": page, "name": name, "letter": letter,
        "letters": sorted(letters.items(), key=lambda item: _letter_order(lang)(item[0])),
        "total": len(directory),
    })


def country_detail(request, code: str):
    country = get_object_or_404(Country, code=code.upper())
    return _entity_page(request, "statements/country_detail.html", country,
                        Statement.objects.filter(countries=country),
                        # What the country is a party to, not whatever a statement naming it agreed.
                        Agreement.objects.active().filter(countries=country),
                        Event.objects.filter(countries=country), "country", {"country": country.code})


def person_detail(request, key: str):
    person = get_object_or_404(Person, key=key)
    statements = Statement.objects.filter(pk__in=person.statement_links.values("statement"))
    shown = {person.name_ru, person.name_en}
    variants = person.names.order_by("name").values_list("name", flat=True)[:PERSON_ALIASES]
    aliases = [name for name in variants if name not in shown]
    return _entity_page(request, "statements/person_detail.html", person, statements,
                        Agreement.objects.active().filter(statement__in=statements),
                        Event.objects.filter(statement__in=statements), "person", {"person": person.key},
                        aliases=aliases)


PERSON_ALIASES = 12  # name variants a person page lists


def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    statements = Statement.objects.filter(topics=topic)
    return _entity_page(request, "statements/topic_detail.html", topic, statements,
                        Agreement.objects.active().filter(statement__topics=topic),
                        Event.objects.filter(statement__topics=topic), "topic", {"topic": topic.slug})


def agreement_list(request):
    filterset = AgreementFilter(request.GET or None, queryset=Agreement.objects.active().with_statement()
                                .prefetch_related("countries").order_by("-statement__published_on", "start"))
    if filterset.is_bound and not filterset.is_valid():
        return render(request, "statements/agreement_list.html", {"filter": filterset, "page": None}, status=400)
    page = _page(request, filterset.qs)
    return render(request, "statements/agreement_list.html", {"filter": filterset, "page": page})


PAST_EVENTS_PAGE = 30
COUNTRY_CODE = re.compile(r"[A-Za-z]{2}")


def event_calendar(request):
    """The month that has something to show (statements.web.calendar.opening_month) or ?month=, the
    next dated events, longer periods apart, past events in pages."""
    today = dt.date.today()
    country = (request.GET.get("country") or "").strip().upper() or None
    if country and not (COUNTRY_CODE.fullmatch(country) and Country.objects.filter(code=country).exists()):
        return render(request, "statements/events.html",
                      {"error": _("Unknown country: give its two-letter code, such as JP.")}, status=400)
    try:
        month = MonthField(required=False).clean(request.GET.get("month"))
    except ValidationError as exc:
        return render(request, "statements/events.html", {"error": " ".join(exc.messages)}, status=400)
    if month is None:
        month = calendar.opening_month(today, country)
    elif not calendar.FIRST_MONTH <= month <= calendar.LAST_MONTH:
        return render(request, "statements/events.html", {"error": _("The calendar covers %(first)s to %(last)s.") % {
            "first": calendar.FIRST_MONTH.strftime("%Y-%m"), "last": calendar.LAST_MONTH.strftime("%Y-%m")}},
            status=400)
    events = list(calendar.events_in_month(month, country))
    upcoming_qs = Event.objects.upcoming(today).exclude(precision__in=calendar.LONG_PRECISIONS)
    past_qs = Event.objects.past(today)
    if country:
        upcoming_qs, past_qs = upcoming_qs.filter(countries__code=country), past_qs.filter(countries__code=country)
    upcoming = list(upcoming_qs.with_statement().order_by("starts_on", "id")[:50])
    previous_month, next_month = calendar.neighbour_months(month)
    past = Paginator(past_qs.with_statement().order_by("-ends_on", "-id"),
                     PAST_EVENTS_PAGE).get_page(request.GET.get("past"))
    context = {
        "month": month,
        "previous_month": previous_month,
        "next_month": next_month,
        "weeks": calendar.month_grid(month, events),
        "month_events": events,
        "upcoming": upcoming,
        "long_periods": calendar.long_periods(today, country),
        "past": past,
        "latest_months": [] if upcoming else calendar.latest_months_with_events(country=country),
        "country": country,
        "countries": Country.objects.filter(events__rejected=False).distinct().order_by("name_en"),
        "today": today,
    }
    return render(request, "statements/events.html", context)


# Crawlers: every page, but not the editors' admin, the API (the pages say the same) or the endless
# combinations of search filters and calendar months; the sitemap lists every statement and entity.
ROBOTS_DISALLOW = ("/admin/", "/api/", "/i18n/", "/statements/?", "/agreements/?", "/events/?")


def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), "Allow: /", "",
             f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to. (The static URL is looked up at request
    time: with hashed file names it needs the manifest that collectstatic writes.)"""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
