"""A place inside a description of someone is where that someone is, not where the event happened.

"The businessman, who owns a tannery and spends most of his time in Miami, was kidnapped on 9 July":
the dependency parse puts Miami inside a relative clause set off by commas (non-restrictive) about
the businessman. Such a clause says where a person or a group lives, works or has its offices ("the
CERIGUA agency, whose main offices are in Mexico, says ..."). A place so named abroad (outside the
country the article or the sentence is about) is no place of the event, which takes another one of
the sentence, else of its paragraph or dateline; one in that country ranks below every other place
of the sentence ("Gunmen killed Roberto Sarasty, who worked for Caracol radio in Medellin": where
he worked is the best the sentence says). Not an aside: a clause with no comma before it,
which picks out who is meant ("armed men who entered his house in Santa Catarina Pinula"), and a
clause that itself holds one of the sentence's violent trigger words ("the deputy, who was
abducted in Tenerife"). The relative pronouns are data (``place_words.json``: ``aside_pronouns``);
"which" and "where" are not among them ("the bank, which is in Lima, was bombed").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from eventdesk.rules import word_list

__all__ = ["aside_reader"]

_PRONOUNS: frozenset[str] = word_list("place_words.json", "aside_pronouns")  # type: ignore[assignment]


def aside_reader(parse, offset: int, triggers: Iterable[str]) -> Callable[[int, int], bool] | None:
    """``aside(start, end)``: whether the name at those article offsets lies inside a comma-set
    relative clause about someone (see the module). ``parse`` is the spaCy parse of the sentence
    that starts at article offset ``offset``; ``triggers`` the sentence's trigger words (stems).
    ``None`` without a parse."""
    if parse is None or not hasattr(parse, "char_span"):
        return None
    acts = {t.lower() for t in triggers}

    def aside(start: int, end: int) -> bool:
        tokens = [t for t in parse if t.idx < end - offset and start - offset < t.idx + len(t.text)]
        if not tokens:
            return False
        inside = {t.i for t in tokens}
        # the name's own head: the token of the name whose head lies outside it
        word = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
        for t in [word, *word.ancestors]:
            if t.dep_ != "relcl" or t.i in inside:
                continue
            first = t.left_edge
            if first.lower_ not in _PRONOUNS or first.i == 0 or parse[first.i - 1].text != ",":
                continue
            # the sentence's trigger words are stems ('demonstrat', 'kill'): a word of the clause that starts with one
            return not any(w.lower_.startswith(act) for w in t.subtree for act in acts)
        return False
    return aside
