"""Which gazetteer entries a name in the text may be (``choose`` asks): a guard against far-away
homonyms ("Al Shabaab" -> a hamlet in Iran called Shabab). Outside the article's countries a place needs
a locative cue or a place word, and a small town more; a village of the larger source needs a place
reading or its hints; an entry is confirmed by the divisions its hints name (``fits_hints``)."""

from __future__ import annotations

from eventdesk.gazetteer import GazEntry, is_village, km, name_key, strip_admin_suffix
from eventdesk.extract.places._context import PlaceContext
from eventdesk.extract.places._hints import _NEAR_KM, _TOWN_POPULATION, _own_name
from eventdesk.extract.places._people import _NAMES as PERSON_NAMES
from eventdesk.extract.places._words import ADMIN_WORDS, DISTRICT_WORDS, NEAR_WORDS, TOWN_WORDS, Candidate

__all__ = ["fits_hints", "plausible"]

#: A city this large is known abroad by its other names ("Bombay" for Mumbai), and named with its features
#: in reports from elsewhere ("Mogadishu airport" in a report from Nairobi: ``choose._a_feature_abroad``).
_CITY_POPULATION = 100_000


def fits_hints(entry: GazEntry, hint_keys: set[str] | frozenset[str]) -> bool:
    return bool(hint_keys & {name_key(entry.admin1), name_key(entry.admin2), name_key(entry.name),
                             name_key(entry.country)})


def plausible(entry: GazEntry, cand: Candidate, context: PlaceContext) -> bool:
    """Guard against far-away homonyms ("Al Shabaab" -> a hamlet in Iran called Shabab).

    Outside the article's countries a place needs an explicit "in/near" cue or place word; with
    no country known at all, a small town needs one too.
    """
    if not cand.entries:
        return True
    countries = {c for c, _ in context.countries}
    if is_village(entry.id):
        # a village of the larger source (Who's On First) lies in the article's countries, has a place
        # reading ("in Mahmud", "Mahmud village"; a unit word when it is named like a person) or lies in
        # every division its hints name, or in the province they name when WOF records no district for
        # it or it lies near the district named (see ``fits``), and no same-named
        # village of the country that fits as well lies more than 50 km away ("Kibanda (Idjwi,
        # Sud-Kivu)" is neither Kibanda of Sud-Kivu when two lie far apart)
        def fits(e: GazEntry) -> int:  # 2: inside every division named, 1: in the province named, 0: no
            if cand.hints or cand.chain:
                own = {name_key(e.admin1), name_key(e.admin2), name_key(e.country)} - {""}
                named = {name_key(strip_admin_suffix(h)) for h in (*cand.hints, *cand.chain)} - {cand.key, ""}
                if not named:
                    return 0
                if named <= own:
                    return 2
                # in the province named and near a district or town the hints name: within 50 km when
                # WOF gives the village a district of its own (its districts are not always the
                # text's), within 150 km when its district is only the province ("Kasumbalesa
                # (Sakania, Haut-Katanga)"); with no such point known, only the latter. "Badah town
                # (Larkana, Sindh)" is not Sindh's other Badah, 230 km from Larkana
                if name_key(e.admin1) not in named:
                    return 0
                no_district = name_key(e.admin2) in ("", name_key(e.admin1))
                # (not the province's own town: "Herat" of "Shindand district, Herat" says only the province)
                points = [p for p in cand.hint_points if p.country == e.country and name_key(p.name) != name_key(e.admin1)]
                if not points:
                    return int(no_district)
                reach = _NEAR_KM if no_district else 50
                return int(any(km(p.latitude, p.longitude, e.latitude, e.longitude) <= reach for p in points))
            if cand.after in TOWN_WORDS | ADMIN_WORDS | NEAR_WORDS or cand.road:
                return 2  # "Saadnayel town", and "the Saadnayel highway": a road is placed at its town
            # named like a person ("at Pineda's vehicle"): only with a unit word
            return 2 if cand.cue in ("in", "near", "origin", "position") and not all(w.lower() in PERSON_NAMES for w in e.name.split()) \
                else 0
        level = fits(entry)
        return (not countries or entry.country in countries) and level > 0 and not any(
            is_village(e.id) and e.country == entry.country and fits(e) >= level and km(e.latitude, e.longitude,
                                                                                          entry.latitude, entry.longitude) > 50
            for e in cand.entries)
    # "Haydan district (Sadah)": its own province confirms it; "El Bouni (El Bouni)", its district
    # of the same name, unless the text names another country ("the Mauritanian police in Mal (Mal)")
    confirming = cand.hint_keys if not countries or entry.country in countries else cand.hint_keys - {cand.key}
    if cand.hints and fits_hints(entry, confirming):
        return True
    explicit = cand.cue in ("in", "near", "origin", "position") or cand.after in TOWN_WORDS | ADMIN_WORDS | NEAR_WORDS
    if cand.name_end and countries and entry.country not in countries and \
            (not _own_name(entry, cand) or cand.longer) and dict(context.countries) != dict(context.admin1_countries):
        # "Kala" of "Kala Murchi" in an Afghan report is not Caala in Angola, nor "Savana" of "Savana
        # de Torres" in a Colombian one Savannah, Georgia, nor "Kant" of "Kant Kaw Myaing" Kant in
        # India (see ``_longer_name``) (when the text names Afghanistan, not only a province that may
        # be a homonym: "Hodeidah Red Sea port city")
        return False
    if countries and entry.country not in countries:
        # abroad, a town needs a locative cue, and one named by the first words of its name only
        # ("Pineda" for Pineda de Mar in Spain) must be large as well: more often a surname
        return explicit and entry.population >= _TOWN_POPULATION and (
            not _first_words_only(entry, cand) or entry.population >= _CITY_POPULATION)
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


def _first_words_only(entry: GazEntry, cand: Candidate) -> bool:
    """Whether the text names the entry by the first words of a longer name ("Pineda" for Pineda
    de Mar, "Jaramillo" for Jaramillo Quemado), not by a spelling of it ("Abu Kamal")."""
    words = entry.name.split()
    return any(name_key(" ".join(words[:n])) == cand.key for n in range(1, len(words)))
