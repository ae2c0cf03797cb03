"""Writes for API tokens. The key is random, shown once and stored only as its SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from masa.core.errors import InvalidInput
from masa.partnerships.models import Partnership
from masa.timeline.services import event_record

from .models import ApiToken


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, partnership: Partnership, name: str, by: Any) -> tuple[ApiToken, str]:
    """A new token and its key; the key is not kept anywhere, so the caller shows it once."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput("Enter a name for the token", {"name": ["Enter a name for the token"]})
    if len(name) > 100:
        message = "The name must be 100 characters or fewer"
        raise InvalidInput(message, {"name": [message]})
    key = "masa_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        partnership=partnership,
        name=name,
        key_hash=key_hash(key),
        prefix=key[5:13],
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    event_record(
        by=by,
        verb="api_token.created",
        message=f"Created API token {name}",
        subject=token,
        partnership=partnership,
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: Any) -> ApiToken:
    if token.revoked_at is not None:
        raise InvalidInput(f"{token.name} is already revoked")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    event_record(
        by=by,
        verb="api_token.revoked",
        message=f"Revoked API token {token.name}",
        subject=token,
        partnership=token.partnership,
    )
    return token
