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
    # GED's government side is all the state's forces: ACLED's police are on it too
    assert _ged_side("Government of Iraq") == _ged_side("Police Forces of Iraq (2014-)")
    assert _ged_side("Government of Iraq") != _ged_side("Police Forces of Iran")


def test_ged_dyad_counts_a_state_forces_unit_on_its_government_side():
    from eventdesk.evaluate.ged import _ged_side, _same_dyad

    gold = {_ged_side("Government of Iraq"), _ged_side("IS")}
    assert _same_dyad(gold, {_ged_side("Islamic State (Iraq)"), _ged_side("Military Forces of Iraq (2014-) Peshmerga")})
    assert _same_dyad(gold, {_ged_side("Police Forces of Iraq"), _ged_side("Islamic State (Iraq)")})
    # a unit of another state, or the unidentified group GED attributes to IS, is not
    assert not _same_dyad(gold, {_ged_side("Islamic State (Iraq)"), _ged_side("Military Forces of Iran")})
    assert not _same_dyad(gold, {_ged_side("Military Forces of Iraq"), _ged_side("Unidentified Armed Group (Iraq)")})


_GOLD_HEADER = ("event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,"
                "latitude,longitude,fatalities,notes\n")


def test_grouping_splits_rows_by_a_gold_column():
    from eventdesk.evaluate import Grouping

    assert Grouping.parse("country") == Grouping("country")
    assert Grouping.parse("country=Kenya").key({"country": "kenya"}) == "Kenya"
    assert Grouping.parse("country=Kenya").key({"country": "Iraq"}) == "other"
    assert Grouping.parse("country").key({"country": ""}) == "(empty)"


def test_eval_breaks_figures_down_by_country(services, tmp_path):
    """Two self-written notes (Iraq, with a date; Kenya, with none): per-group figures add up to the
    total, and the date can only be right where the note states a year."""
    gold = tmp_path / "gold.csv"
    gold.write_text(
        _GOLD_HEADER
        + 'T1,2020-05-02,Battles,Armed clash,Islamic State (Iraq),Popular Mobilization Forces,Iraq,Diyala,'
          'Khanaqin,34.35,45.39,2,"On 2 May 2020, Islamic State militants clashed with the Popular Mobilization '
          'Forces in Khanaqin (Diyala). Two PMF fighters were killed."\n'
        + 'T2,2009-03-01,Riots,Violent demonstration,Rioters (Kenya),,Kenya,Nairobi,Nairobi,-1.28,36.82,0,'
          '"Rioters burned tyres and pelted police with stones."\n',
        encoding="utf-8")
    report = evaluate("acled", str(gold), Settings(progress=False), errors=str(tmp_path / "e.csv"),
                      services=services, by="country=Kenya")
    d = report.as_dict()
    assert d["by"] == "country=Kenya" and set(d["groups"]) == {"Kenya", "other"}
    for field, macro in d["macro_average"].items():  # each group weighs the same
        assert macro == pytest.approx(sum(g["accuracy"][field] for g in d["groups"].values()) / 2, abs=1e-3)
    assert d["groups"]["other"]["rows"] == 1 and d["groups"]["Kenya"]["rows"] == 1
    assert d["groups"]["other"]["accuracy"]["event_date"] == 1.0
    assert d["groups"]["Kenya"]["accuracy"]["event_date"] == 0.0
    assert d["groups"]["Kenya"]["accuracy"]["event_type"] == 1.0
    assert d["extra"]["event_date_when_note_states_a_year"] == {"accuracy": 1.0, "rows": 1}
    for f, acc in d["accuracy"].items():  # the groups add up to the whole
        assert acc == sum(g["accuracy"][f] * g["rows"] for g in d["groups"].values()) / d["rows"]
    from eventdesk.render import eval_text

    text = eval_text(report)
    assert "by country=Kenya:" in text and any(line.strip().startswith("Kenya") for line in text.splitlines())
    assert "macro average" in text


def test_ged_sides_are_mapped_through_the_knowledge_base(services):
    from eventdesk.evaluate.ged import _kb_side

    assert _kb_side("Government of Iraq", "Iraq", services.actors) == "government of iraq"
    # GED's spelling meets the knowledge base's canonical name, which is the one eventdesk gives
    assert _kb_side("Al-Shabaab", "Somalia", services.actors) == "al shabaab"
