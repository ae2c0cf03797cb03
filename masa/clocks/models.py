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


DEFAULT_LEAD_DAYS = "5,1"
OVERDUE = "overdue"  # the lead of a reminder sent after the due date has passed


def default_roles() -> list[str]:
    return ["business_manager"]


def default_overdue_roles() -> list[str]:
    return ["business_manager", "chair"]


class ReminderSettings(models.Model):
    """When `masa clocks remind` writes to a partnership, and to whom. A partnership without a row
    gets the defaults (`reminder_settings_for`)."""

    partnership = models.OneToOneField(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="reminder_settings"
    )
    lead_days = models.CharField(max_length=60, default=DEFAULT_LEAD_DAYS)  # "5,1": days before due
    send_overdue = models.BooleanField(default=True)
    roles = models.JSONField(default=default_roles)  # membership roles told before the due date
    overdue_roles = models.JSONField(default=default_overdue_roles)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Reminders for {self.partnership}: {self.lead_days} days before"

    @property
    def leads(self) -> list[int]:
        """The lead times in days, largest first."""
        return sorted({int(d) for d in self.lead_days.split(",") if d.strip()}, reverse=True)


class Reminder(models.Model):
    """One clock's reminder sent to one person. The unique key makes `masa clocks remind`
    idempotent: a second run finds the row and sends nothing; a due date that moves (a pause or an
    extension) is a new key, so it gets its own reminder."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="reminders"
    )
    subject_key = models.CharField(max_length=300)  # the clock's subject_url
    rule = models.CharField(max_length=120)
    due = models.DateField()
    lead = models.CharField(max_length=10)  # days before due ("5") or "overdue"
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_key", "rule", "due", "lead", "recipient"],
                name="reminder_once_per_clock_due_lead_recipient",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_key} {self.rule} due {self.due} ({self.lead}) to {self.recipient}"
