"""Writes for documents, versions, sections and signatures. Every check runs before anything is
written, so a refusal leaves the database as it was; every write leaves a timeline event.

Sign-off (DESIGN.md principle 4; CA2004 s.16E: the three safeguarding partners are jointly
responsible, so each lead partner signs): any change to a version after a signature voids every
valid signature of that version, and the timeline says so. Publishing freezes the version with its
assembled content, so what was signed is what stays published.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.accounts import signing
from masa.core.errors import Conflict, InvalidInput, refuse
from masa.core.versioning import UNCHECKED, version_claim
from masa.partnerships.models import Partnership, PartnerType
from masa.partnerships.periods import format_day
from masa.timeline.services import event_record

from . import workflow
from .assembly import assemble
from .completeness import blocking, check
from .models import (
    Document,
    DocumentKind,
    DocumentVersion,
    Section,
    Signature,
    VersionStatus,
    financial_year,
)
from .outline import section_for

NARRATIVE_LIMIT = 50_000


def _text(value: Any, field: str, what: str, *, limit: int, required: bool = True) -> str:
    if value is not None and not isinstance(value, str):
        raise refuse(field, f"{what} must be text")
    text = (value or "").strip()
    if "\x00" in text:
        raise refuse(field, f"{what} must not contain control characters")
    if required and not text:
        raise refuse(field, f"Enter {what.lower()}")
    if len(text) > limit:
        raise refuse(field, f"{what} must be {limit:,} characters or fewer")
    return text


def _editable(version: DocumentVersion) -> None:
    if version.status not in workflow.EDITABLE:
        raise refuse(
            "__all__",
            f"Version {version.number} is {version.get_status_display().lower()}: it is frozen "
            "and cannot change. Make a new version instead.",
        )


def _event(version: DocumentVersion, by: Any, verb: str, message: str, **data: Any) -> None:
    event_record(
        by=by,
        verb=verb,
        message=message,
        subject=version,
        partnership=version.document.partnership,
        data=data or None,
    )


def default_title(partnership: Partnership, kind: str, period: str = "") -> str:
    if kind == DocumentKind.YEARLY_REPORT:
        return f"{partnership.name}: yearly report {period}"
    return f"{partnership.name}: published arrangements"


# Documents and versions --------------------------------------------------------------------------


@transaction.atomic
def document_create(
    *, partnership: Partnership, kind: Any, period: Any = None, by: Any
) -> Document:
    """A new document series with its first draft. The arrangements are one series per
    partnership; a yearly report covers one financial year (April to March, WT2023 ch2)."""
    if kind not in DocumentKind.values:
        raise refuse("kind", "Select the published arrangements or a yearly report")
    period = _text(period, "period", "The year", limit=20, required=False)
    start = end = None
    if kind == DocumentKind.YEARLY_REPORT:
        if not period:
            raise refuse("period", "Enter the year the report covers, like 2024-25")
        try:
            start, end = financial_year(period)
        except ValueError as error:
            raise refuse("period", str(error)) from None
        if Document.objects.filter(partnership=partnership, kind=kind, period_start=start).exists():
            raise Conflict(
                f"There is already a yearly report for {period}",
                {"period": [f"There is already a yearly report for {period}"]},
            )
    else:
        if period:
            raise refuse("period", "The published arrangements do not cover a year: leave it empty")
        if Document.objects.filter(partnership=partnership, kind=kind).exists():
            raise Conflict(
                "The partnership already has its published arrangements: make a new version",
                {"kind": ["The partnership already has its published arrangements"]},
            )
    document = Document.objects.create(
        partnership=partnership, kind=kind, period_start=start, period_end=end
    )
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        framework=partnership.guidance,
        title=default_title(partnership, kind, period),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    _event(version, by, "document.created", f"Started {document} with a first draft")
    return document


@transaction.atomic
def version_create(*, document: Document, by: Any) -> DocumentVersion:
    """The next draft of the document, numbered on, with the latest version's narratives and
    title; it answers the guidance the partnership follows now."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    draft = document.versions.filter(status=VersionStatus.DRAFT).first()
    if draft is not None:
        raise Conflict(
            f"Version {draft.number} is still a draft: change it, or publish it first",
            {
                "__all__": [
                    f"Version {draft.number} is still a draft: change it, or publish it first"
                ]
            },
        )
    latest = document.versions.order_by("-number").first()
    number = (document.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    partnership = document.partnership
    version = DocumentVersion.objects.create(
        document=document,
        number=number,
        framework=partnership.guidance,
        title=latest.title
        if latest
        else default_title(partnership, document.kind, document.period),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    if latest is not None:
        Section.objects.bulk_create(
            Section(version=version, key=s.key, narrative=s.narrative)
            for s in latest.sections.all()
        )
    _event(
        version,
        by,
        "document.version_created",
        f"Started version {number} of {document}"
        + (f" from version {latest.number}" if latest else ""),
    )
    return version


# Changes that void signatures --------------------------------------------------------------------


def _void_signatures(version: DocumentVersion, *, reason: str, by: Any) -> int:
    """Void every valid signature of the version: the text they signed has changed."""
    now = timezone.now()
    voided = list(version.signatures.filter(voided_at__isnull=True))
    for signature in voided:
        signature.voided_at = now
        signature.void_reason = reason
        signature.save()
    if voided:
        partners = ", ".join(s.get_partner_type_display().lower() for s in voided)
        _event(
            version,
            by,
            "document.signatures_voided",
            f"Voided {len(voided)} signature{'s' if len(voided) > 1 else ''} of {version} "
            f"({partners}): {reason}",
            reason=reason,
        )
    return len(voided)


@transaction.atomic
def section_update(
    *,
    version: DocumentVersion,
    key: Any,
    narrative: Any,
    by: Any,
    expected_version: Any = UNCHECKED,
) -> Section:
    """Save a section's narrative (Markdown). An edit after a signature voids all signatures.
    Raises StaleRecord if the section changed since the form was opened at `expected_version`."""
    version = (
        DocumentVersion.objects.select_for_update().select_related("document").get(pk=version.pk)
    )
    _editable(version)
    outline = section_for(version.document.kind, version.framework, str(key or ""))
    if outline is None:
        raise refuse("key", "There is no such section in this document")
    narrative = _text(narrative, "narrative", "The text", limit=NARRATIVE_LIMIT, required=False)
    section = Section.objects.filter(version=version, key=outline.key).first()
    if section is not None and section.narrative == narrative:
        return section  # nothing changed: nothing to record, no signature to void
    if section is None:
        section = Section(version=version, key=outline.key)
    version_claim(section, expected_version, yours={"narrative": narrative})
    section.narrative = narrative
    section.save()
    _event(
        version,
        by,
        "document.section_updated",
        f"Changed section “{outline.heading}” of {version}",
        section=outline.key,
    )
    _void_signatures(version, reason=f"Section “{outline.heading}” changed after signing", by=by)
    return section


@transaction.atomic
def version_details_update(
    *,
    version: DocumentVersion,
    title: Any,
    effective_from: Any = None,
    change_summary: Any = "",
    by: Any,
    expected_version: Any = UNCHECKED,
) -> DocumentVersion:
    """Change a draft's title, date and summary of changes; refused with StaleRecord if someone
    saved them since the form was opened at `expected_version`."""
    version = (
        DocumentVersion.objects.select_for_update().select_related("document").get(pk=version.pk)
    )
    _editable(version)
    title = _text(title, "title", "The title", limit=200)
    if effective_from is not None and not isinstance(effective_from, date):
        raise refuse("effective_from", "Enter the date the arrangements take effect")
    change_summary = _text(
        change_summary, "change_summary", "The summary of changes", limit=5000, required=False
    )
    before = (version.title, version.effective_from, version.change_summary)
    if before == (title, effective_from, change_summary):
        return version
    version_claim(
        version,
        expected_version,
        yours={"title": title, "effective_from": effective_from, "change_summary": change_summary},
    )
    version.title, version.effective_from, version.change_summary = (
        title,
        effective_from,
        change_summary,
    )
    version.save()
    _event(
        version, by, "document.details_updated", f"Changed the title, date or summary of {version}"
    )
    _void_signatures(
        version, reason="The title, date or summary of changes changed after signing", by=by
    )
    return version


# Signing and publishing --------------------------------------------------------------------------


def _signing_day(signed_on: Any, today: date) -> date:
    if signed_on is None:
        return today
    if not isinstance(signed_on, date):
        raise refuse("signed_on", "Enter the date it was signed")
    if signed_on > today:
        raise refuse("signed_on", "The date it was signed must be today or in the past")
    return signed_on


@transaction.atomic
def version_sign(
    *, version: DocumentVersion, partner_type: Any, by: Any, signed_on: date | None = None
) -> Signature:
    """The person who holds the partner's lead safeguarding partner role (or its delegated role,
    with signing delegated) on the day signs the version for that partner (masa.accounts.signing):
    once per partner, one partner per person, and never while a `must` content item is missing.

    `signed_on` records a signature made earlier on paper (a document entered after it was
    published); the authority is checked on that day. A signature for the same partner that never
    had the authority is voided, not kept."""
    today = timezone.localdate()
    version = (
        DocumentVersion.objects.select_for_update()
        .select_related("document__partnership")
        .get(pk=version.pk)
    )
    _editable(version)
    if partner_type not in PartnerType.values:
        raise refuse("partner_type", "Select the safeguarding partner you are signing for")
    day = _signing_day(signed_on, today)
    partnership = version.document.partnership
    authority = signing.authority_on(
        user=by, partnership=partnership, partner_type=partner_type, on=day
    )
    label = authority.partner_label.lower()
    valid = list(version.signatures.filter(voided_at__isnull=True).select_related("by"))
    for existing in valid:
        if existing.partner_type != partner_type:
            continue
        if signing.signed_with_authority(existing, partnership) is not None:
            raise refuse("partner_type", f"The {label} has already signed this version")
    mine = next((s for s in valid if s.by_id == by.pk and s.partner_type != partner_type), None)
    if mine is not None and signing.signed_with_authority(mine, partnership) is not None:
        raise refuse(
            "partner_type",
            f"You have already signed for the {mine.get_partner_type_display().lower()}: "
            "each partner's lead signs for their own partner",
        )
    missing = blocking(check(version))
    if missing:
        lines = [f"{i.requirement}: {i.summary}" for i in missing]
        raise InvalidInput(
            f"It cannot be signed while {len(missing)} required item"
            f"{'s are' if len(missing) > 1 else ' is'} missing",
            {"__all__": [f"Missing (must): {line}" for line in lines]},
        )
    _void_unauthorised(version, partner_type, by=by)
    now = timezone.now()
    signed_at = (
        now
        if day == today
        else timezone.make_aware(datetime.combine(day, time(12)), timezone.get_current_timezone())
    )
    job_title = authority.role.job_title or by.job_title or str(by)
    signature = Signature.objects.create(
        version=version,
        partner_type=partner_type,
        by=by,
        by_label=str(by),
        job_title=job_title,
        signed_at=signed_at,
    )
    how = f" as its {authority.role_label.lower()}" if authority.by_delegation else ""
    _event(
        version,
        by,
        "document.signed",
        f"{job_title} signed {version} for the {label}{how}"
        + ("" if day == today else f" on {format_day(day)}"),
        partner_type=partner_type,
        role=authority.role.pk,
        signed_on=day.isoformat(),
    )
    return signature


def _void_unauthorised(version: DocumentVersion, partner_type: str, *, by: Any) -> None:
    """Void the partner's signatures made by someone without the authority to sign for it."""
    partnership = version.document.partnership
    now = timezone.now()
    reason = "The signer did not hold the role to sign for this partner on the day they signed"
    for signature in version.signatures.filter(
        voided_at__isnull=True, partner_type=partner_type
    ).select_related("by"):
        if signing.signed_with_authority(signature, partnership) is None:
            signature.voided_at = now
            signature.void_reason = reason
            signature.save()
            _event(
                version,
                by,
                "document.signatures_voided",
                f"Voided the {signature.get_partner_type_display().lower()} signature of "
                f"{version} by {signature.by_label}: {reason.lower()}",
                reason=reason,
            )


@transaction.atomic
def version_publish(
    *, version: DocumentVersion, published_on: Any, by: Any, today: date | None = None
) -> DocumentVersion:
    """Publish a draft signed by all three lead partners: its content is frozen in `snapshot`
    and the version published before it is superseded."""
    today = today or timezone.localdate()
    version = (
        DocumentVersion.objects.select_for_update()
        .select_related("document__partnership")
        .get(pk=version.pk)
    )
    workflow.check_transition(version.status, VersionStatus.PUBLISHED)
    if not isinstance(published_on, date):
        raise refuse("published_on", "Enter the date of publication")
    if published_on > today:
        raise refuse("published_on", "The date of publication must be today or in the past")
    document = version.document
    previous = (
        document.versions.filter(status=VersionStatus.PUBLISHED).exclude(pk=version.pk).first()
    )
    if previous is not None and previous.published_on and published_on < previous.published_on:
        raise refuse(
            "published_on",
            f"The date must be on or after version {previous.number}'s publication, "
            f"{format_day(previous.published_on)}",
        )
    signed = {signature.partner_type for signature, _ in signing.valid_signatures(version)}
    unsigned = [str(t.label).lower() for t in PartnerType if t.value not in signed]
    if unsigned:
        raise refuse("__all__", f"Still to sign: the {', the '.join(unsigned)}")
    missing = blocking(check(version))
    if missing:
        raise refuse(
            "__all__", f"Required items are missing: {', '.join(i.requirement for i in missing)}"
        )
    if previous is not None:
        workflow.check_transition(previous.status, VersionStatus.SUPERSEDED)
        previous.status = VersionStatus.SUPERSEDED
        previous.save()
        _event(
            previous,
            by,
            "document.superseded",
            f"{previous} was superseded by version {version.number}",
        )
    version.status = VersionStatus.PUBLISHED
    version.published_on = published_on
    version.published_by = by if getattr(by, "is_authenticated", False) else None
    version.snapshot = assemble(version, today=published_on).as_json()
    version.save()
    _event(
        version,
        by,
        "document.published",
        f"Published {version} on {format_day(published_on)}",
        published_on=published_on.isoformat(),
    )
    return version
