"""The compliance matrix page, its downloads, and one page per requirement.

Members of the partnership see the matrix; the rows judged from case records name cases only to
those who may read case records (everyone else sees counts), and such a read is logged. Business
managers and staff record assessments and evidence (a POST from anyone else is refused with 403).
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from masa.accounts.access import partnership_view
from masa.accounts.selectors import can_edit
from masa.casereads.models import Channel
from masa.casereads.services import read_logged
from masa.core.dates import parse_iso_date
from masa.core.errors import InvalidInput
from masa.core.versioning import NOT_CREATED, version_initial
from masa.incidents.access import can_read_cases
from masa.partnerships.models import Partnership
from masa.statute.models import Requirement

from . import exports, selectors, services
from .derivations import Context
from .derivations.cases import CASE_RULES
from .forms import STATUS_HINTS, AssessmentForm, EvidenceLinkForm, MatrixFilterForm
from .models import Assessment, EvidenceLink
from .periods import financial_year
from .table import topic_tables

FILTERS = ("topic", "level", "status", "framework")


def _crumbs(partnership: Partnership, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Partnerships", reverse("partnerships:list")),
        (partnership.short_name or partnership.name,
         reverse("partnerships:overview", args=[partnership.slug])),
        *trail,
    ]  # fmt: skip


def _matrix_from_query(
    request: HttpRequest, partnership: Partnership, *, channel: str
) -> tuple[Any, Any]:
    at = _at(request)
    frameworks = selectors.frameworks_for(partnership, at)
    form = MatrixFilterForm(request.GET, choices=selectors.filter_choices(frameworks))
    context = Context(partnership, form.value("at"))
    matrix = selectors.matrix_for(
        partnership=partnership,
        at=form.value("at"),
        context=context,
        case_details=can_read_cases(request.user, partnership),
        **{name: form.value(name) for name in FILTERS},
    )
    _log_case_reads(
        request,
        partnership,
        context,
        matrix.rows,
        channel=channel,
        case_details=matrix.case_details,
    )
    return matrix, form


def _log_case_reads(
    request: HttpRequest,
    partnership: Partnership,
    context: Context,
    rows: Any,
    *,
    channel: str,
    case_details: bool,
    what: str = "compliance matrix",
) -> None:
    """A case reader's matrix rows judged from case records name the cases read: log that read."""
    if not case_details or not any(row.rule in CASE_RULES for row in rows):
        return
    records = selectors.case_records_read(context)
    read_logged(
        request,
        partnership=partnership,
        channel=channel,
        record_type="case record",
        records=records,
        what=f"{what} naming {len(records)} case record{'s' if len(records) != 1 else ''}",
    )


def _at(request: HttpRequest) -> date:
    return _at_or_problem(request)[0]


def _at_or_problem(request: HttpRequest) -> tuple[date, str]:
    """`?at=`, or today and the message saying what is wrong with it."""
    try:
        return parse_iso_date(request.GET.get("at")), ""
    except ValueError as error:
        return parse_iso_date(None), f"The date {error.args[0].removeprefix('the date ')}"


def _problem(message: str) -> forms.Form:
    """A form holding only `message`, for the one error-summary pattern."""
    problem = forms.Form({})
    problem.is_valid()
    problem.add_error(None, message)
    return problem


