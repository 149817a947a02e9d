"""A country's capital named by the word alone ("in the capital", "in the Ecuadorian capital";
``place_words.json``'s ``capital_phrase``), and a town named as the dateline's town is that town, not
a namesake abroad."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.app import process
from eventdesk.ingest import content_hash
from eventdesk.model import Article


@pytest.fixture(scope="module")
def places_of(services):
    def run(text: str):
        article = Article(id="c", raw=text, kind="text", origin="test", content_hash=content_hash(text),
                          published=dt.date(2021, 5, 10))
        return [(e.place.location, e.place.country, e.place.precision) if e.place else None
                for e in process([article], services)[0].events]
    return run


def test_the_capital_is_the_capital_of_the_reports_country(places_of):
    assert places_of("Rebels detonated two bombs in the capital on Sunday, wounding four policemen, the "
                     "Peruvian interior ministry said.") == [("Lima", "Peru", 1)]


def test_a_peoples_capital_is_that_countrys_capital(places_of):
    assert places_of("Colombian guerrillas kidnapped a Spanish businessman on Sunday at his hotel in the "
                     "Ecuadorian capital.") == [("Quito", "Ecuador", 1)]


def test_the_capital_of_a_province_or_a_district_capital_is_no_national_capital(places_of):
    for text in ("Rebels detonated two bombs on Sunday in the capital of Ayacucho department, Peruvian police said.",
                 "Rebels detonated two bombs on Sunday in the district capital, Peruvian police said."):
        assert all(p is None or p[0] != "Lima" for p in places_of(text))


def test_near_the_capital_is_precision_2(places_of):
    assert places_of("Rebels ambushed an army patrol on Sunday 20 km north of the capital, killing four "
                     "Peruvian soldiers.") == [("Lima", "Peru", 2)]


def test_the_datelines_town_named_in_the_text_is_that_town(places_of):
    # "AFP" is also the Armed Forces of the Philippines, whose country has a San Salvador of its own
    assert places_of("SAN SALVADOR, 12 NOV 89 -- A HIGH-POWERED BOMB SHOOK THE AFP OFFICES IN SAN SALVADOR A "
                     "FEW MINUTES AGO.") == [("San Salvador", "El Salvador", 1)]


def test_a_namesake_of_no_dateline_town_keeps_its_reading(places_of):
    assert places_of("MANILA, 12 NOV 89 -- A HIGH-POWERED BOMB SHOOK THE AFP OFFICES IN SAN SALVADOR, ILOILO, A "
                     "FEW MINUTES AGO.")[0][1] == "Philippines"


def test_a_name_opened_by_colonia_is_a_part_of_the_city(places_of):
    assert places_of("SAN SALVADOR, 16 MAY 89 -- GUERRILLAS ATTACKED THE HOME OF A DEPUTY TODAY IN COLONIA "
                     "MIRAMONTES, KILLING A POLICEMAN.") == [("San Salvador-Colonia Miramontes", "El Salvador", 1)]


def test_a_town_whose_name_opens_with_colonia_stays_that_town(places_of):
    found = places_of("MEXICO CITY, 16 MAY 89 -- GUNMEN KILLED A POLICEMAN TODAY IN COLONIA JUAREZ, CHIHUAHUA.")
    assert found and found[0] is not None and found[0][0] == "Colonia Juarez"
