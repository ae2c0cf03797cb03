"""The public statute browser (no sign-in): duties, one duty, content lists, relevant agencies, exports.

Pages read the synced database copy (`services.statute_sync`); clock rules come from the loaded
library. The downloads reuse the `masa statute export` row builder, so they match the command.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS

from masa.core.clocks.engine import ClockRuleError, DueDate, compute_due
from masa.core.clocks.rules import ClockRule, Unit
from masa.core.presentation import status_label
from masa.core.spreadsheets import spreadsheet_cell
from masa.statute.management.commands.statute import EXPORT_KEYS, export_rows

from . import selectors
from .loader import load_library
from .models import Framework, Requirement
from .schema import (
    CONTENT_LISTS,
    DERIVATION_WORDS,
    HOLDERS,
    LEVELS,
    SCHEDULE_HEADINGS,
    TOPICS,
)

PER_PAGE = 100
MAX_SEARCH_TERMS = 8  # each term adds an AND of three LIKEs; more words add nothing useful
FILTERS = ("framework", "level", "holder", "topic", "content_of")

# What the compliance engine checks in the records for each `evidence: derived:<rule>`.

CONFIDENCE_WORDS: Mapping[str, tuple[str, str]] = {
    "seen-primary": (
        "Seen in the primary text",
        "Checked against the Act or Regulations themselves.",
    ),
    "seen-secondary": (
        "Seen in guidance restatements",
        "Checked against restatements of the guidance (such as local procedures manuals), "
        "not against the guidance document itself.",
    ),
    "recalled": (
        "Recalled, not confirmed",
        "Written from knowledge of the guidance and not yet checked against a source. "
        "Check the guidance before relying on the wording.",
    ),
}


class RequirementFilterForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.SearchInput,
        help_text="Words in the id, summary or citation, for example ‘yearly report’ or ‘16E’",
    )
    framework = forms.ChoiceField(label="Source", required=False)
    level = forms.ChoiceField(
        label="Level", required=False, choices=[("", "Any level"), *LEVELS.items()]
    )
    holder = forms.ChoiceField(
        label="Who holds it", required=False, choices=[("", "Anyone"), *HOLDERS.items()]
    )
    topic = forms.ChoiceField(
        label="Topic", required=False, choices=[("", "Any topic"), *TOPICS.items()]
    )
    content_of = forms.ChoiceField(
        label="Part of",
        required=False,
        choices=[("", "Any or no document"), *CONTENT_LISTS.items()],
        help_text="The document whose statutory content list includes it",
    )

    def __init__(self, *args: Any, frameworks: list[Framework], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].choices = [  # type: ignore[attr-defined]
            ("", "Every source"),
            *((f.id, f.short_title) for f in frameworks),
        ]


@dataclass(frozen=True)
class Filters:
    """The filters a request asked for that we understood, and the ones we ignored (in words)."""

    chosen: dict[str, str]
    ignored: list[str] = field(default_factory=list)

    def query(self, **extra: Any) -> str:
        return urlencode({**self.chosen, **extra})


def _read_filters(params: Mapping[str, str], frameworks: list[Framework]) -> Filters:
    """Valid filter values kept; a value no form could send (`level=banana`) is ignored, not a 500."""
    form = RequirementFilterForm(params, frameworks=frameworks)
    form.is_valid()
    ignored = [
        f"{form.fields[name].label} ‘{_shown(params.get(name, ''))}’" for name in form.errors
    ]
    chosen = {name: value for name, value in form.cleaned_data.items() if value}
    return Filters(chosen, ignored)


def _shown(value: str) -> str:
    """A bad value as we echo it back: printable characters only, and not too long."""
    return "".join(ch for ch in value if ch.isprintable())[:40]


def _matching(chosen: Mapping[str, str]) -> QuerySet[Requirement]:
    rows = Requirement.objects.filter(retired=False).select_related("framework")
    for name in FILTERS:
        if chosen.get(name):
            rows = rows.filter(**{f"{name}_id" if name == "framework" else name: chosen[name]})
    for term in chosen.get("q", "").split()[:MAX_SEARCH_TERMS]:
        rows = rows.filter(
            Q(id__icontains=term) | Q(summary__icontains=term) | Q(citation__icontains=term)
        )
    return rows.order_by("framework__in_force_from", "framework_id", "position")


def _page(paginator: Paginator, raw: str | None) -> tuple[Page, str]:
    """The page asked for, or the nearest real one and a sentence saying why."""
    if not raw:
        return paginator.page(1), ""
    try:
        number = int(raw)
    except ValueError:
        number = 0
    if number < 1:
        return paginator.page(1), f"There is no page ‘{_shown(raw)}’, so the first page is shown."
    if number > paginator.num_pages:
        last = paginator.num_pages
        return paginator.page(last), f"There is no page {number}, so page {last} is shown."
    return paginator.page(number), ""


def _page_links(page: Page, filters: Filters) -> list[dict[str, Any]]:
    """GOV.UK pagination items: first, last and the pages beside this one; gaps are ellipses."""
    last = page.paginator.num_pages
    numbers = sorted(
        {1, last, page.number - 1, page.number, page.number + 1} & {*range(1, last + 1)}
    )
    items: list[dict[str, Any]] = []
    previous = 0
    for number in numbers:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": number,
                "href": "?" + filters.query(page=number),
                "current": number == page.number,
            }
        )
        previous = number
    return items


def clock_words(rule: ClockRule) -> str:
    """A rule in a few words: "5 working days", "7 days before", "By 30 September after the year"."""
    unit = Unit(rule.unit)
    if unit is Unit.BY_DATE:
        return f"By {rule.day} {MONTHS[rule.month or 1]} after the year ends"
    noun = {Unit.WORKING_DAYS: "working day", Unit.CALENDAR_DAYS: "day", Unit.MONTHS: "month"}
    words = f"{rule.amount} {noun[unit]}{'' if rule.amount == 1 else 's'}"
    return f"{words} before" if rule.before else words


@dataclass(frozen=True)
class Row:
    requirement: Requirement
    clock: str  # the clock rule in a few words, or ""


def requirement_list(request: HttpRequest) -> HttpResponse:
    frameworks = list(Framework.objects.order_by("in_force_from", "id"))
    filters = _read_filters(request.GET, frameworks)
    paginator = Paginator(_matching(filters.chosen), PER_PAGE)
    page, page_message = _page(paginator, request.GET.get("page"))
    clocks = load_library().clocks
    rows = [
        Row(r, clock_words(clocks[r.clock_rule]) if r.clock_rule in clocks else "") for r in page
    ]
    return render(
        request,
        "statute/list.html",
        {
            "page_title": "Statutory duties",
            "breadcrumbs": [("Home", reverse("core:home")), ("Statutory duties", None)],
            "frameworks": frameworks,
            "form": RequirementFilterForm(initial=filters.chosen, frameworks=frameworks),
            "filters": filters,
            "page": page,
            "rows": rows,
            "page_message": page_message,
            "page_links": _page_links(page, filters) if paginator.num_pages > 1 else [],
            "previous_href": "?" + filters.query(page=page.number - 1),
            "next_href": "?" + filters.query(page=page.number + 1),
        },
    )


def _worked_example(rule: ClockRule | None) -> DueDate | None:
    if rule is None:
        return None
    try:
        return compute_due(rule, timezone.localdate())
    except ClockRuleError:  # the checker vouches for shipped rules; never fail the page on one
        return None


def requirement_page(request: HttpRequest, requirement_id: str) -> HttpResponse:
    try:
        detail = selectors.requirement_detail(requirement_id)
    except Requirement.DoesNotExist:
        raise Http404(f"No requirement {requirement_id!r}") from None
    requirement = detail.requirement
    list_url = reverse("statute:list")
    return render(
        request,
        "statute/detail.html",
        {
            "page_title": requirement.summary[:60],
            "breadcrumbs": [
                ("Home", reverse("core:home")),
                ("Statutory duties", list_url),
                (requirement.id, None),
            ],
            "r": requirement,
            "detail": detail,
            "clock": detail.clock,
            "clock_words": clock_words(detail.clock) if detail.clock else "",
            "example": _worked_example(detail.clock),
            "confidence": CONFIDENCE_WORDS.get(requirement.confidence),
            "derivation_words": DERIVATION_WORDS.get(requirement.derivation, ""),
            "assessed_by": _partnerships_assessing(requirement),
            "content_list_url": (
                f"{reverse('statute:content-lists')}#{requirement.framework_id}-{requirement.content_of}"
                if requirement.content_of
                else ""
            ),
        },
    )


def _partnerships_assessing(requirement: Requirement) -> int | None:
    """How many partnerships hold an assessment of it: a number only, never which ones.

    None when the compliance app has no Assessment model (the statute app does not depend on it).
    """
    try:
        assessment = apps.get_model("compliance", "Assessment")
    except LookupError:
        return None
    rows = assessment.objects.filter(requirement=requirement)
    return rows.values("partnership").distinct().count()


@dataclass
class ContentList:
    framework: Framework
    document: str
    items: list[Requirement] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"{self.framework.id}-{self.document}"

    @property
    def title(self) -> str:
        return CONTENT_LISTS[self.document]

    def count(self, level: str) -> int:
        return sum(1 for item in self.items if item.level == level)

    @property
    def levels(self) -> list[tuple[str, int]]:
        return [(level, n) for level in LEVELS if (n := self.count(level))]


def content_lists_page(request: HttpRequest) -> HttpResponse:
    rows = (
        Requirement.objects.filter(retired=False)
        .exclude(content_of="")
        .select_related("framework")
        .order_by("framework__in_force_from", "framework_id", "position")
    )
    lists: dict[tuple[str, str], ContentList] = {}
    for row in rows:
        key = (row.framework_id, row.content_of)
        lists.setdefault(key, ContentList(row.framework, row.content_of)).items.append(row)
    documents = list(CONTENT_LISTS)
    # The guidance in force today first; within a source, the documents in the schema's order.
    ordered = sorted(
        lists.values(),
        key=lambda c: (
            -c.framework.in_force_from.toordinal(),
            c.framework.id,
            documents.index(c.document),
        ),
    )
    return render(
        request,
        "statute/content_lists.html",
        {
            "page_title": "What each document must contain",
            "breadcrumbs": [
                ("Home", reverse("core:home")),
                ("Statutory duties", reverse("statute:list")),
                ("Document content lists", None),
            ],
            "lists": ordered,
        },
    )


def relevant_agencies_page(request: HttpRequest) -> HttpResponse:
    grouped: dict[str, list[Any]] = {heading: [] for heading in SCHEDULE_HEADINGS}
    for category in selectors.relevant_agency_categories():
        grouped.setdefault(category.heading, []).append(category)
    si = Framework.objects.filter(pk="si2018-789").first()
    return render(
        request,
        "statute/relevant_agencies.html",
        {
            "page_title": "Relevant agencies",
            "breadcrumbs": [
                ("Home", reverse("core:home")),
                ("Statutory duties", reverse("statute:list")),
                ("Relevant agencies", None),
            ],
            "groups": [
                (heading, SCHEDULE_HEADINGS.get(heading, heading), categories)
                for heading, categories in grouped.items()
                if categories
            ],
            "count": sum(len(categories) for categories in grouped.values()),
            "regulations": si,
        },
    )


def export_json(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        json.dumps(export_rows(load_library()), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="statute-requirements.json"'
    return response


# The keys of `masa statute export` (codes, for scripts), but a spreadsheet cannot hold the nested
# `lineage` and `commencement` objects, so they become columns; then the level, holder and topic in the
# browser's words.
CSV_COLUMNS = (
    *(key for key in EXPORT_KEYS if key not in ("lineage", "commencement")),
    "lineage_change", "lineage_from", "commencement",
    "level_label", "holder_label", "topic_label",
)  # fmt: skip


def export_csv(request: HttpRequest) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in export_rows(load_library()):
        lineage = row.pop("lineage") or {}
        commencement = row.pop("commencement") or {}
        row |= {
            "lineage_change": lineage.get("change"),
            "lineage_from": lineage.get("from"),
            "commencement": commencement.get("label"),
            "level_label": status_label(row["level"]),
            "holder_label": HOLDERS.get(row["holder"], row["holder"]),
            "topic_label": TOPICS.get(row["topic"], row["topic"]),
        }
        writer.writerow({key: spreadsheet_cell(value) for key, value in row.items()})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="statute-requirements.csv"'
    return response
