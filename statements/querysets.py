"""Reads of statements, agreements and events as QuerySet methods: search, headlines,
upcoming and past events, estimated counts. Pages and API filter through the FilterSets of
statements/search/filters.py, which build on these."""

from __future__ import annotations

import datetime as dt
import json
import math
import operator
import re
from functools import reduce

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Left, Lower

from statements.search.document import link_lexeme
from statements.search.entities import meaning_names
from statements.search.query import (
    LexemesQuery,
    lemmatised,
    match_query,
    named_in,
    parse,
    rank_parts,
    surname_candidates,
)

HEADLINE_START, HEADLINE_STOP = "\x02", "\x03"
# A title that ends on a colon introduces a quotation: the title of a fragment (StatementQuerySet.substantial).
FRAGMENT_TITLE = r":\s*$"
# Words of a query, less the excluded ones ("-Курилы").
WORD = re.compile(r"(?<![-\w])\w[\w-]*")


def _headline_words(query: str, *, phrases: bool = True) -> str:
    """The query's words, and the names of what it names (statements.search.entities): "ООН" finds
    statements that say "United Nations", and their snippets mark that. A name of several words is a
    phrase, so that ts_headline chooses a fragment holding it whole (it marks each of its words);
    `phrases=False` leaves such names out (where a snippet's window starts: one word of "Китайская
    Народная Республика" would place it at any republic)."""
    words = [w for w in WORD.findall(query) if w.upper() != "OR"]
    for _, meaning in named_in(query):
        for name in meaning_names(meaning):
            name_words = WORD.findall(name)
            if len(name_words) == 1:
                words.append(name_words[0])
            elif name_words and phrases:
                words.append(f'"{" ".join(name_words)}"')
    return " OR ".join(dict.fromkeys(words)) or query


def headline_query(query: str) -> SearchQuery:
    """Any of the query's words, as stems and as lemmas.

    ts_headline only marks fragments that satisfy its query; a statement found
    through lemmas may not satisfy the stemmed form of the whole query, so the
    snippet looks for each word on its own.
    """
    either = _headline_words(query)
    return (SearchQuery(either, search_type="websearch", config="russian")
            | SearchQuery(lemmatised(either), search_type="websearch", config="russian"))


# A snippet is cut from a window of the body around the first place where a word of the query may stand
# (SNIPPET_BEFORE characters before it, SNIPPET_WINDOW in all), not from the whole body: ts_headline
# parses every word of the text it is given, about 0.12 ms per 1,000 characters (0.75 ms for an average
# statement at 100,000 statements, 15 ms a page).
SNIPPET_WINDOW = 1000
SNIPPET_BEFORE = 200
# When that window marks nothing (the word found there only began like the query's), a wider one from the
# same place: long enough to reach the match in all but the longest statements, at a bounded cost.
SNIPPET_WIDER = 10_000
HEADLINE_OPTIONS = {"config": "russian", "start_sel": HEADLINE_START, "stop_sel": HEADLINE_STOP, "max_words": 35,
                    "min_words": 15, "max_fragments": 2, "fragment_delimiter": " … "}
# Letters and digits spelt out: PostgreSQL's \w and \m depend on the database's locale.
LETTERS = "0-9a-zA-Zа-яА-ЯёЁ"


def _letter(char: str) -> str:
    """A character of a stem as a PostgreSQL regular expression matching it in either case (е and ё alike:
    the Russian stemmer makes ё е)."""
    if char in "её":
        return "[еЕёЁ]"
    if char.lower() != char.upper():
        return f"[{char.lower()}{char.upper()}]"
    return char if char.isalnum() else "\\" + char


def snippet_patterns(lexemes: list[str]) -> tuple[str, str] | None:
    """Regular expressions for where a word with one of these stems stands in a text (None: no stems).

    A word matches a stem when it begins with it (the Russian stemmer only
    cuts endings off; the English one turns a final y into i: country, countri).
    The first expression takes a stem followed by at most four letters, an
    inflection ("России", not "российской", for росс); the second any word
    beginning with one. Either may find a word the search did not match:
    the caller checks that the snippet marks something.
    """
    stems = []
    for lexeme in sorted(set(lexemes), key=lambda x: (-len(x), x)):
        if len(lexeme) > 2 and re.fullmatch(r"[a-z]+i", lexeme):
            stems.append("".join(map(_letter, lexeme[:-1])) + "[iIyY]")
        else:
            stems.append("".join(map(_letter, lexeme)))
    if not stems:
        return None
    start, either = f"(^|[^{LETTERS}])", "|".join(stems)
    return f"{start}({either})[{LETTERS}]{{0,4}}([^{LETTERS}]|$)", f"{start}({either})"


