"""A named facility of a city as the part of the city an event happened in (extract/places/_facilities.py)."""

from __future__ import annotations

from eventdesk.extract.places._facilities import facility_anaphor, facility_part
from eventdesk.model import Place, Span


def _place(name: str, country: str = "Colombia", precision: int = 1, source: str = "geonames:1",
           span: Span | None = None) -> Place:
    return Place(country=country, admin1="A", admin2="", location=name, latitude=4.6, longitude=-74.1,
                 precision=precision, source=source, span=span)


def _never(name: str, start: int, end: int) -> bool:
    return False


def test_the_dateline_city_holds_a_facility_whose_name_opens_with_a_village_named_nowhere_else():
    text = "A bomb wounded three porters at the El Dorado international airport last night."
    own = _place("El Dorado", span=Span("a", text.index("El Dorado"), text.index("El Dorado") + 9))
    filed = _place("Bogota", precision=2, source="dateline:geonames:2")
    got = facility_part(text, Span("a", 0, len(text)), own, filed, "Colombia", _never)
    assert got.location == "Bogota-El Dorado International Airport" and got.precision == 1


def test_a_town_the_report_names_elsewhere_is_the_city_of_the_facility_named_after_it():
    text = "A bomb exploded at the Medellin airport last night."
    own = _place("Medellin", span=Span("a", text.index("Medellin"), text.index("Medellin") + 8))
    filed = _place("Bogota", precision=2, source="dateline:geonames:2")
    got = facility_part(text, Span("a", 0, len(text)), own, filed, "Colombia", lambda *a: True)
    assert got.location == "Medellin-Medellin Airport"


def test_no_capitalised_name_and_no_locative_word_name_no_facility():
    filed = _place("Bogota", precision=2, source="dateline:geonames:2")
    for text in ("A bomb exploded at the national university last night.",
                 "The rector of the Javeriana University was shot dead."):
        assert facility_part(text, Span("a", 0, len(text)), None, filed, "Colombia", _never) is None


def test_a_facility_placed_abroad_from_the_report_is_left_alone():
    text = "Students rioted at Moi University on Monday."
    own = _place("Moi", country="Norway", span=Span("a", text.index("Moi"), text.index("Moi") + 3))
    got = facility_part(text, Span("a", 0, len(text)), own, None, "Kenya", lambda *a: True)
    assert got == own


def test_a_facility_named_again_is_a_part_of_the_town_its_first_sentence_is_placed_in():
    first = "The plane sat in a dark section of the Los Garzones airport of Monteria."
    second = " The guards were inside the airport when it exploded."
    text = first + second
    one, two = Span("a", 0, len(first)), Span("a", len(first) + 1, len(text))
    monteria = _place("Monteria", span=Span("a", text.index("Monteria"), text.index("Monteria") + 8))
    filed = _place("Bogota", precision=2, source="dateline:geonames:2")
    got = facility_anaphor(text, two, [one], lambda s: monteria if s == one else None, filed, "Colombia")
    assert got.location == "Monteria-Los Garzones Airport" and got.precision == 1
    # a sentence that names no facility before it names none again
    assert facility_anaphor(text, two, [], lambda s: None, filed, "Colombia") is None


def test_a_town_read_near_the_facility_it_names_is_its_city_and_a_student_s_facility_is_none():
    text = "He was found dead near the Medellin airport."
    own = _place("Medellin", precision=2, span=Span("a", text.index("Medellin"), text.index("Medellin") + 8))
    filed = _place("Bogota", precision=2, source="dateline:geonames:2")
    got = facility_part(text, Span("a", 0, len(text)), own, filed, "Colombia", lambda *a: True)
    assert got.location == "Medellin-Medellin Airport" and got.precision == 1
    text = "Two brothers, both studying at the Francisco Marroquin University, were kidnapped."
    assert facility_part(text, Span("a", 0, len(text)), None, filed, "Colombia", _never) is None
