"""Storing a parsed and extracted statement: create, update, re-extract.

Each public function is one transaction. Slow, pure work (parsing,
extraction, lemmatisation) happens before the transaction opens, so locks are
held for the few milliseconds the writes take.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from statements.choices import Origin, Role
from statements.extract.records import Extraction
from statements.extract.version import extractor_version
from statements.models import (
    Agreement,
    Country,
    Event,
    PersonName,
    RemovedLink,
    Statement,
    StatementCountry,
    StatementPerson,
    StatementRevision,
    StatementTopic,
    Topic,
)
from statements.parse.records import ParsedStatement, ParseError
from statements.search.document import LINES, SearchDocument, link_lexeme, search_document

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass(frozen=True)
class StoreResult:
    outcome: str
    statement: Statement


def identity_key(parsed: ParsedStatement) -> str:
    """What makes two records the same statement, whatever their text says.

    mid.ru's document number when there is one. Otherwise the URL with the
    date: scraped archives do give one URL to several statements (three mid.ru
    speeches of 2002-2003 share one in the corpus), while a page edited after
    publication keeps both its URL and its date.
    """
    if parsed.doc_number:
        return f"mid.ru:{parsed.doc_number}"
    if parsed.url:
        return f"{parsed.url.strip()}#{parsed.published_on}"
    digest = hashlib.sha256(
        "\x1f".join([parsed.source or "", parsed.title, str(parsed.published_on)]).encode()
    ).hexdigest()[:32]
    return f"sha256:{digest}"


def content_checksum(parsed: ParsedStatement) -> str:
    return hashlib.sha256(f"{parsed.title}\x1f{parsed.published_on}\x1f{parsed.raw_text}".encode()).hexdigest()


def check_storable(parsed: ParsedStatement) -> None:
    """ParseError for what the statement table cannot hold."""
    if parsed.published_on is None:
        raise ParseError("no publication date: the record has none, and neither its title nor its text gives one")
    for name, value, limit in (("url", parsed.url, 480), ("source", parsed.source, 300),
                               ("place", parsed.place, 200), ("doc_number", parsed.doc_number, 40)):
        if value and len(value) > limit:
            raise ParseError(f"{name} too long: {len(value)} characters, at most {limit}")


def stored_checksum(parsed: ParsedStatement) -> str | None:
    """The checksum of the statement the archive holds under this record's key, None when it holds none.
    Equal to content_checksum(parsed): ingestion has nothing to do and skips extraction (most of a
    statement's cost) altogether. One indexed lookup."""
    check_storable(parsed)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT checksum FROM {Statement._meta.db_table} WHERE key = %s", [identity_key(parsed)])
        row = cursor.fetchone()
    return row[0] if row else None


class StoredMeanwhile(Exception):
    """Another process stored a statement of the same key between the caller's look and this INSERT."""


def store_statement(*, parsed: ParsedStatement, extraction: Extraction, record: dict | None = None,
                    seen_new: bool = False) -> StoreResult:
    """Create or update one statement with its extraction; idempotent.

    seen_new: the caller found no statement of this key (stored_checksum). The statement is then inserted
    without taking the key's lock and reading its row first (two of a new statement's round trips); should
    another process have stored it meanwhile, the INSERT finds the key taken, and the statement goes the
    locked way, as if the caller had not looked.
    """
    check_storable(parsed)
    key = identity_key(parsed)
    checksum = content_checksum(parsed)
    document = search_document(parsed, extraction)  # pure and slow-ish: outside the transaction
    record = {k: v for k, v in (record or {}).items() if k != "text"}
    args = (key, checksum, parsed, extraction, document, record)
    if seen_new:
        try:
            with transaction.atomic():
                return StoreResult(CREATED, _create(*args))
        except StoredMeanwhile:
            pass
    try:
        return _store_locked(*args)
    except StoredMeanwhile:  # inserted the unlocked way by another process, which has committed it: found now
        return _store_locked(*args)


def _create(key, checksum, parsed, extraction, document, record) -> Statement:
    statement = Statement(key=key)
    links = _resolve_links(parsed, extraction)
    _fill(statement, parsed, checksum, record)
    _insert_with_vectors(statement, document, links)
    _write_extraction(statement, extraction, links, new=True)
    return statement


def _store_locked(key, checksum, parsed, extraction, document, record) -> StoreResult:
    with transaction.atomic():
        # Two processes ingesting the same file at once: the second waits here,
        # then finds the statement the first one wrote.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(key.encode())])
        statement = Statement.objects.select_for_update().filter(key=key).first()
        if statement is None:
            return StoreResult(CREATED, _create(key, checksum, parsed, extraction, document, record))
        if statement.checksum == checksum:
            return StoreResult(UNCHANGED, statement)
        StatementRevision.objects.create(
            statement=statement, title=statement.title, body=statement.body,
            raw_text=statement.raw_text, checksum=statement.checksum,
        )
        links = _resolve_links(parsed, extraction)
        _fill(statement, parsed, checksum, record)
        statement.save()
        _update_search_vector(statement, document, _write_extraction(statement, extraction, links, new=False))
    return StoreResult(UPDATED, statement)


def reextract_statement(*, statement: Statement, parsed: ParsedStatement, extraction: Extraction) -> None:
    """Replace what the machine found, keeping every editor's work."""
    document = search_document(parsed, extraction)
    with transaction.atomic():
        # Only the row's lock: its text and vectors, read from TOAST, are not needed here.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {Statement._meta.db_table} WHERE id = %s FOR UPDATE", [statement.pk])
            if cursor.fetchone() is None:
                raise Statement.DoesNotExist(f"statement {statement.pk} no longer exists")
        links = _resolve_links(parsed, extraction)
        lexemes = _write_extraction(statement, extraction, links, new=False)
        # Which extraction made the items now stored (`reextract` resumes by it): written with the vectors.
        statement.extracted_with, statement.extracted_at = extractor_version(), timezone.now()
        _update_search_vector(statement, document, lexemes)


def _fill(statement: Statement, parsed: ParsedStatement, checksum: str, record: dict) -> None:
    statement.title = parsed.title
    statement.kind = parsed.kind
    statement.published_on = parsed.published_on
    statement.published_at = parsed.published_at
    statement.place = parsed.place or ""
    statement.language = parsed.lang
    statement.doc_number = parsed.doc_number
    statement.source_url = parsed.url or ""
    statement.source = parsed.source or ""
    statement.body = parsed.body
    statement.raw_text = parsed.raw_text
    statement.record = record
    statement.checksum = checksum
    statement.extracted_with, statement.extracted_at = extractor_version(), timezone.now()


@dataclass(frozen=True)
class Links:
    """What a statement links to, known before its row is written: the rows of its link tables, and their
    lexemes for its search vector (statements.search.document.link_lexeme)."""

    known_countries: frozenset[str]
    people: dict[tuple[int, str], int]  # (person id, role) -> mentions
    names: dict[str, int]  # the people's names as written here -> person id (PersonName, kept where known)
    countries: tuple[tuple[str, int], ...]  # (code, mentions)
    topics: tuple[tuple[int, str, str], ...]  # (topic id, slug, evidence)

    @property
    def lexemes(self) -> str:
        """One lexeme a line, as the vectors' SQL splits them."""
        return LINES.join(sorted({
            *(link_lexeme("country", code) for code, _ in self.countries),
            *(link_lexeme("topic", slug) for _, slug, _ in self.topics),
            *(link_lexeme("person", pk) for pk, _ in self.people),
        }))


def _resolve_links(parsed: ParsedStatement, extraction: Extraction) -> Links:
    """The archive's countries, topics and people an extraction names (new people and name variants
    written on the way): everything the statement's row and link rows need but its id."""
    codes = {*extraction.countries, *(c for item in extraction.agreements for c in item.parties),
             *(c for item in extraction.events for c in item.countries)}
    known_countries, topics = _known(sorted(codes), sorted({m.slug for m in extraction.topics}))
    people, names = _people_links(parsed, extraction)
    return Links(
        known_countries=frozenset(known_countries),
        people=people,
        names=names,
        countries=tuple((code, n) for code, n in sorted(extraction.countries.items()) if code in known_countries),
        topics=tuple((topics[m.slug], m.slug, m.evidence) for m in extraction.topics if m.slug in topics),
    )


def _write_extraction(statement: Statement, extraction: Extraction, links: Links, *, new: bool) -> str:
    """Links and items of a statement, and the lexemes of its links as they now stand (Links.lexemes' form).
    A new statement has none yet: nothing to delete or keep, which saves half of the queries (each one a
    round trip, the larger part of storing a statement)."""
    kept_spans: dict[str, set[tuple[int, int]]] = {"agreement": set(), "event": set()}
    edited = False
    if not new:
        with connection.cursor() as cursor:
            cursor.execute(REPLACE_SQL, {"id": statement.pk, "machine": Origin.MACHINE})
            for kind, start, end in cursor.fetchall():
                if kind == EDITED:
                    edited = True
                else:
                    kept_spans[kind].add((start, end))
    if links.people or links.countries or links.topics:
        people = list(links.people.items())
        names = sorted(links.names.items())  # in one order, so two statements' INSERTs never wait on each other
        with connection.cursor() as cursor:
            cursor.execute(LINKS_SQL, {
                "id": statement.pk,
                "names": [name for name, _ in names], "name_people": [pk for _, pk in names],
                "person_ids": [pk for (pk, _), _ in people], "roles": [role for (_, role), _ in people],
                "person_mentions": [n for _, n in people],
                "codes": [code for code, _ in links.countries], "country_mentions": [n for _, n in links.countries],
                "topic_ids": [pk for pk, _, _ in links.topics], "evidence": [ev for _, _, ev in links.topics],
            })
    _insert_machine_items(statement, extraction, links.known_countries, kept_spans)
    # An editor's links, or removals, make the stored links differ from the machine's: read them back.
    return stored_link_lexemes(statement.pk) if edited else links.lexemes


EDITED = "edited links"  # REPLACE_SQL's row saying that an editor made or removed a link of the statement
# What re-extraction replaces, in one round trip: the statement's links that the machine made, and its items
# that the machine made and nobody verified or rejected (with their countries); the spans of the items that
# stay come back, and whether an editor made or removed a link (EDITED). Every part of the statement sees the
# rows as they were before it: the items read are those the DELETEs leave.
_STALE = "origin = %(machine)s AND NOT verified AND NOT rejected"
REPLACE_SQL = f"""
    WITH people AS (DELETE FROM {StatementPerson._meta.db_table} WHERE statement_id = %(id)s AND origin = %(machine)s),
    countries AS (DELETE FROM {StatementCountry._meta.db_table} WHERE statement_id = %(id)s AND origin = %(machine)s),
    topics AS (DELETE FROM {StatementTopic._meta.db_table} WHERE statement_id = %(id)s AND origin = %(machine)s),
    agreements AS (DELETE FROM {Agreement._meta.db_table} WHERE statement_id = %(id)s AND {_STALE} RETURNING id),
    agreement_countries AS (DELETE FROM {Agreement.countries.through._meta.db_table}
                            WHERE agreement_id IN (SELECT id FROM agreements)),
    events AS (DELETE FROM {Event._meta.db_table} WHERE statement_id = %(id)s AND {_STALE} RETURNING id),
    event_countries AS (DELETE FROM {Event.countries.through._meta.db_table}
                        WHERE event_id IN (SELECT id FROM events))
    SELECT 'agreement', start, "end" FROM {Agreement._meta.db_table} WHERE statement_id = %(id)s AND NOT ({_STALE})
    UNION ALL
    SELECT 'event', start, "end" FROM {Event._meta.db_table} WHERE statement_id = %(id)s AND NOT ({_STALE})
    UNION ALL
    SELECT '{EDITED}', 0, 0 WHERE EXISTS (SELECT 1 FROM {RemovedLink._meta.db_table} WHERE statement_id = %(id)s)
        {"".join(f"OR EXISTS (SELECT 1 FROM {model._meta.db_table} WHERE statement_id = %(id)s"
                 " AND origin <> %(machine)s) " for model in (StatementPerson, StatementCountry, StatementTopic))}
"""

# The statement's people, countries and topics, and its people's names as written, in one round trip. A name
# already known stays with its person (the name is unique). A link an editor made stays as it is (the unique
# constraints), and one an editor removed (RemovedLink) is not made again.
_REMOVED = f"SELECT 1 FROM {RemovedLink._meta.db_table} removed WHERE removed.statement_id = %(id)s"
LINKS_SQL = f"""
    WITH names AS (
        INSERT INTO {PersonName._meta.db_table} (name, person_id)
        SELECT * FROM unnest(%(names)s::text[], %(name_people)s::bigint[]) ON CONFLICT (name) DO NOTHING),
    people AS (
        INSERT INTO {StatementPerson._meta.db_table} (statement_id, person_id, role, mentions)
        SELECT %(id)s, link.* FROM unnest(%(person_ids)s::bigint[], %(roles)s::text[], %(person_mentions)s::integer[])
            AS link (person_id, role, mentions)
        WHERE NOT EXISTS ({_REMOVED} AND removed.kind = 'person'
                          AND removed.value = link.person_id || ':' || link.role)
        ON CONFLICT DO NOTHING),
    countries AS (
        INSERT INTO {StatementCountry._meta.db_table} (statement_id, country_id, mentions)
        SELECT %(id)s, link.* FROM unnest(%(codes)s::text[], %(country_mentions)s::integer[]) AS link (code, mentions)
        WHERE NOT EXISTS ({_REMOVED} AND removed.kind = 'country' AND removed.value = link.code)
        ON CONFLICT DO NOTHING)
    INSERT INTO {StatementTopic._meta.db_table} (statement_id, topic_id, evidence)
    SELECT %(id)s, link.* FROM unnest(%(topic_ids)s::bigint[], %(evidence)s::text[]) AS link (topic_id, evidence)
    WHERE NOT EXISTS ({_REMOVED} AND removed.kind = 'topic' AND removed.value = link.topic_id::text)
    ON CONFLICT DO NOTHING
"""


# The countries and topics of the archive among those an extraction names, in one round trip.
KNOWN_SQL = (f"SELECT code, NULL FROM {Country._meta.db_table} WHERE code = ANY(%s)"
             f" UNION ALL SELECT slug, id FROM {Topic._meta.db_table} WHERE slug = ANY(%s)")


def _known(codes: list[str], slugs: list[str]) -> tuple[set[str], dict[str, int]]:
    """The archive's country codes among codes, and its topics' ids by slug among slugs."""
    if not codes and not slugs:
        return set(), {}
    with connection.cursor() as cursor:
        cursor.execute(KNOWN_SQL, [codes, slugs])
        rows = cursor.fetchall()
    return {code for code, pk in rows if pk is None}, {slug: pk for slug, pk in rows if pk is not None}


def _people_links(parsed: ParsedStatement,
                  extraction: Extraction) -> tuple[dict[tuple[int, str], int], dict[str, int]]:
    """Speakers and mentioned people, one row per person: a bare surname or initials go to the fuller
    writing of the same person in this statement or the archive (statements.services.people). With
    the names as written, for the people's name variants."""
    from statements.extract.people import person_key, resolve_keys
    from statements.services.people import people_for

    named = [(name, Role.SPEAKER) for name in parsed.speakers]
    named += [(mention.name, Role.MENTIONED) for mention in extraction.people]
    keys = {name: person_key(name, lang=parsed.lang) for name, _ in named}
    resolved = resolve_keys([key for key in keys.values() if key])
    ids, names = people_for([(name, resolved[keys[name]]) for name, _ in named if keys[name]], lang=parsed.lang)
    counts: dict[tuple[int, str], int] = {}
    for name, role in named:
        if name in ids:
            pk = ids[name]
            counts[(pk, role)] = 1 if role == Role.SPEAKER else counts.get((pk, role), 0) + 1
    return counts, names


def _insert_machine_items(statement: Statement, extraction: Extraction, known_countries: frozenset[str],
                          kept_spans: dict[str, set[tuple[int, int]]]) -> None:
    """The new machine-made items, beside those re-extraction keeps (REPLACE_SQL).

    Verified, edited, editor-added and rejected items stay untouched; a new
    machine item on the same sentence as one of them is not added, so a
    rejected item does not come back and an edited one is not doubled.
    The new items and their countries are written in one INSERT each.
    """
    for model, items in ((Agreement, extraction.agreements), (Event, extraction.events)):
        kept = kept_spans[model._meta.model_name]
        made = []
        for item in items:
            if (item.start, item.end) in kept:
                continue
            if model is Agreement:
                obj = Agreement(
                    statement=statement, text=item.text, start=item.start, end=item.end, kind=item.kind,
                    parties=list(item.parties),
                )
                codes = [p for p in item.parties if p in known_countries]
            else:
                obj = Event(
                    statement=statement, text=item.text, start=item.start, end=item.end, title=item.title[:300],
                    starts_on=item.starts_on, ends_on=item.ends_on, precision=item.precision or "",
                    place=item.place or "",
                )
                codes = [c for c in item.countries if c in known_countries]
            made.append((obj, list(dict.fromkeys(codes))))
        if not made:
            continue
        model.objects.bulk_create([obj for obj, _ in made])  # PostgreSQL returns the new ids, in order
        through = model.countries.through
        owner = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            through(**{owner: obj.pk, "country_id": code}) for obj, codes in made for code in codes
        )


