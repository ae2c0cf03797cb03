"""The log of case record reads in the admin: read-only for everyone, superusers included. Opening
a case record's admin pages is itself logged (`CaseReadAdmin` mixin below)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from .models import CaseRead, Channel
from .services import case_read_record, reference_of


@admin.register(CaseRead)
class CaseReadLogAdmin(admin.ModelAdmin):
    list_display = ("at", "reader_label", "partnership", "channel", "what")
    list_filter = ("channel",)
    search_fields = ("reader_label", "what")
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CaseReadAdmin(admin.ModelAdmin):
    """For the admin of a case model: its list and change pages log what they showed, one row per
    partnership whose records the page showed. `case_record_type` names the records."""

    case_record_type = "case record"

    def partnership_of(self, record: Any) -> Any:
        return record.partnership

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        shown = getattr(response, "context_data", None) or {}
        changelist = shown.get("cl")
        if response.status_code == 200 and changelist is not None:
            by_partnership: dict[Any, list[Any]] = {}
            for record in changelist.result_list:
                by_partnership.setdefault(self.partnership_of(record), []).append(record)
            for partnership, records in by_partnership.items():
                case_read_record(
                    by=request.user,
                    partnership=partnership,
                    channel=Channel.ADMIN,
                    record_type=self.case_record_type,
                    records=records,
                    what=f"admin list of {len(records)} {self.case_record_type}"
                    + ("" if len(records) == 1 else "s"),
                    path=request.get_full_path(),
                )
        return response

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        original = (getattr(response, "context_data", None) or {}).get("original")
        return self._logged(request, response, original, "{type} {ref}")

    def render_history_view(
        self, request: HttpRequest, template: Any, context: dict[str, Any], **kwargs: Any
    ) -> HttpResponse:
        """Model history's page (simple_history's admin, after this class): a read too."""
        response = super().render_history_view(request, template, context, **kwargs)  # type: ignore[misc]
        return self._logged(request, response, context.get("object"), "history of {type} {ref}")

    def _logged(self, request: HttpRequest, response: Any, record: Any, what: str) -> HttpResponse:
        if response.status_code == 200 and isinstance(record, self.model):
            case_read_record(
                by=request.user,
                partnership=self.partnership_of(record),
                channel=Channel.ADMIN,
                record_type=self.case_record_type,
                records=[record],
                what=what.format(type=self.case_record_type, ref=reference_of(record)),
                path=request.get_full_path(),
            )
        return response
