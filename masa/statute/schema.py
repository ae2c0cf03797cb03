"""The statute library's closed vocabularies and the shape of its YAML files.

Pure Python: the loader, the Django models' choices and the compliance engine all read these, so a
value is added here once (and, for a model field, with a migration).
"""

from __future__ import annotations

from types import MappingProxyType

from masa.core.clocks.rules import Unit

FRAMEWORK_KINDS = MappingProxyType(
    {"act": "Act of Parliament", "regulations": "Regulations", "guidance": "Statutory guidance"}
)

# "definition" is deliberately absent: definitions are not requirements.
LEVELS = MappingProxyType({"must": "Must", "should": "Should", "may": "May"})

HOLDERS = MappingProxyType(
    {
        "safeguarding_partners": "Safeguarding partners (jointly)",
        "local_authority": "Local authority",
        "icb": "Integrated care board",
        "police": "Chief officer of police",
        "lead_safeguarding_partners": "Lead safeguarding partners",
        "delegated_safeguarding_partners": "Delegated safeguarding partners",
        "partnership_chair": "Partnership chair",
        "independent_scrutineer": "Independent scrutineer",
        "relevant_agencies": "Relevant agencies",
        "reviewer": "Reviewer",
        "panel": "Child Safeguarding Practice Review Panel",
        "secretary_of_state": "Secretary of State",
        "any_person": "Any person or body",
    }
)

TOPICS = MappingProxyType(
    {
        "arrangements": "Arrangements",
        "leadership": "Leadership",
        "geography": "Geography",
        "relevant_agencies": "Relevant agencies",
        "education": "Education",
        "information_requests": "Information requests",
        "scrutiny": "Independent scrutiny",
        "funding": "Funding",
        "publication": "Publication of arrangements",
        "yearly_report": "Yearly report",
        "disputes": "Disputes",
        "notification": "Serious incident notification",
        "rapid_review": "Rapid review",
        "practice_review": "Child safeguarding practice review",
        "learning": "Learning and improvement",
        "training": "Training",
        "voice": "Voice of children and families",
        "data": "Data and information sharing",
        "thresholds": "Thresholds",
        "secure_establishments": "Secure establishments",
        "transition": "Transition",
    }
)

# The documents whose statutory content lists the library carries (`content_of`).
CONTENT_LISTS = MappingProxyType(
    {
        "published_arrangements": "Published arrangements",
        "yearly_report": "Yearly report",
        "rapid_review": "Rapid review",
        "practice_review_report": "Practice review report",
    }
)

CONFIDENCES = MappingProxyType(
    {
        "seen-primary": "Read in the Act or Regulations",
        "seen-secondary": "Read in a restatement of the guidance",
        "recalled": "Recalled, not confirmed from a source",
    }
)

# A WT2023 item says how it relates to WT2018; a WT2018 item with no successor says `removed`.
LINEAGE_CHANGES = MappingProxyType(
    {"same": "Same", "changed": "Changed", "new": "New", "removed": "Removed"}
)

# A provision enacted but commenced later. `awaiting_regulations`: commencement is by regulations
# not yet made or not yet confirmed (the Children's Wellbeing and Schools Act 2026 ss.2-3); the
# duty is shown, marked so, and left out of every derived status and count until `commenced`.
COMMENCEMENT_STATUSES = MappingProxyType(
    {
        "awaiting_regulations": "By regulations, not yet confirmed",
        "commenced": "Commenced",
    }
)
# `commenced_on`, not `on`: YAML 1.1 reads a bare `on` key as true.
COMMENCEMENT_KEYS = (("status",), ("commenced_on", "note"))

# The rules the compliance engine evaluates from records. `evidence: derived:<name>` names one.
DERIVATION_RULES: tuple[str, ...] = (
    "three_partners_present",
    "areas_covered",
    "no_double_coverage",
    "combined_area_agreement",
    "relevant_agencies_named",
    "schools_named",
    "education_strategic",
    "lsps_named",
    "dsps_named",
    "chair_is_dsp",
    "chair_not_scrutineer",
    "scrutineer_appointed",
    "three_functions_distinct",
    "priorities_agreed",
    "notifications_on_time",
    "partners_informed_on_time",
    "lac_deaths_notified",
    "care_leaver_deaths_notified",
    "rapid_reviews_on_time",
    "practice_reviews_reported",
    "practice_reviews_published",
    "arrangements_published",
    "yearly_report_published",
    "yearly_report_by_september",
    "yearly_report_dispatched",
    "arrangements_updates_sent",
    "restraint_findings_sent",
)

