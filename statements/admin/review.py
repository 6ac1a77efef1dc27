"""The review screen: one statement's agreements and events together, verified, rejected or corrected
one action each (keyboard shortcuts in static/editors/review.js), and the queue of statements waiting.

Writes go through statements.services.corrections, as everywhere else.
"""

from __future__ import annotations

from itertools import pairwise

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from statements.choices import AgreementKind, Origin, Precision
from statements.models import Agreement, Country, Event, Statement, StatementCountry
from statements.services import corrections

# What waits for an editor: the machine's, and nobody has looked at it yet.
PENDING = Q(origin=Origin.MACHINE, verified=False, rejected=False)
CONTEXT_CHARS = 160
QUEUE_PAGE = 50


# --------------------------------------------------------------------------
# The queue
# --------------------------------------------------------------------------


def _count(model, condition: Q | None = None):
    rows = model.objects.filter(statement=OuterRef("pk"))
    if condition is not None:
        rows = rows.filter(condition)
    rows = rows.order_by().values("statement").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=models.IntegerField()), 0)


def queue(country: str | None = None):
    """Statements with items waiting, in the order readers meet them: newest first, then those with most items.

    The order keys do not change as items are reviewed, so "next" walks the
    queue steadily whatever the editor verifies or skips.
    """
    waiting = (Exists(Agreement.objects.filter(PENDING, statement=OuterRef("pk")))
               | Exists(Event.objects.filter(PENDING, statement=OuterRef("pk"))))
    statements = Statement.objects.filter(waiting)
    if country:
        statements = statements.filter(Exists(StatementCountry.objects.filter(statement=OuterRef("pk"),
                                                                              country_id=country)))
    return (statements.annotate(pending=_count(Agreement, PENDING) + _count(Event, PENDING),
                                item_total=_count(Agreement) + _count(Event))
            .only("pk", "title", "published_on", "kind", "language")
            .order_by("-published_on", "-item_total", "-id"))


def next_in_queue(statement: Statement, country: str | None = None) -> Statement | None:
    """The statement after this one in the queue (the first again at its end); None when nothing else waits."""
    total = Agreement.objects.filter(statement=statement).count() + Event.objects.filter(statement=statement).count()
    waiting = queue(country).exclude(pk=statement.pk)
    after = (Q(published_on__lt=statement.published_on)
             | Q(published_on=statement.published_on, item_total__lt=total)
             | Q(published_on=statement.published_on, item_total=total, pk__lt=statement.pk))
    return waiting.filter(after).first() or waiting.first()


def waiting() -> dict:
    """Counts of what waits, for the admin index."""
    statements = queue()
    by_country = (StatementCountry.objects.filter(statement__in=statements.values("pk"))
                  .values("country_id", "country__name_en", "country__name_ru")
                  .annotate(n=Count("statement")).order_by("-n", "country_id")[:20])
    return {
        "waiting_agreements": Agreement.objects.filter(PENDING).count(),
        "waiting_events": Event.objects.filter(PENDING).count(),
        "waiting_statements": statements.count(),
        "waiting_by_country": list(by_country),
    }


def item_counts(statement: Statement) -> str:
    agreements = Agreement.objects.filter(statement=statement)
    events = Event.objects.filter(statement=statement)
    pending = agreements.filter(PENDING).count() + events.filter(PENDING).count()
    return _("%(agreements)d agreement(s), %(events)d event(s); %(pending)d waiting for review") % {
        "agreements": agreements.count(), "events": events.count(), "pending": pending}


def queue_view(site, request):
    country = _country(request)
    page = Paginator(queue(country), QUEUE_PAGE).get_page(request.GET.get("page"))
    context = {
        **site.each_context(request),
        "title": _("Review queue"),
        "page_obj": page,
        "country": country,
        "countries": Country.objects.filter(code__in=StatementCountry.objects.filter(
            statement__in=queue().values("pk")).values("country_id")).order_by("name_en"),
        **waiting(),
    }
    return TemplateResponse(request, "admin/review/queue.html", context)


