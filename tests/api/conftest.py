"""A small archive, and the people who read and edit it through the API."""

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.extract.records import Extraction, TopicMatch
from statements.models import Statement
from tests.factories import agreement, event, make_statement

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample" / "lavrov-2018-07-31-russia-japan-2plus2.txt"

TALKS = ("Стороны договорились продолжить консультации по мирному договору. "
         "Следующий раунд переговоров состоится 10-12 марта 2099 года в Токио. "
         "Семинар прошёл 1 мая 2019 года в Москве.")
BRIEFING = ("Russia and China agreed to expand trade in national currencies. "
            "The summit will take place in October 2019 in Beijing.")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Signing in (sessions, /api/token/) is tested, password hashing is not: a fast hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seed(db):
    """The seed statement, ingested as `make run` does (parse and extraction included)."""
    call_command("ingest", str(SEED), "--no-progress")
    return Statement.objects.get(doc_number="1430-31-07-2018")


@pytest.fixture
def archive(db):
    """Three statements made to measure: Russian talks with Japan (Lavrov speaking), an English briefing on
    China, and a comment that agreed and announced nothing."""
    talks = make_statement(
        title="Переговоры с Японией", body=TALKS, published_on=dt.date(2019, 4, 1), kind="meeting",
        speakers=["Лавров"],
        extraction=Extraction(
            agreements=[agreement(TALKS, "Стороны договорились продолжить консультации по мирному договору.")],
            events=[event(TALKS, "Следующий раунд переговоров состоится 10-12 марта 2099 года в Токио.",
                          dt.date(2099, 3, 10), dt.date(2099, 3, 12), place="Токио", countries=("JP",)),
                    event(TALKS, "Семинар прошёл 1 мая 2019 года в Москве.", dt.date(2019, 5, 1),
                          dt.date(2019, 5, 1), place="Москва", countries=("RU",))],
            countries={"JP": 2, "RU": 1},
            topics=[TopicMatch("peace-treaty", "мирному договору")],
        ),
    ).statement
    briefing = make_statement(
        title="Briefing on China", body=BRIEFING, lang="en", published_on=dt.date(2019, 9, 2), kind="briefing",
        extraction=Extraction(
            agreements=[agreement(BRIEFING, "Russia and China agreed to expand trade in national currencies.",
                                  parties=("CN", "RU"))],
            events=[event(BRIEFING, "The summit will take place in October 2019 in Beijing.",
                          dt.date(2019, 10, 1), dt.date(2019, 10, 31), precision="month", countries=("CN",))],
            countries={"CN": 2, "RU": 1},
        ),
    ).statement
    comment = make_statement(
        title="Комментарий официального представителя", body="Комментарий без новостей.", kind="comment",
        published_on=dt.date(2020, 1, 15),
    ).statement
    return {"talks": talks, "briefing": briefing, "comment": comment}


def _user(name: str, *, editor: bool) -> User:
    user = User.objects.create_user(name, password=f"pw-{name}-1")
    if editor:
        user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor(db):
    return _user("editor", editor=True)


@pytest.fixture
def editor_client(editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


@pytest.fixture
def reader_client(db):
    """Signed in with a token, but not an editor."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=_user('reader', editor=False)).key}")
    return client


@pytest.fixture
def anonymous():
    return APIClient()
