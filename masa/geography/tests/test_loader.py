"""`geography_load` against the shipped files, and against broken copies of them."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from masa.core.errors import InvalidInput
from masa.geography.models import IcbOverlap, IntegratedCareBoard, LocalAuthority, PoliceForceArea
from masa.geography.services import geography_load
from masa.geography.sources import LA_FILE, POLICE_FILE
from masa.timeline.models import Event

MULTI_ICB_LAS = {
    "Buckinghamshire": 2,
    "Cumberland": 2,
    "Westmorland and Furness": 2,
    "North Yorkshire": 3,
    "Essex": 3,
    "Hampshire": 2,
    "Hertfordshire": 2,
    "Oxfordshire": 3,
    "Suffolk": 2,
    "Surrey": 2,
}


def test_loads_every_english_upper_tier_la_force_and_icb(loaded):
    assert (loaded.local_authorities, loaded.police_force_areas, loaded.icbs) == (153, 39, 42)
    assert LocalAuthority.objects.count() == 153
    assert PoliceForceArea.objects.count() == 39
    assert IntegratedCareBoard.objects.count() == 42
    codes = set(PoliceForceArea.objects.values_list("code", flat=True))
    assert codes == {f"E23{n:06d}" for n in range(1, 40)}  # no Welsh, Scottish or pseudo forces
    assert not IntegratedCareBoard.objects.filter(ods_code="").exists()
    assert all(la.police_forces.count() == 1 for la in LocalAuthority.objects.all())


def test_the_ten_multi_icb_las(loaded):
    counts = {
        la.name: la.icbs.count() for la in LocalAuthority.objects.all() if la.icbs.count() > 1
    }
    assert counts == MULTI_ICB_LAS


def test_essex_touches_three_icbs_largest_share_first(loaded):
    overlaps = list(
        IcbOverlap.objects.filter(local_authority__name="Essex").order_by("-lsoa_share")
    )
    assert [(o.icb.ods_code, o.lsoa_share) for o in overlaps] == [
        ("QH8", Decimal("0.567")),
        ("QJG", Decimal("0.228")),
        ("QM7", Decimal("0.205")),
    ]


@pytest.mark.parametrize(
    ("code", "name", "force", "icb"),
    [
        ("E06000053", "Isles of Scilly", "Devon & Cornwall", "QT6"),
        ("E09000001", "City of London", "London, City of", "QMF"),
        ("E06000052", "Cornwall", "Devon & Cornwall", "QT6"),
    ],
)
def test_small_authorities_with_shared_or_own_partners(loaded, code, name, force, icb):
    la = LocalAuthority.objects.get(code=code)
    assert la.name == name
    assert [f.name for f in la.police_forces.all()] == [force]
    assert [i.ods_code for i in la.icbs.all()] == [icb]


def test_barnsley_and_sheffield_use_the_2024_codes(loaded):
    barnsley = LocalAuthority.objects.get(name="Barnsley")
    sheffield = LocalAuthority.objects.get(name="Sheffield")
    assert (barnsley.code, barnsley.previous_code) == ("E08000038", "E08000016")
    assert (sheffield.code, sheffield.previous_code) == ("E08000039", "E08000019")
    assert barnsley.la_type == "Metropolitan district"  # mySociety has no row: DfE type used
    hartlepool = LocalAuthority.objects.get(code="E06000001")
    assert (hartlepool.previous_code, hartlepool.dfe_code, hartlepool.mysociety_code) == (
        "",
        "805",
        "HPL",
    )
    assert hartlepool.region_name == "North East"


def test_reload_changes_nothing(loaded):
    history = LocalAuthority.history.count()
    events = Event.objects.count()
    again = geography_load()
    assert not again.changed
    assert (again.local_authorities, again.police_force_areas, again.icbs) == (153, 39, 42)
    assert LocalAuthority.history.count() == history
    assert Event.objects.count() == events
    assert IcbOverlap.objects.count() == loaded.icb_overlaps == 166


def test_reload_writes_only_what_changed(loaded, tmp_path):
    data = _copy_data(tmp_path)
    _replace(data / LA_FILE, ",Hartlepool,", ",Hartlepool Borough,")
    _replace(data / LA_FILE, "0.567;0.228;0.205", "0.565;0.230;0.205")
    result = geography_load(data_dir=data)
    changes = (result.created, result.updated, result.links_added, result.links_removed)
    assert changes == (0, 3, 0, 0)
    assert LocalAuthority.objects.get(code="E06000001").name == "Hartlepool Borough"
    essex_mse = IcbOverlap.objects.get(local_authority__name="Essex", icb__ods_code="QH8")
    assert essex_mse.lsoa_share == Decimal("0.565")
    assert Event.objects.filter(verb="geography.loaded").count() == 2


def test_first_load_leaves_a_timeline_event(loaded):
    event = Event.objects.get(verb="geography.loaded")
    assert "153 local authorities" in event.message
    assert event.data["created"] == 153 + 39 + 42


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (LA_FILE, "0.567;0.228;0.205", "0.567;0.228", "must list as many items"),
        (LA_FILE, "0.567;0.228;0.205", "0.567;0.228;0.5", "add up to"),
        (LA_FILE, ",1.000,57,", ",abc,57,", "is not a number"),
        (LA_FILE, "E06000001,E06000001,", "E06000001,X06000001,", "la_code_current"),
        (LA_FILE, ",E23000013,Cleveland,", ",W15000001,Cleveland,", "is not an English force"),
        (LA_FILE, ",Hartlepool,", ",Hartlepool,extra,", "fields"),
        (LA_FILE, "icb24_lsoa_shares", "shares", "missing column(s): icb24_lsoa_shares"),
        (POLICE_FILE, "E23000013,Cleveland,active", "E23000013,,active", "has no name"),
    ],
)
def test_malformed_file_raises_with_file_and_line_and_writes_nothing(
    db, tmp_path, file, old, new, expected
):
    data = _copy_data(tmp_path)
    _replace(data / file, old, new)
    with pytest.raises(InvalidInput) as caught:
        geography_load(data_dir=data)
    assert expected in caught.value.message
    assert caught.value.message.startswith(f"{file}:")
    assert LocalAuthority.objects.count() == PoliceForceArea.objects.count() == 0
    assert IntegratedCareBoard.objects.count() == IcbOverlap.objects.count() == 0
    assert not Event.objects.exists()


def test_error_names_the_line(db, tmp_path):
    data = _copy_data(tmp_path)
    _replace(data / LA_FILE, ",Hartlepool,E12000001,", ",Hartlepool,E99,")
    with pytest.raises(InvalidInput) as caught:
        geography_load(data_dir=data)
    assert caught.value.message.startswith(f"{LA_FILE}:2: region 'E99'")


def test_malformed_file_leaves_loaded_data_untouched(loaded, tmp_path):
    data = _copy_data(tmp_path)
    _replace(data / LA_FILE, ",Hartlepool,", ",Hartlepool Borough,")
    _replace(data / LA_FILE, ",1.000,90,", ",2.000,90,")  # Middlesbrough
    with pytest.raises(InvalidInput):
        geography_load(data_dir=data)
    assert LocalAuthority.objects.get(code="E06000001").name == "Hartlepool"


def test_missing_file(db, tmp_path):
    with pytest.raises(InvalidInput, match=f"{POLICE_FILE}: file not found"):
        geography_load(data_dir=tmp_path)


def test_command_loads_and_reports(db, capsys):
    call_command("geography", "load")
    assert "153 local authorities, 39 police force areas, 42 ICBs" in capsys.readouterr().out
    call_command("geography", "load")
    assert "already up to date" in capsys.readouterr().out


def test_command_fails_on_a_malformed_file(db, tmp_path):
    data = _copy_data(tmp_path)
    _replace(data / LA_FILE, ",1.000,57,", ",abc,57,")
    with pytest.raises(CommandError, match=rf"{LA_FILE}:2: LSOA share 'abc'"):
        call_command("geography", "load", "--data-dir", str(data))


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "geo"
    shutil.copytree(settings.MASA_GEO_DIR, target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