def _country(request) -> str | None:
    code = (request.GET.get("country") or "").upper()
    if not code:
        return None
    if not Country.objects.filter(code=code).exists():
        raise Http404(_("No such country."))
    return code


# --------------------------------------------------------------------------
# One statement
# --------------------------------------------------------------------------


class CodesField(forms.CharField):
    """Codes separated by spaces or commas ("RU, JP UN"), upper-cased, as a list."""

    def to_python(self, value):
        value = super().to_python(value)
        return [code for code in value.replace(",", " ").upper().split() if code]

    def prepare_value(self, value):
        return " ".join(value) if isinstance(value, list | tuple) else value


class SpanForm(forms.Form):
    start = forms.IntegerField(label=gettext_lazy("start in body"), min_value=0)
    end = forms.IntegerField(label=gettext_lazy("end in body"), min_value=1)


class AgreementForm(SpanForm):
    kind = forms.ChoiceField(label=gettext_lazy("kind"), choices=AgreementKind.choices)
    parties = CodesField(label=gettext_lazy("parties"), required=False,
                         help_text=gettext_lazy("ISO codes or organisations, e.g. RU JP UN"))
    field_order = ["kind", "parties", "start", "end"]


class EventForm(SpanForm):
    title = forms.CharField(label=gettext_lazy("title"), max_length=300, required=False)
    starts_on = forms.DateField(label=gettext_lazy("starts on"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    ends_on = forms.DateField(label=gettext_lazy("ends on"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    precision = forms.ChoiceField(label=gettext_lazy("precision"), choices=[("", "—"), *Precision.choices],
                                  required=False)
    place = forms.CharField(label=gettext_lazy("place"), max_length=200, required=False)
    countries = CodesField(label=gettext_lazy("countries"), required=False,
                           help_text=gettext_lazy("ISO codes, e.g. RU JP"))
    field_order = ["title", "starts_on", "ends_on", "precision", "place", "countries", "start", "end"]


FORMS = {Agreement: AgreementForm, Event: EventForm}
PREFIX = {Agreement: "a", Event: "e"}
MODELS = {"a": Agreement, "e": Event}


def _initial(item) -> dict:
    form = FORMS[type(item)]
    values = {name: getattr(item, name) for name in form.base_fields if name != "countries"}
    if isinstance(item, Event):
        values["countries"] = sorted(c.code for c in item.countries.all())
    return values


def _key(item) -> str:
    return f"{PREFIX[type(item)]}{item.pk}"


def statement_view(site, request, pk: int):
    if not (request.user.has_perm("statements.change_agreement") and request.user.has_perm(
            "statements.change_event")):
        raise PermissionDenied
    statement = get_object_or_404(Statement, pk=pk)
    country = _country(request)
    failed: dict[str, forms.Form] = {}
    if request.method == "POST":
        outcome = _act(request, statement, failed)
        if outcome is not None:
            return outcome
    items = [*Agreement.objects.filter(statement=statement).prefetch_related("countries"),
             *Event.objects.filter(statement=statement).prefetch_related("countries")]
    items.sort(key=lambda i: (i.start, PREFIX[type(i)]))
    cards = []
    for item in items:
        key = _key(item)
        cards.append({
            "key": key, "item": item, "is_event": isinstance(item, Event),
            "pending": item.origin == Origin.MACHINE and not item.verified and not item.rejected,
            "context": _in_context(statement.body, item.start, item.end),
            "form": failed.get(key) or FORMS[type(item)](initial=_initial(item), prefix=key),
        })
    new_forms = {
        "agreement": failed.get("new-agreement") or AgreementForm(prefix="new-agreement"),
        "event": failed.get("new-event") or EventForm(prefix="new-event"),
    }
    following = next_in_queue(statement, country)
    context = {
        **site.each_context(request),
        "title": statement.title,
        "statement": statement,
        "cards": cards,
        "new_forms": new_forms,
        "body_html": _marked_body(statement.body, items),
        "next_statement": following,
        "next_url": _screen_url(following, country) if following else None,
        "country": country,
        "pending": sum(card["pending"] for card in cards),
        "opts": Statement._meta,
    }
    return TemplateResponse(request, "admin/review/statement.html", context, status=400 if failed else 200)


def _screen_url(statement: Statement, country: str | None, anchor: str = "") -> str:
    url = reverse("admin:review_statement", args=[statement.pk])
    return url + (f"?country={country}" if country else "") + (f"#item-{anchor}" if anchor else "")


def _act(request, statement: Statement, failed: dict):
    """One editor's action from the screen; a redirect when done, None when a form is to be shown again."""
    key = request.POST.get("item", "")
    action = request.POST.get("action", "")
    country = _country(request)
    if key in ("new-agreement", "new-event") and action == "add":
        model = Agreement if key == "new-agreement" else Event
        form = FORMS[model](request.POST, prefix=key)
        if not form.is_valid():
            failed[key] = form
            return None
        try:
            item = corrections.create_item(model, statement=statement, fields=form.cleaned_data, editor=request.user)
        except ValidationError as exc:
            _attach(form, exc)
            failed[key] = form
            return None
        messages.success(request, _("Added: %(item)s") % {"item": item})
        return HttpResponseRedirect(_screen_url(statement, country, _key(item)))
    model = MODELS.get(key[:1])
    if model is None or not key[1:].isdigit() or action not in ("verify", "reject", "correct"):
        raise Http404(_("No such item or action."))
    item = get_object_or_404(model, pk=int(key[1:]), statement=statement)
    if action == "verify":
        corrections.verify_items([item], editor=request.user)
        messages.success(request, _("Verified: %(item)s") % {"item": item})
    elif action == "reject":
        corrections.reject_items([item], editor=request.user)
        messages.success(request, _("Rejected: %(item)s") % {"item": item})
    else:
        form = FORMS[model](request.POST, prefix=key, initial=_initial(item))
        if not form.is_valid():
            failed[key] = form
            return None
        try:
            item = corrections.correct_item(item, {n: form.cleaned_data[n] for n in form.changed_data},
                                            editor=request.user)
        except ValidationError as exc:
            _attach(form, exc)
            failed[key] = form
            return None
        messages.success(request, _("Corrected: %(item)s") % {"item": item})
    return HttpResponseRedirect(_screen_url(statement, country, _after(statement, item)))


def _after(statement: Statement, done) -> str:
    """The card to go on with: the next one waiting after the item just done, else the item itself."""
    agreements = Agreement.objects.filter(PENDING, statement=statement).values_list("start", "pk")
    events = Event.objects.filter(PENDING, statement=statement).values_list("start", "pk")
    keys = sorted([(start, "a", pk) for start, pk in agreements] + [(start, "e", pk) for start, pk in events])
    later = [k for k in keys if (k[0], k[1]) > (done.start, PREFIX[type(done)])] or keys
    return f"{later[0][1]}{later[0][2]}" if later else _key(done)


def _attach(form: forms.Form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _in_context(body: str, start: int, end: int):
    before, after = body[max(0, start - CONTEXT_CHARS):start], body[end:end + CONTEXT_CHARS]
    return format_html("{}{}<mark>{}</mark>{}{}", "…" if start > CONTEXT_CHARS else "", before, body[start:end],
                       after, "…" if end + CONTEXT_CHARS < len(body) else "")


def _marked_body(body: str, items) -> str:
    """The statement's text with each item's span marked. Nothing but the text itself between the marks,
    so the script's offsets in it are the body's (static/editors/review.js)."""
    points = sorted({0, len(body), *(i.start for i in items), *(i.end for i in items)})
    parts = []
    for a, b in pairwise(points):
        if a >= len(body):
            break
        covering = [i for i in items if i.start <= a and b <= i.end]
        text = body[a:b]
        if covering:
            pending = any(i.origin == Origin.MACHINE and not i.verified and not i.rejected for i in covering)
            parts.append(format_html('<mark class="span{}" data-items="{}">{}</mark>', " pending" if pending else "",
                                     " ".join(_key(i) for i in covering), text))
        else:
            parts.append(escape(text))
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped above

