"""`masa clocks remind`: the right people are told of clocks coming due and overdue, once per
clock, due date and lead time; a moved due date is told again; the settings page; GOV.UK Notify."""

import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail import EmailMessage, get_connection
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from masa.accounts.models import Role
from masa.clocks.models import Reminder, ReminderSettings
from masa.clocks.notify import NotifyEmailBackend
from masa.clocks.services import clock_extend
from masa.incidents.tests.factories import SeriousIncidentFactory
from masa.partnerships.tests.factories import MembershipFactory, UserFactory
from masa.timeline.models import Event

pytestmark = pytest.mark.django_db
TODAY = date(2026, 1, 7)  # a Wednesday


def person(partnership, role, name, *, email=True, active=True):
    user = UserFactory(username=name, email=f"{name}@example.org" if email else "")
    MembershipFactory(user=user, partnership=partnership, role=role, is_active=active)
    return user


@pytest.fixture
def people(partnership):
    return {
        "manager": person(partnership, Role.BUSINESS_MANAGER, "bm"),
        "chair": person(partnership, Role.CHAIR, "chair"),
        "viewer": person(partnership, Role.VIEWER, "viewer"),
        "no email": person(partnership, Role.BUSINESS_MANAGER, "noemail", email=False),
        "left": person(partnership, Role.BUSINESS_MANAGER, "left", active=False),
    }


@pytest.fixture
def incidents(partnership):
    def make(aware):
        return SeriousIncidentFactory(
            partnership=partnership, became_aware_on=aware, incident_date=aware
        )

    # Each has two 5-working-day clocks (Panel, partners) from the day the LA became aware.
    return {
        "in 5 days": make(date(2026, 1, 5)),  # due Mon 12 Jan
        "in 1 day": make(date(2025, 12, 31)),  # due Thu 8 Jan (1 Jan a bank holiday)
        "overdue": make(date(2025, 12, 19)),  # due Tue 30 Dec
        "not yet": make(date(2026, 1, 7)),  # due Wed 14 Jan: 7 days out, no reminder
    }


