"""The sign-in log for operators: every sign-in, failure, lockout and two-factor step."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import selectors
from ..models import SignInEvent

PAGE_SIZE = 50


@login_required
def sign_in_log(request: HttpRequest) -> HttpResponse:
    if not request.user.is_staff:
        raise PermissionDenied
    events = selectors.sign_in_events()
    kind = request.GET.get("kind", "")
    if kind in SignInEvent.Kind.values:
        events = events.filter(kind=kind)
    else:
        kind = ""
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/sign_in_log.html",
        {
            "page_title": "Sign-in log",
            "page": page,
            "kind": kind,
            "kinds": SignInEvent.Kind.choices,
        },
    )
