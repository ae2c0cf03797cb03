"""Operators' admin for notifications: repairs only; everyday changes go through the pages. Its
list and change pages are logged as reads of case records."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from masa.casereads.admin import CaseReadAdmin

from .models import IncidentChild, SeriousIncident


class IncidentChildInline(admin.TabularInline):
    model = IncidentChild
    extra = 0


@admin.register(SeriousIncident)
class SeriousIncidentAdmin(CaseReadAdmin, SimpleHistoryAdmin):
    list_display = ("reference", "partnership", "became_aware_on", "status")
    list_filter = ("status",)
    list_select_related = ("partnership",)
    inlines = [IncidentChildInline]
    case_record_type = "notification"
