"""Named armed groups the knowledge base lacks come out as themselves, typed by their words;
parties, state units and phrases that only look like names do not."""

from __future__ import annotations

import pytest

from eventdesk.extract.actors._dictionary import generic_name
from eventdesk.extract.actors._unknown import load_group_names, unknown_groups


@pytest.fixture(scope="module")
def find(services):
    people_of = services.actors.people_of

    def run(text):
        return [(name, inter) for _, _, name, inter in unknown_groups(text, load_group_names(), generic_name, people_of)]
    return run


@pytest.mark.parametrize("text,expected", [
    ("Fighters of Jaysh al-Izza shelled the village on Monday.", [("Jaysh al-Izza", 3)]),
    ("A group calling itself the Gerardo Barrios commando unit claimed the attack.",
     [("Gerardo Barrios Commando Unit", 3)]),
    ('An ultrarightist "Dare-to-Die Squad" bombed the union building.', [("Dare-to-Die Squad", 3)]),
    ("Two bombs were set off by the Zarate Willka Liberation Armed Forces in La Paz.",
     [("Zarate Willka Liberation Armed Forces", 2)]),
    # negatives: a party, the state's units, words that open no name
    ("The Christian Democratic Party condemned the attack.", []),
    ("Troops of the Atlacatl Battalion clashed with rebels.", []),
    ("The Guatemalan Army said two soldiers died.", []),
    ("No organization has claimed responsibility for the attack.", []),
    ("This group has attacked the town before.", []),
])
def test_unknown_groups(find, text, expected):
    assert find(text) == expected


def test_a_communitys_militia_is_left_to_the_community_rules(find):
    assert find("Fulani militias attacked the village of Agatu on Sunday.") == []


@pytest.mark.parametrize("text,expected", [
    ('A new group calling itself the "9 May" People\'s Liberation Forces announced its emergence.',
     [("9 May People's Liberation Forces", 2)]),
    ('A GROUP CALLING ITSELF THE "9 MAY" PEOPLE\'S LIBERATION FORCES ANNOUNCED ITS EMERGENCE.',
     [("9 MAY PEOPLE'S LIBERATION FORCES", 2)]),
    # the quoted name alone when no head noun follows it
    ('A group calling itself "Los Extraditables" claimed the attack.', [("Los Extraditables", 3)]),
])
def test_a_quoted_name_after_calling_itself_runs_on_to_its_head_noun(find, text, expected):
    assert find(text) == expected


def test_a_name_a_group_calls_itself_takes_the_groups_role():
    from eventdesk.extract.actors._role import role_of

    import spacy

    from eventdesk.stages.parse import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    doc = nlp("A group calling itself the Dare-to-Die Squad attacked the post.")
    assert role_of(doc[10])[0] == "agent"  # Squad: the group that attacked
    doc = nlp("Police arrested a group calling itself the Red Squad.")
    assert role_of(doc[8])[0] == "patient"  # Squad: the group arrested
