"""Writes to the geography reference data. Only the loader writes: the app never edits them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from masa.timeline.services import event_record

from .models import IcbOverlap, IntegratedCareBoard, LocalAuthority, PoliceForceArea
from .sources import GeographyData, read_geography

LA_FIELDS = (
    "previous_code", "dfe_code", "mysociety_code", "name", "region_code", "region_name", "la_type",
)  # fmt: skip


@dataclass(frozen=True)
class LoadResult:
    """What the files hold, and what the load changed (all zero on a repeat load)."""

    local_authorities: int
    police_force_areas: int
    icbs: int
    police_links: int
    icb_overlaps: int
    created: int = 0
    updated: int = 0
    links_added: int = 0
    links_removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.links_added or self.links_removed)

    def __str__(self) -> str:
        held = (
            f"{self.local_authorities} local authorities, {self.police_force_areas} police force "
            f"areas, {self.icbs} ICBs, {self.icb_overlaps} LA-ICB overlaps"
        )
        if not self.changed:
            return f"{held}: already up to date."
        return (
            f"{held}: {self.created} created, {self.updated} updated, {self.links_added} links "
            f"added, {self.links_removed} removed."
        )


def geography_load(*, data_dir: Path | str | None = None, by: Any = None) -> LoadResult:
    """Load LAs, police force areas, ICBs and their overlaps from `data_dir` (default
    `settings.MASA_GEO_DIR`). Idempotent: rows are matched on their ONS code and only differences
    are written. Rows no longer in the files are kept (partnership areas may point at them).

    Raises `InvalidInput` ("file:line: message" per problem) before writing anything."""
    data = read_geography(Path(data_dir) if data_dir else Path(settings.MASA_GEO_DIR))
    user = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        tally = _Tally()
        _upsert(PoliceForceArea, [PoliceForceArea(code=p.code, name=p.name)
                                  for p in data.police_forces], ("name",), user, tally)  # fmt: skip
        _upsert(
            IntegratedCareBoard,
            [IntegratedCareBoard(code=i.code, ods_code=i.ods_code, name=i.name) for i in data.icbs],
            ("ods_code", "name"),
            user,
            tally,
        )
        _upsert(
            LocalAuthority,
            [LocalAuthority(code=la.code, **{f: getattr(la, f) for f in LA_FIELDS})
             for la in data.local_authorities],
            LA_FIELDS,
            user,
            tally,
        )  # fmt: skip
        _sync_police_links(data, tally)
        _sync_icb_overlaps(data, tally)
        result = LoadResult(
            local_authorities=len(data.local_authorities),
            police_force_areas=len(data.police_forces),
            icbs=len(data.icbs),
            police_links=sum(len(la.police_codes) for la in data.local_authorities),
            icb_overlaps=sum(len(la.icb_shares) for la in data.local_authorities),
            **asdict(tally),
        )
        if result.changed:
            event_record(
                by=by,
                verb="geography.loaded",
                message=(
                    f"Geography reference data loaded: {result.local_authorities} local "
                    f"authorities, {result.police_force_areas} police force areas, {result.icbs} "
                    f"ICBs ({result.created} created, {result.updated} updated)."
                ),
                data=asdict(result),
            )
    return result


@dataclass
class _Tally:
    created: int = 0
    updated: int = 0
    links_added: int = 0
    links_removed: int = 0


def _upsert(
    model: type[models.Model],
    rows: list[Any],
    fields: tuple[str, ...],
    user: Any,
    tally: _Tally,
) -> None:
    existing = model._default_manager.in_bulk([row.pk for row in rows])
    new = [row for row in rows if row.pk not in existing]
    changed = [
        row
        for row in rows
        if row.pk in existing
        and any(getattr(row, f) != getattr(existing[row.pk], f) for f in fields)
    ]
    if new:
        bulk_create_with_history(new, model, default_user=user)
    if changed:
        bulk_update_with_history(changed, model, list(fields), default_user=user)
    tally.created += len(new)
    tally.updated += len(changed)


def _sync_police_links(data: GeographyData, tally: _Tally) -> None:
    link = LocalAuthority.police_forces.through
    codes = [la.code for la in data.local_authorities]
    wanted = {(la.code, force) for la in data.local_authorities for force in la.police_codes}
    current = {
        (la, force): pk
        for pk, la, force in link.objects.filter(localauthority_id__in=codes).values_list(
            "pk", "localauthority_id", "policeforcearea_id"
        )
    }
    stale = [pk for pair, pk in current.items() if pair not in wanted]
    link.objects.filter(pk__in=stale).delete()
    link.objects.bulk_create(
        [
            link(localauthority_id=la, policeforcearea_id=force)
            for la, force in sorted(wanted - current.keys())
        ]
    )
    tally.links_added += len(wanted - current.keys())
    tally.links_removed += len(stale)


def _sync_icb_overlaps(data: GeographyData, tally: _Tally) -> None:
    codes = [la.code for la in data.local_authorities]
    wanted = {
        (la.code, icb): share for la in data.local_authorities for icb, share in la.icb_shares
    }
    current = {
        (o.local_authority_id, o.icb_id): o
        for o in IcbOverlap.objects.filter(local_authority_id__in=codes)
    }
    stale = [o.pk for pair, o in current.items() if pair not in wanted]
    IcbOverlap.objects.filter(pk__in=stale).delete()
    IcbOverlap.objects.bulk_create(
        [
            IcbOverlap(local_authority_id=la, icb_id=icb, lsoa_share=share)
            for (la, icb), share in sorted(wanted.items())
            if (la, icb) not in current
        ]
    )
    reshared = [
        overlap
        for pair, overlap in current.items()
        if pair in wanted and overlap.lsoa_share != wanted[pair]
    ]
    for overlap in reshared:
        overlap.lsoa_share = wanted[(overlap.local_authority_id, overlap.icb_id)]
    IcbOverlap.objects.bulk_update(reshared, ["lsoa_share"])
    tally.links_added += len(wanted.keys() - current.keys())
    tally.links_removed += len(stale)
    tally.updated += len(reshared)
