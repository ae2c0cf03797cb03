"""`masa clocks list SLUG --format json [--today YYYY-MM-DD]`: every statutory clock of a
partnership as a JSON list of `{subject, rule, start, due, status, explanation}` (keep the keys).
An unknown slug or a bad date exits 1 with one line on stderr."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.clocks.registry import clocks_for
from masa.geography.forms import parse_at
from masa.partnerships.models import Partnership


class Command(BaseCommand):
    help = "Statutory clocks: `list SLUG` prints every clock of a partnership."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{list}")
        listing = actions.add_parser("list", help="every clock of one partnership")
        listing.add_argument("slug", help="the partnership's slug, e.g. northshire")
        listing.add_argument("--format", choices=["json"], default="json")
        listing.add_argument("--today", metavar="YYYY-MM-DD", help="the day to judge status on")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = parse_at(options["today"])
        except ValueError as error:
            raise CommandError(f"--today: {error}") from error
        partnership = Partnership.objects.filter(slug=options["slug"]).first()
        if partnership is None:
            raise CommandError(f"No partnership with the slug {options['slug']!r}.")
        rows = [view.as_json() for view in clocks_for(partnership, today=today)]
        self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
