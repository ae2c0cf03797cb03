"""The log of case record reads: one row per request for each channel, none for a 404 or a 403,
append-only in the service and the admin, and its page for the business manager and scrutineer."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.sites import site
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from masa.accounts.models import Role
from masa.api.services import api_token_create
from masa.partnerships.tests.factories import UserFactory

from ..models import CaseRead, CaseReadLocked
from ..services import case_read_record
from .conftest import EVERYONE, OUTSIDER, STAFF

pytestmark = pytest.mark.django_db
BASE = "/partnerships/testshire"
API = "/api/v1/partnerships/testshire/notifications/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def superuser_client() -> Client:
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


# (path, channel, record type, what); {i} the notification's id, {p} the practice review's
CHANNELS = [
    ("/incidents/{i}/", "page", "notification", "notification SIN-2025-001"),
    ("/incidents/{i}/history/", "page", "notification", "history of notification SIN-2025-001"),
    ("/incidents/", "list", "notification", "list of 1 notification"),
    ("/reviews/", "list", "review", "list of 0 rapid and 1 practice reviews"),
    ("/reviews/practice/{p}/", "page", "practice review", "practice review LCSPR-2026-01"),
    ("/clocks/", "list", "case record", "clock dashboard naming 2 case records"),
    ("/incidents/export.csv", "export", "notification", "CSV of 1 notification"),
    (
        "/compliance/?at=2026-03-31",
        "page",
        "case record",
        "compliance matrix naming 1 case record",
    ),
    (
        "/compliance/wt.notify-panel/?at=2026-03-31",
        "page",
        "case record",
        "compliance row wt.notify-panel naming 1 case record",
    ),
    (
        "/compliance/export/?format=csv&at=2026-03-31",
        "export",
        "case record",
        "compliance matrix naming 1 case record",
    ),
    ("/history/", "list", "case event", "history listing 6 events about cases"),
]


@pytest.mark.parametrize(("path", "channel", "record_type", "what"), CHANNELS)
def test_each_read_writes_one_row_naming_reader_partnership_what_and_channel(
    client_for, cases, people, path, channel, record_type, what
):
    url = BASE + path.format(i=cases["incident"].pk, p=cases["review"].pk)
    before = timezone.now()
    assert client_for(Role.SCRUTINEER).get(url).status_code == 200
    read = CaseRead.objects.get()
    assert read.reader == people[Role.SCRUTINEER]
    assert read.partnership.slug == "testshire"
    assert (read.channel, read.record_type, read.what) == (channel, record_type, what)
    assert read.path in (url, "") and before <= read.at <= timezone.now()
    assert read.path or "/reviews/" in url  # review pages log no path


def test_the_compliance_command_shows_full_detail_and_logs_the_export(cases):
    out = io.StringIO()
    call_command("compliance", "testshire", "--format", "json", "--at", "2026-03-31", stdout=out)
    row = next(
        r for r in json.loads(out.getvalue())["rows"] if r["requirement"] == "wt.notify-panel"
    )
    assert any("SIN-2025-001" in reason for reason in row["reasons"])
    read = CaseRead.objects.get()
    assert (read.reader, read.reader_label, read.channel) == (
        None,
        "Operator (masa compliance)",
        "export",
    )
    assert read.references == ["SIN-2025-001"]
    assert read.path == "masa compliance testshire --format json --at 2026-03-31"


def test_the_api_logs_its_list_and_detail_reads(client_for, cases, people):
    _token, key = api_token_create(
        partnership=cases["incident"].partnership, name="=Case system", by=people[STAFF]
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get(API).status_code == 200
    assert client.get(API + "SIN-2025-001/").status_code == 200
    reads = list(CaseRead.objects.order_by("id"))
    assert [(r.channel, r.what, r.references) for r in reads] == [
        ("api", "list of 1 notification", ["SIN-2025-001"]),
        ("api", "notification SIN-2025-001", ["SIN-2025-001"]),
    ]
    assert all(r.reader is None and r.reader_label == "API token =Case system" for r in reads)


def test_admin_list_and_change_pages_are_logged(cases):
    client = superuser_client()
    incident = cases["incident"]
    assert client.get("/operators/admin/incidents/seriousincident/").status_code == 200
    url = f"/operators/admin/incidents/seriousincident/{incident.pk}/change/"
    assert client.get(url).status_code == 200
    review = f"/operators/admin/reviews/practicereview/{cases['review'].pk}/change/"
    assert client.get(review).status_code == 200
    assert client.get(url.replace("/change/", "/history/")).status_code == 200
    reads = list(CaseRead.objects.order_by("id"))
    assert [(r.channel, r.reader.username, r.what) for r in reads] == [
        ("admin", "root", "admin list of 1 notification"),
        ("admin", "root", "notification SIN-2025-001"),
        ("admin", "root", "practice review LCSPR-2026-01"),
        ("admin", "root", "history of notification SIN-2025-001"),
    ]


NOT_FOUND = ["/incidents/999999/", "/incidents/999999/history/", "/reviews/practice/999999/",
             "/reviews/rapid/999999/", "/compliance/no.such.duty/"]  # fmt: skip


@pytest.mark.parametrize("path", NOT_FOUND)
def test_a_404_writes_no_read(client_for, cases, path):
    assert client_for(Role.BUSINESS_MANAGER).get(BASE + path).status_code == 404
    assert not CaseRead.objects.exists()


def test_404s_through_the_api_and_the_admin_write_no_read(client_for, cases):
    assert client_for(Role.CHAIR).get(API + "SIN-1999-001/").status_code == 404
    assert client_for(Role.CHAIR).get(API + "?page=99").status_code == 404
    admin = superuser_client().get("/operators/admin/incidents/seriousincident/999999/change/")
    assert admin.status_code == 302  # the admin's "doesn't exist" redirect
    assert not CaseRead.objects.exists()


@pytest.mark.parametrize("role", [Role.AGENCY_CONTACT, Role.VIEWER, Role.REVIEWER, OUTSIDER])
def test_a_403_writes_no_read(client_for, cases, role):
    client = client_for(role)
    for path in [
        "/incidents/",
        "/incidents/{i}/",
        "/reviews/",
        "/clocks/",
        "/incidents/export.csv",
    ]:
        assert client.get(BASE + path.format(i=cases["incident"].pk)).status_code == 403, path
    assert client.get(API).status_code == 403
    assert not CaseRead.objects.exists()


def test_pages_without_case_detail_write_no_read(client_for, cases):
    """A viewer's matrix and history carry counts only: nothing to log."""
    client = client_for(Role.VIEWER)
    for path in ["/", "/history/", "/compliance/?at=2026-03-31", "/compliance/wt.notify-panel/"]:
        assert client.get(BASE + path).status_code == 200
    assert not CaseRead.objects.exists()


