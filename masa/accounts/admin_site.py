"""The operators' admin site: django-otp's OTPAdminSite, which lets in only staff who have
passed two-factor sign-in, with sign-in itself left to MASA's own pages (password, lockout,
single sign-on and the code step all live there)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.admin import AdminSite
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.admin import OTPAdminSite

from .middleware import VERIFY


class MasaAdminSite(OTPAdminSite):
    site_header = "MASA operators"
    site_title = "MASA operators"

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def has_permission(self, request: HttpRequest) -> bool:
        if settings.MASA_TWO_FACTOR_REQUIRED:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if not request.user.is_authenticated:
            query = urlencode({"next": request.GET.get("next") or reverse("admin:index")})
            return redirect(f"{reverse('accounts:sign-in')}?{query}")
        if request.user.is_active and request.user.is_staff:
            # Staff who have not given their code yet
            return redirect(f"{reverse(VERIFY)}?{urlencode({'next': reverse('admin:index')})}")
        raise PermissionDenied
