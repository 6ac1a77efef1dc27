"""The admin is the editors' workplace: superusers and the Editors group only."""

from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy as _

from statements.services import editors


def is_editor(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=editors.GROUP_NAME).exists())


class ArchiveAdminSite(AdminSite):
    site_header = _("Diplomatic Statements Archive: editors")

    def has_permission(self, request) -> bool:
        # Staff status alone is not enough, so an account cannot wander in by accident.
        return super().has_permission(request) and is_editor(request.user)

    def login(self, request, extra_context=None):
        # Password guessing: the limit of /api/token/, per client address, shared by every worker.
        from api.throttles import refused_login  # which reads is_editor from here

        if request.method == "POST" and (refused := refused_login(request, self.each_context(request))):
            return refused
        return super().login(request, extra_context)
