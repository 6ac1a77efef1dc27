from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api import errors, views

router = DefaultRouter()
router.register("statements", views.StatementViewSet, basename="statement")
router.register("agreements", views.AgreementViewSet, basename="agreement")
# Before "events", whose detail route would otherwise take "upcoming" for an id.
router.register("events/upcoming", views.UpcomingEventViewSet, basename="upcoming-event")
router.register("events/past", views.PastEventViewSet, basename="past-event")
router.register("events", views.EventViewSet, basename="event")
router.register("countries", views.CountryViewSet, basename="country")
router.register("people", views.PersonViewSet, basename="person")
router.register("topics", views.TopicViewSet, basename="topic")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI from drf-spectacular-sidecar's files, its script a file of ours too (no inline script, no CDN).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("export/statements.jsonl", views.JsonLinesExportView.as_view(), name="export-jsonl"),
    path("export/statements.csv", views.CsvExportView.as_view(), name="export-csv"),
    path("token/", views.TokenView.as_view(), name="api-token"),
    path("suggest/", views.SuggestView.as_view(), name="api-suggest"),
    path("", include(router.urls)),
    # Anything else under /api/ is a JSON 404, not the site's HTML page.
    re_path(r"^(?P<path>.*)$", errors.not_found),
]
