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

The names and their surroundings are read in ``_place_text``; the article-level hints
(``PlaceContext``) are collected in ``_place_context`` and the placing of a name through its hints
or chained wider places is in ``_place_hints``; which entries a name may be at all (the guard
against far-away homonyms) is ``_plausible``. This module chooses among the candidates.
"""

from __future__ import annotations

import functools
import math
import re

from eventdesk.gazetteer import GazEntry, Gazetteer, GazetteerError, fold, is_village, km, name_key, spelling, strip_admin_suffix
from eventdesk.model import Place, Span
from eventdesk.rules import word_list
from eventdesk.extract.places._asides import ELSEWHERE
from eventdesk.extract.places._city_parts import find_parts
from eventdesk.extract.places._naming import written_name
from eventdesk.extract.places._people import apposed_as_a_person, owned_by_a_person, part_of_a_personal_name
from eventdesk.extract.places._respelled import respelled_districts
from eventdesk.extract.places._context import PlaceContext
from eventdesk.extract.places._plausible import _CITY_POPULATION, fits_hints as _fits_hints, plausible as _plausible
from eventdesk.extract.places._hints import (
    _capital_of_the_name,
    _district_over_the_border,
    _division_keys,
    _from_hints,
    _keeps_its_name,
    _own_name,
    _respelled_fit,
)
from eventdesk.extract.places._text import GROUP_NOUN, TITLE, cue_before, read_surroundings, scan
from eventdesk.extract.places._words import (
    ADMIN_WORDS,
    AREA_FEATURES,
    DISTRICT_WORDS,
    Candidate,
    NEAR_WORDS,
    TOWN_WORDS,
    WIDE_FEATURES,
    names_a_facility,
    names_a_street,
    names_a_vessel,
    names_an_organisation,
    never_a_place,
)

__all__ = ["PlaceContext", "choose_place", "find_places"]



def _entry_score(entry: GazEntry, cand: Candidate, context: PlaceContext, hint_keys: set[str],
                 sentence_admin1: set[str]) -> float:
    """How well an entry fits its surroundings (higher is better)."""
    if entry.kind == "country":
        return -math.inf
    score = math.log10(entry.population + 1) / 3
    score += {"city": 0.5, "supplement": 0.8, "admin1": 0.3, "admin2": 0.3}.get(entry.kind, 0)
    if not _own_name(entry, cand) and any(e is not entry and _own_name(e, cand) for e in cand.entries):
        # "San Miguel" is El Salvador's city of that name before San Diego, which lists it among
        # its old names: an alternate name yields to a place whose own name it is
        score -= 0.5
    # a hint repeating the name itself names its division ("Santa Ana (Santa Ana)": the town of
    # Santa Ana department, not Santa Ana in California)
    matched = hint_keys & ({name_key(entry.admin1), name_key(entry.admin2)} | ({name_key(entry.name)} - {cand.key}))
    if matched:
        score += 3 + len(matched)  # "Karu (Karu LGA, Nasarawa)": both hints fit Karu of Nasarawa
    if entry.admin1 in sentence_admin1 and entry.kind != "admin1":
        score += 2
    if entry.admin1 in context.admin1:
        score += 1
    countries = [c for c, _ in context.countries]
    if entry.country in countries:
        score += 2.5 if countries.index(entry.country) == 0 else 1.5
    elif countries:
        score -= 1
    elif entry.country in {c for c, _ in context.homes}:
        score += 1.5
    if cand.after in ADMIN_WORDS:
        score += 3 if entry.kind == "admin1" else -1
    elif cand.after in TOWN_WORDS and entry.kind not in ("admin1", "admin2"):
        score += 1
    return score


def _resolve(text: str, cands: list[Candidate], gaz: Gazetteer, context: PlaceContext, person=None,
             aside=None) -> None:
    """Choose one entry per candidate, using the divisions the sentence itself names."""
    sentence_admin1 = {c.entries[0].admin1 for c in cands
                       if c.entries and c.entries[0].kind == "admin1" and c.after in ADMIN_WORDS}
    for cand in cands:
        surface = text[cand.start:cand.end]
        cand.hint_keys = cand.hint_keys | _division_keys(cand, gaz)
        # a village of the larger source that the text gives no reading of is no candidate: the name
        # stays unknown, placed by its hints as before ("Goniri (Gujiba LGA, Borno)")
        villages_only = bool(cand.entries) and all(is_village(e.id) for e in cand.entries)
        if (cand.hints or cand.chain) and any(is_village(e.id) for e in cand.entries):
            cand.hint_points = tuple(e for h in (*cand.hints, *cand.chain) for e in gaz.lookup(strip_admin_suffix(h))
                                     if e.kind in ("admin2", "city"))
        keep = [not is_village(e.id) or _plausible(e, cand, context) for e in cand.entries]
        kept = [e for e, k in zip(cand.entries, keep) if k]
        cand.ruled_out = tuple(e for e, k in zip(cand.entries, keep) if not k)  # (no ``e not in kept``: quadratic)
        cand.entries = kept
        rejected = villages_only and not cand.entries  # read as a name the gazetteer lacks
        cand.longer = _longer_name(text, cand, gaz)
        unit = surface.rsplit(" ", 1)[-1].lower()
        if not cand.after and " " in surface and unit in ADMIN_WORDS | DISTRICT_WORDS:
            cand.after = unit  # "Isiolo County" matched whole: its unit word names it as much as one after it
        hint_keys = set(cand.hint_keys) | {name_key(strip_admin_suffix(h)) for h in cand.chain}
        cand.key = name_key(surface)
        cand.is_country = bool(cand.entries) and (
            all(e.kind == "country" for e in cand.entries) or (
                gaz.country_of(surface) is not None and not any(_rivals_the_country(e, cand, surface) for e in cand.entries)))
        if cand.is_country and not cand.hints:
            continue  # "in Lebanon" is the country, never Lebanon, Tennessee
        if _spelled_acronym(text, cand):
            continue  # "Jamaah Ansharut Daulah (JAD)": a name and its acronym are an organisation's
        if never_a_place(surface) or TITLE.search(text[max(0, cand.start - 16):cand.start]) or \
                names_a_street(text, cand) or names_a_vessel(text, cand) or _names_water(text, cand, surface) or \
                (names_a_facility(surface) and cand.after not in TOWN_WORDS) or \
                names_an_organisation(text, cand):
            continue
        explicit = cand.after in TOWN_WORDS | ADMIN_WORDS
        if not explicit and cand.cue == "none" and " " not in surface and TITLE.search(surface + " "):
            continue  # "the Commissioner of Police ordered": a title names a person's office, not a town
        if gaz.is_common_word(surface) and not explicit:
            continue  # "Police", "Hope", "Said": only with an explicit place word
        if not explicit and not cand.hints and cand.after not in DISTRICT_WORDS | NEAR_WORDS and \
                part_of_a_personal_name(text, cand, gaz):
            continue  # "Roberto Morales", "Hamilton Garcia": a person, not the town
        if not explicit and not cand.hints and cand.after not in DISTRICT_WORDS | NEAR_WORDS and \
                surface.lower() in context.surnames:
            continue  # "Carlos Pizarro Leongomez ... mourners at Pizarro's grave": the man named in full before
        if not explicit and not cand.hints and owned_by_a_person(text, cand):
            continue  # "armed men broke into Monzon's residence": a man, not Monzon in Spain
        if not explicit and cand.cue == "none" and apposed_as_a_person(text, cand):
            continue  # "Barillas, ambassador to Spain, was gunned down": a man, not Barillas in Spain
        if person is not None and not explicit and not cand.hints and cand.cue == "none" and \
                cand.after not in DISTRICT_WORDS | NEAR_WORDS and _can_be_chosen(cand) and person(cand.start, cand.end):
            continue  # no place reading, and the NER reads a person: "the murder of Galan"
        where = aside(cand.start, cand.end) if aside is not None else False
        if where == ELSEWHERE:
            continue  # "the deadliest since the 2014 Peshawar school massacre": that act's place
        cand.aside = bool(where)
        if cand.respelled:
            cand.chosen = _respelled_fit(cand, gaz, context)
            continue
        spelled = spelling(surface)
        exact = any(spelling(e.name) == spelled for e in cand.entries)
        scored = [(_entry_score(e, cand, context, hint_keys, sentence_admin1) - _misspelt(e, cand, spelled, exact), e)
                  for e in cand.entries]
        scored = [s for s in scored if s[0] > -math.inf]
        best = max(scored, key=lambda s: s[0])[1] if scored else None
        if best is not None and best.kind == "admin1" and cand.after not in ADMIN_WORDS:
            best = _capital_of_the_name(best, cand) or best
        if cand.hints and (best is None or not _fits_hints(best, hint_keys)):
            placed = _from_hints(cand, cand.hints, gaz, context)
            if cand.is_country and (placed is None or placed.country != gaz.country_of(surface)):
                continue  # "Colombia (DAS, secret police)": the country, whose brackets name no place in it
            if (placed is not None or best is None) and not _keeps_its_name(best, placed, cand, gaz):
                cand.entries, best = [], placed
        if rejected and best is None and cand.chain and (cand.cue in ("in", "near") or cand.after in TOWN_WORDS):
            # "in Barangay Santo Nino Norte, Arevalo, Iloilo City": a name whose only entries are
            # villages elsewhere is unknown here, placed by the wider places chained after it when
            # the text reads it as a place ("the U.S. Ambassador in Bogota" is no place Ambassador)
            best = _from_hints(cand, cand.chain, gaz, context)
        # a chain that names a district and a province under its country is not fitted by the country
        # alone: "Sangkum Thmei village, Veal Veaeng district of Pursat province, Cambodia" is not
        # Preah Vihear's Sangkom Thmei district (a province alone may be one a district centroid's
        # guessed province disagrees with: "Fik zone in Somali region, Ethiopia")
        divisions = [h for h in cand.chain if best is None or name_key(h) != name_key(best.country)]
        chained = hint_keys - {name_key(best.country)} if best is not None and len(divisions) >= 2 else hint_keys
        if cand.chain and best is not None and not _fits_hints(best, chained or hint_keys):
            # also when the parenthesis only gave another name: "Qazi (Qaziyan) village of Dawlat
            # Yar district, Ghor" is not Qazi in Iran
            wider = _from_hints(cand, cand.chain, gaz, context)
            if wider is not None and (wider.country != best.country or wider.admin1 != best.admin1) \
                    and not _district_over_the_border(best, wider, cand):
                # "City Park, Nairobi": not the park in Canada; "Muqur district, Badghis": not
                # Muqer of Ghazni; "Caracoli, Malambo, Atlantico": not Caracoli of Antioquia
                cand.entries, best = [], wider
        if best is not None and _a_people(text, surface, cand, best, context):
            continue  # "Maasai women", "Garre militia": a people, not a place of another country
        if best is not None and _a_feature_abroad(text, cand, best, context):
            continue  # "in the Lido beach area" of a report from Mogadishu: no Lido in Italy
        if best is not None and _a_nation_word(text, surface, cand, best, gaz):
            continue  # "the Somali capital Mogadishu": Somalia's adjective, not Ethiopia's Somali region
        if best is not None and cand.aside and best.country != next(iter(context.countries), ("",))[0]:
            continue  # "the businessman, who spends most of his time in Miami, was kidnapped" (_asides)
        if best is not None and _plausible(best, cand, context):
            cand.chosen = best


def _can_be_chosen(cand: Candidate) -> bool:
    """Whether the rest of ``_resolve`` can choose a place for a candidate that has no hints: one with
    gazetteer entries, a chain of wider places or a respelling. Any other is left unchosen whatever the
    NER reads there (only its ``aside``, read for chosen candidates alone, is set), so ``person`` is not
    asked: a fifth of the NER runs of the MUC-4 bench reports were asked for such names first."""
    return bool(cand.entries or cand.chain or cand.respelled)


def _longer_name(text: str, cand: Candidate, gaz: Gazetteer) -> bool:
    """Whether the name the candidate begins goes on into another's ("Kant Kaw Myaing", "Savana de
    Torres"), not into a part after a hyphen ("Tapoa-Djerma") or a common or direction word after
    the place's own name ("Mandera Hospital", "Turkana West", "Athi River Steel Plant"): the place of
    its first words, abroad,
    is then no reading of it."""
    if not cand.name_end or text.startswith("-", cand.end):
        return False
    return not any(gaz.is_common_word(w) or never_a_place(w) or names_a_facility(w)
                   for w in text[cand.end:cand.name_end].split() if w[:1].isupper())


def _misspelt(entry: GazEntry, cand: Candidate, spelled: str, exact: bool) -> float:
    """0.5 off an own-name entry the text spells otherwise (``spelled``) when another entry is spelled
    as the text is (``exact``): the matching key merges doubled letters, and "Kisii" is Kenya's town
    before Nigeria's larger Kisi. An alternate name yields to an own name already (``_entry_score``)."""
    if not exact or name_key(entry.name) != cand.key or spelling(entry.name) == spelled:
        return 0.0
    return 0.5


