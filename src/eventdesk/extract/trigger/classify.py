"""Event type and sub-event type, with ACLED's names and hierarchy.

Cues (``data/rules/cues.json``, read by :func:`eventdesk.rules.cue_table`) are regular expressions over
the event's text, grouped by the sub-event type they signal. The decision follows ACLED's codebook (``shared/CODEBOOK.md`` section 1):

* Battles > Protests > Riots > Explosions/Remote violence > Violence against civilians > Strategic
  developments; within a type, sub-types are ranked as the codebook lists them.
* An exchange of fire outranks the bomb that started it; a one-sided bomb attack stays E/RV.
* A "clash" between organised armed sides (forces, militants, communal militias) is Battles; between
  crowds (supporters, students, youths) or a crowd and the police it is Riots.
* Whether a one-sided attack is Battles or violence against civilians depends on its target: an
  attack on soldiers, police, posts or militants is Battles, one on unarmed people is VAC.
* A demonstration whose members stone, burn tyres, barricade or fight is one Riots event; tear gas,
  dispersal or arrests alone make Protest with intervention; lethal force makes Excessive force.
* A crowd killing or beating someone outside a demonstration (lynching, vigilantes) is Mob violence.

Who takes part (civilians, crowds or armed men around a cue, who is harmed) is read in ``_participants``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from eventdesk._literals import LiteralFilter
from eventdesk.rules import cue_table
from eventdesk.extract.trigger._participants import crowd_before as _crowd_before, crowd_party as _crowd_party, \
    kind as _kind, makers as _makers, people, sentence_bounds, victims as _victims

__all__ = ["Classification", "all_cues", "classify", "cues", "EVENT_TYPES", "SUB_EVENT_TYPES"]

BATTLES = "Battles"
PROTESTS = "Protests"
RIOTS = "Riots"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"
SD = "Strategic developments"

EVENT_TYPES = (BATTLES, PROTESTS, RIOTS, ERV, VAC, SD)
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    PROTESTS: ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    ERV: (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    SD: (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}

# ACLED inter codes of organised armed actors (state, rebel, political and identity militia, external)
_ARMED_CODES = frozenset({1, 2, 3, 4, 8})

_ERV_ORDER = (
    ("chemical", "Chemical weapon"),
    ("air", "Air/drone strike"),
    ("suicide", "Suicide bomb"),
    ("shelling", "Shelling/artillery/missile attack"),
    ("ied", "Remote explosive/landmine/IED"),
    ("grenade", "Grenade"),
    ("strike", "Air/drone strike"),  # a strike with no weapon named: last, any named weapon says more
)
_SD_ORDER = (
    ("agreement", "Agreement"),
    ("sd_arrest", "Arrests"),
    ("hq", "Headquarters or base established"),
    ("transfer", "Non-violent transfer of territory"),
    ("looting", "Looting/property destruction"),
    ("change", "Change to group/activity"),
    ("other", "Other"),
)
# the cues of strategic developments: the sub-types above and a disrupted weapons use
_SD_CUES = frozenset(name for name, _ in _SD_ORDER) | {"disrupted"}


@dataclass(frozen=True)
class Classification:
    event_type: str
    sub_event_type: str
    cue: str  # the name of the cue that decided
    start: int  # offsets of the deciding words inside the text given to classify()
    end: int


@dataclass(frozen=True)
class _Rx:
    """Every compiled pattern the classifier uses (built once, see :func:`_rx`)."""

    cues: dict[str, re.Pattern[str]]
    masks: tuple[re.Pattern[str], ...]
    seizures: tuple[re.Pattern[str], ...]
    remote: frozenset[str]  # the cue names of explosions / remote violence
    grievance: re.Pattern[str]
    victim_active: re.Pattern[str]
    victim_passive: re.Pattern[str]
    state_agent: re.Pattern[str]
    armed: re.Pattern[str]
    civil: re.Pattern[str]
    crowd_party: re.Pattern[str]
    mood_before: re.Pattern[str]  # a mood that ends the text: "causing alarm [among the residents]"
    communal: re.Pattern[str]
    nonstate_arrest: re.Pattern[str]
    kill: re.Pattern[str]
    carriers: re.Pattern[str]
    small_arms: re.Pattern[str]
    followers: re.Pattern[str]
    detonation: re.Pattern[str]
    mishap: re.Pattern[str]
    protest_weak: re.Pattern[str]
    storming: re.Pattern[str]
    ambush: re.Pattern[str]
    ground_assault: re.Pattern[str]  # words of the attack cue that tell an assault, not its result
    state: re.Pattern[str]
    raiding_sides: re.Pattern[str]  # a raiding side named as the raid's agent
    search_raid: re.Pattern[str]  # a raid word beside the premises it is made on
    active_raid: re.Pattern[str]  # "X raided the office", "tried to raid the office": an agent's act
    raid_spoils: re.Pattern[str]
    armed_harmed: re.Pattern[str]
    civil_harmed: re.Pattern[str]
    mentioned: re.Pattern[str]  # acts named without being told (``_told``)
    days_before: re.Pattern[str]  # an earlier act in a clause of time that counts the days since it (``_told``)




_OFF_DUTY = re.compile(cue_table().nouns["off_duty"], re.IGNORECASE)


def _went_off_besides(t: str, disrupted: re.Match[str], rx: _Rx) -> bool:
    """A device that went off, told outside the words of the one foiled, and no accident."""
    return not rx.mishap.search(t) and any(not disrupted.start() <= d.start() < disrupted.end()
                                           for d in rx.detonation.finditer(t))


_PREMATURE = re.compile(cue_table().nouns["premature"], re.IGNORECASE)
# the premature cue's interceptions: a weapon stopped in flight, while others may have struck
_INTERCEPTED = re.compile(r"\b(?:intercepted|shot down)\b", re.IGNORECASE)


# armed people on the receiving end: "its units had come under attack", "ten PMF fighters killed",
# "three soldiers were wounded" -> an attack on an organised armed side is a battle
def _armed_harmed(armed_noun: str) -> re.Pattern[str]:
    """Armed people on the receiving end, named by ``cues.json``'s ``armed_harmed`` nouns."""
    return re.compile(cue_table().nouns["armed_harmed_frames"].replace("{armed}", armed_noun), re.IGNORECASE)


