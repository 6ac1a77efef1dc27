"""The archive's settings, plus the bench's URLconf (the plain views beside the real ones).

Static files are served from the plain storage: the bench measures pages and
the API, not whitenoise, and must not depend on a collectstatic manifest.
"""

from archive.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
