"""One event per location (CODEBOOK section 3, "Several locations in one report")."""

from __future__ import annotations


def test_a_list_of_fronts_is_one_event_per_front_with_the_deaths_divided(events_of) -> None:
    text = ("On 9 May 2020, Houthi forces reportedly exchanged artillery with pro-Hadi forces on the fronts of "
            "Jabal al Kirsh front (Al Qabbaytah, Lahij), Bab Ghaliq (Qaatabah, Ad Dali), and Jabal Murays "
            "(Qaatabah, Ad Dali), incurring fatalities. Unclear fatalities coded as 10 and spread between "
            "3 locations.")
    events = events_of(text)
    assert sorted(e.place.location for e in events) == ["Bab Ghaliq", "Jabal Murays", "Jabal al Kirsh"]
    assert sorted(e.fatalities.best for e in events) == [3, 3, 4]  # 10 over 3: the remainder on the first
    assert {e.event_type for e in events} == {"Battles"}


def test_a_town_and_its_province_are_one_location(events_of) -> None:
    events = events_of("On 3 May 2020, gunmen killed 4 villagers in Anka, Zamfara state.")
    assert [e.place.location for e in events] == ["Anka"]
    assert events[0].fatalities.best == 4


def test_places_joined_by_a_direction_are_a_list(events_of) -> None:
    # "... and east of Tuwayliq mountain (...)", ", east of ... junction (...), and north of ...": one event each
    text = ("On 2 May 2020, anti-Houthi National Resistance forces reportedly fired machine guns, assumedly heavy, "
            "at As Shaab area of Hudaydah city (Al Mina, Al Hudaydah), east of Al Udayn junction (Hays, "
            "Al Hudaydah), and north of Hays district (Al Hudaydah).")
    events = events_of(text)
    assert sorted(e.place.location for e in events) == ["Al Hudaydah-As Shaab", "Al Udayn", "Hays"]
    assert {e.sub_event_type for e in events} == {"Shelling/artillery/missile attack"}
    text = ("On 5 May 2020, four Saudi-led coalition air raids were reported on Wadi al Jarah (Al Dhaher, Sadah) "
            "and east of Tuwayliq mountain (Shadaa, Sadah) in northwestern Yemen with no report of fatalities.")
    assert sorted(e.place.location for e in events_of(text)) == ["Tuwayliq", "Wadi al Jarah"]


def test_a_list_shares_its_parenthesis_and_splits_the_toll(events_of) -> None:
    # unknown villages take the parenthesis after the last; "Gankoi Yeba" (unplaced) does not
    # break the list; the toll is divided over the places found, the remainder on the first
    text = ("On 5 May 2020, Tiv militias attacked the Ichen villages of Ananum, Gidan Adamu, Gankoi Yeba, Zambana, "
            "Kwossa and Dadin Kowa (Donga, Taraba) and Suntai (Bali, Taraba), as well as Sanso and Baka Koshi in "
            "Donga LGA (Taraba). Militiamen killed 8-10 residents across the villages and burnt down houses.")
    events = events_of(text)
    places = [e.place.location for e in events]
    assert {"Ananum", "Gidan Adamu", "Kwossa", "Dadin Kowa", "Suntai", "Baka Koshi"} <= set(places)
    assert {e.place.admin1 for e in events} == {"Taraba"}
    assert sum(e.fatalities.best for e in events) == 8
    assert max(e.fatalities.best for e in events) - min(e.fatalities.best for e in events) <= 1
    assert {e.actor1.name for e in events} == {"Tiv Ethnic Militia (Nigeria)"}


def test_two_armies_named_together_put_the_one_at_home_first(events_of) -> None:
    text = ("On 30 April 2020, military forces of India and Pakistan exchanged fire across the LoC at Kahuta "
            "sector area (Haveli district, AJK) in which one Pakistan soldier was killed.")
    (event,) = events_of(text)
    assert event.place.country == "Pakistan"
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Pakistan", "Military Forces of India")
    assert event.actor2.inter == 8  # a foreign army


def test_the_border_of_two_counties_is_one_place(events_of) -> None:
    text = ("On 24 March 2019, at the border of Isiolo and Garissa counties two herders were killed by "
            "bandits at a water point.")
    events = events_of(text)
    assert len(events) == 1 and events[0].fatalities.best == 2


def test_a_reference_town_and_the_rest_of_a_count_still_make_a_list(events_of) -> None:
    # "west of Marib city" only says where Sirwah lies; "and five others on Y" is the list's next member
    events = events_of("On 3 May 2020, two Saudi-led coalition air raids were reported on pro-Houthi forces in "
                       "Sirwah district west of Marib city (Marib) and five others on Khabb wa ash Shaaf district "
                       "in northern Yemen (Al Jawf), killing a number of fighters.")
    assert [e.place.admin1 for e in events] == ["Marib", "Al Jawf"]


def test_a_list_in_the_sentence_that_places_the_event_splits_it(events_of) -> None:
    # the trigger's sentence names no town; the next one, which gives the event its place, lists four
    events = events_of("LIMA, 5 OCT 89 -- ABOUT 40 PEOPLE DIED ON 4 OCTOBER 1989 IN SHINING PATH RAIDS AGAINST THREE "
                       "HAMLETS NEAR THE BORDER OF TWO DEPARTMENTS. THE RAIDS TOOK PLACE BEFORE DAWN IN THE HAMLETS "
                       "OF CHUPAS, ANTA, AND ROSASPATA.")
    assert {"Anta", "Rosaspata"} <= {e.place.location for e in events if e.place is not None}

