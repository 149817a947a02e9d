"""ACLED's conventions for who stands on which side (stages/sides.py), end to end on short notes."""

from __future__ import annotations

import pytest


def test_boko_haram_after_the_split_is_either_faction(events_of) -> None:
    text = "On 7 May {year}, Boko Haram attacked the village of Amchide, in Kolofata subdivision (Mayo-Sava, Extreme-Nord)."
    (after,) = events_of(text.format(year=2020))
    assert after.actor1.name.startswith("Islamic State (West Africa) and/or Boko Haram")
    (before,) = events_of(text.format(year=2012))
    assert before.actor1.name == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


def test_a_named_faction_stays_itself(events_of) -> None:
    (event,) = events_of("On 7 May 2020, JAS attacked the village of Amchide, in Kolofata subdivision "
                                 "(Mayo-Sava, Extreme-Nord).")
    assert event.actor1.name == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


def test_a_unit_of_a_named_group_is_that_group(events_of) -> None:
    text = ("On 3 May 2020, forces from Ash Shubaji Martyrs Battalion of the 6th Southern Resistance Brigade "
            "reportedly thwarted an attack of pro-Houthi forces in Al Fajir front (Qaatabah, Ad Dali).")
    (event,) = events_of(text)
    assert event.actor1.name == "Southern Resistance"
    assert event.actor2.name.startswith("Military Forces of Yemen (2016-) Supreme Political Council")


def test_members_and_gunmen_of_a_named_group_are_that_group(events_of) -> None:
    # not a crowd of "members" rioting, nor civilians killed
    (event,) = events_of("On 3 May 2020, members of the CJNG clashed with municipal police in Aguililla "
                         "(Aguililla, Michoacan). 3 fatalities.")
    assert (event.sub_event_type, event.actor1.name) == ("Armed clash", "CJNG: Jalisco New Generation Cartel")
    (event,) = events_of("On 5 May 2020, in Culiacan (Sinaloa), gunmen of the Sinaloa Cartel clashed with the "
                         "National Guard. 2 fatalities.")
    assert (event.actor1.name, event.actor2.name) == (
        "Sinaloa Cartel", "Military Forces of Mexico (2018-) National Guard")
    (event,) = events_of("On 2 February 2019, security forces killed four members of al Shabaab in Boni Forest, "
                         "Lamu County.")
    assert (event.event_type, event.actor2.name) == ("Battles", "Al Shabaab")


def test_victims_named_by_their_nation_are_its_civilians(events_of) -> None:
    (event,) = events_of("On 30 April 2020, Israeli forces beat three Palestinians and then detained them in "
                         "Jerusalem.")
    assert event.actor2.name == "Civilians (Palestine)"
    (event,) = events_of("On 10 July 2019, an unidentified armed group attacked Ethiopian refugees in Kakuma "
                         "refugee camp, Turkana County.")
    assert event.actor2.name == "Civilians (Ethiopia)"


def test_a_fight_between_a_and_b_names_a_first(events_of) -> None:
    text = ("On 8 May 2020, five NPA militants were killed in a firefight between the NPA and a joint team composed "
            "of the police's Special Action Force in Barangay Tuburan, Tulunan, Cotabato.")
    (event,) = events_of(text)
    assert (event.actor1.name, event.actor2.name) == ("NPA: New People's Army", "Police Forces of the Philippines")


def test_a_foreign_alias_does_not_shadow_the_home_group(events_of) -> None:
    # "ADF fighters" is also an alias of Cameroon's Ambazonian separatists
    text = "On 30 April 2020, ADF fighters killed 5 civilians in a new attack in Oicha (Beni, Nord-Kivu)."
    (event,) = events_of(text)
    assert event.actor1.name == "ADF: Allied Democratic Forces"


