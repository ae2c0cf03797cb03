"""The clock dashboard and `masa clocks list`: every clock of a partnership in its sections, with
its explanation; review roles only; a bounded number of queries."""

import io
import json
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from masa.accounts.models import Role
from masa.casereads.models import CaseRead
from masa.clocks.registry import ClockView, clocks_for, providers
from masa.clocks.selectors import dashboard_for
from masa.clocks.services import clock_pause
from masa.incidents.clocks import clocks_for as incident_provider
from masa.incidents.tests.factories import SeriousIncidentFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 1, 7)
URL = "/partnerships/testshire/clocks/"


@pytest.fixture
def incidents(partnership, manager):
    def make(aware, panel=None, partners=None):
        return SeriousIncidentFactory(
            partnership=partnership,
            became_aware_on=aware,
            incident_date=aware,
            panel_notified_on=panel,
            partners_notified_on=partners,
        )

    made = {
        "overdue": make(date(2025, 12, 19)),
        "this week": make(date(2026, 1, 5)),
        "met late": make(date(2025, 12, 1), date(2025, 12, 9), date(2025, 12, 10)),
        "met": make(date(2025, 11, 3), date(2025, 11, 4), date(2025, 11, 5)),
    }
    return made


def test_incidents_register_a_provider():
    assert incident_provider in providers()


def test_the_sections(partnership, incidents):
    board = dashboard_for(partnership=partnership, today=TODAY)
    subjects = lambda rows: sorted(v.subject for v in rows)  # noqa: E731
    overdue = incidents["overdue"].reference
    assert subjects(board.overdue) == [
        f"{overdue}: notification to the Panel",
        f"{overdue}: report to the safeguarding partners",
    ]
    assert {v.due for v in board.due_this_week} == {date(2026, 1, 12)}
    assert board.running == []
    assert len(board.met_late) == 2 and len(board.met) == 2 and board.total == 8
    assert all(
        isinstance(v, ClockView) and v.explanation for v in clocks_for(partnership, today=TODAY)
    )


def test_the_page_lists_each_section_with_explanations(client_as, partnership, incidents):
    response = client_as(Role.CHAIR).get("/partnerships/testshire/clocks/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    sections = {s["data-section"]: s for s in page.select("[data-section]")}
    assert list(sections) == ["overdue", "due-this-week", "running", "met-late", "met"]
    assert sections["met"].name == "details"  # collapsed
    today = timezone.localdate()
    assert today > date(
        2026, 1, 12
    )  # the page judges on the real today: everything open is overdue
    overdue_rows = sections["overdue"].select("[data-clock]")
    assert len(overdue_rows) == 4
    assert overdue_rows[0].select_one(".govuk-tag").get_text(strip=True) == "Overdue"
    assert overdue_rows[0].select_one("[data-explanation]").get_text(strip=True) == (
        "5 working days from Fri 19 Dec 2025, skipping 25 Dec and 26 Dec → Tue 30 Dec 2025"
    )
    assert (
        overdue_rows[0].a["href"] == f"/partnerships/testshire/incidents/{incidents['overdue'].pk}/"
    )


@pytest.mark.parametrize(
    "role", [Role.BUSINESS_MANAGER, Role.LEAD_PARTNER, Role.DELEGATED_PARTNER, Role.SCRUTINEER]
)
def test_review_roles_see_the_dashboard(client_as, partnership, role):
    assert client_as(role).get("/partnerships/testshire/clocks/").status_code == 200


@pytest.mark.parametrize("role", [Role.AGENCY_CONTACT, Role.VIEWER])
def test_others_do_not(client_as, partnership, role):
    assert client_as(role).get("/partnerships/testshire/clocks/").status_code == 403


@pytest.mark.parametrize("count", [5, 50])
def test_the_page_and_the_provider_run_a_bounded_number_of_queries(
    client_as, partnership, manager, count, django_assert_max_num_queries
):
    client = client_as(Role.CHAIR)
    start = date(2025, 1, 6)
    for n in range(count):
        incident = SeriousIncidentFactory(
            partnership=partnership, became_aware_on=start + timedelta(days=n), incident_date=start,
            outcome="died", looked_after_child=n % 2 == 0,
        )  # fmt: skip
        clock_pause(subject=incident, rule="wt2023.notify-panel", from_date=start + timedelta(days=n + 1),
                    to_date=start + timedelta(days=n + 2), reason="Agreed", by=manager)  # fmt: skip
    # incidents' provider, then reviews', documents' and actions' (none here)
    with django_assert_max_num_queries(2 + 2 + 1 + 1):
        views = clocks_for(partnership, today=TODAY)
    assert len(views) == count * 2 + (count + 1) // 2
    # + the notifications the rows name and the logged read of them; + actions' provider
    with django_assert_max_num_queries(8 + 2 + 1 + 1 + 2):
        response = client.get("/partnerships/testshire/clocks/")
    assert response.status_code == 200
    read = CaseRead.objects.get()
    assert (read.channel, len(read.record_ids)) == ("list", count)
    assert read.what == f"clock dashboard naming {count} case records"


def run(*args):
    out = io.StringIO()
    call_command("clocks", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_command_prints_the_json_contract(partnership, incidents):
    rows = json.loads(run("list", "testshire", "--format", "json", "--today", "2026-01-07"))
    assert len(rows) == 8
    for row in rows:
        assert set(row) == {
            "subject", "rule", "start", "due", "status", "explanation", "statutory", "basis",
            "basis_label",
        }  # fmt: skip
        assert row["statutory"] is True and row["basis_label"] == ""
    first = rows[0]
    assert first["due"] == min(r["due"] for r in rows)
    overdue = [r for r in rows if r["status"] == "overdue"]
    assert {r["rule"] for r in overdue} == {"wt2023.notify-panel", "wt2023.notify-partners"}
    assert overdue[0]["start"] == "2025-12-19" and overdue[0]["due"] == "2025-12-30"
    assert {r["status"] for r in rows} == {"overdue", "running", "met_late", "met"}


def test_the_command_defaults_to_json_and_today(partnership, incidents):
    rows = json.loads(run("list", "testshire"))
    assert {r["status"] for r in rows} == {"overdue", "met_late", "met"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "nowhere"], "No partnership with the slug 'nowhere'"),
        (["list", "testshire", "--today", "2025-02-30"], "--today: the date must be a real date"),
        (["list", "testshire", "--today", "tomorrow"], "--today"),
    ],
)
def test_the_command_refuses_a_bad_slug_or_date(partnership, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_the_command_exits_1_from_the_command_line(partnership, capsys):
    from django.core.management import execute_from_command_line

    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["masa", "clocks", "list", "nowhere"])
    assert exit_.value.code == 1
    assert "No partnership with the slug 'nowhere'" in capsys.readouterr().err


