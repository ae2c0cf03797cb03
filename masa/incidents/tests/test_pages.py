"""Notification pages on parsed HTML: who may see and change them, each clock with its tag and
explanation, every view logged, and garbage to every form giving the error summary."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from masa.accounts.models import Role
from masa.casereads.models import CaseRead
from masa.clocks.models import ClockEvent
from masa.incidents.models import IncidentChild, SeriousIncident
from masa.incidents.services import incident_record
from masa.partnerships.tests.factories import UserFactory
from masa.timeline.models import Event

from .factories import TODAY, notification

pytestmark = pytest.mark.django_db

READERS = [
    Role.BUSINESS_MANAGER,
    Role.LEAD_PARTNER,
    Role.DELEGATED_PARTNER,
    Role.CHAIR,
    Role.SCRUTINEER,
]
NOT_READERS = [Role.AGENCY_CONTACT, Role.VIEWER, Role.REVIEWER]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def incident(partnership, la, manager):
    return incident_record(
        partnership=partnership,
        by=manager,
        today=date(2026, 3, 1),
        **notification(la, became_aware_on=date(2025, 12, 19), incident_date=date(2025, 12, 18),
                       panel_notified_on=date(2025, 12, 31)),
    )  # fmt: skip


def pages(incident):
    base = "/partnerships/testshire/incidents"
    return [f"{base}/", f"{base}/{incident.pk}/", f"{base}/{incident.pk}/history/"]


def forms(incident):
    base = "/partnerships/testshire/incidents"
    return [
        f"{base}/add/",
        f"{base}/{incident.pk}/edit/",
        f"{base}/{incident.pk}/sent/panel/",
        f"{base}/{incident.pk}/sent/partners/",
        f"{base}/{incident.pk}/status/",
        f"{base}/{incident.pk}/clocks/pause/",
        f"{base}/{incident.pk}/clocks/extend/",
    ]


@pytest.mark.parametrize("role", READERS)
def test_review_roles_and_the_scrutineer_read_case_records(client_as, incident, role):
    client = client_as(role)
    for path in pages(incident):
        response = client.get(path)
        assert response.status_code == 200, path
    can_edit = role == Role.BUSINESS_MANAGER
    detail = soup(client.get(pages(incident)[1]))
    assert bool(detail.select("a[href$='/sent/panel/']")) is can_edit
    for path in forms(incident):
        assert (client.get(path).status_code == 200) is can_edit, path


@pytest.mark.parametrize("role", NOT_READERS)
def test_other_members_get_the_explanation_page(client_as, incident, role):
    client = client_as(role)
    for path in pages(incident) + forms(incident) + ["/partnerships/testshire/clocks/"]:
        response = client.get(path)
        assert response.status_code == 403, path
        assert soup(response).h1.get_text(strip=True) == "You do not have access to this page"
    assert not CaseRead.objects.exists()


def test_strangers_get_403_and_anonymous_visitors_sign_in(incident):
    stranger = Client()
    stranger.force_login(UserFactory(username="stranger"))
    assert stranger.get(pages(incident)[1]).status_code == 403
    assert Client().get(pages(incident)[1]).status_code == 302


def test_the_detail_page_shows_each_clock_and_logs_the_view(client_as, incident):
    client = client_as(Role.SCRUTINEER)
    page = soup(client.get(f"/partnerships/testshire/incidents/{incident.pk}/"))
    rows = {row["data-rule"]: row for row in page.select("[data-clocks] tr[data-rule]")}
    assert set(rows) == {"wt2023.notify-panel", "wt2023.notify-partners"}
    panel = rows["wt2023.notify-panel"]
    assert panel.select_one(".govuk-tag").get_text(strip=True) == "Met late"
    assert panel.select_one("[data-explanation]").get_text(strip=True) == (
        "5 working days from Fri 19 Dec 2025, skipping 25 Dec and 26 Dec → Tue 30 Dec 2025"
    )
    assert "Tue 30 Dec 2025" in panel.get_text()
    assert rows["wt2023.notify-partners"].select_one(".govuk-tag").get_text(strip=True) == "Overdue"
    assert page.select_one("[data-children]").get_text().count("TS-25-0001-A") == 1
    assert not page.select("[data-actions]")  # read only
    read = CaseRead.objects.get()
    assert (read.reader.username, read.record_ids, read.channel) == (
        "scrutineer",
        [incident.pk],
        "page",
    )
    assert read.what == f"notification {incident.reference}"
    client.get(f"/partnerships/testshire/incidents/{incident.pk}/history/")
    assert CaseRead.objects.count() == 2


def test_the_manager_sees_only_the_allowed_actions(manager_client, incident):
    page = soup(manager_client.get(f"/partnerships/testshire/incidents/{incident.pk}/"))
    assert [a.get_text(strip=True) for a in page.select("[data-actions] a")] == ["Close"]
    form = soup(manager_client.get(f"/partnerships/testshire/incidents/{incident.pk}/status/"))
    assert [i["value"] for i in form.select("input[name=to]")] == ["closed"]


def test_the_list_filters_by_status_and_year(manager_client, partnership, la, manager, incident):
    incident_record(partnership=partnership, by=manager, today=TODAY, **notification(la))

    def refs(query):
        page = soup(manager_client.get(f"/partnerships/testshire/incidents/{query}"))
        return [a.get_text(strip=True) for a in page.select("[data-incidents] tbody a")]

    assert refs("") == ["SIN-2025-001", "SIN-2025-002"]
    assert refs("?status=draft") == ["SIN-2025-002"]
    assert refs("?year=2025&status=notified") == ["SIN-2025-001"]
    assert refs("?year=1999") == ["SIN-2025-001", "SIN-2025-002"]  # not a year on file: ignored
    # one logged read per list page shown, naming what it listed
    assert [r.what for r in CaseRead.objects.order_by("id")] == [
        "list of 2 notifications",
        "list of 1 notification",
        "list of 1 notification",
        "list of 2 notifications",
    ]


def test_recording_a_notification_through_the_form(manager_client, la):
    response = manager_client.post(
        "/partnerships/testshire/incidents/add/",
        {
            "local_authority": la.pk,
            "incident_date_0": "18", "incident_date_1": "12", "incident_date_2": "2025",
            "became_aware_on_0": "19", "became_aware_on_1": "12", "became_aware_on_2": "2025",
            "abuse_or_neglect": "suspected", "outcome": "died", "where": "in_area",
            "looked_after_child": "on", "summary": "Fictional: a death",
            "child_1_ref": "Child A", "child_1_age": "15", "child_1_sex": "male",
            "child_2_ref": "TS-25-0009-B",
        },
    )  # fmt: skip
    incident = SeriousIncident.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{incident.pk}/")
    assert [c.pseudonymous_ref for c in incident.children.all()] == ["Child A", "TS-25-0009-B"]
    page = soup(manager_client.get(response["Location"]))
    assert len(page.select("[data-clocks] tr[data-rule]")) == 3  # and the SoS/Ofsted clock


def test_recording_dates_status_and_clock_events_through_the_forms(manager_client, incident):
    base = f"/partnerships/testshire/incidents/{incident.pk}"
    date_of = {"on_0": "22", "on_1": "12", "on_2": "2025"}
    assert manager_client.post(f"{base}/sent/partners/", date_of).status_code == 302
    pause = {"rule": "wt2023.notify-partners", "reason": "Agreed", "from_date_0": "22",
             "from_date_1": "12", "from_date_2": "2025", "to_date_0": "23", "to_date_1": "12",
             "to_date_2": "2025"}  # fmt: skip
    assert manager_client.post(f"{base}/clocks/pause/", pause).status_code == 302
    extend = {"rule": "wt2023.notify-panel", "days": "2", "reason": "Agreed with the Panel"}
    assert manager_client.post(f"{base}/clocks/extend/", extend).status_code == 302
    assert manager_client.post(f"{base}/status/", {"to": "closed"}).status_code == 302
    incident.refresh_from_db()
    assert incident.status == "closed" and incident.partners_notified_on == date(2025, 12, 22)
    assert ClockEvent.objects.count() == 2
    page = soup(manager_client.get(f"{base}/"))
    assert len(page.select("[data-clock-event]")) == 2
    assert {
        r.select_one(".govuk-tag").get_text(strip=True) for r in page.select("tr[data-rule]")
    } == {"Met"}
    assert not page.select("[data-actions]") and not page.select("a[href$='/sent/panel/']")
    history = soup(manager_client.get(f"{base}/history/")).select("[data-events] li")
    assert len(history) == 5  # recorded, partners date, pause, extension, closed: newest first
    assert "closed" in history[0].get_text()
    assert manager_client.get(f"{base}/status/").status_code == 404  # nothing left to do


def test_an_unknown_notification_or_recipient_is_404(manager_client, incident):
    assert manager_client.get("/partnerships/testshire/incidents/999/").status_code == 404
    assert (
        manager_client.get(
            f"/partnerships/testshire/incidents/{incident.pk}/sent/ofsted/"
        ).status_code
        == 404
    )


def _dates(prefix, day, month, year):
    return {f"{prefix}_0": day, f"{prefix}_1": month, f"{prefix}_2": year}


GARBAGE = {
    "local_authority": "nowhere",
    "abuse_or_neglect": "maybe",
    "outcome": "fine",
    "where": "mars",
    "summary": "x" * 600,
    "other_areas_informed": "x" * 3000,
    "child_1_ref": "Jane Smith",
    "child_1_age": "-3",
    "child_2_age": "abc",
    "child_1_sex": "robot",
    "to": "published",
    "rule": "wt1999.nothing",
    "days": "0",
    "reason": "",
    **_dates("incident_date", "aa", "bb", "cc"),
    **_dates("became_aware_on", "31", "2", "2025"),
    **_dates("panel_notified_on", "1", "", "2025"),
    **_dates("on", "99", "99", "99"),
    **_dates("from_date", "31", "2", "2025"),
    **_dates("to_date", "", "4", ""),
}
FUTURE = {
    "local_authority": "", "abuse_or_neglect": "known", "outcome": "died", "where": "in_area",
    "summary": "ok", "child_1_ref": "Child A", "to": "closed", "rule": "wt2023.notify-panel",
    "days": "0", "reason": "ok",
    **_dates("incident_date", "1", "1", "2099"), **_dates("became_aware_on", "1", "1", "2099"),
    **_dates("on", "1", "1", "2099"), **_dates("from_date", "2", "1", "2026"),
    **_dates("to_date", "1", "1", "2026"),
}  # fmt: skip
PAYLOADS = {"empty": {}, "garbage": GARBAGE, "refused by the service": FUTURE}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_garbage_to_every_form_shows_the_error_summary_and_writes_nothing(
    manager_client, incident, payload
):
    incident.status = "draft"
    incident.save()

    def counts():
        return [m.objects.count() for m in (SeriousIncident, IncidentChild, ClockEvent, Event)]

    before, state = counts(), list(SeriousIncident.objects.values())
    for path in forms(incident):
        if payload is FUTURE and path.endswith("/status/"):
            continue  # closing a draft: refused below by the transition table
        response = manager_client.post(path, payload)
        assert response.status_code == 200, path
        page = soup(response)
        summary = page.select_one(".govuk-error-summary")
        assert summary is not None and summary.select("li"), path
        assert page.title.get_text().startswith("Error: "), path
    response = manager_client.post(forms(incident)[4], {"to": "closed"})
    assert response.status_code == 200 and soup(response).select_one(".govuk-error-summary")
    assert counts() == before and list(SeriousIncident.objects.values()) == state


def test_staff_read_and_change_without_a_membership(incident):
    operator = UserFactory(username="operator", is_staff=True)
    client = Client()
    client.force_login(operator)
    for path in pages(incident) + forms(incident):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_and_detail_pages_run_a_bounded_number_of_queries(
    manager_client, partnership, la, manager, count, django_assert_max_num_queries
):
    for n in range(count):
        incident = incident_record(
            partnership=partnership, by=manager, today=TODAY,
            **notification(la, children=[{"pseudonymous_ref": f"TS-{n}-{c}"} for c in "AB"]),
        )  # fmt: skip
    with django_assert_max_num_queries(10):
        response = manager_client.get("/partnerships/testshire/incidents/")
    assert len(soup(response).select("[data-incidents] tbody tr")) == count
    with django_assert_max_num_queries(12):
        response = manager_client.get(f"/partnerships/testshire/incidents/{incident.pk}/")
    assert response.status_code == 200


def test_changing_a_notification_through_the_form(manager_client, incident, la):
    path = f"/partnerships/testshire/incidents/{incident.pk}/edit/"
    form = soup(manager_client.get(path))
    assert form.select_one("#id_summary").get_text() == "Fictional: serious harm"
    assert not form.select("[name=child_1_ref]")  # children are recorded with the notification
    data = {
        "local_authority": la.pk,
        "incident_date_0": "18", "incident_date_1": "12", "incident_date_2": "2025",
        "became_aware_on_0": "19", "became_aware_on_1": "12", "became_aware_on_2": "2025",
        "abuse_or_neglect": "known", "outcome": "seriously_harmed", "where": "in_area",
        "panel_notified_on_0": "30", "panel_notified_on_1": "12", "panel_notified_on_2": "2025",
        "summary": "Fictional: changed", "expected_version": "1",
    }  # fmt: skip
    assert manager_client.post(path, data).status_code == 302
    incident.refresh_from_db()
    assert (incident.summary, incident.panel_notified_on) == (
        "Fictional: changed",
        date(2025, 12, 30),
    )
    assert Event.objects.filter(verb="incident.updated").count() == 1


@pytest.mark.django_db
def test_records_menu_links_case_pages_only_for_those_who_may_open_them(client):
    from masa.accounts.models import Membership, Role, User
    from masa.partnerships.models import Partnership

    partnership = Partnership.objects.create(name="Menu test", slug="menu-test")
    for role, shown in (
        (Role.BUSINESS_MANAGER, True),
        (Role.SCRUTINEER, True),
        (Role.VIEWER, False),
    ):
        user = User.objects.create_user(f"u-{role}", password="x")
        Membership.objects.create(user=user, partnership=partnership, role=role)
        client.force_login(user)
        html = client.get(f"/partnerships/{partnership.slug}/").content.decode()
        assert ("/partnerships/menu-test/incidents/" in html) is shown, role
        assert ("/partnerships/menu-test/clocks/" in html) is shown, role


@pytest.mark.parametrize(
    ("looked_after", "care_leaver", "rules", "due"),
    [
        # WT2023 ch5: a looked-after child's death, no abuse or neglect: its own 5-day clock only
        ("on", "", ["wt2023.lac-death-notify"], "Tue 23 Dec 2025"),
        # a care leaver's death: no timescale confirmed, so no clock runs
        ("", "on", ["wt2023.notification.care-leaver-death"], "No timescale in the guidance"),
    ],
)
def test_the_form_accepts_a_death_without_abuse_or_neglect(
    manager_client, la, looked_after, care_leaver, rules, due
):
    response = manager_client.post(
        "/partnerships/testshire/incidents/add/",
        {
            "local_authority": la.pk,
            "incident_date_0": "15", "incident_date_1": "12", "incident_date_2": "2025",
            "became_aware_on_0": "16", "became_aware_on_1": "12", "became_aware_on_2": "2025",
            "abuse_or_neglect": "neither", "outcome": "died", "where": "in_area",
            "looked_after_child": looked_after, "care_leaver": care_leaver,
            "summary": "Fictional: a death", "child_1_ref": "Child A",
        },
    )  # fmt: skip
    assert response.status_code == 302
    page = soup(manager_client.get(response["Location"]))
    assert [tr["data-rule"] for tr in page.select("[data-clocks] tr[data-rule]")] == rules
    assert page.select_one("[data-clocks] [data-due]").get_text(strip=True) == due
