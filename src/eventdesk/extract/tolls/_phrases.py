"""Token-level reader of death claims: which word in a sentence is a death trigger ("killed",
"dead", "death toll of") and which victim phrase it counts ("at least 3 soldiers", "a civilian",
"several fighters"), to its left for a passive or intransitive death word and to its right for an
active killing verb. Each number is used at most once per sentence.

Private to :mod:`eventdesk.extract.tolls.count`, which adds the claims up and applies the codebook's
sentence-level rules (coded figures, ranges, negations, vague tolls).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from eventdesk.extract.tolls._quantities import MONTHS as _MONTHS
from eventdesk.extract.tolls._quantities import Token, parse_number, tokenize
from eventdesk.extract.tolls._quantities import quantity_at as _quantity_at
from eventdesk.extract.tolls._words import (
    KILL_VERBS as _KILL_VERBS,
    NEAR_MISS as _NEAR_MISS,
    DEATH_STATES as _DEATH_STATES,
    AUX as _AUX,
    LEFT_STOPS as _LEFT_STOPS,
    RIGHT_STOPS as _RIGHT_STOPS,
    SUBSET_MARKERS as _SUBSET_MARKERS,
    INJURY as _INJURY,
    NONPERSON as _NONPERSON,
    SINGULAR_PERSON as _SINGULAR_PERSON,
    PERSON_SUFFIXES as _PERSON_SUFFIXES,
    PROTEST_WORDS as _PROTEST_WORDS,
    SENTENCING_WORDS as _SENTENCING_WORDS,
    WEEKDAYS as _WEEKDAYS,
    SPEECH as _SPEECH,
    TOLL_VERBS as _TOLL_VERBS,
    HEAD_STOPS as _HEAD_STOPS,
    NOT_A_NAME as _NOT_A_NAME,
    NAME_STOPS as _NAME_STOPS,
    FULFILLED as _FULFILLED,
    DEATH_NOUNS_OF as _DEATH_NOUNS_OF,
    BODY_NOUNS_OF as _BODY_NOUNS_OF,
    FATAL_PARTICIPLES as _FATAL_PARTICIPLES,
    SHOOTING_BEFORE_DEAD as _SHOOTING_BEFORE_DEAD,
    RESULTATIVE_BEFORE_DEAD as _RESULTATIVE_BEFORE_DEAD,
    REVENGE_WORDS as _REVENGE_WORDS,
    TOTAL_MARKERS as _TOTAL_MARKERS,
    ADDITIVE_WORDS as _ADDITIVE_WORDS,
    PARTITIVE_WORDS as _PARTITIVE_WORDS,
    VERBS_BEFORE_DOWN as _VERBS_BEFORE_DOWN,
    LOSE_FORMS as _LOSE_FORMS,
    NONE_BEFORE_DEATH as _NONE_BEFORE_DEATH,
    NOT_PERSON_ER as _NOT_PERSON_ER,
)

__all__ = ["Claim", "claims_in", "vague_default"]


@dataclass(frozen=True)
class Claim:
    """One death figure read from the text; start/end are offsets into the article text."""

    best: int
    low: int | None
    high: int | None
    start: int
    end: int
    how: str
    # "total": the event's whole toll ("death toll rose to 5", "in all, five died"); "added": more dead
    # ("two more"); "part": part of a toll told before ("three of its fighters were among the dead")
    role: str = ""


def vague_default(war_zone: bool) -> int:
    """ACLED's figure for deaths that happened but were not counted: 10 in a war zone, else 3."""
    return 10 if war_zone else 3


def claims_in(sentence: str, offset: int, war_zone: bool) -> list[Claim]:
    """All death claims in one sentence; each number is used at most once."""
    tokens = tokenize(sentence, offset)
    used: set[int] = set()
    claims: list[Claim] = []
    for i, tok in enumerate(tokens):
        trigger = _trigger_kind(tokens, i)
        if trigger is None:
            continue
        if trigger == "toll":
            found = _toll_claim(tokens, i, used)
        elif trigger == "state" and (verb := _resultative_verb(tokens, i)) is not None:
            found = _resultative_claims(tokens, verb, i, used, war_zone)
        elif trigger == "active" and _starts_object(tokens, i + 1 + (tokens[i + 1 : i + 2] != [] and tokens[i + 1].low == "of")):
            found = _object_claims(tokens, i + 1 + (tokens[i + 1].low == "of"), used, war_zone)
        else:
            found = _subject_claims(tokens, i, used, war_zone)
        part = i >= 2 and tokens[i - 2].low in _PARTITIVE_WORDS and tokens[i - 1].low in ("the", "those")
        claims.extend(replace(c, role="part") if part else _role(tokens, c, trigger == "toll") for c in found)
    return claims


