"""The earlier act a sentence measures its act against (``extract/comparisons.py``), read from the
dependency parse: the phrase "since" opens under a superlative or a word of rank, when it tells an act."""

from __future__ import annotations

import pytest

from eventdesk.extract.comparisons import comparison_points, inside
from eventdesk.extract.places._asides import ELSEWHERE, aside_reader
from eventdesk.extract.tolls.count import count_fatalities
from eventdesk.model import Span


@pytest.fixture(scope="module")
def compared(services):
    def run(sentence: str) -> list[str]:
        parse = services.nlp.parse([sentence])[0]
        return [sentence[a:b] for a, b in comparison_points(parse)]
    return run


@pytest.mark.parametrize("sentence, phrase", [
    ("The bombing was the deadliest in Pakistan since the 2014 Peshawar school massacre, in which 149 people "
     "were killed.", "since the 2014 Peshawar school massacre, in which 149 people were killed"),
    ("It was the worst attack in Kenya since the 2013 Westgate mall siege in Nairobi, when 67 people died.",
     "since the 2013 Westgate mall siege in Nairobi, when 67 people died"),
    ("The blast was the deadliest since a truck bomb killed more than 80 people in Kabul in May.",
     "since a truck bomb killed more than 80 people in Kabul in May"),
    ("It was the first such attack on the town since Islamic State fighters stormed it in 2019.",
     "since Islamic State fighters stormed it in 2019"),
])
def test_an_earlier_act_under_a_superlative_or_a_rank_is_compared(compared, sentence, phrase):
    assert compared(sentence) == [phrase]


@pytest.mark.parametrize("sentence", [
    # no act in the phrase: the place is the strike's
    "This was the first airstrike by NATO forces since the agreement with the Taliban was signed, in Nahri Saraj district.",
    # "since" dates, it compares nothing
    "Since Monday, at least 12 people have been killed in Mosul.",
    "The town has been calm since the massacre of 2014.",
])
def test_since_without_an_earlier_act_under_a_superlative_compares_nothing(compared, sentence):
    assert compared(sentence) == []


def test_without_a_parse_nothing_is_compared():
    assert comparison_points(None) == ()
    assert not inside((), 0, 5)


def test_a_toll_inside_the_compared_act_is_not_counted():
    text = "The bombing was the deadliest since the 2014 massacre, in which 149 people were killed."
    whole = Span("a", 0, len(text))
    start = text.index("since")
    assert count_fatalities(text, [whole]).best == 149
    assert count_fatalities(text, [whole], elsewhere=[(start, len(text) - 1)]).best == 0


def test_a_place_inside_the_compared_act_is_elsewhere(services):
    sentence = "It was the worst attack in Kenya since the 2013 Westgate mall siege in Nairobi, when 67 people died."
    parse = services.nlp.parse([sentence])[0]
    aside = aside_reader(parse, 100, ("attack",))
    at = sentence.index("Nairobi")
    assert aside(100 + at, 100 + at + len("Nairobi")) == ELSEWHERE
    kenya = sentence.index("Kenya")
    assert aside(100 + kenya, 100 + kenya + len("Kenya")) != ELSEWHERE
