import pytest

from eventdesk.errors import ConfigError
from eventdesk.pipeline import STAGES, Stage, check_order


def test_stage_order_is_checked_when_the_pipeline_is_built():
    check_order(STAGES)
    misordered = (STAGES[1], STAGES[0], *STAGES[2:])
    with pytest.raises(ConfigError, match="metadata"):
        check_order(misordered)


def test_every_stage_declares_what_it_adds():
    assigned = set()
    for stage in STAGES:
        assert isinstance(stage, Stage) and stage.assigns
        assigned |= stage.assigns
    assert "result" in assigned
