"""What every part of the bench shares: paths, the bench database, child processes, percentiles.

Everything that touches Django runs in a child process (`python -m bench.<module> ...`)
with DEBUG off and bench.settings, so that peak memory (ru_maxrss) belongs to that
measurement alone and DEBUG's query log neither slows nor fattens it.
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
UNGD = CORPUS / "ungd" / "ungd-speeches.jsonl"
KREMLIN = CORPUS / "kremlin" / "kremlin-2025.jsonl"
TELEGRAM = CORPUS / "telegram-en" / "mfa-telegram-2025-2026.jsonl"
RESULTS = ROOT / "bench" / "RESULTS.md"
WORK = Path(tempfile.gettempdir()) / "archive-bench"  # generated corpora, outside the checkout
BENCH_DB = os.environ.get("BENCH_DB", "archive_bench")  # another name keeps two runs on one server apart
STATEMENT_TIMEOUT_MS = 10_000
# One per `make bench` run: children and the gunicorn server share it.
_SECRET = secrets.token_urlsafe(50)


def database_url() -> str:
    """The bench database: archive_bench on the server the archive uses, never the archive's own database."""
    url = os.environ.get("DATABASE_URL")
    if url:
        parts = urlsplit(url)
        return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))
    from archive import embedded_db

    cluster = embedded_db.Cluster.from_env()
    return f"postgres://{embedded_db.DB_USER}@127.0.0.1:{cluster.port}/{BENCH_DB}"


def child_env(**extra: str) -> dict[str, str]:
    """Production-like settings: DEBUG off, a long secret, the bench database and URLconf."""
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=_SECRET,
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url(),
        ALLOWED_HOSTS="127.0.0.1,testserver",
        API_ANON_RATE="100000000/second",  # throttling must not cap the load test
        LOG_LEVEL="ERROR",
        PYTHONHASHSEED="0",
        # A runaway query fails after this long instead of stalling the run (libpq reads PGOPTIONS, but
        # only where no `options` are given; Django's connections give theirs: archive/settings.py).
        PGOPTIONS=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        COMMAND_STATEMENT_TIMEOUT=f"{STATEMENT_TIMEOUT_MS}ms",
    )
    env.update(extra)
    return env


def run_child(module: str, *args: str, timeout: float = 3600) -> dict:
    """Run `python -m bench.<module> args` and return the JSON object it prints last."""
    result = subprocess.run([sys.executable, "-m", f"bench.{module}", *args], cwd=ROOT, env=child_env(),
                            capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"bench.{module} {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_child(module: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", f"bench.{module}", *args], cwd=ROOT, env=child_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_child(process: subprocess.Popen, timeout: float = 3600) -> dict:
    out, err = process.communicate(timeout=timeout)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(process.args)} failed:\n{err[-4000:]}")
    return json.loads(out.strip().splitlines()[-1])


def emit(result: dict) -> None:
    """A child's answer: one JSON line, last on stdout."""
    print(json.dumps(result, default=str), flush=True)


def setup_django() -> None:
    """In a child: Django with the environment child_env() gave."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    """p50, p95, p99 and max of a list of milliseconds (inclusive method: no extrapolation past the max)."""
    if len(samples_ms) < 2:
        value = samples_ms[0] if samples_ms else float("nan")
        return {"p50": value, "p95": value, "p99": value, "max": value, "n": len(samples_ms)}
    cuts = statistics.quantiles(samples_ms, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "max": max(samples_ms), "n": len(samples_ms)}


def psql(sql: str, params: list | None = None, *, fetch: bool = False):
    """One statement on the bench database, autocommit (VACUUM cannot run in a transaction)."""
    import psycopg

    with psycopg.connect(database_url(), autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if fetch else None
