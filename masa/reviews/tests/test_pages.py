"""Review pages on parsed HTML: who may see and change them, a reviewer only their own review,
every view logged, clocks with tag and explanation, and garbage to every form giving the GOV.UK
error summary (200) with nothing changed."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from masa.accounts.models import Role
from masa.casereads.models import CaseRead
from masa.incidents.tests.conftest import user_with
from masa.reviews.models import PracticeReview, RapidReview
from masa.reviews.steps import PRACTICE, RAPID
from masa.reviews.workflow import PracticeStatus, RapidStatus

from .factories import notified_incident, practice_to, rapid_to

pytestmark = pytest.mark.django_db

EDITORS = [Role.BUSINESS_MANAGER, Role.LEAD_PARTNER, Role.DELEGATED_PARTNER, Role.CHAIR]
NOBODY = [Role.AGENCY_CONTACT, Role.VIEWER, Role.REVIEWER]
GARBAGE = ["\x00", "x" * 30_000, "-1", "2025-02-30", "<script>alert(1)</script>"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def url(name, partnership, *args):
    return reverse(f"reviews:{name}", args=[partnership.slug, *args])


@pytest.fixture
def reviews(partnership, manager):
    return rapid_to("open", partnership, manager), practice_to("in_progress", partnership, manager)


def pages(partnership, rapid, practice):
    return [
        url("index", partnership),
        url("rapid-detail", partnership, rapid.pk),
        url("practice-detail", partnership, practice.pk),
    ]


@pytest.mark.parametrize("role", [*EDITORS, Role.SCRUTINEER])
def test_review_roles_and_the_scrutineer_read(client_as, partnership, reviews, role):
    client = client_as(role)
    for page in pages(partnership, *reviews):
        assert client.get(page).status_code == 200, page
    reads = CaseRead.objects.order_by("id")
    assert [(r.channel, r.record_type, r.record_ids) for r in reads] == [
        ("list", "review", [reviews[0].pk, reviews[1].pk]),
        ("page", "rapid review", [reviews[0].pk]),
        ("page", "practice review", [reviews[1].pk]),
    ]


@pytest.mark.parametrize("role", NOBODY)
def test_others_get_403(client_as, partnership, reviews, role):
    client = client_as(role)
    for page in pages(partnership, *reviews):
        assert client.get(page).status_code == 403, page
    assert not CaseRead.objects.exists()


def test_scrutineer_is_offered_no_step_and_cannot_post(client_as, partnership, reviews):
    client = client_as(Role.SCRUTINEER)
    page = soup(client.get(url("rapid-detail", partnership, reviews[0].pk)))
    assert page.select("[data-actions]") == []
    assert client.post(url("rapid-step", partnership, reviews[0].pk, "record")).status_code == 403


def test_an_appointed_reviewer_sees_only_their_review(partnership, manager):
    reviewer = user_with(partnership, Role.REVIEWER, "reviewer")
    own = practice_to("in_progress", partnership, manager, user=reviewer)
    other = practice_to("in_progress", partnership, manager)
    rapid = rapid_to("open", partnership, manager)
    client = Client()
    client.force_login(reviewer)
    page = client.get(url("practice-detail", partnership, own.pk))
    assert page.status_code == 200 and "Child T" in page.content.decode()
    # of the partnership's steps, only the checkpoint is the reviewer's to record
    assert [a.text for a in soup(page).select("[data-actions] a")] == [PRACTICE["checkpoint"].label]
    assert soup(page).select("[data-history]") == []
    assert client.get(url("practice-detail", partnership, other.pk)).status_code == 403
    assert client.get(url("rapid-detail", partnership, rapid.pk)).status_code == 403
    assert client.get(url("index", partnership)).status_code == 403
    assert client.get(url("practice-step", partnership, own.pk, "checkpoint")).status_code == 200
    assert client.get(url("practice-step", partnership, own.pk, "report")).status_code == 404
    assert client.get(url("practice-step", partnership, other.pk, "checkpoint")).status_code == 403
    appointment = own.appointments.get()
    appointment.removed_on = date(2026, 3, 1)
    appointment.save()
    assert client.get(url("practice-detail", partnership, own.pk)).status_code == 403


def test_detail_shows_clocks_with_tag_and_explanation(manager_client, partnership, reviews):
    page = soup(manager_client.get(url("rapid-detail", partnership, reviews[0].pk)))
    row = page.select_one("[data-clocks] [data-rule='wt2023.rapid-review']")
    assert "skipping 25 Dec, 26 Dec and 1 Jan" in row.select_one("[data-explanation]").text
    assert row.select_one(".govuk-tag") is not None
    actions = [a.text for a in page.select("[data-actions] a")]
    assert actions == [RAPID["record"].label, RAPID["decide"].label]
    page = soup(manager_client.get(url("practice-detail", partnership, reviews[1].pk)))
    # WT2023 sets no period for a practice review: no 6-month clock unless opted in
    assert page.select_one("[data-rule='wt2018.lcspr-complete']") is None
    partnership.practice_review_six_months = True
    partnership.save()
    opted = soup(manager_client.get(url("practice-detail", partnership, reviews[1].pk)))
    six = opted.select_one("[data-rule='wt2018.lcspr-complete']")
    assert six.select_one("[data-explanation]")
    assert six.select_one('[data-basis="local_default"]').text == "Local default, not statutory"
    assert {a.text for a in page.select("[data-actions] a")} == {
        PRACTICE["appoint"].label,
        PRACTICE["checkpoint"].label,
        PRACTICE["report"].label,
    }


def test_a_step_not_allowed_now_is_404(manager_client, partnership, reviews):
    assert (
        manager_client.get(url("rapid-step", partnership, reviews[0].pk, "send")).status_code == 404
    )
    assert (
        manager_client.get(url("practice-step", partnership, reviews[1].pk, "publish")).status_code
        == 404
    )


def test_start_from_an_incident_and_walk_the_rapid_review(manager_client, partnership):
    incident = notified_incident(partnership)
    start = url("rapid-review-start", partnership, incident.pk)
    response = manager_client.post(
        start, {"started_on_0": "19", "started_on_1": "12", "started_on_2": "2025"}
    )
    review = RapidReview.objects.get(incident=incident)
    assert response.status_code == 302 and review.status == RapidStatus.OPEN
    post = {f"criterion_{x}": "yes" for x in "abcd"} | {"facts": "Fictional"}
    post["expected_version"] = str(review.version)
    manager_client.post(url("rapid-step", partnership, review.pk, "record"), post)
    response = manager_client.post(
        url("rapid-step", partnership, review.pk, "decide"),
        {"decision": "local_review", "rationale": "", "decided_on_0": "5", "decided_on_1": "1",
         "decided_on_2": "2026"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Enter the rationale" in soup(response).select_one(".govuk-error-summary").text
    review.refresh_from_db()
    assert review.status == RapidStatus.OPEN and review.facts == "Fictional"


def _step_urls(partnership, manager):
    rapid = {s: rapid_to(s, partnership, manager) for s in RapidStatus.values}
    practice = {s: practice_to(s, partnership, manager) for s in PracticeStatus.values}
    found = [url("settings", partnership), url("practice-add", partnership)]
    incident = notified_incident(partnership, reference="SIN-2025-900")
    found.append(url("rapid-review-start", partnership, incident.pk))
    for reviews, name, kind in (
        (rapid, "rapid-step", "rapid review"),
        (practice, "practice-step", "practice review"),
    ):
        from masa.reviews.steps import offered

        for review in reviews.values():
            for slug, step in offered(kind, review.status):
                if step.form.base_fields or slug in ("record", "appoint"):
                    found.append(url(name, partnership, review.pk, slug))
    found.append(url("rapid-pause", partnership, rapid["open"].pk))
    found.append(url("practice-pause", partnership, practice["in_progress"].pk))
    found.append(url("rapid-extend", partnership, rapid["open"].pk))
    found.append(url("practice-extend", partnership, practice["in_progress"].pk))
    appointment = practice["in_progress"].appointments.get()
    found.append(url("reviewer-remove", partnership, practice["in_progress"].pk, appointment.pk))
    return found


def test_garbage_to_every_form_gives_the_error_summary(manager_client, partnership, manager):
    found = _step_urls(partnership, manager)
    before = (
        list(RapidReview.objects.values()),
        list(PracticeReview.objects.values()),
    )
    for page in found:
        get = manager_client.get(page)
        assert get.status_code == 200, page
        names = {
            e["name"] for e in soup(get).select("form[method=post] [name]")
            if e["name"] != "csrfmiddlewaretoken"
        }  # fmt: skip
        for value in GARBAGE:
            response = manager_client.post(page, {name: value for name in names})
            assert response.status_code == 200, (page, value[:10])
            assert soup(response).select_one(".govuk-error-summary"), (page, value[:10])
    assert before == (list(RapidReview.objects.values()), list(PracticeReview.objects.values()))


def test_an_extension_from_the_page_is_an_event_and_moves_the_due_date(
    manager_client, partnership, manager
):
    from masa.clocks.models import ClockEvent
    from masa.core.clocks.calendar import add_working_days
    from masa.reviews.clocks import rapid_clocks

    review = rapid_to("open", partnership, manager)
    [before] = rapid_clocks(review, guidance=partnership.guidance, today=date(2026, 1, 2))
    page = url("rapid-extend", partnership, review.pk)
    assert 'value="wt2023.rapid-review"' in manager_client.get(page).content.decode()
    response = manager_client.post(
        page,
        {"rule": "wt2023.rapid-review", "days": "3", "reason": "Awaiting the health chronology"},
    )
    assert response.status_code == 302
    [after] = rapid_clocks(review, guidance=partnership.guidance, today=date(2026, 1, 2))
    assert after.due.due == add_working_days(before.due.due, 3)
    event = ClockEvent.objects.get(subject_id=review.pk, kind="extension")
    assert event.days == 3 and event.reason == "Awaiting the health chronology"
    detail = manager_client.get(url("rapid-detail", partnership, review.pk)).content.decode()
    assert "Awaiting the health chronology" in detail


def test_recommendations_are_made_from_the_review_page_and_linked_both_ways(
    manager_client, partnership, manager
):
    from masa.actions.models import Recommendation

    review = practice_to("published", partnership, manager)
    detail = url("practice-detail", partnership, review.pk)
    add = url("practice-recommendation-add", partnership, review.pk)
    assert add in manager_client.get(detail).content.decode()
    form = soup(manager_client.get(add))
    assert form.select_one("input[name=reference]")["value"] == f"{review.reference} R1"
    assert form.select_one("[name=source_label]") is None
    response = manager_client.post(
        add,
        {"reference": f"{review.reference} R1", "text": "Agencies share chronologies monthly",
         "made_on_0": "1", "made_on_1": "5", "made_on_2": "2026"},
    )  # fmt: skip
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(reference=f"{review.reference} R1")
    assert recommendation.source == review
    assert recommendation.source_label == f"{review.reference}: {review.title}"
    rows = soup(manager_client.get(detail)).select("[data-recommendations] tbody tr")
    assert [r.a.text for r in rows] == [f"{review.reference} R1"]
    page = manager_client.get(response["Location"]).content.decode()
    assert f'href="{detail}"' in page


def test_recommendations_wait_for_the_final_report(manager_client, partnership, manager):
    review = practice_to("in_progress", partnership, manager)
    add = url("practice-recommendation-add", partnership, review.pk)
    page = manager_client.get(url("practice-detail", partnership, review.pk)).content.decode()
    assert add not in page
    assert manager_client.get(add).status_code == 404


def test_history_lines_carry_the_date_and_time(manager_client, partnership, manager):
    from django.utils import timezone

    from masa.timeline.models import Event

    review = practice_to("tor_agreed", partnership, manager)
    Event.objects.filter(subject_id=str(review.pk), verb="practice_review.initiated").update(
        occurred_at=timezone.make_aware(timezone.datetime(2026, 1, 12, 9, 30))
    )
    page = soup(manager_client.get(url("practice-detail", partnership, review.pk)))
    lines = page.select("[data-history] li")
    assert len(lines) == 2
    dates = [line.select_one("time[data-when]") for line in lines]
    assert all(d is not None and d.get_text(strip=True) for d in dates)
    assert dates[-1].get_text(strip=True) == "12 Jan 2026 09:30"
    assert dates[-1]["datetime"].startswith("2026-01-12T09:30")


def test_a_new_practice_review_shows_it_is_initiated(manager_client, partnership):
    response = manager_client.post(
        url("practice-add", partnership),
        {
            "title": "Child N",
            "initiated_on_0": "2",
            "initiated_on_1": "3",
            "initiated_on_2": "2026",
        },
    )
    review = PracticeReview.objects.get(title="Child N")
    assert response.status_code == 302 and review.status == PracticeStatus.INITIATED
    detail = soup(manager_client.get(url("practice-detail", partnership, review.pk)))
    assert detail.select_one("[data-status]").get_text(strip=True) == "Initiated"
    row = soup(manager_client.get(url("index", partnership))).select_one(
        "[data-practice-reviews] tbody tr"
    )
    assert row.select_one(".govuk-tag").get_text(strip=True) == "Initiated"
    assert "Decided" not in row.get_text()