def _rivals_the_country(entry: GazEntry, cand: Candidate, surface: str) -> bool:
    """A place that shares a country's name and may be meant instead: a province or a big city
    ("Georgia" the US state), not a county ("Cameron County" is no reading of "Cameroon"), nor a
    city whose name lacks the country's article ("El Salvador" is no reading of Salvador, Bahia)."""
    if entry.kind == "city" and fold(entry.name).lower() != fold(surface).lower():
        return False
    return _own_name(entry, cand) and (entry.kind in ("admin1", "supplement") or
                                       (entry.kind == "city" and entry.population >= 100_000))


def _a_people(text: str, surface: str, cand: Candidate, entry: GazEntry, context: PlaceContext) -> bool:
    """A people's name used as one ("Maasai herders", "Garre militia", "Maasai's two clans"),
    unless the place of that name lies in the people's own country ("Turkana raiders")."""
    if not GROUP_NOUN.match(text, cand.end):
        return False
    homes = {country for word, country in context.group_words if word == surface.lower()}
    return bool(homes) and entry.country not in homes


def _spelled_acronym(text: str, cand: Candidate) -> bool:
    """Whether the bracket after a name is the acronym of the capitalised words that end with it (their
    initials: "Jamaah Ansharut Daulah (JAD)", "Allied Democratic Forces (ADF)"): an organisation spelled
    out, no place."""
    acronyms = [h for h in cand.hints if h.isupper() and 2 <= len(h) <= 8 and h.isalpha()]
    if not acronyms:
        return False
    bracket = text.find("(", cand.end, cand.end + 80)
    before = text[max(0, cand.start - 80):bracket if bracket >= 0 else cand.end].rstrip()
    run = re.search(r"(?:[A-Z][\w'’]*(?:[\s-]+|$))+$", before)
    words = [w for w in re.split(r"[\s-]+", run.group(0)) if w] if run else []
    return any(len(h) <= len(words) and "".join(w[0] for w in words[-len(h):]).upper() == h for h in acronyms)


