"""Demo assessments: BHR's statutory accountabilities matrix (seed 004), a few for North
Lincolnshire from its published Local Arrangements (seed 003), and a few for fictional Northshire.

- `bhr`: each of seed 004's 36 rows recorded against the library requirements it restates, for
  2020–21 only: the matrix was agreed on 21 September 2020 and its judgements are that year's.
  Nothing is carried forward, so this year's matrix shows what the records derive and "not
  assessed" for the rest, never a 2020 judgement restated as this year's. Several rows on one
  requirement are combined (narratives joined, the weaker status kept); a row on several
  requirements is recorded on each. Each assessment links the matrix row(s) it came from.
- `north-lincolnshire`: 2020–21 only, from what the Local Arrangements published on 30 September
  2020 say; nothing is claimed for later years.
- `northshire`: fictional, current year.

Idempotent: a second run changes nothing. Needs the statute library and the demo partnerships.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from masa.core.errors import MasaError
from masa.partnerships.models import Partnership
from masa.statute.models import Requirement

from . import services
from .demo_seed004 import TITLE, resolved
from .models import Assessment, Status
from .periods import financial_year

SEED_PERIOD = date(2020, 4, 1)  # seed 004 agreed 21 September 2020; seed 003 published 30 Sep 2020
# Weakest first: combining two rows on one requirement keeps the weaker judgement.
_ORDER: list[str] = [
    Status.NOT_MET,
    Status.PARTLY_MET,
    Status.NOT_ASSESSED,
    Status.MET,
    Status.NOT_APPLICABLE,
]

NL_SITE = "https://www.northlincscmars.co.uk"
NL_SOURCE = "North Lincolnshire Children's MARS Local Arrangements (published 30 September 2020)"
NL_SINGLE = (
    "North Lincolnshire is a single local authority area: the Children's MARS arrangements are "
    "the local-authority level."
)
NL_ROWS = (
    ("ca2004.s16g.publish-arrangements", "Foreword",
     "Local Arrangements first published in October 2018, republished in June 2019 and refreshed "
     "and republished on 30 September 2020, implemented with immediate effect."),
    ("wt2018.published-arrangements.scrutiny", "section 5",
     "A small pool of Independent Scrutiny Officers, identified jointly by the safeguarding "
     "partners, works within the Children's MARS Board Scrutiny and Assurance Framework."),
    ("wt2018.scrutiny.yearly-report-scrutiny", "section 10",
     "The annual report is subject to independent scrutiny by the Independent Scrutiny "
     "Officer(s) before it is published."),
    ("wt2018.published-arrangements.training-audits", "section 6",
     "A multi-agency education and training programme at basic, intermediate and masterclass "
     "level, informed by needs analysis and learning from reviews, with evaluation of impact; "
     "frameworks for safeguarding audits with schools and early years providers."),
    ("wt2018.published-arrangements.funding", "section 7",
     "The safeguarding partners provide equitable and proportionate funding, actual and in kind, "
     "sufficient for all elements; the three partners meet the full cost of any child "
     "safeguarding practice review."),
    ("wt2018.published-arrangements.voice", "section 8",
     "Voice, engagement and co-production with children, young people and families at "
     "individual, service and strategic level, including in the scrutiny and assurance "
     "framework."),
    ("wt2018.published-arrangements.data-intelligence", "section 9",
     "A performance summary available to the Children's MARS Board quarterly, and a quarterly "
     "performance data and intelligence report on the early help and safeguarding pathway to the "
     "Children's Help and Protection Pathway Group."),
    ("wt2018.published-arrangements.youth-custody-residential", "section 3",
     "All residential homes for children in North Lincolnshire are selected as relevant "
     "agencies and engaged through the local provider forum."),
    ("wt2018.published-arrangements.thresholds", "section 1",
     "Helping Children and Families in North Lincolnshire 2020/24 sets out the levels of need "
     "(thresholds) and fulfils the partners' duty to publish a threshold document."),
)  # fmt: skip

NORTHSHIRE_SINGLE = "Northshire is a single local authority area: as at partnership level."
NORTHSHIRE_ROWS = (
    ("wt2023.published-arrangements.identify-respond", Status.MET,
     "The published arrangements (fictional) set out how the lead and delegated partners work "
     "together through the Northshire Executive."),
    ("wt2023.published-arrangements.funding", Status.MET,
     "The arrangements (fictional) set out each partner's contribution and the pooled budget."),
    ("wt2023.information.sharing-agreement", Status.MET,
     "An information-sharing agreement (fictional) signed by the three partners in May 2024."),
    ("wt2023.funding.transparent", Status.PARTLY_MET,
     "Contributions are published, but not yet in a form children and families can follow "
     "(fictional)."),
    ("wt2023.yearly-report.what-done", Status.PARTLY_MET,
     "The yearly report (fictional) is in draft; the section on practice reviews is not written."),
    ("wt2023.scrutiny.ensure", "",
     "The independent scrutineer (fictional) reports to the lead partners twice a year."),
)  # fmt: skip


@dataclass
class _Entry:
    status: str
    bhr: list[str] = field(default_factory=list)
    la: list[str] = field(default_factory=list)
    rows: list[tuple[int, str]] = field(default_factory=list)  # (row number, source)


@transaction.atomic
def demo_load(*, by: Any = None) -> str:
    """Record the demo assessments; returns a one-line summary."""
    found = Partnership.objects.in_bulk(
        ["bhr", "north-lincolnshire", "northshire"], field_name="slug"
    )
    if len(found) < 3 or not Requirement.objects.exists():
        raise MasaError("Load the statute library and the demo partnerships first")
    current = financial_year(timezone.localdate()).start
    bhr = _bhr(found["bhr"], by)
    nl = _simple(found["north-lincolnshire"], _nl_rows(), SEED_PERIOD, by)
    northshire = _simple(found["northshire"], _northshire_rows(), current, by)
    return (
        f"bhr {bhr} requirements from seed 004's 36 rows (2020–21); "
        f"north-lincolnshire {nl}; northshire {northshire}"
    )


def _bhr_entries() -> dict[str, _Entry]:
    entries: dict[str, _Entry] = {}
    for row in resolved():
        for requirement_id in row.requirements:
            entry = entries.setdefault(requirement_id, _Entry(row.status))
            if _ORDER.index(row.status) < _ORDER.index(entry.status):
                entry.status = row.status
            for texts, text in ((entry.bhr, row.bhr_level), (entry.la, row.la_level)):
                if text not in texts:
                    texts.append(text)
            entry.rows.append((row.number, row.source))
    return entries


def _bhr(partnership: Partnership, by: Any) -> int:
    """The matrix's judgements, in the year they were made (2020–21)."""
    entries = _bhr_entries()
    requirements = Requirement.objects.select_related("framework").in_bulk(list(entries))
    missing = sorted(set(entries) - set(requirements))
    if missing:
        raise MasaError(f"Seed 004 maps to requirements not in the library: {', '.join(missing)}")
    for requirement_id, entry in entries.items():
        requirement = requirements[requirement_id]
        assessment = services.assessment_record(
            partnership=partnership,
            requirement=requirement,
            period_start=SEED_PERIOD,
            status=Status.NOT_ASSESSED if requirement.derivation else entry.status,
            partnership_level="\n\n".join(entry.bhr),
            local_authority_level="\n\n".join(entry.la),
            by=by,
        )
        for number, source in entry.rows:
            note = f"Row {number} cites {source}. The partnership's judgement for 2020–21."
            _link(assessment, f"{TITLE}, row {number}", by, note=note)
    return len(entries)