def _role(tokens: list[Token], claim: Claim, toll: bool) -> Claim:
    """Mark a claim that gives the event's whole toll ("the death toll rose to 5", "in all, five people
    died", "a total of 12") or more dead than told before ("two more", "another two", "two other ...")."""
    first = next((n for n, t in enumerate(tokens) if t.start >= claim.start), len(tokens))
    before = [t.low for t in tokens[max(0, first - 4):first]]
    own = [t.low for t in tokens[first:first + 5] if t.end <= claim.end]
    if toll or any(w in _TOTAL_MARKERS and (w != "all" or before[n - 1:n] == ["in"])
                   for n, w in enumerate(before)) or own[:3] == ["a", "total", "of"]:
        return replace(claim, role="total")
    if any(w in _ADDITIVE_WORDS for w in own):
        return replace(claim, role="added")
    return claim


def _trigger_kind(tokens: list[Token], i: int) -> str | None:
    """Classify token i as a death trigger: 'active' verb, 'state' word, 'toll', or None."""
    low = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].low if i > 0 else ""
    if low == "toll" and prev == "death":
        return "toll"
    if prev == "feared" or (nxt == "or" and i + 2 < len(tokens) and tokens[i + 2].low in _INJURY) \
            or (prev == "or" and i >= 2 and tokens[i - 2].low in _INJURY):
        return None  # unconfirmed ("feared dead") or not separable ("killed or wounded", "wounded or killed")
    if prev in _NEAR_MISS and (low in _KILL_VERBS or low in _DEATH_STATES):
        return None  # "was nearly lynched", "almost killed": no one died
    if low == "death" and prev == "to" and any(t.low in _SENTENCING_WORDS for t in tokens[max(0, i - 6):i]):
        return None  # "sentenced two men to death": a penalty, not a toll
    if low in ("dead", "death") and prev in ("shot", "shooting", "to"):
        return "active"
    if (low in _DEATH_NOUNS_OF or low in _KILL_VERBS or low in _DEATH_STATES) and _avenged(tokens, i):
        return None  # "in retaliation for the killing of 3 separatists": another event's dead
    if low in _DEATH_NOUNS_OF and nxt == "of":
        if any(t.low in _PROTEST_WORDS for t in tokens[:i]):
            return None  # "protest the killing of X": the grievance, not this event's toll
        return "active"
    if low in _BODY_NOUNS_OF and nxt == "of":
        return "active"
    if low in _FATAL_PARTICIPLES and prev == "fatally":
        return "active"  # "fatally shot the leader"
    if low in _SHOOTING_BEFORE_DEAD and nxt in ("dead", "down"):
        return None  # the following "dead"/"down" carries the trigger
    if low == "down" and prev in _VERBS_BEFORE_DOWN:
        return "active"
    if low == "death" and nxt == "toll":
        return None
    if low in _KILL_VERBS:
        if nxt == "to" and i + 2 < len(tokens) and tokens[i + 2].low == "death":
            return None
        if prev == "to" and i >= 2 and tokens[i - 2].low not in _FULFILLED \
                and not any(t.low == "used" for t in tokens[max(0, i - 8):i - 1]):
            return None  # an aim, not a death: "tried to kill the mayor", "an attempt to kill General Maza"
        return "active"
    if low == "lives" and prev in ("their", "his", "her") and i >= 2 and tokens[i - 2].low in _LOSE_FORMS:
        return "state"
    if low in ("life",) and prev in ("his", "her") and i >= 2 and tokens[i - 2].low in _LOSE_FORMS:
        return "state"
    if low in _DEATH_STATES:
        if low in ("death",) or any(t.low in _NONE_BEFORE_DEATH for t in tokens[max(0, i - 3):i]):
            return None  # "injuring three women with no report of fatalities": none, not three
        return "state"
    return None


def _avenged(tokens: list[Token], i: int) -> bool:
    """Whether the death word at i names what an act avenges: a word of ``revenge_words`` followed by
    "for" or "of" ("in retaliation for the killing of"), or the verb "avenge", at most eight words before
    it with no punctuation between ("In revenge, gunmen killed two" is this event's toll): the act it
    names may come first ("in retaliation for an Israeli airstrike that killed three")."""
    for k in range(i - 1, max(-1, i - 9), -1):
        low = tokens[k].low
        if low in _RIGHT_STOPS or low == ",":
            return False
        if low in _REVENGE_WORDS and (low.startswith("aveng") or (k + 1 < i and tokens[k + 1].low in ("for", "of"))):
            return True
    return False


