"""The documents' clocks as tables of real dates: the yearly report by the end of September
(WT2023), within 12 months of the last (s.16G(7)), and the copies each published version owes."""

from datetime import date

import pytest
from django.urls import reverse

from masa.clocks.registry import clocks_for as all_clocks
from masa.clocks.services import clock_extend, clock_pause
from masa.core.clocks.engine import ClockStatus
from masa.documents.clocks import (
    ARRANGEMENTS_DFE,
    BY_SEPTEMBER,
    INTERVAL,
    clocks_for,
    document_clocks,
    explain,
    owed,
)
from masa.documents.models import PublicationSettings, Recipient, VersionStatus
from masa.partnerships.tests.factories import complete_partnership
from masa.statute.loader import load_library

from .factories import DocumentFactory, DocumentVersionFactory, YearlyReportFactory
from .test_dispatch import published, sent

pytestmark = pytest.mark.django_db


def by_rule(partnership, today, rule):
    return [c for c in document_clocks(partnership, today=today) if c.rule == rule]


# --- the rules in the library ---------------------------------------------------------------------


def test_the_rules_without_a_period_in_the_guidance_say_so():
    clocks = load_library().clocks
    for rule in (
        ARRANGEMENTS_DFE,
        "wt2018.restraint-findings-dispatch",
        "wt2023.restraint-findings-dispatch",
    ):
        assert "gives no period" in clocks[rule].summary
        assert "MASA's default" in clocks[rule].summary
        assert clocks[rule].amount == 7 and clocks[rule].unit == "calendar_days"
    requirements = load_library().requirements
    assert requirements["wt2023.publication.send-updates-dfe"].clock == ARRANGEMENTS_DFE
    assert (
        requirements["wt2023.secure-establishments.findings-reported"].clock
        == "wt2023.restraint-findings-dispatch"
    )


# --- the yearly report by the end of September (WT2023) -------------------------------------------


@pytest.mark.parametrize(
    ("published_on", "today", "status"),
    [
        (date(2025, 9, 29), date(2025, 10, 20), ClockStatus.MET),
        (date(2025, 9, 30), date(2025, 10, 20), ClockStatus.MET),  # the last day counts
        (date(2025, 10, 1), date(2025, 10, 20), ClockStatus.MET_LATE),
        (None, date(2025, 9, 30), ClockStatus.RUNNING),
        (None, date(2025, 10, 1), ClockStatus.OVERDUE),
        # a publication after `today` is not yet done
        (date(2025, 9, 29), date(2025, 9, 20), ClockStatus.RUNNING),
    ],
)
def test_the_yearly_report_is_due_by_the_end_of_september(published_on, today, status):
    partnership = complete_partnership()
    report = YearlyReportFactory(partnership=partnership, period="2024-25")
    if published_on:
        published(report, published_on)
    (clock,) = by_rule(partnership, today, BY_SEPTEMBER)
    assert clock.due.due == date(2025, 9, 30)
    assert clock.status == status
    assert clock.period == "2024-25" and clock.document == report
    assert "By 30 Sep after the April–March year ending 31 Mar 2025" in clock.due.explanation


def test_a_year_without_a_report_still_has_its_clock_once_it_has_ended():
    partnership = complete_partnership()
    published(YearlyReportFactory(partnership=partnership, period="2023-24"), date(2024, 9, 20))
    clocks = by_rule(partnership, date(2025, 11, 3), BY_SEPTEMBER)
    assert [(c.period, c.due.due, c.status) for c in clocks] == [
        ("2023-24", date(2024, 9, 30), ClockStatus.MET),
        ("2024-25", date(2025, 9, 30), ClockStatus.OVERDUE),
    ]
    assert clocks[1].document is None
    # The year still running (2025-26) has no clock until a report for it is started.
    assert not [c for c in clocks if c.period == "2025-26"]
    YearlyReportFactory(partnership=partnership, period="2025-26")
    running = by_rule(partnership, date(2025, 11, 3), BY_SEPTEMBER)[-1]
    assert (running.period, running.due.due, running.status) == (
        "2025-26",
        date(2026, 9, 30),
        ClockStatus.RUNNING,
    )


def test_the_september_deadline_starts_with_the_year_ending_march_2024():
    partnership = complete_partnership()
    published(YearlyReportFactory(partnership=partnership, period="2022-23"), date(2023, 9, 1))
    periods = [c.period for c in by_rule(partnership, date(2024, 12, 1), BY_SEPTEMBER)]
    assert periods == ["2023-24"]


def test_a_wt2018_partnership_has_the_twelve_month_interval_only():
    partnership = complete_partnership(guidance="wt2018")
    published(YearlyReportFactory(partnership=partnership, period="2022-23"), date(2023, 7, 10))
    clocks = document_clocks(partnership, today=date(2024, 8, 1))
    assert [c.rule for c in clocks if c.rule in (BY_SEPTEMBER, INTERVAL)] == [INTERVAL]


