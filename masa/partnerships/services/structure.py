"""Boards and subgroups, and the shared priorities the lead partners agree (WT2023 ch2)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max

from masa.core.errors import Conflict
from masa.core.versioning import UNCHECKED, version_claim
from masa.timeline.services import event_record

from ..models import Board, BoardKind, Partnership, Priority
from ..periods import format_day, format_period
from .validate import check_end, check_period, optional_text, refuse, required_text


def _check_board_fields(
    partnership: Partnership, *, name: str, kind: str, parent: Any, board: Board | None
) -> str:
    name = required_text(name, field="name", message="Enter the group's name")
    if kind not in BoardKind.values:
        raise refuse("kind", "Select what kind of group this is")
    clash = Board.objects.filter(partnership=partnership, name__iexact=name)
    if board is not None:
        clash = clash.exclude(pk=board.pk)
    if clash.exists():
        raise Conflict(
            f"{partnership} already has a group called {name}",
            {"name": [f"There is already a group called {name}"]},
        )
    if parent is not None:
        if not isinstance(parent, Board) or parent.partnership_id != partnership.pk:
            raise refuse("parent", "Select one of this partnership's groups")
        ancestor: Board | None = parent
        while ancestor is not None:
            if board is not None and ancestor.pk == board.pk:
                raise refuse(
                    "parent", "A group cannot report to itself or to a group that reports to it"
                )
            ancestor = ancestor.parent
    return name


@transaction.atomic
def board_create(
    *,
    partnership: Partnership,
    name: str,
    kind: str,
    by: Any,
    parent: Board | None = None,
    remit: str = "",
    chair_title: str = "",
    meets: str = "",
    includes_education: bool = False,
) -> Board:
    name = _check_board_fields(partnership, name=name, kind=kind, parent=parent, board=None)
    board = Board.objects.create(
        partnership=partnership,
        name=name,
        kind=kind,
        parent=parent,
        remit=(remit or "").strip(),
        chair_title=optional_text(chair_title, field="chair_title", label="Chaired by"),
        meets=optional_text(meets, field="meets", label="How often it meets", max_length=100),
        includes_education=bool(includes_education),
    )
    under = f", reporting to {parent}" if parent else ""
    event_record(
        by=by,
        verb="board.created",
        message=f"Recorded the {board.get_kind_display().lower()} {board}{under}",
        subject=board,
        partnership=partnership,
        data={"kind": kind, "includes_education": board.includes_education},
    )
    return board


@transaction.atomic
def board_update(
    *,
    board: Board,
    name: str,
    kind: str,
    by: Any,
    parent: Board | None = None,
    remit: str = "",
    chair_title: str = "",
    meets: str = "",
    includes_education: bool = False,
    expected_version: Any = UNCHECKED,
) -> Board:
    board = (
        Board.objects.select_for_update(of=("self",))
        .select_related("partnership", "parent")
        .get(pk=board.pk)
    )
    name = _check_board_fields(board.partnership, name=name, kind=kind, parent=parent, board=board)
    new = {
        "name": name,
        "kind": kind,
        "parent": parent,
        "remit": (remit or "").strip(),
        "chair_title": optional_text(chair_title, field="chair_title", label="Chaired by"),
        "meets": optional_text(meets, field="meets", label="How often it meets", max_length=100),
        "includes_education": bool(includes_education),
    }
    changed = [field for field, value in new.items() if getattr(board, field) != value]
    if not changed:
        return board
    version_claim(board, expected_version, yours=new)
    for field in changed:
        setattr(board, field, new[field])
    board.save()
    event_record(
        by=by,
        verb="board.updated",
        message=f"Updated the group {board}: changed "
        f"{', '.join(field.replace('_', ' ') for field in changed)}",
        subject=board,
        partnership=board.partnership,
        data={"changed": changed},
    )
    return board


def _check_priority(title: str, position: Any) -> tuple[str, int | None]:
    title = required_text(title, field="title", message="Enter the priority")
    if position in (None, ""):
        return title, None
    if not isinstance(position, int) or not 0 <= position <= 999:
        raise refuse("position", "Order must be a whole number from 0 to 999")
    return title, position


@transaction.atomic
def priority_create(
    *,
    partnership: Partnership,
    title: str,
    start: date,
    by: Any,
    description: str = "",
    end: date | None = None,
    position: int | None = None,
) -> Priority:
    title, position = _check_priority(title, position)
    start, end = check_period(start, end, what="priority")
    if position is None:
        highest = Priority.objects.filter(partnership=partnership).aggregate(Max("position"))
        position = (highest["position__max"] or 0) + 1
    priority = Priority.objects.create(
        partnership=partnership,
        title=title,
        description=(description or "").strip(),
        start=start,
        end=end,
        position=position,
    )
    event_record(
        by=by,
        verb="priority.created",
        message=f"Agreed the priority “{priority}” {format_period(start, end)}",
        subject=priority,
        partnership=partnership,
        data={"start": start.isoformat(), "end": end.isoformat() if end else None},
    )
    return priority


@transaction.atomic
def priority_update(
    *,
    priority: Priority,
    title: str,
    by: Any,
    description: str = "",
    position: int | None = None,
    expected_version: Any = UNCHECKED,
) -> Priority:
    priority = (
        Priority.objects.select_for_update(of=("self",))
        .select_related("partnership")
        .get(pk=priority.pk)
    )
    title, position = _check_priority(title, position)
    new = {
        "title": title,
        "description": (description or "").strip(),
        "position": priority.position if position is None else position,
    }
    changed = [field for field, value in new.items() if getattr(priority, field) != value]
    if not changed:
        return priority
    version_claim(priority, expected_version, yours=new)
    old_title = priority.title
    for field in changed:
        setattr(priority, field, new[field])
    priority.save()
    event_record(
        by=by,
        verb="priority.updated",
        message=f"Updated the priority “{old_title}”: changed {', '.join(changed)}",
        subject=priority,
        partnership=priority.partnership,
        data={"changed": changed},
    )
    return priority


@transaction.atomic
def priority_end(
    *, priority: Priority, end: date, by: Any, expected_version: Any = UNCHECKED
) -> Priority:
    priority = (
        Priority.objects.select_for_update(of=("self",))
        .select_related("partnership")
        .get(pk=priority.pk)
    )
    version_claim(priority, expected_version, yours={"end": end})
    priority.end = check_end(priority, end, what="priority")
    priority.save(update_fields=["end", "updated_at"])
    event_record(
        by=by,
        verb="priority.ended",
        message=f"The priority “{priority}” ended after {format_day(priority.end)}",
        subject=priority,
        partnership=priority.partnership,
        data={"end": priority.end.isoformat()},
    )
    return priority
