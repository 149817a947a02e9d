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
from dataclasses import dataclass

from eventdesk.gazetteer import GazEntry, Gazetteer, GazetteerError, km, name_key, strip_admin_suffix
from eventdesk.model import Place, Span
from eventdesk.stages._city_parts import find_parts
from eventdesk.stages._respelled import respelled_districts
from eventdesk.stages._place_text import (
    ADMIN_WORDS,
    AREA_FEATURES,
    DISTRICT_WORDS,
    Candidate,
    GROUP_NOUN,
    NEAR_WORDS,
    NOT_WHERE,
    TITLE,
    TOWN_WORDS,
    WIDE_FEATURES,
    WORD,
    admin_named,
    cue_before,
    names_a_street,
    never_a_place,
    read_surroundings,
    scan,
    strip_possessive,
)

__all__ = ["PlaceContext", "choose_place", "find_places"]


@dataclass(frozen=True)
class PlaceContext:
    """Article-level hints for choosing places.

    ``countries`` are ACLED country names in order of first mention with their counts;
    ``admin1`` the first-level divisions the article names and ``admin1_countries`` their
    countries with counts (the country of an article that names only "Kirinyaga County");
    ``event_sentences`` the spans of the other event sentences; ``group_words``
    peoples and clans with their home countries (("maasai", "Kenya")): "Maasai women" is no place
    called Masai in Malaysia. ``homes`` are the home countries of the named actors of an article
    that names no country ("Houthi forces" -> Yemen): they rank homonyms ("Ad Dali" in Yemen, not
    Dali in China) but, unlike ``countries``, never rule a place out ("Boko Haram" is Nigerian, and
    raids Kolofata in Cameroon).
    """

    countries: tuple[tuple[str, int], ...] = ()
    admin1: tuple[str, ...] = ()
    event_sentences: tuple[Span, ...] = ()
    admin1_countries: tuple[tuple[str, int], ...] = ()
    group_words: frozenset[tuple[str, str]] = frozenset()
    homes: tuple[tuple[str, int], ...] = ()

    @classmethod
    def from_text(cls, text: str, gazetteer: Gazetteer, *, article_id: str = "",
                  event_sentences: tuple[Span, ...] = (),
                  group_words: frozenset[tuple[str, str]] = frozenset()) -> PlaceContext:
        """Collect the countries (names and demonyms) and divisions an article mentions."""
        counts: dict[str, int] = {}
        admin1: list[str] = []
        admin1_countries: dict[str, int] = {}
        for match in WORD.finditer(text):
            word = strip_possessive(match.group())
            if text.startswith(("-based", "-led", "-backed", "-made"), match.end()) or \
                    NOT_WHERE.match(text, match.end()):
                continue  # "Somalia-based militants", "the US dollar": whose, not where
            if word[:1].isupper() and not gazetteer.is_common_word(word):
                country = gazetteer.country_of(word)
                if country:
                    counts[country] = counts.get(country, 0) + 1
        # provinces named in the event sentences (the whole text when none are given)
        spans = event_sentences or (Span(article_id, 0, len(text)),)
        for span in spans:
            cands = scan(text, span, gazetteer)
            for cand in cands:
                division = _division(text, cand, span)
                if division is not None:
                    if division.admin1 not in admin1:
                        admin1.append(division.admin1)
                    admin1_countries[division.country] = admin1_countries.get(division.country, 0) + 1
        return cls(tuple(counts.items()), tuple(admin1), event_sentences,
                   tuple(admin1_countries.items()), group_words)


def _division(text: str, cand: Candidate, span: Span) -> GazEntry | None:
    """The first-level division a candidate names: the division of that name when an
    administrative word follows or ends it ("Mandera County"), or the top entry when it is a
    division whose name is unambiguous."""
    top = cand.entries[0] if cand.entries else None
    if top is None or never_a_place(text[cand.start:cand.end]):
        return None
    if admin_named(text, cand, span):
        return next((e for e in cand.entries if e.kind == "admin1"), None)
    key = name_key(text[cand.start:cand.end])
    own = {e.country for e in cand.entries if name_key(e.name) == key}
    if len(own) != 1:
        return None
    if top.kind == "admin2":  # "Akkar": the district of the province's name ranks first
        top = next((e for e in cand.entries if e.kind == "admin1" and e.country == top.country
                    and name_key(e.name) == key), top)
    return top if top.kind == "admin1" else None


