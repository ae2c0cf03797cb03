"""What the assemblers read: the partnership, the period a yearly report covers, and the day the
registry is read on. Each part is read once, when an assembler first asks for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from masa.partnerships.facts import RegistryFacts, registry_facts
from masa.partnerships.models import Partnership
from masa.partnerships.periods import format_day


@dataclass
class Records:
    partnership: Partnership
    kind: str
    today: date
    period_start: date | None = None  # a yearly report's financial year
    period_end: date | None = None

    @property
    def on(self) -> date:
        """The day the registry is read on: today, or the end of a yearly report's year once it
        has passed (the report describes the year as it ended)."""
        if self.period_end is not None and self.period_end < self.today:
            return self.period_end
        return self.today

    @property
    def in_period(self) -> bool:
        return self.period_start is not None and self.period_end is not None

    @property
    def period_words(self) -> str:
        """'between 1 April 2024 and 31 March 2025', for honest empty sections."""
        if self.period_start is None or self.period_end is None:
            return f"by {format_day(self.on)}"
        return f"between {format_day(self.period_start)} and {format_day(self.period_end)}"

    @cached_property
    def facts(self) -> RegistryFacts:
        return registry_facts(self.partnership, self.on)
