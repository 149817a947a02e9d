"""Reading place names in a sentence: the capitalised runs that match the gazetteer, and the words
around each (the preposition that governs it, the word after it, parenthesised hints, the wider
places chained after it). `places` decides among the candidates found here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from eventdesk.gazetteer import GazEntry, Gazetteer, name_key, strip_admin_suffix
from eventdesk.model import Span

__all__ = [
    "ADMIN_WORDS",
    "ALT_NAME",
    "AREA_FEATURES",
    "DISTRICT_WORDS",
    "Candidate",
    "GROUP_NOUN",
    "NEAR_WORDS",
    "NOT_WHERE",
    "TITLE",
    "TOWN_WORDS",
    "WIDE_FEATURES",
    "WORD",
    "admin_named",
    "cue_before",
    "names_a_street",
    "never_a_place",
    "read_surroundings",
    "scan",
    "strip_possessive",
]


_MAX_WORDS = 6
_CONNECTORS = frozenset({"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "ez", "es", "ed",
                         "de", "del", "da", "do", "dos", "das", "di", "la", "le", "les", "bin", "au", "aux", "du", "des",
                         "ibn", "bani", "wa", "e", "y", "a", "of", "upon", "sur", "am", "im"})
WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][\w'’‘ʿʾ\u00C0-\u024F\u1E00-\u1EFF]*")
_GAP = re.compile(r"^[ \-]$")
_DIRECTION = r"(?:(?:north|south|east|west|central|rural|northern|southern|eastern|western)" \
             r"(?:[- ]?(?:north|south|east|west)(?:ern)?)?\s+)?"
_POSSESSIVE = re.compile(r"(?:\b[a-z]+ern\s+)?\b[\w\-]+['’]s\s+$")
_NEAR = re.compile(
    r"\b(?:near|nearby|outside|around|close to|outskirts of|vicinity of|areas? of|"
    r"surroundings of|environs of|countryside of|south of|north of|east of|west of|borders? of|"
    r"(?:north|south)-?(?:east|west) of)\s+(?:the\s+)?" + _DIRECTION + "$"
)
_DISTANCE = re.compile(r"\b(?:km|kms|kilomet(?:er|re)s?|miles?)\b[\w\s-]{0,25}\b(?:of|from)\s+(?:the\s+)?$")
_IN = re.compile(
    r"\b(?:in|at|on|inside|within|throughout|targeting|targeted|hit|struck|attacked|stormed|"
    r"captured|seized|recaptured|shelled|bombed|raided|entered|liberated|"
    r"(?:town|village|city|district|neighbou?rhood|suburb|province|governorate|region|county|"
    r"camp|municipality|hamlet|locality|settlement|estate|zone|sector|quarter)s? of|in the (?:[a-z\-]+\s+){1,3}of)"
    r"\s+(?:the\s+)?" + _DIRECTION + "$"
)
# "traders from Malindi", "residents of Ithamare": where the people who acted live (a weaker cue)
_ORIGIN = re.compile(
    r"\b(?:residents?|traders?|students?|pupils|youths?|villagers|farmers|herders|workers|teachers|"
    r"nurses|doctors|locals|inhabitants|people|women|men|members|supporters|vendors|operators) (?:from|of)"
    r"\s+(?:the\s+)?" + _DIRECTION + "$"
)
_MOVE = re.compile(
    r"\b(?:from|to|into|through|via|toward|towards|border with|fled|flee|"
    r"returned to|sent to|deployed to|transferred to|headed to|visit to|visited)\s+(?:the\s+)?$"
)
# a named place, then where it lies from another: "Majzar district west of Marib city"
_REFERENCE = re.compile(r"\s+(?:[a-z]+\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?")
_AFTER = re.compile(
    r"^\s+(?:(?:border|frontier|northern|southern|eastern|western|central|coastal|restive|neighbou?ring)\s+)?"
    r"(province|governorate|county|region|state|department|district|sub-?district|sub-?county|constituency|"
    r"lga|upazila|tehsil|subdivision|municipality|township|parish|"
    r"division|locality|town|village|city|area|camp|neighbou?rhood|outskirts|countryside|suburb|estate|"
    r"government|regime|authorities)\b",
    re.IGNORECASE,
)
# "the Mile mall", "Cleary Park offices": a name that only qualifies a building or business
_FACILITY = re.compile(
    r"^\s+(mall|offices?|hotel|restaurant|bank|supermarket|company|factory|club|stadium|shop|store|"
    r"brand|branch|headquarters|metro|station)\b", re.IGNORECASE
)
# words that may follow a place name inside a longer proper name without making it another thing
_PLACE_TAILS = frozenset({"airport", "university", "police", "hospital", "city", "town", "province",
                          "governorate", "county", "district", "region", "state", "camp", "prison",
                          "road", "highway", "bridge", "market", "stadium", "refugee", "central",
                          "north", "south", "east", "west", "constituency", "division", "municipality",
                          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                          "january", "february", "march", "april", "may", "june", "july", "august",
                          "september", "october", "november", "december"})
# "Governor Evans Kidero", "President Ruto": a title makes the next name a person; "pro-Islah",
# "anti-Houthi": a side, not a place
TITLE = re.compile(
    r"\b(?:pro-|anti-)$|\b(?:governor|president|minister|senator|general|gen\.|mr\.?|mrs\.?|ms\.?|dr\.?|chief|"
    r"commissioner|sheikh|imam|colonel|col\.|captain|capt\.|major|lieutenant|lt\.|sergeant|sgt\.|"
    r"bishop|father|king|prince|mp|mca|deputy|commander|spokesman|spokesperson|judge|justice)\s+$",
    re.IGNORECASE,
)
# "(coordinates for Narok town used)", "(coded as Taveta)" are a coder's notes, not hints
_PAREN = re.compile(r"^\s*\((?!coordinates\b|coded\b|presumed\b|believed\b)([^()]{1,80})\)")
# "City Park, Nairobi", "Jerusalem village of Kirinyaga County", "Tapah of Pusht Rod district, Farah":
# the words between a place and the wider place that contains it
_CHAIN_GAP = re.compile(
    r"^['’\"]?\s*(?:(?:village|town|city|district|sub-?county|county|area|division|locality|neighbou?rhood|"
    r"camp|province|state|region|suburb|sector|zone|commune|municipality|lga|upazila|tehsil|payam|ward|parish|"
    r"center|centre|subdivision|township)s?\s*){0,2}"
    # "area of Nahri Saraj district": only Saraj is known; ", the Military Police" is no wider place
    r"(?:,\s*(?:(?:in|of)\s+(?:the\s+)?)?|(?:of|in)\s+(?:the\s+)?)(?:(?-i:[A-Z])[\w'’]*\s+){0,2}$",
    re.IGNORECASE,
)
# the rest of a longer name a candidate only begins: "Ras" of "Ras Jabel", "Takht" of "Takht-e-Pol"
_NAME_TAIL = re.compile(r"^(?:[ -](?:[A-Z][\w'’]*|e|i|al|el|ul|ad|as|an|ar|er|ez|es|ed|wa|de|da|do)(?=[\s,.;:()-]|$))+")
NOT_WHERE = re.compile(r"\s+(?:dollars?|embassy|embassies|ambassadors?|envoys?|consulates?|currency|pounds?|lira)\b",
                        re.IGNORECASE)
ADMIN_WORDS = frozenset({"province", "governorate", "county", "region", "state", "department"})
NEAR_WORDS = frozenset({"district", "sub-district", "subdistrict", "area", "outskirts", "countryside",
                         "sub-county", "subcounty", "constituency", "division", "locality"})
# words after the name of a second-level division ("Muqur district", "Gujiba LGA")
DISTRICT_WORDS = frozenset({"district", "sub-district", "subdistrict", "lga", "upazila", "tehsil", "municipality",
                            "sub-county", "subcounty", "constituency", "division", "subdivision", "parish",
                            "township"})
TOWN_WORDS = frozenset({"town", "village", "city", "camp", "neighbourhood", "neighborhood",
                         "suburb", "estate"})
_UNIT_WORDS = frozenset({"lga", "district", "province", "county", "town", "village", "city",
                         "governorate", "region", "area", "municipality", "state", "upazila", "tehsil",
                         "township", "subdivision", "parish", "sub-district", "subdistrict"})
# the shared unit word of a list of places: "Khogyani and Sherzad districts, Nangarhar"
_PLURAL_UNITS = frozenset({"villages", "areas", "districts", "towns", "camps", "neighbourhoods", "neighborhoods",
                           "fronts", "localities", "communities", "hills", "mountains", "counties", "municipalities",
                           "cities", "provinces", "regions", "lgas", "LGAs", "townships", "subdivisions",
                           "governorates", "states", "departments"})
_NAME_WORDS = r"(?:[A-Z][\w'’\-]*|al|el|ad|as|ar|an|ash|az|at|wa)(?:\s+(?:[A-Z][\w'’\-]*|al|el|ad|as|ar|an|ash|az|at|wa))*"
# what follows the first members of such a list: ", B and C villages", " and C areas"
# or, with no unit word, the parenthesis they share: "Ananum, Gidan Adamu and Dadin Kowa (Donga, Taraba)"
_LIST_TAIL = re.compile(
    rf"^(?:\s*,\s*{_NAME_WORDS})*\s*,?\s+(?:and|or)\s+{_NAME_WORDS}(?:\s+(?:military|residential|border|checkpoint))?"
    rf"(?:\s+(?:{'|'.join(sorted(_PLURAL_UNITS))})\b|\s*\()")
_IN_REGION = re.compile(r"^\s+in\s+(?:the\s+)?(?:north|south|east|west|central)\w*\s+[A-Z][a-z]+(?=\s*\()")
_LIST_REST = re.compile(r"^(?:\s*,\s*(?-i:[A-Z])[\w'’\-]*(?:\s+(?-i:[A-Z])[\w'’\-]*)*)*\s*,?\s*(?:and|or|&)\s")
# a second name in brackets right after a name: "Salim [Al Fajir] (Qaatabah, Ad Dali)"
ALT_NAME = re.compile(r"^\s*\[[^\[\]]{1,40}\]")
# a separator, then maybe a name the gazetteer does not know (", Gankoi Yeba, Zambana" before "Kwossa")
_LIST_SEP_NAMES = re.compile(r"(?:\s*(?:,|,?\s+(?:and|or))\s+(?:[A-Z][\w'’\-]*\s+){0,2})+")
# lower-case words between a name and its hints: "Bab Ghaliq front (Qaatabah, Ad Dali)", "Enma market (...)"
_FEATURE_WORDS = _UNIT_WORDS | frozenset({
    "front", "frontline", "area", "areas", "villages", "districts", "commune", "hill", "checkpoint", "payam",
    "junction", "locality", "zone", "mountain", "community", "road", "chieftaincy", "market", "port",
    "beach", "island", "fort", "airport", "territory", "desert", "valley", "highway", "camp", "neighbourhood",
    "neighborhood", "bridge", "base", "sector", "ward", "crossing", "square", "street", "mosque", "prison"}) | _PLURAL_UNITS
WIDE_FEATURES = frozenset({"region", "desert", "valley"})
AREA_FEATURES = frozenset({"mountain", "lake", "river", "forest", "border", "island"})


# "the Paulista Avenue", "Moi Avenue": a street named after a place is not the place ("the Machakos road"
# is, for ACLED, where it leads)
_STREET = re.compile(r"\s+(?:Avenue|Street|Boulevard|St\.|Ave\.)\b")


def names_a_street(text: str, cand: Candidate) -> bool:
    return _STREET.match(text, cand.end) is not None


def admin_named(text: str, cand: Candidate, span: Span) -> bool:
    """"Kisii County", "Tachira state", "Cauca department": named as a division."""
    if _ADMIN_SUFFIX.search(text[cand.start:cand.end]):
        return True
    # "Kash Rod (Delaram) district": past another name in brackets
    after = _AFTER.match(re.sub(r"^\s*\([^()]{1,30}\)", "", text[cand.end:span.end]))
    return bool(after) and after.group(1).lower() in ADMIN_WORDS


@dataclass
class Candidate:
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
    part_of_city: bool = False  # a part of the city named after it ("Al Wahdah area of Sanaa city")
    respelled: bool = False  # a district matched by its sound_key ("Kushki Kuhna" -> Koshki Kohna)
    chosen: GazEntry | None = field(default=None)

    @functools.cached_property
    def hint_keys(self) -> frozenset[str]:
        """Matching keys of the parenthesised hints ("Garissa county" -> "garisa"), read once the
        surroundings are known."""
        return frozenset(name_key(strip_admin_suffix(h)) for h in self.hints)


def strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _runs(text: str, span: Span) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (with lower-case connectors inside) as (start, end) tokens."""
    shift = span.start
    return [[(a + shift, b + shift) for a, b in run] for run in _runs_in(text[span.start:span.end])]


