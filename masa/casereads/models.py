"""The log of reads of case records (DESIGN.md principle 6): one row per request that showed case
data — who read, which partnership's records, what, through which channel, and when.

Append-only: rows are created and never changed or deleted. The queryset refuses `update()` and
`delete()`, and a saved row refuses `save()` and `delete()` (`CaseReadLocked`), so no code path in
MASA can rewrite the log; the admin shows it read-only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from masa.core.errors import MasaError


class CaseReadLocked(MasaError):
    """An attempt to change or delete a logged read."""


LOCKED = "The log of case record reads is append-only: a read cannot be changed or deleted"


class Channel(models.TextChoices):
    PAGE = "page", "Page"
    LIST = "list", "List"
    EXPORT = "export", "Export"
    API = "api", "API"
    ADMIN = "admin", "Admin"


class CaseReadQuerySet(models.QuerySet["CaseRead"]):
    def update(self, **kwargs: Any) -> int:
        raise CaseReadLocked(LOCKED)

    def delete(self) -> tuple[int, dict[str, int]]:
        raise CaseReadLocked(LOCKED)

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise CaseReadLocked(LOCKED)


class CaseRead(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reader_label = models.CharField(max_length=200)  # kept if the user is removed; "API token 3"
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="case_reads"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    record_type = models.CharField(max_length=60)  # "notification", "rapid review", …
    record_ids = models.JSONField(default=list, blank=True)  # primary keys, as read
    references = models.JSONField(default=list, blank=True)  # "SIN-2025-003", …
    what = models.CharField(
        max_length=300
    )  # "notification SIN-2025-003", "list of 3 notifications"
    path = models.CharField(max_length=500, blank=True)

    objects = CaseReadQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["partnership", "-at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel__in=[c.value for c in Channel]),
                name="case_read_known_channel",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reader_label} read {self.what} ({self.get_channel_display().lower()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise CaseReadLocked(LOCKED)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise CaseReadLocked(LOCKED)