class SnippetWindow(models.Func):
    """`window` characters of the body from SNIPPET_BEFORE before the first match of the first pattern,
    else of the second, else from the start, less the words cut in two at either end (the body is given a
    space at each end so that its own first and last words are kept).

    The body is read once, in a subquery of its own: each mention of a column that TOAST holds compressed
    unpacks it again, and the window mentions it three times (4 ms of a page of long statements)."""

    template = (
        "(SELECT regexp_replace(substr(' ' || unpacked.text || ' ', greatest(1, coalesce(nullif(regexp_instr("
        "unpacked.text, %(tight)s), 0), regexp_instr(unpacked.text, %(loose)s)) - %(before)s), %(window)s), "
        "'^\\S*\\s+|\\s+\\S*$', '', 'g') FROM (SELECT %(expressions)s || '' AS text OFFSET 0) AS unpacked)"
    )
    output_field = models.TextField()

    def __init__(self, body: str, tight: str, loose: str, window: int = SNIPPET_WINDOW):
        super().__init__(F(body))
        self.patterns = (tight, loose)
        self.window = window

    def as_sql(self, compiler, connection, **extra):
        body, params = compiler.compile(self.source_expressions[0])
        tight, loose = self.patterns
        sql = self.template % {"expressions": body, "tight": "%s", "loose": "%s",
                               "before": SNIPPET_BEFORE, "window": int(self.window)}
        # Parameters in the order of the placeholders: tight, loose, body.
        return sql, (tight, loose, *params)


def query_lexemes(query: str) -> list[str]:
    """The stems ts_headline looks for (headline_query): the query's words and their lemmas, as the
    Russian configuration makes them (its English stems for Latin words)."""
    from django.db import connection

    either = _headline_words(query, phrases=False)
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector('russian', %s))", [f"{either} {lemmatised(either)}"])
        return list(cursor.fetchone()[0])


def search_limits() -> tuple[int, int]:
    """(rank limit, sort limit) for the archive's current size, from one estimate of it."""
    from statements.models import Statement

    # Why these limits: archive/settings.py, "Search at scale".
    share = max(settings.SEARCH_RANK_FLOOR, int(Statement.objects.estimated_count() * settings.SEARCH_RANK_SHARE))
    return min(settings.SEARCH_RANK_LIMIT, share), min(settings.SEARCH_SORT_LIMIT, share)


def rank_limit() -> int:
    return search_limits()[0]


def sort_limit() -> int:
    return search_limits()[1]


class Unindexed(models.Func):
    """`column + 0`: the column's order, but one no index can give.

    For a search sorted by date: walking the date index and checking each
    statement's words reads its search vector from TOAST (0.1-0.5 ms each),
    which PostgreSQL's planner does not count. Unless the matches are dense,
    letting the GIN index find them and sorting them afterwards is ten to a
    hundred times faster; this makes the planner do that.
    """

    template = "(%(expressions)s + 0)"

    def __init__(self, column: str, field: models.Field):
        if isinstance(field, models.DateTimeField):
            self.template = "(%(expressions)s + interval '0 seconds')"
        super().__init__(F(column), output_field=field)


# A word shorter than this is no surname to look up ("Ли" would find too many).
MIN_SURNAME = 3


def person_lexemes(words: list[str]) -> dict[str, list[str]]:
    """Word -> "@person:" lexemes of the people whose surname it is, in either script and any case form
    ("Лаврова", "lavrov"): a name finds that person's statements in both languages. One query for all words."""
    from statements.models import Person

    forms: dict[str, set[str]] = {}  # lower-cased form -> the query words it comes from
    for word in words:
        if len(word) >= MIN_SURNAME and word[:1].isalpha():
            for form in {word.lower(), lemmatised(word).lower()}:
                forms.setdefault(form, set()).add(word)
    if not forms:
        return {}
    people = (Person.objects.annotate(ru=Lower("surname_ru"), en=Lower("surname_en"))
              .filter(Q(ru__in=forms) | Q(en__in=forms)).values_list("pk", "ru", "en"))
    found: dict[str, list[str]] = {}
    for pk, ru, en in people:
        for word in forms.get(ru, set()) | forms.get(en, set()):
            found.setdefault(word, []).append(link_lexeme("person", pk))
    return found


