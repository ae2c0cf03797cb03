"""The case-record rules, on real dates across Christmas 2025 and Easter 2025.

Period: the 2025–26 financial year. A notification is due 5 working days after the local authority
became aware (Fri 19 Dec 2025 → Tue 30 Dec 2025, skipping 25 and 26 Dec); a rapid review 15
working days after the notification to the Panel (Fri 19 Dec 2025 → Wed 14 Jan 2026, skipping 25,
26 Dec and 1 Jan); copies of a practice review 7 days before publication (reg 16).
"""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masa.compliance.derivations import Context
from masa.compliance.derivations.cases import CASE_RULES
from masa.compliance.selectors import matrix_for
from masa.incidents.tests.factories import SeriousIncidentFactory
from masa.reviews.models import PracticeReview, RapidReview

from .factories import RequirementFactory

AT = date(2026, 3, 31)  # the last day of 2025–26
CHRISTMAS = date(2025, 12, 19)  # Fri: due Tue 30 Dec 2025
EASTER = date(2025, 4, 17)  # Maundy Thu: due Mon 28 Apr 2025


def derive(partnership, rule: str, at: date = AT):
    return Context(partnership, at).derive(rule)


def incident(partnership, aware: date, **fields):
    return SeriousIncidentFactory(
        partnership=partnership,
        incident_date=aware,
        became_aware_on=aware,
        status=fields.pop("status", "notified"),
        **fields,
    )


# (panel_notified_on for the Christmas and Easter notifications) -> status, late ones listed
NOTIFY_PANEL = [
    (date(2025, 12, 30), date(2025, 4, 28), "met", ""),
    (date(2025, 12, 31), date(2025, 4, 28), "partly_met", "due Tue 30 Dec 2025, sent Wed 31 Dec"),
    (date(2025, 12, 30), date(2025, 4, 29), "partly_met", "due Mon 28 Apr 2025, sent Tue 29 Apr"),
    (date(2026, 1, 2), date(2025, 4, 29), "not_met", "due Tue 30 Dec 2025, sent Fri 2 Jan"),
    (None, None, "not_met", "due Mon 28 Apr 2025, not sent"),
]


@pytest.mark.parametrize(("christmas", "easter", "status", "late"), NOTIFY_PANEL)
def test_notifications_to_the_panel_on_time(partnership, christmas, easter, status, late):
    incident(partnership, CHRISTMAS, reference="SIN-X", panel_notified_on=christmas)
    incident(partnership, EASTER, reference="SIN-E", panel_notified_on=easter)
    found = derive(partnership, "notifications_on_time")
    assert found.status == status
    assert late in " ".join(found.reasons)
    assert any("skipping 25 Dec and 26 Dec → Tue 30 Dec 2025" in e for e in found.evidence)


def test_a_date_recorded_after_the_matrix_date_is_not_yet_sent(partnership):
    incident(partnership, CHRISTMAS, panel_notified_on=date(2025, 12, 29))
    assert derive(partnership, "notifications_on_time", date(2025, 12, 24)).status == (
        "not_applicable"
    )
    found = derive(partnership, "notifications_on_time", date(2025, 12, 31))
    assert found.status == "met"


def test_an_overdue_unsent_notification_is_not_met(partnership):
    incident(partnership, CHRISTMAS, reference="SIN-O", status="draft")
    found = derive(partnership, "notifications_on_time", date(2025, 12, 31))
    assert found.status == "not_met"
    assert "Late: SIN-O (due Tue 30 Dec 2025, not sent)." in found.reasons


def test_no_notifications_in_the_period_is_not_applicable(partnership):
    incident(partnership, date(2025, 3, 3), panel_notified_on=date(2025, 3, 4))  # 2024–25
    found = derive(partnership, "notifications_on_time")
    assert found.status == "not_applicable"
    assert found.reasons == [
        "No serious incident notifications in 2025–26 (1 April 2025 to 31 March 2026)."
    ]


def test_running_clocks_are_not_judged_yet(partnership):
    incident(partnership, CHRISTMAS, panel_notified_on=date(2025, 12, 22))
    incident(partnership, date(2026, 3, 27))  # Fri: due Fri 3 Apr 2026
    found = derive(partnership, "notifications_on_time")
    assert found.status == "met"
    assert found.reasons == [
        "1 of 1 notification due in 2025–26 sent to the Panel within 5 working days of becoming "
        "aware. 1 clock still running."
    ]


