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
from masa.core.versioning import version_initial

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


@partnership_view()
def overview(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    return page(
        request,
        "partnerships/overview.html",
        partnership,
        title=partnership.name,
        overview=selectors.partnership_overview(partnership, on=today),
        compliance_url=f"/partnerships/{partnership.slug}/compliance/",
    )


@partnership_view()
def history(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    events = Paginator(selectors.history_for(partnership), 50).get_page(request.GET.get("page"))
    return page(
        request,
        "partnerships/history.html",
        partnership,
        title="History",
        trail=[("History", "")],
        events=events,
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