def _resultative_verb(tokens: list[Token], i: int) -> int | None:
    """The verb of "shot the driver dead", "left 12 people dead": a verb of ``resultative_before_dead``
    a short noun phrase before the "dead" at i, whose object (not its subject) is the dead; None when
    "dead" follows its verb at once ("was found dead") or a clause boundary comes first."""
    if tokens[i].low != "dead":
        return None
    for k in range(i - 1, max(-1, i - 8), -1):
        low = tokens[k].low
        if low in _RESULTATIVE_BEFORE_DEAD:  # not "left for dead": an object, not a preposition, follows
            return k if k < i - 1 and tokens[k + 1].low not in ("for", "to", "with") else None
        if low in _RIGHT_STOPS or low in (",", "and", "or") or low in _LEFT_STOPS or low in _AUX \
                or low in _INJURY or low in _KILL_VERBS:
            return None
    return None


def _resultative_claims(tokens: list[Token], verb: int, i: int, used: set[int], war_zone: bool) -> list[Claim]:
    """The dead of "V <object> dead": the object's count ("left at least 12 people dead"), one for a
    singular person, a pronoun or a name ("shot the driver dead", "shot him dead", "shot John Okello
    dead"); an uncounted plural or "them" gives no figure, and the verb's subject is never read."""
    j, end_at = verb + 1, tokens[i].end
    if j == i - 1 and tokens[j].low in ("him", "her"):
        return [Claim(1, 1, 1, tokens[j].start, end_at, "singular")]
    if _is_name(tokens, list(range(j, i))):
        return [Claim(1, 1, 1, tokens[j].start, end_at, "named")]
    claims: list[Claim] = []
    while j < i and not tokens[j].low[:1].isalnum():
        j += 1  # 'leaving "dozens" dead'
    while j < i:
        claim, after = _victim_phrase(tokens, j, used, war_zone, limit=i, trigger_end=end_at)
        if claim is None:
            break
        claims.append(claim)
        if after < i and tokens[after].low == "and":
            j = after + 1
            continue
        break
    if not claims and (bare := _bare_object(tokens, verb + 1)) is not None:
        claims.append(bare)  # "shot police officer dead" (headline style)
    return claims


def _starts_object(tokens: list[Token], j: int) -> bool:
    """True when an active verb at j-1 is followed by its victims rather than "by"/"in"/"."."""
    if j >= len(tokens):
        return False
    low = tokens[j].low
    if low in ("and",) and j + 1 < len(tokens) and (tokens[j + 1].low in _INJURY or tokens[j + 1].low.endswith("ing")):
        j += 2  # "killing and injuring a number of", "killing and robbing him": the object follows
        if j >= len(tokens):
            return False
        low = tokens[j].low
    return (
        _quantity_at(tokens, j) is not None
        or low in ("the", "a", "an", "his", "her", "their")
        or _bare_object(tokens, j) is not None
        or _named_object(tokens, j) is not None
    )


def _object_claims(tokens: list[Token], j: int, used: set[int], war_zone: bool) -> list[Claim]:
    """Victims to the right of an active verb, joined by "and" ("two soldiers and a civilian")."""
    if tokens[j].low == "and" and j + 1 < len(tokens) and (tokens[j + 1].low in _INJURY or tokens[j + 1].low.endswith("ing")):
        j += 2
    claims: list[Claim] = []
    while j < len(tokens):
        claim, end = _victim_phrase(tokens, j, used, war_zone)
        if claim is None:
            if not claims and (bare := _bare_object(tokens, j) or _named_object(tokens, j)) is not None:
                claims.append(bare)
            break
        if claims and _speaker_follows(tokens, j, end):
            break  # "killing three policemen, a local official said": the speaker, not a victim
        claims.append(claim)
        j = end
        if j < len(tokens) and tokens[j].low in ("and", ",") and j + 1 < len(tokens):
            nxt = tokens[j + 1].low
            if nxt in _INJURY or tokens[j + 1].low in _KILL_VERBS:
                break
            j += 1
            if j + 1 < len(tokens) and tokens[j].low in ("their", "his", "her", "its") and \
                    parse_number(tokens[j + 1].low) is not None:
                j += 1  # "six Jesuit priests and their two employees" ("a woman and her son" reads "her son")
            continue
        break
    return claims


