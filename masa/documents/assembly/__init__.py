"""A version's content, the one thing every renderer reads.

`content_for(version)` returns the frozen snapshot of a published (or superseded) version exactly
as it was signed; a draft is assembled live: each outline section (masa.documents.outline) gets its
narrative, rendered from Markdown and sanitised, then the blocks its data assembler builds from
the partnership's records (for a yearly report, the records of its financial year).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from django.utils import timezone

from masa.accounts import signing
from masa.partnerships.periods import format_day

from ..content import Block, DocumentContent, Note, Prose, SectionContent, Signatory
from ..markdown import markdown_html
from ..models import DocumentVersion
from ..outline import sections_for
from . import cases, registry
from .records import Records

ASSEMBLERS: dict[str, Callable[[Records], tuple[Block, ...]]] = {
    "partners": registry.partners,
    "geography": registry.geography,
    "relevant_agencies": registry.relevant_agencies,
    "education": registry.education,
    "scrutiny": registry.scrutiny,
    "boards": registry.boards,
    "priorities": registry.priorities,
    "secure_establishments": registry.secure_establishments,
    "reviews": cases.reviews,
    "notifications": cases.notifications,
    "actions": cases.actions,
    "themes": cases.themes,
}
NOT_WRITTEN = "This section has not been written yet."


def signatories(version: DocumentVersion) -> tuple[Signatory, ...]:
    """The signatures that count (masa.accounts.signing): not voided, and made by someone who
    held the role to sign for that partner on the day."""
    found = sorted(
        signing.valid_signatures(version), key=lambda p: (p[0].partner_type, p[0].signed_at)
    )
    return tuple(
        Signatory(
            partner=signing.partner_label(s.partner_type, timezone.localtime(s.signed_at).date()),
            job_title=s.job_title or s.by_label,
            signed_at=s.signed_at.isoformat(),
            organisation=str(authority.partner.organisation),
            role=authority.role_label,
        )
        for s, authority in found
    )


def period_words(start: date | None, end: date | None) -> str:
    if start is None or end is None:
        return ""
    return f"{format_day(start)} to {format_day(end)}"


def content_for(version: DocumentVersion, *, today: date | None = None) -> DocumentContent:
    if version.is_frozen and version.snapshot:
        return frozen_content(version)
    return assemble(version, today=today or timezone.localdate())


def frozen_content(version: DocumentVersion) -> DocumentContent:
    """The snapshot as published, showing only the signatures that count (a signature recorded
    without the authority to sign never shows, even in a snapshot taken before the rule), and
    the demonstration notice of a partnership built from a public document."""
    content = DocumentContent.from_json(version.snapshot or {})
    counted = {s.signed_at.isoformat() for s, _ in signing.valid_signatures(version)}
    return replace(
        content,
        signatories=tuple(s for s in content.signatories if s.signed_at in counted),
        demo_source=version.document.partnership.demo_source,
    )


def assemble(version: DocumentVersion, *, today: date) -> DocumentContent:
    """The version's content from the records as they stand on `today` (its narratives as saved)."""
    document = version.document
    partnership = document.partnership
    records = Records(
        partnership=partnership,
        kind=document.kind,
        today=today,
        period_start=document.period_start,
        period_end=document.period_end,
    )
    narratives = dict(version.sections.values_list("key", "narrative"))
    sections = []
    for outline in sections_for(document.kind, version.framework):
        blocks: list[Block] = []
        html = markdown_html(narratives.get(outline.key, ""))
        if html:
            blocks.append(Prose(html))
        if outline.data:
            blocks.extend(ASSEMBLERS[outline.data](records))
        if not blocks:
            blocks.append(Note(NOT_WRITTEN))
        sections.append(
            SectionContent(
                key=outline.key,
                heading=outline.heading,
                requirements=outline.requirements,
                blocks=tuple(blocks),
            )
        )
    return DocumentContent(
        partnership=partnership.name,
        kind=document.kind,
        title=version.title,
        framework=version.framework,
        version=version.number,
        status=version.status,
        period=document.period,
        period_label=period_words(document.period_start, document.period_end),
        effective_from=version.effective_from.isoformat() if version.effective_from else "",
        published_on=version.published_on.isoformat() if version.published_on else "",
        sections=tuple(sections),
        signatories=signatories(version),
        fictional=partnership.is_fictional,
        demo_source=partnership.demo_source,
        extra={"partnership_slug": partnership.slug, "assembled_on": today.isoformat()},
    )