def _a_feature_abroad(text: str, cand: Candidate, entry: GazEntry, context: PlaceContext) -> bool:
    """A name before a local feature's noun ("the Lido beach area", "the Bakara market") read as a town
    of a country the report does not name: a feature of a place of the report's own, named like a small
    town abroad (``place_words.json`` local_feature_words). A city abroad keeps its features ("at
    Mogadishu airport" in a report from Nairobi)."""
    countries = {c for c, _ in context.countries}
    if not countries or entry.country in countries or cand.hints or cand.chain or entry.population >= _CITY_POPULATION:
        return False
    m = re.match(r"\s+([a-z]+)\b", text[cand.end:cand.end + 24])
    return m is not None and m.group(1) in word_list("place_words.json", "local_feature_words")


def _a_nation_word(text: str, surface: str, cand: Candidate, entry: GazEntry, gaz: Gazetteer) -> bool:
    """A nation's adjective before a common noun ("the Somali capital", "Somali troops"), read as a
    place of that name in another country (Ethiopia's Somali region): the place needs its unit word
    ("the Somali region")."""
    nation = gaz.country_of_people(surface)
    if nation is None or nation == entry.country or cand.after in ADMIN_WORDS | DISTRICT_WORDS | TOWN_WORDS:
        return False
    return re.match(r"\s+[a-z]", text[cand.end:cand.end + 3]) is not None


