"""How to cite a statement: a line of text and a BibTeX entry, from the statement and its permalink.

The source's address is given only where the publisher gave one; the permalink (this archive's page)
always is, so a citation leads somewhere either way.
"""

from __future__ import annotations

import re

SITE_NAME = "Diplomatic Statements Archive"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# Characters TeX reads as commands inside a braced field; braces are escaped as well, so an
# unbalanced brace in a title cannot end the field early.
TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
               "$": r"\$", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
TEX_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in TEX_SPECIAL))


def tex(text: str) -> str:
    """Text safe inside a braced BibTeX field, on one line."""
    return TEX_SPECIAL_RE.sub(lambda m: TEX_SPECIAL[m.group()], " ".join(text.split()))


def bibtex_key(statement, speakers) -> str:
    """ASCII, stable: the first speaker's key's surname (or "statement"), the year and the archive's id."""
    first = speakers[0].key if speakers else ""
    stem = re.sub(r"[^a-z0-9]", "", (first.split("-")[0] if first else "") or "statement")
    return f"{stem}{statement.published_on.year}-{statement.pk}"


def speaker_names(speakers, lang: str) -> list[str]:
    return [p.name_in(lang) for p in speakers]


def bibtex(statement, permalink: str, *, lang: str) -> str:
    """A @misc entry (BibTeX and biblatex read it): authors are the speakers, the url the source where
    there is one, else the permalink, which the note gives in either case."""
    speakers = statement.speakers
    fields = [("title", "{" + tex(statement.title) + "}")]
    if speakers:
        fields.append(("author", " and ".join("{" + tex(n) + "}" for n in speaker_names(speakers, lang))))
    day = statement.published_on
    fields += [("year", str(day.year)), ("month", MONTHS[day.month - 1]), ("date", day.isoformat())]
    if statement.get_kind_display():
        fields.append(("type", "{" + tex(str(statement.get_kind_display())) + "}"))
    fields.append(("url", "{" + (statement.source_url or permalink) + "}"))
    fields.append(("note", "{" + tex(f"{SITE_NAME}, {permalink}") + "}"))
    lines = [f"@misc{{{bibtex_key(statement, speakers)},"]
    lines += [f"  {name} = {value}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines)

