"""The archive's URLs and, under /bench/, plain Django views to compare the API with."""

from django.urls import include, path

from bench import views

urlpatterns = [
    path("bench/hello/", views.hello, name="bench_hello"),
    path("bench/statements/", views.statement_list, name="bench_statement_list"),
    path("bench/statements/<int:pk>/", views.statement_detail, name="bench_statement_detail"),
    path("", include("archive.urls")),
]
