"""Count the deaths an event report states, under ACLED's fatality rules (CODEBOOK section 4).

The stage reads plain text: it needs no parse, so it stays cheap and works on sentences the spaCy
stage skipped. A *claim* is one number tied to one death word ("36 ... killed", "killing 3 soldiers",
"death toll of 12"); the event's count is the sum of its claims. Why a rule-based reader:

* ACLED codes deaths only. Injuries, group sizes ("a crowd of 200"), ages, dates, calibres and
  distances are numbers too, so a number only counts when it is the subject of a passive or
  intransitive death word, or the object of an active killing verb.
* The vague cases follow the codebook: "several/many/an unknown number" is 10 in a war zone and 3
  elsewhere; "dozens" 12, "tens" 10, "hundreds" 100; "casualties" alone and "casualties unknown"
  are 0; a coder's "coded as N" wins over everything, and "split between K events" is recorded in
  ``how`` so the caller divides the total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from eventdesk.model import Fatalities, Span
from eventdesk.stages._quantities import MONTHS as _MONTHS
from eventdesk.stages._quantities import Token, parse_number, tokenize
from eventdesk.stages._quantities import quantity_at as _quantity_at

__all__ = ["count_fatalities", "declared_share", "vague_default", "states_coding"]

# Active verbs take their victims as objects ("killing 3 soldiers"); they read passive when
# followed by an auxiliary pattern on the left ("3 soldiers were killed").
_KILL_VERBS = frozenset(
    "kill killed killing kills murdered murdering slay slew slain slaying massacre "
    "massacred massacring massacres behead beheaded beheading beheads execute executed executing "
    "executes lynch lynched lynching lynches assassinate assassinated assassinating assassinates "
    "butcher butchered decapitate decapitated decapitating".split()
)
# States and nouns: the count stands to their left ("14 dead", "2 died", "5 fatalities").
_DEATH_STATES = frozenset(
    "dead died die dies perished perish deaths death fatalities fatality bodies corpses".split()
)
_AUX = frozenset(
    "was were is are be been being have has had got get reportedly allegedly also all later "
    "reported confirmed believed said subsequently both then found".split()
)
# A left-hand window stops at these: they open a new clause or a new participant.
_LEFT_STOPS = frozenset(
    "when after while as but which who that said says reported claimed where because before "
    "during following killing killed injuring injured wounding wounded by in on at".split()
)
_RIGHT_STOPS = frozenset("( ) ; : . ! ?".split())
_SUBSET_MARKERS = frozenset("including among of_whom".split())
_INJURY = frozenset(
    "injured injuring injure injures wounded wounding wound wounds hurt maimed injuries "
    "injury".split()
)
# Heads that make a number something other than people.
_NONPERSON = frozenset(
    "cattle cows goats sheep camels donkeys animals livestock heads head houses homes buildings "
    "vehicles cars shops km kilometres kilometers miles metres meters hours minutes days weeks "
    "months years percent per rounds bullets rockets shells mortars villages towns districts "
    "locations events attacks times acres hectares kg tons tonnes dollars shillings rupees "
    "points drones drone aircraft planes helicopters jets tanks missiles trees".split()
)
_SINGULAR_PERSON = frozenset(
    "man woman boy girl child baby person civilian soldier officer policeman policewoman "
    "farmer herder herdsman student pupil teacher journalist driver trader businessman "
    "shopkeeper owner villager resident fighter militant member commander leader chief elder "
    "suspect guard watchman worker worshipper passenger pedestrian motorist rider cyclist "
    "priest pastor imam cleric doctor nurse official politician councillor mp mca activist "
    "protester demonstrator rioter gunman assailant attacker robber thief bandit raider "
    "reservist recruit detective constable sergeant captain colonel general major lieutenant "
    "commando trooper policemen teenager youth husband wife son daughter father mother brother "
    "sister relative victim individual fisherman pastoralist refugee migrant national tourist "
    "employee engineer contractor lawyer judge chairman candidate agent informant "
    "supporter criminal convict boss spokesman spokesperson bystander musician miner "
    "herdboy husband taxi trader operator vendor hawker lecturer chef cook official "
    "policeman inspector commissioner administrator mayor governor senator legislator "
    "minister headman chief sheikh".split()
)
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "ant", "ent")
_NEGATION = re.compile(
    r"\b(no|without|zero|nil)\s+(?:\w+\s+){0,2}?(casualt\w*|fatalit\w*|deaths?|one\s+(?:was\s+)?"
    r"(?:killed|died|hurt)|lives\s+(?:were\s+)?lost|reports?\s+of\s+(?:fatalit\w*|deaths?|casualt\w*))|"
    r"\bnobody\s+(?:was\s+)?(?:killed|died)\b|\bno\s+one\s+(?:was\s+)?(?:killed|died|hurt)\b|"
    r"\bno\s+(?:one|body)\s+(?:was\s+)?(?:injured|hurt)\s+or\s+killed\b|"
    r"\b(?:did\s+not|didn't|failed\s+to)\s+(?:result|lead|cause)\w*\s+(?:in\s+|to\s+)?(?:any\s+)?"
    r"(?:casualt\w*|fatalit\w*|deaths?)",
    re.IGNORECASE,
)
_UNKNOWN = re.compile(
    r"(casualt\w*|fatalit\w*|deaths?|toll|outcome|losses)\s+(?:\w+\s+){0,2}?(?:unknown|unclear|"
    r"not\s+(?:yet\s+)?(?:reported|known|available|confirmed|specified|clear))|"
    r"\bno\s+(?:\w+\s+){0,2}?(?:casualty|fatality|death)\s+(?:figures?|toll|numbers?|counts?)\s+"
    r"(?:was|were|is|are)\s+(?:yet\s+)?(?:available|released|given|known)|"
    r"\bunknown\s+(?:casualt\w*|fatalit\w*)|"
    r"\bunclear\s+(?:whether|if)\s+(?:anyone|there\s+were)",
    re.IGNORECASE,
)
# "Reports on fatalities range from 2 to 4", "between five and 23 of them drowned"
_RANGE = re.compile(
    r"\b(?:fatalit\w*|deaths?|death toll|toll|dead|killed)\b[^.]{0,30}?\branges?d?\s+from\s+(\w+)\s+to\s+(\w+)|"
    r"\bbetween\s+(\w+)\s+and\s+(\w+)\s+(?:of\s+them\s+|people\s+|persons\s+)?(?:\w+\s+){0,2}"
    r"(?:died|drowned|were\s+killed|killed|dead|perished)\b",
    re.IGNORECASE,
)
_CASUALTIES = re.compile(r"\bcasualt(?:y|ies)\b", re.IGNORECASE)
_CODED_AS = re.compile(
    r"\b(?:fatalit\w*|deaths?|killed|dead)\b[^.]{0,80}?\bcoded\s+as\s+(\d+)", re.IGNORECASE
)
_SPLIT = re.compile(
    r"\b(?:split|spread|divided|distributed|coded)(?:\s+up)?\s+(?:evenly\s+)?(?:between|across|among|over|"
    r"into)\s+(?:the\s+)?(\w+)\s+(?:separate\s+)?(?:events|locations|rows|days|incidents|places)"
    r"(?:\s*\((\d+)\))?",  # "split across 3 events (4)": the coder's figure for this row
    re.IGNORECASE,
)
_VAGUE_EVENT = re.compile(
    r"\b(?:incurr\w*|caus\w*|suffer\w*|inflict\w*|result\w*\s+in|leav\w*|left)\s+(?:\w+\s+){0,2}?"
    r"(?:fatalities|deaths|dead)\b|\bfatalities\s+(?:and\s+injuries\s+)?on\s+both\s+sides\b|"
    r"\bkill\w*\s+and\s+(?:injur\w*|wound\w*)\s+(?:a\s+number|an\s+unknown|several|many|some|"
    r"dozens|scores|numerous)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Claim:
    """One death figure read from the text; start/end are offsets into the article text."""

    best: int
    low: int | None
    high: int | None
    start: int
    end: int
    how: str


def states_coding(sentence: str) -> bool:
    """Whether a sentence is a coder's "fatalities coded as N" or "fatalities split between 8
    events" statement (ACLED-style notes)."""
    return _CODED_AS.search(sentence) is not None or (
        _SPLIT.search(sentence) is not None and re.search(r"\b(?:fatalit|death|casualt)", sentence, re.I) is not None)