def test_a_care_leavers_death_shows_no_timescale_and_runs_no_clock(client_as, partnership):
    # WT2023 ch5: a care leaver's death goes to the Secretary of State and Ofsted, but no
    # timescale is confirmed: it is listed where the clock would be, never due or overdue.
    SeriousIncidentFactory(
        partnership=partnership, reference="SIN-CL", became_aware_on=date(2025, 12, 1),
        incident_date=date(2025, 12, 1), outcome="died", care_leaver=True,
        abuse_or_neglect="neither",
    )  # fmt: skip
    rows = json.loads(run("list", "testshire", "--today", "2026-01-07"))
    assert [(r["rule"], r["due"], r["status"]) for r in rows] == [
        ("wt2023.notification.care-leaver-death", None, "no_timescale")
    ]
    assert rows[0]["explanation"].startswith("No timescale in the guidance")
    board = dashboard_for(partnership=partnership, today=TODAY)
    assert not board.overdue and [v.rule for v in board.untimed] == [rows[0]["rule"]]
    html = BeautifulSoup(client_as(Role.BUSINESS_MANAGER).get(URL).content, "html.parser")
    section = html.select_one('[data-section="no-timescale"]')
    assert "SIN-CL" in section.get_text()
    assert "No timescale in the guidance" in section.select_one("tr[data-clock]").get_text()


def test_a_masa_default_clock_is_labelled_not_statutory(client_as, partnership):
    view = ClockView.of("Arrangements v2: copy to the Department for Education", "/x/", _clock())
    assert view.as_json()["statutory"] is False
    assert view.as_json()["basis_label"] == "MASA default, not statutory"
    from masa.clocks import registry

    registry.register(_masa_default_provider)
    try:
        html = BeautifulSoup(client_as(Role.BUSINESS_MANAGER).get(URL).content, "html.parser")
        tag = html.select_one('[data-basis="masa_default"]')
        assert tag is not None and tag.get_text() == "MASA default, not statutory"
        rows = json.loads(run("list", "testshire", "--today", "2026-01-07"))
        assert [r["statutory"] for r in rows] == [False]
    finally:
        registry._PROVIDERS.remove(_masa_default_provider)


def _clock():
    from types import SimpleNamespace

    from masa.core.clocks.engine import compute_due, status_of
    from masa.statute.loader import load_library

    due = compute_due(load_library().clocks["wt2023.arrangements-dfe-dispatch"], date(2026, 1, 5))
    return SimpleNamespace(
        rule=due.rule, due=due, done=None, status=status_of(due.due, None, TODAY)
    )


def _masa_default_provider(partnership, *, today):
    return [ClockView.of("Arrangements: copy to the Department for Education", "/x/", _clock())]


