"""Assembly from the records: each data section with and without records, narratives rendered
safely, the yearly report confined to its year, frozen versions read from their snapshot, and a
bounded number of queries."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masa.actions.models import UpdateKind
from masa.actions.tests.factories import (
    ActionFactory,
    ActionUpdateFactory,
    RecommendationFactory,
)
from masa.documents import services
from masa.documents.assembly import NOT_WRITTEN, content_for
from masa.documents.assembly.cases import quarters
from masa.documents.content import Chart, DocumentContent, Facts, Note, Prose, Table
from masa.documents.models import PublicationSettings
from masa.incidents.models import Outcome
from masa.incidents.tests.factories import SeriousIncidentFactory
from masa.partnerships.models import RelevantAgency
from masa.partnerships.tests.factories import PartnershipFactory
from masa.reviews.models import ClockBasis, PracticeReview, RapidReview

from .factories import write_every_section

pytestmark = pytest.mark.django_db

TODAY = date(2025, 9, 15)


def _section(content: DocumentContent, key: str):
    return next(s for s in content.sections if s.key == key)


def _blocks(content, key, kind):
    return [b for b in _section(content, key).blocks if isinstance(b, kind)]


def test_arrangements_are_filled_from_the_registry(draft, partnership):
    content = content_for(draft, today=TODAY)
    assert content.partnership == partnership.name and content.framework == "wt2023"
    (partners,) = _blocks(content, "partners", Table)
    assert [row[0] for row in partners.rows] == [
        "Local authority", "Integrated care board", "Chief officer of police",
    ]  # fmt: skip
    assert partners.rows[0][2] == "Chief Executive"  # the lead's job title, no name recorded
    (chair,) = _blocks(content, "partners", Facts)
    assert chair.items[0][0] == "Partnership chair"
    assert "delegated safeguarding partner for the local authority" in chair.items[0][1]
    (areas,) = _blocks(content, "geography", Table)
    assert len(areas.rows) == 1
    (agencies,) = _blocks(content, "relevant-agencies", Table)
    assert agencies.headers == ("Agency", "Schedule paragraph", "Why chosen", "Contribution")
    assert {r[1][:2] for r in agencies.rows} >= {"4."}  # the Schedule paragraph, in words
    assert _blocks(content, "scrutiny", Table)
    # Sections with no records and no narrative say so plainly.
    assert _blocks(content, "funding", Note)[0].text == NOT_WRITTEN


def test_a_person_is_named_only_when_a_name_is_recorded(draft, partnership):
    lead = partnership.roles.get(role="lead_partner", partner_type="police")
    lead.person_name = "A. Fictional"
    lead.save()
    (partners,) = _blocks(content_for(draft, today=TODAY), "partners", Table)
    assert partners.rows[2][2] == "A. Fictional, Chief Constable"
    assert partners.rows[0][2] == "Chief Executive"


def test_an_empty_registry_gives_notes_not_errors(editor):
    empty = PartnershipFactory(slug="empty")
    document = services.document_create(partnership=empty, kind="published_arrangements", by=editor)
    content = content_for(document.versions.get(), today=TODAY)
    for key in ("partners", "geography", "relevant-agencies", "scrutiny", "secure-establishments"):
        blocks = _section(content, key).blocks
        assert all(isinstance(b, Note) for b in blocks), key
    assert _blocks(content, "partners", Note)[0].text == (
        "No safeguarding partners are recorded for the partnership."
    )


def test_ended_relevant_agencies_are_left_out(draft, partnership):
    agency = RelevantAgency.objects.filter(partnership=partnership).first()
    agency.end = date(2025, 1, 1)
    agency.save()
    (table,) = _blocks(content_for(draft, today=TODAY), "relevant-agencies", Table)
    assert agency.organisation.name not in [r[0] for r in table.rows]


def test_secure_establishments_come_from_the_publication_settings(draft, partnership):
    assert _blocks(content_for(draft, today=TODAY), "secure-establishments", Note)
    PublicationSettings.objects.create(
        partnership=partnership, secure_establishments="Northshire Secure Children's Home"
    )
    (facts,) = _blocks(content_for(draft, today=TODAY), "secure-establishments", Facts)
    assert facts.items == (
        ("Secure establishments in the area", "Northshire Secure Children's Home"),
    )


def test_narratives_come_first_and_are_sanitised(draft, editor):
    services.section_update(
        version=draft, key="partners", narrative="We **agree** <script>alert(1)</script>", by=editor
    )
    blocks = _section(content_for(draft, today=TODAY), "partners").blocks
    assert isinstance(blocks[0], Prose)
    assert "<strong>agree</strong>" in blocks[0].html and "<script>" not in blocks[0].html
    assert isinstance(blocks[1], Table)


def test_a_year_with_no_case_records_gives_honest_empty_sections(report):
    content = content_for(report.versions.get(), today=TODAY)
    assert content.period == "2024-25"
    assert content.period_label == "1 April 2024 to 31 March 2025"
    assert [b.text for b in _blocks(content, "effectiveness", Note)] == [
        "No serious incidents were notified between 1 April 2024 and 31 March 2025."
    ]
    notes = [b.text for b in _blocks(content, "what-done", Note)]
    assert "No rapid reviews were started between 1 April 2024 and 31 March 2025." in notes
    assert _blocks(content, "learning", Note)
    assert _blocks(content, "decisions-actions", Note)


def _incident(partnership, aware, sent, **kwargs):
    return SeriousIncidentFactory(
        partnership=partnership, incident_date=aware, became_aware_on=aware,
        panel_notified_on=sent, **kwargs,
    )  # fmt: skip


def test_notification_timeliness_by_quarter_from_the_incidents_clocks(report, partnership):
    _incident(partnership, date(2024, 4, 8), date(2024, 4, 10))  # Q1 on time
    _incident(partnership, date(2024, 5, 1), date(2024, 5, 20))  # Q1 late
    # 5 working days from Fri 20 Dec 2024 skip Christmas and Boxing Day: due Mon 30 Dec.
    _incident(partnership, date(2024, 12, 20), date(2024, 12, 30), outcome=Outcome.DIED)
    _incident(partnership, date(2025, 3, 31), None)  # Q4 never sent: overdue by September
    _incident(partnership, date(2025, 4, 2), date(2025, 4, 3))  # next year: not counted
    content = content_for(report.versions.get(), today=TODAY)
    (facts,) = _blocks(content, "effectiveness", Facts)
    assert facts.items[0] == ("Serious incidents notified", "4")
    assert facts.items[1] == ("Notified to the Panel within 5 working days", "2 (50%)")
    (chart,) = _blocks(content, "effectiveness", Chart)
    assert chart.labels == (
        "April to June 2024", "July to September 2024", "October to December 2024",
        "January to March 2025",
    )  # fmt: skip
    series = dict(chart.series)
    assert series["On time"] == (1.0, 0.0, 1.0, 0.0)
    assert series["Late"] == (1.0, 0.0, 0.0, 0.0)
    assert series["Not yet sent, overdue"] == (0.0, 0.0, 0.0, 1.0)
    assert "Not yet sent, still in time" not in series
    (outcomes,) = _blocks(content, "effectiveness", Table)
    assert dict(outcomes.rows) == {"Died": "1", "Seriously harmed": "3"}
    # Never a case reference in a public document.
    assert "SIN-" not in json.dumps(content.as_json())


def test_quarters_of_a_financial_year():
    assert [(a.isoformat(), b.isoformat()) for a, b, _ in quarters(date(2024, 4, 1))] == [
        ("2024-04-01", "2024-06-30"), ("2024-07-01", "2024-09-30"),
        ("2024-10-01", "2024-12-31"), ("2025-01-01", "2025-03-31"),
    ]  # fmt: skip


def test_reviews_of_the_year(report, partnership):
    incident = _incident(partnership, date(2024, 6, 3), date(2024, 6, 4))
    RapidReview.objects.create(
        incident=incident, partnership=partnership, clock_start_basis=ClockBasis.NOTIFICATION_SENT,
        started_on=date(2024, 6, 5), decision="local_review", decision_rationale="Learning",
        decided_on=date(2024, 6, 20), sent_to_panel_on=date(2024, 6, 21),
    )  # fmt: skip
    other = _incident(partnership, date(2025, 2, 3), date(2025, 2, 4))
    RapidReview.objects.create(
        incident=other, partnership=partnership, clock_start_basis=ClockBasis.NOTIFICATION_SENT,
        started_on=date(2025, 2, 5),
    )  # fmt: skip
    PracticeReview.objects.create(
        partnership=partnership, reference="TS-LCSPR-2024-01", title="Child T",
        initiated_on=date(2024, 7, 1), published_on=date(2025, 1, 10), status="published",
    )  # fmt: skip
    PracticeReview.objects.create(
        partnership=partnership, reference="TS-LCSPR-2022-01", title="Child Q",
        initiated_on=date(2022, 7, 1), published_on=date(2023, 1, 10), status="published",
    )  # fmt: skip
    content = content_for(report.versions.get(), today=TODAY)
    decisions, practice = _blocks(content, "what-done", Table)
    assert dict(decisions.rows) == {
        "Local child safeguarding practice review": "1",
        "Not yet decided": "1",
    }
    assert [r[0] for r in practice.rows] == ["TS-LCSPR-2024-01 (Child T)"]  # not 2022's
    facts = dict(item for block in _blocks(content, "what-done", Facts) for item in block.items)
    assert facts["Rapid reviews started"] == "2"
    assert facts["Sent within 15 working days"] == "1 (100%)"
    assert facts["Practice reviews published in the year"] == "1"


def test_recommendations_actions_impact_and_themes(report, partnership):
    from masa.actions.models import LearningTheme

    owner = partnership.statutory_partners.first().organisation
    voice = LearningTheme.objects.create(slug="ts-theme", name="Testshire theme")
    first = RecommendationFactory(partnership=partnership, made_on=date(2024, 9, 1),
                                  reference="R1", source_label="Review A")  # fmt: skip
    second = RecommendationFactory(partnership=partnership, made_on=date(2024, 11, 1),
                                   reference="R2", source_label="Audit B")  # fmt: skip
    first.themes.add(voice)
    second.themes.add(voice)
    late = ActionFactory(recommendation=first, owner=owner, due_on=date(2024, 12, 1))
    ActionFactory(recommendation=second, owner=owner, due_on=date(2026, 1, 1), status="implemented")
    ActionUpdateFactory(action=late, on=date(2025, 2, 1), kind=UpdateKind.IMPACT_EVIDENCE,
                        text="Referrals now record the child's words.")  # fmt: skip
    content = content_for(report.versions.get(), today=TODAY)
    made, statuses, impact = _blocks(content, "decisions-actions", Table)
    assert [r[0] for r in made.rows] == ["R1", "R2"]
    assert dict(statuses.rows) == {"Not started": "1", "Implemented": "1"}
    assert impact.rows[0][3] == "Referrals now record the child's words."
    facts = dict(item for b in _blocks(content, "decisions-actions", Facts) for item in b.items)
    assert facts["Actions overdue on 31 March 2025"] == "1"
    (themes,) = _blocks(content, "learning", Table)
    assert themes.rows == (("Testshire theme", "2", "2", "Yes, across reviews"),)


def test_a_wt2018_report_has_only_wt2018_sections(editor):
    from masa.partnerships.tests.factories import complete_partnership

    old = complete_partnership(guidance="wt2018", slug="oldshire")
    document = services.document_create(
        partnership=old, kind="yearly_report", period="2019-20", by=editor
    )
    content = content_for(document.versions.get(), today=TODAY)
    assert content.framework == "wt2018"
    assert {s.key for s in content.sections} == {
        "introduction", "what-done", "effectiveness", "decisions-actions", "impact",
        "priorities", "voice",
    }  # fmt: skip
    assert all(rid.startswith("wt2018.") for s in content.sections for rid in s.requirements)


def test_a_frozen_version_reads_its_snapshot_not_the_records(draft, partnership):
    write_every_section(draft)
    draft.status, draft.published_on = "published", TODAY
    draft.snapshot = content_for(draft, today=TODAY).as_json()
    draft.save()
    partnership.relevant_agencies.all().delete()
    content = content_for(draft)
    assert _blocks(content, "relevant-agencies", Table)  # as it was when frozen
    assert content == DocumentContent.from_json(draft.snapshot)


def test_the_query_count_does_not_grow_with_the_records(report, partnership):
    version = report.versions.get()

    def count():
        with CaptureQueriesContext(connection) as queries:
            content_for(version, today=TODAY)
        return len(queries)

    owner = partnership.statutory_partners.first().organisation

    def add(day):
        _incident(partnership, date(2024, 10, day), date(2024, 10, day + 1))
        recommendation = RecommendationFactory(partnership=partnership, made_on=date(2024, 10, day))
        ActionFactory(recommendation=recommendation, owner=owner)

    add(1)
    count()  # warm the caches (content types, the statute library)
    small = count()
    for day in range(2, 20):
        add(day)
    assert count() == small
