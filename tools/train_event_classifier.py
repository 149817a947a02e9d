"""Train the event-sentence classifier: does a sentence with violent words report a specific incident?

Data (openly licensed, never ACLED's): the MUC-4 development reports and answer keys in
``../shared/eval/muc4/dev`` (as redistributed in the MIT-licensed xinyadu/gtt repository). The sentences
are the ones the scope component judges: the pipeline's own sentences of the recased reading that carry
trigger vocabulary and an ACLED cue. Labels, by distant supervision from the keys:

* positive: a sentence of a report with a scored incident (ACCOMPLISHED ATTACK, BOMBING, KIDNAPPING or
  ARSON, not optional) that quotes one of that incident's key strings (perpetrator, target, instrument);
* negative: every such sentence of a report whose key has no incident at all;
* other sentences are left out (unlabelled).

Model: a spaCy ``textcat`` with the bag-of-words architecture (unigrams and bigrams of the lower-cased
words): CPU-fast, small. ``tst1`` and ``tst2`` are held out: their figures are printed, never tuned on.

Usage: python tools/train_event_classifier.py [--muc ../shared/eval/muc4] [--out src/eventdesk/data/models/event_sentences]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventdesk.document import ArticleDoc  # noqa: E402
from eventdesk.evaluate._muc_data import read_keys, read_reports  # noqa: E402
from eventdesk.evaluate.muc import scored  # noqa: E402
from eventdesk.extract.trigger.classify import has_cue  # noqa: E402
from eventdesk.ingest import content_hash  # noqa: E402
from eventdesk.model import Article  # noqa: E402
from eventdesk.pipeline import TEXT_STAGES  # noqa: E402
from eventdesk.services import Services  # noqa: E402
from eventdesk.settings import Settings  # noqa: E402

LABELS = ("EVENT", "OTHER")


def candidate_sentences(folder: Path, services) -> list[tuple[str, str | None]]:
    """(sentence text as read, label or None) for every candidate sentence of a MUC-4 set."""
    return [(t, y) for _, t, y in report_sentences(folder, services)]


def report_sentences(folder: Path, services) -> list[tuple[str, str, str | None]]:
    """(report id, sentence text as read, label or None) for every candidate sentence of a MUC-4 set."""
    reports = read_reports(folder)
    keys = read_keys(folder, {r.id: r.published for r in reports})
    stages = [s for s in TEXT_STAGES if s.name in ("clean", "casing", "sentences")]
    out: list[tuple[str, str, str | None]] = []
    for report in reports:
        if not report.text.strip():
            continue
        article = Article(id=report.id, raw=report.text, kind="text", origin=report.origin,
                          content_hash=content_hash(report.text), published=report.published)
        docs = [ArticleDoc(article)]
        for stage in stages:
            docs = stage.run_batch(docs, services)
        doc = docs[0]
        if doc.error:
            continue
        templates = keys.get(report.id, [])
        strings = [q.lower() for t in templates if scored(t) for q in t.strings if len(q) >= 4]
        for sentence in doc.sentences:
            text = doc.reading.text[sentence.span.start:sentence.span.end]
            if not sentence.triggers or not has_cue(text):
                continue
            if not templates:
                out.append((report.id, text, "OTHER"))
            elif strings and any(q in text.lower() for q in strings):
                out.append((report.id, text, "EVENT"))
            else:
                out.append((report.id, text, None))
    return out


def train(examples: list[tuple[str, str]], epochs: int, seed: int):
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
        "no_output_layer": False, "length": 262144}})
    for label in LABELS:
        textcat.add_label(label)
    data = [Example.from_dict(nlp.make_doc(t), {"cats": {lab: float(lab == y) for lab in LABELS}})
            for t, y in examples]
    random.Random(seed).shuffle(data)
    optimizer = nlp.initialize(lambda: data)
    for _ in range(epochs):
        random.Random(seed).shuffle(data)
        for i in range(0, len(data), 32):
            nlp.update(data[i:i + 32], sgd=optimizer, drop=0.2)
    return nlp


def evaluate(nlp, examples: list[tuple[str, str]], threshold: float) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for doc, (_, gold) in zip(nlp.pipe([t for t, _ in examples]), examples):
        said = doc.cats["EVENT"] >= threshold
        tp += said and gold == "EVENT"
        fp += said and gold == "OTHER"
        fn += (not said) and gold == "EVENT"
        tn += (not said) and gold == "OTHER"
    return {"precision": round(tp / max(tp + fp, 1), 3), "recall": round(tp / max(tp + fn, 1), 3),
            "negatives_kept_out": round(tn / max(tn + fp, 1), 3), "n": len(examples)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--muc", default=str(ROOT.parent / "shared" / "eval" / "muc4"))
    ap.add_argument("--out", default=str(ROOT / "src" / "eventdesk" / "data" / "models" / "event_sentences"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    services = Services.load(Settings(progress=False))
    muc = Path(args.muc)
    dev = [(t, y) for t, y in candidate_sentences(muc / "dev", services) if y]
    held = [(t, y) for f in ("tst1", "tst2") for t, y in candidate_sentences(muc / f, services) if y]
    print(f"dev sentences: {len(dev)} ({sum(y == 'EVENT' for _, y in dev)} EVENT); held-out: {len(held)} "
          f"({sum(y == 'EVENT' for _, y in held)} EVENT)")
    nlp = train(dev, args.epochs, args.seed)
    report = {f"threshold {th}": {"dev": evaluate(nlp, dev, th), "tst1+tst2": evaluate(nlp, held, th)}
              for th in (0.1, 0.2, 0.3, 0.5)}
    print(json.dumps(report, indent=2))
    out = Path(args.out)
    nlp.meta.update({"name": "event_sentences", "version": "1.0.0",
                     "description": "eventdesk: does a sentence with violent words report a specific incident?",
                     "sources": ["MUC-4 dev reports and keys (xinyadu/gtt, MIT licence)"],
                     "eventdesk_training": {"script": "tools/train_event_classifier.py", "epochs": args.epochs,
                                            "seed": args.seed, "figures": report}})
    nlp.to_disk(out)
    print(f"model written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
