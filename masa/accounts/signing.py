"""Who may sign or sign off for a safeguarding partner, on a given day: the one rule every
document signature, action sign-off, sign form, "awaiting your signature" list and publication
obeys.

CA2004 s.16E: the three safeguarding partners are jointly responsible for the arrangements, so each
signs for itself, through the person who holds its lead safeguarding partner role (WT2018 ch3
para 11-13; WT2023 ch2), or through its delegated safeguarding partner where the lead partner has
delegated signing and the registry records it (`RoleAssignment.signs_documents`).

A person may sign for a partner on a day when all of these hold:

1. the partner: the partnership (or the partnership it sits within) records a statutory partner of
   that kind on that day (`StatutoryPartner`, dated);
2. the role: a `RoleAssignment` of the partnership (or its parent) linked to the person's sign-in,
   current on that day, for that partner, as its lead safeguarding partner, or as its delegated
   safeguarding partner with signing delegated; a role tied to an organisation must be tied to
   that partner's organisation;
3. the membership (checked when signing): an active lead or delegated partner membership whose
   organisation is that partner's organisation. A membership without an organisation signs for
   nobody.

A signature already made is judged again by (1) and (2) on the day it was made, so a signature
that never had the authority is neither counted for publication nor shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone

from masa.accounts.models import Membership, Role
from masa.core.errors import NotPermitted
from masa.partnerships.models import (
    Partnership,
    PartnerType,
    RoleAssignment,
    RoleKind,
    StatutoryPartner,
)
from masa.partnerships.periods import format_day

# Health and Care Act 2022: integrated care boards replaced clinical commissioning groups.
ICBS_FROM = date(2022, 7, 1)
SIGNING_MEMBERSHIPS = (Role.LEAD_PARTNER, Role.DELEGATED_PARTNER)


@dataclass(frozen=True)
class Authority:
    """Why a person may sign for a partner on a day: the partner and the role they hold."""

    partner_type: str
    partner: StatutoryPartner
    role: RoleAssignment

    @property
    def partner_label(self) -> str:
        return partner_label(self.partner_type, self.role.start)

    @property
    def role_label(self) -> str:
        return str(RoleKind(self.role.role).label)

    @property
    def by_delegation(self) -> bool:
        return self.role.role == RoleKind.DELEGATED_PARTNER


def partner_label(partner_type: str, on: date) -> str:
    """'Integrated care board', or 'Clinical commissioning group' for a day before ICBs existed."""
    if partner_type == PartnerType.ICB and on < ICBS_FROM:
        return "Clinical commissioning group"
    return str(PartnerType(partner_type).label)


def _chain(partnership: Partnership) -> list[int]:
    return [partnership.pk] + ([partnership.parent_id] if partnership.parent_id else [])


@dataclass(frozen=True)
class _Registry:
    """The dated records the rule reads, loaded once for a partnership (and its parent)."""

    partners: list[StatutoryPartner]
    roles: list[RoleAssignment]  # roles that carry signing, linked to a sign-in

    def partners_on(self, partner_type: str, on: date) -> list[StatutoryPartner]:
        return [p for p in self.partners if p.partner_type == partner_type and p.is_current(on)]

    def roles_on(self, user_id: Any, partner_type: str, on: date) -> list[RoleAssignment]:
        """The user's roles carrying signing for the partner on `on`, lead partner first."""
        found = [
            r
            for r in self.roles
            if r.user_id == user_id and r.partner_type == partner_type and r.is_current(on)
        ]
        return sorted(found, key=lambda r: r.role != RoleKind.LEAD_PARTNER)


def _registry(partnership: Partnership) -> _Registry:
    chain = _chain(partnership)
    signing = Q(role=RoleKind.LEAD_PARTNER) | Q(
        role=RoleKind.DELEGATED_PARTNER, signs_documents=True
    )
    return _Registry(
        partners=list(
            StatutoryPartner.objects.filter(partnership_id__in=chain).select_related("organisation")
        ),
        roles=list(
            RoleAssignment.objects.filter(partnership_id__in=chain, user__isnull=False)
            .filter(signing)
            .select_related("organisation")
        ),
    )


