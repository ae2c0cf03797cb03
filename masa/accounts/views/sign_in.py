"""Signing in and out with a password, and the page a locked-out person sees."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ..forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}


class SignOutView(auth_views.LogoutView):
    pass


def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html", {"page_title": "You have signed out"})


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """django-axes calls this instead of the sign-in page once too many attempts have failed
    for the username or from the address (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request) or settings.AXES_COOLOFF_TIME
    try_again_at = timezone.localtime(timezone.now() + cool_off)
    minutes = max(1, round(cool_off.total_seconds() / 60))
    return render(
        request,
        "accounts/locked_out.html",
        {
            "page_title": "You cannot sign in for now",
            "try_again_at": try_again_at,
            "minutes": minutes,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
        status=429,  # Too Many Requests, as AXES_HTTP_RESPONSE_CODE
    )
