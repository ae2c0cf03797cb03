"""Who may see the log of case record reads: the partnership's business manager and independent
scrutineer (who answer for how its case records are used), and staff. Everyone else gets 403."""

from __future__ import annotations

from typing import Any

from masa.accounts.models import Role
from masa.accounts.selectors import roles_in
from masa.partnerships.models import Partnership

LOG_READERS = frozenset({Role.BUSINESS_MANAGER, Role.SCRUTINEER})


def can_see_reads(user: Any, partnership: Partnership) -> bool:
    return bool(
        user.is_authenticated and (user.is_staff or roles_in(user, partnership) & LOG_READERS)
    )
