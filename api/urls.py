from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api import views

router = DefaultRouter()
router.register("statements", views.StatementViewSet, basename="statement")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("events/upcoming", views.UpcomingEventViewSet, basename="upcoming-event")
router.register("events", views.EventViewSet, basename="event")
router.register("countries", views.CountryViewSet, basename="country")
router.register("people", views.PersonViewSet, basename="person")
router.register("topics", views.TopicViewSet, basename="topic")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    re_path(r"^export/statements\.(?P<fmt>jsonl|csv)$", views.export, name="export"),
    path("", include(router.urls)),
]