@pytest.mark.parametrize(
    ("sent", "status"),
    [(date(2025, 12, 30), "met"), (date(2025, 12, 31), "not_met"), (None, "not_met")],
)
def test_partners_informed_on_time(partnership, sent, status):
    incident(partnership, CHRISTMAS, partners_notified_on=sent)
    assert derive(partnership, "partners_informed_on_time").status == status


def test_a_looked_after_childs_death_is_never_not_applicable(partnership):
    # WT2018 ch4 / WT2023 ch5: the duty applies to every looked-after child's death, whether or
    # not abuse or neglect is known or suspected; no death recorded is "not assessed", not N/A.
    found = derive(partnership, "lac_deaths_notified")
    assert found.status == "not_assessed"
    assert "whether or not abuse or neglect is known or suspected" in found.reasons[-1]
    incident(partnership, CHRISTMAS, reference="SIN-H")  # harmed, not died: no clock
    incident(
        partnership, CHRISTMAS, reference="SIN-L", outcome="died", looked_after_child=True,
        abuse_or_neglect="neither", sos_ofsted_notified_on=date(2025, 12, 30),
    )  # fmt: skip
    assert derive(partnership, "lac_deaths_notified").status == "met"
    incident(
        partnership, EASTER, reference="SIN-M", outcome="died", looked_after_child=True,
        sos_ofsted_notified_on=date(2025, 4, 29),
    )  # fmt: skip
    found = derive(partnership, "lac_deaths_notified")
    assert found.status == "partly_met"
    assert "Late: SIN-M (due Mon 28 Apr 2025, notified Tue 29 Apr 2025)." in found.reasons


def test_a_care_leavers_death_has_no_timescale_so_is_never_late(partnership):
    assert derive(partnership, "care_leaver_deaths_notified").status == "not_assessed"
    incident(
        partnership, EASTER, reference="SIN-C", outcome="died", care_leaver=True,
        sos_ofsted_notified_on=date(2025, 6, 30),  # weeks later: still not late
    )  # fmt: skip
    found = derive(partnership, "care_leaver_deaths_notified")
    assert found.status == "met"
    assert "no timescale" in found.reasons[0]
    # the care leaver's death does not run the looked-after child's 5-working-day clock
    assert derive(partnership, "lac_deaths_notified").status == "not_assessed"


def rapid(partnership, reference: str, sent_on: date | None) -> RapidReview:
    notified = incident(partnership, CHRISTMAS, reference=reference, panel_notified_on=CHRISTMAS)
    return RapidReview.objects.create(
        incident=notified,
        partnership=partnership,
        clock_start_basis="notification_sent",
        started_on=CHRISTMAS,
        sent_to_panel_on=sent_on,
    )


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        (date(2026, 1, 14), date(2026, 1, 9), "met"),
        (date(2026, 1, 14), date(2026, 1, 15), "partly_met"),
        (date(2026, 1, 15), None, "not_met"),
    ],
)
def test_rapid_reviews_sent_within_15_working_days(partnership, first, second, status):
    rapid(partnership, "SIN-1", first)
    rapid(partnership, "SIN-2", second)
    found = derive(partnership, "rapid_reviews_on_time")
    assert found.status == status
    assert any("skipping 25 Dec, 26 Dec and 1 Jan → Wed 14 Jan 2026" in e for e in found.evidence)


def test_a_notified_case_without_a_rapid_review_runs_late(partnership):
    incident(partnership, CHRISTMAS, reference="SIN-N", panel_notified_on=CHRISTMAS)
    found = derive(partnership, "rapid_reviews_on_time")
    assert found.status == "not_met"
    assert "Late: SIN-N (due Wed 14 Jan 2026, not sent)." in found.reasons
    assert found.reasons[-1] == "No rapid review recorded for SIN-N."
    assert derive(partnership, "rapid_reviews_on_time", date(2026, 1, 5)).status == (
        "not_applicable"
    )


def test_no_notified_cases_means_no_rapid_reviews_due(partnership):
    incident(partnership, CHRISTMAS, status="draft")
    assert derive(partnership, "rapid_reviews_on_time").status == "not_applicable"