# --- append-only ---------------------------------------------------------------------------


@pytest.fixture
def read(cases, people):
    return case_read_record(
        by=people[Role.CHAIR],
        partnership=cases["incident"].partnership,
        channel="page",
        record_type="notification",
        records=[cases["incident"]],
    )


def test_the_service_refuses_to_change_or_delete_a_read(read):
    read.what = "nothing"
    with pytest.raises(CaseReadLocked):
        read.save()
    with pytest.raises(CaseReadLocked):
        read.delete()
    with pytest.raises(CaseReadLocked):
        CaseRead.objects.filter(pk=read.pk).update(what="nothing")
    with pytest.raises(CaseReadLocked):
        CaseRead.objects.all().delete()
    with pytest.raises(CaseReadLocked):
        CaseRead.objects.bulk_update([read], ["what"])
    assert CaseRead.objects.get().what == "notification SIN-2025-001"


def test_the_admin_is_read_only_even_for_superusers(read):
    root = UserFactory(username="root2", is_staff=True, is_superuser=True)
    request = RequestFactory().get("/")
    request.user = root
    model_admin = site._registry[CaseRead]
    assert model_admin.has_view_permission(request, read)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, read)
    assert not model_admin.has_delete_permission(request, read)
    assert not model_admin.get_actions(request)
    client = Client()
    client.force_login(root)
    base = "/operators/admin/casereads/caseread/"
    assert client.get(base).status_code == 200
    page = soup(client.get(f"{base}{read.pk}/change/"))
    assert not page.select("input[type=submit]") and not page.select("a.deletelink")
    assert client.get(f"{base}add/").status_code == 403
    assert client.post(f"{base}{read.pk}/change/", {"what": "x"}).status_code == 403
    assert client.post(f"{base}{read.pk}/delete/", {"post": "yes"}).status_code == 403
    assert CaseRead.objects.get().what == "notification SIN-2025-001"


# --- the log page --------------------------------------------------------------------------

LOG_ACCESS = {role: 403 for role in EVERYONE} | {
    Role.BUSINESS_MANAGER: 200,
    Role.SCRUTINEER: 200,
    STAFF: 200,
}


@pytest.mark.parametrize(("role", "status"), LOG_ACCESS.items())
def test_the_log_page_is_for_the_business_manager_the_scrutineer_and_staff(
    client_for, read, role, status
):
    client = client_for(role)
    assert client.get(f"{BASE}/case-reads/").status_code == status
    assert client.get(f"{BASE}/case-reads/export.csv").status_code == status
    assert CaseRead.objects.count() == 1  # reading the log is not a read of a case
    nav = soup(client.get(f"{BASE}/priorities/"))
    offered = bool(nav.select("a[href='/partnerships/testshire/case-reads/']"))
    assert offered is (status == 200 and role != OUTSIDER)


