"""The embedded PostgreSQL: a cluster of its own in a temporary folder."""

import psycopg
import pytest

from archive import embedded_db

pytestmark = pytest.mark.slow  # a PostgreSQL of its own, started and stopped


@pytest.fixture
def cluster(tmp_path):
    cluster = embedded_db.Cluster(pgdata=tmp_path / "pgdata", port=54391)
    yield cluster
    embedded_db.stop(cluster)


def test_it_starts_twice_serves_queries_and_stops(cluster):
    assert embedded_db.status(cluster).startswith("not initialised")
    embedded_db.start(cluster)
    embedded_db.start(cluster)  # a second start finds it running and changes nothing
    assert embedded_db.is_running(cluster)
    assert embedded_db.status(cluster).startswith("running on 127.0.0.1:54391")

    with psycopg.connect(**_conninfo(cluster)) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        available = {row[0] for row in conn.execute("SELECT name FROM pg_available_extensions")}
    assert version.startswith("18")
    assert {"pg_trgm", "unaccent"} <= available

    assert embedded_db.stop(cluster) is True
    assert not embedded_db.is_running(cluster)
    assert embedded_db.stop(cluster) is False  # stopping a stopped server is not an error
    assert embedded_db.status(cluster).startswith("stopped")


def test_data_survives_a_restart(cluster):
    embedded_db.start(cluster)
    with psycopg.connect(**_conninfo(cluster), autocommit=True) as conn:
        conn.execute("CREATE TABLE kept (v text)")
        conn.execute("INSERT INTO kept VALUES ('survives')")
    embedded_db.stop(cluster)
    embedded_db.start(cluster)
    with psycopg.connect(**_conninfo(cluster)) as conn:
        assert conn.execute("SELECT v FROM kept").fetchone()[0] == "survives"


def _conninfo(cluster):
    s = cluster.django_settings()
    return {"host": s["HOST"], "port": s["PORT"], "user": s["USER"], "dbname": s["NAME"]}
