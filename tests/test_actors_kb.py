"""The actor knowledge base ``data/actors_kb.csv``: provenance of every row, loading next to
actors.csv, the country and capitals rules, and a Latin American report through the pipeline."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import pytest

from eventdesk.extract.actors.find import ActorDictionary

DATA = resources.files("eventdesk.data")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(DATA.joinpath("actors_kb.csv").read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def test_every_row_has_a_source_a_valid_inter_code_and_known_countries(rows) -> None:
    countries = {r["country"] for r in csv.DictReader(io.StringIO(
        DATA.joinpath("acled_countries.csv").read_text(encoding="utf-8")))}
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["source"].strip(), r["id"]
        assert 1 <= int(r["inter"]) <= 8, r["id"]
        assert r["name"].strip(), r["id"]
        assert all(c in countries for c in r["countries"].split("|") if c), r["id"]


def test_the_knowledge_base_is_versioned_and_large_enough(rows) -> None:
    meta = json.loads(DATA.joinpath("actors_kb.meta.json").read_text(encoding="utf-8"))
    assert meta["version"] and meta["sources"] and meta["built_by"]
    groups = [r for r in rows if r["inter"] != "1" and r["aliases"]]
    assert len(groups) >= 600
    states = {r["countries"] for r in rows if r["name"].startswith("Military Forces of ")}
    assert {"Peru", "Libya", "Ukraine", "Kenya"} <= states


def test_both_files_load_and_actors_csv_wins_a_shared_alias(dictionary) -> None:
    ids = [e.id for e in dictionary.entries]
    assert len(ids) == len(set(ids))
    assert any(i.startswith("kb:") for i in ids) and dictionary.has("lna")
    assert dictionary.lookup("ELN", "Colombia").id == "eln"  # actors.csv's row, not the knowledge base's
    assert dictionary.lookup("LNA", "Libya").id == "lna"


@pytest.mark.parametrize(
    ("alias", "country", "name"),
    [
        ("Sendero Luminoso", "Peru", "Shining Path"),
        ("Shining Path guerrillas", "Peru", "Shining Path"),
        ("FMLN", "El Salvador", "FMLN: Farabundo Marti National Liberation Front"),
        ("Farabundo Marti National Liberation Front", "El Salvador",
         "FMLN: Farabundo Marti National Liberation Front"),
        ("MRTA", "Peru", "MRTA: Tupac Amaru Revolutionary Movement"),
        ("URNG", "Guatemala", "URNG: Guatemalan National Revolutionary Unity"),
        ("ORPA", "Guatemala", "ORPA: Revolutionary Organization of the People in Arms"),
        ("Cinchoneros", "Honduras", "Cinchoneros Popular Liberation Movement"),
        ("Morazanist Front", "Honduras", "FPM: Morazanist Patriotic Front"),
        ("Extraditables", "Colombia", "The Extraditables"),
        ("Cali cartel", "Colombia", "Cali Cartel"),
        ("M-19", "Colombia", "M-19: 19th of April Movement"),
        ("Donetsk People's Republic", "Ukraine", "DPR: Donetsk People's Republic"),
        ("Rada Special Deterrence Force", "Libya", "Rada Special Deterrence Force"),
        ("Tamil Tigers", "Sri Lanka", "LTTE: Liberation Tigers of Tamil Eelam"),
        # the group's own name is a Force (Force patriotique et integrationniste du Congo)
        ("Patriotic and Integrationist Force of Congo", "Democratic Republic of Congo",
         "FPIC: Patriotic and Integrationist Force of Congo"),
        ("FPIC", "Democratic Republic of Congo", "FPIC: Patriotic and Integrationist Force of Congo"),
        # a Mayi Mayi group named after the movement's name is that group, not the movement
        ("Mayi Mayi Militia Raia Mutomboki", "Democratic Republic of Congo", "Mayi Mayi Militia (Raia Mutomboki)"),
        ("Afghan military commandos", "Afghanistan", "Military Forces of Afghanistan Special Forces"),
        ("Afghan commandos", "Afghanistan", "Military Forces of Afghanistan Special Forces"),
        ("Afghan soldiers", "Afghanistan", "Military Forces of Afghanistan"),
        # the Islamic State of a country with a branch is that branch ("IS fighters" in Borno)
        ("Islamic State", "Nigeria", "Islamic State (West Africa)"),
        ("Islamic State", "Mali", "Islamic State (Greater Sahara)"),
        ("BH/IS", "Nigeria",
         "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"),
    ],
)
def test_an_alias_resolves_to_its_actor_in_its_country(dictionary, alias, country, name) -> None:
    found = [m for m in dictionary.matches(f"On Monday {alias} attacked the town.") if m[2] == alias]
    assert found, alias
    entry = dictionary.lookup(alias, country)
    assert entry is not None and entry.name == name and entry.country == country


def test_a_group_is_matched_in_its_own_country_only() -> None:
    from eventdesk.extract.actors._dictionary import _dictionary_names

    dictionary = ActorDictionary.load()
    text = "Senderistas attacked the post."
    assert [e.name for *_, e in _dictionary_names(text, "Peru", dictionary)] == ["Shining Path"]
    assert list(_dictionary_names(text, "Kenya", dictionary)) == []


def test_a_distinctive_name_names_its_group_outside_its_country() -> None:
    from eventdesk.extract.actors._dictionary import _dictionary_names

    dictionary = ActorDictionary.load()
    # two words or more that no other actor bears, opening their phrase: the group wherever it acts
    text = "THE POLICE SAID THAT SHINING PATH TERRORISTS MURDERED TWO PEASANTS."
    assert [e.name for *_, e in _dictionary_names(text, "Chile", dictionary)] == ["Shining Path"]
    # the tail of a longer name the dictionary does not know, a people's name and one noun, or a
    # name several actors bear: not abroad
    assert list(_dictionary_names("MEMBERS OF THE MANUEL RODRIGUEZ ARMED FORCES OF LIBERATION", "Chile",
                                  dictionary)) == []
    assert list(_dictionary_names("THE PERUVIAN SHINING PATH GROUP", "Bolivia", dictionary)) == []
    assert not dictionary.distinctive("Israeli settlers")
    assert not dictionary.distinctive("Islamic State")


def test_an_alias_shared_by_groups_of_two_countries_takes_the_article_country() -> None:
    kb = "id,name,inter,countries,aliases,years,source\n" \
         "x-a,Front A,2,Peru,Red Front,,test\nx-b,Front B,2,Bolivia,Red Front,,test\n"
    from eventdesk.extract.actors._dictionary import kb_entries

    d = ActorDictionary(kb_entries(kb, ()))
    assert d.lookup("Red Front", "Peru").name == "Front A"
    assert d.lookup("Red Front", "Bolivia").name == "Front B"


def test_an_all_capital_alias_that_is_a_word_needs_capitals() -> None:
    kb = "id,name,inter,countries,aliases,years,source\n" \
         "x-plan,PLAN: People's Liberation Army of Namibia,2,Namibia,PLAN|People's Liberation Army of Namibia,,test\n"
    from eventdesk.extract.actors._dictionary import kb_entries

    d = ActorDictionary(kb_entries(kb, ()))
    assert [m[2] for m in d.matches("PLAN fighters crossed the border.")] == ["PLAN"]
    assert d.matches("The plan was to cross the border.") == []
    assert "PLAN" in d.acronyms()


def test_a_latin_american_report_gives_the_group_as_actor1(events_of) -> None:
    events = events_of("On 3 May 1989, Shining Path guerrillas killed 12 peasants in Ayacucho, Peru.")
    assert events, "no event extracted"
    assert events[0].actor1 is not None and events[0].actor1.name == "Shining Path"


# Units of state forces (tools/actors_kb/state_units.csv) and aliases the knowledge base adds to an
# actors.csv actor (issue 16: actor errors by mechanism)

def test_a_state_unit_is_named_after_the_force_of_the_events_country_only(dictionary) -> None:
    from eventdesk.extract.actors._dictionary import _dictionary_names

    text = "Prison guards opened fire on the inmates."
    assert [e.name for *_, e in _dictionary_names(text, "Peru", dictionary)] == ["Police Forces of Peru Prison Guards"]
    assert [e.name for *_, e in _dictionary_names(text, "Philippines", dictionary)] == \
        ["Police Forces of the Philippines Prison Guards"]
    assert list(_dictionary_names(text, None, dictionary)) == []  # no country: no state to name


def test_a_unit_listed_for_one_country_is_not_matched_in_another(dictionary) -> None:
    from eventdesk.extract.actors._dictionary import _dictionary_names

    text = "Border guard police clashed with the group."
    assert [e.name for *_, e in _dictionary_names(text, "Myanmar", dictionary)] == \
        ["Police Forces of Myanmar Border Guard Police"]
    assert [e.name for *_, e in _dictionary_names(text, "Bangladesh", dictionary)] == []


def test_a_knowledge_base_row_adds_its_other_spellings_to_the_actors_csv_actor_it_is() -> None:
    base = ActorDictionary.from_csv("id,name,inter,country,aliases,source\n"
                                    "rm,Mayi Mayi Militia (Raia Mutomboki),3,Democratic Republic of Congo,Raia Mutomboki,t\n").entries
    from eventdesk.extract.actors._dictionary import _dictionary_names, kb_entries

    kb = kb_entries("id,name,inter,countries,aliases,years,source\n"
                    "raia,Raia Mutomboki,4,Democratic Republic of Congo,Raia Mutomboki|Raiya Mutomboki,2005-,t\n", base)
    d = ActorDictionary([*base, *kb])
    found = [(s, e.name, e.inter) for _, _, s, e in _dictionary_names("Raiya Mutomboki rebels raped two women.",
                                                                       "Democratic Republic of Congo", d)]
    assert found == [("Raiya Mutomboki", "Mayi Mayi Militia (Raia Mutomboki)", 3)]
    assert [e.id for e in kb] == ["rm+kb:raia"]  # the actors.csv actor, not a second one


def test_a_knowledge_base_row_of_another_actor_adds_nothing_to_it() -> None:
    base = ActorDictionary.from_csv("id,name,inter,country,aliases,source\n"
                                    "cv,CV: Red Command,3,Brazil,CV|Red Command,t\n").entries
    from eventdesk.extract.actors._dictionary import kb_entries

    kb = kb_entries("id,name,inter,countries,aliases,years,source\n"
                    "pcc,PCC: First Capital Command,3,Brazil,PCC|First Capital Command,1993-,t\n", base)
    assert [(e.id, e.name) for e in kb] == [("kb:pcc", "PCC: First Capital Command")]


def test_a_name_spelled_with_doubled_letters_once_is_that_name() -> None:
    kb = "id,name,inter,countries,aliases,years,source\n" \
         "x-zw,Zarate Willka Armed Forces of Liberation,2,Bolivia,Zarate Willka|Zarate Willka Armed Forces of Liberation,,test\n"
    from eventdesk.extract.actors._dictionary import kb_entries

    d = ActorDictionary(kb_entries(kb, ()))
    # transliterations vary most in doubled letters: a name of two words or more matches either way
    assert [m[2] for m in d.matches("a self-styled Zarate Wilka Armed Forces of Liberation group")] == \
        ["Zarate Wilka Armed Forces of Liberation"]
    assert d.lookup("Zarate Wilka", "Bolivia").name == "Zarate Willka Armed Forces of Liberation"
    # a one-word name does not ("Willka" alone is no alias, and no one-word variant is made)
    kb1 = "id,name,inter,countries,aliases,years,source\nx-h,Hizbollah,2,Lebanon,Hizbollah,,test\n"
    assert ActorDictionary(kb_entries(kb1, ())).matches("Hizbolah fighters") == []


def test_a_name_joined_to_an_acronym_by_a_hyphen_is_matched_but_not_after_a_prefix() -> None:
    kb = "id,name,inter,countries,aliases,years,source\n" \
         "x-zw,Zarate Willka Armed Forces of Liberation,2,Bolivia,Zarate Willka,,test\n" \
         "x-h,Houthis,2,Yemen,Houthi|Houthi forces,,test\n"
    from eventdesk.extract.actors._dictionary import kb_entries

    d = ActorDictionary(kb_entries(kb, ()))
    assert [m[2] for m in d.matches("members of the FAL-Zarate Willka group")] == ["Zarate Willka"]
    assert [m[2] for m in d.matches("MEMBERS OF THE FAL-ZARATE WILLKA GROUP")] == ["ZARATE WILLKA"]
    # a prefix that qualifies the name, in any case, or a word in lower case: not the group
    assert d.matches("gunmen attacked an anti-Houthi rally") == []
    assert d.matches("GUNMEN ATTACKED AN ANTI-HOUTHI RALLY") == []
    assert d.matches("Pro-Houthi forces marched") == []
