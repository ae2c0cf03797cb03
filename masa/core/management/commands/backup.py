"""`masa backup FILE`: a consistent copy of the embedded SQLite database, safe while MASA runs.

Uses SQLite's online backup API (masa.core.backup). Refuses on PostgreSQL, whose backups are made
with pg_dump (README, "Production deployment"). Any refusal is one line on stderr and exit 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from masa.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Copy the embedded SQLite database to FILE (consistent while the server runs)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", metavar="FILE", help="the new backup file, e.g. masa-2025-09-30.sqlite3"
        )

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        target = Path(file)
        try:
            count = backup(connection=connections[DEFAULT_DB_ALIAS], to=target)
        except BackupError as error:
            raise CommandError(error.message) from None
        size = target.stat().st_size
        self.stdout.write(f"Backed up {count} tables to {target} ({size:,} bytes)")
