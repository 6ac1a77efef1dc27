"""Bounded work per search request: an anonymous visitor's made-up query cannot tie up the site.

A probe sent 790 short made-up words (a 4 kB URL) to the search page: the
spelling suggestion ran 1,584 trigram searches and took 9.4 s. Now a query is
at most MAX_QUERY_LENGTH characters, on the page as in the API, and only a
query of a few words is corrected.
"""

import random
import string
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.search.query import MAX_QUERY_LENGTH
from statements.search.suggest import MAX_CORRECTED_WORDS, corrected_query
from tests.factories import make_statement

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def made_up_words(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return " ".join("".join(rng.choices(string.ascii_lowercase, k=4)) for _ in range(n))


@pytest.fixture(autouse=True)
def statement():
    make_statement(title="Консультации России и Японии", body="Стороны провели консультации.")


def test_the_probes_790_word_query_is_refused_at_once_with_a_reason(client):
    query = made_up_words(790)
    client.get("/statements/", {"q": "консультации"})  # templates compiled, connections open
    client.get("/api/statements/", {"q": "консультации"})
    started = time.perf_counter()
    page = client.get("/statements/", {"q": query}, HTTP_ACCEPT_LANGUAGE="en")
    page_seconds = time.perf_counter() - started
    started = time.perf_counter()
    api = client.get("/api/statements/", {"q": query})
    api_seconds = time.perf_counter() - started
    assert page.status_code == 400 and f"at most {MAX_QUERY_LENGTH} characters" in page.content.decode()
    assert api.status_code == 400 and "q" in api.json()
    assert page_seconds < 0.2 and api_seconds < 0.2


def queries_for(client, query: str) -> list[dict]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/statements/", {"q": query}).status_code == 200
    return queries.captured_queries


def test_the_longest_allowed_query_costs_what_a_short_one_does(client):
    longest = queries_for(client, made_up_words(MAX_QUERY_LENGTH // 5))  # 100 made-up words: nothing found
    short = queries_for(client, made_up_words(2))
    assert not any("similarity" in q["sql"] for q in longest)  # no spelling suggestion for 100 words
    assert len(longest) <= len(short) + 8  # ranking weighs at most MAX_RANK_PARTS things


def test_a_few_words_are_still_corrected():
    assert corrected_query("Японя") == "Япония"
    assert corrected_query("Японя " + made_up_words(MAX_CORRECTED_WORDS - 1)).startswith("Япония ")
    assert corrected_query("Японя " + made_up_words(MAX_CORRECTED_WORDS)) is None
