"""Pages whose total is counted exactly when that is cheap, and estimated when it is not."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property


class EstimatingPaginator(Paginator):
    """`estimate`: the planner's estimate when the caller has it already (StatementFilter.size).
    `known`: the total when the caller has counted it (the search page's facets.Tally), and whether
    that total is an estimate."""

    estimated = False

    def __init__(self, object_list, per_page, *args, estimate: int | None = None,
                 known: tuple[int, bool] | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.estimate = estimate
        self.known = known

    @cached_property
    def count(self):
        if self.known is not None:
            total, self.estimated = self.known
            return total
        rows = self.estimate
        if rows is None and hasattr(self.object_list, "estimated_count"):
            rows = self.object_list.estimated_count()
        if rows is not None and rows > settings.SEARCH_EXACT_COUNT_LIMIT:
            self.estimated = True
            return rows
        return super().count

    def page(self, number):
        """A page of up to per_page rows: an estimated total must not cut the slice short."""
        page = super().page(number)
        if self.estimated:
            bottom = (page.number - 1) * self.per_page
            page.object_list = self.object_list[bottom:bottom + self.per_page]
        return page
