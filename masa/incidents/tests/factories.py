"""factory_boy factories for notifications (the clocks tests import them too).

    incident = SeriousIncidentFactory(partnership=p)   # on the partnership's first area
Factories write rows directly (no timeline events); tests of behaviour call the services.
"""

from __future__ import annotations

from datetime import date

import factory
from factory.django import DjangoModelFactory

from masa.incidents.models import (
    AbuseOrNeglect,
    IncidentChild,
    Outcome,
    SeriousIncident,
    Where,
)


class SeriousIncidentFactory(DjangoModelFactory):
    class Meta:
        model = SeriousIncident

    partnership = factory.SubFactory("masa.partnerships.tests.factories.PartnershipFactory")
    reference = factory.Sequence(lambda n: f"SIN-2025-{n + 1:03d}")
    local_authority = factory.LazyAttribute(lambda o: o.partnership.areas.first().local_authority)
    incident_date = date(2025, 6, 1)
    became_aware_on = date(2025, 6, 2)
    abuse_or_neglect = AbuseOrNeglect.KNOWN
    outcome = Outcome.SERIOUSLY_HARMED
    where = Where.IN_AREA
    summary = "Fictional: serious harm"


class IncidentChildFactory(DjangoModelFactory):
    class Meta:
        model = IncidentChild

    incident = factory.SubFactory(SeriousIncidentFactory)
    position = 1
    pseudonymous_ref = factory.Sequence(lambda n: f"TS-25-{n:04d}-A")


TODAY = date(2025, 7, 1)


def notification(la, **overrides):
    """Keyword arguments for incident_record: a valid notification, changed by `overrides`."""
    return {
        "local_authority": la,
        "incident_date": date(2025, 6, 1),
        "became_aware_on": date(2025, 6, 2),
        "abuse_or_neglect": "known",
        "outcome": "seriously_harmed",
        "where": "in_area",
        "summary": "Fictional: serious harm",
        "children": [{"pseudonymous_ref": "TS-25-0001-A", "age_years": 4, "sex": "female"}],
        **overrides,
    }
