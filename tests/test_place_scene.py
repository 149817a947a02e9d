"""Where an incident happened, said by the report itself: a later sentence that places it ('the
incident took place in X', ``places.scene``), a town named as one with the unit it lies in after a
comma, ahead of the reference town after it, and the longest name the gazetteer knows."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.app import process
from eventdesk.extract.places.scene import scene_verb_end
from eventdesk.ingest import content_hash
from eventdesk.model import Article, Span


@pytest.fixture(scope="module")
def places_of(services):
    def run(text: str):
        article = Article(id="s", raw=text, kind="text", origin="test", content_hash=content_hash(text),
                          published=dt.date(1990, 3, 5))
        return [e.place.location if e.place else None for e in process([article], services)[0].events]
    return run


def test_a_later_sentence_that_places_the_incident_gives_its_place(places_of):
    assert places_of("Rebels kidnapped four engineers in Arauca department on Monday, the army said. "
                     "The incident took place in Saravena, near the border.") == ["Saravena"]


def test_a_town_inside_the_province_the_later_sentence_names_stands(places_of):
    assert places_of("Rebels kidnapped four engineers in Saravena on Monday, the army said. "
                     "The incident took place in Arauca department, near the border.") == ["Saravena"]


def test_the_scene_sentence_is_the_incident_named_and_then_placed():
    def verb_end(text):
        return scene_verb_end(text, Span("s", 0, len(text)))

    text = "The terrorist attack in Huila department took place in La Motosa."
    assert text[:verb_end(text)].endswith("took place")
    # several incidents ('the two attacks occurred in Meta and Santander') place no one of them
    assert verb_end("The two attacks occurred in the departments of Meta and Santander.") is None
    assert verb_end("Officials said the attack was condemned in Bogota.") is None


def test_a_town_named_with_the_unit_it_lies_in_outranks_the_reference_town_after_it(places_of, services):
    # the unit it lies in, in apposition, places it in Colombia (not Piedras Blancas, Spain, nor Chaparral)
    text = ("Gunmen shot dead three peasants on Monday in Piedras Blancas, a hamlet in Chaparral "
            "municipality, 200 km southwest of Bogota, the Colombian army said.")
    assert places_of(text) == ["Piedras Blancas"]
    assert _countries(services, text) == ["Colombia"]


def test_without_a_town_named_as_one_the_town_after_in_stays(places_of):
    assert places_of("Gunmen shot dead three peasants on Monday in Chaparral, 200 km southwest of Bogota, "
                     "the Colombian army said.") == ["Chaparral"]


def test_the_longest_name_the_gazetteer_knows_is_the_town(places_of):
    # wire copy: Santo Tomas de Pata (Huancavelica), not Santo Tomas (Cusco), named by its first words
    assert places_of("LIMA, 5 MAR 90 -- SHINING PATH REBELS KILLED 20 PEASANTS AT DAWN TODAY IN THE TOWN OF "
                     "SANTO TOMAS DE PATA, THE ARMY REPORTED.") == ["Santo Tomas de Pata"]
    assert places_of("LIMA, 5 MAR 90 -- SHINING PATH REBELS KILLED 20 PEASANTS AT DAWN TODAY IN THE TOWN OF "
                     "SANTO TOMAS, THE ARMY REPORTED.") == ["Santo Tomas"]


def _countries(services, text: str) -> list[str | None]:
    article = Article(id="s", raw=text, kind="text", origin="test", content_hash=content_hash(text),
                      published=dt.date(1990, 3, 5))
    return [e.place.country if e.place else None for e in process([article], services)[0].events]
