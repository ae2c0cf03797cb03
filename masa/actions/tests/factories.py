"""factory_boy factories for recommendations and actions. They write rows directly (no timeline
events); tests of behaviour call the services."""

from __future__ import annotations

from datetime import date

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from masa.actions.models import Action, ActionSignOff, ActionUpdate, Recommendation, UpdateKind
from masa.partnerships.tests.factories import PartnershipFactory

MADE = date(2025, 3, 3)


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation

    partnership = factory.SubFactory(PartnershipFactory)
    reference = factory.Sequence(lambda n: f"TS-LCSPR-2025-01 R{n}")
    source_label = "Practice review TS-LCSPR-2025-01 (fictional)"
    text = "Partners should check that every referral records the child's voice."
    made_on = MADE


class ActionFactory(DjangoModelFactory):
    """Pass `owner`: an organisation of the recommendation's partnership."""

    class Meta:
        model = Action

    recommendation = factory.SubFactory(RecommendationFactory)
    partnership = factory.SelfAttribute("recommendation.partnership")
    text = "Audit twenty referrals for the child's voice and report to the board."
    owner_role = "Head of quality assurance"
    due_on = date(2025, 9, 30)


class ActionUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionFactory)
    on = date(2025, 6, 2)
    text = "Audit done."
    kind = UpdateKind.PROGRESS


class ActionSignOffFactory(DjangoModelFactory):
    class Meta:
        model = ActionSignOff

    action = factory.SubFactory(ActionFactory)
    partner_type = "la"
    at = factory.LazyFunction(timezone.now)