EVIDENCE_MANUAL = "manual"
EVIDENCE_RECORD = "record"
DERIVED_PREFIX = "derived:"
EVIDENCE_KINDS: tuple[str, ...] = (
    EVIDENCE_MANUAL,
    EVIDENCE_RECORD,
    *(DERIVED_PREFIX + name for name in DERIVATION_RULES),
)

# SI 2018/789 Schedule headings, in the Schedule's order.
SCHEDULE_HEADINGS = MappingProxyType(
    {
        "education_and_childcare": "Education and childcare",
        "health_and_social_care": "Health and Social Care",
        "local_government": "Local Government",
        "criminal_justice": "Criminal Justice",
        "police_and_immigration": "Police and Immigration",
        "miscellaneous": "Miscellaneous",
    }
)

CLOCK_UNITS: tuple[str, ...] = tuple(unit.value for unit in Unit)

# Keys of each YAML mapping: required, then optional.
FILE_KEYS = (("framework", "requirements"), ("clocks", "relevant_agency_categories"))
FRAMEWORK_KEYS = (
    ("id", "title", "short_title", "kind", "in_force_from", "url"),
    ("in_force_until", "supersedes", "note"),
)
CLOCK_KEYS = (
    ("id", "unit", "trigger", "summary", "citation"),
    ("amount", "month", "day", "period_end_month", "before", "not_later_than", "statutory"),
)
REQUIREMENT_KEYS = (
    ("id", "level", "holder", "topic", "summary", "citation", "evidence", "confidence"),
    ("clock", "content_of", "lineage", "note", "commencement"),
)
LINEAGE_KEYS = (("change",), ("from",))
CATEGORY_KEYS = (("paragraph", "heading", "description", "citation"), ())

# Ids: lowercase, dotted/dashed, starting with the framework id ("wt2023.yearly-report.what-done").
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9_-]*)+$"
FRAMEWORK_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

# Each derivation rule in words, for the pages that say how a duty is evidenced.
DERIVATION_WORDS: dict[str, str] = {
    "three_partners_present": "the local authority, integrated care board and chief officer of "
    "police are all recorded as partners",
    "areas_covered": "every local authority area the partnership claims is recorded as covered",
    "no_double_coverage": "no local authority area is recorded in two partnerships at once",
    "combined_area_agreement": "a partnership covering more than one local authority area has "
    "its combined area recorded",
    "relevant_agencies_named": "the relevant agencies the partners chose are named",
    "schools_named": "schools, colleges or other education providers are named as relevant "
    "agencies",
    "education_strategic": "an education representative is recorded for strategic discussions",
    "lsps_named": "a lead safeguarding partner is named for each partner",
    "dsps_named": "a delegated safeguarding partner is named for each partner",
    "chair_is_dsp": "the partnership chair is one of the delegated safeguarding partners",
    "chair_not_scrutineer": "the partnership chair is not also the independent scrutineer",
    "scrutineer_appointed": "an independent scrutineer is appointed",
    "three_functions_distinct": "the chair, business management and independent scrutiny roles "
    "are held separately",
    "priorities_agreed": "the partnership's shared priorities are recorded",
    "notifications_on_time": "each serious incident notification reached the Panel within 5 "
    "working days of the local authority becoming aware",
    "partners_informed_on_time": "the safeguarding partners were told of each serious incident "
    "within 5 working days",
    "lac_deaths_notified": "each looked-after child's death recorded, whether or not abuse or "
    "neglect was known or suspected, was notified to the Secretary of State and Ofsted on time",
    "care_leaver_deaths_notified": "each care leaver's death recorded was notified to the "
    "Secretary of State and Ofsted (the guidance gives no timescale, so none is judged late)",
    "rapid_reviews_on_time": "each notified incident had a rapid review sent to the Panel within "
    "15 working days",
    "practice_reviews_reported": "each published practice review's report met reg 15 and went to "
    "the Secretary of State and the Panel at least 7 days before publication",
    "practice_reviews_published": "each completed practice review was published, or its "
    "improvements were, and kept published for at least a year",
    "arrangements_published": "the partners' arrangements are published in MASA, answering the "
    "guidance the partnership works to",
    "yearly_report_published": "a yearly report was published within 12 months of the one before",
    "yearly_report_by_september": "the yearly report for each April to March year was published "
    "by the end of the following September",
    "yearly_report_dispatched": "each published yearly report was sent to the Panel and to "
    "Foundations (the What Works Centre) within 7 days of publication",
    "arrangements_updates_sent": "each published update to the arrangements was sent to the "
    "Department for Education (within MASA's default of 7 days)",
    "restraint_findings_sent": "where a secure establishment is in the area, the restraint "
    "review's findings went to the bodies the guidance names with each yearly report",
}
