"""Two people editing the same assessment: the second save is refused and nothing is overwritten."""

from datetime import date

import pytest

from masa.compliance import services
from masa.compliance.models import Assessment
from masa.core.errors import StaleRecord
from masa.core.tests.edit_forms import form_in, open_form, stale_summary
from masa.timeline.models import Event

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db
APRIL = date(2025, 4, 1)
URL = "/partnerships/testshire/compliance/ca2004.manual/?at=2025-06-02"
FORM = "form[data-form=assess]"


def save(partnership, requirement, by, version, status, narrative):
    return services.assessment_record(
        partnership=partnership,
        requirement=requirement,
        period_start=APRIL,
        status=status,
        partnership_level=narrative,
        local_authority_level="",
        by=by,
        expected_version=version,
    )


def test_two_saves_from_one_version_the_second_is_refused(partnership, library, editor, colleague):
    assessment = AssessmentFactory(
        partnership=partnership, requirement=library["manual"], period_start=APRIL, status="met"
    )
    opened = assessment.version
    save(partnership, library["manual"], colleague, opened, "partly_met", "Theirs")
    events = Event.objects.count()
    with pytest.raises(StaleRecord) as refused:
        save(partnership, library["manual"], editor, opened, "not_met", "Mine")
    assessment.refresh_from_db()
    assert (assessment.status, assessment.partnership_level) == ("partly_met", "Theirs")
    assert assessment.version == opened + 1
    assert Event.objects.count() == events
    changes = {c.field: (c.theirs, c.yours) for c in refused.value.changes}
    assert changes == {"status": ("Partly met", "Not met"), "partnership_level": ("Theirs", "Mine")}
    assert refused.value.changed_by == "Casey Colleague"


def test_the_second_creator_of_an_assessment_is_refused(partnership, library, editor, colleague):
    save(partnership, library["manual"], colleague, 0, "met", "Theirs")
    with pytest.raises(StaleRecord):
        save(partnership, library["manual"], editor, 0, "not_met", "Mine")
    assert Assessment.objects.get().status == "met"


def test_a_save_without_the_form_version_is_refused_clearly(partnership, library, editor):
    AssessmentFactory(partnership=partnership, requirement=library["manual"], period_start=APRIL)
    with pytest.raises(Exception) as refused:
        save(partnership, library["manual"], editor, "", "not_met", "Mine")
    assert "open the record again" in refused.value.message
    assert Assessment.objects.get().status == "met"


def test_two_people_submit_the_form_the_second_sees_what_changed(
    partnership, library, editor_client, colleague_client
):
    AssessmentFactory(
        partnership=partnership,
        requirement=library["manual"],
        period_start=APRIL,
        status="met",
        partnership_level="As agreed",
        local_authority_level="Each LA",
    )
    theirs = open_form(colleague_client, URL, FORM)
    mine = open_form(editor_client, URL, FORM)
    assert mine["expected_version"] == "1"
    theirs.update(status="partly_met", local_authority_level="Only one LA so far")
    assert colleague_client.post(URL, theirs).status_code == 302
    mine.update(status="not_met")
    response = editor_client.post(URL, mine)
    headline, listed = stale_summary(response)
    assert headline.startswith("Someone else changed this record since you opened it")
    assert "Casey Colleague" in headline
    assert listed == [
        "Is the duty met?: Casey Colleague saved “Partly met”; you were about to save “Not met”",
        "At local-authority level: Casey Colleague saved “Only one LA so far”; "
        "you were about to save “Each LA”",
    ]
    saved = Assessment.objects.get()
    assert (saved.status, saved.local_authority_level) == ("partly_met", "Only one LA so far")
    # The form comes back at the newer version: your status, their untouched-by-you text.
    again = form_in(response, FORM)
    assert again["expected_version"] == "2"
    assert again["status"] == "not_met"
    assert again["local_authority_level"] == "Only one LA so far"
    assert editor_client.post(URL, again).status_code == 302
    saved.refresh_from_db()
    assert (saved.status, saved.local_authority_level, saved.version) == (
        "not_met",
        "Only one LA so far",
        3,
    )
