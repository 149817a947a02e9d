"""Context rules of the places component (issue 16): a name that is also a common word or a personal
name is a place only with a place reading; a country the article names outranks a same-named place
abroad. Each rule with a positive and a negative case, through the real pipeline."""

from __future__ import annotations


def _places(events) -> list[tuple[str, str]]:
    return [(e.place.location, e.place.country) if e.place else ("", "") for e in events]


# -- a personal name is no place -------------------------------------------------------------


def test_a_surname_after_a_given_name_is_a_person_not_a_town(events_of) -> None:
    events = events_of("On 3 May 2020, gunmen attacked the house of Roberto Morales, killing his wife.")
    assert all(e.place is None or e.place.location != "Morales" for e in events)


def test_the_same_name_with_a_place_reading_is_the_town(events_of) -> None:
    events = events_of("On 3 May 2020, gunmen attacked the village of Morales in Cauca, killing 3 farmers.")
    assert ("Morales", "Colombia") in _places(events)


def test_a_surname_after_a_particle_of_a_personal_name_is_a_person(events_of) -> None:
    events = events_of("ON 3 MAY 2020, REBELS KIDNAPPED THE BRAZILIAN ENGINEERS PAULO CESAR PAIM DE OLIVEIRA AND AUGUSTO CARNEIRO MOREIRA.")
    assert events and all(e.place is None or e.place.location != "Oliveira" for e in events)


def test_a_town_after_the_particle_of_a_town_name_stays_a_place(events_of) -> None:
    # "San Pedro" opens a place's name, not a person's: Cachi is the place named after the particle
    events = events_of("On 3 May 2020, rebels attacked a police post in San Pedro de Cachi, killing 2 officers.")
    assert all(e.place is not None for e in events)


def test_two_personal_names_side_by_side_are_a_person(events_of) -> None:
    events = events_of("On 3 May 2020, gunmen killed Hamilton Garcia and his son.")
    assert all(e.place is None for e in events)


def test_a_name_followed_by_its_province_is_a_place(events_of) -> None:
    events = events_of("On 3 May 2020, gunmen killed two people in Jackson Mississippi.")
    assert ("Jackson", "United States") in _places(events)


def test_a_speaker_named_like_a_town_does_not_place_the_event(events_of) -> None:
    events = events_of("On 3 May 2020, Martin Kimani said gunmen killed two people in Garissa.")
    assert _places(events) == [("Garissa", "Kenya")]


def test_a_personal_name_alone_is_no_place(events_of) -> None:
    assert all(e.place is None for e in events_of("On 3 May 2020, gunmen shot dead Gregory at his home."))


def test_a_group_named_like_a_hamlet_is_no_place(events_of) -> None:
    assert all(e.place is None for e in events_of("On 3 May 2020, Shabab fighters killed 4 soldiers."))


def test_the_hamlet_with_a_unit_word_is_a_place(events_of) -> None:
    events = events_of("On 3 May 2020, gunmen killed two farmers in the village of Gregory, Texas.")
    assert ("Gregory", "United States") in _places(events)


# -- the country the article names outranks a namesake abroad -----------------------------------


def test_tripoli_in_an_article_about_lebanon_is_the_lebanese_city(events_of) -> None:
    events = events_of("On 3 May 2020, gunmen killed two people in Tripoli, the Lebanese army said.")
    assert _places(events) == [("Tripoli", "Lebanon")]


def test_tripoli_in_an_article_about_libya_is_the_libyan_capital(events_of) -> None:
    events = events_of("On 3 May 2020, shelling killed two people in Tripoli, the Libyan government said.")
    assert [(e.place.location, e.place.country, e.place.admin1) for e in events] == [("Tripoli", "Libya", "Tripoli")]


def test_hyderabad_in_an_article_about_pakistan_is_not_the_indian_city(events_of) -> None:
    events = events_of("On 3 May 2020, gunmen killed two people in Hyderabad, police in Pakistan said.")
    assert _places(events) == [("Hyderabad", "Pakistan")]


def test_hyderabad_without_a_country_is_the_larger_indian_city(events_of) -> None:
    events = events_of("On 3 May 2020, a mob killed two people in Hyderabad.")
    assert _places(events) == [("Hyderabad", "India")]


def test_two_names_of_one_country_place_a_note_that_names_none(events_of) -> None:
    # no country, province or actor named: Chtaura and Masnaa are Lebanese villages and Tripoli a
    # Lebanese city too, so the note is Lebanon's and Tripoli is not the Libyan capital
    events = events_of("On 2 June 2021, rioters blocked the Chtaura-Masnaa road with burning tyres and clashed "
                       "with soldiers in Tripoli.")
    assert events and all(e.place is not None and e.place.country == "Lebanon" for e in events)
    # one name alone says nothing of the country: Tripoli stays the larger Libyan capital
    events = events_of("On 1 May 2020, rioters blocked the road at the main intersection in Tripoli with burning tyres.")
    assert _places(events) == [("Tripoli", "Libya")]


