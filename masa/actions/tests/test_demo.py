import pytest

from masa.actions.demo import demo_load
from masa.actions.models import Action, Recommendation
from masa.actions.selectors import actions_for
from masa.core.errors import MasaError
from masa.geography.services import geography_load
from masa.partnerships.demo import demo_load as partnerships_demo_load
from masa.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_demo_needs_the_fictional_northshire():
    with pytest.raises(MasaError):
        demo_load()


def test_demo_loads_about_forty_actions_once_and_only_for_northshire():
    geography_load()
    partnerships_demo_load()
    assert "40 actions" in demo_load()
    assert demo_load() == "northshire recommendations already loaded"
    northshire = Partnership.objects.get(slug="northshire")
    assert set(Action.objects.values_list("partnership", flat=True)) == {northshire.pk}
    assert Recommendation.objects.count() == 9
    statuses = set(Action.objects.values_list("status", flat=True))
    assert statuses == {"not_started", "in_progress", "blocked", "implemented",
                        "impact_evidenced", "signed_off"}  # fmt: skip
    from django.utils import timezone

    assert actions_for(northshire, today=timezone.localdate(), overdue=True).count() >= 5
    assert all("fictional" in r.source_label for r in Recommendation.objects.all())


def test_demo_recommendations_come_from_the_demo_practice_reviews_when_loaded():
    from masa.incidents.demo import demo_load as incidents_demo_load
    from masa.reviews.demo import demo_load as reviews_demo_load
    from masa.statute.services import statute_sync

    statute_sync()
    geography_load()
    partnerships_demo_load()
    incidents_demo_load()
    reviews_demo_load()
    demo_load()
    linked = {r.reference: r.source.reference for r in Recommendation.objects.all() if r.source}
    assert linked == {
        "NS-LCSPR-2025-01 R1": "LCSPR-2025-01",
        "NS-LCSPR-2025-01 R2": "LCSPR-2025-01",
        "NS-LCSPR-2025-01 R3": "LCSPR-2025-01",
        "NS-LCSPR-2025-02 R1": "LCSPR-2025-02",
        "NS-LCSPR-2025-02 R2": "LCSPR-2025-02",
    }
