"""Places stage: pick the place an event happened at, with ACLED's geo_precision.

A sentence names several places; only some are where the event happened ("militants who sneak into
Iraq through Syria", "50km from the Iraqi border"). Each candidate place is read with the words that
govern it: the preposition before it ("in", "near", "from"), the word after it ("province",
"district"), and a parenthesised hint ("Kafr Qaddum (Qalqiliya)"). Rules (CODEBOOK section 3):

* a named town, village or city district -> precision 1;
* "near X", "the area of X", "X district", a mountain or lake -> precision 2;
* only a province or region -> precision 3 at the province capital (``location`` = the capital);
* a country alone -> no place (ACLED codes no country-level events).

Ambiguous names are resolved by the parenthesised hints, the provinces named in the sentence, the
article's countries and population, in that order of weight.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from eventdesk.gazetteer import GazEntry, Gazetteer, GazetteerError, name_key, strip_admin_suffix
from eventdesk.model import Mention, Place, Span

__all__ = ["PlaceContext", "choose_place", "find_places", "PLACE_LABELS"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "PLACE"})
_MAX_WORDS = 6
_CONNECTORS = frozenset({"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "ez", "es", "ed",
                         "de", "del", "da", "do", "dos", "das", "di", "la", "le", "les", "bin", "au", "aux", "du", "des",
                         "ibn", "bani", "wa", "e", "y", "of", "upon", "sur", "am", "im"})
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][\w'’‘ʿʾ\u00C0-\u024F\u1E00-\u1EFF]*")
_GAP = re.compile(r"^[ \-]$")
_DIRECTION = r"(?:(?:north|south|east|west|central|rural|northern|southern|eastern|western)" \
             r"(?:[- ]?(?:north|south|east|west)(?:ern)?)?\s+)?"
_POSSESSIVE = re.compile(r"(?:\b[a-z]+ern\s+)?\b[\w\-]+['’]s\s+$")
_NEAR = re.compile(
    r"\b(?:near|nearby|outside|around|close to|outskirts of|vicinity of|areas? of|"
    r"surroundings of|environs of|countryside of|south of|north of|east of|west of|"
    r"(?:north|south)-?(?:east|west) of)\s+(?:the\s+)?" + _DIRECTION + "$"
)
_DISTANCE = re.compile(r"\b(?:km|kms|kilomet(?:er|re)s?|miles?)\b[\w\s-]{0,25}\b(?:of|from)\s+(?:the\s+)?$")
_IN = re.compile(
    r"\b(?:in|at|on|inside|within|throughout|targeting|targeted|hit|struck|attacked|stormed|"
    r"captured|seized|recaptured|shelled|bombed|raided|entered|liberated|"
    r"(?:town|village|city|district|neighbou?rhood|suburb|province|governorate|region|county|"
    r"camp|municipality|hamlet|locality|settlement|estate) of|in the (?:[a-z\-]+\s+){1,3}of)"
    r"\s+(?:the\s+)?" + _DIRECTION + "$"
)
# "traders from Malindi", "residents of Ithamare": where the people who acted live (a weaker cue)
_ORIGIN = re.compile(
    r"\b(?:residents?|traders?|students?|pupils|youths?|villagers|farmers|herders|workers|teachers|"
    r"nurses|doctors|locals|inhabitants|people|women|men|members|supporters|vendors|operators) (?:from|of)"
    r"\s+(?:the\s+)?" + _DIRECTION + "$"
)
_MOVE = re.compile(
    r"\b(?:from|to|into|through|via|toward|towards|border with|borders? of|fled|flee|"
    r"returned to|sent to|deployed to|transferred to|headed to|visit to|visited)\s+(?:the\s+)?$"
)
_AFTER = re.compile(
    r"^\s+(province|governorate|county|region|state|department|district|sub-?district|sub-?county|constituency|"
    r"division|locality|town|village|city|area|camp|neighbou?rhood|outskirts|countryside|suburb|estate|"
    r"government|regime|authorities)\b",
    re.IGNORECASE,
)
# "the Mile mall", "Cleary Park offices": a name that only qualifies a building or business
_FACILITY = re.compile(
    r"^\s+(mall|offices?|hotel|restaurant|bank|supermarket|company|factory|club|stadium|shop|store|"
    r"brand|branch|headquarters)\b"
)
# words that may follow a place name inside a longer proper name without making it another thing
_PLACE_TAILS = frozenset({"airport", "university", "police", "hospital", "city", "town", "province",
                          "governorate", "county", "district", "region", "state", "camp", "prison",
                          "road", "highway", "bridge", "market", "stadium", "refugee", "central",
                          "north", "south", "east", "west", "constituency", "division", "municipality",
                          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                          "january", "february", "march", "april", "may", "june", "july", "august",
                          "september", "october", "november", "december"})
# "Governor Evans Kidero", "President Ruto": a title makes the next name a person
_TITLE = re.compile(
    r"\b(?:governor|president|minister|senator|general|gen\.|mr\.?|mrs\.?|ms\.?|dr\.?|chief|"
    r"commissioner|sheikh|imam|colonel|col\.|captain|capt\.|major|lieutenant|lt\.|sergeant|sgt\.|"
    r"bishop|father|king|prince|mp|mca|deputy|commander|spokesman|spokesperson|judge|justice)\s+$",
    re.IGNORECASE,
)
_PAREN = re.compile(r"^\s*\(([^()]{1,80})\)")
# "City Park, Nairobi", "Jerusalem village of Kirinyaga County", "Tapah of Pusht Rod district, Farah":
# the words between a place and the wider place that contains it
_CHAIN_GAP = re.compile(
    r"^['’\"]?\s*(?:(?:village|town|city|district|sub-?county|county|area|division|locality|neighbou?rhood|"
    r"camp|province|state|region|suburb|sector|zone|commune|municipality|lga|upazila|tehsil|payam|ward)\s*)?"
    r"(?:,|of|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# the rest of a longer name a candidate only begins: "Ras" of "Ras Jabel", "Takht" of "Takht-e-Pol"
_NAME_TAIL = re.compile(r"^(?:[ -](?:[A-Z][\w'’]*|e|i|al|el|ul|ad|as|an|wa|de|da|do)(?=[\s,.;:()-]|$))+")
_NOT_WHERE = re.compile(r"\s+(?:dollars?|embassy|embassies|ambassadors?|envoys?|consulates?|currency|pounds?|lira)\b",
                        re.IGNORECASE)
_ADMIN_WORDS = frozenset({"province", "governorate", "county", "region", "state", "department"})
_NEAR_WORDS = frozenset({"district", "sub-district", "subdistrict", "area", "outskirts", "countryside",
                         "sub-county", "subcounty", "constituency", "division", "locality"})
_TOWN_WORDS = frozenset({"town", "village", "city", "camp", "neighbourhood", "neighborhood",
                         "suburb", "estate"})
_UNIT_WORDS = frozenset({"lga", "district", "province", "county", "town", "village", "city",
                         "governorate", "region", "area", "municipality", "state"})
_WIDE_FEATURES = frozenset({"region", "desert", "valley"})
_AREA_FEATURES = frozenset({"mountain", "lake", "river", "forest", "border"})


@dataclass(frozen=True)
class PlaceContext:
    """Article-level hints for choosing places.

    ``countries`` are ACLED country names in order of first mention with their counts;
    ``admin1`` the first-level divisions the article names and ``admin1_countries`` their
    countries with counts (the country of an article that names only "Kirinyaga County");
    ``event_sentences`` the spans of the other event sentences; ``mentions`` place mentions from
    NER/the entity ruler (labels GPE, LOC, FAC, PLACE), used as extra candidates; ``group_words``
    peoples and clans with their home countries (("maasai", "Kenya")): "Maasai women" is no place
    called Masai in Malaysia.
    """

    countries: tuple[tuple[str, int], ...] = ()
    admin1: tuple[str, ...] = ()
    event_sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    admin1_countries: tuple[tuple[str, int], ...] = ()
    group_words: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def from_text(cls, text: str, gazetteer: Gazetteer, *, article_id: str = "",
                  event_sentences: tuple[Span, ...] = (),
                  mentions: tuple[Mention, ...] = (),
                  group_words: frozenset[tuple[str, str]] = frozenset()) -> PlaceContext:
        """Collect the countries (names and demonyms) and divisions an article mentions."""
        counts: dict[str, int] = {}
        admin1: list[str] = []
        admin1_countries: dict[str, int] = {}
        for match in _WORD.finditer(text):
            word = _strip_possessive(match.group())
            if text.startswith(("-based", "-led", "-backed", "-made"), match.end()) or \
                    _NOT_WHERE.match(text, match.end()):
                continue  # "Somalia-based militants", "the US dollar": whose, not where
            if word[:1].isupper() and not gazetteer.is_common_word(word):
                country = gazetteer.country_of(word)
                if country:
                    counts[country] = counts.get(country, 0) + 1
        # provinces named in the event sentences (the whole text when none are given)
        spans = event_sentences or (Span(article_id, 0, len(text)),)
        for span in spans:
            cands = _scan(text, span, gazetteer, ())
            for cand in cands:
                division = _division(text, cand, span)
                if division is not None:
                    if division.admin1 not in admin1:
                        admin1.append(division.admin1)
                    admin1_countries[division.country] = admin1_countries.get(division.country, 0) + 1
        return cls(tuple(counts.items()), tuple(admin1), event_sentences, mentions,
                   tuple(admin1_countries.items()), group_words)


def _division(text: str, cand: _Candidate, span: Span) -> GazEntry | None:
    """The first-level division a candidate names: the division of that name when an
    administrative word follows or ends it ("Mandera County"), or the top entry when it is a
    division whose name is unambiguous."""
    top = cand.entries[0] if cand.entries else None
    if top is None or _never_a_place(text[cand.start:cand.end]):
        return None
    if _admin_named(text, cand, span):
        return next((e for e in cand.entries if e.kind == "admin1"), None)
    key = name_key(text[cand.start:cand.end])
    own = {e.country for e in cand.entries if name_key(e.name) == key}
    if top.kind == "admin1" and len(own) == 1:
        return top
    return None


def _admin_named(text: str, cand: _Candidate, span: Span) -> bool:
    """"Kisii County", "Tachira state", "Cauca department": named as a division."""
    if _ADMIN_SUFFIX.search(text[cand.start:cand.end]):
        return True
    after = _AFTER.match(text[cand.end:span.end])
    return bool(after) and after.group(1).lower() in _ADMIN_WORDS


@dataclass
class _Candidate:
    start: int
    end: int
    entries: list[GazEntry]
    cue: str = "none"  # in | near | distance | move | none
    key: str = ""  # name_key of the surface text
    after: str = ""  # the word after the name: "province", "district", "town", ...
    hints: tuple[str, ...] = ()  # parenthesised names after the candidate
    hint_end: int = 0
    chain: tuple[str, ...] = ()  # wider places that follow: "City Park, Nairobi" -> ("Nairobi",)
    is_country: bool = False  # the surface names a country ("Yemen (Al Hudaydah)")
    name_end: int = 0  # end of the whole name when the match is only its beginning ("Ras" of "Ras Jabel")
    qualifier: bool = False  # only names a building or a longer name ("the Mile mall", "Cleary Park")
    chosen: GazEntry | None = field(default=None)


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _runs(text: str, span: Span) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (with lower-case connectors inside) as (start, end) tokens."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -1
    for match in _WORD.finditer(text, span.start, span.end):
        word = _strip_possessive(match.group())
        start, end = match.start(), match.start() + len(word)
        capital = word[:1].isupper() or (word[:3].lower() in ("al-", "el-") and word[3:4].isupper())
        joined = bool(current) and _GAP.match(text[last_end:start]) is not None
        if capital or (joined and word.lower() in _CONNECTORS):
            if not joined and current:
                runs.append(current)
                current = []
            current.append((start, end))
            last_end = end
            if end < match.end():  # a possessive ends the run
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [[t for t in run] for run in (_trim(r, text) for r in runs) if run]


def _trim(run: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    while run and text[run[-1][0]:run[-1][1]].lower() in _CONNECTORS:
        run = run[:-1]
    return run


def _unknown_name(text: str, run: list[tuple[int, int]], gaz: Gazetteer) -> tuple[int, int] | None:
    """The name part of an unknown place followed by hints: the capitalised words after the last
    connector, without a trailing unit word ("Faskari LGA" -> "Faskari")."""
    words = [text[a:b] for a, b in run]
    last_connector = max((k for k, w in enumerate(words) if w.lower() in _CONNECTORS), default=-1)
    tokens = run[last_connector + 1:]
    while tokens and text[tokens[-1][0]:tokens[-1][1]].lower() in _UNIT_WORDS:
        tokens = tokens[:-1]
    if not tokens or any(gaz.is_common_word(text[a:b]) for a, b in tokens):
        return None
    return tokens[0][0], tokens[-1][1]


def _scan(text: str, span: Span, gaz: Gazetteer, mentions: tuple[Mention, ...]) -> list[_Candidate]:
    """Longest gazetteer matches among the capitalised runs, plus NER mentions not yet covered."""
    found: list[_Candidate] = []
    for run in _runs(text, span):
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                start, end = run[i][0], run[j - 1][1]
                if j == i + 1 and text[start:end].islower():
                    continue  # a connector alone ("of", "al") is no place
                entries = gaz.lookup(text[start:end]) if name_key(text[start:end]) else []
                if entries:
                    found.append(_Candidate(start, end, entries))
                    i = j
                    break
            else:
                if _PAREN.match(text[run[-1][1]:span.end]):
                    unknown = _unknown_name(text, run[i:], gaz)
                    if unknown:
                        found.append(_Candidate(unknown[0], unknown[1], []))  # placed by its hints
                    break
                i += 1
    for mention in mentions:
        inside = span.start <= mention.span.start and mention.span.end <= span.end
        covered = any(c.start < mention.span.end and mention.span.start < c.end for c in found)
        if mention.label in PLACE_LABELS and inside and not covered:
            surface = re.sub(r"^the\s+", "", text[mention.span.start:mention.span.end], flags=re.I)
            entries = gaz.lookup(surface)
            if entries:
                found.append(_Candidate(mention.span.end - len(surface), mention.span.end, entries))
    return sorted(found, key=lambda c: c.start)


def _read_surroundings(text: str, span: Span, cands: list[_Candidate]) -> None:
    """Fill each candidate's cue (governing words before), following word, hints, the wider
    places chained after it and whether it only qualifies a building or a longer name."""
    previous: _Candidate | None = None
    starts = {c.start for c in cands}
    for cand in cands:
        before = text[max(span.start, cand.start - 70):cand.start].lower()
        if previous and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", text[previous.end:cand.start]):
            cand.cue = previous.cue
        else:
            cand.cue = _cue(before)
        after = text[cand.end:span.end]
        match = _AFTER.match(after)
        cand.after = match.group(1).lower() if match else ""
        paren = _PAREN.match(after[len(match.group(0)):] if match else after)
        tail = _NAME_TAIL.match(after) if not match and not paren else None
        if tail and _PAREN.match(after[tail.end():]):
            # "Ras Jabel (Bizerte)": the hints place the whole name, of which only "Ras" matched
            cand.name_end = cand.end + tail.end()
            paren = _PAREN.match(after[tail.end():])
            cand.hints = tuple(h.strip() for h in paren.group(1).split(",") if h.strip())
            cand.hint_end = cand.name_end + paren.end()
        elif paren:
            cand.hints = tuple(h.strip() for h in paren.group(1).split(",") if h.strip())
            cand.hint_end = cand.end + (len(match.group(0)) if match else 0) + paren.end()
        elif tail:
            cand.name_end = cand.end + tail.end()
        cand.qualifier = _qualifies_something(after, cand.end, starts)
        previous = cand
    for i, cand in enumerate(cands):
        cand.chain = _chain(text, span, cands, i)


def _qualifies_something(after: str, end: int, starts: set[int]) -> bool:
    if _FACILITY.match(after):
        return True
    nxt = re.match(r"^ ([A-Z][a-z]+)\b", after)
    return bool(nxt) and nxt.group(1).lower() not in _PLACE_TAILS and end + 1 not in starts


def _chain(text: str, span: Span, cands: list[_Candidate], i: int) -> tuple[str, ...]:
    """The wider places that follow candidate ``i`` ("Jerusalem village of Kirinyaga County",
    "Tapah of Pusht Rod district, Farah"); none when the names form a list ("Mosul, Kirkuk and
    Anbar")."""
    found: list[str] = []
    end = cands[i].hint_end or cands[i].name_end or cands[i].end
    for nxt in cands[i + 1:i + 4]:
        if nxt.start < end:
            continue  # a word of the same name ("Pol" of "Takht-e-Pol")
        gap = text[end:nxt.start]
        chained = _CHAIN_GAP.match(gap) is not None
        if not (chained or gap == " "):  # " ": the next word of one name ("Pusht Rod")
            break
        if chained and _is_wider(text, nxt, span):
            found.append(text[nxt.start:nxt.end])
        if chained:
            found.extend(nxt.hints)  # "Ar Rubat area of Tuban district (Lahij)": Lahij contains both
        end = nxt.hint_end or nxt.end
    if found and re.match(r"^\s*,?\s*(?:and|or|&)\s", text[end:span.end]):
        return ()
    return tuple(found)


def _is_wider(text: str, cand: _Candidate, span: Span) -> bool:
    """A country, a first-level division, or a name followed by an administrative word."""
    if _never_a_place(text[cand.start:cand.end]):
        return False
    if _admin_named(text, cand, span):
        return True
    key = name_key(text[cand.start:cand.end])
    return any(e.kind in ("admin1", "country") and name_key(e.name) == key for e in cand.entries)


def _cue(before: str) -> str:
    before = _POSSESSIVE.sub("", before)
    for name, pattern in (("near", _NEAR), ("distance", _DISTANCE), ("in", _IN), ("origin", _ORIGIN),
                          ("move", _MOVE)):
        if pattern.search(before):
            return name
    return "none"


def _entry_score(entry: GazEntry, cand: _Candidate, context: PlaceContext, hint_keys: set[str],
                 sentence_admin1: set[str]) -> float:
    """How well an entry fits its surroundings (higher is better)."""
    if entry.kind == "country":
        return -math.inf
    score = math.log10(entry.population + 1) / 3
    score += {"city": 0.5, "supplement": 0.8, "admin1": 0.3}.get(entry.kind, 0)
    if hint_keys & {name_key(entry.admin1), name_key(entry.admin2), name_key(entry.name)}:
        score += 4
    if entry.admin1 in sentence_admin1 and entry.kind != "admin1":
        score += 2
    if entry.admin1 in context.admin1:
        score += 1
    countries = [c for c, _ in context.countries]
    if entry.country in countries:
        score += 2.5 if countries.index(entry.country) == 0 else 1.5
    elif countries:
        score -= 1
    if cand.after in _ADMIN_WORDS:
        score += 3 if entry.kind == "admin1" else -1
    elif cand.after in _TOWN_WORDS and entry.kind != "admin1":
        score += 1
    return score


def _resolve(text: str, cands: list[_Candidate], gaz: Gazetteer, context: PlaceContext) -> None:
    """Choose one entry per candidate, using the divisions the sentence itself names."""
    sentence_admin1 = {c.entries[0].admin1 for c in cands
                       if c.entries and c.entries[0].kind == "admin1" and c.after in _ADMIN_WORDS}
    for cand in cands:
        surface = text[cand.start:cand.end]
        hint_keys = {name_key(strip_admin_suffix(h)) for h in cand.hints + cand.chain}
        cand.key = name_key(surface)
        cand.is_country = bool(cand.entries) and (
            all(e.kind == "country" for e in cand.entries) or (
                gaz.country_of(surface) is not None and not any(
                    _own_name(e, cand) and (e.kind in ("admin1", "supplement") or e.population >= 100_000)
                    for e in cand.entries)))
        if cand.is_country and not cand.hints:
            continue  # "in Lebanon" is the country, never Lebanon, Tennessee
        if _never_a_place(surface) or _TITLE.search(text[max(0, cand.start - 16):cand.start]):
            continue
        explicit = cand.after in _TOWN_WORDS | _ADMIN_WORDS
        if gaz.is_common_word(surface) and not explicit:
            continue  # "Police", "Hope", "Said": only with an explicit place word
        scored = [(_entry_score(e, cand, context, hint_keys, sentence_admin1), e) for e in cand.entries]
        scored = [s for s in scored if s[0] > -math.inf]
        best = max(scored, key=lambda s: s[0])[1] if scored else None
        if cand.hints and (best is None or not _fits_hints(best, hint_keys)):
            placed = _from_hints(cand, cand.hints, gaz, context)
            foreign = placed is not None and best is not None and placed.country != best.country
            keep = foreign and not cand.name_end and _unique_name(best, cand) and best.population >= 50_000
            if (placed is not None or best is None) and not keep:
                cand.entries, best = [], placed  # unless the hint is a homonym abroad ("Nord-Ouest")
        elif cand.chain and best is not None and not _fits_hints(best, hint_keys):
            wider = _from_hints(cand, cand.chain, gaz, context)
            if wider is not None and wider.country != best.country:
                cand.entries, best = [], wider  # "City Park, Nairobi": not the park in Canada
        if best is not None and _a_people(text, surface, cand, best, context):
            continue  # "Maasai women", "Garre militia": a people, not a place of another country
        if best is not None and _plausible(best, cand, context):
            cand.chosen = best


def _a_people(text: str, surface: str, cand: _Candidate, entry: GazEntry, context: PlaceContext) -> bool:
    """A people's name used as one ("Maasai herders", "Garre militia", "Maasai's two clans"),
    unless the place of that name lies in the people's own country ("Turkana raiders")."""
    if not _GROUP_NOUN.match(text, cand.end):
        return False
    homes = {country for word, country in context.group_words if word == surface.lower()}
    return bool(homes) and entry.country not in homes


_GROUP_NOUN = re.compile(
    r"['’]s\b|\s+(?:wom[ae]n|m[ae]n|youths?|militia\w*|herders?|raiders?|communit(?:y|ies)|clans?|"
    r"tribe\w*|elders|fighters|warriors|morans|people|famil(?:y|ies)|farmers|pastoralists|gunmen|"
    r"attackers|assailants|groups?|leaders?|politicians|members?|traders|landowners|squatters)\b"
)
_DIRECTIONS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern",
                         "western", "centre", "center",
                         "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
                         "southeast", "southwest", "upper", "lower", "middle"})
