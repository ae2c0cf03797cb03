"""England's upper-tier local authorities, police force areas and integrated care boards.

Codes are ONS GSS codes (DfE and NHS ODS codes beside them).

Reference data: loaded from `masa/geography/data/` by `geography_load`, never edited in the app.
"""

from django.db import models
from simple_history.models import HistoricalRecords

# Codes no ONS series uses: the fictional demo partnership's made-up authority, force and ICB start
# with it, so that they never count in the national coverage of England.
FICTIONAL_CODE_PREFIX = "X"


class GeographyQuerySet(models.QuerySet):
    def real(self) -> "GeographyQuerySet":
        """Only ONS-coded areas: leaves out fictional demonstration areas."""
        return self.exclude(code__startswith=FICTIONAL_CODE_PREFIX)


class FictionalMixin:
    code: str

    @property
    def is_fictional(self) -> bool:
        return self.code.startswith(FICTIONAL_CODE_PREFIX)


class PoliceForceArea(FictionalMixin, models.Model):
    code = models.CharField(max_length=9, primary_key=True)  # ONS E23…
    name = models.CharField(max_length=120)

    objects = GeographyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class IntegratedCareBoard(FictionalMixin, models.Model):
    code = models.CharField(max_length=9, primary_key=True)  # ONS E54…
    ods_code = models.CharField("NHS ODS code", max_length=5, blank=True)
    name = models.CharField(max_length=200)

    objects = GeographyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LocalAuthority(FictionalMixin, models.Model):
    """An upper-tier (children's services) local authority: the unit a partnership covers
    (CA2004 s.16E)."""

    code = models.CharField("GSS code", max_length=9, primary_key=True)  # current ONS code
    previous_code = models.CharField(max_length=9, blank=True)  # e.g. Barnsley before 2024
    dfe_code = models.CharField("DfE LA code", max_length=3, blank=True)
    mysociety_code = models.CharField("mySociety code", max_length=3, blank=True)
    name = models.CharField(max_length=120)
    region_code = models.CharField(max_length=9)
    region_name = models.CharField(max_length=60)
    la_type = models.CharField("type", max_length=60, blank=True)
    police_forces = models.ManyToManyField(PoliceForceArea, related_name="local_authorities")
    icbs = models.ManyToManyField(
        IntegratedCareBoard, through="IcbOverlap", related_name="local_authorities"
    )

    objects = GeographyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return self.name


class IcbOverlap(models.Model):
    """An ICB whose area overlaps a local authority's, with the share of its 2021 LSOAs in it."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE)
    icb = models.ForeignKey(IntegratedCareBoard, on_delete=models.CASCADE)
    lsoa_share = models.DecimalField(max_digits=4, decimal_places=3)

    history = HistoricalRecords()

    class Meta:
        ordering = ["local_authority", "-lsoa_share"]
        constraints = [
            models.UniqueConstraint(fields=["local_authority", "icb"], name="icb_overlap_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.local_authority} ∩ {self.icb} ({self.lsoa_share:.1%})"
