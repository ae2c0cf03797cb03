"""What the demo partnerships record, as data. Real partnerships: only what the seed documents say
(seed 003 is North Lincolnshire's Local Arrangements, published 30 September 2020); job titles,
never personal names. Northshire: fictional throughout."""

from __future__ import annotations

from datetime import date
from typing import Any

NL: dict[str, Any] = {
    "name": "North Lincolnshire Children's Multi-Agency Resilience and Safeguarding Board",
    "short_name": "Children's MARS Board",
    "guidance": "wt2018",
    "website": "https://www.northlincscmars.co.uk",
    # seed 003: the Local Arrangements published on that site on 30 September 2020
    "demo_source": "https://www.northlincscmars.co.uk",
    "summary": (
        "North Lincolnshire's Children's Multi-Agency Resilience and Safeguarding (MARS) "
        "arrangements, first published in October 2018 and republished on 30 September 2020, "
        "within the One Family Approach. Recorded from the published Local Arrangements: their "
        "full list of relevant agencies is in appendices not held here, so only the agencies the "
        "text names are recorded."
    ),
}

# Section 3 'Leadership'. The CCG posts end when the CCG did (30 June 2022). The foreword is signed
# by the three delegated officers, so the lead representatives delegated signing to them; each is
# linked to a demo sign-in (`user`) so the demo can record their signatures.
NL_ROLES: list[dict[str, Any]] = [
    {
        "role": "lead_partner",
        "partner_type": "local_authority",
        "org": "council",
        "job_title": "Chief Executive, North Lincolnshire Council",
    },
    {
        "role": "lead_partner",
        "partner_type": "icb",
        "org": "ccg",
        "job_title": "Accountable Officer, North Lincolnshire Clinical Commissioning Group",
    },
    {
        "role": "lead_partner",
        "partner_type": "police",
        "org": "police",
        "job_title": "Chief Constable, Humberside Police",
    },
    {
        "role": "delegated_partner",
        "partner_type": "local_authority",
        "org": "council",
        "job_title": "Director of Children and Community Resilience, North Lincolnshire Council",
        "signs_documents": True,
        "user": "nl-delegate-council",
    },
    {
        "role": "delegated_partner",
        "partner_type": "icb",
        "org": "ccg",
        "job_title": "Director of Nursing and Quality, North Lincolnshire Clinical Commissioning "
        "Group",
        "signs_documents": True,
        "user": "nl-delegate-ccg",
    },
    {
        "role": "delegated_partner",
        "partner_type": "police",
        "org": "police",
        "job_title": "Designated Chief Superintendent and South Bank Divisional Commander, "
        "Humberside Police",
        "signs_documents": True,
        "user": "nl-delegate-police",
    },
    {
        "role": "scrutineer",
        "job_title": "Independent Scrutiny Officers (a small pool)",
        "note": "Section 5: the safeguarding partners are jointly responsible for identifying "
        "Independent Scrutiny Officers; there will be a small pool of them from a range of "
        "backgrounds. The arrangements do not say which organisation employs them.",
    },
    {
        "role": "business_manager",
        "org": "council",
        "job_title": "SPACE service (Strategy, Partnership, Assurance, Children and Evaluation), "
        "North Lincolnshire Council",
        "note": "The Local Arrangements are managed and co-ordinated through the SPACE service.",
    },
    {
        "role": "education_representative",
        "org": "council",
        "job_title": "Director of Learning, Skills and Culture, North Lincolnshire Council",
        "note": "Represents schools, colleges and other education settings on the Children's MARS "
        "Board.",
    },
]

_HEALTH = (
    "Key agencies such as GPs, dentists and mental health service providers are "
    "represented through the inclusion of NHS England, NHS Trusts and Foundation Trusts "
    "(Local Arrangements, section 3)."
)
_NATIONAL = (
    "A relevant agency with a national remit: the partners collaborate with it and take "
    "account of its responsibilities and potential contributions (section 3)."
)
_NOT_IN_REGS = "Not named in the regulations, but included in the Local Arrangements (section 3)."

NL_AGENCIES: list[dict[str, Any]] = [
    {
        "name": "Registered providers of children's homes in North Lincolnshire",
        "paragraph": 21,
        "why": "All residential homes for children in North Lincolnshire, including those provided "
        "by the Council and private sector organisations, are selected as relevant agencies "
        "(section 3).",
        "contribution": "Engaged through the local provider forum.",
    },
    {"name": "NHS England", "paragraph": 15, "why": _HEALTH},
    {"name": "NHS trusts serving North Lincolnshire", "paragraph": 16, "why": _HEALTH},
    {"name": "NHS foundation trusts serving North Lincolnshire", "paragraph": 17, "why": _HEALTH},
    {"name": "British Transport Police", "paragraph": 32, "why": _NATIONAL},
    {"name": "Cafcass", "paragraph": 25, "why": _NATIONAL},
    {"name": "Humberside Fire and Rescue Service", "why": _NOT_IN_REGS},
    {"name": "Ongo Homes", "why": _NOT_IN_REGS},
]