_ADMIN_SUFFIX = re.compile(r"\s(?:province|governorate|county|region|state|department)$", re.IGNORECASE)
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _never_a_place(surface: str) -> bool:
    """Month abbreviations and short all-capital acronyms (UN, IFO, GSU) are not places."""
    word = surface.strip().rstrip(".")
    if word.lower() in _MONTHS or word.lower() in _DIRECTIONS:
        return True  # a month, or a direction alone ("South" of "South Cotabato" is no province)
    return word.isupper() and len(word) <= 4


def _fits_hints(entry: GazEntry, hint_keys: set[str]) -> bool:
    return bool(hint_keys & {name_key(entry.admin1), name_key(entry.admin2), name_key(entry.name),
                             name_key(entry.country)})


def _plausible(entry: GazEntry, cand: _Candidate, context: PlaceContext) -> bool:
    """Guard against far-away homonyms ("Al Shabaab" -> a hamlet in Iran called Shabab).

    Outside the article's countries a place needs an explicit "in/near" cue or place word; with
    no country known at all, a small town needs one too.
    """
    if not cand.entries:
        return True
    if cand.hints and _fits_hints(entry, {name_key(strip_admin_suffix(h)) for h in cand.hints}):
        return True  # "Haydan district (Sadah)": its own province confirms it
    explicit = cand.cue in ("in", "near", "origin") or cand.after in _TOWN_WORDS | _ADMIN_WORDS | _NEAR_WORDS
    countries = {c for c, _ in context.countries}
    if countries and entry.country not in countries:
        return explicit and entry.population >= 15_000
    if not countries and entry.kind == "city" and entry.population < 15_000:
        return explicit
    if not countries and entry.kind == "city" and not _own_name(entry, cand):
        # no country known and the text matches only one of the entry's alternate names
        # ("Grenade" is Granada in French, "Kisi" a name of Jixi): only with a locative cue
        return explicit
    return True