@cache
def _rx() -> _Rx:
    i = re.IGNORECASE
    table = cue_table()
    armed, civil, crowd = table.nouns["armed"], table.nouns["civil"], table.nouns["crowd"]
    verb, state = table.nouns["harm_verbs"], table.nouns["state_agents"]
    return _Rx(
        cues={k: re.compile(v, i) for k, v in table.cues.items()},
        masks=tuple(re.compile(m) for m in table.masks),
        seizures=tuple(re.compile(m, i) for m in table.seizures),
        remote=frozenset(name for name, _ in _ERV_ORDER),
        grievance=re.compile(table.grievance, i),
        victim_active=re.compile(rf"\b{verb}\b(?!\s+by\b)((?:\s+[\w'.-]+){{0,6}})", i),  # "U.S." one word
        victim_passive=re.compile(rf"\b(?:was|were|been|being|got)\s+(?:\w+\s+)?{verb}", i),
        state_agent=re.compile(
            rf"\b{state}\s+(?:[\w'-]+\s+){{0,3}}?{verb}|\bby\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+){{0,2}}{state}", i
        ),
        armed=re.compile(rf"\b{armed}\b", i),
        civil=re.compile(rf"\b{civil}\b", i),
        crowd_party=re.compile(table.nouns["crowd_party_frames"].replace("{crowd}", crowd), i),
        mood_before=re.compile(rf"\b{table.nouns['moods']}\s+$", i),
        communal=re.compile(table.nouns["communal"], i),
        nonstate_arrest=re.compile(table.nouns["nonstate_arrest"], i),
        kill=re.compile(table.nouns["harm_words"], i),
        small_arms=re.compile(rf"\b{table.nouns['small_arms']}\b", i),
        followers=re.compile(rf"\b{table.nouns['followers']}\b", i),
        detonation=re.compile(rf"\b{table.nouns['detonation']}\b", i),
        mishap=re.compile(rf"\b{table.nouns['mishap']}\b", i),
        protest_weak=re.compile(rf"{table.nouns['protest_weak']}", i),
        storming=re.compile(rf"{table.nouns['storming']}", i),
        ambush=re.compile(rf"{table.nouns['ambush']}", i),
        ground_assault=re.compile(rf"{table.nouns['ground_assault']}", i),
        state=re.compile(rf"\b{state}\b", i),
        raiding_sides=re.compile(
            table.nouns["raiding_side_frames"].replace("{raiding_sides}", table.nouns["raiding_sides"]), i),
        search_raid=re.compile(rf"\braid(?:s|ed)?\b(?:,?\s+[\w'-]+){{0,10}}?,?\s+{table.nouns['raided_premises']}\b|"
                               rf"\b{table.nouns['raided_premises']}\s+(?:[\w'-]+\s+){{0,3}}?raided\b", i),
        active_raid=re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )\braid(?:ed|ing)?\s+(?!by\b)"
                               r"(?:the|a|an|his|her|their|its|our|several|some|two|three|four|five|\d+|[\w-]+['’]s)\b", i),
        raid_spoils=re.compile(rf"\b{table.nouns['raid_spoils']}\b", i),
        armed_harmed=_armed_harmed(table.nouns["armed_harmed"]),
        civil_harmed=re.compile(table.nouns["civil_harmed"], i),
        carriers=re.compile(table.nouns["carriers"], i),
        mentioned=re.compile(table.nouns["mentioned_acts"], i),
        days_before=re.compile(table.nouns["acts_days_before"], i),
    )


