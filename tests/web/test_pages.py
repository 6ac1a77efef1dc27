import datetime as dt
import re

import pytest
from django.urls import reverse

from statements.extract.records import Extraction
from tests.factories import agreement, event, make_statement

pytestmark = pytest.mark.django_db

BODY = (
    "Мы провели переговоры с японскими коллегами.\n\n"
    "Договорились продолжать сотрудничество. Бизнес-миссия состоится 16-20 августа этого года.\n\n"
    "<script>alert('x')</script> осталось текстом."
)


@pytest.fixture
def statement():
    extraction = Extraction(
        agreements=[agreement(BODY, "Договорились продолжать сотрудничество.")],
        events=[event(BODY, "Бизнес-миссия состоится 16-20 августа этого года.", dt.date(2018, 8, 16),
                      dt.date(2018, 8, 20))],
        countries={"JP": 1, "RU": 1},
    )
    return make_statement(title="Выступление о переговорах, Москва, 31 июля 2018 года", body=BODY,
                          published_on=dt.date(2018, 7, 31), extraction=extraction).statement


def test_home_lists_latest_statement_with_its_date(client, statement):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert statement.title in html
    assert "31 июля 2018" in html


def test_statement_page_marks_agreements_and_events_and_escapes_text(client, statement):
    response = client.get(statement.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<mark id="agreement-' in html and "Договорились продолжать сотрудничество.</mark>" in html
    assert '<mark id="event-' in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "16 августа 2018" in html and "20 августа 2018" in html


def test_statement_list_paginates(client):
    for _ in range(25):
        make_statement()
    first = client.get(reverse("statement_list"))
    second = client.get(reverse("statement_list"), {"page": 2})
    assert first.status_code == second.status_code == 200
    assert first.context["page"].paginator.count == 25
    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 5
    assert 'rel="next"' in first.content.decode()


def test_unknown_statement_is_404(client):
    assert client.get("/statements/999999/").status_code == 404


@pytest.mark.parametrize("params, field", [
    ({"date_from": "2018-13-45"}, "date_from"),
    ({"country": "XX"}, "country"),
    ({"kind": "poem"}, "kind"),
])
def test_a_bad_filter_is_a_400_that_names_the_field(client, params, field):
    response = client.get(reverse("statement_list"), params)
    assert response.status_code == 400
    # The message's id is the one the field's aria-describedby names.
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert re.search(rf'aria-describedby="[^"]*\bid_{field}_error\b', html)
