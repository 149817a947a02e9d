"""Surface names for a spaCy EntityRuler (label PLACE).

The ruler gets a curated subset, not all of GeoNames: every first-level division, country and
supplement entry, and cities of at least 15,000 people under the alternate names an English text
could plausibly use. Smaller towns are still found by the places stage, which scans capitalised
words against the full index; the ruler is for the mention stage's recall on the names that matter.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventdesk.gazetteer._text import fold, is_plausible_english

__all__ = ["RULER_MIN_POPULATION", "ruler_surfaces"]

RULER_MIN_POPULATION = 15_000


def ruler_surfaces(names: Iterable[str], common_words: frozenset[str]) -> list[str]:
    """The plausible English spellings among ``names`` (ASCII-folded, deduplicated, in order).

    A name that is a common English word or given name ("Police", "Said") is left out: as a
    phrase pattern it would fire on every sentence that uses the word.
    """
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        surface = fold(name).strip()
        if surface in seen or surface.lower() in common_words:
            continue
        if not is_plausible_english(surface):
            continue
        seen.add(surface)
        out.append(surface)
    return out