def test_a_name_read_as_a_place_outweighs_names_of_a_person_or_an_organisation(events_of) -> None:
    # "in Rashayya" (the gazetteer's Rachaiya el Ouadi) is read as a place; "Progressive" (of a party's
    # name) and "Abu" (of an MP's) have homonyms in the Philippines, but they are no place reading
    events = events_of("On 1 May 2020, supporters of the Progressive Socialist Party gathered in Rashayya and "
                       "held up photographs of MP Wael Abu Faour, demanding action against hunger.")
    assert events and all(e.place is not None and e.place.country == "Lebanon" for e in events)
    # a single name read as a place still says nothing alone (above: Tripoli stays Libya's)
    events = events_of("On 1 May 2020, supporters of the party gathered in Tripoli with photographs of their MP.")
    assert _places(events) == [("Tripoli", "Libya")]


# -- the dateline's town ------------------------------------------------------------------------


def test_a_dateline_town_is_the_large_one_or_the_one_its_parenthesis_names(services) -> None:
    """A dateline is a correspondent's city: "LIMA" is Peru's capital even in a report that names
    the United States first; "ROME (ITALY)" is in Italy; "NO CITY (PERU)" and "CLANDESTINE" are
    no town."""
    from eventdesk.extract.context import _dateline_place
    from eventdesk.extract.places.choose import PlaceContext

    gaz = services.gazetteer
    text = "The United States embassy said guerrillas attacked a bus in Peru."
    ctx = PlaceContext.from_text(text, gaz, article_id="a")
    assert (_dateline_place("LIMA, 27 MAR 90", gaz, ctx).country) == "Peru"
    assert _dateline_place("ROME (ITALY), 11 JAN 90", gaz, ctx).location == "Rome"
    assert _dateline_place("SANTIAGO, 15 MAY 90", gaz, ctx).country == "Chile"
    assert _dateline_place("NO CITY (PERU), 5 FEB 89", gaz, ctx) is None
    assert _dateline_place("CLANDESTINE, 2 NOV 89", gaz, ctx) is None


def test_a_named_town_read_under_another_spelling_keeps_the_gazetteers_district(events_of) -> None:
    # "Dadeiba municipality" is Colombia's Dabeiba one letter off: choose read the very same words as
    # that district, so the named-town reading (the name placed at its province's point) yields
    events = events_of("On 6 May 2020, in Dadeiba municipality, Antioquia department, soldiers clashed with rebels.")
    assert events and events[0].place is not None
    assert (events[0].place.location, events[0].place.admin1) == ("Dabeiba", "Antioquia"), events[0].place
    # a name the gazetteer lacks under any spelling is still the named town, at its province
    events = events_of("On 6 May 2020, in Zqxwuv municipality, Antioquia department, soldiers clashed with rebels.")
    assert events and events[0].place is not None and events[0].place.location == "Zqxwuv"


# -- the country an article names most ranks first -------------------------------------------


def test_the_country_named_most_outranks_one_named_first(events_of) -> None:
    # one "American" before three names of Peru: "in Lima" is Peru's capital, not Lima, Ohio
    events = events_of("On 3 May 2020, an American diplomat said terrorism in Peru continues. Peruvian police said "
                       "rebels set off a bomb in Lima, wounding a girl. Peru declared a state of emergency.")
    assert ("Lima", "Peru") in _places(events) and ("Lima", "United States") not in _places(events)


def test_countries_named_as_often_keep_the_order_they_are_named_in(services) -> None:
    from eventdesk.extract.places.choose import PlaceContext

    context = PlaceContext.from_text("Officials of Chile and Peru met. Peru and Chile signed.", services.gazetteer)
    assert [c for c, _ in context.countries] == ["Chile", "Peru"]
    context = PlaceContext.from_text("Officials of Chile and Peru met. Peru signed.", services.gazetteer)
    assert [c for c, _ in context.countries] == ["Peru", "Chile"]


def test_a_datelines_town_outweighs_names_with_homonyms_in_one_country(services) -> None:
    # a wire report that names no country: not the United States, where San Diego and Arturo both are towns
    import datetime as dt

    from eventdesk.extract.context import build_context
    from eventdesk.model import Sentence, Span

    text = "A bomb exploded today at a bank between San Diego and Arturo Prat streets, wounding a guard."
    sentences = (Sentence(Span("s", 0, len(text)), triggers=("bomb",)),)
    context = build_context(text, "s", sentences, dt.date(2021, 5, 10), services.gazetteer, services.actors,
                            dateline="SANTIAGO, 10 MAY 21")
    assert context.countries == ("Chile",)
    context = build_context(text, "s", sentences, dt.date(2021, 5, 10), services.gazetteer, services.actors)
    assert context.countries == ("United States",)  # with no dateline, the two names' country


# -- the dateline's country over a homonym province --------------------------------------------


def test_a_province_with_a_namesake_in_the_datelines_country_is_that_countrys(events_of) -> None:
    events = events_of("BOGOTA, 3 AUG 89 -- GUSTAVO GUERRA, COORDINATOR OF THE LEFTIST PATRIOTIC UNITY IN CORDOBA "
                       "DEPARTMENT, WAS GUNNED DOWN ON 2 AUGUST 1989.")
    assert events and all(e.place is not None and e.place.country == "Colombia" for e in events)


def test_a_province_the_datelines_country_lacks_keeps_its_own(events_of) -> None:
    events = events_of("LIMA, 3 AUG 89 -- A BOMB EXPLODED ON 2 AUGUST 1989 IN A RESTAURANT IN CORDOBA PROVINCE, "
                       "KILLING TWO PEOPLE.")
    assert events and all(e.place is not None and e.place.country == "Argentina" for e in events)