def _mask(text: str, rx: _Rx) -> str:
    """``text`` with dates and bookkeeping blanked out; the same length, so offsets still hold.
    A mask whose required words (``eventdesk._literals``) are not in the text cannot match and is
    not run; the candidates are read again after a mask blanked something."""
    masks = _filters().masks
    may = masks.candidates(text)
    for i, m in enumerate(rx.masks):
        if i in may:
            blanked = m.sub(lambda x: " " * len(x.group(0)), text)
            if blanked != text:
                text = blanked
                may = masks.candidates(text)
    return text


@cache
def _any_cue() -> re.Pattern[str]:
    """Every cue in one alternation: what ``has_cue`` answers (kept as its reference in the tests)."""
    return re.compile("|".join(f"(?:{v})" for v in cue_table().cues.values()), re.IGNORECASE)


@dataclass(frozen=True)
class _Filters:
    """Literal pre-filters (``eventdesk._literals``): which cues and masks can match a text at all."""

    cues: LiteralFilter
    masks: LiteralFilter  # keyed by the mask's index in ``_Rx.masks``
    seizures: LiteralFilter  # keyed by the pattern's index in ``_Rx.seizures``
    crowd_party: LiteralFilter  # ``_Rx.crowd_party`` alone: a long pattern searched in every classification
    armed_harmed: LiteralFilter  # ``_Rx.armed_harmed`` alone: the longest pattern, searched for most attacks


@cache
def _filters() -> _Filters:
    rx = _rx()
    # one scan of a text for all five (a sentence is masked, then tested for cues, seizures and parties)
    return _Filters(*LiteralFilter.sharing(rx.cues, dict(enumerate(rx.masks)), dict(enumerate(rx.seizures)),
                                           {"crowd_party": rx.crowd_party}, {"armed_harmed": rx.armed_harmed}))


def _harms_armed(t: str, rx: _Rx) -> bool:
    """Whether ``rx.armed_harmed`` matches ``t``, its required words tested first (most texts have none
    of them, and the pattern is a long alternation of frames: a tenth of the time of the search)."""
    return bool(_filters().armed_harmed.candidates(t)) and rx.armed_harmed.search(t) is not None


@lru_cache(maxsize=8192)
def has_cue(text: str) -> bool:
    """Whether any cue of any type occurs: the cheap test that decides which sentences are worth a
    statistical parse. ``classify`` can only type sentences that pass it. Only the cues whose
    required words occur are searched (the same answer as one search of ``_any_cue``, at a
    fraction of the cost). Cached like `_scan_cached`: wire copy and boilerplate repeat sentences
    across articles."""
    t = _masked(text)
    may = _filters().cues.candidates(t)
    return any(pat.search(t) for name, pat in _rx().cues.items() if name in may)


@lru_cache(maxsize=8192)
def _masked(text: str) -> str:
    return _mask(text, _rx())


def cues(text: str) -> dict[str, re.Match[str]]:
    """The first match of every cue found in ``text`` (after masking dates and bookkeeping)."""
    return _scan(text, _rx())[1]


