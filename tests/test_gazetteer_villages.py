"""The village source (Who's On First localities and city districts, ``data/wof_places.tsv.gz``, on
unless ``EVENTDESK_VILLAGES=0``): how its rows are read and built into the gazetteer (a tiny
fixture), that a row of the real file becomes a village with its coordinates and province, and that
villages rank after known towns."""

from __future__ import annotations

import gzip

import pytest

from eventdesk.gazetteer import Gazetteer, GazetteerError, is_village, name_key
from eventdesk.gazetteer import _build as b
from eventdesk.gazetteer import _sources as src
from eventdesk.gazetteer._villages import add_villages

HEADER = ("wof_id\tgeonames_id\tplacetype\tcountry\tadmin1_code\tadmin1\tadmin2\tlatitude\tlongitude\t"
          "population\tname\taliases\n")


def _write(path, lines: list[str]):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(HEADER + "".join(line + "\n" for line in lines))
    return path


def test_rows_are_read_and_a_bad_row_is_named(tmp_path) -> None:
    good = _write(tmp_path / "good.tsv.gz",
                  ["7\t0\tlocality\tIQ\tIQ-DI\tDiyala\tBaquba\t33.9\t44.9\t0\tQaryat Zed\tZed"])
    row, = src.read_villages(good)
    assert (row.wof_id, row.country, row.admin1_code, row.latitude, row.aliases) == (7, "IQ", "IQ-DI", 33.9, ("Zed",))
    bad = _write(tmp_path / "bad.tsv.gz", ["7\t0\tlocality\tIQ\tIQ-DI\tDiyala\t\tnorth\t44.9\t0\tZed\t"])
    with pytest.raises(GazetteerError, match=r"bad\.tsv\.gz:2"):
        list(src.read_villages(bad))
    with pytest.raises(GazetteerError, match="cannot read"):
        list(src.read_villages(tmp_path / "missing.tsv.gz"))


def _builder() -> b._Builder:
    tables = b.Tables(version="t")
    tables.countries = {"IQ": ("Iraq", "IRQ"), "SY": ("Syria", "SYR")}
    tables.country_keys = {name_key("Iraq"): "IQ", name_key("Syria"): "SY"}
    builder = b._Builder(tables, frozenset())
    number = builder.add(("admin1:IQ-DI", "Diyala", "admin1", "admin1", "IQ", "Diyala", "", 0.0, 0.0, 0),
                         ["Diyala"])
    tables.admin1_names["IQ:" + name_key("Diyala")] = number
    tables.admin1_names["IQ:" + name_key("Diyala Governorate")] = number
    builder.add(("geonames:98182", "Baqubah", "city", "city", "IQ", "Diyala", "", 33.75, 44.64, 150_000),
                ["Baqubah"])
    builder.add(("geonames:555", "Zed", "city", "city", "SY", "Idlib", "", 35.9, 36.6, 2_000), ["Zed"])
    return builder


def _rows(tmp_path, lines):
    return src.read_villages(_write(tmp_path / "v.tsv.gz", lines))


def test_the_build_adds_new_villages_with_their_province_and_skips_known_places(tmp_path) -> None:
    builder = _builder()
    rows = _rows(tmp_path, [
        "11\t0\tlocality\tIQ\tIQ-DI\tDiyala\tBaquba\t33.9000\t44.9000\t0\tZed\t",  # new: Zed of Diyala
        "12\t0\tneighbourhood\tIQ\t\tDiyala Governorate\t\t33.7600\t44.6500\t0\tAl Tahrir\tTahrir",  # province by name
        "13\t98182\tlocality\tIQ\tIQ-DI\tDiyala\t\t33.7500\t44.6400\t0\tBaqubah\t",  # GeoNames town already in
        "14\t0\tlocality\tIQ\tIQ-DI\tDiyala\t\t33.7800\t44.6600\t0\tBa'qubah\t",  # known town's name, 4 km away
        "15\t0\tlocality\tXX\t\t\t\t1.0\t1.0\t0\tNowhere\t",  # a country the gazetteer does not know
        "16\t0\tlocality\tIQ\tIQ-DI\tDiyala\t\t33.9\t44.9\t0\tقرية\t",  # no Latin-script name
    ])
    assert add_villages(builder, rows, b._is_latin_name, b._clean_display) == 2
    added = {e[b.NAME]: e for e in builder.tables.entries if is_village(e[b.ID])}
    assert set(added) == {"Zed", "Al Tahrir"}
    zed = added["Zed"]
    assert (zed[b.ID], zed[b.KIND], zed[b.FEATURE], zed[b.CC], zed[b.ADMIN1], zed[b.ADMIN2]) == \
        ("wof:11", "village", "village", "IQ", "Diyala", "Baquba")
    assert (zed[b.LAT], zed[b.LON]) == (33.9, 44.9)
    assert (added["Al Tahrir"][b.FEATURE], added["Al Tahrir"][b.ADMIN1]) == ("district", "Diyala")
    builder.finish()
    assert name_key("Tahrir") in builder.tables.index  # its English variant is a key too


