"""The publication and reporting duties' derived statuses, read the way the compliance matrix reads
them: `DERIVATIONS[rule](Context(partnership, on))`."""

from datetime import date

import pytest

from masa.compliance.derivations import DERIVATIONS, Context
from masa.documents.models import PublicationSettings
from masa.partnerships.tests.factories import complete_partnership
from masa.statute.loader import load_library

from .factories import DocumentFactory, YearlyReportFactory
from .test_dispatch import published, sent

pytestmark = pytest.mark.django_db


def derive(rule, partnership, on):
    return DERIVATIONS[rule](Context(partnership, on))


def test_the_library_names_the_rules_on_the_publication_duties():
    requirements = load_library().requirements
    expected = {
        "ca2004.s16g.publish-arrangements": "derived:arrangements_published",
        "wt2023.publication.publish": "derived:arrangements_published",
        "ca2004.s16g.yearly-report": "derived:yearly_report_published",
        "wt2018.yearly-report.publish": "derived:yearly_report_published",
        "wt2023.yearly-report.by-end-september": "derived:yearly_report_by_september",
        "wt2023.yearly-report.dispatch": "derived:yearly_report_dispatched",
        "wt2018.yearly-report.dispatch": "derived:yearly_report_dispatched",
        "wt2023.publication.send-updates-dfe": "derived:arrangements_updates_sent",
        "wt2023.secure-establishments.findings-reported": "derived:restraint_findings_sent",
    }
    assert {rid: requirements[rid].evidence for rid in expected} == expected


def test_arrangements_published(partnership):
    result = derive("arrangements_published", partnership, date(2025, 1, 5))
    assert result.status == "not_met" and "No published arrangements" in result.reasons[0]
    published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    assert derive("arrangements_published", partnership, date(2025, 1, 5)).status == "not_met"
    result = derive("arrangements_published", partnership, date(2025, 1, 6))
    assert result.status == "met"
    assert result.reasons == [
        "Version 1 of the arrangements was published on Mon 6 Jan 2025, under WT2023."
    ]
    assert result.evidence[0].endswith("— /published/testshire/arrangements/")


def test_arrangements_under_the_old_guidance_are_partly_met():
    partnership = complete_partnership(guidance="wt2018")
    published(DocumentFactory(partnership=partnership), date(2020, 9, 30))
    partnership.guidance = "wt2023"
    partnership.save()
    result = derive("arrangements_published", partnership, date(2025, 1, 6))
    assert result.status == "partly_met"
    assert "works to WT2023" in result.reasons[1]


def test_yearly_report_within_twelve_months(partnership):
    assert derive("yearly_report_published", partnership, date(2025, 1, 1)).status == "not_met"
    published(YearlyReportFactory(partnership=partnership, period="2023-24"), date(2024, 9, 20))
    result = derive("yearly_report_published", partnership, date(2025, 1, 1))
    assert result.status == "met"
    assert "the next is due by Sat 20 Sep 2025" in result.reasons[0]
    overdue = derive("yearly_report_published", partnership, date(2025, 9, 21))
    assert overdue.status == "not_met" and "none is recorded" in overdue.reasons[0]
    published(YearlyReportFactory(partnership=partnership, period="2024-25"), date(2025, 9, 25))
    late = derive("yearly_report_published", partnership, date(2025, 10, 1))
    assert late.status == "partly_met"
    assert "published Thu 25 Sep 2025" in late.reasons[1]
    assert (
        len(late.evidence) == 2
        and "/published/testshire/yearly-report/2023-24/" in late.evidence[0]
    )


@pytest.mark.parametrize(
    ("published_on", "on", "status"),
    [
        (date(2025, 9, 30), date(2025, 10, 1), "met"),
        (date(2025, 10, 2), date(2025, 10, 3), "partly_met"),
        (None, date(2025, 10, 1), "not_met"),
        # On 30 September the 2024-25 deadline has not passed: the year before is judged.
        (None, date(2025, 9, 30), "not_met"),
        (None, date(2024, 6, 1), "not_applicable"),  # the first deadline is 30 September 2024
    ],
)
def test_yearly_report_by_the_end_of_september(partnership, published_on, on, status):
    report = YearlyReportFactory(partnership=partnership, period="2024-25")
    if published_on:
        published(report, published_on)
    result = derive("yearly_report_by_september", partnership, on)
    assert result.status == status, result.reasons


