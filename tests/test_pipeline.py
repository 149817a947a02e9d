import pytest

from eventdesk.errors import ConfigError
from eventdesk.pipeline import STAGES, Stage, check_order


def test_stage_order_is_checked_when_the_pipeline_is_built():
    check_order(STAGES)
    misordered = (STAGES[1], STAGES[0], *STAGES[2:])
    with pytest.raises(ConfigError, match="casing"):
        check_order(misordered)


def test_every_stage_declares_what_it_adds():
    assigned = set()
    for stage in STAGES:
        assert isinstance(stage, Stage) and stage.assigns
        assigned |= stage.assigns
    assert "result" in assigned


def test_a_component_that_reads_a_layer_written_later_is_refused_at_build_time():
    names = [s.name for s in STAGES]
    actors, trigger = names.index("actors"), names.index("trigger")
    swapped = list(STAGES)
    swapped[actors], swapped[trigger] = swapped[trigger], swapped[actors]
    with pytest.raises(ConfigError, match="trigger.*actors"):
        check_order(swapped)


def test_a_misspelt_layer_is_refused_at_build_time():
    bad = Stage("typo", frozenset({"sentence"}), frozenset({"tolls"}), lambda docs, services: list(docs))
    with pytest.raises(ConfigError, match="unknown layers.*sentence"):
        check_order((*STAGES[:3], bad))


def test_each_extraction_question_has_its_component_and_package():
    from eventdesk.extract import COMPONENTS

    by_name = {c.name: c for c in COMPONENTS}
    for name, layer in (("places", "places"), ("actors", "actors"), ("trigger", "triggers"), ("scope", "verdicts"),
                        ("dates", "dates"), ("tolls", "tolls"), ("assembly", "result")):
        assert layer in by_name[name].assigns
    # a newcomer finds where the death toll is read from the folder names alone
    import eventdesk.extract.tolls.count as tolls

    assert hasattr(tolls, "count_fatalities")
