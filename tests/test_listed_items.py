"""The items a sentence shares a counted plural of acts out to (``extract.assembly._items``)."""

from eventdesk.extract.assembly._items import listed_items
from eventdesk.model import Span


def _items(text: str) -> list[str]:
    return [text[s.start:s.end] for s in listed_items(text, Span("a", 0, len(text)))]


def test_each_item_to_the_next_opening_and_the_last_to_the_comma():
    text = ("Two car bombs exploded minutes apart in Baghdad on Tuesday, one near a market in Sadr City "
            "and one at a checkpoint in Karrada, killing at least 14 people.")
    assert _items(text) == ["one near a market in Sadr City", "one at a checkpoint in Karrada"]


def test_another_and_the_sentence_end():
    text = "Three bombs went off in Tegucigalpa, one at the park, another at the university and another at a school."
    assert _items(text) == ["one at the park", "another at the university", "another at a school"]


def test_no_counted_acts_no_items():
    # shots and victims shared out are no acts; a single act has nothing to share
    assert _items("A gunman shot the mayor twice, one in the head and one in the chest.") == []
    assert _items("Two soldiers were killed, one in Kidal and another in Gao.") == []
    assert _items("A bomb exploded at a market, one of many this year, police said.") == []


def test_a_single_item_is_no_list():
    assert _items("Two bombs exploded in Lima, one at the embassy, police said.") == []


def test_an_item_without_a_place_is_where_the_sentence_puts_the_acts():
    from dataclasses import replace as _replace
    from eventdesk.extract.assembly._items import by_listed_item
    from eventdesk.model import EventMention, Fatalities, Place

    text = "Three bombs went off in Tegucigalpa, one at the park, another near the Cathedral and another at a school."

    def place(name):
        return Place(location=name, country="Honduras", admin1="Francisco Morazan", admin2="", latitude=14.1,
                     longitude=-87.2, precision=1, source="test")

    class Context:  # the sentence before its items names Tegucigalpa; the second item names its own site
        def place_for(self, span):
            told = text[span.start:span.end]
            return place("Tegucigalpa") if "Tegucigalpa" in told else place("Cathedral") if "Cathedral" in told else None

    sentence = Span("a", 0, len(text))
    event = EventMention(article_id="a", event_type="Explosions/Remote violence",
                         sub_event_type="Remote explosive/landmine/IED", sentences=(sentence,), date=None,
                         place=place("Cathedral"), actor1=None, actor2=None, assoc_actor_1=(), assoc_actor_2=(),
                         fatalities=Fatalities(3, 3, 3, None, "told"), notes="", confidence=0.5,
                         type_evidence=Span("a", 12, 20))
    got = by_listed_item(_replace(event), text, Context())
    assert [e.place.location for e in got] == ["Tegucigalpa", "Cathedral", "Tegucigalpa"]
    assert [e.fatalities.best for e in got] == [1, 1, 1]
