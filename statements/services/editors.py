"""The Editors group: exactly the rights the editing work needs.

Editors read statements and the vocabularies, and create, correct, verify and
reject agreements and events. They delete nothing (rejecting keeps an item, so
extraction never brings it back) and do not change statements' texts, which
come from their sources. Created by migration 0003 and kept in step after
every migrate (statements.apps), like Django's own permissions.
"""

from __future__ import annotations

GROUP_NAME = "Editors"
PERMISSIONS = {
    "statement": ["view", "change"],
    "statementrevision": ["view"],
    "statementcountry": ["view", "add", "change", "delete"],
    "statementperson": ["view", "add", "change", "delete"],
    "statementtopic": ["view", "add", "change", "delete"],
    "agreement": ["view", "add", "change"],
    "event": ["view", "add", "change"],
    "agreementreview": ["view", "change"],
    "eventreview": ["view", "change"],
    "country": ["view"],
    "topic": ["view"],
    "person": ["view", "add", "change"],
    "personname": ["view", "add", "change"],
    # Background jobs: follow them, start an ingestion or an export (re-extraction needs change_statement).
    "job": ["view", "add"],
}


def ensure_group(Group, Permission) -> None:
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="statements", codename__in=codenames)
    if permissions.count() != len(codenames):
        return  # permissions not created yet; the post_migrate run after them completes the group
    group.permissions.set(permissions)
