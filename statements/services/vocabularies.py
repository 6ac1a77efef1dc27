"""Countries and topics come from data files in statements/data/.

They are synchronised after every `migrate` (statements.apps), so a fresh
database and an updated vocabulary file both end up with the same rows.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def _rows(name: str) -> list[dict]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sync_countries(Country) -> int:
    rows = _rows("countries.csv")
    objs = [Country(code=r["code"].strip().upper(), name_en=r["name_en"].strip(), name_ru=r["name_ru"].strip())
            for r in rows if r.get("code")]
    Country.objects.bulk_create(objs, update_conflicts=True, unique_fields=["code"],
                                update_fields=["name_en", "name_ru"])
    return len(objs)


def sync_topics(Topic) -> int:
    rows = _rows("topics.csv")
    objs = [Topic(slug=r["slug"].strip(), name_en=r["name_en"].strip(), name_ru=r["name_ru"].strip())
            for r in rows if r.get("slug")]
    Topic.objects.bulk_create(objs, update_conflicts=True, unique_fields=["slug"],
                              update_fields=["name_en", "name_ru"])
    return len(objs)
