"""Serious incident notifications (CA2004 s.16C; WT2018 ch4 / WT2023 ch5): the local authority's
notification to the Panel, with up to four children by pseudonymous reference, never by name."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from masa.core.models import TimeStampedModel
from masa.core.versioning import Versioned

from .workflow import Status

MAX_CHILDREN = 4  # gov.uk notification service: up to four children per notification


class AbuseOrNeglect(models.TextChoices):
    KNOWN = "known", "Known"
    SUSPECTED = "suspected", "Suspected"
    # WT2018 ch4 / WT2023 ch5: a looked-after child's death is notified to the Secretary of State
    # and Ofsted whether or not abuse or neglect is known or suspected (and, WT2023, a care
    # leaver's); only known or suspected abuse or neglect brings in the Panel (CA2004 s.16C(1)).
    NEITHER = (
        "neither",
        "Neither known nor suspected (a looked-after child's or care leaver's death)",
    )


class Outcome(models.TextChoices):
    DIED = "died", "Died"
    SERIOUSLY_HARMED = "seriously_harmed", "Seriously harmed"


class Where(models.TextChoices):
    IN_AREA = "in_area", "In the local authority's area"
    RESIDENT_HARMED_OUTSIDE_ENGLAND = (
        "resident_harmed_outside_england",
        "Normally resident here, harmed outside England",
    )


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    NOT_KNOWN = "not_known", "Not known or not recorded"


class SeriousIncident(Versioned, TimeStampedModel):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="serious_incidents"
    )
    reference = models.CharField(max_length=20)  # "SIN-2025-003", numbered per partnership and year
    local_authority = models.ForeignKey(
        "geography.LocalAuthority", on_delete=models.PROTECT, related_name="serious_incidents"
    )
    incident_date = models.DateField()
    became_aware_on = models.DateField()
    # CA2004 s.16C(1): abuse or neglect known or suspected, and died or seriously harmed, in the
    # area or (normally resident) outside England.
    abuse_or_neglect = models.CharField(max_length=10, choices=AbuseOrNeglect.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    where = models.CharField(max_length=40, choices=Where.choices)
    looked_after_child = models.BooleanField(default=False)
    care_leaver = models.BooleanField(default=False)  # WT2023 ch5: up to and including age 24
    panel_notified_on = models.DateField(null=True, blank=True)
    partners_notified_on = models.DateField(null=True, blank=True)
    sos_ofsted_notified_on = models.DateField(null=True, blank=True)
    other_areas_informed = models.TextField(blank=True)
    summary = models.CharField(max_length=500)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-became_aware_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference"], name="incident_reference_unique"
            ),
            models.CheckConstraint(
                condition=Q(incident_date__lte=models.F("became_aware_on")),
                name="incident_before_aware",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_death(self) -> bool:
        return self.outcome == Outcome.DIED

    @property
    def serious_incident(self) -> bool:
        """CA2004 s.16C(1): abuse or neglect known or suspected, so the Panel is notified."""
        return self.abuse_or_neglect != AbuseOrNeglect.NEITHER


class IncidentChild(models.Model):
    incident = models.ForeignKey(SeriousIncident, on_delete=models.CASCADE, related_name="children")
    position = models.PositiveSmallIntegerField()
    pseudonymous_ref = models.CharField(max_length=40)
    age_years = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.NOT_KNOWN)

    history = HistoricalRecords()

    class Meta:
        ordering = ["incident", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "position"], name="incident_child_position"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1, position__lte=MAX_CHILDREN),
                name="incident_child_at_most_four",
            ),
            models.CheckConstraint(
                condition=Q(age_years__isnull=True) | Q(age_years__lte=24),
                name="incident_child_age_0_24",
            ),
        ]

    def __str__(self) -> str:
        return self.pseudonymous_ref
