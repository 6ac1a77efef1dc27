"""Countries, topics and the roles of known people come from data files in statements/data/.

They are synchronised after every `migrate` (statements.apps), so a fresh
database and an updated vocabulary file both end up with the same rows.
"""

from __future__ import annotations

from statements.data import rows


def sync_countries(Country) -> int:
    table = rows("countries.csv")
    objs = [Country(code=r["code"].strip().upper(), name_en=r["name_en"].strip(), name_ru=r["name_ru"].strip())
            for r in table if r.get("code")]
    Country.objects.bulk_create(objs, update_conflicts=True, unique_fields=["code"],
                                update_fields=["name_en", "name_ru"])
    return len(objs)


def sync_topics(Topic) -> int:
    table = rows("topics.csv")
    objs = [Topic(slug=r["slug"].strip(), name_en=r["name_en"].strip(), name_ru=r["name_ru"].strip())
            for r in table if r.get("slug")]
    Topic.objects.bulk_create(objs, update_conflicts=True, unique_fields=["slug"],
                              update_fields=["name_en", "name_ru"])
    return len(objs)


def sync_people(Person) -> int:
    """The roles of the people of people.csv the archive holds, and their names where a row has none.
    (People are created when a statement names them: statements.services.people.)"""
    table = {r["key"]: r for r in rows("people.csv") if r.get("key")}
    changed = []
    for person in Person.objects.filter(key__in=list(table)):
        row = table[person.key]
        before = (person.role_ru, person.role_en, person.name_ru, person.name_en)
        person.role_ru, person.role_en = row["title_ru"].strip(), row["title_en"].strip()
        person.name_ru = person.name_ru or row["name_ru"].strip()
        person.name_en = person.name_en or row["name_en"].strip()
        if (person.role_ru, person.role_en, person.name_ru, person.name_en) != before:
            changed.append(person)
    Person.objects.bulk_update(changed, ["role_ru", "role_en", "name_ru", "name_en"])
    return len(changed)
