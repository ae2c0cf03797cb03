"""Users and their memberships: which partnership a user works in, and in what role."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class User(AbstractUser):
    """A person who signs in. Staff users are operators of the whole installation."""

    job_title = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.get_full_name() or self.job_title or self.username


class Role(models.TextChoices):
    BUSINESS_MANAGER = "business_manager", "Business manager"
    LEAD_PARTNER = "lead_partner", "Lead safeguarding partner"
    DELEGATED_PARTNER = "delegated_partner", "Delegated safeguarding partner"
    CHAIR = "chair", "Partnership chair"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    AGENCY_CONTACT = "agency_contact", "Relevant-agency contact"
    REVIEWER = "reviewer", "Reviewer"
    VIEWER = "viewer", "Viewer"


class Membership(models.Model):
    """User × partnership × role. A user sees only the partnerships they are a member of."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=32, choices=Role.choices)
    organisation = models.ForeignKey(
        "partnerships.Organisation", null=True, blank=True, on_delete=models.SET_NULL
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership", "role"],
                condition=Q(is_active=True),
                name="membership_one_active_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}, {self.partnership}"