NL_BOARDS: list[dict[str, Any]] = [
    {
        "name": "Children's MARS Board",
        "kind": "strategic",
        "includes_education": True,
        "chair_title": "One of the safeguarding partners, rotated annually",
        "remit": "Brings together the safeguarding partners and other relevant officers to oversee, "
        "innovate and develop the Local Arrangements and seek assurance on their "
        "implementation. Receives a quarterly performance summary.",
    },
    {
        "name": "Children's Help and Protection Pathway Group",
        "kind": "subgroup",
        "parent": "Children's MARS Board",
        "remit": "Receives a quarterly performance data and intelligence report on the early help "
        "and safeguarding pathway, including activity and impacts.",
    },
    {
        "name": "Multi-Agency Audit Group (MAAG)",
        "kind": "subgroup",
        "parent": "Children's Help and Protection Pathway Group",
        "meets": "Monthly",
        "remit": "Multi-agency audit and quality assurance of practice at key points along the "
        "safeguarding pathway.",
    },
    {
        "name": "Safeguarding Practice Learning and Improvement Group",
        "kind": "subgroup",
        "parent": "Children's MARS Board",
        "remit": "Co-ordinates the outcomes of multi-agency scrutiny and assurance, disseminates "
        "learning from local and national reviews, and oversees multi-agency education, "
        "training and communication.",
    },
    {
        "name": "Child Safeguarding Practice Review Group",
        "kind": "subgroup",
        "parent": "Children's MARS Board",
        "remit": "Decides whether to carry out a local child safeguarding practice review and "
        "oversees the action plan; the partners' representatives are its core members.",
    },
    {
        "name": "Child Exploitation and Missing Strategy Group",
        "kind": "other",
        "remit": "Receives the Child Exploitation and Missing data and intelligence profile "
        "(section 9).",
    },
]

NL_PRIORITIES: list[tuple[str, str]] = [
    (
        "Children in their family, in their school and in their community",
        "The One Family Approach ambition (Local Arrangements, foreword).",
    ),
    (
        "Resilience and early help",
        "Promoting resilience and early help, which the partners believe are fundamental to a "
        "successful safeguarding system (foreword).",
    ),
    (
        "Child exploitation and missing",
        "A key area of focus with its own data and intelligence profile (section 9).",
    ),
]

BHR_CHILDREN: list[tuple[str, str, str]] = [
    ("barking-dagenham", "E09000002", "Barking & Dagenham Local Safeguarding Children Partnership"),
    ("havering", "E09000016", "Havering Local Safeguarding Children Partnership"),
    ("redbridge", "E09000026", "Redbridge Local Safeguarding Children Partnership"),
]

# Northshire: fictional. The chair rotated from the police delegate to the council's on 1 April 2025.
NORTHSHIRE_ROLES: list[dict[str, Any]] = [
    {
        "role": "lead_partner",
        "partner_type": "local_authority",
        "org": "council",
        "job_title": "Chief Executive",
        "user": "lead-partner-la",
    },
    {
        "role": "lead_partner",
        "partner_type": "icb",
        "org": "icb",
        "job_title": "Chief Executive",
        "user": "lead-partner-icb",
    },
    {
        "role": "lead_partner",
        "partner_type": "police",
        "org": "police",
        "job_title": "Chief Constable",
        "user": "lead-partner-police",
    },
    {
        "role": "delegated_partner",
        "partner_type": "local_authority",
        "org": "council",
        "job_title": "Director of Children's Services",
    },
    {
        "role": "delegated_partner",
        "partner_type": "icb",
        "org": "icb",
        "job_title": "Chief Nurse",
    },
    {
        "role": "delegated_partner",
        "partner_type": "police",
        "org": "police",
        "job_title": "Head of Public Protection",
    },
    {
        "role": "chair",
        "held_by": "police",
        "job_title": "Head of Public Protection",
    },
    {
        "role": "chair",
        "held_by": "local_authority",
        "start": date(2025, 4, 1),
        "job_title": "Director of Children's Services",
    },
    {"role": "scrutineer", "job_title": "Independent Scrutineer (commissioned)"},
    {
        "role": "business_manager",
        "org": "council",
        "job_title": "Partnership Business Manager",
    },
    {
        "role": "education_representative",
        "job_title": "Executive Headteacher, representing Northshire schools and colleges",
    },
]

