"""`masa compliance SLUG --format json|csv|xlsx|docx [--at YYYY-MM-DD] [--out FILE]`: the
compliance matrix of one partnership (a DESIGN.md contract; JSON keys in `masa.compliance.exports`).

JSON and CSV go to standard output unless `--out` is given; Excel and Word go to `--out`, or as
bytes to standard output. An unknown slug or a bad date exits 1.

It runs as an operator, so the rows judged from case records carry their full detail; the export
is logged as a read of those records ("Operator (masa compliance)").
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.casereads.models import Channel
from masa.casereads.services import case_read_record
from masa.compliance.derivations import Context
from masa.compliance.derivations.cases import CASE_RULES
from masa.compliance.exports import FORMATS, render
from masa.compliance.selectors import case_records_read, matrix_for
from masa.core.dates import parse_iso_date
from masa.partnerships.models import Partnership


class Command(BaseCommand):
    help = "The compliance matrix of one partnership: status, reasons and evidence per duty."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="the partnership's slug, e.g. bhr")
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--at", metavar="YYYY-MM-DD", help="the date to report (default today)")
        parser.add_argument(
            "--out", metavar="FILE", help="write to FILE instead of standard output"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            at = parse_iso_date(options["at"])
        except ValueError as error:
            raise CommandError(f"--at: {error}") from error
        partnership = Partnership.objects.filter(slug=options["slug"]).first()
        if partnership is None:
            known = ", ".join(Partnership.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(
                f"No partnership with the slug {options['slug']!r}. Known: {known or 'none'}."
            )
        context = Context(partnership, at)
        matrix = matrix_for(partnership=partnership, at=at, context=context)
        if not matrix.rows:
            self.stderr.write("No requirements loaded: run `masa statute sync` (or `masa demo`).")
        fmt = options["format"]
        if any(row.rule in CASE_RULES for row in matrix.rows):
            records = case_records_read(context)
            case_read_record(
                by=None,
                partnership=partnership,
                channel=Channel.EXPORT,
                record_type="case record",
                records=records,
                what=f"compliance matrix naming {len(records)} case record"
                + ("" if len(records) == 1 else "s"),
                path=f"masa compliance {partnership.slug} --format {fmt} --at {at.isoformat()}",
                reader_label="Operator (masa compliance)",
            )
        content = render(matrix, fmt)
        if options["out"]:
            Path(options["out"]).write_bytes(content)
            self.stderr.write(f"Wrote {len(matrix.rows)} rows to {options['out']}")
        elif fmt in ("json", "csv"):
            self.stdout.write(content.decode(), ending="" if fmt == "csv" else "\n")
        else:
            self.stdout.flush()
            stream = getattr(self.stdout, "_out", sys.stdout)
            buffer = getattr(stream, "buffer", None)
            if buffer is None:
                raise CommandError(f"--format {fmt} needs --out FILE here")
            buffer.write(content)
            buffer.flush()
