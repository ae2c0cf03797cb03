"""Token authentication for a case system: `Authorization: Bearer <key>` (or `Token <key>`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import ApiToken
from .services import key_hash

# Writing last_used_at on every request would make each read a write; a minute is close enough.
TOUCH_EVERY = timedelta(minutes=1)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """A token stands for its partnership, not a person: request.user stays anonymous and
    request.auth is the ApiToken."""

    keywords = ("bearer", "token")

    def authenticate(self, request: Any) -> tuple[AnonymousUser, ApiToken] | None:
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Give the key after the word Bearer")
        key = parts[1].decode(errors="replace")
        token = (
            ApiToken.objects.select_related("partnership").filter(key_hash=key_hash(key)).first()
        )
        if token is None or token.revoked_at is not None:
            raise exceptions.AuthenticationFailed("The token is not valid or has been revoked")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return AnonymousUser(), token

    def authenticate_header(self, request: Any) -> str:
        return "Bearer"


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "masa.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer"}
