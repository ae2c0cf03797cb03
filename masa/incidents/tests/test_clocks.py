"""The notification clocks as tables of real dates across Christmas and Easter (WT2018 ch4 /
WT2023 ch5: 5 working days from becoming aware; England and Wales bank holidays skipped)."""

from datetime import date

import pytest

from masa.clocks.models import ClockEvent
from masa.incidents.clocks import incident_clocks, rule_ids
from masa.incidents.models import SeriousIncident

# became aware -> due (5 working days), for the Panel and the partners alike
FIVE_WORKING_DAYS = [
    (date(2025, 6, 2), date(2025, 6, 9)),  # Mon -> Mon, no holiday
    (date(2025, 6, 7), date(2025, 6, 13)),  # a Saturday: the next working day counts first
    (date(2025, 12, 19), date(2025, 12, 30)),  # Fri, skipping 25, 26 Dec
    (date(2024, 12, 23), date(2025, 1, 2)),  # skipping 25, 26 Dec and 1 Jan
    (date(2025, 4, 17), date(2025, 4, 28)),  # Maundy Thu, skipping Good Friday, Easter Monday
    (date(2026, 4, 1), date(2026, 4, 10)),  # Easter 2026: 3 and 6 Apr
    (date(2025, 5, 2), date(2025, 5, 12)),  # early May bank holiday, 5 May
]


def incident(aware: date, **fields) -> SeriousIncident:
    return SeriousIncident(
        pk=1,
        reference="SIN-T",
        became_aware_on=aware,
        incident_date=aware,
        outcome=fields.pop("outcome", "seriously_harmed"),
        **fields,
    )


def clocks(item, *, guidance="wt2023", today=date(2025, 1, 1), events=None):
    return {
        c.rule.split(".")[1]: c
        for c in incident_clocks(item, guidance=guidance, today=today, events=events or {})
    }


@pytest.mark.parametrize("guidance", ["wt2018", "wt2023"])
@pytest.mark.parametrize(("aware", "due"), FIVE_WORKING_DAYS)
def test_panel_and_partners_are_due_five_working_days_after_becoming_aware(aware, due, guidance):
    found = clocks(incident(aware), guidance=guidance)
    assert set(found) == {"notify-panel", "notify-partners"}
    for clock in found.values():
        assert clock.rule.startswith(f"{guidance}.")
        assert clock.due.due == due
        assert clock.due.explanation.startswith("5 working days from ")


def test_the_explanation_names_the_skipped_bank_holidays():
    clock = clocks(incident(date(2025, 12, 19)))["notify-panel"]
    assert (
        clock.due.explanation
        == "5 working days from Fri 19 Dec 2025, skipping 25 Dec and 26 Dec → Tue 30 Dec 2025"
    )


AWARE, DUE = date(2025, 12, 19), date(2025, 12, 30)
STATUS = [
    # sent to the Panel, today -> status
    (date(2025, 12, 22), date(2026, 3, 1), "met"),
    (DUE, date(2026, 3, 1), "met"),
    (date(2025, 12, 31), date(2026, 3, 1), "met_late"),
    (None, DUE, "running"),
    (None, date(2025, 12, 24), "running"),
    (None, date(2025, 12, 31), "overdue"),
]


@pytest.mark.parametrize(("sent", "today", "status"), STATUS)
def test_each_clock_is_met_met_late_running_or_overdue(sent, today, status):
    item = incident(AWARE, panel_notified_on=sent, partners_notified_on=sent)
    for clock in clocks(item, today=today).values():
        assert clock.status == status
        assert clock.done == sent


SOS_OFSTED = [
    # guidance, outcome, looked after, care leaver -> the SoS and Ofsted clock applies
    ("wt2023", "died", True, False, True),
    ("wt2018", "died", True, False, True),
    ("wt2023", "died", False, True, False),  # WT2023 ch5: care leavers, but no timescale
    ("wt2018", "died", False, True, False),  # not in WT2018
    ("wt2023", "seriously_harmed", True, False, False),
    ("wt2023", "died", False, False, False),
]


@pytest.mark.parametrize(("guidance", "outcome", "lac", "leaver", "applies"), SOS_OFSTED)
def test_the_secretary_of_state_and_ofsted_clock_only_for_a_lac_or_care_leaver_death(
    guidance, outcome, lac, leaver, applies
):
    item = incident(date(2025, 12, 19), outcome=outcome, looked_after_child=lac, care_leaver=leaver)
    rules = [rule for rule, _field, _what in rule_ids(item, guidance)]
    assert (f"{guidance}.lac-death-notify" in rules) is applies
    if applies:
        assert clocks(item, guidance=guidance)["lac-death-notify"].due.due == date(2025, 12, 30)


def test_a_recorded_pause_moves_the_due_date_and_says_so():
    pause = ClockEvent(
        kind="pause", from_date=date(2025, 12, 22), to_date=date(2025, 12, 23), reason="x"
    )
    clock = clocks(incident(AWARE), events={(1, "wt2023.notify-panel"): [pause]})
    # 22, 23 Dec paused: 24, 29, 30, 31 Dec and 2 Jan count (25, 26 Dec and 1 Jan are holidays)
    assert clock["notify-panel"].due.due == date(2026, 1, 2)
    assert "clock paused 22 Dec–23 Dec (2 working days)" in clock["notify-panel"].due.explanation
    assert clock["notify-partners"].due.due == DUE  # a pause stops one clock only


def test_an_extension_adds_working_days_after_the_due_date():
    extension = ClockEvent(kind="extension", days=3, reason="x")
    clock = clocks(incident(AWARE), events={(1, "wt2023.notify-partners"): [extension]})
    assert clock["notify-partners"].due.due == date(2026, 1, 5)  # 31 Dec, 2 Jan, 5 Jan
    assert clock["notify-partners"].due.explanation.endswith(
        "extended by 3 working days → Mon 5 Jan 2026"
    )


def test_a_looked_after_childs_death_without_abuse_or_neglect_runs_only_its_own_clock():
    # WT2018 ch4 / WT2023 ch5: notified whether or not abuse or neglect is suspected; the Panel
    # is notified only where it is known or suspected (CA2004 s.16C(1)).
    item = incident(
        date(2025, 12, 19), outcome="died", looked_after_child=True, abuse_or_neglect="neither"
    )
    found = clocks(item)
    assert set(found) == {"lac-death-notify"}
    assert found["lac-death-notify"].due.due == date(2025, 12, 30)


@pytest.mark.parametrize("guidance", ["wt2023"])
def test_a_care_leavers_death_has_no_timescale_and_no_clock(guidance):
    item = incident(
        date(2025, 12, 19), outcome="died", care_leaver=True, abuse_or_neglect="neither"
    )
    [entry] = incident_clocks(item, guidance=guidance, today=date(2026, 6, 1), events={})
    assert entry.rule == "wt2023.notification.care-leaver-death"
    assert entry.due is None and entry.status == "no_timescale"
    assert entry.explanation.startswith("No timescale in the guidance")
    assert rule_ids(item, guidance) == []  # nothing to pause or extend
