"""Demo documents, made through the documents' services so every rule applies.

- north-lincolnshire: the Children's MARS Local Arrangements published on 30 September 2020
  (seed 003) entered as a WT2018 arrangements document, a demonstration built from that public
  document (every page says so). Its structure (sections, boards, processes) is the seed's; each
  narrative restates only what the seed says, in MASA's words; no one is named. It is signed, as
  the seed's foreword is, by the three delegated safeguarding partners the seed names by role
  (the health partner was then the clinical commissioning group), on the day of publication.
- northshire (fictional): the 2024-25 yearly report (WT2023) assembled from its records with
  narratives, signed by its three lead safeguarding partners on the day it was published, Friday 26 September
  2025, sent to the Panel on time and not yet to Foundations, so the dashboard shows that clock
  overdue; and a draft 2025-26 report.

Idempotent: a document already present is left as it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from masa.accounts.demo import demo_signers_create
from masa.core.errors import MasaError
from masa.partnerships.models import Partnership

from . import services
from .dispatch import dispatch_message, dispatch_record
from .models import Document, DocumentKind, DocumentVersion, Recipient

NL_PUBLISHED = date(2020, 9, 30)
NL_SOURCE = "https://www.northlincscmars.co.uk"

# Each narrative restates only what the seed's text says, in MASA's words, with its section.
NL_NARRATIVES = {
    "introduction": (
        "These are the North Lincolnshire Children's Multi-Agency Resilience and Safeguarding "
        "(MARS) Local Arrangements, published on 30 September 2020 and implemented with "
        "immediate effect (foreword). They follow the original Local Arrangements published in "
        "October 2018 and their republication in June 2019. They are set within the One Family "
        "Approach, which aims to create a system that works for all children, young people and "
        "families; the ambition is for children to be in their family, in their school and in "
        f"their community. Recorded from the published text at {NL_SOURCE}."
    ),
    "partners": (
        "The three safeguarding partners are North Lincolnshire Council, North Lincolnshire "
        "Clinical Commissioning Group and Humberside Police. Their lead representatives are the "
        "Council's Chief Executive, the Clinical Commissioning Group's Accountable Officer and "
        "the Chief Constable. The lead representatives have delegated their functions to the "
        "Director of Children and Community Resilience, the Director of Nursing and Quality and "
        "the Designated Chief Superintendent and South Bank Divisional Commander, and remain "
        "accountable for any actions or decisions taken on behalf of their organisation "
        "(section 3)."
    ),
    "geography": (
        "The geographical footprint for the Local Arrangements is the North Lincolnshire local "
        "authority area. It corresponds with that of the North Lincolnshire Clinical "
        "Commissioning Group; Humberside Police covers the North Lincolnshire area and three "
        "other local authority areas. The partners fulfil their duties to children from North "
        "Lincolnshire who live or are placed outside the area, and to all children who live in "
        "it, including looked after children placed there by other local authorities (section 3)."
    ),
    "working-together": (
        "The Local Arrangements are delivered through the Children's MARS Board, which brings "
        "together the safeguarding partners and other relevant officers to oversee, innovate "
        "and develop the arrangements and to seek assurance about their implementation. The "
        "Board is chaired by one of the safeguarding partners, rotated annually. Schools, "
        "colleges and other education settings are represented by the Council's Director of "
        "Learning, Skills and Culture, and the Cabinet Member for Children and Families is "
        "invited as a participatory observer (section 3)."
    ),
    "relevant-agencies": (
        "The safeguarding partners selected relevant agencies from those evident in the local "
        "environment, those they have a relationship with and those who can actively contribute "
        "to helping and protecting children. The full list is in the Local Arrangements' "
        "appendices. Every residential home for children in North Lincolnshire is selected. "
        "Agencies not named in the regulations are also included, for example Humberside Fire "
        "and Rescue Service and Ongo Homes (section 3)."
    ),
    "education": (
        "Schools, colleges and other education settings are represented on the Children's MARS "
        "Board by the Director of Learning, Skills and Culture. The partners engage early years "
        "providers through safeguarding audits and line of sight meetings, and schools and "
        "colleges through the Primary and Secondary Matters Forums, the Designated Safeguarding "
        "Leads forum and frameworks for safeguarding audits (section 3)."
    ),
    "secure-establishments": (
        "All residential homes for children within North Lincolnshire, including those provided "
        "by North Lincolnshire Council and by private sector organisations, are selected by the "
        "safeguarding partners as relevant agencies. They are engaged in the Local Arrangements "
        "through mechanisms such as the local provider forum, and selected relevant agencies are "
        "subject to the scrutiny and assurance arrangements (section 3)."
    ),
    "scrutiny": (
        "The safeguarding partners are jointly responsible for identifying Independent Scrutiny "
        "Officers, a small pool from a range of backgrounds, who play a significant role in the "
        "Children's MARS Board Scrutiny and Assurance Framework. The framework also uses the "
        "Section 11 joint safeguarding self-assessment, agency call-ins, agency specific and "
        "thematic assurance events, practice learning line of sight events, subject matter "
        "expert audits and young voice quality assurance processes (section 5)."
    ),
    "reviews": (
        "To decide whether to carry out a local child safeguarding practice review, a Child "
        "Safeguarding Practice Review Group is convened with the safeguarding partners' "
        "representatives as its core members. Where a review is undertaken, the group oversees "
        "the action plan until completion, or the Safeguarding Practice Learning and Improvement "
        "Group monitors it, and the safeguarding partners finally sign it off at the Children's "
        "MARS Board. Local policy and procedures set out the rest of the process (section 4)."
    ),
    "data": (
        "Performance data and intelligence are used to assess the help given to children and "
        "families across the safeguarding system. A performance summary is available to the "
        "Children's MARS Board quarterly, and the Children's Help and Protection Pathway Group "
        "receives a quarterly report on the early help and safeguarding pathway, including "
        "activity and impacts (section 9)."
    ),
    "training": (
        "Multi-agency education and training is available at basic, intermediate and masterclass "
        "level. The programme is informed by needs analysis, learning from local and national "
        "practice reviews, local scrutiny and assurance events and research, and is underpinned "
        "by evaluation. Its outcomes are fed into partnership processes and included in the "
        "annual report (section 6)."
    ),
    "voice": (
        "The safeguarding partners and agencies engage with children, young people and families "
        "at an individual, service and strategic level, including through routine feedback, "
        "surveys, Staying Safe Conferences for schools and colleges, involvement in the scrutiny "
        "and assurance framework and in commissioning and recruitment, and attendance at key "
        "boards and partnerships (section 8)."
    ),
    "thresholds": (
        "Helping Children and Families in North Lincolnshire 2020/24 sets out the levels of need "
        "(thresholds) in North Lincolnshire, in the context of the wider system for early help "
        "and protection, and fulfils the safeguarding partners' responsibility to publish a "
        "threshold document. It also introduces the One Family Approach practice model "
        "(section 1)."
    ),
    "funding": (
        "The safeguarding partners provide equitable and proportionate funding to the Local "
        "Arrangements, sufficient to cover all their elements, as actual funding and in-kind "
        "resources, including subject matter experts. In the event of a child safeguarding "
        "practice review, the three partners meet its full costs, contributing over and above "
        "the normal allocation where necessary (section 7)."
    ),
}

NORTHSHIRE_PUBLISHED = date(2025, 9, 26)  # a Friday: the copies are due Friday 3 October 2025
NORTHSHIRE_PANEL_SENT = date(2025, 9, 30)
FICTIONAL = "Fictional demonstration text. "

NORTHSHIRE_NARRATIVES = {
    "introduction": (
        "This is the yearly report of the Northshire Safeguarding Children Partnership for the "
        "year from 1 April 2024 to 31 March 2025. Northshire is fictional: every figure and case "
        "in this report is made up to show how MASA builds a yearly report from its records."
    ),
    "partners": (
        "Each partner contributed its leadership and its money. The council hosts the business "
        "unit and leads on early help; the integrated care board funds the designated "
        "professionals and leads the health response; the police lead on exploitation and on the "
        "joint response to serious harm. Each lead partner chaired one of the year's reviews."
    ),
    "what-done": (
        "In 2024-25 the partnership reviewed every serious incident it notified, commissioned "
        "local practice reviews where the rapid review found learning for the area, and turned "
        "their recommendations into actions owned by named agencies. The business unit moved the "
        "partnership's records into MASA, so this report is built from them."
    ),
    "effectiveness": (
        "The arrangements worked well where agencies already shared information quickly: most "
        "notifications reached the Panel within five working days and rapid reviews were on "
        "time. They worked less well for adolescents at risk outside the home, where referrals "
        "were late and the response depended on which agency saw the young person first."
    ),
    "decisions-actions": (
        "The partners decided to make exploitation a standing priority, to fund a joint "
        "adolescent safety team for two years and to ask every agency for evidence of impact, not "
        "just completion, before an action is closed. The table below shows each recommendation "
        "and its actions, with their status at the end of the year."
    ),
    "impact": (
        "Children and families told us that they had to tell their story fewer times once the "
        "joint adolescent safety team started. Audits found plans that were clearer about risk "
        "outside the home. Training evaluations showed practitioners more confident to challenge "
        "decisions, and the number of escalations resolved locally rose during the year."
    ),
    "priorities": (
        "Progress was good on neglect and on the transition from children's to adult services. "
        "There was little evidence of progress on the priority for children with disabilities: "
        "the planned audit did not happen because of staff changes, and the partners have agreed "
        "to complete it in the first quarter of 2025-26."
    ),
    "learning": (
        "The same themes recurred across the year's reviews: information held by one agency did "
        "not reach the others, and the voice of the child was missing from key decisions. Both "
        "themes are now part of the multi-agency training programme and of the audit plan."
    ),
    "scrutiny": (
        "The independent scrutineer attended every executive meeting, ran two thematic scrutiny "
        "events and reported on the effectiveness of the arrangements. The lead partners accepted "
        "all four of the scrutineer's recommendations and report their progress to each meeting "
        "of the executive group."
    ),
    "education": (
        "A head teacher representing all schools sits on the executive group, and the education "
        "safeguarding subgroup brings together schools, colleges and early years providers. "
        "Education colleagues took part in every rapid review where a child was of school age."
    ),
    "voice": (
        "The partnership's young advisers met six times, reviewed the leaflet for families about "
        "child protection conferences and helped to recruit the independent scrutineer. Parents "
        "who took part in reviews were asked for feedback, which changed how the partnership "
        "invites families to contribute."
    ),
    "data": (
        "The executive group received a quarterly data set covering notifications, reviews, "
        "actions and training. Data sharing between the police and health improved after a new "
        "information-sharing agreement, which made rapid reviews quicker and better informed."
    ),
    "funding": (
        "The arrangements cost 412,000 pounds in 2024-25. The council contributed 50 per cent, "
        "the integrated care board 30 per cent and the police 20 per cent, plus staff time in "
        "kind. Funding rose by 4 per cent to pay for the practice reviews commissioned in the "
        "year; the partners judge the spending to be good value."
    ),
    "arrangement-updates": (
        "The arrangements were updated in January 2025 for the 2023 edition of Working Together: "
        "the lead and delegated safeguarding partners are now named, and the partnership chair is "
        "one of the delegated partners. The updates took effect on publication."
    ),
    "reforms": (
        "The partners implemented the national reforms during the year: lead and delegated "
        "partners are in place, education is represented at strategic level and the yearly "
        "report follows the new content list. No issues with the reforms arose in the year."
    ),
}


def _write(version: DocumentVersion, narratives: dict[str, str], by: Any, *, prefix: str = ""):
    for key, text in narratives.items():
        services.section_update(version=version, key=key, narrative=prefix + text, by=by)


def _sign_and_publish(
    version: DocumentVersion, partnership: Partnership, published_on: date, by: Any, today: date
) -> None:
    """Signed, on the day it was published, by whoever held each partner's signing role then."""
    signers = demo_signers_create(partnership, on=published_on)
    if len(signers) < 3:
        raise MasaError(f"{partnership} records no one to sign for every partner on {published_on}")
    for partner_type, user in signers.items():
        services.version_sign(
            version=version, partner_type=partner_type, by=user, signed_on=published_on
        )
    services.version_publish(version=version, published_on=published_on, by=by, today=today)