def _entry_score(entry: GazEntry, cand: Candidate, context: PlaceContext, hint_keys: set[str],
                 sentence_admin1: set[str]) -> float:
    """How well an entry fits its surroundings (higher is better)."""
    if entry.kind == "country":
        return -math.inf
    score = math.log10(entry.population + 1) / 3
    score += {"city": 0.5, "supplement": 0.8, "admin1": 0.3, "admin2": 0.3}.get(entry.kind, 0)
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


def _resolve(text: str, cands: list[Candidate], gaz: Gazetteer, context: PlaceContext) -> None:
    """Choose one entry per candidate, using the divisions the sentence itself names."""
    sentence_admin1 = {c.entries[0].admin1 for c in cands
                       if c.entries and c.entries[0].kind == "admin1" and c.after in ADMIN_WORDS}
    for cand in cands:
        surface = text[cand.start:cand.end]
        cand.hint_keys = cand.hint_keys | _division_keys(cand, gaz)
        unit = surface.rsplit(" ", 1)[-1].lower()
        if not cand.after and " " in surface and unit in ADMIN_WORDS | DISTRICT_WORDS:
            cand.after = unit  # "Isiolo County" matched whole: its unit word names it as much as one after it
        hint_keys = set(cand.hint_keys) | {name_key(strip_admin_suffix(h)) for h in cand.chain}
        cand.key = name_key(surface)
        cand.is_country = bool(cand.entries) and (
            all(e.kind == "country" for e in cand.entries) or (
                gaz.country_of(surface) is not None and not any(_rivals_the_country(e, cand) for e in cand.entries)))
        if cand.is_country and not cand.hints:
            continue  # "in Lebanon" is the country, never Lebanon, Tennessee
        if never_a_place(surface) or TITLE.search(text[max(0, cand.start - 16):cand.start]) or \
                names_a_street(text, cand):
            continue
        explicit = cand.after in TOWN_WORDS | ADMIN_WORDS
        if gaz.is_common_word(surface) and not explicit:
            continue  # "Police", "Hope", "Said": only with an explicit place word
        if cand.respelled:
            cand.chosen = _respelled_fit(cand, gaz, context)
            continue
        scored = [(_entry_score(e, cand, context, hint_keys, sentence_admin1), e) for e in cand.entries]
        scored = [s for s in scored if s[0] > -math.inf]
        best = max(scored, key=lambda s: s[0])[1] if scored else None
        if best is not None and best.kind == "admin1" and cand.after not in ADMIN_WORDS:
            best = _capital_of_the_name(best, cand) or best
        if cand.hints and (best is None or not _fits_hints(best, hint_keys)):
            placed = _from_hints(cand, cand.hints, gaz, context)
            if (placed is not None or best is None) and not _keeps_its_name(best, placed, cand, gaz):
                cand.entries, best = [], placed
        if cand.chain and best is not None and not _fits_hints(best, hint_keys):
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
        if best is not None and _plausible(best, cand, context):
            cand.chosen = best


def _capital_of_the_name(province: GazEntry, cand: Candidate) -> GazEntry | None:
    """The town of a province's name that is its seat (the province's point): "Jizan (Jizan, Jizan)"
    and "in Kirkuk" name the town, which the province outranks only by population, unless "province"
    follows. A village of the name (Baringo) is not what a bare province name means."""
    return next((e for e in cand.entries if e.kind == "city" and e.country == province.country
                 and name_key(e.admin1) == name_key(province.name) and e.population >= _TOWN_POPULATION
                 and km(e.latitude, e.longitude, province.latitude, province.longitude) <= _SEAT_KM), None)


# how far a province's recorded point may lie from the town of its name for the town to be its seat
_SEAT_KM = 5
# a town this size is known beyond its district
_TOWN_POPULATION = 15_000


def _division_keys(cand: Candidate, gaz: Gazetteer) -> set[str]:
    """The official names of the first-level divisions the hints name under another name: the
    hint "Tripoli" is the province the gazetteer records as Tarabulus, so "Tripoli (Tripoli,
    Tripoli)" is the Libyan city of that province, not the Greek town whose district shares its name."""
    if not cand.hints:
        return set()
    return {name_key(e.name) for h in cand.hints for e in gaz.lookup(strip_admin_suffix(h)) if e.kind == "admin1"}


def _district_over_the_border(best: GazEntry, wider: GazEntry, cand: Candidate) -> bool:
    """"Maruf district, Kandahar": the district of that name keeps its own point when it lies near
    the province named, though its recorded province is the next one (a district's province is
    that of its nearest town, which can lie over the border); the province named is its admin1."""
    return best.kind == "admin2" and cand.after in DISTRICT_WORDS and _own_name(best, cand) and \
        best.country == wider.country and _within(best, [wider], _NEAR_KM)