def _subject_claims(tokens: list[Token], i: int, used: set[int], war_zone: bool) -> list[Claim]:
    """Counts to the left of a passive or intransitive death word, cut at "including"; past a long
    apposition when nothing stands right before the verb ("1 civilian, working as a cook on a
    military base, was kidnapped and killed")."""
    start = _skip_verb_group(tokens, i)
    if start >= 2 and tokens[start - 1].low in ("who", "that") and not any(t.low in _PROTEST_WORDS for t in tokens):
        # "the funeral of six priests who were killed on Thursday": the relative's antecedent (not in a
        # protest: "the family of a man who died in police custody staged a demonstration")
        start -= 1
    claims = _subject_window_claims(tokens, i, start, used, war_zone)
    if claims or start < 2 or tokens[start - 1].low != ",":
        return claims
    opening = next((p for p in range(start - 2, max(0, start - 14), -1) if tokens[p].low == ","), None)
    if opening is None:
        return claims
    return _subject_window_claims(tokens, i, opening, used, war_zone)


def _subject_window_claims(tokens: list[Token], i: int, start: int, used: set[int], war_zone: bool) -> list[Claim]:
    """The claims of the words before ``start`` (the subject's end) for the death word at ``i``."""
    window_end = start
    k = start - 1
    while k >= 0 and i - k <= 22:
        low = tokens[k].low
        if low == ")":
            k = _matching_open(tokens, k) - 1
            continue
        at_least = low == "at" and tokens[k + 1].low == "least"
        if low == "," and k == start - 1 and k > 0:
            k -= 1  # "1 civilian, a tribal elder, was killed": an apposition before the verb
            continue
        if low == "," and k > 0 and tokens[k + 1].low in _SUBSET_MARKERS:
            k -= 1  # "at least 12 people, including three children, were killed": the part of the count before
            continue
        if (low in _RIGHT_STOPS or low == "," or low in _LEFT_STOPS or low in _INJURY) and not at_least:
            break
        if low == "and" and k + 2 == window_end and parse_number(tokens[k + 1].low) is not None:
            break  # "three suspects fled and one was killed": a bare number after "and" is the whole subject
        k -= 1
    window = [n for n in range(k + 1, window_end) if not _in_parentheses(tokens, n, k + 1, window_end)]
    if [tokens[n].low for n in window[1:]] == [","] and k > 0 and tokens[k].low == "," \
            and parse_number(tokens[window[0]].low) is not None:
        return []  # "Jeffrey Brent Ball, 21, were murdered": a number set off by commas after a name is an age
    for m in window:
        if tokens[m].low in _SUBSET_MARKERS and any(parse_number(tokens[n].low) is not None for n in window if n < m):
            window = [n for n in window if n < m]
            break
    claims: list[Claim] = []
    relative = start < len(tokens) and tokens[start].low in ("who", "that")
    if relative:  # only the antecedent: "hundreds attended the funeral of [six soldiers] who were killed"
        cut = max((n for n in window if tokens[n].low in _ANTECEDENT_STOPS or tokens[n].low.endswith("ed")), default=-1)
        window = [n for n in window if n > cut]
    bare = _bare_person(tokens, window, tokens[i].end) or _named_person(tokens, window, tokens[i].end)
    if bare is not None:
        return [bare]
    j = 0
    while j < len(window):
        idx = window[j]
        if idx > 0 and tokens[idx - 1].low == "of" and j > 0 and not relative:
            j += 1  # "a father of four": the number qualifies a noun, it is not a victim count (but "the
            continue  # funeral of six priests who were killed" counts the priests the clause is about)
        claim, end = _victim_phrase(tokens, idx, used, war_zone, limit=window_end, trigger_end=tokens[i].end)
        if claim is not None:
            claims.append(claim)
            j = max(j + 1, end - window[0])
        else:
            j += 1
    return claims


_ANTECEDENT_STOPS = frozenset({"of", "for", "to", "with", "at", "in", "on", "by", "from", "about", "among"})


