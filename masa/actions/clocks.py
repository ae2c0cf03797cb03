"""Open actions as clocks on the dashboard (masa.clocks.registry): each runs to the due date agreed
for it and is overdue from the day after, until the work is done (implemented or later). A due date
is the partnership's own, not a statutory deadline."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.text import Truncator

from masa.clocks.registry import ClockView
from masa.core.clocks.engine import long_date, status_of
from masa.core.clocks.rules import Basis

from .models import Action
from .workflow import ACTION_OPEN

RULE = "masa.action-due"


def clocks_for(partnership: Any, *, today: date) -> list[ClockView]:
    """Every open action of the partnership, in one query whatever their number."""
    rows = (
        Action.objects.filter(partnership=partnership, status__in=ACTION_OPEN)
        .select_related("recommendation", "owner")
        .only(
            "id",
            "text",
            "due_on",
            "status",
            "recommendation__reference",
            "recommendation__made_on",
            "owner__name",
        )
        .order_by("due_on", "id")
    )
    views = []
    for action in rows:
        start = min(action.recommendation.made_on, action.due_on)
        what = Truncator(action.text).chars(80)
        views.append(
            ClockView(
                subject=f"{action.recommendation.reference}: action, {what}",
                subject_url=reverse("actions:detail", args=[partnership.slug, action.pk]),
                rule=RULE,
                start=start,
                due=action.due_on,
                done=None,
                status=status_of(action.due_on, None, today),
                explanation=f"Due {long_date(action.due_on)}, the date agreed for the action "
                f"({action.owner.name}, {action.get_status_display().lower()}); a partnership "
                "date, not a statutory one",
                basis=Basis.AGREED,
            )
        )
    return views
