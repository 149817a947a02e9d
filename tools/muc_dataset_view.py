"""MUC-4 scored on the events an export holds: only events with a date and a place below the country.

Exports hold back an event without a date or with only its country ("held back" in the run summary;
``--include-incomplete`` shows them). ``eventdesk eval muc`` scores every event extracted; this view scores
what a user's dataset holds, beside it. It is not the headline figure: country-only events still match
country-only keys there, so recall falls here as false events do.

Usage: python tools/muc_dataset_view.py ERRORS_CSV SET_FOLDER [SET_FOLDER ...]
  e.g. python tools/muc_dataset_view.py out/muc-dataset-dev.csv ../shared/eval/muc4/dev
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventdesk._library import load_services  # noqa: E402
from eventdesk.app import process  # noqa: E402
from eventdesk.evaluate import evaluate_muc  # noqa: E402
from eventdesk.model import ArticleResult  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    services = load_services(None)

    def run(articles):
        for r in process(list(articles), services):
            if isinstance(r, ArticleResult):
                r = replace(r, events=tuple(e for e in r.events if e.date is not None and e.place is not None))
            yield r

    card = evaluate_muc(argv[1:], run, argv[0])
    for name, score in card.fields.items():
        print(f"{name:>12}: {score.correct}/{score.total}")
    print(f"false violent events: {card.false_violent_reports}/{card.no_template_reports} reports "
          f"({card.false_violent_rate:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
