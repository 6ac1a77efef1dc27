"""Where a statement was made: the city of a title's dateline or a site's place field."""

from __future__ import annotations

import re
from functools import cache

from statements.data import rows
from statements.parse.published import find_last_date

# A place name as a dateline writes it: a few capitalised words, hyphens,
# "-на-Дону", "de", no quotes and no digits. A word's letters and hyphens are
# taken possessively: the separator "-" and "-на-" are word characters too, and
# letting the engine try every way to split "Ростов-на-Дону-на-Дону..." among
# them is exponential (twenty "-на-Дону" before a "?" did not finish in a minute).
PLACE_NAME = re.compile(r"^[A-ZА-ЯЁ][\w’'.-]*+(?:[ -](?:[A-ZА-ЯЁ][\w’'.-]*+|на|de|del|am|upon|-на-))*$")
# Parts of a place field that are not a city: the Kremlin, a region.
NOT_A_CITY = re.compile(
    r"^(?:Кремль|Kremlin)$|\b(?:область|край|округ|Республика|республика|Region|region|Oblast|Krai)\b"
)
MAX_PLACE_WORDS = 4
# "(January 22, 2026, Moscow)": the place after the date, inside the brackets.
BRACKETED_PLACE_AFTER_DATE = re.compile(r"^,\s*(?P<place>[^,()]{2,40})\)\s*$")


def tidy_place(name: str) -> str | None:
    name = name.strip(" ,.()")
    if not name or len(name.split()) > MAX_PLACE_WORDS or not PLACE_NAME.match(name):
        return None
    if re.search(r"['’]s\b", name):  # a possessive names a thing, not a city
        return None
    if name.isupper() and len(name) > 3:  # "BEIJING" in an upper-case title
        name = " ".join(part.capitalize() for part in name.split())
        name = "-".join(part[:1].upper() + part[1:] for part in name.split("-"))
    return name


def place_from_title(title: str) -> str | None:
    """The city of a dateline at the end of a title: ", Москва, 31 июля 2018 года",
    ", Moscow, April 19, 2022", "(Moscow, December 29, 2025)", "(January 22, 2026, Moscow)"."""
    found = find_last_date(title)
    if found is None:
        return None
    after = title[found.end :].strip()
    bracketed = BRACKETED_PLACE_AFTER_DATE.match(after)
    if bracketed:  # "(January 22, 2026, Moscow)"
        return tidy_place(bracketed["place"])
    if title[: found.start].rstrip().endswith("("):
        return None  # "... Day (February 10, 2026)": a date alone in brackets names no place
    before = title[: found.start].rstrip(" ,(")
    if after.strip(" .)"):
        return None  # the date is not the dateline at the title's end
    # The segment after the last comma or bracket before the date.
    cut = max(before.rfind(","), before.rfind("("))
    if cut < 0:
        return None
    return tidy_place(before[cut + 1 :])


# A happening told in a title with where it was: "Sergey Lavrov held a meeting
# in Moscow with ...", "the consultations ... were held in Hanoi". Not in an
# announcement: "will hold talks in Moscow" is where they will be, not where
# it was said.
FUTURE_EN = re.compile(r"\b(?:will|to\s+be|is\s+(?:scheduled|expected|due)|are\s+(?:scheduled|expected|due))\b")
HAPPENING_IN = re.compile(
    r"\b(?i:held|hosted|took\s+place|met|meeting|talks|consultations|negotiations|visit|visited|arrived|signed)\b"
    r"[^.;:]{0,80}?\bin\s+(?P<place>[A-Z][\w'’-]+(?:\s+(?:(?:de|del|da|do|la|am|upon)\s+)?[A-Z][\w'’-]+){0,2})"
)
# Continents and regions are not where something was said.
REGIONS_EN = frozenset(
    "Africa Asia Europe America Latin North South Middle East Eurasia Arctic Antarctica Gulf Caucasus Balkans "
    "Sahel Pacific Atlantic Indian Central West Western Eastern Northern Southern".split()
)


@cache
def _country_names_en() -> frozenset[str]:
    """English names of countries (a country is not a city), from statements/data/countries.csv."""
    table = rows("countries.csv")
    names = {row["name_en"] for row in table}
    names.update(alt.strip() for row in table for alt in row["alt_en"].split(";") if alt.strip())
    return frozenset(names)


def place_of_happening(title: str) -> str | None:
    """The city an English title says a meeting or talks were held in; None
    for a country ("in Russia"), a region ("in Africa") or no such phrase."""
    match = HAPPENING_IN.search(title)
    if match is None or FUTURE_EN.search(title, 0, match.end()):
        return None
    name = match["place"]
    if name.split()[0] in REGIONS_EN or name in _country_names_en() or name.removeprefix("the ") in _country_names_en():
        return None
    return tidy_place(name)


def city_of_place_field(place: str | None) -> str | None:
    """The city of a site's place field: "Москва, Кремль" -> "Москва",
    "Московская область, Ново-Огарёво" -> "Ново-Огарёво", "Курская область" -> None
    (a region names no city)."""
    if not place:
        return None
    for part in (p.strip() for p in place.split(",")):
        if part and not NOT_A_CITY.search(part):
            return tidy_place(part)
    return None