def _precision(cand: Candidate, entry: GazEntry) -> int:
    if not cand.entries and entry.kind == "admin1" and not cand.is_country:
        return 2  # a named place we only know the province of
    if entry.kind == "admin1" or entry.feature in WIDE_FEATURES:
        return 3
    if entry.kind == "admin2":
        return 2  # a district, located at its seat
    if cand.cue == "near" or cand.after in NEAR_WORDS or entry.feature in AREA_FEATURES:
        return 2
    if not cand.entries:  # placed through its hints only
        return 2
    return 1


def _names_water(text: str, cand: Candidate, surface: str) -> bool:
    """"the Gulf of Aden", "the Strait of Hormuz": a body of water named by "of" (``water_of``), not a
    town called Gulf placed in Aden, nor the town it is named after (the sea is no town's place); "the
    Red Sea", "the Persian Gulf": one whose name ends in a word of water (``water_last``) after "the",
    with no unit word after it ("Red Sea State" is the province)."""
    water = word_list("place_words.json", "water_of")
    last = surface.rsplit(" ", 1)[-1].lower()
    if " " in surface and last in word_list("place_words.json", "water_last") and not cand.after and \
            re.search(r"\bthe\s+$", text[max(0, cand.start - 5):cand.start], re.IGNORECASE):
        return True  # "in the Red Sea", "the Black Sea": the sea, not Sudan's Red Sea state
    if surface.lower() in water:
        return re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[cand.end:cand.end + 12]) is not None
    before = re.search(r"\b(\w+)\s+of\s+(?:the\s+)?$", text[max(0, cand.start - 20):cand.start])
    return before is not None and before.group(1).lower() in water  # "Aden" of "the Gulf of Aden"


