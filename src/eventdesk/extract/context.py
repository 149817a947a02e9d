"""Article-level context that per-sentence stages need: the countries and provinces an article
talks about (to resolve ambiguous place names and name generic actors), dated statements (anchors
for "one day after ..."), and the services (gazetteer, actor dictionary)."""

from __future__ import annotations

import math
import re
from functools import cache
from collections import Counter
from dataclasses import dataclass, field, replace

from eventdesk.gazetteer import GazetteerError, name_key, spelling
from eventdesk.model import Place, Sentence, Span
from eventdesk.extract.dates.resolve import DateAnchor, anchors_in
from eventdesk.extract.places._facilities import facility_part
from eventdesk.extract.places._named_towns import in_part_of_country, is_capital, named_town, prefer_named_town
from eventdesk.extract.places._neighbourhoods import district_part, named_part
from eventdesk.extract.places._sides import SidePart, side_parts
from eventdesk.extract.places.choose import PlaceContext, choose_place
from eventdesk.rules import pattern, word_list

__all__ = ["ArticleContext", "ArmedHint", "build_context", "read_context"]


@cache
def _armed_words() -> re.Pattern[str]:
    """Words of armed people, groups and weapons platforms: ``actor_words.json`` armed_words."""
    return re.compile(pattern("actor_words.json", "armed_words"), re.IGNORECASE)


_STATE_WORDS = re.compile(
    r"\b(soldiers?|troops?|army|military|police|security forces|government forces|air force|"
    r"warplanes?|jets?|commandos?|national guard|gendarmes?)\b",
    re.IGNORECASE,
)


@cache
def _in_country() -> re.Pattern[str]:
    """A capitalised name after a locative word: ``actor_words.json`` in_country."""
    return re.compile(pattern("actor_words.json", "in_country"))


# "in this capital": the dateline's town (place_words.json's here_phrases)
_HERE = re.compile(r"\b(?:in|at|near|outside|of)\s+(?:%s)\b" % "|".join(
    re.escape(p) for p in sorted(word_list("place_words.json", "here_phrases"), key=len, reverse=True)), re.IGNORECASE)

@cache
def _capital_phrase() -> re.Pattern[str]:
    """"in the capital", "in the Salvadoran capital": ``place_words.json`` capital_phrase."""
    return re.compile(pattern("place_words.json", "capital_phrase"))


