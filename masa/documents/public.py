"""The public pages of a partnership's published documents: no sign-in, stable addresses.

    /published/<slug>/                                  what the partnership has published
    /published/<slug>/arrangements/                     the current published arrangements
    /published/<slug>/arrangements.docx | .pdf          the same content as Word and PDF
    /published/<slug>/arrangements/history/             every published version, what changed
    /published/<slug>/arrangements/versions/<n>/        one published version (and .docx, .pdf)
    /published/<slug>/yearly-report/<2024-25>/…         the same for a yearly report
    /published/<slug>/yearly-report/<2024-25>/report.json  its content as JSON (yearly_report_json)

Only published and superseded versions are public; a draft is a 404 whoever asks. The pages only
read (GET and HEAD; anything else is 405). Everything shown
comes from a version's frozen snapshot (what the lead partners signed), never from the live
records, so no case-level detail can reach the public beyond what was published."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from masa.accounts import signing
from masa.partnerships.models import Partnership

from .assembly import frozen_content
from .content import DocumentContent
from .diff import render_difference
from .models import (
    SLUG_KINDS,
    Document,
    DocumentKind,
    DocumentVersion,
    VersionStatus,
    financial_year,
)
from .render import render_docx, render_html, render_pdf

PUBLIC = (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED)
PUBLISHED_OR_SUPERSEDED = list(PUBLIC)
DOWNLOADS = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        render_docx,
    ),
    "pdf": ("application/pdf", render_pdf),
}
# Downloads are made from frozen content, so a copy keyed by that content never goes stale.
DOWNLOAD_CACHE_SECONDS = 24 * 3600


def content_of(version: DocumentVersion) -> DocumentContent:
    """The version exactly as published. Never assembled from the records here: a public page
    shows only what was signed."""
    if version.status not in PUBLIC or not version.snapshot:
        raise Http404("Not published")
    return frozen_content(version)


# Finding what is public ---------------------------------------------------------------------------


def _partnership(slug: str) -> Partnership:
    return get_object_or_404(Partnership, slug=slug)


def _document(partnership: Partnership, kind: str, period: str | None) -> Document:
    if kind == DocumentKind.ARRANGEMENTS:
        found = Document.objects.filter(partnership=partnership, kind=kind).first()
    else:
        try:
            start, _ = financial_year(period or "")
        except ValueError:
            raise Http404("Not a financial year like 2024-25") from None
        found = Document.objects.filter(
            partnership=partnership, kind=kind, period_start=start
        ).first()
    if found is None:
        raise Http404("Nothing published")
    return found


def public_versions(document: Document) -> list[DocumentVersion]:
    """Published and superseded versions, newest first."""
    return list(document.versions.filter(status__in=PUBLISHED_OR_SUPERSEDED).order_by("-number"))


def current_version(document: Document) -> DocumentVersion:
    """The latest version whose status is published, or 404."""
    found = document.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    if found is None:
        raise Http404("Nothing published")
    return found


def _version(document: Document, number: int) -> DocumentVersion:
    found = document.versions.filter(number=number, status__in=PUBLISHED_OR_SUPERSEDED).first()
    if found is None:
        raise Http404("No such published version")
    return found


def last_years_report(document: Document) -> DocumentVersion | None:
    """The current published version of the yearly report for the year before, if any."""
    if document.kind != DocumentKind.YEARLY_REPORT or document.period_start is None:
        return None
    earlier = (
        Document.objects.filter(
            partnership_id=document.partnership_id,
            kind=DocumentKind.YEARLY_REPORT,
            period_start__lt=document.period_start,
            versions__status=VersionStatus.PUBLISHED,
        )
        .order_by("-period_start")
        .first()
    )
    return current_version(earlier) if earlier else None


# Addresses ----------------------------------------------------------------------------------------


def document_url(document: Document, *, suffix: str = "", number: int | None = None) -> str:
    """The public address of a document: its page (suffix ''), 'history', 'docx' or 'pdf', of the
    current version or of version `number`."""
    yearly = document.kind == DocumentKind.YEARLY_REPORT
    name = "yearly-report" if yearly else "arrangements"
    kwargs: dict[str, Any] = {"slug": document.partnership.slug}
    if yearly:
        kwargs["period"] = document.period
    if number is not None:
        name += "-version"
        kwargs["number"] = number
    if suffix:
        name += f"-{suffix}"
    return reverse(f"public_documents:{name}", kwargs=kwargs)


def arrangements_json_url(slug: str) -> str:
    """The machine-readable arrangements (masa.documents.arrangements_json)."""
    return reverse("public_documents:arrangements-json", kwargs={"slug": slug})


def _trail(partnership: Partnership, *more: tuple[str, str]) -> list[tuple[str, str]]:
    index = reverse("public_documents:index", kwargs={"slug": partnership.slug})
    return [
        ("Published documents", reverse("published:index")),
        (f"{partnership.name}: published documents", index),
        *more,
    ]


# Pages --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    document: Document
    current: DocumentVersion | None
    versions: int
    url: str


@require_safe
def partnership_index(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _partnership(slug)
    documents = Document.objects.filter(partnership=partnership).prefetch_related(
        Prefetch(
            "versions",
            DocumentVersion.objects.filter(status__in=PUBLISHED_OR_SUPERSEDED)
            .order_by("-number")
            .defer("snapshot"),
            to_attr="public",
        )
    )
    listed = []
    for document in documents.order_by("kind", "-period_start"):
        public = document.public  # type: ignore[attr-defined]
        if not public:
            continue
        current = next((v for v in public if v.status == VersionStatus.PUBLISHED), None)
        document.partnership = partnership  # saves a query per document for the address
        listed.append(Listed(document, current, len(public), document_url(document)))
    arrangements = next((d for d in listed if d.document.kind == DocumentKind.ARRANGEMENTS), None)
    return render(
        request,
        "documents/public/index.html",
        {
            "partnership": partnership,
            "page_title": "Published documents",
            "arrangements": arrangements,
            "reports": [d for d in listed if d.document.kind == DocumentKind.YEARLY_REPORT],
            "json_url": arrangements_json_url(slug) if arrangements else "",
            "breadcrumbs": [
                ("Published documents", reverse("published:index")),
                (f"{partnership.name}: published documents", ""),
            ],
        },
    )


def _page(
    request: HttpRequest, document: Document, version: DocumentVersion, current: DocumentVersion
) -> HttpResponse:
    content = content_of(version)
    is_current = version.pk == current.pk
    number = None if is_current else version.number
    partnership = document.partnership
    here = (content.title, "")
    trail = (
        _trail(partnership, here)
        if is_current
        else _trail(
            partnership, (content.title, document_url(document)), (f"Version {version.number}", "")
        )
    )
    return render(
        request,
        "documents/public/document.html",
        {
            "partnership": partnership,
            "page_title": content.title
            if is_current
            else f"{content.title}, version {version.number}",
            "content": content,
            "version": version,
            "is_current": is_current,
            "current": current,
            "current_url": document_url(document),
            "body": mark_safe(render_html(content, public=True)),
            "docx_url": document_url(document, suffix="docx", number=number),
            "pdf_url": document_url(document, suffix="pdf", number=number),
            "history_url": document_url(document, suffix="history"),
            "json_url": ""
            if not is_current
            else (
                arrangements_json_url(partnership.slug)
                if document.kind == DocumentKind.ARRANGEMENTS
                else document_url(document, suffix="json")
            ),
            "breadcrumbs": trail,
        },
    )


def _kind(kind: str) -> str:
    return SLUG_KINDS[kind]


@require_safe
def document_page(
    request: HttpRequest, slug: str, kind: str, period: str | None = None
) -> HttpResponse:
    document = _document(_partnership(slug), _kind(kind), period)
    current = current_version(document)
    return _page(request, document, current, current)


@require_safe
def version_page(
    request: HttpRequest, slug: str, kind: str, number: int, period: str | None = None
) -> HttpResponse:
    document = _document(_partnership(slug), _kind(kind), period)
    return _page(request, document, _version(document, number), current_version(document))


def _download(document: Document, version: DocumentVersion, fmt: str) -> HttpResponse:
    content_type, renderer = DOWNLOADS[fmt]
    # what is shown besides the snapshot: the signatures that count and any demonstration notice
    shown = [
        sorted(s.signed_at.isoformat() for s, _ in signing.valid_signatures(version)),
        document.partnership.demo_source,
    ]
    frozen = json.dumps([version.snapshot, shown], sort_keys=True).encode()
    key = f"masa-documents:{fmt}:{version.pk}:{hashlib.sha256(frozen).hexdigest()}"
    data = cache.get(key)
    if data is None:  # the content is read from the snapshot only when it must be rendered
        data = renderer(content_of(version))
        cache.set(key, data, DOWNLOAD_CACHE_SECONDS)
    period = f"-{document.period}" if document.period else ""
    name = f"{document.partnership.slug}-{document.slug}{period}-version-{version.number}.{fmt}"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def document_download(
    request: HttpRequest, slug: str, kind: str, fmt: str, period: str | None = None
) -> HttpResponse:
    document = _document(_partnership(slug), _kind(kind), period)
    return _download(document, current_version(document), fmt)


@require_safe
def version_download(
    request: HttpRequest, slug: str, kind: str, number: int, fmt: str, period: str | None = None
) -> HttpResponse:
    document = _document(_partnership(slug), _kind(kind), period)
    return _download(document, _version(document, number), fmt)


@dataclass(frozen=True)
class HistoryEntry:
    version: DocumentVersion
    content: DocumentContent
    url: str
    docx_url: str
    pdf_url: str
    changes: SafeString | None  # what changed since the version before (or last year's report)


@require_safe
def history_page(
    request: HttpRequest, slug: str, kind: str, period: str | None = None
) -> HttpResponse:
    partnership = _partnership(slug)
    document = _document(partnership, _kind(kind), period)
    current = current_version(document)
    versions = public_versions(document)
    contents = [content_of(v) for v in versions]
    previous_year = last_years_report(document)
    before = content_of(previous_year) if previous_year else None
    entries = []
    for index, (version, content) in enumerate(zip(versions, contents, strict=True)):
        older = contents[index + 1] if index + 1 < len(contents) else before
        number = None if version.pk == current.pk else version.number
        changes = (
            mark_safe(
                render_difference(
                    older, content, heading_level=3, heading_id=f"changes-{version.number}"
                )
            )
            if older
            else None
        )
        entries.append(
            HistoryEntry(
                version=version,
                content=content,
                url=document_url(document, number=number),
                docx_url=document_url(document, suffix="docx", number=number),
                pdf_url=document_url(document, suffix="pdf", number=number),
                changes=changes,
            )
        )
    title = contents[0].title
    return render(
        request,
        "documents/public/history.html",
        {
            "partnership": partnership,
            "page_title": f"{title}: version history",
            "title": title,
            "entries": entries,
            "current": current,
            "document_url": document_url(document),
            "is_yearly": document.kind == DocumentKind.YEARLY_REPORT,
            "breadcrumbs": _trail(
                partnership, (title, document_url(document)), ("Version history", "")
            ),
        },
    )
