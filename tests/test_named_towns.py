"""Towns named as towns (``extract/places/_named_towns.py``), a city's part named in a later sentence
(``_neighbourhoods.later_part``), reference places and datelines read by ``choose``: each with a
positive and a negative case, on the real gazetteer. The town names below that no gazetteer lists
are made up ("Huaylacuchimpa", "Chirripampa") so that the test does not hang on a registry's coverage."""

from __future__ import annotations

import pytest

from eventdesk.gazetteer import Gazetteer
from eventdesk.model import Place, Span
from eventdesk.extract.places._named_towns import TownReading, named_town, prefer_named_town
from eventdesk.extract.places._neighbourhoods import later_part
from eventdesk.extract.places.choose import PlaceContext, choose_place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _town(gaz: Gazetteer, text: str, country: str = "Peru", fallback: Place | None = None) -> TownReading | None:
    return named_town(text, Span("a", 0, len(text)), gaz, country, fallback)


def _choose(gaz: Gazetteer, text: str) -> Place | None:
    return choose_place(text, Span("a", 0, len(text)), gaz, context=PlaceContext.from_text(text, gaz, article_id="a"))


def _lima(gaz: Gazetteer) -> Place:
    e = next(e for e in gaz.lookup("Lima", "Peru") if e.kind == "city")
    return Place("Peru", e.admin1, e.admin2, e.name, e.latitude, e.longitude, 1, e.id, Span("a", 0, 4))


def test_unknown_town_after_a_unit_word_is_itself_at_its_named_province(gaz: Gazetteer) -> None:
    assert not gaz.lookup("Huaylacuchimpa", "Peru")
    text = "Guerrillas killed the mayor of the small town of Huaylacuchimpa, Ayacucho department, on Monday."
    reading = _town(gaz, text)
    assert reading is not None
    place = reading.place
    assert (place.location, place.admin1, place.precision) == ("Huaylacuchimpa", "Ayacucho", 2)
    assert text[place.span.start:place.span.end] == "Huaylacuchimpa"
    capital = gaz.capital("Peru", "Ayacucho")
    assert (place.latitude, place.longitude) == (capital.latitude, capital.longitude)


def test_a_name_with_no_place_reading_is_no_town(gaz: Gazetteer) -> None:
    # a capitalised name with no unit word, province or distance is not read as a town here
    assert _town(gaz, "Huaylacuchimpa guerrillas killed the mayor on Monday.") is None
    # nor a common word after "in"
    assert _town(gaz, "Guerrillas killed the mayor in Broad Daylight on Monday.") is None


def test_unknown_town_without_a_province_is_placed_near_the_fallback(gaz: Gazetteer) -> None:
    reading = _town(gaz, "Guerrillas killed the mayor of the town of Chirripampa.", fallback=_lima(gaz))
    assert reading is not None
    assert (reading.place.location, reading.place.precision, reading.place.source) == (
        "Chirripampa", 2, f"near:{_lima(gaz).source}")
    # a fallback abroad places nothing
    abroad = Place("Chile", "Santiago Metropolitan", "", "Santiago", -33.4, -70.6, 1, "x", Span("a", 0, 1))
    assert _town(gaz, "Guerrillas killed the mayor of the town of Chirripampa.", fallback=abroad) is None


def test_known_town_of_the_country_takes_its_own_point(gaz: Gazetteer) -> None:
    reading = _town(gaz, "A car bomb exploded last night in the town of barranca, Lima department.")
    assert reading is not None
    assert (reading.place.location, reading.place.admin1, reading.place.precision) == ("Barranca", "Lima", 1)


def test_the_named_town_replaces_a_homonym_of_its_first_words_abroad(gaz: Gazetteer) -> None:
    text = "The kidnapping took place on 30 December in San Luis de la Reina, guerrillas said."
    chosen = Place("Brazil", "Maranhao", "", "Sao Luis", -2.5, -44.3, 1, "x", Span("a", 44, 52))
    fallback = Place("El Salvador", "San Salvador", "", "San Salvador", 13.7, -89.2, 2, "dateline:x")
    reading = named_town(text, Span("a", 0, len(text)), gaz, "El Salvador", fallback)
    assert reading is not None and reading.place.location == "San Luis de la Reina"
    assert prefer_named_town(chosen, reading, "El Salvador").location == "San Luis de la Reina"


def test_a_town_named_by_in_alone_keeps_chooses_place_at_home(gaz: Gazetteer) -> None:
    # "in Narang Wa Badil and Chawkay districts": a list choose reads; the bare "in" reading yields
    text = "Militants surrendered in Narang Wa Badil and Chawkay districts, Kunar."
    reading = named_town(text, Span("a", 0, len(text)), gaz, "Afghanistan", None)
    start = text.index("Narang")
    chosen = Place("Afghanistan", "Kunar", "", "Narang", 34.7, 71.0, 1, "geonames:1", Span("a", start, start + 6))
    assert prefer_named_town(chosen, reading, "Afghanistan") is chosen


