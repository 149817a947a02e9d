"""The recased reading of uncased text: same length and letters, names capitalised, common words
and the verb "is" in lower case, acronyms kept; cased text untouched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from eventdesk.stages.casing import Recaser, needs_recasing


@pytest.fixture(scope="module")
def recaser(services) -> Recaser:
    return services.recaser


def test_wire_copy_in_capitals_reads_as_ordinary_text(recaser):
    text = ("SAN SALVADOR, 3 JAN 90 -- GUERRILLAS OF THE FMLN KILLED TWO PEASANTS IN USULUTAN TODAY. "
            "IS THE ARMY READY, THE MINISTER ASKED.")
    out = recaser.recase(text)
    assert len(out) == len(text) and out.upper() == text.upper()
    assert out.startswith("San Salvador, 3 Jan 90 -- Guerrillas of the FMLN killed two peasants in Usulutan today.")
    assert "Is the army ready" in out  # "IS" opening a sentence is the verb, not the Islamic State


def test_lower_case_bodies_get_their_names_and_sentence_starts(recaser):
    text = ("gunmen killed three villagers in an attack near maiduguri on sunday, residents said. the attackers "
            "burned several houses before fleeing into the bush, according to local officials in the state. the army "
            "said soldiers were searching the area and that the attackers had come from across the river.")
    out = recaser.recase(text)
    assert "Maiduguri" in out and out.startswith("Gunmen") and ". The attackers" in out and "Sunday" in out


def test_a_place_name_that_is_also_a_rare_word_is_the_place(recaser):
    out = recaser.recase("A BOMB EXPLODED IN META DEPARTMENT. AN ATTACK IN CORDOBA, NEAR DOLORES NEIGHBORHOOD.")
    assert "in Meta department" in out and "in Cordoba," in out and "Dolores neighborhood" in out


def test_a_common_word_listed_between_names_is_a_name(recaser):
    out = recaser.recase("RAIDS IN THE HAMLETS OF CHUPAS, ANTA, AND ROSASPATA, NEAR SANTO TOMAS DE PATA.")
    assert "Chupas, Anta, and Rosaspata" in out and "Santo Tomas de Pata" in out


def test_a_list_of_common_words_stays_common(recaser):
    out = recaser.recase("THE TROOPS SEIZED RIFLES, AMMUNITION, AND EXPLOSIVES IN BOGOTA, WHERE THE DE FACTO CHIEF LIVES.")
    assert "rifles, ammunition, and explosives" in out and "the de" in out


def test_a_common_word_that_names_provinces_abroad_stays_common(recaser):
    out = recaser.recase("THE CENTRAL COMMITTEE MET IN THE CAPITAL, NEAR THE DELTA OF THE RIVER.")
    assert "the central committee" in out.lower() and "The central committee" in out and "the delta" in out


def test_a_rare_word_that_is_a_name_is_the_name_inside_a_personal_name(recaser):
    text = ("THE MURDER OF ARCHBISHOP OSCAR ARNULFO ROMERO WAS RECALLED BY COLONEL RENE EMILIO PONCE AND BY "
            "CAMERAMAN CARLOS CORRALES, WHILE PABLO ESCOBAR HID IN THE ROMERO HILLS AS THE GARRISON SLEPT.")
    out = recaser.recase(text)
    assert "Oscar Arnulfo Romero" in out and "Rene Emilio Ponce" in out and "Carlos Corrales" in out
    assert "Pablo Escobar" in out
    # no given name beside it: the dictionary word stays a word
    assert "the romero hills" in out and "the garrison slept" in out


def test_a_rare_word_that_is_a_name_is_the_name_after_a_word_no_list_knows(recaser):
    # "Eulogio" is in no word list (nor the census's given names): the rare name word after it is a surname
    out = recaser.recase("INSPECTOR EULOGIO FLORES DIED IN THE EXPLOSION.")
    assert "Eulogio Flores died" in out
    # after a known word it stays the common word
    out = recaser.recase("THE POLICE FOUND FLORES AND WREATHS AT THE SITE.")
    assert "found flores" in out


def test_a_run_of_name_openers_opens_one_name(recaser):
    # "villa" and "el" both open names: read right to left, the run is one name, not "villa El Salvador"
    out = recaser.recase("GUNMEN SHOT A DEPUTY IN FRONT OF HIS DRUGSTORE IN THE VILLA EL SALVADOR DISTRICT.")
    assert "the Villa El Salvador district" in out
    # an opener before a common word opens nothing
    assert "at the villa that Salvadoran traders own" in recaser.recase(
        "GUNMEN SHOT A DEPUTY AT THE VILLA THAT SALVADORAN TRADERS OWN.")


def test_a_word_before_a_joining_particle_and_a_name_opens_the_name(recaser):
    out = recaser.recase("A BOMB WENT OFF IN DOWNTOWN VINA DEL MAR AND IN SAN PEDRO DE CACHI TODAY.")
    assert "downtown Vina" in out and "San Pedro de Cachi" in out
    # a function word or a verb's past before the particle opens nothing
    out = recaser.recase("THE MINISTER THANKED DE SOTO AND THE DE FACTO GOVERNMENT TODAY.")
    assert "thanked de Soto" in out and "the de" in out


def test_a_spanish_article_or_a_word_for_a_part_of_town_opens_a_name_whatever_follows(recaser):
    # "pedregal", "alto" and "dolores" are English words too; after "el" or "barrio" they are a name
    out = recaser.recase("THE ATTACK TOOK PLACE IN THE EL PEDREGAL NEIGHBORHOOD AND IN BARRIO ALTO TODAY.")
    assert "the El Pedregal neighborhood" in out and "in Barrio Alto today" in out
    # not before a function word or a particle, and not a word of two letters
    out = recaser.recase("HE SAID THAT LA DE LA REINA AND EL Y LOS AN WERE NOT THERE.")
    assert "la de la" in out.lower() and "El y" not in out and "Los An" not in out


def test_a_dotted_initialism_stays_in_capitals_and_goes_on_its_sentence(recaser):
    # "U.S." is no "u.s.", and the word after it is no sentence start
    out = recaser.recase("TWO U.S. CITIZENS WERE MURDERED IN LA PAZ. THE U.N. SAID SO.")
    assert "Two U.S. citizens were" in out and "The U.N. said" in out
    # a time's initialism may end a sentence: the next word keeps its capital
    out = recaser.recase("THE BOMB EXPLODED AT 5 P.M. POLICE SAID TWO DIED.")
    assert "5 P.M. Police said" in out
    # one letter and a full stop is no initialism ("A. Smith" stays as the other rules read it)
    assert "U.S." not in recaser.recase("HE SAW A. SMITH IN TOWN TODAY.")


def test_cased_text_is_left_as_it_is(recaser):
    text = "Gunmen killed two people in Kabul on Monday, police said. IS claimed the attack."
    assert recaser.recase(text) is text
    assert not needs_recasing(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ .,-\n'\"0123456789"), max_size=300))
def test_recasing_never_changes_length_or_letters(services, text):
    out = services.recaser.recase(text)
    assert len(out) == len(text) and out.upper() == text.upper()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aB .!?'\")]([:-\n\t\u00a0\u2003", max_size=60))
def test_a_sentence_start_is_read_as_the_whole_text_before_would_say(text):
    # the window _starts_sentence searches gives the answer of the pattern over the whole prefix
    from eventdesk.stages import casing

    for start in range(len(text) + 1):
        assert casing._starts_sentence(text, start) == bool(casing._SENTENCE_START.search(text[:start]))


def test_short_lower_case_paragraphs_of_a_text_with_no_capitals_are_recased(recaser):
    short = "the attack killed 30 people in lahore on sunday."
    assert not needs_recasing(short)  # alone, too short to tell a lower-case body from a stray line
    assert needs_recasing(short, uncased_text=True)
    text = "\n\n".join([short, "police said the bomber came from peshawar and acted alone.",
                        "hospitals in the city declared an emergency and called for blood donors.",
                        "the government announced three days of mourning across punjab province."])
    read = recaser.recase(text)
    assert len(read) == len(text)
    assert "Lahore" in read and "Peshawar" in read
    # a text with capitals keeps its short lower-case paragraph as written
    mixed = "Gunmen killed three people in Kabul.\n\n" + short
    assert recaser.recase(mixed) == mixed
