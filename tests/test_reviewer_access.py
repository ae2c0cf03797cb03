"""What a commissioned reviewer reaches, URL by URL: every route the site has is requested by the
demo reviewer (appointed to one of northshire's practice reviews, and a reviewer member of every
demo partnership). Only the public pages, their home page and their own review's pages (with the
rapid review it came from, its checkpoint step and its report files) answer; every other page,
list, export, form and API route of any partnership answers 403 or 404.
"""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from masa.accounts.demo import DEMO_PASSWORD
from masa.accounts.models import User
from masa.accounts.tests.people import password_signed_in
from masa.reviews.demo import demo_reviewer_appoint
from masa.reviews.models import PracticeReview, RapidReview
from masa.reviews.services import report_upload

from .test_bad_input import _fill, _routes, site  # noqa: F401  (the demo site fixture)

pytestmark = pytest.mark.django_db

# Routes open to anyone (signed in or not), answered whoever asks.
PUBLIC = re.compile(
    r"^(|accessibility/|healthz|account/.*|statute/.*|coverage/.*|published/.*|api/|api/schema/)$"
)
# The reviewer's own list of partnerships (empty: the reviewer role is no partnership membership).
OWN_LIST = {"partnerships/"}
# The review's own pages, for the review the reviewer is appointed to.
REVIEW = "partnerships/<slug:slug>/reviews/"
OWN_REVIEW = {
    REVIEW + "practice/<int:pk>/",
    REVIEW + "practice/<int:pk>/<slug:step>/",  # the checkpoint step
    REVIEW + "practice/<int:pk>/reports/upload/",
    REVIEW + "practice/<int:pk>/reports/<int:upload>/",
    REVIEW + "rapid/<int:pk>/",  # the rapid review it came from
}
# 405: a GET-only or POST-only route refuses the other method before it looks at anyone's access,
# with no content either way
REFUSED = {403, 404, 405}


def _path(route: str, *, slug: str, practice: int, rapid: int, upload: int) -> str:
    path = route.replace("<slug:slug>", slug)
    path = re.sub(r"practice/<int:pk>", f"practice/{practice}", path)
    path = re.sub(r"rapid/<int:pk>", f"rapid/{rapid}", path)
    path = path.replace("<int:upload>", str(upload)).replace("<slug:step>", "checkpoint")
    return _fill(path.replace(slug, "<slug:slug>")).replace("northshire", slug)


@pytest.fixture
def reviewer_site(site):  # noqa: F811  (the fixture imported above)
    assert demo_reviewer_appoint().startswith("reviewer appointed to")
    reviewer = User.objects.get(username="reviewer")
    own = PracticeReview.objects.get(appointments__user=reviewer)
    assert own.rapid_review is not None
    upload = report_upload(
        review=own, by=reviewer, kind="draft",
        upload=SimpleUploadedFile("draft.pdf", b"%PDF-1.4\nfictional\n%%EOF\n"),
    )  # fmt: skip
    other = PracticeReview.objects.exclude(pk=own.pk).filter(partnership=own.partnership).first()
    unrelated = RapidReview.objects.filter(
        partnership=own.partnership, practice_review__isnull=True
    )
    assert other is not None and unrelated.exists()
    client = password_signed_in(Client(raise_request_exception=False), "reviewer", DEMO_PASSWORD)
    return {
        "client": client,
        "own": (own.pk, own.rapid_review.pk, upload.pk),
        "other": (other.pk, unrelated.first().pk, upload.pk),
        "routes": [r for r in _routes() if r != "account/sign-out/"],
    }


def _walk(reviewer_site, *, slug: str, which: str) -> dict[str, tuple[int, int]]:
    """(GET status, POST status) of every route for the reviewer."""
    client = reviewer_site["client"]
    practice, rapid, upload = reviewer_site[which]
    found = {}
    for route in reviewer_site["routes"]:
        path = _path(route, slug=slug, practice=practice, rapid=rapid, upload=upload)
        found[route] = (client.get(path).status_code, client.post(path, {}).status_code)
    return found


def test_the_reviewer_reaches_only_public_pages_and_their_own_review(reviewer_site):
    answers = _walk(reviewer_site, slug="northshire", which="own")
    assert len(answers) > 100
    wrong = {}
    for route, (get, post) in answers.items():
        if PUBLIC.match(route):
            ok = get < 500 and post < 500
        elif route in OWN_LIST:
            ok = get == 200
        elif route in OWN_REVIEW:
            ok = get == 200 and post < 500
        else:
            ok = get in REFUSED and post in REFUSED
        if not ok:
            wrong[route] = (get, post)
    assert wrong == {}


@pytest.mark.parametrize(
    ("slug", "which"),
    [
        ("northshire", "other"),  # another review of the same partnership
        ("bhr", "own"),  # another partnership the reviewer role is held in
        ("north-lincolnshire", "own"),
    ],
)
def test_nothing_else_of_any_partnership_answers_the_reviewer(reviewer_site, slug, which):
    answers = _walk(reviewer_site, slug=slug, which=which)
    wrong = {
        route: statuses
        for route, statuses in answers.items()
        if not PUBLIC.match(route)
        and route not in OWN_LIST
        and not (statuses[0] in REFUSED and statuses[1] in REFUSED)
    }
    assert wrong == {}


def test_the_walk_would_see_a_leak(reviewer_site):
    """The business manager, walked the same way, gets the pages the reviewer is refused."""
    manager = password_signed_in(
        Client(raise_request_exception=False), "business-manager", DEMO_PASSWORD
    )
    practice, rapid, upload = reviewer_site["own"]
    for route in (
        "partnerships/<slug:slug>/compliance/",
        "partnerships/<slug:slug>/actions/",
        "partnerships/<slug:slug>/documents/",
        "partnerships/<slug:slug>/clocks/",
    ):
        path = _path(route, slug="northshire", practice=practice, rapid=rapid, upload=upload)
        assert manager.get(path).status_code == 200, path
        assert reviewer_site["client"].get(path).status_code in REFUSED, path
    # the business manager sees the reviewer's uploads too
    download = _path(
        REVIEW + "practice/<int:pk>/reports/<int:upload>/",
        slug="northshire", practice=practice, rapid=rapid, upload=upload,
    )  # fmt: skip
    assert manager.get(download).status_code == 200