def test_a_village_ranks_after_a_known_town_of_its_name(tmp_path) -> None:
    builder = _builder()
    add_villages(builder, _rows(tmp_path, ["11\t0\tlocality\tIQ\tIQ-DI\tDiyala\t\t33.9\t44.9\t0\tZed\t"]),
                 b._is_latin_name, b._clean_display)
    builder.finish()
    gaz = Gazetteer(builder.tables)
    assert [e.id for e in gaz.lookup("Zed")] == ["geonames:555", "wof:11"]  # the Syrian town first
    assert gaz.lookup("Zed", "Iraq")[0].id == "wof:11"  # the article's country still comes first


def test_a_village_of_the_real_file_is_built_with_its_coordinates_and_province() -> None:
    """Aw Bakhsh (Badghis, Afghanistan) is in Who's On First, not in cities500: its row of the shipped
    file becomes a village of Badghis at its own point (the province from WOF's ISO code)."""
    rows = [r for r in src.read_villages(b.villages_file()) if r.name == "Aw Bakhsh" and r.country == "AF"]
    assert rows and rows[0].admin1_code == "AF-BDG"
    tables = b.Tables(version="t")
    tables.countries = {"AF": ("Afghanistan", "AFG")}
    builder = b._Builder(tables, frozenset())
    builder.add(("admin1:AF-BDG", "Badghis", "admin1", "admin1", "AF", "Badghis", "", 0.0, 0.0, 0), ["Badghis"])
    assert add_villages(builder, rows[:1], b._is_latin_name, b._clean_display) == 1
    builder.finish()
    village, = [e for e in Gazetteer(tables).lookup("Aw Bakhsh") if is_village(e.id)]
    assert (village.country_code, village.admin1, village.feature) == ("AF", "Badghis", "village")
    assert abs(village.latitude - 34.886) < 0.01 and abs(village.longitude - 63.264) < 0.01


def test_the_villages_are_on_unless_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTDESK_VILLAGES", raising=False)
    on = b.cache_key()
    assert src.villages_enabled()
    for off in ("0", "off", "No"):
        monkeypatch.setenv("EVENTDESK_VILLAGES", off)
        assert not src.villages_enabled() and b.cache_key() != on  # another cache file: never a stale one
    monkeypatch.setenv("EVENTDESK_VILLAGES", "1")
    assert src.villages_enabled() and b.cache_key() == on


@pytest.fixture(scope="module")
def with_villages() -> Gazetteer:
    """The real gazetteer plus two Who's On First villages of Diyala, one named like a person
    (Mahmud) and one like a common word (Hope); a copy, the cached tables stay as they are."""
    import copy

    real = Gazetteer.load()
    tables = copy.copy(real.tables)
    tables.entries = list(real.tables.entries)
    tables.index = dict(real.tables.index)
    villages = [("wof:1", "Mahmud", "IQ", "Diyala", "Baquba", 33.91, 44.9),
                ("wof:2", "Hope", "IQ", "Diyala", "Baquba", 33.95, 44.9),
                # made-up names: a village of Kano that a list in Taraba names, one of Yemen's Al Azariq
                # district, and a barangay of another Philippine province
                ("wof:3", "Tudun Agwai", "NG", "Kano", "Gwarzo", 11.9, 7.9),
                ("wof:4", "Tudun Agwai", "NG", "Kano", "Bebeji", 11.6, 8.3),
                ("wof:5", "Kafr Zubayd", "YE", "Ad Dali", "Al Azariq", 13.64, 44.61),
                ("wof:6", "Barangay Lanit", "PH", "Central Luzon", "Tarlac", 15.5, 120.6),
                ("wof:7", "Barangay Lanit", "PH", "Davao", "Davao City", 7.1, 125.6),
                ("wof:8", "Kimbalesa", "CD", "Haut-Katanga", "Haut-Katanga", -12.2, 27.8),
                ("wof:9", "Badawa", "PK", "Sindh", "Thatta", 24.75, 67.95)]
    for wof_id, name, country, admin1, admin2, lat, lon in villages:
        # the shipped file's own villages of the name (with EVENTDESK_VILLAGES on) are left out
        known = tuple(n for n in tables.index.get(name_key(name), ()) if not is_village(tables.entries[n][0]))
        mine = tuple(n for n in tables.index.get(name_key(name), ()) if tables.entries[n][0] in {v[0] for v in villages})
        tables.index[name_key(name)] = (*known, *mine, len(tables.entries))
        tables.entries.append((wof_id, name, "village", "village", country, admin1, admin2, lat, lon, 0))
    return Gazetteer(tables)


def _place(gaz: Gazetteer, text: str):
    from eventdesk.extract.places.choose import PlaceContext, choose_place
    from eventdesk.model import Span

    return choose_place(text, Span("a", 0, len(text)), gaz, context=PlaceContext.from_text(text, gaz, article_id="a"))


