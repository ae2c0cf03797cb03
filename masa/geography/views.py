"""The public coverage page and its JSON and CSV downloads; `selectors.coverage` does the work."""

from __future__ import annotations

import io
import json
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from masa.accounts.selectors import partnerships_visible_to
from masa.core.dates import parse_iso_date

from .exports import coverage_csv, coverage_json
from .forms import RegionFilterForm
from .selectors import Coverage, coverage


def coverage_page(request: HttpRequest) -> HttpResponse:
    shown, form = _coverage_for(request)
    # Link a partnership's name only for a viewer who may open it; others see just the name.
    visible = partnerships_visible_to(request.user)  # type: ignore[arg-type]
    query = urlencode({key: request.GET[key] for key in ("region", "at") if request.GET.get(key)})
    suffix = f"?{query}" if query else ""
    return render(
        request,
        "geography/coverage.html",
        {
            "page_title": "Coverage of England",
            "breadcrumbs": [("Home", reverse("core:home")), ("Coverage of England", None)],
            "coverage": shown,
            "filter_form": form,
            "region_name": dict(shown.regions).get(shown.region_code, ""),
            "partnership_links": {
                pk: _partnership_url(slug) for pk, slug in visible.values_list("id", "slug")
            },
            "json_url": reverse("geography:coverage-json") + suffix,
            "csv_url": reverse("geography:coverage-csv") + suffix,
        },
    )


def coverage_json_download(request: HttpRequest) -> HttpResponse:
    shown, form = _coverage_for(request)
    if refused := _refused(form):
        return refused
    response = HttpResponse(
        json.dumps(coverage_json(shown), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(shown)}.json"'
    return response


def coverage_csv_download(request: HttpRequest) -> HttpResponse:
    shown, form = _coverage_for(request)
    if refused := _refused(form):
        return refused
    buffer = io.StringIO()
    coverage_csv(shown, buffer)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(shown)}.csv"'
    return response


def _coverage_for(request: HttpRequest) -> tuple[Coverage, RegionFilterForm]:
    """Coverage on `?at=` (default today), narrowed to `?region=` when it names a region. A bad
    `at` is the form's error and the coverage is today's."""
    try:
        on = parse_iso_date(request.GET.get("at"))
    except ValueError:
        on = parse_iso_date(None)
    national = coverage(on=on)
    form = RegionFilterForm(request.GET or None, regions=national.regions)
    region = form.region_code
    return (national.in_region(region) if region else national), form


def _refused(form: RegionFilterForm) -> HttpResponse | None:
    """A download for a date that is not one: 400 with the message, rather than today's file."""
    if form.is_bound and "at" in form.errors:
        return HttpResponseBadRequest(form.errors["at"][0], content_type="text/plain")
    return None


def _filename(shown: Coverage) -> str:
    region = f"-{shown.region_code}" if shown.region_code else ""
    return f"coverage{region}-{shown.on.isoformat()}"


def _partnership_url(slug: str) -> str:
    # The partnerships app owns its URLs (mounted at /partnerships/ in config/urls.py).
    try:
        return reverse("partnerships:overview", kwargs={"slug": slug})
    except NoReverseMatch:
        return f"/partnerships/{slug}/"
