"""The real corpus (../shared/corpus/seeds): what a user expects from it, end to end."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.app import process
from eventdesk.ingest import read_inputs
from eventdesk.model import Article, ArticleResult


@pytest.fixture(scope="module")
def seeds(services, shared_dir):
    manifest = shared_dir / "corpus" / "seeds" / "manifest.jsonl"
    articles = [a for a in read_inputs([str(manifest)]) if isinstance(a, Article)]
    assert len(articles) == 5
    return {r.clean.id: r for r in process(articles, services) if isinstance(r, ArticleResult)}


def _events(seeds, prefix):
    return [e for aid, r in seeds.items() if aid.startswith(prefix) for e in r.events]


def test_hajin_strike_from_the_page_that_names_hajin(seeds):
    hajin = [e for e in _events(seeds, "004") if e.place and e.place.location == "Hajin"]
    assert len(hajin) == 1
    e = hajin[0]
    assert e.date.date == dt.date(2018, 4, 19) and e.date.precision == 1
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert e.actor1.name == "Military Forces of Iraq"
    assert e.actor2.name.startswith("Islamic State")
    assert (e.place.country, e.place.precision) == ("Syria", 2)
    assert abs(e.place.latitude - 34.69) < 0.1 and abs(e.place.longitude - 40.83) < 0.1


def test_36_deaths_from_the_page_that_reports_them(seeds):
    strikes = [e for e in _events(seeds, "002") if e.sub_event_type == "Air/drone strike"]
    assert [e.fatalities.best for e in strikes] == [36]
    e = strikes[0]
    assert e.date.date == dt.date(2018, 4, 19)
    assert e.actor1.name == "Military Forces of Iraq" and e.actor2.name == "Islamic State (Syria)"
    text = seeds["002_487561956ce51ea4"].clean.text
    assert "36" in text[e.fatalities.span.start:e.fatalities.span.end]


def test_the_unreported_toll_is_unknown_not_zero_deaths(seeds):
    strikes = [e for e in _events(seeds, "001") if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].date.date == dt.date(2018, 4, 19)
    assert strikes[0].fatalities.low is None and strikes[0].fatalities.high is None


def test_december_strike_one_day_after_the_comments(seeds):
    dec = [e for e in _events(seeds, "000") if e.date and e.date.date.year == 2018 and e.date.date.month == 12]
    assert [(e.date.date, e.sub_event_type, e.place.admin1 if e.place else None) for e in dec] == [
        (dt.date(2018, 12, 31), "Air/drone strike", dec[0].place.admin1)]
    assert dec[0].fatalities.best == 0  # "a meeting of an estimated 30 ISIS members" is no toll
    assert dec[0].place.country == "Syria"


def test_may_2020_attacks_in_diyala_baghdad_and_salah_al_din(seeds):
    events = _events(seeds, "003")
    by_date = {(e.date.date, e.fatalities.best) for e in events}
    assert (dt.date(2020, 5, 15), 4) in by_date  # PMF fighters, northern Diyala, late on Friday
    assert (dt.date(2020, 5, 15), 2) in by_date  # IED on a convoy in northern Baghdad province
    assert (dt.date(2020, 5, 2), 10) in by_date  # five-pronged assault in Saladin
    assert (dt.date(2020, 5, 2), 3) in by_date  # Zaghniya police station, the same day


def test_nothing_from_comments_sidebars_aggregates_threats_or_predictions(seeds):
    for aid, r in seeds.items():
        text = r.clean.text
        evidence = " ".join(text[s.start:s.end] for e in r.events for s in e.sentences)
        for banned in ("keep crying", "Newroz", "Hadi al-Houthi", "42 attacks", "could carry out",
                       "will not cross", "My interpretation", "80 of the 250", "would likely mean"):
            assert banned not in evidence, (aid, banned)
    reasons = {rj.reason for r in seeds.values() for rj in r.rejections}
    assert any("aggregate" in x for x in reasons)
    assert any(x in reasons for x in ("future", "hypothetical"))
