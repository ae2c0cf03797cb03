"""Writes for the statute library: copying the YAML library into the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from masa.timeline.services import event_record

from . import library as lib
from .loader import load_library
from .models import Framework, RelevantAgencyCategory, Requirement


@dataclass(frozen=True)
class SyncResult:
    """Rows created and updated (frameworks, requirements, categories) and requirements retired."""

    created: int = 0
    updated: int = 0
    retired: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.retired} retired"


def statute_sync(*, by: Any = None, library: lib.Library | None = None) -> SyncResult:
    """Upsert the library (default: the shipped YAML) into the database, in one transaction.

    Idempotent: a second run changes nothing. A requirement id missing from the YAML is retired
    (`retired=True`), never deleted, so assessments that cite it keep their row; it is un-retired
    if it comes back. Raises `LibraryInvalid` before touching the database if the YAML is invalid.
    """
    library = library or load_library()
    counts = {"created": 0, "updated": 0}
    # Foreign keys are checked at commit (Django creates them deferrable), so a framework or
    # requirement may point at one that is written later in the same transaction.
    with transaction.atomic():
        frameworks = Framework.objects.in_bulk()
        for framework in library.frameworks.values():
            fields = _framework_fields(framework)
            _upsert(Framework, frameworks, framework.id, fields, by, counts)
        requirements = Requirement.objects.in_bulk()
        for requirement in library.requirements.values():
            fields = _requirement_fields(requirement)
            _upsert(Requirement, requirements, requirement.id, fields, by, counts)
        categories = RelevantAgencyCategory.objects.in_bulk()
        for category in library.relevant_agency_categories:
            fields = _category_fields(category)
            _upsert(RelevantAgencyCategory, categories, category.paragraph, fields, by, counts)
        retired = 0
        for rid, row in requirements.items():
            if rid not in library.requirements and not row.retired:
                row.retired = True
                _save(row, by)
                retired += 1
        result = SyncResult(counts["created"], counts["updated"], retired)
        if result.created or result.updated or result.retired:
            event_record(
                by=by,
                verb="statute.synced",
                message=f"Statute library synced: {result}.",
                data={"created": result.created, "updated": result.updated, "retired": retired},
            )
    return result


def _framework_fields(framework: lib.Framework) -> dict[str, Any]:
    return {
        "title": framework.title,
        "short_title": framework.short_title,
        "kind": framework.kind,
        "in_force_from": framework.in_force_from,
        "in_force_until": framework.in_force_until,
        "url": framework.url,
        "note": framework.note,
        "supersedes_id": framework.supersedes,
    }


def _requirement_fields(requirement: lib.Requirement) -> dict[str, Any]:
    return {
        "framework_id": requirement.framework,
        "level": requirement.level,
        "holder": requirement.holder,
        "topic": requirement.topic,
        "summary": requirement.summary,
        "citation": requirement.citation,
        "clock_rule": requirement.clock or "",
        "content_of": requirement.content_of or "",
        "evidence": requirement.evidence,
        "derivation": requirement.derivation,
        "confidence": requirement.confidence,
        "lineage_from_id": requirement.lineage_from,
        "lineage_change": requirement.lineage_change or "",
        "note": requirement.note,
        "position": requirement.position,
        "retired": False,
        "commencement": requirement.commencement,
        "commenced_on": requirement.commenced_on,
        "commencement_note": requirement.commencement_note,
    }


def _category_fields(category: lib.RelevantAgencyCategory) -> dict[str, Any]:
    return {
        "heading": category.heading,
        "description": category.description,
        "citation": category.citation,
    }


def _upsert(
    model: type[models.Model],
    existing: dict[Any, Any],
    pk: Any,
    fields: dict[str, Any],
    by: Any,
    counts: dict[str, int],
) -> None:
    instance = existing.get(pk)
    if instance is None:
        _save(model(pk=pk, **fields), by)
        counts["created"] += 1
        return
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, fields[name])
        _save(instance, by)
        counts["updated"] += 1


def _save(instance: models.Model, by: Any) -> None:
    if getattr(by, "is_authenticated", False):
        instance._history_user = by  # type: ignore[attr-defined]  # read by simple_history
    instance.save()
