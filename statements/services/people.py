"""One person, one row: finding the person a name stands for, and merging rows that turn out to be one person.

A name becomes a key (statements.extract.people.person_key): the people.csv key for the people of the
table, else the transliterated surname with the first initial ("agapova-v") or without ("agapova"). A
bare surname or initials then go to the one fuller writing of the same person that the statement, or
else the archive, holds ("Агапова" to "В.Агапова", "Ivanov" beside "Игорь Иванов" to him); where two
people could be meant ("Иванов" in a statement naming nobody else of that name, with three Ivanovs in
the archive), the bare surname stays a row of its own rather than being pinned on the wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction

from statements.extract.people import (
    KeyParts,
    key_parts,
    normalise_surname,
    person_record,
    resolve_keys,
    table_keys_for_surnames,
)
from statements.models import Person, PersonName, StatementPerson


class ArchivePeople:
    """The archive's people rows that the names of one statement could be, read in one query rather than
    three or four per name; kept in step as rows are created and merged while the statement is stored.

    covered: surnames whose rows are all known (key equal to the surname or starting with "surname-"),
    and keys whose row, or its absence, is known. Whatever is asked beyond them is read when asked.
    """

    def __init__(self, keys=()):
        self.ids: dict[str, int] = {}
        self.surnames: set[str] = set()
        self.keys: set[str] = set()
        keys = list(keys)
        surnames = frozenset().union(*(key_parts(k).surnames for k in keys))
        self.load(surnames=surnames, keys=[*keys, *table_keys_for_surnames(surnames)])

    def load(self, *, surnames=(), keys=()) -> None:
        surnames = set(surnames) - self.surnames
        keys = {k for k in keys if not self.covers(k)}
        if not surnames and not keys:
            return
        # One LIKE a surname, not LIKE ANY(array): the key's pattern index answers only the former.
        patterns = [f"{_like_escaped(surname)}-%" for surname in sorted(surnames)]
        with connection.cursor() as cursor:
            cursor.execute(PEOPLE_SQL + " OR key LIKE %s" * len(patterns), [[*surnames, *keys], *patterns])
            self.ids.update(cursor.fetchall())
        self.surnames |= surnames
        self.keys |= keys

    def covers(self, key: str) -> bool:
        return key in self.keys or any(_of_surname(key, surname) for surname in self.surnames)

    def pk(self, key: str) -> int | None:
        self.load(keys=[key])
        return self.ids.get(key)

    def parts(self, parts: KeyParts) -> list[KeyParts]:
        """The people the archive (or people.csv) holds with one of these surnames."""
        self.load(surnames=parts.surnames)
        keys = {k for k in self.ids if any(_of_surname(k, surname) for surname in parts.surnames)}
        keys.update(table_keys_for_surnames(parts.surnames))
        return [key_parts(k) for k in keys]


PEOPLE_SQL = f"SELECT key, id FROM {Person._meta.db_table} WHERE key = ANY(%s)"


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _of_surname(key: str, surname: str) -> bool:
    return key == surname or key.startswith(f"{surname}-")


def fuller_in_archive(key: str, people: ArchivePeople | None = None) -> str:
    """key, or the key of the one fuller writing of its person in the archive or the table."""
    parts = key_parts(key)
    if parts.table:
        return key
    people = ArchivePeople() if people is None else people
    found = {o.key for o in people.parts(parts) if parts.could_be(o)}
    if len(found) > 1:  # "И.Иванов" and "Игорь Иванов" are one person: the fullest writing of each
        found = {k for k in found if not any(key_parts(k).could_be(key_parts(o)) for o in found)}
    return found.pop() if len(found) == 1 else key


def person_for(*, key: str, name: str, lang: str, people: ArchivePeople, absorbed: dict[str, str]) -> str:
    """The key of the person of a resolved key, the row created from the table row or from the name as
    written (people_for returns the name as one of the person's variants). `absorbed` is told the keys of
    the rows a new person took in (absorb_less_full), each with the new person's key."""
    key = fuller_in_archive(key, people)
    if people.pk(key) is None:
        row = person_record(key) or {}
        script_ru = lang == "ru"
        surname = "" if row else normalise_surname(name, lang=lang)[:100]
        person, created = _get_or_create_person(key, {
            "name_ru": row.get("name_ru") or (name if script_ru else ""),
            "name_en": row.get("name_en") or ("" if script_ru else name),
            "surname_ru": row.get("surname_ru", surname if script_ru else ""),
            "surname_en": row.get("surname_en", "" if script_ru else surname),
            "role_ru": row.get("title_ru", ""), "role_en": row.get("title_en", ""),
        })
        people.ids[key] = person.pk
        if created:
            for merged in absorb_less_full(person, people):
                absorbed[merged] = person.key
    return key


def _get_or_create_person(key: str, fields: dict[str, str]) -> tuple[Person, bool]:
    """Person.objects.get_or_create(key=key, defaults=fields) in one query where the row is new (a fresh
    archive meets new people in most statements) rather than four (a read, a savepoint, the INSERT, its
    release); a row another process wrote meanwhile is read after."""
    columns = ["key", *fields]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Person._meta.db_table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
            " ON CONFLICT (key) DO NOTHING RETURNING id", [key, *fields.values()])
        row = cursor.fetchone()
    if row is None:
        return Person.objects.get(key=key), False
    return Person(pk=row[0], key=key, **fields), True


