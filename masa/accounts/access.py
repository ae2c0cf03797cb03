"""View helpers that resolve the partnership in the URL and check the user's access to it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from masa.partnerships.models import Partnership

from . import selectors


def partnership_for(request: HttpRequest, slug: str, *, edit: bool = False) -> Partnership:
    """The partnership named by `slug`, if the user may see it (or change it, with edit=True).

    Raises 404 for an unknown slug and 403 (with the service's explanation page) otherwise."""
    partnership = get_object_or_404(Partnership.objects.select_related("parent"), slug=slug)
    allowed = selectors.can_edit if edit else selectors.can_view
    if not allowed(request.user, partnership):  # type: ignore[arg-type]
        raise PermissionDenied
    return partnership


def partnership_view(*, edit: bool = False) -> Callable[..., Any]:
    """Decorate a view taking `slug`: signs in, checks access, and passes `partnership`."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            partnership = partnership_for(request, slug, edit=edit)
            return view(request, partnership, *args, **kwargs)

        return wrapper

    return decorator
