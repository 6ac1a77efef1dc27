"""Countries and topics come from data files in statements/data/.

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