def test_a_nations_armed_forces_are_its_army_and_air_strikes_no_labour_strike(events_of) -> None:
    text = ("On 30 April 2020, Nigerian Armed Forces conducted air strikes against a camp of Boko Haram at Parisu "
            "(Abadam LGA, Borno) in Sambisa forest.")
    (event,) = events_of(text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1.name == "Military Forces of Nigeria"


def test_the_raider_named_after_the_raid_leaves_the_victims_as_actor2(events_of) -> None:
    # "air raids were reported": the parse makes the raid's owner a patient; once it is actor1,
    # the civilians the raid killed are actor2, not nobody
    (event,) = events_of("On 7 May 2020, Saudi-led coalition air raids were reported on Al Jarr area in "
                         "northwestern Yemen (Abs, Hajjah), killing four citizens, including a child.")
    assert (event.actor1.name, event.actor2.name) == ("Operation Restoring Hope", "Civilians (Yemen)")


def test_one_side_and_the_other_are_the_two_actors(events_of) -> None:
    # the affiliate of the first side named between them is no opponent
    (event,) = events_of("On 2 May 2020, clashes were reported between pro-Hadi forces and affiliates (coded as "
                         "Popular Resistance) on one side and pro-Houthi forces on the other in Yisbal area "
                         "(As Sawadiyah, Al Bayda).")
    assert (event.actor1.name, event.actor2.name) == (
        "Military Forces of Yemen (2012-)", "Military Forces of Yemen (2016-) Supreme Political Council")


def test_two_armed_sides_hurt_in_a_fight_are_its_two_actors(events_of) -> None:
    # no one is the subject of an act: the two named sides fought, no unidentified third party
    (event,) = events_of("On 30 April 2020, three NPA militants were killed while a government soldier was "
                         "wounded during a firefight between the NPA and the military in Bindoy, Negros Oriental.")
    assert (event.actor1.name, event.actor2.name) == ("NPA: New People's Army", "Military Forces of the Philippines")


@pytest.mark.parametrize(("text", "militia"), [
    ("On 30 April 2020, one person was killed during inter-clan clashes in the Salahad area, Fik zone in "
     "Somali region, Ethiopia.", "Unidentified Clan Militia (Ethiopia)"),
    ("On 30 April 2020, unidentified tribesmen reportedly clashed in As Sirrah area of Lawdar district (Abyan) "
     "over a vengeance dispute. One tribesman was killed.", "Unidentified Tribal Militia (Yemen)"),
])
def test_unnamed_sides_of_a_community_fight_are_its_militias(events_of, text: str, militia: str) -> None:
    (event,) = events_of(text)
    assert (event.actor1.name, event.actor2.name) == (militia, militia)


def test_herders_who_attack_are_a_communal_militia_herders_attacked_are_civilians(events_of) -> None:
    (attackers,) = events_of("On 8 September 2019, pastoralists attacked civilians in Kitui county, Kenya, killing 2.")
    assert attackers.actor1.name == "Unidentified Communal Militia (Kenya)"
    (victims,) = events_of("On 8 September 2019, gunmen attacked herders in Kitui county, Kenya, killing 2.")
    assert victims.actor2.name == "Civilians (Kenya)"


def test_a_named_community_names_its_militia_and_only_its_own_side(events_of) -> None:
    (clash,) = events_of("On 22 November 2019, clashes between the Kapkeny and Kabasiran clans broke out in the "
                         "Mogil area, Elgeyo-Marakwet, Kenya.")
    assert (clash.actor1.name, clash.actor2.name) == ("Kapkeny Clan Militia (Kenya)", "Kabasiran Clan Militia (Kenya)")
    (tribal,) = events_of("On 4 May 2020, clashes erupted between Al Hayash tribesmen and pro-Houthi forces in "
                          "At Taffah, Al Bayda.")
    assert tribal.actor1.name == "Al Hayash Tribal Militia (Yemen)"
    # the victims' clan is no militia: the gunmen stay unidentified
    (attack,) = events_of("On 8 May 2020, gunmen attacked members of the Matan clan in Wajir, Kenya, killing 2.")
    assert attack.actor1.name == "Unidentified Armed Group (Kenya)"
    # raiders from a country are that nation's, not a community's
    (raid,) = events_of("On 8 May 2020, raiders from Uganda attacked a village in Turkana, Kenya, killing 1.")
    assert "Communal" not in raid.actor1.name


def test_inter_clan_violence_is_a_clash_between_clan_militias(events_of) -> None:
    (event,) = events_of("On 3 May 2020, inter-clan violence erupted in Afdere zone (Somali region), Ethiopia, "
                         "leaving at least 5 people dead.")
    assert (event.sub_event_type, event.actor1.name, event.fatalities.best) == (
        "Armed clash", "Unidentified Clan Militia (Ethiopia)", 5)


def test_a_vehicle_that_struck_a_mine_is_its_target(events_of) -> None:
    (event,) = events_of("On 7 May 2020, an army vehicle struck an IED between Banh and Koumbri (Banh, Loroum), "
                         "Burkina Faso, injuring several soldiers.")
    assert event.actor2.name == "Military Forces of Burkina Faso"
    assert event.actor1.name == "Unidentified Armed Group (Burkina Faso)"


def test_who_suffered_casualties_was_attacked(events_of) -> None:
    (event,) = events_of("On 5 March 2020, Afghan soldiers suffered casualties following an attack by Taliban "
                         "militants in Charikar city, Parwan.")
    assert (event.actor1.name, event.actor2.name) == ("Taliban", "Military Forces of Afghanistan")


def test_a_name_that_modifies_its_mens_noun_takes_that_nouns_role(events_of) -> None:
    # the parser reads this "IS" as the verb "is"; the noun after the name says who was hit
    (event,) = events_of("On 2 June 2021, 4 IS militants were killed by an Afghan forces airstrike in Chapa Dara "
                         "district, Kunar.")
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Afghanistan", "Islamic State (Afghanistan)")
    # a name whose own words give its role keeps it: the militants acted
    (event,) = events_of("On 2 June 2021, Taliban militants attacked a police checkpoint in Chapa Dara district, "
                         "Kunar, killing 3 policemen.")
    assert event.actor1.name == "Taliban"


def test_the_force_that_acted_on_a_crowd_later_in_the_paragraph_is_actor2(events_of) -> None:
    (event,) = events_of("On 11 June 2021, about 300 miners demonstrated outside the mine offices in Rustenburg "
                         "(Bojanala, North West) over unpaid bonuses. Police intervened.")
    assert (event.sub_event_type, event.actor2.name) == ("Protest with intervention", "Police Forces of South Africa")
    (event,) = events_of("On 11 June 2021, about 30 teachers protested in Grodno over their salaries. "
                         "Nine of them were detained by the police.")
    assert (event.sub_event_type, event.actor2.name) == ("Protest with intervention", "Police Forces of Belarus")
    (event,) = events_of("On 11 June 2021, youths burnt tyres and blocked the main road in Pinetown (eThekwini, "
                         "KwaZulu-Natal) over water cuts. Soldiers fired rubber bullets.")
    assert (event.event_type, event.actor2.name) == ("Riots", "Military Forces of South Africa")


def test_a_force_the_crowd_protests_against_is_no_intervention(events_of) -> None:
    # officers who stopped someone before the protest are its cause, not its sequel
    for text in (("On 11 June 2021, about 30 teachers rallied peacefully in Grodno over the case of a blogger whom "
                  "officers stopped at the border last month."),
                 ("On 11 June 2021, about 30 teachers rallied peacefully in Grodno over the case of a blogger after "
                  "officers stopped him at the border.")):
        (event,) = events_of(text)
        assert (event.sub_event_type, event.actor2) == ("Peaceful protest", None)
    (event,) = events_of("On 11 June 2021, about 300 miners demonstrated peacefully outside the mine offices in "
                         "Rustenburg (Bojanala, North West) over unpaid bonuses.")
    assert (event.sub_event_type, event.actor2) == ("Peaceful protest", None)


def test_the_owner_of_what_was_hit_is_the_target(events_of) -> None:
    (event,) = events_of("On 9 June 2021, Islamic State militants detonated an IED against a truck belonging to the "
                         "Egyptian army near Bir al Abd (Bir al Abd, North Sinai).")
    assert (event.actor1.name, event.actor2.name) == ("Islamic State (Egypt)", "Military Forces of Egypt")
    # the owner of what struck is its user, not its target
    (event,) = events_of("On 9 June 2021, a drone belonging to the Turkish army struck a car near Sinjar (Sinjar, "
                         "Ninewa), killing two PKK militants.")
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Turkey", "PKK: Kurdistan Workers' Party")


def test_a_name_before_its_raids_carried_them_out(events_of) -> None:
    (event,) = events_of("On 9 June 2021, three Saudi-led coalition air raids were reported on pro-Houthi forces in "
                         "Sirwah district (Marib).")
    assert (event.actor1.name, event.actor2.name) == (
        "Operation Restoring Hope", "Military Forces of Yemen (2016-) Supreme Political Council")
    # a name after the raids is their target, not their author
    (event,) = events_of("On 9 June 2021, air raids were reported on pro-Houthi forces in Sirwah district (Marib).")
    assert event.actor2.name == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert event.actor1.name != event.actor2.name


def test_an_actor_named_twice_keeps_the_role_its_second_mention_gives(events_of) -> None:
    (event,) = events_of("On 9 June 2021, near the checkpoint of the Egyptian army at Rafah (Rafah, North Sinai), "
                         "Islamic State militants detonated an IED, killing two soldiers.")
    assert (event.actor1.name, event.actor2.name) == ("Islamic State (Egypt)", "Military Forces of Egypt")


@pytest.mark.parametrize("text", [
    "On 9 June 2021, a shepherd died from a landmine explosion near Kyaukme village, Kyaukme Township, Shan State.",
    ("On 9 June 2021, a landmine exploded as a civilian bus was passing by near Kyaukme village, Kyaukme Township, "
     "Shan State."),
    "On 9 June 2021, an explosion at a market in Parachinar (Kurram, Khyber Pakhtunkhwa) injured a caretaker.",
])
def test_the_victims_of_a_blast_no_armed_side_suffered_are_civilians(events_of, text: str) -> None:
    (event,) = events_of(text)
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor2 is not None and event.actor2.name.startswith("Civilians (")


def test_soldiers_who_died_and_a_military_apc_are_the_states_forces_not_civilians(events_of) -> None:
    (event,) = events_of("On 9 June 2021, two soldiers died when a landmine planted by the Taliban hit a vehicle in "
                         "Nahri Saraj district, Helmand.")
    assert event.actor2.name == "Military Forces of Afghanistan"
    (event,) = events_of("On 9 June 2021, an IED planted by the Taliban destroyed an Afghan military APC in Nahri "
                         "Saraj district, Helmand.")
    assert (event.actor1.name, event.actor2.name) == ("Taliban", "Military Forces of Afghanistan")


def test_unnamed_attackers_of_a_gang_related_killing_are_a_gang(events_of) -> None:
    text = "On 12 June 2021, in Recife, Pernambuco, a man was shot dead by two armed men on a motorcycle.{more}"
    (event,) = events_of(text.format(more=" Police believe a war between rival gangs was the motive."))
    assert (event.actor1.name, event.actor2.name) == ("Unidentified Gang (Brazil)", "Civilians (Brazil)")
    (event,) = events_of(text.format(more=" Police do not know the motive."))
    assert event.actor1.name == "Unidentified Armed Group (Brazil)"
    # a named attacker stays itself
    (event,) = events_of("On 12 June 2021, in Recife, Pernambuco, members of the PCC shot dead a man in what police "
                         "believe is a gang-related killing.")
    assert event.actor1.name != "Unidentified Gang (Brazil)"


def test_a_member_states_strike_in_afghanistan_is_natos(events_of) -> None:
    (event,) = events_of("On 3 March 2021, 5 Taliban militants were killed by an American airstrike in Nurgal "
                         "district, Kunar.")
    assert (event.actor1.name, event.actor2.name) == ("NATO: North Atlantic Treaty Organization", "Taliban")
    # elsewhere the state's own forces
    (event,) = events_of("On 3 March 2021, US forces killed two ISIS militants in Hasakah (Al Hasakah).")
    assert event.actor1.name == "Military Forces of the United States"


def test_a_commando_is_the_armys(events_of) -> None:
    (event,) = events_of("On 19 March 2021, an Afghan army commando was killed by Taliban militants in Khair Khana, "
                         "Kabul city.")
    # the army's commandos are its Commando Corps: ACLED's unit "Special Forces" of the army
    assert (event.actor1.name, event.actor2.name) == ("Taliban", "Military Forces of Afghanistan Special Forces")
    (event,) = events_of("On 15 March 2021, a bomb planted by Taliban hit an Afghan military special forces vehicle, "
                         "killing 2 commandos in Behsud district, Nangarhar.")
    assert event.actor2.name == "Military Forces of Afghanistan Special Forces"
    # Afghan soldiers are the army itself
    (event,) = events_of("On 19 March 2021, an Afghan soldier was killed by Taliban militants in Khair Khana, Kabul city.")
    assert (event.actor1.name, event.actor2.name) == ("Taliban", "Military Forces of Afghanistan")
    # a named group's commando is that group's
    (event,) = events_of("On 19 March 2021, a commando of the Taliban was killed in Khair Khana, Kabul city.")
    assert event.actor2.name == "Taliban"


def test_rioters_who_damage_what_civilians_own_have_civilians_as_actor2(events_of) -> None:
    (event,) = events_of("On 3 June 2021, rioters hurled petrol bombs at a bank branch in Sidon (Saida, South). "
                         "No injuries were reported.")
    assert (event.event_type, event.actor2.name) == ("Riots", "Civilians (Lebanon)")
    # blocking a road with burning tyres harms no one's property
    (event,) = events_of("On 3 June 2021, about 200 people demonstrated and burned tyres on the main road in Pinetown "
                         "(eThekwini, KwaZulu-Natal).")
    assert (event.event_type, event.actor2) == ("Riots", None)


def test_a_clash_between_two_named_communities_has_them_as_its_sides_in_order(events_of) -> None:
    (event,) = events_of("On 6 June 2021, clashes erupted between Bani Hamad and Al Shari tribesmen over a water well "
                         "in Ahwar district (Abyan).")
    assert (event.actor1.name, event.actor2.name) == ("Bani Hamad Tribal Militia (Yemen)", "Al Shari Tribal Militia (Yemen)")
    # a named armed side keeps its place: only the unnamed side takes a community's name
    (event,) = events_of("On 6 June 2021, pro-Houthi forces clashed with Al Shari tribesmen in Ahwar district (Abyan).")
    assert event.actor1.name.startswith("Military Forces of Yemen (2016-) Supreme Political Council")
    assert event.actor2.name == "Al Shari Tribal Militia (Yemen)"


def test_factions_of_one_group_that_clashed_are_that_group_on_both_sides(events_of) -> None:
    (event,) = events_of("On 28 April 2020, two factions of Mayi Mayi Militia Raia Mutomboki clashed in Kabushwa "
                         "(Kabare, Sud-Kivu), killing 4 rebels.")
    assert (event.actor1.name, event.actor2.name) == ("Mayi Mayi Militia (Raia Mutomboki)",) * 2
    (event,) = events_of("On 28 April 2020, clashes erupted between two factions of pro-Houthi forces in Al Hawban "
                         "(Sabir Al Mawadim, Taizz).")
    assert event.actor1.name == event.actor2.name == "Military Forces of Yemen (2016-) Supreme Political Council"
    # without the word of factions the unnamed side stays another group
    (event,) = events_of("On 28 April 2020, Mayi Mayi Militia Raia Mutomboki clashed with an armed group in Kabushwa "
                         "(Kabare, Sud-Kivu), killing 4 rebels.")
    assert event.actor2 is None or event.actor2.name != "Mayi Mayi Militia (Raia Mutomboki)"


def test_the_attacker_a_side_repelled_comes_first_also_after_another_verb(events_of) -> None:
    (event,) = events_of("On 7 May 2020, the military forces engaged in a fire fight and repelled an attack of Boko "
                         "Haram in Kolofata (Mayo-Sava, Extreme-Nord).")
    assert event.actor1.name.startswith("Islamic State (West Africa) and/or Boko Haram")
    assert event.actor2.name.startswith("Military Forces of Cameroon")
    # the force that fought and killed, repelling nothing, stays first
    (event,) = events_of("On 7 May 2020, the military forces engaged in a fire fight with Boko Haram and killed 5 "
                         "fighters in Kolofata (Mayo-Sava, Extreme-Nord).")
    assert event.actor1.name.startswith("Military Forces of Cameroon")
