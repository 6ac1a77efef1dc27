from django.urls import path

from statements import views

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/", views.statement_list, name="statement_list"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path("countries/<str:code>/", views.country_detail, name="country_detail"),
    path("people/<slug:key>/", views.person_detail, name="person_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
]
