"""Train the learned dating model: is an undated act outside a report's lead the report's news?

Data (openly licensed, never ACLED's): the MUC-4 development reports and answer keys in
``../shared/eval/muc4/dev`` (as redistributed in the MIT-licensed xinyadu/gtt repository). The pipeline
runs on each report twice: with the rules alone, and with a recorder in place of the model, which
records every undated act the pipeline asks about (``learned_dating.UndatedAct``) and dates it by the
report, its events tagged. Labels, by distant supervision from the keys, as ``evaluate.muc`` scores:

* positive: one of the act's events recalls (type family, date within a week) a scored template that
  the rules alone miss;
* negative: any act of a report whose key has no template at all (dated, it could be a false event);
* ``--negatives all`` also makes negative the acts of reports with templates that recall no missed one;
  by default they are left out (unlabelled: dated, they change neither figure).

Model: logistic regression (numpy, L2) over ``act_features``, restricted to ``--families``; features
seen fewer than ``--min-count`` times are dropped. Two of its features are probabilities of textcats:
the event-sentence classifier's (``train_event_classifier``) for the act's sentence and a report
classifier's (does the report's key have any template?, trained here and shipped beside the weights).
Families and threshold are chosen by 5-fold cross-validation on dev, by report, both textcats trained
again on the other folds, scored as the MUC-4 evaluation scores: templates recalled and no-template
reports given a false violent event, against the rules alone (the simulation gives what ``eventdesk
eval muc`` gives). ``tst1`` and ``tst2`` are held out: their figures are printed, never tuned on.

Usage: python tools/train_dating_model.py [--muc ../shared/eval/muc4] [--cache DIR] [--families incident,report]
       [--cv-only] [--out src/eventdesk/data/models/undated_news]
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from eventdesk.evaluate._muc_data import read_keys, read_reports  # noqa: E402
from eventdesk.evaluate.muc import VIOLENT_NOT_BATTLES, match, scored  # noqa: E402
from eventdesk.extract.assembly.learned_dating import (  # noqa: E402
    LEARNED_HOW, REPORT_CHARS, UndatedAct, act_features, logistic, report_score, select)
from eventdesk.ingest import content_hash  # noqa: E402
from eventdesk.model import Article, ArticleResult, EventDate  # noqa: E402

TAG = f"{LEARNED_HOW} #"
THRESHOLDS = (0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
FOLDS = 5


class Recorder:
    """Stands in for the model: records each act it is asked about and dates it by the report, tagged."""

    def __init__(self) -> None:
        self.acts: list[UndatedAct] = []
        self._lock = threading.Lock()

    def date_of(self, act: UndatedAct, published):
        with self._lock:
            self.acts.append(act)
            n = len(self.acts) - 1
        return EventDate(published, 2, None, f"{TAG}{n}")


def collect(folder: Path) -> list[dict]:
    """Per report of a MUC-4 set: its scored templates, whether it has none at all, the events of the
    rules alone (a run without the model), and each undated act with the events it gives when dated
    by the report (a run with the recorder: there every act is dated)."""
    from eventdesk.app import process
    from eventdesk.services import Services
    from eventdesk.settings import Settings

    services = Services.load(Settings(progress=False))
    reports = read_reports(folder)
    keys = read_keys(folder, {r.id: r.published for r in reports})
    articles = [Article(id=r.id, raw=r.text, kind="text", origin=r.origin, content_hash=content_hash(r.text),
                        published=r.published, outlet="FBIS") for r in reports if r.text.strip()]
    rules = {r.clean.id: r for r in process(articles, services) if isinstance(r, ArticleResult)}
    services.undated_news = Recorder()
    results = {r.clean.id: r for r in process(articles, services) if isinstance(r, ArticleResult)}
    out = []
    for report in reports:
        res = results.get(report.id)
        acts: dict[int, list] = {}
        for e in res.events if res else ():
            if e.date and e.date.how.startswith(TAG):
                acts.setdefault(int(e.date.how[len(TAG):]), []).append(e)
        out.append({"id": report.id, "text": res.clean.text if res else "",
                    "templates": [t for t in keys.get(report.id, []) if scored(t)],
                    "no_template": not keys.get(report.id),
                    "rules": list(rules[report.id].events) if report.id in rules else [],
                    "acts": [(services.undated_news.acts[n], evs) for n, evs in sorted(acts.items())]})
    return out


def label(report: dict, families: tuple[str, ...], negatives: str) -> list[tuple[tuple[str, ...], int | None]]:
    """The features and label (1, 0 or None: unlabelled) of each undated act of a report."""
    feats = features(report, families)
    if report["no_template"]:
        return [(f, 0) for f in feats]
    found = match(report["templates"], report["rules"])
    missed = [t for i, t in enumerate(report["templates"]) if i not in found]
    out = []
    for f, (_, evs) in zip(feats, report["acts"]):
        if missed and match(missed, evs):
            out.append((f, 1))
        else:
            out.append((f, 0 if negatives == "all" and report["templates"] else None))
    return out


def features(report: dict, families: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [select(act_features(a, s, report["report_score"]), families)
            for (a, _), s in zip(report["acts"], report["incident"])]


def fit(examples: list[tuple[tuple[str, ...], int]], l2: float, min_count: int, epochs: int = 400):
    import numpy as np

    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)))
    for r, (feats, _) in enumerate(examples):
        for f in feats:
            if f in index:
                x[r, index[f]] = 1.0
    y = np.array([lab for _, lab in examples], dtype=float)
    w, b = np.zeros(len(vocab)), 0.0
    lr, n = 0.5, max(len(examples), 1)
    for _ in range(epochs):  # full-batch gradient descent on the mean log loss plus L2
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = p - y
        w -= lr * (x.T @ g / n + l2 * w)
        b -= lr * float(g.mean())
    return {f: round(float(w[i]), 5) for i, f in enumerate(vocab) if abs(w[i]) > 1e-5}, round(b, 5)


def outcome(reports: list[dict], accepted) -> dict[str, int]:
    """What the MUC-4 scorer would count with the acts ``accepted(report id, act index)`` dated:
    templates recalled and no-template reports with a false violent event, and the rules' own figures."""
    recalled = rules_recalled = false = rules_false = templates = blank = 0
    for r in reports:
        extra = [e for i, (_, evs) in enumerate(r["acts"]) if accepted(r["id"], i) for e in evs]
        if r["no_template"]:
            blank += 1
            base = any(e.event_type in VIOLENT_NOT_BATTLES for e in r["rules"])
            rules_false += base
            false += base or any(e.event_type in VIOLENT_NOT_BATTLES for e in extra)
            continue
        templates += len(r["templates"])
        rules_recalled += len(match(r["templates"], r["rules"]))
        recalled += len(match(r["templates"], r["rules"] + extra))
    return {"templates": templates, "recalled": recalled, "rules_recalled": rules_recalled,
            "gained": recalled - rules_recalled, "no_template_reports": blank, "false": false,
            "rules_false": rules_false, "false_added": false - rules_false}