def _unique_name(entry: GazEntry, cand: _Candidate) -> bool:
    """Whether the entry's name is its own and no other country has a place of that name."""
    own = {e.country for e in cand.entries if _own_name(e, cand)}
    return _own_name(entry, cand) and own == {entry.country}


def _own_name(entry: GazEntry, cand: _Candidate) -> bool:
    """Whether the surface is the entry's own (ASCII-folded) name rather than an alternate name."""
    return name_key(entry.name) == cand.key


def _from_hints(cand: _Candidate, hints: tuple[str, ...], gaz: Gazetteer,
                context: PlaceContext) -> GazEntry | None:
    """An unknown village placed by its parenthesised district/province ("X (Sujawal, Sindh)"):
    the first hint that resolves, read against the hints after it.

    Among a hint's homonyms the one in a country the later hints name comes first ("Mamove (Beni,
    Nord-Kivu)": Beni in Congo, not El Beni in Bolivia); for the last hint a division comes first
    ("Goniri (Gujiba LGA, Borno)": the state of Borno, not the town in Italy); then the countries
    of the candidate's own entries, then the article's first country, then population."""
    country = context.countries[0][0] if context.countries else None
    own = {e.country for e in cand.entries}
    found = [[e for e in gaz.lookup(h, country) if e.kind in ("city", "supplement", "admin1")] for h in hints]
    for i, entries in enumerate(found):
        if not entries:
            continue
        later = {e.country for rest in found[i + 1:] for e in rest}
        last = not any(found[i + 1:])

        def rank(e: GazEntry) -> tuple:
            return (e.country not in later if later else False, last and e.kind != "admin1",
                    e.country not in own, e.country != country, -e.population)
        return min(entries, key=rank)
    return None


