"""Who read which case records, when: the log page and its CSV, for the partnership's business
manager and scrutineer (and staff)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from masa.accounts.access import partnership_for
from masa.partnerships.models import Partnership
from masa.partnerships.views.common import crumbs

from . import exports, selectors
from .access import can_see_reads
from .forms import ReadFilterForm


def _partnership(request: HttpRequest, slug: str) -> Partnership:
    partnership = partnership_for(request, slug)
    if not can_see_reads(request.user, partnership):
        raise PermissionDenied
    return partnership


def _filtered(request: HttpRequest, partnership: Partnership) -> tuple[ReadFilterForm, Any]:
    form = ReadFilterForm(request.GET or None, readers=selectors.readers_of(partnership))
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v is not None}
    return form, selectors.reads_for(partnership=partnership, **filters)


@login_required
def read_list(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _partnership(request, slug)
    form, rows = _filtered(request, partnership)
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    return render(
        request,
        "casereads/list.html",
        {
            "partnership": partnership,
            "page_title": "Reads of case records",
            "breadcrumbs": crumbs(partnership, ("Reads of case records", "")),
            "form": form if form.is_bound and form.errors else None,
            "filters": form,
            "reads": Paginator(rows.select_related(None), 50).get_page(request.GET.get("page")),
            "query": urlencode(query),
        },
    )


@login_required
def read_export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _partnership(request, slug)
    _form, rows = _filtered(request, partnership)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{partnership.slug}-case-reads.csv"'
    exports.reads_csv(response, rows.iterator())
    return response