def _north_lincolnshire(partnership: Partnership, by: Any, today: date) -> str:
    if Document.objects.filter(partnership=partnership, kind=DocumentKind.ARRANGEMENTS).exists():
        return "north-lincolnshire arrangements already loaded"
    document = services.document_create(
        partnership=partnership, kind=DocumentKind.ARRANGEMENTS, by=by
    )
    version = document.versions.get()
    services.version_details_update(
        version=version,
        title="North Lincolnshire Children's MARS Local Arrangements",
        effective_from=NL_PUBLISHED,
        change_summary=(
            "Refreshed and republished on 30 September 2020, replacing the arrangements "
            "republished in June 2019."
        ),
        by=by,
    )
    _write(version, NL_NARRATIVES, by)
    _sign_and_publish(version, partnership, NL_PUBLISHED, by, today)
    return "north-lincolnshire arrangements of 30 September 2020 (WT2018), published"


def _northshire(partnership: Partnership, by: Any, today: date) -> str:
    if Document.objects.filter(partnership=partnership, kind=DocumentKind.YEARLY_REPORT).exists():
        return "northshire yearly reports already loaded"
    report = services.document_create(
        partnership=partnership, kind=DocumentKind.YEARLY_REPORT, period="2024-25", by=by
    )
    version = report.versions.get()
    _write(version, NORTHSHIRE_NARRATIVES, by, prefix=FICTIONAL)
    said = "northshire 2024-25 yearly report"
    if today >= NORTHSHIRE_PANEL_SENT:
        _sign_and_publish(version, partnership, NORTHSHIRE_PUBLISHED, by, today)
        to, _, _ = dispatch_message(version, Recipient.PANEL)
        dispatch_record(
            version=version,
            recipient=Recipient.PANEL,
            sent_on=NORTHSHIRE_PANEL_SENT,
            sent_to=to,
            note="Sent from the business unit's mailbox (fictional).",
            by=by,
            today=today,
        )
        said += " published, sent to the Panel on time, not yet to Foundations"
    draft = services.document_create(
        partnership=partnership, kind=DocumentKind.YEARLY_REPORT, period="2025-26", by=by
    ).versions.get()
    _write(
        draft,
        {k: NORTHSHIRE_NARRATIVES[k] for k in ("introduction", "partners")},
        by,
        prefix=FICTIONAL,
    )
    return f"{said}; a draft 2025-26 report"


@transaction.atomic
def demo_load(*, by: Any = None, today: date | None = None) -> str:
    """Record the demo documents (idempotent); returns a one-line summary."""
    today = today or timezone.localdate()
    found = Partnership.objects.in_bulk(["north-lincolnshire", "northshire"], field_name="slug")
    if len(found) < 2:
        raise MasaError("Load the demo partnerships first: north-lincolnshire and northshire")
    return "; ".join(
        (
            _north_lincolnshire(found["north-lincolnshire"], by, today),
            _northshire(found["northshire"], by, today),
        )
    )
