"""The notification services against the database: what they write, and every refusal writing
nothing."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction

from masa.casereads.models import CaseRead
from masa.core.errors import InvalidInput, TransitionNotAllowed
from masa.geography.tests.factories import LocalAuthorityFactory
from masa.incidents.models import IncidentChild, SeriousIncident
from masa.incidents.services import (
    incident_record,
    incident_transition,
    incident_update,
    notification_record,
)
from masa.timeline.models import Event

from .factories import TODAY, notification

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(SeriousIncident.objects.values()),
        list(IncidentChild.objects.values()),
        Event.objects.count(),
    )


def record(partnership, la, manager, **overrides):
    return incident_record(
        partnership=partnership, by=manager, today=TODAY, **notification(la, **overrides)
    )


def test_record_numbers_per_partnership_and_year_and_writes_children_and_an_event(
    partnership, la, manager
):
    first = record(partnership, la, manager)
    second = record(
        partnership,
        la,
        manager,
        children=[
            {"pseudonymous_ref": f"TS-25-0002-{letter}", "age_years": None, "sex": None}
            for letter in "ABCD"
        ],
    )
    assert (first.reference, second.reference) == ("SIN-2025-001", "SIN-2025-002")
    assert first.status == "draft" and first.created_by == manager
    assert [c.position for c in second.children.all()] == [1, 2, 3, 4]
    event = Event.objects.filter(verb="incident.recorded").first()
    assert event.partnership == partnership and "SIN-2025-002" in event.message


def test_a_notification_recorded_with_the_panel_date_is_notified(partnership, la, manager):
    incident = record(partnership, la, manager, panel_notified_on=date(2025, 6, 5))
    assert incident.status == "notified"


FUTURE = TODAY + timedelta(days=1)
BAD = {
    "became aware after the Panel date": (
        {"panel_notified_on": date(2025, 6, 1)},
        "panel_notified_on",
        "on or after the date the local authority became aware",
    ),
    "became aware after the partners date": (
        {"partners_notified_on": date(2025, 5, 30)},
        "partners_notified_on",
        "on or after",
    ),
    "incident date in the future": (
        {"incident_date": FUTURE, "became_aware_on": FUTURE},
        "incident_date",
        "today or in the past",
    ),
    "became aware in the future": ({"became_aware_on": FUTURE}, "became_aware_on", "in the past"),
    "sent date in the future": (
        {"partners_notified_on": FUTURE},
        "partners_notified_on",
        "in the past",
    ),
    "incident after becoming aware": (
        {"incident_date": date(2025, 6, 3)},
        "incident_date",
        "on or before the date the local authority became aware",
    ),
    "a fifth child": (
        {"children": [{"pseudonymous_ref": f"TS-25-1-{n}"} for n in "ABCDE"]},
        "children",
        "at most 4 children",
    ),
    "no child": ({"children": []}, "children", "at least one child"),
    "a name as a child reference": (
        {"children": [{"pseudonymous_ref": "Jane Smith"}]},
        "child_1_ref",
        "a reference, not a name",
    ),
    "a bare word as a child reference": (
        {"children": [{"pseudonymous_ref": "Tommy"}]},
        "child_1_ref",
        "not a name",
    ),
    "the same child twice": (
        {"children": [{"pseudonymous_ref": "TS-1"}, {"pseudonymous_ref": "ts-1"}]},
        "child_2_ref",
        "already listed",
    ),
    "age over 24": (
        {"children": [{"pseudonymous_ref": "TS-1", "age_years": 25}]},
        "child_1_age",
        "0 to 24",
    ),
    "no summary": ({"summary": "  "}, "summary", "Enter a short summary"),
    "an area not the partnership's": ({"local_authority": None}, "local_authority", "Select"),
    "SoS and Ofsted date without a LAC death": (
        {"sos_ofsted_notified_on": date(2025, 6, 3)},
        "sos_ofsted_notified_on",
        "only of the death of a looked-after child or care leaver",
    ),
    "looked after and a care leaver": (
        {"looked_after_child": True, "care_leaver": True},
        "care_leaver",
        "both looked after and a care leaver",
    ),
    "an unknown outcome": ({"outcome": "injured"}, "outcome", "died or was seriously harmed"),
}


@pytest.mark.parametrize(("overrides", "field", "message"), BAD.values(), ids=BAD.keys())
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(
    partnership, la, manager, overrides, field, message
):
    before = snapshot()
    with pytest.raises(InvalidInput) as refused:
        record(partnership, la, manager, **overrides)
    assert message in refused.value.field_errors[field][0]
    assert snapshot() == before


def test_a_local_authority_outside_the_partnership_is_refused(partnership, manager):
    other = LocalAuthorityFactory()
    with pytest.raises(InvalidInput, match="is not one of"):
        record(partnership, other, manager)
    assert not SeriousIncident.objects.exists()


def test_the_database_refuses_a_fifth_child_and_a_sixth_position(partnership, la, manager):
    incident = record(partnership, la, manager)
    for position in (2, 3, 4):
        IncidentChild.objects.create(
            incident=incident, position=position, pseudonymous_ref=f"X-{position}"
        )
    for position in (1, 5):
        with pytest.raises(IntegrityError), transaction.atomic():
            IncidentChild.objects.create(
                incident=incident, position=position, pseudonymous_ref="X-5"
            )


def test_a_lac_death_takes_the_sos_and_ofsted_date(partnership, la, manager):
    incident = record(
        partnership, la, manager, outcome="died", looked_after_child=True,
        sos_ofsted_notified_on=date(2025, 6, 4),
    )  # fmt: skip
    assert incident.sos_ofsted_notified_on == date(2025, 6, 4)


def test_notification_record_sets_the_date_and_moves_a_draft_to_notified(partnership, la, manager):
    incident = record(partnership, la, manager)
    notification_record(
        incident=incident, which="partners", on=date(2025, 6, 3), by=manager, today=TODAY
    )
    assert incident.status == "draft"
    notification_record(
        incident=incident, which="panel", on=date(2025, 6, 10), by=manager, today=TODAY
    )
    incident.refresh_from_db()
    assert (incident.partners_notified_on, incident.panel_notified_on) == (
        date(2025, 6, 3),
        date(2025, 6, 10),
    )
    assert incident.status == "notified"
    assert Event.objects.filter(verb="incident.notification_recorded").count() == 2


@pytest.mark.parametrize(
    ("which", "on", "message"),
    [
        ("panel", date(2025, 6, 1), "on or after"),
        ("panel", TODAY + timedelta(days=1), "in the past"),
        ("sos_ofsted", date(2025, 6, 3), "only of the death"),
        ("ofsted", date(2025, 6, 3), "Choose who was notified"),
        ("panel", "yesterday", "Enter the date the Panel was notified"),
    ],
)
def test_notification_record_refusals_write_nothing(partnership, la, manager, which, on, message):
    incident = record(partnership, la, manager)
    before = snapshot()
    with pytest.raises(InvalidInput, match=message):
        notification_record(incident=incident, which=which, on=on, by=manager, today=TODAY)
    assert snapshot() == before


def test_update_rechecks_the_whole_record(partnership, la, manager):
    incident = record(partnership, la, manager, panel_notified_on=date(2025, 6, 5))
    incident_update(incident=incident, by=manager, today=TODAY, summary="Fictional: changed")
    assert SeriousIncident.objects.get().summary == "Fictional: changed"
    before = snapshot()
    with pytest.raises(InvalidInput, match="on or after"):
        incident_update(
            incident=incident, by=manager, today=TODAY, became_aware_on=date(2025, 6, 6)
        )
    incident.refresh_from_db()
    assert snapshot() == before


def test_transitions_in_order_and_out_of_order(partnership, la, manager):
    incident = record(partnership, la, manager)
    with pytest.raises(InvalidInput, match="Record the date the Panel was notified first"):
        incident_transition(incident=incident, to="notified", by=manager)
    with pytest.raises(TransitionNotAllowed):
        incident_transition(incident=incident, to="closed", by=manager)
    notification_record(
        incident=incident, which="panel", on=date(2025, 6, 5), by=manager, today=TODAY
    )
    incident_transition(incident=incident, to="closed", by=manager)
    before = snapshot()
    for target in ("draft", "notified", "closed"):
        with pytest.raises(TransitionNotAllowed):
            incident_transition(incident=SeriousIncident.objects.get(), to=target, by=manager)
    with pytest.raises(InvalidInput, match="is closed"):
        notification_record(incident=incident, which="partners", on=date(2025, 6, 5), by=manager)
    assert snapshot() == before
    assert not CaseRead.objects.exists()


def test_a_looked_after_childs_death_is_accepted_without_abuse_or_neglect(partnership, la, manager):
    incident = record(
        partnership, la, manager, abuse_or_neglect="neither", outcome="died",
        looked_after_child=True, sos_ofsted_notified_on=date(2025, 6, 3),
    )  # fmt: skip
    assert incident.abuse_or_neglect == "neither" and not incident.serious_incident
    assert incident.status == "notified"  # the Secretary of State and Ofsted have it


@pytest.mark.parametrize(
    "overrides",
    [
        {"abuse_or_neglect": "neither"},  # serious harm: s.16C(1) needs abuse or neglect
        {"abuse_or_neglect": "neither", "outcome": "died"},  # not looked after
    ],
)
def test_neither_is_refused_unless_a_looked_after_child_or_care_leaver_died(
    partnership, la, manager, overrides
):
    before = snapshot()
    with pytest.raises(InvalidInput) as refused:
        record(partnership, la, manager, **overrides)
    assert "abuse_or_neglect" in refused.value.field_errors
    assert "s.16C(1)" in refused.value.field_errors["abuse_or_neglect"][0]
    assert snapshot() == before
