"""The PLOVER adapter: coded news sentences scored on what PLOVER's and ACLED's schemes agree on
(violence found, its dead, no violence in talk and threats, protests found). Records here are written
for the test; the real file is scored by `make eval`, and a slice of it below when ../shared is there."""

from __future__ import annotations

import json

import pytest

from eventdesk.app import evaluate
from eventdesk.errors import EvalError
from eventdesk.evaluate.plover import plover_checks, read_plover
from eventdesk.settings import Settings

RECORDS = [
    {"id": "T-ASSAULT-1", "event": "ASSAULT", "date": "2020-05-06", "dead": "4",
     "text": "Gunmen killed four villagers in an attack on Tuesday in Zamfara state, police said."},
    {"id": "T-THREATEN-1", "event": "THREATEN", "date": "2020-05-06",
     "text": "The rebels threatened on Tuesday to attack the capital unless the government resigned."},
    {"id": "T-AGREE-1", "event": "AGREE", "date": "2020-05-06",
     "text": "The two parties agreed on Tuesday to hold talks in Geneva next month."},
    {"id": "T-PROTEST-1", "event": "PROTEST", "date": "2020-05-06",
     "text": "Thousands of teachers marched through Nairobi on Tuesday to demand higher pay."},
    {"id": "T-COERCE-1", "event": "COERCE", "date": "2020-05-06",
     "text": "Police arrested three journalists in Harare on Tuesday."},
    {"id": "T-DOC", "event": "DOCUMENT", "eventText": "documentation, no sentence"},
]


def test_records_without_a_sentence_are_left_out(tmp_path):
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    assert [r["id"] for r in read_plover(path)] == [r["id"] for r in RECORDS[:-1]]
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(EvalError):
        read_plover(path)


def test_each_family_scores_its_own_fields():
    assert plover_checks(RECORDS[0], []) == {"violent_found": False, "deaths": False}
    assert plover_checks(RECORDS[1], []) == {"no_violent_event": True}
    assert plover_checks(RECORDS[3], []) == {"protest_found": False}
    assert plover_checks(RECORDS[4], []) == {}  # COERCE is read, not scored


def test_plover_run_scores_violence_threats_and_protests(services, tmp_path):
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    errors = tmp_path / "errors.csv"
    report = evaluate("plover", str(path), Settings(progress=False), errors=str(errors), services=services)
    scores = {k: (v.correct, v.total) for k, v in report.fields.items()}
    assert scores == {"violent_found": (1, 1), "deaths": (1, 1), "no_violent_event": (2, 2),
                      "protest_found": (1, 1)}
    assert errors.read_text().startswith("id,field,gold,predicted,text")
    from eventdesk.render import eval_text

    assert "no_violent_event" in eval_text(report) and "(2 / 2" in eval_text(report)
    with pytest.raises(EvalError):
        evaluate("plover", str(path), Settings(progress=False), errors=str(errors), services=services, by="event")


def test_plover_slice_holds_its_floors(services, shared_dir, tmp_path):
    gold = shared_dir / "eval" / "plover_gsr.json"
    if not gold.exists():
        pytest.skip("../shared/eval/plover_gsr.json not here")
    report = evaluate("plover", str(gold), Settings(progress=False), errors=str(tmp_path / "e.csv"),
                      services=services)
    acc = {k: v.accuracy for k, v in report.fields.items()}
    # a few points under what was measured on the whole file (71.9 / 93.1 / 77.8)
    assert acc["violent_found"] >= 0.65 and acc["no_violent_event"] >= 0.88 and acc["protest_found"] >= 0.70, acc
