"""The statute library in the database: a synced copy of `masa/statute/data/*.yaml`.

The YAML files are the source; `services.statute_sync()` upserts them here so that assessments,
documents and pages can join to requirements. Requirements that leave the YAML are retired, never
deleted, so past assessments keep their row. Clock rules stay in the loader (`load_library().clocks`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from django.db import models
from simple_history.models import HistoricalRecords

from .schema import (
    COMMENCEMENT_STATUSES,
    CONFIDENCES,
    CONTENT_LISTS,
    DERIVATION_RULES,
    FRAMEWORK_KINDS,
    HOLDERS,
    LEVELS,
    LINEAGE_CHANGES,
    SCHEDULE_HEADINGS,
    TOPICS,
)


def _choices(name: str, vocabulary: Mapping[str, str]) -> type[models.TextChoices]:
    """TextChoices built from a schema vocabulary, so the YAML and the database share one list."""
    members = [
        (value.upper().replace("-", "_"), (value, label)) for value, label in vocabulary.items()
    ]
    return models.TextChoices(name, members)  # type: ignore[call-overload,no-any-return]


Kind = _choices("Kind", FRAMEWORK_KINDS)
Level = _choices("Level", LEVELS)
Holder = _choices("Holder", HOLDERS)
Topic = _choices("Topic", TOPICS)
ContentList = _choices("ContentList", CONTENT_LISTS)
Confidence = _choices("Confidence", CONFIDENCES)
LineageChange = _choices("LineageChange", LINEAGE_CHANGES)
Derivation = _choices("Derivation", {name: name.replace("_", " ") for name in DERIVATION_RULES})
ScheduleHeading = _choices("ScheduleHeading", SCHEDULE_HEADINGS)
Commencement = _choices("Commencement", COMMENCEMENT_STATUSES)


class Framework(models.Model):
    """One source: an Act, a set of Regulations or an edition of the guidance."""

    id = models.CharField(primary_key=True, max_length=40)
    title = models.CharField(max_length=250)
    short_title = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    in_force_from = models.DateField()
    in_force_until = models.DateField(null=True, blank=True)
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    url = models.URLField(max_length=300, blank=True)
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["in_force_from", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(in_force_until__isnull=True)
                | models.Q(in_force_until__gte=models.F("in_force_from")),
                name="statute_framework_in_force_order",
            ),
        ]

    def __str__(self) -> str:
        return self.short_title

    @property
    def replaced_on(self) -> date | None:
        """The day after `in_force_until` (its last day in force): the day it was replaced."""
        return self.in_force_until + timedelta(days=1) if self.in_force_until else None


class Requirement(models.Model):
    """One duty, power or expectation, with its level, holder, topic and citation."""

    id = models.CharField(primary_key=True, max_length=120)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="requirements")
    level = models.CharField(max_length=10, choices=Level.choices)
    holder = models.CharField(max_length=40, choices=Holder.choices)
    topic = models.CharField(max_length=30, choices=Topic.choices)
    summary = models.TextField()
    citation = models.CharField(max_length=200)
    clock_rule = models.CharField(
        max_length=80, blank=True, help_text="A clock rule id in the library."
    )
    content_of = models.CharField(max_length=30, choices=ContentList.choices, blank=True)
    evidence = models.CharField(max_length=60, help_text="manual, record or derived:<rule>")
    derivation = models.CharField(max_length=40, choices=Derivation.choices, blank=True)
    confidence = models.CharField(max_length=20, choices=Confidence.choices)
    lineage_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="successors"
    )
    lineage_change = models.CharField(max_length=10, choices=LineageChange.choices, blank=True)
    note = models.TextField(blank=True)
    position = models.PositiveIntegerField(help_text="Order within its framework's file.")
    retired = models.BooleanField(
        default=False, help_text="No longer in the YAML; kept for history."
    )
    commencement = models.CharField(
        max_length=30,
        choices=Commencement.choices,
        blank=True,
        help_text="Empty: in force with its source. Awaiting regulations: not yet in force.",
    )
    commenced_on = models.DateField(null=True, blank=True)
    commencement_note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework__in_force_from", "framework_id", "position"]
        indexes = [
            models.Index(fields=["framework", "topic"], name="statute_req_framework_topic"),
            models.Index(fields=["framework", "content_of"], name="statute_req_framework_doc"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=list(LEVELS)), name="statute_requirement_level"
            ),
            models.CheckConstraint(
                condition=models.Q(derivation="") | models.Q(evidence__startswith="derived:"),
                name="statute_requirement_derivation_is_derived",
            ),
        ]

    def __str__(self) -> str:
        return self.id

    def in_force_on(self, day: date) -> bool:
        """False while commencement awaits regulations, or before the commencement day."""
        if self.commencement == "awaiting_regulations":
            return False
        return self.commenced_on is None or self.commenced_on <= day

    @property
    def commencement_label(self) -> str:
        return COMMENCEMENT_STATUSES.get(self.commencement, "")


class RelevantAgencyCategory(models.Model):
    """A paragraph of the Schedule to SI 2018/789: a kind of body that can be a relevant agency."""

    paragraph = models.PositiveSmallIntegerField(primary_key=True)
    heading = models.CharField(max_length=30, choices=ScheduleHeading.choices)
    description = models.TextField()
    citation = models.CharField(max_length=60)

    history = HistoricalRecords()

    class Meta:
        ordering = ["paragraph"]
        verbose_name_plural = "relevant agency categories"

    def __str__(self) -> str:
        return f"{self.paragraph}. {self.description}"
