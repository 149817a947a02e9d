"""The tolls step: how many were killed in each event sentence reported as fact (``count``: numbers
in words, ranges, "at least", vague tolls by ACLED's 3-or-10 rule where the country is a war zone,
injuries never counted)."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.tolls.count import count_fatalities

__all__ = ["read_tolls"]


def read_tolls(doc: ArticleDoc, services) -> ArticleDoc:
    text = doc.reading.text
    war_zones = services.settings.events.war_zones
    tolls = {}
    for span in doc.triggers:
        if doc.verdicts.get(span):
            continue
        tolls[span] = count_fatalities(text, [span], war_zone=(doc.countries.get(span) or "") in war_zones)
    return replace(doc, tolls=tolls)