def _skip_verb_group(tokens: list[Token], i: int) -> int:
    """Step left over auxiliaries and coordinated participles ('were shot, hacked and ...')."""
    start = i
    while start > 0:
        low = tokens[start - 1].low
        if low in _AUX or low in ("to", "shot", "and", ",") and start - 1 < i:
            if low in ("and", ",") and not (start >= 2 and tokens[start - 2].low.endswith("ed")):
                break
            start -= 1
        elif (low in _WEEKDAYS or low in _MONTHS or low == "on" or low == "/" or
              (low[:1].isdigit() and _in_date(tokens, start - 1))) and start < i and tokens[start].low not in ("and", ","):
            start -= 1
        elif low.endswith("ed") and start - 1 < i and start >= 2 and tokens[start - 2].low in _AUX | {",", "and"}:
            start -= 1
        else:
            break
    return start


def _in_date(tokens: list[Token], k: int) -> bool:
    """Whether the number at k is part of a date ("on 22/12", "12 May"), not a count ("2 were killed"); a
    number written in words is no day ("on 24 May two citizens were murdered")."""
    if tokens[k].low.isalpha():
        return False
    dated = _MONTHS | {"on", "/"}
    return (k > 0 and tokens[k - 1].low in dated) or (k + 1 < len(tokens) and tokens[k + 1].low in dated)


def _matching_open(tokens: list[Token], k: int) -> int:
    """Index of the '(' that opens the parenthesis closing at k (k itself if none)."""
    depth = 0
    for m in range(k, -1, -1):
        if tokens[m].low == ")":
            depth += 1
        elif tokens[m].low == "(":
            depth -= 1
            if depth == 0:
                return m
    return k


def _in_parentheses(tokens: list[Token], n: int, lo: int, hi: int) -> bool:
    """Whether token n sits inside a parenthesis within [lo, hi): an aside, not the subject."""
    depth = 0
    for m in range(lo, n + 1):
        if tokens[m].low == "(":
            depth += 1
        elif tokens[m].low == ")":
            depth -= 1
    return depth > 0 or tokens[n].low in ("(", ")")


def _bare_person(tokens: list[Token], window: list[int], trigger_end: int) -> Claim | None:
    """Headline style: 'Police detective shot dead', 'he died' -> one victim."""
    if not window:
        return None
    last = tokens[window[-1]]
    if last.low in ("he", "she") or (last.low in _SINGULAR_PERSON and len(window) <= 4 and all(tokens[n].low not in ("a", "an", "the", "his", "her") and parse_number(tokens[n].low) is None for n in window)):
        return Claim(1, 1, 1, last.start, trigger_end, "singular")
    return None


def _is_name(tokens: list[Token], idx: list[int]) -> bool:
    """Two to four capitalised words that name a person ("Dony Opar", "Melitus Were"), not a group
    ("Islamic State", "Al Shabaab") or plural people ("Afghan Soldiers")."""
    return 2 <= len(idx) <= 4 and all(
        tokens[n].text[:1].isupper() and tokens[n].text[1:2].islower() and tokens[n].low not in _NOT_A_NAME
        for n in idx) and not tokens[idx[-1]].low.endswith("s")


def _named_object(tokens: list[Token], j: int) -> Claim | None:
    """'shooting dead Mwenda Itaeba, a Jubilee politician': one named victim (not after a noun: "riots
    over the beheading of Virginia Nyaiko" tell the grievance, not a death of the riots)."""
    if j > 0 and tokens[j - 1].low == "of":
        return None
    k = j
    while k < len(tokens) and k - j < 5 and tokens[k].text[:1].isupper():
        k += 1
    stop = k == len(tokens) or tokens[k].low in _RIGHT_STOPS or tokens[k].low in _NAME_STOPS
    return Claim(1, 1, 1, tokens[j].start, tokens[k - 1].end, "named") \
        if stop and _is_name(tokens, list(range(j, k))) else None


def _named_person(tokens: list[Token], window: list[int], trigger_end: int) -> Claim | None:
    """'Daniel Tiang was found dead': one named victim before the death word."""
    if not window or not _is_name(tokens, window):
        return None
    return Claim(1, 1, 1, tokens[window[0]].start, trigger_end, "named")


def _bare_object(tokens: list[Token], j: int) -> Claim | None:
    """'kills police officer', 'lynches robbery suspect': a singular noun without article."""
    for k in range(j, min(j + 4, len(tokens))):
        low = tokens[k].low
        if low in _SINGULAR_PERSON or low in ("him", "her"):
            return Claim(1, 1, 1, tokens[j].start, tokens[k].end, "singular")
        if low in _RIGHT_STOPS or low in (",", "and", "in", "at", "on", "by", "after", "while", "during", "near"):
            return None
        if low.endswith("s") and len(low) > 3 and not _singular_follows(tokens, k):
            return None  # a plural victim noun with no number: not a count
    return None


