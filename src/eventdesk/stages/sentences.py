"""Sentences and the cheap trigger pre-filter.

Splitting is rule-based (no statistical model): paragraphs are hard boundaries, and a sentence ends
at ``.``, ``!`` or ``?`` followed by space and an upper-case letter, a digit or an opening quote,
unless the word before is a known abbreviation (``data/rules/abbreviations.json``) or an initial. The pre-filter marks the sentences
that carry violence, protest, arrest or agreement vocabulary: only those are parsed by spaCy later,
which is the main speed lever of the pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from eventdesk.model import Sentence, Span
from eventdesk.rules import word_list, word_lists
from eventdesk.stages._trie import trie_pattern

__all__ = ["Splitter", "TriggerFilter", "split_sentences"]

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "i.i", "u.s", "p.m" (lower-cased, the last dot stripped)

_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


@dataclass(frozen=True)
class Splitter:
    """Split cleaned text into sentence spans; paragraph breaks always end a sentence."""

    abbreviations: frozenset[str] = field(default_factory=lambda: word_list("abbreviations.json", "abbreviations"))

    def spans(self, text: str, article_id: str) -> list[Span]:
        out: list[Span] = []
        for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
            start = para.start()
            body = para.group()
            cut = 0
            for m in _END.finditer(body):
                if self._is_abbreviation(body, m.start()):
                    continue
                end = m.end()
                self._emit(out, article_id, text, start + cut, start + end)
                cut = end
            self._emit(out, article_id, text, start + cut, para.end())
        return out

    def _is_abbreviation(self, body: str, dot: int) -> bool:
        if body[dot] != ".":
            return False
        # the word of letters and dots that ends at the dot, read backwards from it: a search for
        # ``[A-Za-z][A-Za-z.]*$`` in ``body[:dot]`` gives the same word but scans the whole
        # paragraph before it, which made one long paragraph quadratic (as ``$`` does, the word
        # may also end before a line break right before the dot)
        end = dot - 1 if dot and body[dot - 1] == "\n" else dot
        start = end
        while start > 0 and body[start - 1] in _WORD_CHARS:
            start -= 1
        while start < end and body[start] == ".":
            start += 1
        if start == end:
            return False
        token = body[start:end].lower().rstrip(".")
        if token in self.abbreviations:
            return True
        # an initial, "J. Smith", "U.", or dotted initials, "the I.I. Chundrigar road", "P.M."
        return len(token) == 1 or _INITIALS.fullmatch(token) is not None

    @staticmethod
    def _emit(out: list[Span], article_id: str, text: str, start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(article_id, start, end))


def _compile(families: dict[str, tuple[str, ...]], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    words = {w for ws in families.values() for w in ws}
    return re.compile(r"\b(" + trie_pattern(words) + r")", flags)


@dataclass(frozen=True)
class TriggerFilter:
    """Marks sentences that may report an event; the others are never parsed.

    ``families`` maps a vocabulary family (violence, protest, arrest, agreement, development) to
    word stems matched at word starts; the default is the project's list, ``data/rules/triggers.json``."""

    families: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(word_lists("triggers.json")))
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _lower: re.Pattern[str] = field(init=False, repr=False, compare=False)  # the same, for lower-case text

    def __post_init__(self) -> None:
        object.__setattr__(self, "_regex", _compile(self.families))
        object.__setattr__(self, "_lower", _compile(self.families, 0))

    def triggers(self, sentence: str) -> tuple[str, ...]:
        if sentence.isascii():
            # an ASCII text lower-cased keeps its length and its word boundaries, and ASCII letters have
            # no other case folding: the case-sensitive scan of the trie's lower-case words finds the
            # same words, in half the time of the case-blind one
            return tuple(dict.fromkeys(m.group(1) for m in self._lower.finditer(sentence.lower())))
        return tuple(dict.fromkeys(m.group(1).lower() for m in self._regex.finditer(sentence)))


@cache
def _default_filter() -> TriggerFilter:
    return TriggerFilter()


def split_sentences(text: str, article_id: str, trigger: TriggerFilter | None = None) -> tuple[Sentence, ...]:
    """Sentences of a cleaned article, each with the trigger words found in it."""
    trigger = trigger or _default_filter()
    out = []
    for span in Splitter().spans(text, article_id):
        out.append(Sentence(span, trigger.triggers(text[span.start : span.end])))
    return tuple(out)
