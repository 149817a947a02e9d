"""A place inside a description of someone is where that someone is, not where the event happened.

"The businessman, who owns a tannery and spends most of his time in Miami, was kidnapped on 9 July":
the dependency parse puts Miami inside a relative clause set off by commas (non-restrictive) about
the businessman. Such a clause says where a person or a group lives, works or has its offices ("the
CERIGUA agency, whose main offices are in Mexico, says ..."). A place so named abroad (outside the
country the article or the sentence is about) is no place of the event, which takes another one of
the sentence, else of its paragraph or dateline; one in that country ranks below every other place
of the sentence ("Gunmen killed Roberto Sarasty, who worked for Caracol radio in Medellin": where
he worked is the best the sentence says). Not an aside: a clause with no comma before it,
which picks out who is meant ("armed men who entered his house in Santa Catarina Pinula"), and a
clause that itself holds one of the sentence's violent trigger words ("the deputy, who was
abducted in Tenerife"). The relative pronouns are data (``place_words.json``: ``aside_pronouns``);
"which" and "where" are not among them ("the bank, which is in Lima, was bombed"). So is the place where
talks or a meeting are held ("a third round of negotiations in Caracas"): the meeting's, not an act's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from eventdesk.extract.comparisons import comparison_points
from eventdesk.extract.comparisons import inside as _within
from eventdesk.rules import word_list

__all__ = ["ELSEWHERE", "aside_reader"]

#: what ``aside`` says of a name inside an earlier act the sentence compares its act with: no place of it at all
ELSEWHERE = "elsewhere"

_PRONOUNS: frozenset[str] = word_list("place_words.json", "aside_pronouns")  # type: ignore[assignment]
_MEETING: frozenset[str] = word_list("place_words.json", "meeting_words")  # type: ignore[assignment]
_HOLDING: frozenset[str] = word_list("place_words.json", "meeting_verbs")  # type: ignore[assignment]


def _meeting_place(word, acts: set[str]) -> bool:
    """Whether the name is where talks or a meeting are held, away from the act: the object of a
    preposition of place on a meeting's noun or its verb of holding ("negotiations in Caracas", "talks held
    in Mexico City", "the meeting scheduled ... in Caracas", "met in Medellin"). A meeting the act befalls
    or happens at ("police stormed a meeting in the mosque", "rioting occurred at a meeting in Isiolo",
    "MPs rioted during a peace conference in Mbagathi") is where it happened."""
    while word.dep_ in ("appos", "conj", "compound") and word.head.i != word.i:
        word = word.head  # "in Caracas, Venezuela": the name the preposition governs
    if word.dep_ != "pobj" or word.head.dep_ != "prep" or word.head.lower_ not in ("in", "at"):
        return False
    head = word.head.head
    if head.lower_ in _MEETING:
        meeting = head  # "negotiations in Caracas"
    elif head.lemma_.lower() not in _HOLDING:
        return False
    elif head.lemma_.lower() in ("meet", "convene"):
        meeting = head  # "the church met in Medellin"
    else:
        # "talks held in Mexico City", "the meeting scheduled ... in Caracas"; not "a protest was held in Gomel"
        named = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        if head.dep_ == "acl":
            named.append(head.head)
        meeting = next((n for n in named if n.lower_ in _MEETING), None)
        if meeting is None:
            return False

    firsts = {a.split()[0] for a in acts if a.split()}

    def act(t) -> bool:  # a trigger word, or the first word of a trigger phrase ("open fire")
        return any(t.lower_.startswith(a) for a in firsts)

    for up in [meeting, *meeting.ancestors]:
        if act(up) or any(act(c) for c in up.children):  # the act is the meeting's or governs it
            return False
    return True


def _speakers_title(word) -> bool:
    """Whether the name lies in an apposition on the subject of a verb of saying: the speaker's title
    ("Abbot Jean-Pierre Sawadogo, vicar general of the diocese of Dori, said"; "the governor of Zamfara
    state, Bello Matawalle, told reporters"), which says who speaks, not where the act happened. The
    verbs are data (``actor_words.json``: speech_verbs)."""
    for t in [word, *word.ancestors]:
        if t.dep_ != "appos":
            continue
        subject = t.head
        return subject.dep_ == "nsubj" and subject.head.lemma_.lower() in word_list("actor_words.json", "speech_verbs")
    return False


def _avenged(word) -> bool:
    """Whether the name lies inside the act another one avenges ("fired rockets at a base in the Golan
    Heights in retaliation for an Israeli airstrike that killed three fighters in Naqoura"): a word
    of revenge governs it (``toll_words.json``: revenge_words), so it is that earlier act's place."""
    revenge = word_list("toll_words.json", "revenge_words")
    return any(t.lemma_.lower() in revenge or t.lower_ in revenge for t in word.ancestors)


def aside_reader(parse, offset: int, triggers: Iterable[str]) -> Callable[[int, int], bool] | None:
    """``aside(start, end)``: whether the name at those article offsets lies inside a comma-set
    relative clause about someone (see the module), or ``ELSEWHERE`` inside an earlier act the sentence
    compares its act with ("the worst attack since the 2013 Westgate mall siege in Nairobi"). ``parse`` is the spaCy parse of the sentence
    that starts at article offset ``offset``; ``triggers`` the sentence's trigger words (stems).
    ``None`` without a parse."""
    if parse is None or not hasattr(parse, "char_span"):
        return None
    acts = {t.lower() for t in triggers}
    compared = comparison_points(parse)

    def aside(start: int, end: int) -> bool | str:
        if compared and _within(compared, start - offset, end - offset):
            return ELSEWHERE  # "the deadliest since the 2013 Westgate mall siege in Nairobi" (``comparisons``)
        tokens = [t for t in parse if t.idx < end - offset and start - offset < t.idx + len(t.text)]
        if not tokens:
            return False
        inside = {t.i for t in tokens}
        # the name's own head: the token of the name whose head lies outside it
        word = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
        if _meeting_place(word, acts):
            return True
        if _avenged(word):
            return ELSEWHERE  # "in retaliation for an Israeli airstrike ... in Naqoura": the earlier act's
        if _speakers_title(word):
            return ELSEWHERE  # "Abbot Sawadogo, vicar general of the diocese of Dori, said": who speaks
        for t in [word, *word.ancestors]:
            if t.dep_ != "relcl" or t.i in inside:
                continue
            first = t.left_edge
            if first.lower_ not in _PRONOUNS or first.i == 0 or parse[first.i - 1].text != ",":
                continue
            # the sentence's trigger words are stems ('demonstrat', 'kill'): a word of the clause that starts with one
            return not any(w.lower_.startswith(act) for w in t.subtree for act in acts)
        return False
    return aside
