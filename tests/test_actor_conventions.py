"""Who the actors are, end to end on short notes written for these tests: roles read through verbs of
report and joined verbs, the force that keeps order at a crowd, militias of a community, fronts,
acronyms spelled out, factions of a family of groups (extract/actors/)."""

from __future__ import annotations


def test_a_group_reported_to_have_acted_did_it(events_of) -> None:
    (event,) = events_of("On 5 May 2020, SPLA-IO fighters were reported to have beaten and robbed residents of "
                         "Wuji village in Lainya county (Central Equatoria).")
    assert event.actor1.name.startswith("SPLM/A-IO")
    # reported killed, or reported to have been killed: they were the ones harmed
    for text in ("On 5 May 2020, ten SPLA-IO fighters were reported killed by government soldiers in Lainya county "
                 "(Central Equatoria).",
                 "On 5 May 2020, ten SPLA-IO fighters were reported to have been killed by government soldiers in "
                 "Lainya county (Central Equatoria)."):
        (event,) = events_of(text)
        assert event.actor1.name.startswith("Military Forces of South Sudan"), text
        assert event.actor2.name.startswith("SPLM/A-IO"), text


def test_the_agent_of_an_arrest_joined_to_a_beating_did_the_beating(events_of) -> None:
    (event,) = events_of("On 9 May 2020, three journalists were beaten and then arrested by the police in Goma "
                         "(Nord-Kivu).")
    assert event.actor1.name.startswith("Police Forces of the Democratic Republic of Congo")
    (event,) = events_of("On 9 May 2020, soldiers arrested and tortured a farmer in Bunia (Ituri).")
    assert event.actor1.name.startswith("Military Forces of the Democratic Republic of Congo")
    # the force that only arrested the attackers did not attack
    events = events_of("On 9 May 2020, gunmen killed a farmer in Bunia (Ituri). Two of them were later "
                       "arrested by the police.")
    assert all(not e.actor1.name.startswith("Police Forces") for e in events if e.event_type == "Violence against civilians")


def test_security_forces_acting_on_a_crowd_are_its_police(events_of) -> None:
    (event,) = events_of("On 4 May 2020, hundreds of residents demonstrated against the election results in Kati "
                         "(Koulikoro). Security forces intervened and dispersed the demonstrators.")
    assert event.actor2.name.startswith("Police Forces of Mali")
    # in a fight they stay the state's forces as ACLED names them, its military
    (event,) = events_of("On 4 May 2020, security forces clashed with JNIM militants near Diafarabe (Mopti), "
                         "killing two of them.")
    assert {event.actor1.name.split(" (")[0], event.actor2.name.split(" (")[0]} >= {"Military Forces of Mali"}


def test_a_named_militia_of_a_community_is_an_identity_militia(events_of) -> None:
    (event,) = events_of("On 28 April 2020, a member of the Ogbomoso militia shot and killed a driver at a "
                         "checkpoint in Ilorin (Kwara).")
    assert (event.actor1.name, event.actor1.inter) == ("Ogbomoso Communal Militia (Nigeria)", 4)
    (event,) = events_of("Around 29 April 2020, Bul Nuer militia attacked a cattle camp in Tonj North county "
                         "(Warrap state), stealing cattle.")
    assert event.actor1.name == "Bul Nuer Ethnic Militia (South Sudan)"
    # a party's militia, named by its acronym, is no community's
    (event,) = events_of("On 8 May 2020, an NDC militia armed with guns attacked a party office in Tamale "
                         "(Northern).")
    assert "Communal" not in event.actor1.name and "Ethnic" not in event.actor1.name
    # nor is a faith's
    (event,) = events_of("On 2 May 2015, a Shiite militia killed three men near Baquba (Diyala).")
    assert "Communal" not in event.actor1.name and "Ethnic" not in event.actor1.name


def test_a_front_named_after_a_place_is_a_front_line(events_of) -> None:
    (event,) = events_of("On 4 May 2020, pro-Hadi forces reportedly clashed with Houthi forces on the Qaniyah front "
                         "(Mahliyah, Marib).")
    assert "Front" not in event.actor1.name and "Front" not in event.actor2.name
    # a front that acts is a group
    (event,) = events_of("On 4 May 2020, the Qaniyah Popular Front attacked a checkpoint in Mahliyah (Marib), killing "
                         "two soldiers.")
    assert event.actor1.name == "Qaniyah Popular Front"