def vague_default(war_zone: bool) -> int:
    """ACLED's figure for deaths that happened but were not counted: 10 in a war zone, else 3."""
    return 10 if war_zone else 3


def count_fatalities(text: str, spans: Sequence[Span], *, war_zone: bool = False) -> Fatalities:
    """Count the deaths stated by the sentences ``spans`` of ``text`` (an article's cleaned text).

    Claims in all sentences are added up: ACLED notes and short reports list different victims
    in different clauses ("1 officer was killed ... 3 rioters killed"). Anaphoric repeats
    ("the two victims", "both") are not claims, so a restatement is not counted twice.
    """
    if not spans:
        return Fatalities()
    article_id = spans[0].article_id
    pieces = [piece for s in spans for piece in _sentences(text, s.start, s.end)]
    joined = " ".join(p for _, p in pieces)

    coded = _coded_override(pieces, article_id)
    if coded is not None:
        return coded

    claims = _drop_restatements([_claims_in(piece, start, war_zone) for start, piece in pieces])
    split = _SPLIT.search(joined)
    numeric = [c for c in claims if c.how != "vague"]
    if numeric:
        return _combine(numeric, article_id, split)
    ranged = _RANGE.search(joined)
    bounds = [g for g in ranged.groups() if g is not None] if ranged is not None else []
    if len(bounds) == 2 and (lo := parse_number(bounds[0])) is not None \
            and (hi := parse_number(bounds[1])) is not None and lo <= hi:
        span = _first_match_span(pieces, _RANGE)
        return Fatalities(lo, lo, hi, Span(article_id, *span), "range")  # ACLED: the lowest credible
    unknown = _first_match_span(pieces, _UNKNOWN)
    if unknown is not None:
        return Fatalities(0, None, None, Span(article_id, *unknown), "unknown")
    if any(_NEGATION.search(p) for _, p in pieces):
        start, end = _first_match_span(pieces, _NEGATION)
        return Fatalities(0, 0, 0, Span(article_id, start, end), "none")
    if claims:
        return _combine(claims, article_id, split)
    single = _first_match_span(pieces, _SINGLE_VICTIM)
    if single is not None:
        # "a former bodyguard who worked for ... was shot dead": a singular subject too far from
        # its verb for the victim phrase reader
        return Fatalities(1, 1, 1, Span(article_id, *single), "singular subject")
    vague = _first_match_span(pieces, _VAGUE_EVENT)
    if vague is not None:
        n = vague_default(war_zone)
        return Fatalities(n, None, None, Span(article_id, *vague), f"vague:{n}")
    casualties = _first_match_span(pieces, _CASUALTIES)
    if casualties is not None:
        return Fatalities(0, None, None, Span(article_id, *casualties), "casualties only")
    return Fatalities(0, None, None, None, "none reported")


