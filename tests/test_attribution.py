"""Responsibility read from the rest of the report: once per article, whatever its length."""

from __future__ import annotations

import datetime as dt

from eventdesk.app import process
from eventdesk.evaluate._scores import article
from eventdesk.extract.actors import attribution


def test_an_article_is_read_for_responsibility_once_not_once_per_event(services, monkeypatch):
    calls = []
    real = attribution.named_actors
    monkeypatch.setattr(attribution, "named_actors", lambda *a, **k: calls.append(1) or real(*a, **k))
    text = "Gunmen killed three villagers in an attack near Maiduguri, residents said. " * 200
    [res] = process([article("long", text, None, "test")], services)
    assert len(res.events) > 100  # an undated page: each sentence its own event
    sentences = len(res.sentences)
    assert len(calls) <= 2 * sentences, (len(calls), sentences)  # linear: one country, one pass


def test_the_group_that_claims_the_act_is_its_perpetrator(services):
    text = ("A bomb exploded outside a bank in Lima on Monday, wounding two guards, police said.\n\n"
            "The Shining Path claimed responsibility for the attack in a call to a radio station.")
    [res] = process([article("claim", text, dt.date(2021, 5, 11), "test")], services)
    assert [e.actor1.name for e in res.events] == ["Shining Path"]
