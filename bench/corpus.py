"""The search corpus: a base of generated statements through the real pipeline, multiplied in SQL.

The full pipeline stores some tens of statements a second on two cores, so
100,000 through it would take most of an hour. Instead a base of generated
statements (bench.generate) goes through parse, extract and store in two
processes, and `grow_to(n)` copies base rows until there are n statements:
each copy gets a new key and id, a new publication date (spread over
1995-2026 by a hash of its id; its events move with it), and keeps the
original's title, kind, language, body, search vector and every link
(countries, topics, people, agreements and events with their countries).
Result counts and ranking work grow with n as they would in a real archive;
what the copies do not add is new vocabulary (the GIN index's posting lists
grow, its keys do not).

The GIN index is dropped during the copy and built again from its own
definition afterwards (faster than n single insertions), then VACUUM ANALYZE
leaves fresh statistics and a visibility map, as autovacuum would on a
settled archive.
"""

from __future__ import annotations

import time
from pathlib import Path

import psycopg

from bench import generate
from bench.common import WORK, database_url, psql
from bench.ingest import empty_database, two_processes

DAYS = (generate.LAST_DAY - generate.FIRST_DAY).days
FIRST_DAY = generate.FIRST_DAY.isoformat()
SEARCH_INDEX = "statement_search_gin"


def build_base(n: int) -> dict:
    """Generate n records and ingest them through the real pipeline in two processes."""
    path = WORK / f"base-{n}.jsonl"
    t0 = time.perf_counter()
    generated = generate.write(n, path)
    generated["seconds"] = time.perf_counter() - t0
    empty_database()
    ingest = two_processes(path, n)
    base_max_id = psql("SELECT max(id) FROM statements_statement", fetch=True)[0][0]
    stored = psql("SELECT count(*) FROM statements_statement", fetch=True)[0][0]
    vacuum_analyze()
    return {"generated": generated, "ingest": ingest, "base_max_id": base_max_id, "stored": stored,
            "path": str(path)}


def _columns(conn, table: str) -> list[str]:
    """The columns an INSERT may name (a generated column computes itself)."""
    rows = conn.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                        "AND is_generated = 'NEVER' ORDER BY ordinal_position", [table]).fetchall()
    return [name for (name,) in rows]


def _copy(conn, table: str, source_alias: str, joins: str, overrides: dict[str, str]) -> int:
    """INSERT INTO table SELECT its own columns from `source_alias`, but for the overridden ones."""
    columns = _columns(conn, table)
    select = ", ".join(overrides.get(c, f'{source_alias}."{c}"') for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    return conn.execute(f"INSERT INTO {table} ({names}) SELECT {select} FROM {joins}").rowcount


def _map(conn, name: str, table: str, parent_map: str) -> None:
    """old id -> new id (and the parent's new statement) for the rows of `table` under the copied parents."""
    conn.execute(f"""
        CREATE TEMP TABLE {name} ON COMMIT DROP AS
        SELECT x.id AS old_id, nextval(pg_get_serial_sequence('{table}', 'id')) AS new_id,
               m.new_id AS statement_id, m.delta
        FROM {parent_map} m JOIN {table} x ON x.statement_id = m.old_id
    """)


def grow_to(n: int, base_max_id: int) -> dict:
    """Copy base statements (id <= base_max_id), round robin, until there are n."""
    start = time.perf_counter()
    with psycopg.connect(database_url()) as conn:
        current = conn.execute("SELECT count(*) FROM statements_statement").fetchone()[0]
        need = n - current
        if need <= 0:
            return {"n": current, "copied": 0, "seconds": 0.0}
        conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
        index_sql = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [SEARCH_INDEX]).fetchone()[0]
        conn.execute(f"DROP INDEX {SEARCH_INDEX}")
        conn.execute(f"""
            CREATE TEMP TABLE statement_map ON COMMIT DROP AS
            WITH base AS (
                SELECT id, published_on, row_number() OVER (ORDER BY id) - 1 AS i
                FROM statements_statement WHERE id <= %(base_max_id)s
            ), copies AS (
                SELECT base.id AS old_id, base.published_on AS old_date,
                       nextval(pg_get_serial_sequence('statements_statement', 'id')) AS new_id
                FROM generate_series(0, %(need)s - 1) AS g
                JOIN base ON base.i = g %% (SELECT count(*) FROM base)
            )
            SELECT old_id, new_id,
                   DATE '{FIRST_DAY}' + (hashtext(new_id::text) & 2147483647) %% {DAYS} AS new_date,
                   DATE '{FIRST_DAY}' + (hashtext(new_id::text) & 2147483647) %% {DAYS} - old_date AS delta
            FROM copies
        """, {"base_max_id": base_max_id, "need": need})
        copied = _copy(conn, "statements_statement", "s",
                       "statement_map m JOIN statements_statement s ON s.id = m.old_id",
                       {"id": "m.new_id", "key": "s.key || '#bench-copy-' || m.new_id", "published_on": "m.new_date",
                        "doc_number": "NULL", "created_at": "now()", "updated_at": "now()"})
        for table in ("statements_statementcountry", "statements_statementtopic", "statements_statementperson"):
            _copy(conn, table, "x", f"statement_map m JOIN {table} x ON x.statement_id = m.old_id",
                  {"id": f"nextval(pg_get_serial_sequence('{table}', 'id'))", "statement_id": "m.new_id"})
        event_dates = {"starts_on": "x.starts_on + m.delta", "ends_on": "x.ends_on + m.delta"}
        for table, dates in (("statements_agreement", {}), ("statements_event", event_dates)):
            item_map = f"{table}_map"
            _map(conn, item_map, table, "statement_map")
            _copy(conn, table, "x", f"{item_map} m JOIN {table} x ON x.id = m.old_id",
                  {"id": "m.new_id", "statement_id": "m.statement_id", **dates})
            link = f"{table}_countries"
            fk = table.removeprefix("statements_") + "_id"
            _copy(conn, link, "x", f"{item_map} m JOIN {link} x ON x.{fk} = m.old_id",
                  {"id": f"nextval(pg_get_serial_sequence('{link}', 'id'))", fk: "m.new_id"})
        copy_seconds = time.perf_counter() - start
        conn.execute(index_sql)
        conn.commit()
    index_seconds = time.perf_counter() - start - copy_seconds
    vacuum_analyze()
    total = psql("SELECT count(*) FROM statements_statement", fetch=True)[0][0]
    return {"n": total, "copied": copied, "seconds": time.perf_counter() - start, "copy_seconds": copy_seconds,
            "index_seconds": index_seconds}


def vacuum_analyze() -> None:
    psql("VACUUM (ANALYZE)")


def sizes() -> dict:
    rows = psql("""SELECT pg_size_pretty(pg_total_relation_size('statements_statement')),
                          pg_size_pretty(pg_relation_size(%s)),
                          pg_size_pretty(pg_database_size(current_database()))""", [SEARCH_INDEX], fetch=True)
    table, index, database = rows[0]
    return {"table": table, "search_index": index, "database": database}


def remove_work_files(base: dict) -> None:
    Path(base["path"]).unlink(missing_ok=True)
