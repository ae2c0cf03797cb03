"""Every partnership's published documents in one place, no sign-in:

    /published/             a page listing each partnership with published arrangements or
                            yearly reports, linking to each document and its JSON
    /published/index.json   the same list as JSON

Only the current published version of each document is listed (drafts never appear). One query,
however many partnerships and documents there are."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .models import DocumentKind, DocumentVersion, VersionStatus
from .public import arrangements_json_url, document_url

LISTED_FIELDS = (
    "number", "title", "published_on", "document__kind", "document__period_start",
    "document__partnership__name", "document__partnership__slug",
    "document__partnership__is_fictional",
)  # fmt: skip


@dataclass(frozen=True)
class PublishedDocument:
    title: str
    period: str  # "2024-25" for a yearly report, "" for the arrangements
    version: int
    published_on: date | None
    url: str
    json_url: str


@dataclass
class PublishedPartnership:
    name: str
    slug: str
    fictional: bool
    url: str  # the partnership's own index of published documents
    arrangements: PublishedDocument | None = None
    yearly_reports: list[PublishedDocument] = field(default_factory=list)


def published_partnerships() -> list[PublishedPartnership]:
    """Partnerships with a published document, by name; each with its current arrangements and
    its yearly reports, newest year first."""
    versions = (
        DocumentVersion.objects.filter(status=VersionStatus.PUBLISHED)
        .select_related("document__partnership")
        .only(*LISTED_FIELDS)
        .order_by(
            "document__partnership__name", "document__kind", "-document__period_start", "-number"
        )
    )
    found: dict[int, PublishedPartnership] = {}
    seen: set[int] = set()
    for version in versions:
        document = version.document
        if document.pk in seen:  # an older version still marked published: the newest is current
            continue
        seen.add(document.pk)
        partnership = document.partnership
        entry = found.setdefault(
            partnership.pk,
            PublishedPartnership(
                name=partnership.name,
                slug=partnership.slug,
                fictional=partnership.is_fictional,
                url=reverse("public_documents:index", kwargs={"slug": partnership.slug}),
            ),
        )
        arrangements = document.kind == DocumentKind.ARRANGEMENTS
        listed = PublishedDocument(
            title=version.title,
            period=document.period,
            version=version.number,
            published_on=version.published_on,
            url=document_url(document),
            json_url=arrangements_json_url(partnership.slug)
            if arrangements
            else document_url(document, suffix="json"),
        )
        if arrangements:
            entry.arrangements = listed
        else:
            entry.yearly_reports.append(listed)
    return list(found.values())


@require_safe
def published_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "documents/public/all.html",
        {
            "page_title": "Published safeguarding arrangements and yearly reports",
            "partnerships": published_partnerships(),
            "json_url": reverse("published:index-json"),
        },
    )


def _json(entry: PublishedPartnership) -> dict[str, Any]:
    data = asdict(entry)
    for document in (data["arrangements"], *data["yearly_reports"]):
        if document and document["published_on"]:
            document["published_on"] = document["published_on"].isoformat()
        if document and not document["period"]:
            document["period"] = None
    return data


@require_safe
def published_index_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(
        {"partnerships": [_json(entry) for entry in published_partnerships()]},
        json_dumps_params={"indent": 2},
    )
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response
