"""Statements for tests, stored through the real store service."""

from __future__ import annotations

import datetime as dt
import itertools

from statements.extract.records import Agreement, Event, Extraction
from statements.parse.records import ParsedStatement
from statements.services.store import store_statement

_numbers = itertools.count(1)


def parsed_statement(**fields) -> ParsedStatement:
    n = next(_numbers)
    body = fields.pop("body", f"Текст заявления номер {n}.")
    defaults = dict(
        title=f"Заявление номер {n}", body=body, raw_text=body, lang="ru",
        published_on=dt.date(2024, 1, 1) + dt.timedelta(days=n), kind="statement",
        url=f"https://example.org/statements/{n}",
    )
    defaults.update(fields)
    return ParsedStatement(**defaults)


def sentence_span(body: str, sentence: str) -> tuple[int, int]:
    start = body.index(sentence)
    return start, start + len(sentence)


def agreement(body: str, sentence: str, kind: str = "agreed", parties=("JP", "RU")) -> Agreement:
    start, end = sentence_span(body, sentence)
    return Agreement(start=start, end=end, text=sentence, kind=kind, parties=tuple(parties))


def event(body: str, sentence: str, starts_on, ends_on, precision="day", title="", place=None,
          countries=()) -> Event:
    start, end = sentence_span(body, sentence)
    return Event(start=start, end=end, text=sentence, title=title or sentence[:40], starts_on=starts_on,
                 ends_on=ends_on, precision=precision, place=place, countries=tuple(countries))


def make_statement(*, extraction: Extraction | None = None, **fields):
    parsed = parsed_statement(**fields)
    return store_statement(parsed=parsed, extraction=extraction or Extraction(), record={"title": parsed.title})


def make_editor(username: str = "editor", *, password: str = "pw-editor-1"):
    """A member of the Editors group (statements.services.editors), staff as the admin needs."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user
