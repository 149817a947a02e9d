"""The learned event-sentence classifier (off by default): it loads from the package data, ranks a
specific incident above talk about violence, and, when switched on, vetoes with its probability in
the reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from eventdesk.app import process
from eventdesk.extract.scope.learned import EventClassifier
from eventdesk.ingest import content_hash
from eventdesk.model import Article
from eventdesk.settings import Settings


def test_it_ranks_a_specific_incident_above_talk_about_violence():
    clf = EventClassifier.load()
    incident, talk = clf.scores([
        "Urban guerrillas threw two explosive devices at the San Jorge warehouse today, wounding a guard.",
        "The minister said the government will continue its struggle against terrorism and drug trafficking.",
    ])
    assert 0.0 <= talk < incident <= 1.0
    assert clf.reason(incident) == "" and "p=" in clf.reason(0.0)


def test_switched_on_it_only_vetoes_and_says_why(services):
    assert Settings().event_classifier is False  # off by default (see extract/scope/learned.py)
    texts = [
        "The minister said the government will continue its struggle against terrorists who attack villages.",
        "Gunmen killed three peasants in the village of Santa Rosa on Tuesday, police said.",
    ]
    articles = [Article(id=f"c{i}", raw=t, kind="text", origin=f"c{i}", content_hash=content_hash(t),
                        published=dt.date(1990, 1, 5)) for i, t in enumerate(texts)]
    on = replace(services, settings=replace(services.settings, event_classifier=True),
                 event_classifier=EventClassifier.load())
    for with_rules, with_veto in zip(process(articles, services), process(articles, on)):
        assert len(with_veto.events) <= len(with_rules.events)  # a veto, never a new event
        vetoed = [r.reason for r in with_veto.rejections if r.reason.startswith("the event-sentence classifier")]
        assert len(vetoed) == len(with_rules.events) - len(with_veto.events) or vetoed
        assert all("p=" in why for why in vetoed)
    assert len(process(articles[1:], on)[0].events) == 1  # the incident survives the veto