def _to_place(text: str, cand: Candidate, entry: GazEntry, gaz: Gazetteer, article_id: str) -> Place:
    precision = _precision(cand, entry)
    location, lat, lon, admin2 = entry.name, entry.latitude, entry.longitude, entry.admin2
    if cand.entries:
        location = written_name(text[cand.start:cand.end], entry.name)  # "El Retiro" for Retiro
    if entry.kind == "admin1":
        try:
            capital = gaz.capital(entry.country, entry.admin1)
            location, lat, lon, admin2 = capital.name, capital.latitude, capital.longitude, capital.admin2
        except GazetteerError:
            location = entry.admin1  # admin1 entries carry their capital's coordinates already
    if cand.part_of_city:
        location, precision = f"{entry.name}-{text[cand.start:cand.end]}", 1  # "Al Hudaydah-7 July"
    elif not cand.entries and not gaz.country_of(text[cand.start:cand.end]):
        location = text[cand.start:cand.name_end or cand.end]  # the named place, at its hint's point
    admin1_hints = [h for h in cand.hints if gaz.admin1(h, entry.country)]
    other_hints = [h for h in cand.hints if h not in admin1_hints]
    named = admin1_hints or [h for h in cand.chain if gaz.admin1(h, entry.country)]
    admin1 = entry.admin1 or (gaz.admin1(named[-1], entry.country).admin1 if named else "")
    guessed = entry.id.startswith("geoboundaries:")  # a centroid's province is its nearest town's
    if named and (not cand.entries or cand.respelled or guessed) and entry.kind != "admin1":
        # placed through what the text names: its province, not the one the gazetteer guessed
        # for a district centroid ("Dihrawud" lies in Uruzgan, not Kandahar; Maruf in Kandahar)
        admin1 = gaz.admin1(named[-1], entry.country).admin1
    if not admin2 and other_hints:
        admin2 = other_hints[0]
    return Place(country=entry.country, admin1=admin1, admin2=admin2, location=location,
                 latitude=lat, longitude=lon, precision=precision,
                 source=entry.id if cand.entries else f"{'part' if cand.part_of_city else 'hint'}:{entry.id}",
                 span=Span(article_id, cand.start, cand.name_end or cand.end))