def _update_search_vector(statement: Statement, document: SearchDocument, links: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_VECTORS_SQL, {**document.as_params(), "links": links, "id": statement.pk,
                                            "extracted_with": statement.extracted_with,
                                            "extracted_at": statement.extracted_at})


def _insert_with_vectors(statement: Statement, document: SearchDocument, links: Links) -> None:
    """A new statement's row, its vectors in the same INSERT: an UPDATE after it wrote the row a second
    time, with new entries in each of the table's indexes, since it changes an indexed column.
    Each column's value is prepared as the ORM's save() prepares it."""
    values = {f"col_{field.column}": field.get_db_prep_save(field.pre_save(statement, True), connection)
              for field in INSERT_FIELDS}
    with connection.cursor() as cursor:
        cursor.execute(INSERT_SQL, {**values, **document.as_params(), "links": links.lexemes})
        row = cursor.fetchone()
    if row is None:  # the key is taken: only a statement inserted without its lock (seen_new) gets here
        raise StoredMeanwhile(statement.key)
    statement.pk = row[0]
    statement._state.adding, statement._state.db = False, connection.alias


# Both vectors of statements.search.document. The statement's countries, topics and people go into
# search_vector as lexemes of their own, one a line in %(links)s (statements.search.document.link_lexeme):
# a country by its code, a topic by its slug (which a query naming the topic knows without the database:
# statements.search.entities), a person by id.
SEARCH_VECTOR_SQL = """
            setweight(to_tsvector(%(config)s::regconfig, %(title)s), 'A')
            || setweight(to_tsvector('simple', %(title_lemmas)s), 'A')
            || setweight(to_tsvector('simple', %(names)s), 'B')
            || setweight(to_tsvector(%(config)s::regconfig, %(body)s), 'C')
            || setweight(to_tsvector('simple', %(body_lemmas)s), 'C')
            || array_to_tsvector(string_to_array(%(pairs)s, E'\\n'))
            || array_to_tsvector(string_to_array(%(entities)s, E'\\n'))
            || array_to_tsvector(string_to_array(%(links)s, E'\\n'))"""
