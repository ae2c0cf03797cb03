"""Backups of the embedded SQLite database (`masa backup FILE`, `masa restore FILE`).

A backup uses SQLite's online backup API (Python's `sqlite3.Connection.backup`), which copies the
database page by page under SQLite's own locking, so the copy is consistent even while the server
is writing. A restore checks the file before anything changes: it must be an intact SQLite
database, a MASA database (it has the tables MASA's migrations make), and no newer than the code
(every migration it records is one the code has); then the same backup API copies it over the live
database in one step. PostgreSQL has its own tools (`pg_dump`, `pg_restore`, README "Production
deployment"); both commands refuse there.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.migrations.loader import MigrationLoader

from masa.core.errors import MasaError

SQLITE_HEADER = b"SQLite format 3\x00"
# A table every MASA database has; a SQLite file without it is some other program's database.
MASA_TABLE = "partnerships_partnership"
POSTGRES = (
    "MASA is using PostgreSQL: back it up with pg_dump and restore it with pg_restore, as the "
    'README\'s "Production deployment" section describes. masa backup and masa restore are for '
    "the embedded SQLite database."
)


class BackupError(MasaError):
    """A backup or restore that cannot be done; nothing has been changed."""


@dataclass(frozen=True)
class Restored:
    tables: int
    missing_migrations: tuple[str, ...]  # migrations the code has that the backup predates


def _sqlite(connection: Any) -> sqlite3.Connection:
    if connection.vendor != "sqlite":
        raise BackupError(POSTGRES)
    connection.ensure_connection()
    return connection.connection


def tables(database: sqlite3.Connection) -> list[str]:
    """Every table of the database, in name order (SQLite's own tables left out)."""
    rows = database.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [name for (name,) in rows]


def backup(*, connection: Any, to: Path) -> int:
    """Copy the live database to the new file `to`; returns the number of tables copied."""
    live = _sqlite(connection)
    if to.exists():
        raise BackupError(f"{to} already exists: choose a new file name for the backup")
    if not to.parent.is_dir():
        raise BackupError(f"There is no folder {to.parent} to write the backup in")
    # Written beside the target and renamed when complete: a failed backup leaves no half file.
    handle, partial = tempfile.mkstemp(prefix=f".{to.name}.", dir=to.parent)
    os.close(handle)
    try:
        copy = sqlite3.connect(partial)
        try:
            live.backup(copy)
            count = len(tables(copy))
        finally:
            copy.close()
        os.replace(partial, to)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return count


def _open_backup(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise BackupError(f"There is no file {path}")
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{path} is not a SQLite database, so it is not a MASA backup")
    database = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        (verdict,) = database.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as error:
        database.close()
        raise BackupError(f"{path} cannot be read as a SQLite database: {error}") from None
    if verdict != "ok":
        database.close()
        raise BackupError(f"{path} is damaged: SQLite's check says {verdict}")
    return database


def check_backup(path: Path) -> tuple[sqlite3.Connection, tuple[str, ...]]:
    """Open a backup read-only after checking it is a MASA database no newer than the code;
    returns it with the code's migrations it predates (to be applied after restoring)."""
    database = _open_backup(path)
    try:
        present = set(tables(database))
        if "django_migrations" not in present or MASA_TABLE not in present:
            raise BackupError(f"{path} is a SQLite database but not a MASA database")
        recorded = set(database.execute("SELECT app, name FROM django_migrations").fetchall())
        known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
        newer = sorted(f"{app}.{name}" for app, name in recorded - known)
        if newer:
            shown = ", ".join(newer[:5]) + (f" and {len(newer) - 5} more" if len(newer) > 5 else "")
            raise BackupError(
                f"{path} was made by a newer version of MASA: it has migrations this code does not "
                f"have ({shown}). Restore it with the version of MASA that made it"
            )
    except BaseException:
        database.close()
        raise
    missing = tuple(sorted(f"{app}.{name}" for app, name in known - recorded))
    return database, missing


def restore(*, connection: Any, source: Path) -> Restored:
    """Replace the live database with the backup `source`, after checking it (nothing changes
    when a check fails). Every process using the database must be stopped first."""
    live = _sqlite(connection)
    database, missing = check_backup(source)
    try:
        if live.in_transaction:
            raise BackupError("The database is in the middle of a transaction: try again")
        database.backup(live)
        count = len(tables(live))
    finally:
        database.close()
    return Restored(tables=count, missing_migrations=missing)