_SINGLE_VICTIM = re.compile(
    r"(?<!\bno one )(?<!\bnobody )(?<!\bnone )\b(?:was|has been|had been) (?:reportedly |allegedly |later |also )?"
    r"(?:shot dead|shot and killed|killed|murdered|assassinated|beheaded|lynched|gunned down|executed|"
    r"(?:hacked|stabbed|beaten|burnt|burned|clubbed|tortured) to death)\b(?! or (?:wounded|injured))|"
    # "shot a civilian ..., resulting in his death", "which resulted in the death of the local"
    r"\bresult(?:ing|ed) in (?:his|her|the) death\b(?! of (?:\d|two|three|four|five|six|several|many|dozens))|"
    r"\b(?:a|one) (?:prisoner|detainee|man|woman|child|civilian|soldier|policeman|resident) (?:later )?died\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\[(\"'])")
_PROTEST_WORDS = frozenset(
    "protest protested protesting protests protesters demonstrated demonstrate demonstration "
    "condemn condemned denounce denounced against over mourn mourned justice".split()
)
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday night morning evening".split()
)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Split a span into sentences so a later restatement ("3 fatalities.") is seen as one."""
    chunk = text[start:end]
    out: list[tuple[int, str]] = []
    last = 0
    for m in _SENTENCE_END.finditer(chunk):
        out.append((start + last, chunk[last : m.start()]))
        last = m.end()
    out.append((start + last, chunk[last:]))
    return [(s, p) for s, p in out if p.strip()]


def _drop_restatements(per_sentence: list[list[_Claim]]) -> list[_Claim]:
    """Keep each death once: a later sentence repeating an earlier figure ("... 2 fatalities."),
    and a definite singular ("the victim died") next to a counted victim, are restatements."""
    kept: list[_Claim] = []
    seen: set[int] = set()
    for claims in per_sentence:
        fresh = [c for c in claims if not (c.best in seen and c.how != "vague")]
        kept.extend(fresh)
        seen.update(c.best for c in claims)
    if any(c.how != "definite" for c in kept):
        kept = [c for c in kept if c.how != "definite"]
    return kept


def _coded_override(pieces: list[tuple[int, str]], article_id: str) -> Fatalities | None:
    """A coder's explicit "fatalities coded as N" decides the total (before any split)."""
    for start, piece in pieces:
        m = _CODED_AS.search(piece)
        if m is None:
            continue
        n = int(m.group(1))
        how = "coded"
        split = _SPLIT.search(piece[m.start() :])
        if split is not None and (k := parse_number(split.group(1))) is not None:
            how = _split_how(n, k, split)
        return Fatalities(n, None, None, Span(article_id, start + m.start(), start + m.end()), how)
    return None