# ts_rank's weights of rank_vector's classes D, C, B, A (statements.search.document): body words met
# once, two or three times, four times or more and the lead, the title. Chosen on half of the judged
# queries of bench/queries.py and checked on the other half (bench/RESULTS.md).
RANK_WEIGHTS = [0.1, 0.3, 0.6, 1.0]


def relevance(query: str):
    """How well a statement answers the query: relevance_and_cost(query)'s expression."""
    return relevance_and_cost(query)[0]


def relevance_and_cost(query: str) -> tuple:
    """(expression, parts, most matches) of how well a statement answers the query, from its rank_vector:
    for each thing the query asks for (statements.search.query.rank_parts), ts_rank weighted by how rare
    it is in the archive (an inverse document frequency from the planner's estimate, no rows read),
    summed, as BM25 sums its terms. A word found everywhere ("cooperation") then weighs little beside a
    rare one ("energy").

    `parts` is how many ts_rank each match costs; `most matches` the fewest statements any required part
    is found in, which no search of them all exceeds (None when the query has OR, or one part and no
    exclusion, whose estimate the planner gets right; an exclusion it takes to remove far more): the
    planner multiplies the words' shares as if they were independent, and "Путин Си Цзиньпин", estimated
    at 22 matches of 100,000, has 5,850 (StatementFilter.qs decides from both whether to rank).
    """
    from statements.models import Statement

    parts = rank_parts(query)
    if not parts:  # no word, or only excluded ones: nothing to rank by
        return Value(0.0, output_field=models.FloatField()), 0, None
    if len(parts) == 1:
        rank = SearchRank(F("rank_vector"), parts[0].rank, weights=RANK_WEIGHTS)
        if not any(term.negated for group in parse(query) for term in group):
            return rank, 1, None
        # The planner takes "Япония -Курилы" for a fifth of its 9,300 matches; those of "Япония" bound them.
        return rank, 1, Statement.objects.filter(search_vector=parts[0].match).estimated_count()
    total = max(1, Statement.objects.estimated_count())
    weighted, counts = [], []
    for part in parts:
        found = min(total, Statement.objects.filter(search_vector=part.match).estimated_count())
        if part.boost == 1.0:  # a thing asked for, which every match holds (not the words' pairs)
            counts.append(found)
        idf = math.log(1 + (total - found + 0.5) / (found + 0.5))
        weighted.append(SearchRank(F("rank_vector"), part.rank, weights=RANK_WEIGHTS) * Value(idf * part.boost))
    most = None if len(parse(query)) > 1 or not counts else min(counts)
    return reduce(operator.add, weighted), len(parts), most


