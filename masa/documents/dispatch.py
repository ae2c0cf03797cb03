"""Copies of published documents sent to national bodies: recording that one went, and the
message to send.

WT2023 ch2 'Reporting' (WT2018 ch3): the yearly report to the Child Safeguarding Practice Review
Panel and to Foundations within 7 days of publication; WT2023 ch2 'Publication of arrangements':
updates to the arrangements to the Department for Education; the restraint review's findings to the
Youth Justice Board (WT2023 also the Youth Custody Service and HM Inspectorate of Prisons). What a
version owes, and under which rule, is `clocks.owed`.

Addresses come from the statute library's summaries, never from code: a body whose address the
library does not hold gets an empty address for the user to fill in.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from masa.core.clocks.engine import compute_due, long_date
from masa.core.errors import Conflict, refuse
from masa.statute.loader import load_library
from masa.timeline.services import event_record

from .clocks import Owed, owed
from .models import (
    Dispatch,
    DocumentKind,
    DocumentVersion,
    PublicationSettings,
    Recipient,
    financial_year,
)

# How each body is named in the library's summaries, just before its address in brackets.
_LIBRARY_NAMES = {
    Recipient.PANEL: "Panel",
    Recipient.FOUNDATIONS: "Foundations",
    Recipient.DFE: "Department for Education",
}
_NAMED_ADDRESS = re.compile(r"([\w' ]+?) \(([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\)")
_GUIDANCE = {
    "wt2018": "Working Together to Safeguard Children 2018",
    "wt2023": "Working Together to Safeguard Children 2023",
}
MAX_NOTE = 5000
MAX_SENT_TO = 200


@functools.cache
def library_addresses() -> dict[str, str]:
    """Recipient value → the address the statute library gives for it ("" when none)."""
    found: dict[str, str] = {}
    for requirement in load_library().requirements.values():
        for name, address in _NAMED_ADDRESS.findall(requirement.summary):
            for recipient, library_name in _LIBRARY_NAMES.items():
                if name.strip().endswith(library_name):
                    found.setdefault(recipient.value, address)
    return {recipient.value: found.get(recipient.value, "") for recipient in Recipient}


def secure_establishments(partnership: Any) -> str:
    settings = PublicationSettings.objects.filter(partnership=partnership).first()
    return settings.secure_establishments.strip() if settings else ""


def owed_by(version: DocumentVersion) -> tuple[Owed, ...]:
    """What this version owes, reading the partnership's publication settings."""
    return owed(version, secure_establishments=bool(secure_establishments(version.partnership)))


def public_path(version: DocumentVersion) -> str:
    """The document's stable public address (the public pages in masa/documents/public.py)."""
    document = version.document
    slug = document.partnership.slug
    if document.kind == DocumentKind.YEARLY_REPORT:
        return f"/published/{slug}/yearly-report/{document.period}/"
    return f"/published/{slug}/arrangements/"


def _check_text(value: Any, field: str, what: str, *, limit: int) -> str:
    text = str(value or "").strip()
    if any(ord(c) < 32 and c not in "\n\r\t" for c in text):
        raise refuse(field, f"{what} must not contain control characters")
    if len(text) > limit:
        raise refuse(field, f"{what} must be {limit} characters or fewer")
    return text


