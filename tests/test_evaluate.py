"""The evaluation command on a slice of ../shared/eval (the full run is `make eval`), with floors
that cannot drop silently, plus the scoring helpers."""

from __future__ import annotations

import pytest

from eventdesk.app import evaluate
from eventdesk.evaluate import km, normalise_actor
from eventdesk.settings import Settings

# Floors on the first 400 ACLED notes / 150 GED headlines, a few points under what was measured.
ACLED_FLOORS = {"event_type": 0.70, "sub_event_type": 0.62, "fatalities": 0.70}
GED_FLOORS = {"date_in_range": 0.33}


def test_actor_names_compare_without_regime_years():
    assert normalise_actor("Police Forces of Kenya (2013-)") == "police forces of kenya"
    assert normalise_actor("Police Forces of Kenya (2002-2013)") == normalise_actor("Police Forces of Kenya")
    assert normalise_actor(None) == ""


def test_distance():
    assert km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)


@pytest.mark.parametrize("kind,gold,limit,floors", [
    ("acled", "acled_dev.csv", 400, ACLED_FLOORS),
    ("ged", "ged_dev.csv", 150, GED_FLOORS),
])
def test_eval_smoke(services, shared_dir, tmp_path, kind, gold, limit, floors):
    errors = tmp_path / "errors.csv"
    report = evaluate(kind, str(shared_dir / "eval" / gold), Settings(progress=False), errors=str(errors),
                      limit=limit, services=services)
    acc = report.as_dict()["accuracy"]
    print(kind, acc)
    for field, floor in floors.items():
        assert acc[field] >= floor, (field, acc[field])
    assert errors.read_text().startswith(("event_id_cnty,field", "id,field"))


def test_ged_sides_compare_with_acled_names():
    from eventdesk.evaluate import _ged_side

    assert _ged_side("Government of Turkey") == _ged_side("Military Forces of Turkey (2016-)")
    assert _ged_side("PKK") == _ged_side("PKK: Kurdistan Workers Party")
    assert _ged_side("IS") == _ged_side("Islamic State (Iraq)")
    assert _ged_side("Civilians") == _ged_side("Civilians (Iraq)")
    assert _ged_side("Government of Iraq") != _ged_side("Islamic State (Iraq)")
