"""Every write to the archive: storing a parsed statement (store.py), the ingest pipeline (ingest.py),
export and import (exchange.py), editors' changes to agreements and events (corrections.py), the
vocabularies and the editors' group."""
