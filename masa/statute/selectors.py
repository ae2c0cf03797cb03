"""Reads for the statute library (the synced database copy; see `services.statute_sync`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from masa.core.clocks.rules import ClockRule

from .loader import load_library
from .models import Framework, RelevantAgencyCategory, Requirement


def frameworks_for_guidance(guidance_id: str) -> list[str]:
    """The frameworks a partnership working to `guidance_id` ("wt2018" or "wt2023") is assessed on.

    Every Act and set of Regulations, then that edition of the guidance:
    `frameworks_for_guidance("wt2023") == ["ca2004", "si2018-789", "wt2023"]`.
    Raises KeyError for an id that is not a guidance framework.
    """
    return load_library().frameworks_for_guidance(guidance_id)


def frameworks_in_force(*, on: date) -> QuerySet[Framework]:
    return Framework.objects.filter(
        Q(in_force_until__isnull=True) | Q(in_force_until__gte=on), in_force_from__lte=on
    )


def requirements_in_force(*, on: date) -> QuerySet[Requirement]:
    """Current (not retired) requirements of every framework in force on `on`.

    Note that both editions of the guidance are never in force on the same day; a partnership's
    matrix uses `requirements_for_frameworks(frameworks_for_guidance(partnership.guidance))`.
    """
    return (
        Requirement.objects.filter(retired=False, framework__in=frameworks_in_force(on=on))
        .select_related("framework")
        .order_by("framework__in_force_from", "framework_id", "position")
    )


def requirements_for_frameworks(framework_ids: Iterable[str]) -> QuerySet[Requirement]:
    """Current requirements of the given frameworks, in the order the ids are given, then file order."""
    ids = list(framework_ids)
    order = Case(
        *(When(framework_id=fid, then=Value(index)) for index, fid in enumerate(ids)),
        output_field=IntegerField(),
    )
    return (
        Requirement.objects.filter(retired=False, framework_id__in=ids)
        .select_related("framework")
        .annotate(framework_order=order)
        .order_by("framework_order", "position")
    )


def content_list(*, framework_id: str, document: str) -> QuerySet[Requirement]:
    """The statutory content list of a document (`published_arrangements`, `yearly_report`, …)."""
    return requirements_for_frameworks([framework_id]).filter(content_of=document)


@dataclass(frozen=True)
class RequirementDetail:
    requirement: Requirement  # with framework and lineage_from (and its framework) joined
    clock: ClockRule | None  # the requirement's deadline rule, from the library
    successors: list[Requirement]  # later-edition requirements that continue this one


def requirement_detail(requirement_id: str) -> RequirementDetail:
    """One requirement with everything its page shows. Raises `Requirement.DoesNotExist`."""
    requirement = (
        Requirement.objects.select_related("framework", "lineage_from__framework")
        .prefetch_related(
            Prefetch(
                "successors",
                queryset=Requirement.objects.select_related("framework").order_by("position"),
            )
        )
        .get(pk=requirement_id)
    )
    clock = load_library().clocks.get(requirement.clock_rule) if requirement.clock_rule else None
    return RequirementDetail(requirement, clock, list(requirement.successors.all()))


def relevant_agency_categories() -> QuerySet[RelevantAgencyCategory]:
    return RelevantAgencyCategory.objects.order_by("paragraph")
