"""The case-system API against the database: tokens, writes through incident_record, reads of
notifications and clocks, and a schema that generates without warnings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from masa.accounts.models import Role
from masa.api.models import ApiToken
from masa.api.services import api_token_create, api_token_revoke, key_hash
from masa.casereads.models import CaseRead
from masa.incidents.models import IncidentChild, SeriousIncident
from masa.incidents.tests.conftest import user_with
from masa.incidents.tests.factories import IncidentChildFactory, SeriousIncidentFactory
from masa.partnerships.tests.factories import complete_partnership
from masa.timeline.models import Event

pytestmark = pytest.mark.django_db


def url(partnership, *rest: str) -> str:
    return "/".join([f"/api/v1/partnerships/{partnership.slug}/notifications", *rest, ""])


def body(la, **overrides):
    return {
        "local_authority": la.code,
        "incident_date": "2025-06-01",
        "became_aware_on": "2025-06-02",
        "abuse_or_neglect": "known",
        "outcome": "seriously_harmed",
        "where": "in_area",
        "panel_notified_on": "2025-06-05",
        "summary": "Fictional: serious harm",
        "children": [{"pseudonymous_ref": "TS-25-0001-A", "age_years": 4, "sex": "female"}],
        **overrides,
    }


@pytest.fixture
def key(partnership, manager):
    return api_token_create(partnership=partnership, name="Case system", by=manager)[1]


def client_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


def test_the_key_is_stored_only_as_its_hash(partnership, manager):
    token, key = api_token_create(partnership=partnership, name="Case system", by=manager)
    token.refresh_from_db()
    assert token.key_hash == key_hash(key) and key not in token.key_hash
    assert key.startswith("masa_") and token.prefix == key[5:13]
    assert Event.objects.filter(verb="api_token.created").count() == 1


def test_a_token_creates_a_notification_through_the_service(partnership, la, key):
    response = client_with(key).post(url(partnership), body(la), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["reference"] == "SIN-2025-001" and data["status"] == "notified"
    assert data["children"] == [
        {"position": 1, "pseudonymous_ref": "TS-25-0001-A", "age_years": 4, "sex": "female"}
    ]
    incident = SeriousIncident.objects.get()
    assert incident.partnership == partnership and incident.created_by is None
    assert Event.objects.filter(verb="incident.recorded", subject_id=str(incident.pk)).exists()
    assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_token_is_refused(partnership, la, manager, key):
    api_token_revoke(token=ApiToken.objects.get(), by=manager)
    response = client_with(key).get(url(partnership))
    assert response.status_code == 401
    assert client_with("masa_not-a-key").get(url(partnership)).status_code == 401
    assert APIClient().get(url(partnership)).status_code in (401, 403)


def test_a_token_works_only_for_its_own_partnership(partnership, la, key):
    other = complete_partnership(name="Otherton Safeguarding Partnership", slug="otherton")
    incident = SeriousIncidentFactory(partnership=other)
    client = client_with(key)
    assert client.get(url(other)).status_code == 403
    assert client.get(url(other, incident.reference)).status_code == 403
    other_la = other.areas.get().local_authority
    assert client.post(url(other), body(other_la), format="json").status_code == 403
    assert client.get("/api/v1/partnerships/nowhere/notifications/").status_code == 404
    assert not SeriousIncident.objects.filter(partnership=other).exclude(pk=incident.pk).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            {"children": [{"pseudonymous_ref": f"TS-25-000{n}-A"} for n in range(1, 6)]},
            "children",
        ),
        ({"incident_date": str(timezone.localdate() + timedelta(days=3))}, "incident_date"),
        ({"became_aware_on": "2025-06-10"}, "panel_notified_on"),
        ({"children": [{"pseudonymous_ref": "Jane Smith"}]}, "children[0].pseudonymous_ref"),
        ({"incident_date": "2025-02-30"}, "incident_date"),
        ({"outcome": "fine"}, "outcome"),
        ({"local_authority": "E99999999"}, "local_authority"),
    ],
)
def test_bad_input_is_a_400_with_field_messages_and_nothing_is_written(
    partnership, la, key, change, field
):
    events = Event.objects.count()
    response = client_with(key).post(url(partnership), body(la, **change), format="json")
    assert response.status_code == 400
    assert field in response.json() and response.json()[field]
    assert SeriousIncident.objects.count() == 0 and IncidentChild.objects.count() == 0
    assert Event.objects.count() == events


def test_list_detail_and_clocks(partnership, la, key):
    client = client_with(key)
    reference = client.post(url(partnership), body(la), format="json").json()["reference"]
    listed = client.get(url(partnership)).json()
    assert listed["count"] == 1 and listed["results"][0]["reference"] == reference
    assert client.get(url(partnership, reference)).json()["reference"] == reference
    assert client.get(url(partnership, "SIN-1999-001")).status_code == 404
    clocks = client.get(url(partnership, reference, "clocks")).json()
    assert [c["rule"] for c in clocks] == ["wt2023.notify-panel", "wt2023.notify-partners"]
    panel = clocks[0]
    assert set(panel) >= {"subject", "rule", "start", "due", "status", "explanation"}
    # 5 working days from Mon 2 Jun 2025; sent Thu 5 Jun: met
    assert (panel["start"], panel["due"], panel["status"]) == ("2025-06-02", "2025-06-09", "met")
    assert clocks[1]["status"] == "overdue"  # never told the partners
    assert panel["explanation"]
    # the list, the detail and the clocks: one read each, none for the 404
    reads = CaseRead.objects.order_by("id")
    assert [r.channel for r in reads] == ["api"] * 3
    assert all(r.reader is None and r.reader_label.startswith("API token") for r in reads)
    assert [r.what for r in reads] == [
        "list of 1 notification",
        f"notification {reference}",
        f"notification {reference} (clocks)",
    ]


def test_a_signed_in_case_reader_reads_and_a_viewer_does_not(partnership, la):
    incident = SeriousIncidentFactory(partnership=partnership)
    IncidentChildFactory(incident=incident)
    reader = APIClient()
    reader.force_authenticate(user_with(partnership, Role.CHAIR))
    assert reader.get(url(partnership, incident.reference)).status_code == 200
    # A reader may not write: only the business manager (and staff) record notifications.
    assert reader.post(url(partnership), body(la), format="json").status_code == 403
    viewer = APIClient()
    viewer.force_authenticate(user_with(partnership, Role.VIEWER))
    assert viewer.get(url(partnership)).status_code == 403


def test_a_business_manager_signed_in_records_a_notification(partnership, la, manager):
    client = APIClient()
    client.force_authenticate(manager)
    response = client.post(url(partnership), body(la), format="json")
    assert response.status_code == 201
    assert SeriousIncident.objects.get().created_by == manager


def test_the_schema_generates_without_warnings(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert "/api/v1/partnerships/{slug}/notifications/{reference}/clocks/" in text
    assert "bearer" in text


def test_the_schema_and_docs_pages_are_public(client):
    assert client.get("/api/schema/").status_code == 200
    page = client.get("/api/")
    assert page.status_code == 200 and b"/api/schema/" in page.content


def test_a_care_leavers_death_through_the_api_has_no_timescale(partnership, la, key):
    # WT2023 ch5: no timescale is confirmed for a care leaver's death, and no abuse or neglect
    # need be suspected; the Panel's clocks (CA2004 s.16C(1)) do not run either
    client = client_with(key)
    created = client.post(
        url(partnership),
        body(
            la, abuse_or_neglect="neither", outcome="died", care_leaver=True,
            panel_notified_on=None, sos_ofsted_notified_on="2025-06-20",
        ),
        format="json",
    )  # fmt: skip
    assert created.status_code == 201, created.json()
    clocks = client.get(url(partnership, created.json()["reference"], "clocks")).json()
    assert [(c["rule"], c["due"], c["status"], c["statutory"]) for c in clocks] == [
        ("wt2023.notification.care-leaver-death", None, "no_timescale", True)
    ]


def test_a_change_needs_the_version_read_and_a_stale_one_is_a_409(partnership, la, key):
    client = client_with(key)
    reference = client.post(url(partnership), body(la), format="json").json()["reference"]
    read = client.get(url(partnership, reference))
    assert read["ETag"] == '"1"' and read.json()["version"] == 1
    # Without the version read: refused, nothing written.
    response = client.patch(url(partnership, reference), {"summary": "Fictional: x"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["non_field_errors"][0]
    # The first change, with If-Match: saved, and the new ETag returned.
    response = client.patch(
        url(partnership, reference), {"partners_notified_on": "2025-06-06"}, format="json",
        HTTP_IF_MATCH=read["ETag"],
    )  # fmt: skip
    assert response.status_code == 200, response.json()
    assert response["ETag"] == '"2"' and response.json()["partners_notified_on"] == "2025-06-06"
    # A second change from the same read: 409, saying what changed, and nothing overwritten.
    response = client.patch(
        url(partnership, reference), {"partners_notified_on": "2025-06-07", "version": 1},
        format="json",
    )  # fmt: skip
    assert response.status_code == 409
    refused = response.json()
    assert refused["non_field_errors"][0].startswith(
        "Someone else changed this record since you opened it"
    )
    assert refused["version"] == 2
    assert refused["changes"] == [
        {"field": "partners_notified_on", "theirs": "6 June 2025", "yours": "7 June 2025"}
    ]
    incident = SeriousIncident.objects.get()
    assert (str(incident.partners_notified_on), incident.version) == ("2025-06-06", 2)
