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


class SignInEvent(models.Model):
    """One line of the sign-in log: who tried to sign in (or out), from where, and what happened.

    Append-only: rows are written by `masa.accounts.services.sign_in_event_record` and never
    changed or deleted (the admin shows them read-only)."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        FAILED = "failed", "Sign-in failed"
        LOCKED_OUT = "locked_out", "Locked out"
        SIGNED_OUT = "signed_out", "Signed out"
        TWO_FACTOR_PASSED = "two_factor_passed", "Two-factor code accepted"
        TWO_FACTOR_FAILED = "two_factor_failed", "Two-factor code refused"
        TWO_FACTOR_SET_UP = "two_factor_set_up", "Two-factor sign-in set up"
        TWO_FACTOR_RESET = "two_factor_reset", "Two-factor sign-in reset"
        PASSWORD_RESET_REQUESTED = "password_reset_requested", "Password reset asked for"
        PASSWORD_RESET_DONE = "password_reset_done", "Password reset"

    kind = models.CharField(max_length=32, choices=Kind.choices)
    username = models.CharField("username tried", max_length=150, blank=True)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="sign_in_events"
    )
    address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    detail = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"], name="sign_in_event_user_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.username or '—'} at {self.at:%Y-%m-%d %H:%M}"
