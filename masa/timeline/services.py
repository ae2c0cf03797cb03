"""The one way to append to the timeline. Called by other apps' services inside their transaction."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import Event


def event_record(
    *,
    by: Any,
    verb: str,
    message: str,
    subject: models.Model | None = None,
    partnership: Any = None,
    data: dict[str, Any] | None = None,
) -> Event:
    actor = by if getattr(by, "is_authenticated", False) else None
    return Event.objects.create(
        actor=actor,
        actor_label=str(actor) if actor else "MASA",
        partnership=partnership,
        verb=verb,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=str(subject.pk) if subject is not None else "",
        subject_label=str(subject)[:300] if subject is not None else "",
        message=message,
        data=data or {},
    )
