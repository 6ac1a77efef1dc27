from django.urls import path, register_converter

from statements.web import feeds, views


class CountryCode:
    """Two letters, either case: anything else is no country's page (a 404, not a query the database refuses)."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CountryCode, "country")

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/", views.statement_list, name="statement_list"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("events/", views.event_calendar, name="event_calendar"),
    path("countries/", views.entity_index, {"kind": "country"}, name="country_index"),
    path("countries/<country:code>/", views.country_detail, name="country_detail"),
    path("people/", views.entity_index, {"kind": "person"}, name="person_index"),
    path("people/<slug:key>/", views.person_detail, name="person_detail"),
    path("topics/", views.entity_index, {"kind": "topic"}, name="topic_index"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("feeds/statements.atom", feeds.StatementFeed(), name="feed_statements"),
    path("feeds/countries/<country:code>.atom", feeds.CountryFeed(), name="feed_country"),
    path("feeds/topics/<slug:slug>.atom", feeds.TopicFeed(), name="feed_topic"),
    path("feeds/events.ics", feeds.ical, name="ical_events"),
    path("feeds/events/<country:code>.ics", feeds.ical, name="ical_country"),
]
