"""Deaths of people named one by one, read from the dependency parse.

The text reader (``count``) counts numbers tied to death words. Reports as often name each victim:
"the assassination of presidential candidate Carlos Pizarro", "Inspector Eulogio Flores died in the
explosion", "guerrillas killed the mayor of Hostigal as well as two peasants", "took the life of a
judge". When the text reader finds no figure, this reader counts the victims of a lethal word in
the parse: each singular person (a name, a pronoun, a person noun) is one, a counted plural
("two peasants") its number, an uncounted plural ("peasants") nothing (the vague rules are the
text reader's). The lethal words and the person nouns are data (``data/rules/toll_words.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventdesk.extract.tolls._quantities import MONTHS, parse_number
from eventdesk.rules import word_list

__all__ = ["VictimRules", "load_victim_rules", "named_victims"]


@dataclass(frozen=True)
class VictimRules:
    lethal_verbs: frozenset[str]  # lemmas whose object (or passive subject) died: kill, murder
    dying_verbs: frozenset[str]  # lemmas whose subject died: die, perish
    lethal_nouns: frozenset[str]  # nouns whose "of" object or possessor died: assassination, death
    person_nouns: frozenset[str]
    person_suffixes: tuple[str, ...]
    nonperson: frozenset[str]
    injury: frozenset[str]  # "killed or wounded": a death that cannot be told from an injury
    revenge: frozenset[str] = frozenset()  # "in retaliation for ...": the dead of the act avenged


@cache
def load_victim_rules() -> VictimRules:
    return VictimRules(
        frozenset(word_list("toll_words.json", "lethal_verb_lemmas")),
        frozenset(word_list("toll_words.json", "dying_verb_lemmas")),
        frozenset(word_list("toll_words.json", "lethal_nouns")),
        frozenset(word_list("toll_words.json", "singular_person")),
        tuple(word_list("toll_words.json", "person_suffixes")),
        frozenset(word_list("toll_words.json", "nonperson")),
        frozenset(word_list("toll_words.json", "injury")),
        frozenset(word_list("toll_words.json", "revenge_words")),
    )


def named_victims(parse, rules: VictimRules) -> tuple[int, int, int, bool] | None:
    """(deaths, start, end, added) of the first lethal word with victims in the parsed sentence
    ``parse`` (offsets into the sentence), plus the dead of a later lethal word said to be others
    ("... was assassinated during an attack in which two members of his escort were also killed":
    ``added`` is then true), or None."""
    found = None
    # the lemmas ``_victim_heads`` reads victims of; the test first, before any child is read
    lethal = rules.lethal_verbs | rules.dying_verbs | rules.lethal_nouns | {"shoot", "life"}
    for t in parse:
        if t.lemma_.lower() not in lethal:
            continue
        if any(c.dep_ == "neg" for c in t.children) or _unfulfilled(t) or _or_injured(t, rules) or \
                _avenged(t, rules):
            continue
        if found is not None and not any(c.lower_ == "also" for c in t.children):
            continue  # after the first: only dead said to be others ("two of his escort were also killed")
        heads = _victim_heads(t, rules)
        if not heads:
            continue
        total = sum(_count(h, rules) for v in heads for h in _conjuncts(v))
        if total and found is None:
            found = (total, t.idx, t.idx + len(t), False)
        elif total:
            found = (found[0] + total, found[1], found[2], True)
    return found


def _victim_heads(t, rules: VictimRules) -> list:
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma in rules.lethal_verbs:
        passive = [c for c in t.children if c.dep_ == "nsubjpass"]
        return passive or [c for c in t.children if c.dep_ == "dobj"]
    if t.pos_ == "VERB" and lemma == "shoot" and _to_death(t):
        return [c for c in t.children if c.dep_ in ("nsubjpass", "dobj")]
    if t.pos_ == "VERB" and lemma in rules.dying_verbs:
        return [c for c in t.children if c.dep_ == "nsubj"]
    if t.pos_ == "NOUN" and lemma in rules.lethal_nouns:
        # "the murder by machinegun fire of two missionaries": the parse hangs the victims' "of" on
        # the means, not on the act
        means = [o for p in t.children if p.dep_ == "prep" and p.lower_ in ("by", "with")
                 for o in p.children if o.dep_ == "pobj"]
        # "the murder of minister Rodriguez Porth and two of his bodyguards": the parse makes the count
        # a conjunct of the act
        counted = [c for c in t.children if c.dep_ == "conj" and c.pos_ == "NUM"]
        return [c for c in t.children if c.dep_ == "poss"] + counted + [
            o for h in (t, *means) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
            for q in (p, *(c for c in p.children if c.dep_ == "conj" and c.lower_ == "of"))  # "of X and of Y"
            for o in q.children if o.dep_ == "pobj"]
    if t.pos_ == "NOUN" and lemma == "life" and t.head.lemma_.lower() in ("take", "claim", "cost"):
        return [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return []


def _avenged(t, rules: VictimRules) -> bool:
    """The lethal word tells the act another one avenges: it hangs, within a few heads, under a word
    of revenge ("fired rockets in retaliation for an Israeli airstrike that killed three of its
    fighters", "to avenge the killing of two commanders"): those dead are the earlier act's."""
    head = t
    for _ in range(5):
        if head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in rules.revenge or head.lower_ in rules.revenge:
            return True
    return False


def _unfulfilled(t) -> bool:
    """An infinitive tells an aim, not a death: "tried to kill the mayor", "an attempt to kill General
    Maza", "threatened to kill him" ("managed to kill" did kill)."""
    return t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) \
        and t.head.lemma_.lower() != "manage"


