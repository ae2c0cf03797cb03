"""The case-system API, version 1: notifications and their clocks. Writes go through
masa.incidents.services, the same services the pages call."""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from masa.casereads.models import Channel
from masa.casereads.services import read_logged
from masa.core.errors import InvalidInput, StaleRecord
from masa.incidents import selectors
from masa.incidents.clocks import incident_clocks
from masa.incidents.models import SeriousIncident
from masa.incidents.services import incident_record, incident_update

from .authentication import ApiTokenAuthentication
from .permissions import PartnershipCaseAccess
from .serializers import (
    ClockSerializer,
    NotificationChangeSerializer,
    NotificationInSerializer,
    NotificationPageSerializer,
    NotificationSerializer,
    clock_rows,
)

_CHILD_FIELD = re.compile(r"child_(\d)_(ref|age|sex)")
_CHILD_NAMES = {"ref": "pseudonymous_ref", "age": "age_years", "sex": "sex"}
ERRORS = OpenApiResponse(description="Field names mapped to lists of messages")


def field_errors(error: InvalidInput) -> dict[str, list[str]]:
    """The service's field names as the API spells them ("child_2_ref" → "children[1].…")."""
    found = {}
    for field, messages in error.field_errors.items():
        match = _CHILD_FIELD.fullmatch(field)
        if match:
            field = f"children[{int(match[1]) - 1}].{_CHILD_NAMES[match[2]]}"
        found["non_field_errors" if field == "__all__" else field] = list(messages)
    return found


class Pages(PageNumberPagination):
    page_size = 50


class PartnershipApiView(APIView):
    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [PartnershipCaseAccess]
    partnership: Any

    def incident(self, reference: str, page: str) -> SeriousIncident:
        found = (
            SeriousIncident.objects.select_related("partnership")
            .prefetch_related("children")
            .filter(partnership=self.partnership, reference=reference)
            .first()
        )
        if found is None:
            raise Http404
        # DESIGN.md principle 6: every read of a case record is logged, through the API too.
        read_logged(
            self.request,
            partnership=self.partnership,
            channel=Channel.API,
            record_type="notification",
            records=[found],
            what=f"notification {found.reference}" + (f" ({page})" if page != "detail" else ""),
        )
        return found


class NotificationListApi(PartnershipApiView):
    @extend_schema(
        operation_id="notifications_list",
        responses=NotificationPageSerializer,
        summary="The partnership's notifications, newest first, 50 a page",
    )
    def get(self, request: Request, slug: str) -> Response:
        rows = selectors.incidents_for(partnership=self.partnership).prefetch_related("children")
        pages = Pages()
        page = pages.paginate_queryset(rows, request, view=self)
        read_logged(
            request,
            partnership=self.partnership,
            channel=Channel.API,
            record_type="notification",
            records=page or [],
            what=f"list of {len(page or [])} notification{'s' if len(page or []) != 1 else ''}",
        )
        return pages.get_paginated_response(NotificationSerializer(page, many=True).data)

    @extend_schema(
        operation_id="notifications_create",
        request=NotificationInSerializer,
        responses={201: NotificationSerializer, 400: ERRORS},
        summary="Record a serious incident notification with one to four children",
    )
    def post(self, request: Request, slug: str) -> Response:
        parsed = NotificationInSerializer(data=request.data)
        if not parsed.is_valid():
            return Response(parsed.errors, status=status.HTTP_400_BAD_REQUEST)
        data = dict(parsed.validated_data)
        children = [dict(child) for child in data.pop("children")]
        try:
            incident = incident_record(
                partnership=self.partnership, by=request.user, children=children, **data
            )
        except InvalidInput as error:
            return Response(field_errors(error), status=status.HTTP_400_BAD_REQUEST)
        incident = selectors.incident_detail(partnership=self.partnership, pk=incident.pk)
        return Response(NotificationSerializer(incident).data, status=status.HTTP_201_CREATED)


def etag(incident: SeriousIncident) -> str:
    return f'"{incident.version}"'


def if_match(request: Request) -> str | None:
    """The version an If-Match header names (`"3"`, `W/"3"`), or None without one."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        return None
    return header.removeprefix("W/").strip('"') or ""


NO_VERSION = (
    "Send the version you read, so that a change someone else made since is not overwritten: "
    'an If-Match header with the ETag of the notification, or a "version" field'
)


class NotificationDetailApi(PartnershipApiView):
    @extend_schema(operation_id="notifications_retrieve", responses=NotificationSerializer)
    def get(self, request: Request, slug: str, reference: str) -> Response:
        incident = self.incident(reference, "detail")
        return Response(NotificationSerializer(incident).data, headers={"ETag": etag(incident)})

    @extend_schema(
        operation_id="notifications_change",
        request=NotificationChangeSerializer,
        responses={200: NotificationSerializer, 400: ERRORS, 409: ERRORS, 428: ERRORS},
        summary="Change a notification's own fields; refused (409) if it changed since you read it",
    )
    def patch(self, request: Request, slug: str, reference: str) -> Response:
        incident = self.incident(reference, "change")
        parsed = NotificationChangeSerializer(data=request.data, partial=True)
        if not parsed.is_valid():
            return Response(parsed.errors, status=status.HTTP_400_BAD_REQUEST)
        changes = dict(parsed.validated_data)
        expected = if_match(request)
        if expected is None:
            expected = changes.pop("version", None)
        else:
            changes.pop("version", None)
        if expected is None:
            return Response(
                {"non_field_errors": [NO_VERSION]}, status=status.HTTP_428_PRECONDITION_REQUIRED
            )
        try:
            incident = incident_update(
                incident=incident, by=request.user, expected_version=expected, **changes
            )
        except StaleRecord as error:
            return Response(
                {
                    "non_field_errors": [error.message],
                    "version": error.refill.get("expected_version"),
                    "changes": [
                        {"field": c.field, "theirs": c.theirs, "yours": c.yours}
                        for c in error.changes
                    ],
                },
                status=status.HTTP_409_CONFLICT,
            )
        except InvalidInput as error:
            return Response(field_errors(error), status=status.HTTP_400_BAD_REQUEST)
        incident = selectors.incident_detail(partnership=self.partnership, pk=incident.pk)
        return Response(NotificationSerializer(incident).data, headers={"ETag": etag(incident)})


class NotificationClocksApi(PartnershipApiView):
    @extend_schema(
        operation_id="notifications_clocks",
        responses=ClockSerializer(many=True),
        summary="The notification's statutory clocks, each with its explanation",
    )
    def get(self, request: Request, slug: str, reference: str) -> Response:
        incident = self.incident(reference, "clocks")
        clocks = incident_clocks(
            incident, guidance=self.partnership.guidance, today=timezone.localdate()
        )
        return Response(ClockSerializer(clock_rows(incident, clocks), many=True).data)
