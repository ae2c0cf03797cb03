"""`masa clocks list SLUG --format json [--today YYYY-MM-DD]`: every statutory clock of a
partnership as a JSON list of `{subject, rule, start, due, status, explanation}` (keep the keys).
`masa clocks remind [--today YYYY-MM-DD] [--dry-run]`: email the reminders due today for every
partnership (run daily; a second run sends nothing twice). An unknown slug, a bad date or a failed
send exits 1 with one line on stderr."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.clocks.registry import clocks_for
from masa.clocks.selectors import reminders_due
from masa.clocks.services import reminders_send
from masa.core.dates import parse_iso_date
from masa.partnerships.models import Partnership


class Command(BaseCommand):
    help = (
        "Statutory clocks: `list SLUG` prints every clock of a partnership; `remind` emails the "
        "reminders due today."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{list,remind}")
        listing = actions.add_parser("list", help="every clock of one partnership")
        listing.add_argument("slug", help="the partnership's slug, e.g. northshire")
        listing.add_argument("--format", choices=["json"], default="json")
        listing.add_argument("--today", metavar="YYYY-MM-DD", help="the day to judge status on")
        remind = actions.add_parser("remind", help="email the reminders due today")
        remind.add_argument("--today", metavar="YYYY-MM-DD", help="the day to remind on")
        remind.add_argument("--dry-run", action="store_true", help="print; write and send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = parse_iso_date(options["today"])
        except ValueError as error:
            raise CommandError(f"--today: {error}") from error
        if options["action"] == "remind":
            return self.remind(today, dry_run=options["dry_run"])
        partnership = Partnership.objects.filter(slug=options["slug"]).first()
        if partnership is None:
            raise CommandError(f"No partnership with the slug {options['slug']!r}.")
        rows = [view.as_json() for view in clocks_for(partnership, today=today)]
        self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))

    def remind(self, today: Any, *, dry_run: bool) -> None:
        failed = 0
        for partnership in Partnership.objects.order_by("slug"):
            if dry_run:
                letters = reminders_due(partnership=partnership, today=today)
            else:
                run = reminders_send(partnership=partnership, today=today)
                letters, failed = run.sent, failed + len(run.failed)
            for letter in letters:
                self.stdout.write(
                    f"{partnership.slug}: {'would send' if dry_run else 'sent'} "
                    f"{len(letter.items)} to {letter.recipient.email}"
                )
        if failed:
            raise CommandError(f"{failed} reminder email(s) failed; the next run retries them")
