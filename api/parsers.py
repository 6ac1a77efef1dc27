"""JSON bodies: whatever a client sends, malformed JSON is a 400."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's parser, except that a body nested deeper than Python's recursion limit (100,000 `[`) is a 400:
    the decoder raises RecursionError there, which is not the ValueError DRF turns into one."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply")
