"""/api/agreements/: the agreements page's filters, a sort whitelist, rejected items out of sight."""

import pytest

from statements.models import Agreement
from tests.api.ids import query_id

pytestmark = pytest.mark.django_db

JAPAN = "Стороны договорились продолжить консультации по мирному договору."
CHINA = "Russia and China agreed to expand trade in national currencies."


def texts(client, **params) -> list[str]:
    response = client.get("/api/agreements/", params)
    assert response.status_code == 200, response.content
    return [row["text"] for row in response.json()["results"]]



@pytest.mark.parametrize("params, expected", [
    ({}, [CHINA, JAPAN]),  # the newest statements first
    ({"sort": "oldest"}, [JAPAN, CHINA]),
    ({"kind": "agreed"}, [CHINA, JAPAN]),
    ({"kind": "reaffirmed"}, []),
    ({"country": "JP"}, [JAPAN]),  # the statement's countries
    ({"country": ["JP", "CN"]}, [CHINA, JAPAN]),  # repeated: any of them
    ({"party": "CN"}, [CHINA]),
    ({"party": " cn "}, [CHINA]),  # as the page reads it
    ({"party": "UN"}, []),
    ({"date_from": "2019-05-01"}, [CHINA]),  # the statement's date
    ({"date_to": "2019-05-01"}, [JAPAN]),
    ({"verified": "true"}, []),
    ({"verified": "false"}, [CHINA, JAPAN]),
], ids=query_id)
def test_filters_of_the_agreements_page(archive, anonymous, params, expected):
    assert texts(anonymous, **params) == expected


def test_verified_filter_and_rejected_items(archive, anonymous):
    Agreement.objects.filter(text=JAPAN).update(verified=True)
    Agreement.objects.filter(text=CHINA).update(rejected=True)
    assert texts(anonymous, verified="true") == [JAPAN]
    assert texts(anonymous) == [JAPAN]
    rejected = Agreement.objects.get(text=CHINA)
    assert anonymous.get(f"/api/agreements/{rejected.pk}/").status_code == 404


def test_a_row_names_its_statement(archive, anonymous):
    row = anonymous.get("/api/agreements/", {"party": "JP"}).json()["results"][0]
    talks = archive["talks"]
    assert row["statement"] == {"id": talks.pk, "title": "Переговоры с Японией", "published_on": "2019-04-01",
                                "page_url": f"/statements/{talks.pk}/"}
    assert (row["kind"], row["parties"], row["countries"], row["origin"]) == ("agreed", ["JP", "RU"], ["JP", "RU"],
                                                                              "machine")
    assert talks.body[row["start"]:row["end"]] == row["text"]
    assert anonymous.get(f"/api/agreements/{row['id']}/").json() == row


@pytest.mark.parametrize("params, field", [
    ({"kind": "signed"}, "kind"),
    ({"country": "XX"}, "country"),
    ({"date_from": "2019-13-01"}, "date_from"),
    ({"verified": "perhaps"}, "verified"),
    ({"sort": "-text"}, "sort"),
    ({"party": "P" * 501}, "party"),
])
def test_bad_parameters_are_400_naming_the_parameter(archive, anonymous, params, field):
    response = anonymous.get("/api/agreements/", params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_missing_agreement_is_404(archive, anonymous):
    assert anonymous.get("/api/agreements/999999/").json() == {"detail": "No Agreement matches the given query."}
