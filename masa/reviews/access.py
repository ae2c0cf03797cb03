"""Who may read and change reviews (DESIGN.md principle 6: need to know).

The review roles (business manager, lead and delegated partners, chair) read and change them; the
scrutineer reads; a reviewer appointed to a practice review (and not removed) reads that review and
the rapid review it came from, records its progress and checkpoints and uploads its reports, and
nothing else. Everyone else gets 403.
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


def _appointments(user: Any, partnership: Partnership) -> Any:
    return ReviewerAppointment.objects.filter(
        user=user, removed_on__isnull=True, review__partnership=partnership
    )


def is_appointed_reviewer(user: Any, review_pk: int, partnership: Partnership) -> bool:
    """`user` is appointed (and not removed) to the partnership's practice review `review_pk`."""
    return bool(
        user.is_authenticated
        and _appointments(user, partnership).filter(review_id=review_pk).exists()
    )


def is_reviewer_of_source(user: Any, rapid_pk: int, partnership: Partnership) -> bool:
    """`user` is appointed to the practice review that came from the rapid review `rapid_pk`."""
    return bool(
        user.is_authenticated
        and _appointments(user, partnership).filter(review__rapid_review_id=rapid_pk).exists()
    )


def review_view(
    *,
    edit: bool = False,
    reviewer_reads: bool = False,
    reviewer_writes: bool = False,
    source_reads: bool = False,
) -> Callable[..., Any]:
    """Decorate a view taking `slug`: signs in, checks access, passes `partnership`. The practice
    review named by `pk` is also open to its appointed reviewer with `reviewer_reads` (to read) or
    `reviewer_writes` (the view then limits what they may do); with `source_reads`, the rapid
    review named by `pk` is open to the reviewer of the practice review that came from it."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            partnership = get_object_or_404(Partnership, slug=slug)
            user = request.user
            pk = kwargs.get("pk", 0)
            allowed = can_edit(user, partnership) if edit else can_read(user, partnership)
            if not allowed and (reviewer_writes or (reviewer_reads and not edit)):
                allowed = is_appointed_reviewer(user, pk, partnership)
            if not allowed and source_reads and not edit:
                allowed = is_reviewer_of_source(user, pk, partnership)
            if not allowed:
                raise PermissionDenied
            return view(request, partnership, *args, **kwargs)

        return wrapper

    return decorator
