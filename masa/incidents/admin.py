"""Operators' admin for notifications: repairs only; everyday changes go through the pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CaseRecordView, IncidentChild, SeriousIncident


class IncidentChildInline(admin.TabularInline):
    model = IncidentChild
    extra = 0


@admin.register(SeriousIncident)
class SeriousIncidentAdmin(SimpleHistoryAdmin):
    list_display = ("reference", "partnership", "became_aware_on", "status")
    list_filter = ("status",)
    inlines = [IncidentChildInline]


@admin.register(CaseRecordView)
class CaseRecordViewAdmin(admin.ModelAdmin):
    list_display = ("incident", "user", "viewed_at", "page")