def _held(
    registry: _Registry, user_id: Any, partnership: Partnership, partner_type: str, on: date
) -> tuple[Authority | None, str]:
    """The authority from the dated records (rules 1 and 2), or None and why not."""
    label = partner_label(partner_type, on).lower()
    partners = registry.partners_on(partner_type, on)
    if not partners:
        return (
            None,
            f"{partnership} records no {label} as a safeguarding partner on {format_day(on)}",
        )
    roles = registry.roles_on(user_id, partner_type, on)
    for role in roles:
        for partner in partners:
            if role.organisation_id in (None, partner.organisation_id):
                return Authority(partner_type, partner, role), ""
    names = " or ".join(str(p.organisation) for p in partners)
    if roles:
        return None, (
            f"Your role on {format_day(on)} is recorded for another organisation, not for "
            f"{names}, the {label}"
        )
    return None, (
        f"On {format_day(on)} you do not hold the lead safeguarding partner role for {names}, "
        f"the {label} (or its delegated partner role with signing delegated to you)"
    )


def authority_on(*, user: Any, partnership: Partnership, partner_type: str, on: date) -> Authority:
    """The authority `user` has to sign for `partner_type` on `on`; raises NotPermitted saying
    what is missing otherwise. Checks the membership as it stands now, and the dated records."""
    if not getattr(user, "is_authenticated", False):
        raise NotPermitted("Sign in as a lead safeguarding partner to sign")
    return _authority(_registry(partnership), user, partnership, partner_type, on)


def _authority(
    registry: _Registry, user: Any, partnership: Partnership, partner_type: str, on: date
) -> Authority:
    if partner_type not in PartnerType.values:
        raise NotPermitted("Select the safeguarding partner you are signing for")
    authority, why = _held(registry, user.pk, partnership, partner_type, on)
    if authority is None:
        raise NotPermitted(why)
    organisation = authority.partner.organisation
    if not Membership.objects.filter(
        user=user,
        partnership_id__in=_chain(partnership),
        role__in=SIGNING_MEMBERSHIPS,
        organisation=organisation,
        is_active=True,
    ).exists():
        raise NotPermitted(
            f"Your membership of {partnership} does not say you represent {organisation}: "
            "ask the business manager to record your organisation on it"
        )
    return authority


def authorities(*, user: Any, partnership: Partnership, on: date | None = None) -> list[Authority]:
    """Every partner `user` may sign for on `on` (today by default), in partner order."""
    if not getattr(user, "is_authenticated", False):
        return []
    on = on or timezone.localdate()
    registry = _registry(partnership)
    if not any(r.user_id == user.pk for r in registry.roles):
        return []
    found = []
    for partner_type in PartnerType.values:
        try:
            found.append(_authority(registry, user, partnership, partner_type, on))
        except NotPermitted:
            continue
    return found


def _signed_with(registry: _Registry, signature: Any, partnership: Partnership) -> Authority | None:
    if signature.voided_at is not None or signature.by_id is None:
        return None
    on = timezone.localtime(signature.signed_at).date()
    authority, _ = _held(registry, signature.by_id, partnership, signature.partner_type, on)
    return authority


def signed_with_authority(signature: Any, partnership: Partnership) -> Authority | None:
    """The authority a recorded signature had on the day it was made (rules 1 and 2), or None:
    a voided signature, or one whose signer held no signing role for that partner that day."""
    return _signed_with(_registry(partnership), signature, partnership)


def valid_signatures(version: Any) -> list[tuple[Any, Authority]]:
    """The version's signatures that count: not voided, and made with the authority to sign."""
    partnership = version.document.partnership
    signatures = [s for s in version.signatures.all() if s.voided_at is None and s.by_id]
    # the same queries with or without signatures: a page's query count does not grow with them
    registry = _registry(partnership)
    found = []
    for signature in signatures:
        authority = _signed_with(registry, signature, partnership)
        if authority is not None:
            found.append((signature, authority))
    return found
