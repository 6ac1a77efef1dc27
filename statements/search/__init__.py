"""Search: the document the index holds (document.py), the query grammar (query.py), the FilterSet shared by
pages and API (filters.py), facets, spelling suggestions and the estimating paginator."""
