"""Seed 004: the BHR statutory accountabilities matrix (V1, agreed 21 September 2020), as data.

Each of its 36 rows with the source it cites, the statute library requirements that restate that
source (matched by citation), the status judged from its text, and its two narratives verbatim:
how the duty is discharged at BHR (partnership) level and at local-authority level. "As above."
repeats the row before, as in the matrix; `demo.py` writes it out in full.

Statuses: `met` where the text says the duty is discharged or published; `partly_met` where it is
future tense or says something is missing (rows 10, 11, 14, 22); `not_assessed` for row 30, whose
narrative ("As above", about reviews) does not say how notifications are made. A requirement with
a derivation rule gets no status from here: its status comes from the registry (ADR 0008).
"""

from __future__ import annotations

from typing import NamedTuple

AS_ABOVE = "As above."
TITLE = "BHR statutory accountabilities matrix (V1, agreed 21 September 2020)"


class SeedRow(NamedTuple):
    number: int
    source: str  # as the matrix cites it
    requirements: tuple[str, ...]
    status: str
    bhr_level: str
    la_level: str


def _row(number, source, requirements, status, bhr, la):  # type: ignore[no-untyped-def]
    return SeedRow(number, source, tuple(requirements.split()), status, bhr, la)


_PUBLISHED = "This was included in the published arrangements."
_CSPR_BHR_DIRECTS = (
    "The BHR Safeguarding Partnership directs the Safeguarding Partners to commission, and "
    "publication of Child Safeguarding Practice Reviews at a local level, as appropriate, but will "
    "retain overall responsibility for quality assurance and shared learning."
)

