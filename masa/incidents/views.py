"""Pages for serious incident notifications. Review roles and the scrutineer read; the business
manager (and staff) change. Every view of a notification is logged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from masa.casereads.models import Channel
from masa.casereads.services import read_logged
from masa.clocks import services as clock_services
from masa.clocks.forms import ClockForm, ExtendForm, PauseForm
from masa.core.form_page import FORM_TEMPLATE, form_page
from masa.core.forms import ServiceForm
from masa.core.versioning import version_initial
from masa.partnerships.models import Partnership
from masa.partnerships.views.common import crumbs, posted

from . import exports, forms, selectors, services, workflow
from .access import can_edit_cases, case_view
from .clocks import incident_clocks, rule_ids
from .models import SeriousIncident
from .services import sos_ofsted_applies


def _url(name: str, partnership: Partnership, *args: Any) -> str:
    return reverse(f"incidents:{name}", args=[partnership.slug, *args])


def _trail(partnership: Partnership, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return crumbs(partnership, ("Serious incidents", _url("list", partnership)), *more)


def _incident(
    request: HttpRequest, partnership: Partnership, pk: int, *, what: str
) -> SeriousIncident:
    """The notification, its read logged as `what` ("notification {ref}"); 404 logs nothing."""
    try:
        incident = selectors.incident_detail(partnership=partnership, pk=pk)
    except SeriousIncident.DoesNotExist:
        raise Http404 from None
    read_logged(
        request,
        partnership=partnership,
        channel=Channel.PAGE,
        record_type="notification",
        records=[incident],
        what=what.format(ref=incident.reference),
    )
    return incident


def _form(
    request: HttpRequest,
    partnership: Partnership,
    form: ServiceForm,
    *,
    call: Callable[[dict[str, Any]], Any],
    title: str,
    success_url: Callable[[Any], str],
    success_message: Callable[[Any], str],
    cancel_url: str,
    trail: list[tuple[str, str]],
    template: str = FORM_TEMPLATE,
    lead: str = "",
) -> HttpResponse:
    return form_page(
        request,
        form,
        call=call,
        success_url=success_url,
        success_message=success_message,
        template=template,
        context={
            "partnership": partnership,
            "page_title": title,
            "breadcrumbs": _trail(partnership, *trail, (title, "")),
            "cancel_url": cancel_url,
            "lead": lead,
        },
    )


@case_view()
def incident_list(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    years = selectors.incident_years(partnership=partnership)
    filters = forms.FilterForm(request.GET or None, years=years)
    status, year = "", None
    if filters.is_valid():
        status, year = filters.cleaned_data["status"], filters.cleaned_data["year"]
    rows = selectors.incidents_for(partnership=partnership, status=status, year=year)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    read_logged(
        request,
        partnership=partnership,
        channel=Channel.LIST,
        record_type="notification",
        records=page.object_list,
    )
    return render(
        request,
        "incidents/list.html",
        {
            "partnership": partnership,
            "page_title": "Serious incident notifications",
            "breadcrumbs": crumbs(partnership, ("Serious incidents", "")),
            "can_edit": can_edit_cases(request.user, partnership),
            "filters": filters,
            "incidents": page,
        },
    )


@case_view()
def incident_export_csv(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    """The list's notifications (its filters apply) as CSV; the read is logged."""
    filters = forms.FilterForm(
        request.GET or None, years=selectors.incident_years(partnership=partnership)
    )
    status, year = "", None
    if filters.is_valid():
        status, year = filters.cleaned_data["status"], filters.cleaned_data["year"]
    rows = list(selectors.incidents_for(partnership=partnership, status=status, year=year))
    read_logged(
        request,
        partnership=partnership,
        channel=Channel.EXPORT,
        record_type="notification",
        records=rows,
        what=f"CSV of {len(rows)} notification{'s' if len(rows) != 1 else ''}",
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{partnership.slug}-incidents.csv"'
    exports.incidents_csv(
        response, partnership=partnership, incidents=rows, today=timezone.localdate()
    )
    return response


@case_view(edit=True)
def incident_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = forms.IncidentForm(posted(request), partnership=partnership)
    return _form(
        request,
        partnership,
        form,
        call=lambda _data: services.incident_record(
            partnership=partnership, by=request.user, **form.service_arguments()
        ),
        title="Record a serious incident notification",
        template="incidents/form.html",
        success_url=lambda incident: _url("detail", partnership, incident.pk),
        success_message=lambda incident: f"{incident.reference} recorded",
        cancel_url=_url("list", partnership),
        trail=[],
    )


@case_view(edit=True)
def incident_edit(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    incident = _incident(request, partnership, pk, what="notification {ref} (edit form)")
    back = _url("detail", partnership, pk)
    initial = {field: getattr(incident, field) for field in services.FIELDS}
    initial.update(version_initial(incident))
    form = forms.IncidentEditForm(
        posted(request), partnership=partnership, with_children=False, initial=initial
    )
    return _form(
        request,
        partnership,
        form,
        call=lambda data: services.incident_update(incident=incident, by=request.user, **data),
        title=f"Change {incident.reference}",
        template="incidents/form.html",
        success_url=lambda _i: back,
        success_message=lambda i: f"{i.reference} changed",
        cancel_url=back,
        trail=[(incident.reference, back)],
    )


@case_view()
def incident_detail(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    incident = _incident(request, partnership, pk, what="notification {ref}")
    today = timezone.localdate()
    allowed = workflow.allowed(incident.status)
    return render(
        request,
        "incidents/detail.html",
        {
            "partnership": partnership,
            "incident": incident,
            "page_title": incident.reference,
            "breadcrumbs": _trail(partnership, (incident.reference, "")),
            "can_edit": can_edit_cases(request.user, partnership),
            "is_open": incident.status in workflow.OPEN,
            "clocks": incident_clocks(incident, guidance=partnership.guidance, today=today),
            "sos_ofsted": sos_ofsted_applies(
                outcome=incident.outcome,
                looked_after_child=incident.looked_after_child,
                care_leaver=incident.care_leaver,
                guidance=partnership.guidance,
            ),
            "actions": [(s, workflow.ACTION_LABELS[s]) for s in allowed],
        },
    )


@case_view()
def incident_history(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    incident = _incident(request, partnership, pk, what="history of notification {ref}")
    events = Paginator(selectors.history_for(incident=incident), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "incidents/history.html",
        {
            "partnership": partnership,
            "incident": incident,
            "page_title": f"History of {incident.reference}",
            "breadcrumbs": _trail(
                partnership,
                (incident.reference, _url("detail", partnership, pk)),
                ("History", ""),
            ),
            "events": events,
        },
    )


SENT_TITLES = {
    "panel": "Record the date the Panel was notified",
    "partners": "Record the date the safeguarding partners were told",
    "sos-ofsted": "Record the date the Secretary of State and Ofsted were told",
}


@case_view(edit=True)
def incident_sent(
    request: HttpRequest, partnership: Partnership, pk: int, which: str
) -> HttpResponse:
    if which not in SENT_TITLES:
        raise Http404
    incident = _incident(request, partnership, pk, what="notification {ref} (date sent form)")
    back = _url("detail", partnership, pk)
    return _form(
        request,
        partnership,
        forms.SentForm(posted(request)),
        call=lambda data: services.notification_record(
            incident=incident, which=which.replace("-", "_"), on=data["on"], by=request.user
        ),
        title=SENT_TITLES[which],
        lead=f"{incident.reference}: became aware {incident.became_aware_on:%-d %B %Y}.",
        success_url=lambda _i: back,
        success_message=lambda i: f"Date recorded for {i.reference}",
        cancel_url=back,
        trail=[(incident.reference, back)],
    )


@case_view(edit=True)
def incident_status(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    incident = _incident(request, partnership, pk, what="notification {ref} (status form)")
    back = _url("detail", partnership, pk)
    allowed = workflow.allowed(incident.status)
    if not allowed:
        raise Http404  # a closed notification offers no action
    return _form(
        request,
        partnership,
        forms.TransitionForm(posted(request), allowed=allowed),
        call=lambda data: services.incident_transition(
            incident=incident, to=data["to"], by=request.user
        ),
        title=f"Change the status of {incident.reference}",
        lead=f"It is {incident.get_status_display().lower()}.",
        success_url=lambda _i: back,
        success_message=lambda i: f"{i.reference} is {i.get_status_display().lower()}",
        cancel_url=back,
        trail=[(incident.reference, back)],
    )


def _clock_form(
    request: HttpRequest, partnership: Partnership, pk: int, *, kind: str
) -> HttpResponse:
    incident = _incident(
        request, partnership, pk, what="notification {ref} (clock " + kind + " form)"
    )
    back = _url("detail", partnership, pk)
    rules = [(rule, what) for rule, _f, what in rule_ids(incident, partnership.guidance)]
    if kind == "pause":
        form: ClockForm = PauseForm(posted(request), rules=rules)

        def call(data: dict[str, Any]) -> Any:
            return clock_services.clock_pause(subject=incident, by=request.user, **data)

        title = f"Pause a clock on {incident.reference}"
    else:
        form = ExtendForm(posted(request), rules=rules)

        def call(data: dict[str, Any]) -> Any:
            return clock_services.clock_extend(subject=incident, by=request.user, **data)

        title = f"Extend a clock on {incident.reference}"
    return _form(
        request,
        partnership,
        form,
        call=call,
        title=title,
        lead="The due date is never edited: the pause or extension is recorded with its reason "
        "and the due date is worked out again.",
        success_url=lambda _e: back,
        success_message=lambda _e: "Recorded; the due date has been worked out again",
        cancel_url=back,
        trail=[(incident.reference, back)],
    )


@case_view(edit=True)
def clock_pause(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    return _clock_form(request, partnership, pk, kind="pause")


@case_view(edit=True)
def clock_extend(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    return _clock_form(request, partnership, pk, kind="extension")
