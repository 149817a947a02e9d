"""The learned dating of undated acts (off by default): an act a report tells outside its lead with no
date of its own is dated by the report only when the model judges it the report's news, with the
probability in the date's ``how``; a learned date never becomes the story's reference time."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from eventdesk.app import process
from eventdesk.extract.assembly.learned_dating import (
    LEARNED_HOW,
    DatingModel,
    UndatedAct,
    act_features,
    learned_date,
    select,
)
from eventdesk.ingest import content_hash
from eventdesk.model import Article, EventDate
from eventdesk.settings import Settings

PUBLISHED = dt.date(1990, 1, 5)
LEAD = ("The government announced new economic measures in the capital. The measures include a rise in fuel "
        "prices. Officials said the plan would take effect next month. ")

#: a model with no features that says yes to every act, and one that says no
YES = DatingModel(weights={}, bias=10.0, threshold=0.5, families=())
NO = DatingModel(weights={}, bias=-10.0, threshold=0.5, families=())


def _act(**kw) -> UndatedAct:
    base = dict(sentence="Guerrillas dynamited a power pylon in 1989.", words=("guerrilla", "dynamite"), index=5,
                sentences=12, group=0, groups=1, tense="simple past", passive=False, dated_before=False,
                report_dates=False, date_kinds=("year",), event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED", cue="ied", deaths=False, place=True,
                dateline="byline", year=1990)
    return UndatedAct(**{**base, **kw})


def _run(services, model, body: str):
    text = LEAD + body
    article = Article(id="u1", raw=text, kind="text", origin="u1", content_hash=content_hash(text),
                      published=PUBLISHED)
    return process([article], replace(services, undated_news=model))[0]


def test_off_by_default():
    assert Settings().learned_dating is False


def test_features_name_what_the_act_is():
    f = act_features(_act(), incident=0.75, report=0.92)
    assert "incident>=0.7" in f and "incident>=0.9" not in f
    assert "report>=0.9" in f and "report>=0.95" not in f
    assert "tense=simple past" in f and "year=other" in f and "w=dynamite" in f
    assert select(f, ("incident",)) == tuple(x for x in f if x.startswith("incident>="))
    assert not any(x.startswith(("incident>=", "report>=")) for x in act_features(_act()))


def test_the_shipped_model_loads_and_gives_a_probability():
    model = DatingModel.load()
    assert 0.0 <= model.probability(_act()) <= 1.0
    assert model.families and 0.0 < model.threshold < 1.0


def test_an_act_judged_news_takes_the_report_date_with_the_reason():
    dated = YES.date_of(_act(), PUBLISHED)
    assert dated is not None and dated.date == PUBLISHED and dated.precision == 2 and learned_date(dated)
    assert "p=1.00" in dated.how
    assert NO.date_of(_act(), PUBLISHED) is None
    assert not learned_date(EventDate(PUBLISHED, 2, None, "as reported (publication date)"))


@pytest.mark.parametrize("body", [
    # a simple past outside the lead: assembly leaves it undated
    "Guerrillas dynamited a power pylon in Usulutan department, police said.",
    # a present perfect outside the lead: scope leaves it undated
    "Guerrillas have dynamited a power pylon in Usulutan department, police said.",
])
def test_an_undated_act_outside_the_lead_is_dated_only_when_judged_news(services, body):
    rules = _run(services, None, body)
    assert not rules.events
    assert any("without a date" in r.reason or "no event date" in r.reason for r in rules.rejections)
    assert not _run(services, NO, body).events
    judged = _run(services, YES, body)
    assert [e.date.date for e in judged.events] == [PUBLISHED]
    assert judged.events[0].date.how.startswith(LEARNED_HOW)


def test_a_learned_date_is_not_carried_to_the_next_act(services):
    # the second act, told in the simple past after the first, would take a dated event's date
    # (narrative progression); a learned date is the first act's alone
    body = ("Guerrillas have dynamited a power pylon in Usulutan department, police said. "
            "Unidentified men burned two buses in San Miguel department.")
    only_first = DatingModel(weights={"tense=perfect": 20.0}, bias=-10.0, threshold=0.5, families=("tense",))
    judged = _run(services, only_first, body)
    assert len(judged.events) == 1 and "pylon" in judged.clean.text[judged.events[0].sentences[0].start:
                                                                      judged.events[0].sentences[0].end]