@transaction.atomic
def dispatch_record(
    *,
    version: DocumentVersion,
    recipient: Any,
    sent_on: Any,
    sent_to: Any = "",
    note: Any = "",
    by: Any,
    today: date | None = None,
) -> Dispatch:
    """Record that a published version was sent to `recipient` on `sent_on`. Refused unless the
    version is published and owes that recipient a copy, the date is neither before publication
    nor in the future, and no dispatch to that recipient is recorded already."""
    today = today or timezone.localdate()
    if not isinstance(version, DocumentVersion) or version.pk is None:
        raise refuse("__all__", "Choose a published version")
    # Lock the version so two people recording the same dispatch cannot both pass the checks.
    version = (
        DocumentVersion.objects.select_for_update()
        .select_related("document__partnership")
        .get(pk=version.pk)
    )
    if version.published_on is None:
        raise refuse("__all__", f"{version} is a draft: only a published version is sent")
    try:
        recipient = Recipient(str(recipient or ""))
    except ValueError:
        raise refuse("recipient", "Choose who it was sent to") from None
    owes = {item.recipient: item for item in owed_by(version)}
    if recipient not in owes:
        raise refuse("recipient", f"{version} is not owed to the {recipient.label}")
    if not isinstance(sent_on, date):
        raise refuse("sent_on", "Enter the date it was sent")
    if sent_on < version.published_on:
        raise refuse(
            "sent_on",
            f"The date it was sent must be on or after its publication, "
            f"{long_date(version.published_on)}",
        )
    if sent_on > today:
        raise refuse("sent_on", "The date it was sent must be today or in the past")
    sent_to = _check_text(sent_to, "sent_to", "The address", limit=MAX_SENT_TO)
    note = _check_text(note, "note", "The note", limit=MAX_NOTE)
    existing = Dispatch.objects.filter(version=version, recipient=recipient).first()
    if existing is not None:
        message = (
            f"Sending to the {recipient.label} is already recorded, "
            f"on {long_date(existing.sent_on)}"
        )
        raise Conflict(message, {"recipient": [message]})
    rule = owes[recipient].rule
    try:
        with transaction.atomic():
            dispatch = Dispatch.objects.create(
                version=version,
                recipient=recipient,
                rule=rule,
                sent_on=sent_on,
                sent_to=sent_to,
                note=note,
                by=by if getattr(by, "is_authenticated", False) else None,
            )
    except IntegrityError:
        message = f"Sending to the {recipient.label} is already recorded"
        raise Conflict(message, {"recipient": [message]}) from None
    due = compute_due(load_library().clocks[rule], version.published_on).due
    late = (sent_on - due).days
    timing = "on time" if late <= 0 else ("1 day late" if late == 1 else f"{late} days late")
    event_record(
        by=by,
        verb="document.dispatched",
        message=(
            f"Recorded {version} as sent to the {recipient.label} on {long_date(sent_on)}"
            f" (due {long_date(due)}, {timing})"
        ),
        subject=version,
        partnership=version.partnership,
        data={"recipient": recipient.value, "rule": rule, "sent_on": sent_on.isoformat()},
    )
    return dispatch


def dispatch_message(
    version: DocumentVersion, recipient: Any, *, base_url: str = ""
) -> tuple[str, str, str]:
    """(to address, subject, body) of a ready-to-send message: the address from the statute
    library ("" when it holds none), and the document's public address, made absolute with
    `base_url` ("https://masa.example.org") when given."""
    recipient = Recipient(recipient)
    document = version.document
    partnership = document.partnership
    to = library_addresses()[recipient.value]
    link = base_url.rstrip("/") + public_path(version)
    published = long_date(version.published_on) if version.published_on else "(not yet published)"
    guidance = _GUIDANCE.get(version.framework, version.framework)
    item = next((i for i in owed_by(version) if i.recipient == recipient), None)
    citation = load_library().clocks[item.rule].citation if item else ""
    if document.kind == DocumentKind.YEARLY_REPORT:
        start, end = financial_year(document.period)
        what = f"yearly report for {document.period} ({start:%-d %B %Y} to {end:%-d %B %Y})"
    else:
        what = f"published safeguarding arrangements (version {version.number})"
    subject = f"{partnership.name}: {what.split(' (')[0]}"
    if recipient in (Recipient.YJB, Recipient.YCS, Recipient.HMIP):
        subject = f"{partnership.name}: findings of the review of restraint, {document.period}"
        places = secure_establishments(partnership) or "the secure establishments in our area"
        opening = (
            f"Our {what}, published on {published}, includes a review of the use of "
            f"restraint in {places}. {guidance} asks that its findings are reported to you "
            f"({citation}); they are set out in the report."
        )
    elif recipient == Recipient.DFE:
        effective = (
            f" They take effect from {long_date(version.effective_from)}."
            if version.effective_from
            else ""
        )
        changes = (
            f"\n\nWhat has changed: {version.change_summary.strip()}"
            if version.change_summary.strip()
            else ""
        )
        opening = (
            f"We published updated {what} on {published}.{effective} {guidance} asks that "
            f"updates to the published arrangements are sent to the Department for Education "
            f"({citation}).{changes}"
        )
    else:
        opening = (
            f"We published our {what} on {published}. As {guidance} asks ({citation}), we are "
            f"sending you a copy within 7 days of publication."
        )
    body = (
        f"Dear colleagues,\n\n{opening}\n\nYou can read it here: {link}\n\n"
        f"Yours sincerely,\n\n{partnership.name}"
    )
    return to, subject, body
