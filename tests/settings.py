"""The archive's settings for the test suite: the same, plus a second database alias.

`replica` is a TEST MIRROR of `default` (the same test database through a
connection of its own), so the read-replica router (archive/routers.py) is
tested against a real second alias. No router is installed here: the tests
that are about it install it with override_settings.
"""

from archive.settings import *  # noqa: F403
from archive.settings import DATABASES

DATABASES["replica"] = {
    **DATABASES["default"],
    "OPTIONS": dict(DATABASES["default"].get("OPTIONS", {})),
    "TEST": {"MIRROR": "default"},
}

# Every test reads what it has just written; tests/api/test_caching.py turns the API's cache on.
API_CACHE_SECONDS = 0
