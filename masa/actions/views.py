"""Pages for recommendations, actions and learning themes. Every member of the partnership reads;
the business manager (and staff) change; an agency contact adds updates to their organisation's
actions."""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from masa.accounts import signing
from masa.accounts.access import partnership_view
from masa.accounts.selectors import can_edit
from masa.core.form_page import form_page
from masa.core.spreadsheets import spreadsheet_row
from masa.core.versioning import version_initial
from masa.incidents.access import can_read_cases
from masa.partnerships.models import Partnership
from masa.partnerships.views.common import crumbs, posted

from . import forms, selectors, services, workflow
from .access import can_update
from .models import Action, Recommendation, SignOffPartner


def _url(name: str, partnership: Partnership, *args: Any) -> str:
    return reverse(f"actions:{name}", args=[partnership.slug, *args])


def _trail(partnership: Partnership, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return crumbs(partnership, ("Actions", _url("list", partnership)), *more)


def _page(request: HttpRequest, template: str, partnership: Partnership, **context: Any):
    return render(
        request,
        template,
        {
            "partnership": partnership,
            "can_edit": can_edit(request.user, partnership),  # type: ignore[arg-type]
            "tags": workflow.TAGS,
            **context,
        },
    )


def _form(
    request: HttpRequest,
    partnership: Partnership,
    form: forms.ServiceForm,
    *,
    call: Callable[[dict[str, Any]], Any],
    title: str,
    back: str,
    trail: list[tuple[str, str]],
    success_message: Callable[[Any], str],
    success_url: Callable[[Any], str] | None = None,
    lead: str = "",
    submit_label: str = "Save",
) -> HttpResponse:
    return form_page(
        request,
        form,
        call=call,
        success_url=success_url or back,
        success_message=success_message,
        context={
            "partnership": partnership,
            "page_title": title,
            "breadcrumbs": _trail(partnership, *trail, (title, "")),
            "cancel_url": back,
            "lead": lead,
            "submit_label": submit_label,
        },
    )


def _recommendation(partnership: Partnership, pk: int) -> Recommendation:
    try:
        return selectors.recommendation_detail(partnership=partnership, pk=pk)
    except Recommendation.DoesNotExist:
        raise Http404 from None


def _action(partnership: Partnership, pk: int) -> Action:
    try:
        return selectors.action_detail(partnership=partnership, pk=pk)
    except Action.DoesNotExist:
        raise Http404 from None


# Lists -------------------------------------------------------------------------------------------


def _filtered(request: HttpRequest, partnership: Partnership):
    filters = forms.FilterForm(request.GET or None, partnership=partnership)
    today = timezone.localdate()
    rows = selectors.actions_for(partnership, today=today, **filters.filters())
    return filters, rows, today


@partnership_view()
def action_list(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    filters, rows, today = _filtered(request, partnership)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return _page(
        request,
        "actions/list.html",
        partnership,
        page_title="Actions",
        breadcrumbs=crumbs(partnership, ("Actions", "")),
        filters=filters,
        actions=page,
        today=today,
    )


@partnership_view()
def action_export_csv(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    _filters, rows, _today = _filtered(request, partnership)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{partnership.slug}-actions.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["recommendation", "action", "text", "owner", "owner_role", "due_on", "status", "overdue"]
    )
    for action in rows.iterator(chunk_size=2000):
        writer.writerow(
            spreadsheet_row((
                action.recommendation.reference, action.pk, action.text, action.owner.name,
                action.owner_role, action.due_on, action.get_status_display(), action.is_overdue,
            ))
        )  # fmt: skip
    return response


@partnership_view()
def recommendation_list(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.recommendations_for(partnership, today=today)
    return _page(
        request,
        "actions/recommendations.html",
        partnership,
        page_title="Recommendations",
        breadcrumbs=_trail(partnership, ("Recommendations", "")),
        recommendations=Paginator(rows, 50).get_page(request.GET.get("page")),
    )


def _source_url(user: Any, recommendation: Recommendation) -> str:
    source = recommendation.source if recommendation.source_type_id else None
    if source is None or not hasattr(source, "get_absolute_url"):
        return ""
    return source.get_absolute_url() if can_read_cases(user, recommendation.partnership) else ""


@partnership_view()
def recommendation_detail(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    recommendation = _recommendation(partnership, pk)
    allowed = workflow.recommendation_allowed(recommendation.status)
    today = timezone.localdate()
    for action in recommendation.actions.all():
        action.is_overdue = action.overdue_on(today)  # type: ignore[attr-defined]
    return _page(
        request,
        "actions/recommendation.html",
        partnership,
        page_title=f"Recommendation {recommendation.reference}",
        breadcrumbs=_trail(
            partnership,
            ("Recommendations", _url("recommendations", partnership)),
            (recommendation.reference, ""),
        ),
        recommendation=recommendation,
        # the source is shown as a link only to those who may read it (a review is a case record)
        source_url=_source_url(request.user, recommendation),
        moves=[workflow.RECOMMENDATION_LABELS[s] for s in sorted(allowed)],
        open=recommendation.status not in workflow.RECOMMENDATION_TERMINAL,
    )


@partnership_view()
def action_detail(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    action = _action(partnership, pk)
    allowed = workflow.action_allowed(action.status)
    today = timezone.localdate()
    return _page(
        request,
        "actions/detail.html",
        partnership,
        page_title=f"Action {action.pk}",
        breadcrumbs=_trail(
            partnership,
            (
                action.recommendation.reference,
                _url("recommendation", partnership, action.recommendation_id),
            ),
            (f"Action {action.pk}", ""),
        ),
        action=action,
        overdue=action.overdue_on(today),
        moves=[
            (s, workflow.ACTION_LABELS[s]) for s in workflow.ActionStatus.values if s in allowed
        ],
        can_update=can_update(request.user, action) and action.status != "signed_off",
        can_sign_off=action.status == workflow.ActionStatus.IMPACT_EVIDENCED
        and bool(_sign_off_choices(request, action)),
    )


@partnership_view()
def theme_list(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    # Operators see the national view: other partnerships' sources are not for members' eyes.
    national = request.GET.get("scope") == "all" and request.user.is_staff
    themes = selectors.recurring_themes(None if national else partnership)
    return _page(
        request,
        "actions/themes.html",
        partnership,
        page_title="Learning themes",
        breadcrumbs=_trail(partnership, ("Learning themes", "")),
        themes=themes,
        national=national,
        recurring=[t for t in themes if t.recurring],
        most=max((t.recommendations for t in themes), default=0),
    )


# Forms -------------------------------------------------------------------------------------------


@partnership_view(edit=True)
def recommendation_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    return _form(
        request,
        partnership,
        forms.RecommendationForm(posted(request)),
        call=lambda data: services.recommendation_create(
            partnership=partnership, by=request.user, **data
        ),
        title="Add a recommendation",
        back=_url("recommendations", partnership),
        trail=[("Recommendations", _url("recommendations", partnership))],
        success_message=lambda r: f"Recommendation {r.reference} recorded",
        success_url=lambda r: _url("recommendation", partnership, r.pk),
    )


@partnership_view(edit=True)
def recommendation_status(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    recommendation = _recommendation(partnership, pk)
    allowed = workflow.recommendation_allowed(recommendation.status)
    if not allowed:
        raise Http404
    back = _url("recommendation", partnership, pk)
    return _form(
        request,
        partnership,
        forms.RecommendationTransitionForm(
            posted(request), allowed=allowed, initial=version_initial(recommendation)
        ),
        call=lambda data: services.recommendation_transition(
            recommendation=recommendation, by=request.user, **data
        ),
        title=f"Change the status of {recommendation.reference}",
        lead=f"It is {recommendation.get_status_display().lower()}.",
        back=back,
        trail=[(recommendation.reference, back)],
        success_message=lambda r: f"{r.reference} is {r.get_status_display().lower()}",
    )


@partnership_view(edit=True)
def action_add(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    recommendation = _recommendation(partnership, pk)
    back = _url("recommendation", partnership, pk)
    return _form(
        request,
        partnership,
        forms.ActionForm(posted(request), partnership=partnership),
        call=lambda data: services.action_create(
            recommendation=recommendation, by=request.user, **data
        ),
        title=f"Add an action to {recommendation.reference}",
        lead=f"Made {recommendation.made_on:%-d %B %Y}: {recommendation.text[:300]}",
        back=back,
        trail=[(recommendation.reference, back)],
        success_message=lambda a: f"Action {a.pk} added",
        success_url=lambda a: _url("detail", partnership, a.pk),
    )


@partnership_view()
def update_add(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    action = _action(partnership, pk)
    if not can_update(request.user, action):
        raise PermissionDenied
    back = _url("detail", partnership, pk)
    return _form(
        request,
        partnership,
        forms.UpdateForm(posted(request)),
        call=lambda data: services.action_update_add(action=action, by=request.user, **data),
        title=f"Add an update to action {action.pk}",
        lead=action.text[:300],
        back=back,
        trail=[(f"Action {action.pk}", back)],
        success_message=lambda u: f"{u.get_kind_display()} added",
    )


@partnership_view(edit=True)
def action_status(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    action = _action(partnership, pk)
    allowed = workflow.action_allowed(action.status)
    if not allowed:
        raise Http404  # a signed-off action offers nothing
    back = _url("detail", partnership, pk)
    return _form(
        request,
        partnership,
        forms.ActionTransitionForm(
            posted(request),
            allowed=allowed,
            initial={"to": request.GET.get("to"), **version_initial(action)},
        ),
        call=lambda data: services.action_transition(action=action, by=request.user, **data),
        title=f"Change the status of action {action.pk}",
        lead=f"It is {action.get_status_display().lower()}.",
        back=back,
        trail=[(f"Action {action.pk}", back)],
        success_message=lambda a: f"Action {a.pk} is {a.get_status_display().lower()}",
    )


def _sign_off_choices(request: HttpRequest, action: Any) -> list[tuple[str, str]]:
    """The partners still to sign off that the user may sign off for today."""
    signed = {s.partner_type for s in action.sign_offs.all()}
    mine = {
        a.partner_type
        for a in signing.authorities(user=request.user, partnership=action.partnership)
    }
    return [
        (value, label)
        for value, label in SignOffPartner.choices
        if value not in signed and services.SIGN_OFF_PARTNER_TYPES[SignOffPartner(value)] in mine
    ]


@partnership_view()
def action_sign_off(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    action = _action(partnership, pk)
    back = _url("detail", partnership, pk)
    choices = _sign_off_choices(request, action)
    if not choices:
        raise PermissionDenied  # they may sign off for no partner that has still to
    return _form(
        request,
        partnership,
        forms.SignOffForm(posted(request), choices=choices),
        call=lambda data: services.action_sign_off(action=action, by=request.user, **data),
        title=f"Sign off action {action.pk} for your partner",
        lead="Each of the three safeguarding partners signs off the evidence of impact, through "
        "the person who holds its lead safeguarding partner role.",
        back=back,
        trail=[(f"Action {action.pk}", back)],
        success_message=lambda s: f"{s.get_partner_type_display()} sign-off recorded",
        submit_label="Record sign-off",
    )