ROWS: tuple[SeedRow, ...] = (
    # Local arrangements for safeguarding and promoting welfare of children
    _row(1, "CSW Act 17, 16E(1)",
         "ca2004.s16e.make-arrangements ca2004.s16e.select-relevant-agencies", "met",
         "BHR Safeguarding Partnership work together at a strategic level and monitor the work "
         "delivered at a local level by Safeguarding Partners working within Local Safeguarding "
         "Children Partnerships (LSCPs) in Barking & Dagenham, Havering and Redbridge.",
         "Arrangements in place with the Safeguarding Partners working within the Local "
         "Safeguarding Children Partnerships (LSCPs) in Barking and Dagenham; Havering; and "
         "Redbridge with learning shared back to the BHR Safeguarding Partnership."),
    _row(2, "CSW Act 17, 16E(2)", "ca2004.s16e.identify-respond-needs", "met",
         AS_ABOVE, AS_ABOVE),
    _row(3, "WT 18, chapter 3, points 7-8", "wt2018.arrangements.set-out-working-together", "met",
         AS_ABOVE, AS_ABOVE),
    _row(4, "WT 18, chapter 3, points 11-13",
         "wt2018.leadership.lead-representatives wt2018.leadership.single-point-lead "
         "wt2018.leadership.delegation-accountable wt2018.leadership.nominate-senior-officer",
         "met",
         "Commitment and participation from all three Safeguarding Partners.",
         "Commitment and participation from all three Safeguarding Partners within the LSCPs."),
    # Geographical area
    _row(5, "CSW Act 17, 16J(1)", "ca2004.s16j.combine-areas", "met",
         "BHR Safeguarding Partnership consists of three Local Authorities – Barking & Dagenham, "
         "Havering and Redbridge, together with the BHR CCG and MPS East Area BCU.",
         "LSCPs exist at an individual Local Authority level. Safeguarding Partners take a lead "
         "and responsibility at this level."),
    _row(6, "WT 18, chapter 3, point 15",
         "wt2018.geography.la-based wt2018.geography.multi-la wt2018.geography.duties-continue",
         "met",
         "BHR Safeguarding Partnership consists of three Local Authorities – Barking & Dagenham, "
         "Havering and Redbridge, together with the BHR CCG and MPS East Area BCU.",
         "Statutory and legislative duties to safeguard and promote the welfare of children "
         "continue to be fulfilled by the Safeguarding Partners working within the LSCPs."),
    # Relevant agencies
    _row(7, "WT 18, chapter 3, point 18", "wt2018.relevant-agencies.set-out", "met",
         "The BHR Safeguarding Partnership fulfils this responsibility through the Safeguarding "
         "Partners working at a local level.",
         "Safeguarding Partners have through LSCPs in each area established broader engagement "
         "across agencies."),
    _row(8, "WT 18, chapter 3, point 26", "wt2018.education.name-schools", "met",
         "The BHR Safeguarding Partnership delivers this through Safeguarding Partners working "
         "locally.",
         "Safeguarding Partners through LSCPs engage with education services and schools, who are "
         "represented in the Partnerships."),
    # Further provision about arrangements
    _row(9, "CSW Act 17, 16G(2)", "ca2004.s16g.publish-arrangements wt2018.publication.publish",
         "met",
         "BHR Safeguarding Partnership arrangements published in June 2019.",
         "LSCP arrangements, which are led by the Safeguarding Partners, were included within the "
         "BHR arrangements."),
    _row(10, "CSW Act 17, 16G(3)", "ca2004.s16g.independent-scrutiny wt2018.scrutiny.ensure",
         "partly_met",
         "BHR Safeguarding Partnership will engage with scrutineers commissioned by the LSCPs.",
         "Safeguarding Partners to work within LSCPs to provide independent scrutiny "
         "arrangements."),
    _row(11, "CSW Act 17, 16G(7)", "ca2004.s16g.yearly-report wt2018.yearly-report.publish",
         "partly_met",
         "BHR Safeguarding Partnership to publish an annual report, including input and "
         "independent scrutiny of the LSCPs and also the Statutory Partnership.",
         "An annual report from LSCPs will be delivered within 12 months of the commencement of "
         "the new arrangements, with input from independent scrutiny."),
    # Publication of arrangements: they must include …
    _row(12, "WT 18, chapter 3, point 38", "wt2018.published-arrangements.identify-respond", "met",
         "This was covered in the BHR published arrangements.",
         "Each LSCP has their own individual plans developed and overseen by the Safeguarding "
         "Partners."),
    _row(13, "WT 18, chapter 3, point 38", "wt2018.published-arrangements.commissioning-reviews",
         "met",
         "The BHR Safeguarding Partnership delegates the commissioning, and publication of Child "
         "Safeguarding Practice Reviews to Safeguarding Partners at a local level but will retain "
         "overall responsibility for quality assurance and shared learning.",
         "Safeguarding Partners, through LSCPs have existing arrangements in place for the "
         "commissioning and publication of Child Safeguarding Practice Reviews and will share "
         "learning with the BHR Safeguarding Partnership."),
    _row(14, "WT 18, chapter 3, point 38", "wt2018.published-arrangements.scrutiny", "partly_met",
         "No formal arrangement at a BHR level for independent scrutiny. No arrangements for "
         "formal independent of the statutory partnership confirmed.",
         "Safeguarding Partners, through LSCPs, have in place or are developing Independent "
         "Scrutiny arrangements."),
    # … and they should also include:
    _row(15, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.partners", "met",
         "The BHR Safeguarding Partnership published arrangements in June 2019.", _PUBLISHED),
    _row(16, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.geography", "met",
         AS_ABOVE, AS_ABOVE),
    _row(17, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.relevant-agencies",
         "met",
         "The BHR Safeguarding Partnership deliver this through the Safeguarding Partners working "
         "at a local level.",
         "Safeguarding Partners within LSCPs engage with a wide range of agencies with "
         "responsibilities for children, young people and families."),
    _row(18, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.education", "met",
         AS_ABOVE, "Safeguarding Partners within LSCPs engage with educational settings."),
    _row(19, "WT 18, chapter 3, point 39",
         "wt2018.published-arrangements.youth-custody-residential", "met",
         "The BHR Safeguarding Partnership deliver this responsibility through Safeguarding "
         "Partners working locally.",
         "Where these settings exist, Safeguarding Partners working within LSCPs will engage with "
         "them."),
    _row(20, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.data-intelligence",
         "met",
         "The BHR Safeguarding Partnership deliver this responsibility through Safeguarding "
         "Partners working locally in terms of regular data collection and monitoring with ad hoc "
         "additional requests based on priority themes.",
         "Safeguarding Partners within LSCPs receive regular data reports to monitor key service "
         "delivery."),
    _row(21, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.training-audits", "met",
         "Multiagency and interagency audits are included in the published BHR arrangements. "
         "Inter-agency training is commissioned by Safeguarding Partners at a local level.",
         "LSCPs commission and deliver Multi-Agency Training Programmes and provide quality "
         "assurance of the Programmes."),
    _row(22, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.funding", "partly_met",
         "No funding is provided to the BHR Safeguarding Partnership.",
         "LSCPS are funded by a range of agencies, including the statutory Safeguarding "
         "Partners."),
    _row(23, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.review-process", "met",
         "The BHR Safeguarding Partnership directs the Safeguarding Partners commission and "
         "publication of Child Safeguarding Practice Reviews, as appropriate, but will retain "
         "overall responsibility for quality assurance and shared learning.",
         "The Safeguarding Partners working within LSCPs have existing arrangements in place for "
         "the commissioning and publication of Child Safeguarding Practice Reviews and will share "
         "learning with the BHR Safeguarding Partnership."),
    _row(24, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.voice", "met",
         "The BHR Safeguarding Partnership directs Safeguarding Partners to ensure locally the "
         "inclusion of the voice of children and families",
         "Safeguarding Partners working within LSCPs have in place arrangements for "
         "communicating, consulting and working in partnership with service users to ensure the "
         "voice of children and their families inform multi-agency safeguarding practice."),
    _row(25, "WT 18, chapter 3, point 39", "wt2018.published-arrangements.thresholds", "met",
         "The BHR Safeguarding Partnership directs the Safeguarding Partners to maintain local "
         "thresholds through the LSCPs.",
         "The Safeguarding Partners working within LSCPs maintain thresholds at a local level."),
    # Responsibilities for child safeguarding practice reviews
    _row(26, "CSW Act 17, 16F(1)",
         "ca2004.s16f.identify-serious-cases ca2004.s16f.arrange-reviews", "met",
         "The BHR Safeguarding Partnership directs the Safeguarding Partners with the task of "
         "commissioning, and publication of Child Safeguarding Practice Reviews locally but will "
         "retain overall responsibility for quality assurance and shared learning.",
         "Safeguarding Partners existing working within LSCPs have existing arrangements in place "
         "for the commissioning and publication of Child Safeguarding Practice Reviews and will "
         "share learning with the BHR Safeguarding Partnership."),
    _row(27, "CSW Act 17, 16F(3-5)",
         "ca2004.s16f.reviewer-reports ca2004.s16f.satisfactory-progress "
         "ca2004.s16f.satisfactory-quality ca2004.s16f.report-to-sos-panel "
         "ca2004.s16f.publish-report ca2004.s16f.publish-improvements", "met",
         AS_ABOVE, AS_ABOVE),
    _row(28, "WT 18, chapter 4, point 5", "wt2018.learning.local-responsibility", "met",
         "BHR Safeguarding Partnership will receive learning from the LSCPs from any Child "
         "Safeguarding Practice Reviews undertaken.",
         "Safeguarding Partners working within LSCPs will provide reports on learning from "
         "commissioned Child Safeguarding Practice Reviews."),
    _row(29, "WT 18, chapter 4, point 7", "wt2018.practice-review.identify-review", "met",
         _CSPR_BHR_DIRECTS,
         "Safeguarding Partners through LSCPs have existing arrangements in place for the "
         "commissioning and publication of Child Safeguarding Practice Reviews and will share "
         "learning with the BHR Safeguarding Partnership."),
    _row(30, "WT 18, chapter 4, points 12-14",
         "wt2018.notification.notify-panel wt2018.notification.notify-partners "
         "wt2018.notification.lac-death wt2018.notification.others-inform", "not_assessed",
         AS_ABOVE, AS_ABOVE),
    _row(31, "WT 18, chapter 4, point 15", "wt2018.practice-review.identify-review", "met",
         AS_ABOVE, AS_ABOVE),
    _row(32, "WT 18, chapter 4, point 20",
         "wt2018.rapid-review.undertake wt2018.rapid-review.gather-facts "
         "wt2018.rapid-review.immediate-action wt2018.rapid-review.potential-improvements "
         "wt2018.rapid-review.next-steps", "met",
         "The BHR Safeguarding Partnership direct Safeguarding Partners locally to decision "
         "making and undertaking of Rapid Reviews but will maintain responsibility for quality "
         "assurance and receipt of lessons learnt, maintaining a tracker.",
         "Safeguarding Partners working within LSCPs are responsible for instigating Rapid Reviews "
         "and progressing actions etc. reporting learning to the BHR Safeguarding Partnership."),
    _row(33, "WT 18, chapter 4, point 30", "wt2018.practice-review.commission-supervise", "met",
         AS_ABOVE, AS_ABOVE),
    _row(34, "WT 18, chapter 4, point 35", "wt2018.practice-review.supervise-progress-quality",
         "met",
         AS_ABOVE,
         "As above. Issues relating to progress or quality will be escalated as necessary to the "
         "BHR Safeguarding Partnership."),
    _row(35, "WT 18, chapter 4, point 36", "wt2018.practice-review.final-report-contents", "met",
         "The BHR Safeguarding Partnership receives all reports from Child Safeguarding Practice "
         "Reviews (CSPRs) and will support role out of learning.",
         "The Safeguarding Partners working within LSCPs take responsibility for decision making "
         "around instigating Child Safeguarding Practice Reviews (CSPRs), in conjunction with the "
         "CSPR Panel, with reports presented to the BHR Safeguarding Partnership."),
    _row(36, "WT 18, chapter 4, point 43",
         "wt2018.learning.highlight-findings wt2018.learning.audit-progress "
         "wt2018.learning.monitor-follow-up", "met",
         "The BHR Safeguarding Partnership directs Safeguarding Partners to take responsibility "
         "at a local level for monitoring Action Plans from Reviews to the LSCPs.",
         "Safeguarding Partners working within LSCPs will maintain and monitor Action Plans "
         "arising from Reviews but will escalate any issues relating to progress to the BHR "
         "Safeguarding Partnership."),
)  # fmt: skip


def resolved() -> list[SeedRow]:
    """The rows with "As above." written out as the row before says it (a leading "As above."
    followed by more text keeps that text after the repeated one)."""
    out: list[SeedRow] = []
    for row in ROWS:
        previous = out[-1] if out else None
        out.append(
            row._replace(
                bhr_level=_expand(row.bhr_level, previous.bhr_level if previous else ""),
                la_level=_expand(row.la_level, previous.la_level if previous else ""),
            )
        )
    return out


def _expand(text: str, before: str) -> str:
    if text.startswith(AS_ABOVE):
        return (before + text[len(AS_ABOVE) :]).strip()
    return text