def _combine(claims: list[_Claim], article_id: str, split: re.Match[str] | None) -> Fatalities:
    """Add claims up; low/high stay known only if every claim knows them."""
    best = sum(c.best for c in claims)
    low = None if any(c.low is None for c in claims) else sum(c.low or 0 for c in claims)
    high = None if any(c.high is None for c in claims) else sum(c.high or 0 for c in claims)
    span = Span(article_id, min(c.start for c in claims), max(c.end for c in claims))
    hows = sorted({c.how for c in claims})
    how = "+".join(hows)
    if split is not None and (k := parse_number(split.group(1))) is not None:
        how = _split_how(best, k, split)
    return Fatalities(best, low, high, span, how)


def _split_how(total: int, k: int, split: re.Match[str]) -> str:
    """"split:20/3", or "split:14/3=4" when the note gives this row's figure."""
    return f"split:{total}/{k}" + (f"={split.group(2)}" if split.group(2) else "")


def declared_share(deaths: Fatalities) -> Fatalities:
    """The deaths of one row of a toll the report says is split across several events, when only
    one of them is extracted: the row's own figure if the note gives it, else the share most rows
    get (ACLED divides evenly, the remainder to the first rows: 20 over 3 -> 7/7/6 -> 7; a tie goes to
    the first rows: 1 over 2 -> 1/0 -> 1)."""
    m = re.match(r"split:(\d+)/(\d+)(?:=(\d+))?", deaths.how)
    if m is None or int(m.group(2)) < 2:
        return deaths
    total, k = int(m.group(1)), int(m.group(2))
    share = int(m.group(3)) if m.group(3) else total // k + (1 if 2 * (total % k) >= k else 0)
    return replace(deaths, best=share, low=None if deaths.low is None else share,
                   high=None if deaths.high is None else share, how=f"{deaths.how}; this row {share}")


def _first_match_span(pieces: list[tuple[int, str]], pattern: re.Pattern[str]) -> tuple[int, int] | None:
    for start, piece in pieces:
        m = pattern.search(piece)
        if m is not None:
            return start + m.start(), start + m.end()
    return None


def _claims_in(sentence: str, offset: int, war_zone: bool) -> list[_Claim]:
    """All death claims in one sentence; each number is used at most once."""
    tokens = tokenize(sentence, offset)
    used: set[int] = set()
    claims: list[_Claim] = []
    for i, tok in enumerate(tokens):
        trigger = _trigger_kind(tokens, i)
        if trigger is None:
            continue
        if trigger == "toll":
            found = _toll_claim(tokens, i, used)
        elif trigger == "active" and _starts_object(tokens, i + 1 + (tokens[i + 1 : i + 2] != [] and tokens[i + 1].low == "of")):
            found = _object_claims(tokens, i + 1 + (tokens[i + 1].low == "of"), used, war_zone)
        else:
            found = _subject_claims(tokens, i, used, war_zone)
        claims.extend(found)
    return claims


