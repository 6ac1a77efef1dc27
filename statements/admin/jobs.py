"""Background jobs in the admin: their progress, an editor's file to ingest, exports to download."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from statements.models import Job, Statement
from statements.services import tasks
from statements.services.ingest import SUFFIXES

# While a job is queued or running its pages reload themselves this often (seconds).
REFRESH_SECONDS = 3


class IngestForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_(".txt page text, .jsonl records or .csv, as `manage.py ingest` "
                                                        "takes them"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(_("Only .txt, .jsonl and .csv files can be ingested."))
        return upload


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=[("jsonl", _("JSON Lines (for import)")), ("csv", "CSV")])
    filter = forms.CharField(label=_("Filter"), required=False, max_length=2000,
                             help_text=_("Query string of the list page's filters, e.g. "
                                         "country=JP&date_from=2018-01-01; empty for the whole archive"))

    def clean_filter(self):
        from statements.search.filters import StatementFilter

        query = self.cleaned_data["filter"].strip().lstrip("?")
        if query:
            unknown = sorted(set(QueryDict(query)) - set(StatementFilter.base_filters))
            if unknown:
                raise forms.ValidationError(gettext("Unknown filter(s): %(names)s. Known: %(known)s.") % {
                    "names": ", ".join(unknown), "known": ", ".join(StatementFilter.base_filters)})
            filterset = StatementFilter(QueryDict(query), queryset=Statement.objects.all())
            if not filterset.is_valid():
                raise forms.ValidationError(filterset.errors.as_text())
        return query


def progress_html(job: Job):
    """`412 / 1 000 (41 %)` with a bar; the total is unknown until the worker has counted it."""
    if job.total is None:
        return format_html("{}", number_format(job.done, force_grouping=True))
    return format_html('<progress max="{}" value="{}"></progress> {} / {} ({} %)', job.total, job.done,
                       number_format(job.done, force_grouping=True), number_format(job.total, force_grouping=True),
                       job.percent)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "state", "progress", "failed", "requested_by", "created_at", "finished_at", "download"]
    list_filter = ["kind", "state"]
    fields = ["kind", "state", "progress", "failed", "outcomes", "failure_lines", "error", "params", "requested_by",
              "created_at", "started_at", "finished_at", "download", "task_id"]
    readonly_fields = fields
    list_select_related = ["requested_by"]

    def get_queryset(self, request):
        # A re-extraction's list of statements may hold 100,000 ids: not read for these pages.
        return super().get_queryset(request).defer("statement_ids")

    def has_add_permission(self, request):
        return False  # jobs are started by the action, the upload form and the export form

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("progress"))
    def progress(self, obj):
        return progress_html(obj)

    @admin.display(description=_("failures"))
    def failure_lines(self, obj):
        if not obj.failures:
            return "—"
        more = obj.failed - len(obj.failures)
        lines = format_html_join("\n", "{}", ((line,) for line in obj.failures))
        return format_html("<pre>{}{}</pre>", lines, f"\n… +{more}" if more > 0 else "")

    @admin.display(description=_("file"))
    def download(self, obj):
        if obj.kind != Job.Kind.EXPORT or obj.state != Job.State.DONE or not obj.file:
            return "—"
        url = reverse("admin:statements_job_download", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download"))

    def get_urls(self):
        own = [
            path("ingest/", self.admin_site.admin_view(self.ingest_view), name="statements_job_ingest"),
            path("export/", self.admin_site.admin_view(self.export_view), name="statements_job_export"),
            path("<int:pk>/download/", self.admin_site.admin_view(self.download_view),
                 name="statements_job_download"),
        ]
        return own + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        active = Job.objects.filter(state__in=[Job.State.QUEUED, Job.State.RUNNING]).exists()
        return super().changelist_view(request, {
            **(extra_context or {}), "refresh_seconds": REFRESH_SECONDS if active else None,
            "can_start": request.user.has_perm("statements.add_job"),
        })

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = Job.objects.filter(pk=object_id).only("state").first() if str(object_id).isdigit() else None
        active = job is not None and job.state in (Job.State.QUEUED, Job.State.RUNNING)
        return super().change_view(request, object_id, form_url, {
            **(extra_context or {}), "refresh_seconds": REFRESH_SECONDS if active else None})

    def _form_view(self, request, form_class, title, start):
        if not request.user.has_perm("statements.add_job"):
            raise PermissionDenied
        form = form_class(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = start(form.cleaned_data, request.user)
            url = reverse("admin:statements_job_change", args=[job.pk])
            self.message_user(request, format_html(gettext("{job} queued: <a href=\"{url}\">follow its progress</a>."),
                                                   job=job, url=url), messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:statements_job_changelist"))
        context = {**self.admin_site.each_context(request), "opts": self.opts, "title": title, "form": form,
                   "media": self.media + form.media}
        return TemplateResponse(request, "admin/statements/job/start.html", context)

    def ingest_view(self, request):
        return self._form_view(request, IngestForm, gettext("Ingest a file"),
                               lambda data, user: tasks.start_ingest(data["file"], requested_by=user))

    def export_view(self, request):
        return self._form_view(request, ExportForm, gettext("Export statements"),
                               lambda data, user: tasks.start_export(format=data["format"], filter=data["filter"],
                                                                     requested_by=user))

    def download_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        job = get_object_or_404(Job.objects.defer("statement_ids"), pk=pk, kind=Job.Kind.EXPORT,
                                state=Job.State.DONE)
        if not job.file or not job.file.storage.exists(job.file.name):
            raise Http404(gettext("The export's file is no longer there."))
        fmt = job.params.get("format", "jsonl")
        return FileResponse(job.file.open("rb"), as_attachment=True,
                            filename=f"archive-export-{job.pk}.{fmt}",
                            content_type="text/csv" if fmt == "csv" else "application/jsonl")
