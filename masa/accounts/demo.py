"""Demo users: one per role, each a member of every demo partnership. Local demonstration only."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from masa.partnerships.models import Partnership

from .models import Membership, Role, User

DEMO_PASSWORD = "demo-only-password"  # printed by `masa demo`; never used outside the demo database

DEMO_PARTNERSHIPS = ("northshire", "north-lincolnshire", "bhr")


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    job_title: str


DEMO_USERS = (
    DemoUser("business-manager", Role.BUSINESS_MANAGER, "Partnership business manager"),
    DemoUser("lead-partner", Role.LEAD_PARTNER, "Local authority chief executive"),
    DemoUser("delegated-partner", Role.DELEGATED_PARTNER, "Director of children's services"),
    DemoUser("chair", Role.CHAIR, "Partnership chair (delegated safeguarding partner)"),
    DemoUser("scrutineer", Role.SCRUTINEER, "Independent scrutineer"),
    DemoUser(
        "agency-contact", Role.AGENCY_CONTACT, "Designated safeguarding lead, secondary school"
    ),
    DemoUser("reviewer", Role.REVIEWER, "Commissioned independent reviewer"),
    DemoUser("viewer", Role.VIEWER, "Partnership officer (read only)"),
)


@transaction.atomic
def demo_users_create() -> list[tuple[str, str]]:
    """Create (or reset) the demo users; returns (username, role label) pairs for the sign-in note."""
    partnerships = list(Partnership.objects.filter(slug__in=DEMO_PARTNERSHIPS))
    created = []
    for demo in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=demo.username)
        user.job_title = demo.job_title
        user.set_password(DEMO_PASSWORD)
        user.save()
        for partnership in partnerships:
            Membership.objects.get_or_create(
                user=user, partnership=partnership, role=demo.role, is_active=True
            )
        created.append((demo.username, Role(demo.role).label))
    operator, _ = User.objects.get_or_create(username="operator")
    operator.job_title = "MASA operator"
    operator.is_staff = operator.is_superuser = True
    operator.set_password(DEMO_PASSWORD)
    operator.save()
    created.append(("operator", "Operator (Django admin, every partnership)"))
    return created
