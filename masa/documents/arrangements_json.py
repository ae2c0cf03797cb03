"""The published arrangements as JSON, at /published/<slug>/arrangements.json.

Two sources, kept apart and dated: the published version (number, date, framework, and the
narrative of its scrutiny and funding sections, from the frozen snapshot), and the registry's
facts as they stand on `registry_as_of` (partners, lead and delegated partners, chair, areas,
relevant agencies, scrutineers), which can have moved on since publication. Posts are named by job
title; a person's name appears only where the registry records one. The shape is the JSON Schema in
masa/documents/schema/arrangements.schema.json, documented in docs/arrangements-json.md.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from masa.partnerships.facts import registry_facts
from masa.partnerships.models import Partnership, PartnerType, RoleAssignment

from .clocks import BY_SEPTEMBER, INTERVAL, records_for, yearly_report_clocks
from .content import DocumentContent, Prose, SectionContent
from .models import Document, DocumentKind, DocumentVersion, Section

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "arrangements.schema.json"
SCHEMA_ID = "https://masa.example.org/schema/arrangements.schema.json"
NARRATIVE_SECTIONS = ("scrutiny", "funding")  # outline keys whose narrative the JSON carries


def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _post(role: RoleAssignment | None) -> dict[str, Any] | None:
    if role is None:
        return None
    return {
        "job_title": role.job_title,
        "name": role.person_name or None,
        "organisation": role.organisation.name if role.organisation else None,
        "since": role.start.isoformat(),
    }


def _published(partnership: Partnership) -> DocumentVersion | None:
    return (
        DocumentVersion.objects.filter(
            document__partnership=partnership,
            document__kind=DocumentKind.ARRANGEMENTS,
            published_on__isnull=False,
        )
        .select_related("document")
        .order_by("-published_on", "-number")
        .first()
    )


def _narratives(version: DocumentVersion | None) -> dict[str, str | None]:
    """The prose of the scrutiny and funding sections: from the snapshot of a published version,
    else the draft's Markdown as written."""
    found: dict[str, str | None] = dict.fromkeys(NARRATIVE_SECTIONS)
    if version is None:
        return found
    if version.snapshot:
        for section in DocumentContent.from_json(version.snapshot).sections:
            if section.key in found:
                prose = tuple(b for b in section.blocks if isinstance(b, Prose))
                text = SectionContent(section.key, "", (), prose).text()
                # tags stripped leave runs of spaces: one space between words, lines kept
                text = "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()
                found[section.key] = text or None
        return found
    for key, narrative in Section.objects.filter(
        version=version, key__in=NARRATIVE_SECTIONS
    ).values_list("key", "narrative"):
        found[key] = narrative.strip() or None
    return found


def _reporting(partnership: Partnership, today: date) -> dict[str, Any]:
    records = records_for(partnership)
    clocks = yearly_report_clocks(records, today=today)
    firsts = [
        (version, document)
        for document in records.documents
        if document.kind == DocumentKind.YEARLY_REPORT
        and (version := records.first_published(document, today=today)) is not None
    ]
    last = max(firsts, key=lambda pair: pair[0].published_on or today, default=None)
    return {
        "period": "April to March (the financial year)",
        "last_published": None
        if last is None
        else {
            "period": last[1].period,
            "published_on": last[0].published_on.isoformat() if last[0].published_on else None,
            "url": f"/published/{partnership.slug}/yearly-report/{last[1].period}/",
        },
        "deadlines": [
            {
                "rule": clock.rule,
                "period": clock.period,
                "what": clock.subject,
                "due": clock.due.due.isoformat(),
                "done": clock.done.isoformat() if clock.done else None,
                "status": str(clock.status),
                "citation": clock.citation,
            }
            for clock in clocks
            if clock.rule in (BY_SEPTEMBER, INTERVAL)
        ],
    }


def arrangements_json(
    partnership: Partnership, *, version: DocumentVersion | None = None, today: date | None = None
) -> dict[str, Any]:
    """The arrangements of `partnership` as a JSON-ready dict: the latest published version unless
    `version` is given; the registry on `today` (default: today)."""
    today = today or timezone.localdate()
    if version is None:
        version = _published(partnership)
    facts = registry_facts(partnership, today)
    partners = []
    for partner_type in PartnerType:
        for partner in facts.partners_by_type.get(partner_type.value, ()):
            leads = facts.lead_partners.get(partner_type.value, ())
            partners.append(
                {
                    "type": partner_type.value,
                    "type_label": partner_type.label,
                    "organisation": partner.organisation.name,
                    "since": partner.start.isoformat(),
                    "lead_safeguarding_partner": _post(leads[0] if leads else None),
                    "delegated_safeguarding_partners": [
                        _post(r) for r in facts.delegated_partners.get(partner_type.value, ())
                    ],
                }
            )
    narratives = _narratives(version)
    published = None
    if version is not None:
        published = {
            "version": version.number,
            "status": version.status,
            "title": version.title,
            "published_on": version.published_on.isoformat() if version.published_on else None,
            "effective_from": version.effective_from.isoformat()
            if version.effective_from
            else None,
            "url": f"/published/{partnership.slug}/arrangements/",
        }
    return {
        "schema": SCHEMA_ID,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "registry_as_of": today.isoformat(),
        "partnership": {
            "name": partnership.name,
            "slug": partnership.slug,
            "website": partnership.website or None,
            "fictional": partnership.is_fictional,
        },
        "framework": version.framework if version is not None else partnership.guidance,
        "published": published,
        "areas": [{"ons_code": la.code, "name": la.name} for la in facts.local_authorities],
        "partners": partners,
        "chair": _post(facts.chair),
        "relevant_agencies": [
            {
                "organisation": agency.organisation.name,
                "schedule_paragraph": agency.organisation.schedule_paragraph,
                "why_chosen": agency.why_chosen,
                "contribution": agency.contribution or None,
                "since": agency.start.isoformat(),
            }
            for agency in facts.relevant_agencies
        ],
        "scrutiny": {
            "scrutineers": [_post(role) for role in facts.scrutineers],
            "narrative": narratives["scrutiny"],
        },
        "funding": {
            "narrative": narratives["funding"],
            "contributions": None,  # MASA keeps no funding records yet (roadmap item 4)
        },
        "reporting": _reporting(partnership, today),
    }


def arrangements_json_view(request: HttpRequest, slug: str) -> JsonResponse:
    """Public, no sign-in: 404 until the partnership has published its arrangements."""
    partnership = get_object_or_404(Partnership, slug=slug)
    if not Document.objects.filter(
        partnership=partnership,
        kind=DocumentKind.ARRANGEMENTS,
        versions__published_on__isnull=False,
    ).exists():
        return JsonResponse(
            {"error": f"{partnership.name} has not published its arrangements in MASA."},
            status=404,
        )
    response = JsonResponse(arrangements_json(partnership), json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response
