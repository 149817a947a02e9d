"""Notes in ACLED's style for countries that are not in the dev data (written for these tests, not
copied from any dataset): the rules and the dictionary must carry over to them, since accuracy is
checked on held-out countries. Each case states the type, both actors and the country."""

from __future__ import annotations

import pytest

CASES = [
    ("On 3 May 2020, SDF forces clashed with IS militants near Thiban (Deir-ez-Zor, Deir-ez-Zor). Two SDF "
     "fighters were killed.",
     "Armed clash", "SDF: Syrian Democratic Forces", "Islamic State (Syria)", "Syria"),
    ("On 6 May 2020, Turkish military forces clashed with PKK militants in Semdinli (Semdinli, Hakkari). Two "
     "PKK militants were killed.",
     "Armed clash", "Military Forces of Turkey", "PKK: Kurdistan Workers Party", "Turkey"),
    ("On 3 May 2020, members of the CJNG clashed with municipal police in Aguililla (Aguililla, Michoacan). "
     "3 fatalities.",
     "Armed clash", "CJNG: Jalisco New Generation Cartel", "Police Forces of Mexico", "Mexico"),
    ("On 6 May 2020, LNA forces shelled residential areas in Tripoli (Tripoli, Tripoli). 3 civilians were "
     "killed.",
     "Shelling/artillery/missile attack", "LNA: Libyan National Army", "Civilians (Libya)", "Libya"),
    ("On 1 May 2020, Al Shabaab militants attacked a Somali army base in Bula Burte (Bulo Burto, Hiraan). 4 "
     "soldiers were killed.",
     "Armed clash", "Al Shabaab", "Military Forces of Somalia", "Somalia"),
    ("On 4 May 2020, Maoists killed a villager suspecting him to be a police informer in Bijapur (Bijapur, "
     "Chhattisgarh).",
     "Attack", "CPI (Maoist): Communist Party of India (Maoist)", "Civilians (India)", "India"),
    ("On 3 May 2020, NAF forces fired artillery at UAF positions near Avdiivka (Pokrovskyi, Donetsk). 1 UAF "
     "soldier was wounded.",
     "Shelling/artillery/missile attack", "NAF: Novorossiya Armed Forces", "Military Forces of Ukraine",
     "Ukraine"),
    ("On 2 May 2020, Israeli forces arrested 3 Palestinians in Beit Ummar (Hebron, West Bank).",
     "Arrests", "Military Forces of Israel", "Civilians (Palestine)", "Palestine"),
    ("On 2 May 2020, militants attacked a CRPF patrol in Handwara (Handwara, Jammu and Kashmir). 3 CRPF "
     "personnel were killed.",
     "Armed clash", "Unidentified Armed Group (India)", "Police Forces of India (2014-) Central Reserve Police Force",
     "India"),
    ("On 1 May 2020, protesters clashed with police in Santiago (Santiago, Region Metropolitana de Santiago). "
     "Police used water cannons.",
     "Violent demonstration", "Rioters (Chile)", "Police Forces of Chile", "Chile"),
]


@pytest.mark.parametrize(("text", "sub_event_type", "actor1", "actor2", "country"), CASES,
                         ids=[c[4] + ":" + c[1] for c in CASES])
def test_a_note_from_a_country_outside_the_dev_data(events_of, text, sub_event_type, actor1, actor2,
                                                    country) -> None:
    (event,) = events_of(text)
    assert (event.sub_event_type, event.actor1.name, event.actor2.name if event.actor2 else "") == \
        (sub_event_type, actor1, actor2)
    assert event.place is not None and event.place.country == country
