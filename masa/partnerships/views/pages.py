"""The list of the user's partnerships, a partnership's overview and history, and the forms that
create and change the partnership itself."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from masa.accounts.access import partnership_view
from masa.casereads.models import Channel
from masa.casereads.services import read_logged
from masa.core.versioning import version_initial
from masa.incidents.access import can_read_cases
from masa.timeline.models import Event
from masa.timeline.selectors import case_event_counts, case_events_among

from .. import selectors, services
from ..forms import PartnershipCreateForm, PartnershipEditForm
from ..models import Partnership
from .common import form_page, page, posted, url


@login_required
def partnership_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "partnerships/list.html",
        {
            "page_title": "Your partnerships",
            "partnerships": selectors.partnerships_for(request.user, on=today),
            "can_add": request.user.is_staff,
        },
    )


def _log_case_events(
    request: HttpRequest, partnership: Partnership, events: list[Event], *, where: str
) -> None:
    """Events about case records name cases: a case reader's page showing them is a logged read."""
    shown = case_events_among(events)
    read_logged(
        request,
        partnership=partnership,
        channel=Channel.LIST,
        record_type="case event",
        records=shown,
        what=f"{where} listing {len(shown)} event{'s' if len(shown) != 1 else ''} about cases",
        references=[e.subject_label or e.verb for e in shown],
    )


@partnership_view()
def overview(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    case_details = can_read_cases(request.user, partnership)
    found = selectors.partnership_overview(partnership, on=today, case_details=case_details)
    if case_details:
        _log_case_events(request, partnership, found.events, where="overview")
    return page(
        request,
        "partnerships/overview.html",
        partnership,
        title=partnership.name,
        overview=found,
        compliance_url=f"/partnerships/{partnership.slug}/compliance/",
    )


@partnership_view()
def history(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    """Every event, newest first; events about case records only for those who may read them,
    and how many there are for everyone else."""
    case_details = can_read_cases(request.user, partnership)
    events = Paginator(selectors.history_for(partnership, case_details=case_details), 50).get_page(
        request.GET.get("page")
    )
    if case_details:
        _log_case_events(request, partnership, list(events.object_list), where="history")
    return page(
        request,
        "partnerships/history.html",
        partnership,
        title="History",
        trail=[("History", "")],
        events=events,
        hidden_case_events=[] if case_details else case_event_counts(partnership=partnership),
    )


@login_required
def partnership_add(request: HttpRequest) -> HttpResponse:
    if not request.user.is_staff:  # operators create partnerships; members change their own
        raise PermissionDenied
    form = PartnershipCreateForm(posted(request))
    return form_page(
        request,
        None,
        form,
        call=lambda data: services.partnership_create(by=request.user, **data),
        title="Add a partnership",
        success_url=lambda created: url("overview", created),
        success_message=lambda created: f"{created} recorded",
        cancel_url=reverse("partnerships:list"),
        submit_label="Add partnership",
    )


@partnership_view(edit=True)
def partnership_edit(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    initial = {
        "name": partnership.name,
        "short_name": partnership.short_name,
        "guidance": partnership.guidance,
        "parent": partnership.parent,
        "website": partnership.website,
        "summary": partnership.summary,
        "practice_review_six_months": partnership.practice_review_six_months,
        **version_initial(partnership),
    }
    form = PartnershipEditForm(posted(request), initial=initial, partnership=partnership)
    return form_page(
        request,
        partnership,
        form,
        call=lambda data: services.partnership_update(
            partnership=partnership, by=request.user, **data
        ),
        title="Change partnership details",
        success_url=url("overview", partnership),
        success_message="Partnership details saved",
        cancel_url=url("overview", partnership),
    )
