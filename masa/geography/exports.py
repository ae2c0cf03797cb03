"""Coverage as JSON and CSV: the `masa coverage` contract (DESIGN.md) and the page's downloads.

JSON keys are a stable interface; add keys, never rename or remove them.
"""

from __future__ import annotations

import csv
from typing import IO, Any

from masa.core.spreadsheets import spreadsheet_row
from masa.geography.templatetags.geography import COVERAGE_TAGS

from .selectors import AreaCoverage, Coverage, LocalAuthorityCoverage, PartnershipRef

# `status` keeps the JSON's words (covered, uncovered, double_covered); `status_label` is the page's.
CSV_COLUMNS = (
    "kind", "code", "name", "region", "ods_code", "status", "partnership", "partnership_slug",
    "parents", "partnerships", "police_force_areas", "icbs", "status_label",
)  # fmt: skip
STATUS_LABELS = {status: label for status, (_css, label) in COVERAGE_TAGS.items()}


def coverage_json(coverage: Coverage) -> dict[str, Any]:
    return {
        "at": coverage.on.isoformat(),
        "local_authorities": [_la(la) for la in coverage.local_authorities],
        "uncovered": [_code_name(la.local_authority) for la in coverage.uncovered],
        "double_covered": [
            {**_code_name(la.local_authority), "partnerships": _refs(la.partnerships)}
            for la in coverage.double_covered
        ],
        "police_force_areas": [_area(area) for area in coverage.police_force_areas],
        "uncovered_police_force_areas": [
            _code_name(area.area) for area in coverage.uncovered_police_force_areas
        ],
        "icbs": [
            {**_area(area), "ods_code": area.area.ods_code}  # type: ignore[union-attr]
            for area in coverage.icbs
        ],
        "uncovered_icbs": [
            {**_code_name(area.area), "ods_code": area.area.ods_code}  # type: ignore[union-attr]
            for area in coverage.uncovered_icbs
        ],
    }


def coverage_csv(coverage: Coverage, out: IO[str]) -> None:
    """One row per LA, then per police force area, then per ICB (`kind` tells them apart).
    Lists inside a cell are joined with "; "; `parents` runs nearest first."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for la in coverage.local_authorities:
        row = _la(la)
        writer.writerow(spreadsheet_row([
            "local_authority", row["code"], row["name"], row["region"], None, row["status"],
            row["partnership"], row["partnership_slug"],
            _join(ref.name for ref in la.parents), _join(ref.name for ref in la.partnerships),
            _join(force.name for force in la.police_forces),
            _join(overlap.icb.name for overlap in la.icb_overlaps), STATUS_LABELS[row["status"]],
        ]))  # fmt: skip
    for kind, areas in (("police_force_area", coverage.police_force_areas), ("icb", coverage.icbs)):
        for area in areas:
            status = "covered" if area.covered else "uncovered"
            writer.writerow(spreadsheet_row([
                kind, area.area.code, area.area.name, None, getattr(area.area, "ods_code", None),
                status, None, None, None, _join(ref.name for ref in area.partnerships), None, None,
                "Covered" if area.covered else "Not fully covered",
            ]))  # fmt: skip


def _la(la: LocalAuthorityCoverage) -> dict[str, Any]:
    authority = la.local_authority
    return {
        "code": authority.code,
        "name": authority.name,
        "region": authority.region_name,
        "region_code": authority.region_code,
        "partnership": la.partnership.name if la.partnership else None,
        "partnership_slug": la.partnership.slug if la.partnership else None,
        "parents": _refs(la.parents),
        "status": la.status,
        "partnerships": _refs(la.partnerships),
        "police_force_areas": [force.code for force in la.police_forces],
        "icbs": [overlap.icb_id for overlap in la.icb_overlaps],
    }


def _area(area: AreaCoverage) -> dict[str, Any]:
    return {
        **_code_name(area.area),
        "partnerships": _refs(area.partnerships),
        "covered": area.covered,
        "local_authorities": [la.local_authority.code for la in area.local_authorities],
    }


def _code_name(obj: Any) -> dict[str, str]:
    return {"code": obj.code, "name": obj.name}


def _refs(refs: tuple[PartnershipRef, ...]) -> list[dict[str, str]]:
    return [{"slug": ref.slug, "name": ref.name} for ref in refs]


def _join(values: Any) -> str:
    return "; ".join(values)