def practice(partnership, reference: str, **fields) -> PracticeReview:
    values = {
        "title": "Child T",
        "initiated_on": date(2025, 6, 2),
        "report_received_on": date(2026, 1, 30),
        "summary_of_improvements": True,
        "systemic_analysis": True,
        "publication": "full",
        "publication_rationale": "Nothing to withhold",
        "planned_publication_on": date(2026, 3, 2),
        "sent_to_sos_on": date(2026, 2, 20),
        "sent_to_panel_on": date(2026, 2, 23),  # 7 days before Mon 2 Mar 2026
        "published_on": date(2026, 3, 2),
        **fields,
    }
    return PracticeReview.objects.create(partnership=partnership, reference=reference, **values)


@pytest.mark.parametrize(
    ("fields", "status", "failure"),
    [
        ({}, "met", ""),
        (
            {"sent_to_panel_on": date(2026, 2, 24)},
            "partly_met",
            "LCSPR-2: copies due Mon 23 Feb 2026, sent Tue 24",
        ),
        ({"systemic_analysis": False}, "partly_met", "LCSPR-2: reg 15 checklist incomplete"),
    ],
)
def test_practice_reviews_reported_before_publication(partnership, fields, status, failure):
    practice(partnership, "LCSPR-1")
    practice(partnership, "LCSPR-2", **fields)
    found = derive(partnership, "practice_reviews_reported")
    assert found.status == status
    assert failure in " ".join(found.reasons)


def test_practice_reviews_reported_none_on_time_or_none_published(partnership):
    assert derive(partnership, "practice_reviews_reported").status == "not_applicable"
    practice(partnership, "LCSPR-1", sent_to_sos_on=None)
    assert derive(partnership, "practice_reviews_reported").status == "not_met"


def test_practice_reviews_published_and_kept(partnership):
    assert derive(partnership, "practice_reviews_published").status == "not_applicable"
    practice(partnership, "LCSPR-1", publication="improvements_only")
    practice(partnership, "LCSPR-2", published_on=None, planned_publication_on=date(2026, 4, 20))
    found = derive(partnership, "practice_reviews_published")
    assert found.status == "met"
    assert "to stay published until" in found.evidence[0]
    assert "1 review awaiting publication, not yet due." in found.reasons
    practice(partnership, "LCSPR-3", published_on=None, planned_publication_on=date(2026, 3, 9))
    found = derive(partnership, "practice_reviews_published")
    assert found.status == "partly_met"
    assert "Not published as planned: LCSPR-3." in found.reasons


def test_a_review_not_published_as_planned_is_not_met(partnership):
    practice(partnership, "LCSPR-1", published_on=None)
    assert derive(partnership, "practice_reviews_published").status == "not_met"


def _matrix_queries(partnership, incidents: int) -> int:
    for n in range(incidents):
        aware = date(2025, 4, 1 + n % 28) if n % 2 else date(2025, 12, 1 + n % 19)
        notified = incident(
            partnership, aware, reference=f"SIN-{n:03d}", panel_notified_on=aware,
            partners_notified_on=aware, outcome="died" if n % 5 == 0 else "seriously_harmed",
            looked_after_child=n % 5 == 0,
        )  # fmt: skip
        if n % 3:
            RapidReview.objects.create(
                incident=notified, partnership=partnership, started_on=aware,
                clock_start_basis="notification_sent", sent_to_panel_on=date(2026, 1, 20),
            )  # fmt: skip
    for n in range(incidents // 10 + 1):
        practice(partnership, f"LCSPR-{n}")
    ContentType.objects.clear_cache()  # both counts read the content types afresh
    with CaptureQueriesContext(connection) as queries:
        matrix = matrix_for(partnership=partnership, at=AT)
        assert {row.rule for row in matrix.rows} >= set(CASE_RULES)
    return len(queries)


@pytest.fixture
def case_library(library):
    for rule in CASE_RULES:
        for _ in range(3):
            RequirementFactory(framework=library["manual"].framework, derivation=rule)


def test_the_query_count_does_not_grow_with_cases(partnership, case_library):
    from masa.partnerships.tests.factories import complete_partnership

    other = complete_partnership(name="Largeshire", slug="largeshire")
    assert _matrix_queries(partnership, 2) == _matrix_queries(other, 40)
