"""The name a chosen place is given: the report's writing of the gazetteer's name (``_naming``)."""

from __future__ import annotations

import pytest

from eventdesk.gazetteer import Gazetteer
from eventdesk.model import Place, Span
from eventdesk.extract.places._naming import prefixed_entries, written_name
from eventdesk.extract.places.choose import PlaceContext, choose_place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _choose(gaz: Gazetteer, text: str) -> Place | None:
    ctx = PlaceContext.from_text(text, gaz, article_id="a")
    return choose_place(text, Span("a", 0, len(text)), gaz, context=ctx)


@pytest.mark.parametrize(("surface", "name", "written"), [
    ("El Retiro", "Retiro", "El Retiro"),  # an article more
    ("Tierra Alta", "Tierralta", "Tierra Alta"),  # other word breaks
    ("Zulia", "El Zulia", "Zulia"),  # an article less
    ("Tecun Uman", "Ciudad Tecun Uman", "Tecun Uman"),  # a generic word left out
    ("Kisi", "Kisii", "Kisii"),  # another spelling of the same word keeps the gazetteer's
    ("Deir ez-Zor", "Deir ez Zor", "Deir ez Zor"),  # the same words
    ("EL CALLAO", "Callao", "Callao"),  # not in ordinary case
    ("Santa Rosa", "Santa Rosa de Copan", "Santa Rosa de Copan"),  # not the same name
])
def test_written_name(surface: str, name: str, written: str) -> None:
    assert written_name(surface, name) == written


def test_a_town_named_with_its_article_keeps_it(gaz: Gazetteer) -> None:
    text = "Guerrillas burned the country home of a former minister in El Retiro, Antioquia department, in Colombia."
    place = _choose(gaz, text)
    assert place is not None and (place.location, place.admin1, place.country) == ("El Retiro", "Antioquia", "Colombia")


def test_a_town_written_without_its_generic_word(gaz: Gazetteer) -> None:
    text = "Armed men kidnapped two coffee traders in Tecun Uman, on the border with Mexico, in Guatemala."
    place = _choose(gaz, text)
    assert place is not None and (place.location, place.admin1, place.country) == ("Tecun Uman", "San Marcos", "Guatemala")


def test_one_word_is_no_town_without_its_generic_word(gaz: Gazetteer) -> None:
    # "Delgado" alone may be a surname: Ciudad Delgado is read only when the text writes it whole
    assert prefixed_entries("Delgado", gaz) == []
    assert [e.name for e in prefixed_entries("Tecun Uman", gaz)] == ["Ciudad Tecun Uman"]
