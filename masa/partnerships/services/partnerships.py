"""Create and change a partnership: its name, the guidance it works to, and where it nests."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import transaction

from masa.core.errors import Conflict
from masa.core.versioning import UNCHECKED, version_claim
from masa.timeline.services import event_record

from ..models import Guidance, Partnership, PartnershipArea
from .validate import optional_text, refuse, required_text

# Path segments under /partnerships/ that are pages, not partnerships.
RESERVED_SLUGS = frozenset({"add", "new", "edit"})
# Access rules (accounts.selectors) reach two levels below a membership, so nest at most three deep.
MAX_DEPTH = 3


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()


def _depth(partnership: Partnership | None) -> int:
    """1 for a top-level partnership, 2 for its child, …"""
    depth = 0
    while partnership is not None:
        depth += 1
        partnership = partnership.parent
    return depth


def _height(partnership: Partnership) -> int:
    """1 for a partnership with no children, 2 if it has children, 3 with grandchildren."""
    if Partnership.objects.filter(parent__parent=partnership).exists():
        return 3
    return 2 if Partnership.objects.filter(parent=partnership).exists() else 1


def _check_parent(parent: Partnership | None, *, child: Partnership | None) -> None:
    if parent is None:
        return
    ancestor: Partnership | None = parent
    while ancestor is not None:
        if child is not None and ancestor.pk == child.pk:
            raise refuse(
                "parent",
                "A partnership cannot sit within itself or within a "
                "partnership that sits within it",
            )
        ancestor = ancestor.parent
    height = _height(child) if child is not None else 1
    if _depth(parent) + height > MAX_DEPTH:
        raise refuse(
            "parent",
            f"Partnerships nest at most {MAX_DEPTH} levels deep; "
            f"{parent} is already too deep to hold this one",
        )
    # Areas are recorded on the partnerships that have no others within them (the leaves).
    open_areas = PartnershipArea.objects.filter(partnership=parent, end__isnull=True)
    if open_areas.exists():
        names = ", ".join(
            sorted(str(a.local_authority) for a in open_areas.select_related("local_authority"))
        )
        raise Conflict(
            f"{parent} still covers {names} itself. End those areas first and record them on "
            f"the partnership within it: areas are recorded on local partnerships only",
            {"parent": [f"{parent} still covers {names} itself; end those areas first"]},
        )


def _check_name(name: str, *, exclude: Partnership | None = None) -> None:
    clash = Partnership.objects.filter(name__iexact=name)
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise Conflict(
            f"A partnership called {name} already exists",
            {"name": [f"A partnership called {name} already exists"]},
        )


def _check_guidance(guidance: str) -> str:
    if guidance not in Guidance.values:
        raise refuse("guidance", "Select the guidance the partnership works to")
    return guidance


def _check_website(website: str | None) -> str:
    website = optional_text(website, field="website", label="Website", max_length=200)
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError as error:
            raise refuse(
                "website", "Enter a website address, like https://www.example.org"
            ) from error
    return website


@transaction.atomic
def partnership_create(
    *,
    name: str,
    slug: str,
    guidance: str,
    by: Any,
    parent: Partnership | None = None,
    short_name: str = "",
    website: str = "",
    summary: str = "",
    is_fictional: bool = False,
    practice_review_six_months: bool = False,
    demo_source: str = "",
) -> Partnership:
    name = required_text(name, field="name", message="Enter the partnership's name")
    slug = (slug or "").strip().lower()
    try:
        validate_slug(slug)
    except ValidationError as error:
        raise refuse(
            "slug", "Enter a short web name using only letters, numbers and hyphens"
        ) from error
    if slug in RESERVED_SLUGS:
        raise refuse("slug", f"The web name {slug} is used by MASA itself; choose another")
    if Partnership.objects.filter(slug=slug).exists():
        raise Conflict(
            f"The web name {slug} is already used by another partnership",
            {"slug": [f"The web name {slug} is already used by another partnership"]},
        )
    _check_name(name)
    _check_parent(parent, child=None)
    partnership = Partnership.objects.create(
        name=name,
        slug=slug,
        guidance=_check_guidance(guidance),
        parent=parent,
        short_name=optional_text(short_name, field="short_name", label="Short name", max_length=60),
        website=_check_website(website),
        summary=(summary or "").strip(),
        is_fictional=is_fictional,
        practice_review_six_months=practice_review_six_months is True,
        demo_source=_check_website(demo_source),
    )
    within = f", within {parent}" if parent else ""
    event_record(
        by=by,
        verb="partnership.created",
        message=f"Recorded the partnership {partnership} "
        f"({partnership.get_guidance_display()}){within}",
        subject=partnership,
        partnership=partnership,
        data={
            "slug": slug,
            "guidance": partnership.guidance,
            "parent": parent.slug if parent else None,
        },
    )
    return partnership


@transaction.atomic
def partnership_update(
    *,
    partnership: Partnership,
    by: Any,
    name: str = UNCHANGED,
    short_name: str = UNCHANGED,
    guidance: str = UNCHANGED,
    parent: Partnership | None = UNCHANGED,
    website: str = UNCHANGED,
    summary: str = UNCHANGED,
    practice_review_six_months: bool = UNCHANGED,
    expected_version: Any = UNCHECKED,
    demo_source: str = UNCHANGED,
) -> Partnership:
    """Change any of the given fields; the web name (slug) never changes, links depend on it.
    `practice_review_six_months` is a WT2023 partnership's local default, not a statutory duty.
    StaleRecord if someone saved the partnership since the form was opened at `expected_version`."""
    partnership = (
        Partnership.objects.select_for_update(of=("self",))
        .select_related("parent")
        .get(pk=partnership.pk)
    )
    given = {
        "name": name, "short_name": short_name, "guidance": guidance, "parent": parent,
        "website": website, "summary": summary,
        "practice_review_six_months": practice_review_six_months,
    }  # fmt: skip
    version_claim(
        partnership,
        expected_version,
        yours={field: value for field, value in given.items() if value is not UNCHANGED},
    )
    changes: dict[str, list[Any]] = {}

    def change(field: str, value: Any, shown: Any = None) -> None:
        old = getattr(partnership, field)
        if old != value:
            changes[field] = [
                str(old) if old is not None else None,
                str(shown if shown is not None else value),
            ]
            setattr(partnership, field, value)

    if name is not UNCHANGED:
        name = required_text(name, field="name", message="Enter the partnership's name")
        _check_name(name, exclude=partnership)
        change("name", name)
    if short_name is not UNCHANGED:
        change(
            "short_name",
            optional_text(short_name, field="short_name", label="Short name", max_length=60),
        )
    if guidance is not UNCHANGED:
        change("guidance", _check_guidance(guidance))
    if parent is not UNCHANGED and parent != partnership.parent:
        _check_parent(parent, child=partnership)
        change("parent", parent)
    if website is not UNCHANGED:
        change("website", _check_website(website))
    if summary is not UNCHANGED:
        change("summary", (summary or "").strip())
    if practice_review_six_months is not UNCHANGED:
        change("practice_review_six_months", practice_review_six_months is True)
    if demo_source is not UNCHANGED:
        change("demo_source", _check_website(demo_source))
    if not changes:
        return partnership
    partnership.save()
    described = []
    if "guidance" in changes:
        described.append(f"now works to {partnership.get_guidance_display()}")
    if "name" in changes:
        described.append(f"renamed from {changes['name'][0]}")
    if "parent" in changes:
        described.append(
            f"now within {partnership.parent}"
            if partnership.parent
            else "no longer within another partnership"
        )
    if "practice_review_six_months" in changes:
        described.append(
            "now expects practice reviews within 6 months as a local default, not statutory"
            if partnership.practice_review_six_months
            else "no longer runs the 6-month practice-review local default"
        )
    others = sorted(set(changes) - {"guidance", "name", "parent", "practice_review_six_months"})
    if others:
        described.append("changed " + ", ".join(field.replace("_", " ") for field in others))
    event_record(
        by=by,
        verb="partnership.updated",
        message=f"Updated {partnership}: {'; '.join(described)}",
        subject=partnership,
        partnership=partnership,
        data={"changes": changes},
    )
    return partnership
