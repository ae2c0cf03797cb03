"""The log of case record reads as CSV, for the business manager and the scrutineer."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from .models import CaseRead

HEADER = ["at", "reader", "channel", "record_type", "what", "references", "path"]


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet must not run a cell as a formula (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def reads_csv(out: Any, reads: Iterable[CaseRead]) -> None:
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for read in reads:
        writer.writerow(
            [
                cell(timezone.localtime(read.at).isoformat(timespec="seconds")),
                cell(read.reader_label),
                cell(read.get_channel_display()),
                cell(read.record_type),
                cell(read.what),
                cell(", ".join(read.references)),
                cell(read.path),
            ]
        )
