"""tools/actor_error_kinds.py: each actor error of an ACLED evaluation falls into one kind."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "tools" / "actor_error_kinds.py"
_spec = importlib.util.spec_from_file_location("actor_error_kinds", _PATH)
kinds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(kinds)  # type: ignore[union-attr]

KNOWN = frozenset({"taliban", "cv: red command"})


@pytest.mark.parametrize(("gold", "predicted", "gold_other", "predicted_other", "kind"), [
    ("Taliban", "(no event)", "", "", "no event"),
    ("Taliban", "Military Forces of Afghanistan", "Military Forces of Afghanistan (2014-)", "Taliban", "role order"),
    ("Civilians (Lebanon)", "", "Rioters (Lebanon)", "Rioters (Lebanon)", "side left blank"),
    ("", "Civilians (Yemen)", "Military Forces of Yemen (2012-)", "Military Forces of Yemen", "extra side"),
    ("Unidentified Gang and/or Police Militia", "Unidentified Armed Group (Brazil)", "Civilians (Brazil)",
     "Civilians (Brazil)", "country convention"),
    ("Military Forces of Yemen (2012-) Amajid Brigade", "Military Forces of Yemen", "", "", "state force naming"),
    ("Military Forces of Lebanon (2020-)", "Military Forces of Libya", "", "", "state force country"),
    ("Protesters (Lebanon)", "Protesters (Libya)", "", "", "generic country"),
    ("Unidentified Gang (Brazil)", "Unidentified Armed Group (Brazil)", "", "", "wrong type"),
    ("Omor Communal Militia (Nigeria)", "Unidentified Ethnic Militia (Nigeria)", "", "", "missing KB entry"),
    ("CV: Red Command", "Civilians (Brazil)", "", "", "KB entry not found"),
    ("Civilians (Colombia)", "ELN: National Liberation Army", "", "", "named for generic"),
    ("Police Forces of Afghanistan (2014-)", "Civilians (Afghanistan)", "", "", "wrong type"),
])
def test_each_actor_error_has_its_kind(gold, predicted, gold_other, predicted_other, kind) -> None:
    assert kinds.kind(gold, predicted, gold_other, predicted_other, KNOWN) == kind
