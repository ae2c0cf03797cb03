"""Who may read and change case records (DESIGN.md principle 6: need to know).

The partnership's review roles read case records; the scrutineer reads them too; the business
manager (and staff) change them. Agency contacts and viewers do not see them at all.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from masa.accounts.access import partnership_for
from masa.accounts.models import Role
from masa.accounts.selectors import roles_in

REVIEW_ROLES = frozenset(
    {Role.BUSINESS_MANAGER, Role.LEAD_PARTNER, Role.DELEGATED_PARTNER, Role.CHAIR}
)
CASE_READERS = REVIEW_ROLES | {Role.SCRUTINEER}
CASE_EDITORS = frozenset({Role.BUSINESS_MANAGER})


def can_read_cases(user: Any, partnership: Any) -> bool:
    return bool(
        user.is_authenticated and (user.is_staff or roles_in(user, partnership) & CASE_READERS)
    )


def can_edit_cases(user: Any, partnership: Any) -> bool:
    return bool(
        user.is_authenticated and (user.is_staff or roles_in(user, partnership) & CASE_EDITORS)
    )


def case_view(*, edit: bool = False) -> Callable[..., Any]:
    """Decorate a view taking `slug`: signs in, checks case access, and passes `partnership`.
    An unknown slug is 404; a member without a case role gets 403 with the explanation page."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            partnership = partnership_for(request, slug)
            allowed = can_edit_cases if edit else can_read_cases
            if not allowed(request.user, partnership):
                raise PermissionDenied
            return view(request, partnership, *args, **kwargs)

        return wrapper

    return decorator