@pytest.mark.parametrize(("text", "village"), [
    ("Gunmen killed three farmers in Mahmud village in Diyala province on Monday, Iraqi police said.", "wof:1"),
    ("Gunmen killed three farmers in Hope village in Diyala province, Iraqi police said.", "wof:2"),
])
def test_a_village_with_a_place_reading_is_the_place(with_villages: Gazetteer, text: str, village: str) -> None:
    place = _place(with_villages, text)
    assert place is not None and place.source == village and place.admin1 == "Diyala"
    assert abs(place.longitude - 44.9) < 1e-6


@pytest.mark.parametrize("text", [
    "Mahmud said gunmen had killed three farmers on Monday, Iraqi police said.",  # a person
    "Hope faded after gunmen killed three farmers on Monday, Iraqi police said.",  # a word
])
def test_a_village_named_like_a_person_or_a_word_needs_a_place_reading(with_villages: Gazetteer, text: str) -> None:
    place = _place(with_villages, text)
    assert place is None or not is_village(place.source), place


def _places(gaz: Gazetteer, text: str):
    from eventdesk.extract.places.choose import PlaceContext, find_places
    from eventdesk.model import Span

    return find_places(text, Span("a", 0, len(text)), gaz, PlaceContext.from_text(text, gaz, article_id="a"))


def test_a_list_member_known_only_as_villages_elsewhere_takes_the_lists_hints(with_villages: Gazetteer) -> None:
    # Tudun Agwai is a village of Kano twice over (70 km apart, so neither is taken on its own): in a
    # list placed by "(Donga, Taraba)" it is an unknown name of Donga, as if the gazetteer lacked it
    text = "Tiv militias attacked the villages of Ananum, Tudun Agwai and Dadin Kowa (Donga, Taraba)."
    placed = {p.location: p for p in _places(with_villages, text)}
    assert "Tudun Agwai" in placed and (placed["Tudun Agwai"].admin1, placed["Tudun Agwai"].precision) == ("Taraba", 2)
    # one of them inside the division the hints name is the village itself, at its own point
    text = "Gunmen attacked the villages of Ananum, Tudun Agwai and Dadin Kowa (Gwarzo, Kano)."
    placed = {p.location: p for p in _places(with_villages, text)}
    assert placed["Tudun Agwai"].source == "wof:3" and placed["Tudun Agwai"].latitude == 11.9


def test_a_name_known_only_as_villages_elsewhere_is_placed_by_its_chain(with_villages: Gazetteer) -> None:
    # no barangay of that name lies in Iloilo City: it is an unknown name there, not dropped
    place = _place(with_villages, "Police shot dead an activist in Barangay Lanit, Arevalo, Iloilo City.")
    assert place is not None and (place.location, place.country, place.admin1) == (
        "Barangay Lanit", "Philippines", "Western Visayas")
    # named with no chain, the two far-apart villages leave the name unknown (no place there)
    place = _place(with_villages, "Police shot dead an activist in Barangay Lanit.")
    assert place is None or not is_village(place.source)
    # nor does a chain place a name the text does not read as a place ("Ambassador" keys WOF's
    # Ambasador in the Philippines, with the villages on)
    place = _place(with_villages, "Gunmen tried to attack the residence of the U.S. Ambassador in Bogota, radio reported.")
    assert place is not None and place.location == "Bogota"


def test_a_village_chained_under_its_district_is_the_place(with_villages: Gazetteer) -> None:
    # the village lies in the district the text names after it: the village, not the district
    place = _place(with_villages, "Houthi forces shelled farms in Kafr Zubayd area of Al Azariq district (Ad Dali).")
    assert place is not None and (place.location, place.source) == ("Kafr Zubayd", "wof:5")
    # a village of that name in another province is not taken: the district places the name
    place = _place(with_villages, "Houthi forces shelled farms in Kafr Zubayd area of Mudiyah district (Abyan).")
    assert place is not None and place.source != "wof:5" and place.location == "Kafr Zubayd"


def test_a_village_with_no_district_of_its_own_fits_the_province_its_hints_name(with_villages: Gazetteer) -> None:
    # WOF records the province as Kimbalesa's district: the hints' territory (Sakania) cannot
    # confirm it, their province does
    place = _place(with_villages, "Youths clashed with party members in Kimbalesa (Sakania, Haut-Katanga).")
    assert place is not None and (place.source, place.precision) == ("wof:8", 1)
    # hints naming another province leave the name to them
    place = _place(with_villages, "Youths clashed with party members in Kimbalesa (Uvira, Sud-Kivu).")
    assert place is not None and place.source != "wof:8" and place.admin1 == "Sud-Kivu"


def test_a_village_of_another_district_fits_only_near_the_district_named(with_villages: Gazetteer) -> None:
    # WOF puts Badawa in Thatta district; the text names Sujawal, 20 km away: the village
    place = _place(with_villages, "Residents protested in Badawa town (Sujawal, Sindh) against power cuts.")
    assert place is not None and place.source == "wof:9"
    # Larkana lies 300 km north: another Badawa, which the gazetteer lacks, placed by its hints
    place = _place(with_villages, "Residents protested in Badawa town (Larkana, Sindh) against power cuts.")
    assert place is not None and place.source != "wof:9" and place.location == "Badawa" and place.latitude > 27
