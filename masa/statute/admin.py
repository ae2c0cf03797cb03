"""Read-only admin: the statute library changes only in YAML, then `masa statute sync`."""

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import Framework, RelevantAgencyCategory, Requirement


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("id", "short_title", "kind", "in_force_from", "in_force_until", "supersedes")
    list_filter = ("kind",)
    search_fields = ("id", "title", "short_title")


@admin.register(Requirement)
class RequirementAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("id", "framework", "level", "holder", "topic", "content_of", "retired")
    list_filter = (
        "framework",
        "level",
        "holder",
        "topic",
        "content_of",
        "confidence",
        "lineage_change",
        "retired",
    )
    search_fields = ("id", "summary", "citation", "note")
    list_select_related = ("framework",)
    raw_id_fields = ("lineage_from",)


@admin.register(RelevantAgencyCategory)
class RelevantAgencyCategoryAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ("paragraph", "heading", "description")
    list_filter = ("heading",)
    search_fields = ("description",)
