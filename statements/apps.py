from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_vocabularies(sender, using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission

    from statements.models import Country, Person, Topic
    from statements.services import editors, vocabularies

    vocabularies.sync_countries(Country)
    vocabularies.sync_topics(Topic)
    vocabularies.sync_people(Person)
    editors.ensure_group(Group, Permission)


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statements"

    def ready(self):
        # Like Django's own permissions: reference rows follow the data files
        # after each migrate, on every database (tests included).
        post_migrate.connect(_sync_vocabularies, sender=self)

