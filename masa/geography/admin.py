"""Read-only admin: geography is reference data, changed only by `masa geography load`."""

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import IcbOverlap, IntegratedCareBoard, LocalAuthority, PoliceForceArea


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class IcbOverlapInline(ReadOnlyMixin, admin.TabularInline):
    model = IcbOverlap
    fields = ("icb", "lsoa_share")
    readonly_fields = fields
    extra = 0


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("name", "code", "previous_code", "dfe_code", "region_name", "la_type")
    list_filter = ("region_name", "la_type")
    search_fields = ("name", "code", "previous_code", "dfe_code", "mysociety_code")
    inlines = [IcbOverlapInline]


@admin.register(PoliceForceArea)
class PoliceForceAreaAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")


@admin.register(IntegratedCareBoard)
class IntegratedCareBoardAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("name", "code", "ods_code")
    search_fields = ("name", "code", "ods_code")
