"""The northshire demo: a dozen clearly fictional notifications, a few late clocks, loaded once."""

import pytest

from masa.clocks.models import ClockEvent
from masa.clocks.registry import clocks_for
from masa.geography.services import geography_load
from masa.incidents.demo import DEMO, demo_load
from masa.incidents.models import IncidentChild, SeriousIncident
from masa.partnerships.demo import demo_load as partnerships_demo_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(django_db_setup):
    geography_load()
    partnerships_demo_load()
    return demo_load()


def test_northshire_gets_a_dozen_fictional_notifications(loaded):
    incidents = SeriousIncident.objects.select_related("partnership")
    assert incidents.count() == len(DEMO) >= 10
    assert {i.partnership.slug for i in incidents} == {"northshire"}
    assert all(i.partnership.is_fictional and i.summary.startswith("Fictional") for i in incidents)
    refs = list(IncidentChild.objects.values_list("pseudonymous_ref", flat=True))
    assert all(ref.startswith("NS-") for ref in refs)
    statuses = {
        v.status for v in clocks_for(incidents[0].partnership, today=incidents[0].created_at.date())
    }
    assert {"met", "met_late", "overdue", "running"} <= statuses
    assert ClockEvent.objects.count() == 1


def test_loading_twice_adds_nothing(loaded):
    assert demo_load() == "northshire notifications already loaded"
    assert SeriousIncident.objects.count() == len(DEMO)