def _singular_follows(tokens: list[Token], k: int) -> bool:
    """'public works officer': a plural-looking modifier before a singular person noun."""
    nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
    return nxt in _SINGULAR_PERSON


def _toll_claim(tokens: list[Token], i: int, used: set[int]) -> list[Claim]:
    """'death toll rose to 12' / 'death toll of 12': the first number within a few words, or the
    number a toll 'rose to' further on ('the toll from Monday's bombing in ... rose to 20')."""
    for j in range(i + 1, min(len(tokens) - 1, i + 25)):
        if tokens[j].low in _TOLL_VERBS:
            for k in range(j + 1, min(len(tokens), j + 4)):
                q = _quantity_at(tokens, k)
                if q is not None and q[0] is not None and tokens[k].low not in ("a", "an"):
                    best, low, high, how, end = q
                    used.update(range(k, end))
                    return [Claim(best, low, high, tokens[i - 1].start, tokens[end - 1].end, how)]
    for j in range(i + 1, min(len(tokens), i + 7)):
        if j in used:
            continue
        q = _quantity_at(tokens, j)
        if q is not None and q[0] is not None:
            best, low, high, how, end = q
            used.update(range(j, end))
            return [Claim(best, low, high, tokens[i - 1].start, tokens[end - 1].end, how)]
        if tokens[j].low in _RIGHT_STOPS:
            break
    return []


def _speaker_follows(tokens: list[Token], j: int, end: int) -> bool:
    """Whether the phrase at ``j``..``end`` is the subject of a verb of speech that follows it, before any
    comma or "and": "killing three policemen, a local official said", "killing 15 soldiers, a spokesman
    for the local People's Defence Force (PDF) said on Sunday"."""
    for n in range(j, min(end + _SPEAKER_REACH, len(tokens))):
        if tokens[n].low in _SPEECH:
            return True
        if n >= end and tokens[n].low in (",", ".", ";", "and", "who", "which"):
            return False
    return False


#: how many words a speaker's title may run past its noun before the verb of speech
_SPEAKER_REACH = 14


def _victim_phrase(
    tokens: list[Token],
    j: int,
    used: set[int],
    war_zone: bool,
    *,
    limit: int | None = None,
    trigger_end: int | None = None,
) -> tuple[Claim | None, int]:
    """Read 'at least 3 soldiers' / 'a civilian' / 'several fighters' starting at token j."""
    if j in used:
        return None, j + 1
    q = _quantity_at(tokens, j)
    if q is None:
        return None, j + 1
    best, low, high, how, end = q
    head_end = _head_end(tokens, end, limit)
    head = [t.low for t in tokens[end:head_end]]
    if any(h in _NONPERSON for h in head[:4]):
        return None, j + 1
    if how in ("singular", "definite") and not _is_person(head):
        return None, j + 1
    if how == "anaphor":
        return None, head_end
    if best is None:  # vague quantity
        best, how = vague_default(war_zone), f"vague:{vague_default(war_zone)}"
        how = "vague"
    if how == "up to":  # only a ceiling is known: conservative like an uncounted toll
        best = min(best, vague_default(war_zone))
    used.update(range(j, end))
    stop = trigger_end if trigger_end is not None else tokens[max(head_end - 1, end - 1)].end
    return Claim(best, low, high, tokens[j].start, stop, how), head_end


def _head_end(tokens: list[Token], j: int, limit: int | None) -> int:
    """End of the noun phrase after a quantity: up to a preposition, verb-ish word or punctuation."""
    stop = min(len(tokens), j + 6, limit if limit is not None else len(tokens))
    k = j
    while k < stop:
        low = tokens[k].low
        if low in _RIGHT_STOPS or low in _HEAD_STOPS or low in _INJURY or low in _KILL_VERBS or low in _DEATH_STATES:
            break
        if low == "of" and k > j:
            break
        k += 1
    return k


def _is_person(head: list[str]) -> bool:
    """Whether a singular phrase names a person ('a man', 'an elderly farmer', 'the owner')."""
    for word in head[:6]:  # "a pro government tribal militia commander"
        if word in _SINGULAR_PERSON:
            return True
    if head:
        last = head[min(len(head), 4) - 1]
        return len(last) > 3 and last.endswith(_PERSON_SUFFIXES) and last not in _NOT_PERSON_ER
    return False
