"""Recommendations (from a review, scrutiny or an audit) and the actions that carry them out, with
their progress updates, evidence and the partners' sign-off; learning themes as a managed taxonomy.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from masa.core.models import TimeStampedModel
from masa.core.versioning import Versioned

from .workflow import ACTION_DONE, TAGS, ActionStatus, RecommendationStatus


class LearningTheme(TimeStampedModel):
    """A theme of learning across reviews. Edited in the admin; retired, never deleted."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    retired = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Recommendation(Versioned, TimeStampedModel):
    """A recommendation the partnership must answer. `source` is whatever made it (a practice
    review, a scrutiny finding, an audit); `source_label` names it for people and for sources
    not yet recorded in MASA."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="recommendations"
    )
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_id = models.CharField(max_length=64, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField(max_length=200)
    reference = models.CharField(max_length=40)
    text = models.TextField()
    themes = models.ManyToManyField(LearningTheme, related_name="recommendations", blank=True)
    made_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN
    )
    rejected_reason = models.TextField(blank=True)
    signed_off_on = models.DateField(
        null=True, blank=True, help_text="The day the safeguarding partners signed it off."
    )
    signed_off_note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-made_on", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference"], name="recommendation_unique_reference"
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejected_reason=""),
                name="recommendation_rejected_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def tag_class(self) -> str:
        return TAGS.get(self.status, "govuk-tag--grey")


class Action(Versioned, TimeStampedModel):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="actions"
    )
    # Denormalised from the recommendation for the list and overdue queries; services keep it equal.
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="actions"
    )
    text = models.TextField()
    owner = models.ForeignKey(
        "partnerships.Organisation", on_delete=models.PROTECT, related_name="actions"
    )
    owner_role = models.CharField(max_length=200, blank=True)
    due_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["partnership", "status", "due_on"], name="action_overdue_idx"),
            models.Index(fields=["partnership", "due_on", "id"], name="action_list_idx"),
            models.Index(fields=["partnership", "owner", "due_on"], name="action_owner_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation.reference} action {self.pk}"

    @property
    def tag_class(self) -> str:
        return TAGS.get(self.status, "govuk-tag--grey")

    def overdue_on(self, today: date) -> bool:
        return self.due_on < today and self.status not in ACTION_DONE


class UpdateKind(models.TextChoices):
    PROGRESS = "progress", "Progress"
    IMPLEMENTATION_EVIDENCE = "implementation_evidence", "Evidence of implementation"
    IMPACT_EVIDENCE = "impact_evidence", "Evidence of impact"


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField()
    text = models.TextField()
    kind = models.CharField(max_length=30, choices=UpdateKind.choices)
    link = models.URLField(blank=True, max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_label = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on:%-d %b %Y}"


class SignOffPartner(models.TextChoices):
    LA = "la", "Local authority"
    ICB = "icb", "Integrated care board"
    POLICE = "police", "Police"


class ActionSignOff(models.Model):
    """One safeguarding partner's sign-off of an action's impact (all three close it)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="sign_offs")
    partner_type = models.CharField(max_length=10, choices=SignOffPartner.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_label = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["partner_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "partner_type"], name="action_one_sign_off_per_partner"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_partner_type_display()} signed off"
