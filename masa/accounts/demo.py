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
    for partnership in partnerships:
        demo_lead_partners_create(partnership)
    created += [(demo.username, Role(demo.role).label) for demo in DEMO_LEAD_PARTNERS]
    operator, _ = User.objects.get_or_create(username="operator")
    operator.job_title = "MASA operator"
    operator.is_staff = operator.is_superuser = True
    operator.set_password(DEMO_PASSWORD)
    operator.save()
    created.append(("operator", "Operator (Django admin, every partnership)"))
    return created


# The three lead safeguarding partners who sign a partnership's documents, one per partner: each
# signs only for their own partner (masa.documents.services.version_sign).
DEMO_LEAD_PARTNERS = (
    DemoUser("lead-partner-la", Role.LEAD_PARTNER, "Chief executive, local authority"),
    DemoUser("lead-partner-icb", Role.LEAD_PARTNER, "Chief executive, integrated care board"),
    DemoUser("lead-partner-police", Role.LEAD_PARTNER, "Chief constable"),
)
_LEAD_PARTNER_TYPES = ("local_authority", "icb", "police")


@transaction.atomic
def demo_lead_partners_create(partnership: Partnership) -> dict[str, User]:
    """Partner type → its demo lead partner, a member of `partnership` tied to that partner's
    organisation when the registry records one (idempotent)."""
    from masa.partnerships.models import StatutoryPartner

    organisations = dict(
        StatutoryPartner.objects.filter(partnership=partnership, end__isnull=True).values_list(
            "partner_type", "organisation_id"
        )
    )
    found = {}
    for demo, partner_type in zip(DEMO_LEAD_PARTNERS, _LEAD_PARTNER_TYPES, strict=True):
        user, created = User.objects.get_or_create(username=demo.username)
        if created:
            user.job_title = demo.job_title
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(
            user=user,
            partnership=partnership,
            role=Role.LEAD_PARTNER,
            is_active=True,
            defaults={"organisation_id": organisations.get(partner_type)},
        )
        found[partner_type] = user
    return found
