"""`masa clock`: a due date from the command line (a DESIGN.md contract: keep the JSON keys).

    masa clock due wt2023.notify-panel --from 2025-12-19
    masa clock add --working-days 5 --from 2025-12-19
    masa clock add --calendar-days 7 --before --from 2025-09-10

Both print `{rule, start, due, unit, amount, skipped, explanation}` as JSON. Every error (an unknown
rule, a malformed date) is a CommandError: one line on stderr and exit status 1.
"""

from __future__ import annotations

import difflib
import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.core.clocks.engine import DueDate, Pause, add, compute_due
from masa.core.clocks.rules import ClockRule, Unit
from masa.core.dates import parse_iso_date
from masa.core.errors import MasaError


class Command(BaseCommand):
    help = "Compute a statutory due date: `due RULE_ID` from the statute library, or `add` ad hoc."

    # Pure computation: no database, so no system checks that another app's state could fail.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{due,add}")

        due = actions.add_parser("due", help="due date of a clock rule in the statute library")
        due.add_argument("rule_id", metavar="RULE_ID", help="e.g. wt2023.notify-panel")
        _add_common(due)

        adhoc = actions.add_parser("add", help="due date of an ad-hoc clock")
        amount = adhoc.add_mutually_exclusive_group(required=True)
        amount.add_argument("--working-days", type=int, metavar="N")
        amount.add_argument("--calendar-days", type=int, metavar="N")
        amount.add_argument("--months", type=int, metavar="N")
        adhoc.add_argument(
            "--before", action="store_true", help="count back from the date instead of forward"
        )
        _add_common(adhoc)

    def handle(self, *args: Any, **options: Any) -> None:
        start = _parse_date(options["start"], "--from")
        pauses = [_parse_pause(text) for text in options["pause"] or ()]
        try:
            if options["action"] == "due":
                result = compute_due(_rule(options["rule_id"]), start, pauses=pauses)
            else:
                result = _adhoc(options, start, pauses)
        except MasaError as error:  # a rule the engine refuses, or an invalid statute library
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(result.as_json(), indent=2, ensure_ascii=False))


def _add_common(parser: CommandParser) -> None:
    # Parsed in handle(), not with argparse `type=`, so a bad date is a CommandError (exit 1)
    # rather than an argparse usage error (exit 2).
    parser.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    parser.add_argument(
        "--pause",
        action="append",
        metavar="YYYY-MM-DD:YYYY-MM-DD",
        help="a recorded pause, both days included; repeat for more",
    )


def _adhoc(options: dict[str, Any], start: date, pauses: list[Pause]) -> DueDate:
    for option, unit in (
        ("working_days", Unit.WORKING_DAYS),
        ("calendar_days", Unit.CALENDAR_DAYS),
        ("months", Unit.MONTHS),
    ):
        if options[option] is not None:
            return add(unit, options[option], start, before=options["before"], pauses=pauses)
    raise CommandError("give one of --working-days, --calendar-days or --months")


def _rule(rule_id: str) -> ClockRule:
    # Imported here: the statute loader is another app's module and may fail on bad YAML; only
    # `clock due` needs it.
    try:
        from masa.statute.loader import load_library
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("masa.statute"):
            raise
        raise CommandError("The statute library loader (masa.statute.loader) is missing.") from None

    clocks = load_library().clocks
    if rule_id in clocks:
        return clocks[rule_id]
    close = difflib.get_close_matches(rule_id, list(clocks), n=5, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise CommandError(
        f"Unknown clock rule {rule_id!r}.{hint} `masa statute export --format json` lists every"
        " requirement with its clock."
    )


def _parse_date(text: str, option: str) -> date:
    try:
        return parse_iso_date(text or "?")  # an empty --from is not today
    except ValueError as error:
        raise CommandError(f"{option}: {error}") from None


def _parse_pause(text: str) -> Pause:
    first, sep, last = text.partition(":")
    if not sep:
        raise CommandError(f"--pause {text!r}: write it as YYYY-MM-DD:YYYY-MM-DD")
    return _parse_date(first, "--pause"), _parse_date(last, "--pause")
