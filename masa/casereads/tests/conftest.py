"""A partnership with case records (a late notification with a child, a practice review "Child T"
with an appointed reviewer, their timeline events) and a person in every role, plus an outsider
and an operator."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from masa.accounts.models import Role
from masa.actions.services import recommendation_create
from masa.compliance.tests.factories import FrameworkFactory, RequirementFactory
from masa.incidents.services import incident_record
from masa.incidents.tests.factories import notification
from masa.partnerships.tests.factories import (
    MembershipFactory,
    UserFactory,
    complete_partnership,
)
from masa.reviews.tests.factories import practice_to
from masa.reviews.workflow import PracticeStatus
from masa.timeline.services import event_record

AT = "2026-03-31"  # the matrix date: the last day of 2025–26
CASE_WORDS = ("SIN-2025-001", "TS-25-0001-A", "Child T", "LCSPR-")
STAFF, OUTSIDER = "staff", "outsider"
CASE_READERS = [
    Role.BUSINESS_MANAGER, Role.LEAD_PARTNER, Role.DELEGATED_PARTNER, Role.CHAIR,
    Role.SCRUTINEER, STAFF,
]  # fmt: skip
NOT_CASE_READERS = [Role.AGENCY_CONTACT, Role.REVIEWER, Role.VIEWER]
EVERYONE = [*CASE_READERS, *NOT_CASE_READERS, OUTSIDER]


@pytest.fixture
def partnership(db):
    return complete_partnership(
        name="Testshire Safeguarding Children Partnership", slug="testshire"
    )


@pytest.fixture
def people(partnership):
    """role → user: a member of the partnership in each role, the outsider (business manager
    elsewhere) and an operator. The reviewer is appointed to the practice review."""
    found = {}
    for role in Role.values:
        name = role.replace("_", " ").capitalize()
        user = UserFactory(username=role.replace("_", "-"), first_name=name, last_name="Person")
        MembershipFactory(user=user, partnership=partnership, role=role)
        found[role] = user
    elsewhere = complete_partnership(name="Elsewhere", slug="elsewhere")
    found[OUTSIDER] = UserFactory(username=OUTSIDER)
    MembershipFactory(user=found[OUTSIDER], partnership=elsewhere, role=Role.BUSINESS_MANAGER)
    found[STAFF] = UserFactory(username=STAFF, is_staff=True)
    return found


@pytest.fixture
def cases(partnership, people):
    """A notification sent to the Panel a day late, and a practice review under way; a duty
    judged from the notifications in the matrix."""
    manager = people[Role.BUSINESS_MANAGER]
    la = partnership.areas.get().local_authority
    incident = incident_record(
        partnership=partnership,
        by=manager,
        today=date(2026, 3, 1),
        **notification(la, became_aware_on=date(2025, 12, 19), incident_date=date(2025, 12, 18),
                       panel_notified_on=date(2025, 12, 31)),
    )  # fmt: skip
    review = practice_to(
        PracticeStatus.IN_PROGRESS, partnership, manager, user=people[Role.REVIEWER]
    )
    recommendation = recommendation_create(
        partnership=partnership, by=manager, reference="R-1", text="Fictional learning",
        source_label=f"{review.reference}: {review.title}", made_on=date(2026, 3, 2),
        source=review, today=date(2026, 3, 3),
    )  # fmt: skip
    event_record(
        by=manager, verb="priority.created", message="Added the priority Early help",
        partnership=partnership,
    )  # fmt: skip
    law = FrameworkFactory(id="ca2004", short_title="CA2004", kind="act")
    duty = RequirementFactory(
        id="wt.notify-panel", framework=law, topic="notification",
        derivation="notifications_on_time",
    )  # fmt: skip
    return {"incident": incident, "review": review, "duty": duty, "recommendation": recommendation}


@pytest.fixture
def client_for(people):
    def make(role: str) -> Client:
        client = Client()
        client.force_login(people[role])
        return client

    return make
