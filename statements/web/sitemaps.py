"""sitemap.xml through django.contrib.sitemaps: an index of sections, each paginated by the framework
(?p=2 past Sitemap.limit entries)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from statements.models import (
    Country,
    Person,
    Statement,
    StatementCountry,
    StatementPerson,
    StatementTopic,
    Topic,
)


class PagesSitemap(Sitemap):
    """The site's own pages: home, lists, calendar, directories."""

    changefreq = "daily"

    def items(self):
        return ["home", "statement_list", "agreement_list", "event_calendar", "country_index", "person_index",
                "topic_index"]

    def location(self, item):
        return reverse(item)


class StatementSitemap(Sitemap):
    changefreq = "monthly"
    # The framework's page is 50,000 entries, a few seconds to build: smaller pages answer at once.
    limit = 5_000

    def items(self):
        # Newest first on the index's order; only what a <url> entry needs.
        return Statement.objects.order_by("-id").only("id", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class EntitySitemap(Sitemap):
    """Countries, people or topics named in at least one statement (the others' pages are empty)."""

    changefreq = "weekly"

    def __init__(self, model, link, name: str, url_field: str):
        self.model, self.link, self.name, self.url_field = model, link, name, url_field

    def items(self):
        named = self.link.objects.values(self.name)  # a semi-join: no duplicate rows to remove
        return self.model.objects.filter(pk__in=named).order_by("pk").only("pk", self.url_field)


SITEMAPS = {
    "pages": PagesSitemap,
    "statements": StatementSitemap,
    "countries": EntitySitemap(Country, StatementCountry, "country", "code"),
    "people": EntitySitemap(Person, StatementPerson, "person", "key"),
    "topics": EntitySitemap(Topic, StatementTopic, "topic", "slug"),
}
