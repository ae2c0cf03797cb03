"""Duties a parent partnership may discharge through the partnerships within it.

BHR's matrix (seed 004) shows duties discharged "at BHR level" or "at local-authority level" by the
three local partnerships. A rule over people, agencies, boards or priorities is judged on the
partnership's own records first; where those fall short and partnerships sit within it, their
records count too: met if every one of them meets it, partly met if some do.
"""

from __future__ import annotations

from collections.abc import Callable

from masa.partnerships.facts import RegistryFacts
from masa.partnerships.models import Partnership

from ..models import Status
from .context import Context, Derived
from .evidence import join, plural

Judge = Callable[[RegistryFacts], Derived]

_RANK: dict[str, int] = {
    Status.MET: 4,
    Status.PARTLY_MET: 3,
    Status.NOT_MET: 2,
    Status.NOT_ASSESSED: 1,
    Status.NOT_APPLICABLE: 0,
}


def nested(judge: Judge) -> Callable[[Context], Derived]:
    def rule(ctx: Context) -> Derived:
        own = judge(ctx.facts)
        if own.status == Status.MET or not ctx.children:
            return own
        verdicts = [
            (child, judge(facts))
            for child, facts in zip(ctx.children, ctx.child_facts, strict=True)
        ]
        met = [child for child, verdict in verdicts if verdict.status == Status.MET]
        some = [c for c, v in verdicts if v.status in (Status.MET, Status.PARTLY_MET)]
        evidence = list(own.evidence)
        for child, verdict in verdicts:
            evidence += [f"{line} — {child}" for line in verdict.evidence]
        if len(met) == len(verdicts):
            local = Derived(
                Status.MET,
                [
                    f"Discharged at local-authority level: met in each of the "
                    f"{plural(len(verdicts), 'partnership')} within it ({join(met)})."
                ],
                evidence,
            )
        else:
            status = Status.PARTLY_MET if some else own.status
            local = Derived(status, _grouped(own, verdicts), evidence)
        if _RANK[local.status] <= _RANK[own.status]:
            return Derived(own.status, own.reasons + local.reasons, evidence)
        return Derived(local.status, own.reasons + local.reasons, evidence)

    rule.__name__ = judge.__name__
    rule.__doc__ = judge.__doc__
    return rule


def _grouped(own: Derived, verdicts: list[tuple[Partnership, Derived]]) -> list[str]:
    """The partnerships' reasons, said once for every partnership that shares them."""
    groups: dict[tuple[str, ...], list[Partnership]] = {}
    for child, verdict in verdicts:
        groups.setdefault(tuple(verdict.reasons), []).append(child)
    lines = []
    for reasons, children in groups.items():
        if list(reasons) == own.reasons:
            where = "each" if len(children) == len(verdicts) else join(children)
            if where == "each":
                lines.append(
                    f"The same holds in each of the {plural(len(children), 'partnership')} within it."
                )
            else:
                lines.append(f"The same holds in {where}.")
            continue
        lines += [f"In {join(children)}: {reason}" for reason in reasons]
    return lines
