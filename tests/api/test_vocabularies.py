"""/api/countries/, /api/people/, /api/topics/: each with how often it occurs, sortable, by key."""

import pytest

from statements.models import Country, Topic

pytestmark = pytest.mark.django_db


def rows(client, path, **params) -> list[dict]:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.parametrize("path, params, expected", [
    ("/api/countries/", {"sort": "statements", "page_size": 3}, [("RU", 2), ("CN", 1), ("JP", 1)]),
    ("/api/people/", {"sort": "statements"}, [("lavrov-sergey", 1)]),
    ("/api/topics/", {"sort": "statements", "page_size": 1}, [("peace-treaty", 1)]),
])
def test_most_mentioned_first(archive, anonymous, path, params, expected):
    key = {"/api/countries/": "code", "/api/people/": "key", "/api/topics/": "slug"}[path]
    assert [(row[key], row["statement_count"]) for row in rows(anonymous, path, **params)] == expected


@pytest.mark.parametrize("path, params, key, first", [
    ("/api/countries/", {}, "code", Country.objects.order_by("code")),
    ("/api/countries/", {"sort": "name"}, "code", Country.objects.order_by("name_en", "code")),
    ("/api/topics/", {}, "slug", Topic.objects.order_by("slug")),
    ("/api/topics/", {"sort": "name"}, "slug", Topic.objects.order_by("name_en", "slug")),
])
def test_sorted_by_key_or_name(archive, anonymous, path, params, key, first):
    expected = list(first.values_list(key, flat=True)[:20])
    assert [row[key] for row in rows(anonymous, path, **params)] == expected


def test_every_country_is_listed_in_bounded_pages(archive, anonymous):
    data = anonymous.get("/api/countries/", {"page_size": 100}).json()
    assert data["count"] == Country.objects.count() > 200
    assert len(data["results"]) == 100


@pytest.mark.parametrize("path, expected", [
    ("/api/countries/JP/", {"code": "JP", "name_en": "Japan", "name_ru": "Япония", "statement_count": 1}),
    ("/api/countries/jp/", {"code": "JP", "name_en": "Japan", "name_ru": "Япония", "statement_count": 1}),
    ("/api/people/lavrov-sergey/", {"key": "lavrov-sergey", "name_ru": "Сергей Лавров", "statement_count": 1}),
    ("/api/topics/peace-treaty/", {"slug": "peace-treaty", "name_en": "Peace treaty with Japan",
                                   "statement_count": 1}),
])
def test_details(archive, anonymous, path, expected):
    data = anonymous.get(path).json()
    assert {k: data[k] for k in expected} == expected


@pytest.mark.parametrize("path", ["/api/countries/ZZ/", "/api/countries/JPN/", "/api/countries/%00/",
                                  "/api/people/nobody/", "/api/topics/no-such-topic/", "/api/topics/%00/"])
def test_unknown_keys_are_404_json(archive, anonymous, path):
    response = anonymous.get(path)
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize("path", ["/api/countries/", "/api/people/", "/api/topics/"])
def test_a_sort_outside_the_whitelist_is_400(archive, anonymous, path):
    response = anonymous.get(path, {"sort": "password"})
    assert response.status_code == 400
    assert list(response.json()) == ["sort"]


@pytest.mark.parametrize("path", ["/api/countries/", "/api/countries/RU/", "/api/topics/"])
def test_vocabularies_are_read_only(archive, editor_client, path):
    assert editor_client.post(path, {"code": "XX"}, format="json").status_code == 405
    assert editor_client.put(path, {"code": "XX"}, format="json").status_code == 405
