"""The documents' demo: North Lincolnshire's 2020 arrangements (seed 003) and northshire's 2024-25
yearly report, published through the services and loaded once."""

from datetime import date

import pytest

from masa.clocks.registry import clocks_for
from masa.core.clocks.engine import ClockStatus
from masa.core.errors import MasaError
from masa.documents.completeness import check
from masa.documents.demo import demo_load
from masa.documents.models import Dispatch, Document, VersionStatus
from masa.geography.services import geography_load
from masa.partnerships.demo import demo_load as partnerships_demo_load
from masa.partnerships.models import Partnership
from masa.statute.services import statute_sync

pytestmark = pytest.mark.django_db

TODAY = date(2025, 11, 3)


def test_demo_needs_the_demo_partnerships():
    with pytest.raises(MasaError):
        demo_load(today=TODAY)


def test_demo_loads_once(client):
    statute_sync()
    geography_load()
    partnerships_demo_load()
    said = demo_load(today=TODAY)
    assert "north-lincolnshire arrangements of 30 September 2020 (WT2018), published" in said
    assert "not yet to Foundations" in said
    assert demo_load(today=TODAY) == (
        "north-lincolnshire arrangements already loaded; northshire yearly reports already loaded"
    )
    assert Document.objects.count() == 3

    nl = Partnership.objects.get(slug="north-lincolnshire")
    arrangements = Document.objects.get(partnership=nl).versions.get()
    assert arrangements.status == VersionStatus.PUBLISHED
    assert arrangements.published_on == date(2020, 9, 30) and arrangements.framework == "wt2018"
    assert arrangements.signatures.filter(voided_at__isnull=True).count() == 3
    report = check(arrangements)
    assert report.framework == "wt2018"
    assert {i.state for i in report.items} == {"present"}, report.as_json()

    northshire = Partnership.objects.get(slug="northshire")
    published, draft = (
        Document.objects.get(partnership=northshire, period_start=date(y, 4, 1)).versions.get()
        for y in (2024, 2025)
    )
    assert published.status == VersionStatus.PUBLISHED and published.framework == "wt2023"
    assert published.snapshot["fictional"] is True
    assert draft.status == VersionStatus.DRAFT
    assert list(Dispatch.objects.values_list("recipient", "sent_on")) == [
        ("panel", date(2025, 9, 30))
    ]
    views = {v.subject: v.status for v in clocks_for(northshire, today=TODAY)}
    assert views["Yearly report 2024-25: published by the end of September"] == ClockStatus.MET
    foundations = next(s for s in views if "Foundations" in s)
    assert views[foundations] == ClockStatus.OVERDUE

    # The public pages and the arrangements JSON serve what was published.
    assert client.get("/published/north-lincolnshire/arrangements/").status_code == 200
    data = client.get("/published/north-lincolnshire/arrangements.json").json()
    assert data["published"]["published_on"] == "2020-09-30"
    assert "Independent Scrutiny Officers" in data["scrutiny"]["narrative"]
    assert client.get("/published/northshire/yearly-report/2024-25/").status_code == 200