@functools.lru_cache(maxsize=2048)
def _runs_in(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """``_runs`` of a whole sentence, remembered: a sentence is read for the article's provinces,
    for its event's place and for the places it lists."""
    return tuple(tuple(run) for run in _read_runs(text))


def _read_runs(text: str) -> list[list[tuple[int, int]]]:
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -1
    for match in WORD.finditer(text):
        word = strip_possessive(match.group())
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
    "of" or "at", without a trailing unit word ("Faskari LGA" -> "Faskari"); an article stays part of the
    name ("Al Azariq")."""
    words = [text[a:b] for a, b in run]
    last_connector = max((k for k, w in enumerate(words) if w in ("of", "at")), default=-1)  # "LoC at Kahuta"
    tokens = run[last_connector + 1:]
    while tokens and text[tokens[-1][0]:tokens[-1][1]].lower() in _UNIT_WORDS:
        tokens = tokens[:-1]
    if not tokens or any(gaz.is_common_word(text[a:b]) for a, b in tokens):
        return None
    return tokens[0][0], tokens[-1][1]


def _after_unit_word(after: str) -> str:
    """The text after a lower-case unit or feature word that follows a name ("Al Azariq district
    (Ad Dali)", "Bab Ghaliq front (Qaatabah, Ad Dali)", "Bani Siyah residential villages (Razih,
    Sadah)")."""
    after = ALT_NAME.sub("", after)  # "Salim [Al Fajir] (Qaatabah, Ad Dali)": another name
    for _ in range(2):  # "Sirkh Sankh sector area (Haveli district, AJK)": up to two such words
        unit = re.match(r"(?:\s+(?:residential|civilian|military|border|scattered|mountainous|desert|rural))?"
                        r"\s+([a-z]+)\b", after)
        if not (unit and unit.group(1) in _FEATURE_WORDS):
            break
        after = after[unit.end():]
    return _IN_REGION.sub("", after, count=1)  # "Al Jah area in western Yemen (Bayt Al Faqiah, Al Hudaydah)"


def scan(text: str, span: Span, gaz: Gazetteer) -> list[Candidate]:
    """Longest gazetteer matches among the capitalised runs."""
    found: list[Candidate] = []
    for run in _runs(text, span):
        i = 0
        placed_after: bool | None = None  # read once per run, at its first unknown word
        hinted = False
        while i < len(run):
            for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                start, end = run[i][0], run[j - 1][1]
                if j == i + 1 and text[start:end].islower():
                    continue  # a connector alone ("of", "al") is no place
                entries = gaz.lookup(text[start:end]) if name_key(text[start:end]) else []
                if entries:
                    found.append(Candidate(start, end, entries))
                    i = j
                    break
            else:
                if placed_after is None:
                    after = text[run[-1][1]:span.end]
                    hinted = _PAREN.match(_after_unit_word(after)) is not None
                    placed_after = hinted or _LIST_TAIL.match(after) is not None
                listed = placed_after and not hinted and (not found or found[-1].end < run[0][0]) \
                    and not any(gaz.lookup(text[a:b]) for a, b in run[i + 1:])  # "Kenyan Moyale and ..."
                if hinted or listed:
                    # placed by its hints, or by those of the list it begins ("Al Maqani and Ash
                    # Shuaynah villages (Hays, Al Hudaydah)")
                    unknown = _unknown_name(text, run[i:], gaz)
                    if unknown:
                        found.append(Candidate(unknown[0], unknown[1], []))
                    break
                i += 1
    return [c for c in sorted(found, key=lambda c: c.start) if not _in_alt_name(text, c, found)]


def _in_alt_name(text: str, cand: Candidate, found: list[Candidate]) -> bool:
    """Is ``cand`` inside the bracketed second name of another ("Hajar" of "Salim [Naqil Hajar]")?"""
    opening = text.rfind("[", 0, cand.start)
    return opening >= 0 and "]" not in text[opening:cand.start] and "]" in text[cand.end:cand.end + 40] \
        and any(o.end <= opening and not text[o.end:opening].strip() for o in found)


def read_surroundings(text: str, span: Span, cands: list[Candidate]) -> None:
    """Fill each candidate's cue (governing words before), following word, hints, the wider
    places chained after it and whether it only qualifies a building or a longer name."""
    previous: Candidate | None = None
    starts = {c.start for c in cands}
    for cand in cands:
        if previous and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", text[previous.end:cand.start]):
            cand.cue = previous.cue
        else:
            cand.cue = cue_before(text, span, cand.start)
        if cand.cue == "near" and previous and _REFERENCE.fullmatch(text[previous.end:cand.start]):
            cand.cue = "distance"  # "Majzar district west of Marib city": Marib only says where Majzar is
        after = text[cand.end:span.end]
        match = _AFTER.match(after)
        cand.after = match.group(1).lower() if match else ""
        # "Enma market (Al Mansurah, Aden)", "Hays district in western Yemen (Al Hudaydah)"
        own = _IN_REGION.sub("", after[len(match.group(0)):], count=1) if match else _after_unit_word(after)
        paren = _PAREN.match(own)
        # "North" of "North Nazimabad town (Karachi city, Sindh)" is no name the hints place
        tail = _NAME_TAIL.match(after) if not (match or paren or never_a_place(text[cand.start:cand.end])) else None
        rest = _after_unit_word(after[tail.end():]) if tail else ""
        if tail and _PAREN.match(rest):
            # "Ras Jabel (Bizerte)", "Bab Ghaliq front (Qaatabah, Ad Dali)": the hints place the
            # whole name, of which only "Ras" or "Bab" matched
            cand.name_end = cand.end + tail.end()
            paren = _PAREN.match(rest)
            cand.hints = _split_hints(paren)
            cand.hint_end = cand.end + len(after) - len(rest) + paren.end()
        elif paren:
            cand.hints = _split_hints(paren)
            cand.hint_end = cand.end + len(after) - len(own) + paren.end()
        elif tail:
            cand.name_end = cand.end + tail.end()
        doubled = re.match(r"-([a-z]+)\b", after)
        if doubled and doubled.group(1) == text[cand.start:cand.end].lower():
            cand.name_end = cand.end + doubled.end()  # "Barangay Gaya-gaya" is not Gaya in India
        cand.qualifier = _qualifies_something(after, cand.end, starts)
        previous = cand
    for i, cand in enumerate(cands):
        cand.chain = _chain(text, span, cands, i)
    _share_list_context(text, span, cands)


def _split_hints(paren: re.Match[str]) -> tuple[str, ...]:
    return tuple(h.strip() for h in paren.group(1).split(",") if h.strip())


def _share_list_context(text: str, span: Span, cands: list[Candidate]) -> None:
    """"Al Maqani and Ash Shuaynah villages (Hays, Al Hudaydah)", "Hazrat Qishlaq and Timurak
    areas of Charbolak district, Balkh": the hints and wider places after a list's shared unit
    word belong to every member, not only the last; "in Al Jawf, Ad Dali and Taizz governorates":
    so does a division word."""
    for i in range(len(cands) - 1, 0, -1):
        last = cands[i]
        after = text[last.name_end or last.end:span.end]
        unit = re.match(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", after)
        word = next((w for w in (unit.group(1), unit.group(2)) if w in _PLURAL_UNITS), "") if unit else ""
        single = (word[:-3] + "y" if word.endswith("ies") else word[:-1]).lower()
        if single in ADMIN_WORDS:
            for member in _list_before(text, span, cands, i, provinces_only=False):
                member.after = member.after or single  # each a governorate
        # no unit word, only the parenthesis: it places the members nothing else places
        paren_only = not word and after.lstrip().startswith("(")
        if not (word or paren_only) or not (last.hints or last.chain):
            continue  # "Al Fazzah and Al Jabaliyah areas", "Mori and Nawjid military camps"
        for member in _list_before(text, span, cands, i, provinces_only=True):
            # a member the gazetteer only knows by a first word ("Gidan" of "Gidan Adamu") is unknown too
            if not member.hints and not member.chain and (word or not member.entries or member.name_end):
                member.hints, member.chain = last.hints, last.chain


def _list_before(text: str, span: Span, cands: list[Candidate], i: int, provinces_only: bool) -> list[Candidate]:
    """The members of the list that candidate ``i`` ends; with ``provinces_only`` a province
    ends the list ("Alishing district, Laghman, and ...")."""
    j = i
    while j > 0 and _LIST_SEP_NAMES.fullmatch(_gap(text, cands[j - 1], cands[j])) \
            and not (provinces_only and _is_wider(text, cands[j - 1], span, provinces_only=True)):
        j -= 1
    return cands[j:i]


def _gap(text: str, a: Candidate, b: Candidate) -> str:
    """What separates two names, without a bracketed second name of the first ("Salim [Naqil Hajar] and")."""
    return ALT_NAME.sub("", text[a.name_end or a.end:b.start])


def _qualifies_something(after: str, end: int, starts: set[int]) -> bool:
    if _FACILITY.match(after):
        return True
    nxt = re.match(r"^ ([A-Z][a-z]+)\b", after)
    return bool(nxt) and nxt.group(1).lower() not in _PLACE_TAILS and end + 1 not in starts


def _chain(text: str, span: Span, cands: list[Candidate], i: int) -> tuple[str, ...]:
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
            # "El Campito, Merida, Merida state": the last is the province, whatever the city's size
            found.append(text[nxt.start:nxt.end] + (f" {nxt.after}" if nxt.after in ADMIN_WORDS else ""))
        if chained:
            found.extend(nxt.hints)  # "Ar Rubat area of Tuban district (Lahij)": Lahij contains both
        end = nxt.hint_end or nxt.end
    if found and _LIST_REST.match(text[end:span.end]):
        return ()  # "Sidon, Tripoli, Matn and Zahle": a list, not a place and its city
    return tuple(found)


def _is_wider(text: str, cand: Candidate, span: Span, provinces_only: bool = False) -> bool:
    """A country, a division, a big city ("San Cristobal, Bogota"), or a name followed by an
    administrative word. Districts count: Philippine provinces are second-level
    ("Barangay Pilar, Hinigaran, Negros Occidental")."""
    if never_a_place(text[cand.start:cand.end]) or cand.name_end:
        return False  # "Ain" of "Ain er Roummaneh" is not the district of Ain
    if admin_named(text, cand, span) or (cand.respelled and not provinces_only):
        return True  # a respelled name is one followed by "district"
    key = name_key(text[cand.start:cand.end])
    kinds = ("admin1", "country") if provinces_only else ("admin1", "admin2", "country")
    # a province also by another of its names ("Urozgan" for Uruzgan); other places by their own
    return any((e.kind == "admin1" or name_key(e.name) == key)
               and (e.kind in kinds or (e.kind == "city" and e.population >= 500_000 and not provinces_only))
               for e in cand.entries)


def cue_before(text: str, span: Span, start: int) -> str:
    """The cue of a name at ``start``: "in", "near", "distance", "origin", "move" or "none"."""
    return _cue(text[max(span.start, start - 70):start].lower())


# a unit word written as part of the name: "in Barangay Santo Nino Norte", "in Sitio Kapatagan"
_NAME_PREFIX = re.compile(r"\s*\b(?:barangays?|brgy\.?|sitio|purok|barrio|colonia|vereda|corregimiento|aldea|"
                          r"kampung|desa|kebele|woreda)\s*$")


def _cue(before: str) -> str:
    before = _NAME_PREFIX.sub(" ", _POSSESSIVE.sub("", before))
    for name, pattern in (("near", _NEAR), ("distance", _DISTANCE), ("in", _IN), ("origin", _ORIGIN),
                          ("move", _MOVE)):
        if pattern.search(before):
            return name
    return "none"


GROUP_NOUN = re.compile(
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


def never_a_place(surface: str) -> bool:
    """Month abbreviations and short all-capital acronyms (UN, IFO, GSU) are not places."""
    word = surface.strip().rstrip(".")
    if word.lower() in _MONTHS or word.lower() in _DIRECTIONS:
        return True  # a month, or a direction alone ("South" of "South Cotabato" is no province)
    return word.isupper() and len(word) <= 4
