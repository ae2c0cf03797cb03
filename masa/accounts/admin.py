from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class MasaUserAdmin(UserAdmin, SimpleHistoryAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), ("MASA", {"fields": ("job_title",)}))
    inlines = [MembershipInline]
    list_display = ("username", "job_title", "email", "is_staff", "is_active")


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "partnership", "role", "organisation", "is_active")
    list_filter = ("role", "is_active", "partnership")
    search_fields = ("user__username", "partnership__name")
