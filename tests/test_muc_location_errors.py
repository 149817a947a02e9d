"""tools/muc_location_errors.py: each location error of a MUC-4 evaluation falls into one kind."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "tools" / "muc_location_errors.py"
_spec = importlib.util.spec_from_file_location("muc_location_errors", _PATH)
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)  # type: ignore[union-attr]


@pytest.mark.parametrize(("gold", "predicted", "evidence", "kind"), [
    ("EL SALVADOR (COUNTRY)", "", "THE PRIESTS WERE MURDERED ON 16 NOVEMBER.", "no place, key names only the country"),
    ("PERU (COUNTRY): LIMA (CITY)", "", "A BUS WAS BLOWN UP BY A BOMB.", "no place"),
    ("COLOMBIA (COUNTRY)", "Miami | Florida | United States (precision 1)", "HE SPENDS HIS TIME IN MIAMI.",
     "wrong country, key names only the country"),
    ("SPAIN (COUNTRY): SEVILLE (CITY)", "Madrid | Cundinamarca | Colombia (precision 1)", "THE ATTACK IN MADRID",
     "wrong country"),
    ("PERU (COUNTRY): SANTO TOMAS DE PATA (TOWN)", "Santo Tomas | Cusco | Peru (precision 1)",
     "IN THE TOWNS OF SANTO TOMAS DE PATA, PULLUHUAMAN", "key place in the sentence, another chosen"),
    ("COLOMBIA (COUNTRY): MEDELLIN (CITY) / COLOMBIA (COUNTRY): BELLO (CITY)",
     "Bogota | Distrito Capital de Bogota | Colombia (precision 2)", "THE GUNMEN FLED.", "key place not in the sentence"),
])
def test_kind(gold, predicted, evidence, kind):
    assert tool.kind(gold, predicted, evidence) == kind


def test_the_tally_reads_only_location_rows(tmp_path, capsys):
    errors = tmp_path / "errors.csv"
    errors.write_text("report,template,field,gold,predicted,evidence\n"
                      "DEV-1,1,location,EL SALVADOR (COUNTRY),,THEY WERE KILLED.\n"
                      "DEV-1,1,perpetrator,FMLN,,THEY WERE KILLED.\n", encoding="utf-8")
    assert tool.main([str(errors)]) == 0
    out = capsys.readouterr().out
    assert "1 location errors" in out and "    1  no place, key names only the country" in out
