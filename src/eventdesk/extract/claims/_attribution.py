"""Who says a clause, and how: attribution frames, doubt, denial and pronoun speakers.

A claim's stance is judged on the clause that carries it. A sentence is cut into clauses at
";", "but" and mid-sentence "while/whereas/although" (a leading "While ..., ..." stays whole: its
main clause judges it). Then, for the clause:

1. a doubt cue in it ("doubts", "questioned whether", "might not necessarily", "is skeptical")
   makes it ``doubted``; a denial cue ("denied", "rejected claims", "dismissed reports", "is
   false") ``denied``. The speaker is who doubts or denies: the subject of the cue, else the
   sentence's attribution, else the outlet ("").
2. an attribution frame makes it ``attributed``: "X said (that) ..." opening the clause,
   "..., X said/told Y/added." or "..., said X." closing the sentence, "..., he said, ..." in the
   middle, "according to X" anywhere, "a statement from X said".
3. otherwise the outlet says it in its own voice: ``asserted``.

Pronoun speakers (he/she/they) and "the statement" are resolved to the most recent named speaker
before them in the article (``SpeakerBook``); the pronoun's own span stays the speaker span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventdesk.model import Sentence, Span
from eventdesk.rules import pattern as rule_pattern, word_list

__all__ = ["Voice", "SpeakerBook", "clauses_of", "clause_at", "voice_at", "negated_report", "clean_speaker"]

_W = r"[\w’'.\-]+"
_SAY = (rule_pattern("claim_words.json", "say_verbs"))
_CLAUSE_BREAK = re.compile(r"\s*;\s*|,?\s+but\s+|,\s+(?:while|whereas|although|though)\s+", re.IGNORECASE)
_START = re.compile(
    rf"^(?:{rule_pattern('claim_words.json', 'speaker_openers')}\b[^,]{{0,60}},\s*)?"
    rf"(?P<who>(?:{_W}\s+){{0,9}}?{_W})(?P<appos>,[^,;]{{1,160}},)?\s+"
    rf"(?:{rule_pattern('claim_words.json', 'say_adverbs')}\s+)*(?P<verb>{_SAY})\b"
    rf"(?P<after>\s+\w+)?"
)
_TRAILING = re.compile(
    rf"(?:,|[,.?!]?[\"”’])\s*(?P<who>(?:{_W}\s+){{0,10}}?{_W})(?P<appos>,[^,;]{{1,160}},)?\s+"
    rf"(?:also\s+)?(?P<verb>{_SAY})(?P<rest>(?:\s+(?!that\b){_W}){{0,5}})\s*[.!?]?[\"”’]?\s*$"
)
_INVERTED = re.compile(
    rf"(?:,|[,.?!]?[\"”’])\s*{rule_pattern('claim_words.json', 'inverted_say_verbs')}\s+"
    r"(?P<who>[^,;\"”]+?)(?:,[^;]*)?\s*[.!?]?[\"”’]?\s*$"
)
_MID = re.compile(
    r"(?:,|[,.?!]?[\"”’])\s*(?P<who>[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+"
    rf"{rule_pattern('claim_words.json', 'mid_say_verbs')}\s*,"
)
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?!(?:our|my|his|her|its|their)\b)(?P<who>[^,;]+?)(?=\s*[,;]|\s*[.!?]?[\"”’]?\s*$)"
)
_STATEMENT_FROM = re.compile(
    rf"^(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{rule_pattern('claim_words.json', 'statement_nouns')}\s+"
    r"(?:from|by|of|issued\s+by)\s+",
    re.IGNORECASE,
)
_TIME_PREFIX = re.compile(
    r"^(?:(?:late|early|earlier|later|last|this|on|in)\s+)*(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|week|month|year|night|morning|evening|afternoon|weekend)\b(?:\s+\d{1,4})?"
    r"(?:\s+(?:morning|evening|night|afternoon))?[,\s]+",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(rule_pattern("claim_words.json", "honorifics"))
_TITLES: frozenset[str] = word_list("claim_words.json", "titles")  # type: ignore[assignment]
_PERSON_NOUNS = _TITLES | word_list("claim_words.json", "person_nouns")
_ORG_NOUNS: frozenset[str] = word_list("claim_words.json", "org_nouns")  # type: ignore[assignment]
_ASIDE = re.compile(r",\s*(?:however|though|too|also|meanwhile|in\s+turn|for\s+(?:his|her|their)\s+part),")
_PRONOUNS = frozenset("he she they".split())
_BE = frozenset("is are was were be been being".split())
_NOT_SPEAKERS = frozenset("this that it which there these those what who".split())
_BAD_WHO: frozenset[str] = word_list("claim_words.json", "bad_who")  # type: ignore[assignment]
_CLAIM_OBJECTS: tuple[str, ...] = word_list("claim_words.json", "claim_objects")  # type: ignore[assignment]
_DOUBT = re.compile(rule_pattern("claim_words.json", "doubt_cues"), re.IGNORECASE)
_DENY_VERB = re.compile(rule_pattern("claim_words.json", "denial_cues"), re.IGNORECASE)
_DENY_FALSE = re.compile(rule_pattern("claim_words.json", "falsity_cues"), re.IGNORECASE)
_NEGATED_REPORT = re.compile(rule_pattern("claim_words.json", "unsaid_cues"), re.IGNORECASE)


@dataclass(frozen=True)
class Voice:
    """How a clause is said: a stance from ``model.STANCES`` and, unless asserted, by whom."""

    stance: str
    speaker: str = ""
    speaker_span: Span | None = None


@dataclass(frozen=True)
class _Frame:
    """An attribution found in a sentence; ``clause`` is None when it covers the whole sentence."""

    speaker: str
    span: Span
    clause: Span | None
    statement: bool = False


@dataclass(frozen=True)
class _Named:
    start: int
    name: str
    span: Span
    person: bool
    statement: bool


class SpeakerBook:
    """The named speakers of an article in text order, for resolving "he said" and "the statement".

    Read lazily and once: the attribution frames of a sentence are found the first time a claim
    needs them (``frames``), and the article's named speakers the first time a pronoun does."""

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self._text = text
        self._sentences = tuple(sentences)
        self._frames: dict[Span, tuple[_Frame, ...]] = {}
        self._named: tuple[_Named, ...] | None = None

    @classmethod
    def read(cls, text: str, sentences: Sequence[Sentence]) -> "SpeakerBook":
        return cls(text, sentences)

    @property
    def named(self) -> tuple[_Named, ...]:
        if self._named is None:
            found: list[_Named] = []
            for s in self._sentences:
                for f in self.frames(self._text, s.span):
                    if f.speaker.lower() in _PRONOUNS or f.speaker.lower() == "the statement":
                        continue
                    found.append(_Named(f.span.start, f.speaker, f.span, _is_person(f.speaker), f.statement))
            self._named = tuple(sorted(found, key=lambda n: n.start))
        return self._named

    def frames(self, text: str, sentence: Span) -> tuple[_Frame, ...]:
        """``_frames(text, sentence)``, found once per sentence of this book's article."""
        if text is not self._text:
            return tuple(_frames(text, sentence))
        found = self._frames.get(sentence)
        if found is None:
            found = self._frames[sentence] = tuple(_frames(text, sentence))
        return found

    def resolve(self, word: str, before: int) -> str:
        """The speaker a pronoun (or "the statement") at offset ``before`` stands for; ``word`` when none."""
        low = word.lower()
        earlier = [n for n in self.named if n.start < before]
        if low == "the statement":
            pool = [n for n in earlier if n.statement]
        elif low in ("he", "she"):
            pool = [n for n in earlier if n.person] or earlier
        elif low == "they":
            pool = earlier
        else:
            return word
        return pool[-1].name if pool else word


