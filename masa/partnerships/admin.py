"""Operators' admin for the registry. Changes here skip the services (no timeline event), so it is
for repairs; everyday edits go through the registry pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Board,
    Organisation,
    Partnership,
    PartnershipArea,
    Priority,
    RelevantAgency,
    RoleAssignment,
    StatutoryPartner,
)


class PartnershipAreaInline(admin.TabularInline):
    model = PartnershipArea
    extra = 0
    raw_id_fields = ["local_authority"]


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "guidance", "parent", "is_fictional")
    list_filter = ("guidance", "is_fictional")
    search_fields = ("name", "short_name", "slug")
    autocomplete_fields = ["parent"]
    inlines = [PartnershipAreaInline]


@admin.register(PartnershipArea)
class PartnershipAreaAdmin(SimpleHistoryAdmin):
    list_display = ("local_authority", "partnership", "start", "end")
    list_filter = ("partnership",)
    search_fields = ("local_authority__name", "local_authority__code", "partnership__name")
    autocomplete_fields = ["partnership"]
    raw_id_fields = ["local_authority"]  # geography rows: reference data, looked up by code


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "schedule_paragraph", "local_authority", "icb", "police_force")
    list_filter = ("kind", "schedule_paragraph")
    search_fields = ("name",)
    raw_id_fields = ["local_authority", "icb", "police_force"]


@admin.register(StatutoryPartner)
class StatutoryPartnerAdmin(SimpleHistoryAdmin):
    list_display = ("organisation", "partner_type", "partnership", "start", "end")
    list_filter = ("partner_type", "partnership")
    search_fields = ("organisation__name", "partnership__name")
    autocomplete_fields = ["partnership", "organisation"]


@admin.register(RelevantAgency)
class RelevantAgencyAdmin(SimpleHistoryAdmin):
    list_display = ("organisation", "partnership", "start", "end")
    list_filter = ("partnership",)
    search_fields = ("organisation__name", "partnership__name")
    autocomplete_fields = ["partnership", "organisation"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(SimpleHistoryAdmin):
    list_display = (
        "role",
        "job_title",
        "person_name",
        "partner_type",
        "partnership",
        "start",
        "end",
    )
    list_filter = ("role", "partner_type", "partnership")
    search_fields = ("job_title", "person_name", "partnership__name")
    autocomplete_fields = ["partnership", "organisation", "held_by_delegate", "user"]


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "partnership", "parent", "includes_education")
    list_filter = ("kind", "includes_education", "partnership")
    search_fields = ("name", "partnership__name")
    autocomplete_fields = ["partnership", "parent"]


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ("title", "partnership", "position", "start", "end")
    list_filter = ("partnership",)
    search_fields = ("title", "partnership__name")
    autocomplete_fields = ["partnership"]
