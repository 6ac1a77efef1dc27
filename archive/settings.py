"""Settings of the archive, all from the environment (see README)."""

from __future__ import annotations

import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from archive import embedded_db
from archive.env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (set DEBUG=1 for development)")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"  # noqa: S105
# Sessions, password reset links and CSRF tokens are signed with the key: in
# production it must be long and random (Django's own check asks for 50
# characters of at least 5 kinds), never a placeholder.
if not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")
                  or "insecure" in SECRET_KEY.lower()):
    raise ImproperlyConfigured(
        "SECRET_KEY is too short or a placeholder: use at least 50 random characters when DEBUG is off, e.g. "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "statements.admin.apps.ArchiveAdminConfig",  # django.contrib.admin, for editors only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks_db",
    "statements",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # ETag and 304 Not Modified on pages and API responses (not on streamed exports).
    "django.middleware.http.ConditionalGetMiddleware",
    # A query cancelled by the web statement timeout: 503 and Retry-After.
    "archive.middleware.StatementTimeoutMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL when set (docker-compose, production); otherwise the embedded
# PostgreSQL of archive/embedded_db.py, which `make run`, the tests and
# `manage.py db start` bring up. Settings only describe it; nothing starts here.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))}
else:
    DATABASES = {"default": embedded_db.Cluster.from_env().django_settings()}
# The planner's price of a random page read. PostgreSQL's default (4) is for
# spinning disks; on SSDs and a cached archive 1.1 is right, and it is what
# makes the planner answer a search from the GIN index instead of reading
# every statement's search vector from TOAST (bench/RESULTS.md).
# work_mem: searches sort up to 10,000 matches (SEARCH_SORT_LIMIT)
# in memory rather than on disk.
_options = DATABASES["default"].setdefault("OPTIONS", {})
_options["options"] = " ".join(filter(None, [
    _options.get("options", ""), f"-c random_page_cost={env_float('DB_RANDOM_PAGE_COST', 1.1)}",
    f"-c work_mem={env_str('DB_WORK_MEM') or '16MB'}"]))
# No web request holds the database longer than WEB_STATEMENT_TIMEOUT: a
# query that runs past it is cancelled and the visitor gets a 503
# (archive/middleware.py). Only web processes have it: archive/wsgi.py marks
# them before the settings load. Management commands (ingest, reextract,
# migrate, export) run as long as they need, unless COMMAND_STATEMENT_TIMEOUT
# gives them a limit too. Values are PostgreSQL's: "5s", "500ms", "0" for none.
WEB_PROCESS = env_bool("ARCHIVE_WEB_PROCESS", default=False)
STATEMENT_TIMEOUT = (env_str("WEB_STATEMENT_TIMEOUT", "5s") if WEB_PROCESS
                     else env_str("COMMAND_STATEMENT_TIMEOUT", "0"))
if not re.fullmatch(r"\d+(ms|s|min)?", STATEMENT_TIMEOUT):
    raise ImproperlyConfigured(f"statement timeout {STATEMENT_TIMEOUT!r} is not a duration such as 5s or 500ms")
if STATEMENT_TIMEOUT != "0":
    _options["options"] += f" -c statement_timeout={STATEMENT_TIMEOUT}"
# Several test runs may share one server (two checkouts, parallel work):
# each can name its own test database.
DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME") or None}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("the archive needs PostgreSQL: DATABASE_URL must start with postgres://")

# A read replica (optional): the public pages' and the API's reads go to it;
# writes, transactions, the admin, management commands and the worker stay on
# the primary (archive/routers.py).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=env_int("CONN_MAX_AGE", 60)),
        "OPTIONS": dict(DATABASES["default"]["OPTIONS"]),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["archive.routers.ReplicaRouter"]
    MIDDLEWARE.insert(0, "archive.routers.ReplicaForPublicReads")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (statements/services/tasks.py): Django's Tasks framework. The
# default backend keeps its queue in PostgreSQL (django-tasks-db), so nothing
# else has to run; `manage.py worker` processes it, on any number of machines.
# TASKS_BACKEND=django.tasks.backends.immediate.ImmediateBackend runs each
# task inside the request instead (no worker; for a quick look, not for production).
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"), "QUEUES": ["default"]}}

# Files editors upload for ingestion and the exports they ask for: written by
# the web process or the worker and read by the other, so on several machines
# this folder must be shared (a volume, NFS). Never served publicly: the admin
# hands exports to editors.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# With DEBUG off, pages name static files by their hashed names, read from
# the manifest that collectstatic writes with the manifest storage. Every
# `make` target collects with STATIC_MANIFEST=1 whatever DEBUG says, so a tree
# collected by `make` serves a DEBUG-off process too; with DEBUG on (runserver,
# the tests) files keep their plain names and need no collecting.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# One cache for the whole site, shared by every worker process, so that
# throttling counts, the login limit and cached facets and aggregates mean the
# same in each: PostgreSQL's own table by default (nothing else to run;
# `manage.py createcachetable` makes it, `make migrate` and the Docker image
# run it), Redis when REDIS_URL names one.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "archive_cache"}}

# Pages of results, on the site and in the API: this many rows, at most the maximum.
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

# Search at scale (statements/querysets.py, statements/search/); figures in
# bench/RESULTS.md. A search with at most SEARCH_RANK_LIMIT matches is ranked;
# with at most SEARCH_SORT_LIMIT it is found by the GIN index and sorted by
# date; past that it is shown newest first by walking the date index. Both are
# at most SEARCH_RANK_SHARE of the archive and at least SEARCH_RANK_FLOOR:
# ranking reads one table row per match (about 2.5 µs), walking the date index
# reads a search vector from TOAST for each statement it passes (0.1-0.5 ms),
# cheap only when matches are dense, and past a quarter of the table
# PostgreSQL prefers reading every vector to the GIN index.
SEARCH_RANK_LIMIT = 5_000
SEARCH_SORT_LIMIT = 10_000
SEARCH_RANK_SHARE = 0.25
SEARCH_RANK_FLOOR = 1_000
# Above this many matches (by the planner's estimate) the total shown is the
# estimate: counting every match of a word found in most of the archive reads them all.
SEARCH_EXACT_COUNT_LIMIT = 20_000
# The search page counts its results, and their countries, topics, people and
# kinds (the facets), exactly up to this many results; past it, from a sample of
# about half as many, scaled up and shown as approximate (statements/search/facets.py):
# the links of a thousand results take about 17 ms to group at 100,000 statements.
SEARCH_PAGE_EXACT_LIMIT = 1_000

# Behind a TLS-terminating proxy (nginx, a load balancer) that sets
# X-Forwarded-Proto and appends the client's address to X-Forwarded-For.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", default=False)

# Password guessing (api/throttles.py): this many sign-in attempts per client
# address, the admin's login and /api/token/ together, counted in the site's
# cache by every worker alike.
LOGIN_RATE = env_str("LOGIN_RATE", "10/minute")
# API tokens (api/auth.py) expire this many days after they were issued, and
# die with a change of their owner's password.
API_TOKEN_DAYS = env_float("API_TOKEN_DAYS", 30)
# Exports (api/views.py): anonymous clients get at most EXPORT_ANON_ROWS
# statements an export and EXPORT_ANON_RATE exports (EXPORT_ANON_BURST at once); signed-in editors at most
# EXPORT_EDITOR_ROWS. The whole archive: `manage.py export`.
EXPORT_ANON_ROWS = env_int("EXPORT_ANON_ROWS", 1000)
EXPORT_ANON_RATE = env_str("EXPORT_ANON_RATE", "10/hour")
EXPORT_ANON_BURST = env_str("EXPORT_ANON_BURST", "2/minute")
# The statements' API answers a reader without credentials from the cache for this long (api/caching.py);
# 0: never. Editors always read the database.
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
EXPORT_EDITOR_ROWS = env_int("EXPORT_EDITOR_ROWS", 100_000)

# Ingestion and re-extraction (statements/services/ingest.py): a record that
# takes longer than this many seconds to parse, extract and store fails alone,
# with its file:line, and the rest go on (0: no limit). A 100,000-character
# transcript takes about half a second.
INGEST_RECORD_SECONDS = env_float("INGEST_RECORD_SECONDS", 10.0)

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "api.auth.ExpiringTokenAuthentication",
    ],
    # A body nested past Python's recursion limit is a 400 like any malformed JSON (api/parsers.py).
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StatementPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "PAGE_SIZE": PAGE_SIZE,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("API_ANON_RATE", "1200/minute")},
    # Who the client is, for every limit: the connection's address, or, behind a
    # proxy (BEHIND_TLS_PROXY), the address that proxy appended to
    # X-Forwarded-For, NUM_PROXIES from the right. A header the client wrote itself is never believed.
    "NUM_PROXIES": env_int("NUM_PROXIES", 1) if BEHIND_TLS_PROXY else 0,
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Diplomatic Statements Archive API",
    "DESCRIPTION": "Statements of foreign ministries and heads of state, with the agreements and "
    "upcoming events extracted from them.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's assets come from drf-spectacular-sidecar: served by us, no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "StatementKindEnum": "statements.choices.Kind",
        "AgreementKindEnum": "statements.choices.AgreementKind",
    },
}

# Content-Security-Policy: everything from our own origin. Inline styles are
# allowed for the Swagger UI page; no inline script anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Security: safe defaults, stricter ones switched on by the environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
