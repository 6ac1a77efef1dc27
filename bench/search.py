"""Search latency and page render time, measured through the real code paths.

Child side (`python -m bench.search measure --reps R`):

- search: for each case of CASES, `StatementFilter(params, queryset=
  Statement.objects.for_list()).qs[:20]` evaluated, which is what the API's
  list does before serialising: the ranked search (statements.querysets), the
  filters, and the prefetches of a list row;
- pages: the search page for every case with `q`, the list page and the
  statement page, rendered by Django's test client (middleware, view,
  template; no network), so that the time is the server's alone. The search
  page twice: repeated ("search": its counts and suggestions cached by the
  first run) and "search, first time" (what the search left in the cache
  forgotten before every run).

Each case runs twice untimed, then R times. Percentiles are over all timed
runs of all cases of a group.

`python -m bench.search explain` prints EXPLAIN ANALYZE of the slowest kind
of query (many matches, ranked) for RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import time
from urllib.parse import urlencode

from bench.common import STATEMENT_TIMEOUT_MS, emit, peak_rss_mb, percentiles, setup_django

# (label, group, params): words, phrases, names and operators, alone and with filters, and filters alone.
CASES: list[tuple[str, str, dict[str, str]]] = [
    ("word ru", "words", {"q": "договорённость"}),
    ("word ru", "words", {"q": "санкции"}),
    ("word en", "words", {"q": "sanctions"}),
    ("word en", "words", {"q": "cooperation"}),
    ("common word", "words", {"q": "Россия"}),
    ("two words ru", "words", {"q": "Курильские острова"}),
    ("two words en", "words", {"q": "nuclear disarmament"}),
    ("phrase ru", "phrases", {"q": '"Совет Безопасности"'}),
    ("phrase ru", "phrases", {"q": '"стратегического партнёрства"'}),
    ("phrase en", "phrases", {"q": '"United Nations"'}),
    ("name", "names", {"q": "Лавров"}),
    ("names", "names", {"q": "Путин Си Цзиньпин"}),
    ("name en", "names", {"q": "Zakharova"}),
    ("exclusion", "operators", {"q": "Япония -Курилы"}),
    ("or", "operators", {"q": "Japan OR Китай"}),
    ("name + country", "filtered", {"q": "Лавров", "country": "CN"}),
    ("word + kind", "filtered", {"q": "санкции", "kind": "briefing"}),
    ("word + language + from", "filtered", {"q": "sanctions", "language": "en", "date_from": "2015-01-01"}),
    ("word + has agreements", "filtered", {"q": "договорённость", "has_agreements": "true"}),
    ("word + topic", "filtered", {"q": "нефть", "topic": "energy"}),
    ("phrase + period", "filtered", {"q": '"Security Council"', "date_from": "2020-01-01", "date_to": "2022-12-31"}),
    ("common word + country", "filtered", {"q": "Россия", "country": "US"}),
    ("newest first", "no query", {}),
    ("country", "no query", {"country": "US"}),
    ("kind + language", "no query", {"kind": "meeting", "language": "ru"}),
    ("topic + from", "no query", {"topic": "energy", "date_from": "2010-01-01"}),
    ("has events", "no query", {"has_events": "true"}),
]
# The search page is measured for these cases (one or two of each group): a page also
# renders facets and snippets, and at the archive's current speed every page costs seconds.
PAGE_CASES = ["word ru", "word en", "common word", "phrase ru", "name", "or", "name + country",
              "word + language + from"]
WARMUP = 2
SLOW_MS = 1000


def _querydict(params: dict[str, str]):
    from django.http import QueryDict

    return QueryDict(urlencode(params))


class TimedOut(Exception):
    """The database cancelled the query (statement_timeout): the case counts at least that long."""


def _run_once(fn, before=None) -> float:
    from django.db.utils import OperationalError

    if before is not None:
        before()  # untimed: forgetting what a run left in the cache
    start = time.perf_counter()
    try:
        fn()
    except OperationalError as exc:
        if "statement timeout" not in str(exc):
            raise
        raise TimedOut(f"cancelled after {(time.perf_counter() - start) * 1000:,.0f} ms (statement_timeout)")
    return (time.perf_counter() - start) * 1000


def _time(fn, reps: int, before=None) -> tuple[list[float], str]:
    """reps timings of fn after WARMUP untimed runs, and a note.

    A slow case keeps its weight in the percentiles but not its cost in
    time: when the first (untimed) run takes over SLOW_MS, two timed runs
    follow and are repeated to reps timings. A run the database cancels
    counts as the statement timeout, a lower bound. `before` runs, untimed, before every run.
    """
    try:
        first = _run_once(fn, before)
        if first > SLOW_MS:
            samples = [_run_once(fn, before), _run_once(fn, before)]
            return (samples * reps)[:reps], "slow: 2 timed runs"
        for _ in range(WARMUP - 1):
            _run_once(fn, before)
        return [_run_once(fn, before) for _ in range(reps)], ""
    except TimedOut as exc:
        return [STATEMENT_TIMEOUT_MS] * reps, str(exc)


def measure_search(reps: int) -> dict:
    from statements.models import Statement
    from statements.search.filters import StatementFilter

    rows, groups, searching, everything = [], {}, [], []
    for label, group, params in CASES:
        def run(params=params):
            filterset = StatementFilter(_querydict(params) if params else None, queryset=Statement.objects.for_list())
            return list(filterset.qs[:20])

        try:
            samples, note = _time(run, reps)
            matches = StatementFilter(_querydict(params) if params else None,
                                      queryset=Statement.objects.all()).qs.count()
        except Exception as exc:  # noqa: BLE001 - a broken case is reported in RESULTS.md, the rest go on
            rows.append({"label": label, "group": group, "params": params, "error": f"{type(exc).__name__}: {exc}"})
            continue
        rows.append({"label": label, "group": group, "params": params, "matches": matches, "note": note,
                     **percentiles(samples)})
        groups.setdefault(group, []).extend(samples)
        everything.extend(samples)
        if "q" in params:
            searching.extend(samples)
    return {"cases": rows, "groups": {g: percentiles(s) for g, s in groups.items()},
            "with_query": percentiles(searching), "all": percentiles(everything)}


def measure_pages(reps: int) -> dict:
    from django.core.cache import cache
    from django.test import Client

    from statements.models import Statement
    from statements.search.suggest import cache_key as suggest_key
    from statements.web.views import counts_key

    client = Client()

    def get(url: str):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {response.status_code}")
        return response

    def forget(params: dict[str, str]):
        """What a search keeps in the cache for the next reader of the same search (its total and facets,
        its suggestions), forgotten: each run is then that search's first. What the whole archive keeps
        (the unfiltered facets, the rendered filter form) stays, as it would for any reader."""
        keys = [key for lang in ("ru", "en") for key in (counts_key(_querydict(params), lang),
                                                          suggest_key(params.get("q", ""), lang))]
        return lambda: cache.delete_many(keys)

    pages = {}
    for name, first_time in (("search", False), ("search, first time", True)):
        search_samples, notes = [], []
        seen = set()
        for label, _, params in CASES:
            if label not in PAGE_CASES or label in seen:
                continue
            seen.add(label)
            url = f"/statements/?{urlencode(params)}"
            try:
                samples, note = _time(lambda url=url: get(url), reps, forget(params) if first_time else None)
            except Exception as exc:  # noqa: BLE001 - reported, the rest go on
                notes.append(f"{label}: {type(exc).__name__}: {exc}")
                continue
            search_samples.extend(samples)
            if note:
                notes.append(f"{label}: {note}")
        pages[name] = {**percentiles(search_samples), "notes": notes}

    def timed(url_of, n: int) -> dict:
        samples, note = _time(url_of, n)
        return {**percentiles(samples), "notes": [note] if note else []}

    pages["list"] = timed(lambda: get("/statements/"), reps)
    pages["list page 50"] = timed(lambda: get("/statements/?page=50"), reps)
    ids = iter(Statement.objects.order_by("?").values_list("pk", flat=True)[:reps * 3 + WARMUP + 2])
    pages["statement"] = timed(lambda: get(f"/statements/{next(ids)}/"), reps * 3)
    pages["home"] = timed(lambda: get("/"), reps)
    return pages


def child_measure(reps: int, parts: list[str]) -> None:
    setup_django()
    from statements.models import Statement

    random.seed(8)
    result = {"statements": Statement.objects.count()}
    if "search" in parts:
        result["search"] = measure_search(reps)
    if "pages" in parts:
        result["pages"] = measure_pages(reps)
    emit({**result, "peak_mb": peak_rss_mb()})


def child_explain(querystring: str) -> None:
    """EXPLAIN ANALYZE of the first page of `querystring` ("q=...&country=..."), as the API runs it."""
    setup_django()
    from django.db import connection
    from django.http import QueryDict

    from statements.models import Statement
    from statements.search.filters import StatementFilter

    queryset = StatementFilter(QueryDict(querystring), queryset=Statement.objects.for_list()).qs[:20]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    emit({"query": querystring, "plan": plan})


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.search")
    sub = parser.add_subparsers(dest="command", required=True)
    measure = sub.add_parser("measure")
    measure.add_argument("--reps", type=int, default=15)
    measure.add_argument("--parts", default="search,pages")
    explain = sub.add_parser("explain")
    explain.add_argument("querystring")
    args = parser.parse_args()
    if args.command == "measure":
        child_measure(args.reps, args.parts.split(","))
    else:
        child_explain(args.querystring)


if __name__ == "__main__":
    main()