class StatementQuerySet(models.QuerySet):
    def search(self, query: str, *, required: list[str] | tuple[str, ...] = (), loose: bool = False, rank=None):
        """Statements matching a web-search query, annotated with their rank.

        `required`: lexemes every result must hold as well, such as a chosen
        country ("@country:JP", statements.search.document.link_lexeme). The match is
        one tsquery decided by the GIN index alone (statements.search.query);
        the rank reads only the small rank_vector of the row (statements.search.document).
        `loose`: statements holding any of the things asked for, not all (StatementFilter
        asks for it when few statements hold them all). `rank`: relevance(query), when the caller has it.
        """
        query = query or ""
        match = match_query(query, people=person_lexemes(surname_candidates(query)), loose=loose)
        rank = relevance(query) if rank is None else rank
        if match is None and query.strip():
            return self.none().annotate(rank=rank)  # punctuation alone: nothing to look for
        if required:
            match = LexemesQuery(list(required)) if match is None else match & LexemesQuery(list(required))
        if match is None:
            return self.annotate(rank=rank)
        return self.filter(search_vector=match).annotate(rank=rank)

    def with_headline(self, query: str, *, patterns: tuple[str, str] | None = None, window: int = SNIPPET_WINDOW):
        """A snippet of the body around the matches, between HEADLINE_START and HEADLINE_STOP, taken from
        a window of the body (SnippetWindow) that starts where a word of the query may first stand (at the
        beginning when nowhere, as ts_headline over the whole body gives it). `patterns`: snippet_patterns()
        of the query's stems, when the caller has them.

        The markers are control characters that cannot occur in ingested text:
        the template escapes the snippet, then turns them into <mark>.
        """
        query = query.replace("\x00", "")
        if patterns is None:
            patterns = snippet_patterns(query_lexemes(query))
        if patterns is None:
            return self.annotate(headline=SearchHeadline(Left("body", window), headline_query(query),
                                                         **HEADLINE_OPTIONS))
        tight, loose = patterns
        return self.annotate(headline=SearchHeadline(SnippetWindow("body", tight, loose, window),
                                                     headline_query(query), **HEADLINE_OPTIONS))

    def is_search(self) -> bool:
        """Filtered through the search vector (words, or a country, topic or person: see search())."""
        return "rank" in self.query.annotations

    def is_narrow_search(self) -> bool:
        """A search with at most sort_limit() matches: sorted after the GIN index finds them."""
        return self.is_search() and self.estimated_count() <= sort_limit()

    def sorted(self, *keys: str, narrow: bool):
        """Ordered by keys ("-published_on", "-id"); for a narrow search, the first key no index can give."""
        if narrow:
            first, *rest = keys
            name = first.lstrip("-")
            column = Unindexed(name, self.model._meta.get_field(name))
            keys = (column.desc() if first.startswith("-") else column.asc(), *rest)
        return self.order_by(*keys)

    def estimated_count(self) -> int:
        """The planner's estimate of how many rows this query gives: a few hundred microseconds, no rows read.

        Deciding how to order and count a search from the estimate is what
        keeps a word found in most of the archive ("Россия") from costing a
        read of every match (see StatementFilter.qs and EstimatingPaginator).
        """
        if self.query.is_empty():
            return 0
        plan = json.loads(self.order_by().explain(format="json"))
        return int(plan[0]["Plan"]["Plan Rows"])

    def attach_headlines(self, statements: list, query: str) -> list:
        """Set each statement's `headline` (see with_headline) with one query for all of them, and a second,
        over a window of SNIPPET_WIDER characters, for those whose window marks nothing though a word of the
        query may be in the body."""
        query = query.replace("\x00", "")
        patterns = snippet_patterns(query_lexemes(query))
        rows = self.filter(pk__in=[s.pk for s in statements]).order_by().with_headline(query, patterns=patterns)
        snippets = dict(rows.values_list("pk", "headline"))
        unmarked = [pk for pk, snippet in snippets.items() if HEADLINE_START not in snippet]
        if unmarked and patterns is not None:
            # From the first word beginning like one of the query's, whether or not it took an inflection.
            loose = patterns[1]
            snippets.update(self.filter(pk__in=unmarked, body__regex=loose).order_by()
                            .with_headline(query, patterns=(loose, loose), window=SNIPPET_WIDER)
                            .values_list("pk", "headline"))
        for statement in statements:
            statement.headline = snippets.get(statement.pk, "")
        return statements

    def substantial(self):
        """Less the fragments without a title of their own: a Telegram post whose first line only names who
        speaks ("Russian Paralympic Committee:") and whose kind nobody could tell. They stay searchable;
        the front page leaves them out."""
        from statements.choices import Kind

        return self.exclude(Q(kind=Kind.OTHER) & Q(title__regex=FRAGMENT_TITLE))

    def newest_first(self):
        return self.order_by("-published_on", "-published_at", "-id")

    def nearest_in_time(self, statement, pools: dict, n: int = 4) -> dict:
        """For each pool (a queryset of statements: a person's, a topic's), up to n of its statements
        nearest in date to `statement` (itself left out), nearest first.

        Two LIMITed walks of the date index per pool, before and after, all in one UNION query: cheap
        however many statements a person or topic has, and one round trip for the whole page.
        """
        fields = ("id", "title", "published_on")
        day = statement.published_on
        parts = []
        for group, pool in enumerate(pools.values()):
            others = pool.exclude(pk=statement.pk).annotate(group=Value(group))
            parts.append(others.filter(published_on__lte=day).order_by("-published_on", "-id")
                         .values_list(*fields, "group")[:n])
            parts.append(others.filter(published_on__gt=day).order_by("published_on", "id")
                         .values_list(*fields, "group")[:n])
        found: dict[int, list] = {}
        if parts:
            for *row, group in parts[0].union(*parts[1:], all=True).order_by():
                found.setdefault(group, []).append(self.model(**dict(zip(fields, row, strict=True))))
        out = {}
        for group, key in enumerate(pools):
            rows = sorted(found.get(group, []), key=lambda s: (abs((s.published_on - day).days), s.pk))
            out[key] = rows[:n]
        return out

    def for_list(self):
        """What a list row shows, in a fixed number of queries whatever the page size.

        The counts and the country codes are correlated subqueries rather
        than JOINs or a prefetch: the database computes them for the 20 rows
        of a page only, after the LIMIT, and no Country object is built for
        the some 350 links of a page.
        """
        from statements.models import Agreement, Event, StatementCountry, StatementPerson

        def count(model, **conditions):
            rows = (model.objects.filter(statement=OuterRef("pk"), **conditions).order_by()
                    .values("statement").annotate(n=Count("pk")).values("n"))
            return Coalesce(Subquery(rows, output_field=models.IntegerField()), 0)

        codes = (StatementCountry.objects.filter(statement=OuterRef("pk")).order_by()
                 .values("statement").annotate(codes=ArrayAgg("country_id", order_by="country_id")).values("codes"))
        speakers = StatementPerson.objects.filter(role="speaker").select_related("person")
        return self.annotate(
            agreement_count=count(Agreement, rejected=False),
            event_count=count(Event, rejected=False),
            country_codes=Coalesce(Subquery(codes, output_field=ArrayField(models.CharField())), Value([])),
        ).prefetch_related(
            Prefetch("person_links", queryset=speakers, to_attr="speaker_links"),
        ).defer("body", "raw_text", "record", "search_vector", "rank_vector")

    def for_detail(self):
        from statements.models import Agreement, Event

        return self.prefetch_related(
            Prefetch("agreements", queryset=Agreement.objects.active().prefetch_related("countries")),
            Prefetch("events", queryset=Event.objects.active().prefetch_related("countries")),
            "country_links__country",
            "topic_links__topic",
            "person_links__person",
        )