def clauses_of(text: str, sentence: Span) -> tuple[Span, ...]:
    """The clauses of a sentence as spans (separators left out)."""
    chunk = text[sentence.start : sentence.end]
    out: list[Span] = []
    last = 0
    for m in _CLAUSE_BREAK.finditer(chunk):
        if m.start() > last:
            out.append(Span(sentence.article_id, sentence.start + last, sentence.start + m.start()))
        last = m.end()
    out.append(Span(sentence.article_id, sentence.start + last, sentence.end))
    return tuple(out)


def negated_report(text: str, clause: Span) -> bool:
    """'they have never said the strike was coordinated': nobody makes the claim."""
    return _NEGATED_REPORT.search(clause.text(text)) is not None


def voice_at(text: str, sentence: Span, pos: int, book: SpeakerBook) -> Voice:
    """The stance and speaker of the clause of ``sentence`` that holds offset ``pos``."""
    clause = clause_at(text, sentence, pos)
    frames = book.frames(text, sentence)
    own = [f for f in frames if f.clause == clause]
    frame = own[0] if own else next((f for f in frames if f.clause is None), None)
    said = _resolved(frame, book) if frame is not None else Voice("asserted")
    body = clause.text(text)
    for pattern, stance in ((_DOUBT, "doubted"), (_DENY_VERB, "denied"), (_DENY_FALSE, "denied")):
        m = pattern.search(body)
        if m is None:
            continue
        who = None if pattern is _DENY_FALSE else _agent(body, m.end(), clause) or _subject(body, m.start(), clause)
        if who is not None:
            name, span = who
            resolved = book.resolve(name, span.start) if name.lower() in _PRONOUNS else name
            return Voice(stance, resolved, span)
        return Voice(stance, said.speaker, said.speaker_span)
    return said


