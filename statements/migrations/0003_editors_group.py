"""The Editors group: exactly the rights the editing work needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Editors read statements and the vocabularies, and create, correct, verify
# and reject agreements and events. They do not delete anything (rejecting
# keeps an item so that extraction never brings it back), and they do not
# change statements' texts, which come from their sources.
EDITOR_PERMISSIONS = {
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
}


def create_group(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="statements", codename__in=codenames)
    assert permissions.count() == len(codenames), "a permission of the Editors group is missing"
    group.permissions.set(permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_review_proxies"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