NORTHSHIRE_AGENCIES: list[dict[str, Any]] = [
    {
        "name": "Northshire academy trusts (fictional)",
        "paragraph": 1,
        "why": "Every academy in Northshire teaches children the partners need to reach.",
        "contribution": "Designated safeguarding leads attend the education subgroup.",
    },
    {
        "name": "Northshire maintained schools (fictional)",
        "paragraph": 4,
        "why": "Maintained schools see most primary-age children every school day.",
        "contribution": "Annual safeguarding audit returns.",
    },
    {
        "name": "Northshire Pupil Referral Unit (fictional)",
        "paragraph": 6,
        "why": "Children excluded from school are at higher risk of exploitation.",
    },
    {
        "name": "Northshire College (fictional)",
        "paragraph": 10,
        "why": "The main further education provider for 16 to 18 year olds.",
    },
    {
        "name": "Northshire early years and childcare providers (fictional)",
        "paragraph": 13,
        "why": "Early years settings see the youngest children, who cannot speak up for "
        "themselves.",
    },
    {
        "name": "Northshire Hospitals NHS Foundation Trust (fictional)",
        "paragraph": 17,
        "why": "Runs the emergency department and maternity services.",
        "contribution": "Named doctor and named nurse for safeguarding.",
    },
    {
        "name": "Northshire Community Health NHS Trust (fictional)",
        "paragraph": 16,
        "why": "Provides health visiting and school nursing.",
    },
    {
        "name": "NHS England",
        "paragraph": 15,
        "why": "Commissions primary care and specialised services used by Northshire children.",
    },
    {
        "name": "Cafcass",
        "paragraph": 25,
        "why": "Represents children in family court proceedings (national remit).",
    },
    {
        "name": "Northshire Youth Justice Service (fictional)",
        "paragraph": 31,
        "why": "Works with children in or at risk of entering the youth justice system.",
    },
    {
        "name": "Probation Service, Northshire (fictional)",
        "paragraph": 27,
        "why": "Manages adults who may pose a risk to children.",
    },
    {
        "name": "British Transport Police",
        "paragraph": 32,
        "why": "Polices the railway, where missing and exploited children are often found "
        "(national remit).",
    },
    {
        "name": "Northshire Voluntary Action (fictional)",
        "paragraph": 36,
        "why": "Reaches the voluntary and community groups that run children's activities.",
        "contribution": "Hosts the voluntary sector safeguarding forum.",
    },
    {
        "name": "Northshire children's homes providers (fictional)",
        "paragraph": 21,
        "why": "Children placed in Northshire's children's homes, from here and elsewhere.",
    },
]

NORTHSHIRE_BOARDS: list[dict[str, Any]] = [
    {
        "name": "Lead Safeguarding Partners' Group",
        "kind": "strategic",
        "meets": "Quarterly",
        "chair_title": "Rotates between the lead safeguarding partners",
        "remit": "Strategic direction, shared priorities, budget and sign-off of the arrangements "
        "and the yearly report.",
    },
    {
        "name": "Delegated Safeguarding Partners' Executive",
        "kind": "executive",
        "parent": "Lead Safeguarding Partners' Group",
        "meets": "Every two months",
        "includes_education": True,
        "chair_title": "Partnership chair (a delegated safeguarding partner)",
        "remit": "Delivery of the priorities; the education representative is a member.",
    },
    {
        "name": "Learning and Improvement Subgroup",
        "kind": "subgroup",
        "parent": "Delegated Safeguarding Partners' Executive",
        "meets": "Monthly",
        "remit": "Rapid reviews, local child safeguarding practice reviews and their actions.",
    },
    {
        "name": "Quality Assurance and Performance Subgroup",
        "kind": "subgroup",
        "parent": "Delegated Safeguarding Partners' Executive",
        "meets": "Quarterly",
        "remit": "The data set, multi-agency audits and section 11 returns.",
    },
    {
        "name": "Education Safeguarding Subgroup",
        "kind": "subgroup",
        "includes_education": True,
        "parent": "Delegated Safeguarding Partners' Executive",
        "meets": "Termly",
        "remit": "Designated safeguarding leads from schools, colleges and early years.",
    },
    {
        "name": "Child Exploitation Subgroup",
        "kind": "subgroup",
        "parent": "Delegated Safeguarding Partners' Executive",
        "meets": "Monthly",
        "remit": "Criminal and sexual exploitation, missing children and serious youth violence.",
    },
]

NORTHSHIRE_PRIORITIES: list[tuple[str, str]] = [
    ("Early help at the right time", "Children and families get help as soon as needs emerge."),
    ("Neglect", "Practitioners recognise and act on neglect, including in adolescence."),
    (
        "Exploitation and serious youth violence",
        "Children at risk outside the home are identified and protected.",
    ),
    (
        "The voice of children and families",
        "What children and families tell us changes what we do.",
    ),
]
