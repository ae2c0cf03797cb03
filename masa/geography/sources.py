"""Read and check the geography CSVs shipped in `settings.MASA_GEO_DIR`. Pure Python: no database.

Every problem is reported as `file:line: message`, and a folder with any problem yields nothing, so
`geography_load` never writes half a data set. `data/ATTRIBUTION.md` says where the files come
from.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from masa.core.errors import InvalidInput

LA_FILE = "derived_utla23_pfa24_icb24.csv"
POLICE_FILE = "dfe_police-force-areas.csv"

LA_COLUMNS = (
    "utla23_code", "la_code_current", "utla23_name", "region24_code", "region24_name",
    "pfa24_codes", "icb24_codes", "icb24_codes_nhs", "icb24_names", "icb24_lsoa_shares",
    "dfe_old_la_code", "dfe_la_type", "mysociety_la_code", "mysociety_la_type",
)  # fmt: skip
POLICE_COLUMNS = ("pfa_code", "pfa_name", "status")

# Upper-tier LAs: unitary (E06), metropolitan district (E08), London borough (E09), county (E10).
UTLA_CODE = re.compile(r"E0[689]\d{6}|E10\d{6}")
REGION_CODE = re.compile(r"E12\d{6}")
ENGLISH_POLICE_CODE = re.compile(r"E23\d{6}")
ICB_CODE = re.compile(r"E54\d{6}")
ODS_CODE = re.compile(r"[A-Z0-9]{3,5}")
DFE_CODE = re.compile(r"\d{3}")
MYSOCIETY_CODE = re.compile(r"[A-Z]{3}")
SHARE_TOLERANCE = Decimal("0.01")  # shares are rounded to 3 places, so their sum is 1 ± a little

# DfE's category names, singular, for the two rows mySociety has no type for.
DFE_TYPE_SINGULAR = {
    "Unitary Authorities": "Unitary authority",
    "Metropolitan Districts": "Metropolitan district",
    "London Boroughs": "London borough",
    "Counties": "County",
}


@dataclass(frozen=True)
class PoliceForceRow:
    code: str
    name: str


@dataclass(frozen=True)
class IcbRow:
    code: str
    ods_code: str
    name: str


@dataclass(frozen=True)
class LocalAuthorityRow:
    code: str
    previous_code: str
    name: str
    region_code: str
    region_name: str
    dfe_code: str
    mysociety_code: str
    la_type: str
    police_codes: tuple[str, ...]
    icb_shares: tuple[
        tuple[str, Decimal], ...
    ]  # (ICB code, share of the LA's LSOAs), largest first


@dataclass(frozen=True)
class GeographyData:
    police_forces: tuple[PoliceForceRow, ...]
    icbs: tuple[IcbRow, ...]
    local_authorities: tuple[LocalAuthorityRow, ...]


class _Problems:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, file: str, line: int, message: str) -> None:
        """`line` 0 means the whole file (missing, empty)."""
        self.lines.append(f"{file}:{line}: {message}" if line else f"{file}: {message}")

    def raise_if_any(self) -> None:
        if self.lines:
            raise InvalidInput("\n".join(self.lines), field_errors={"__all__": list(self.lines)})


def read_geography(data_dir: Path) -> GeographyData:
    """Parse and validate both files; raise `InvalidInput` listing every problem found."""
    problems = _Problems()
    police = _read_police(data_dir / POLICE_FILE, problems)
    problems.raise_if_any()
    icbs: dict[str, IcbRow] = {}
    las = _read_local_authorities(data_dir / LA_FILE, {p.code for p in police}, icbs, problems)
    problems.raise_if_any()
    return GeographyData(
        police_forces=tuple(police),
        icbs=tuple(sorted(icbs.values(), key=lambda icb: icb.code)),
        local_authorities=tuple(las),
    )


def _rows(path: Path, columns: tuple[str, ...], problems: _Problems) -> Iterator[tuple[int, dict]]:
    """(line number, row) for each well-formed row; malformed rows are reported, not yielded."""
    if not path.is_file():
        problems.add(path.name, 0, f"file not found in {path.parent}")
        return
    # utf-8-sig: DfE's file starts with a byte-order mark that would otherwise stick to the first
    # column's name.
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, strict=True)
        try:
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                problems.add(path.name, 1, f"missing column(s): {', '.join(missing)}")
                return
            for row in reader:
                if None in row or None in row.values():
                    problems.add(
                        path.name, reader.line_num,
                        f"expected {len(header)} fields, found {_field_count(row)}",
                    )  # fmt: skip
                    continue
                yield reader.line_num, {key: value.strip() for key, value in row.items()}
        except (csv.Error, UnicodeDecodeError) as error:
            problems.add(path.name, reader.line_num, f"not a readable CSV row ({error})")


def _field_count(row: dict) -> int:
    named = [key for key, value in row.items() if key is not None and value is not None]
    return len(named) + len(row.get(None) or [])


def _read_police(path: Path, problems: _Problems) -> list[PoliceForceRow]:
    forces: dict[str, PoliceForceRow] = {}
    for line, row in _rows(path, POLICE_COLUMNS, problems):
        code = row["pfa_code"]
        # Only English forces are partners under CA2004 s.16E: skip Wales, Scotland, NI, pseudo.
        if not ENGLISH_POLICE_CODE.fullmatch(code) or row["status"] != "active":
            continue
        if not row["pfa_name"]:
            problems.add(path.name, line, f"police force area {code} has no name")
        elif code in forces:
            problems.add(path.name, line, f"police force area {code} appears twice")
        else:
            forces[code] = PoliceForceRow(code=code, name=row["pfa_name"])
    if not forces and not problems.lines:
        problems.add(path.name, 0, "no active English police force area (E23…) found")
    return list(forces.values())


def _read_local_authorities(
    path: Path, police_codes: set[str], icbs: dict[str, IcbRow], problems: _Problems
) -> list[LocalAuthorityRow]:
    las: dict[str, LocalAuthorityRow] = {}
    for line, row in _rows(path, LA_COLUMNS, problems):
        before = len(problems.lines)

        def bad(message: str, line: int = line) -> None:
            problems.add(path.name, line, message)

        code, previous = row["la_code_current"], row["utla23_code"]
        for column, value in (("la_code_current", code), ("utla23_code", previous)):
            if not UTLA_CODE.fullmatch(value):
                bad(f"{column} {value!r} is not an English upper-tier LA code")
        if code in las:
            bad(f"local authority {code} appears twice")
        if not row["utla23_name"]:
            bad("utla23_name is empty")
        if not REGION_CODE.fullmatch(row["region24_code"]) or not row["region24_name"]:
            bad(
                f"region {row['region24_code']!r} {row['region24_name']!r} is not an English region"
            )
        for column, pattern in (
            ("dfe_old_la_code", DFE_CODE),
            ("mysociety_la_code", MYSOCIETY_CODE),
        ):
            if row[column] and not pattern.fullmatch(row[column]):
                bad(f"{column} {row[column]!r} is malformed")
        forces = tuple(_split(row["pfa24_codes"]))
        if not forces:
            bad("pfa24_codes is empty: every LA lies in at least one police force area")
        for force in forces:
            if force not in police_codes:
                bad(f"police force area {force!r} is not an English force in {POLICE_FILE}")
        shares = _icb_shares(row, bad, icbs)
        if len(problems.lines) == before:
            las[code] = LocalAuthorityRow(
                code=code,
                previous_code=previous if previous != code else "",
                name=row["utla23_name"],
                region_code=row["region24_code"],
                region_name=row["region24_name"],
                dfe_code=row["dfe_old_la_code"],
                mysociety_code=row["mysociety_la_code"],
                la_type=row["mysociety_la_type"]
                or DFE_TYPE_SINGULAR.get(row["dfe_la_type"], row["dfe_la_type"]),
                police_codes=forces,
                icb_shares=shares,
            )
    if not las and not problems.lines:
        problems.add(path.name, 0, "no local authority rows")
    return list(las.values())


def _icb_shares(
    row: dict, bad: Callable[[str], None], icbs: dict[str, IcbRow]
) -> tuple[tuple[str, Decimal], ...]:
    codes, ods, names = (
        list(_split(row[c])) for c in ("icb24_codes", "icb24_codes_nhs", "icb24_names")
    )
    raw_shares = list(_split(row["icb24_lsoa_shares"]))
    if not codes or not len(codes) == len(ods) == len(names) == len(raw_shares):
        bad("icb24_codes, icb24_codes_nhs, icb24_names and icb24_lsoa_shares must list as many "
            "items each, at least one")  # fmt: skip
        return ()
    shares: list[tuple[str, Decimal]] = []
    for code, ods_code, name, raw in zip(codes, ods, names, raw_shares, strict=True):
        if not ICB_CODE.fullmatch(code) or not ODS_CODE.fullmatch(ods_code) or not name:
            bad(f"ICB {code!r} / {ods_code!r} / {name!r} is malformed")
            continue
        known = icbs.setdefault(code, IcbRow(code=code, ods_code=ods_code, name=name))
        if known != IcbRow(code=code, ods_code=ods_code, name=name):
            bad(f"ICB {code} is {known.ods_code} {known.name!r} on an earlier line")
        try:
            share = Decimal(raw)
            if not share.is_finite():
                raise InvalidOperation
            share = share.quantize(Decimal("0.001"))
        except InvalidOperation:
            bad(f"LSOA share {raw!r} is not a number")
            continue
        if not Decimal(0) < share <= Decimal(1):
            bad(f"LSOA share {raw} is not between 0 and 1")
        shares.append((code, share))
    total = sum((share for _, share in shares), Decimal(0))
    if len(shares) == len(codes) and abs(total - 1) > SHARE_TOLERANCE:
        bad(f"LSOA shares add up to {total}, not 1")
    if len(set(codes)) != len(codes):
        bad("an ICB is listed twice")
    return tuple(sorted(shares, key=lambda pair: -pair[1]))


def _split(value: str) -> Iterator[str]:
    return (part.strip() for part in value.split(";") if part.strip())
