"""Two people editing the same section or the same version's details: the second save is refused
with what the first saved, and nothing is overwritten."""

from datetime import date

import pytest

from masa.core.errors import StaleRecord
from masa.core.tests.edit_forms import form_in, open_form, stale_summary
from masa.documents import services
from masa.documents.models import Section
from masa.timeline.models import Event

pytestmark = pytest.mark.django_db


def section_url(draft, key="funding"):
    return details_url(draft).replace("/details/", f"/sections/{key}/")


def details_url(draft):
    document = draft.document
    slug = document.partnership.slug
    return f"/partnerships/{slug}/documents/{document.pk}/versions/{draft.number}/details/"


def test_two_section_saves_from_one_version_the_second_is_refused(draft, editor, colleague):
    services.section_update(version=draft, key="funding", narrative="First", by=editor)
    section = Section.objects.get()
    opened = section.edit_version
    services.section_update(
        version=draft, key="funding", narrative="Theirs", by=colleague, expected_version=opened
    )
    events = Event.objects.count()
    with pytest.raises(StaleRecord) as refused:
        services.section_update(
            version=draft, key="funding", narrative="Mine", by=editor, expected_version=opened
        )
    section.refresh_from_db()
    assert (section.narrative, section.edit_version) == ("Theirs", opened + 1)
    assert Event.objects.count() == events
    [change] = refused.value.changes
    assert (change.field, change.theirs, change.yours) == ("narrative", "Theirs", "Mine")


def test_two_people_write_a_new_section_the_second_is_refused(draft, editor, colleague):
    services.section_update(
        version=draft, key="funding", narrative="Theirs", by=colleague, expected_version=0
    )
    with pytest.raises(StaleRecord):
        services.section_update(
            version=draft, key="funding", narrative="Mine", by=editor, expected_version=0
        )
    assert Section.objects.get().narrative == "Theirs"


def test_two_details_saves_from_one_version_the_second_is_refused(draft, editor, colleague):
    opened = draft.version
    services.version_details_update(
        version=draft, title="Their title", by=colleague, expected_version=opened
    )
    with pytest.raises(StaleRecord) as refused:
        services.version_details_update(
            version=draft, title="My title", effective_from=date(2025, 10, 1), by=editor,
            expected_version=opened,
        )  # fmt: skip
    draft.refresh_from_db()
    assert (draft.title, draft.effective_from) == ("Their title", None)
    assert [c.field for c in refused.value.changes] == ["title"]


def test_two_people_submit_the_section_form(draft, editor_client, colleague_client):
    url = section_url(draft)
    theirs, mine = open_form(colleague_client, url), open_form(editor_client, url)
    theirs["narrative"] = "Each partner pays a third."
    assert colleague_client.post(url, theirs).status_code == 302
    mine["narrative"] = "The council pays everything."
    response = editor_client.post(url, mine)
    headline, listed = stale_summary(response)
    assert headline.startswith("Someone else changed this record since you opened it: Casey")
    assert listed == [
        "Text: Casey Colleague saved “Each partner pays a third.”; "
        "you were about to save “The council pays everything.”"
    ]
    assert Section.objects.get().narrative == "Each partner pays a third."
    again = form_in(response)
    assert again["expected_version"] == "1"
    assert again["narrative"] == "The council pays everything."  # your entry, to reconcile


def test_two_people_submit_the_details_form(draft, editor_client, colleague_client):
    url = details_url(draft)
    theirs, mine = open_form(colleague_client, url), open_form(editor_client, url)
    theirs["title"] = "Their title"
    assert colleague_client.post(url, theirs).status_code == 302
    mine["change_summary"] = "New chair"
    response = editor_client.post(url, mine)
    headline, listed = stale_summary(response)
    assert "Casey Colleague" in headline
    assert listed == ["Title: Casey Colleague saved “Their title”; you were about to save “"
                      + mine["title"] + "”"]  # fmt: skip
    draft.refresh_from_db()
    assert (draft.title, draft.change_summary) == ("Their title", "")
    again = form_in(response)
    assert (again["title"], again["change_summary"]) == ("Their title", "New chair")
    assert editor_client.post(url, again).status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.change_summary) == ("Their title", "New chair")
