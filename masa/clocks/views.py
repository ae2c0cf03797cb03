"""The clock dashboard: every statutory clock of a partnership, for its review roles."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from masa.incidents.access import case_view
from masa.partnerships.models import Partnership
from masa.partnerships.views.common import crumbs

from .selectors import dashboard_for


@case_view()
def dashboard(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    board = dashboard_for(partnership=partnership, today=today)
    sections = [
        ("overdue", "Overdue", board.overdue),
        ("due-this-week", "Due this week", board.due_this_week),
        ("running", "Running", board.running),
        ("met-late", "Met late", board.met_late),
    ]
    return render(
        request,
        "clocks/dashboard.html",
        {
            "partnership": partnership,
            "page_title": "Statutory clocks",
            "breadcrumbs": crumbs(partnership, ("Statutory clocks", "")),
            "today": today,
            "sections": sections,
            "met": board.met,
            "total": board.total,
        },
    )