def remind(*args):
    out = io.StringIO()
    call_command("clocks", "remind", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def sent():
    return sorted(
        (r.recipient.username, r.subject_key.rsplit("/", 2)[-2], r.due.isoformat(), r.lead)
        for r in Reminder.objects.select_related("recipient")
    )


def test_clocks_due_in_5_and_1_days_and_overdue_go_to_the_right_roles(
    partnership, people, incidents
):
    remind("--today", TODAY.isoformat())
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["bm@example.org", "chair@example.org"]
    leads = {(user, lead) for user, _, _, lead in sent()}
    assert leads == {("bm", "5"), ("bm", "1"), ("bm", "overdue"), ("chair", "overdue")}
    assert Reminder.objects.filter(recipient=people["manager"]).count() == 6
    assert Reminder.objects.filter(recipient=people["chair"]).count() == 2
    assert {r.due for r in Reminder.objects.all()} == {
        date(2026, 1, 12),
        date(2026, 1, 8),
        date(2025, 12, 30),
    }

    body = by_address["bm@example.org"].body
    assert by_address["bm@example.org"].subject.endswith("6 statutory clocks due or overdue")
    for key in ("in 5 days", "in 1 day", "overdue"):
        assert f"{incidents[key].reference}: notification to the Panel" in body
        assert f"/partnerships/testshire/incidents/{incidents[key].pk}/" in body
    assert incidents["not yet"].reference not in body
    assert "5 working days from Fri 19 Dec 2025, skipping 25 Dec and 26 Dec" in body
    assert "Rule: wt2023.notify-partners" in body
    chair = by_address["chair@example.org"].body
    assert incidents["overdue"].reference in chair and incidents["in 1 day"].reference not in chair
    assert Event.objects.filter(verb="clock.reminders_sent", partnership=partnership).count() == 1


def test_a_second_run_sends_nothing_twice(partnership, people, incidents):
    remind("--today", TODAY.isoformat())
    outbox, rows = len(mail.outbox), sent()
    assert remind("--today", TODAY.isoformat()) == ""
    assert len(mail.outbox) == outbox and sent() == rows
    # The next day the clock due in 1 day is due today: still within its "1" lead, sent already.
    remind("--today", "2026-01-08")
    assert len(mail.outbox) == outbox
    assert Event.objects.filter(verb="clock.reminders_sent").count() == 1


def test_a_day_the_scheduler_missed_is_caught_up(partnership, people, incidents):
    remind("--today", "2026-01-09")  # Fri: the Mon 12 Jan clocks are 3 days out, in the "5" lead
    assert ("bm", str(incidents["in 5 days"].pk), "2026-01-12", "5") in sent()


def test_a_moved_due_date_gets_a_new_reminder(partnership, people, incidents):
    remind("--today", TODAY.isoformat())
    before = len(mail.outbox)
    clock_extend(
        subject=incidents["in 5 days"],
        rule="wt2023.notify-panel",
        days=1,
        reason="Fictional: waiting for the police report",
        by=people["manager"],
    )
    remind("--today", "2026-01-08")  # Thu: the Panel clock now due Tue 13 Jan, 5 days out
    assert len(mail.outbox) == before + 1
    assert mail.outbox[-1].to == ["bm@example.org"]
    assert "Due: Tue 13 Jan 2026" in mail.outbox[-1].body
    assert mail.outbox[-1].subject.endswith("1 statutory clock due or overdue")
    assert ("bm", str(incidents["in 5 days"].pk), "2026-01-13", "5") in sent()


def test_a_dry_run_writes_and_sends_nothing(partnership, people, incidents):
    out = remind("--today", TODAY.isoformat(), "--dry-run")
    assert "testshire: would send 6 to bm@example.org" in out
    assert "testshire: would send 2 to chair@example.org" in out
    assert mail.outbox == [] and not Reminder.objects.exists()
    assert not Event.objects.filter(verb="clock.reminders_sent").exists()


def test_no_recipients_no_reminders(partnership, incidents):
    person(partnership, Role.BUSINESS_MANAGER, "noemail", email=False)
    person(partnership, Role.VIEWER, "viewer")
    remind("--today", TODAY.isoformat())
    assert mail.outbox == [] and not Reminder.objects.exists()
    assert not Event.objects.filter(verb="clock.reminders_sent").exists()


def test_the_partnership_chooses_leads_and_roles(partnership, people, incidents):
    ReminderSettings.objects.create(
        partnership=partnership,
        lead_days="3",
        send_overdue=False,
        roles=["chair"],
        overdue_roles=[],
    )
    remind("--today", TODAY.isoformat())
    assert {(u, lead) for u, _, _, lead in sent()} == {("chair", "3")}
    assert [m.to for m in mail.outbox] == [["chair@example.org"]]
    assert "notification to the Panel" in mail.outbox[0].body


@pytest.mark.parametrize(
    "today", ["2026-02-30", "tomorrow", "07/01/2026", "0001-01-01", "9999-12-31"]
)
def test_a_bad_today_exits_1(partnership, today):
    with pytest.raises(CommandError, match="--today: the date must be"):
        remind("--today", today)
    with pytest.raises(CommandError, match="--today: the date must be"):
        call_command("clocks", "list", partnership.slug, "--today", today, stdout=io.StringIO())


@override_settings(
    EMAIL_BACKEND="masa.clocks.notify.NotifyEmailBackend",
    MASA_NOTIFY_API_KEY="",
    MASA_NOTIFY_TEMPLATE_ID="",
)
def test_a_failed_send_rolls_back_its_rows_so_the_next_run_retries(partnership, people, incidents):
    with pytest.raises(CommandError, match="2 reminder email"):
        remind("--today", TODAY.isoformat())
    assert not Reminder.objects.exists()
    assert not Event.objects.filter(verb="clock.reminders_sent").exists()


# The settings page


URL = "/partnerships/testshire/clocks/reminders/"


def test_the_settings_page_shows_the_defaults(manager_client):
    response = manager_client.get(URL)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("input[name=lead_days]")["value"] == "5,1"
    checked = {(i["name"], i["value"]) for i in page.select("input[type=checkbox][checked]")}
    assert checked == {
        ("roles", "business_manager"),
        ("send_overdue", "on"),
        ("overdue_roles", "business_manager"),
        ("overdue_roles", "chair"),
    }


def test_the_settings_page_saves(manager_client, partnership):
    response = manager_client.post(
        URL,
        {"lead_days": " 1, 10 ,3", "roles": ["business_manager", "chair"], "send_overdue": ""},
    )
    assert response.status_code == 302
    saved = ReminderSettings.objects.get(partnership=partnership)
    assert (saved.lead_days, saved.leads, saved.send_overdue) == ("10,3,1", [10, 3, 1], False)
    assert saved.roles == ["business_manager", "chair"]
    assert Event.objects.filter(verb="clock.reminder_settings_updated").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"lead_days": "soon", "roles": ["chair"]}, "Enter days before the due date"),
        ({"lead_days": "5,-1", "roles": ["chair"]}, "Enter days before the due date"),
        ({"lead_days": "999", "roles": ["chair"]}, "Enter days before the due date"),
        ({"lead_days": "", "roles": ["chair"]}, "Enter days before the due date"),
        ({"lead_days": "5", "roles": ["king"]}, "Select roles from the list"),
        ({"lead_days": "5"}, "Select at least one role to remind"),
        (
            {"lead_days": "5", "roles": ["chair"], "send_overdue": "on"},
            "Select at least one role to tell when a clock is overdue",
        ),
        ({"lead_days": "5" * 500, "roles": ["chair"]}, "60 characters"),
    ],
)
def test_the_settings_page_refuses_garbage(manager_client, partnership, data, message):
    response = manager_client.post(URL, data)
    assert response.status_code == 200
    summary = BeautifulSoup(response.content, "html.parser").select_one(".govuk-error-summary")
    assert message in summary.get_text()
    assert not ReminderSettings.objects.filter(partnership=partnership).exists()


