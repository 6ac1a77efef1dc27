"""/api/statements/: the search page's filters, its sorts, bounded pages, a detail with every extraction."""

import pytest

from statements.models import Agreement, Statement
from tests.api.ids import query_id

pytestmark = pytest.mark.django_db

TALKS, BRIEFING, COMMENT = "Переговоры с Японией", "Briefing on China", "Комментарий официального представителя"


def titles(client, **params) -> list[str]:
    response = client.get("/api/statements/", params)
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]



@pytest.mark.parametrize("params, expected", [
    ({}, [COMMENT, BRIEFING, TALKS]),  # newest first
    ({"sort": "oldest"}, [TALKS, BRIEFING, COMMENT]),
    ({"q": "переговоры"}, [TALKS]),  # "переговоров" in the text: stems and lemmas
    ({"q": "trade currencies"}, [BRIEFING]),
    ({"q": "консультации -Токио"}, []),
    ({"country": "JP"}, [TALKS]),
    ({"country": "RU"}, [BRIEFING, TALKS]),
    ({"country": ["RU", "CN"]}, [BRIEFING]),  # repeated: all of them
    ({"topic": "peace-treaty"}, [TALKS]),
    ({"person": "lavrov-sergey"}, [TALKS]),
    ({"kind": "briefing"}, [BRIEFING]),
    ({"kind": ["briefing", "comment"]}, [COMMENT, BRIEFING]),  # repeated: any of them
    ({"language": "en"}, [BRIEFING]),
    ({"date_from": "2019-09-01"}, [COMMENT, BRIEFING]),
    ({"date_to": "2019-09-01"}, [TALKS]),
    ({"date_from": "2019-04-01", "date_to": "2019-04-01"}, [TALKS]),  # both ends included
    ({"has_agreements": "true"}, [BRIEFING, TALKS]),
    ({"has_agreements": "false"}, [COMMENT]),
    ({"has_events": "true"}, [BRIEFING, TALKS]),
    ({"has_events": "False"}, [COMMENT]),
], ids=query_id)
def test_filters_and_sorts_of_the_search_page(archive, anonymous, params, expected):
    assert titles(anonymous, **params) == expected


def test_a_rejected_agreement_no_longer_counts(archive, anonymous):
    Agreement.objects.filter(statement=archive["briefing"]).update(rejected=True)
    assert titles(anonymous, has_agreements="true") == [TALKS]
    row = next(r for r in anonymous.get("/api/statements/").json()["results"] if r["title"] == BRIEFING)
    assert (row["agreement_count"], row["event_count"]) == (0, 1)


def test_search_ranks_by_relevance_unless_sorted(anonymous, db):
    from tests.factories import make_statement

    make_statement(title="Об Японии вскользь", body="Упомянута Япония.")
    make_statement(title="Япония, Япония и ещё раз Япония", body="Япония и Япония: переговоры с Японией.")
    assert titles(anonymous, q="Япония") == ["Япония, Япония и ещё раз Япония", "Об Японии вскользь"]
    assert titles(anonymous, q="Япония", sort="oldest") == ["Об Японии вскользь", "Япония, Япония и ещё раз Япония"]


def test_list_rows_say_what_a_reader_needs(archive, anonymous):
    row = anonymous.get("/api/statements/", {"country": "JP"}).json()["results"][0]
    talks = archive["talks"]
    assert row["url"] == f"http://testserver/api/statements/{talks.pk}/"
    assert row["page_url"] == f"/statements/{talks.pk}/"
    assert row["speakers"] == ["Сергей Лавров"]
    assert row["countries"] == ["JP", "RU"]
    assert (row["kind"], row["language"], row["published_on"]) == ("meeting", "ru", "2019-04-01")
    assert (row["agreement_count"], row["event_count"]) == (1, 2)


def test_detail_carries_agreements_events_countries_people_and_topics(archive, anonymous):
    data = anonymous.get(f"/api/statements/{archive['talks'].pk}/").json()
    assert data["body"].startswith("Стороны договорились")
    assert [(a["kind"], a["parties"], a["countries"]) for a in data["agreements"]] == [
        ("agreed", ["JP", "RU"], ["JP", "RU"])]
    assert [(e["starts_on"], e["ends_on"], e["place"], e["countries"]) for e in data["events"]] == [
        ("2099-03-10", "2099-03-12", "Токио", ["JP"]), ("2019-05-01", "2019-05-01", "Москва", ["RU"])]
    assert {(c["code"], c["mentions"]) for c in data["countries"]} == {("JP", 2), ("RU", 1)}
    assert data["people"] == [{"key": "lavrov-sergey", "name": "Сергей Лавров", "role": "speaker", "mentions": 1}]
    assert [(t["slug"], t["evidence"]) for t in data["topics"]] == [("peace-treaty", "мирному договору")]
    assert data["speakers"] == ["Сергей Лавров"]


