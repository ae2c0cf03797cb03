"""Content-Security-Policy and Permissions-Policy on every kind of response, and no page that the
policy would break: every page the site routes is fetched by the business manager and parsed, and
none may carry an inline script, a <style> element or a style attribute (the policy refuses them)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from masa.accounts.models import User
from masa.api.services import api_token_create
from masa.partnerships.models import Partnership

from .test_bad_input import _client, site  # noqa: F401  (the demo site and its every URL)

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_secured(response) -> None:
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)
    features = dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert features[feature] == "()", feature


def test_html_pages_public_pages_and_the_api_send_both_policies(site):  # noqa: F811
    manager = _client("business-manager")
    anonymous = Client()
    partnership = Partnership.objects.get(slug="northshire")
    manager_user = User.objects.get(username="business-manager")
    key = api_token_create(partnership=partnership, name="Case system", by=manager_user)[1]
    responses = [
        manager.get("/partnerships/northshire/"),
        manager.get("/partnerships/northshire/compliance/"),
        anonymous.get("/"),
        anonymous.get("/account/sign-in/"),
        anonymous.get("/statute/"),
        anonymous.get("/published/northshire/"),
        anonymous.get("/api/schema/"),
        anonymous.get(
            "/api/v1/partnerships/northshire/notifications/",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        ),
        anonymous.get("/no-such-page/"),
    ]
    assert [r.status_code for r in responses] == [200] * 8 + [404]
    assert responses[7]["Content-Type"].startswith("application/json")
    for response in responses:
        assert_secured(response)


def inline_code(html: bytes) -> list[str]:
    """What the policy would block: scripts without src (JSON data blocks are not run, so allowed),
    <style> elements, style attributes and on* event handler attributes."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        f"<script>{script.get_text()[:60]}"
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") != "application/json"
    ]
    found += [f"<style>{style.get_text()[:60]}" for style in soup.find_all("style")]
    for element in soup.find_all(True):
        for attribute in element.attrs:
            if attribute == "style" or attribute.startswith("on"):
                found.append(f"<{element.name} {attribute}={element[attribute]!s:.60}>")
    return found


def test_no_page_of_the_site_has_inline_script_or_style(site):  # noqa: F811
    manager = _client("business-manager")
    anonymous = Client()
    pages = 0
    problems = {}
    for path in [*site, "/published/northshire/yearly-report/2024-25/"]:
        for client in (manager, anonymous):
            response = client.get(path)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            pages += 1
            assert_secured(response)
            if found := inline_code(response.content):
                problems[path] = found
    assert problems == {}
    assert pages > 60, pages


def test_the_inline_check_would_see_inline_code():
    assert inline_code(b"<script>alert(1)</script><script src='/x.js'></script>") == [
        "<script>alert(1)"
    ]
    assert inline_code(b'<p style="color:red" onclick="x()">') == [
        "<p style=color:red>",
        "<p onclick=x()>",
    ]