def test_no_documents_no_clocks_in_one_query(django_assert_num_queries):
    partnership = complete_partnership()
    with django_assert_num_queries(1):
        assert clocks_for(partnership, today=date(2025, 10, 1)) == []


def test_a_pause_on_the_report_moves_the_deadline(editor, partnership):
    report = YearlyReportFactory(partnership=partnership, period="2024-25")
    clock_pause(
        subject=report,
        rule=BY_SEPTEMBER,
        from_date=date(2025, 9, 1),
        to_date=date(2025, 9, 5),
        reason="Agreed with the Panel: the chair's post was vacant",
        by=editor,
    )
    (clock,) = by_rule(partnership, date(2025, 10, 3), BY_SEPTEMBER)
    assert clock.due.due == date(2025, 10, 5)
    assert clock.status == ClockStatus.RUNNING
    assert "clock paused 1 Sep–5 Sep (5 days)" in clock.due.explanation


# --- within 12 months of the last (CA2004 s.16G(7)) ------------------------------------------------


def test_each_report_starts_a_twelve_month_clock_the_next_one_stops():
    partnership = complete_partnership()
    first = YearlyReportFactory(partnership=partnership, period="2022-23")
    second = YearlyReportFactory(partnership=partnership, period="2023-24")
    third = YearlyReportFactory(partnership=partnership, period="2024-25")
    published(first, date(2023, 9, 29))
    published(second, date(2024, 10, 2))  # three days late
    v = published(third, date(2025, 9, 26))
    # A corrected second version of the 2024-25 report is not a new yearly report.
    published(third, date(2025, 10, 6), number=2)
    v.status = VersionStatus.SUPERSEDED
    v.save()
    clocks = by_rule(partnership, date(2025, 11, 3), INTERVAL)
    assert [(c.period, c.due.start, c.due.due, c.done, c.status) for c in clocks] == [
        ("2022-23", date(2023, 9, 29), date(2024, 9, 29), date(2024, 10, 2), ClockStatus.MET_LATE),
        ("2023-24", date(2024, 10, 2), date(2025, 10, 2), date(2025, 9, 26), ClockStatus.MET),
        ("2024-25", date(2025, 9, 26), date(2026, 9, 26), None, ClockStatus.RUNNING),
    ]
    assert "12 months from Fri 26 Sep 2025" in clocks[-1].due.explanation
    assert explain(clocks[0]).endswith("; done Wed 2 Oct 2024, 3 days late")
    assert explain(clocks[1]).endswith("; done Fri 26 Sep 2025, on time")


def test_the_interval_runs_out_when_no_report_follows():
    partnership = complete_partnership(guidance="wt2018")
    published(YearlyReportFactory(partnership=partnership, period="2022-23"), date(2024, 2, 29))
    (clock,) = by_rule(partnership, date(2025, 3, 1), INTERVAL)
    assert clock.due.due == date(2025, 2, 28)  # no 29 February in 2025: the month's last day
    assert clock.status == ClockStatus.OVERDUE
    assert explain(clock).endswith("overdue, not done")


# --- copies owed after publication -----------------------------------------------------------------


def recipients(version):
    return [(o.recipient, o.rule) for o in owed(version, secure_establishments=False)]


def test_what_each_version_owes():
    wt2023 = complete_partnership()
    wt2018 = complete_partnership(guidance="wt2018")
    report23 = published(YearlyReportFactory(partnership=wt2023), date(2025, 9, 26))
    report18 = published(YearlyReportFactory(partnership=wt2018), date(2025, 9, 26))
    arrangements23 = published(DocumentFactory(partnership=wt2023), date(2025, 1, 6))
    arrangements18 = published(DocumentFactory(partnership=wt2018), date(2020, 9, 30))
    draft = DocumentVersionFactory(
        document=YearlyReportFactory(partnership=wt2023, period="2025-26")
    )
    assert recipients(report23) == [
        (Recipient.PANEL, "wt2023.yearly-report-dispatch"),
        (Recipient.FOUNDATIONS, "wt2023.yearly-report-dispatch"),
    ]
    assert recipients(report18) == [
        (Recipient.PANEL, "wt2018.yearly-report-dispatch"),
        (Recipient.FOUNDATIONS, "wt2018.yearly-report-dispatch"),
    ]
    assert recipients(arrangements23) == [(Recipient.DFE, ARRANGEMENTS_DFE)]
    assert recipients(arrangements18) == []
    assert recipients(draft) == []
    secure = owed(report23, secure_establishments=True)
    assert [o.recipient for o in secure][2:] == [Recipient.YJB, Recipient.YCS, Recipient.HMIP]
    assert {o.rule for o in secure[2:]} == {"wt2023.restraint-findings-dispatch"}
    secure18 = owed(report18, secure_establishments=True)
    assert [(o.recipient, o.rule) for o in secure18[2:]] == [
        (Recipient.YJB, "wt2018.restraint-findings-dispatch")
    ]


