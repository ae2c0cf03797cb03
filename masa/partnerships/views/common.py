"""Pieces every registry view uses: the page frame (breadcrumbs, edit rights) and the one way a
form page calls its service and shows errors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from masa.accounts.selectors import can_edit
from masa.core.form_page import form_page as core_form_page
from masa.core.forms import ServiceForm

from ..models import Partnership


def posted(request: HttpRequest) -> Any:
    """The POST data for a bound form (even when empty), or None on GET."""
    return request.POST if request.method == "POST" else None


def url(name: str, partnership: Partnership, *args: Any) -> str:
    return reverse(f"partnerships:{name}", args=[partnership.slug, *args])


def crumbs(partnership: Partnership, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Partnerships", reverse("partnerships:list")),
        (partnership.short_name or partnership.name, url("overview", partnership)),
        *trail,
    ]


def page(
    request: HttpRequest,
    template: str,
    partnership: Partnership,
    *,
    title: str,
    trail: Sequence[tuple[str, str]] = (),
    **context: Any,
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "partnership": partnership,
            "page_title": title,
            "breadcrumbs": crumbs(partnership, *trail),
            "can_edit": can_edit(request.user, partnership),  # type: ignore[arg-type]
            **context,
        },
    )


def form_page(
    request: HttpRequest,
    partnership: Partnership | None,
    form: ServiceForm,
    *,
    call: Callable[[dict[str, Any]], object],
    title: str,
    success_url: str | Callable[[Any], str],
    success_message: str | Callable[[Any], str],
    cancel_url: str,
    trail: Sequence[tuple[str, str]] = (),
    submit_label: str = "Save",
    lead: str = "",
) -> HttpResponse:
    """A registry form page (masa.core.form_page), with the partnership's breadcrumbs."""
    trail = [*trail, (title, "")]
    return core_form_page(
        request,
        form,
        call=call,
        success_url=success_url,
        success_message=success_message,
        context={
            "partnership": partnership,
            "page_title": title,
            "breadcrumbs": crumbs(partnership, *trail)
            if partnership
            else [("Partnerships", reverse("partnerships:list")), *trail],
            "cancel_url": cancel_url,
            "submit_label": submit_label,
            "lead": lead,
        },
    )
