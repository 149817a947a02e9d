"""The country of an event from the office its act struck (``places.country.office_country``)."""

from __future__ import annotations

from eventdesk.extract.places.country import office_country
from eventdesk.model import Span


def _country(services, text: str, act: str):
    i = text.index(act)
    found = office_country(text, [(Span("a", 0, len(text)), Span("a", i, i + len(act)))],
                           services.gazetteer.country_of_people)
    return (found.name, found.how) if found is not None else None


def test_an_office_of_one_state_near_the_act_places_it(services):
    text = "The Honduran government today denounced the assassination of Salvadoran presidency minister Jose Rodriguez."
    assert _country(services, text, "assassination") == ("El Salvador", "office")
    text = "He received the news of the death of the Colombian senator, murdered by criminals."
    assert _country(services, text, "murdered") == ("Colombia", "office")


def test_private_people_armed_forces_and_two_states_place_nothing(services):
    # foreigners are struck abroad; armed forces and police cross borders; two states: no one country
    assert _country(services, "Armed men kidnapped a Spaniard and an Italian near the border.", "kidnapped") is None
    assert _country(services, "Ugandan soldiers crossed the border and attacked Kenyan herders.", "attacked") is None
    text = "The assassination of a Salvadoran minister and a Guatemalan judge shocked the region."
    assert _country(services, text, "assassination") is None
    # "Man" is a name of the Isle of Man, no people's name
    assert _country(services, "A man was killed by a mayor's guards.", "killed") is None
