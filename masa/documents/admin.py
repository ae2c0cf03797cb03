"""Operators' admin: repairs only. Everyday changes go through the pages, whose services void
signatures and write the timeline; a published version is frozen, so it is read-only here too."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Document, DocumentVersion, Section, Signature


class VersionInline(admin.TabularInline):
    model = DocumentVersion
    fields = ("number", "status", "framework", "title", "published_on")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "partnership", "kind", "period_start")
    list_filter = ("kind",)
    inlines = [VersionInline]


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0


class SignatureInline(admin.TabularInline):
    """Read-only: a signature is made only by its signer, through the service that checks they
    hold the partner's signing role that day (masa.accounts.signing)."""

    model = Signature
    fields = (
        "partner_type",
        "by",
        "by_label",
        "job_title",
        "signed_at",
        "voided_at",
        "void_reason",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(DocumentVersion)
class DocumentVersionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "status", "framework", "published_on")
    list_filter = ("status", "framework")
    raw_id_fields = ("document", "published_by", "created_by")
    inlines = [SectionInline, SignatureInline]

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        if obj is not None and obj.is_frozen:
            return [f.name for f in self.model._meta.fields]
        return super().get_readonly_fields(request, obj)
