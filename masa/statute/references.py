"""Checks across entries and files: duplicate ids, clock and lineage references, supersession.

Runs after every file has been parsed (`validation.parse_*`), on the entries that could be built.
A reference into a file that did not parse, or to an entry already reported as broken, is not
reported again.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from .library import Framework, Requirement, StatuteError
from .validation import Located

if TYPE_CHECKING:
    from .loader import _Parsed


class _References:
    def __init__(self, parsed: _Parsed, errors: list[StatuteError]) -> None:
        self.parsed = parsed
        self.errors = errors
        self.frameworks: dict[str, Framework] = {i.value.id: i.value for i in parsed.frameworks}
        self.clocks = {i.value.id for i in parsed.clocks}
        self.requirements = {i.value.id: i.value for i in parsed.requirements}
        self.successor_of: dict[str, str] = {}  # framework id -> the framework superseding it

    def fail(self, item: Located[Any], line: int, message: str) -> None:
        self.errors.append(StatuteError(item.file, line, message))

    def judged(self, ref: str) -> bool:
        if ref.split(".", 1)[0] in self.parsed.unreadable:
            return False
        broken = ref in self.parsed.declared
        return not (broken and ref not in self.clocks and ref not in self.requirements)


def check_cross_references(parsed: _Parsed, errors: list[StatuteError]) -> None:
    refs = _References(parsed, errors)
    for items, what in (
        (parsed.frameworks, "framework"),
        (parsed.clocks, "clock"),
        (parsed.requirements, "requirement"),
    ):
        _duplicates(refs, items, what)
    _supersession(refs)
    for item in parsed.requirements:
        r = item.value
        if r.clock and r.clock not in refs.clocks and refs.judged(r.clock):
            refs.fail(
                item, item.line_of("clock"), f"requirement '{r.id}' names unknown clock '{r.clock}'"
            )
        _lineage(refs, item)
    _successors(refs)
    _schedule(refs)


def _duplicates(refs: _References, items: list[Located[Any]], what: str) -> None:
    seen: dict[str, Located[Any]] = {}
    for item in items:
        first = seen.setdefault(item.value.id, item)
        if first is not item:
            where = f"{first.file}:{first.line}"
            refs.fail(item, item.line, f"duplicate {what} id '{item.value.id}' (first at {where})")


def _supersession(refs: _References) -> None:
    for item in refs.parsed.frameworks:
        fid, old = item.value.id, item.value.supersedes
        if old is None:
            continue
        if old == fid or (old not in refs.frameworks and old not in refs.parsed.unreadable):
            line = item.line_of("supersedes")
            refs.fail(item, line, f"framework '{fid}' supersedes unknown framework '{old}'")
        else:
            refs.successor_of[old] = fid
            _replacement_day(refs, item, refs.frameworks.get(old))


def _replacement_day(refs: _References, item: Located[Framework], old: Framework | None) -> None:
    """The superseded framework's last day in force is the day before its successor's first."""
    new = item.value
    if old is None or old.replaced_on is None or old.replaced_on == new.in_force_from:
        return
    refs.fail(
        item,
        item.line_of("in_force_from"),
        f"framework '{new.id}' comes into force on {new.in_force_from} but '{old.id}' was "
        f"replaced on {old.replaced_on} (the day after its in_force_until)",
    )


def _lineage(refs: _References, item: Located[Requirement]) -> None:
    """A superseding framework's items say same/changed (with `from`) or new; `from` must exist."""
    r = item.value
    framework = refs.frameworks.get(r.framework)
    older = framework.supersedes if framework else None
    change, source = r.lineage_change, r.lineage_from
    where = item.line_of("lineage")
    if older and change is None and "lineage" not in item.lines:
        hint = f"{r.framework} supersedes {older}"
        refs.fail(
            item,
            item.line,
            f"requirement '{r.id}' needs lineage: {{change: same|changed|new}} ({hint})",
        )
    if change in ("same", "changed", "new") and not older:
        refs.fail(
            item,
            where,
            f"requirement '{r.id}' has lineage '{change}' but {r.framework} supersedes nothing",
        )
    # Which framework supersedes this one may be in a file that did not parse.
    if change == "removed" and r.framework not in refs.successor_of and not refs.parsed.unreadable:
        refs.fail(
            item,
            where,
            f"requirement '{r.id}' is marked removed but nothing supersedes {r.framework}",
        )
    if source and older and refs.judged(source):
        target = refs.requirements.get(source)
        line = item.line_of("lineage.from")
        if target is None:
            refs.fail(item, line, f"requirement '{r.id}' names unknown lineage.from '{source}'")
        elif target.framework != older:
            refs.fail(
                item,
                line,
                f"requirement '{r.id}' lineage.from '{source}' must be a {older} requirement",
            )
        elif target.lineage_change == "removed":
            refs.fail(item, line, f"requirement '{r.id}' lineage.from '{source}' is marked removed")


def _successors(refs: _References) -> None:
    """Every item of a superseded framework is continued by a later item or says `removed`."""
    continued = {i.value.lineage_from for i in refs.parsed.requirements if i.value.lineage_from}
    for item in refs.parsed.requirements:
        r = item.value
        successor = refs.successor_of.get(r.framework)
        if not successor or r.lineage_change == "removed" or r.id in continued:
            continue
        refs.fail(
            item,
            item.line,
            f"requirement '{r.id}' has no successor in {successor}: name it in a {successor}"
            " item's lineage.from or mark it lineage: {change: removed}",
        )


def _schedule(refs: _References) -> None:
    categories = refs.parsed.categories
    counts = Counter(item.value.paragraph for item in categories)
    for item in categories:
        if counts[item.value.paragraph] > 1:
            refs.fail(
                item, item.line, f"duplicate relevant-agency paragraph {item.value.paragraph}"
            )
    paragraphs = sorted(counts)
    if paragraphs and paragraphs != list(range(1, len(paragraphs) + 1)):
        first = categories[0]
        refs.fail(
            first,
            first.line,
            f"relevant-agency paragraphs must run 1..{len(paragraphs)} without gaps",
        )