def _candidates(text: str, sentence: Span, gaz: Gazetteer, context: PlaceContext, person=None,
                aside=None) -> list[Candidate]:
    cands = respelled_districts(text, sentence, scan(text, sentence, gaz), gaz)
    read_surroundings(text, sentence, cands)
    _resolve(text, cands, gaz, context, person, aside)
    _within_reach(text, cands)
    cands = _with_city_parts(text, sentence, cands)
    # the hints of a placed name are not places of their own; those of a name they could not
    # place are ("Gituro villages (Naivasha and Kinangop constituencies)")
    zones = [(c.end, c.hint_end) for c in cands if c.hint_end and c.chosen is not None]
    zones += [(c.end, c.name_end) for c in cands if c.name_end and (c.hints or c.chosen is not None)]
    return [c for c in cands if c.chosen is not None and not any(a <= c.start < b for a, b in zones)]


_KM = re.compile(r"\s*,?\s*(?:about\s+|some\s+|approximately\s+)?(\d[\d,.]*)\s*(km|kms|kilomet(?:er|re)s?|miles?)\b",
                 re.IGNORECASE)


def _within_reach(text: str, cands: list[Candidate]) -> None:
    """"In the township of Campina, 60 km south of Ayacucho": the place lies within reach of its
    reference, so a homonym far away (Campina in Spain) is not it; the name is then placed at the
    reference, "near" it (precision 2)."""
    for cand, ref in zip(cands, cands[1:]):
        if cand.chosen is None or ref.chosen is None or ref.cue not in ("distance", "near"):
            continue
        m = _KM.match(text, cand.end, ref.start)
        if m is None:
            continue
        reach = float(m.group(1).replace(",", "")) * (1.6 if m.group(2).lower().startswith("mile") else 1.0)
        if km(cand.chosen.latitude, cand.chosen.longitude, ref.chosen.latitude, ref.chosen.longitude) > 2 * reach + 50:
            cand.entries, cand.chosen = [], ref.chosen


def _with_city_parts(text: str, sentence: Span, cands: list[Candidate]) -> list[Candidate]:
    """Replace a city by the parts of it named before it ("7 July and Engineering College areas of
    Hudaydah city"): each part is a location at the city's point (see _city_parts)."""
    out = list(cands)
    for city in cands:
        if city.chosen is None or city.chosen.kind not in ("city", "supplement") or city not in out:
            continue
        parts = find_parts(text, city, sentence.start)
        if not parts:
            continue
        out = [c for c in out if c is not city and not any(a < c.end and c.start < b for a, b in parts)]
        added = [Candidate(a, b, [], cue=cue_before(text, sentence, a), part_of_city=True, chosen=city.chosen)
                 for a, b in parts]
        # the last part's name runs to the city and its hints, which are no places of their own
        added[-1].name_end = added[-1].hint_end = max(city.hint_end, city.name_end, city.end)
        out += added
    return sorted(out, key=lambda c: c.start)


def find_places(text: str, span: Span, gazetteer: Gazetteer, context: PlaceContext) -> list[Place]:
    """Every place in ``span`` that could be an event location, in text order.

    Countries and places governed by movement words ("from", "into", "through") are left out;
    one sentence can still report events in several towns, and ACLED codes one row per town.
    """
    places = []
    for cand in _candidates(text, span, gazetteer, context):
        if cand.cue not in ("move", "report", "dateline", "position") and cand.chosen is not None:
            places.append(_to_place(text, cand, cand.chosen, gazetteer, span.article_id))
    return places


def _place_score(cand: Candidate, order: int) -> float:
    entry = cand.chosen
    assert entry is not None
    cue = {"in": 2.0, "near": 2.0, "origin": 1.0, "distance": 0.3, "none": 0.0, "dateline": -0.5, "position": -0.5,
           "move": -3.0, "report": -3.5}[cand.cue]  # a dateline's town: where the report was filed, and
    # where a side fired from ("forces located at X fired on ..."): only if nothing else
    if cand.reference:
        cue = -0.5  # it only says where the name before it lies: that name, when placed, ranks first
    if cand.aside:
        cue = -0.8  # where someone the sentence describes lives or works: only if nothing else
    if cand.hints and _fits_hints(entry, cand.hint_keys):
        cue += 0.5  # "protested in Tarim (Tarim, Hadramawt)": placed and confirmed by its hints
    wide = entry.kind == "admin1" or entry.feature in WIDE_FEATURES
    specific = 0.5 if wide and cand.entries else 2.0  # a named place located by its province is specific
    actor_like = -2.0 if cand.after in ("government", "regime", "authorities") else 0.0
    qualifier = -1.2 if cand.qualifier else 0.0
    return cue + specific + actor_like + qualifier - 0.05 * order