def clean_speaker(phrase: str) -> str:
    """'Joint Operations Command spokesman Yahya Rasul' -> 'Yahya Rasul'; 'a statement from X' -> X;
    'On Friday the ministry' -> 'the ministry'; descriptions without a name stay as written."""
    s = phrase.strip().strip("\"“”’'.,;: ")
    s = _STATEMENT_FROM.sub("", s)
    while (m := _TIME_PREFIX.match(s)) is not None and m.end() < len(s):
        s = s[m.end() :]
    words = s.split()
    for i in range(len(words) - 2, -1, -1):
        w = re.sub(r"[’']s$", "", words[i]).lower().split("-")[-1]
        if w in _TITLES and words[i + 1][:1].isupper() and len(words) - i - 1 <= 5:
            words = words[i + 1 :]
            break
    return _HONORIFIC.sub("", " ".join(words)).strip()


# --- frames ---------------------------------------------------------------------------------


def clause_at(text: str, sentence: Span, pos: int) -> Span:
    """The clause of ``sentence`` holding offset ``pos`` (a separator belongs to the clause before it)."""
    clauses = clauses_of(text, sentence)
    return next((c for c in reversed(clauses) if c.start <= pos), clauses[0])


def _frames(text: str, sentence: Span) -> list[_Frame]:
    """Attribution frames of a sentence: clause openers first, then whole-sentence frames."""
    out: list[_Frame] = []
    for clause in clauses_of(text, sentence):
        body = clause.text(text)
        lead = re.match(r"(?:and|yet|so)\s+", body, re.IGNORECASE)
        skip = lead.end() if lead else 0
        m = _START.match(body, skip)
        if m is not None and _good_start(m):
            frame = _frame(m, clause.start, clause.article_id, clause)
            if frame is not None:
                out.append(frame)
    body = sentence.text(text)
    for pattern in (_TRAILING, _INVERTED, _MID, _ACCORDING):
        m = pattern.search(body)
        if m is None or (pattern is _TRAILING and not _good_trailing(m)):
            continue
        frame = _frame(m, sentence.start, sentence.article_id, None)
        if frame is not None:
            out.append(frame)
    return out


