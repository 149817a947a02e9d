"""Responsibility read from the rest of the report: once per article, whatever its length."""

from __future__ import annotations

import datetime as dt

from eventdesk.app import process
from eventdesk.evaluate._scores import article
from eventdesk.extract.actors import attribution


def _attackers(services, article_id: str, text: str, published: dt.date | None) -> list[str]:
    """The actor1 of every event the pipeline codes from one article."""
    [res] = process([article(article_id, text, published, "test")], services)
    return [e.actor1.name for e in res.events]

def test_an_article_is_read_for_responsibility_once_not_once_per_event(services, monkeypatch):
    calls = []
    real = attribution.named_actors
    monkeypatch.setattr(attribution, "named_actors", lambda *a, **k: calls.append(1) or real(*a, **k))
    text = "Gunmen killed three villagers in an attack near Maiduguri, residents said. " * 200
    [res] = process([article("long", text, None, "test")], services)
    assert len(res.events) > 100  # an undated page: each sentence its own event
    sentences = len(res.sentences)
    assert len(calls) <= 2 * sentences, (len(calls), sentences)  # linear: one country, one pass


def test_the_group_that_claims_the_act_is_its_perpetrator(services):
    text = ("A bomb exploded outside a bank in Lima on Monday, wounding two guards, police said.\n\n"
            "The Shining Path claimed responsibility for the attack in a call to a radio station.")
    assert _attackers(services, "claim", text, dt.date(2021, 5, 11)) == ["Shining Path"]


def test_phrases_that_name_who_carried_out_an_act_or_is_held_responsible():
    rules = attribution.load_attribution_rules()
    for sentence in ("These attacks launched by the Shining Path in Ayacucho are part of the violence.",
                     "The wave of kidnappings carried out throughout the national territory by the ELN.",
                     "At least 10 soldiers were killed in the harassment and attacks by the FMLN.",
                     "The police hold the Tupac Amaru Revolutionary Movement responsible for the attack.",
                     "No one was hurt in the blast, for which the FMLN guerrillas are being held responsible.",
                     "Al Shabaab suspected.",
                     "With bomb explosions in the capital, a new group announced its emergence.",
                     "Delgado Parker, who was apparently kidnapped by the MRTA, is still missing.",
                     "The bomb had been planted by members of the Communist Party of Chile.",
                     "Police believe the EPP might be the perpetrator of the attack."):
        assert rules.responsibility.search(sentence), sentence
    for sentence in ("The government launched a new plan against the Shining Path.",
                     "Attacks on the FMLN's positions continued.",
                     "The ELN carried out the kidnapping."):  # the agent is the subject: read by the parse
        assert not rules.responsibility.search(sentence), sentence


def test_who_holds_someone_responsible_blames_and_who_is_held_responsible_is_blamed():
    blame = attribution.load_attribution_rules().blame
    assert blame.search("The FMLN holds Col Vargas responsible for the victims.")
    assert not blame.search("The FMLN guerrillas are being held responsible.")


def test_a_group_held_responsible_in_another_sentence_carried_out_the_unclaimed_bombing(services):
    text = ("Two bombs exploded outside the agriculture ministry in San Salvador on Tuesday, destroying two "
            "vehicles.\n\nNo one was hurt in the blasts, for which the FMLN guerrillas are being held responsible.")
    assert _attackers(services, "held", text, dt.date(1989, 2, 8)) == [
        "FMLN: Farabundo Marti National Liberation Front"]


def test_an_unclaimed_act_takes_the_one_group_the_reports_other_acts_of_its_kind_name(services):
    text = ("In Pedregales, on the road from Zulia to Sardinata, the ELN kidnapped businessman Sergio Alarcon "
            "on Saturday.\n\nIn Canalete, in Cordoba, cattleman Pedro Pablo Mejia was kidnapped on Saturday.")
    [res] = process([article("kind", text, dt.date(1990, 3, 4), "test")], services)
    assert [e.actor1.name for e in res.events] == ["ELN: National Liberation Army"] * 2
    assert all("ELN" in e.notes for e in res.events)  # the notes name the group taken