def _trigger_kind(tokens: list[Token], i: int) -> str | None:
    """Classify token i as a death trigger: 'active' verb, 'state' word, 'toll', or None."""
    low = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].low if i > 0 else ""
    if low == "toll" and prev == "death":
        return "toll"
    if prev == "feared" or (nxt == "or" and i + 2 < len(tokens) and tokens[i + 2].low in _INJURY):
        return None  # unconfirmed ("feared dead") or not separable ("killed or wounded")
    if low in ("dead", "death") and prev in ("shot", "shooting", "to"):
        return "active"
    if low in ("death", "deaths", "killing", "killings", "murder", "murders") and nxt == "of":
        if any(t.low in _PROTEST_WORDS for t in tokens[:i]):
            return None  # "protest the killing of X": the grievance, not this event's toll
        return "active"
    if low in ("body", "bodies", "corpse", "corpses", "remains") and nxt == "of":
        return "active"
    if low in ("shot", "stabbed", "wounded", "injured", "assaulted", "beaten") and prev == "fatally":
        return "active"  # "fatally shot the leader"
    if low in ("shot", "shooting", "gunned") and nxt in ("dead", "down"):
        return None  # the following "dead"/"down" carries the trigger
    if low == "down" and prev in ("gunned", "gunning", "cut", "mowed"):
        return "active"
    if low == "death" and nxt == "toll":
        return None
    if low in _KILL_VERBS:
        if nxt == "to" and i + 2 < len(tokens) and tokens[i + 2].low == "death":
            return None
        return "active"
    if low == "lives" and prev in ("their", "his", "her") and i >= 2 and tokens[i - 2].low in ("lost", "lose", "losing"):
        return "state"
    if low in ("life",) and prev in ("his", "her") and i >= 2 and tokens[i - 2].low in ("lost", "lose", "losing"):
        return "state"
    if low in _DEATH_STATES:
        if low in ("death",) or any(t.low in ("no", "without", "zero", "nil") for t in tokens[max(0, i - 3):i]):
            return None  # "injuring three women with no report of fatalities": none, not three
        return "state"
    return None


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
    )


def _object_claims(tokens: list[Token], j: int, used: set[int], war_zone: bool) -> list[_Claim]:
    """Victims to the right of an active verb, joined by "and" ("two soldiers and a civilian")."""
    if tokens[j].low == "and" and j + 1 < len(tokens) and (tokens[j + 1].low in _INJURY or tokens[j + 1].low.endswith("ing")):
        j += 2
    claims: list[_Claim] = []
    while j < len(tokens):
        claim, end = _victim_phrase(tokens, j, used, war_zone)
        if claim is None:
            if not claims and (bare := _bare_object(tokens, j)) is not None:
                claims.append(bare)
            break
        if claims and any(tokens[n].low in _SPEECH for n in range(j, min(end + 1, len(tokens)))):
            break  # "killing three policemen, a local official said": the speaker, not a victim
        claims.append(claim)
        j = end
        if j < len(tokens) and tokens[j].low in ("and", ",") and j + 1 < len(tokens):
            nxt = tokens[j + 1].low
            if nxt in _INJURY or tokens[j + 1].low in _KILL_VERBS:
                break
            j += 1
            continue
        break
    return claims


def _subject_claims(tokens: list[Token], i: int, used: set[int], war_zone: bool) -> list[_Claim]:
    """Counts to the left of a passive or intransitive death word, cut at "including"."""
    start = _skip_verb_group(tokens, i)
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
        if (low in _RIGHT_STOPS or low == "," or low in _LEFT_STOPS or low in _INJURY) and not at_least:
            break
        k -= 1
    window = [n for n in range(k + 1, window_end) if not _in_parentheses(tokens, n, k + 1, window_end)]
    for m in window:
        if tokens[m].low in _SUBSET_MARKERS and any(parse_number(tokens[n].low) is not None for n in window if n < m):
            window = [n for n in window if n < m]
            break
    claims: list[_Claim] = []
    bare = _bare_person(tokens, window, tokens[i].end)
    if bare is not None:
        return [bare]
    j = 0
    while j < len(window):
        idx = window[j]
        if idx > 0 and tokens[idx - 1].low == "of" and j > 0:
            j += 1  # "a father of four": the number qualifies a noun, it is not a victim count
            continue
        claim, end = _victim_phrase(tokens, idx, used, war_zone, limit=window_end, trigger_end=tokens[i].end)
        if claim is not None:
            claims.append(claim)
            j = max(j + 1, end - window[0])
        else:
            j += 1
    return claims