def _precision(cand: _Candidate, entry: GazEntry) -> int:
    if not cand.entries and entry.kind == "admin1" and not cand.is_country:
        return 2  # a named place we only know the province of ("coordinates for Aden used")
    if entry.kind == "admin1" or entry.feature in _WIDE_FEATURES:
        return 3
    if cand.cue == "near" or cand.after in _NEAR_WORDS or entry.feature in _AREA_FEATURES:
        return 2
    if not cand.entries:  # placed through its hints only
        return 2
    return 1


def _to_place(text: str, cand: _Candidate, entry: GazEntry, gaz: Gazetteer, article_id: str) -> Place:
    precision = _precision(cand, entry)
    location, lat, lon, admin2 = entry.name, entry.latitude, entry.longitude, entry.admin2
    if entry.kind == "admin1":
        try:
            capital = gaz.capital(entry.country, entry.admin1)
            location, lat, lon, admin2 = capital.name, capital.latitude, capital.longitude, capital.admin2
        except GazetteerError:
            location = entry.admin1  # admin1 entries carry their capital's coordinates already
    if not cand.entries and not gaz.country_of(text[cand.start:cand.end]):
        location = text[cand.start:cand.name_end or cand.end]  # the named place, at its hint's point
    admin1_hints = [h for h in cand.hints if gaz.admin1(h, entry.country)]
    other_hints = [h for h in cand.hints if h not in admin1_hints]
    admin1 = entry.admin1 or (gaz.admin1(admin1_hints[-1], entry.country).admin1 if admin1_hints else "")
    if not admin2 and other_hints:
        admin2 = other_hints[0]
    return Place(country=entry.country, admin1=admin1, admin2=admin2, location=location,
                 latitude=lat, longitude=lon, precision=precision,
                 source=entry.id if cand.entries else f"hint:{entry.id}",
                 span=Span(article_id, cand.start, cand.end))


