"""Claims: stance and speaker per field, deaths unknown, coordination partners; then the real seeds."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from eventdesk.model import STANCES, Actor, EventDate, EventMention, Fatalities, Place, Sentence, Span
from eventdesk.extract.actors.find import ActorDictionary
from eventdesk.extract.claims.read import claims_for, read_claims

AID = "t"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def sentences_of(text: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(Span(AID, m.start(), m.end())) for m in re.finditer(r"\S.*?[.!?](?=\s|$)", text, re.S))


def at(text: str, phrase: str, nth: int = 0) -> Span:
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    return Span(AID, starts[nth], starts[nth] + len(phrase))


def mention(text: str, *, trigger: str, in_sentences: tuple[int, ...] = (0,), actor1: tuple[str, str] | None = None,
            deaths: tuple[int, str, str] | None = None, date: str | None = None, place: str | None = None,
            event_type: str = "Explosions/Remote violence", sub: str = "Air/drone strike") -> EventMention:
    sents = sentences_of(text)
    a1 = Actor(actor1[1], 1, at(text, actor1[0])) if actor1 else None
    fat = Fatalities()
    if deaths is not None:
        best, how, phrase = deaths
        fat = Fatalities(best, best, best, at(text, phrase), how)
    return EventMention(
        article_id=AID, event_type=event_type, sub_event_type=sub,
        sentences=tuple(sents[i].span for i in in_sentences),
        date=EventDate(dt.date(2021, 3, 2), 1, at(text, date)) if date else None,
        place=Place("Somalia", "Lower Juba", "Afmadow", "Afmadow", 0.5, 42.0, 1, span=at(text, place))
        if place else None,
        actor1=a1, fatalities=fat, type_evidence=at(text, trigger),
    )


def run(text: str, m: EventMention, actors: ActorDictionary, siblings=None):
    return claims_for(text, m, siblings or [m], sentences_of(text), actors)


def one(claims, field: str):
    found = [c for c in claims if c.field == field]
    assert len(found) == 1, found
    return found[0]


# --- attribution -----------------------------------------------------------------------------


def test_according_to_attributes_every_field_of_the_sentence(actors):
    text = "Kenyan jets bombed a camp near Afmadow on Tuesday, according to county officials."
    m = mention(text, trigger="bombed", actor1=("Kenyan jets", "Military Forces of Kenya"), date="Tuesday",
                place="Afmadow")
    claims = run(text, m, actors)
    assert {c.field for c in claims} == {"event_type", "actor1", "event_date", "location"}
    for c in claims:
        assert (c.stance, c.speaker) == ("attributed", "county officials")
        assert c.speaker_span.text(text) == "county officials"
        assert c.span == Span(AID, 0, len(text))
    assert one(claims, "location").value == "Afmadow, Lower Juba, Somalia"
    assert one(claims, "event_date").value == "2021-03-02"
    assert one(claims, "event_type").value == "Air/drone strike"


def test_the_outlets_own_voice_is_asserted(actors):
    text = "Kenyan jets bombed a camp near Afmadow on Tuesday."
    claims = run(text, mention(text, trigger="bombed"), actors)
    assert [(c.field, c.stance, c.speaker, c.speaker_span) for c in claims] == [
        ("event_type", "asserted", "", None)]


def test_a_speaker_opening_the_sentence_loses_his_title(actors):
    text = "Regional police commander Halima Warsame said that gunmen shot dead four traders in the market."
    m = mention(text, trigger="shot dead", deaths=(4, "exact", "four traders"),
                event_type="Violence against civilians", sub="Attack")
    c = one(run(text, m, actors), "fatalities")
    assert (c.value, c.stance, c.speaker) == ("4", "attributed", "Halima Warsame")
    assert c.speaker_span.text(text) == "Halima Warsame"


def test_he_added_is_the_last_named_speaker_with_the_pronoun_as_span(actors):
    text = ("The offensive has pushed the militants back, army spokesman Omar Dirie told Garowe Online. "
            "Drones hit their base near Afmadow, killing 12 fighters, he added.")
    m = mention(text, trigger="Drones hit", in_sentences=(1,), deaths=(12, "exact", "12 fighters"))
    c = one(run(text, m, actors), "fatalities")
    assert (c.value, c.speaker) == ("12", "Omar Dirie")
    assert c.speaker_span.text(text) == "he"
    assert c.span.text(text).startswith("Drones hit")


def test_a_statement_from_someone_is_theirs(actors):
    text = "Troops killed nine militants in the raid, a statement from the regional governor's office said."
    m = mention(text, trigger="raid", deaths=(9, "exact", "nine militants"), event_type="Battles", sub="Armed clash")
    c = one(run(text, m, actors), "fatalities")
    assert (c.stance, c.speaker) == ("attributed", "the regional governor's office")


def test_the_statement_added_is_the_statements_author(actors):
    text = ("Police raided a hideout in Garissa, a statement from the county commissioner said. "
            "Two suspects were shot dead in the raid, the statement added.")
    m = mention(text, trigger="raided", in_sentences=(0, 1), deaths=(2, "exact", "Two suspects"),
                event_type="Battles", sub="Armed clash")
    c = one(run(text, m, actors), "fatalities")
    assert (c.stance, c.speaker) == ("attributed", "the county commissioner")
    assert c.speaker_span.text(text) == "the statement"


def test_a_passive_denial_names_its_agent(actors):
    text = "Reports that the raid killed seven civilians were denied by the regional army command."
    m = mention(text, trigger="raid", deaths=(7, "exact", "seven civilians"))
    c = one(run(text, m, actors), "fatalities")
    assert (c.stance, c.speaker) == ("denied", "the regional army command")
    assert c.speaker_span.text(text) == "the regional army command"


def test_stance_is_judged_on_the_clause_not_the_sentence(actors):
    text = "Five soldiers were killed in the ambush, but the ministry denied that the convoy was carrying civilians."
    m = mention(text, trigger="ambush", deaths=(5, "exact", "Five soldiers"), event_type="Battles", sub="Armed clash")
    claims = run(text, m, actors)
    assert one(claims, "fatalities").stance == "asserted"
    text2 = "The ministry denied that five soldiers were killed in the ambush."
    m2 = mention(text2, trigger="ambush", deaths=(5, "exact", "five soldiers"), event_type="Battles", sub="Armed clash")
    c = one(run(text2, m2, actors), "fatalities")
    assert (c.stance, c.speaker) == ("denied", "The ministry")


def test_a_revised_toll_is_marked(actors):
    text = "The death toll from the market bombing climbed to 40 on Sunday, hospital sources said."
    m = mention(text, trigger="bombing", deaths=(40, "exact", "death toll from the market bombing climbed to 40"))
    c = one(run(text, m, actors), "fatalities")
    assert c.revised and c.value == "40" and c.speaker == "hospital sources"
    text2 = "The market bombing killed 40 people on Sunday."
    m2 = mention(text2, trigger="bombing", deaths=(40, "exact", "40 people"))
    assert not one(run(text2, m2, actors), "fatalities").revised


# --- deaths ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "It was not clear how many people were killed.",
    "Casualties were not immediately known.",
    "The army did not give a death toll.",
    "There was no word on casualties.",
    "No official casualty figures were available.",
])
def test_an_unknown_toll_is_a_claim_of_unknown_not_of_zero(actors, sentence):
    text = "Jets struck a depot outside the town on Friday. " + sentence
    m = mention(text, trigger="struck", in_sentences=(0, 1))
    c = one(run(text, m, actors), "fatalities")
    assert (c.value, c.stance) == ("", "unknown")
    assert c.span.text(text) == sentence


def test_unknown_toll_keeps_its_speaker_and_coexists_with_a_figure(actors):
    text = "Jets struck a depot, killing 3 guards. The full toll was unclear, a local chief said."
    m = mention(text, trigger="struck", in_sentences=(0, 1), deaths=(3, "exact", "3 guards"))
    claims = [c for c in run(text, m, actors) if c.field == "fatalities"]
    assert [(c.value, c.stance, c.speaker) for c in claims] == [
        ("3", "asserted", ""), ("", "unknown", "a local chief")]


def test_an_unknown_toll_outside_the_mention_is_not_its_claim(actors):
    text = "Jets struck a depot on Friday. Elsewhere a flood hit the valley. It was not clear how many died."
    m = mention(text, trigger="struck", in_sentences=(0,))
    assert [c for c in run(text, m, actors) if c.field == "fatalities"] == []


def test_silence_gives_no_death_claim_but_an_explicit_zero_does(actors):
    text = "Jets struck an empty depot on Friday and no one was killed."
    silent = mention(text, trigger="struck")
    assert [c for c in run(text, silent, actors) if c.field == "fatalities"] == []
    zero = mention(text, trigger="struck", deaths=(0, "none", "no one was killed"))
    assert one(run(text, zero, actors), "fatalities").value == "0"


# --- coordination ---------------------------------------------------------------------------


def test_partner_named_through_the_dictionary_and_attributed(actors):
    text = ("Somali jets struck a camp near Afmadow. "
            "Officials in Kismayo say the strike was carried out in coordination with Kenyan troops.")
    m = mention(text, trigger="struck", actor1=("Somali jets", "Military Forces of Somalia"))
    c = one(run(text, m, actors), "coordinated_with")
    assert (c.value, c.stance, c.speaker) == ("Military Forces of Kenya", "attributed", "Officials in Kismayo")
    assert c.span.text(text).startswith("Officials in Kismayo")


@pytest.mark.parametrize("partner,expected", [
    ("the Ethiopian regime", "Government of Ethiopia"),
    ("Nairobi", "Government of Kenya"),
    ("Assad's government", "Government of Syria"),
    ("the Ethiopian army", "Military Forces of Ethiopia"),
    ("AMISOM", "AMISOM: African Union Mission in Somalia"),
])
def test_partner_names_follow_acled(actors, partner, expected):
    text = f"Somali jets struck a camp near Afmadow after coordinating with {partner}."
    m = mention(text, trigger="struck", actor1=("Somali jets", "Military Forces of Somalia"))
    assert one(run(text, m, actors), "coordinated_with").value == expected


def test_support_and_coordination_in_one_lead_give_two_partners(actors):
    text = ("Somalia bombed militant hideouts with air support from AMISOM and after coordinating with Nairobi. "
            "The bombing hit three hideouts.")
    m = mention(text, trigger="bombing", in_sentences=(1,))
    claims = [c for c in run(text, m, actors) if c.field == "coordinated_with"]
    assert [(c.value, c.stance) for c in claims] == [
        ("AMISOM: African Union Mission in Somalia", "asserted"), ("Government of Kenya", "asserted")]


def test_the_lead_counts_only_when_the_article_reports_one_event(actors):
    text = ("Somalia bombed militant hideouts after coordinating with Nairobi. "
            "The bombing hit three hideouts. Separately, gunmen killed a trader in the market.")
    m = mention(text, trigger="bombing", in_sentences=(1,))
    other = mention(text, trigger="killed", in_sentences=(2,), event_type="Violence against civilians", sub="Attack")
    assert one(run(text, m, actors), "coordinated_with").value == "Government of Kenya"
    assert [c for c in run(text, m, actors, [m, other]) if c.field == "coordinated_with"] == []


def test_doubt_names_who_doubts_and_drops_the_acting_side(actors):
    text = ("Turkish drones struck a convoy near Qamishli. "
            "An analyst, Deniz Aksoy, told reporters that she doubts there is real coordination "
            "between Ankara and Damascus over these strikes.")
    m = mention(text, trigger="struck", actor1=("Turkish drones", "Military Forces of Turkey"))
    c = one(run(text, m, actors), "coordinated_with")
    assert (c.value, c.stance, c.speaker) == ("Government of Syria", "doubted", "Deniz Aksoy")
    assert c.speaker_span.text(text) == "she"


def test_a_negated_coordination_is_denied_and_an_unsaid_one_is_nothing(actors):
    text = "Kenyan jets bombed a camp. The raid was not coordinated with Mogadishu, a KDF spokesman said."
    m = mention(text, trigger="bombed", actor1=("Kenyan jets", "Military Forces of Kenya"))
    c = one(run(text, m, actors), "coordinated_with")
    assert (c.value, c.stance, c.speaker) == ("Government of Somalia", "denied", "a KDF spokesman")
    text2 = "Kenyan jets bombed a camp, but officials have never said the raid was coordinated with Mogadishu."
    m2 = mention(text2, trigger="bombed", actor1=("Kenyan jets", "Military Forces of Kenya"))
    reading = read_claims(text2, m2, [m2], sentences_of(text2), actors)
    assert [c for c in reading.claims if c.field == "coordinated_with"] == []
    assert any("coordinated_with" in r.reason for r in reading.skipped)


def test_two_events_of_one_type_make_a_later_coordination_sentence_ambiguous(actors):
    text = ("Jets struck a camp near Afmadow. Jets also struck a depot near Jilib. "
            "The strikes were carried out in coordination with Kenyan troops.")
    a = mention(text, trigger="struck", in_sentences=(0,))
    b = mention(text, trigger="also struck", in_sentences=(1,))
    for m in (a, b):
        reading = read_claims(text, m, [a, b], sentences_of(text), actors)
        assert [c for c in reading.claims if c.field == "coordinated_with"] == []
        assert any("ambiguous" in r.reason for r in reading.skipped)
    # inside a mention's own sentence it is that mention's, ambiguous or not
    c = one(run(text, mention(text, trigger="struck", in_sentences=(0, 2)), actors, [a, b]), "coordinated_with")
    assert c.value == "Military Forces of Kenya"


def test_coordination_not_about_the_event_is_left_out(actors):
    text = "Jets struck a camp near Afmadow. Kenya patrols the border in coordination with Somali police."
    m = mention(text, trigger="struck")
    reading = read_claims(text, m, [m], sentences_of(text), actors)
    assert [c for c in reading.claims if c.field == "coordinated_with"] == []
    assert any("does not name this event" in r.reason for r in reading.skipped)


def test_the_coalition_is_the_one_named_before(actors):
    text = ("The US-led coalition backs the Iraqi army. Iraqi jets struck a tunnel near Rutba. "
            "The strike was planned with intelligence support from the coalition, a commander said.")
    m = mention(text, trigger="struck")
    c = one(run(text, m, actors), "coordinated_with")
    assert (c.value, c.speaker) == ("Operation Inherent Resolve", "a commander")


def test_claims_are_in_text_order_without_duplicates(actors):
    text = ("Jets struck a depot near Afmadow, killing 4 guards, officials said. "
            "The strike was carried out jointly with Kenyan troops and in coordination with the Kenyan army.")
    m = mention(text, trigger="struck", in_sentences=(0, 1), place="Afmadow", deaths=(4, "exact", "4 guards"))
    claims = run(text, m, actors)
    assert [c.span.start for c in claims] == sorted(c.span.start for c in claims)
    keys = [(c.field, c.value, c.stance, c.span) for c in claims]
    assert len(keys) == len(set(keys))
    assert [c.value for c in claims if c.field == "coordinated_with"] == ["Military Forces of Kenya"]
    assert all(c.stance in STANCES for c in claims)
    assert claims == run(text, m, actors)


# --- the real corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(services, shared_dir):
    from eventdesk.app import process
    from eventdesk.ingest import read_inputs
    from eventdesk.model import Article, ArticleResult

    manifest = shared_dir / "corpus" / "seeds" / "manifest.jsonl"
    articles = [a for a in read_inputs([str(manifest)]) if isinstance(a, Article)]
    return {r.clean.id[:3]: r for r in process(articles, services) if isinstance(r, ArticleResult)}


def seed_claims(seeds, actors, prefix: str, test):
    r = seeds[prefix]
    events = [e for e in r.events if test(e)]
    assert len(events) == 1, [(e.sub_event_type, e.place) for e in r.events]
    return r.clean.text, claims_for(r.clean.text, events[0], r.events, r.sentences, actors)


def _strike(e: EventMention) -> bool:
    return e.sub_event_type == "Air/drone strike"


def test_seed_001_officials_unknown_toll_and_the_syrian_army(seeds, actors):
    text, claims = seed_claims(seeds, actors, "001", _strike)
    lead = [c for c in claims if c.span.text(text).endswith("according to officials.")]
    assert lead and all((c.stance, c.speaker) == ("attributed", "officials") for c in lead)
    unknown = one(claims, "fatalities")
    assert (unknown.value, unknown.stance) == ("", "unknown")
    assert unknown.span.text(text).endswith("no actual casualty figures were available.")
    coord = one(claims, "coordinated_with")
    assert (coord.value, coord.stance, coord.speaker) == ("Military Forces of Syria", "attributed", "Iraqi officials")
    assert coord.span.text(text).startswith("Iraqi officials say the strike")


def test_seed_002_the_36_dead_are_rasuls(seeds, actors):
    text, claims = seed_claims(seeds, actors, "002", _strike)
    c = one(claims, "fatalities")
    assert (c.value, c.stance, c.speaker) == ("36", "attributed", "Yahya Rasul")
    assert c.speaker_span.text(text) == "he"


def test_seed_004_coordination_with_assads_government_and_the_coalition(seeds, actors):
    text, claims = seed_claims(seeds, actors, "004", _strike)
    coord = [(c.value, c.stance, c.speaker, c.span.text(text)[:20]) for c in claims if c.field == "coordinated_with"]
    assert ("Government of Syria", "attributed", "an Iraqi military spokesman", "The strikes were car") in coord
    assert ("Government of Syria", "asserted", "", "Iraq has struck Isla") in coord
    coalition = next(c for c in claims if c.field == "coordinated_with" and c.stance == "asserted"
                     and c.value != "Government of Syria")
    assert coalition.value == actors.lookup("US-led coalition", None).name
    assert coalition.span.text(text).startswith("Iraq has struck")


def test_seed_000_delalande_doubts_coordination_with_damascus(seeds, actors):
    text, claims = seed_claims(seeds, actors, "000", lambda e: e.place is not None and e.place.admin1 == "Deir-ez-Zor")
    doubted = [c for c in claims if c.field == "coordinated_with" and c.speaker == "Arnaud Delalande"]
    assert len(doubted) == 1
    assert (doubted[0].value, doubted[0].stance) == ("Government of Syria", "doubted")
    assert "he doubts there" in doubted[0].span.text(text)


def test_seed_claims_point_into_the_articles_sentences(seeds, actors):
    for r in seeds.values():
        spans = {s.span for s in r.sentences}
        for e in r.events:
            for c in claims_for(r.clean.text, e, r.events, r.sentences, actors):
                assert c.span in spans and c.stance in STANCES
                assert (c.value == "") == (c.stance == "unknown")
                if c.speaker_span is not None:
                    assert c.speaker_span.start >= 0 and c.speaker_span.end <= len(r.clean.text)
