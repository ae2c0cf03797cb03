"""Staff pages for the documents' clocks and dispatches: which copies each published version owes,
their clocks, the ready-to-send message, and "record as sent". Every member of the partnership
reads; those who may change its records record a dispatch."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from masa.accounts.access import partnership_view
from masa.accounts.selectors import can_edit
from masa.core.errors import InvalidInput
from masa.partnerships.models import Partnership
from masa.partnerships.views.common import crumbs, posted

from .clocks import by_version, dispatch_clocks, explain, records_for, yearly_report_clocks
from .dispatch import dispatch_message, dispatch_record
from .dispatch_forms import DispatchForm
from .models import DocumentVersion, Recipient

TITLE = "Publication clocks and dispatches"


def _url(name: str, partnership: Partnership, *args: Any) -> str:
    return reverse(f"document_dispatch:{name}", args=[partnership.slug, *args])


def _version(partnership: Partnership, pk: int) -> DocumentVersion:
    """A published (or superseded) version of the partnership's documents, or 404."""
    version = (
        DocumentVersion.objects.filter(
            pk=pk, document__partnership=partnership, published_on__isnull=False
        )
        .select_related("document__partnership")
        .first()
    )
    if version is None:
        raise Http404
    return version


def _render(request: HttpRequest, template: str, partnership: Partnership, **context: Any):
    return render(
        request,
        template,
        {
            "partnership": partnership,
            "can_edit": can_edit(request.user, partnership),  # type: ignore[arg-type]
            **context,
        },
    )


@partnership_view()
def dispatch_index(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    today = timezone.localdate()
    records = records_for(partnership)
    yearly = yearly_report_clocks(records, today=today)
    grouped = by_version(dispatch_clocks(records, today=today))
    versions = [
        (version, [(clock, explain(clock)) for clock in grouped.get(version.pk, [])])
        for version in sorted(records.versions, key=lambda v: v.published_on or today, reverse=True)
    ]
    return _render(
        request,
        "documents/dispatch_index.html",
        partnership,
        page_title=TITLE,
        breadcrumbs=crumbs(partnership, (TITLE, "")),
        today=today,
        yearly=[(clock, explain(clock)) for clock in yearly],
        versions=versions,
        has_documents=bool(records.documents),
    )


@partnership_view()
def dispatch_version(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    version = _version(partnership, pk)
    today = timezone.localdate()
    clocks = dispatch_clocks(records_for(partnership), today=today, version=version)
    title = f"Dispatches of {version.document}, version {version.number}"
    return _render(
        request,
        "documents/dispatch_version.html",
        partnership,
        page_title=title,
        breadcrumbs=crumbs(partnership, (TITLE, _url("index", partnership)), (title, "")),
        version=version,
        rows=[(clock, explain(clock), Recipient(clock.recipient).label) for clock in clocks],
    )


@partnership_view()
def dispatch_send(
    request: HttpRequest, partnership: Partnership, pk: int, recipient: str
) -> HttpResponse:
    """The message to send to one recipient and, for editors, the form recording it as sent."""
    version = _version(partnership, pk)
    records = records_for(partnership)
    clock = next(
        (
            c
            for c in dispatch_clocks(records, today=timezone.localdate(), version=version)
            if c.recipient == recipient
        ),
        None,
    )
    if clock is None:
        raise Http404  # not a recipient this version owes
    label = Recipient(recipient).label
    editor = can_edit(request.user, partnership)  # type: ignore[arg-type]
    sent = records.dispatch(version, recipient)
    to, subject, body = dispatch_message(
        version, recipient, base_url=request.build_absolute_uri("/")
    )
    if request.method == "POST" and not editor:
        raise PermissionDenied
    form = None
    if editor and sent is None:
        form = DispatchForm(posted(request), initial={"sent_to": to})
        if form.is_bound and form.is_valid():
            try:
                dispatch_record(
                    version=version, recipient=recipient, by=request.user, **form.cleaned_data
                )
            except InvalidInput as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"Recorded as sent to the {label}")
                return redirect(_url("version", partnership, version.pk))
    back = _url("version", partnership, version.pk)
    title = f"Send to the {label}"
    return _render(
        request,
        "documents/dispatch_send.html",
        partnership,
        page_title=title,
        breadcrumbs=crumbs(
            partnership,
            (TITLE, _url("index", partnership)),
            (f"{version.document}, version {version.number}", back),
            (title, ""),
        ),
        version=version,
        clock=clock,
        explanation=explain(clock),
        label=label,
        sent=sent,
        to=to,
        subject=subject,
        body=body,
        form=form,
        cancel_url=back,
    )
