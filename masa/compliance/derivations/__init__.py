"""The derivation rules: how a requirement's status follows from the registry's records.

`DERIVATIONS` maps every rule name in `masa.statute.schema.DERIVATION_RULES` to a function of a
`Context` (the registry facts on the matrix date, built once per matrix) returning a `Derived`
(status word, reasons in plain English, the records read). A requirement names its rule with
`evidence: derived:<rule>`; its matrix status is the rule's verdict (ADR 0008).
"""

from __future__ import annotations

from collections.abc import Callable

from . import agencies, cases, documents, geography, people
from .context import Context, Derived
from .nested import nested

__all__ = ["DERIVATIONS", "Context", "Derived"]

DERIVATIONS: dict[str, Callable[[Context], Derived]] = {
    # Area-based: judged over the union of the areas of the partnership and those within it.
    "three_partners_present": geography.three_partners_present,
    "areas_covered": geography.areas_covered,
    "no_double_coverage": geography.no_double_coverage,
    "combined_area_agreement": geography.combined_area_agreement,
    # Records a parent partnership may hold itself or through the partnerships within it.
    "relevant_agencies_named": nested(agencies.relevant_agencies_named),
    "schools_named": nested(agencies.schools_named),
    "education_strategic": nested(agencies.education_strategic),
    "lsps_named": nested(people.lsps_named),
    "dsps_named": nested(people.dsps_named),
    "chair_is_dsp": nested(people.chair_is_dsp),
    "chair_not_scrutineer": nested(people.chair_not_scrutineer),
    "scrutineer_appointed": nested(people.scrutineer_appointed),
    "three_functions_distinct": nested(people.three_functions_distinct),
    "priorities_agreed": nested(people.priorities_agreed),
    # Case records: the partnership's own notifications and reviews in the period.
    "notifications_on_time": cases.notifications_on_time,
    "partners_informed_on_time": cases.partners_informed_on_time,
    "lac_deaths_notified": cases.lac_deaths_notified,
    "care_leaver_deaths_notified": cases.care_leaver_deaths_notified,
    "rapid_reviews_on_time": cases.rapid_reviews_on_time,
    "practice_reviews_reported": cases.practice_reviews_reported,
    "practice_reviews_published": cases.practice_reviews_published,
    # The published documents and their dispatches (masa/documents/clocks.py).
    "arrangements_published": documents.arrangements_published,
    "yearly_report_published": documents.yearly_report_published,
    "yearly_report_by_september": documents.yearly_report_by_september,
    "yearly_report_dispatched": documents.yearly_report_dispatched,
    "arrangements_updates_sent": documents.arrangements_updates_sent,
    "restraint_findings_sent": documents.restraint_findings_sent,
}
