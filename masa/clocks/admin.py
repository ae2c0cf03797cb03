from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ClockEvent


@admin.register(ClockEvent)
class ClockEventAdmin(SimpleHistoryAdmin):
    list_display = ("rule", "kind", "subject_type", "subject_id", "partnership", "at")
    list_filter = ("kind",)