def test_the_log_page_shows_who_read_what_when(client_for, read, people):
    page = soup(client_for(Role.SCRUTINEER).get(f"{BASE}/case-reads/"))
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in page.select("[data-reads] tbody tr")
    ]
    when = timezone.localtime(read.at).strftime("%-d %b %Y, %H:%M")
    assert rows == [[when, str(people[Role.CHAIR]), "notification SIN-2025-001", "Page"]]


@pytest.fixture
def many_reads(cases, people):
    incident = cases["incident"]
    for n in range(60):
        reader = people[Role.CHAIR] if n % 2 else people[Role.LEAD_PARTNER]
        row = case_read_record(
            by=reader, partnership=incident.partnership, channel="page",
            record_type="notification", records=[incident], what=f"read {n}",
        )  # fmt: skip
        # spread over 60 days (the log itself can only be appended to)
        CaseRead.objects.bulk_create(
            [CaseRead(at=timezone.now() - timedelta(days=n), reader=reader,
                      reader_label=row.reader_label, partnership=incident.partnership,
                      channel="list", record_type="notification", what=f"dated {n}")]
        )  # fmt: skip
    return people


def test_the_log_filters_by_person_and_date_and_pages(client_for, many_reads):
    client = client_for(Role.BUSINESS_MANAGER)
    first = soup(client.get(f"{BASE}/case-reads/"))
    assert first.select_one("[data-reads] caption").get_text(strip=True) == "120 reads"
    assert len(first.select("[data-reads] tbody tr")) == 50
    older = first.select_one("a[rel=next]")["href"]
    assert len(soup(client.get(f"{BASE}/case-reads/{older}")).select("[data-reads] tbody tr")) == 50
    chair = many_reads[Role.CHAIR].pk
    mine = soup(client.get(f"{BASE}/case-reads/?reader={chair}"))
    assert mine.select_one("[data-reads] caption").get_text(strip=True) == "60 reads"
    assert {
        td.get_text(strip=True) for td in mine.select("[data-reads] tbody tr td:nth-of-type(2)")
    } == {"Chair Person"}
    day = timezone.localdate() - timedelta(days=10)
    query = f"since_0={day.day}&since_1={day.month}&since_2={day.year}"
    query += f"&until_0={day.day}&until_1={day.month}&until_2={day.year}"
    dated = soup(client.get(f"{BASE}/case-reads/?{query}"))
    assert [
        td.get_text(strip=True) for td in dated.select("[data-reads] tbody tr td:nth-of-type(3)")
    ] == ["dated 10"]
    assert f"reader={chair}" in mine.select_one("[data-export]")["href"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("since_0=31&since_1=2&since_2=2026", "From date must be a real date, like 27 3 2025"),
        ("since_0=1&since_1=1&since_2=0001", "From date must be between 1 January 1900 and 31 December 2099"),
        ("until_0=31&until_1=12&until_2=9999", "To date must be between 1 January 1900 and 31 December 2099"),
        ("since_0=2&since_1=1&since_2=2026&until_0=1&until_1=1&until_2=2026",
         "To date must be the same as or after the from date"),
        ("reader=abc", "Select a valid choice. abc is not one of the available choices."),
    ],
)  # fmt: skip
def test_bad_filters_get_a_clear_message_and_change_nothing(client_for, read, query, message):
    response = client_for(Role.BUSINESS_MANAGER).get(f"{BASE}/case-reads/?{query}")
    assert response.status_code == 200
    page = soup(response)
    assert message in page.select_one(".govuk-error-summary").get_text(" ", strip=True)
    assert len(page.select("[data-reads] tbody tr")) == 1  # unfiltered


def test_the_csv_neutralises_formulas(client_for, cases, people):
    evil = UserFactory(username="evil", first_name='=HYPERLINK("x")', last_name="")
    for prefix in ("=", "+", "-", "@"):
        case_read_record(
            by=evil, partnership=cases["incident"].partnership, channel="page",
            record_type="notification", records=[cases["incident"]], what=f"{prefix}1+1",
        )  # fmt: skip
    response = client_for(Role.SCRUTINEER).get(f"{BASE}/case-reads/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["at", "reader", "channel", "record_type", "what", "references", "path"]
    assert sorted(r[4] for r in rows[1:]) == ["'+1+1", "'-1+1", "'=1+1", "'@1+1"]
    assert {r[1] for r in rows[1:]} == {'\'=HYPERLINK("x")'}
    assert all(r[5] == "SIN-2025-001" for r in rows[1:])


def test_removing_a_user_keeps_their_reads_under_their_name(read, people):
    label = read.reader_label
    people[Role.CHAIR].delete()
    kept = CaseRead.objects.get()
    assert (kept.reader, kept.reader_label, kept.what) == (None, label, read.what)
