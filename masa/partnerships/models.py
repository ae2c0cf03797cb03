"""The partnership registry: who the partners are, which areas they cover, who holds which role, when.

Dated rows (`start`, `end`) keep history: a role that rotates gets a new row, never an edited one.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from masa.core.models import TimeStampedModel
from masa.core.versioning import Versioned


class Guidance(models.TextChoices):
    """The statutory guidance the partnership's arrangements follow (statute framework ids)."""

    WT2018 = "wt2018", "Working Together 2018"
    WT2023 = "wt2023", "Working Together 2023"


class Partnership(Versioned, TimeStampedModel):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    guidance = models.CharField(max_length=10, choices=Guidance.choices, default=Guidance.WT2023)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    website = models.URLField(blank=True)
    summary = models.TextField(blank=True)
    is_fictional = models.BooleanField(
        default=False,
        help_text="Demonstration partnership: every case-level record in it is made up.",
    )
    # WT2018 ch4 expected a practice review to be published within 6 months of initiation; WT2023
    # sets no period. A WT2023 partnership may keep the 6 months as its own local default.
    practice_review_six_months = models.BooleanField(
        "practice reviews published within 6 months (local default, not statutory)",
        default=False,
        help_text="Working Together 2023 partnerships only: run the 6-month clock that "
        "Working Together 2018 expected. Under 2018 it always runs.",
    )
    demo_source = models.URLField(
        "built from",
        blank=True,
        help_text="Demonstration record built from this public document: every page says so.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("id")), name="partnership_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def six_month_practice_reviews(self) -> str:
        """Whether the 6-month practice-review clock runs: "statutory" under WT2018 (its guidance
        expects it), "local_default" for a WT2023 partnership that opted in, else ""."""
        if self.guidance == Guidance.WT2018:
            return "statutory"
        return "local_default" if self.practice_review_six_months else ""


class Dated(models.Model):
    """A fact true from `start` until `end` (inclusive); `end` empty means still true."""

    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True

    def is_current(self, on: date) -> bool:
        return self.start <= on and (self.end is None or self.end >= on)


class PartnershipArea(Versioned, Dated, TimeStampedModel):
    """A local authority area covered by a partnership. An area is in at most one partnership at a
    time (CA2004 s.16E duties attach to one LA area; combining is by agreement under s.16J)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="areas")
    local_authority = models.ForeignKey(
        "geography.LocalAuthority", on_delete=models.PROTECT, related_name="partnership_areas"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["local_authority__name", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="area_end_after_start"
            ),
            models.UniqueConstraint(
                fields=["local_authority"],
                condition=Q(end__isnull=True),
                name="area_one_open_partnership",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.local_authority} in {self.partnership}"


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    ICB = "icb", "Integrated care board"
    POLICE = "police", "Police"
    RELEVANT_AGENCY = "relevant_agency", "Relevant agency"
    OTHER = "other", "Other organisation"


class Organisation(TimeStampedModel):
    """A statutory partner body or an agency. Relevant agencies carry the paragraph of the
    SI 2018/789 Schedule they fall under; an empty paragraph means named outside the regulations."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    schedule_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="SI 2018/789 Schedule paragraph (1–38); empty if not in the regulations.",
    )
    local_authority = models.ForeignKey(
        "geography.LocalAuthority", null=True, blank=True, on_delete=models.PROTECT
    )
    icb = models.ForeignKey(
        "geography.IntegratedCareBoard", null=True, blank=True, on_delete=models.PROTECT
    )
    police_force = models.ForeignKey(
        "geography.PoliceForceArea", null=True, blank=True, on_delete=models.PROTECT
    )
    website = models.URLField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(schedule_paragraph__isnull=True)
                | Q(schedule_paragraph__gte=1, schedule_paragraph__lte=38),
                name="organisation_schedule_paragraph_1_38",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PartnerType(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    ICB = "icb", "Integrated care board"
    POLICE = "police", "Chief officer of police"


class StatutoryPartner(Versioned, Dated, TimeStampedModel):
    """One of the safeguarding partners for the partnership's area (CA2004 s.16E(3))."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="statutory_partners"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    partner_type = models.CharField(max_length=20, choices=PartnerType.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partner_type", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="partner_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_partner_type_display()})"


class RelevantAgency(Versioned, Dated, TimeStampedModel):
    """An agency the partners named to work with them (CA2004 s.16E(1)(b)), why and how."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="relevant_agencies"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    why_chosen = models.TextField()
    contribution = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name_plural = "relevant agencies"
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="agency_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class RoleKind(models.TextChoices):
    LEAD_PARTNER = "lead_partner", "Lead safeguarding partner"
    DELEGATED_PARTNER = "delegated_partner", "Delegated safeguarding partner"
    CHAIR = "chair", "Partnership chair"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    BUSINESS_MANAGER = "business_manager", "Business manager"
    EDUCATION_REPRESENTATIVE = "education_representative", "Education representative"


class RoleAssignment(Versioned, Dated, TimeStampedModel):
    """A post held in the arrangements. Rotation adds a row; history is the rows in date order.

    Demo data names posts by job title only; `person_name` is for real deployments."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=32, choices=RoleKind.choices)
    job_title = models.CharField(max_length=200)
    person_name = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partner_type = models.CharField(
        max_length=20,
        choices=PartnerType.choices,
        blank=True,
        help_text="For lead and delegated partners: which of the three partners they stand for.",
    )
    held_by_delegate = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For the chair: the delegated safeguarding partner who holds the chair.",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signs_documents = models.BooleanField(
        "signs the documents",
        default=False,
        help_text="For a delegated safeguarding partner: the lead partner has delegated signing "
        "the published arrangements and yearly reports to them.",
    )
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="role_end_after_start"
            ),
            # Lead and delegated partners stand for one of the three partners; other posts do not.
            models.CheckConstraint(
                condition=(Q(role__in=["lead_partner", "delegated_partner"]) & ~Q(partner_type=""))
                | (~Q(role__in=["lead_partner", "delegated_partner"]) & Q(partner_type="")),
                name="role_partner_type_for_partners_only",
            ),
            models.CheckConstraint(
                condition=Q(signs_documents=False) | Q(role="delegated_partner"),
                name="role_only_delegates_sign_by_delegation",
            ),
        ]

    def __str__(self) -> str:
        who = self.person_name or self.job_title
        return f"{self.get_role_display()}: {who}"


class BoardKind(models.TextChoices):
    STRATEGIC = "strategic", "Strategic leadership group"
    EXECUTIVE = "executive", "Executive group"
    SUBGROUP = "subgroup", "Subgroup"
    LOCAL = "local", "Local partnership"
    OTHER = "other", "Other group"


class Board(Versioned, TimeStampedModel):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="boards")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=BoardKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="subgroups"
    )
    remit = models.TextField(blank=True)
    chair_title = models.CharField("chaired by (job title)", max_length=200, blank=True)
    meets = models.CharField("meets", max_length=100, blank=True)
    includes_education = models.BooleanField(
        default=False, help_text="Education or childcare settings are represented on this group."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="board_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Priority(Versioned, Dated, TimeStampedModel):
    """A shared priority the lead partners agreed (WT2023 ch2: strategic direction)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="priorities"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "title"]
        verbose_name_plural = "priorities"
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="priority_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title
