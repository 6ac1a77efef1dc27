"""A mixed load (issue 18): 20 clients at once searching, reading pages, exporting and guessing passwords.

gunicorn serves the bench database as `make serve` does (2 workers, 8 threads
each, DEBUG off, archive/wsgi.py's statement timeout) with the production
limits: exports bounded and throttled, sign-in attempts limited per address.
Only the API's anonymous rate is lifted, so that the API list is measured
rather than refused: every client is 127.0.0.1. Each client runs through the
mix in its own order for a fixed time; every answer's status and time is kept.
The goals: no 5xx, and the API list's p95 under 1 s.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import re
import threading
import time
from collections import Counter
from urllib.parse import quote, urlencode

from bench.common import percentiles, psql
from bench.http import WORKERS, Server

CLIENTS = 20
THREADS = 8
API_LIST_P95_GOAL_MS = 1000
QUERIES = ["консультации", "санкции", "sanctions", "Курильские острова", '"Совет Безопасности"', "cooperation",
           "Россия", "договорённость OR соглашение", "nuclear disarmament", "Лавров"]
# One round of a client: what a crowd of readers, an exporter or two and a password guesser ask for.
MIX = (["api list"] * 6 + ["api search"] * 3 + ["search page"] * 4 + ["page"] * 4 + ["api detail"] * 2
       + ["export"] + ["token guess", "admin guess"])


class Client:
    def __init__(self, port: int, number: int, ids: list[int]):
        self.port, self.number, self.ids = port, number, ids
        self.step = itertools.count(number * 7)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        try:
            self.conn.request(method, path, body, headers or {})
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            raise
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return response, data

    def one(self, kind: str) -> int:
        n = next(self.step)
        query = QUERIES[n % len(QUERIES)]
        if kind == "api list":
            return self.request("GET", f"/api/statements/?page={1 + n % 5}")[0].status
        if kind == "api search":
            return self.request("GET", f"/api/statements/?q={quote(query)}")[0].status
        if kind == "search page":
            return self.request("GET", f"/statements/?q={quote(query)}")[0].status
        if kind == "page":
            path = ["/", "/agreements/", "/events/", f"/statements/{self.ids[n % len(self.ids)]}/"][n % 4]
            return self.request("GET", path)[0].status
        if kind == "api detail":
            return self.request("GET", f"/api/statements/{self.ids[n % len(self.ids)]}/")[0].status
        if kind == "export":
            fmt = "csv" if n % 2 else "jsonl"
            return self.request("GET", f"/api/export/statements.{fmt}?q={quote(query)}")[0].status
        if kind == "token guess":
            body = json.dumps({"username": "editor", "password": f"guess-{n}"})
            return self.request("POST", "/api/token/", body, {"Content-Type": "application/json",
                                                               "X-Forwarded-For": f"198.51.100.{n % 250}"})[0].status
        if kind == "admin guess":
            response, form = self.request("GET", "/admin/login/")
            cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form)
            if not (cookie and token):
                return response.status
            body = urlencode({"username": "editor", "password": f"guess-{n}",
                              "csrfmiddlewaretoken": token.group(1).decode()})
            return self.request("POST", "/admin/login/", body, {
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie.group(1)}",
                "Referer": f"http://127.0.0.1:{self.port}/admin/login/"})[0].status
        raise ValueError(kind)


def run(seconds: int) -> dict:
    # Throttle counts of an earlier run live in the cache table: every run starts with none.
    psql("DELETE FROM archive_cache")
    ids = [row[0] for row in psql("SELECT id FROM statements_statement ORDER BY hashtext(id::text) LIMIT 200",
                                  fetch=True)]
    # The limits at their defaults (archive/settings.py), but for the API's anonymous rate (child_env lifts it).
    server = Server("--threads", str(THREADS))
    samples: dict[str, list[float]] = {kind: [] for kind in dict.fromkeys(MIX)}
    statuses: dict[str, Counter] = {kind: Counter() for kind in samples}
    failures: Counter = Counter()
    lock = threading.Lock()
    load_before = os.getloadavg()[0]
    try:
        server.wait_ready()
        deadline = time.monotonic() + seconds

        def client(number: int) -> None:
            me = Client(server.port, number, ids)
            mine: list[tuple[str, int, float]] = []
            broken: Counter = Counter()
            for i in itertools.count(number):
                if time.monotonic() >= deadline:
                    break
                kind = MIX[i % len(MIX)]
                start = time.perf_counter()
                try:
                    status = me.one(kind)
                except (OSError, http.client.HTTPException) as error:
                    broken[f"{kind}: {type(error).__name__}"] += 1
                    continue
                mine.append((kind, status, (time.perf_counter() - start) * 1000))
            me.conn.close()
            with lock:
                for kind, status, ms in mine:
                    samples[kind].append(ms)
                    statuses[kind][status] += 1
                failures.update(broken)

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        memory = server.workers_memory()
    finally:
        server.stop()
    kinds = {kind: {**percentiles(samples[kind]), "statuses": dict(sorted(statuses[kind].items()))}
             for kind in samples}
    total = sum(len(v) for v in samples.values())
    server_errors = sum(n for c in statuses.values() for status, n in c.items() if status >= 500)
    return {"clients": CLIENTS, "workers": WORKERS, "threads": THREADS, "seconds": seconds, "elapsed": elapsed,
            "requests": total, "rps": total / elapsed, "kinds": kinds, "server_errors": server_errors,
            "connection_errors": dict(failures), "workers_memory": memory, "mix": dict(Counter(MIX)),
            "load": [load_before, os.getloadavg()[0]]}


def render(entries: list[dict]) -> list[str]:
    """The RESULTS.md section: one table row per archive size and kind of request."""
    first = entries[0]["mixed"]
    out = ["## Mixed load: searches, pages, exports and password guesses (issue 18)", ""]
    out.append(
        f"gunicorn as `make serve` runs it ({first['workers']} workers, {first['threads']} threads each, DEBUG off, "
        "the 5 s web statement timeout) with the production limits at their defaults: anonymous exports of at most "
        "1,000 statements, 10 an hour and 2 a minute, 10 sign-in attempts a minute per address; only the API's "
        f"anonymous rate lifted (every client is 127.0.0.1). {first['clients']} clients at once for "
        f"{first['seconds']} s, each cycling through the mix: "
        + ", ".join(f"{n} {kind}" for kind, n in first["mix"].items())
        + " per round (bench/mixed.py). A guess is a wrong password at /api/token/ or the admin's form; an "
        "export a search's JSON Lines or CSV."
        + (" Load average (1 min) before and after: " + " and ".join(f"{x:.1f}" for x in first["load"])
           + " on 2 cores." if "load" in first else ""))
    out += ["", "| statements | request | n | p50 ms | p95 ms | p99 ms | max ms | statuses |",
            "|---|---|---|---|---|---|---|---|"]
    for entry in entries:
        m = entry["mixed"]
        for kind, k in m["kinds"].items():
            statuses = ", ".join(f"{status}: {n}" for status, n in k["statuses"].items())
            out.append(f"| {entry['n']:,} | {kind} | {k['n']} | {k['p50']:,.0f} | {k['p95']:,.0f} | "
                       f"{k['p99']:,.0f} | {k['max']:,.0f} | {statuses} |")
    out += ["", "| statements | requests | requests/s | 5xx | connection errors | API list p95 under "
            f"{API_LIST_P95_GOAL_MS} ms | worker peak RSS (MB) |", "|---|---|---|---|---|---|---|"]
    for entry in entries:
        m = entry["mixed"]
        p95 = m["kinds"]["api list"]["p95"]
        memory = " and ".join(f"{w['peak_mb']:.0f}" for w in m["workers_memory"])
        verdict = "**met**" if p95 < API_LIST_P95_GOAL_MS and not m["server_errors"] else "**missed**"
        out.append(f"| {entry['n']:,} | {m['requests']:,} | {m['rps']:,.1f} | {m['server_errors']} | "
                   f"{m['connection_errors'] or 0} | {verdict} ({p95:,.0f} ms) | {memory} |")
    return out


def goals(entries: list[dict]) -> list[tuple[str, str, bool]]:
    largest = entries[-1]
    m = largest["mixed"]
    p95 = m["kinds"]["api list"]["p95"]
    return [(f"mixed load of {m['clients']} clients at {largest['n']:,}: no 5xx, API list p95 under "
             f"{API_LIST_P95_GOAL_MS} ms", f"{m['server_errors']} 5xx, p95 {p95:,.0f} ms",
             not m["server_errors"] and p95 < API_LIST_P95_GOAL_MS)]
