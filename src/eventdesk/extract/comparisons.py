"""The earlier act a sentence measures its act against: "The bombing was the deadliest in Pakistan since
the 2014 Peshawar school massacre, in which 149 people were killed", "It was the worst attack in Kenya since
the 2013 Westgate mall siege in Nairobi, when 67 people died", "the first such attack since Islamic State
fighters stormed the town in 2019".

The phrase opened by "since" (a preposition with its object, or a clause it opens) under a superlative or a
word of rank is another act, told as history: its place, its date and its toll are not those of the act the
sentence reports: an act by its noun or its verb ("since the agreement was signed" is no act). Read from
the dependency parse; the words are data (``comparison_words.json``). "Since
Monday", "since the attack" with no superlative, "has been calm since the massacre" are left to the
scope and date rules (they date, they do not compare)."""

from __future__ import annotations

from eventdesk.rules import word_list
from eventdesk.stages.parse import doc_text

__all__ = ["class_phrases", "comparison_points", "elsewhere", "inside"]

_SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
_KEPT = "eventdesk_comparisons"  # where a parse keeps its comparison points


def comparison_points(parse, classes: bool = False) -> tuple[tuple[int, int], ...]:
    """The character ranges (offsets into the parsed sentence) of the earlier acts it compares its act
    with; ``()`` without a parse. With ``classes``, also the phrases that rank the act among acts of its
    kind (``class_phrases``), whose people are the act's own victims again, not more of them."""
    if parse is None:
        return ()
    if classes:
        return tuple(sorted(comparison_points(parse) + class_phrases(parse)))
    found = parse.user_data.get(_KEPT)  # read by places, dates, tolls and assembly: once per parse
    if found is None:
        found = parse.user_data[_KEPT] = _points(parse)
    return found


def _points(parse) -> tuple[tuple[int, int], ...]:
    since = word_list("comparison_words.json", "since_words")
    low = doc_text(parse).lower()
    if not any(word in low for word in since):
        return ()  # a token whose lower-cased text is a since word is in the lower-cased text
    ranks = word_list("comparison_words.json", "ordinal_words")
    acts = word_list("comparison_words.json", "act_lemmas")
    out = []
    for token in parse:
        if token.lower_ not in since:
            continue
        if token.dep_ == "prep" and any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children):
            phrase, anchor = token, token.head  # "since the 2014 Peshawar school massacre, in which ..."
        elif token.dep_ == "mark" and token.head.pos_ in ("VERB", "AUX"):
            phrase, anchor = token.head, token.head.head  # "since gunmen stormed the town in 2019"
        else:
            continue
        told = phrase.children if token.dep_ == "prep" else [phrase, *phrase.children]
        if not any(t.lemma_.lower() in acts for t in told if t is not token):
            continue  # "since the agreement with the Taliban was signed": no earlier act
        near = [anchor, *anchor.children, *(g for c in anchor.children for g in c.children)]
        if not any(t.tag_ in _SUPERLATIVE_TAGS or t.lower_ in ranks for t in near
                   if not (phrase.left_edge.i <= t.i <= phrase.right_edge.i)):
            continue
        left = token.idx
        right = phrase.right_edge.idx + len(phrase.right_edge)
        out.append((left, right))
    return tuple(out)


def class_phrases(parse) -> tuple[tuple[int, int], ...]:
    """"A journalist was shot dead in Culiacan, the latest killing of a media worker in Mexico", "killed a
    police officer, the third such attack on police this month": a phrase after a comma whose head is a
    noun of an act under a superlative or a word of rank ranks the act among others of its kind; the
    person it names is the act's victim named again (character ranges into the sentence)."""
    acts = word_list("comparison_words.json", "act_lemmas")
    ranks = word_list("comparison_words.json", "ordinal_words") | word_list("comparison_words.json", "class_words")
    out = []
    for token in parse:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in acts:
            continue
        left = token.left_edge
        if left.i == 0 or parse[left.i - 1].text != ",":
            continue
        if not any(c.dep_ == "amod" and (c.tag_ in _SUPERLATIVE_TAGS or c.lower_ in ranks) for c in token.children):
            continue
        out.append((left.idx, token.right_edge.idx + len(token.right_edge)))
    return tuple(out)


def elsewhere(parsed, classes: bool = False) -> tuple[tuple[int, int], ...]:
    """The comparison points of parsed sentences as article offsets: ``parsed`` holds (span, parse) pairs,
    the sentence's span in the article and its parse (or None)."""
    return tuple((span.start + left, span.start + right) for span, parse in parsed
                 for left, right in comparison_points(parse, classes))


def inside(points: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether the range ``[start, end)`` (offsets into the sentence) lies inside one of ``points``."""
    return any(left <= start and end <= right for left, right in points)
