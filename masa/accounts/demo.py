"""Demo users: one per role, each a member of every demo partnership. Local demonstration only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
    created += [
        (
            demo.username,
            f"{Role(demo.role).label}, North Lincolnshire 2020 (signed its arrangements)",
        )
        for demo in DEMO_NL_DELEGATES
        if User.objects.filter(username=demo.username).exists()
    ]
    operator, _ = User.objects.get_or_create(username="operator")
    operator.job_title = "MASA operator"
    operator.is_staff = operator.is_superuser = True
    operator.set_password(DEMO_PASSWORD)
    operator.save()
    created.append(("operator", "Operator (Django admin, every partnership)"))
    return created


# The three lead safeguarding partners of the fictional northshire, one per partner: each is linked
# to their partner's lead role there and signs only for that partner (masa.accounts.signing). In
# the other demo partnerships they are members tied to today's partner but hold no role.
DEMO_LEAD_PARTNERS = (
    DemoUser("lead-partner-la", Role.LEAD_PARTNER, "Chief executive, local authority"),
    DemoUser("lead-partner-icb", Role.LEAD_PARTNER, "Chief executive, integrated care board"),
    DemoUser("lead-partner-police", Role.LEAD_PARTNER, "Chief constable"),
)
_LEAD_PARTNER_TYPES = ("local_authority", "icb", "police")
DEMO_LEAD_PARTNER_FOR = dict(zip(_LEAD_PARTNER_TYPES, DEMO_LEAD_PARTNERS, strict=True))

# North Lincolnshire's three delegated safeguarding partners, who signed its Local Arrangements
# of 30 September 2020 (seed 003): job titles only, as the seed names them by role.
DEMO_NL_DELEGATES = (
    DemoUser(
        "nl-delegate-council",
        Role.DELEGATED_PARTNER,
        "Director of Children and Community Resilience, North Lincolnshire Council",
    ),
    DemoUser(
        "nl-delegate-ccg",
        Role.DELEGATED_PARTNER,
        "Director of Nursing and Quality, North Lincolnshire Clinical Commissioning Group",
    ),
    DemoUser(
        "nl-delegate-police",
        Role.DELEGATED_PARTNER,
        "Designated Chief Superintendent and South Bank Divisional Commander, Humberside Police",
    ),
)


def demo_user(username: str, job_title: str) -> User:
    """A demo sign-in (created once, with the demo password)."""
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.job_title = job_title
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


@transaction.atomic
def demo_signers_create(partnership: Partnership, *, on: date) -> dict[str, User]:
    """Partner type → the demo user linked to the role that signs for that partner on `on` (the
    lead partner, or a delegated partner with signing delegated), made an active member tied to
    the role's organisation, as masa.accounts.signing requires (idempotent)."""
    from django.db.models import Q

    from masa.partnerships.models import RoleAssignment, RoleKind
    from masa.partnerships.periods import current_on

    roles = (
        RoleAssignment.objects.filter(partnership=partnership, user__isnull=False)
        .filter(
            Q(role=RoleKind.LEAD_PARTNER) | Q(role=RoleKind.DELEGATED_PARTNER, signs_documents=True)
        )
        .filter(current_on(on))
        .select_related("user")
    )
    found: dict[str, User] = {}
    # the lead partner signs where both may
    for role in sorted(roles, key=lambda r: r.role != RoleKind.LEAD_PARTNER):
        if role.partner_type in found or role.user is None:
            continue
        membership, _ = Membership.objects.get_or_create(
            user=role.user,
            partnership=partnership,
            role=role.role,
            is_active=True,
            defaults={"organisation_id": role.organisation_id},
        )
        if membership.organisation_id != role.organisation_id:
            membership.organisation_id = role.organisation_id
            membership.save()
        found[role.partner_type] = role.user
    return found


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