def test_detail_leaves_out_what_editors_rejected(archive, anonymous):
    Agreement.objects.filter(statement=archive["talks"]).update(rejected=True)
    assert anonymous.get(f"/api/statements/{archive['talks'].pk}/").json()["agreements"] == []


def test_the_seed_as_ingested(seed, anonymous):
    data = anonymous.get(f"/api/statements/{seed.pk}/").json()
    assert (data["doc_number"], data["published_at"], data["place"]) == ("1430-31-07-2018", "20:31:00", "Москва")
    assert len(data["agreements"]) == 8 and len(data["events"]) == 4
    assert {"JP", "RU"} <= {c["code"] for c in data["countries"]}


@pytest.mark.parametrize("page_size, rows, next_page", [("2", 2, 2), ("3", 3, None), ("100", 3, None)])
def test_pages_of_a_bounded_size(archive, anonymous, page_size, rows, next_page):
    data = anonymous.get("/api/statements/", {"page_size": page_size}).json()
    assert (data["count"], len(data["results"])) == (3, rows)
    assert (data["next"] is not None) == bool(next_page)


def test_a_page_past_the_last_is_404(archive, anonymous):
    assert anonymous.get("/api/statements/", {"page": 2}).status_code == 404
    assert anonymous.get("/api/statements/", {"page": 2, "page_size": 2}).json()["results"][0]["title"] == TALKS


@pytest.mark.parametrize("params, field", [
    ({"date_from": "yesterday"}, "date_from"),
    ({"date_to": "2019-02-30"}, "date_to"),
    ({"country": "ZZ"}, "country"),  # not a country
    ({"country": "jp"}, "country"),  # codes are upper case
    ({"topic": "no-such-topic"}, "topic"),
    ({"person": "nobody"}, "person"),
    ({"kind": "poem"}, "kind"),
    ({"language": "fr"}, "language"),
    ({"sort": "title"}, "sort"),  # only the whitelisted orders
    ({"has_agreements": "maybe"}, "has_agreements"),
    ({"has_events": "yes please"}, "has_events"),
    ({"has_events": "1"}, "has_events"),  # the page form would ignore it: refused rather than ignored
    ({"has_events": "3"}, "has_events"),  # the page form reads it as false; the schema says true or false
    ({"q": "мир\x00"}, "q"),  # a search PostgreSQL could not even receive
    ({"q": "мир " * 200}, "q"),  # longer than any real query
    ({"page_size": "0"}, "page_size"),
    ({"page_size": "101"}, "page_size"),
    ({"page_size": "ten"}, "page_size"),
    ({"page": "first"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page": "9" * 5000}, "page"),
])
def test_bad_parameters_are_400_json_naming_the_parameter(archive, anonymous, params, field):
    response = anonymous.get("/api/statements/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [field]


@pytest.mark.parametrize("path", ["/api/statements/999999/", "/api/statements/99999999999999999999999/",
                                  "/api/statements/abc/", "/api/statements/1/extra/", "/api/no-such-thing/"])
def test_missing_is_404_json(archive, anonymous, path):
    response = anonymous.get(path)
    assert response.status_code == 404
    assert "detail" in response.json()


def test_a_missing_slash_is_added(archive, anonymous):
    response = anonymous.get("/api/statements", {"kind": "comment"})
    assert response.status_code == 301
    assert response["Location"] == "/api/statements/?kind=comment"


def test_lists_and_details_carry_an_etag_and_answer_304(archive, anonymous):
    for path in ("/api/statements/", f"/api/statements/{archive['talks'].pk}/"):
        first = anonymous.get(path)
        assert first.has_header("ETag")
        assert anonymous.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    before = anonymous.get("/api/statements/")["ETag"]
    Statement.objects.filter(pk=archive["comment"].pk).update(title="Новый заголовок")
    after = anonymous.get("/api/statements/", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before


def test_statements_cannot_be_written_through_the_api(archive, editor_client):
    # Statements come from their sources; even an editor only corrects what was extracted from them.
    assert editor_client.post("/api/statements/", {"title": "x"}, format="json").status_code == 405
    assert editor_client.delete(f"/api/statements/{archive['talks'].pk}/").status_code == 405
