"""The sign-in log listens to Django's and django-axes's sign-in signals: they are the one place
every way of signing in (the sign-in page, the admin, single sign-on) passes through."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .middleware import DEVICE_AT_SIGN_IN
from .models import SignInEvent
from .selectors import has_two_factor_device
from .services import sign_in_event_record


@receiver(user_logged_in, dispatch_uid="masa_signed_in")
def _signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None:
        return
    via = "Microsoft single sign-on" if "oidc" in str(getattr(user, "backend", "")) else ""
    sign_in_event_record(kind=SignInEvent.Kind.SIGNED_IN, request=request, user=user, detail=via)
    # Anyone who set up an authenticator app is asked for its code, whatever their role.
    if hasattr(request, "session"):
        request.session[DEVICE_AT_SIGN_IN] = has_two_factor_device(user)


@receiver(user_login_failed, dispatch_uid="masa_sign_in_failed")
def _failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    username = str(credentials.get("username") or "")
    detail = "" if username else "single sign-on"
    sign_in_event_record(
        kind=SignInEvent.Kind.FAILED, request=request, username=username, detail=detail
    )


@receiver(user_logged_out, dispatch_uid="masa_signed_out")
def _signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        sign_in_event_record(kind=SignInEvent.Kind.SIGNED_OUT, request=request, user=user)


@receiver(user_locked_out, dispatch_uid="masa_locked_out")
def _locked_out(sender: Any, request: Any, username: str | None, ip_address: str, **kwargs: Any):
    sign_in_event_record(
        kind=SignInEvent.Kind.LOCKED_OUT, request=request, username=str(username or "")
    )
