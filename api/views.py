from rest_framework import viewsets

from api.serializers import StatementDetailSerializer, StatementListSerializer
from statements.models import Statement


class StatementViewSet(viewsets.ReadOnlyModelViewSet):
    """Statements, newest first; the detail carries the extracted agreements and events."""

    def get_queryset(self):
        if self.action == "retrieve":
            return Statement.objects.for_detail()
        return Statement.objects.for_list().newest_first()

    def get_serializer_class(self):
        return StatementDetailSerializer if self.action == "retrieve" else StatementListSerializer
