"""The compliance matrix's own records: a partnership's assessment of one requirement for one
reporting period, and the evidence linked to it.

Where a requirement names a derivation rule (`evidence: derived:<rule>`) its status comes from the
registry, never from here; the assessment then carries only the narratives and evidence links
(ADR 0008). An assessment's period is twelve months, by default the April–March financial year.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from masa.core.versioning import Versioned


class Status(models.TextChoices):
    """DESIGN.md: the fixed status words."""

    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"
    NOT_ASSESSED = "not_assessed", "Not assessed"


class Assessment(Versioned):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="assessments"
    )
    requirement = models.ForeignKey(
        "statute.Requirement", on_delete=models.PROTECT, related_name="assessments"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_ASSESSED)
    partnership_level = models.TextField(
        "at partnership level",
        blank=True,
        help_text="How the duty is discharged by the partners at partnership level.",
    )
    local_authority_level = models.TextField(
        "at local-authority level",
        blank=True,
        help_text="How the duty is discharged in each local authority area.",
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "requirement", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "requirement", "period_start"],
                name="assessment_one_per_period",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="assessment_period_order"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in Status]), name="assessment_status_word"
            ),
        ]
        indexes = [
            models.Index(
                fields=["partnership", "period_start", "period_end"],
                name="assessment_partnership_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requirement_id} for {self.partnership} from {self.period_start:%d %b %Y}"


class EvidenceLink(models.Model):
    """A document or record that evidences an assessment: a web address, a note, or both."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="evidence_links"
    )
    title = models.CharField(max_length=200)
    url = models.URLField("web address", max_length=500, blank=True)
    note = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(note=""), name="evidence_link_url_or_note"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def as_text(self) -> str:
        """One line for exports: `Title — https://…` or `Title — the note`."""
        return " — ".join(part for part in (self.title, self.url or self.note) if part)