def _or_injured(t, rules: VictimRules) -> bool:
    """"1 policeman was killed or wounded", "wounded or killed": ACLED counts no death it cannot tell
    from an injury (the text reader's rule too)."""
    doc = t.doc
    return (t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "or" and doc[t.i + 2].lower_ in rules.injury) or \
        (t.i >= 2 and doc[t.i - 1].lower_ == "or" and doc[t.i - 2].lower_ in rules.injury)


def _to_death(t) -> bool:
    """"shot to death", "shot dead"."""
    for c in t.children:
        if c.lower_ == "dead":
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children):
            return True
    return False


def _conjuncts(t) -> list:
    out = [t]
    for c in t.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    # "found dead along with Gilda Flores", "machinegunned together with five others"
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "with" and c.i > 0 and t.doc[c.i - 1].lower_ in ("along", "together"):
            out.extend(o for o in c.children if o.dep_ == "pobj")
    # "the mayor ... as well as two peasants": spaCy hangs the second on "as"
    for c in t.children:
        if c.dep_ == "cc" and c.lower_ == "as":
            for g in c.children:
                for o in g.children:
                    if o.dep_ in ("pobj", "conj"):
                        out.extend(_conjuncts(o))
    return out


def _day_of_month(t) -> bool:
    """A number beside a month's name is a date's day, whatever the parse hangs it on: "during the
    evening of 24 May two U.S. citizens were murdered" (spaCy makes 24 a count of the citizens)."""
    doc = t.doc
    return any(0 <= k < len(doc) and doc[k].lower_.rstrip(".") in MONTHS for k in (t.i - 1, t.i + 1))


def _count(t, rules: VictimRules) -> int:
    low = t.lower_
    if low in rules.nonperson:
        return 0
    if t.pos_ == "NUM":  # "Rodriguez Porth and two of his bodyguards"
        n = parse_number(t.lower_)
        return n if n is not None and n < 10_000 and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) else 0
    num = next((c for c in t.children if c.dep_ == "nummod" and not _day_of_month(c)), None)
    if num is not None:
        n = parse_number(num.lower_)
        return n if n is not None and n < 10_000 else 0
    if t.tag_ in ("NNS", "NNPS"):
        return 0  # an uncounted plural: the text reader's vague rules decide
    if t.pos_ == "PRON":
        return 1 if low in ("he", "him", "she", "her") else 0
    if t.pos_ == "PROPN":
        return 1 if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) else 0
    if t.pos_ == "NOUN":
        lemma = t.lemma_.lower()
        if lemma in rules.person_nouns or (len(lemma) > 4 and lemma.endswith(rules.person_suffixes)):
            return 1
        if any(c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.lemma_.lower() in rules.person_nouns)
               for c in t.children if c.i < t.i):
            return 1  # a surname the recaser could not capitalise: "police corporal Oswaldo palomino"
    return 0
