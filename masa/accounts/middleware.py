"""Two-factor sign-in enforced on every page: a signed-in person who still owes a code (or has
not set up an authenticator app that their role requires) sees only the pages that get them
there, and the API answers 403 to their session."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .selectors import has_two_factor_device, two_factor_required_for

# Session keys: whether the user had a confirmed device when they signed in, and whether they
# signed in through single sign-on (which may count as the second factor).
DEVICE_AT_SIGN_IN = "masa_two_factor_device"
SIGNED_IN_WITH_SSO = "masa_signed_in_with_sso"

VERIFY, SET_UP = "accounts:two-factor-verify", "accounts:two-factor-set-up"
_OPEN = (
    "accounts:sign-out",
    "accounts:signed-out",
    VERIFY,
    SET_UP,
    "core:accessibility",
    "core:healthz",
)


def two_factor_step(request: HttpRequest) -> str | None:
    """The page the signed-in user must pass through first (VERIFY or SET_UP), or None."""
    user = request.user
    if not user.is_authenticated:
        return None
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return None
    if settings.MASA_OIDC_SATISFIES_TWO_FACTOR and request.session.get(SIGNED_IN_WITH_SSO):
        return None
    if request.session.get(DEVICE_AT_SIGN_IN):
        return VERIFY
    if settings.MASA_TWO_FACTOR_REQUIRED and two_factor_required_for(user):  # type: ignore[arg-type]
        return VERIFY if has_two_factor_device(user) else SET_UP  # type: ignore[arg-type]
    return None


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._open(request.path_info):
            step = two_factor_step(request)
            if step is not None:
                return self._send_to(step, request)
        return self.get_response(request)

    @staticmethod
    def _open(path: str) -> bool:
        if path.startswith(settings.STATIC_URL):
            return True
        return any(path == reverse(name) for name in _OPEN)

    @staticmethod
    def _send_to(step: str, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"detail": "Finish signing in with your two-factor code first."}, status=403
            )
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(step)}?{query}")
