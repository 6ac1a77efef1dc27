"""The search page as a reader meets it: active filters as chips, filters that stay closed, a form whose
help and errors are where its aria-describedby say, a country chosen by name, no 500 on a bad parameter."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from statements.models import Statement
from statements.search import facets
from statements.search.filters import StatementFilter
from tests.factories import make_statement

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """The elements of a page the tests look at: ids, aria-describedby, chips, details, placeholders."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.described: list[tuple[str, list[str]]] = []
        self.chips: list[dict] = []
        self.details: list[dict] = []
        self.inputs: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "aria-describedby" in attrs:
            self.described.append((attrs.get("name") or tag, attrs["aria-describedby"].split()))
        if tag == "a" and "chip" in (attrs.get("class") or "").split():
            self.chips.append(attrs)
        if tag == "details":
            self.details.append(attrs)
        if tag == "input":
            self.inputs.append(attrs)


def params_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query, keep_blank_values=True)


def test_each_chip_removes_its_own_filter_and_keeps_the_others(client, archive):
    response = client.get("/statements/", {"q": "Лавров", "country": ["JP", "RU"], "kind": "press_conference",
                                           "date_from": "2018-01-01", "page": "1"})
    assert response.status_code == 200
    page = Page(response.content.decode())
    chips = {(chip.get("data-name"), chip.get("data-value")): chip["href"] for chip in page.chips
             if "data-name" in chip}
    assert set(chips) == {("country", "JP"), ("country", "RU"), ("kind", "press_conference"),
                          ("date_from", "2018-01-01")}
    assert params_of(chips["country", "JP"]) == {"q": ["Лавров"], "country": ["RU"], "kind": ["press_conference"],
                                                 "date_from": ["2018-01-01"]}
    assert params_of(chips["date_from", "2018-01-01"]) == {"q": ["Лавров"], "country": ["JP", "RU"],
                                                           "kind": ["press_conference"]}
    # "Clear all" keeps the words: they are in the search box, not a filter.
    clear = next(chip for chip in page.chips if "clear" in chip["class"])
    assert params_of(clear["href"]) == {"q": ["Лавров"]}
    # The labels are the reader's names, not codes.
    html = response.content.decode()
    assert "Страна: Япония" in html and "Вид: Пресс-конференция" in html


def test_removing_a_chip_gives_the_search_without_that_filter(client, archive):
    both = client.get("/statements/", {"country": ["JP", "CN"]})
    assert both.context["page"].paginator.count == 0  # no statement names both
    href = next(chip["href"] for chip in Page(both.content.decode()).chips if chip.get("data-value") == "CN")
    japan = client.get(f"/statements/{href}")
    assert japan.context["page"].paginator.count == 1
    assert [chip.get("data-value") for chip in Page(japan.content.decode()).chips if "data-name" in chip] == ["JP"]


def test_an_active_facet_links_to_the_search_without_it(client, archive):
    response = client.get("/statements/", {"country": "JP"})
    japan = next(value for value in response.context["facets"]["country"] if value.value == "JP")
    assert japan.active
    assert "country" not in QueryDict(japan.query)
    other = next(value for value in response.context["facets"]["country"] if value.value != "JP")
    assert QueryDict(other.query).getlist("country") == ["JP", other.value]


@pytest.mark.parametrize("params", [{}, {"q": "Лавров"}, {"q": "Лавров", "country": "JP", "kind": "speech"},
                                    {"has_agreements": "true", "date_from": "2018-01-01"}])
def test_the_filters_stay_closed_whatever_is_chosen(client, archive, params):
    response = client.get("/statements/", params)
    assert response.status_code == 200
    (details,) = Page(response.content.decode()).details
    assert details["class"] == "filters"
    assert "open" not in details


def test_a_refused_filter_opens_the_filters_and_says_why_on_the_page(client, archive):
    response = client.get("/statements/", {"q": "Лавров", "date_from": "2018-13-45", "country": "JP"})
    assert response.status_code == 400
    page = Page(response.content.decode())
    (details,) = page.details
    assert "open" in details
    html = response.content.decode()
    assert 'role="alert"' in html and 'href="#id_date_from"' in html
    # The refused value is a chip too, removable like any other.
    href = next(chip["href"] for chip in page.chips if chip.get("data-name") == "date_from")
    assert client.get(f"/statements/{href}").status_code == 200


