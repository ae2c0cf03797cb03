"""`masa backup FILE` and `masa restore FILE` on the embedded SQLite database: the demo survives a
round trip through a fresh, empty database identically, table by table and row by row; a bad file
is refused with one clear line and changes nothing; PostgreSQL is pointed to pg_dump."""

import io
import sqlite3
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from masa.core.backup import tables
from masa.partnerships.models import Partnership
from masa.partnerships.tests.factories import PartnershipFactory

SQLITE_ONLY = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="masa backup/restore copy the embedded SQLite database; PostgreSQL uses pg_dump",
)


def _everything() -> dict[str, tuple[str, list[tuple]]]:
    """Every table of the live database: its schema and all its rows in rowid order."""
    live = connection.connection
    found = {}
    for name in tables(live):
        (schema,) = live.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        rows = live.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
        found[name] = (schema, rows)
    return found


def _empty_the_database() -> None:
    """Drop every table: what is left is a fresh, empty SQLite database."""
    live = connection.connection
    live.execute("PRAGMA foreign_keys = OFF")
    for name in tables(live):
        live.execute(f'DROP TABLE "{name}"')
    live.commit()
    assert tables(live) == []


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@SQLITE_ONLY
@pytest.mark.django_db(transaction=True)
def test_the_demo_round_trips_through_a_fresh_database_identically(tmp_path):
    _run("demo", "--no-serve")
    connection.ensure_connection()
    before = _everything()
    model_tables = {m._meta.db_table for m in apps.get_models()}
    assert model_tables <= set(before)
    counted = {name: len(rows) for name, (_, rows) in before.items()}
    # A rich database: the demo fills the registry, cases, documents and the history.
    for name in (
        "partnerships_roleassignment",
        "compliance_assessment",
        "incidents_seriousincident",
        "documents_signature",
        "timeline_event",
    ):
        assert counted.get(name), name

    target = tmp_path / "masa-backup.sqlite3"
    said = _run("backup", str(target))
    assert f"Backed up {len(before)} tables to {target}" in said

    _empty_the_database()
    said = _run("restore", str(target), "--noinput")
    assert f"Restored {len(before)} tables" in said
    after = _everything()
    assert sorted(after) == sorted(before)
    for name in before:
        assert after[name][0] == before[name][0], f"schema of {name}"
        assert after[name][1] == before[name][1], f"rows of {name}"


def _refused(*args: str, match: str) -> None:
    with pytest.raises(CommandError, match=match):
        _run(*args)
    assert list(Partnership.objects.values_list("slug", flat=True)) == ["keepshire"]


@SQLITE_ONLY
@pytest.mark.django_db(transaction=True)
def test_a_restore_refuses_a_bad_file_and_changes_nothing(tmp_path):
    PartnershipFactory(slug="keepshire")
    missing = tmp_path / "nowhere.sqlite3"
    _refused("restore", str(missing), "--noinput", match="There is no file")

    text = tmp_path / "notes.txt"
    text.write_text("not a database at all\n" * 20)
    _refused("restore", str(text), "--noinput", match="not a SQLite database")

    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    _refused("restore", str(truncated), "--noinput", match="cannot be read|damaged")

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as database:
        database.execute("CREATE TABLE songs (title TEXT)")
    _refused("restore", str(other), "--noinput", match="not a MASA database")

    newer = tmp_path / "newer.sqlite3"
    _run("backup", str(newer))
    with sqlite3.connect(newer) as database:
        database.execute(
            "INSERT INTO django_migrations (app, name, applied) "
            "VALUES ('documents', '9999_from_the_future', '2030-01-01 00:00:00')"
        )
        database.execute("DELETE FROM partnerships_partnership")
    _refused(
        "restore", str(newer), "--noinput", match="newer version of MASA.*9999_from_the_future"
    )


@SQLITE_ONLY
@pytest.mark.django_db(transaction=True)
def test_a_restore_needs_confirmation_unless_told_not_to_ask(tmp_path, monkeypatch):
    PartnershipFactory(slug="keepshire")
    backup = tmp_path / "keep.sqlite3"
    _run("backup", str(backup))
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    _refused("restore", str(backup), match="Restore cancelled: nothing changed")


@SQLITE_ONLY
@pytest.mark.django_db(transaction=True)
def test_a_backup_never_overwrites_a_file_or_writes_half_a_file(tmp_path):
    existing = tmp_path / "existing.sqlite3"
    existing.write_text("keep me")
    with pytest.raises(CommandError, match="already exists"):
        _run("backup", str(existing))
    assert existing.read_text() == "keep me"
    with pytest.raises(CommandError, match="There is no folder"):
        _run("backup", str(tmp_path / "no-such-folder" / "b.sqlite3"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.sqlite3"]


@pytest.mark.django_db
def test_postgresql_is_pointed_to_pg_dump(tmp_path, monkeypatch):
    if connection.vendor == "sqlite":
        monkeypatch.setattr(connection, "vendor", "postgresql")
    for args in (("backup", str(tmp_path / "b.sqlite3")), ("restore", str(tmp_path / "b"))):
        with pytest.raises(CommandError, match="pg_dump"):
            _run(*args, *(["--noinput"] if args[0] == "restore" else []))
    assert not Path(tmp_path / "b.sqlite3").exists()