def _respelled_fit(cand: Candidate, gaz: Gazetteer, context: PlaceContext) -> GazEntry | None:
    """The district a respelled name matched that lies within 150 km of the place its hints or
    chain name ("Deh Rahwod district, Urozgan" -> Dihrawud, 40 km from Tarinkot); None when the
    text names no such place: a sound key alone matches too much (Dharwad, El Dorado)."""
    wider = _from_hints(cand, cand.hints + cand.chain, gaz, context)
    near = [e for e in cand.entries if wider is not None and e.country == wider.country and _within(e, [wider], _NEAR_KM)]
    return min(near, key=lambda e: km(e.latitude, e.longitude, wider.latitude, wider.longitude)) if near else None


def _rivals_the_country(entry: GazEntry, cand: Candidate) -> bool:
    """A place that shares a country's name and may be meant instead: a province or a big city
    ("Georgia" the US state), not a county ("Cameron County" is no reading of "Cameroon")."""
    return _own_name(entry, cand) and (entry.kind in ("admin1", "supplement") or
                                       (entry.kind == "city" and entry.population >= 100_000))


def _keeps_its_name(best: GazEntry | None, placed: GazEntry | None, cand: Candidate, gaz: Gazetteer) -> bool:
    """Whether a well-known place keeps its own entry over the place its hints name: a big town
    abroad over a homonym hint ("Nord-Ouest"), unless two hints agree; a big city over a
    same-country homonym of the part it names ("Panama City (Bella Vista)")."""
    if placed is None or best is None or cand.name_end:
        return False
    if placed.country != best.country:
        # a province of the hints' country that is none of the name's own country decides
        # ("Afar area (Al Malagim, Al Bayda)" is in Yemen); "Nord-Ouest" is a province of two
        decisive = any(gaz.admin1(h, placed.country) and not gaz.admin1(h, best.country) for h in cand.hints)
        if best.kind in ("admin1", "admin2") and cand.after in DISTRICT_WORDS | ADMIN_WORDS and _own_name(best, cand) \
                and placed.kind not in ("admin1", "admin2") and not decisive:
            return True  # "Al Dhaher district (Saah)": the district of that name, not a village called Saah abroad
        return _unique_name(best, cand) and best.population >= 50_000 and not decisive \
            and _hints_in(cand.hints, placed.country, gaz) < 2
    return best.kind == "city" and best.population >= 100_000 and _own_name(best, cand) and placed.kind != "admin1"


def _a_people(text: str, surface: str, cand: Candidate, entry: GazEntry, context: PlaceContext) -> bool:
    """A people's name used as one ("Maasai herders", "Garre militia", "Maasai's two clans"),
    unless the place of that name lies in the people's own country ("Turkana raiders")."""
    if not GROUP_NOUN.match(text, cand.end):
        return False
    homes = {country for word, country in context.group_words if word == surface.lower()}
    return bool(homes) and entry.country not in homes


def _fits_hints(entry: GazEntry, hint_keys: set[str] | frozenset[str]) -> bool:
    return bool(hint_keys & {name_key(entry.admin1), name_key(entry.admin2), name_key(entry.name),
                             name_key(entry.country)})


def _plausible(entry: GazEntry, cand: Candidate, context: PlaceContext) -> bool:
    """Guard against far-away homonyms ("Al Shabaab" -> a hamlet in Iran called Shabab).

    Outside the article's countries a place needs an explicit "in/near" cue or place word; with
    no country known at all, a small town needs one too.
    """
    if not cand.entries:
        return True
    countries = {c for c, _ in context.countries}
    # "Haydan district (Sadah)": its own province confirms it; "El Bouni (El Bouni)", its district
    # of the same name, unless the text names another country ("the Mauritanian police in Mal (Mal)")
    confirming = cand.hint_keys if not countries or entry.country in countries else cand.hint_keys - {cand.key}
    if cand.hints and _fits_hints(entry, confirming):
        return True
    explicit = cand.cue in ("in", "near", "origin") or cand.after in TOWN_WORDS | ADMIN_WORDS | NEAR_WORDS
    if cand.name_end and countries and entry.country not in countries and not _own_name(entry, cand) and \
            dict(context.countries) != dict(context.admin1_countries):
        # "Kala" of "Kala Murchi" in an Afghan report is not Caala in Angola (when the text names
        # Afghanistan, not only a province that may be a homonym: "Hodeidah Red Sea port city")
        return False
    if countries and entry.country not in countries:
        return explicit and entry.population >= _TOWN_POPULATION
    homes = {c for c, _ in context.homes}
    if not countries and entry.country in homes:
        return True  # a village of the Houthis' country in an article about the Houthis
    if entry.kind == "admin2":
        # a district where the article's countries or an admin word say so, or a province-sized
        # one by its own name (Philippine provinces are second-level: "in Cavite")
        return not cand.qualifier and (entry.country in countries | homes or cand.after in DISTRICT_WORDS | ADMIN_WORDS
                                       or (entry.population >= 1_000_000 and _own_name(entry, cand)))
    if not countries and homes and entry.kind == "city" and not _own_name(entry, cand) and not cand.hints:
        return False  # "Toti" is a name of eManzimtoti, not a village of the Taliban's country
    if not countries and entry.kind == "city" and entry.population < _TOWN_POPULATION:
        return explicit
    if not countries and entry.kind == "city" and not _own_name(entry, cand):
        # no country known and the text matches only one of the entry's alternate names
        # ("Grenade" is Granada in French, "Kisi" a name of Jixi): only with a locative cue
        return explicit
    return True


