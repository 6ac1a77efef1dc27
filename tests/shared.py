"""The shared data folder beside the clone (../shared: corpus/ and gold/), in one place.

Tests that read it are marked `@pytest.mark.shared`; tests/conftest.py skips them,
with MISSING as the reason, when the folder is not there. ARCHIVE_SHARED_DIR moves
the folder for the tests (point it at a missing path to try the suite without it);
the commands (`evaluate`, `make sample`) still read ../shared.
"""

import os
from pathlib import Path

SHARED = Path(os.environ.get("ARCHIVE_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
MISSING = f"{SHARED} is not here: the corpus and gold tests need the shared folder beside the clone"


def shared_is_here() -> bool:
    return SHARED.is_dir()