def all_cues(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every match of every cue found in ``text``, not only the first: "a spate of attacks ..., the
    deadliest of which saw ten fighters killed in a five-pronged assault on May 2" has a second
    attack word that reports one act."""
    t, found = _scan_cached(text)
    rx = _rx()
    out = []
    for name, first in found.items():
        out.append((name, first))
        out.extend((name, m) for m in rx.cues[name].finditer(t, first.end()))
    return out


def _scan(text: str, rx: _Rx) -> tuple[str, dict[str, re.Match[str]]]:
    """The masked text and the first match of every cue in it."""
    return _scan_cached(text)


@lru_cache(maxsize=8192)
def _scan_cached(text: str, grievance: bool = True) -> tuple[str, dict[str, re.Match[str]]]:
    """Pure function of the text, cached: a sentence is scanned by the pre-parse test, then by
    the classification of its candidate, then by the classification of its group. ``grievance=False``
    reads what a protest is against as well (``classify``: a protest that is an armed side's purpose)."""
    rx = _rx()
    t = _masked(text)
    if grievance and "protest" in _filters().cues.candidates(t) and rx.cues["protest"].search(t):
        t = rx.grievance.sub(lambda x: x.group(1) + " " * (len(x.group(0)) - len(x.group(1))), t)
    t = _told(t, rx)
    return t, _found(t, rx)


def _told(t: str, rx: _Rx) -> str:
    """``t`` with the acts it names without telling them blanked (``cues.json``'s ``mentioned_acts``: the
    act another answers, a past act that describes a person, an offensive answered), when a cue
    is left: "they burned the bus in reprisal for the killing of the leader" tells a burning; "the bodies
    of the murdered journalists were found" keeps its killing. So is an earlier act told in a clause that counts
    the days since it (``acts_days_before``), beside an act or a protest of the sentence's own: "... in air strikes
    near the town, days after rebels claimed to have killed scores of soldiers in fighting there"."""
    t = _blank_if_told(t, rx.mentioned, rx, lambda name: True)
    # an earlier act in a clause that counts the days since it: only beside an act of the sentence's own
    return _blank_if_told(t, rx.days_before, rx, lambda name: name not in _SD_CUES)


def _blank_if_told(t: str, pattern: re.Pattern[str], rx: _Rx, counts) -> str:
    """``t`` with what ``pattern`` matches blanked, when a cue whose name ``counts`` is left after it."""
    if not pattern.search(t):
        return t
    # letters made x, not spaces: the words still count in the gaps of the patterns ("burned [the murdered]
    # peasants' houses"), and the offsets hold
    blanked = pattern.sub(lambda x: re.sub(r"\w", "x", x.group(0)), t)
    may = _filters().cues.candidates(blanked)
    return blanked if any(counts(name) and rx.cues[name].search(blanked) for name in may) else t


def _found(t: str, rx: _Rx) -> dict[str, re.Match[str]]:
    """The first match of every cue in the masked text ``t``, after the rules that drop or rename a cue."""
    may = _filters().cues.candidates(t)  # a cue whose required words are missing cannot match
    found = {}
    can_seize = _filters().seizures.candidates(t)
    seized = [m.span() for i, p in enumerate(rx.seizures) if i in can_seize for m in p.finditer(t)]
    for name, pat in rx.cues.items():
        if name not in may:
            continue
        if seized and name in rx.remote:  # "confiscated 1 mortar, 2 grenades": weapons taken, not used
            m = next((x for x in pat.finditer(t) if not any(a <= x.start() < b for a, b in seized)), None)
        else:
            m = pat.search(t)
        if m:
            found[name] = m
    if "protest" in found and found.keys() & _ARMED_ACTS and all(
            _PURPOSE.fullmatch(m.group(0)) or _PURPOSE.search(t, max(0, m.start() - 3), m.end() + 1)
            for m in rx.cues["protest"].finditer(t)):
        # "kidnapped the ambassador to protest U.S. intervention": a purpose of armed men, no crowd
        del found["protest"]
    if "protest" in found and found.keys() & _EXPLOSIVE_ACTS and all(
            _STRUCK_GATHERING.search(t, max(0, m.start() - 40), m.start()) and not _PEOPLE_NOUN.search(m.group(0))
            for m in rx.cues["protest"].finditer(t)):
        # "a suicide bombing at a political rally that killed 54": the rally is where the bomb struck (a
        # crowd's people struck, "police lobbed grenades at protesters", stay a protest met with force)
        del found["protest"]
    if "protest" in found and all(rx.protest_weak.fullmatch(m.group(0)) and not _makers(t, m, rx)
                                  for m in rx.cues["protest"].finditer(t)):
        # "the committee condemned the invasion, demanding the withdrawal", "he received the banners of
        # Galan": a demand or a banner tells a protest only beside people who make it
        del found["protest"]
    if "attack" in found and all(rx.storming.fullmatch(m.group(0)) for m in rx.cues["attack"].finditer(t)) \
            and _crowd_before(t, found["attack"].start(), rx):
        # "traders stormed the county offices demanding ...": a crowd that storms demonstrates (a riot only with
        # a violent act of its own); "militants stormed a hotel" attack it
        found.setdefault("protest", found.pop("attack"))
    if "attack" in found and "intervention" in found and (
            "protest" in found or re.search(cue_table().nouns["crowd"], t, re.IGNORECASE)) and all(
            any(m.start() <= i.start() < m.end() for i in rx.cues["intervention"].finditer(t)) and
            not _FIREARMS.search(rx.cues["intervention"].sub(" ", m.group(0)).split(None, 1)[-1])  # (past "fired")
            for m in rx.cues["attack"].finditer(t)):
        # "police fired tear gas and water cannon at crowds": what was fired at a crowd is crowd control,
        # not a weapon ("fired tear gas canisters at farmers in their lands" stays an attack: ACLED)
        del found["attack"]
    if seized and "disrupted" not in found and not found.keys() & {"attack", "abduct", "sexual", "clash"}:
        found["disrupted"] = next(p.search(t) for p in rx.seizures if p.search(t))
    return found


_ARMED_ACTS = frozenset({"attack", "abduct", "sexual", "clash", "ied", "shelling", "air", "grenade", "suicide", "strike"})
_PURPOSE = re.compile(cue_table().nouns["protest_purpose"], re.IGNORECASE)
_EXPLOSIVE_ACTS = frozenset({"ied", "shelling", "air", "grenade", "suicide", "strike"})
_STRUCK_GATHERING = re.compile(cue_table().nouns["struck_gathering"], re.IGNORECASE)
_PEOPLE_NOUN = re.compile(r"(?:ers|ors|ants|ists)\b", re.IGNORECASE)  # "protesters", "demonstrators"


_STRIKE_ALONE = re.compile(cue_table().nouns["strike_told_by_itself"], re.IGNORECASE)
_GROUND_STRIKERS = re.compile(cue_table().nouns["ground_strikers"], re.IGNORECASE)
_RAIDERS = re.compile(cue_table().nouns["raiders"], re.IGNORECASE)
_BRAWL_WEAPONS = re.compile(cue_table().nouns["brawl_weapons"], re.IGNORECASE)
_FIREARMS = re.compile(cue_table().nouns["firearms"], re.IGNORECASE)


def tells_a_protest(text: str) -> bool:
    """Whether ``text`` (a report's headline and lead) names a demonstration (the protest cue)."""
    return _rx().cues["protest"].search(text) is not None


def classify(
    text: str,
    *,
    armed_actors: int = 0,
    state_agent: bool = False,
    actor_kinds: tuple[int, ...] = (),
    agent_kinds: tuple[int, ...] = (),
    protest_report: bool = False,
) -> Classification | None:
    """Decide the ACLED type of the event told in ``text`` (one or more sentences).

    ``armed_actors`` is the number of distinct organised armed actors the caller found;
    ``state_agent`` says whether the perpetrator is a state force (for territory changes);
    ``actor_kinds`` are the ACLED inter codes (1-8) of the actors the caller found, if any, and
    ``agent_kinds`` those of the ones the parse reads as acting; ``protest_report`` whether the report's
    headline or lead tells a demonstration (``tells_a_protest``), whose clashes no armed group is named
    in are the crowd's ("a student died after being shot during clashes on Friday").
    Returns None when no cue of any event type is present.
    """
    rx = _rx()
    t, c = _scan(text, rx)
    if not c:
        return None

    def out(et: str, st: str, cue: str) -> Classification:
        m = c[cue]
        return Classification(et, st, cue, m.start(), m.end())

    strike = c.get("strike")
    if strike is not None and (
            (not _STRIKE_ALONE.match(strike.group(0)) and (
                not set(agent_kinds) & {1, 8}
                # "an Israeli strike hit a building, killing six"; not "a French strike hit rail services"
                or (strike.group(0).lower().startswith("strike") and not _harm(c, t, rx))))
            or _GROUND_STRIKERS.search(t, max(0, strike.start() - 60), strike.start())):
        # "the company hit its sales targets", "teachers launched a strike", "a general strike hit the city": a strike
        # no state's forces make ("strikes on Houthi targets", "strikes killed 40" need no agent named); "rebels struck
        # an army base", "troops struck a camp": an assault on the ground, told by the other cues
        c = {k: v for k, v in c.items() if k != "strike"}
        if not c:
            return None
    armed_kinds = sum(1 for k in set(actor_kinds) if k in _ARMED_CODES)
    civil_kind = 7 in actor_kinds
    crowd_kind = bool({5, 6} & set(actor_kinds))
    # an armed group that calls a boycott or a strike enforced by threats does not demonstrate: "Shining Path
    # ... three armed strikes ... to force a boycott of the elections" (ACLED's protesters are civilians)
    armed_side = bool(set(agent_kinds) & {2, 3, 8}) and not set(agent_kinds) & {5, 6} and not crowd_kind \
        and not re.search(cue_table().nouns["crowd"], t, re.IGNORECASE) and not rx.followers.search(t)
    if armed_side and rx.cues["protest"].search(t):
        # nor is what it protests a crowd's grievance: "the FMLN suspended the talks to protest a dynamite attack on
        # the union headquarters that left 10 dead" tells the attack
        whole_t, whole = _scan_cached(text, grievance=False)
        if whole.keys() & _ARMED_ACTS:
            t, c = whole_t, {k: v for k, v in whole.items() if k != "protest"}
    protest = "protest" in c and not armed_side
    crowd_clash = bool(_filters().crowd_party.candidates(t)) and _crowd_party(t, rx)  # words first
    # a clash in a report of a demonstration, no armed group named in it: the crowd's with the police
    protest_clash = protest_report and "clash" in c and not set(actor_kinds) & {2, 3, 4, 8}
    crowd_clash = crowd_clash or protest_clash
    violent_crowd = "riot" in c or "riot_acts" in c

    # --- Battles: two organised armed sides exchange force
    communal = "clash" in c and bool(rx.communal.search(t))  # read only for a clash
    crowdish = crowd_clash or "mob" in c or "crowd_fight" in c
    # "two groups of the Solangi community attacked each other with axes and sticks": a brawl, not a battle
    unarmed_brawl = crowdish and _BRAWL_WEAPONS.search(t) is not None and _FIREARMS.search(t) is None
    if "clash" in c and "riot" not in c and not (protest and violent_crowd) and (communal or not crowdish) \
            and not unarmed_brawl:
        if "regain" in c and (state_agent or "overtake" not in c):
            return out(BATTLES, "Government regains territory", "regain")
        if "overtake" in c and not state_agent:
            return out(BATTLES, "Non-state actor overtakes territory", "overtake")
        return out(BATTLES, "Armed clash", "clash")
    # "prisoners staged a riot, taking control of the prison": a crowd's riot takes no territory
    if "regain" in c and (armed_actors or state_agent or "attack" in c) and not violent_crowd:
        return out(BATTLES, "Government regains territory", "regain")
    if "overtake" in c and (armed_actors or "attack" in c) and not violent_crowd:
        return out(BATTLES, "Non-state actor overtakes territory", "overtake")

    # --- Protests, and demonstrations that turn violent (Riots)
    if "crowd_fight" in c and "riot" not in c:
        return out(RIOTS, "Mob violence", "crowd_fight")
    if protest:
        if "lethal_force" in c and "riot" not in c and "riot_acts" not in c:  # a violent crowd is a riot
            return out(PROTESTS, "Excessive force against protesters", "lethal_force")
        if "riot" in c:
            return out(RIOTS, "Violent demonstration", "riot")
        if "riot_acts" in c:
            return out(RIOTS, "Violent demonstration", "riot_acts")
        if "clash" in c:
            return out(RIOTS, "Violent demonstration", "clash")
        if "intervention" in c:
            return out(PROTESTS, "Protest with intervention", "intervention")
        return out(PROTESTS, "Peaceful protest", "protest")

    if "intervention" in c and len(c) == 1 and re.search(cue_table().nouns["crowd"], t, re.IGNORECASE):
        # "police fired tear gas and water cannon at crowds in several towns": crowd control on a crowd
        # is a demonstration met by force, though no word of protest is in the sentence
        return out(PROTESTS, "Protest with intervention", "intervention")

    # --- Riots outside demonstrations; a named armed group that acts is no mob ("Shining Path
    # terrorists overpowered the residents and burned the town hall": the residents are its victims)
    named_armed_group = bool(set(agent_kinds) & {2, 3})  # the group acts; mobs lynch its members
    if "mob" in c and not named_armed_group:
        return out(RIOTS, "Mob violence", "mob")
    if "riot" in c:
        return out(RIOTS, "Violent demonstration", "riot")
    if "clash" in c and protest_clash and not _crowd_party(t, rx):
        return out(RIOTS, "Violent demonstration", "clash")
    if "clash" in c and crowd_clash:
        return out(RIOTS, "Mob violence", "clash")

    # --- Strategic development that looks like an explosion: foiled, defused, premature blast; unless
    # another device went off ("A bomb went off at the bank. Another charge was defused at the savings bank")
    premature = _PREMATURE.search(t)
    if premature is not None and _INTERCEPTED.search(premature.group(0)) and (set(c) - {"disrupted"}) and \
            _harm(c, t[:premature.start()] + " " * (premature.end() - premature.start()) + t[premature.end():], rx):
        premature = None  # "most of the drones were shot down, but one hit a power plant, killing two": the strike
    if "disrupted" in c and (
        premature or not ("attack" in c and not rx.carriers.search(t) and _harm(c, t, rx))
    ) and not _went_off_besides(t, c["disrupted"], rx):
        return out(SD, "Disrupted weapons use", "disrupted")

    # --- a ground assault on an armed target with rifles and mortars, rockets or hand grenades is a battle:
    # the target fights back ("attacked the convoy with rifle fire and hand grenades"); so does an ambushed
    # side, whatever the ambush used ("a daring ambush using mines and grenades against a national guard
    # unit, inflicting six casualties upon the national guard"; CODEBOOK: Armed clash includes ambushes)
    ambush = "attack" in c and ("shelling" in c or "grenade" in c or "ied" in c) and any(rx.ambush.fullmatch(m.group(0)) for m in rx.cues["attack"].finditer(t))
    if ("shelling" in c or "grenade" in c or ("ied" in c and ambush)) and "attack" in c \
            and not (set(c) & {"air", "suicide", "chemical"}) and (ambush or ("ied" not in c and rx.small_arms.search(t))):
        hit = _victims(t, rx)
        if (hit[0][1] == "armed") if hit else ((armed_kinds >= 2 and not civil_kind)
                                               or (ambush and _harms_armed(t, rx) and not rx.civil_harmed.search(t))):
            return out(BATTLES, "Armed clash", "attack")

    # --- fighting with air support is a battle (CODEBOOK: Armed clash includes "fighting with air support"):
    # "army helicopters fired rockets on the neighbourhood, where some 100 guerrillas attacked a civil defense post"
    if "air" in c and "attack" in c and _ground_assault(t, rx):
        return out(BATTLES, "Armed clash", "attack")

    # --- Explosions/Remote violence (outranks VAC)
    for cue, sub in _ERV_ORDER:
        if cue in c:
            return out(ERV, sub, cue)

    # a crowd that burns or loots riots, unless the crowd is whom armed men attacked or abducted:
    # "gunmen attacked the villages; 12 residents were abducted and the villages looted"
    raiders = ("abduct" in c or "attack" in c) and _RAIDERS.search(t) is not None
    # nor when an armed group is among the actors ("Shining Path terrorists overpowered the residents and
    # burned the offices")
    armed_group = bool(set(actor_kinds) & {2, 3, 4})
    if "riot_acts" in c and not raiders and not armed_group and \
            (crowd_kind or re.search(cue_table().nouns["crowd"], t, re.IGNORECASE)):
        return out(RIOTS, "Violent demonstration", "riot_acts")

    # --- a raid by the state's forces that hurts no one is an operation, not violence: "federal police
    # raided a cocaine laboratory on a ranch"
    if "attack" in c and c["attack"].group(0).lower().startswith("raid") and not ({"abduct", "sexual"} & c.keys()) \
            and not _harm(c, t, rx) and (state_agent or rx.state_agent.search(t)
                                         # "Israeli forces arrested 25 Palestinians in raids across the West Bank"
                                         or ("sd_arrest" in c and rx.state.search(t))):
        return out(SD, "Arrests", "sd_arrest") if "sd_arrest" in c else out(SD, "Other", "attack")
    # nor is a raid of premises that no one is named carrying out ("several raids are under way at residences
    # owned by drug traffickers", "the farm raided last week, from where Escobar escaped"): an Attack kills, beats
    # or tortures (CODEBOOK: "people killed in abusive raids")
    if "attack" in c and not ({"abduct", "sexual"} & c.keys()) and not _harm(c, t, rx) \
            and all(m.group(0).lower().startswith("raid") for m in rx.cues["attack"].finditer(t)) \
            and not set(agent_kinds) & {2} and _search_raid(t, rx):
        return out(SD, "Other", "attack")

    # --- one-sided violence: the target decides between Battles and VAC
    if "attack" in c or "sexual" in c or "abduct" in c:
        victims = _victims(t, rx)
        first = victims[0][1] if victims else None
        if actor_kinds:
            if armed_kinds >= 2 and not civil_kind:
                first = "armed"
            elif civil_kind and not (armed_kinds >= 2 and first == "armed"):
                # with two armed sides named, the words after the verb decide: "FMLN forces attacked
                # a group of paratroopers at the factory" hits soldiers, whoever else is named
                first = "civil"
        # the state's forces named with no victim read: the target is armed, unless the one acting is a
        # named rebel group whose own name holds the word ("kidnapped by the Army of National Liberation")
        if first is None and rx.state_agent.search(t) and not set(agent_kinds) & {2, 3}:
            first = "armed"
        if first != "armed" and _harms_armed(t, rx) and not rx.civil_harmed.search(t):
            first = "armed"
        if first == "armed" and _OFF_DUTY.search(t):
            first = "civil"
        if first == "armed" and "sexual" not in c:
            return out(BATTLES, "Armed clash", "attack" if "attack" in c else "abduct")
        if "sexual" in c:
            return out(VAC, "Sexual violence", "sexual")
        if "abduct" in c and not _harm(c, t, rx):
            return out(VAC, "Abduction/forced disappearance", "abduct")
        if "attack" in c:
            return out(VAC, "Attack", "attack")
        if _harm(c, t, rx):  # "jihadists executed five hostages": the captives killed, an attack (CODEBOOK)
            return out(VAC, "Attack", "abduct")
        return out(VAC, "Abduction/forced disappearance", "abduct")
    if "sd_arrest" in c and rx.nonstate_arrest.search(t):
        return out(VAC, "Abduction/forced disappearance", "sd_arrest")

    if "disrupted" in c:
        return out(SD, "Disrupted weapons use", "disrupted")
    if "riot_acts" in c and "looting" not in c:  # no crowd named: burning a house is arson, not a riot
        # "Shining Path terrorists ... burned the town hall", "rebels burned five buses": an armed group's destruction
        if armed_group or _armed_burners(t, c["riot_acts"], rx):
            return out(SD, "Looting/property destruction", "riot_acts")
        return out(RIOTS, "Violent demonstration", "riot_acts")
    for cue, sub in _SD_ORDER:
        if cue in c:
            return out(SD, sub, cue)
    return None


def _armed_burners(t: str, act: re.Match[str], rx: _Rx) -> bool:
    """Whether armed men are named doing the destruction ``act`` matched, no crowd being named: the
    participant noun nearest before it in its sentence is an armed one ("rebels burned five buses"), or
    its "by" phrase names one ("two buses were set on fire by guerrillas")."""
    begin = sentence_bounds(t, act.start(), act.start())[0]
    before = t[max(begin, act.start() - 80):act.start()]
    armed = max((m.end() for m in rx.armed.finditer(before)), default=-1)
    if armed > max(people(before, rx), default=-1):
        return True
    by = re.match(r"[^.;]{0,30}?\bby\s+", t[act.end():])
    return by is not None and _kind(re.split(r"[,;.]", t[act.end() + by.end():act.end() + by.end() + 40])[0], rx) == "armed"


def _ground_assault(t: str, rx: _Rx) -> bool:
    """An assault told beside an air strike, outside the strike's own words, on an armed side: the words
    after its verb, to the end of the clause, name an armed side first ("guerrillas attacked a civil defense
    post", "rebels stormed the army base"), its agent named after the strike's words. An air strike that kills
    militants ("air strikes hit a hideout, killing ten militants") or the aircraft's own assault ("helicopter
    gunships attacked rebel positions") tells no assault of another side, and stays an air strike."""
    air = [m.span() for m in rx.cues["air"].finditer(t)]
    for m in rx.cues["attack"].finditer(t):
        if any(a <= m.start() < b for a, b in air) or not rx.ground_assault.fullmatch(m.group(0)):
            continue
        if m.group(0).lower().startswith("raid") and \
                re.search(r"\b(?:the|this|that|its)\s+$", t[max(0, m.start() - 6):m.start()], re.IGNORECASE):
            continue  # "an Iraqi air strike killed 15 fighters ... the raid targeted a gathering": the air raid again
        after_air = max((b for a, b in air if b <= m.start()), default=None)
        if after_air is not None and not rx.armed.search(t, after_air, m.start()):
            continue  # "helicopter gunships attacked rebel positions": the aircraft's own assault
        words = re.split(r"\bby\b|[;,.]", t[m.end():m.end() + 80])[0]
        if _kind(words, rx) == "armed":
            return True
    return False


def _search_raid(t: str, rx: _Rx) -> bool:
    """A raid made on premises, told without its agent and with nothing taken: "raids are under way at
    residences", "the houses which were raided". A raid on a village, a camp or people, one with a
    raiding side named as its agent ("bandits raided the house", "raided by gunmen") or an active verb with
    an object ("voters tried to raid the office") and one that steals ("80 animals stolen") stay attacks."""
    return bool(rx.search_raid.search(t)) and not rx.active_raid.search(t) \
        and not rx.raiding_sides.search(t) and not rx.raid_spoils.search(t)


def _harm(c: dict[str, re.Match[str]], t: str, rx: _Rx) -> bool:
    """Is anyone killed or hurt (not only taken or threatened)?"""
    return bool(rx.kill.search(t))
