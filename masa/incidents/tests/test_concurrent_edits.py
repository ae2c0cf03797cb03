"""Two people changing the same serious incident notification: the second save is refused with
what the first saved, and nothing is overwritten."""

from datetime import date

import pytest

from masa.core.errors import StaleRecord
from masa.core.tests.edit_forms import form_in, open_form, stale_summary
from masa.incidents.models import SeriousIncident
from masa.incidents.services import incident_update
from masa.timeline.models import Event

from .test_pages import incident  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def test_two_saves_from_one_version_the_second_is_refused(incident, manager, colleague):  # noqa: F811
    opened = incident.version
    incident_update(incident=incident, by=colleague, expected_version=opened,
                    summary="Fictional: theirs", today=date(2026, 3, 1))  # fmt: skip
    events = Event.objects.count()
    with pytest.raises(StaleRecord) as refused:
        incident_update(
            incident=SeriousIncident.objects.get(pk=incident.pk), by=manager,
            expected_version=opened, summary="Fictional: mine", today=date(2026, 3, 1),
        )  # fmt: skip
    incident.refresh_from_db()
    assert (incident.summary, incident.version) == ("Fictional: theirs", opened + 1)
    assert Event.objects.count() == events
    assert [(c.field, c.theirs, c.yours) for c in refused.value.changes] == [
        ("summary", "Fictional: theirs", "Fictional: mine")
    ]


def test_two_people_submit_the_notification_form(incident, manager_client, colleague_client):  # noqa: F811
    path = f"/partnerships/testshire/incidents/{incident.pk}/edit/"
    theirs, mine = open_form(colleague_client, path), open_form(manager_client, path)
    theirs["other_areas_informed"] = "Northshire, where the child was placed"
    assert colleague_client.post(path, theirs).status_code == 302
    mine.update(other_areas_informed="None", summary="Fictional: mine")
    response = manager_client.post(path, mine)
    headline, listed = stale_summary(response)
    assert headline.startswith("Someone else changed this record since you opened it: Casey")
    assert listed == [
        "Other areas' partners informed: Casey Colleague saved “Northshire, where the child was "
        "placed”; you were about to save “None”"
    ]
    incident.refresh_from_db()
    assert (incident.other_areas_informed, incident.summary) == (
        "Northshire, where the child was placed",
        "Fictional: serious harm",
    )
    again = form_in(response)
    assert (again["expected_version"], again["summary"]) == ("2", "Fictional: mine")


def test_a_date_recorded_as_sent_is_not_undone_by_an_edit_form_opened_before(
    incident,  # noqa: F811
    manager_client,
    colleague,
):
    from masa.incidents.services import notification_record

    path = f"/partnerships/testshire/incidents/{incident.pk}/edit/"
    mine = open_form(manager_client, path)
    assert mine["partners_notified_on_0"] == ""
    notification_record(incident=incident, which="partners", on=date(2026, 1, 5), by=colleague,
                        today=date(2026, 3, 1))  # fmt: skip
    mine["summary"] = "Fictional: mine"
    headline, listed = stale_summary(manager_client.post(path, mine))
    assert headline.startswith("Someone else changed this record since you opened it")
    assert any("5 January 2026" in line for line in listed)
    incident.refresh_from_db()
    assert (incident.partners_notified_on, incident.summary) == (
        date(2026, 1, 5),
        "Fictional: serious harm",
    )