# a locative word right before a place: its own reading as where something happened
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|inside|around|of|off)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# a preposition that reads the name after it as where something is (not "of": "dozens of Hay residents")
_PLACE_READING = re.compile(r"\b(?:in|near|at|outside|inside|around)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)


#: How many times as often as any other a report must name a country to be about it alone ("El
#: Salvador" five times and "the United States" once); below that it is about several countries.
REPORT_DOMINANCE = 2
#: How many people a city must have for a facility named after it to be its own ("Kabul airport" in a
#: report filed from Kunduz; ``places._facilities``): a village's name read inside a facility's is not.
MAJOR_CITY = 100_000
#: How many times a report's dateline counts as naming its town's country (see ``report_country``).
DATELINE_VOTES = 2
#: How many votes (names and dateline, as in ``report_country``) settle the country a report is about
#: well enough that a name abroad with no locative word is no place of it.
SETTLED_VOTES = 3


@dataclass(frozen=True)
class ArmedHint:
    armed: int
    state: bool


@dataclass(frozen=True)
class ArticleContext:
    text: str
    article_id: str
    gazetteer: object
    actors: object
    countries: tuple[str, ...]  # countries named in the article, most frequent first
    anchors: tuple[DateAnchor, ...]
    place_context: PlaceContext
    places_by_sentence: dict[Span, Place | None] = field(default_factory=dict)
    dateline_place: Place | None = None  # where the report was filed ("LIMA, 7 MAY 89 --"), no span
    named_countries: tuple[tuple[str, int], ...] = ()  # countries the text names, with counts
    # what the sentences name, read once per sentence (each is asked by places, dates and assembly, many
    # times): pure functions of the text and the services; a ``replace`` starts an empty one
    _read: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def filed_from(self, spans: tuple[Span, ...] = ()) -> Place | None:
        """The dateline's place, for an event whose sentences ``spans`` name no place of their own:
        only when it lies in the article's main country (or the report is about the dateline's country
        all the same, ``_about_the_dateline_country``) and in the country those sentences name, if
        any ("LIMA -- guerrillas attacked a bus"), never a correspondent's post abroad ("ROME
        (ITALY) -- the FMLN described the massacre ...", "PANAMA CITY -- Panama's archbishop
        condemned the murder of six Jesuits in El Salvador"). Marked precision 2: where the report
        was filed, not a place the report says it happened."""
        place = self.dateline_place
        if place is None:
            return None
        main = self.main_country
        if main is not None and place.country != main and not self._about_the_dateline_country():
            return None
        if any((named := self.sentence_country(span)) and named != place.country for span in spans):
            return None
        if is_capital(place, self.gazetteer) and any(in_part_of_country(self.text, span, place.country)
                                                       for span in spans):
            # "OUAGADOUGOU -- gunmen attacked a church in northern Burkina Faso": a report filed from the
            # capital about a part of the country is no report of the capital (one filed from a province's
            # town, "QUETTA -- ... in southwestern Pakistan", is most likely near it)
            return None
        return replace(place, precision=max(place.precision, 2), source=f"dateline:{place.source}")

    def _about_the_dateline_country(self) -> bool:
        """Whether the report is about its dateline's country though it names another as often or
        more: ``report_country`` finds the dateline's (its names and dateline votes: "SANTIAGO -- bombs
        exploded in the capital", naming an Australian firm once), it writes no other country by its
        own name and the groups it names have no other home (a communique of Salvadoran rebels read
        out in Rome is about El Salvador)."""
        filed = self.dateline_place
        if filed is None:
            return False
        report = self.report_country()
        return report is not None and report[0] == filed.country and not self._another_written(filed.country) and \
            self.group_country() in (None, filed.country)

    def _another_written(self, country: str) -> bool:
        """Whether the text writes a country other than ``country`` by its own name: "Venezuela closed
        its border" may be where the event was; a country named only by its people's adjective ("an
        Australian firm", "six Jesuits, five of them of Spanish background") is not."""
        return any(re.search(rf"\b{re.escape(other)}\b", self.text, re.IGNORECASE)
                   for other, _ in self.named_countries if other != country)

    def dateline_leads(self) -> str | None:
        """The dateline's country when its votes (as in ``report_country``) lead every other country's,
        short of the dominance that makes the report about it, and the text writes no other country by
        its own name: the others are named only by their people's adjective ("SAN SALVADOR -- [...] six
        Jesuits, five of them of Spanish background, were assassinated"); else ``None``."""
        filed = self.dateline_place
        if filed is None or self._another_written(filed.country):
            return None
        votes = Counter(dict(self.named_countries))
        votes[filed.country] += DATELINE_VOTES
        ranked = votes.most_common(2)
        if ranked[0][0] != filed.country or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
            return None
        return filed.country

    @property
    def main_country(self) -> str | None:
        """The country the article names most, else the country of the places found so far, else
        the home country of the actors it names."""
        if self.countries:
            return self.countries[0]
        found = Counter(p.country for p in self.places_by_sentence.values() if p is not None)
        if found:
            return found.most_common(1)[0][0]  # ties: the first found, deterministic
        homes = self.place_context.homes  # the home country of the named actors ("Houthi forces")
        return max(homes, key=lambda kv: kv[1])[0] if homes else None

    def place_for(self, span: Span, person=None, aside=None) -> Place | None:
        """The place of a sentence's event (chosen once); ``person(start, end)`` says whether the
        statistical NER reads a person's name there, ``aside(start, end)`` whether the parse puts a
        name inside a description of someone else (see ``choose_place``)."""
        if span in self.places_by_sentence:
            return self.places_by_sentence[span]
        country_names = self._country_names(span)
        named = country_names[0][2] if country_names else None
        context = self.place_context
        # "... the foiled attack in Medellin ... terrorists in Colombia": Colombia's Medellin; "an
        # attack on the command post in San Ramon by FMLN units": the FMLN's country's San Ramon
        first = named or self._group_home(span)
        if first:
            context = replace(context, countries=((first, len(self.text)),
                                                  *(c for c in context.countries if c[0] != first)))
        place = choose_place(self.text, span, self.gazetteer, context=context, person=person, aside=aside)
        home = named or self._settled_country()
        if place is not None and home and home != place.country and place.span is not None and \
                not _LOCATIVE.search(self.text, max(0, place.span.start - 24), place.span.start) and \
                not any(a < place.span.end and place.span.start < b for a, b, _ in country_names):
            # "Panama's archbishop condemned the assassination of six Jesuits in El Salvador": the
            # sentence puts its event in a country; a name of another country with no locative
            # word of its own is no place of it ("in Benin City" is not the country Benin). So is
            # one abroad from the country a whole report is about ("kidnapped Jaramillo, the bishop
            # of Arauca" is no Jaramillo Quemado in Spain, "Havana University professors repudiated
            # the assassination" no Havana, Illinois)
            place = None
        # "the small town of Hostigal", "in Corral de Piedras, Chalatenango department": the town the
        # sentence names as one, also where the gazetteer lacks it
        country = named or self.main_country
        here = place if place is not None and place.country == country else self.filed_from((span,))
        reading = named_town(self.text, span, self.gazetteer, country, here, aside)
        place = prefer_named_town(place, reading, country, self.text)
        # "in the Escalon neighborhood": that part of the sentence's or the dateline's city
        place = named_part(self.text, span, place, self.filed_from((span,)), named or self.main_country)
        # "LIMA -- [...] in the Villa El Salvador district": a district of the dateline's city the
        # gazetteer lacks (``filed_from`` is that city only in a report about its country)
        # "located in San Diego, southern Medellin": a part of the city, not a San Diego elsewhere
        place = _prefer_side(place, self.side_parts(span))
        filed = self.filed_from((span,))
        place = district_part(self.text, span, place, filed, named or (filed.country if filed else None), self._knows)
        # "riddled with bullets at the Central American University": that facility of the sentence's
        # or the dateline's city
        place = facility_part(self.text, span, place, filed, named or self.main_country, self._named_elsewhere,
                              self._major_city)
        if place is None and self.dateline_place is not None and _HERE.search(self.text, span.start, span.end):
            # "his body was found under a bridge in this capital": the town the report was filed
            # from, which the text names, also in a report mostly about another country
            place = replace(self.dateline_place, source=f"here:{self.dateline_place.source}")
        if place is None:
            # "attacks in the capital", "in the Ecuadoran capital": the country's capital city
            place = self._capital_named(span, named)
        filed = self.dateline_place
        if place is not None and filed is not None and place.country != filed.country and \
                name_key(place.location) == name_key(filed.location):
            # "SAN SALVADOR -- A bomb shook the AFP offices in San Salvador", "the Spanish embassy in San
            # Salvador": the town the report was filed from, not a namesake abroad that the sentence's
            # groups or peoples ("AFP", "Spanish") point to
            place = replace(filed, span=place.span, source=f"dateline town named:{filed.source}")
        self.places_by_sentence[span] = place
        return place

    def side_parts(self, span: Span) -> tuple[SidePart, ...]:
        """The parts of a city the sentence names by where in the city they lie ("in Guayabal, on
        the outskirts of Medellin"; ``places._sides``), read in the country it names, else the
        report's; "this city" is the dateline's town."""
        country = self.sentence_country(span) or self.main_country
        key = ("side_parts", span, country)  # the main country can change as places are found
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = side_parts(self.text, span, self.gazetteer, country, self.dateline_place)
        return found

    def _named_elsewhere(self, name: str, start: int, end: int) -> bool:
        """Whether the report names ``name`` (as a whole word) outside ``start:end``."""
        return any(not (start <= m.start() < end)
                   for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", self.text, re.IGNORECASE))

    def _major_city(self, place: Place) -> bool:
        """Whether ``place`` is a gazetteer city of at least ``MAJOR_CITY`` people: a facility named
        after it ("Kabul airport") is its own, wherever the report was filed from."""
        entry_id = ":".join(place.source.split(":")[-2:])  # "hint:geonames:1138958" -> "geonames:1138958"
        try:
            entry = self.gazetteer.get(entry_id)
        except GazetteerError:
            return False
        return entry.kind == "city" and entry.population >= MAJOR_CITY

    def _knows(self, name: str, country: str) -> bool:
        """Whether the gazetteer knows a place of ``country`` by this very name (spelled alike, its
        articles too: Peru's "Villa Salvador" is not "Villa El Salvador")."""
        spelled = spelling(name)
        return any(e.country == country and spelling(e.name) == spelled for e in self.gazetteer.lookup(name, country))

    def _capital_named(self, span: Span, named: str | None) -> Place | None:
        """The capital city a sentence names by the word alone ("bombs exploded in the capital", "in
        the Salvadoran capital"; ``place_words.json`` capital_phrase): the capital of the country its
        people's name gives, else of the country the sentence puts something in (``named``), else of
        the one country the report is about (``report_country``); ``None`` when the sentence names no capital so, or a people the
        gazetteer does not know ("the Provincial capital")."""
        m = _capital_phrase().search(self.text, span.start, span.end)
        if m is None:
            return None
        people = m.group("people")
        country = None
        if people and people[:1].isupper() and people.lower() not in ("national", "federal"):
            country = self.gazetteer.country_of(people)
            if country is None:
                return None
        if country is None and named is None:
            report = self.report_country()  # its names and dateline: never a country named in passing
            country = report[0] if report is not None else None
        country = country or named
        capital = self.gazetteer.national_capital(country) if country else None
        if capital is None:
            return None
        start = m.end("near") if m.group("near") else m.start()
        return Place(country=capital.country, admin1=capital.admin1, admin2=capital.admin2, location=capital.name,
                     latitude=capital.latitude, longitude=capital.longitude, precision=2 if m.group("near") else 1,
                     source=f"capital:{capital.id}", span=Span(span.article_id, start, m.end()))

    def country_named(self, span: Span) -> tuple[str, Span] | None:
        """The first country a sentence puts something in ("in Colombia"), with the words that
        name it; ``None`` when it names none so."""
        named = self._country_names(span)
        if not named:
            return None
        start, end, country = named[0]
        return country, Span(span.article_id, start, end)

    def report_country(self) -> tuple[str, str] | None:
        """The one country the whole report is about, and how that is known (``"article"`` or
        ``"dateline"``), else ``None``. Each time the report names a country is a vote for it, and
        the town it was filed from (its dateline) ``DATELINE_VOTES`` votes for that town's country:
        a wire correspondent files from the country the news is about unless the report says
        otherwise. The report is about the country with at least ``REPORT_DOMINANCE`` times the
        votes of any other (two countries named alike need the event's own evidence); ``"dateline"``
        when the names alone would not have decided it. A report that names no country and has no
        dateline (or one abroad from its groups' country) is about the country of the provinces and
        towns found in it, when they all agree."""
        named = Counter(dict(self.named_countries))
        votes = named.copy()
        filed = self.dateline_place
        if filed is not None and (named or self.group_country() in (None, filed.country)):
            # a report that names no country but groups of another is a communique filed abroad
            # ("MEXICO CITY -- the URNG said its guerrillas ..."): its dateline says nothing of where
            votes[filed.country] += DATELINE_VOTES
        if votes:
            country = _dominant(votes)
            if country is None:
                return None
            return country, "article" if _dominant(named) == country else "dateline"
        found = {c for c, _ in self.place_context.admin1_countries}
        found |= {p.country for p in self.places_by_sentence.values() if p is not None}
        return (found.pop(), "article") if len(found) == 1 else None

    def _settled_country(self) -> str | None:
        """The one country a wire report is about (``report_country``) when it was filed from there
        and its names and dateline say so at least ``SETTLED_VOTES`` times; never for a text with
        no dateline, where a name of a people counts as its country's ("the passengers, Somali and
        non-Somali" in a Kenyan note, "Burkinabe individuals" in an Ivorian one)."""
        filed = self.dateline_place
        report = self.report_country() if filed is not None else None
        if report is None or report[0] != filed.country:
            return None
        votes = dict(self.named_countries).get(report[0], 0) + DATELINE_VOTES
        return report[0] if votes >= SETTLED_VOTES else None

    def group_country(self) -> str | None:
        """The home country of the groups the report names, when they all share one."""
        homes = {c for c, _ in self.place_context.homes} or set(_actor_countries(self.text, self.actors))
        return homes.pop() if len(homes) == 1 else None

    def sentence_country(self, span: Span) -> str | None:
        """The country a sentence places its event in when it names no town: "in Syria",
        "inside Syria", "on the Syrian side of the border"."""
        named = self._country_names(span)
        return named[0][2] if named else None

    def _group_home(self, span: Span) -> str | None:
        """The home country of the groups the sentence names, when they share one."""
        homes = {home for _, _, surface in self.actors.matches(self.text[span.start:span.end])
                 if (home := self.actors.home_of(surface))}
        return next(iter(homes)) if len(homes) == 1 else None

    def _country_names(self, span: Span) -> tuple[tuple[int, int, str], ...]:
        """(start, end, country) of each country the sentence puts something in ("in Syria")."""
        key = ("country_names", span)
        named = self._read.get(key)
        if named is None:
            named = self._read[key] = self._read_country_names(span)
        return named

    def _read_country_names(self, span: Span) -> tuple[tuple[int, int, str], ...]:
        named = []
        for m in _in_country().finditer(self.text, span.start, span.end):
            words = m.group("name").split()
            # the longest name that is a country: "in El Salvador", "in the Central African Republic"
            for n in range(len(words), 0, -1):
                country = self.gazetteer.country_of(" ".join(words[:n]))
                if country:
                    start = m.start("name")
                    named.append((start, start + len(" ".join(words[:n])), country))
                    break
        return tuple(named)

    @staticmethod
    def armed_hint(sentence: str) -> ArmedHint:
        return ArmedHint(len(set(m.group(1).lower() for m in _armed_words().finditer(sentence))),
                         bool(_STATE_WORDS.search(sentence)))


def _prefer_side(place: Place | None, sides: tuple[SidePart, ...]) -> Place | None:
    """The sentence's place once the parts of a city it names by their side are read: the first
    such part when the sentence has no town of its own, only a vaguer place, a homonym of the part's
    name ("San Diego" in Cesar) or the city itself; a part already read ("City-Part") or another
    town the sentence names stays."""
    if not sides:
        return place
    side = sides[0]
    if place is None or place.span is None or place.precision >= 2:
        return side.place
    if "-" in place.location:
        return place
    if side.span.start <= place.span.start < side.span.end or name_key(place.location) == name_key(side.city.location):
        return side.place
    return place


def _dominant(votes: Counter) -> str | None:
    """The country with at least ``REPORT_DOMINANCE`` times the votes of any other, else ``None``."""
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < REPORT_DOMINANCE * ranked[1][1]):
        return None
    return ranked[0][0]


def build_context(
    text: str,
    article_id: str,
    sentences: tuple[Sentence, ...],
    publication_date,
    gazetteer,
    actors,
    *,
    default_country: str | None = None,
    dateline: str | None = None,
) -> ArticleContext:
    """Collect the article-level hints once per article (cheap: regex and dictionary lookups)."""
    place_context = PlaceContext.from_text(
        text, gazetteer, article_id=article_id,
        event_sentences=tuple(s.span for s in sentences if s.triggers),
        group_words=actors.group_words(),
    )
    named_countries = place_context.countries  # the cleaned text holds no dateline: it counts apart
    if not place_context.countries:
        # an article that names no country: the countries of the provinces it names ("Kirinyaga
        # County"), else the country the user's feed is about; else the home countries of the
        # named actors it mentions (the Houthis, Mungiki, ...) rank its places ("Ad Dali" in
        # Yemen, not Dali in China)
        homes = dict(place_context.admin1_countries)
        filed = _dateline_place(dateline, gazetteer, place_context) if dateline and homes else None
        if filed is not None and filed.country not in homes and place_context.admin1 and \
                all(gazetteer.admin1(a, filed.country) is not None for a in place_context.admin1):
            # "BOGOTA -- ... coordinator of the UP in Cordoba department": every province the report
            # names has a namesake in the dateline's country, whose town says more than the homonym
            # the gazetteer ranks first (Cordoba of Argentina)
            homes = {filed.country: 1}
        if not homes and default_country:
            homes = {default_country: 1}
        if not homes and not _actor_countries(text, actors) and \
                not (dateline and _dateline_place(dateline, gazetteer, place_context) is not None):
            # (a dateline's town says more than two names that have homonyms in one country: "SANTIAGO
            # -- a bomb went off ... between San Diego and Arturo Pratt streets" is no report from Mexico)
            homes = _shared_country(text, place_context.event_sentences or (Span(article_id, 0, len(text)),), gazetteer)
        if homes:
            place_context = replace(place_context, countries=tuple(homes.items()))
        else:
            place_context = replace(place_context, homes=tuple(_actor_countries(text, actors).items()))
    countries = tuple(c for c, _ in sorted(place_context.countries, key=lambda kv: -kv[1]))
    relay = _RELAY.match(text)
    if dateline and relay is not None:
        # "BOGOTA, 18 AUG 89 (CARACOL) -- [TEXT] MEDELLIN -- Antioquia's police chief was murdered this
        # morning on this city's west side": the body's own dateline, relayed by the network, says
        # which town "this city" is; it is read first, the wire's after it
        dateline = f"{dateline}; {relay.group('town')}"
    dated = [s.span for s in sentences if _DATE_WORDS.search(text, s.span.start, s.span.end)]
    anchors = tuple(anchors_in(text, dated, publication_date))
    filed = _dateline_place(dateline, gazetteer, place_context) if dateline else None
    homes = {c for c, _ in place_context.homes}
    named = dict(place_context.countries)
    if filed is not None and named and filed.country not in named and _only_people(text, named, gazetteer):
        # "GUATEMALA CITY -- a Spaniard, a Frenchman and an Italian, kidnapped in Tecun Uman": the
        # countries the body names only by the word for one of their people are those people's, not
        # where the report is; the dateline's country ranks the places as the body's names do
        ranked = sorted({**named, filed.country: DATELINE_VOTES}.items(), key=lambda kv: -kv[1])
        place_context = replace(place_context, countries=tuple(ranked))
        countries = tuple(c for c, _ in ranked)
    if filed is not None and not place_context.countries and (not homes or filed.country in homes):
        # a wire report that names no country: the dateline's town says which ("BOGOTA, 17 AUG 89 --
        # Superior court judge ... was shot near downtown Bogota" is no report from Wisconsin), unless
        # the groups it names are another country's (a URNG communique filed from Mexico City)
        place_context = replace(place_context, countries=((filed.country, 1),))
        countries = (filed.country,)
    return ArticleContext(text, article_id, gazetteer, actors, countries, anchors, place_context, {}, filed,
                          named_countries)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _only_people(text: str, named: dict[str, int], gazetteer) -> bool:
    """Whether the text names each of the countries ``named`` only by the word for one of its people,
    as a person ("a Spaniard, a Frenchman and an Italian", "Italian Dino Rossy"), never by the
    country's own name nor as a word that qualifies a noun ("Salvadoran rebels": a group of that
    country, which may well be where it acts)."""
    if any(re.search(rf"\b{re.escape(country)}\b", text, re.IGNORECASE) for country in named):
        return False
    for m in _CAPITALISED.finditer(text):
        if gazetteer.country_of_people(m.group()) in named and re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
            return False
    return True


# a dateline that opens the body of a relayed report: "MEDELLIN -- ", "San Pedro Sula -- "
_RELAY = re.compile(r"\s*(?P<town>[A-Z][\w'’.]*(?:[ ][A-Z][\w'’.]*){0,3})[ \t]+--[ \t]")


def _dateline_place(dateline: str, gazetteer, place_context: PlaceContext) -> Place | None:
    """The town of a dateline ("BOGOTA, 7 SEP 89", "ROME (ITALY), 11 JAN 90", "Tuesday; BAGHDAD"):
    a town of that very name, in the country its parenthesis names, the most populous by an order
    of magnitude, else one of a country the article names ("SANTIAGO" is Chile's capital, "LIMA"
    Peru's, not Lima, Ohio); ``None`` for "NO CITY (PERU)" or "CLANDESTINE"."""
    counts = dict(place_context.countries)
    for part in reversed(dateline.split("; ")):
        head = part.split(",")[0]
        town, _, rest = head.partition("(")
        town = town.strip()
        hint = gazetteer.country_of(rest.rstrip(") ").title()) if rest else None
        key = name_key(town)
        if not key:
            continue
        entries = [e for e in gazetteer.lookup(town.title() if town.isupper() else town)
                   if e.kind in ("city", "supplement") and name_key(e.name) == key and (hint is None or e.country == hint)]
        if entries:
            # a dateline is a correspondent's city: a large one, by an order of magnitude
            e = max(entries, key=lambda e: math.log10(e.population + 1) + (1.0 if e.country in counts else 0.0))
            return Place(country=e.country, admin1=e.admin1, admin2=e.admin2, location=e.name,
                         latitude=e.latitude, longitude=e.longitude, precision=1, source=e.id)
    return None


def _shared_country(text: str, spans: tuple[Span, ...], gazetteer) -> dict[str, int]:
    """The one country in which two or more of the names a text gives have a place of that very
    name, more than any other country, for a text that names no country, province or actor with
    a home: "the Bar Elias-el Marj intersection" is Lebanon's (both are its villages), not Libya's Al
    Marj. Empty when no country stands out."""
    from eventdesk.extract.places._text import scan
    from eventdesk.extract.places._words import names_an_organisation, never_a_place

    names: dict[str, set[str]] = {}
    weight: dict[str, int] = {}
    for span in spans:
        for cand in scan(text, span, gazetteer):
            key = name_key(text[cand.start:cand.end])
            # a name the text reads as a place ("gathered in Rashayya") says more than one it does not
            # ("MP Wael Abu Faour": Abu has homonyms in nine countries), also by another of its names
            # (Rashayya is Rachaiya el Ouadi)
            placed = _PLACE_READING.search(text, max(0, cand.start - 24), cand.start) is not None
            own = {e.country for e in cand.entries if e.kind != "country" and (placed or name_key(e.name) == key)}
            surface = text[cand.start:cand.end]
            if key and own and not gazetteer.is_common_word(surface) and not never_a_place(surface) \
                    and not names_an_organisation(text, cand) \
                    and cand.start != span.start:  # "On 5 May 2020, ..." names no On in Belgium
                names.setdefault(key, set()).update(own)
                weight[key] = max(weight.get(key, 1), 2 if placed else 1)
    votes = Counter()
    for key, countries in names.items():
        for country in countries:
            votes[country] += weight[key]
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return {}
    return {ranked[0][0]: ranked[0][1]}


def _actor_countries(text: str, actors) -> dict[str, int]:
    """Home countries of the dictionary actors the text names, with counts."""
    counts: dict[str, int] = {}
    for _, _, surface in actors.matches(text):
        home = actors.home_of(surface)
        if home:
            counts[home] = counts.get(home, 0) + 1
    return counts


_DATE_WORDS = re.compile(
    r"\d|day\b|week|month|year|January|February|March|April|May|June|July|August|September|October|"
    r"November|December"
)


def read_context(doc, services):
    """The context step: the article-level hints every component reads (see ``build_context``)."""
    from dataclasses import replace as _replace

    context = build_context(
        doc.reading.text, doc.clean.id, doc.sentences, doc.publication.date, services.gazetteer, services.actors,
        default_country=services.settings.default_country, dateline=doc.clean.dateline,
    )
    return _replace(doc, context=context)
