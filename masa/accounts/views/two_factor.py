"""Two-factor sign-in: the account page, setting up an authenticator app (QR code and key),
the backup codes shown once, and the sign-in step that asks for a code."""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, verify_token
from django_otp import login as otp_login

from masa.core.errors import InvalidInput

from .. import selectors, services
from ..forms import AuthenticatorCodeForm, TwoFactorCodeForm
from ..middleware import DEVICE_AT_SIGN_IN
from ..models import SignInEvent

NEW_BACKUP_CODES = "masa_new_backup_codes"


def _next(request: HttpRequest, default: str = "partnerships:list") -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse(default)


def _is_verified(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_verified", lambda: False)())


@login_required
def account(request: HttpRequest) -> HttpResponse:
    devices = selectors.two_factor_devices(request.user)  # type: ignore[arg-type]
    return render(
        request,
        "accounts/two_factor.html",
        {
            "page_title": "Two-factor sign-in",
            **devices,
            "required": selectors.two_factor_required_for(request.user),  # type: ignore[arg-type]
        },
    )


def _qr_svg(url: str) -> str:
    # Inline SVG: no script and no external image, so a strict Content-Security-Policy allows it.
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#0b0c0c", light="#ffffff")
    # segno's own markup of a URL built by django-otp: nothing a user typed.
    return mark_safe(svg.replace("<svg ", '<svg role="img" aria-label="QR code to scan" ', 1))


def _grouped(key: str) -> str:
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@login_required
def set_up(request: HttpRequest) -> HttpResponse:
    user = request.user
    # Someone who already has an authenticator app proves it before replacing it: a password
    # alone must never be enough to move the second factor to another phone.
    if selectors.has_two_factor_device(user) and not _is_verified(request):  # type: ignore[arg-type]
        return redirect(f"{reverse('accounts:two-factor-verify')}?next={request.path}")
    device = services.two_factor_device_start(user=user)  # type: ignore[arg-type]
    form = AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.two_factor_confirm(
                device=device,
                token=form.cleaned_data["code"],
                by=user,  # type: ignore[arg-type]
                request=request,
            )
        except InvalidInput as error:
            form.add_service_error(error)
        else:
            otp_login(request, device)
            request.session[DEVICE_AT_SIGN_IN] = True
            request.session[NEW_BACKUP_CODES] = codes
            messages.success(request, "Two-factor sign-in is set up")
            return redirect(f"{reverse('accounts:two-factor-backup-codes')}?next={_next(request)}")
    key = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/two_factor_set_up.html",
        {
            "page_title": "Set up your authenticator app",
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "key": _grouped(key),
            "next": _next(request),
        },
    )


@login_required
def backup_codes(request: HttpRequest) -> HttpResponse:
    """The new backup codes, once: reloading the page shows how many are left, not the codes."""
    codes = request.session.pop(NEW_BACKUP_CODES, None)
    left = selectors.two_factor_devices(request.user)["backup_codes_left"]  # type: ignore[arg-type]
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {
            "page_title": "Your backup codes",
            "codes": codes,
            "left": left,
            "next": _next(request),
        },
    )


@login_required
@require_POST
def backup_codes_create(request: HttpRequest) -> HttpResponse:
    if not _is_verified(request):
        messages.error(request, "Enter a code from your authenticator app first")
        return redirect(
            f"{reverse('accounts:two-factor-verify')}?next={reverse('accounts:two-factor')}"
        )
    request.session[NEW_BACKUP_CODES] = services.backup_codes_create(user=request.user)  # type: ignore[arg-type]
    return redirect("accounts:two-factor-backup-codes")


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the authenticator app or a backup code."""
    user = request.user
    if _is_verified(request):
        return redirect(_next(request))
    devices = list(devices_for_user(user))
    if not devices:
        # Reset by an operator since signing in: the next page asks them to set up again if
        # their role needs it.
        request.session[DEVICE_AT_SIGN_IN] = False
        return redirect(_next(request))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["code"]
        matched = next(
            (d for d in devices if verify_token(user, d.persistent_id, token) is not None), None
        )
        if matched is not None:
            otp_login(request, matched)
            services.sign_in_event_record(
                kind=SignInEvent.Kind.TWO_FACTOR_PASSED,
                request=request,
                user=user,
                detail=matched.name,
            )
            return redirect(_next(request))
        services.sign_in_event_record(
            kind=SignInEvent.Kind.TWO_FACTOR_FAILED, request=request, user=user
        )
        form.add_error(
            "code", "The code is not right, or it has expired. Enter the code your app shows now"
        )
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"page_title": "Enter your two-factor code", "form": form, "next": _next(request)},
    )
