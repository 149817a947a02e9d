"""Claims: what one article says about each field of one event, and how it says it.

For every field of an event mention that has a span (type, date, place, actors, deaths) the claim is
made in the sentence holding that span; its stance and speaker come from that sentence's clause
(see ``_attribution``). Two kinds of claim need no field span:

* deaths unknown: "no casualty figures were available", "it was not clear how many were killed"
  in one of the mention's sentences is a claim that the toll is unknown (value ""), not of zero;
* coordinated_with: "in coordination with X", "after coordinating with X", "with intelligence
  support from X", "jointly with X", "coordination between A and B over these strikes" anywhere in
  the article. Such a sentence belongs to the mention when it is one of its sentences, or when it
  names the event with a definite noun of its kind ("the strikes", "these raids") or is the lead of
  an article that reports only this event, and no other mention of the article has the same type.
  The partner gets its ACLED name: the actor dictionary first, then "Government of <Country>" for
  a regime, a government, a leader's government or a capital city, "Military Forces of <Country>"
  for a national army.

Nothing is dropped silently: ``read_claims`` returns every sentence or field it did not turn into a
claim with the reason; ``claims_for`` returns the claims alone.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from eventdesk.model import CLAIM_FIELDS, Claim, EventMention, Rejection, Sentence, Span
from eventdesk.extract.claims._attribution import SpeakerBook, clause_at, negated_report, voice_at
from eventdesk.extract.actors.find import ActorDictionary, with_article
from eventdesk.rules import pattern, word_list

__all__ = ["ClaimReading", "read_claims", "claims_for", "claims_of_article"]

# Capital city -> country, for "coordination with Damascus" (a government metonym). Source: the
# capital column of GeoNames countryInfo.txt, country names spelled as in data/countries.csv;
# only capitals that are not also common words or shared place names.
CAPITALS: Mapping[str, str] = MappingProxyType(dict(
    pair.split(":") for pair in (
        "Kabul:Afghanistan|Algiers:Algeria|Luanda:Angola|Yerevan:Armenia|Baku:Azerbaijan|"
        "Manama:Bahrain|Dhaka:Bangladesh|Minsk:Belarus|Ouagadougou:Burkina Faso|Gitega:Burundi|"
        "Bujumbura:Burundi|Phnom Penh:Cambodia|Yaounde:Cameroon|Yaoundé:Cameroon|"
        "Bangui:Central African Republic|N'Djamena:Chad|Ndjamena:Chad|Beijing:China|Bogota:Colombia|"
        "Kinshasa:Democratic Republic of Congo|Brazzaville:Republic of Congo|Cairo:Egypt|"
        "Asmara:Eritrea|Addis Ababa:Ethiopia|Paris:France|Tbilisi:Georgia|Berlin:Germany|Accra:Ghana|"
        "Conakry:Guinea|New Delhi:India|Jakarta:Indonesia|Tehran:Iran|Teheran:Iran|Baghdad:Iraq|"
        "Jerusalem:Israel|Amman:Jordan|Nairobi:Kenya|Kuwait City:Kuwait|Bishkek:Kyrgyzstan|"
        "Beirut:Lebanon|Monrovia:Liberia|Tripoli:Libya|Antananarivo:Madagascar|Lilongwe:Malawi|"
        "Bamako:Mali|Nouakchott:Mauritania|Mexico City:Mexico|Rabat:Morocco|Maputo:Mozambique|"
        "Naypyidaw:Myanmar|Naypyitaw:Myanmar|Kathmandu:Nepal|Niamey:Niger|Abuja:Nigeria|"
        "Pyongyang:North Korea|Muscat:Oman|Islamabad:Pakistan|Ramallah:Palestine|Manila:Philippines|"
        "Doha:Qatar|Moscow:Russia|Kigali:Rwanda|Riyadh:Saudi Arabia|Dakar:Senegal|"
        "Freetown:Sierra Leone|Mogadishu:Somalia|Pretoria:South Africa|Seoul:South Korea|"
        "Juba:South Sudan|Colombo:Sri Lanka|Khartoum:Sudan|Damascus:Syria|Dushanbe:Tajikistan|"
        "Dodoma:Tanzania|Bangkok:Thailand|Lome:Togo|Tunis:Tunisia|Ankara:Turkey|Ashgabat:Turkmenistan|"
        "Kampala:Uganda|Kyiv:Ukraine|Kiev:Ukraine|Abu Dhabi:United Arab Emirates|London:United Kingdom|"
        "Washington:United States|Tashkent:Uzbekistan|Caracas:Venezuela|Hanoi:Vietnam|"
        "Sanaa:Yemen|Sana'a:Yemen|Lusaka:Zambia|Harare:Zimbabwe"
    ).split("|")
))
# Surname -> country for "Assad's government" when the article does not say "Syrian President
# Bashar al-Assad" itself (those it does say are learned from the text). Source: heads of state or
# government named in press reports of 2014-2024 (Wikipedia lists of current heads of state).
LEADERS: Mapping[str, str] = MappingProxyType({
    "assad": "Syria", "abadi": "Iraq", "abdul-mahdi": "Iraq", "kadhimi": "Iraq", "sudani": "Iraq",
    "erdogan": "Turkey", "putin": "Russia", "khamenei": "Iran", "rouhani": "Iran", "raisi": "Iran",
    "sisi": "Egypt", "netanyahu": "Israel", "ghani": "Afghanistan", "buhari": "Nigeria",
})
_GOVERNMENT_HEADS: frozenset[str] = word_list("claim_words.json", "government_heads")  # type: ignore[assignment]
_FORCE_HEADS: frozenset[str] = word_list("claim_words.json", "force_heads")  # type: ignore[assignment]


@cache
def _cue() -> re.Pattern[str]:
    """Words that name a partner in an operation: ``claim_words.json`` partner_cue."""
    return re.compile(pattern("claim_words.json", "partner_cue"), re.IGNORECASE)


_NEGATED_CUE = re.compile(r"\b(?:not|never|no|without|n[’']t)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_PARTNER_END = re.compile(r"[,.;:!?\"“”()\[\]]")
_PARTNER_STOP: frozenset[str] = word_list("claim_words.json", "partner_stop")  # type: ignore[assignment]
_KIND_NOUNS: dict[str, frozenset[str]] = {
    "Explosions/Remote violence": word_list("claim_words.json", "kind_nouns_explosions"),  # type: ignore[dict-item]
    "Battles": word_list("claim_words.json", "kind_nouns_battles"),  # type: ignore[dict-item]
    "Violence against civilians":
        word_list("claim_words.json", "kind_nouns_violence_against_civilians"),  # type: ignore[dict-item]
    "Protests": word_list("claim_words.json", "kind_nouns_protests"),  # type: ignore[dict-item]
    "Riots": word_list("claim_words.json", "kind_nouns_riots"),  # type: ignore[dict-item]
    "Strategic developments": word_list("claim_words.json", "kind_nouns_strategic_developments"),  # type: ignore[dict-item]
}
_ALL_KIND_NOUNS = sorted({n for nouns in _KIND_NOUNS.values() for n in nouns}, key=len, reverse=True)
_DEFINITE = re.compile(
    r"\b(?:the|these|this|those|that|such)\s+(?P<mods>(?:[\w’'-]+\s+){0,2}?)(?P<noun>"
    + "|".join(_ALL_KIND_NOUNS) + r")\b",
    re.IGNORECASE,
)
_LEADER_TITLE = re.compile(pattern("claim_words.json", "leader_title"))
_UNKNOWN = re.compile(pattern("claim_words.json", "unknown_toll"), re.IGNORECASE)
_REVISED = re.compile(pattern("claim_words.json", "revised_toll"), re.IGNORECASE)
_NO_FIGURE = ("unknown", "none reported", "casualties only", "")


@dataclass(frozen=True)
class ClaimReading:
    """The claims of one event mention, and each field or sentence not turned into a claim, with why."""

    claims: tuple[Claim, ...]
    skipped: tuple[Rejection, ...] = ()


def claims_for(text: str, mention: EventMention, siblings: Sequence[EventMention],
               sentences: Sequence[Sentence], actors: ActorDictionary) -> tuple[Claim, ...]:
    """The claims the article (cleaned ``text``) makes about ``mention``, in text order."""
    return read_claims(text, mention, siblings, sentences, actors).claims


def claims_of_article(text: str, mentions: Sequence[EventMention], sentences: Sequence[Sentence],
                      actors: ActorDictionary) -> tuple[tuple[Claim, ...], ...]:
    """``claims_for`` of every mention of one article, reading the article's speakers, coordination
    cues and leaders once for all of them."""
    if not mentions:
        return ()
    book = SpeakerBook.read(text, sentences)
    article = _Article(text, sentences, actors)
    return tuple(read_claims(text, m, mentions, sentences, actors, book=book, _article=article).claims
                 for m in mentions)


class _Article:
    """What ``_coordination_claims`` reads from the whole article, the same for each of its mentions:
    the cue matches of each sentence, and the leaders the article names (found when first needed)."""

    def __init__(self, text: str, sentences: Sequence[Sentence], actors: ActorDictionary) -> None:
        self._text = text
        self._actors = actors
        self.cues = [list(_cue().finditer(s.span.text(text))) for s in sentences]
        self.with_cues = [i for i, cues in enumerate(self.cues) if cues]
        self._leaders: dict[str, str] | None = None
        self._partners: dict[tuple[str, int, str | None], str | None] = {}
        self._coalitions: dict[str | None, list[tuple[int, str]]] = {}

    @property
    def leaders(self) -> dict[str, str]:
        if self._leaders is None:
            self._leaders = {**LEADERS, **_learned_leaders(self._text, self._actors)}
        return self._leaders

    def partner(self, phrase: str, start: int, country: str | None) -> str | None:
        """``_partner_name`` of a phrase in the sentence at ``start``, found once per article."""
        key = (phrase, start, country)
        if key not in self._partners:
            self._partners[key] = _partner_name(phrase, lambda: self.coalition_before(start, country), self._actors,
                                                country, self.leaders)
        return self._partners[key]

    def coalition_before(self, start: int, country: str | None) -> str | None:
        """'the coalition': the coalition the article named last before ``start``. The article's
        coalitions are found once (per country the names are read for), not in the text before
        every sentence that needs one, which made an article of such sentences quadratic."""
        if country not in self._coalitions:
            found = []
            for _, end, surface in self._actors.matches(self._text):
                entry = self._actors.lookup(surface, country)
                if entry is not None and any("coalition" in a.lower() for a in entry.aliases):
                    found.append((end, entry.name))
            self._coalitions[country] = found
        coalitions = self._coalitions[country]
        index = bisect.bisect_right(coalitions, start, key=lambda c: c[0])
        return coalitions[index - 1][1] if index else None


def read_claims(text: str, mention: EventMention, siblings: Sequence[EventMention],
                sentences: Sequence[Sentence], actors: ActorDictionary, *,
                book: SpeakerBook | None = None, _article: _Article | None = None) -> ClaimReading:
    """``claims_for`` with the reasons for everything it left out (``book``: the article's
    speakers, when the caller has read them already)."""
    book = book or SpeakerBook.read(text, sentences)
    article = _article or _Article(text, sentences, actors)
    found: list[tuple[int, Claim]] = []
    skipped: list[Rejection] = []
    for field, value, span in _field_values(mention, skipped):
        sentence = _sentence_at(sentences, span.start)
        if sentence is None:
            skipped.append(Rejection(span, f"{field}: its span lies in no sentence"))
            continue
        voice = voice_at(text, sentence, span.start, book)
        revised = field == "fatalities" and _revised(text, sentence, span.start)
        claim = Claim(field, value, voice.stance, sentence, voice.speaker, voice.speaker_span, revised)
        found.append((span.start, claim))
    found.extend(_unknown_claims(text, mention, sentences, book))
    found.extend(_coordination_claims(text, mention, siblings, sentences, actors, book, article, skipped))
    return ClaimReading(_ordered(found), tuple(skipped))


# --- fields ---------------------------------------------------------------------------------


def _field_values(m: EventMention, skipped: list[Rejection]) -> list[tuple[str, str, Span]]:
    out: list[tuple[str, str, Span]] = []
    if m.type_evidence is not None:
        out.append(("event_type", m.sub_event_type or m.event_type, m.type_evidence))
    if m.date is not None and m.date.span is not None:
        out.append(("event_date", m.date.date.isoformat(), m.date.span))
    if m.place is not None and m.place.span is not None:
        out.append(("location", f"{m.place.location}, {m.place.admin1}, {m.place.country}", m.place.span))
    for name, actor in (("actor1", m.actor1), ("actor2", m.actor2)):
        if actor is not None and actor.span is not None:
            out.append((name, actor.name, actor.span))
    f = m.fatalities
    if f.span is not None and f.how not in _NO_FIGURE and (f.best > 0 or f.how == "none"):
        out.append(("fatalities", str(f.best), f.span))
    elif f.span is not None and f.how != "unknown":
        skipped.append(Rejection(f.span, f"fatalities: {f.how or 'no figure'} is no stated count"))
    return out


def _revised(text: str, sentence: Span, pos: int) -> bool:
    return _REVISED.search(clause_at(text, sentence, pos).text(text)) is not None


def _unknown_claims(text: str, mention: EventMention, sentences: Sequence[Sentence],
                    book: SpeakerBook) -> list[tuple[int, Claim]]:
    """'no actual casualty figures were available': the toll is unknown (not zero)."""
    out: list[tuple[int, Claim]] = []
    f = mention.fatalities
    wanted = [*mention.sentences, *([f.span] if f.how == "unknown" and f.span is not None else [])]
    for s in _overlapping(sentences, wanted):
        for m in _UNKNOWN.finditer(s.span.text(text)):
            pos = s.span.start + m.start()
            voice = voice_at(text, s.span, pos, book)
            speaker = voice.speaker if voice.stance == "attributed" else ""
            span = voice.speaker_span if speaker else None
            out.append((pos, Claim("fatalities", "", "unknown", s.span, speaker, span)))
    return out


# --- coordination ---------------------------------------------------------------------------


def _coordination_claims(text: str, mention: EventMention, siblings: Sequence[EventMention],
                         sentences: Sequence[Sentence], actors: ActorDictionary, book: SpeakerBook,
                         article: _Article, skipped: list[Rejection]) -> list[tuple[int, Claim]]:
    out: list[tuple[int, Claim]] = []
    same_type = None  # counted when first needed: a scan of every sibling for every mention is quadratic
    own_country = _actor_country(mention.actor1.name if mention.actor1 else "", actors)
    country = mention.place.country if mention.place is not None else own_country
    for index in article.with_cues:
        s, cues = sentences[index], article.cues[index]
        body = s.span.text(text)
        if not any(s.span.start < w.end and w.start < s.span.end for w in mention.sentences):
            refers = _names_the_event(body, mention, actors, own_country) or (index == 0 and len(siblings) == 1)
            if not refers:
                skipped.append(Rejection(s.span, "coordinated_with: the sentence does not name this event"))
                continue
            if same_type is None:
                same_type = sum(1 for s in siblings if s.event_type == mention.event_type)
            if same_type > 1:
                skipped.append(Rejection(s.span, f"coordinated_with: ambiguous, {same_type} events of this type"))
                continue
        for cue in cues:
            pos = s.span.start + cue.start()
            clause = clause_at(text, s.span, pos)
            if negated_report(text, clause):
                skipped.append(Rejection(s.span, "coordinated_with: nobody is said to claim it"))
                continue
            voice = voice_at(text, s.span, pos, book)
            stance = voice.stance
            if stance in ("asserted", "attributed") and _NEGATED_CUE.search(text[clause.start : pos]):
                stance = "denied"
            for phrase in _partner_phrases(body[cue.end() :]):
                name = article.partner(phrase, s.span.start, country)
                if name is None:
                    skipped.append(Rejection(s.span, f"coordinated_with: no ACLED name for {phrase!r}"))
                elif name == (mention.actor1.name if mention.actor1 else "") or (
                        own_country and name == _government(own_country)):
                    # the acting side itself ("between Baghdad and Damascus" in an Iraqi strike)
                    skipped.append(Rejection(s.span, f"coordinated_with: {name} is the acting side"))
                else:
                    claim = Claim("coordinated_with", name, stance, s.span, voice.speaker, voice.speaker_span)
                    out.append((pos, claim))
    return out


def _names_the_event(body: str, mention: EventMention, actors: ActorDictionary, own: str | None) -> bool:
    """'the strikes', 'these raids', 'the attack': a definite noun of the mention's kind, not
    modified by another nation ('the US strikes')."""
    nouns = _KIND_NOUNS.get(mention.event_type, frozenset())
    for m in _DEFINITE.finditer(body):
        if m.group("noun").lower() not in nouns:
            continue
        nations = {actors.nation_of(w.strip("’'")) for w in m.group("mods").split()} - {None}
        if not nations or nations == {own}:
            return True
    return False


def _partner_phrases(after: str) -> list[str]:
    """'the US-led coalition and after coordinating ...' -> ['the US-led coalition']."""
    end = _PARTNER_END.search(after)
    words = after[: end.start() if end else len(after)].split()
    kept: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in _PARTNER_STOP and not (low == "in" and i + 1 < len(words) and words[i + 1] in CAPITALS):
            break
        kept.append(w)
    parts = re.split(r"\s+(?:and|&)\s+|\s+and$", " ".join(kept))
    return [p.strip() for p in parts if p.strip() and p.strip().lower() not in ("the", "a", "an", "and")]


def _partner_name(phrase: str, last_coalition: Callable[[], str | None], actors: ActorDictionary,
                  country: str | None, leaders: Mapping[str, str]) -> str | None:
    words = phrase.split()
    head = _bare(words[-1]).lower()
    nation = next((c for w in words if (c := _country_of_word(w, actors, leaders)) is not None), None)
    if head in _GOVERNMENT_HEADS and nation is not None:
        return _government(nation)
    for _, _, surface in actors.matches(phrase):
        entry = actors.lookup(surface, country)
        if entry is not None:
            return entry.name.format(country=country) if "{country}" in entry.name and country else entry.name
    if head in _FORCE_HEADS and nation is not None:
        return f"Military Forces of {with_article(nation)}"
    if nation is not None and len(words) <= 3:
        return _government(nation)
    if head == "coalition":
        return last_coalition()
    return None


def _country_of_word(word: str, actors: ActorDictionary, leaders: Mapping[str, str]) -> str | None:
    bare = _bare(word)
    return actors.nation_of(bare) or CAPITALS.get(bare) or leaders.get(_surname(bare))


def _learned_leaders(text: str, actors: ActorDictionary) -> dict[str, str]:
    """'Syrian President Bashar al-Assad' in the article -> {'assad': 'Syria'}."""
    out: dict[str, str] = {}
    for m in _LEADER_TITLE.finditer(text):
        nation = actors.nation_of(m.group("dem"))
        if nation is not None:
            out[_surname(_bare(m.group("name").split()[-1]))] = nation
    return out


def _actor_country(name: str, actors: ActorDictionary) -> str | None:
    """'Military Forces of Iraq (2014-) Peshmerga' -> Iraq; 'Islamic State (Syria)' -> Syria."""
    m = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w ,'-]*?)(?:\s*\(|$)|\(([A-Z][\w ]+)\)", name)
    if m is None:
        return None
    return actors.nation_of((m.group(1) or m.group(2)).strip())


def _government(country: str) -> str:
    return f"Government of {with_article(country)}"


def _bare(word: str) -> str:
    return re.sub(r"[’']s$", "", word.strip("\"“”’'.,;:()"))


def _surname(word: str) -> str:
    return re.sub(r"^(?:al|el|ad|as)-", "", word.lower())


# --- output ---------------------------------------------------------------------------------


def _sentence_at(sentences: Sequence[Sentence], pos: int) -> Span | None:
    index = bisect.bisect_right(sentences, pos, key=lambda s: s.span.start) - 1  # the last one starting at or before
    if index >= 0 and pos < sentences[index].span.end:
        return sentences[index].span
    return None


def _overlapping(sentences: Sequence[Sentence], spans: Sequence[Span]) -> list[Sentence]:
    """The sentences (in text order) that overlap any of ``spans``; found by bisection, since the
    sentences are in text order and do not overlap (a scan of every sentence for every mention
    made one long article quadratic)."""
    hits: set[int] = set()
    for w in spans:
        low = bisect.bisect_right(sentences, w.start, key=lambda s: s.span.end)  # first ending after w starts
        high = bisect.bisect_left(sentences, w.end, key=lambda s: s.span.start)  # first starting at or after w ends
        hits.update(range(low, high))
    return [sentences[i] for i in sorted(hits)]


def _ordered(found: list[tuple[int, Claim]]) -> tuple[Claim, ...]:
    """Text order (sentence, then where in it), one claim per (field, value, stance, sentence)."""
    rank = {f: i for i, f in enumerate(CLAIM_FIELDS)}
    seen: set[tuple[str, str, str, Span]] = set()
    out: list[Claim] = []
    for pos, c in sorted(found, key=lambda p: (p[1].span.start, p[0], rank.get(p[1].field, 99), p[1].value,
                                               p[1].stance, p[1].speaker)):
        key = (c.field, c.value, c.stance, c.span)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return tuple(out)
