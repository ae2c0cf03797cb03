"""Writes: recording an assessment, adding and removing evidence, each with its timeline event."""

from datetime import date

import pytest

from masa.compliance import services
from masa.compliance.models import Assessment, EvidenceLink
from masa.core.errors import Conflict, InvalidInput
from masa.timeline.models import Event

from .factories import AssessmentFactory, RequirementFactory

pytestmark = pytest.mark.django_db
APRIL = date(2025, 4, 1)


@pytest.fixture
def manual(frameworks):
    return RequirementFactory(id="ca2004.manual", framework=frameworks["ca2004"])


@pytest.fixture
def derived(frameworks):
    return RequirementFactory(
        id="ca2004.scrutiny", framework=frameworks["ca2004"], derivation="scrutineer_appointed"
    )


def record(partnership, requirement, by, **overrides):
    fields = {
        "period_start": APRIL,
        "status": "met",
        "partnership_level": "  Across the partnership.  ",
        "local_authority_level": "In each area.",
    }
    return services.assessment_record(
        partnership=partnership, requirement=requirement, by=by, **{**fields, **overrides}
    )


def test_record_creates_a_financial_year_assessment(partnership, manual, editor):
    assessment = record(partnership, manual, editor)
    assert (assessment.period_start, assessment.period_end) == (APRIL, date(2026, 3, 31))
    assert assessment.partnership_level == "Across the partnership."
    assert assessment.assessed_by == editor
    event = Event.objects.get(verb="assessment.recorded")
    assert event.partnership == partnership and event.actor == editor
    assert "ca2004.manual" in event.message and "2025–26: met" in event.message
    assert assessment.history.get().history_user == editor


def test_record_again_updates_the_same_period(partnership, manual, editor):
    first = record(partnership, manual, editor)
    second = record(partnership, manual, editor, status="partly_met")
    assert first.pk == second.pk
    assert Assessment.objects.get().status == "partly_met"
    assert Event.objects.filter(verb="assessment.updated").count() == 1
    assert second.history.count() == 2


def test_record_unchanged_writes_nothing(partnership, manual, editor):
    record(partnership, manual, editor)
    record(partnership, manual, editor)
    assert Event.objects.filter(verb__startswith="assessment.").count() == 1


def test_a_period_of_another_length(partnership, manual, editor):
    assessment = record(
        partnership, manual, editor, period_start=date(2025, 1, 1), period_end=date(2025, 6, 30)
    )
    assert assessment.period_end == date(2025, 6, 30)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"status": "sort_of"}, "status", "Select whether the duty is met"),
        ({"period_start": "2025-04-01"}, "period_start", "Enter the date the reporting period"),
        ({"period_end": date(2025, 3, 1)}, "period_end", "must end on or after it starts"),
        ({"partnership_level": "x" * 10_001}, "partnership_level", "10,000 characters or fewer"),
    ],
)
def test_record_refuses_bad_input(partnership, manual, editor, overrides, field, message):
    with pytest.raises(InvalidInput) as error:
        record(partnership, manual, editor, **overrides)
    assert message in error.value.field_errors[field][0]
    assert not Assessment.objects.exists() and not Event.objects.exists()


def test_a_derived_duty_takes_narratives_but_no_status(partnership, derived, editor):
    with pytest.raises(InvalidInput, match="comes from the registry records") as error:
        record(partnership, derived, editor, status="met")
    assert "status" in error.value.field_errors
    assessment = record(partnership, derived, editor, status="not_assessed")
    assert assessment.status == "not_assessed"
    assert assessment.partnership_level == "Across the partnership."


def test_retired_and_other_edition_requirements_are_refused(partnership, frameworks, editor):
    retired = RequirementFactory(framework=frameworks["ca2004"], retired=True)
    with pytest.raises(InvalidInput, match="retired"):
        record(partnership, retired, editor)
    old = RequirementFactory(framework=frameworks["wt2018"])
    with pytest.raises(InvalidInput, match="works to Working Together 2023"):
        record(partnership, old, editor)


def test_overlapping_periods_are_refused(partnership, manual, editor):
    record(partnership, manual, editor)
    with pytest.raises(Conflict, match="already covers part of this period"):
        record(partnership, manual, editor, period_start=date(2025, 10, 1))
    record(partnership, manual, editor, period_start=date(2026, 4, 1))
    assert Assessment.objects.count() == 2


def test_evidence_link_add_and_remove(partnership, manual, editor):
    assessment = AssessmentFactory(partnership=partnership, requirement=manual)
    link = services.evidence_link_add(
        assessment=assessment, title=" Minutes ", url="https://example.org/m.pdf", by=editor
    )
    assert (link.title, link.added_by) == ("Minutes", editor)
    assert Event.objects.get(verb="evidence.added").subject_id == str(link.pk)
    services.evidence_link_remove(link=link, by=editor)
    assert not EvidenceLink.objects.exists()
    assert EvidenceLink.history.filter(history_type="-").get().history_user == editor
    assert Event.objects.get(verb="evidence.removed").partnership == partnership


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": " ", "url": "https://example.org"}, "title", "Enter a title"),
        ({"title": "Minutes"}, "url", "Enter a web address or a note"),
        ({"title": "Minutes", "url": "javascript:alert(1)"}, "url", "starting https://"),
        ({"title": "Minutes", "url": "example.org"}, "url", "starting https://"),
        ({"title": "M" * 201, "note": "x"}, "title", "200 characters"),
    ],
)
def test_evidence_link_validation(partnership, manual, editor, fields, field, message):
    assessment = AssessmentFactory(partnership=partnership, requirement=manual)
    with pytest.raises(InvalidInput) as error:
        services.evidence_link_add(assessment=assessment, by=editor, **fields)
    assert message in error.value.field_errors[field][0]
    assert not EvidenceLink.objects.exists()


def test_a_note_alone_is_evidence(partnership, manual, editor):
    assessment = AssessmentFactory(partnership=partnership, requirement=manual)
    link = services.evidence_link_add(
        assessment=assessment, title="Board minutes", note="Minute 7, 3 March 2025", by=editor
    )
    assert link.as_text == "Board minutes — Minute 7, 3 March 2025"


def test_a_duty_not_yet_in_force_takes_narratives_but_no_status(partnership, frameworks, editor):
    # CWSA 2026 s.3 (CA2004 s.16EA): commencement by regulations, not yet confirmed
    pending = RequirementFactory(
        id="ca2004.s16ea.child-protection-teams",
        framework=frameworks["ca2004"],
        commencement="awaiting_regulations",
    )
    before = Assessment.objects.count()
    with pytest.raises(InvalidInput, match="not yet in force") as error:
        record(partnership, pending, editor, status="not_met")
    assert "status" in error.value.field_errors and Assessment.objects.count() == before
    assert record(partnership, pending, editor, status="not_assessed").status == "not_assessed"
