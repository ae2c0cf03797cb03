"""Every write to the partnership registry. Keyword-only, atomic, each leaves a timeline event.

Errors are `InvalidInput` (a rule broken; `field_errors` names the form field) or `Conflict` (the
change contradicts an existing record). Nothing is written when either is raised.
"""

from .agencies import relevant_agency_add, relevant_agency_end, relevant_agency_update
from .areas import area_add, area_end
from .organisations import (
    PartnerSuggestion,
    organisation_create,
    statutory_partner_add,
    statutory_partner_end,
    statutory_partners_accept,
    statutory_partners_suggest,
)
from .partnerships import UNCHANGED, partnership_create, partnership_update
from .roles import SINGLE_HOLDER_ROLES, role_assign, role_end
from .structure import (
    board_create,
    board_update,
    priority_create,
    priority_end,
    priority_update,
)

__all__ = [
    "SINGLE_HOLDER_ROLES",
    "UNCHANGED",
    "PartnerSuggestion",
    "area_add",
    "area_end",
    "board_create",
    "board_update",
    "organisation_create",
    "partnership_create",
    "partnership_update",
    "priority_create",
    "priority_end",
    "priority_update",
    "relevant_agency_add",
    "relevant_agency_end",
    "relevant_agency_update",
    "role_assign",
    "role_end",
    "statutory_partner_add",
    "statutory_partner_end",
    "statutory_partners_accept",
    "statutory_partners_suggest",
]
