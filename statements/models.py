"""The archive's data: statements and what was extracted from them."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from statements.choices import AgreementKind, Kind, Language, Origin, Precision, Role
from statements.querysets import AgreementQuerySet, EntityQuerySet, EventQuerySet, StatementQuerySet
from statements.text.translit import latin


class Country(models.Model):
    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_ru = models.CharField(_("name (Russian)"), max_length=100)


    objects = EntityQuerySet.as_manager()
    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"),
        ]

    def __str__(self) -> str:
        return f"{self.name_en} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("country_detail", args=[self.code])


class Topic(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_ru = models.CharField(_("name (Russian)"), max_length=120)


    objects = EntityQuerySet.as_manager()
    class Meta:
        ordering = ["name_en"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name_en

    def get_absolute_url(self) -> str:
        return reverse("topic_detail", args=[self.slug])


class Person(models.Model):
    # A stable key from statements.extract.people.person_key: every variant of
    # a name ("С.В.Лавров", "Sergey Lavrov", "Lavrov") resolves to one key.
    key = models.SlugField(max_length=120, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    surname_ru = models.CharField(max_length=100, blank=True)
    surname_en = models.CharField(max_length=100, blank=True)
    # What the person is ("Министр иностранных дел России"), from statements/data/people.csv.
    role_ru = models.CharField(_("role (Russian)"), max_length=300, blank=True)
    role_en = models.CharField(_("role (English)"), max_length=300, blank=True)


    objects = EntityQuerySet.as_manager()
    class Meta:
        ordering = ["surname_ru", "surname_en"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name_ru or self.name_en or self.key

    def get_absolute_url(self) -> str:
        return reverse("person_detail", args=[self.key])

    def name_in(self, lang: str) -> str:
        """The name in lang's script: in Russian the Russian name (else the English one); in English the
        English name, else the Russian one in Latin letters (statements.text.translit)."""
        if lang == "ru":
            return self.name_ru or self.name_en or self.key
        return self.name_en or latin(self.name_ru) or self.key

    def surname_in(self, lang: str) -> str:
        """The surname as name_in gives the name ("" where the archive has none)."""
        if lang == "ru":
            return self.surname_ru or self.surname_en
        return self.surname_en or latin(self.surname_ru)

    @property
    def display_name(self) -> str:
        """The name in the interface's language."""
        return self.name_in(get_language() or "ru")

    @property
    def display_role(self) -> str:
        lang = get_language() or "ru"
        return (self.role_ru or self.role_en) if lang == "ru" else (self.role_en or self.role_ru)


class PersonName(models.Model):
    """A variant of a person's name as written in some statement."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")

    def __str__(self) -> str:
        return self.name


class Statement(models.Model):
    # The identity of a statement across re-ingestion: mid.ru's document
    # number when there is one, else the source URL with the date, else a hash
    # of the record's provenance, title and date (statements.services.store.identity_key).
    key = models.CharField(max_length=500, unique=True)
    title = models.TextField(_("title"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    published_on = models.DateField(_("published on"), db_index=True)
    published_at = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, db_index=True)
    doc_number = models.CharField(_("mid.ru document number"), max_length=40, null=True, blank=True, unique=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True, db_index=True)
    source = models.CharField(_("provenance"), max_length=300, blank=True)
    body = models.TextField(_("text"))
    raw_text = models.TextField(_("text as ingested"))
    # The ingested record less its text (title, date, url, lang, meta...), so
    # that `reextract` can parse exactly what was ingested again.
    record = models.JSONField(default=dict, blank=True)
    checksum = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Filled by the store service (statements.search.document): search_vector finds,
    # from title (A), people and countries (B), body (C), lemmas beside the
    # stems, and adjacent word pairs for phrases; rank_vector orders, from
    # title (A) and lead (B), small enough to stay in the row.
    search_vector = SearchVectorField(null=True, editable=False)
    rank_vector = SearchVectorField(null=True, editable=False)
    # The extraction that made the stored items (statements.extract.version) and when:
    # `reextract` skips statements already done by the current code, so a stopped run resumes.
    extracted_with = models.CharField(max_length=16, blank=True, default="", editable=False)
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)

    countries = models.ManyToManyField(Country, through="StatementCountry", related_name="statements")
    topics = models.ManyToManyField(Topic, through="StatementTopic", related_name="statements")
    people = models.ManyToManyField(Person, through="StatementPerson", related_name="statements")

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-published_at", "-id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            # The search page and the API's ?q= filter.
            GinIndex(fields=["search_vector"], name="statement_search_gin"),
            # Home and list pages: newest first.
            models.Index(F("published_on").desc(), F("id").desc(), name="statement_newest"),
            # Feeds: newest in the archive first.
            models.Index(F("created_at").desc(), F("id").desc(), name="statement_newest_stored"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="statement_title_not_empty"),
            models.CheckConstraint(condition=~Q(body=""), name="statement_body_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("statement_detail", args=[self.pk])

    @property
    def speakers(self):
        return [link.person for link in self.person_links.all() if link.role == Role.SPEAKER]


class StatementRevision(models.Model):
    """An earlier version of a statement, kept when the source edited it."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="revisions")
    title = models.TextField()
    body = models.TextField()
    raw_text = models.TextField()
    checksum = models.CharField(max_length=64)
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-replaced_at"]
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")

    def __str__(self) -> str:
        return f"{self.statement_id} before {self.replaced_at:%Y-%m-%d %H:%M}"


class StatementCountry(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="statement_links")
    mentions = models.PositiveIntegerField(default=1)
    # Who made the link: re-extraction replaces the machine's links and keeps an editor's (services.links).
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, db_default=Origin.MACHINE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "country"], name="statement_country_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} {self.country_id}"