def _skip_verb_group(tokens: list[Token], i: int) -> int:
    """Step left over auxiliaries and coordinated participles ('were shot, hacked and ...')."""
    start = i
    while start > 0:
        low = tokens[start - 1].low
        if low in _AUX or low in ("to", "shot", "and", ",") and start - 1 < i:
            if low in ("and", ",") and not (start >= 2 and tokens[start - 2].low.endswith("ed")):
                break
            start -= 1
        elif (low in _WEEKDAYS or low in _MONTHS or low == "on" or low == "/" or low[:1].isdigit()) and start < i and tokens[start].low not in ("and", ","):
            start -= 1
        elif low.endswith("ed") and start - 1 < i and start >= 2 and tokens[start - 2].low in _AUX | {",", "and"}:
            start -= 1
        else:
            break
    return start


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


def _bare_person(tokens: list[Token], window: list[int], trigger_end: int) -> _Claim | None:
    """Headline style: 'Police detective shot dead', 'he died' -> one victim."""
    if not window:
        return None
    last = tokens[window[-1]]
    if last.low in ("he", "she") or (last.low in _SINGULAR_PERSON and len(window) <= 4 and all(tokens[n].low not in ("a", "an", "the", "his", "her") and parse_number(tokens[n].low) is None for n in window)):
        return _Claim(1, 1, 1, last.start, trigger_end, "singular")
    return None


def _bare_object(tokens: list[Token], j: int) -> _Claim | None:
    """'kills police officer', 'lynches robbery suspect': a singular noun without article."""
    for k in range(j, min(j + 4, len(tokens))):
        low = tokens[k].low
        if low in _SINGULAR_PERSON or low in ("him", "her"):
            return _Claim(1, 1, 1, tokens[j].start, tokens[k].end, "singular")
        if low in _RIGHT_STOPS or low in (",", "and", "in", "at", "on", "by", "after", "while", "during", "near"):
            return None
        if low.endswith("s") and len(low) > 3 and not _singular_follows(tokens, k):
            return None  # a plural victim noun with no number: not a count
    return None


def _singular_follows(tokens: list[Token], k: int) -> bool:
    """'public works officer': a plural-looking modifier before a singular person noun."""
    nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
    return nxt in _SINGULAR_PERSON


_SPEECH = frozenset("said says told added stated reported announced according".split())
_TOLL_VERBS = frozenset("rose rises risen climbed climbs reached increased jumped stands stood".split())


def _toll_claim(tokens: list[Token], i: int, used: set[int]) -> list[_Claim]:
    """'death toll rose to 12' / 'death toll of 12': the first number within a few words, or the
    number a toll 'rose to' further on ('the toll from Monday's bombing in ... rose to 20')."""
    for j in range(i + 1, min(len(tokens) - 1, i + 25)):
        if tokens[j].low in _TOLL_VERBS:
            for k in range(j + 1, min(len(tokens), j + 4)):
                q = _quantity_at(tokens, k)
                if q is not None and q[0] is not None and tokens[k].low not in ("a", "an"):
                    best, low, high, how, end = q
                    used.update(range(k, end))
                    return [_Claim(best, low, high, tokens[i - 1].start, tokens[end - 1].end, how)]
    for j in range(i + 1, min(len(tokens), i + 7)):
        if j in used:
            continue
        q = _quantity_at(tokens, j)
        if q is not None and q[0] is not None:
            best, low, high, how, end = q
            used.update(range(j, end))
            return [_Claim(best, low, high, tokens[i - 1].start, tokens[end - 1].end, how)]
        if tokens[j].low in _RIGHT_STOPS:
            break
    return []


def _victim_phrase(
    tokens: list[Token],
    j: int,
    used: set[int],
    war_zone: bool,
    *,
    limit: int | None = None,
    trigger_end: int | None = None,
) -> tuple[_Claim | None, int]:
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
    return _Claim(best, low, high, tokens[j].start, stop, how), head_end


# words that end the noun phrase after a number ("8 residents across the villages": residents)
_HEAD_STOPS = frozenset(
    ", and or in on at by from during when after while were was are is had have has across among throughout "
    "within near inside along around between into".split()
)


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
        return len(last) > 3 and last.endswith(_PERSON_SUFFIXES) and last not in ("number", "order", "other", "matter", "quarter", "water", "center", "centre", "border", "corner", "attempt")
    return False
