"""The actor dictionary (``data/actors.csv``, hand-typed, and the knowledge base
``data/actors_kb.csv``, built by ``tools/actors_kb/build.py``): its rows, loading, alias matching
and how a row becomes an ACLED actor in an event's country.

A knowledge-base group is matched only in its own countries (or when the event's country is not
known), unless the name is distinctive (two words or more that no other actor bears, opening its
phrase), and its all-capital aliases need capitals; ``actors.csv`` wins on a shared alias.

An alias shared by several rows (ISIS) resolves to the row of the event's country, so IS gets
its ACLED branch; a row of another country applies only to its exact spelling. Also holds the
words that name a kind of force ("Military Police", "National Guard"), since a name made of them
only never gives away a home country. Private: import from ``eventdesk.extract.actors.find``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from eventdesk.extract.actors._regimes import Regimes
from eventdesk.model import Actor, Span
from eventdesk.stages._trie import trie_pattern
from eventdesk.rules import word_list

__all__ = [
    "NO_COUNTRY_KEY",
    "ActorEntry",
    "ActorMention",
    "ActorDictionary",
    "KB_PREFIX",
    "kb_entries",
    "named_actors",
    "generic_name",
    "parse_years",
    "_MILITARY_NOUNS",
    "_POLICE_NOUNS",
    "_dictionary_names",
    "_entry_actor",
]

NO_COUNTRY_KEY = "generic-no-country"
#: How many years after an actor's last active year (or before its first) its names no longer match it.
GONE_AFTER_YEARS = 10
_MILITARY_NOUNS: frozenset[str] = word_list("actor_words.json", "military_nouns")  # type: ignore[assignment]
_POLICE_NOUNS: frozenset[str] = word_list("actor_words.json", "police_nouns")  # type: ignore[assignment]
_FUNCTION_WORDS: frozenset[str] = word_list("actor_words.json", "function_words")  # type: ignore[assignment]
# words that name a kind of force, not whose: "Military Police", "National Guard", "Special Police"
_GENERIC_FORCE_WORDS = _MILITARY_NOUNS | _POLICE_NOUNS | word_list("actor_words.json", "generic_force_words")
_NEWS_AGENCIES: frozenset[str] = word_list("actor_words.json", "news_agencies")  # type: ignore[assignment]
_HYPHEN_PREFIXES: frozenset[str] = word_list("actor_words.json", "hyphen_prefixes")  # type: ignore[assignment]
# "the al Qaeda-linked group", "IS-affiliated militants": the name qualifies another group
_AFFILIATED = re.compile(r"-(?:" + "|".join(sorted(word_list("actor_words.json", "affiliation_suffixes"))) + r")\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class ActorEntry:
    """One row of ``actors.csv``. ``name`` may hold ``{country}``, filled per event."""

    id: str
    name: str
    inter: int
    country: str
    aliases: tuple[str, ...]
    source: str
    years: tuple[int | None, int | None] = (None, None)  # active (first, last); None: open (actors.csv: always)

    def active_in(self, year: int | None) -> bool:
        """Whether the actor was active in ``year`` (any year when either is unknown)."""
        first, last = self.years
        return year is None or ((first is None or first <= year) and (last is None or year <= last))

    def long_gone(self, year: int | None) -> bool:
        """Whether ``year`` lies more than ``GONE_AFTER_YEARS`` after the last year the actor was
        active, or as long before its first: "OAS" in a 1989 report is not France's Secret Army
        Organisation of 1961-62 (it is the Organization of American States)."""
        first, last = self.years
        if year is None:
            return False
        return (last is not None and year > last + GONE_AFTER_YEARS) or \
            (first is not None and year < first - GONE_AFTER_YEARS)

    @property
    def is_lexicon(self) -> bool:
        """Nation, ethnic-group and coalition rows feed the generic rules; they are not matched
        in the text by themselves."""
        return self.id.startswith(("nation:", "ethnic:", "coalition:"))


@dataclass(frozen=True)
class ActorMention:
    """An actor found in a sentence, with its role ("agent", "patient" or "") and the doc index
    of the verb that gave the role (None when the parse gave none), and that verb's lemma."""

    actor: Actor
    role: str
    generic: bool
    trigger: int | None = None
    verb: str = ""


