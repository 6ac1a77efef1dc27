"""Vocabularies shared by the models, the filters and the API."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    SPEECH = "speech", _("Speech")
    INTERVIEW = "interview", _("Interview")
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    BRIEFING = "briefing", _("Briefing")
    STATEMENT = "statement", _("Statement")
    JOINT_STATEMENT = "joint_statement", _("Joint statement")
    COMMENT = "comment", _("Comment")
    ARTICLE = "article", _("Article")
    MESSAGE = "message", _("Message")
    PHONE_CALL = "phone_call", _("Telephone conversation")
    MEETING = "meeting", _("Meeting or talks")
    ANNOUNCEMENT = "announcement", _("Announcement")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    RUSSIAN = "ru", "Русский"
    ENGLISH = "en", "English"


class AgreementKind(models.TextChoices):
    AGREED = "agreed", _("Agreed")
    REAFFIRMED = "reaffirmed", _("Reaffirmed")


class Precision(models.TextChoices):
    DAY = "day", _("day")
    WEEK = "week", _("week")
    DECADE = "decade", _("ten days")
    MONTH = "month", _("month")
    SEASON = "season", _("season")
    QUARTER = "quarter", _("quarter")
    HALF = "half", _("half-year")
    YEAR = "year", _("year")
    BY = "by", _("deadline")


class Origin(models.TextChoices):
    MACHINE = "machine", _("extracted")
    EDITOR = "editor", _("editor")


class Role(models.TextChoices):
    SPEAKER = "speaker", _("speaker")
    MENTIONED = "mentioned", _("mentioned")