@pytest.mark.parametrize("params", [
    {},
    {"q": "Лавров"},
    {"q": "Лавров", "country": "JP", "topic": "security"},
    {"date_from": "2018-13-45"},
    {"country": "XX", "kind": "poem", "date_to": "tomorrow"},
])
def test_every_aria_describedby_names_an_element_on_the_page(client, archive, params):
    response = client.get("/statements/", params)
    page = Page(response.content.decode())
    assert page.described, "the search box at least is described"
    for name, ids in page.described:
        missing = [i for i in ids if i not in page.ids]
        assert not missing, (name, missing)


def test_the_search_syntax_is_explained_and_the_placeholder_is_whole(client, archive):
    page = Page(client.get("/statements/").content.decode())
    box = next(i for i in page.inputs if i.get("name") == "q" and i.get("type") == "search")
    # The whole example survives the attribute's quotes.
    assert '"два плюс два"' in box["placeholder"] and box["placeholder"].endswith("Japan OR Китай")
    assert box["aria-describedby"] == "search-syntax"
    assert "search-syntax" in page.ids
    assert "«кавычки» держат фразу вместе" in client.get("/statements/").content.decode()


def test_the_country_box_lists_names_and_submits_codes(client, archive):
    html = client.get("/statements/").content.decode()
    assert 'list="id_country-names"' in html
    assert '<option value="JP">Япония</option>' in html
    # A chosen country is carried along by the form, and no longer offered.
    html = client.get("/statements/", {"country": "JP"}).content.decode()
    assert '<input type="hidden" name="country" value="JP">' in html
    assert '<option value="JP">' not in html


@pytest.mark.parametrize("typed", ["Japan", "япония", "jp", " Japan "])
def test_a_country_typed_by_name_is_searched_by_its_code(client, archive, typed):
    response = client.get("/statements/", {"q": "Лавров", "country": typed})
    assert response.status_code == 302
    assert params_of(response["Location"]) == {"q": ["Лавров"], "country": ["JP"]}
    assert client.get(response["Location"]).context["page"].paginator.count == 1


def test_the_filter_forms_blank_fields_are_left_out_of_the_url(client, archive):
    """The form submits every field; the URL a reader shares (and caches) holds only what filters."""
    form = {"q": "", "country": "", "topic": "", "kind": "", "language": "", "date_from": "", "date_to": "",
            "has_agreements": "unknown", "has_events": "unknown", "sort": "relevance"}
    response = client.get("/statements/", form)
    assert response.status_code == 302 and response["Location"] == "/statements/"
    response = client.get("/statements/", {**form, "q": "Лавров", "kind": "speech", "has_events": "true",
                                           "person": "lavrov-sergey"})
    assert params_of(response["Location"]) == {"q": ["Лавров"], "kind": ["speech"], "has_events": ["true"],
                                               "person": ["lavrov-sergey"]}
    tidy = client.get(response["Location"])
    assert tidy.status_code in (200, 400)  # a tidy URL is not redirected again


def test_an_unknown_country_stays_in_the_box_to_be_corrected(client, archive):
    response = client.get("/statements/", {"country": "Atlantis"})
    assert response.status_code == 400
    box = next(i for i in Page(response.content.decode()).inputs if i.get("id") == "id_country")
    assert box["value"] == "Atlantis"
    assert box["aria-invalid"] == "true"


@pytest.mark.parametrize("query", [
    "page=abc", "page=-1", "page=99999999999999999999", "page_size=-5", "page_size=ten", "sort=title",
    "q=%00", "country=%00", "country=Ja%00pan", "topic=%00", "person=%00", "kind=%00", "language=%00",
    "date_from=%00", "date_from=0000-01-01", "date_from=99999-01-01", "date_to=2019-02-30", "has_agreements=maybe",
    "has_events=%00", "country=", "kind=", "topic=", "q=%22", "q=-", "q=OR", "q=!!!(", "q=a&q=b",
    "person=nobody", "country=Atlantis", "date_from=2020-01-01&date_to=2019-01-01", "q=" + "мир+" * 300,
])
def test_no_parameter_makes_a_500(client, archive, query):
    response = client.get(f"/statements/?{query}")
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 400:
        assert "Некоторые фильтры заданы неверно" in response.content.decode()


