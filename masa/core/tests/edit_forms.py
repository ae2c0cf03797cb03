"""What a browser would post back from a form on a page: for the concurrent-edit tests."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from django.test import Client


def form_values(form: Tag) -> dict[str, str | list[str]]:
    """Every field of `form` as the browser would submit it unchanged."""
    values: dict[str, list[str]] = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = str(field["name"])
        if field.name == "textarea":
            values.setdefault(name, []).append(field.get_text().removeprefix("\n"))
        elif field.name == "select":
            chosen = field.select("option[selected]") or field.select("option")[:1]
            values.setdefault(name, []).extend(str(o.get("value", o.get_text())) for o in chosen)
        elif field.get("type") in ("radio", "checkbox"):
            if field.has_attr("checked"):
                values.setdefault(name, []).append(str(field.get("value", "on")))
        elif field.get("type") not in ("submit", "button"):
            values.setdefault(name, []).append(str(field.get("value", "")))
    return {name: got[0] if len(got) == 1 else got for name, got in values.items()}


FORM = "main form[method=post][novalidate]"


def form_in(response, selector: str = FORM) -> dict:
    """The form matching `selector` on the page `response` shows, as a browser would post it."""
    assert response.status_code == 200, response.status_code
    form = BeautifulSoup(response.content, "html.parser").select_one(selector)
    assert form is not None, f"no {selector} on the page"
    return form_values(form)


def open_form(client: Client, url: str, selector: str = FORM) -> dict:
    """GET `url` and read its form as a browser would post it."""
    return form_in(client.get(url), selector)


def stale_summary(response) -> tuple[str, list[str]]:
    """The refusal's headline and its listed field changes, from the page's error summary."""
    assert response.status_code == 200, response.status_code
    html = BeautifulSoup(response.content, "html.parser")
    summary = html.select_one(".govuk-error-summary")
    assert summary is not None, "no error summary"
    items = [li.get_text(" ", strip=True) for li in summary.select("li")]
    return items[0], items[1:]
