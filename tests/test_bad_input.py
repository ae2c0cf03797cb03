"""Garbage posted to every form and every page of the site: never a server error, and nobody without
the right to write changes anything.

Every URL the site routes (except the operators' Django admin) is requested with GET and POST by an
anonymous visitor, a read-only member and the business manager. For POST, each form's own field
names (read from the page) are filled with values no form accepts as a whole: NUL bytes, text far over
any limit, impossible dates, negative and non-numeric numbers.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from masa.accounts.demo import DEMO_PASSWORD, demo_users_create
from masa.accounts.tests.people import password_signed_in
from masa.actions.demo import demo_load as actions_demo_load
from masa.actions.models import Action, Recommendation
from masa.api.models import ApiToken
from masa.compliance.demo import demo_load as compliance_demo_load
from masa.documents.demo import demo_load as documents_demo_load
from masa.documents.models import Document, DocumentVersion
from masa.geography.services import geography_load
from masa.incidents.demo import demo_load as incidents_demo_load
from masa.incidents.models import SeriousIncident
from masa.partnerships import models as registry
from masa.partnerships.demo import demo_load as partnerships_demo_load
from masa.reviews.demo import demo_load as reviews_demo_load
from masa.reviews.models import PracticeReview, RapidReview
from masa.statute.services import statute_sync
from masa.timeline.models import Event

pytestmark = pytest.mark.django_db

SLUG = "northshire"
REQUIREMENT = "wt2023.scrutiny.ensure"
PERIOD = "2024-25"
# Which record a `<pk>` stands for, by the path segment before it.
PK_MODELS = {
    "areas": registry.PartnershipArea,
    "partners": registry.StatutoryPartner,
    "people": registry.RoleAssignment,
    "agencies": registry.RelevantAgency,
    "boards": registry.Board,
    "priorities": registry.Priority,
    "incidents": SeriousIncident,
    "actions": Action,
    "recommendations": Recommendation,
    "from-incident": SeriousIncident,
    "rapid": RapidReview,
    "practice": PracticeReview,
    "api-tokens": ApiToken,
    "documents": Document,
    # a published version: its dispatch page has the "record as sent" form
    "dispatch": lambda: (
        DocumentVersion.objects.filter(document__partnership__slug=SLUG, status="published")
        .values_list("pk", flat=True)
        .first()
    ),
}
GARBAGE = ["\x00", "x" * 20_000, "-1", "31", "abc", "2025-02-30", "<script>alert(1)</script>"]
# Every date a page reads from its query string (compliance and coverage `at`), and the names other
# pages might read one from; each bad value is sent in all of them at once.
DATE_PARAMETERS = ("at", "today", "from", "period", "on")
BAD_DATES = ["0001-01-01", "9999-12-31", "2025-02-30", "31/12/2025", "x" * 500]
# Real dates no clock can count from, typed into every GOV.UK date input (day, month, year boxes).
EXTREME_DAYS = [("31", "12", "9999"), ("1", "1", "0001"), ("29", "2", "2100")]


def _routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    resolver = resolver or get_resolver()
    routes = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("operators/"):
                continue
            routes.extend(_routes(entry, route))
        elif isinstance(entry, URLPattern):
            routes.append(route)
    return routes


def _fill(route: str) -> str:
    path = "/" + route.lstrip("^").rstrip("$")
    path = path.replace("<slug:slug>", SLUG).replace("<str:requirement_id>", REQUIREMENT)
    # northshire's published yearly report, and the copy of it still owed to Foundations
    path = path.replace("<str:period>", PERIOD).replace("<slug:recipient>", "foundations")
    match = re.search(r"([a-z-]+)/<int:pk>", path)
    if match:
        model = PK_MODELS.get(match.group(1))
        if model is None:
            pk = 1
        elif isinstance(model, type):
            pk = model.objects.filter(partnership__slug=SLUG).values_list("pk", flat=True).first()
        else:
            pk = model()
        path = path.replace("<int:pk>", str(pk or 1))
    return re.sub(r"<[^>]+>", "1", path)


def _field_names(html: bytes) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    names = set()
    for form in soup.select("form[method=post], form[method=POST]"):
        for element in form.select("input[name], textarea[name], select[name]"):
            if element["name"] != "csrfmiddlewaretoken":
                names.add(element["name"])
    return names


def _plausible(html: bytes) -> dict[str, str]:
    """The page's POST form filled as a person would: values kept, blanks given sensible answers."""
    soup = BeautifulSoup(html, "html.parser")
    data: dict[str, str] = {}
    for form in soup.select("form[method=post], form[method=POST]"):
        for element in form.select("input[name], textarea[name], select[name]"):
            name = element["name"]
            if name == "csrfmiddlewaretoken" or name in data:
                continue
            if element.name == "select":
                options = [o.get("value", "") for o in element.select("option") if o.get("value")]
                data[name] = options[0] if options else ""
            elif element.get("type") in {"radio", "checkbox"}:
                data[name] = element.get("value", "on")
            elif re.search(r"_(0|1|2)$", name):
                data[name] = {"0": "1", "1": "4", "2": "2026"}[name[-1]]
            else:
                data[name] = element.get("value") or element.get_text() or "Plausible text"
    return data


