"""Regular expressions built from word lists (the rule tables of extract/ and parse/)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first: a trie, "ма(?:е(?:м)?|й|ю|я)".

    Python's re tries a plain alternation branch by branch at every position;
    a trie fails after a character or two, several times faster on long texts.
    A space in a word matches any run of whitespace.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(root)
