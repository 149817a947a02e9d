"""Actor disambiguation by the article's year and country (issue 16): a name several actors share
takes the one active in the article's country and year, and a state force takes the years of the
regime in power (``data/state_regimes.csv``). Each rule with a positive and a negative case."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from eventdesk.extract.actors._dictionary import ActorDictionary, kb_entries, parse_years
from eventdesk.extract.actors._regimes import Regimes

KB = ("id,name,inter,countries,aliases,years,source\n"
      "old,ELN: Ejercito de Liberacion Nacional (Peru),2,Peru,ELN,1965-1965,test\n"
      "new,ELN: National Liberation Army,2,Colombia,ELN,1964-,test\n"
      "a,Front of the North,2,Chad,FN,1970-1979,test\n"
      "b,Northern Front,2,Chad,FN,1990-,test\n")
REGIMES = ("country,faction,first,last,source\n"
           "Kenya,,2002,2013,test\nKenya,,2013,2022,test\nKenya,,2022,,test\n"
           "Yemen,,2012,2022,test\nYemen,Supreme Political Council,2016,,test\n"
           "Democratic Republic of Congo,,2019,,test\n")


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary(kb_entries(KB, ()), Regimes.from_csv(REGIMES))


@pytest.mark.parametrize(("text", "years"), [
    ("1982-1997", (1982, 1997)), ("1980-", (1980, None)), ("2001", (2001, 2001)), ("", (None, None)),
    ("unknown", (None, None)),
])
def test_active_years_are_read_from_the_knowledge_base(text: str, years) -> None:
    assert parse_years(text) == years


def test_a_name_of_two_countries_takes_the_one_active_in_the_year_when_the_country_is_unknown(dictionary) -> None:
    assert dictionary.lookup("ELN", None, 1965).id == "kb:old"
    assert dictionary.lookup("ELN", None, 2020).id == "kb:new"


def test_the_country_outranks_the_year(dictionary) -> None:
    # Peru's ELN was not active in 1970, but an article set in Peru names no Colombian group
    assert dictionary.lookup("ELN", "Peru", 1970).id == "kb:old"
    assert dictionary.lookup("ELN", "Colombia", 1965).id == "kb:new"


def test_an_actor_long_gone_is_not_matched(dictionary) -> None:
    # more than GONE_AFTER_YEARS after its last active year the name is no longer that actor's:
    # "OAS" in a 1989 report is not France's OAS of 1961-62, and "ELN" in Peru in 2020 is not Peru's of 1965
    assert dictionary.lookup("ELN", "Peru", 2020).id == "kb:new"
    assert dictionary.lookup("FN", "Chad", 1995).name == "Northern Front"
    only_old = ActorDictionary(kb_entries("id,name,inter,countries,aliases,years,source\n"
                                          "oas,OAS,2,France,OAS,1961-1962,test\n", ()), Regimes.from_csv(REGIMES))
    assert only_old.lookup("OAS", None, 1989) is None
    assert only_old.lookup("OAS", None, 1970).name == "OAS"  # within reach of its years
    assert only_old.lookup("OAS", None, None).name == "OAS"  # no year known: as before


def test_a_name_two_groups_of_one_country_share_takes_the_one_active_that_year(dictionary) -> None:
    assert dictionary.lookup("FN", "Chad", 1975).name == "Front of the North"
    assert dictionary.lookup("FN", "Chad", 2005).name == "Northern Front"
    assert dictionary.lookup("FN", "Chad", None).name == "Front of the North"  # no year: the first row, as before


@pytest.mark.parametrize(("name", "year", "written"), [
    # the dictionary's years follow the article's year, and a unit stays after them
    ("Police Forces of Kenya (2013-) General Service Unit", 2008, "Police Forces of Kenya (2002-2013) General Service Unit"),
    ("Police Forces of Kenya (2013-)", 2023, "Police Forces of Kenya (2022-)"),
    ("Military Forces of the Democratic Republic of Congo (2001-)", 2020,
     "Military Forces of the Democratic Republic of Congo (2019-)"),
    ("Police Forces of Kenya (2013-)", 1995, "Police Forces of Kenya"),  # a year no regime covers: no years
])
def test_a_state_force_takes_the_years_of_the_regime_in_power(dictionary, name: str, year: int, written: str) -> None:
    assert dictionary.regimes.name(name, year) == written


@pytest.mark.parametrize(("name", "year"), [
    ("Police Forces of Kenya (2013-) General Service Unit", 2015),  # the regime in power, as written
    ("Military Forces of Yemen (2016-) Supreme Political Council", 2020),  # a rival government keeps its own
    ("Military Forces of Yemen (2016-) Supreme Political Council", 2014),  # before it formed: as given
    ("Police Forces of Kenya", 2015),  # a generic state force carries no years
    ("Police Forces of Kenya (2002-2013)", None),  # no year: unchanged
    ("Military Forces of Peru (1990-)", 2020),  # a country the table lacks: unchanged
    ("Civilians (Kenya)", 2015),
    ("Protesters (Yemen)", 2020),
])
def test_other_names_and_unknown_years_are_left_alone(dictionary, name: str, year) -> None:
    assert dictionary.regimes.name(name, year) == name


def test_every_shipped_regime_has_a_source_and_one_regime_holds_each_year() -> None:
    text = resources.files("eventdesk.data").joinpath("state_regimes.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(r["source"].strip() and r["first"].isdigit() for r in rows)
    regimes = Regimes.from_csv(text)
    for r in rows:
        first, last = int(r["first"]), int(r["last"]) if r["last"] else 2026
        for year in range(first, last):
            held = [x for x in regimes._rows[r["country"]] if x.faction == r["faction"] and x.holds(year)]
            assert len(held) == 1, (r["country"], r["faction"], year)


def test_a_report_of_2008_names_a_unit_with_the_regime_of_2008(events_of) -> None:
    events = events_of("On 3 May 2008, GSU officers shot dead two civilians in Kisumu, Kenya.")
    names = {a.name for e in events for a in (e.actor1, e.actor2) if a is not None}
    assert "Police Forces of Kenya (2002-2013) General Service Unit" in names


def test_a_report_of_2015_keeps_the_regime_the_dictionary_names(events_of) -> None:
    events = events_of("On 3 May 2015, GSU officers shot dead two civilians in Kisumu, Kenya.")
    names = {a.name for e in events for a in (e.actor1, e.actor2) if a is not None}
    assert "Police Forces of Kenya (2013-) General Service Unit" in names
