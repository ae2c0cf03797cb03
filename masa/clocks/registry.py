"""Every app that runs statutory clocks registers one provider here; the dashboard and
`masa clocks list` ask them all.

    from masa.clocks.registry import register

    @register
    def clocks_for(partnership, *, today): -> list[ClockView]

Incidents register now; rapid and practice reviews will register theirs the same way. A provider
runs a bounded number of queries whatever the number of cases (STYLE.md habit 4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from masa.core.clocks.engine import ClockStatus
from masa.core.clocks.rules import BASIS_LABELS, Basis

# The status of a duty the guidance gives no timescale for (a care leaver's death, WT2023 ch5):
# it is listed where its clock would be, with no due date, and never reminded of or judged late.
NO_TIMESCALE = "no_timescale"
NO_TIMESCALE_WORDS = "No timescale in the guidance"


@dataclass(frozen=True, slots=True)
class ClockView:
    subject: str  # "SIN-2025-003: notification to the Panel"
    subject_url: str
    rule: str
    start: date
    due: date | None  # None: the guidance gives no timescale (status NO_TIMESCALE)
    done: date | None
    status: ClockStatus | str
    explanation: str
    # people answerable for this one clock whatever their role (an appointed reviewer): user ids
    assignees: tuple[int, ...] = ()
    basis: Basis = Basis.STATUTORY

    @classmethod
    def of(
        cls, subject: str, url: str, clock: Any, *, assignees: tuple[int, ...] = ()
    ) -> ClockView:
        """From any app's clock: anything with `rule`, `due` (a DueDate), `done` and `status`."""
        return cls(
            subject=subject,
            subject_url=url,
            rule=clock.rule,
            start=clock.due.start,
            due=clock.due.due,
            done=clock.done,
            status=clock.status,
            explanation=clock.due.explanation,
            assignees=assignees,
            basis=clock.due.basis,
        )

    @classmethod
    def untimed(
        cls, subject: str, url: str, *, rule: str, start: date, done: date | None
    ) -> ClockView:
        """A duty with no timescale in the guidance, shown where its clock would be."""
        return cls(
            subject=subject,
            subject_url=url,
            rule=rule,
            start=start,
            due=None,
            done=done,
            status=NO_TIMESCALE,
            explanation=f"{NO_TIMESCALE_WORDS}: no due date is worked out and nothing is late.",
        )

    @property
    def statutory(self) -> bool:
        return self.basis == Basis.STATUTORY

    @property
    def basis_label(self) -> str:
        return BASIS_LABELS[self.basis]

    def as_json(self) -> dict[str, Any]:
        """The `masa clocks list` contract: keys and ISO dates are stable. `due` is null for a duty
        with no timescale; `statutory` is false for MASA's and a partnership's own defaults."""
        return {
            "subject": self.subject,
            "rule": self.rule,
            "start": self.start.isoformat(),
            "due": self.due.isoformat() if self.due else None,
            "status": str(self.status),
            "explanation": self.explanation,
            "statutory": self.statutory,
            "basis": str(self.basis),
            "basis_label": self.basis_label,
        }


Provider = Callable[..., list[ClockView]]
_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def providers() -> tuple[Provider, ...]:
    return tuple(_PROVIDERS)


def clocks_for(partnership: Any, *, today: date) -> list[ClockView]:
    """Every clock of the partnership from every provider, soonest due first."""
    views = [view for provider in _PROVIDERS for view in provider(partnership, today=today)]
    return sorted(views, key=lambda v: (v.due is None, v.due or v.start, v.subject, v.rule))