def folds_of(reports: list[dict], folds: int = FOLDS, seed: int = 13) -> dict[str, int]:
    """Each report's fold (by report: no report's acts are both trained and tested on)."""
    order = [r["id"] for r in reports]
    random.Random(seed).shuffle(order)
    return {rid: i % folds for i, rid in enumerate(order)}


def cross_validate(reports: list[dict], families: tuple[str, ...], negatives: str, l2: float, min_count: int,
                   seed: int, folds: int = FOLDS) -> dict[float, dict[str, int]]:
    fold = folds_of(reports, folds, seed)
    probs: dict[tuple[str, int], float] = {}  # (report, act) -> its out-of-fold probability
    for k in range(folds):
        train = [(f, y) for r in reports if fold[r["id"]] != k for f, y in label(r, families, negatives)
                 if y is not None]
        weights, bias = fit(train, l2, min_count)
        for r in reports:
            if fold[r["id"]] == k:
                probs.update({(r["id"], i): logistic(weights, bias, f) for i, f in enumerate(features(r, families))})
    return {th: outcome(reports, lambda rid, i, th=th: probs[(rid, i)] >= th) for th in THRESHOLDS}


def train_textcat(examples: list[tuple[str, str]]):
    from train_event_classifier import train

    return train(examples, 8, 13)


def scores(reports: list[dict], folder: Path, cache: Path | None, shipped: Path | None, seed: int = 13) -> None:
    """Each act's ``incident`` (the event-sentence classifier's probability for its sentence) and each
    report's ``report_score`` (the report classifier's). For the dev reports both are out of fold: the
    classifiers are trained again on the other folds' reports (the shipped event-sentence classifier
    was trained on all of dev, the shipped report classifier is). For held-out reports (``shipped``:
    the folder of the report classifier trained on all of dev), the shipped ones."""
    path = cache / f"dating-scores-{folder.name}-{seed}.pkl" if cache else None
    if path is not None and path.exists():
        incident, report = pickle.loads(path.read_bytes())
    elif shipped is not None:
        import spacy

        from eventdesk.extract.scope.learned import EventClassifier

        clf, nlp = EventClassifier.load(), spacy.load(shipped)
        incident = {r["id"]: clf.scores([a.sentence for a, _ in r["acts"]]) for r in reports}
        report = {r["id"]: report_score(nlp, r["text"]) for r in reports}
    else:
        from train_event_classifier import report_sentences

        from eventdesk.services import Services
        from eventdesk.settings import Settings

        fold = folds_of(reports, FOLDS, seed)
        sentences = report_sentences(folder, Services.load(Settings(progress=False)))
        incident, report = {}, {}
        for k in range(FOLDS):
            nlp = train_textcat([(t, y) for rid, t, y in sentences if y and fold.get(rid) != k])
            reps = train_textcat(report_examples([r for r in reports if fold[r["id"]] != k]))
            for r in reports:
                if fold[r["id"]] == k:
                    incident[r["id"]] = [d.cats.get("EVENT", 0.0) for d in nlp.pipe([a.sentence for a, _ in r["acts"]])]
                    report[r["id"]] = report_score(reps, r["text"])
    if path is not None and shipped is None:
        path.write_bytes(pickle.dumps((incident, report)))
    for r in reports:
        r["incident"], r["report_score"] = incident[r["id"]], report[r["id"]]


