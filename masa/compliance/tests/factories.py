"""factory_boy factories for statute rows and assessments (the library itself is YAML; these make
small, fast libraries for the matrix tests).

    law = FrameworkFactory(id="ca2004")
    req = RequirementFactory(framework=law, topic="scrutiny")
    derived = RequirementFactory(framework=law, derivation="scrutineer_appointed")
"""

from __future__ import annotations

from datetime import date

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from masa.compliance.models import Assessment, EvidenceLink, Status
from masa.partnerships.tests.factories import PartnershipFactory
from masa.statute.models import Framework, Requirement


class FrameworkFactory(DjangoModelFactory):
    class Meta:
        model = Framework
        django_get_or_create = ("id",)

    id = factory.Sequence(lambda n: f"fw{n}")
    title = factory.LazyAttribute(lambda o: f"Framework {o.id}")
    short_title = factory.LazyAttribute(lambda o: o.id.upper())
    kind = "act"
    in_force_from = date(2018, 6, 29)


class RequirementFactory(DjangoModelFactory):
    class Meta:
        model = Requirement
        django_get_or_create = ("id",)

    id = factory.Sequence(lambda n: f"test.req-{n:04d}")
    framework = factory.SubFactory(FrameworkFactory, id="ca2004", short_title="CA2004")
    level = "must"
    holder = "safeguarding_partners"
    topic = "arrangements"
    summary = factory.Sequence(lambda n: f"The partners must do thing {n}.")
    citation = factory.Sequence(lambda n: f"CA2004 s.{n}")
    derivation = ""
    evidence = factory.LazyAttribute(
        lambda o: f"derived:{o.derivation}" if o.derivation else "manual"
    )
    confidence = "seen-primary"
    position = factory.Sequence(lambda n: n)


class AssessmentFactory(DjangoModelFactory):
    """Written directly (no service): for the matrix's reading tests."""

    class Meta:
        model = Assessment

    partnership = factory.SubFactory(PartnershipFactory)
    requirement = factory.SubFactory(RequirementFactory)
    period_start = date(2025, 4, 1)
    period_end = factory.LazyAttribute(lambda o: date(o.period_start.year + 1, 3, 31))
    status = Status.MET
    partnership_level = "Discharged across the partnership."
    local_authority_level = "Discharged in each area."
    assessed_at = factory.LazyFunction(timezone.now)


class EvidenceLinkFactory(DjangoModelFactory):
    class Meta:
        model = EvidenceLink

    assessment = factory.SubFactory(AssessmentFactory)
    title = factory.Sequence(lambda n: f"Minutes {n}")
    url = "https://example.org/minutes.pdf"
    added_at = factory.LazyFunction(timezone.now)