@pytest.mark.parametrize("role", [Role.CHAIR, Role.VIEWER])
def test_only_business_managers_change_the_settings(client_as, role):
    assert client_as(role).get(URL).status_code == 403


# GOV.UK Notify


class FakeNotify:
    def __init__(self, fail=False):
        self.calls, self.fail = [], fail

    def send_email_notification(self, *, email_address, template_id, personalisation):
        if self.fail:
            raise RuntimeError("Notify said no")
        self.calls.append((email_address, template_id, personalisation))


@override_settings(MASA_NOTIFY_TEMPLATE_ID="tmpl-1")
def test_notify_sends_each_recipient_the_subject_and_body():
    client = FakeNotify()
    backend = get_connection("masa.clocks.notify.NotifyEmailBackend", client=client)
    message = EmailMessage(
        "Clocks due", "Line one\nLine two", to=["a@example.org", "b@example.org"]
    )
    assert backend.send_messages([message]) == 1
    assert client.calls == [
        ("a@example.org", "tmpl-1", {"subject": "Clocks due", "body": "Line one\nLine two"}),
        ("b@example.org", "tmpl-1", {"subject": "Clocks due", "body": "Line one\nLine two"}),
    ]


def test_notify_failures_raise_unless_silent():
    message = EmailMessage("s", "b", to=["a@example.org"])
    with pytest.raises(RuntimeError, match="Notify said no"):
        NotifyEmailBackend(client=FakeNotify(fail=True)).send_messages([message])
    assert (
        NotifyEmailBackend(fail_silently=True, client=FakeNotify(fail=True)).send_messages(
            [message]
        )
        == 0
    )


@override_settings(MASA_NOTIFY_API_KEY="", MASA_NOTIFY_TEMPLATE_ID="")
def test_notify_without_a_key_is_a_configuration_error():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="MASA_NOTIFY_API_KEY"):
        NotifyEmailBackend().send_messages([EmailMessage("s", "b", to=["a@example.org"])])


def test_an_appointed_reviewer_is_reminded_of_their_own_review_only(partnership, people):
    from masa.reviews.tests.factories import practice_to

    # WT2023 sets no period: the partnership keeps WT2018's 6 months as its local default
    partnership.practice_review_six_months = True
    partnership.save()
    reviewer = person(partnership, Role.REVIEWER, "reviewer")
    other = person(partnership, Role.REVIEWER, "other-reviewer")
    mine = practice_to("in_progress", partnership, people["manager"], user=reviewer)
    practice_to("in_progress", partnership, people["manager"], user=None)
    # initiated Mon 12 Jan 2026: six months runs to Sun 12 Jul 2026; five days ahead is 7 Jul
    remind("--today", "2026-07-07")
    letters = {m.to[0]: m.body for m in mail.outbox}
    assert "other-reviewer@example.org" not in letters
    body = letters["reviewer@example.org"]
    assert f"{mine.reference}: published within 6 months" in body
    assert "[Local default, not statutory]" in body
    assert body.count("Rule: ") == 1  # the partnership's other clocks are not the reviewer's
    assert other.pk not in {r.recipient_id for r in Reminder.objects.all()}
    # the review is the reviewer's only while appointed
    mine.appointments.update(removed_on=date(2026, 7, 8))
    mail.outbox.clear()
    remind("--today", "2026-07-11")
    assert "reviewer@example.org" not in {m.to[0] for m in mail.outbox}


def test_a_reminder_labels_a_masa_default_clock_not_statutory(partnership):
    from masa.clocks.registry import ClockView
    from masa.clocks.selectors import ReminderItem, ReminderLetter
    from masa.clocks.services import reminder_email
    from masa.core.clocks.engine import ClockStatus
    from masa.core.clocks.rules import Basis

    def view(basis):
        return ClockView(
            subject=f"Arrangements v2: {basis}", subject_url="/x/", rule="r",
            start=date(2026, 1, 5), due=date(2026, 1, 12), done=None,
            status=ClockStatus.RUNNING, explanation="7 days", basis=basis,
        )  # fmt: skip

    recipient = UserFactory(email="bm@example.org")
    letter = ReminderLetter(
        recipient,
        (ReminderItem(view(Basis.MASA_DEFAULT), "5"), ReminderItem(view(Basis.STATUTORY), "5")),
    )
    body = reminder_email(letter, partnership=partnership, today=date(2026, 1, 7)).body
    assert "Arrangements v2: masa_default [MASA default, not statutory]" in body
    assert "Arrangements v2: statutory\n" in body