RANK_VECTOR_SQL = """
            setweight(to_tsvector(%(rank_config)s::regconfig, %(rank_title)s), 'A')
            || setweight(to_tsvector(%(rank_config)s::regconfig, %(rank_lead)s), 'B')
            || archive_salient_terms(to_tsvector(%(rank_config)s::regconfig, %(rank_body)s), %(salient_terms)s,
                                     %(salient_per_distinct)s, %(salient_positions)s)
            || %(rank_pairs)s::tsvector"""

# Re-extraction and an updated text: the vectors in one UPDATE, after the links are written, with the
# extraction the statement records (a second UPDATE of the row would write it, vectors and all, once more).
SEARCH_VECTORS_SQL = f"""
    UPDATE statements_statement SET
        extracted_with = %(extracted_with)s, extracted_at = %(extracted_at)s,
        search_vector = {SEARCH_VECTOR_SQL},
        rank_vector = {RANK_VECTOR_SQL}
    WHERE id = %(id)s
"""

INSERT_FIELDS = [field for field in Statement._meta.concrete_fields
                 if field.column not in ("id", "search_vector", "rank_vector")]
INSERT_SQL = (
    f"INSERT INTO {Statement._meta.db_table} ({', '.join(f.column for f in INSERT_FIELDS)}, search_vector, rank_vector)"
    f" VALUES ({', '.join(f'%(col_{f.column})s' for f in INSERT_FIELDS)}, {SEARCH_VECTOR_SQL}, {RANK_VECTOR_SQL})"
    " ON CONFLICT (key) DO NOTHING RETURNING id"
)

