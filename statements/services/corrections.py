"""Editors' work on agreements and events: the one place it is written, whichever way it comes.

The admin (forms, the review screen, bulk actions), the API and `manage.py
import` call these functions, so an editor's change means the same
everywhere:

- an item an editor creates, or changes in any way other than verifying or
  rejecting it, becomes the editor's (origin "editor"), and re-extraction
  keeps it (statements.services.store);
- what is derived follows: the sentence is the body's slice at the span, an
  agreement's countries are its parties that are countries;
- the rules of statements.validation hold (through the models' `clean`), plus
  no repeated party and no sentence other than the span's;
- each change is one entry in the item's admin history, with its editor.

A statement's links (countries, people, topics) follow the same rule
(save_link_edits): a link an editor adds or changes is the editor's, and one
the machine made that an editor removes is remembered (RemovedLink), so
re-extraction neither drops the first nor brings the second back.

Each public function is one transaction; a ValidationError names the field
and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from statements.choices import Origin
from statements.models import (
    Agreement,
    Country,
    Event,
    RemovedLink,
    Statement,
    StatementCountry,
    StatementPerson,
    StatementTopic,
)

# What an editor may set on each kind of item. `countries` is an event's own;
# an agreement's follow its parties.
EDITABLE = {
    Agreement: ("text", "start", "end", "kind", "parties", "verified", "rejected"),
    Event: ("text", "start", "end", "title", "starts_on", "ends_on", "precision", "place", "countries",
            "verified", "rejected"),
}
# Changing only these leaves the item the machine's: verifying is agreeing with it.
REVIEW_FIELDS = frozenset({"verified", "rejected"})
# What an import restores as it was exported (who made it, whether reviewed).
RESTORED = ("origin", "verified", "rejected")

Item = Agreement | Event


def correct_item(item: Item, changes: Mapping[str, Any], *, editor) -> Item:
    """Apply an editor's changes to an item; returns it as stored. No change, no write, no history."""
    model = type(item)._meta.concrete_model
    with transaction.atomic():
        stored = model.objects.select_for_update().select_related("statement").get(pk=item.pk)
        changes = _normalised(model, stored, changes)
        changed = [name for name in EDITABLE[model] if name in changes and _current(stored, name) != changes[name]]
        if not changed:
            return stored
        _assign(stored, changes)
        if set(changed) - REVIEW_FIELDS:
            stored.origin = Origin.EDITOR
        _validate(stored, changes)
        stored.save()
        _write_countries(stored, changes)
        _log(editor, stored, CHANGE, [{"changed": {"fields": _labels(model, changed)}}])
    return stored


def create_item(model: type[Item], *, statement: Statement, fields: Mapping[str, Any], editor) -> Item:
    """An item the machine missed, added by an editor: it is theirs from the start."""
    model = model._meta.concrete_model
    with transaction.atomic():
        statement = Statement.objects.get(pk=statement.pk)
        item = model(statement=statement, origin=Origin.EDITOR)
        fields = _normalised(model, item, fields)
        _assign(item, fields)
        _validate(item, fields)
        item.save()
        _write_countries(item, {**fields, "parties": item.parties} if model is Agreement else fields)
        _log(editor, item, ADDITION, [{"added": {}}])
    return item


def verify_items(items: Iterable[Item], *, editor) -> int:
    """Mark items right as they are; returns how many changed."""
    return sum(correct_item(item, {"verified": True}, editor=editor).verified for item in items)


def reject_items(items: Iterable[Item], *, editor) -> int:
    """Mark items wrong: kept, hidden from readers, never extracted again; returns how many."""
    return sum(correct_item(item, {"rejected": True}, editor=editor).rejected for item in items)


def restore_item(model: type[Item], *, statement: Statement, fields: Mapping[str, Any]) -> Item:
    """An item of an exported archive, written back as it was (origin and review kept): the import's.

    Inside the caller's transaction. No history: it records work done
    elsewhere, and the export carries no editor's name.
    """
    model = model._meta.concrete_model
    item = model(statement=statement, **{name: fields[name] for name in RESTORED if name in fields})
    values = _normalised(model, item, {k: v for k, v in fields.items() if k in EDITABLE[model]})
    _assign(item, values)
    _validate(item, values)
    item.save()
    _write_countries(item, {**values, "parties": item.parties} if model is Agreement else values)
    return item


def apply_exported_work(statement: Statement, record: Mapping[str, Any], *, editor) -> int:
    """Editors' work of an exported statement, applied to the same statement here; returns the items changed.

    An exported item an editor made, verified or rejected is matched to this
    archive's item on the same span and corrected to match (or added when
    there is none), as if the editor had done it here.
    """
    done = 0
    for model, key in ((Agreement, "agreements"), (Event, "events")):
        present = {(i.start, i.end): i for i in model.objects.filter(statement=statement)}
        for exported in record.get(key) or ():
            if exported.get("origin") != Origin.EDITOR and not exported.get("verified") and not exported.get(
                    "rejected"):
                continue  # the machine's, untouched: this archive's extraction stands
            fields = {name: value for name, value in exported.items() if name in EDITABLE[model]}
            if model is Agreement:
                fields.pop("countries", None)
            mine = present.get((exported["start"], exported["end"]))
            if mine is None:
                create_item(model, statement=statement, fields=fields, editor=editor)
                done += 1
                continue
            before = mine.updated_at
            if correct_item(mine, fields, editor=editor).updated_at != before:
                done += 1
    return done


