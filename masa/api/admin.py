from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_hash", "prefix", "last_used_at"]
