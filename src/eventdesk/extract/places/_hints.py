"""Placing a name through what the text says around it: its parenthesised hints ("X (Sujawal,
Sindh)") and the wider places chained after it ("Muqur district, Badghis"), read against the
article's countries; the town that is a province's seat; a respelled district near the place its
hints name; and when a well-known place keeps its own entry over the place its hints name.

Private: import from ``eventdesk.extract.places.choose``, whose ``_resolve`` calls these.
"""

from __future__ import annotations

from eventdesk.gazetteer import GazEntry, Gazetteer, admin1_index, km, name_key, strip_admin_suffix
from eventdesk.extract.places._context import PlaceContext
from eventdesk.extract.places._words import ADMIN_WORDS, DISTRICT_WORDS, Candidate

__all__ = [
    "_NEAR_KM",
    "_TOWN_POPULATION",
    "_capital_of_the_name",
    "_district_over_the_border",
    "_division_keys",
    "_from_hints",
    "_keeps_its_name",
    "_own_name",
    "_respelled_fit",
]


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


def _unique_name(entry: GazEntry, cand: Candidate) -> bool:
    """Whether the entry's name is its own and no other country has a place of that name."""
    own = {e.country for e in cand.entries if _own_name(e, cand)}
    return _own_name(entry, cand) and own == {entry.country}


def _own_name(entry: GazEntry, cand: Candidate) -> bool:
    """Whether the surface is the entry's own (ASCII-folded) name rather than an alternate name;
    every spelling of a first-level division in ``data/admin1.csv`` is its own ("Nineveh", "Ninewa")."""
    if name_key(entry.name) == cand.key:
        return True
    return entry.kind == "admin1" and admin1_index().code(entry.country_code, cand.key) == entry.id.split(":", 1)[1]


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
    of the candidate's own entries, then the article's countries in their order, then population."""
    ranked = context.countries or context.homes
    country = ranked[0][0] if ranked else None
    order = {c: n for n, (c, _) in enumerate(ranked)}  # "Bethlehem district" in a note naming Israel and
    # Palestine is Palestine's, not Belem (Brazil), a larger city that lists Bethlehem among its names
    # the countries of its own entries, and of its villages the text did not take that lie in a
    # division the hints name: "Diguel (Diguel, Soum)", two Diguels of Soum 60 km apart, is in
    # Burkina Faso's Soum, not at the Senegalese town Soum
    hinted = {name_key(strip_admin_suffix(h)) for h in hints} - {""}
    own = {e.country for e in cand.entries} | {e.country for e in cand.ruled_out
                                                if hinted & {name_key(e.admin1), name_key(e.admin2)}}
    found = [[e for e in gaz.lookup(strip_admin_suffix(h), country)
              if e.kind in (("admin1",) if _names_a_province(h) else ("city", "supplement", "admin1", "admin2"))]
             for h in hints]
    for i, h in enumerate(hints[:-1]):
        if not found[i] and any(found[i + 1:]):  # "Kash Rod": Khash Rod, if near the hints after it
            later = [e for rest in found[i + 1:] for e in rest]
            # another transliteration ("Kash Rod"), else one letter off ("(Raizh, Sadah)": Razih)
            found[i] = [e for e in gaz.sounds_like(strip_admin_suffix(h))
                        if _within(e, [f for f in later if f.country == e.country], _NEAR_KM)] or \
                       [e for e in gaz.near_spellings(strip_admin_suffix(h))
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
            # a country neither the report nor the name's own entries point to comes last, division or
            # not: "Masala in Beni territory" of a report on Congo is not Bolivia's Beni department
            unrelated = bool(order) and e.country not in order and e.country not in own
            return (e.country not in later if later else False, unrelated, last and e.kind != "admin1",
                    e.admin1 not in provinces if provinces else False,  # "(Muqur, Badghis)"
                    e.country not in own, order.get(e.country, len(order)),
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
