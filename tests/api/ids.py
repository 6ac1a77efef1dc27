"""Readable test ids for tables of query parameters: `[country=JP]` rather than `[params5]`."""


def query_id(value):
    if not isinstance(value, dict):
        return None  # pytest's own id
    return "&".join(f"{k}={v}" for k, v in value.items()) or "no-parameters"