class ActorDictionary:
    """The actor dictionary: named actors, nation demonyms and ethnic-group names."""

    def __init__(self, entries: Sequence[ActorEntry], regimes: Regimes | None = None):
        self.entries = tuple(entries)
        self.regimes = regimes if regimes is not None else Regimes(())  # a state force's regime years
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
        # a name of two words or more also in its spelling with doubled letters single ("Zarate Willka"
        # is spelled "Zarate Wilka" too, "Hizbollah" "Hizbolah"): transliterations vary there most
        variants = {v: rows for alias, rows in self._by_alias.items()
                    if (v := _single_letters(alias)) != alias and len(alias.split()) >= 2}
        for variant, rows in variants.items():
            self._by_alias.setdefault(variant, list(rows))
        # alias -> the actors that hold it (an actors.csv row and the knowledge-base rows merged into it,
        # or one knowledge-base row's rows per country, are one actor)
        self._holders: dict[str, set[str]] = {}
        for alias, rows in self._by_alias.items():
            self._holders[alias] = {e.id.split("+")[0].split("@")[0] for e in rows}
        self._pattern = _alias_regex([*(a for e in self.entries if not e.is_lexicon for a in e.aliases), *variants])
        self._matched: dict[str, tuple[tuple[int, int, str], ...]] = {}  # text -> ``matches``

    @classmethod
    def load(cls) -> "ActorDictionary":
        """Read the packaged ``data/actors.csv`` and the knowledge base ``data/actors_kb.csv``
        (entries of ``actors.csv`` win on conflicts), and the state forces' regimes
        (``data/state_regimes.csv``)."""
        data = resources.files("eventdesk.data")
        base = cls.from_csv(data.joinpath("actors.csv").read_text(encoding="utf-8")).entries
        kb = kb_entries(data.joinpath("actors_kb.csv").read_text(encoding="utf-8"), base)
        return cls([*base, *kb], Regimes.from_csv(data.joinpath("state_regimes.csv").read_text(encoding="utf-8")))

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

    def lookup(self, surface: str, country: str | None, year: int | None = None) -> ActorEntry | None:
        """The row for an alias, preferring the event's country, then rows with no country, then
        any; among the rows of one rank, the one active in ``year`` (the article's year: "ELN" of
        1965 with no country known is Peru's, of 2020 Colombia's); never a row whose activity ended
        (or began) long before (after) ``year`` (``ActorEntry.long_gone``)."""
        entries = [e for e in self._by_alias.get(surface.lower(), []) if not e.long_gone(year)]
        for wanted in (country, "", None):
            rank = [e for e in entries if wanted is None or e.country == wanted]
            if rank:
                return next((e for e in rank if e.active_in(year)), rank[0])
        return None

    def distinctive(self, surface: str) -> bool:
        """Whether a name names one actor wherever it is read: a name of two words or more, held by
        one actor of the dictionary only, and not made of words for a kind of force ("Shining Path",
        "Army of National Liberation"; not "National Liberation Army", which several groups bear), nor
        of a people's name and one noun, which tells whose men they are ("Israeli settlers", "Syrian
        rebels"), not which group."""
        words = surface.split()
        return len(words) >= 2 and len(self._holders.get(surface.lower(), ())) == 1 and \
            not generic_name(surface) and not (len(words) == 2 and self.nation_of(words[0]) is not None)

    def home_of(self, surface: str) -> str | None:
        """The home country a name gives away ("Houthi forces" -> Yemen), or None for a name
        shared across countries (ISIS) or made of generic words only ("Military Police")."""
        entry = self.lookup(surface, None)
        if entry is None or not entry.country or generic_name(surface) or surface.lower() in _NEWS_AGENCIES:
            return None  # (a news agency's name, "AFP", gives away no home)
        return entry.country

    def nation_of(self, word: str) -> str | None:
        """'Iraqi' / 'Iraq' -> 'Iraq'."""
        return self._nations.get(word.lower())

    def people_of(self, word: str) -> str | None:
        """The nation or community a word names ("Salvadoran", "Fulani"), if any: a name that
        opens with one is that people's force or militia, not a group of its own."""
        nation = self.nation_of(word)
        if nation is not None:
            return nation
        entry = self.ethnic(word)
        return entry.name if entry is not None else None

    def ethnic(self, word: str) -> ActorEntry | None:
        return self._ethnic.get(word.lower())

    def coalition(self, nation: str, country: str | None) -> ActorEntry | None:
        """The operation ACLED codes a member state's forces as in that country ("Saudi forces"
        in Yemen are "Operation Restoring Hope"), or None."""
        return self._coalitions.get((nation, country or ""))

    def acronyms(self) -> frozenset[str]:
        """The aliases written as acronyms (FMLN, ELN, IS): a recased reading keeps those that are
        no common word in capitals."""
        return frozenset(a for e in self.entries for a in e.aliases if _needs_capitals(e, a) and len(a) > 1)

    def group_words(self) -> frozenset[tuple[str, str]]:
        """Names of peoples and clans, lower-cased, with their home countries (("maasai", "Kenya")).
        Built once (the names are fixed when the dictionary is made); every article asks."""
        words = self.__dict__.get("_group_words")
        if words is None:
            words = self._group_words = frozenset((word, e.country) for word, e in self._ethnic.items())
        return words

    _KEEP = 4096  # texts whose matches are remembered: a sentence is read by places, actors and assembly

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping alias matches (start, end, surface), longest first."""
        memo = self._matched
        known = memo.get(text)
        if known is None:
            found = [(m.start(), m.end(), m.group(0)) for m in self._pattern.finditer(text)
                     if (not (m.start() and text[m.start() - 1] == "-") or self._after_acronym(text, m.start() - 1))
                     and not _AFFILIATED.match(text, m.end())]
            if len(memo) >= self._KEEP:
                memo.clear()
            known = memo[text] = tuple(m for m in found if self._case_ok(m[2]))
        return list(known)

    def _after_acronym(self, text: str, hyphen: int) -> bool:
        """Whether the word before a hyphen may be a group's acronym, which its name may be joined to
        ("the FAL-Zarate Wilka group"; the recased reading of wire copy writes an acronym it does not
        know as a name, "Fal-Zarate"): two letters or more, capitalised, and no prefix that qualifies
        the name ("anti-Houthi forces", "Pro-Haftar", ``actor_words.json`` hyphen_prefixes)."""
        m = _WORD_BEFORE.search(text, max(0, hyphen - 12), hyphen)
        return m is not None and len(m.group(1)) > 1 and m.group(1)[0].isupper() and \
            m.group(1).lower() not in _HYPHEN_PREFIXES

    def _case_ok(self, surface: str) -> bool:
        """Short all-capital aliases (IS, AA, CV) only match in capitals."""
        for e in self._by_alias.get(surface.lower(), []):
            for a in e.aliases:
                if a.lower() == surface.lower():
                    return not (_needs_capitals(e, a) and surface != a)
        return True


def _single_letters(alias: str) -> str:
    """``alias`` lower-cased with every doubled letter written once: "zarate willka" -> "zarate wilka"."""
    return re.sub(r"([a-z])\1+", r"\1", alias.lower())


def _is_acronym(alias: str) -> bool:
    return len(alias) <= 5 and alias.isupper()


KB_PREFIX = "kb:"
STATE_UNIT_PREFIX = KB_PREFIX + "state-unit-"  # knowledge-base rows of units of a state's forces


def kb_entries(text: str, base: Sequence[ActorEntry]) -> list[ActorEntry]:
    """The rows of ``actors_kb.csv`` as entries, one per country of a row, keyed ``kb:<id>``
    (``kb:<id>@<country>`` for a row of several countries). An alias that ``actors.csv`` already holds (a named actor, a nation or an ethnic
    group) stays with ``actors.csv``; in a country where a row shares an alias with an ``actors.csv``
    actor, the row is that actor there, and when its own name is one of that actor's names, its other
    aliases name that actor ("Raiya Mutomboki" is actors.csv's Mayi Mayi Militia (Raia Mutomboki)),
    keyed ``<actors.csv id>+kb:<id>``; a row left
    with no alias is not loaded, nor are the state forces naming rows (the generic state-force rules
    name those)."""
    taken = {a.lower() for e in base for a in e.aliases} | {e.name.lower() for e in base if not e.is_lexicon}
    homes: dict[str, set[str]] = {}  # alias -> countries of the actors.csv rows that hold it
    owners: dict[tuple[str, str], ActorEntry] = {}  # (alias, country) -> the actors.csv row that holds it
    for e in base:
        if not e.is_lexicon:
            for a in e.aliases:
                homes.setdefault(a.lower(), set()).add(e.country)
                owners.setdefault((a.lower(), e.country), e)
    out = []
    merged: set[str] = set()
    for r in csv.DictReader(io.StringIO(text)):
        every = [a.strip() for a in r["aliases"].split("|") if a.strip()]
        aliases = tuple(a for a in every if a.lower() not in taken)
        if not aliases:
            continue
        countries = r["countries"].split("|")
        # a row that shares an alias with an actors.csv actor of the same country is that actor there
        held = set().union(*(homes.get(a.lower(), set()) for a in every))
        for country in countries:
            if country in held or "" in held:
                # its own name is one of the actor's names (not only a shared spelling such as
                # "Syrian rebels"): the same actor, so its other spellings name that actor
                owner = next((owners[(a.lower(), c)] for a in every for c in (country, "")
                              if (a.lower(), c) in owners), None)
                same = owner is not None and r["name"].lower() in {owner.name.lower(), *(a.lower() for a in owner.aliases)}
                key = f"{owner.id}+{KB_PREFIX}{r['id']}" if owner is not None else ""
                # "al-Shabaab fighters" adds nothing to "al-Shabaab", and as a longer match it would
                # take the name away from the rules that apply to the actor's own spelling
                extra = tuple(a for a in aliases if owner is not None and
                              not any(a.lower().startswith(o.lower() + " ") for o in owner.aliases))
                if same and extra and key not in merged:
                    merged.add(key)
                    out.append(replace(owner, id=key, aliases=extra,
                                       source=f"{owner.source}; aliases of the knowledge base's row {r['id']}"))
                continue
            if r["name"].lower() in taken:  # an actors.csv actor's name: that actor, named there
                continue
            key = KB_PREFIX + r["id"] + (f"@{country}" if len(countries) > 1 else "")
            out.append(ActorEntry(key, r["name"], int(r["inter"]), country, aliases, r["source"],
                                  parse_years(r.get("years", ""))))
    return out


def parse_years(text: str) -> tuple[int | None, int | None]:
    """"1982-1997" -> (1982, 1997), "1980-" -> (1980, None), "2001" -> (2001, 2001), "" -> (None, None)."""
    m = re.fullmatch(r"\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*", text or "")
    if m is None:
        return (None, None)
    first = int(m.group(1)) if m.group(1) else None
    last = int(m.group(3)) if m.group(3) else (first if first is not None and not m.group(2) else None)
    return (first, last)


def _needs_capitals(entry: ActorEntry, alias: str) -> bool:
    """Short all-capital aliases need capitals (IS, AA); so does every all-capital alias of the
    knowledge base (ARENA, PLAN, UNITA), since an acronym may spell a common word."""
    return _is_acronym(alias) or (entry.id.startswith(KB_PREFIX) and alias.isupper() and len(alias) > 1)


def _alias_regex(aliases: Iterable[str]) -> re.Pattern[str]:
    body = trie_pattern(set(aliases))
    # "Taliban-planted", "IS-linked": a lower-case word after a hyphen qualifies the actor, it does not rename it
    # after a hyphen only where a letter comes before it: ``ActorDictionary.matches`` keeps the names
    # joined to an actor's acronym ("FAL-Zarate Wilka")
    return re.compile(rf"(?<!\w)(?:(?<!-)|(?<=[A-Za-z]-))(?:{body})(?![\w]|-(?-i:[A-Z0-9]))", re.IGNORECASE)


def named_actors(text: str, span: Span, country: str | None, dictionary: ActorDictionary,
                 year: int | None = None) -> list[ActorMention]:
    """The dictionary actors a sentence names, without a parse and so without roles: the setting
    sentence of an event ("the Military Police carried out an operation in X. A shoot-out broke
    out ...") names who acted."""
    return [ActorMention(_entry_actor(entry, country, Span(span.article_id, span.start + start, span.start + end)),
                         "", False)
            for start, end, surface, entry in _dictionary_names(text[span.start:span.end], country, dictionary, year)]


def _dictionary_names(text: str, country: str | None, dictionary: ActorDictionary, year: int | None = None):
    """(start, end, surface, row) of each dictionary name in ``text`` whose row applies in ``country``
    (a name several rows share: the row active in ``year``).

    The dictionary's own matcher names actors, not the ACTOR spans of the spaCy ruler: it applies
    the case rule for short acronyms and the hyphen rule ("anti-Houthi forces" are not the Houthis,
    "Taliban-planted" is the Taliban), which the ruler's token matcher cannot."""
    for start, end, surface in dictionary.matches(text):
        if surface.lower() in _NEWS_AGENCIES and text[start - 1:start] == "(" and text[end:end + 1] == ")":
            continue  # "CATBALOGAN, Philippines, Oct 3 (AFP) -": the agency's credit, not the Philippines' army
        entry = dictionary.lookup(surface, country, year)
        if entry is not None and country and entry.country and entry.country != country:
            # "ADF fighters" is an alias of Cameroon's Ambazonian separatists; in Congo the ADF
            # are Congo's own (the name without its generic noun)
            short = re.sub(r"\s+(?:fighters|militants|members|rebels|forces|combatants)$", "", surface)
            home = dictionary.lookup(short, country, year) if short != surface else None
            if home is not None and home.country == country:
                entry = home
        if entry is not None and country and entry.country and entry.country != country and \
                entry.name.startswith("Military Forces of") and (joint := dictionary.coalition(entry.country, country)):
            entry = joint  # "a US airstrike" in Afghanistan: the coalition ACLED codes it as (NATO)
        splinter = _SPLINTER_OF.search(text, max(0, start - 40), start)
        if splinter is not None and splinter.end() == start:
            # "dissidents of the former FARC guerrilla group": the splinter, named as the press names it
            # ("FARC dissidents"), not the group it broke from
            split = dictionary.lookup(f"{surface} {splinter.group(1).lower()}", country, year)
            if split is not None:
                entry, start = split, splinter.start()
        abroad = dictionary.distinctive(surface) and _opens_phrase(text, start)
        if entry is not None and _applies(entry, surface, country, abroad):
            yield start, end, surface, entry



_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")
# "dissidents of the former FARC": who broke away from a group, named before it (``actor_words.json``)
_SPLINTER_OF = re.compile(
    rf"\b({'|'.join(sorted(word_list('actor_words.json', 'splinter_nouns'), key=len, reverse=True))})"
    r"\s+of\s+(?:the\s+)?(?:former\s+|ex-)?", re.IGNORECASE)


def _opens_phrase(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its phrase: after the sentence's start, a punctuation mark or
    a function word ("that Shining Path terrorists", "from the Army of National Liberation"), not after
    a word that may open a longer name the dictionary does not know ("Zarate Wilka Armed
    Forces of Liberation" is no "Armed Forces of Liberation"; "the Peruvian Shining Path" is named
    with its home). Read on the text, since wire copy in capitals gives no case to tell names by."""
    before = text[max(0, start - 30):start].rstrip()
    if not before or not before[-1].isalpha():
        return True
    m = _WORD_BEFORE.search(before)
    return m is None or m.group(1).lower() in _FUNCTION_WORDS


def generic_name(surface: str) -> bool:
    """A name made of words for a kind of force only ("Military Police", "National Guard"): it
    names a unit of whichever country the event is in, never a group of its own."""
    return all(w in _GENERIC_FORCE_WORDS for w in re.split(r"[\s-]+", surface.lower()) if w)


def _applies(entry: ActorEntry, surface: str, country: str | None, distinctive: bool = False) -> bool:
    """A row of another country applies only to its exact spelling, or, for a non-state armed group,
    to a ``distinctive`` name (``ActorDictionary.distinctive``) in any case: "SHINING PATH TERRORISTS
    MURDERED" in a wire told from abroad, the ELN's "Army of National Liberation" in an attack across
    the border; a state unit only when its name is its own: "federal police" in Iraq is not Brazil's
    Federal Police, but "Houthi forces" are the Houthis wherever the place resolver put the event."""
    if entry.id.startswith(STATE_UNIT_PREFIX):  # "prison guards" are a unit of the event's country's forces
        return bool(country) and entry.country == country
    if entry.country and entry.country != country and surface.lower() in _NEWS_AGENCIES:
        return False  # "confirmed to AFP" in San Salvador: the news agency, not the Philippines' army
    if not country or not entry.country or entry.country == country:
        return True
    if distinctive and entry.inter in (2, 3, 4) and "{country}" not in entry.name:
        return True
    if entry.id.startswith(KB_PREFIX):  # else a knowledge-base group is matched in its own countries only
        return False
    if entry.name.startswith(("Military Forces of", "Police Forces of")) and entry.inter == 1 and \
            entry.country not in surface and generic_name(surface):
        return False
    # its exact spelling, or a spelling of a name of two words or more with doubled letters written
    # once ("al-Shabab militants" for "Al-Shabaab militants")
    return surface in entry.aliases or any(
        surface.lower() != a.lower() and _single_letters(a) == _single_letters(surface)
        for a in entry.aliases if len(a.split()) >= 2)


def _entry_actor(entry: ActorEntry, country: str | None, span: Span) -> Actor:
    """Fill ``{country}``; a state force abroad is external (8), at home state (1)."""
    inter = entry.inter
    if entry.name.startswith(("Military Forces of", "Police Forces of")) and country:
        inter = 1 if entry.country in ("", country) else 8
    key = entry.id.split("+" + KB_PREFIX)[0]  # aliases a knowledge-base row adds to an actors.csv actor
    if "{country}" in entry.name:
        if country is None:
            return Actor(_strip_country(entry.name), inter, span, NO_COUNTRY_KEY)
        return Actor(entry.name.format(country=country), inter, span, key)
    return Actor(entry.name, inter, span, key)


def _strip_country(name: str) -> str:
    return name.replace(" ({country})", "").replace("{country}", "").strip()
