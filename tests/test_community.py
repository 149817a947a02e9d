"""Named community militias (stages/_community.py): ACLED's "<Community> Clan/Tribal/Communal
Militia (X)", from the few ways reports name a clan, a tribe or a community."""

import pytest

from eventdesk.extract.actors._community import named_militias


@pytest.mark.parametrize(("sentence", "names"), [
    ("Clashes between the Kapkeny and Kabasiran clans broke out in the Mogil area.",
     ["Kapkeny Clan Militia", "Kabasiran Clan Militia"]),
    ("Armed clashes erupted between Bani Ali and Al Badi tribesmen in the suq.",
     ["Bani Ali Tribal Militia", "Al Badi Tribal Militia"]),
    ("An armed fight ensued between the Al Salih and Al Tlais families in Braytal.",
     ["Al Salih Clan Militia", "Al Tlais Clan Militia"]),
    ("Clashes erupted between Al Tilan and Al Dahshal Ba al Harith tribal militias over water.",
     ["Al Tilan Tribal Militia", "Al Dahshal Ba al Harith Tribal Militia"]),
    ("Clashes erupted between Al Hayash tribesmen and pro-Houthi forces.", ["Al Hayash Tribal Militia"]),
    ("Communal militias from Odejo attacked Ikobi and killed 3 residents.", ["Odejo Communal Militia"]),
    ("Herders from Isiolo and Marsabit engaged each other in a gun battle.",
     ["Isiolo Communal Militia", "Marsabit Communal Militia"]),
    ("Two Siria and Ruasi Ngishu clans clashed at the border.", ["Siria Clan Militia", "Ruasi Ngishu Clan Militia"]),
])
def test_named_communities(sentence: str, names: list[str]) -> None:
    assert [m.name for m in named_militias(sentence)] == names


@pytest.mark.parametrize(("sentence", "names"), [
    # "from" is read in any case ("RAIDERS FROM" in wire copy): the word test that decides whether the
    # pattern runs at all must not be case-sensitive
    ("RAIDERS FROM Isiolo attacked the village.", ["Isiolo Communal Militia"]),
    ("Youths From Odejo burned houses.", ["Odejo Communal Militia"]),
    # every kind word passes the word test: sub-clans, families, tribal militias, communal militias
    ("Fighting between the Matan and Garre sub-clans left two dead.", ["Matan Clan Militia", "Garre Clan Militia"]),
    ("The Kowow communal militias raided the market.", ["Kowow Communal Militia"]),
])
def test_named_communities_any_case_and_kind(sentence: str, names: list[str]) -> None:
    assert [m.name for m in named_militias(sentence)] == names


@pytest.mark.parametrize("sentence", [
    "Two rival clans both affiliated with the MILF engaged in clashes.",  # unnamed: Unidentified Clan Militia
    "The Somali community and the Borana clashed.",  # "community" alone names no militia kind
    "Gunmen attacked a market in the town.",
])
def test_no_named_community(sentence: str) -> None:
    assert named_militias(sentence) == []
