"""Plain Django views for the load test, served beside the API by the same gunicorn.

`hello` is the floor: the middleware stack and nothing else. `statement_list`
and `statement_detail` do the API's work without DRF: the same querysets, the
same page size and count, the same fields, built by hand into a JsonResponse.
The API's requests per second over theirs is the cost of DRF itself.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from statements.models import Statement
from statements.search.filters import StatementFilter

PAGE_SIZE = 20


def hello(request):
    return HttpResponse("ok", content_type="text/plain")


def statement_list(request):
    filterset = StatementFilter(request.GET or None, queryset=Statement.objects.for_list())
    if filterset.is_bound and not filterset.is_valid():
        return JsonResponse(filterset.errors, status=400)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    results = [{
        "id": s.pk,
        "url": request.build_absolute_uri(reverse("statement-detail", args=[s.pk])),
        "page_url": s.get_absolute_url(),
        "title": s.title,
        "kind": s.kind,
        "published_on": s.published_on.isoformat(),
        "published_at": s.published_at.isoformat() if s.published_at else None,
        "place": s.place,
        "language": s.language,
        "doc_number": s.doc_number,
        "source_url": s.source_url,
        "speakers": [str(link.person) for link in s.speaker_links],
        "countries": s.country_codes,
        "agreement_count": s.agreement_count,
        "event_count": s.event_count,
    } for s in page]
    return JsonResponse({"count": page.paginator.count, "results": results})


def _item(obj, fields: list[str]) -> dict:
    row = {name: getattr(obj, name) for name in fields}
    row["countries"] = [c.code for c in obj.countries.all()]
    return row


def statement_detail(request, pk: int):
    s = get_object_or_404(Statement.objects.for_detail(), pk=pk)
    links = s.person_links.all()
    return JsonResponse({
        "id": s.pk,
        "page_url": s.get_absolute_url(),
        "title": s.title,
        "kind": s.kind,
        "published_on": s.published_on,
        "published_at": s.published_at,
        "place": s.place,
        "language": s.language,
        "doc_number": s.doc_number,
        "source_url": s.source_url,
        "source": s.source,
        "body": s.body,
        "checksum": s.checksum,
        "speakers": [str(link.person) for link in links if link.role == "speaker"],
        "people": [{"key": link.person.key, "name": str(link.person), "role": link.role, "mentions": link.mentions}
                   for link in links],
        "countries": [{"code": link.country.code, "name_en": link.country.name_en, "name_ru": link.country.name_ru,
                       "mentions": link.mentions} for link in s.country_links.all()],
        "topics": [{"slug": link.topic.slug, "name_en": link.topic.name_en, "name_ru": link.topic.name_ru,
                    "evidence": link.evidence} for link in s.topic_links.all()],
        "agreements": [_item(a, ["id", "text", "start", "end", "kind", "parties", "origin", "verified", "rejected"])
                       for a in s.agreements.all()],
        "events": [_item(e, ["id", "text", "start", "end", "title", "starts_on", "ends_on", "precision", "place",
                             "origin", "verified", "rejected"]) for e in s.events.all()],
        "created_at": s.created_at,
        "updated_at": s.updated_at,
    })
