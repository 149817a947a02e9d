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

3. else, the state's forces when a sentence blames them ("blamed the government and the armed forces
   for the murder", "implicated four officers of the armed forces in the assassination"), unless it
   denies the blame. The force that arrested, investigated or tried suspects is never taken: only
   blame names a perpetrator, and "the army blamed the rebels" names the rebels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventdesk.model import Actor, Span
from eventdesk.extract.actors._dictionary import ActorDictionary, generic_name, named_actors
from eventdesk.extract.actors._unknown import load_group_names, unknown_groups
from eventdesk.rules import word_list

__all__ = ["AttributionRules", "load_attribution_rules", "responsible_group"]

#: inter codes of non-state armed groups that can be named as responsible (rebels, political and
#: identity militias); state forces (1) and external forces (8) are never attributed this way
_GROUP_INTER = frozenset({2, 3, 4})


@dataclass(frozen=True)
class AttributionRules:
    responsibility: re.Pattern[str]
    group_nouns: re.Pattern[str]
    state_blame: re.Pattern[str]
    denials: re.Pattern[str]


@cache
def load_attribution_rules() -> AttributionRules:
    phrases = word_list("attribution.json", "responsibility_phrases")
    nouns = sorted(word_list("attribution.json", "group_nouns"), key=len, reverse=True)
    return AttributionRules(
        re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE),
        re.compile(r"\b(?:" + "|".join(re.escape(n) for n in nouns) + r")\b", re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in word_list("attribution.json", "state_blame")), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in word_list("attribution.json", "denials")), re.IGNORECASE),
    )


def responsible_group(text: str, sentences, own: list[Span], country: str | None,
                      dictionary: ActorDictionary, rules: AttributionRules) -> Actor | None:
    """The non-state armed group the report holds responsible for the event told in ``own`` (its
    sentences), or None (see the module docstring). ``sentences`` are the article's sentences."""
    groups = []  # (sentence span, actor) of every named group, in text order
    names = load_group_names()
    for s in sentences:
        for m in named_actors(text, s.span, country, dictionary):
            a = m.actor
            if a.inter in _GROUP_INTER and not a.name.startswith("Unidentified") and \
                    (not country or a.name.endswith(f"({country})") or "(" not in a.name):
                groups.append((s.span, a))
        if rules.responsibility.search(text, s.span.start, s.span.end):
            # "a group calling itself the Dare-to-Die Squad claimed responsibility": unknown to the KB
            sentence = text[s.span.start:s.span.end]
            for start, end, name, inter in unknown_groups(sentence, names, generic_name, dictionary.people_of):
                groups.append((s.span, Actor(name, inter, Span(s.span.article_id, s.span.start + start,
                                                               s.span.start + end), "generic:named-group")))
    first = own[0]
    if not groups:
        return _blamed_state(text, sentences, first, country, rules)
    claims = [(span, a) for span, a in groups if rules.responsibility.search(text, span.start, span.end)]
    if claims:
        span, actor = min(claims, key=lambda c: _distance(c[0], first))
        return actor
    if any(rules.group_nouns.search(text, s.start, s.end) for s in own):
        distinct = {a.name: a for _, a in groups}
        if len(distinct) == 1:
            return next(iter(distinct.values()))
    return _blamed_state(text, sentences, first, country, rules)


def _blamed_state(text: str, sentences, first: Span, country: str | None, rules: AttributionRules) -> Actor | None:
    """The state's forces, when the report blames them for an act and no group claims it ("the
    rebels blamed the government and the armed forces for the murder"); never from a sentence that
    denies the blame."""
    if not country:
        return None
    found = []
    for s in sentences:
        m = rules.state_blame.search(text, s.span.start, s.span.end)
        if m is not None and not rules.denials.search(text, s.span.start, s.span.end):
            found.append((abs(s.span.start - first.start), bool(m.group("police"))))
    if not found:
        return None
    _, police = min(found)
    name = f"Police Forces of {country}" if police else f"Military Forces of {country}"
    return Actor(name, 1, None, "attribution:blamed-state")


def _distance(a: Span, b: Span) -> int:
    return abs(a.start - b.start)
