"""The clock dashboard: every statutory clock of a partnership, for its review roles."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from masa.accounts.models import Role
from masa.accounts.selectors import can_edit
from masa.casereads.models import Channel
from masa.casereads.services import read_logged
from masa.core.errors import InvalidInput
from masa.incidents.access import can_edit_cases, case_view
from masa.incidents.models import SeriousIncident
from masa.partnerships.models import Partnership
from masa.partnerships.views.common import crumbs, posted
from masa.reviews.models import PracticeReview, RapidReview

from .forms import ReminderSettingsForm
from .registry import ClockView
from .selectors import dashboard_for, reminder_settings_for
from .services import reminder_settings_update

# The case records a clock row names, by the page its subject links to.
CASE_PAGES = {"incidents:detail": "notification", "reviews:rapid-detail": "rapid review",
              "reviews:practice-detail": "practice review"}  # fmt: skip


def _cases_named(views: list[ClockView]) -> list[Any]:
    """The case records behind the rows: three queries at most, whatever the number of rows."""
    wanted: dict[str, set[int]] = {}
    for view in views:
        try:
            match = resolve(view.subject_url)
        except Resolver404:
            continue
        if match.view_name in CASE_PAGES:
            wanted.setdefault(CASE_PAGES[match.view_name], set()).add(int(match.kwargs["pk"]))
    queries = {
        "notification": SeriousIncident.objects.all(),
        "rapid review": RapidReview.objects.select_related("incident"),
        "practice review": PracticeReview.objects.all(),
    }
    return [
        record
        for kind, ids in wanted.items()
        for record in queries[kind].filter(pk__in=ids).order_by("pk")
    ]


@case_view()
def dashboard(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    board = dashboard_for(partnership=partnership, today=today)
    shown = [*board.overdue, *board.due_this_week, *board.running, *board.met_late, *board.met]
    cases = _cases_named(shown)
    read_logged(
        request,
        partnership=partnership,
        channel=Channel.LIST,
        record_type="case record",
        records=cases,
        what=f"clock dashboard naming {len(cases)} case record{'s' if len(cases) != 1 else ''}",
    )
    sections = [
        ("overdue", "Overdue", board.overdue),
        ("due-this-week", "Due this week", board.due_this_week),
        ("running", "Running", board.running),
        ("met-late", "Met late", board.met_late),
    ]
    if board.untimed:  # listed where their clocks would be; never due, so never late
        sections.append(("no-timescale", "No timescale in the guidance", board.untimed))
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
            # reminder settings and API tokens: the business manager's (the same rules as their views)
            "can_edit": can_edit(request.user, partnership)  # type: ignore[arg-type]
            and can_edit_cases(request.user, partnership),
        },
    )


@login_required
def reminder_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """The partnership's reminder lead times and roles: its business managers and staff. A refused
    POST shows the form again with the GOV.UK error summary (200)."""
    partnership = get_object_or_404(Partnership, slug=slug)
    if not can_edit(request.user, partnership):  # type: ignore[arg-type]
        raise PermissionDenied
    current = reminder_settings_for(partnership)
    initial = {
        "lead_days": current.lead_days,
        "roles": current.roles,
        "send_overdue": current.send_overdue,
        "overdue_roles": current.overdue_roles,
    }
    form = ReminderSettingsForm(posted(request), initial=initial)
    here = reverse("clocks:reminder-settings", args=[partnership.slug])
    dashboard_url = reverse("clocks:dashboard", args=[partnership.slug])
    if request.method == "POST" and form.is_valid():
        try:
            reminder_settings_update(partnership=partnership, by=request.user, **form.cleaned_data)
        except InvalidInput as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Reminder settings saved")
            return redirect(here)
    title = "Clock reminders"
    return render(
        request,
        "clocks/reminder_settings.html",
        {
            "partnership": partnership,
            "form": form,
            "page_title": title,
            "breadcrumbs": crumbs(partnership, ("Statutory clocks", dashboard_url), (title, "")),
            "cancel_url": dashboard_url,
            "lead": "Each day MASA emails the people in these roles about clocks coming due. A "
            "clock gets one reminder for each lead time, and a new one if its due date moves.",
            "role_choices": Role.choices,
            "roles": {str(v) for v in form["roles"].value() or ()},
            "overdue_roles": {str(v) for v in form["overdue_roles"].value() or ()},
        },
    )