def _frame(m: re.Match[str], offset: int, article_id: str, clause: Span | None) -> _Frame | None:
    group = "appos" if _named_apposition(m) else "who"
    raw = m.group(group)
    name = clean_speaker(raw)
    words = name.split()
    if not words or len(words) > 10 or words[0].lower() in _BAD_WHO:
        return None
    at = raw.find(name)
    start = offset + m.start(group) + max(at, 0)
    end = start + len(name) if at >= 0 else offset + m.end(group)
    return _Frame(name, Span(article_id, start, end), clause, _STATEMENT_FROM.match(raw.strip()) is not None)


def _named_apposition(m: re.Match[str]) -> bool:
    """'An analyst, Deniz Aksoy, told ...': the name in the apposition is the speaker."""
    appos = (m.groupdict().get("appos") or "").strip(", ")
    words = appos.split()
    who = m.group("who").split()
    return (0 < len(words) <= 4 and all(w[:1].isupper() or w.startswith(("al-", "el-")) for w in words)
            and (who[0].lower() in ("a", "an", "the", "one") or not who[0][:1].isupper()))


def _good_start(m: re.Match[str]) -> bool:
    words = [w.lower() for w in m.group("who").split()]
    if any(w in _BAD_WHO or w.endswith(("n't", "n’t")) for w in words):
        return False
    after = (m.group("after") or "").strip().lower()
    if m.group("verb").lower() == "claimed" and after in _CLAIM_OBJECTS:
        return False
    if m.group("appos") and (len(words) > 6 or not m.group("who")[:1].isupper()):
        return False
    return True


def _good_trailing(m: re.Match[str]) -> bool:
    words = [w.lower() for w in m.group("who").split()]
    if any(w in _BAD_WHO for w in words):
        return False
    if m.group("appos") and (len(words) > 5 or not m.group("who")[:1].isupper()):
        return False
    rest = m.group("rest").strip().lower()
    return not (m.group("verb") == "claimed" and rest.startswith(_CLAIM_OBJECTS))


def _resolved(frame: _Frame, book: SpeakerBook) -> Voice:
    span = frame.span
    name = frame.speaker
    if name.lower() in _PRONOUNS or name.lower() == "the statement":
        name = book.resolve(name, span.start)
    return Voice("attributed", name, span)


def _subject(body: str, cue: int, clause: Span) -> tuple[str, Span] | None:
    """The words before a doubt/denial cue back to the last clause boundary: who doubts or denies."""
    left = _ASIDE.sub(lambda a: " " * len(a.group(0)), body[:cue])
    cut = max(left.rfind(","), left.rfind(";"), left.rfind("“"), left.rfind('"'), left.rfind(":"))
    that = list(re.finditer(r"\b(?:that|whether)\s+", left))
    if that and that[-1].end() > cut:
        cut = that[-1].end() - 1
    phrase = left[cut + 1 :].strip()
    words = phrase.split()
    if not words or len(words) > 8 or words[0].lower() in _NOT_SPEAKERS or _BE & {w.lower() for w in words}:
        return None
    name = clean_speaker(phrase)
    start = clause.start + left.rfind(phrase) + max(phrase.find(name), 0)
    return name, Span(clause.article_id, start, start + len(name))


def _agent(body: str, cue_end: int, clause: Span) -> tuple[str, Span] | None:
    """'The reports were denied by the ministry': the by-phrase after a passive cue."""
    m = re.match(r"\s+by\s+([^,;.]+)", body[cue_end:])
    if m is None:
        return None
    name = clean_speaker(m.group(1))
    start = clause.start + cue_end + m.start(1) + max(m.group(1).find(name), 0)
    return name, Span(clause.article_id, start, start + len(name))


def _is_person(name: str) -> bool:
    """'Naeem al-Koud', 'an Iraqi military spokesman': yes; 'Iraqi officials', 'the ministry': no."""
    words = name.split()
    last = re.sub(r"^(?:al|el|ad|as|ash|bin|ibn|abu|de|van|von|da)-|[’']s$", "", words[-1])
    if last.lower() in _PERSON_NOUNS:
        return True
    if last.lower() in _ORG_NOUNS or words[0].lower() in ("the", "a", "an") or last.isupper():
        return False
    return words[0][:1].isupper() and last[:1].isupper()
