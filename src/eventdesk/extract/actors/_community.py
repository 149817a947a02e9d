"""Named community militias: ACLED names the armed men of a clan, a tribe or a community after it,
"Matan Clan Militia (Kenya)", "Al Hayash Tribal Militia (Yemen)", "Odejo Communal Militia
(Nigeria)". The report names the community in a few fixed ways:

- "clashes between the Kapkeny and Kabasiran clans", "between Bani Ali and Al Badi tribesmen",
  "an armed fight between the Al Salih and Al Tlais families";
- "Al Hayash tribesmen", "the Kowow clan", "Siria and Ruasi Ngishu clans";
- "communal militias from Odejo", "herders from Isiolo and Marsabit", "raiders from Isiolo" (a
  community militia is named after the place its men come from).

``named_militias`` finds them in a sentence, in text order; the events stage gives them the sides
that no dictionary actor took.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventdesk.rules import word_list

__all__ = ["CommunityMilitia", "named_militias"]

# a community's name: one to four capitalised words, with the particles of Arabic and Somali names
_NAME = r"(?:(?:Al|Bani|Ba|Ahl|Beni|Ould|Reer|Habar|Abu)\s+|al\s+|ba\s+)*[A-Z][\w'’-]+(?:\s+(?:al\s+|ba\s+)?[A-Z][\w'’-]+){0,3}"
_KINDS = (
    ("Clan", r"clans?|clansmen|clan militias?|sub-?clans?|famil(?:y|ies)"),
    ("Tribal", r"tribes?|tribesmen|tribal militias?"),
    ("Communal", r"communities|communal militias?"),
)
_KIND_RX = "|".join(f"(?P<{kind.lower()}>{words})" for kind, words in _KINDS)
# "between (the) A and (the) B clans" / "A and B clans" / "the A clan"
_PAIR = re.compile(rf"\b(?:between\s+)?(?:the\s+)?(?P<a>{_NAME})(?:\s+and\s+(?:the\s+)?(?P<b>{_NAME}))?\s+(?:{_KIND_RX})\b")
# "communal militias from Odejo", "herders from Isiolo and Marsabit"
_FROM = re.compile(rf"\b(?i:(?:communal\s+|local\s+|armed\s+)?(?:militias?|militiamen|raiders|herders|pastoralists|youths?)"
                   rf"\s+from\s+(?:the\s+)?)(?P<a>{_NAME})(?:\s+and\s+(?:the\s+)?(?P<b>{_NAME}))?")
# what every kind word of _KINDS holds (they are matched case-sensitively)
_PAIR_NEEDS = ("clan", "famil", "trib", "commun")
# capitalised words that are no community's name
_NOT_NAMES: frozenset[str] = word_list("actor_words.json", "not_community_names")  # type: ignore[assignment]


@dataclass(frozen=True)
class CommunityMilitia:
    name: str  # "Matan Clan Militia" (the events stage adds the country)
    community: str  # "Matan"
    start: int  # where the community's name starts in the sentence


def named_militias(sentence: str) -> list[CommunityMilitia]:
    """The community militias a sentence names, in text order, each once."""
    found: dict[str, CommunityMilitia] = {}
    for rx, fixed, needs in ((_PAIR, None, _PAIR_NEEDS), (_FROM, "Communal", None)):
        # a pattern that cannot match is not run: _PAIR needs a kind word, _FROM the word "from"
        if not (any(w in sentence for w in needs) if needs else "from" in sentence.lower()):
            continue
        for m in rx.finditer(sentence):
            kind = fixed or next(k for k, _ in _KINDS if m.group(k.lower()))
            for group in ("a", "b"):
                name = m.group(group)
                if not name:
                    continue
                words = name.split()
                while words and words[0] in _NOT_NAMES:
                    words = words[1:]
                if not words:
                    continue
                name = " ".join(words)
                found.setdefault(name, CommunityMilitia(f"{name} {kind} Militia", name, m.start(group)))
    return sorted(found.values(), key=lambda c: c.start)
