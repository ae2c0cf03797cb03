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
    "rapid_reviews_on_time",
    "practice_reviews_reported",
    "practice_reviews_published",
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
    ("amount", "month", "day", "period_end_month", "before"),
)
REQUIREMENT_KEYS = (
    ("id", "level", "holder", "topic", "summary", "citation", "evidence", "confidence"),
    ("clock", "content_of", "lineage", "note"),
)
LINEAGE_KEYS = (("change",), ("from",))
CATEGORY_KEYS = (("paragraph", "heading", "description", "citation"), ())

# Ids: lowercase, dotted/dashed, starting with the framework id ("wt2023.yearly-report.what-done").
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9_-]*)+$"
FRAMEWORK_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