def _actions_and_checkpoints(partnership, manager, count):
    """`count` actions (every other one overdue, one done) and `count` practice reviews under way,
    each with one checkpoint held and the next one due."""
    from masa.actions.tests.factories import ActionFactory, RecommendationFactory
    from masa.actions.workflow import ActionStatus
    from masa.partnerships.selectors import partnership_organisations
    from masa.reviews import services as review_services
    from masa.reviews.tests.factories import TODAY as REVIEW_TODAY
    from masa.reviews.tests.factories import practice_to

    owner = partnership_organisations(partnership).first()
    recommendation = RecommendationFactory(partnership=partnership, reference="TS-R1")
    for n in range(count):
        ActionFactory(
            recommendation=recommendation, owner=owner, text=f"Action {n}",
            due_on=date(2025, 12, 1) if n % 2 else date(2026, 3, 1),
        )  # fmt: skip
    ActionFactory(
        recommendation=recommendation, owner=owner, text="Done already",
        due_on=date(2025, 11, 1), status=ActionStatus.IMPLEMENTED,
    )  # fmt: skip
    for _ in range(count):
        review = practice_to("in_progress", partnership, manager)
        review_services.checkpoint_record(
            review=review, by=manager, held_on=date(2026, 2, 25), progress_satisfactory=True,
            quality_satisfactory=True, today=REVIEW_TODAY,
        )  # fmt: skip


def test_open_actions_and_review_checkpoints_are_clocks(partnership, manager):
    _actions_and_checkpoints(partnership, manager, 2)
    board = dashboard_for(partnership=partnership, today=TODAY)  # Wed 7 Jan 2026
    overdue = [v for v in board.overdue if v.rule == "masa.action-due"]
    assert [v.subject for v in overdue] == ["TS-R1: action, Action 1"]
    assert overdue[0].due == date(2025, 12, 1) and "not a statutory one" in overdue[0].explanation
    # nothing here is presented as law: an action's date is agreed, a checkpoint's interval local
    assert (overdue[0].statutory, overdue[0].as_json()["basis_label"]) == (
        False,
        "Agreed date, not statutory",
    )
    running = [v.subject for v in board.running if v.rule == "masa.action-due"]
    assert running == ["TS-R1: action, Action 0"]
    assert "Done already" not in " ".join(v.subject for v in clocks_for(partnership, today=TODAY))
    # initiated Mon 12 Jan 2026, every 6 weeks: checkpoint 1 due Mon 23 Feb, held Wed 25 Feb
    # (late); checkpoint 2 due Mon 6 Apr 2026
    later = dashboard_for(partnership=partnership, today=date(2026, 4, 7))
    checkpoints = [v for v in later.overdue if v.rule == "si2018-789.reg14.monitor-time-quality"]
    assert len(checkpoints) == 2 and {v.due for v in checkpoints} == {date(2026, 4, 6)}
    assert all("checkpoint 2" in v.subject for v in checkpoints)
    assert "every 6 weeks" in checkpoints[0].explanation
    assert {(v.statutory, v.basis_label) for v in checkpoints} == {
        (False, "Local default, not statutory")
    }
    held = [v for v in later.met_late if "checkpoint 1" in v.subject]
    assert len(held) == 2 and held[0].done == date(2026, 2, 25)


def test_the_page_shows_overdue_actions_and_checkpoints(client_as, partnership, manager):
    _actions_and_checkpoints(partnership, manager, 1)
    page = BeautifulSoup(
        client_as(Role.BUSINESS_MANAGER).get("/partnerships/testshire/clocks/").content,
        "html.parser",
    )
    overdue = page.select_one("[data-section=overdue]").get_text(" ", strip=True)
    # the page judges on the real today, after every date above
    assert "TS-R1: action, Action 0" in overdue
    assert "progress and quality checkpoint 2" in overdue
    assert "Agreed date, not statutory" in overdue and "Local default, not statutory" in overdue


@pytest.mark.parametrize("count", [2, 20])
def test_actions_and_checkpoints_do_not_add_queries_per_row(
    client_as, partnership, manager, count, django_assert_max_num_queries
):
    _actions_and_checkpoints(partnership, manager, count)
    client = client_as(Role.CHAIR)
    # incidents' 2 (no cases), reviews' 2 + 2 practice-review prefetches + settings + events,
    # documents' 1, actions' 1
    with django_assert_max_num_queries(2 + 6 + 1 + 1):
        views = clocks_for(partnership, today=TODAY)
    assert len([v for v in views if v.rule == "masa.action-due"]) == count
    # + the reviews the rows name and the logged read of them
    with django_assert_max_num_queries(8 + 6 + 1 + 1 + 2):
        assert client.get("/partnerships/testshire/clocks/").status_code == 200
