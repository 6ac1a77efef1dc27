from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from statements.web.sitemaps import SITEMAPS
from statements.web.views import favicon, robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
         name="sitemap"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("favicon.ico", favicon),
    path("", include("statements.web.urls")),
]

if settings.DEBUG:
    pass