def test_an_acronym_spelled_out_in_brackets_is_one_group(events_of) -> None:
    (event,) = events_of("On 28 April 2020, Ethiopian soldiers clashed with ONLF (Ogadan National Liberation Front) "
                         "fighters in Warder, Somali region.")
    names = {event.actor1.name, event.actor2.name}
    assert "ONLF: Ogaden National Liberation Front" in names
    assert "Ogadan National Liberation Front" not in names


def test_a_faction_of_a_family_of_groups_is_named_with_it(events_of) -> None:
    (event,) = events_of("On 6 May 2020, Mayi Mayi Kifuafua militiamen clashed with the FARDC in Remeka village "
                         "(Masisi, Nord-Kivu).")
    assert event.actor1.name == "Mayi Mayi Militia (Kifuafua)"
    (event,) = events_of("On 29 April 2020, six fishermen were abducted by Mayi Mayi militiamen (Charles faction) in "
                         "Kyavinyonge (Beni, Nord-Kivu).")
    assert event.actor1.name == "Mayi Mayi Militia (Charles)"
    # an acronym names a group of its own, and a plain noun no faction
    (event,) = events_of("On 6 May 2020, Mayi Mayi militiamen clashed with the FARDC in Remeka village "
                         "(Masisi, Nord-Kivu).")
    assert event.actor1.name == "Mayi Mayi Militia"


def test_the_agent_of_an_earlier_act_is_no_agent_of_this_one(events_of) -> None:
    (event,) = events_of("On 8 May 2020, the military forces shot and injured a resident in Amchide town "
                         "(Mayo-Sava, Extreme-Nord) during a security operation after a Boko Haram attack.")
    assert event.actor1.name.startswith("Military Forces of Cameroon")
    # the group's own attack is its act
    (event,) = events_of("On 8 May 2020, a Boko Haram attack killed two residents of Amchide town "
                         "(Mayo-Sava, Extreme-Nord).")
    assert "Boko Haram" in event.actor1.name


def test_a_gang_named_before_its_noun_is_itself(events_of) -> None:
    (event,) = events_of("On 30 April 2020, the Village de Dieu gang killed two people in Port-au-Prince (Ouest).")
    assert (event.actor1.name, event.actor1.inter) == ("Village de Dieu Gang", 3)
    # a gang with no name, or a kind of gang in quotes, stays an unidentified one
    for text in ("On 30 April 2020, a gang killed two people in Port-au-Prince (Ouest).",
                 'On 30 April 2020, two people were shot dead by a "terror gang" in Port-au-Prince (Ouest).'):
        (event,) = events_of(text)
        assert event.actor1.name == "Unidentified Gang (Haiti)", text


def test_an_iraqi_militia_the_knowledge_base_knows_by_its_names(events_of) -> None:
    (event,) = events_of("On 2 May 2020, Jaish al-Mukhtar fighters fired rockets at a military base near Baghdad.")
    assert event.actor1.name == "Jaysh al-Mukhtar"
    # outside its own country only by a distinctive name that opens its phrase (``_dictionary.distinctive``):
    # the tail of a longer name the dictionary does not know is no name of it
    (event,) = events_of("On 2 May 2020, Jaish al-Mukhtar fighters fired rockets at a military base near Kabul.")
    assert event.actor1.name == "Jaysh al-Mukhtar"
    (event,) = events_of("On 2 May 2020, Saraya Jaish al-Mukhtar fighters fired rockets at a military base near Kabul.")
    assert event.actor1.name != "Jaysh al-Mukhtar"


def test_the_force_that_disrupted_a_weapon_comes_before_its_owner(events_of) -> None:
    (event,) = events_of("On 3 May 2020, a joint military and police team recovered four IEDs planted by suspected "
                         "NPA militants in Barangay Pahug, Pinabacdao, Samar.")
    assert event.sub_event_type == "Disrupted weapons use"
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of the Philippines", "NPA: New People's Army")
    (event,) = events_of("On 4 May 2020, the Algerian army destroyed a weapon cache and defused 12 IEDs near "
                         "Lakhdaria (Bouira).")
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Algeria", "Unidentified Armed Group (Algeria)")
    # the agent of the passive "defused by" too
    (event,) = events_of("On 4 May 2020, an IED planted by Al Shabaab militants was defused by Kenyan police on a road "
                         "near Mandera (Mandera County).")
    assert (event.actor1.name, event.actor2.name) == ("Police Forces of Kenya", "Al Shabaab")


