"""What the derivation rules read: the registry facts for the partnership on the matrix date, and —
only if a rule asks — the facts of the partnerships within it and the geography coverage of its areas.

Built once per matrix, so the number of queries depends on the partnership's shape (how many
partnerships sit within it), never on the number of requirements or assessments.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import NamedTuple

from masa.geography.selectors import PartnershipRef
from masa.partnerships.facts import RegistryFacts, registry_facts
from masa.partnerships.models import Partnership, PartnershipArea
from masa.partnerships.periods import current_on


class Derived(NamedTuple):
    """A rule's verdict: a status word, why (plain English) and which records it read.

    A rule over case records whose reasons name a case (a reference, a date) also gives `summary`:
    the same reasons as counts only, for readers who may not see case records."""

    status: str
    reasons: list[str]
    evidence: list[str]
    summary: list[str] | None = None


class Context:
    def __init__(
        self, partnership: Partnership, at: date, *, facts: RegistryFacts | None = None
    ) -> None:
        self.partnership = partnership
        self.at = at
        if facts is not None:
            self.__dict__["facts"] = facts
        self._derived: dict[str, Derived] = {}

    @cached_property
    def facts(self) -> RegistryFacts:
        return registry_facts(self.partnership, self.at)

    @cached_property
    def children(self) -> tuple[Partnership, ...]:
        """The partnerships directly within this one (BHR: its three local partnerships)."""
        return tuple(Partnership.objects.filter(parent=self.partnership).order_by("name"))

    @cached_property
    def child_facts(self) -> tuple[RegistryFacts, ...]:
        return tuple(registry_facts(child, self.at) for child in self.children)

    @cached_property
    def tree_ids(self) -> frozenset[int]:
        """This partnership, those within it, and those whose areas it covers."""
        ids = {self.partnership.pk, *(child.pk for child in self.children)}
        ids.update(area.partnership_id for area in self.facts.areas)
        return frozenset(ids)

    @cached_property
    def coverage(self) -> dict[str, tuple[PartnershipRef, ...]]:
        """LA code → the partnerships covering it on the matrix date, for the partnership's own
        LAs; more than one means double-covered. Two small queries, with the leaf rule of
        `geography.selectors.coverage` (a partnership whose parent chain holds another covering
        one is the one that covers: Havering, not BHR), which reads every LA in England."""
        codes = {la.code for la in self.facts.local_authorities}
        if not codes:
            return {}
        covering: dict[str, set[int]] = {}
        for code, partnership_id in (
            PartnershipArea.objects.filter(local_authority_id__in=codes)
            .filter(current_on(self.at))
            .order_by()
            .values_list("local_authority_id", "partnership_id")
        ):
            covering.setdefault(code, set()).add(partnership_id)
        rows = {
            pk: (PartnershipRef(id=pk, slug=slug, name=name), parent)
            for pk, slug, name, parent in Partnership.objects.order_by().values_list(
                "id", "slug", "name", "parent_id"
            )
        }

        def ancestors(pk: int) -> set[int]:
            found: set[int] = set()
            parent = rows[pk][1] if pk in rows else None
            while parent is not None and parent in rows and parent not in found:
                found.add(parent)
                parent = rows[parent][1]
            return found

        out = {}
        for code, ids in covering.items():
            above = {pk: ancestors(pk) for pk in ids}
            leaves = [pk for pk in ids if not any(pk in above[o] for o in ids if o != pk)] or ids
            out[code] = tuple(sorted((rows[pk][0] for pk in leaves), key=lambda r: r.name))
        return out

    def derive(self, rule: str) -> Derived:
        """The rule's verdict, computed once per context however many requirements name it."""
        from . import DERIVATIONS

        if rule not in self._derived:
            self._derived[rule] = DERIVATIONS[rule](self)
        return self._derived[rule]
