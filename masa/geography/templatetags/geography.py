"""`{% partnership_name ref partnership_links %}`: a partnership's name, linked when the viewer may
see it (the view passes `partnership_links`, id → URL, for those only)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def partnership_name(ref, links: dict[int, str]) -> str:
    href = links.get(ref.id)
    if href:
        return format_html('<a class="govuk-link" href="{}">{}</a>', href, ref.name)
    return format_html("{}", ref.name)


# Coverage statuses as GOV.UK tags; the words are shown, so colour is never the only signal.
COVERAGE_TAGS = {
    "covered": ("govuk-tag--green", "Covered"),
    "uncovered": ("govuk-tag--red", "Not covered"),
    "double_covered": ("govuk-tag--yellow", "More than one partnership"),
}


@register.inclusion_tag("geography/_coverage_tag.html")
def coverage_tag(status: str | bool) -> dict[str, str]:
    if isinstance(status, bool):  # police force areas and ICBs: covered in full or not
        return {"css": COVERAGE_TAGS["covered" if status else "uncovered"][0],
                "label": "Covered" if status else "Not fully covered"}  # fmt: skip
    css, label = COVERAGE_TAGS.get(status, ("govuk-tag--grey", status))
    return {"css": css, "label": label}
