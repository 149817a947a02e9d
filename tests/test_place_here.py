"""'in this capital', 'in this city': the town a wire report was filed from, named by the text
(``place_words.json``'s ``here_phrases``), is a place of the event at precision 1."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.app import process
from eventdesk.ingest import content_hash
from eventdesk.model import Article


@pytest.fixture(scope="module")
def places_of(services):
    def run(text: str):
        article = Article(id="h", raw=text, kind="text", origin="test", content_hash=content_hash(text),
                          published=dt.date(2021, 5, 10))
        return [(e.place.location, e.place.precision) if e.place else None for e in process([article], services)[0].events]
    return run


def test_this_capital_is_the_datelines_town(places_of):
    assert places_of("GUATEMALA CITY (GUATEMALA), 10 MAY 21 -- THE BODY OF A UNION LEADER WHO "
                     "HAD BEEN SHOT DEAD BY GUNMEN ON SUNDAY WAS FOUND UNDER A BRIDGE IN THIS CAPITAL, POLICE "
                     "SAID.") == [("Guatemala City", 1)]


def test_without_the_phrase_the_dateline_is_only_where_the_report_was_filed(places_of):
    # the assembly's fallback: the dateline's town, marked precision 2 (not a place the text gives)
    assert places_of("GUATEMALA CITY (GUATEMALA), 10 MAY 21 -- THE BODY OF A UNION LEADER WHO "
                     "HAD BEEN SHOT DEAD BY GUNMEN ON SUNDAY WAS FOUND UNDER A BRIDGE, POLICE SAID.") == [
        ("Guatemala City", 2)]


def test_without_a_dateline_this_city_is_no_place(places_of):
    assert places_of("The body of a union leader who had been shot dead by gunmen on Sunday was found under a "
                     "bridge in this city, police said.") == [None]
