"""Single sign-on with Microsoft Entra ID over OpenID Connect (mozilla-django-oidc).

A person signs in with Microsoft only into an account an operator has already made: the email
address Entra vouches for must belong to exactly one active MASA user. Nobody is created, because
membership of a partnership is granted by operators, not by signing in.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import User

log = logging.getLogger(__name__)


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


def email_from(claims: dict[str, Any]) -> str:
    # Entra puts the address in `email` when the tenant sets it, else the sign-in name in
    # `preferred_username` (an address for work accounts).
    for name in ("email", "preferred_username"):
        value = str(claims.get(name) or "").strip()
        if "@" in value:
            return value
    return ""


class MasaOIDCBackend(OIDCAuthenticationBackend):
    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The signature and nonce (checked by the library), then what it leaves out: the token
        is for this client, from the configured tenant, and says when it expires."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token was issued for another application")
        issuer = settings.MASA_OIDC_ISSUER
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("The ID token comes from another tenant")
        if "exp" not in payload:
            raise SuspiciousOperation("The ID token has no expiry")
        return payload

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        # The ID token's claims, with what the userinfo endpoint adds on top.
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(email_from(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = email_from(claims)
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            log.warning("Single sign-on refused: the provider gave no email address")
            return None
        users = list(self.filter_users_by_claims(claims)[:2])
        if len(users) != 1:
            # None: no account (operators add people); two: an address shared by two accounts,
            # which cannot say who this is.
            log.warning("Single sign-on refused: %d active accounts match", len(users))
            return None
        return users[0]