@partnership_view()
def matrix(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    matrix, form = _matrix_from_query(request, partnership, channel=Channel.PAGE)
    # A filter in error is not carried into the links (the page shows today's matrix).
    query = {
        k: v for k, v in request.GET.items() if k in (*FILTERS, "at") and v and k not in form.errors
    }
    summary_links = [
        (status, count, "?" + urlencode({**query, "status": status}))
        for status, count in matrix.summary.items()
    ]
    row_base = reverse("compliance:matrix", args=[partnership.slug])
    row_query = "?" + urlencode({"at": matrix.at.isoformat()}) if "at" in query else ""
    downloads = [
        (fmt.upper(), reverse("compliance:export", args=[partnership.slug]) + "?"
         + urlencode({**query, "format": fmt}))
        for fmt in exports.FORMATS
    ]  # fmt: skip
    return render(
        request,
        "compliance/matrix.html",
        {
            "partnership": partnership,
            "page_title": "Compliance matrix",
            "breadcrumbs": _crumbs(partnership, ("Compliance matrix", "")),
            "matrix": matrix,
            "form": form,
            "summary_links": summary_links,
            "downloads": downloads,
            "row_base": row_base,
            "tables": topic_tables(matrix, row_base=row_base, row_query=row_query),
            "filtered": any(name in query for name in FILTERS),
        },
    )


@partnership_view()
def export(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    fmt = request.GET.get("format", "json")
    if fmt not in exports.FORMATS:
        raise Http404("Unknown format")
    if problem := _at_or_problem(request)[1]:
        # A file for another day than the one asked for would mislead: refuse it.
        return HttpResponseBadRequest(problem, content_type="text/plain; charset=utf-8")
    matrix, _ = _matrix_from_query(request, partnership, channel=Channel.EXPORT)
    response = HttpResponse(exports.render(matrix, fmt), content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(matrix, fmt)}"'
    return response


@partnership_view()
def requirement(
    request: HttpRequest, partnership: Partnership, requirement_id: str
) -> HttpResponse:
    row_requirement = get_object_or_404(
        Requirement.objects.select_related("framework"), pk=requirement_id, retired=False
    )
    framework = row_requirement.framework
    if framework.kind == "guidance" and framework.pk != partnership.guidance:
        raise Http404("Not in the partnership's edition of the guidance")
    editor = can_edit(request.user, partnership)  # type: ignore[arg-type]
    if request.method == "POST" and not editor:
        raise PermissionDenied
    at, at_problem = _at_or_problem(request)
    derived = bool(row_requirement.derivation)
    context = Context(partnership, at)
    case_details = can_read_cases(request.user, partnership)
    row = selectors.matrix_row(
        partnership=partnership,
        requirement=row_requirement,
        at=at,
        case_details=case_details,
        context=context,
    )
    assessment = row.assessment
    initial = {
        "period_start": assessment.period_start if assessment else financial_year(at).start,
        "status": assessment.status if assessment else "",
        "partnership_level": assessment.partnership_level if assessment else "",
        "local_authority_level": assessment.local_authority_level if assessment else "",
        **version_initial(assessment),
    }
    action = request.POST.get("action") if request.method == "POST" else None
    assess_form = AssessmentForm(
        request.POST if action == "assess" else None, initial=initial, derived=derived
    )
    link_form = EvidenceLinkForm(request.POST if action == "evidence" else None)
    page_url = reverse("compliance:requirement", args=[partnership.slug, row_requirement.pk])
    if request.GET.get("at"):
        page_url += "?" + urlencode({"at": at.isoformat()})
    if action == "assess" and assess_form.is_valid():
        data = assess_form.cleaned_data
        try:
            services.assessment_record(
                partnership=partnership,
                requirement=row_requirement,
                period_start=data["period_start"],
                status=data.get("status", "not_assessed"),
                partnership_level=data["partnership_level"],
                local_authority_level=data["local_authority_level"],
                by=request.user,
                # the form's version is that of the period it was opened on
                expected_version=data["expected_version"]
                if data["period_start"] == initial["period_start"]
                else NOT_CREATED,
            )
        except InvalidInput as error:
            assess_form.add_service_error(error)
        else:
            messages.success(request, "Assessment saved")
            return redirect(page_url)
    if action == "evidence" and link_form.is_valid():
        try:
            if assessment is None:
                raise InvalidInput("Record the assessment for this period before adding evidence")
            services.evidence_link_add(
                assessment=Assessment.objects.select_related("partnership").get(pk=assessment.pk),
                by=request.user,
                **link_form.cleaned_data,
            )
        except InvalidInput as error:
            link_form.add_service_error(error)
        else:
            messages.success(request, "Evidence added")
            return redirect(page_url)
    posted_form = assess_form if action == "assess" else link_form if action == "evidence" else None
    _log_case_reads(
        request,
        partnership,
        context,
        [row],
        channel=Channel.PAGE,
        case_details=case_details,
        what=f"compliance row {row_requirement.pk}",
    )
    return render(
        request,
        "compliance/requirement.html",
        {
            "partnership": partnership,
            "page_title": row_requirement.citation,
            "breadcrumbs": _crumbs(
                partnership,
                ("Compliance matrix", reverse("compliance:matrix", args=[partnership.slug])),
                (row_requirement.citation, ""),
            ),
            "requirement": row_requirement,
            "row": row,
            "at": at,
            "period": financial_year(at),
            "can_edit": editor,
            "assess_form": assess_form,
            "link_form": link_form,
            # the one the error summary reports on
            "form": posted_form or (_problem(at_problem) if at_problem else None),
            "status_hints": STATUS_HINTS,
            "history": selectors.history_for(partnership=partnership, requirement=row_requirement),
            "page_url": page_url,
        },
    )


@require_POST
@partnership_view(edit=True)
def evidence_remove(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    link = get_object_or_404(
        EvidenceLink.objects.select_related("assessment"),
        pk=pk,
        assessment__partnership=partnership,
    )
    requirement_id = link.assessment.requirement_id
    services.evidence_link_remove(link=link, by=request.user)
    messages.success(request, f"Removed '{link.title}'")
    return redirect(reverse("compliance:requirement", args=[partnership.slug, requirement_id]))
