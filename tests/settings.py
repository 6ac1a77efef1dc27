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