# An import's links, written by the import before its vectors: (kind, value) for link_lexeme.
LINKS_OF_SQL = """
    SELECT 'country', country_id FROM statements_statementcountry WHERE statement_id = %(id)s
    UNION SELECT 'topic', topic.slug FROM statements_statementtopic link
        JOIN statements_topic topic ON topic.id = link.topic_id WHERE link.statement_id = %(id)s
    UNION SELECT 'person', person_id::text FROM statements_statementperson WHERE statement_id = %(id)s
"""


def parse_ingested(record: dict, raw_text: str) -> tuple[ParsedStatement, Extraction]:
    """Parse and extract the record a statement was ingested from (pure, slow: call it outside transactions)."""
    from statements.extract import extract
    from statements.parse import parse_record

    parsed = parse_record({**record, "text": raw_text})
    return parsed, extract(parsed)


def reextract_stored(pk: int) -> bool:
    """`manage.py reextract` and the admin's re-extraction job: run today's extraction on the stored
    statement with this id, from exactly what was ingested (its record and raw text, read without the ORM
    and without its search vectors); False when there is none (deleted)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT record::text, raw_text FROM {Statement._meta.db_table} WHERE id = %s", [pk])
        row = cursor.fetchone()
    if row is None:
        return False
    parsed, extraction = parse_ingested(json.loads(row[0]), row[1])
    reextract_statement(statement=Statement(pk=pk), parsed=parsed, extraction=extraction)
    return True


def stored_link_lexemes(pk: int) -> str:
    """The link lexemes of a statement's stored links (Links.lexemes' form)."""
    with connection.cursor() as cursor:
        cursor.execute(LINKS_OF_SQL, {"id": pk})
        return LINES.join(sorted(link_lexeme(kind, value) for kind, value in cursor.fetchall()))


def write_search_vector(statement: Statement, document: SearchDocument) -> None:
    """Write a statement's search vectors, inside the caller's transaction (an import's)."""
    _update_search_vector(statement, document, stored_link_lexemes(statement.pk))


# A statement's link lexemes replaced in its search vector, the rest of it kept: after an editor's change to
# its links. %(kinds)s: the lexemes' prefixes (link_lexeme(kind, "")).
RELINK_SQL = """
    UPDATE statements_statement SET search_vector = ts_delete(search_vector, ARRAY(
            SELECT lexeme FROM unnest(search_vector) WHERE lexeme ^@ ANY(%(kinds)s::text[])))
        || array_to_tsvector(string_to_array(%(links)s, E'\\n'))
    WHERE id = %(id)s
"""


def refresh_link_lexemes(pk: int) -> None:
    """Put a statement's stored links into its search vector (after an editor changed them)."""
    with connection.cursor() as cursor:
        cursor.execute(RELINK_SQL, {"id": pk, "links": stored_link_lexemes(pk),
                                    "kinds": [link_lexeme(kind, "") for kind in ("country", "topic", "person")]})
