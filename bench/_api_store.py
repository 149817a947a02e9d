"""A large store for ``bench_api.py``, synthesised through the store's own write path.

The reports come from ``bench_fuse.generate`` (events over four years in 40 countries of 10
provinces each, Zipf-skewed, 1-6 reports per event with the noise real reports have: a date a day
off, no place, another toll, another sub-event type of the family). Each article becomes an
``ArticleResult`` as the stages would produce it: a cleaned text that holds each report's evidence
sentence at its span, filler sentences, a dropped boilerplate block, now and then a rejected
sentence, a MinHash signature (so syndication runs), and a claim about the toll in the outlet's own
voice or attributed to a speaker. They are stored with ``Store.add_results`` and fused as
``app.fuse_new`` fuses (``fuse.fuse`` over the stored mentions, the change log from
``fuse.changes.diff``, written by ``Store.apply_fusion``), all at once rather than incrementally
(which gives the same events, ten times slower), so events, their links, disputed fields, claims
ledger and change log are the real ones.

    python bench/_api_store.py --mentions 20000 --db out/api-small.db
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SLOT = 300
"""Characters per report in an article: report ``k``'s evidence sentence starts at ``SLOT * k``."""
SPEAKERS = ("police spokesman Ali Hassan", "the provincial governor", "local officials", "a hospital source",
            "the ministry of defence", "residents")
VOCABULARY = tuple(f"{a}{b}{c}" for a in ("ba", "ka", "mo", "tu", "ri", "se") for b in ("lan", "dor", "vis", "mek")
                   for c in ("a", "o", "im", "es", "un"))
"""Filler words: every article's filler is its own, so articles are not near-duplicates of one another."""
BOILERPLATE = "Share this article on social media. Subscribe to our newsletter."


def _filler(rng: random.Random, size: int) -> str:
    """Sentences of random words, at least ``size`` characters."""
    text = ""
    while len(text) < size:
        text += " ".join(rng.choices(VOCABULARY, k=rng.randint(8, 16))).capitalize() + ". "
    return text


def _text_at(rng: random.Random, parts: list[tuple[int, str]]) -> str:
    """A text with each ``(start, sentence)`` at its offset, filler between and after."""
    text = ""
    for start, sentence in parts:
        gap = start - len(text)
        text += _filler(rng, gap)[:gap - 1] + " " if gap > 0 else ""
        text += sentence
    return text + " " + _filler(rng, 300)


def build_results(rows: list[tuple], sources: dict, seed: int):
    """``ArticleResult``s from ``bench_fuse.generate`` rows (mention id, order, mention, text, published)."""
    from eventdesk.fuse.syndication import signature
    from eventdesk.model import (
        Article, ArticleResult, CleanArticle, Claim, Dropped, PublicationDate, Rejection, Sentence, Span,
    )

    rng = random.Random(seed)
    by_article: dict[str, list[tuple]] = defaultdict(list)
    for mid, _order, mention, text, published in rows:
        by_article[mention.article_id].append((int(mid.split("#")[1]), mention, text, published))
    for aid, reports in by_article.items():
        reports.sort(key=lambda r: r[0])
        parts, mentions, sentences = [], [], []
        for k, mention, words, _ in reports:
            sentence = (words[: SLOT - 60].capitalize() + ".")
            span = Span(aid, SLOT * k, SLOT * k + len(sentence))
            deaths = mention.fatalities.best
            if rng.random() < 0.5:
                claim = Claim("fatalities", str(deaths), "asserted", span)
            else:
                claim = Claim("fatalities", str(deaths), "attributed", span, speaker=rng.choice(SPEAKERS))
            mentions.append(replace(mention, sentences=(span,), type_evidence=span, claims=(claim,),
                                    notes=f"{sentence[:120]} ({deaths} fatalities reported)"))
            parts.append((SLOT * k, sentence))
            sentences.append(Sentence(span, tuple(words.split()[:2])))
        text = _text_at(rng, parts)
        rejections = ()
        if rng.random() < 0.2:
            start = len(text) - 200
            rejections = (Rejection(Span(aid, start, start + 90), "background: not the reported event"),)
        source = sources[aid]
        digest = hashlib.sha256(text.encode()).hexdigest()
        article = Article(id=aid, raw=text, kind="text", origin=f"bench:{aid}", content_hash=digest,
                          published=source.published, outlet=source.outlet, url=f"https://news.example/{aid}",
                          title=text[:60], language="en")
        clean = CleanArticle(article, text, (Dropped(BOILERPLATE, "boilerplate", 1),), headline=text[:60])
        yield ArticleResult(clean, PublicationDate(source.published, "manifest"), tuple(sentences),
                            tuple(mentions), rejections, signature(text))


def build_store(db: Path, mentions: int, *, seed: int = 11, log=print) -> dict:
    """Generate about ``mentions`` reports, store and fuse them into ``db`` (which must not exist)."""
    from bench_fuse import generate

    from eventdesk.fuse import Item, fuse
    from eventdesk.fuse.changes import diff
    from eventdesk.store import RunSummary, Store

    t0 = time.perf_counter()
    rows, _truth, sources, stats = generate(mentions, seed)
    log(f"generated {len(rows)} reports of {stats['events']} events in {stats['articles']} articles"
        f" ({time.perf_counter() - t0:.0f} s)")
    t1 = time.perf_counter()
    with Store.open(db) as store:
        run_id = store.start_run({"bench": "bench_api"}, pipeline_version="bench")
        batch = []
        stored = 0
        for result in build_results(rows, sources, seed):
            batch.append(result)
            if len(batch) == 500:
                stored += sum(1 for i in store.add_results(batch, pipeline_version="bench") if i)
                batch = []
        stored += sum(1 for i in store.add_results(batch, pipeline_version="bench") if i)
        del rows
        t2 = time.perf_counter()
        log(f"stored {stored} articles ({t2 - t1:.0f} s)")
        items = {s.id: Item.of(s.id, s.order, s.mention, text=s.evidence, published=s.published)
                 for s in store.stored_mentions(store.unfused_mentions())}
        by_mention = {id(i.mention): i.id for i in items.values()}
        events = fuse(items.values(), store.sources(sorted({i.article for i in items.values()})))
        log(f"clustered {len(items)} mentions into {len(events)} events ({time.perf_counter() - t2:.0f} s)")
        after = {e.event_id: frozenset(by_mention[id(m)] for m in e.mentions) for e in events}
        for start in range(0, len(events), 5000):
            chunk = events[start:start + 5000]
            store.apply_fusion(chunk, diff({}, {e.event_id: after[e.event_id] for e in chunk}), run_id=run_id)
        t3 = time.perf_counter()
        totals = store.totals()
        store.finish_run(run_id, RunSummary(stored, stored, 0, (), totals["events"], 0))
    log(f"fused into {totals['events']} events ({t3 - t2:.0f} s)")
    return {"mentions": mentions, "seed": seed, "articles": stored, **totals,
            "generate_s": round(t1 - t0, 1), "store_s": round(t2 - t1, 1), "fuse_s": round(t3 - t2, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    if args.db.exists():
        sys.exit(f"{args.db} exists; remove it first")
    args.db.parent.mkdir(parents=True, exist_ok=True)
    print(build_store(args.db, args.mentions, seed=args.seed))


if __name__ == "__main__":
    main()