def _nl_rows() -> list[tuple[str, str, str, str, str, str]]:
    return [
        (rid, Status.MET, text, NL_SINGLE, f"{NL_SOURCE}, {where}", NL_SITE)
        for rid, where, text in NL_ROWS
    ]


def _northshire_rows() -> list[tuple[str, str, str, str, str, str]]:
    return [
        (rid, status or Status.NOT_ASSESSED, text, NORTHSHIRE_SINGLE,
         "Northshire published arrangements (fictional)", "")
        for rid, status, text in NORTHSHIRE_ROWS
    ]  # fmt: skip


def _simple(
    partnership: Partnership, rows: list[tuple[str, str, str, str, str, str]], start: date, by: Any
) -> int:
    requirements = Requirement.objects.select_related("framework").in_bulk([r[0] for r in rows])
    for requirement_id, status, text, la_text, title, url in rows:
        requirement = requirements[requirement_id]
        assessment = services.assessment_record(
            partnership=partnership,
            requirement=requirement,
            period_start=start,
            # A derived duty takes its status from the records (ADR 0008); the narrative stays.
            status=Status.NOT_ASSESSED if requirement.derivation else status,
            partnership_level=text,
            local_authority_level=la_text,
            by=by,
        )
        _link(assessment, title, by, url=url, note="" if url else "Demonstration record.")
    return len(rows)


def _link(assessment: Assessment, title: str, by: Any, *, url: str = "", note: str = "") -> None:
    if not assessment.evidence_links.filter(title=title).exists():
        services.evidence_link_add(assessment=assessment, title=title, url=url, note=note, by=by)
