"""Parts of a city named by where in the city they lie (``extract/places/_sides.py``) and the town a
scene sentence names after its verb (``_named_towns``): each with a positive and a negative case, on
the real gazetteer. Names no gazetteer lists are made up ("Huaylacuchimpa")."""

from __future__ import annotations

import pytest

from eventdesk.gazetteer import Gazetteer
from eventdesk.model import Place, Span
from eventdesk.extract.places._named_towns import named_town, prefer_named_town
from eventdesk.extract.places._neighbourhoods import later_part
from eventdesk.extract.places._sides import side_parts


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _city(gaz: Gazetteer, name: str, country: str) -> Place:
    e = max((e for e in gaz.lookup(name, country) if e.kind == "city" and e.country == country),
            key=lambda e: e.population)
    return Place(country, e.admin1, e.admin2, e.name, e.latitude, e.longitude, 1, e.id)


def _sides(gaz: Gazetteer, text: str, country: str = "Colombia", here: Place | None = None):
    return side_parts(text, Span("a", 0, len(text)), gaz, country, here)


def test_a_name_placed_in_a_side_of_a_city_is_its_part(gaz: Gazetteer) -> None:
    text = "The target was a paint factory located in San Diego, southern Medellin."
    (side,) = _sides(gaz, text)
    assert side.place.location == "Medellin-San Diego"
    assert side.city.location == "Medellin"
    assert (side.place.latitude, side.place.longitude) == (side.city.latitude, side.city.longitude)
    assert text[side.span.start:side.span.end] == "San Diego"


def test_the_outskirts_and_this_citys_side_name_parts_too(gaz: Gazetteer) -> None:
    (side,) = _sides(gaz, "A bank branch located in Huaylacuchimpa, on the outskirts of Medellin, was bombed.")
    assert side.place.location == "Medellin-Huaylacuchimpa"
    here = _city(gaz, "Cali", "Colombia")
    (side,) = _sides(gaz, "A judge was shot dead this morning in Huaylacuchimpa, on this city's west side.", here=here)
    assert side.place.location == "Cali-Huaylacuchimpa"
    assert _sides(gaz, "A judge was shot dead in Huaylacuchimpa, on this city's west side.") == ()  # no dateline


def test_a_town_next_to_the_city_stays_itself(gaz: Gazetteer) -> None:
    (side,) = _sides(gaz, "Gunmen killed a judge in Soacha, on the outskirts of Bogota.")
    assert side.place.location == "Soacha"
    assert side.place.source.startswith("side:") and "Bogota" not in side.place.location


def test_a_province_or_a_country_is_no_city_to_be_a_part_of(gaz: Gazetteer) -> None:
    assert _sides(gaz, "Rebels attacked the garrison in Tejutla, northern Chalatenango department.", "El Salvador") == ()
    assert _sides(gaz, "Rebels attacked the garrison in Tejutla, northern El Salvador.", "El Salvador") == ()
    assert _sides(gaz, "Rebels attacked the garrison in Tejutla on Monday.", "El Salvador") == ()


def test_a_later_sentence_naming_a_side_part_places_the_event(gaz: Gazetteer) -> None:
    text = ("There has been another attack in Medellin today. "
            "The target was a paint factory located in San Diego, southern Medellin.")
    second = Span("a", text.index("The target"), len(text))
    medellin = _city(gaz, "Medellin", "Colombia")
    place_of = {second: _city(gaz, "San Diego", "Colombia")}.get  # the homonym the sentence reads alone
    sides = lambda span: side_parts(text, span, gaz, "Colombia", None)  # noqa: E731
    part = later_part(text, medellin, [second], place_of, sides)
    assert part is not None and part.location == "Medellin-San Diego"
    # without the side reading, the homonym of the part is another town: another incident
    assert later_part(text, medellin, [second], place_of) is None


def test_a_side_part_of_another_city_is_no_part_of_this_one(gaz: Gazetteer) -> None:
    text = "A bomb destroyed a pharmacy in Cali. Gunmen killed a driver in El Poblado, southern Medellin."
    second = Span("a", text.index("Gunmen"), len(text))
    sides = lambda span: side_parts(text, span, gaz, "Colombia", None)  # noqa: E731
    place_of = {second: _city(gaz, "Medellin", "Colombia")}.get
    assert later_part(text, _city(gaz, "Cali", "Colombia"), [second], place_of, sides) is None


def test_the_town_after_a_scene_verb_is_where_it_happened(gaz: Gazetteer) -> None:
    assert not gaz.lookup("Huaylacuchimpa", "Peru")
    text = "The police said the incident took place past midnight in the Huaylacuchimpa area, near Huancayo."
    fallback = _city(gaz, "Huancayo", "Peru")
    reading = named_town(text, Span("a", 0, len(text)), gaz, "Peru", fallback)
    assert reading is not None and reading.scene
    assert reading.place.location == "Huaylacuchimpa" and reading.place.precision == 2
    huancayo = Place("Peru", fallback.admin1, fallback.admin2, "Huancayo", fallback.latitude, fallback.longitude, 1,
                     fallback.source, Span("a", text.index("Huancayo"), len(text) - 1))
    assert prefer_named_town(huancayo, reading, "Peru", text).location == "Huaylacuchimpa"


def test_a_building_or_a_province_after_a_scene_verb_is_no_town(gaz: Gazetteer) -> None:
    for text in ("The attack took place at the Huaylacuchimpa factory.",
                 "The attack took place in Ayacucho department.",
                 "The attack took place in the Salvadoran capital."):
        reading = named_town(text, Span("a", 0, len(text)), gaz, "Peru", None)
        assert reading is None or not reading.scene, text


def test_a_list_placed_in_a_side_of_a_city_opens_with_its_part(gaz: Gazetteer) -> None:
    (side,) = _sides(gaz, "Shooting is heard in Huaylacuchimpa, Chirripampa, and other areas located on the outskirts "
                          "of San Salvador.", "El Salvador")
    assert side.place.location == "San Salvador-Huaylacuchimpa"
    assert _sides(gaz, "Shooting is heard in Huaylacuchimpa, Chirripampa, and other areas of Chalatenango "
                       "department.", "El Salvador") == ()


def test_a_camp_is_named_by_its_shortest_name(gaz: Gazetteer) -> None:
    text = 'Five people were killed at the "Huaylacuchimpa" refugee camp, the church said.'
    reading = named_town(text, Span("a", 0, len(text)), gaz, "Peru", None)
    assert reading is None  # no province, reference or fallback: nowhere to place it
    fallback = _city(gaz, "Huancayo", "Peru")
    reading = named_town(text, Span("a", 0, len(text)), gaz, "Peru", fallback)
    assert reading is not None and reading.place.location == "Huaylacuchimpa"
    text = "A policeman was shot dead at the Huaylacuchimpa Refugee Camp on Monday."
    reading = named_town(text, Span("a", 0, len(text)), gaz, "Peru", fallback)
    assert reading is not None and reading.place.location == "Huaylacuchimpa"  # not "Huaylacuchimpa Refugee"
