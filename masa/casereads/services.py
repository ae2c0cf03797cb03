"""The one way to append to the log of case record reads. Views, the API and the admin call it once
per request, after the records are found and the reader's access checked: a 404 or a 403 never
reaches it, so it writes nothing for them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models
from django.http import HttpRequest

from masa.partnerships.models import Partnership

from .models import CaseRead, Channel


def reference_of(record: models.Model) -> str:
    """A case record's reference as the pages show it: a notification's or practice review's own,
    a rapid review's notification's."""
    found = getattr(record, "reference", "")
    if not found and getattr(record, "incident_id", None):
        found = getattr(record.incident, "reference", "")  # type: ignore[attr-defined]
    return str(found or record.pk)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def case_read_record(
    *,
    by: Any,
    partnership: Partnership,
    channel: str,
    record_type: str,
    records: Sequence[models.Model],
    what: str = "",
    path: str = "",
    reader_label: str = "",
    references: Sequence[str] | None = None,
) -> CaseRead | None:
    """Log that `by` read `records` (of one partnership) through `channel`. Nothing is logged when
    there were no records to read. `what` defaults to "notification SIN-2025-003" for one record
    and "list of 3 notifications" for several; `references` to each record's own."""
    if channel not in Channel.values:
        raise ValueError(f"Unknown channel {channel!r}")
    if not records:
        return None
    references = list(references) if references is not None else [reference_of(r) for r in records]
    if not what:
        what = (
            f"{record_type} {references[0]}"
            if len(records) == 1 and channel != Channel.LIST
            else f"list of {_plural(len(records), record_type)}"
        )
    reader = by if getattr(by, "is_authenticated", False) else None
    return CaseRead.objects.create(
        reader=reader,
        reader_label=(reader_label or str(reader or "MASA"))[:200],
        partnership=partnership,
        channel=channel,
        record_type=record_type,
        record_ids=[r.pk for r in records],
        references=references,
        what=what[:300],
        path=path[:500],
    )


def read_logged(
    request: HttpRequest,
    *,
    partnership: Partnership,
    channel: str,
    record_type: str,
    records: Iterable[models.Model],
    what: str = "",
    references: Sequence[str] | None = None,
) -> CaseRead | None:
    """`case_read_record` for the request's reader (a person, or the API token it signed in with)
    and path."""
    auth = getattr(request, "auth", None)
    label = f"API token {auth.name}" if auth is not None and hasattr(auth, "key_hash") else ""
    return case_read_record(
        by=request.user,
        partnership=partnership,
        channel=channel,
        record_type=record_type,
        records=list(records),
        what=what,
        path=request.get_full_path(),
        reader_label=label,
        references=references,
    )
