from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Assessment, EvidenceLink


class EvidenceLinkInline(admin.TabularInline):
    model = EvidenceLink
    extra = 0
    fields = ("title", "url", "note", "added_by", "added_at")
    readonly_fields = ("added_by", "added_at")


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ("requirement", "partnership", "period_start", "period_end", "status")
    list_filter = ("status", "partnership", "requirement__framework")
    search_fields = ("requirement__id", "partnership_level", "local_authority_level")
    raw_id_fields = ("requirement",)
    readonly_fields = ("assessed_by", "assessed_at")
    inlines = [EvidenceLinkInline]


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(SimpleHistoryAdmin):
    list_display = ("title", "assessment", "url", "added_at")
    raw_id_fields = ("assessment",)
