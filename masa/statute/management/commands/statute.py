"""`masa statute`: check, export and sync the statute library (a DESIGN.md contract: keep the keys).

    masa statute check                 OK line, or one `file:line: message` per error on stderr, exit 1
    masa statute export --format json  every requirement: id, framework, level, holder, topic,
                                       summary, citation, clock, content_of, evidence, lineage,
                                       commencement (null, or status/label/commenced_on/note)
    masa statute sync                  upsert the YAML into the database; missing ids are retired

`check` and `export` read only the YAML (no database); `--data-dir` points them at another folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.statute.library import Library, LibraryInvalid, Requirement
from masa.statute.loader import check_library, load_library
from masa.statute.schema import COMMENCEMENT_STATUSES

# The keys of each exported object, in order (`masa statute export` is a contract).
EXPORT_KEYS = (
    "id",
    "framework",
    "level",
    "holder",
    "topic",
    "summary",
    "citation",
    "clock",
    "content_of",
    "evidence",
    "lineage",
    "commencement",
)


class Command(BaseCommand):
    help = "Check, export or sync the statute library (masa/statute/data/*.yaml)."

    # `check` and `export` must work whatever state the rest of the project is in.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{check,export,sync}")
        check = actions.add_parser("check", help="validate every YAML file")
        export = actions.add_parser("export", help="print the requirements")
        export.add_argument("--format", choices=["json"], default="json")
        for sub in (check, export):
            sub.add_argument("--data-dir", type=Path, default=None, help="another data folder")
        actions.add_parser("sync", help="copy the library into the database")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "check":
            self._check(options["data_dir"])
        elif action == "export":
            self.stdout.write(json.dumps(export_rows(_load(options["data_dir"])), indent=2))
        else:
            from masa.statute.services import statute_sync

            result = _guard(lambda: statute_sync())
            self.stdout.write(f"Statute library synced: {result}.")

    def _check(self, data_dir: Path | None) -> None:
        errors = check_library(data_dir)
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            raise SystemExit(1)
        library = load_library(data_dir)
        self.stdout.write(
            f"OK: {len(library.requirements)} requirements, {len(library.clocks)} clock rules, "
            f"{len(library.relevant_agency_categories)} relevant-agency categories "
            f"in {len(library.frameworks)} frameworks"
        )


def export_rows(library: Library) -> list[dict[str, Any]]:
    return [_row(requirement) for requirement in library.requirements.values()]


def _row(r: Requirement) -> dict[str, Any]:
    lineage = None
    if r.lineage_change:
        lineage = {"from": r.lineage_from, "change": r.lineage_change}
    return {
        "id": r.id,
        "framework": r.framework,
        "level": r.level,
        "holder": r.holder,
        "topic": r.topic,
        "summary": r.summary,
        "citation": r.citation,
        "clock": r.clock,
        "content_of": r.content_of,
        "evidence": r.evidence,
        "lineage": lineage,
        "commencement": _commencement(r),
    }


def _commencement(r: Requirement) -> dict[str, Any] | None:
    """None when the requirement is in force with its source."""
    if not r.commencement:
        return None
    return {
        "status": r.commencement,
        "label": COMMENCEMENT_STATUSES[r.commencement],
        "commenced_on": r.commenced_on.isoformat() if r.commenced_on else None,
        "note": r.commencement_note,
    }


def _load(data_dir: Path | None) -> Library:
    return _guard(lambda: load_library(data_dir))


def _guard(action: Any) -> Any:
    try:
        return action()
    except LibraryInvalid as error:
        raise CommandError(f"{error} (run `masa statute check` for every error)") from error