@pytest.fixture
def site():
    statute_sync()
    geography_load()
    partnerships_demo_load()
    compliance_demo_load()
    incidents_demo_load()
    reviews_demo_load()
    actions_demo_load()
    documents_demo_load()
    demo_users_create()
    return [_fill(route) for route in _routes()]


def _client(username: str | None) -> Client:
    client = Client(raise_request_exception=False)
    if username:
        password_signed_in(client, username, DEMO_PASSWORD)
    return client


def test_every_page_answers_get_and_garbage_post_without_a_server_error(site):
    manager = _client("business-manager")
    failures = []
    forms_posted = 0
    for path in site:
        if path == "/account/sign-out/":
            continue  # it would end the session the walk needs; tested in masa/accounts
        page = manager.get(path)
        if page.status_code >= 500:
            failures.append(("GET", path, page.status_code))
            continue
        names = _field_names(page.content) if page.status_code == 200 else set()
        forms_posted += bool(names)
        payloads = [{}] + [{name: value for name in names} for value in GARBAGE]
        for payload in payloads:
            response = manager.post(path, payload)
            if response.status_code >= 500:
                failures.append(("POST", path, payload and next(iter(payload.values()))[:20]))
    assert failures == []
    # The walk really reaches the site's forms (sign-in, registry, compliance, filters…).
    assert len(site) > 40 and forms_posted > 15, (len(site), forms_posted)


@pytest.mark.parametrize("username", [None, "viewer", "agency-contact"])
def test_people_who_may_not_write_change_nothing(site, username):
    manager = _client("business-manager")
    client = _client(username)
    events = Event.objects.count()
    for path in site:
        if path == "/account/sign-out/":
            continue
        response = client.post(path, _plausible(manager.get(path).content))
        assert response.status_code < 500, path
    assert Event.objects.count() == events
    # The same answers from the business manager do write: the refusals above were real.
    writes = 0
    for path in site:
        if path != "/account/sign-out/":
            before = Event.objects.count()
            manager.post(path, _plausible(manager.get(path).content))
            writes += Event.objects.count() > before
    assert writes >= 5


def test_bad_and_extreme_dates_anywhere_get_a_message_not_a_server_error(site):
    """`?at=9999-12-31` and friends on every page, and day 31 12 9999 in every date input of every
    form (the rest of the form filled as a person would): never a 500, and a form says what is
    wrong instead of saving."""
    manager = _client("business-manager")
    failures = []
    date_forms = 0
    events = Event.objects.count()
    for path in site:
        if path == "/account/sign-out/":
            continue
        for bad in BAD_DATES:
            response = manager.get(path, dict.fromkeys(DATE_PARAMETERS, bad))
            if response.status_code >= 500:
                failures.append(("GET", path, bad[:20], response.status_code))
        page = manager.get(path)
        if page.status_code != 200:
            continue
        plausible = _plausible(page.content)
        date_parts = sorted({name[:-2] for name in plausible if re.search(r"_[012]$", name)})
        if not date_parts:
            continue
        date_forms += 1
        for day, month, year in EXTREME_DAYS:
            payload = dict(plausible)
            for field in date_parts:
                payload |= {f"{field}_0": day, f"{field}_1": month, f"{field}_2": year}
            response = manager.post(path, payload)
            if response.status_code >= 500:
                failures.append(("POST", path, year, response.status_code))
            elif response.status_code == 200 and not BeautifulSoup(
                response.content, "html.parser"
            ).select_one(".govuk-error-summary"):
                failures.append(("POST without a message", path, year, 200))
    assert failures == []
    assert Event.objects.count() == events  # nothing was saved with those dates
    assert date_forms >= 8, date_forms
