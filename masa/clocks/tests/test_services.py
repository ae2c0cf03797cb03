"""Pauses and extensions are events with a reason; no service edits a due date."""

from datetime import date

import pytest

from masa.clocks.models import ClockEvent
from masa.clocks.services import clock_extend, clock_pause
from masa.core.errors import InvalidInput
from masa.incidents.clocks import incident_clocks
from masa.incidents.tests.factories import SeriousIncidentFactory
from masa.timeline.models import Event

pytestmark = pytest.mark.django_db
RULE = "wt2023.notify-panel"


@pytest.fixture
def incident(partnership):
    return SeriousIncidentFactory(partnership=partnership, became_aware_on=date(2025, 12, 19))


def due(incident):
    return {
        c.rule: c.due.due
        for c in incident_clocks(incident, guidance="wt2023", today=date(2026, 1, 1))
    }


def test_a_pause_is_an_event_and_the_due_date_is_recomputed(incident, manager):
    assert due(incident)[RULE] == date(2025, 12, 30)
    event = clock_pause(
        subject=incident, rule=RULE, from_date=date(2025, 12, 22), to_date=date(2025, 12, 23),
        reason="  Agreed with the Panel  ", by=manager,
    )  # fmt: skip
    assert (event.kind, event.reason, event.by, event.partnership) == (
        "pause",
        "Agreed with the Panel",
        manager,
        incident.partnership,
    )
    assert due(incident)[RULE] == date(2026, 1, 2)
    assert Event.objects.get(verb="clock.paused").partnership == incident.partnership


def test_an_extension_is_an_event_too(incident, manager):
    clock_extend(subject=incident, rule=RULE, days=3, reason="Agreed", by=manager)
    assert due(incident)[RULE] == date(2026, 1, 5)
    assert due(incident)["wt2023.notify-partners"] == date(2025, 12, 30)
    assert Event.objects.filter(verb="clock.extended").count() == 1


BAD_PAUSES = {
    "no reason": ({"reason": "   "}, "reason"),
    "unknown rule": ({"rule": "wt1999.none"}, "rule"),
    "a 'before' rule": ({"rule": "si2018-789.reg16.copies-before-publication"}, "rule"),
    "ends before it starts": ({"to_date": date(2025, 12, 21)}, "to_date"),
    "not a date": ({"from_date": "soon"}, "from_date"),
    "reason too long": ({"reason": "x" * 2001}, "reason"),
}


@pytest.mark.parametrize(("change", "field"), BAD_PAUSES.values(), ids=BAD_PAUSES.keys())
def test_bad_pauses_are_refused_and_nothing_written(incident, manager, change, field):
    arguments = {"subject": incident, "rule": RULE, "from_date": date(2025, 12, 22),
                 "to_date": date(2025, 12, 23), "reason": "Agreed", "by": manager, **change}  # fmt: skip
    if field == "rule" and change["rule"].startswith("si2018"):
        from masa.statute.loader import load_library

        before_rules = [r for r in load_library().clocks.values() if r.before]
        if not before_rules:
            pytest.skip("no 'before' rule in the library")
        arguments["rule"] = before_rules[0].id
    with pytest.raises(InvalidInput) as refused:
        clock_pause(**arguments)
    assert field in refused.value.field_errors
    assert not ClockEvent.objects.exists() and not Event.objects.exists()


@pytest.mark.parametrize("days", [0, -1, 366, "3", True, None])
def test_bad_extensions_are_refused(incident, manager, days):
    with pytest.raises(InvalidInput, match="from 1 to 365"):
        clock_extend(subject=incident, rule=RULE, days=days, reason="Agreed", by=manager)
    with pytest.raises(InvalidInput, match="Enter the reason"):
        clock_extend(subject=incident, rule=RULE, days=2, reason="", by=manager)
    assert not ClockEvent.objects.exists() and not Event.objects.exists()
