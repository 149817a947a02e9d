"""The article-level hints for choosing places: the countries an article names (by name or
demonym), the first-level divisions its event sentences name and their countries, and the peoples
and actors' home countries the caller passes in. Read once per article, then weighed by
``places`` for every candidate name.

Private: import from ``eventdesk.extract.places.choose``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventdesk.gazetteer import GazEntry, Gazetteer, name_key, spelling
from eventdesk.model import Span
from eventdesk.extract.places._text import NOT_WHERE, WORD, scan, strip_possessive
from eventdesk.extract.places._people import article_surnames
from eventdesk.extract.places._words import Candidate, admin_named, never_a_place
from eventdesk.rules import word_list

__all__ = ["PlaceContext"]

# a run of capitalised words, a country's name of several words among them ("in San Ramon, Costa Rica")
_LONG_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]+){1,3}")
# the capitalised word right before a name, a space or one line break between ("Somalia-Kenya" is two names)
_PREVIOUS_WORD = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)(?:[ \t]+|[ \t]*\n[ \t]*)$")
# a sentence's or a line's first word: the text's start, a full stop, a colon or a blank line before it
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\"“]\s*|\n\s*\n\s*|--\s*)\Z")


@dataclass(frozen=True)
class PlaceContext:
    """Article-level hints for choosing places.

    ``countries`` are ACLED country names with their counts, the most named first (ties: in order
    of first mention);
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
    surnames: frozenset[str] = frozenset()

    @classmethod
    def from_text(cls, text: str, gazetteer: Gazetteer, *, article_id: str = "",
                  event_sentences: tuple[Span, ...] = (),
                  group_words: frozenset[tuple[str, str]] = frozenset()) -> PlaceContext:
        """Collect the countries (names and demonyms) and divisions an article mentions."""
        counts: dict[str, int] = {}
        admin1: list[str] = []
        admin1_countries: dict[str, int] = {}
        # names of several words first ("Costa Rica", "Sri Lanka", "El Salvador"): no word alone names them
        inside: set[int] = set()
        for match in _LONG_NAME.finditer(text):
            words = match.group().split()
            for n in range(len(words), 1, -1):
                country = gazetteer.country_of(" ".join(words[:n]))
                if country:
                    counts[country] = counts.get(country, 0) + 1
                    inside.update(range(match.start(), match.start() + len(" ".join(words[:n]))))
                    break
        for match in WORD.finditer(text):
            if match.start() in inside:
                continue
            if not match.group()[:1].isupper():
                continue  # only a capitalised word names a country (tested first: it is the cheap test)
            word = strip_possessive(match.group())
            if text.startswith(("-based", "-led", "-backed", "-made", "-flagged", "-registered"), match.end()) or \
                    NOT_WHERE.match(text, match.end()) or _speaker_after().match(text, match.end()):
                continue  # "Somalia-based militants", "a Liberian-flagged ship", "the US dollar", "the Vatican said": whose, not where
            if not gazetteer.is_common_word(word):
                country = gazetteer.country_of(word)
                if country and not _inside_a_longer_name(text, match.start(), word, country, gazetteer):
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
        # the country named most first (ties: the first named): "terrorism in Peru" three times
        # outranks one "U.S." before it, so "in Lima" is Peru's Lima, not Lima, Ohio
        ranked = tuple(sorted(counts.items(), key=lambda kv: -kv[1]))
        return cls(ranked, tuple(admin1), event_sentences,
                   tuple(admin1_countries.items()), group_words, surnames=article_surnames(text, gazetteer))


@functools.cache
def _speaker_after() -> re.Pattern[str]:
    """A verb of saying right after a country's name ("the Vatican said", "Washington condemned"): its
    government speaking, which casts no vote for where the report is (``speaker_verbs_after``)."""
    words = "|".join(sorted(word_list("place_words.json", "speaker_verbs_after"), key=len, reverse=True))
    return re.compile(rf"\s+(?:{words})\b")


def _inside_a_longer_name(text: str, start: int, word: str, country: str, gazetteer: Gazetteer) -> bool:
    """Whether the country's name at ``start`` ends a longer name of something else: "the Villa El
    Salvador district" of Lima names no El Salvador (the recaser of wire copy writes it so). The word
    before the country's name (before "El" of "El Salvador") is a capitalised word that is neither
    a sentence's first word nor a common word ("Yesterday Colombia's president"), and the whole name
    is no place of that country ("San Salvador" names El Salvador's capital). The country's full name
    ends only a place's name known elsewhere (Villa El Salvador is also a town of Argentina; "Narc
    Kenya", a party, names Kenya); an alias ends any name ("General Osvaldo Diaz Salvador").
    ``word`` is the country's word at ``start``, without its possessive ("Salvador" of "El Salvador's")."""
    end = start + len(word)
    prev = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if prev is not None and gazetteer.country_of(f"{prev.group(1)} {word}") == country:
        start = prev.start(1)  # "El" of "El Salvador": the country's name begins there
        prev = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if prev is None or gazetteer.is_common_word(prev.group(1)) or \
            _SENTENCE_START.search(text, max(0, prev.start(1) - 12), prev.start(1)):
        return False
    whole = text[prev.start(1):end]
    places = [e for e in gazetteer.lookup(whole, country) if name_key(e.name) == name_key(whole)]
    if any(e.country == country for e in places):
        return False
    # the country's own name ends a longer name only when that is a place ("Narc Kenya" is a party of
    # Kenya's); a shorter alias ("Salvador") ends any name ("General Osvaldo Diaz Salvador")
    return bool(places) or spelling(text[start:end]) != spelling(country)


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
