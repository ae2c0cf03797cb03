"""Writes about signing in: the sign-in log and the two-factor devices."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from masa.core.errors import refuse

from .addresses import client_ip, user_agent
from .models import SignInEvent, User

BACKUP_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"


def sign_in_event_record(
    *,
    kind: str,
    request: HttpRequest | None = None,
    username: str = "",
    user: Any = None,
    detail: str = "",
) -> SignInEvent:
    """Append one line to the sign-in log. The only writer of SignInEvent."""
    known = user if getattr(user, "pk", None) else None
    return SignInEvent.objects.create(
        kind=kind,
        username=(username or (known.get_username() if known else ""))[:150],
        user=known,
        address=client_ip(request) if request is not None else None,
        user_agent=user_agent(request) if request is not None else "",
        detail=detail[:200],
        at=timezone.now(),
    )


@transaction.atomic
def two_factor_device_start(*, user: User) -> TOTPDevice:
    """The authenticator app being set up: unconfirmed until its first code is entered. One at
    a time: starting again keeps the same key, so a QR code already scanned still works."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def backup_codes_create(*, user: User) -> list[str]:
    """Replace the user's backup codes with new ones and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def two_factor_confirm(
    *, device: TOTPDevice, token: str, by: User, request: HttpRequest | None = None
) -> list[str]:
    """Confirm the authenticator app with its first code: it replaces any earlier one, and new
    backup codes replace the old. Returns the backup codes. A wrong code changes nothing."""
    if device.user_id != by.pk or device.confirmed:
        raise refuse("code", "Start setting up your authenticator app again")
    if not device.verify_token(token):
        raise refuse("code", "Enter the 6-digit code your authenticator app shows now")
    TOTPDevice.objects.filter(user=by).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = backup_codes_create(user=by)
    sign_in_event_record(kind=SignInEvent.Kind.TWO_FACTOR_SET_UP, request=request, user=by)
    return codes


@transaction.atomic
def two_factor_reset(*, user: User, by: Any, request: HttpRequest | None = None) -> None:
    """Remove the user's authenticator app and backup codes: they set it up again when they next
    sign in (if their role needs it). Done by an operator when a phone is lost."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    sign_in_event_record(
        kind=SignInEvent.Kind.TWO_FACTOR_RESET,
        request=request,
        user=user,
        detail=f"by {by.get_username()}" if getattr(by, "pk", None) else "",
    )
