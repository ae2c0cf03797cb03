"""Pauses and extensions of a statutory clock, recorded as events with a reason (DESIGN.md
principle 2). Nothing stores or edits a due date: it is recomputed from the trigger date, the rule
and these events."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class ClockEventKind(models.TextChoices):
    PAUSE = "pause", "Pause"
    EXTENSION = "extension", "Extension"


class ClockEvent(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="clock_events"
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    rule = models.CharField(max_length=120)  # a clock id in the statute library
    kind = models.CharField(max_length=10, choices=ClockEventKind.choices)
    from_date = models.DateField(null=True, blank=True)  # pause: first paused day
    to_date = models.DateField(null=True, blank=True)  # pause: last paused day (included)
    days = models.PositiveSmallIntegerField(null=True, blank=True)  # extension: in the rule's unit
    reason = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["partnership", "subject_type", "subject_id"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="pause",
                        from_date__isnull=False,
                        to_date__gte=F("from_date"),
                        days__isnull=True,
                    )
                    | Q(kind="extension", days__gte=1, from_date__isnull=True, to_date__isnull=True)
                ),
                name="clock_event_pause_or_extension",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="clock_event_reason_required"),
        ]

    def __str__(self) -> str:
        if self.kind == ClockEventKind.PAUSE:
            return f"{self.rule} paused {self.from_date}–{self.to_date}: {self.reason}"
        return f"{self.rule} extended by {self.days}: {self.reason}"