def _candidates(text: str, sentence: Span, gaz: Gazetteer, context: PlaceContext) -> list[_Candidate]:
    cands = _scan(text, sentence, gaz, context.mentions)
    _read_surroundings(text, sentence, cands)
    hint_zones = [(c.end, c.hint_end) for c in cands if c.hint_end]
    hint_zones += [(c.end, c.name_end) for c in cands if c.name_end and c.hints]
    cands = [c for c in cands if not any(a <= c.start < b for a, b in hint_zones)]
    _resolve(text, cands, gaz, context)
    return [c for c in cands if c.chosen is not None]


def find_places(text: str, span: Span, gazetteer: Gazetteer, context: PlaceContext) -> list[Place]:
    """Every place in ``span`` that could be an event location, in text order.

    Countries and places governed by movement words ("from", "into", "through") are left out;
    one sentence can still report events in several towns, and ACLED codes one row per town.
    """
    places = []
    for cand in _candidates(text, span, gazetteer, context):
        if cand.cue != "move" and cand.chosen is not None:
            places.append(_to_place(text, cand, cand.chosen, gazetteer, span.article_id))
    return places


def _place_score(cand: _Candidate, order: int) -> float:
    entry = cand.chosen
    assert entry is not None
    cue = {"in": 2.0, "near": 2.0, "origin": 1.0, "distance": 0.3, "none": 0.0, "move": -3.0}[cand.cue]
    if cand.hints and _fits_hints(entry, {name_key(strip_admin_suffix(h)) for h in cand.hints}):
        cue += 0.5  # "protested in Tarim (Tarim, Hadramawt)": placed and confirmed by its hints
    wide = entry.kind == "admin1" or entry.feature in _WIDE_FEATURES
    specific = 0.5 if wide and cand.entries else 2.0  # a named place located by its province is specific
    actor_like = -2.0 if cand.after in ("government", "regime", "authorities") else 0.0
    qualifier = -1.2 if cand.qualifier else 0.0
    return cue + specific + actor_like + qualifier - 0.05 * order


def choose_place(text: str, sentence: Span, gazetteer: Gazetteer, *,
                 context: PlaceContext) -> Place | None:
    """The place the event of ``sentence`` happened at, or None when the sentence names no
    usable place (only a country, or only places the event moved from or through)."""
    cands = _candidates(text, sentence, gazetteer, context)
    if not cands:
        return None
    scored = sorted(((_place_score(c, i), c) for i, c in enumerate(cands)), key=lambda s: -s[0])
    score, best = scored[0]
    if score + (1.2 if best.qualifier else 0.0) < -1 or best.chosen is None:
        return None
    return _to_place(text, best, best.chosen, gazetteer, sentence.article_id)
