"""A place inside a comma-set relative clause about someone (``extract/places/_asides.py``) is
where that someone lives or works, not where the event happened; read from the dependency parse."""

from __future__ import annotations

import pytest

from eventdesk.extract.places._asides import aside_reader


@pytest.fixture(scope="module")
def aside_of(services):
    def run(sentence: str, name: str, triggers=("kidnapped", "killed", "shot", "attacked")) -> bool:
        parse = services.nlp.parse([sentence])[0]
        reader = aside_reader(parse, 100, triggers)  # the sentence starts at article offset 100
        start = sentence.index(name)
        return reader(100 + start, 100 + start + len(name))
    return run


def test_a_comma_set_who_clause_is_an_aside(aside_of):
    assert aside_of("The businessman, who owns a tannery and spends most of his time in Miami, "
                    "was kidnapped on 9 July by several unknown persons.", "Miami")
    assert aside_of("The Cerigua agency, whose main offices are in Mexico, says a guerrilla column "
                    "attacked the farm.", "Mexico")


def test_a_clause_that_picks_out_who_or_reports_the_act_is_no_aside(aside_of):
    # no comma: the clause says which men, and what they did is the event
    assert not aside_of("Armed men who entered his house in Miami shot the businessman.", "Miami")
    # the clause holds the violent act itself
    assert not aside_of("The deputy, who was kidnapped in Cali on Monday, was freed.", "Cali")
    # 'which' describes a thing, often the target: 'the bank, which is in Lima, was bombed'
    assert not aside_of("The bank, which is in Lima, was attacked on Monday.", "Lima")
    # outside any clause
    assert not aside_of("The businessman, who owns a tannery, was kidnapped in Miami.", "Miami")


def test_no_parse_no_reader():
    assert aside_reader(None, 0, ()) is None


def test_an_aside_in_the_articles_country_is_kept_when_the_sentence_names_nothing_else(events_of):
    # where he worked is the best the sentence says: kept, but last
    events = events_of("On 10 May 2021, gunmen killed Roberto Sarasty, who worked for a radio network in "
                       "Medellin, Colombian police said.")
    assert [e.place.location for e in events if e.place] == ["Medellin"]
    events = events_of("On 10 May 2021, Roberto Sarasty, who worked for a radio network in Medellin, was "
                       "shot dead in Cali, Colombian police said.")
    assert [e.place.location for e in events if e.place] == ["Cali"]


def test_a_clause_that_holds_the_sentences_trigger_stem_is_no_aside(aside_of):
    # the pre-filter's triggers are stems: 'demonstrat' is the act of 'held a peaceful demonstration'
    assert not aside_of("The residents, who held a peaceful demonstration in Kutus town, accused the MPs.", "Kutus",
                        triggers=("demonstrat",))
