"""Demo documents, made through the documents' services so every rule applies.

- north-lincolnshire: the Children's MARS Local Arrangements published on 30 September 2020
  (seed 003) entered as a WT2018 arrangements document. Its structure (sections, boards,
  processes) is the seed's; the narratives summarise it in MASA's words; no one is named.
- northshire (fictional): the 2024-25 yearly report (WT2023) assembled from its records with
  narratives, signed by its three lead safeguarding partners, published on Friday 26 September
  2025, sent to the Panel on time and not yet to Foundations, so the dashboard shows that clock
  overdue; and a draft 2025-26 report.

Idempotent: a document already present is left as it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from masa.accounts.demo import demo_lead_partners_create
from masa.core.errors import MasaError
from masa.partnerships.models import Partnership

from . import services
from .dispatch import dispatch_message, dispatch_record
from .models import Document, DocumentKind, DocumentVersion, Recipient

NL_PUBLISHED = date(2020, 9, 30)
NL_SOURCE = "https://www.northlincscmars.co.uk"

NL_NARRATIVES = {
    "introduction": (
        "These are the North Lincolnshire Children's Multi-Agency Resilience and Safeguarding "
        "(MARS) Local Arrangements, published on 30 September 2020 and taking effect at once. "
        "They were first published in October 2018 and republished in June 2019. They sit within "
        "the One Family Approach, which aims for a system that works for all children, young "
        "people and families, so that children can stay in their family, their school and their "
        f"community. The published text is at {NL_SOURCE}."
    ),
    "partners": (
        "The three safeguarding partners are North Lincolnshire Council, the clinical "
        "commissioning group for the area and Humberside Police. Each partner's chief officer is "
        "its lead representative, and each has delegated its functions to a senior officer who "
        "sits on the Children's MARS Board and can speak for and commit their organisation."
    ),
    "geography": (
        "The arrangements cover the single local authority area of North Lincolnshire. The "
        "partners work across the wider Humber footprint where police and health services cover "
        "more than one area, and they keep links with the neighbouring partnerships so that "
        "children who move across boundaries are safeguarded."
    ),
    "working-together": (
        "The Children's MARS Board brings the safeguarding partners and relevant agencies "
        "together to identify and respond to the needs of children in North Lincolnshire. Its "
        "groups include a Children's Help and Protection Pathway Group, a Safeguarding Practice "
        "Learning and Improvement Group and a Child Safeguarding Practice Review Group, each "
        "reporting to the Board, which agrees the priorities and holds partners to account."
    ),
    "relevant-agencies": (
        "The partners selected as relevant agencies the organisations whose work is needed to "
        "safeguard children in the area: schools and colleges, early years providers, health "
        "providers, the youth offending service, probation, housing and voluntary sector bodies. "
        "Every residential home for children in North Lincolnshire is also selected, and engaged "
        "through the local provider forum."
    ),
    "education": (
        "All early years settings, schools (including academies, free schools and independent "
        "schools) and colleges are relevant agencies. Education is represented on the Board and "
        "its groups; the partners run safeguarding audits with schools and early years providers "
        "and share learning with designated safeguarding leads through regular networks."
    ),
    "secure-establishments": (
        "There is no secure establishment or youth custody setting in North Lincolnshire. All "
        "residential homes for children in the area are relevant agencies; they take part in the "
        "provider forum, the training programme and the scrutiny and assurance framework, and "
        "follow the same procedures as every other agency."
    ),
    "scrutiny": (
        "Independent scrutiny is provided by a small pool of Independent Scrutiny Officers, "
        "identified jointly by the safeguarding partners, working within the Children's MARS "
        "Board Scrutiny and Assurance Framework. The framework also uses the Section 11 joint "
        "self-assessment, agency call-ins, thematic assurance events, practice learning events, "
        "audits by subject experts and young people's own quality assurance."
    ),
    "reviews": (
        "A Child Safeguarding Practice Review Group, with the partners' representatives as core "
        "members, decides whether a serious child safeguarding case should have a local review, "
        "and commissions and oversees it. The group then oversees the action plan until the "
        "partners sign it off at the Board. Local procedures set out notification, rapid review, "
        "commissioning, publication and how learning is embedded in practice."
    ),
    "data": (
        "The Board receives a quarterly performance summary, and the Children's Help and "
        "Protection Pathway Group receives quarterly data along the whole pathway from early help "
        "to care leavers. The partners use this data with the voice of children and what audits "
        "find to judge how effective the help given to children and families is."
    ),
    "training": (
        "A multi-agency education and training programme runs at basic, intermediate and "
        "masterclass levels. It is based on an analysis of need and on learning from reviews, and "
        "its impact on practice is evaluated. Frameworks for safeguarding audits with schools and "
        "early years providers, and multi-agency audits, sit alongside it."
    ),
    "voice": (
        "Voice, engagement and co-production with children, young people and families happen at "
        "individual, service and strategic level. Young people take part in the scrutiny and "
        "assurance framework through their own quality assurance, and what children and families "
        "say informs the Board's priorities and the way services are designed."
    ),
    "thresholds": (
        "The One Family Approach document, Helping Children and Families in North Lincolnshire "
        "2020/24, sets out the levels of need and the help available at each. It is the partners' "
        "published threshold document, and it is aligned with these arrangements so that every "
        "agency uses the same criteria for action."
    ),
    "funding": (
        "The safeguarding partners provide equitable and proportionate funding, in money and in "
        "kind, sufficient for every part of the arrangements, including independent scrutiny and "
        "the business support the Board needs. The three partners also meet the full cost of any "
        "local child safeguarding practice review."
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
    for partner_type, user in demo_lead_partners_create(partnership).items():
        services.version_sign(version=version, partner_type=partner_type, by=user)
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
