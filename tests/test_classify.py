"""Tests for eventdesk.extract.trigger.classify: one synthetic sentence per sub-event type and per precedence case
of shared/CODEBOOK.md section 1, plus a measured quality gate on the ACLED dev file when it is present.

All sentences are written for these tests in the style of ACLED notes; none is taken from ACLED data.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventdesk.extract.trigger.classify import EVENT_TYPES, SUB_EVENT_TYPES, Classification, classify

B, P, R, E, V, S = EVENT_TYPES

CASES: list[tuple[str, str, str]] = [
    # --- Battles
    ("On 3 June 2021, soldiers recaptured the town of Kalama from the rebels after heavy fighting.",
     B, "Government regains territory"),
    ("On 4 June 2021, rebels seized control of the town of Doro after fighting with the army.",
     B, "Non-state actor overtakes territory"),
    ("On 5 June 2021, militants clashed with security forces near Tarak; 2 soldiers were killed.", B, "Armed clash"),
    ("On 6 June 2021, government forces and rebels exchanged artillery fire along the front line.", B, "Armed clash"),
    ("On 7 June 2021, insurgents attacked an army checkpoint in Moro district.", B, "Armed clash"),
    ("On 8 June 2021, a sniper shot and killed 1 soldier in Balo district.", B, "Armed clash"),
    ("On 9 June 2021, members of two ethnic militias clashed over grazing land near Dari.", B, "Armed clash"),
    # --- Explosions/Remote violence
    ("On 1 May 2021, government forces used chlorine gas on a rebel-held village.", E, "Chemical weapon"),
    ("On 2 May 2021, warplanes carried out airstrikes on militant positions near Habi.", E, "Air/drone strike"),
    ("On 3 May 2021, a suicide bomber blew himself up at a market in Kanu, killing 5 people.", E, "Suicide bomb"),
    ("On 4 May 2021, militants fired mortars at a village near the border.", E,
     "Shelling/artillery/missile attack"),
    ("On 5 May 2021, a roadside bomb struck a bus near Lafa, killing 3 passengers.", E,
     "Remote explosive/landmine/IED"),
    ("On 6 May 2021, an unknown man threw a hand grenade into a bar in Toro, injuring 4 people.", E, "Grenade"),
    # --- Violence against civilians
    ("On 7 May 2021, gunmen raped a woman in Sabo village.", V, "Sexual violence"),
    ("On 8 May 2021, unidentified gunmen shot dead a shopkeeper in Mila town.", V, "Attack"),
    ("On 9 May 2021, armed men kidnapped a teacher on the road to Bara.", V, "Abduction/forced disappearance"),
    # --- Protests
    ("On 10 May 2021, police shot dead 2 protesters with live ammunition during a march in Tani.", P,
     "Excessive force against protesters"),
    ("On 11 May 2021, police dispersed protesters with tear gas outside the county offices in Dabo.", P,
     "Protest with intervention"),
    ("On 12 May 2021, about 200 traders held a peaceful demonstration in Keri against new market fees.", P,
     "Peaceful protest"),
    ("On 12 May 2021, protesters shouted at a party official in Keri. One woman was arrested.", P,
     "Protest with intervention"),
    # --- Riots
    ("On 13 May 2021, demonstrators threw stones at police and burnt tyres on the main road in Sura.", R,
     "Violent demonstration"),
    ("On 14 May 2021, a mob lynched a suspected thief in Gomo market.", R, "Mob violence"),
    # --- Strategic developments
    ("On 15 May 2021, the two armed groups signed a ceasefire agreement in Lomi.", S, "Agreement"),
    ("On 16 May 2021, police arrested the opposition leader in the capital on charges of treason.", S, "Arrests"),
    ("On 17 May 2021, the army deployed reinforcements to Pendo district ahead of the elections.", S,
     "Change to group/activity"),
    ("On 18 May 2021, police defused an explosive device found near a school in Maro.", S,
     "Disrupted weapons use"),
    ("On 19 May 2021, the militants established a new base in the forest near Kiwa.", S,
     "Headquarters or base established"),
    ("On 20 May 2021, militiamen looted shops and torched houses in Rafi village.", S,
     "Looting/property destruction"),
    ("On 21 May 2021, government troops withdrew from Tula and rebels entered the town without a fight.", S,
     "Non-violent transfer of territory"),
    ("On 22 May 2021, residents discovered a mass grave on the outskirts of Pemba.", S, "Other"),
    ("On 23 May 2021, 150 refugees returned from Uganda to Yei after their camp closed.", S, "Other"),
    ("On 29 May 2021, residents blocked the road to the landfill in Maro, demanding its closure.", P,
     "Peaceful protest"),
    ("On 26 May 2021, the militants overtook an army post near Kiwa. No casualties were reported.", B,
     "Armed clash"),
    ("On 27 May 2021, government forces conducted an incursion, reportedly against rebel positions, near Tula.",
     B, "Armed clash"),
    ("On 28 May 2021, the insurgents 'pounded' a military base near Maro.", E,
     "Shelling/artillery/missile attack"),
    ("On 24 May 2021, about 300 families were evacuated from two villages in Matalam.", S, "Other"),
    ("On 25 May 2021, settlers cut down some 40 olive trees near Burin.", S, "Looting/property destruction"),
]

PRECEDENCE: list[tuple[str, str, str, str]] = [
    ("IED followed by an exchange of fire -> Battles",
     "On 2 June 2021, a police patrol hit an IED near Kiro and then exchanged fire with al Shabaab militants.",
     B, "Armed clash"),
    ("IED followed by one-sided gunfire -> E/RV",
     "On 2 June 2021, a roadside bomb planted by militants hit a police vehicle near Kiro, killing 4 officers; "
     "the attackers then shot at the survivors.", E, "Remote explosive/landmine/IED"),
    ("protest that turns violent -> one Riots event",
     "On 3 June 2021, a protest by residents over water shortages turned violent when they stoned passing cars.",
     R, "Violent demonstration"),
    ("rubber bullets and tear gas only -> Protest with intervention",
     "On 4 June 2021, soldiers fired rubber bullets and tear gas at villagers marching against the new "
     "settlement; 3 demonstrators were lightly injured.", P, "Protest with intervention"),
    ("live fire killing protesters -> Excessive force",
     "On 5 June 2021, security forces opened fire on protesters in Wadi town, killing 3 demonstrators.",
     P, "Excessive force against protesters"),
    ("lynching -> Mob violence",
     "On 6 June 2021, angry villagers lynched a man accused of stealing a goat in Mato.", R, "Mob violence"),
    ("grenade against civilians -> E/RV Grenade, not VAC",
     "On 7 June 2021, militants threw grenades into homes in Bula, killing 6 civilians.", E, "Grenade"),
    ("bomb killing only its carriers -> SD Disrupted weapons use",
     "On 8 June 2021, a bomb being carried by 2 militants detonated prematurely, killing both of them.",
     S, "Disrupted weapons use"),
    ("arrests by rebels -> Abduction",
     "On 9 June 2021, Taliban militants arrested 12 villagers accused of spying for the government.",
     V, "Abduction/forced disappearance"),
    ("air strike with shelling -> Air/drone strike",
     "On 10 June 2021, the air force carried out airstrikes while artillery shelled the outskirts of Garo.",
     E, "Air/drone strike"),
    ("clash between rival supporters -> Riots/Mob violence",
     "On 11 June 2021, supporters of two rival candidates clashed at a polling station in Kuru.",
     R, "Mob violence"),
    ("clash between forces and rebels -> Battles",
     "On 12 June 2021, clashes broke out between the army and rebels near Sami.", B, "Armed clash"),
    ("attack on soldiers -> Battles, attack on villagers -> VAC",
     "On 13 June 2021, gunmen attacked villagers in Tofa, killing 4 farmers.", V, "Attack"),
    ("abduction followed by a killing -> Attack",
     "On 14 June 2021, gunmen abducted a trader in Nema and killed him the next day.", V, "Attack"),
    ("protest against a killing stays a peaceful protest",
     "On 15 June 2021, residents of Lusa protested against the killing of a boy by police.", P, "Peaceful protest"),
    ("protest against an arrest stays a peaceful protest",
     "On 16 June 2021, journalists held a protest against the unjust arrest of their editor.", P, "Peaceful protest"),
    ("armed forces killing militants -> Battles",
     "On 17 June 2021, military forces killed 6 insurgents during an operation in Tala district.",
     B, "Armed clash"),
    ("harm denied is no harm: burnt property stays property destruction",
     "On 18 June 2021, rebels burned a house and two tractors on a farm near Kalo. No injuries were reported.",
     S, "Looting/property destruction"),
    ("a seizure of goods by forces is property destruction, of weapons disrupted weapons use",
     "On 19 June 2021, police seized about 2 tons of cannabis hidden in a truck near Bora.",
     S, "Looting/property destruction"),
    ("a house set on fire is property, not a person set on fire",
     "On 20 June 2021, the house of a local activist was set on fire in Mavo.", S, "Looting/property destruction"),
    ("heavy machine guns fired at villages from a distance are shelling",
     "On 21 June 2021, rebels fired 14.5mm and 12.7mm machine guns at farms in Dala district. No fatalities reported.",
     E, "Shelling/artillery/missile attack"),
    ("an attack thwarted or fire answered is a battle",
     "On 22 June 2021, government forces thwarted an attack of rebel fighters on the Kuma front.", B, "Armed clash"),
    ("a clash between police and shopkeepers is a riot, not a battle",
     "On 24 June 2021, a clash erupted between police and shopkeepers in Maro town over the lockdown.",
     R, "Mob violence"),
    ("a policeman shot and killed by militants is a battle; a man shot dead by police an attack",
     "On 26 June 2021, 1 policeman was shot and killed by militants in the Dara area.", B, "Armed clash"),
    ("a policeman who killed a woman attacked a civilian (active voice, not an armed victim)",
     "On 2 July 2021, a policeman killed a woman in Tana village. The motive was not reported.", V, "Attack"),
    ("police shooting a man dead is an attack on a civilian",
     "On 27 June 2021, state police officers shot dead two men in Sama town.", V, "Attack"),
    ("displacement that follows a clash is the development coded, not the clash",
     "On 28 June 2021, 260 villagers were displaced following a clash between rebels and the army near Lanu.",
     S, "Other"),
    ("demonstrators burning objects on a road riot; warning shots into the air are no lethal force",
     "On 29 June 2021, traders burned tires and vandalized a police station in Kamu; police fired live ammunition "
     "into the air to disperse the demonstrators.", R, "Violent demonstration"),
    ("demonstrators shot and injured by police meet excessive force",
     "On 30 June 2021, two demonstrators were shot and injured by police during a protest in Nalo.",
     P, "Excessive force against protesters"),
    ("citizens who capture and beat a thief are a mob",
     "On 1 July 2021, a group of citizens captured a thief in Lira, tied him to a tree and beat him.",
     R, "Mob violence"),
    ("a demand about looted funds is no looting at the protest",
     "On 25 June 2021, protesters gathered outside the central bank in Dara and demanded the recovery of looted funds.",
     P, "Peaceful protest"),
    ("machine guns fired at residential areas, with no calibre given, are shelling",
     "On 3 July 2021, rebel forces fired machine guns, assumedly heavy, at residential areas of Dala city.",
     E, "Shelling/artillery/missile attack"),
    ("villages looted by gunmen who abducted residents: the abduction, not a riot",
     "On 4 July 2021, gunmen attacked Mani and Koma villages. 12 residents were abducted and the villages looted.",
     V, "Abduction/forced disappearance"),
    ("residents who burn a house after a kidnapping riot",
     "On 5 July 2021, after the body of a kidnapped girl was discovered in Kalo, angered residents set ablaze "
     "the house of the father of the suspect.", R, "Violent demonstration"),
    ("fire aimed at someone, with the weapons named between",
     "On 23 June 2021, soldiers fired tear gas canisters at farmers working their land near Sefa.", V, "Attack"),
]


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), CASES, ids=[c[2] for c in CASES])
def test_sub_event_types(text: str, event_type: str, sub_event_type: str) -> None:
    got = classify(text)
    assert got is not None
    assert (got.event_type, got.sub_event_type) == (event_type, sub_event_type), got


@pytest.mark.parametrize(("name", "text", "event_type", "sub_event_type"), PRECEDENCE,
                         ids=[p[0] for p in PRECEDENCE])
def test_precedence(name: str, text: str, event_type: str, sub_event_type: str) -> None:
    got = classify(text, armed_actors=1)
    assert got is not None, name
    assert (got.event_type, got.sub_event_type) == (event_type, sub_event_type), (name, got)


def test_every_sub_event_type_is_covered_except_rare() -> None:
    covered = {s for _, _, s in CASES}
    for subs in SUB_EVENT_TYPES.values():
        for s in subs:
            assert s in covered, s


def test_offsets_point_at_the_deciding_words() -> None:
    text = "On 2 March 2020, a mob lynched a suspected thief in Kiru."
    got = classify(text)
    assert isinstance(got, Classification)
    assert text[got.start : got.end].lower().startswith(("mob", "lynch"))


def test_dates_are_not_cues() -> None:
    # "March" and "May" are months here, not a march or a modal verb
    got = classify("On 4 March 2020, Taliban militants attacked a police checkpoint in Ghor.")
    assert got is not None and got.event_type == B


def test_no_cue_returns_none() -> None:
    assert classify("The county assembly met on Tuesday to discuss the budget.") is None


def test_backwards_compatible_keywords() -> None:
    text = "Gunmen attacked the village."
    assert classify(text) == classify(text, armed_actors=0, state_agent=False, actor_kinds=())
    # callers that know the actors can steer the battles/VAC decision
    got = classify("Unknown assailants attacked them at night.", actor_kinds=(3, 1))
    assert got is not None and got.event_type == B


# --- measured quality gate -------------------------------------------------------------------------
DEV = Path("/work/shared/eval/acled_dev.csv")
# Reached on dev with classify(notes, armed_actors=1): event_type 81.0 %, sub_event_type 76.9 %.
EVENT_TYPE_FLOOR = 81.0 - 2.0
SUB_EVENT_TYPE_FLOOR = 76.9 - 2.0


@pytest.mark.skipif(not DEV.exists(), reason=f"ACLED dev file {DEV} is not available (not redistributable)")
def test_quality_gate_on_acled_dev() -> None:
    n = et = st = 0
    with DEV.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            got = classify(row["notes"], armed_actors=1)
            n += 1
            if got and got.event_type == row["event_type"]:
                et += 1
                if got.sub_event_type == row["sub_event_type"]:
                    st += 1
    assert n > 1000
    assert 100 * et / n >= EVENT_TYPE_FLOOR, f"event_type accuracy {100 * et / n:.1f}% fell below the gate"
    assert 100 * st / n >= SUB_EVENT_TYPE_FLOOR, f"sub_event_type accuracy {100 * st / n:.1f}% fell below the gate"


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"),
                         CASES + [(t, e, s) for _, t, e, s in PRECEDENCE])
def test_the_trigger_prefilter_lets_every_typed_sentence_through(text: str, event_type: str,
                                                                   sub_event_type: str) -> None:
    # a sentence the classifier types but the cheap pre-filter drops is never parsed: a lost event
    from eventdesk.stages.sentences import TriggerFilter

    assert TriggerFilter().triggers(text), text


@pytest.mark.parametrize("text", [
    "On 8 May 2020, protesters gathered outside the Seray in Tripoli and demanded the release of activists "
    "who were detained in recent demonstrations.",
    "On 7 May 2020, truck drivers blocked the Zahrani bridge in protest against the coronavirus measures, "
    "which have prevented them from working.",
])
def test_a_past_arrest_or_a_grievance_is_no_intervention(text: str) -> None:
    assert classify(text).sub_event_type == "Peaceful protest"


def test_killing_a_member_of_named_forces_is_a_clash() -> None:
    got = classify("On 29 April 2020, unidentified gunmen reportedly killed a member of the Hadhrami Elite "
                   "forces in Al Ajlaniyah area of Hadramawt valley.")
    assert got.sub_event_type == "Armed clash"


@pytest.mark.parametrize("text", [
    "On 12 December 2019, youth demonstrated violently in Busia after a raid on a shop.",
    "Violent electoral protests broke out in Mathare.",
    "Protesters stormed the centre in Kisumu and threw chairs at the officials.",
    "A police officer was injured after he was hit by a stone thrown by protesting youths.",
    "Rowdy youth disrupted Kenyatta's rally in Kisumu, protesting the election results.",
    "Boda boda riders protested along the highway in Limuru and lit fires on the road.",
    "Cooperative farmers burn several houses in protest over the division of land.",
])
def test_a_demonstration_that_turns_violent_is_a_riot(text: str) -> None:
    got = classify(text)
    assert got is not None and (got.event_type, got.sub_event_type) == ("Riots", "Violent demonstration"), got


def test_police_dispersing_violently_does_not_make_protesters_rioters() -> None:
    got = classify("Kenyans took to the streets to protest; police violently dispersed protesters.")
    assert got is not None and got.event_type == "Protests", got


@pytest.mark.parametrize("text", [
    "Five armed men attacked a polling station in Galole and killed a voter, before police opened fire, "
    "killing two of the attackers.",
    "Police reservists pursued the raiders; three cattle rustlers were shot dead in the exchange.",
])
def test_attackers_killed_in_return_make_a_battle(text: str) -> None:
    got = classify(text)
    assert got is not None and (got.event_type, got.sub_event_type) == ("Battles", "Armed clash"), got


def test_palestinians_clashing_with_soldiers_riot() -> None:
    got = classify("On 4 May 2020, clashes erupted between Palestinians and Israeli forces at a refugee camp.")
    assert got is not None and got.event_type == "Riots", got


def test_weapons_listed_as_seized_are_not_weapons_used():
    """A list of what was confiscated names weapons, not an attack; the same words used are one."""
    seized = ("Troops of the training centre confiscated 13 AR-15 rifles, 10 M-16 rifles, 1 heavy-caliber mortar, "
              "2 grenades, and explosives during a combing operation in the canton.")
    c = classify(seized)
    assert (c.event_type, c.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    stolen = ("After ambushing the patrol, the rebels stole the policemen's weapons, which consisted of 8 rifles, "
              "2 guns, 1 grenade, and 1,600 cartridges.")
    assert classify(stolen).event_type != "Explosions/Remote violence"
    used = "Police found 2 grenades and then a bomb exploded in the market, killing 3."
    assert classify(used).event_type == "Explosions/Remote violence"


def test_members_of_a_named_front_are_an_armed_side_not_a_crowd():
    """"clashes against members of the ... Liberation Front": a battle; "party members" still riot."""
    battle = classify("Three soldiers were killed in clashes against members of the Farabundo Marti National "
                      "Liberation Front in the east of the country.")
    assert battle.event_type == "Battles"
    riot = classify("Party members of the ruling party clashed with opposition supporters in Kisumu.")
    assert riot.event_type == "Riots"


def test_dynamite_and_detonations_are_explosions():
    for text in ("A car loaded with 80 kg of dynamite exploded in front of the general's vehicle.",
                 "On Monday guerrillas blew up several electricity pylons in the eastern region.",
                 "There have been four dynamite attacks on the pipeline in the last 72 hours."):
        assert classify(text).event_type == "Explosions/Remote violence", text
    assert classify("Soldiers seized 20 sticks of dynamite at a farm.").sub_event_type == "Disrupted weapons use"


def test_a_purpose_of_armed_men_is_not_a_demonstration():
    kidnap = classify("Guerrillas kidnapped the ambassador's aide on Monday to protest U.S. intervention in Colombia.")
    assert kidnap.event_type == "Violence against civilians"
    crowd = classify("Hundreds gathered in the square on Monday to protest the killing of a student.")
    assert crowd.event_type == "Protests"


def test_burning_by_an_armed_group_is_no_riot():
    text = "Heavily armed terrorists burned the houses of the villagers."
    assert classify(text, actor_kinds=(2, 7)).event_type != "Riots"
    assert classify(text, actor_kinds=(7,)).event_type == "Riots"


@pytest.mark.parametrize("text", [
    "The former navy commander today harshly attacked the presidents of Peru and Nicaragua.",
    "Drug trafficking is one of the main factors preventing a social explosion in the country.",
    "We do not know who the kidnappers are, the family said.",
])
def test_words_of_violence_that_report_none(text):
    c = classify(text)
    assert c is None or c.event_type not in ("Violence against civilians", "Explosions/Remote violence"), c


def test_a_raid_that_hurts_no_one_is_an_operation():
    raid = classify("On 7 April federal police raided a cocaine laboratory on a ranch.", state_agent=True)
    assert raid.event_type == "Strategic developments"
    assert classify("Gunmen raided the village and killed four people.").event_type == "Violence against civilians"


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), [
    # the act answered: the burning is told, the killing it avenges is not
    ("Militants torched a passenger bus near Mandera on Monday in retaliation for the killing of their commander.",
     S, "Looting/property destruction"),
    # a past act that describes a person
    ("Arsonists burned down the house of a murdered activist in Kisumu on Saturday.", S,
     "Looting/property destruction"),
    ("Rebels who burned murdered farmers' houses accused them of helping the army.", S,
     "Looting/property destruction"),
    # an offensive named as context
    ("The bombings, a response to the army's offensive, went on today when a device exploded at a factory.", E,
     "Remote explosive/landmine/IED"),
])
def test_an_act_named_without_being_told_does_not_type_the_sentence(text, event_type, sub_event_type):
    got = classify(text, actor_kinds=(2,))
    assert got is not None and (got.event_type, got.sub_event_type) == (event_type, sub_event_type), got


@pytest.mark.parametrize(("text", "event_type"), [
    # the named act is all the sentence tells: it stays
    ("The bodies of the murdered journalists were found in a ditch on Sunday.", V),
    ("Gunmen shot dead a driver near Mandera on Monday in retaliation for the arrest of their commander.", V),
    ("Government troops launched an offensive against rebel positions near Kismayo on Sunday.", B),
])
def test_an_act_the_sentence_tells_is_kept(text, event_type):
    got = classify(text)
    assert got is not None and got.event_type == event_type, got


def test_a_crowd_noun_before_a_passive_participle_is_the_harmed_not_a_mob():
    harmed = classify("Five villagers attacked by bandits in Baringo on Sunday were taken to hospital.")
    assert harmed.event_type == V, harmed
    assert classify("Two youths captured by soldiers near the border have not been seen since.") is None \
        or classify("Two youths captured by soldiers near the border have not been seen since.").event_type != R
    mob = classify("Angry villagers attacked two suspected cattle thieves in Baringo on Sunday.")
    assert (mob.event_type, mob.sub_event_type) == (R, "Mob violence"), mob


def test_what_an_armed_group_protests_is_read_as_an_act():
    """The grievance of a protest is blanked only while the protest stands: an armed group that suspends talks
    "to protest" a bombing makes no demonstration, and the bombing is what the sentence tells."""
    armed = classify("The rebel movement suspended peace talks to protest a bomb attack on its office in Juba "
                     "that killed three people.", agent_kinds=(2,))
    assert armed.event_type == E, armed
    crowd = classify("Hundreds of residents marched in Juba to protest a bomb attack on a market that killed three.")
    assert crowd.event_type == P, crowd


@pytest.mark.parametrize("text", [
    "Insurgents resumed their campaign by blowing-up two electricity pylons near Quetta.",
    "The offices of the opposition party in Herat were destroyed by bombs on Sunday night.",
])
def test_bombs_told_by_a_hyphenated_verb_or_as_an_agent_are_explosions(text):
    assert classify(text).event_type == E
    assert classify("The offices of the opposition party in Herat were destroyed by fire.") is None \
        or classify("The offices of the opposition party in Herat were destroyed by fire.").event_type != E


def test_a_measure_of_burned_fields_is_property_destruction():
    got = classify("Herders burned two acres of maize fields in Tana River on Sunday.", actor_kinds=(4,))
    assert got is not None and got.sub_event_type == "Looting/property destruction", got


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), [
    ("UN peacekeepers installed a new temporary military base near Djugu to protect civilians due to continued attacks "
     "by militiamen and clashes between them and the army.", S, "Headquarters or base established"),
    ("Troops were deployed to the island's ports in the context of recent fighting between rival factions.", S,
     "Change to group/activity"),
    ("Two soldiers were killed due to clashes with militants near Marib.", B, "Armed clash"),
])
def test_the_fighting_a_development_is_due_to_does_not_type_it(text, event_type, sub_event_type):
    got = classify(text)
    assert got is not None and (got.event_type, got.sub_event_type) == (event_type, sub_event_type), got