# A statement's columns that an item's line never shows and that cost a read from TOAST each.
STATEMENT_TEXT_COLUMNS = ("statement__body", "statement__raw_text", "statement__record",
                          "statement__search_vector", "statement__rank_vector")


class AgreementQuerySet(models.QuerySet):
    def active(self):
        return self.filter(rejected=False).order_by("start")

    def with_statement(self):
        """With the statement each item comes from, as a line of a list shows it (title, date, link)."""
        return self.select_related("statement").defer(*STATEMENT_TEXT_COLUMNS)


class EventQuerySet(models.QuerySet):
    def active(self):
        return self.filter(rejected=False).order_by("start")

    def with_statement(self):
        """With the statement each item comes from, as a line of a list shows it (title, date, link)."""
        return self.select_related("statement").defer(*STATEMENT_TEXT_COLUMNS)

    def dated(self):
        return self.active().filter(starts_on__isnull=False, ends_on__isnull=False)

    def upcoming(self, today: dt.date):
        return self.dated().filter(ends_on__gte=today)

    def past(self, today: dt.date):
        return self.dated().filter(ends_on__lt=today)

    def overlapping(self, start: dt.date | None, end: dt.date | None):
        qs = self.dated()
        if start:
            qs = qs.filter(ends_on__gte=start)
        if end:
            qs = qs.filter(starts_on__lte=end)
        return qs


class EntityQuerySet(models.QuerySet):
    """Countries, topics and people: the index pages' reads."""

    def with_statement_counts(self):
        """Those named in at least one statement, most named first, with `statement_count`.

        A country or topic is linked to a statement once (a unique constraint), so its links are counted as
        they are: counting them distinct sorts every link (Russia at 100,000 statements: 53 ms against 8).
        A person may be linked twice, as speaker and as mentioned."""
        link = self.model._meta.get_field("statement_links")
        distinct = not any(set(getattr(c, "fields", ())) == {"statement", link.field.name}
                           for c in link.related_model._meta.constraints)
        return (self.annotate(statement_count=Count("statement_links__statement", distinct=distinct))
                .filter(statement_count__gt=0).order_by("-statement_count", "pk"))