def test_two_groups_named_for_acts_of_that_kind_leave_the_unclaimed_one_unidentified(services):
    text = ("In Pedregales, on the road from Zulia to Sardinata, the ELN kidnapped businessman Sergio Alarcon "
            "on Saturday.\n\nIn Tibu, FARC guerrillas kidnapped a mayor on Saturday.\n\n"
            "In Canalete, in Cordoba, cattleman Pedro Pablo Mejia was kidnapped on Saturday.")
    [res] = process([article("kinds", text, dt.date(1990, 3, 4), "test")], services)
    assert sorted(e.actor1.name for e in res.events) == [
        "ELN: National Liberation Army", "FARC: Revolutionary Armed Forces of Colombia",
        "Unidentified Armed Group (Colombia)"]


def test_a_group_named_for_acts_of_another_kind_is_not_taken(services):
    text = ("The ELN blew up an oil pipeline near Tibu on Saturday.\n\n"
            "In Canalete, in Cordoba, cattleman Pedro Pablo Mejia was kidnapped on Saturday.")
    [res] = process([article("other", text, dt.date(1990, 3, 4), "test")], services)
    kidnap = [e for e in res.events if e.event_type == "Violence against civilians"]
    assert [e.actor1.name for e in kidnap] == ["Unidentified Armed Group (Colombia)"]


def test_the_state_force_named_before_what_it_is_held_to_have_done_is_blamed():
    blame = attribution.load_attribution_rules().state_blame
    for sentence in ("The military men are suspected of involvement in the assassination of the rector.",
                     "He reiterated the belief that the armed forces were guilty of the murders.",
                     "Journalists demand that the government punish the military men responsible for the crime.",
                     "The massacre was perpetrated by armed forces death squads."):
        assert blame.search(sentence), sentence
    for sentence in ("The armed forces were deployed in the north.",
                     "Soldiers are involved in the search for the kidnappers' hideout."):
        assert not blame.search(sentence), sentence


def test_a_murder_the_report_says_the_armed_forces_were_guilty_of_is_theirs_unless_denied(services):
    told = "Six Jesuit priests were murdered in San Salvador on Thursday.\n\n"
    [res] = process([article("guilty", told + "The archbishop said that the armed forces were guilty of the murders.",
                             dt.date(1989, 11, 18), "test")], services)
    assert [e.actor1.name for e in res.events] == ["Military Forces of El Salvador"]
    [res] = process([article("denied", told + "The minister denied that the armed forces were guilty of the murders.",
                             dt.date(1989, 11, 18), "test")], services)
    assert [e.actor1.name for e in res.events] == ["Unidentified Armed Group (El Salvador)"]


def test_a_blame_said_to_be_mistaken_is_denied():
    rules = attribution.load_attribution_rules()
    sentence = ("Locals demonstrated against the military, mistakenly believing members of the military had "
                "been responsible for the deaths of the civilians.")
    assert rules.state_blame.search(sentence) and rules.denials.search(sentence)
    assert not rules.denials.search("Residents believe members of the military were responsible for the deaths.")


def test_narcoterrorists_are_the_one_group_the_report_names(services):
    text = ("On 27 March, the police base in Uchiza, San Martin department, was attacked by armed narcoterrorists.\n\n"
            "The group was made up of about 300 members of the Shining Path and local drug traffickers.")
    assert _attackers(services, "narco", text, dt.date(1989, 3, 28)) == ["Shining Path"]


def test_a_group_the_police_believe_to_be_the_perpetrator_carried_out_the_attack(services):
    text = ("On 8 May 2020, in Yby Yau (Concepcion), a farm was attacked by a group who took farmers as hostages. "
            "The area is known for the presence of the EPP, and the police believe that the group might be the "
            "perpetrator of the attack.")
    assert _attackers(services, "perp", text, None) == ["EPP: Paraguayan People's Army"]
