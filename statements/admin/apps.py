from django.contrib.admin.apps import AdminConfig


class ArchiveAdminConfig(AdminConfig):
    """django.contrib.admin with the archive's own site, for editors only."""

    default_site = "statements.admin.site.ArchiveAdminSite"

    def ready(self):
        super().ready()
        # The ModelAdmins: imported here, not by the package, so that settings
        # can name this class before the models are loaded.
        import statements.admin.jobs  # noqa: F401
        import statements.admin.registry  # noqa: F401
