"""Resolve the actors of one sentence to ACLED names, inter codes and roles (CODEBOOK section 2).

Two sources of actors, in this order:

1. The versioned dictionary ``data/actors.csv``: named groups and forces with their aliases
   ("Hashd al-Shaabi" -> "Popular Mobilization Forces"). An alias shared by several rows
   (ISIS) resolves to the row of the event's country, so IS gets its ACLED branch.
2. Generic rules for everyone else, parameterised by the event's country, because ACLED names
   them by pattern: "Kenyan police" -> "Police Forces of Kenya", "gunmen" -> "Unidentified Armed
   Group (Kenya)", "Pokot raiders" -> "Pokot Ethnic Militia (Kenya)", victims -> "Civilians (Kenya)".

Roles come from the dependency parse so the caller can order actor1/actor2: the subject of an
active verb or the "by" phrase of a passive is the agent; objects, passive subjects and the
targets of "against/on/targeting" are patients. Nothing here holds state: the dictionary is an
object the caller loads once and passes in.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc, Token

from eventdesk.model import Actor, Span
from eventdesk.stages._role import claims_own_act, role_of
from eventdesk.stages._trie import trie_pattern

__all__ = ["ActorEntry", "ActorDictionary", "ActorMention", "find_actors", "role_of", "claims_own_act", "with_article"]

NO_COUNTRY_KEY = "generic-no-country"
# ACLED writes these countries with an article: "Military Forces of the Philippines".
_WITH_ARTICLE = frozenset(
    {"Philippines", "Democratic Republic of Congo", "United States", "Ivory Coast",
     "Central African Republic", "United Kingdom", "United Arab Emirates", "Gambia",
     "Republic of Congo", "Netherlands"}
)
_MILITARY_NOUNS = frozenset(
    "army armies troops troop soldiers soldier forces military warplanes warplane jets jet "
    "aircraft aircrafts airforce helicopters helicopter gunships gunship marines commandos paratroopers "
    "f-16s f-16 drones navy artillery servicemen battalion brigade units force".split()
)
# what a state force holds or moves in: "an Afghan military convoy", "a police post"
_STATE_ASSETS = frozenset(
    "convoy convoys tank tanks vehicle vehicles post posts outpost outposts base bases patrol patrols "
    "checkpoint checkpoints position positions truck trucks camp camps station stations barracks".split()
)
# what a state force carries out: "a police raid", "a military operation"
_STATE_ACTIONS = frozenset("raid raids operation operations crackdown offensive ambush".split())
_POLICE_NOUNS = frozenset(
    "police policemen policeman policewoman cops gendarmes gendarmerie gendarme constables "
    "officers officer".split()
)
# words that name a kind of force, not whose: "Military Police", "National Guard", "Special Police"
_GENERIC_FORCE_WORDS = _MILITARY_NOUNS | _POLICE_NOUNS | frozenset(
    "national federal civil special highway regime security defence defense guard reservist "
    "reservists administration pro government local".split()
)
_NOT_STATE_MODIFIERS = frozenset(
    "rebel rebels militant opposition separatist separatists insurgent coalition tribal "
    "militia jihadist enemy terrorist private armed".split()
)
_ARMED_NOUNS = frozenset(
    "gunmen gunman assailants assailant attackers attacker bandits bandit militants militant "
    "insurgents insurgent jihadists jihadist terrorists terrorist kidnappers abductors "
    "extremists".split()
)
# men of a community who fight as such; herders and pastoralists only when they act (else civilians)
_COMMUNITY_FIGHTERS = {"tribesmen": "Tribal", "tribesman": "Tribal", "clansmen": "Clan", "clansman": "Clan",
                       "pastoralists": "Communal", "herders": "Communal", "herdsmen": "Communal"}
_FIGHT_VERBS = frozenset("attack kill raid shoot clash fight ambush burn torch loot stab hack invade storm "
                         "abduct kidnap steal rustle beat injure wound".split())
_GANG_NOUNS = frozenset("gang gangs gangsters gangster thugs robbers criminals".split())
_MILITIA_NOUNS = frozenset("militia militias militiamen militiaman raiders raider rustlers warriors".split())
_PROTEST_NOUNS = frozenset("protesters protestors protester demonstrators demonstrator marchers strikers picketers".split())
_RIOT_NOUNS = frozenset("rioters rioter mob mobs looters".split())
_VIGILANTE_NOUNS = frozenset("vigilantes vigilante".split())
_CIVILIAN_NOUNS = frozenset(
    "civilians civilian villagers villager residents resident man men woman women farmer "
    "farmers journalist journalists teacher teachers child children people passengers "
    "passenger herders herder pupils pupil students student worshippers traders trader boy boys "
    "girl girls person persons individuals individual family families bystander bystanders "
    "motorists driver drivers pedestrians refugees fishermen herdsmen worker workers "
    "suspect suspects pastor priest imam member members activist activists prisoners inmates "
    "operators delegates councillors groups group supporters youths youth locals uncle "
    "owner shopkeeper official officials aid nurse doctor chief elder elders citizen citizens".split()
)
_PROTEST_VERBS = frozenset("protest demonstrate march rally picket strike boycott".split())
_PROTEST_OBJECTS = frozenset("protest demonstration march rally sit-in picket strike".split())
_RIOT_VERBS = frozenset(
    "pelt stone torch burn loot lynch vandalise vandalize barricade riot clash block set "
    "destroy attack beat light fight battle invade storm throw damage smash".split()
)
_PLANTED_BY = re.compile(r"-(?:planted|laid|placed|made|triggered|detonated|fired)\b")


@dataclass(frozen=True)
class ActorEntry:
    """One row of ``actors.csv``. ``name`` may hold ``{country}``, filled per event."""

    id: str
    name: str
    inter: int
    country: str
    aliases: tuple[str, ...]
    source: str

    @property
    def is_lexicon(self) -> bool:
        """Nation, ethnic-group and coalition rows feed the generic rules; they are not matched
        in the text by themselves."""
        return self.id.startswith(("nation:", "ethnic:", "coalition:"))


@dataclass(frozen=True)
class ActorMention:
    """An actor found in a sentence, with its role ("agent", "patient" or "") and the doc index
    of the verb that gave the role (None when the parse gave none)."""

    actor: Actor
    role: str
    generic: bool
    trigger: int | None = None


class ActorDictionary:
    """The actor dictionary: named actors, nation demonyms and ethnic-group names."""

    def __init__(self, entries: Sequence[ActorEntry]):
        self.entries = tuple(entries)
        self._by_id = {e.id: e for e in self.entries}
        self._by_alias: dict[str, list[ActorEntry]] = {}
        self._nations: dict[str, str] = {}
        self._ethnic: dict[str, ActorEntry] = {}
        self._coalitions: dict[tuple[str, str], ActorEntry] = {}
        for e in self.entries:
            if e.id.startswith("coalition:"):  # aliases: the member states whose forces it codes
                self._coalitions.update(((nation, e.country), e) for nation in e.aliases)
                continue
            for alias in e.aliases:
                if e.id.startswith("nation:"):
                    self._nations[alias.lower()] = e.country
                elif e.id.startswith("ethnic:"):
                    self._ethnic[alias.lower()] = e
                else:
                    self._by_alias.setdefault(alias.lower(), []).append(e)
        self._pattern = _alias_regex(a for e in self.entries if not e.is_lexicon for a in e.aliases)

    @classmethod
    def load(cls) -> "ActorDictionary":
        """Read the packaged ``data/actors.csv``."""
        text = resources.files("eventdesk.data").joinpath("actors.csv").read_text(encoding="utf-8")
        return cls.from_csv(text)

    @classmethod
    def from_csv(cls, text: str) -> "ActorDictionary":
        rows = csv.DictReader(io.StringIO(text))
        return cls([
            ActorEntry(
                r["id"], r["name"], int(r["inter"]), r["country"],
                tuple(a.strip() for a in r["aliases"].split("|") if a.strip()), r["source"],
            )
            for r in rows
        ])

    def get(self, actor_id: str) -> ActorEntry:
        return self._by_id[actor_id]

    def has(self, actor_id: str) -> bool:
        return actor_id in self._by_id

    def lookup(self, surface: str, country: str | None) -> ActorEntry | None:
        """The row for an alias, preferring the event's country, then rows with no country."""
        entries = self._by_alias.get(surface.lower(), [])
        for wanted in (country, ""):
            for e in entries:
                if e.country == wanted:
                    return e
        return entries[0] if entries else None

    def home_of(self, surface: str) -> str | None:
        """The home country a name gives away ("Houthi forces" -> Yemen), or None for a name
        shared across countries (ISIS) or made of generic words only ("Military Police")."""
        entry = self.lookup(surface, None)
        if entry is None or not entry.country or generic_name(surface):
            return None
        return entry.country

    def nation_of(self, word: str) -> str | None:
        """'Iraqi' / 'Iraq' -> 'Iraq'."""
        return self._nations.get(word.lower())

    def ethnic(self, word: str) -> ActorEntry | None:
        return self._ethnic.get(word.lower())

    def coalition(self, nation: str, country: str | None) -> ActorEntry | None:
        """The operation ACLED codes a member state's forces as in that country ("Saudi forces"
        in Yemen are "Operation Restoring Hope"), or None."""
        return self._coalitions.get((nation, country or ""))

    def group_words(self) -> frozenset[tuple[str, str]]:
        """Names of peoples and clans, lower-cased, with their home countries (("maasai", "Kenya"))."""
        return frozenset((word, e.country) for word, e in self._ethnic.items())

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping alias matches (start, end, surface), longest first."""
        found = [(m.start(), m.end(), m.group(0)) for m in self._pattern.finditer(text)]
        return [m for m in found if self._case_ok(m[2])]

    def _case_ok(self, surface: str) -> bool:
        """Short all-capital aliases (IS, AA, CV) only match in capitals."""
        for e in self._by_alias.get(surface.lower(), []):
            for a in e.aliases:
                if a.lower() == surface.lower():
                    return not (_is_acronym(a) and surface != a)
        return True


def _is_acronym(alias: str) -> bool:
    return len(alias) <= 5 and alias.isupper()


def _alias_regex(aliases: Iterable[str]) -> re.Pattern[str]:
    body = trie_pattern(set(aliases))
    # "Taliban-planted", "IS-linked": a lower-case word after a hyphen qualifies the actor, it does not rename it
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w]|-(?-i:[A-Z0-9]))", re.IGNORECASE)


def named_actors(text: str, span: Span, country: str | None, dictionary: ActorDictionary) -> list[ActorMention]:
    """The dictionary actors a sentence names, without a parse and so without roles: the setting
    sentence of an event ("the Military Police carried out an operation in X. A shoot-out broke
    out ...") names who acted."""
    return [ActorMention(_entry_actor(entry, country, Span(span.article_id, span.start + start, span.start + end)),
                         "", False)
            for start, end, surface, entry in _dictionary_names(text[span.start:span.end], country, dictionary)]


def _dictionary_names(text: str, country: str | None, dictionary: ActorDictionary):
    """(start, end, surface, row) of each dictionary name in ``text`` whose row applies in ``country``.

    The dictionary's own matcher names actors, not the ACTOR spans of the spaCy ruler: it applies
    the case rule for short acronyms and the hyphen rule ("anti-Houthi forces" are not the Houthis,
    "Taliban-planted" is the Taliban), which the ruler's token matcher cannot."""
    for start, end, surface in dictionary.matches(text):
        entry = dictionary.lookup(surface, country)
        if entry is not None and country and entry.country and entry.country != country:
            # "ADF fighters" is an alias of Cameroon's Ambazonian separatists; in Congo the ADF
            # are Congo's own (the name without its generic noun)
            short = re.sub(r"\s+(?:fighters|militants|members|rebels|forces|combatants)$", "", surface)
            home = dictionary.lookup(short, country) if short != surface else None
            if home is not None and home.country == country:
                entry = home
        if entry is not None and _applies(entry, surface, country):
            yield start, end, surface, entry


def find_actors(
    doc: Doc,
    *,
    offset: int,
    article_id: str,
    country: str | None,
    dictionary: ActorDictionary,
) -> list[ActorMention]:
    """Actors of one parsed sentence, with article-offset spans, in sentence order."""
    mentions: list[ActorMention] = []
    covered: set[int] = set()
    for start, end, surface, entry in _dictionary_names(doc.text, country, dictionary):
        span_doc = doc.char_span(start, end, alignment_mode="expand")
        if span_doc is None:
            continue
        covered.update(t.i for t in span_doc)
        role, trigger = role_of(span_doc.root)
        named = _coded_as(doc, start)
        if named is not None:
            # "anti-Houthi forces (coded as National Resistance Forces)": the coder names the
            # group the words before stand for; it takes their role, and they are no actor of their own
            role, trigger = role_of(named)
            covered.update(range(named.left_edge.i, named.i + 1))
        if _PLANTED_BY.match(doc.text, end):
            role = "agent"  # "a Taliban-planted IED": who planted it
        actor = _entry_actor(entry, country, Span(article_id, offset + start, offset + end))
        mentions.append(ActorMention(actor, role, False, trigger))
    for token in doc:
        if token.i in covered or token.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # only phrase heads: "Iraqi Air Force F-16 fighter jets" is one actor
        if token.lower_ in _UNIT_NOUNS and _names_its_group(token, mentions, offset):
            covered.update(range(token.left_edge.i, token.i + 1))
            continue
        mention = _generic(token, covered, offset, article_id, country, dictionary)
        if mention is not None:
            covered.update(range(token.left_edge.i, token.i + 1))
            mentions.append(mention)
    return sorted(mentions, key=lambda m: m.actor.span.start if m.actor.span else 0)


def _coded_as(doc: Doc, start: int) -> Token | None:
    """The head noun a coder's "(coded as X)" right after it renames, when X starts at ``start``."""
    window = max(0, start - 60)
    m = re.search(r"(\S)\s*\(\s*coded\s+as\s+$", doc.text[window:start])
    if m is None:
        return None
    before = doc.char_span(window + m.start(1), window + m.end(1), alignment_mode="expand")
    token = before[-1] if before is not None and len(before) else None
    return token if token is not None and token.pos_ in ("NOUN", "PROPN") else None


_UNIT_NOUNS = frozenset("forces force unit units brigade brigades battalion battalions troops fighters".split())


def _names_its_group(token: Token, mentions: list[ActorMention], offset: int) -> bool:
    """"Forces from Ash Shubaji Martyrs Battalion of the 6th Southern Resistance Brigade", "a
    special forces unit of the Southern Resistance": the named group after "of"/"from" is the
    actor, in the role of the unit's noun. Moves that role to the named mention."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        sub = list(prep.subtree)
        start, end = offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1].text)
        for k, m in enumerate(mentions):
            span = m.actor.span
            if span is not None and not m.generic and m.actor.inter in (1, 2, 3, 4, 8) and \
                    start <= span.start and span.end <= end:
                role, trigger = role_of(token)
                mentions[k] = replace(m, role=role or m.role, trigger=trigger if role else m.trigger)
                return True
    return False


def generic_name(surface: str) -> bool:
    """A name made of words for a kind of force only ("Military Police", "National Guard"): it
    names a unit of whichever country the event is in, never a group of its own."""
    return all(w in _GENERIC_FORCE_WORDS for w in re.split(r"[\s-]+", surface.lower()) if w)


def _applies(entry: ActorEntry, surface: str, country: str | None) -> bool:
    """A row of another country applies only to its exact spelling, and a state unit only when
    its name is its own: "federal police" in Iraq is not Brazil's Federal Police, but "Houthi
    forces" are the Houthis wherever the place resolver put the event."""
    if not country or not entry.country or entry.country == country:
        return True
    if entry.name.startswith(("Military Forces of", "Police Forces of")) and entry.inter == 1 and \
            entry.country not in surface and generic_name(surface):
        return False
    return surface in entry.aliases


def _entry_actor(entry: ActorEntry, country: str | None, span: Span) -> Actor:
    """Fill ``{country}``; a state force abroad is external (8), at home state (1)."""
    inter = entry.inter
    if entry.name.startswith(("Military Forces of", "Police Forces of")) and country:
        inter = 1 if entry.country in ("", country) else 8
    if "{country}" in entry.name:
        if country is None:
            return Actor(_strip_country(entry.name), inter, span, NO_COUNTRY_KEY)
        return Actor(entry.name.format(country=country), inter, span, entry.id)
    return Actor(entry.name, inter, span, entry.id)


def _strip_country(name: str) -> str:
    return name.replace(" ({country})", "").replace("{country}", "").strip()


# --- generic rules ---------------------------------------------------------------------------


def _generic(
    token: Token, covered: set[int], offset: int, article_id: str, country: str | None,
    dictionary: ActorDictionary,
) -> ActorMention | None:
    """Apply the generic ACLED naming rules to one head noun."""
    low = token.lower_
    lemma = token.lemma_.lower()
    left = [t for t in doc_slice(token) if t.i != token.i]
    # "Iraqi Air Force F-16 fighter jets": the nationality sits on the phrase the noun modifies
    top = token
    for _ in range(5):
        if top.dep_ not in ("compound", "amod", "nmod", "nummod") or top.head.pos_ not in ("NOUN", "PROPN"):
            break
        top = top.head
    phrase_left = [t for t in token.doc[top.left_edge.i : token.i] if t.i != token.i]
    if any(t.i in covered for t in left) or token.i - 1 in covered:
        return None  # "ISIS forces", "suspected Al Shabaab militants", "30 IS militants": the named actor wins
    if any(t.lower_ in ("its", "their") for t in left):
        return None  # "its fighters": the group named elsewhere, not a new actor
    left_words = {t.lower_ for t in left}
    if low in ("group", "groups") and left_words <= {"the", "this", "that", "these", "those"}:
        return None  # "the group's elements": the group named elsewhere (an anaphor), not civilians
    role, trigger = role_of(token)
    if low in _STATE_ACTIONS:
        role = "agent"  # whoever raids acts, whatever the clause does with the raid
    rule = _rule_for(token, low, lemma, left, left_words, role, dictionary, country, phrase_left)
    if rule is None:
        return None
    template, inter, key, nation = rule
    start = token.left_edge.idx if left else token.idx
    span = Span(article_id, offset + start, offset + token.idx + len(token.text))
    place = nation or country
    if place is None:
        name = template.replace(" ({country})", "").replace(" of {country}", "").strip()
        return ActorMention(Actor(name, inter, span, NO_COUNTRY_KEY), role, True, trigger)
    if inter == 1 and country and place != country:
        coalition = dictionary.coalition(place, country)
        if coalition is not None:
            return ActorMention(Actor(coalition.name, coalition.inter, span, coalition.id), role, True, trigger)
        inter = 8
    name = template.format(country=with_article(place) if "Forces of" in template else place)
    return ActorMention(Actor(name, inter, span, key), role, True, trigger)


def doc_slice(token: Token) -> list[Token]:
    """The noun phrase up to its head: left edge .. token."""
    return list(token.doc[token.left_edge.i : token.i + 1])


def with_article(country: str) -> str:
    return f"the {country}" if country in _WITH_ARTICLE else country


def _rule_for(
    token: Token, low: str, lemma: str, left: list[Token], left_words: set[str], role: str,
    dictionary: ActorDictionary, country: str | None, phrase_left: list[Token] = (),
) -> tuple[str, int, str, str | None] | None:
    """(name template, inter, rule key, nation or None) for a head noun, or None."""
    nation = next((n for t in [*left, *phrase_left] if (n := dictionary.nation_of(t.text)) is not None), None)
    if nation is None and low in ("forces", "force", "troops", "army", "police"):
        nation = _of_nation(token, dictionary)
    ethnic = next((e for t in left if (e := dictionary.ethnic(t.text)) is not None), None)
    if low in _MILITARY_NOUNS or low in _POLICE_NOUNS:
        return _state_rule(token, low, left_words, nation)
    # the force behind a word for what it does or holds: "killed during a police raid", "1 Afghan
    # security personnel commander was killed", "attacked an Afghan military convoy", "a police check
    # post" (an asset only in a role: not where something happened, "died in a police station")
    if left_words & {"military", "army", "police", "security"} and (
            low in _STATE_ACTIONS or low in ("commander", "commanders") or (low in _STATE_ASSETS and role)):
        return _state_rule(token, "police" if "police" in left_words else "forces", left_words, nation)
    if low == "personnel" and left_words & {"security", "military", "army", "defence", "defense", "police"}:
        # "Afghan security personnel": the state's forces (never "medical personnel")
        return _state_rule(token, "police" if "police" in left_words else "forces", left_words, nation)
    if ethnic is not None and (low in _MILITIA_NOUNS or low in _ARMED_NOUNS or low in ("youths", "herders", "herdsmen")):
        return ethnic.name, 4, f"generic:ethnic:{ethnic.id}", None
    kind = _COMMUNITY_FIGHTERS.get(low)
    if kind is not None and (role == "side" or (role == "agent" and _verb_in(token, _FIGHT_VERBS)) or
                             (role != "patient" and kind != "Communal")):
        # "tribesmen clashed", "pastoralists attacked civilians": armed men of a community
        return f"Unidentified {kind} Militia ({{country}})", 4, f"generic:{kind.lower()}-militia", None
    if low in _MILITIA_NOUNS:
        template, inter, key, _ = _militia_rule(left_words)
        return template, inter, key, nation
    if low == "group" and left_words & {"armed", "unidentified", "unknown", "criminal"}:
        return "Unidentified Armed Group ({country})", 3, "generic:unidentified-armed-group", None
    if low in _ARMED_NOUNS or (low == "men" and left_words & {"armed", "unidentified", "unknown", "masked"}):
        return "Unidentified Armed Group ({country})", 3, "generic:unidentified-armed-group", None
    if low in _GANG_NOUNS or (low in ("member", "members", "leader", "leaders") and "gang" in left_words) or \
            (low in ("traffickers", "trafficker", "dealers", "dealer") and "drug" in left_words):
        # "a gang member was killed by rival gang members", "drug traffickers opened fire"
        return "Unidentified Gang ({country})", 3, "generic:unidentified-gang", None
    if low in _PROTEST_NOUNS:
        return "Protesters ({country})", 6, "generic:protesters", None
    if low in _RIOT_NOUNS or (low in ("youths", "crowd") and _verb_in(token, _RIOT_VERBS)):
        return "Rioters ({country})", 5, "generic:rioters", None
    if low in _VIGILANTE_NOUNS:
        return "Rioters ({country})", 5, "generic:vigilantes", None
    if low in _CIVILIAN_NOUNS or low in ("youths", "crowd"):
        return _civilian_rule(token, role, nation)
    return None


def _of_nation(token: Token, dictionary: ActorDictionary) -> str | None:
    """"the military forces of Armenia": the nation named after "of"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (nation := dictionary.nation_of(obj.text)) is not None:
                    return nation
    return None


def _state_rule(token: Token, low: str, left_words: set[str], nation: str | None) -> tuple[str, int, str, str | None] | None:
    # "Nigerian Armed Forces" are the army, "armed forces" of a nation or with capitals; "armed
    # men", "armed forces of the opposition" are not
    armed_forces = "armed" in left_words and low in ("forces", "force") and (nation is not None or token.text[:1].isupper())
    if (left_words - ({"armed"} if armed_forces else set())) & _NOT_STATE_MODIFIERS or \
            any(w.startswith(("pro-", "anti-")) for w in left_words):
        return None
    if low == "force" and not (left_words & {"air", "security", "task", "defence", "defense", "special", "border"}):
        return None  # "by force", "use of force": not an actor; "Air Force" is
    if low in ("officers", "officer") and not (left_words & {"police", "security", "army", "military"}):
        return None
    police = low in _POLICE_NOUNS and "army" not in left_words and "military" not in left_words
    police = police or "police" in left_words
    if police:
        return "Police Forces of {country}", 1, "generic:police", nation
    return "Military Forces of {country}", 1, "generic:military", nation


def _militia_rule(left_words: set[str]) -> tuple[str, int, str, str | None]:
    if "pro-government" in left_words or "government" in left_words:
        return "Militia (Pro-Government)", 3, "generic:pro-government-militia", None
    for word, kind in (("clan", "Clan"), ("communal", "Communal"), ("tribal", "Tribal"), ("ethnic", "Ethnic")):
        if word in left_words:
            return f"Unidentified {kind} Militia ({{country}})", 4, f"generic:{word}-militia", None
    return "Unidentified Ethnic Militia ({country})", 4, "generic:ethnic-militia", None


def _civilian_rule(token: Token, role: str, nation: str | None) -> tuple[str, int, str, str | None] | None:
    """Victims are Civilians; people protesting are Protesters; people rioting are Rioters."""
    if role == "agent":
        if _verb_in(token, _PROTEST_VERBS) or _stages_protest(token):
            return "Protesters ({country})", 6, "generic:protesters", None
        if _verb_in(token, _RIOT_VERBS):
            return "Rioters ({country})", 5, "generic:rioters", None
        return None
    if role in ("patient", "side"):
        return "Civilians ({country})", 7, "generic:civilians", nation
    return None


def _governing_verb(token: Token) -> Token | None:
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return None


def _verb_in(token: Token, lemmas: frozenset[str]) -> bool:
    """Whether the noun's clause verb (or a relative clause on it) has one of these lemmas."""
    verbs = [c for c in token.children if c.dep_ == "relcl"]
    gov = _governing_verb(token)
    if gov is not None:
        verbs.append(gov)
        verbs.extend(c for c in gov.children if c.dep_ in ("conj", "xcomp"))
    return any(v.lemma_.lower() in lemmas for v in verbs)


def _stages_protest(token: Token) -> bool:
    """'workers staged a protest', 'residents held a demonstration'."""
    gov = _governing_verb(token)
    if gov is None:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_OBJECTS for c in gov.children)
