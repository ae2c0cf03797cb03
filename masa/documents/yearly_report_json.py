"""A published yearly report as JSON, at /published/<slug>/yearly-report/<2024-25>/report.json.

Everything comes from the current published version's frozen snapshot, exactly what the lead
safeguarding partners signed: never the live records, and never a draft (404 until a version of
that year's report is published). The shape is the JSON Schema in
masa/documents/schema/yearly-report.schema.json, documented in docs/yearly-report-json.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from .content import Block, Chart, DocumentContent, Facts, Note, Prose, SectionContent, Table
from .models import Document, DocumentKind, financial_year
from .public import content_of, current_version, document_url

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "yearly-report.schema.json"
SCHEMA_ID = "https://masa.example.org/schema/yearly-report.schema.json"


def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _plain(blocks: tuple[Block, ...]) -> str:
    """The blocks as plain text: tags stripped, one space between words, lines kept."""
    text = SectionContent("", "", (), blocks).text()
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Prose):
        return {"kind": "prose", "html": block.html, "text": _plain((block,))}
    if isinstance(block, Table):
        return {
            "kind": "table",
            "caption": block.caption,
            "headers": list(block.headers),
            "rows": [list(row) for row in block.rows],
        }
    if isinstance(block, Chart):
        return {
            "kind": "chart",
            "title": block.title,
            "unit": block.unit,
            "labels": list(block.labels),
            "series": [{"name": name, "values": list(values)} for name, values in block.series],
        }
    if isinstance(block, Facts):
        return {"kind": "facts", "items": [{"label": k, "value": v} for k, v in block.items]}
    assert isinstance(block, Note)
    return {"kind": "note", "text": block.text}


def yearly_report_json(document: Document, content: DocumentContent) -> dict[str, Any]:
    """The published `content` of `document` (a yearly report) as a JSON-ready dict."""
    start, end = financial_year(content.period)
    slug = document.partnership.slug
    return {
        "schema": SCHEMA_ID,
        "partnership": {
            "name": content.partnership,
            "slug": slug,
            "fictional": content.fictional,
        },
        "title": content.title,
        "framework": content.framework,
        "period": {
            "label": content.period,
            "start": start.isoformat(),
            "end": end.isoformat(),
        },
        "version": content.version,
        "published_on": content.published_on or None,
        "urls": {
            "page": document_url(document),
            "docx": document_url(document, suffix="docx"),
            "pdf": document_url(document, suffix="pdf"),
            "history": document_url(document, suffix="history"),
        },
        "signatories": [
            {"partner": s.partner, "job_title": s.job_title, "signed_at": s.signed_at}
            for s in content.signatories
        ],
        "sections": [
            {
                "key": section.key,
                "heading": section.heading,
                "requirements": list(section.requirements),
                "text": _plain(section.blocks),
                "blocks": [_block(block) for block in section.blocks],
            }
            for section in content.sections
        ],
    }


@require_safe
def yearly_report_json_view(request: HttpRequest, slug: str, period: str) -> JsonResponse:
    """Public, no sign-in, GET and HEAD only: 404 (as JSON) until that year's report is published."""
    try:
        start, _ = financial_year(period)
        document = Document.objects.select_related("partnership").get(
            partnership__slug=slug, kind=DocumentKind.YEARLY_REPORT, period_start=start
        )
        content = content_of(current_version(document))
    except (ValueError, Document.DoesNotExist, Http404):
        return JsonResponse(
            {"error": f"No yearly report for {period} is published at this address."}, status=404
        )
    response = JsonResponse(yearly_report_json(document, content), json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response