def report_examples(reports: list[dict]) -> list[tuple[str, str]]:
    """The report classifier's examples: a report with a template at all tells an incident (EVENT),
    one with none does not (OTHER); as ``report_score`` reads them."""
    return [(r["text"][:REPORT_CHARS].lower(), "OTHER" if r["no_template"] else "EVENT")
            for r in reports if r["text"].strip()]


def load_or_collect(folder: Path, cache: Path | None) -> list[dict]:
    path = cache / f"dating-acts-{folder.name}.pkl" if cache else None
    if path is not None and path.exists():
        return pickle.loads(path.read_bytes())
    reports = collect(folder)
    if path is not None:
        path.write_bytes(pickle.dumps(reports))
    return reports


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--muc", default=str(ROOT.parent / "shared" / "eval" / "muc4"))
    ap.add_argument("--out", default=str(ROOT / "src" / "eventdesk" / "data" / "models" / "undated_news"))
    ap.add_argument("--cache", default=None, help="folder to keep the recorded acts in between runs")
    ap.add_argument("--families", default="incident,report",
                    help="the kinds of feature the model reads (act_features: incident, report, tense, type, w, ...)")
    ap.add_argument("--negatives", choices=("no-template", "all"), default="no-template")
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--threshold", type=float, default=None, help="default: the best cross-validated one")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--seed", type=int, default=13, help="of the folds (by report)")
    args = ap.parse_args(argv)
    muc, cache = Path(args.muc), Path(args.cache) if args.cache else None
    families = tuple(args.families.split(","))
    dev = load_or_collect(muc / "dev", cache)
    scores(dev, muc / "dev", cache, None, args.seed)
    labelled = [(f, y) for r in dev for f, y in label(r, families, args.negatives) if y is not None]
    print(f"dev: {sum(len(r['acts']) for r in dev)} undated acts, {sum(y for _, y in labelled)} positive, "
          f"{sum(1 - y for _, y in labelled)} negative; rules alone: {json.dumps(outcome(dev, lambda r, i: False))}")
    print(f"dev, every act dated: {json.dumps(outcome(dev, lambda r, i: True))}")
    cv = cross_validate(dev, families, args.negatives, args.l2, args.min_count, args.seed)
    for th, o in cv.items():
        print(f"cv dev threshold {th}: +{o['gained']} templates, +{o['false_added']} false reports")
    # the threshold: most templates gained net of twice the false reports added (+N for at most +N/2)
    threshold = args.threshold or max(THRESHOLDS, key=lambda th: (cv[th]["gained"] - 2 * cv[th]["false_added"], th))
    if args.cv_only:
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if "report" in families:
        nlp = train_textcat(report_examples(dev))
        nlp.meta.update({"name": "undated_news_reports", "version": "1.0.0",
                         "description": "eventdesk: does a report tell a specific incident (MUC-4 key has one)?",
                         "sources": ["MUC-4 dev reports and keys (xinyadu/gtt, MIT licence)"]})
        nlp.to_disk(out / "reports")
    weights, bias = fit(labelled, args.l2, args.min_count)
    dev_probs = {(r["id"], i): logistic(weights, bias, f) for r in dev for i, f in enumerate(features(r, families))}
    held = []
    for name in ("tst1", "tst2"):
        reports = load_or_collect(muc / name, cache)
        scores(reports, muc / name, cache, out / "reports")
        held += reports
    held_probs = {(r["id"], i): logistic(weights, bias, f) for r in held for i, f in enumerate(features(r, families))}
    figures = {"threshold": threshold, "cv_dev": {str(th): o for th, o in cv.items()},
               "dev_in_sample": outcome(dev, lambda r, i: dev_probs[(r, i)] >= threshold),
               "tst1+tst2": outcome(held, lambda r, i: held_probs[(r, i)] >= threshold),
               "tst1+tst2_every_act_dated": outcome(held, lambda r, i: True)}
    print(json.dumps({k: v for k, v in figures.items() if k != "cv_dev"}, indent=1))
    (out / "model.json").write_text(json.dumps({
        "name": "undated_news", "version": "1.0.0",
        "description": "eventdesk: is an undated act outside a report's lead the report's news (dated by the report)?",
        "sources": ["MUC-4 dev reports and keys (xinyadu/gtt, MIT licence)"],
        "training": {"script": "tools/train_dating_model.py", "seed": args.seed, "negatives": args.negatives,
                     "l2": args.l2,
                     "min_count": args.min_count, "examples": len(labelled),
                     "positives": sum(y for _, y in labelled), "figures": figures},
        "families": list(families), "threshold": threshold, "bias": bias,
        "weights": dict(sorted(weights.items()))}, indent=1) + "\n")
    print(f"model written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
