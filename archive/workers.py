"""The start of a worker process of `ingest --jobs` and `reextract --jobs` (statements.services.ingest).

Workers are spawned, not forked. A forked worker inherits the parent's open database connections
(a caller's, the test suite's): their sockets are then shared by several processes, whose queries mix
and whose exit can close the parent's connection. A spawned worker starts Django afresh, on the
database the parent uses (its name given: the test suite's database is not the settings' one), and
loads the morphological analyser and the finders once, before its first record and its first budget.
This module imports nothing of Django at its top: the worker imports it before Django is set up.
"""

import signal


def start(database_names: dict[str, str]) -> None:
    # Ctrl-C stops the parent, which ends the pool; a worker interrupted mid-record would only print a trace.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from django.conf import settings

    for alias, name in database_names.items():
        settings.DATABASES[alias]["NAME"] = name
    import django

    django.setup()
    from statements.services.ingest import warm

    warm()