# --------------------------------------------------------------------------


def _normalised(model, item: Item, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes in the model's terms; a field nobody may change is refused, naming it."""
    changes = dict(changes)
    for name in ("statement", "statement_id"):
        if name in changes:
            target = changes.pop(name)
            target_id = getattr(target, "pk", target)
            if item.pk is not None and target_id != item.statement_id:
                raise ValidationError({"statement_id": _(
                    "An item stays with its statement; reject it and add one to the other statement instead.")})
    unknown = sorted(set(changes) - set(EDITABLE[model]))
    if unknown:
        raise ValueError(f"not an editable field of {model.__name__}: {', '.join(unknown)}")
    if "countries" in changes:
        changes["countries"] = sorted({getattr(c, "pk", c) for c in changes["countries"] or ()})
    if "parties" in changes:
        changes["parties"] = list(changes["parties"] or ())
    for name in ("place", "title", "precision"):
        if name in changes and changes[name] is None:
            changes[name] = ""
    # Reviewing settles one way: verifying takes back a rejection and the other way round.
    if changes.get("verified") and "rejected" not in changes:
        changes["rejected"] = False
    if changes.get("rejected") and "verified" not in changes:
        changes["verified"] = False
    return changes


def _current(item: Item, name: str):
    if name == "countries":
        return sorted(item.countries.values_list("code", flat=True)) if item.pk else []
    return getattr(item, name)


def _assign(item: Item, changes: Mapping[str, Any]) -> None:
    for name, value in changes.items():
        if name != "countries":
            setattr(item, name, value)


def _validate(item: Item, changes: Mapping[str, Any]) -> None:
    """The models' rules (statements.validation), then the sentence and the countries."""
    body = item.statement.body
    errors: dict[str, list] = {}
    try:
        # The sentence is checked below against the span, so a missing one is not an error yet.
        item.full_clean(exclude=["statement", "text", "countries"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if "start" not in errors and "end" not in errors:
        span = body[item.start:item.end]
        if "text" in changes and changes["text"] != span:
            errors["text"] = [_("The sentence must be the statement's text at the span %(start)s–%(end)s: "
                                "“%(span)s”.") % {"start": item.start, "end": item.end, "span": span[:200]}]
        item.text = span
    if "countries" in changes:
        known = set(Country.objects.filter(code__in=changes["countries"]).values_list("code", flat=True))
        unknown = [code for code in changes["countries"] if code not in known]
        if unknown:
            errors["countries"] = [_("Not a known country code: %(codes)s.") % {"codes": ", ".join(unknown)}]
    if errors:
        raise ValidationError(errors)


def _write_countries(item: Item, changes: Mapping[str, Any]) -> None:
    if isinstance(item, Agreement):
        if "parties" in changes:
            # As extraction does: the parties that are countries are the agreement's countries.
            item.countries.set(Country.objects.filter(code__in=item.parties))
    elif "countries" in changes:
        item.countries.set(changes["countries"])


def _labels(model, names: list[str]) -> list[str]:
    # Stored untranslated, as the admin stores its own: the history page translates them for its reader.
    with translation.override(None):
        return [str(model._meta.get_field(name).verbose_name) for name in names]


def _log(editor, item: Item, action_flag: int, message: list) -> None:
    LogEntry.objects.log_actions(user_id=editor.pk, queryset=[item], action_flag=action_flag,
                                 change_message=message, single_object=True)


# Each link table: what its rows link to, as RemovedLink.value names it.
LINK_KINDS = {
    StatementCountry: (RemovedLink.Kind.COUNTRY, lambda link: link.country_id),
    StatementTopic: (RemovedLink.Kind.TOPIC, lambda link: str(link.topic_id)),
    StatementPerson: (RemovedLink.Kind.PERSON, lambda link: f"{link.person_id}:{link.role}"),
}


def save_link_edits(formset) -> None:
    """An editor's changes to one statement's links of one kind (an admin inline formset), kept through
    re-extraction: rows added or changed become the editor's; a removed row, or the row a change replaced,
    is remembered when the machine had made it. The statement's search vector then names its links as
    they are (store.refresh_link_lexemes). One transaction with the admin's save."""
    from statements.services.store import refresh_link_lexemes

    model = formset.model
    kind, value_of = LINK_KINDS[model]
    statement = formset.instance
    with transaction.atomic():
        # The rows as stored, before the forms' values: one query for all of them.
        stored = model.objects.in_bulk([form.instance.pk for form in formset.initial_forms])
        for form in formset.initial_forms:
            before = stored.get(form.instance.pk)
            if before is None or before.origin != Origin.MACHINE:
                continue
            removed = form in formset.deleted_forms
            if removed or (form.has_changed() and value_of(form.instance) != value_of(before)):
                RemovedLink.objects.get_or_create(statement=statement, kind=kind, value=value_of(before))
        for link in formset.save(commit=False):
            link.origin = Origin.EDITOR
            link.save()
            # Linked again by hand: no longer a removal.
            RemovedLink.objects.filter(statement=statement, kind=kind, value=value_of(link)).delete()
        for link in formset.deleted_objects:
            link.delete()
        refresh_link_lexemes(statement.pk)
