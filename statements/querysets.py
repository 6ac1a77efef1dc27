"""Reads: every page, the API and the admin go through these methods."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from statements.extract.morph import CYRILLIC_WORD, lemma

HEADLINE_START, HEADLINE_STOP = "\x02", "\x03"
# Words of a query, less the excluded ones ("-Курилы").
WORD = re.compile(r"(?<![-\w])\w[\w-]*")


def lemmatised_query(query: str) -> str:
    """The query with each Russian word replaced by its lemma, operators kept."""
    return CYRILLIC_WORD.sub(lambda m: lemma(m.group()), query)


def search_query(query: str) -> SearchQuery:
    """Web search syntax read three ways: Russian stems, English stems, and lemmas.

    Stored vectors hold stems (russian or english) and pymorphy3 lemmas
    (simple), so a nominative "остров" finds "островах" through the lemmas
    even where the russian stemmer gives two different stems.

    A quoted phrase skips the Russian stems: the russian configuration drops
    its stop words ("два", "при", "без"), which turns "два плюс два" into
    just "плюс". The lemmas keep every word, in order.
    """
    lemmas = SearchQuery(lemmatised_query(query), search_type="websearch", config="simple")
    combined = SearchQuery(query, search_type="websearch", config="english") | lemmas
    if '"' not in query:
        combined = SearchQuery(query, search_type="websearch", config="russian") | combined
    return combined


def headline_query(query: str) -> SearchQuery:
    """Any of the query's words, as stems and as lemmas.

    ts_headline only marks fragments that satisfy its query; a statement found
    through lemmas may not satisfy the stemmed form of the whole query, so the
    snippet looks for each word on its own.
    """
    words = [w for w in WORD.findall(query) if w.upper() != "OR"]
    either = " OR ".join(words) or query
    return (SearchQuery(either, search_type="websearch", config="russian")
            | SearchQuery(lemmatised_query(either), search_type="websearch", config="russian"))


class StatementQuerySet(models.QuerySet):
    def search(self, query: str):
        """Statements matching a web-search query, annotated with their rank."""
        query = (query or "").replace("\x00", "")  # PostgreSQL text cannot hold NUL
        if not query.strip():
            return self.none()
        sq = search_query(query)
        return self.filter(search_vector=sq).annotate(rank=SearchRank(F("search_vector"), sq))

    def with_headline(self, query: str):
        """A snippet of the body around the matches, between HEADLINE_START and HEADLINE_STOP.

        The markers are control characters that cannot occur in ingested text:
        the template escapes the snippet, then turns them into <mark>.
        """
        query = query.replace("\x00", "")
        return self.annotate(headline=SearchHeadline(
            "body", headline_query(query), config="russian", start_sel=HEADLINE_START, stop_sel=HEADLINE_STOP,
            max_words=35, min_words=15, max_fragments=2, fragment_delimiter=" … ",
        ))

    def newest_first(self):
        return self.order_by("-published_on", "-published_at", "-id")

    def for_list(self):
        """What a list row shows, in a fixed number of queries whatever the page size.

        The counts are correlated subqueries rather than JOIN + GROUP BY: the
        database then counts for the 20 rows of a page, not for every match
        before the LIMIT.
        """
        from statements.models import Agreement, Event, StatementPerson

        def count(model, **conditions):
            rows = (model.objects.filter(statement=OuterRef("pk"), **conditions).order_by()
                    .values("statement").annotate(n=Count("pk")).values("n"))
            return Coalesce(Subquery(rows, output_field=models.IntegerField()), 0)

        speakers = StatementPerson.objects.filter(role="speaker").select_related("person")
        return self.annotate(
            agreement_count=count(Agreement, rejected=False),
            event_count=count(Event, rejected=False),
        ).prefetch_related(
            Prefetch("person_links", queryset=speakers, to_attr="speaker_links"),
            "countries",
        ).defer("raw_text", "search_vector")

    def for_detail(self):
        from statements.models import Agreement, Event

        return self.prefetch_related(
            Prefetch("agreements", queryset=Agreement.objects.active().prefetch_related("countries")),
            Prefetch("events", queryset=Event.objects.active().prefetch_related("countries")),
            "country_links__country",
            "topic_links__topic",
            "person_links__person",
        )


class AgreementQuerySet(models.QuerySet):
    def active(self):
        return self.filter(rejected=False).order_by("start")


class EventQuerySet(models.QuerySet):
    def active(self):
        return self.filter(rejected=False).order_by("start")

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
