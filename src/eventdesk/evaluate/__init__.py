"""Scoring the pipeline against gold data (procedures of ../shared/eval/README.md).

One adapter per gold set: ``acled`` (coders' notes, one article a distinct note), ``ged`` (UCDP GED
headlines), ``muc`` (MUC-4 whole wire reports with their answer-key templates), ``plover`` (PLOVER's
coded news sentences). Each turns the gold
into articles, runs the pipeline through a ``Runner`` and scores the events it returns."""

from eventdesk.evaluate._scores import EvalReport, FieldScore, Grouping, km, normalise_actor
from eventdesk.evaluate.acled import ACLED_FIELDS, evaluate_acled
from eventdesk.evaluate.ged import GED_FIELDS, _ged_side, evaluate_ged
from eventdesk.evaluate.muc import MUC_FIELDS, MucReportCard, evaluate_muc
from eventdesk.evaluate.plover import PLOVER_FIELDS, evaluate_plover

__all__ = [
    "FieldScore", "EvalReport", "Grouping", "ACLED_FIELDS", "GED_FIELDS", "evaluate_acled", "evaluate_ged", "evaluate_muc",
    "MUC_FIELDS", "MucReportCard", "PLOVER_FIELDS", "evaluate_plover",
    "normalise_actor", "km", "_ged_side",
]
