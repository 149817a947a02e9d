"""Who is responsible when the event's own sentences do not say: the rest of the report.

A report often tells the act in one sentence and its author in another: "A bomb exploded outside
the embassy ... The FPMR claimed responsibility in calls to radio stations", "In another action
attributed to the mafias, several men wounded a watchman", "The guerrillas then burned the town
hall" after the FMLN was named. ACLED codes the group that claimed the act, and a suspected
perpetrator the report names (CODEBOOK section 2), so an event whose attacker is unknown
(``Unidentified Armed Group``) takes:

1. the named non-state armed group of a sentence that claims, attributes or blames an act (the
   phrases are data: ``data/rules/attribution.json``), the nearest such sentence to the event;
2. else, when the event's own sentences call the attacker by a plain group noun ("the guerrillas",
   "rebels", "terrorists"), the one non-state armed group of the event's country the report names,
   when it names exactly one.

State forces are never taken this way: the force that arrested, investigated or tried suspects is
not their group, and "the army blamed the rebels" names the rebels, not the army.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventdesk.model import Actor, Span
from eventdesk.extract.actors._dictionary import ActorDictionary, named_actors
from eventdesk.rules import word_list

__all__ = ["AttributionRules", "load_attribution_rules", "responsible_group"]

#: inter codes of non-state armed groups that can be named as responsible (rebels, political and
#: identity militias); state forces (1) and external forces (8) are never attributed this way
_GROUP_INTER = frozenset({2, 3, 4})


@dataclass(frozen=True)
class AttributionRules:
    responsibility: re.Pattern[str]
    group_nouns: re.Pattern[str]


@cache
def load_attribution_rules() -> AttributionRules:
    phrases = word_list("attribution.json", "responsibility_phrases")
    nouns = sorted(word_list("attribution.json", "group_nouns"), key=len, reverse=True)
    return AttributionRules(
        re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE),
        re.compile(r"\b(?:" + "|".join(re.escape(n) for n in nouns) + r")\b", re.IGNORECASE),
    )


def responsible_group(text: str, sentences, own: list[Span], country: str | None,
                      dictionary: ActorDictionary, rules: AttributionRules) -> Actor | None:
    """The non-state armed group the report holds responsible for the event told in ``own`` (its
    sentences), or None (see the module docstring). ``sentences`` are the article's sentences."""
    groups = []  # (sentence span, actor) of every named group, in text order
    for s in sentences:
        for m in named_actors(text, s.span, country, dictionary):
            a = m.actor
            if a.inter in _GROUP_INTER and not a.name.startswith("Unidentified") and \
                    (not country or a.name.endswith(f"({country})") or "(" not in a.name):
                groups.append((s.span, a))
    if not groups:
        return None
    first = own[0]
    claims = [(span, a) for span, a in groups if rules.responsibility.search(text, span.start, span.end)]
    if claims:
        span, actor = min(claims, key=lambda c: _distance(c[0], first))
        return actor
    if any(rules.group_nouns.search(text, s.start, s.end) for s in own):
        distinct = {a.name: a for _, a in groups}
        if len(distinct) == 1:
            return next(iter(distinct.values()))
    return None


def _distance(a: Span, b: Span) -> int:
    return abs(a.start - b.start)