def _unique_name(entry: GazEntry, cand: Candidate) -> bool:
    """Whether the entry's name is its own and no other country has a place of that name."""
    own = {e.country for e in cand.entries if _own_name(e, cand)}
    return _own_name(entry, cand) and own == {entry.country}


def _own_name(entry: GazEntry, cand: Candidate) -> bool:
    """Whether the surface is the entry's own (ASCII-folded) name rather than an alternate name."""
    return name_key(entry.name) == cand.key


def _hints_in(hints: tuple[str, ...], country: str, gaz: Gazetteer) -> int:
    """How many of the hints name a place of ``country``."""
    return sum(1 for h in hints if any(e.country == country for e in gaz.lookup(strip_admin_suffix(h))))


def _from_hints(cand: Candidate, hints: tuple[str, ...], gaz: Gazetteer,
                context: PlaceContext) -> GazEntry | None:
    """An unknown village placed by its parenthesised district/province ("X (Sujawal, Sindh)"):
    the first hint that resolves, read against the hints after it.

    Among a hint's homonyms the one in a country the later hints name comes first ("Mamove (Beni,
    Nord-Kivu)": Beni in Congo, not El Beni in Bolivia); for the last hint a division comes first
    ("Goniri (Gujiba LGA, Borno)": the state of Borno, not the town in Italy); then the countries
    of the candidate's own entries, then the article's first country, then population."""
    ranked = context.countries or context.homes
    country = ranked[0][0] if ranked else None
    own = {e.country for e in cand.entries}
    found = [[e for e in gaz.lookup(strip_admin_suffix(h), country)
              if e.kind in (("admin1",) if _names_a_province(h) else ("city", "supplement", "admin1", "admin2"))]
             for h in hints]
    for i, h in enumerate(hints[:-1]):
        if not found[i] and any(found[i + 1:]):  # "Kash Rod": Khash Rod, if near the hints after it
            later = [e for rest in found[i + 1:] for e in rest]
            found[i] = [e for e in gaz.sounds_like(strip_admin_suffix(h))
                        if _within(e, [f for f in later if f.country == e.country], _NEAR_KM)]
    for i, entries in enumerate(found):
        if not entries:
            continue
        later = {e.country for rest in found[i + 1:] for e in rest}
        divisions = {e.country for rest in found[i + 1:] for e in rest if e.kind in ("admin1", "admin2")}
        provinces = {e.admin1 for rest in found[i + 1:] for e in rest if e.kind in ("admin1", "admin2")}
        if divisions and not any(e.country in divisions for e in entries):
            continue  # "Mambasa (Nord-Kivu)" is not Mombasa in Kenya: the province decides
        named = [e for rest in found[i + 1:] for e in rest if e.kind in ("admin1", "admin2")]
        if named and not any(e.kind == "admin1" or e.admin1 in provinces or _within(e, named, _NEAR_KM) for e in entries):
            continue  # "(Haveli district, AJK)" is not Haveli Lakha in Punjab, 400 km from Kashmir
        last = not any(found[i + 1:])

        def rank(e: GazEntry) -> tuple:
            return (e.country not in later if later else False, last and e.kind != "admin1",
                    e.admin1 not in provinces if provinces else False,  # "(Muqur, Badghis)"
                    e.country not in own, e.country != country,
                    e.kind == "admin2",  # the town of a district's name is usually its seat
                    -e.population)
        return min(entries, key=rank)
    return None


def _names_a_province(hint: str) -> bool:
    """"Merida state", "Diyala governorate": a first-level division by its own word."""
    return hint.rsplit(" ", 1)[-1].lower() in ADMIN_WORDS and strip_admin_suffix(hint) != hint


# how far a district may lie from the province the text names and still be read as lying in it
_NEAR_KM = 150