class StatementTopic(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="statement_links")
    evidence = models.TextField(blank=True)
    # Who made the link: re-extraction replaces the machine's links and keeps an editor's (services.links).
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, db_default=Origin.MACHINE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "topic"], name="statement_topic_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} {self.topic_id}"


class StatementPerson(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="statement_links")
    role = models.CharField(max_length=10, choices=Role.choices)
    mentions = models.PositiveIntegerField(default=1)
    # Who made the link: re-extraction replaces the machine's links and keeps an editor's (services.links).
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, db_default=Origin.MACHINE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "person", "role"], name="statement_person_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} {self.person_id} ({self.role})"


class RemovedLink(models.Model):
    """A link of the machine's that an editor removed: re-extraction does not make it again.

    `value` names what was linked as the link tables do: a country's code, a topic's id, a person's id
    and role ("12:speaker")."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("country")
        TOPIC = "topic", _("topic")
        PERSON = "person", _("person")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="removed_links")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.CharField(max_length=40)
    removed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "kind", "value"], name="removed_link_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} {self.kind} {self.value}"


class ExtractedItem(models.Model):
    """What agreements and events share: a sentence of the body and who made it."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("sentence"))
    start = models.PositiveIntegerField(_("start in body"))
    end = models.PositiveIntegerField(_("end in body"))
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.MACHINE)
    verified = models.BooleanField(_("verified"), default=False)
    # Rejected items stay, so that re-extraction does not bring them back.
    rejected = models.BooleanField(_("rejected"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["statement", "start"]

    @property
    def replaceable(self) -> bool:
        """Re-extraction may replace only what the machine made and nobody touched."""
        return self.origin == Origin.MACHINE and not self.verified and not self.rejected


class Agreement(ExtractedItem):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="agreements")
    kind = models.CharField(_("kind"), max_length=12, choices=AgreementKind.choices, default=AgreementKind.AGREED)
    # ISO codes of agreeing countries, or acronyms of organisations (UN, EU).
    parties = ArrayField(models.CharField(max_length=12), verbose_name=_("parties"), default=list, blank=True)
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True, related_name="agreements")

    objects = AgreementQuerySet.as_manager()

    class Meta(ExtractedItem.Meta):
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="agreement_span_order"),
        ]

    def __str__(self) -> str:
        return self.text[:120]

    def clean(self):
        from statements import validation

        errors: dict = {}
        if self.statement_id:
            validation.validate_span(body=self.statement.body, start=self.start, end=self.end, errors=errors)
        known = set(Country.objects.filter(code__in=self.parties or []).values_list("code", flat=True))
        validation.validate_parties(self.parties, known_countries=known, errors=errors)
        validation.raise_if(errors)


class Event(ExtractedItem):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True, db_index=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    precision = models.CharField(_("precision"), max_length=10, choices=Precision.choices, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True, related_name="events")

    objects = EventQuerySet.as_manager()

    class Meta(ExtractedItem.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="event_span_order"),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="event_ends_after_start",
            ),
        ]
        indexes = [
            # The calendar and the API's date-range filter: events overlapping a period.
            models.Index(fields=["starts_on", "ends_on"], name="event_period"),
            # What is still ahead (ends_on >= today: the home page, upcoming lists) and the latest past
            # events, newest first, without reading every event of the archive.
            models.Index(F("ends_on").desc(), F("id").desc(), name="event_ends"),
        ]

    def __str__(self) -> str:
        return self.title or self.text[:120]

    def clean(self):
        from statements import validation

        errors: dict = {}
        if self.statement_id:
            validation.validate_span(body=self.statement.body, start=self.start, end=self.end, errors=errors)
        validation.validate_period(starts_on=self.starts_on, ends_on=self.ends_on, precision=self.precision,
                                   errors=errors)
        validation.raise_if(errors)


class AgreementReview(Agreement):
    class Meta:
        proxy = True
        verbose_name = _("agreement to review")
        verbose_name_plural = _("agreements to review")


class EventReview(Event):
    class Meta:
        proxy = True
        verbose_name = _("event to review")
        verbose_name_plural = _("events to review")


class Job(models.Model):
    """A piece of background work an editor started, with its progress (statements/services/tasks.py).

    The worker advances `done` (and `cursor`) in the same transaction as the
    work itself, so a job resumed after a worker was killed goes on from where
    the last committed step left it: nothing lost, nothing done twice.
    """

    class Kind(models.TextChoices):
        REEXTRACT = "reextract", _("re-extraction")
        INGEST = "ingest", _("ingestion of a file")
        EXPORT = "export", _("export")

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True)
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    done = models.PositiveIntegerField(_("done"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    # Counts by outcome (an ingestion's created, updated, unchanged).
    outcomes = models.JSONField(_("outcomes"), default=dict, blank=True)
    # One line per failed record or statement, the first MAX_FAILURE_LINES of them.
    failures = models.JSONField(_("failures"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True, help_text=_("why the job as a whole stopped"))
    # Re-extraction: the statements, in ascending order, fixed when the job was
    # asked for; `cursor` is the last one finished (the next starts after it).
    statement_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    cursor = models.BigIntegerField(default=0)
    # Ingestion: the uploaded file; export: the file written, and its format and filter.
    file = models.FileField(_("file"), upload_to="jobs/%Y/%m/", blank=True, max_length=300)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    requested_by = models.ForeignKey("auth.User", verbose_name=_("requested by"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    MAX_FAILURE_LINES = 1000

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def percent(self) -> int | None:
        if not self.total:
            return 100 if self.state == self.State.DONE else None
        return min(100, round(100 * self.done / self.total))
