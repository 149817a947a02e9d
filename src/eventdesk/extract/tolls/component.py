"""The tolls step: how many were killed in each event sentence reported as fact (``count``: numbers
in words, ranges, "at least", vague tolls by ACLED's 3-or-10 rule where the country is a war zone,
injuries never counted); with no figure, the victims the parse names one by one (``victims``)."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.comparisons import comparison_points, inside
from eventdesk.extract.tolls.count import count_fatalities
from eventdesk.extract.tolls.victims import load_victim_rules, named_victims
from eventdesk.model import Fatalities, Span

__all__ = ["read_tolls"]


def read_tolls(doc: ArticleDoc, services) -> ArticleDoc:
    text = doc.reading.text
    war_zones = services.settings.events.war_zones
    tolls = {}
    for span in doc.triggers:
        if doc.verdicts.get(span):
            continue
        parse = doc.docs.get(span)
        # "the deadliest since the 2014 massacre, in which 149 were killed"; "the latest killing of a journalist"
        compared = comparison_points(parse, classes=True)
        toll = count_fatalities(text, [span], war_zone=(doc.countries.get(span) or "") in war_zones,
                                elsewhere=[(span.start + a, span.start + b) for a, b in compared])
        if parse is not None and doc.trigger(span).event_type in _VIOLENT:
            # no figure, or one victim by a definite noun: the victims named one by one ("the
            # assassination of Carlos Pizarro", "killed the mayor of Hostigal, as well as two peasants"),
            # and a figure of others "also killed" added to the victim named first
            found = named_victims(parse, load_victim_rules())
            if found is not None and compared and inside(compared, found[1], found[2]):
                found = None  # the victims of the earlier act the sentence compares its act with
            if found is not None and found[0] > toll.best and (toll.how in ("none reported", "definite") or found[3]):
                n, start, end, _ = found
                toll = Fatalities(n, n, n, Span(span.article_id, span.start + start, span.start + end),
                                  "victims named one by one")
        tolls[span] = toll
    return replace(doc, tolls=tolls)


_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
