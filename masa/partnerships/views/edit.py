"""Add, change and end forms for the registry. Editors only (business managers and staff); each
form calls one service and shows its refusal in the error summary."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from masa.accounts.access import partnership_view
from masa.core.versioning import version_initial

from .. import forms, services
from ..models import (
    Board,
    Partnership,
    PartnershipArea,
    Priority,
    RelevantAgency,
    RoleAssignment,
    StatutoryPartner,
)
from ..periods import format_day
from .common import form_page, posted, url


def _end(
    request: HttpRequest,
    partnership: Partnership,
    row,
    *,
    service,
    keyword: str,
    what: str,
    back: str,
    trail: str,
) -> HttpResponse:
    form = forms.EndForm(posted(request), initial=version_initial(row))
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: service(**{keyword: row}, by=request.user, **data),
        title=f"End {what}",
        lead=f"{row} — {format_day(row.start)} onwards.",
        success_url=url(back, partnership),
        success_message=f"Ended {what}",
        cancel_url=url(back, partnership),
        trail=[(trail, url(back, partnership))],
        submit_label="End",
    )


# Areas -------------------------------------------------------------------------------------------


@partnership_view(edit=True)
def area_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = forms.AreaForm(posted(request))
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.area_add(partnership=partnership, by=request.user, **data),
        title="Add an area",
        success_url=url("areas", partnership),
        success_message=lambda area: f"{area.local_authority} added",
        cancel_url=url("areas", partnership),
        trail=[("Areas", url("areas", partnership))],
    )


@partnership_view(edit=True)
def area_end(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    area = get_object_or_404(
        PartnershipArea.objects.select_related("local_authority"), pk=pk, partnership=partnership
    )
    return _end(
        request,
        partnership,
        area,
        service=services.area_end,
        keyword="area",
        what="area",
        back="areas",
        trail="Areas",
    )


# Organisations and safeguarding partners ---------------------------------------------------------


@partnership_view(edit=True)
def organisation_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = forms.OrganisationForm(posted(request), initial={"kind": request.GET.get("kind")})
    back = "agency-add" if request.GET.get("next") == "agency" else "partner-add"
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.organisation_create(
            by=request.user, partnership=partnership, **data
        ),
        title="Add an organisation",
        lead="Organisations are shared by every partnership in MASA: check the list first.",
        success_url=url(back, partnership),
        success_message=lambda organisation: f"{organisation} recorded",
        cancel_url=url(back, partnership),
    )


@partnership_view(edit=True)
def partner_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = forms.PartnerForm(posted(request))
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.statutory_partner_add(
            partnership=partnership, by=request.user, **data
        ),
        title="Add a safeguarding partner",
        success_url=url("partners", partnership),
        success_message=lambda partner: f"{partner.organisation} added",
        cancel_url=url("partners", partnership),
        trail=[("Safeguarding partners", url("partners", partnership))],
    )


@partnership_view(edit=True)
def partner_suggestions(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    suggestions = services.statutory_partners_suggest(partnership)
    form = forms.SuggestionsForm(
        posted(request),
        suggestions=suggestions,
        initial={"keys": [s.key for s in suggestions]},
    )
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.statutory_partners_accept(
            partnership=partnership, by=request.user, **data
        ),
        title="Add the partners the areas call for",
        lead=(
            "For each local authority area the safeguarding partners are the authority, every "
            "integrated care board and every police force whose area overlaps it (Children "
            "Act 2004 s.16E(3)). These are missing today."
            if suggestions
            else "Every partner the areas call for is recorded."
        ),
        success_url=url("partners", partnership),
        success_message=lambda added: f"{len(added)} safeguarding partner(s) added",
        cancel_url=url("partners", partnership),
        trail=[("Safeguarding partners", url("partners", partnership))],
        submit_label="Add partners",
    )


@partnership_view(edit=True)
def partner_end(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    partner = get_object_or_404(
        StatutoryPartner.objects.select_related("organisation"), pk=pk, partnership=partnership
    )
    return _end(
        request,
        partnership,
        partner,
        service=services.statutory_partner_end,
        keyword="partner",
        what="safeguarding partner",
        back="partners",
        trail="Safeguarding partners",
    )


# Relevant agencies -------------------------------------------------------------------------------


@partnership_view(edit=True)
def agency_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = forms.AgencyForm(posted(request))
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.relevant_agency_add(
            partnership=partnership, by=request.user, **data
        ),
        title="Add a relevant agency",
        success_url=url("agencies", partnership),
        success_message=lambda agency: f"{agency.organisation} added",
        cancel_url=url("agencies", partnership),
        trail=[("Relevant agencies", url("agencies", partnership))],
    )


@partnership_view(edit=True)
def agency_edit(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    agency = get_object_or_404(
        RelevantAgency.objects.select_related("organisation"), pk=pk, partnership=partnership
    )
    form = forms.AgencyEditForm(
        posted(request),
        initial={
            "why_chosen": agency.why_chosen,
            "contribution": agency.contribution,
            **version_initial(agency),
        },
    )
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.relevant_agency_update(agency=agency, by=request.user, **data),
        title=f"Change {agency.organisation}",
        success_url=url("agencies", partnership),
        success_message="Relevant agency saved",
        cancel_url=url("agencies", partnership),
        trail=[("Relevant agencies", url("agencies", partnership))],
    )


@partnership_view(edit=True)
def agency_end(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    agency = get_object_or_404(
        RelevantAgency.objects.select_related("organisation"), pk=pk, partnership=partnership
    )
    return _end(
        request,
        partnership,
        agency,
        service=services.relevant_agency_end,
        keyword="agency",
        what="relevant agency",
        back="agencies",
        trail="Relevant agencies",
    )


# People ------------------------------------------------------------------------------------------


@partnership_view(edit=True)
def role_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    initial = {key: request.GET.get(key, "") for key in ("role", "partner_type")}
    form = forms.RoleForm(posted(request), initial=initial, partnership=partnership)
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.role_assign(partnership=partnership, by=request.user, **data),
        title="Assign a role",
        lead="Assigning the chair, scrutineer, business manager, or a lead or delegated partner "
        "ends the current holder the day before; their record stays in the history.",
        success_url=url("people", partnership),
        success_message=lambda role: f"{role} recorded",
        cancel_url=url("people", partnership),
        trail=[("People", url("people", partnership))],
    )


@partnership_view(edit=True)
def role_end(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    role = get_object_or_404(RoleAssignment, pk=pk, partnership=partnership)
    return _end(
        request,
        partnership,
        role,
        service=services.role_end,
        keyword="assignment",
        what="role",
        back="people",
        trail="People",
    )


# Boards and priorities ---------------------------------------------------------------------------


@partnership_view(edit=True)
def board_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = forms.BoardForm(posted(request), partnership=partnership)
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.board_create(partnership=partnership, by=request.user, **data),
        title="Add a board or group",
        success_url=url("boards", partnership),
        success_message=lambda board: f"{board} added",
        cancel_url=url("boards", partnership),
        trail=[("Boards and groups", url("boards", partnership))],
    )


@partnership_view(edit=True)
def board_edit(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    board = get_object_or_404(Board, pk=pk, partnership=partnership)
    initial = {
        field: getattr(board, field)
        for field in (
            "name",
            "kind",
            "parent",
            "remit",
            "chair_title",
            "meets",
            "includes_education",
        )
    }
    form = forms.BoardEditForm(
        posted(request),
        initial={**initial, **version_initial(board)},
        partnership=partnership,
        board=board,
    )
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.board_update(board=board, by=request.user, **data),
        title=f"Change {board}",
        success_url=url("boards", partnership),
        success_message="Group saved",
        cancel_url=url("boards", partnership),
        trail=[("Boards and groups", url("boards", partnership))],
    )


@partnership_view(edit=True)
def priority_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = forms.PriorityForm(posted(request))
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.priority_create(
            partnership=partnership, by=request.user, **data
        ),
        title="Add a priority",
        success_url=url("priorities", partnership),
        success_message="Priority added",
        cancel_url=url("priorities", partnership),
        trail=[("Priorities", url("priorities", partnership))],
    )


@partnership_view(edit=True)
def priority_edit(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    priority = get_object_or_404(Priority, pk=pk, partnership=partnership)
    form = forms.PriorityEditForm(
        posted(request),
        initial={
            "title": priority.title,
            "description": priority.description,
            "position": priority.position,
            **version_initial(priority),
        },
    )
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.priority_update(priority=priority, by=request.user, **data),
        title="Change priority",
        success_url=url("priorities", partnership),
        success_message="Priority saved",
        cancel_url=url("priorities", partnership),
        trail=[("Priorities", url("priorities", partnership))],
    )


@partnership_view(edit=True)
def priority_end(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    priority = get_object_or_404(Priority, pk=pk, partnership=partnership)
    return _end(
        request,
        partnership,
        priority,
        service=services.priority_end,
        keyword="priority",
        what="priority",
        back="priorities",
        trail="Priorities",
    )
