"""Operators' admin. Learning themes are managed here (retire, never delete); everything else is
repairs only: everyday changes go through the pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, ActionSignOff, ActionUpdate, LearningTheme, Recommendation


@admin.register(LearningTheme)
class LearningThemeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "retired")
    list_filter = ("retired",)
    prepopulated_fields = {"slug": ("name",)}

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # retire a theme instead: recommendations keep pointing at it


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ("reference", "partnership", "made_on", "status")
    list_filter = ("status",)
    filter_horizontal = ("themes",)


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0


class ActionSignOffInline(admin.TabularInline):
    """Read-only: a partner signs off only through the service that checks the signer holds the
    partner's signing role that day (masa.accounts.signing)."""

    model = ActionSignOff
    fields = ("partner_type", "by", "by_label", "at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ("id", "recommendation", "owner", "due_on", "status")
    list_filter = ("status",)
    raw_id_fields = ("recommendation", "owner", "partnership")
    inlines = [ActionUpdateInline, ActionSignOffInline]
