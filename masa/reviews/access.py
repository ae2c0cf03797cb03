"""Who may read and change reviews (DESIGN.md principle 6: need to know).

The review roles (business manager, lead and delegated partners, chair) read and change them; the
scrutineer reads; a reviewer appointed to a practice review (and not removed) reads that review
only. Everyone else gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from masa.accounts.models import Role
from masa.accounts.selectors import roles_in
from masa.incidents.access import REVIEW_ROLES
from masa.partnerships.models import Partnership

from .models import ReviewerAppointment

READERS = REVIEW_ROLES | {Role.SCRUTINEER}
EDITORS = REVIEW_ROLES


def can_read(user: Any, partnership: Partnership) -> bool:
    return bool(user.is_authenticated and (user.is_staff or roles_in(user, partnership) & READERS))


def can_edit(user: Any, partnership: Partnership) -> bool:
    return bool(user.is_authenticated and (user.is_staff or roles_in(user, partnership) & EDITORS))


def is_appointed_reviewer(user: Any, review_pk: int) -> bool:
    return bool(
        user.is_authenticated
        and ReviewerAppointment.objects.filter(
            review_id=review_pk, user=user, removed_on__isnull=True
        ).exists()
    )


def review_view(*, edit: bool = False, reviewer_reads: bool = False) -> Callable[..., Any]:
    """Decorate a view taking `slug`: signs in, checks access, passes `partnership`. With
    `reviewer_reads`, the practice review named by `pk` is also open to its appointed reviewer."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            partnership = get_object_or_404(Partnership, slug=slug)
            user = request.user
            if edit:
                allowed = can_edit(user, partnership)
            else:
                allowed = can_read(user, partnership) or (
                    reviewer_reads and is_appointed_reviewer(user, kwargs.get("pk", 0))
                )
            if not allowed:
                raise PermissionDenied
            return view(request, partnership, *args, **kwargs)

        return wrapper

    return decorator
