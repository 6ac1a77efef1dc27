"""Rules every agreement and event must satisfy, whoever made it (admin, API, machine)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from statements.choices import Precision

# Organisations an agreement may name as a party, beside ISO country codes.
ORGANISATIONS = frozenset({
    "UN", "EU", "SCO", "BRICS", "CIS", "CSTO", "EAEU", "ASEAN", "AU", "OSCE", "NATO", "OPEC", "G20", "G7",
    "APEC", "LAS", "GCC", "IAEA", "WHO", "WTO", "OIC", "CICA", "ECOWAS", "SADC", "CELAC", "UNSC",
})


def validate_span(*, body: str, start: int | None, end: int | None, errors: dict) -> None:
    if start is None or end is None:
        return
    if start < 0 or end > len(body) or end <= start:
        errors["end"] = _("The span %(start)s–%(end)s lies outside the statement's body (0–%(length)s).") % {
            "start": start, "end": end, "length": len(body)}


def validate_parties(parties, *, known_countries: set[str], errors: dict) -> None:
    unknown = [p for p in parties or [] if p not in known_countries and p not in ORGANISATIONS]
    if unknown:
        errors["parties"] = _("Not a known country code or organisation: %(codes)s.") % {"codes": ", ".join(unknown)}
        return
    repeated = sorted({p for p in parties or [] if list(parties).count(p) > 1})
    if repeated:
        errors["parties"] = _("A party is named twice: %(codes)s.") % {"codes": ", ".join(repeated)}


def validate_period(*, starts_on, ends_on, precision: str, errors: dict) -> None:
    if bool(starts_on) != bool(ends_on):
        errors["ends_on"] = _("Give both dates, or neither.")
        return
    if not starts_on:
        if precision:
            errors["precision"] = _("A precision needs dates.")
        return
    if ends_on < starts_on:
        errors["ends_on"] = _("The event ends (%(end)s) before it starts (%(start)s).") % {
            "end": ends_on, "start": starts_on}
        return
    problem = precision_problem(starts_on, ends_on, precision)
    if problem:
        errors["precision"] = problem


def precision_problem(starts_on, ends_on, precision: str) -> str | None:
    """Why the dates cannot have this precision, or None when they fit."""
    import calendar

    days = (ends_on - starts_on).days + 1
    month_end = calendar.monthrange(ends_on.year, ends_on.month)[1]
    if not precision:
        return _("Choose a precision for the dates.")
    if precision == "week" and not (days == 7 and starts_on.weekday() == 0):
        return _("A week runs Monday to Sunday.")
    if precision == "decade" and not (
        starts_on.month == ends_on.month and starts_on.day in (1, 11, 21)
        and ends_on.day == {1: 10, 11: 20, 21: month_end}[starts_on.day]
    ):
        return _("A ten-day period runs 1–10, 11–20 or 21 to the month's end, within one month.")
    if precision in ("month", "season", "quarter", "half", "year") and not (
        starts_on.day == 1 and ends_on.day == month_end
    ):
        return _("A %(precision)s starts on the first day of a month and ends on the last.") % {
            "precision": Precision(precision).label}
    if precision == "year" and not (starts_on.month == 1 and ends_on.month == 12):
        return _("A year runs 1 January to 31 December.")
    return None


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
