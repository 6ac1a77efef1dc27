"""Options the commands that work in several processes share (ingest, reextract)."""

from statements.services.ingest import default_jobs


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def seconds(value: str) -> float:
    number = float(value)
    if number < 0:
        raise ValueError(value)
    return number


def add_worker_options(parser, item: str) -> None:
    """--jobs and --budget; `item` names what fails alone when it takes too long ("a record")."""
    parser.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                        help=f"worker processes, each with its own database connection (default: the number "
                             f"of cores, here {default_jobs()})")
    parser.add_argument("--budget", type=seconds, default=None, metavar="SECONDS",
                        help=f"{item} taking longer fails alone (default: settings.INGEST_RECORD_SECONDS; "
                             "0: no limit)")
