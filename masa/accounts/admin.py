from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership, SignInEvent, User
from .services import two_factor_reset

# Operators reset a person's second factor; they never see its secret key or backup codes.
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class MasaUserAdmin(UserAdmin, SimpleHistoryAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), ("MASA", {"fields": ("job_title",)}))
    inlines = [MembershipInline]
    list_display = ("username", "job_title", "email", "is_staff", "is_active")
    actions = ["reset_two_factor"]

    @admin.action(description="Reset two-factor sign-in (they set it up again)")
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            two_factor_reset(user=user, by=request.user, request=request)
        self.message_user(
            request,
            f"Two-factor sign-in reset for {queryset.count()} "
            f"{'person' if queryset.count() == 1 else 'people'}",
            messages.SUCCESS,
        )


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "partnership", "role", "organisation", "is_active")
    list_filter = ("role", "is_active", "partnership")
    search_fields = ("user__username", "partnership__name")


@admin.register(SignInEvent)
class SignInEventAdmin(admin.ModelAdmin):
    """Read-only: the sign-in log is written by MASA alone and never edited or deleted."""

    list_display = ("at", "kind", "username", "user", "address", "detail")
    list_filter = ("kind",)
    search_fields = ("username", "user__username", "address")
    date_hierarchy = "at"
    list_select_related = ("user",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