def test_facets_reuse_the_pages_search(archive):
    """Neither a kind nor a language chosen: the search runs once, for the tally (the results' ids, kinds and
    languages); the facets then run 3 GROUP BYs of the links of those ids, 3 look-ups of their names and one
    count of the flags, none of them the search again."""
    filterset = StatementFilter(QueryDict("q=Лавров&country=JP"), queryset=Statement.objects.for_list())
    list(filterset.qs[:20])
    with CaptureQueriesContext(connection) as queries:
        counted = facets.tally(filterset.unordered, filterset.size)
    assert len(queries) == 1 and counted.exact and counted.total == 1
    with CaptureQueriesContext(connection) as queries:
        values = facets.compute(filterset, lang="ru", counted=counted)
    assert len(queries) == 7
    assert not any("search_vector" in query["sql"] for query in queries.captured_queries)
    assert values["language"][0].count == 1 and values["has_agreements"][0].count == 1


def test_facets_with_a_kind_chosen_count_the_kinds_without_it(archive):
    filterset = StatementFilter(QueryDict("kind=speech&has_agreements=true"), queryset=Statement.objects.for_list())
    list(filterset.qs[:20])
    values = facets.compute(filterset, lang="ru")
    # The other kind has no agreement: the kind facet keeps the flag, drops only the kind.
    assert {value.value: (value.count, value.active) for value in values["kind"]} == {"speech": (1, True)}
    assert [(value.value, value.count) for value in values["language"]] == [("ru", 1)]
    assert values["has_agreements"][0].count == 1 and values["has_agreements"][0].active
    filterset = StatementFilter(QueryDict("kind=speech"), queryset=Statement.objects.for_list())
    list(filterset.qs[:20])
    kinds = {value.value: value.count for value in facets.compute(filterset, lang="ru")["kind"]}
    assert kinds == {"speech": 1, "statement": 1}


def test_a_flag_is_a_chip_only_when_it_filters(client, archive):
    response = client.get("/statements/", {"has_agreements": "maybe", "has_events": "true"})
    assert response.status_code == 200
    chips = [(chip["data-name"], chip["data-value"]) for chip in Page(response.content.decode()).chips
             if "data-name" in chip]
    assert chips == [("has_events", "true")]
    assert "с датированными событиями" in response.content.decode()


def test_a_searchs_total_and_facets_are_kept_for_its_other_pages_per_language_and_filters(client, archive):
    """Paging through a search counts it once; another language, filter or order is counted anew (the
    facets' labels and links differ)."""
    def facet_queries(params, language="ru"):
        client.cookies["django_language"] = language
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/statements/", {**params, "page_size": 1})
        assert response.status_code == 200
        grouped = [q for q in queries.captured_queries if '"country_id" AS "country"' in q["sql"]]
        return response, len(grouped)

    make_statement(title="Япония и Россия", body="Япония и Россия провели консультации.", kind="speech")
    first, counted = facet_queries({"q": "Япония"})
    assert counted == 1 and first.context["page"].paginator.count >= 2
    again, counted = facet_queries({"q": "Япония", "page": 2})
    assert counted == 0 and again.context["facets"] == first.context["facets"]
    assert again.context["page"].paginator.count == first.context["page"].paginator.count
    english, counted = facet_queries({"q": "Япония"}, "en")
    assert counted == 1
    japan = {value.value: value.label for value in english.context["facets"]["country"]}["JP"]
    assert japan == "Japan"
    for params in ({"q": "Япония", "kind": "speech"}, {"q": "Япония", "sort": "oldest"}):
        response, counted = facet_queries(params)
        assert counted == 1
        assert all("sort=oldest" in value.query for value in response.context["facets"]["country"]) == (
            "sort" in params)
