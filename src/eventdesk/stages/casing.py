"""A reading of the text with ordinary capitalisation, for wire copy in capitals or bodies in lower case.

spaCy's tagger and parser, the gazetteer's name matcher and the actor dictionary all lean on case: in
"GUNMEN KILLED A JUDGE IN HUANCAYO" every word looks like a name, and in an all-lower-case body no
word does. The input is never changed: this stage gives the extraction a *reading* of the cleaned
text, of exactly the same length, so every span found in the reading is a span of the text itself and
evidence is quoted from the text as published.

A paragraph is recased when it carries no case signal: at least 80% of its letters in capitals, or
none in capitals over a long paragraph or in a long text that has none. Each word then takes the case English gives it:

* a common word (in the web2 word list, Webster's Second International as shipped by the MIT-licensed
  ``english-words`` package, or an inflection of one) is written in lower case;
* a proper noun of that list (written capitalised there: January, Bogota, Christmas) is capitalised,
  and so is a word the list does not know (Cristiani, Huancayo): names are what a dictionary lacks;
* an acronym of the actor dictionary that is not a common word (FMLN, ELN) stays in capitals, a short
  word with no vowel too (DRI); a bare "IS" or "AS" is the common word, not an acronym;
* a word both common and proper (San, Lima) is capitalised next to another name ("San Salvador")
  unless it is a function word (spaCy's English stop words: "the", "has"), and Spanish particles
  inside a name stay lower case ("San Luis de la Reina");
* a common word before a joining particle and a name opens that name ("VINA DEL MAR" is "Vina del
  Mar", not "vina Del Mar"), unless it is a function word or a past form ("THANKED DE SOTO");
* a month name that is also a common word (MARCH, MAY) is the month next to a day or a year
  ("ON 10 MARCH", "MAY 1989"), and is capitalised there;
* a personal name that the dictionary also lists as a rare word (``name_words.json``: "romero",
  "ponce", "pablo") is the name after a given name ("OSCAR ARNULFO ROMERO", "RENE EMILIO PONCE", a
  middle name between them) or, when it is a given name itself, before another name ("PABLO ESCOBAR"), or
  right after a word no list knows ("INSPECTOR EULOGIO FLORES");
* dotted initialisms stay in capitals and go on their sentence ("TWO U.S. CITIZENS" is "two U.S. citizens";
  a time's "P.M." may end one: ``casing_words.json`` time_initialisms);
* a place name that the dictionary also lists as a rare word (``casing_words.json`` place_names: "cordoba",
  a coin, "panama", a hat, "meta") is the place, capitalised wherever it stands ("IN META DEPARTMENT");
* a common word alone between the commas of a list of names is a name ("PULLUHUAMAN, ANTA, AND
  ROSASPATA"), and so is one after a name and its joining particle ("SANTO TOMAS DE PATA");
* the first word of a sentence is capitalised.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from eventdesk.stages._letters import letter_counts

__all__ = ["Recaser", "needs_recasing"]

_WORD = re.compile(r"[A-Za-z]+")
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\")\]]*\s+|\s--\s+|:\s+)['\"(\[]*$")
_VOWELS = frozenset("aeiouy")
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m)
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:ST|ND|RD|TH|st|nd|rd|th)?\s+$")
_NUMBER_AFTER = re.compile(r"^\s+\d{1,4}\b")

def needs_recasing(paragraph: str, uncased_text: bool = False) -> bool:
    """Whether a paragraph carries no case signal (see the module docstring); ``uncased_text``: the
    whole text has no capital over a long text, so a short paragraph in lower case has none either."""
    upper, lower = letter_counts(paragraph)
    letters = upper + lower
    if letters < 12:
        return False
    return upper >= 0.8 * letters or (upper == 0 and (letters >= 200 or uncased_text))


def _uncased(text: str) -> bool:
    """Whether a whole text is in lower case over at least as many letters as a long paragraph."""
    upper, lower = letter_counts(text)
    return upper == 0 and lower >= 200


@dataclass
class Recaser:
    """Recases uncased paragraphs (see the module docstring). Load once and pass it in."""

    common: frozenset[str]  # lower-case words of the word list
    proper: frozenset[str]  # words the list writes capitalised, lower-cased
    acronyms: frozenset[str]  # upper-case acronyms to keep
    stop: frozenset[str] = frozenset()  # function words, never capitalised inside a sentence
    particles: frozenset[str] = frozenset()  # name particles that stay lower case (data/rules/casing_words.json)
    name_starters: frozenset[str] = frozenset()  # words that open a name ("San", "Puerto")
    name_words: frozenset[str] = frozenset()  # personal names that are also rare words (data/rules/name_words.json)
    given: frozenset[str] = frozenset()  # given names (data/rules/person_names.json), lower-cased
    joining: frozenset[str] = frozenset()  # particles that join a name's words ("Vina del Mar"; casing_words.json)
    openers: frozenset[str] = frozenset()  # words that open a name whatever follows ("El Pedregal"; casing_words.json)
    time_marks: frozenset[str] = frozenset()  # initialisms that may end a sentence ("P.M."; casing_words.json)
    places: frozenset[str] = frozenset()  # place names that are also rare words ("Cordoba"; casing_words.json)
    _memo: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, acronyms: frozenset[str] = frozenset()) -> Recaser:
        from english_words import get_english_words_set
        from spacy.lang.en.stop_words import STOP_WORDS

        from eventdesk.rules import word_list

        words = get_english_words_set(["web2"], alpha=True)
        common = frozenset(w for w in words if w.islower()) | frozenset(STOP_WORDS) | \
            frozenset(word_list("casing_words.json", "irregular_forms"))
        proper = frozenset(w.lower() for w in words if w[:1].isupper())
        keep = frozenset(a for a in acronyms if a.lower() not in common)
        return cls(common, proper, keep, frozenset(STOP_WORDS), frozenset(word_list("casing_words.json", "particles")),
                   frozenset(word_list("casing_words.json", "name_starters")),
                   frozenset(word_list("name_words.json", "rare_name_words")),
                   frozenset(w.lower() for w in word_list("person_names.json", "given_names")),
                   frozenset(word_list("casing_words.json", "joining_particles")),
                   frozenset(word_list("casing_words.json", "name_openers")),
                   frozenset(word_list("casing_words.json", "time_initialisms")),
                   frozenset(word_list("casing_words.json", "place_names")))

    def recase(self, text: str) -> str:
        """``text`` with every uncased paragraph recased; the same length, the same letters."""
        pieces: list[str] = []
        last = 0
        uncased = _uncased(text)  # "the attack killed 75 people." in a report all in lower case
        for m in _PARAGRAPH.finditer(text):
            if needs_recasing(m.group(0), uncased):
                pieces.append(text[last:m.start()])
                pieces.append(self._paragraph(m.group(0)))
                last = m.end()
        if not pieces:
            return text
        pieces.append(text[last:])
        out = "".join(pieces)
        assert len(out) == len(text)
        return out

    def _paragraph(self, text: str) -> str:
        words = list(_WORD.finditer(text))
        lows = [m.group(0).lower() for m in words]
        memo = self._memo
        kinds = [memo.get(low) or self._kind(m.group(0)) for m, low in zip(words, lows)]
        # gaps[i]: what stands between words i and i + 1, stripped; joined[i]: whether that is nothing but
        # spaces (the two words stand next to each other). Read once for every rule below
        gaps = [text[a.end():b.start()].strip() for a, b in zip(words, words[1:])]
        joined = [not gap for gap in gaps] + [False]
        # a word both common and proper is a name next to another name; a particle inside a name is not
        for i, m in enumerate(words):
            if kinds[i] != "both":
                continue
            low = lows[i]
            if low in _MONTHS and (_DAY_BEFORE.search(text[max(0, m.start() - 8):m.start()])
                                   or _NUMBER_AFTER.match(text[m.end():m.end() + 8])):
                kinds[i] = "title"
                continue
            adjacent = [j for j in (i - 1, i + 1) if 0 <= j < len(words) and joined[min(i, j)]]
            name = any(kinds[j] in ("title", "upper") for j in adjacent)
            kinds[i] = "title" if name and low not in self.stop and len(low) > 2 else "lower"
        self._listed_names(kinds, lows, gaps, joined)
        self._after_openers(words, kinds, lows, joined)
        self._before_particles(words, kinds, lows, joined)
        # right to left, so a run of openers is one name: "villa el salvador" is "Villa El Salvador"
        # (Lima's district), as "el salvador" alone is "El Salvador"
        for i in range(len(words) - 1, -1, -1):
            low = lows[i]
            if kinds[i] == "lower" and (low in self.name_starters or low in self.particles):
                after = i + 1 < len(words) and joined[i] and kinds[i + 1] == "title"
                before = i > 0 and joined[i - 1] and kinds[i - 1] == "title"
                if after and (low in self.name_starters and not before):
                    kinds[i] = "title"
        self._person_names(words, kinds, lows, joined)
        initials = _initialisms(text, words)
        for i in initials:
            kinds[i] = "upper"
        # the word after an initialism goes on its sentence, unless the initialism may end one ("P.M.")
        ends = {run[-1] for run in _runs(sorted(initials))
                if "".join(words[k].group(0) for k in run).lower() not in self.time_marks}
        out = list(text.lower())
        for i, m in enumerate(words):
            start = m.start()
            kind = kinds[i]
            if kind == "upper":
                out[start:m.end()] = m.group(0).upper()
            elif kind == "title":
                out[start] = text[start].upper()
            elif start > 1 and text[start - 1] == " " and text[start - 2] not in _MARKS and \
                    not text[start - 2].isspace():
                continue  # one space after a word: no sentence starts here (``_starts_sentence``'s first test)
            elif _starts_sentence(text, start) and i - 1 not in ends:
                out[start] = text[start].upper()
        return "".join(out)

    def _listed_names(self, kinds: list[str], lows: list[str], gaps: list[str], joined: list[bool]) -> None:
        """A common word alone between the commas of a list of names is a name too: "the towns of SANTO
        TOMAS DE PATA, PULLUHUAMAN, ANTA, AND ROSASPATA" lists Anta, not the pilaster; the name before
        its comma and the one after its comma (or its "and") are names. A common word after a name and
        its joining particle ends that name ("Santo Tomas de Pata"). ``kinds`` is updated in place."""
        for i in range(1, len(lows) - 1):
            low = lows[i]
            if kinds[i] != "lower" or low in self.stop or len(low) < 3 or gaps[i - 1] != ",":
                continue
            j = i + 1
            gap = gaps[i]
            if gap == "," and lows[j] in ("and", "or") and j + 1 < len(lows) and joined[j]:
                j += 1  # ", anta, and Rosaspata"
            elif gap != ",":
                continue
            if kinds[i - 1] == "title" and kinds[j] == "title":
                kinds[i] = "title"
        # a common word after a name's joining particle ends that name: "Santo Tomas de Pata"
        closed = self.stop | self.particles
        for i in range(2, len(lows)):
            if kinds[i] != "lower" or lows[i] in closed:
                continue
            k = i - 1
            if lows[k] in self.particles and k >= 2 and lows[k - 1] in self.joining and joined[k - 1]:
                k -= 1  # "de la"
            if lows[k] in self.joining and joined[k] and joined[k - 1] and kinds[k - 1] == "title":
                kinds[i] = "title"

    def _after_openers(self, words: list, kinds: list[str], lows: list[str], joined: list[bool]) -> None:
        """A Spanish article or a word for a part of a town, then a common word, is a name: "el
        pedregal" is "El Pedregal", "barrio alto" "Barrio Alto" (``casing_words.json`` name_openers);
        not before a function word ("la de", "el y") or a word of two letters. ``kinds`` is updated
        in place."""
        for i in range(len(words) - 1):
            low = lows[i]
            if low not in self.openers or kinds[i] not in ("lower", "title") or not joined[i]:
                continue
            nxt = lows[i + 1]
            if kinds[i + 1] in ("lower", "title") and nxt not in self.stop and nxt not in self.particles and \
                    len(nxt) > 2 and nxt.isalpha():
                kinds[i] = kinds[i + 1] = "title"

    def _before_particles(self, words: list, kinds: list[str], lows: list[str], joined: list[bool]) -> None:
        """A common word right before a joining particle and a name is that name's first word: "vina del
        mar" is "Vina del Mar", "san pedro de cachi" "San Pedro de Cachi", "rio de janeiro" "Rio de
        Janeiro" (``casing_words.json`` joining_particles, then an article: "corral de las Piedras"); not a
        function word ("the de facto") nor a past form ("thanked de Soto"). Right to left, so a name
        grows to its start. ``kinds`` is updated in place."""
        for i in range(len(words) - 3, -1, -1):
            low = lows[i]
            if kinds[i] != "lower" or low in self.stop or low in self.particles or low.endswith("ed") or \
                    not joined[i] or lows[i + 1] not in self.joining:
                continue
            j = i + 1
            if lows[j + 1] in self.particles and j + 2 < len(words) and joined[j]:
                j += 1  # "de las", "de la"
            if joined[j] and kinds[j + 1] == "title":
                kinds[i] = "title"

    def _person_names(self, words: list, kinds: list[str], lows: list[str], joined: list[bool]) -> None:
        """A rare word that is a personal name, in a personal name: after a given name, or after a
        name that follows one ("Oscar Arnulfo Romero"), or a given name before another name ("Pablo
        Escobar"). ``kinds`` is updated in place, left to right, so a name continues a name."""
        for i, low in enumerate(lows):
            if kinds[i] != "lower" or low not in self.name_words:
                continue
            before = [lows[j] for j in (i - 1, i - 2)
                      if j >= 0 and joined[j] and all(kinds[k] == "title" for k in range(j, i))]
            after = i + 1 < len(words) and joined[i] and kinds[i + 1] == "title"
            # or right after a word no word list knows: "INSPECTOR EULOGIO FLORES" (a given name the
            # census list lacks)
            unknown = bool(before) and self._unknown(before[0])
            if any(w in self.given for w in before) or (low in self.given and after) or unknown:
                kinds[i] = "title"

    def _unknown(self, low: str) -> bool:
        """Whether no word list knows the lower-cased word: no common word, inflection, proper noun
        or acronym (a name, most likely: "eulogio")."""
        return self._kind(low) == "title" and low not in self.proper

    def _kind(self, word: str) -> str:
        low = word.lower()
        known = self._memo.get(low)
        if known is not None:
            return known
        if word.upper() in self.acronyms or (len(low) <= 4 and not (set(low) & _VOWELS) and len(low) > 1):
            kind = "upper"
        elif low in self.places:
            kind = "title"  # "Cordoba", not the coin
        else:
            common = low in self.common or any(s in self.common for s in _stems(low))
            proper = low in self.proper
            kind = "both" if common and proper else "lower" if common else "title"
        self._memo[low] = kind
        return kind


_MARKS = frozenset("'\"()[]!?.:-")  # with whitespace, every character a match of _SENTENCE_START can hold


def _starts_sentence(text: str, start: int) -> bool:
    """``_SENTENCE_START.search(text[:start])`` without copying and searching the whole text before
    every word (quadratic on a long paragraph): a match ends at ``start`` and holds only marks and
    whitespace, so it lies within the run of those just before ``start``, and only that run is
    searched (from the text's start when the run reaches it, where ``^`` can match)."""
    i = start
    while i and (text[i - 1] in _MARKS or text[i - 1].isspace()):
        i -= 1
    if i and start - i == 1 and text[i] == " ":
        return False  # one space after a word: every alternative of the pattern needs a mark (or the text's start)
    return _SENTENCE_START.search(text, i, start) is not None


_INITIALISM = re.compile(r"(?<![A-Za-z.])(?:[A-Za-z]\.){2,}(?![A-Za-z])")


def _initialisms(text: str, words: list) -> set[int]:
    """The indexes of the letters of dotted initialisms, two single letters or more each followed by
    a full stop ("U.S.", "U.N.", "P.M."): written in capitals, and the word after one does not open a
    sentence ("TWO U.S. CITIZENS" is "two U.S. citizens", not "two u.s. Citizens")."""
    found = [m.span() for m in _INITIALISM.finditer(text)]
    if not found:
        return set()
    return {i for i, m in enumerate(words) if any(a <= m.start() < b for a, b in found)}


def _runs(indexes: list[int]) -> list[list[int]]:
    """Consecutive indexes grouped: [1, 2, 5, 6, 7] -> [[1, 2], [5, 6, 7]]."""
    out: list[list[int]] = []
    for i in indexes:
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _stems(word: str) -> list[str]:
    """Base forms an inflected word may come from: guerrillas, kidnapped, killings, injuries."""
    out = []
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("es", "e"), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("ings", ""), ("ers", ""), ("er", ""), ("ly", ""), ("ness", ""),
                         ("ment", ""), ("ments", "")):
        # the base, not what is left of the word, must have three letters: "died" -> "die"
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            out.append(base)
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in _VOWELS:
                out.append(base[:-1])  # kidnapped -> kidnap
    return out