def choose_place(text: str, sentence: Span, gazetteer: Gazetteer, *,
                 context: PlaceContext, person=None, aside=None) -> Place | None:
    """The place the event of ``sentence`` happened at, or None when the sentence names no
    usable place (only a country, or only places the event moved from or through).
    ``person(start, end)``, when given, says whether the statistical NER reads a person's name at
    those offsets of ``text``: a name with no place reading (no locative word, unit word or hint)
    that it reads as a person is no place ("gunmen killed Hamilton Garcia", "Galan's murder").
    ``aside(start, end)``, when given, says whether the parse puts a name inside a description of
    someone else ("the businessman, who spends his time in Miami"; see ``_asides``): such a name
    abroad is no place, one in the article's country ranks below every other place of the sentence."""
    cands = _candidates(text, sentence, gazetteer, context, person, aside)
    if not cands:
        return None
    scored = sorted(((_place_score(c, i), c) for i, c in enumerate(cands)), key=lambda s: -s[0])
    score, best = scored[0]
    if score + (1.2 if best.qualifier else 0.0) < -1 or best.chosen is None:
        return None
    if best.cue == "dateline" and _names_an_unknown_town(text, sentence, cands):
        return None  # "OUAGADOUGOU (AFP) - Gunmen attacked a church in the village of Essakane": not the capital
    best = _possessed(text, best, cands) or _named_under(best, cands) or best
    return _to_place(text, best, best.chosen, gazetteer, sentence.article_id)


def _names_an_unknown_town(text: str, sentence: Span, cands: list[Candidate]) -> bool:
    """Whether the sentence names a town the gazetteer does not know by a unit word before it ("in the
    village of Essakane"): the act happened there, not at the dateline's town where the report was filed."""
    for m in _unknown_town().finditer(text, sentence.start, sentence.end):
        if not any(c.start <= m.start(1) < c.end for c in cands):
            return True
    return False


@functools.cache
def _unknown_town() -> re.Pattern[str]:
    units = "|".join(sorted(word_list("place_words.json", "town_words"), key=len, reverse=True))
    return re.compile(rf"\b(?:in|at|near)\s+the\s+(?:{units})\s+of\s+([A-Z][\w'’-]+)")


_POSSESSIVE = re.compile(r"['’]s\s+")


def _possessed(text: str, wider: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The place a province names as its own: "in Cabo Delgado's Macomia district" is Macomia (the
    locative word before the province reads the whole phrase), in that province's country."""
    entry = wider.chosen
    if entry is None or not (entry.kind == "admin1" or entry.feature in WIDE_FEATURES):
        return None
    m = _POSSESSIVE.match(text, wider.end)
    if m is None:
        return None
    return next((c for c in cands if c.start == m.end() and c.chosen is not None
                 and c.chosen.country == entry.country), None)


def _named_under(wider: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The name placed through ``wider`` when the text chains it under it: "Al Qurayn area of Al
    Azariq district" is Al Qurayn, at the district's point, not the district."""
    return next((c for c in cands if c is not wider and c.chosen is not None and c.start < wider.start
                 and (c.chosen == wider.chosen or _inside(c.chosen, wider))
                 and wider.key in {name_key(strip_admin_suffix(h)) for h in c.chain}), None)


def _inside(entry: GazEntry, wider: Candidate) -> bool:
    """Whether ``entry`` lies in the division ``wider`` names: the village Al Qurayn of Al Azariq
    district, which the text chains under that district ("Al Qurayn area of Al Azariq district")."""
    assert wider.chosen is not None
    return entry.country == wider.chosen.country and entry.admin1 == wider.chosen.admin1 and \
        wider.key in {name_key(entry.admin1), name_key(entry.admin2)}
