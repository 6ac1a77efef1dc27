"""The admin is the editors' workplace: superusers and the Editors group only."""

from django.contrib.admin import AdminSite
from django.urls import path
from django.utils.translation import gettext_lazy as _

from statements.services import editors


def is_editor(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=editors.GROUP_NAME).exists())


class ArchiveAdminSite(AdminSite):
    site_header = _("Archive administration")
    site_title = _("Archive administration")
    index_title = _("Editors' workbench")
    index_template = "admin/archive_index.html"

    def has_permission(self, request) -> bool:
        # Staff status alone is not enough, so an account cannot wander in by accident.
        return super().has_permission(request) and is_editor(request.user)

    def get_urls(self):
        # The editors' own screens (statements.admin.review, statements.admin.measure), before the models' URLs.
        return [
            path("review/", self.admin_view(self.review_queue), name="review_queue"),
            path("review/<int:pk>/", self.admin_view(self.review_statement), name="review_statement"),
            path("measure/", self.admin_view(self.measure), name="measure"),
            *super().get_urls(),
        ]

    def review_queue(self, request):
        from statements.admin import review

        return review.queue_view(self, request)

    def review_statement(self, request, pk: int):
        from statements.admin import review

        return review.statement_view(self, request, pk)

    def measure(self, request):
        from statements.admin import measure

        return measure.view(self, request)

    def index(self, request, extra_context=None):
        from statements.admin import review

        return super().index(request, {**review.waiting(), **(extra_context or {})})

    def login(self, request, extra_context=None):
        # Password guessing: the limit of /api/token/, per client address, shared by every worker.
        from api.throttles import refused_login  # which reads is_editor from here

        if request.method == "POST" and (refused := refused_login(request, self.each_context(request))):
            return refused
        return super().login(request, extra_context)