def _within(entry: GazEntry, others: list[GazEntry], limit_km: float) -> bool:
    """Whether ``entry`` lies within ``limit_km`` of one of ``others`` (the province a note names
    can be off by a border: "Goniri (Gujiba LGA, Borno)" lies in Yobe)."""
    return any(km(entry.latitude, entry.longitude, o.latitude, o.longitude) <= limit_km for o in others)


def _precision(cand: Candidate, entry: GazEntry) -> int:
    if not cand.entries and entry.kind == "admin1" and not cand.is_country:
        return 2  # a named place we only know the province of ("coordinates for Aden used")
    if entry.kind == "admin1" or entry.feature in WIDE_FEATURES:
        return 3
    if entry.kind == "admin2":
        return 2  # a district, located at its seat
    if cand.cue == "near" or cand.after in NEAR_WORDS or entry.feature in AREA_FEATURES:
        return 2
    if not cand.entries:  # placed through its hints only
        return 2
    return 1


def _to_place(text: str, cand: Candidate, entry: GazEntry, gaz: Gazetteer, article_id: str) -> Place:
    precision = _precision(cand, entry)
    location, lat, lon, admin2 = entry.name, entry.latitude, entry.longitude, entry.admin2
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


def _candidates(text: str, sentence: Span, gaz: Gazetteer, context: PlaceContext) -> list[Candidate]:
    cands = respelled_districts(text, sentence, scan(text, sentence, gaz), gaz)
    read_surroundings(text, sentence, cands)
    _resolve(text, cands, gaz, context)
    cands = _with_city_parts(text, sentence, cands)
    # the hints of a placed name are not places of their own; those of a name they could not
    # place are ("Gituro villages (Naivasha and Kinangop constituencies)")
    zones = [(c.end, c.hint_end) for c in cands if c.hint_end and c.chosen is not None]
    zones += [(c.end, c.name_end) for c in cands if c.name_end and (c.hints or c.chosen is not None)]
    return [c for c in cands if c.chosen is not None and not any(a <= c.start < b for a, b in zones)]


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
        if cand.cue != "move" and cand.chosen is not None:
            places.append(_to_place(text, cand, cand.chosen, gazetteer, span.article_id))
    return places


def _place_score(cand: Candidate, order: int) -> float:
    entry = cand.chosen
    assert entry is not None
    cue = {"in": 2.0, "near": 2.0, "origin": 1.0, "distance": 0.3, "none": 0.0, "move": -3.0}[cand.cue]
    if cand.hints and _fits_hints(entry, cand.hint_keys):
        cue += 0.5  # "protested in Tarim (Tarim, Hadramawt)": placed and confirmed by its hints
    wide = entry.kind == "admin1" or entry.feature in WIDE_FEATURES
    specific = 0.5 if wide and cand.entries else 2.0  # a named place located by its province is specific
    actor_like = -2.0 if cand.after in ("government", "regime", "authorities") else 0.0
    qualifier = -1.2 if cand.qualifier else 0.0
    return cue + specific + actor_like + qualifier - 0.05 * order


_CODED_AT_BONUS = 5.0


def _coded_at(text: str, cand: Candidate) -> bool:
    """A coder's note names the location coded: "(coded as Mado Gashi with GP2)", "Sanaa Street,
    coded at Al Yamani Dairy Factory"."""
    return re.search(r"\bcoded\s+(?:as|at)\s+(?:the\s+)?$", text[max(0, cand.start - 20):cand.start]) is not None


def choose_place(text: str, sentence: Span, gazetteer: Gazetteer, *,
                 context: PlaceContext) -> Place | None:
    """The place the event of ``sentence`` happened at, or None when the sentence names no
    usable place (only a country, or only places the event moved from or through)."""
    cands = _candidates(text, sentence, gazetteer, context)
    if not cands:
        return None
    scored = sorted(((_place_score(c, i) + _CODED_AT_BONUS * _coded_at(text, c), c) for i, c in enumerate(cands)),
                    key=lambda s: -s[0])
    score, best = scored[0]
    if score + (1.2 if best.qualifier else 0.0) < -1 or best.chosen is None:
        return None
    best = _named_under(best, cands) or best
    return _to_place(text, best, best.chosen, gazetteer, sentence.article_id)


def _named_under(wider: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The name placed through ``wider`` when the text chains it under it: "Al Qurayn area of Al
    Azariq district" is Al Qurayn, at the district's point, not the district."""
    return next((c for c in cands if c is not wider and c.chosen == wider.chosen and c.start < wider.start
                 and wider.key in {name_key(strip_admin_suffix(h)) for h in c.chain}), None)