@pytest.mark.parametrize(
    ("published_on", "sent_on", "today", "due", "status"),
    [
        (date(2025, 9, 26), date(2025, 10, 3), date(2025, 10, 20), date(2025, 10, 3), "met"),
        (date(2025, 9, 26), date(2025, 10, 4), date(2025, 10, 20), date(2025, 10, 3), "met_late"),
        (date(2025, 9, 26), None, date(2025, 10, 3), date(2025, 10, 3), "running"),
        (date(2025, 9, 26), None, date(2025, 10, 4), date(2025, 10, 3), "overdue"),
        # Calendar days: Christmas and Boxing Day do not move the due date.
        (date(2025, 12, 19), None, date(2025, 12, 27), date(2025, 12, 26), "overdue"),
        # A dispatch dated after `today` is not yet done.
        (date(2025, 9, 26), date(2025, 10, 2), date(2025, 10, 1), date(2025, 10, 3), "running"),
    ],
)
def test_the_panel_copy_is_due_seven_days_after_publication(
    editor, published_on, sent_on, today, due, status
):
    partnership = complete_partnership()
    version = published(YearlyReportFactory(partnership=partnership), published_on)
    if sent_on:
        sent(version, Recipient.PANEL, sent_on, by=editor)
    clock = next(
        c for c in document_clocks(partnership, today=today) if c.recipient == Recipient.PANEL
    )
    assert (clock.due.due, clock.status) == (due, status)
    assert clock.version == version and clock.period == "2024-25"
    if status == "met_late":
        assert explain(clock).endswith(", 1 day late")
    assert clock.subject == (
        "Yearly report 2024-25, version 1: copy of the yearly report to the "
        "Child Safeguarding Practice Review Panel"
    )


def test_restraint_findings_owed_only_with_a_secure_establishment(partnership):
    version = published(YearlyReportFactory(partnership=partnership), date(2025, 9, 26))
    found = {
        c.recipient for c in document_clocks(partnership, today=date(2025, 10, 1)) if c.recipient
    }
    assert found == {Recipient.PANEL, Recipient.FOUNDATIONS}
    PublicationSettings.objects.create(
        partnership=partnership, secure_establishments="Northshire Secure Children's Home"
    )
    clocks = [c for c in document_clocks(partnership, today=date(2025, 10, 1)) if c.recipient]
    assert {c.recipient for c in clocks} == {"panel", "foundations", "yjb", "ycs", "hmip"}
    yjb = next(c for c in clocks if c.recipient == Recipient.YJB)
    assert yjb.due.due == date(2025, 10, 3) and yjb.version == version
    assert yjb.citation == "WT2023 ch2 'Reporting'"


def test_an_extension_on_a_version_moves_its_copies(editor, partnership):
    version = published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    clock_extend(
        subject=version, rule=ARRANGEMENTS_DFE, days=7, reason="DfE mailbox closed", by=editor
    )
    (clock,) = [c for c in document_clocks(partnership, today=date(2025, 1, 15)) if c.recipient]
    assert clock.due.due == date(2025, 1, 20)
    assert clock.status == ClockStatus.RUNNING
    assert "extended by 7 days" in clock.due.explanation


# --- the provider ----------------------------------------------------------------------------------


def test_the_dashboard_shows_the_documents_clocks(partnership, editor):
    report = YearlyReportFactory(partnership=partnership, period="2024-25")
    version = published(report, date(2025, 9, 26))
    sent(version, Recipient.PANEL, date(2025, 9, 30), by=editor)
    views = {v.subject: v for v in all_clocks(partnership, today=date(2025, 10, 10))}
    september = views["Yearly report 2024-25: published by the end of September"]
    assert september.status == ClockStatus.MET and september.done == date(2025, 9, 26)
    assert september.subject_url == reverse("document_dispatch:index", args=["testshire"])
    panel = next(v for v in views.values() if v.subject.endswith("Review Panel"))
    foundations = next(v for v in views.values() if "Foundations" in v.subject)
    assert panel.status == ClockStatus.MET and foundations.status == ClockStatus.OVERDUE
    assert foundations.subject_url == reverse(
        "document_dispatch:version", args=["testshire", version.pk]
    )
    assert foundations.explanation == "7 days from Fri 26 Sep 2025 → Fri 3 Oct 2025"


@pytest.mark.parametrize("count", [1, 6])
def test_the_provider_runs_a_bounded_number_of_queries(
    partnership, editor, count, django_assert_max_num_queries
):
    PublicationSettings.objects.create(partnership=partnership, secure_establishments="A home")
    arrangements = DocumentFactory(partnership=partnership)
    for n in range(count):
        report = YearlyReportFactory(partnership=partnership, period=f"{2018 + n}-{19 + n:02d}")
        version = published(report, date(2019 + n, 9, 20))
        sent(version, Recipient.PANEL, date(2019 + n, 9, 22), by=editor)
        published(arrangements, date(2019 + n, 1, 7), number=n + 1)
    with django_assert_max_num_queries(6):
        views = clocks_for(partnership, today=date(2025, 10, 1))
    # each year: the interval, five copies of the report (restraint findings too), one to the DfE
    assert len(views) >= count * 7
