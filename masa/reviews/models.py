"""Rapid reviews (WT2018 ch4 / WT2023 ch5) and local child safeguarding practice reviews (CA2004
s.16F; SI 2018/789 regs 11-17). Case records: the minimum personal data, every read logged."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from masa.core.models import TimeStampedModel
from masa.core.versioning import Versioned

from .workflow import PracticeStatus, RapidStatus

DEFAULT_CHECKPOINT_WEEKS = 6


class ClockBasis(models.TextChoices):
    # RR-02: Panel guidance counts from the notification; some procedures from the partners' awareness
    NOTIFICATION_SENT = "notification_sent", "The date the notification was sent to the Panel"
    PARTNERS_AWARE = "partners_aware", "The date the safeguarding partners became aware"


class ReviewSettings(models.Model):
    partnership = models.OneToOneField(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="review_settings"
    )
    rapid_review_clock_basis = models.CharField(
        max_length=20, choices=ClockBasis.choices, default=ClockBasis.NOTIFICATION_SENT
    )
    include_working_day_reading = models.BooleanField(default=False)
    notify_ofsted = models.BooleanField(default=False)
    checkpoint_interval_weeks = models.PositiveSmallIntegerField(default=DEFAULT_CHECKPOINT_WEEKS)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(checkpoint_interval_weeks__gte=1, checkpoint_interval_weeks__lte=52),
                name="review_checkpoint_interval_1_52",
            )
        ]

    def __str__(self) -> str:
        return f"Review settings of {self.partnership}"


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNCLEAR = "unclear", "Unclear"


class Decision(models.TextChoices):
    LOCAL_REVIEW = "local_review", "Local child safeguarding practice review"
    NO_LOCAL_REVIEW = "no_local_review", "No local review"
    REFER_NATIONAL = "refer_national", "Refer to the Panel for national review consideration"


# SI 2018/789 reg 11: each criterion is taken into account
CRITERIA = (
    ("a", "Highlights or may highlight improvements needed, including ones already identified"),
    ("b", "Highlights or may highlight recurrent themes in safeguarding children"),
    ("c", "Highlights or may highlight concerns about two or more agencies working together"),
    ("d", "The Panel considered it and concluded a local review may be more appropriate"),
)


class RapidReview(Versioned, TimeStampedModel):
    incident = models.OneToOneField(
        "incidents.SeriousIncident", on_delete=models.PROTECT, related_name="rapid_review"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="rapid_reviews"
    )
    clock_start_basis = models.CharField(max_length=20, choices=ClockBasis.choices)
    started_on = models.DateField()
    facts = models.TextField(blank=True)
    immediate_safety_actions = models.TextField(blank=True)
    learning_identified = models.TextField(blank=True)
    criterion_a = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    criterion_a_note = models.TextField(blank=True)
    criterion_b = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    criterion_b_note = models.TextField(blank=True)
    criterion_c = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    criterion_c_note = models.TextField(blank=True)
    criterion_d = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    criterion_d_note = models.TextField(blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_rationale = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    sent_to_panel_on = models.DateField(null=True, blank=True)
    panel_response_on = models.DateField(null=True, blank=True)
    panel_response = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=RapidStatus.choices, default=RapidStatus.OPEN)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="") | ~Q(decision_rationale=""),
                name="rapid_review_decision_has_rationale",
            )
        ]

    def __str__(self) -> str:
        return f"Rapid review of {self.incident}"

    def criteria(self) -> list[tuple[str, str, str, str]]:
        """(letter, wording, answer label, note) for reg 11 (a)-(d)."""
        labels = dict(Answer.choices)
        return [
            (
                letter,
                text,
                str(labels.get(getattr(self, f"criterion_{letter}"), "Not yet considered")),
                getattr(self, f"criterion_{letter}_note"),
            )
            for letter, text in CRITERIA
        ]


class Publication(models.TextChoices):
    FULL = "full", "Full report (CA2004 s.16F(4))"
    IMPROVEMENTS_ONLY = "improvements_only", "Improvements information only (s.16F(5))"


class PracticeReview(Versioned, TimeStampedModel):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="practice_reviews"
    )
    rapid_review = models.OneToOneField(
        RapidReview,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practice_review",
    )
    reference = models.CharField(max_length=20)  # "LCSPR-2025-01"
    title = models.CharField(max_length=200)  # "Child P", never a name
    initiated_on = models.DateField()
    terms_of_reference = models.TextField(blank=True)
    tor_agreed_on = models.DateField(null=True, blank=True)
    summary_of_improvements = models.BooleanField(default=False)  # reg 15(a)
    systemic_analysis = models.BooleanField(default=False)  # reg 15(b)
    report_received_on = models.DateField(null=True, blank=True)
    publication = models.CharField(max_length=20, choices=Publication.choices, blank=True)
    publication_rationale = models.TextField(blank=True)
    planned_publication_on = models.DateField(null=True, blank=True)
    sent_to_sos_on = models.DateField(null=True, blank=True)
    sent_to_panel_on = models.DateField(null=True, blank=True)
    sent_to_ofsted_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_url = models.URLField(max_length=500, blank=True)
    status = models.CharField(
        max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.INITIATED
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-initiated_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference"], name="practice_review_reference_unique"
            ),
            models.CheckConstraint(
                condition=Q(publication="") | ~Q(publication_rationale=""),
                name="practice_review_publication_has_rationale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.title})"

    def get_absolute_url(self) -> str:
        return reverse("reviews:practice-detail", args=[self.partnership.slug, self.pk])

    @property
    def checklist_complete(self) -> bool:
        return bool(
            self.report_received_on and self.summary_of_improvements and self.systemic_analysis
        )


class ReviewerAppointment(models.Model):
    """SI 2018/789 reg 12 (appoint) and reg 13 (remove before publication)."""

    review = models.ForeignKey(
        PracticeReview, on_delete=models.CASCADE, related_name="appointments"
    )
    name = models.CharField(max_length=200)  # a person or an organisation
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewer_appointments",
    )
    appointed_on = models.DateField()
    removed_on = models.DateField(null=True, blank=True)
    removal_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["appointed_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True) | Q(removed_on__gte=models.F("appointed_on")),
                name="reviewer_removed_after_appointed",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def active(self) -> bool:
        return self.removed_on is None


class ReviewCheckpoint(models.Model):
    """SI 2018/789 reg 14(1): progress and quality monitored at regular intervals."""

    review = models.ForeignKey(PracticeReview, on_delete=models.CASCADE, related_name="checkpoints")
    due_on = models.DateField()
    held_on = models.DateField()
    progress_satisfactory = models.BooleanField()
    quality_satisfactory = models.BooleanField()
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Checkpoint due {self.due_on:%d %b %Y}"


class ReportKind(models.TextChoices):
    DRAFT = "draft", "Draft report"
    FINAL = "final", "Final report"


def report_upload_to(upload: ReportUpload, filename: str) -> str:
    """A private path under the default storage, never served from MEDIA_URL: the file is read
    only through the review's download view, which checks access. The name the person gave is
    kept in `original_name`, not in the path."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return (
        f"private/reviews/{upload.review_id}/{upload.kind}-v{upload.version}-"
        f"{uuid.uuid4().hex}.{suffix}"
    )


class ReportUpload(models.Model):
    """A draft or final report file of a practice review. Each upload is a new version; none is
    overwritten or deleted."""

    review = models.ForeignKey(PracticeReview, on_delete=models.PROTECT, related_name="uploads")
    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    version = models.PositiveIntegerField()
    file = models.FileField(upload_to=report_upload_to, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_by_label = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "kind", "version"], name="report_upload_one_per_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, version {self.version}"
