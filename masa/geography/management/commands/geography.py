"""`masa geography load [--data-dir DIR]`: load or refresh LAs, police force areas and ICBs.

Safe to run again: a repeat load changes nothing. A malformed file prints `file:line: message` for
each problem on stderr, writes nothing and exits 1.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.core.errors import InvalidInput
from masa.geography.services import geography_load


class Command(BaseCommand):
    help = "Geography reference data: `load` reads the CSVs in settings.MASA_GEO_DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{load}")
        load = actions.add_parser("load", help="load or refresh LAs, police force areas and ICBs")
        load.add_argument(
            "--data-dir", help="folder holding the CSVs (default: settings.MASA_GEO_DIR)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = geography_load(data_dir=options["data_dir"])
        except InvalidInput as error:
            raise CommandError(error.message) from error
        self.stdout.write(str(result))
