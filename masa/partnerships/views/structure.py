"""The structure pages: areas, safeguarding partners, people, relevant agencies, boards, priorities.
Any member may read them; the add and change links show only to editors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from masa.accounts.access import partnership_view

from .. import schedule, selectors
from ..models import Partnership
from ..services import statutory_partners_suggest
from .common import page


@partnership_view()
def areas(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    rows = list(selectors.areas_for(partnership))
    return page(
        request,
        "partnerships/areas.html",
        partnership,
        title="Areas covered",
        trail=[("Areas", "")],
        rows=rows,
        today=today,
        has_children=partnership.children.exists(),
    )


@partnership_view()
def partners(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    return page(
        request,
        "partnerships/partners.html",
        partnership,
        title="Safeguarding partners",
        trail=[("Safeguarding partners", "")],
        rows=list(selectors.statutory_partners_for(partnership)),
        today=today,
        suggestions=statutory_partners_suggest(partnership, on=today),
    )


@partnership_view()
def people(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    return page(
        request,
        "partnerships/people.html",
        partnership,
        title="People and roles",
        trail=[("People", "")],
        today=today,
        groups=selectors.roles_with_history(partnership, on=today),
    )


@partnership_view()
def agencies(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    rows = [
        (row, schedule.paragraph(row.organisation.schedule_paragraph))
        for row in selectors.relevant_agencies_for(partnership)
    ]
    return page(
        request,
        "partnerships/agencies.html",
        partnership,
        title="Relevant agencies",
        trail=[("Relevant agencies", "")],
        rows=rows,
        today=today,
    )


@partnership_view()
def boards(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    return page(
        request,
        "partnerships/boards.html",
        partnership,
        title="Boards and groups",
        trail=[("Boards and groups", "")],
        outline=selectors.boards_for(partnership),
    )


@partnership_view()
def priorities(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    return page(
        request,
        "partnerships/priorities.html",
        partnership,
        title="Priorities",
        trail=[("Priorities", "")],
        rows=list(selectors.priorities_for(partnership)),
        today=today,
    )
