"""`masa coverage --format json|csv [--at YYYY-MM-DD]`: which partnership covers every English LA,
police force area and ICB (a DESIGN.md contract; the JSON keys are in `masa.geography.exports`).

    {"at", "local_authorities": [{"code", "name", "region", "partnership", "partnership_slug",
     "parents", …}], "uncovered", "double_covered", "police_force_areas",
     "uncovered_police_force_areas", "icbs", "uncovered_icbs"}
"""

from __future__ import annotations

import io
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.core.dates import parse_iso_date
from masa.geography.exports import coverage_csv, coverage_json
from masa.geography.selectors import coverage


class Command(BaseCommand):
    help = "Coverage of England by safeguarding partnerships: LAs, police force areas and ICBs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=("json", "csv"), default="json")
        parser.add_argument("--at", metavar="YYYY-MM-DD", help="the date to report (default today)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            on = parse_iso_date(options["at"])
        except ValueError as error:
            raise CommandError(f"--at: {error}") from error
        result = coverage(on=on)
        if not result.local_authorities:
            self.stderr.write("No local authorities loaded: run `masa geography load` first.")
        if options["format"] == "csv":
            buffer = io.StringIO()
            coverage_csv(result, buffer)
            self.stdout.write(buffer.getvalue(), ending="")
        else:
            self.stdout.write(json.dumps(coverage_json(result), indent=2, ensure_ascii=False))