def test_province_after_the_town_only_says_where_it_lies(gaz: Gazetteer) -> None:
    text = "A helicopter strafed a camp in Corral de Piedras, Chalatenango department."
    reading = _town(gaz, text, country="El Salvador")
    assert reading is not None
    start = text.index("Chalatenango")
    province = Place("El Salvador", "Chalatenango", "", "Chalatenango", 14.0, -88.9, 3, "admin1:SV-CH",
                     Span("a", start, start + 12))
    place = prefer_named_town(province, reading, "El Salvador")
    assert (place.location, place.admin1, place.precision) == ("Corral de Piedras", "Chalatenango", 2)
    # a town elsewhere in the sentence, with its own place reading, stays
    town = Place("El Salvador", "Chalatenango", "", "Tejutla", 14.2, -89.1, 1, "geonames:2", Span("a", 2, 12))
    assert prefer_named_town(town, TownReading(reading.place, reading.reach), "El Salvador") is town


def test_a_distance_reference_ranks_below_the_place_it_locates(gaz: Gazetteer) -> None:
    place = _choose(gaz, "The senator was shot at the main square of Soacha, 15 km south of Bogota, police said.")
    assert place is not None and place.location == "Soacha"
    place = _choose(gaz, "The senator was shot 15 km south of Bogota, police said.")
    assert place is not None and (place.location, place.precision) == ("Bogota", 2)


def test_a_province_is_not_outranked_by_the_town_north_of_which_it_lies(gaz: Gazetteer) -> None:
    place = _choose(gaz, "Fighting broke out in the war-torn Chalatenango department to the north of San Salvador.")
    assert place is not None and place.admin1 == "Chalatenango"
    place = _choose(gaz, "Fighting broke out to the north of San Salvador.")
    assert place is not None and place.location == "San Salvador"


def test_a_dateline_at_the_sentence_start_ranks_below_the_sentences_own_place(gaz: Gazetteer) -> None:
    text = "Medellin -- A bomb exploded at a branch of a bank at a crossing of Itagui municipality."
    place = _choose(gaz, text)
    assert place is not None and place.location == "Itagui"
    place = _choose(gaz, "Medellin -- A bomb exploded at a branch of a bank last night.")
    assert place is not None and place.location == "Medellin"


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append(Span("a", start, start + len(part)))
        start += len(part) + 2
    return spans


def test_a_part_of_the_city_named_in_a_later_sentence(gaz: Gazetteer) -> None:
    text = ("A bomb exploded today in a Lima restaurant.\n\nThe restaurant is located in the residential "
            "district of Miraflores.")
    spans = _sentences(text)
    part = later_part(text, _lima(gaz), spans[1:], lambda span: None)
    assert part is not None and (part.location, part.precision) == ("Lima-Miraflores", 1)


def test_no_part_past_another_incidents_town_nor_among_two_parts(gaz: Gazetteer) -> None:
    text = ("A bomb exploded today in a Lima restaurant.\n\nIn Huancayo, rebels attacked a post.\n\n"
            "The post is in the San Carlos neighborhood.")
    spans = _sentences(text)
    huancayo = Place("Peru", "Junin", "", "Huancayo", -12.1, -75.2, 1, "geonames:3", spans[1])
    places = {spans[1]: huancayo}
    assert later_part(text, _lima(gaz), spans[1:], places.get) is None
    text = ("A bomb exploded today in a Lima restaurant.\n\nWindows broke in the San Isidro neighborhood and "
            "in the Miraflores neighborhood.")
    assert later_part(text, _lima(gaz), _sentences(text)[1:], lambda span: None) is None


def test_unknown_town_lies_at_the_municipality_between_it_and_its_province(gaz: Gazetteer) -> None:
    text = "Residents protested on a highway in Chirripampa, Machiques municipality, Zulia state."
    reading = _town(gaz, text, country="Venezuela")
    assert reading is not None
    machiques = next(e for e in gaz.lookup("Machiques", "Venezuela") if e.kind == "city")
    place = reading.place
    assert (place.location, place.admin1, place.precision) == ("Chirripampa", "Zulia", 2)
    assert (place.latitude, place.longitude) == (machiques.latitude, machiques.longitude)
    # with no municipality between, the province's capital
    reading = _town(gaz, "Residents protested on a highway in Chirripampa, Zulia state.", country="Venezuela")
    capital = gaz.capital("Venezuela", "Zulia")
    assert reading is not None and (reading.place.latitude, reading.place.longitude) == (capital.latitude,
                                                                                          capital.longitude)
