"""HTML pages. Views stay thin: reads live in statements.querysets."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from statements.models import Country, Person, Statement, Topic

PAGE_SIZE = 20


def _page(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def home(request):
    latest = Statement.objects.for_list().newest_first()[:10]
    return render(request, "statements/home.html", {"latest": latest, "total": Statement.objects.count()})


def statement_list(request):
    page = _page(request, Statement.objects.for_list().newest_first())
    return render(request, "statements/statement_list.html", {"page": page})


def statement_detail(request, pk: int):
    statement = get_object_or_404(Statement.objects.for_detail(), pk=pk)
    return render(request, "statements/statement_detail.html", {"statement": statement})


def country_detail(request, code: str):
    country = get_object_or_404(Country, code=code.upper())
    page = _page(request, Statement.objects.filter(countries=country).for_list().newest_first())
    return render(request, "statements/country_detail.html", {"country": country, "page": page})


def person_detail(request, key: str):
    person = get_object_or_404(Person, key=key)
    page = _page(request, Statement.objects.filter(people=person).distinct().for_list().newest_first())
    return render(request, "statements/person_detail.html", {"person": person, "page": page})


def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    page = _page(request, Statement.objects.filter(topics=topic).for_list().newest_first())
    return render(request, "statements/topic_detail.html", {"topic": topic, "page": page})