def people_for(named: list[tuple[str, str]], *, lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """Each name's person id, for (name, resolved key) pairs of one statement (person_for of each, in
    order), with the archive's rows read once for all of them; and the name variants to keep, each with
    its person's id, which the caller writes with the statement's links (statements.services.store).
    A person created for a later name may take in the row an earlier name found ("Агапова" into
    a new "В.Агапова"): each name goes to the row that holds it at the end."""
    people = ArchivePeople(key for _, key in named)
    absorbed: dict[str, str] = {}  # key of a row a new person took in -> that person's key
    keys: dict[str, str] = {}
    for name, key in named:
        if name not in keys:
            keys[name] = person_for(key=key, name=name, lang=lang, people=people, absorbed=absorbed)
    ids = {}
    for name, key in keys.items():
        while key in absorbed:
            key = absorbed[key]
        ids[name] = people.ids[key]
    variants: dict[str, int] = {}
    for name, pk in ids.items():
        variants.setdefault(name[:200], pk)  # the first name of the statement to be cut to these 200 characters
    return ids, variants


def absorb_less_full(person: Person, people: ArchivePeople | None = None) -> list[str]:
    """Merge into a new person the rows that can only have been them: "agapova" into a new "agapova-v"."""
    people = ArchivePeople([person.key]) if people is None else people
    parts = key_parts(person.key)
    merged = []
    for other in people.parts(parts):
        if other.key != person.key and other.could_be(parts) and fuller_in_archive(other.key, people) == person.key:
            source = Person.objects.filter(key=other.key).first()
            if source is not None:
                merge_people(source=source, target=person)
                people.ids.pop(other.key, None)
                merged.append(other.key)
    return merged


def merge_people(*, source: Person, target: Person) -> int:
    """Move every link and name variant of source to target, fill target's missing names, delete source.
    Returns the number of statements whose links moved."""
    if source.pk == target.pk:
        return 0
    with transaction.atomic():
        moved = _move_links(source, target)
        PersonName.objects.filter(person=source).update(person=target)
        changed = [f for f in ("name_ru", "name_en", "surname_ru", "surname_en")
                   if not getattr(target, f) and getattr(source, f)]
        for field in changed:
            setattr(target, field, getattr(source, field))
        if changed:
            target.save(update_fields=changed)
        source.delete()
    return moved


def _move_links(source: Person, target: Person, *, statements=None) -> int:
    """Move source's links (of the given statements, else all) to target, adding up the mentions where
    target has a link of the same role already. The statements' search vectors name people by id
    ("@person:12"): the moved ones are rewritten to name target."""
    links = StatementPerson.objects.filter(person=source).select_for_update()
    if statements is not None:
        links = links.filter(statement__in=statements)
    moved = set()
    for link in links:
        moved.add(link.statement_id)
        same = StatementPerson.objects.filter(statement_id=link.statement_id, person=target, role=link.role).first()
        if same is not None:
            same.mentions += link.mentions
            same.save(update_fields=["mentions"])
            link.delete()
        else:
            link.person = target
            link.save(update_fields=["person"])
    if moved:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE statements_statement SET search_vector = ts_delete(search_vector, %s::text)"
                " || array_to_tsvector(ARRAY[%s]::text[]) WHERE id = ANY(%s)",
                [f"@person:{source.pk}", f"@person:{target.pk}", sorted(moved)])
    return len(moved)


@dataclass(frozen=True)
class Merge:
    source: str
    target: str
    statements: int
    whole: bool  # the source row went; else only its links in statements that name the target moved


def merge_duplicates(*, dry_run: bool = False) -> list[Merge]:
    """Merge the rows of the archive that are one person (`manage.py merge_people`).

    First, statement by statement: a bare surname or initials beside the one fuller writing of that
    person in the same statement move to it. Then a row with one fuller writing in the whole archive
    (or people.csv) merges into it. A row that could be several people keeps what is left.
    """
    merges: list[Merge] = []
    with transaction.atomic():
        by_statement: dict[int, list[str]] = {}
        for statement_id, key in StatementPerson.objects.order_by("statement_id", "id").values_list(
                "statement_id", "person__key"):
            by_statement.setdefault(statement_id, []).append(key)
        moves: dict[tuple[str, str], list[int]] = {}
        for statement_id, keys in by_statement.items():
            for key, target in resolve_keys(keys).items():
                if target != key:
                    moves.setdefault((key, target), []).append(statement_id)
        for (source_key, target_key), statements in sorted(moves.items()):
            source, target = Person.objects.get(key=source_key), Person.objects.get(key=target_key)
            whole = not StatementPerson.objects.filter(person=source).exclude(statement__in=statements).exists()
            merges.append(Merge(source_key, target_key, len(statements), whole=whole))
            if whole:
                merge_people(source=source, target=target)
            else:
                _move_links(source, target, statements=statements)
        for person in Person.objects.order_by("key"):
            target_key = fuller_in_archive(person.key)
            if target_key == person.key or not Person.objects.filter(pk=person.pk).exists():
                continue
            row = person_record(target_key) or {}
            target, _ = Person.objects.get_or_create(key=target_key, defaults={
                **{f: row.get(f, "") for f in ("name_ru", "name_en", "surname_ru", "surname_en")},
                "role_ru": row.get("title_ru", ""), "role_en": row.get("title_en", "")})
            merges.append(Merge(person.key, target_key, merge_people(source=person, target=target), whole=True))
        if dry_run:
            transaction.set_rollback(True)
    return merges
