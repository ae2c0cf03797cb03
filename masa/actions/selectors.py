"""Reads for recommendations, actions and themes. Each returns the joins its page needs, so a page's
query count does not grow with the rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q, QuerySet

from masa.partnerships.models import Organisation, Partnership

from . import workflow
from .models import Action, ActionSignOff, ActionUpdate, LearningTheme, Recommendation


def overdue_q(today: date) -> Q:
    """Due before today and the work not yet done (implemented or later is not overdue)."""
    return Q(due_on__lt=today) & ~Q(status__in=workflow.ACTION_DONE)


def actions_for(
    partnership: Partnership,
    *,
    today: date,
    status: str | None = None,
    owner: Organisation | int | None = None,
    overdue: bool | None = None,
    theme: LearningTheme | int | None = None,
) -> QuerySet[Action]:
    rows = Action.objects.filter(partnership=partnership)
    if status:
        rows = rows.filter(status=status)
    if owner is not None:
        rows = rows.filter(owner=owner)
    if overdue is True:
        rows = rows.filter(overdue_q(today))
    elif overdue is False:
        rows = rows.exclude(overdue_q(today))
    if theme is not None:
        rows = rows.filter(
            recommendation_id__in=Recommendation.objects.filter(
                partnership=partnership, themes=theme
            ).values("pk")
        )
    return (
        rows.select_related("recommendation", "owner")
        .annotate(is_overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))
        .only(
            "id",
            "text",
            "owner_role",
            "due_on",
            "status",
            "partnership_id",
            "recommendation__id",
            "recommendation__reference",
            "recommendation__made_on",
            "owner__id",
            "owner__name",
        )
        .order_by("due_on", "id")
    )


def action_detail(*, partnership: Partnership, pk: int) -> Action:
    return (
        Action.objects.select_related("recommendation", "owner", "partnership")
        .prefetch_related(
            Prefetch("updates", ActionUpdate.objects.select_related("by")),
            Prefetch("sign_offs", ActionSignOff.objects.select_related("by")),
            "recommendation__themes",
        )
        .get(partnership=partnership, pk=pk)
    )


def recommendations_for(partnership: Partnership, *, today: date) -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.filter(partnership=partnership)
        .annotate(
            action_count=Count("actions", distinct=True),
            overdue_count=Count(
                "actions",
                filter=Q(actions__due_on__lt=today) & ~Q(actions__status__in=workflow.ACTION_DONE),
                distinct=True,
            ),
        )
        .prefetch_related("themes")
        .order_by("-made_on", "reference")
    )


def recommendations_from(source: models.Model, *, today: date) -> QuerySet[Recommendation]:
    """The recommendations a review (or any other source record) made, with their action counts."""
    return recommendations_for(source.partnership, today=today).filter(  # type: ignore[attr-defined]
        source_type=ContentType.objects.get_for_model(source), source_id=str(source.pk)
    )


def recommendation_detail(*, partnership: Partnership, pk: int) -> Recommendation:
    return (
        Recommendation.objects.prefetch_related(
            "themes", Prefetch("actions", Action.objects.select_related("owner"))
        )
        .select_related("partnership")
        .get(partnership=partnership, pk=pk)
    )


@dataclass
class ThemeCount:
    theme: LearningTheme
    recommendations: int = 0
    sources: list[str] = field(default_factory=list)
    partnerships: list[str] = field(default_factory=list)

    @property
    def recurring(self) -> bool:
        """A theme recurs when more than one source (review, audit…) raised it."""
        return len(self.sources) > 1


def recurring_themes(partnership: Partnership | None = None) -> list[ThemeCount]:
    """Every theme raised by at least one recommendation (of one partnership, or of all of them
    for the national view), most frequent first, with the sources that raised it."""
    links = Recommendation.themes.through.objects.select_related(
        "learningtheme", "recommendation__partnership"
    )
    if partnership is not None:
        links = links.filter(recommendation__partnership=partnership)
    counts: dict[int, ThemeCount] = {}
    for link in links.order_by("recommendation__made_on", "recommendation__reference"):
        theme = link.learningtheme
        entry = counts.setdefault(theme.pk, ThemeCount(theme))
        entry.recommendations += 1
        recommendation = link.recommendation
        source = recommendation.source_label
        if partnership is None:
            source = f"{source} — {recommendation.partnership.name}"
        if source not in entry.sources:
            entry.sources.append(source)
        if recommendation.partnership.name not in entry.partnerships:
            entry.partnerships.append(recommendation.partnership.name)
    return sorted(counts.values(), key=lambda c: (-c.recommendations, c.theme.name))


def themes_in_use() -> QuerySet[LearningTheme]:
    return LearningTheme.objects.filter(retired=False).order_by("name")
