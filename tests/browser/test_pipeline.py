"""The learning pipeline in a real browser: a business manager records a serious incident
notification, sends it, runs the rapid review to a decision, takes the local child safeguarding
practice review from initiation to publication, makes a recommendation from the review and gives it
an action. Every page on the way has no serious or critical axe-core violations.

The dates are in autumn 2026, before the day the suite runs, so no date is refused as future.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from masa.accounts.demo import DEMO_PASSWORD, demo_users_create
from masa.actions.models import Action, Recommendation
from masa.geography.services import geography_load
from masa.incidents.models import SeriousIncident
from masa.partnerships.demo import demo_load as partnerships_demo_load
from masa.reviews.models import PracticeReview
from masa.statute.services import statute_sync

from .conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    statute_sync()
    geography_load()
    partnerships_demo_load()
    demo_users_create()


class Journey:
    """Fills GOV.UK forms by field name and checks every page it lands on with axe-core."""

    def __init__(self, page) -> None:
        self.page = page
        self.failures: dict[str, list] = {}

    def check(self) -> None:
        violations = axe_violations(self.page)
        if violations:
            self.failures[self.page.url] = violations

    def submit(self, values: dict[str, object], *, button: str | None = None) -> None:
        form = self.page.locator("main form[method=post]").last
        for name, value in values.items():
            if isinstance(value, date):
                for part, number in enumerate((value.day, value.month, value.year)):
                    form.locator(f"[name='{name}_{part}']").fill(str(number))
                continue
            field = form.locator(f"[name='{name}']")
            kind = field.first.get_attribute("type")
            tag = field.first.evaluate("e => e.tagName.toLowerCase()")
            if tag == "select":
                if value is None:  # the first real choice
                    options = field.locator("option:not([value=''])")
                    value = options.first.get_attribute("value")
                field.select_option(str(value))
            elif kind in {"radio", "checkbox"}:
                if kind == "checkbox" and value is True:
                    field.first.check()
                else:
                    form.locator(f"[name='{name}'][value='{value}']").check()
            else:
                field.fill(str(value))
        submit = form.locator("button[type=submit], input[type=submit], button:not([type])")
        (submit.filter(has_text=button) if button else submit).first.click()
        self.page.wait_for_load_state()
        errors = self.page.locator(".govuk-error-summary")
        assert errors.count() == 0, errors.first.inner_text()
        self.check()

    def follow(self, name: str | re.Pattern) -> None:
        self.page.get_by_role("link", name=name).first.click()
        self.page.wait_for_load_state()
        self.check()


def test_notification_to_a_published_review_with_its_actions(page, demo):
    journey = Journey(page)
    sign_in(page, "business-manager", DEMO_PASSWORD)
    page.goto("/partnerships/northshire/incidents/")
    journey.check()

    # 1. The notification, with one pseudonymous child, and its two 5-working-day clocks
    journey.follow("Record a notification")
    journey.submit(
        {
            "local_authority": None,
            "incident_date": date(2026, 8, 28),
            "became_aware_on": date(2026, 9, 1),
            "abuse_or_neglect": "known",
            "outcome": "died",
            "where": "in_area",
            "summary": "Fictional: an infant died; neglect suspected.",
            "child_1_ref": "NS-C-7781",
        }
    )
    incident = SeriousIncident.objects.get(partnership__slug="northshire")
    assert incident.children.get().pseudonymous_ref == "NS-C-7781"
    explanation = page.locator("[data-rule$='notify-panel'] [data-explanation]").inner_text()
    assert explanation == "5 working days from Tue 1 Sep 2026 → Tue 8 Sep 2026"
    journey.follow("Record date sent to the Panel")
    journey.submit({"on": date(2026, 9, 3)})
    journey.follow("Record date sent to the partners")
    journey.submit({"on": date(2026, 9, 3)})
    assert page.locator("[data-rule$='notify-panel'] .govuk-tag").inner_text().lower() == "met"

    # 2. The rapid review: contents, decision, sent to the Panel within 15 working days
    journey.follow("Start the rapid review")
    journey.submit({"started_on": date(2026, 9, 3)})
    journey.follow(re.compile("Record facts, actions, learning"))
    journey.submit(
        {
            "facts": "Fictional chronology agreed by the agencies.",
            "immediate_safety_actions": "Sibling's safety plan reviewed.",
            "learning_identified": "Health visiting and housing did not share concerns.",
            "criterion_a": "yes",
            "criterion_b": "no",
            "criterion_c": "yes",
            "criterion_d": "no",
        }
    )
    journey.follow("Record the decision")
    journey.submit(
        {
            "decision": "local_review",
            "rationale": "Criteria (a) and (c) are met: agencies working together.",
            "decided_on": date(2026, 9, 17),
        }
    )
    journey.follow("Record the date sent to the Panel")
    journey.submit({"sent_on": date(2026, 9, 18)})
    assert "met" in page.locator("[data-clocks], table").first.inner_text().lower()

    # 3. The practice review from initiation to publication
    page.goto("/partnerships/northshire/reviews/practice/add/")
    journey.check()
    journey.submit({"title": "Child Q", "initiated_on": date(2026, 9, 21), "rapid_review": None})
    review = PracticeReview.objects.get(partnership__slug="northshire", title="Child Q")
    for step, values in (
        ("Agree the terms of reference", {
            "terms_of_reference": "How agencies shared concerns in the year before the death.",
            "agreed_on": date(2026, 9, 25)}),
        ("Appoint a reviewer (reg 12)", {"name": "Fictional Reviews Ltd",
                                         "appointed_on": date(2026, 9, 28)}),
        ("Mark the review as in progress", {}),
        ("Record the final report and its reg 15 checklist", {
            "received_on": date(2026, 10, 26), "summary_of_improvements": True,
            "systemic_analysis": True}),
        ("Decide what to publish (s.16F(4)-(5))", {
            "publication": "full", "rationale": "No risk to the sibling from publishing in full.",
            "planned_publication_on": date(2026, 11, 9)}),
        ("Record the copies sent before publication (reg 16)", {
            "sent_to_sos_on": date(2026, 10, 29), "sent_to_panel_on": date(2026, 10, 29)}),
        ("Record publication", {"published_on": date(2026, 11, 9),
                                "published_url": "https://example.org/northshire/lcspr-child-q"}),
    ):  # fmt: skip
        journey.follow(step)
        journey.submit(values)
    review.refresh_from_db()
    assert review.status == "published" and review.published_on == date(2026, 11, 9)
    assert "Published" in page.locator("[data-status]").inner_text()

    # 4. A recommendation from the review, and an action with an owner and a due date
    journey.follow("Add a recommendation from this review")
    journey.submit(
        {
            "text": "Health visiting and housing share concerns about infants monthly.",
            "made_on": date(2026, 11, 9),
        }
    )
    recommendation = Recommendation.objects.get(partnership__slug="northshire")
    assert recommendation.source == review
    journey.follow("Add an action")
    journey.submit(
        {
            "text": "Set up a monthly information-sharing meeting.",
            "owner": None,
            "owner_role": "Head of Health Visiting",
            "due_on": date(2027, 3, 31),
        }
    )
    action = Action.objects.get(recommendation=recommendation)
    assert action.due_on == date(2027, 3, 31)

    # The review page lists the recommendation with its action
    page.goto(review.get_absolute_url())
    row = page.locator("[data-recommendations] tbody tr").first
    assert recommendation.reference in row.inner_text() and "1" in row.inner_text()
    journey.check()
    assert journey.failures == {}
