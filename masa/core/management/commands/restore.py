"""`masa restore FILE`: replace the embedded SQLite database with a backup made by `masa backup`.

Stop the MASA server (and the scheduled `masa clocks remind`) first: a restore replaces everything
they are using. The file is checked before anything changes: it must be an intact SQLite database,
a MASA database and no newer than this code; a refusal is one line on stderr, exit 1, and the
database is as it was. A backup older than the code is brought up to date with `migrate`.
Refuses on PostgreSQL, which is restored with pg_restore (README, "Production deployment").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from masa.core.backup import BackupError, check_backup, restore

STOP_FIRST = "Stop the MASA server and any scheduled masa command before restoring."


class Command(BaseCommand):
    help = "Replace the embedded SQLite database with FILE, a backup made by `masa backup`."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE", help="a backup made by masa backup")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args: Any, file: str, interactive: bool, **options: Any) -> None:
        source = Path(file)
        connection = connections[DEFAULT_DB_ALIAS]
        try:
            if connection.vendor == "sqlite":
                check_backup(source)[0].close()  # refuse a bad file before asking anything
            if interactive and connection.vendor == "sqlite":
                self.stdout.write(STOP_FIRST)
                name = connection.settings_dict["NAME"]
                answer = input(f"Replace the database {name} with {source}? Type yes to go on: ")
                if answer.strip().lower() != "yes":
                    raise CommandError("Restore cancelled: nothing changed")
            restored = restore(connection=connection, source=source)
        except BackupError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"Restored {restored.tables} tables from {source}. Start the MASA server again."
        )
        if restored.missing_migrations:
            self.stdout.write(
                f"The backup predates {len(restored.missing_migrations)} migrations of this code: "
                "applying them"
            )
            call_command("migrate", interactive=False, verbosity=0)