def test_a_named_unit_of_a_known_group_is_that_group(events_of) -> None:
    (event,) = events_of("On 3 May 2020, five peasants were killed by alleged members of the XXII Front of the FARC in "
                         "El Penon (Cundinamarca).")
    assert event.actor1.name == "FARC: Revolutionary Armed Forces of Colombia"
    # a front of no known group is itself, also after "of the" (no front line there)
    (event,) = events_of("On 3 May 2020, five peasants were killed by alleged members of the Popular Front in "
                         "El Penon (Cundinamarca).")
    assert event.actor1.name == "Popular Front"


def test_the_unnamed_side_of_a_crime_for_gain_is_a_gang_whichever_side_it_is(events_of) -> None:
    # the opponent of a state force in a fight over drug trafficking, and both sides of a gangs' fight
    (event,) = events_of("On 3 June 2021, in Natal, Rio Grande do Norte, military police officers exchanged fire "
                         "with armed men during an operation against drug trafficking in the Felipe Camarao "
                         "neighbourhood. No fatalities.")
    names = {event.actor1.name, event.actor2.name}
    assert "Unidentified Gang (Brazil)" in names and not any(n.startswith("Unidentified Armed") for n in names)
    # a fight with no word of crime keeps its unnamed side an armed group
    (event,) = events_of("On 3 June 2021, in Natal, Rio Grande do Norte, military police officers exchanged fire "
                         "with armed men during a patrol in the Felipe Camarao neighbourhood. No fatalities.")
    assert "Unidentified Armed Group (Brazil)" in {event.actor1.name, event.actor2.name}


def test_a_group_named_by_called_is_itself_and_a_call_names_no_group(events_of) -> None:
    # "a gang called X": X is the gang's own name (the parse's object predicate, or the object of a
    # "called" whose group noun is not its subject, as in recased wire copy)
    for text in ("On 4 March 2021, members of a gang called the Red Hand shot dead two traders in Cucuta, "
                 "Norte de Santander.",
                 "ON 4 MARCH 2021, MEMBERS OF A GANG CALLED THE RED HAND SHOT DEAD TWO TRADERS IN CUCUTA, "
                 "NORTE DE SANTANDER."):
        (event,) = events_of(text)
        assert event.actor1.name == "Red Hand", text  # (the article is no part of a name)
    # a group that called someone names no group: "the police" were called, not a gang's name
    (event,) = events_of("On 4 March 2021, a neighbourhood group called the police after gunmen shot dead two "
                         "traders in Cucuta, Norte de Santander.")
    assert event.actor1.name == "Unidentified Armed Group (Colombia)"


def test_the_name_after_called_ends_at_a_function_word_or_punctuation() -> None:
    from eventdesk.extract.actors._unknown import load_group_names, unknown_groups

    found = unknown_groups("Those arrested may be members of a band called the Owls that has been operating in "
                           "the city.", load_group_names(), lambda s: False, lambda w: None)
    assert [name for _, _, name, _ in found] == ["Owls"]  # (the article is no part of a name out of quotes)
    assert unknown_groups("The group called for calm.", load_group_names(), lambda s: False, lambda w: None) == []
    # quotes around the name are no part of it
    found = unknown_groups('A civilian was killed by a local gang named "The 42 Brothers".', load_group_names(),
                           lambda s: False, lambda w: None)
    assert [name for _, _, name, _ in found] == ["The 42 Brothers"]


def test_artillery_fired_is_a_weapon_and_army_artillery_shelled_is_a_force(events_of) -> None:
    (event,) = events_of("On 30 April 2021, Saudi forces fired artillery at farms in Razih district (Sadah). "
                         "No fatalities were reported.")
    assert event.actor2 is None or not event.actor2.name.startswith("Military Forces of Yemen")
    (event,) = events_of("On 30 April 2021, Houthi forces shelled army artillery positions in Sirwah district "
                         "(Marib). No fatalities were reported.")
    assert event.actor2 is not None and event.actor2.name.startswith("Military Forces of Yemen")
