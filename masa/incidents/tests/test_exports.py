"""The notifications CSV, parsed with the csv module: a row per notification with each clock's due
date and status, never a child's reference; case readers only."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from masa.accounts.models import Role
from masa.casereads.models import CaseRead
from masa.incidents.services import incident_record

from .factories import TODAY, notification

pytestmark = pytest.mark.django_db


def export_url(partnership) -> str:
    return f"/partnerships/{partnership.slug}/incidents/export.csv"


@pytest.fixture
def incidents(partnership, la, manager):
    first = incident_record(
        partnership=partnership, by=manager, today=TODAY,
        **notification(la, panel_notified_on=date(2025, 6, 5)),
    )  # fmt: skip
    second = incident_record(
        partnership=partnership, by=manager, today=TODAY,
        **notification(
            la, outcome="died", looked_after_child=True, summary="=HYPERLINK(1)",
            children=[{"pseudonymous_ref": "TS-25-0009-A"}, {"pseudonymous_ref": "TS-25-0009-B"}],
        ),
    )  # fmt: skip
    return first, second


def rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_a_row_per_notification_with_each_clock(manager_client, partnership, incidents):
    response = manager_client.get(export_url(partnership))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    found = {row["reference"]: row for row in rows(response)}
    first, second = (found[i.reference] for i in incidents)
    assert first["became_aware_on"] == "2025-06-02" and first["children"] == "1"
    assert (first["notify_panel_due"], first["notify_panel_status"]) == ("2025-06-09", "Met")
    assert first["notify_partners_status"] == "Overdue"
    assert first["lac_death_notify_due"] == "" and first["looked_after_child"] == "No"
    assert second["children"] == "2" and second["looked_after_child"] == "Yes"
    assert second["lac_death_notify_due"] == "2025-06-09"


def test_the_words_of_the_pages_and_never_none(manager_client, partnership, incidents):
    text = manager_client.get(export_url(partnership)).content.decode()
    second = {row["reference"]: row for row in rows_of(text)}[incidents[1].reference]
    assert (second["abuse_or_neglect"], second["outcome"]) == ("Known", "Died")
    assert second["where"] == "In the local authority's area"
    assert second["status"] == incidents[1].get_status_display()
    assert second["local_authority"] == incidents[1].local_authority.name
    assert "None" not in text and "seriously_harmed" not in text and "in_area" not in text


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_no_child_reference_and_no_summary(manager_client, partnership, incidents):
    text = manager_client.get(export_url(partnership)).content.decode()
    assert "TS-25-" not in text and "HYPERLINK" not in text


def test_every_exported_record_read_is_logged(manager_client, partnership, incidents):
    manager_client.get(export_url(partnership))
    read = CaseRead.objects.get()
    assert (read.channel, read.what, len(read.record_ids)) == (
        "export",
        "CSV of 2 notifications",
        2,
    )


def test_the_list_filters_apply(manager_client, partnership, incidents):
    found = rows(manager_client.get(export_url(partnership) + "?status=notified"))
    assert [row["reference"] for row in found] == [incidents[0].reference]


@pytest.mark.parametrize(("role", "status"), [(Role.SCRUTINEER, 200), (Role.CHAIR, 200)])
def test_case_readers_download(client_as, partnership, incidents, role, status):
    assert client_as(role).get(export_url(partnership)).status_code == status


@pytest.mark.parametrize("role", [Role.VIEWER, Role.AGENCY_CONTACT])
def test_others_may_not(client_as, partnership, incidents, role):
    assert client_as(role).get(export_url(partnership)).status_code == 403
