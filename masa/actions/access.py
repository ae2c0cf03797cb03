"""Who may change recommendations and actions. Every member of the partnership reads them; the
business manager (and staff) change them; an agency contact adds updates to the actions their own
organisation owns (DESIGN.md: "updates own actions")."""

from __future__ import annotations

from typing import Any

from masa.accounts.models import Membership, Role
from masa.accounts.selectors import can_edit

from .models import Action


def can_update(user: Any, action: Action) -> bool:
    if can_edit(user, action.partnership):
        return True
    if not user.is_authenticated:
        return False
    chain = [action.partnership_id]
    if action.partnership.parent_id:
        chain.append(action.partnership.parent_id)
    return Membership.objects.filter(
        user=user,
        partnership_id__in=chain,
        is_active=True,
        role=Role.AGENCY_CONTACT,
        organisation_id=action.owner_id,
    ).exists()
