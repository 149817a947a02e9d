"""A boundary division with no town inside its outline lies in the country of the towns around it,
not in the country its file lists (the file's country is that of the nearest province centre)."""

from __future__ import annotations

from eventdesk.gazetteer._build import _over_the_border

# entry tuples: id, name, kind, feature, country code, admin1, admin2, lat, lon, population
_TOWNS = [
    ("t:1", "Borderton", "city", "city", "AA", "North", "", 0.0, 0.0, 5000),  # 0: the file's country
    ("t:2", "Farside", "city", "city", "BB", "South", "", 0.0, 1.0, 5000),  # 1: the neighbour
]


def _grid(entries):
    import math
    from collections import defaultdict

    grid = defaultdict(list)
    for n, e in enumerate(entries):
        grid[(e[4], math.floor(e[7]), math.floor(e[8]))].append(n)
        grid[("", math.floor(e[7]), math.floor(e[8]))].append(n)
    return grid


def test_a_division_far_from_its_files_country_and_near_another_lies_there() -> None:
    # 0.9 degrees east: 100 km from Borderton (AA), 11 km from Farside (BB)
    town = _over_the_border(_TOWNS, _grid(_TOWNS), "AA", 0.0, 0.9)
    assert town == 1


def test_a_division_near_a_town_of_its_files_country_stays() -> None:
    # 0.3 degrees east: 33 km from Borderton, within 50 km: the file's country holds
    assert _over_the_border(_TOWNS, _grid(_TOWNS), "AA", 0.0, 0.3) is None
    # 0.6 degrees east: 67 km from Borderton, 44 km from Farside: not half as far, stays
    assert _over_the_border(_TOWNS, _grid(_TOWNS), "AA", 0.0, 0.6) is None


def test_the_real_gazetteer_puts_south_sudans_counties_in_south_sudan() -> None:
    from eventdesk.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    lainya = [e for e in gaz.lookup("Lainya") if e.kind == "admin2"]
    assert lainya and {e.country for e in lainya} == {"South Sudan"}, lainya
    assert lainya[0].admin1 == "Central Equatoria"
