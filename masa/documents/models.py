"""The two documents a partnership must publish (CA2004 s.16G(2) and s.16G(7); WT2018 ch3,
WT2023 ch2): its published arrangements and its yearly report.

A `Document` is the series (the arrangements, or the yearly report for one financial year); each
`DocumentVersion` is one edition of it. A version's narrative lives in `Section` rows; the parts
filled from records are assembled when the version is read, and frozen into `snapshot` when it is
published, so a published version never changes. Every lead safeguarding partner signs a version
(`Signature`); an edit after a signature voids every signature of that version. `Dispatch` records a
copy sent to a national body, each with its clock."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from masa.core.models import TimeStampedModel
from masa.core.versioning import Versioned, version_field
from masa.partnerships.models import PartnerType


class DocumentKind(models.TextChoices):
    # values match the statute library's `content_of`
    ARRANGEMENTS = "published_arrangements", "Published arrangements"
    YEARLY_REPORT = "yearly_report", "Yearly report"


KIND_SLUGS = {
    DocumentKind.ARRANGEMENTS: "arrangements",
    DocumentKind.YEARLY_REPORT: "yearly-report",
}
SLUG_KINDS = {slug: kind for kind, slug in KIND_SLUGS.items()}


def financial_year(label: str) -> tuple[date, date]:
    """'2024-25' → (1 April 2024, 31 March 2025). Raises ValueError on anything else."""
    first, _, second = label.partition("-")
    if not (len(first) == 4 and first.isdigit() and len(second) == 2 and second.isdigit()):
        raise ValueError("Enter the year like 2024-25")
    start = int(first)
    if (start + 1) % 100 != int(second) or not 2000 <= start <= 2100:
        raise ValueError("The second year must follow the first, like 2024-25")
    return date(start, 4, 1), date(start + 1, 3, 31)


def period_label(start: date) -> str:
    return f"{start.year}-{(start.year + 1) % 100:02d}"


class Document(TimeStampedModel):
    """The arrangements (one series per partnership, `period_start` empty) or the yearly report
    for the financial year starting `period_start` (1 April)."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(max_length=30, choices=DocumentKind.choices)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "kind", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "period_start"],
                name="document_one_per_kind_and_period",
            ),
            models.UniqueConstraint(
                fields=["partnership", "kind"],
                condition=Q(period_start__isnull=True),
                name="document_one_arrangements_series",
            ),
            models.CheckConstraint(
                condition=Q(kind=DocumentKind.ARRANGEMENTS, period_start__isnull=True)
                | Q(
                    kind=DocumentKind.YEARLY_REPORT,
                    period_start__isnull=False,
                    period_end__gt=models.F("period_start"),
                ),
                name="document_period_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == DocumentKind.YEARLY_REPORT and self.period_start:
            return f"Yearly report {period_label(self.period_start)}"
        return "Published arrangements"

    @property
    def slug(self) -> str:
        return KIND_SLUGS[DocumentKind(self.kind)]

    @property
    def period(self) -> str:
        return period_label(self.period_start) if self.period_start else ""


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"


class DocumentVersion(Versioned, TimeStampedModel):
    """One edition. `framework` is the guidance it answers (wt2018 or wt2023), fixed when the
    version is made. Drafts assemble their record-filled parts live; publishing stores the whole
    assembled content in `snapshot` and freezes the version."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    framework = models.CharField(max_length=10)
    status = models.CharField(
        max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    title = models.CharField(max_length=200)
    effective_from = models.DateField(null=True, blank=True)
    change_summary = models.TextField(blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number_unique"),
            models.CheckConstraint(
                condition=Q(status=VersionStatus.DRAFT)
                | Q(published_on__isnull=False, snapshot__isnull=False),
                name="version_published_has_date_and_snapshot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document}, version {self.number}"

    @property
    def partnership(self) -> Any:  # the clocks and the timeline read it like a field
        return self.document.partnership

    @property
    def is_frozen(self) -> bool:
        return self.status != VersionStatus.DRAFT


class Section(TimeStampedModel):
    """The narrative of one section of a version. `key` names the section in the outline
    (masa/documents/outline.py), which maps it to the content requirements it answers."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=60)
    narrative = models.TextField(blank=True)  # Markdown, sanitised when rendered
    # `version` is the document version, so the optimistic lock has another name (ADR 0018).
    edit_version = version_field()
    VERSION_FIELD = "edit_version"

    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "key"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="section_key_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.key} of {self.version}"


class Signature(models.Model):
    """A lead safeguarding partner's signature of a version. Voiding keeps the row."""

    version = models.ForeignKey(
        DocumentVersion, on_delete=models.CASCADE, related_name="signatures"
    )
    partner_type = models.CharField(max_length=20, choices=PartnerType.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_label = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    signed_at = models.DateTimeField()
    voided_at = models.DateTimeField(null=True, blank=True)
    void_reason = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "partner_type", "signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "partner_type"],
                condition=Q(voided_at__isnull=True),
                name="signature_one_valid_per_partner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_partner_type_display()} signature of {self.version}"

    @property
    def is_valid(self) -> bool:
        return self.voided_at is None


class Recipient(models.TextChoices):
    PANEL = "panel", "Child Safeguarding Practice Review Panel"
    FOUNDATIONS = "foundations", "Foundations (What Works Centre for Children and Families)"
    DFE = "dfe", "Department for Education"
    YJB = "yjb", "Youth Justice Board"
    YCS = "ycs", "Youth Custody Service"
    HMIP = "hmip", "HM Inspectorate of Prisons"


class Dispatch(TimeStampedModel):
    """A copy of a published version sent to a national body, with the rule whose clock it meets."""

    version = models.ForeignKey(
        DocumentVersion, on_delete=models.PROTECT, related_name="dispatches"
    )
    recipient = models.CharField(max_length=20, choices=Recipient.choices)
    rule = models.CharField(max_length=120)
    sent_on = models.DateField()
    sent_to = models.CharField(max_length=200, blank=True)  # the address used
    note = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "recipient"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "recipient"], name="dispatch_one_per_recipient"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version} sent to the {self.get_recipient_display()}"


class PublicationSettings(models.Model):
    """What the documents need to know that the registry does not hold."""

    partnership = models.OneToOneField(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="publication_settings"
    )
    # WT2018 ch3 / WT2023 ch2 'Secure establishments': named here when one is in the area
    secure_establishments = models.TextField(blank=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Publication settings of {self.partnership}"
