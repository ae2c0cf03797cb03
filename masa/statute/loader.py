"""Load and validate the statute library: `masa/statute/data/*.yaml`, one file per source.

Pure Python (PyYAML, no Django). `check_library()` collects every problem as a `StatuteError`
(`file:line: message`); `load_library()` returns a frozen `Library` or raises `LibraryInvalid`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from masa.core.clocks.rules import ClockRule

from . import references, validation
from .library import (
    Framework,
    Library,
    LibraryInvalid,
    RelevantAgencyCategory,
    Requirement,
    StatuteError,
)
from .schema import FILE_KEYS
from .yamlio import LineMap, YamlSyntaxError, read_yaml

__all__ = [
    "DEFAULT_DATA_DIR",
    "Library",
    "LibraryInvalid",
    "StatuteError",
    "check_library",
    "load_library",
]

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"


def load_library(data_dir: Path | None = None) -> Library:
    """The library from `data_dir` (default: the shipped data, loaded once per process)."""
    if data_dir is None:
        return _load_default()
    return _load(Path(data_dir))


@functools.lru_cache(maxsize=1)
def _load_default() -> Library:
    return _load(DEFAULT_DATA_DIR)


def _load(data_dir: Path) -> Library:
    library, errors = _build(data_dir)
    if errors:
        raise LibraryInvalid(errors)
    return library


def check_library(data_dir: Path | None = None) -> list[StatuteError]:
    """Every problem in every file, in file then line order. An empty list means the library loads."""
    _, errors = _build(Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR)
    return errors


@dataclass
class _Parsed:
    """What the per-file pass produced, with locations kept for the cross-file pass."""

    frameworks: list[validation.Located[Framework]] = field(default_factory=list)
    clocks: list[validation.Located[ClockRule]] = field(default_factory=list)
    requirements: list[validation.Located[Requirement]] = field(default_factory=list)
    categories: list[validation.Located[RelevantAgencyCategory]] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # framework ids (file stems) that failed
    # Ids written in the files, even on entries too broken to build: references to them are not
    # reported again as dangling.
    declared: set[str] = field(default_factory=set)


def _build(data_dir: Path) -> tuple[Library, list[StatuteError]]:
    errors: list[StatuteError] = []
    parsed = _Parsed()
    paths = sorted(data_dir.glob("*.yaml"))
    if not paths:
        errors.append(StatuteError(str(data_dir), 0, "no *.yaml files in the statute data folder"))
    for path in paths:
        _parse_file(path, parsed, errors)
    references.check_cross_references(parsed, errors)
    errors.sort(key=lambda e: (e.file, e.line))
    library = Library(
        frameworks={item.value.id: item.value for item in parsed.frameworks},
        requirements={item.value.id: item.value for item in parsed.requirements},
        clocks={item.value.id: item.value for item in parsed.clocks},
        relevant_agency_categories=tuple(
            sorted((item.value for item in parsed.categories), key=lambda c: c.paragraph)
        ),
    )
    return library, errors


def _parse_file(path: Path, parsed: _Parsed, errors: list[StatuteError]) -> None:
    file = str(path)
    try:
        data, duplicates = read_yaml(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as exc:
        errors.append(StatuteError(file, exc.line, exc.message))
        parsed.unreadable.add(path.stem)
        return
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(StatuteError(file, 1, f"cannot read the file: {exc}"))
        parsed.unreadable.add(path.stem)
        return
    errors.extend(StatuteError(file, line, f"duplicate key '{key}'") for line, key in duplicates)
    if not isinstance(data, LineMap):
        errors.append(StatuteError(file, 1, "the file must be a mapping with a 'framework' key"))
        parsed.unreadable.add(path.stem)
        return
    check = validation.Checker(file, errors)
    check.keys(data, FILE_KEYS, "the file")
    framework = validation.parse_framework(check, data.get("framework"), data.line_of("framework"))
    if framework is None:
        parsed.unreadable.add(path.stem)
        return
    if framework.value.id != path.stem:
        check.error(
            framework.line,
            f"framework id '{framework.value.id}' must match the file name '{path.stem}.yaml'",
        )
    parsed.frameworks.append(framework)
    fid = framework.value.id
    for entry, line in _entries(check, data, "clocks"):
        _declare(entry, parsed)
        clock = validation.parse_clock(check, entry, line, fid)
        if clock is not None:
            parsed.clocks.append(clock)
    for position, (entry, line) in enumerate(_entries(check, data, "requirements"), start=1):
        _declare(entry, parsed)
        requirement = validation.parse_requirement(check, entry, line, fid, position)
        if requirement is not None:
            parsed.requirements.append(requirement)
    for entry, line in _entries(check, data, "relevant_agency_categories"):
        category = validation.parse_category(check, entry, line)
        if category is not None:
            parsed.categories.append(category)


def _declare(entry: Any, parsed: _Parsed) -> None:
    if isinstance(entry, LineMap) and isinstance(entry.get("id"), str):
        parsed.declared.add(entry["id"])


def _entries(check: validation.Checker, data: LineMap, key: str) -> list[tuple[Any, int]]:
    """The items of a top-level list with the line of each (items that are not mappings too)."""
    if key not in data or data[key] is None:
        return []
    items = data[key]
    if not isinstance(items, list):
        check.error(data.line_of(key), f"'{key}' must be a list")
        return []
    located = []
    for item in items:
        line = item.line if isinstance(item, LineMap) else data.line_of(key)
        located.append((item, line))
    return located
