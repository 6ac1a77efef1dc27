"""404 and 500 pages in the site's layout, the favicon, robots.txt and sitemap.xml."""

from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.urls import path

from statements.extract.records import Extraction
from statements.web import sitemaps
from tests.factories import make_statement

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def explode(request):
    connection.cursor().execute("SELECT 1")  # the database is down: this raises


# A URL that fails, for the 500 page (pytest.mark.urls below).
urlpatterns = [path("explode/", explode)]


def refuse_queries(execute, sql, params, many, context):
    raise ConnectionError("the database is down")


@pytest.mark.django_db
def test_a_missing_page_is_a_404_in_the_site_s_layout(client):
    response = client.get("/statements/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Страница не найдена</h1>" in html
    assert 'class="site-header"' in html and 'href="/statements/"' in html  # the site's header and menu
    assert 'role="search"' in html


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_server_error_is_a_500_page_that_needs_no_database():
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(refuse_queries):
        response = client.get("/explode/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Ошибка сервера</h1>" in html
    assert 'class="site-header"' in html and "css/archive.css" in html and "favicon.svg" in html


@pytest.mark.django_db
def test_the_favicon_is_linked_and_served(client):
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in client.get("/").content.decode()
    icon = finders.find("favicon.svg")
    assert ElementTree.parse(icon).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.svg"


def test_robots_txt_allows_the_site_keeps_crawlers_out_of_admin_and_api_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /api/", "Allow: /"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines


@pytest.fixture
def statements(db):
    return [make_statement(title=f"Заявление {n}", extraction=Extraction(countries={"JP": 1})).statement
            for n in range(3)]


def locations(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_the_sitemap_lists_statements_countries_people_topics_and_pages(client, statements):
    sections = locations(client, "/sitemap.xml")
    assert {f"http://testserver/sitemap-{name}.xml" for name in ("pages", "statements", "countries", "people",
                                                                 "topics")} == set(sections)
    assert {f"http://testserver{s.get_absolute_url()}" for s in statements} == set(
        locations(client, "/sitemap-statements.xml"))
    # Only countries some statement names: an empty page is no use to a search engine.
    assert locations(client, "/sitemap-countries.xml") == ["http://testserver/countries/JP/"]
    assert "http://testserver/events/" in locations(client, "/sitemap-pages.xml")


def test_the_sitemap_comes_in_pages_as_the_framework_makes_them(client, statements, monkeypatch):
    monkeypatch.setattr(sitemaps.StatementSitemap, "limit", 2)
    assert "http://testserver/sitemap-statements.xml?p=2" in locations(client, "/sitemap.xml")
    first = locations(client, "/sitemap-statements.xml")
    second = locations(client, "/sitemap-statements.xml?p=2")
    assert len(first) == 2 and len(second) == 1 and not set(first) & set(second)
    assert client.get("/sitemap-statements.xml?p=3").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/countries/%00/", "/countries/J%00/", "/countries/JPN/", "/feeds/events/%00.ics",
                                 "/feeds/countries/%00.atom", "/sitemap-statements.xml?p=%00"])
def test_impossible_addresses_are_a_404_not_a_500(client, url):
    assert client.get(url).status_code == 404