def test_by_september_judges_the_last_deadline_and_mentions_the_next(partnership):
    published(YearlyReportFactory(partnership=partnership, period="2023-24"), date(2024, 9, 27))
    YearlyReportFactory(partnership=partnership, period="2024-25")
    result = derive("yearly_report_by_september", partnership, date(2025, 6, 1))
    assert result.status == "met"
    assert result.reasons == [
        "The 2023-24 report was published on Fri 27 Sep 2024, by Mon 30 Sep 2024.",
        "The 2024-25 report is due by Tue 30 Sep 2025.",
    ]


def test_by_september_does_not_apply_under_wt2018():
    partnership = complete_partnership(guidance="wt2018")
    assert derive("yearly_report_by_september", partnership, date(2025, 10, 1)).status == (
        "not_applicable"
    )


def test_copies_to_the_panel_and_foundations(partnership, editor):
    on = date(2025, 10, 10)
    assert derive("yearly_report_dispatched", partnership, on).status == "not_applicable"
    version = published(YearlyReportFactory(partnership=partnership), date(2025, 9, 26))
    sent(version, "panel", date(2025, 9, 29), by=editor)
    result = derive("yearly_report_dispatched", partnership, date(2025, 10, 1))
    assert result.status == "met"  # the Panel's went on time; Foundations' is not yet due
    assert result.reasons == [
        "1 of 1 copy due in 2025–26 sent within 7 days of publication. 1 copy not yet due."
    ]
    result = derive("yearly_report_dispatched", partnership, on)
    assert result.status == "partly_met"
    assert result.reasons[0] == "1 of 2 copies due in 2025–26 sent within 7 days of publication."
    assert "Foundations" in result.reasons[1] and "not sent" in result.reasons[1]
    assert all(f"/documents/dispatch/{version.pk}/" in line for line in result.evidence)
    sent(version, "foundations", date(2025, 10, 3), by=editor)
    assert derive("yearly_report_dispatched", partnership, on).status == "met"


def test_updates_to_the_dfe(partnership, editor):
    on = date(2025, 2, 1)
    assert derive("arrangements_updates_sent", partnership, on).status == "not_applicable"
    version = published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    result = derive("arrangements_updates_sent", partnership, on)
    assert result.status == "not_met"
    assert result.reasons[-1] == "The guidance gives no period: 7 days is MASA's default."
    sent(version, "dfe", date(2025, 1, 20), by=editor)
    assert derive("arrangements_updates_sent", partnership, on).status == "not_met"  # late
    assert derive("arrangements_updates_sent", partnership, date(2025, 1, 10)).status == (
        "not_applicable"
    )


def test_restraint_findings(partnership, editor):
    on = date(2025, 10, 10)
    version = published(YearlyReportFactory(partnership=partnership), date(2025, 9, 26))
    result = derive("restraint_findings_sent", partnership, on)
    assert result.status == "not_applicable" and "No secure establishment" in result.reasons[0]
    PublicationSettings.objects.create(partnership=partnership, secure_establishments="A home")
    assert derive("restraint_findings_sent", partnership, on).status == "not_met"
    for recipient in ("yjb", "ycs", "hmip"):
        sent(version, recipient, date(2025, 10, 1), by=editor)
    assert derive("restraint_findings_sent", partnership, on).status == "met"


def test_the_matrix_shows_the_derived_status(partnership, editor, django_assert_max_num_queries):
    from masa.compliance.derivations.documents import DOCUMENT_RULES

    published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    published(YearlyReportFactory(partnership=partnership), date(2025, 9, 26))
    context = Context(partnership, date(2025, 10, 10))
    # the documents' six queries (and the content types of the clock events) once, for every rule
    with django_assert_max_num_queries(9):
        for rule in DOCUMENT_RULES:
            context.derive(rule)
