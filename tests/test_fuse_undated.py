"""Undated reports of one province: blocking pairs them only within the look-back window of each
other's publication, nearest first and at most ``UNDATED_PEERS`` a mention, from either side, so
fusing many of them costs pairs in proportion to their number, not its square (issue 18)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

import eventdesk.app as app
import eventdesk.fuse._block as block
import eventdesk.fuse._cluster as clustering
import eventdesk.store._fusion as store_fusion
from eventdesk.fuse import UNDATED_LOOKBACK, BlockIndex, cluster
from test_fuse import BAIJI, TARMIYAH, TIKRIT, item, mention
from test_store import make_result, open_store

IRAQ = ("Iraq", "", "Iraq", 33.0, 44.0)
START = dt.date(2021, 5, 1)


def _counting(monkeypatch) -> dict[str, int]:
    counts = {"scored": 0}
    real = clustering.compare

    def counted(*args, **kwargs):
        counts["scored"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(clustering, "compare", counted)
    monkeypatch.setattr(app, "compare", counted)
    return counts


def test_pairs_scored_among_undated_reports_of_one_province_are_capped(monkeypatch):
    monkeypatch.setattr(block, "UNDATED_PEERS", 5)
    counts = _counting(monkeypatch)
    # 240 undated reports of one province from 120 articles, all published the same day: every pair
    # is in each other's window, so only the cap keeps this from 28,680 pairs
    items = [item(mention(f"art{n // 2:03d}", None, BAIJI), n % 2, published=START) for n in range(240)]
    groups = cluster(items)
    assert 0 < counts["scored"] <= 240 * 5 + 240  # and each link kept is scored again for its reasons
    assert len(groups) < 240  # pairs are still found and fused


def test_an_article_s_own_undated_reports_cost_no_pairs(monkeypatch):
    counts = _counting(monkeypatch)
    items = [item(mention("one", None, BAIJI), n, published=START) for n in range(300)]
    assert len(cluster(items)) == 300
    assert counts["scored"] == 0


def test_undated_reports_published_far_apart_are_not_paired(monkeypatch):
    counts = _counting(monkeypatch)
    items = [item(mention(f"a{n}", None, BAIJI), published=START + dt.timedelta(days=(UNDATED_LOOKBACK + 1) * n))
             for n in range(20)]
    assert len(cluster(items)) == 20
    assert counts["scored"] == 0


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_undated_pairs_found_exactly_within_the_windows_from_one_side(seed):
    """Below the cap, a pair with an undated side is found (from at least one side) exactly when it
    could fuse by region and dates: two undated reports published within the look-back of each
    other (or one not dated), a dated report whose day lies in the undated one's window."""
    rng = random.Random(seed)
    places = [BAIJI, TIKRIT, TARMIYAH, IRAQ]
    items = []
    for n in range(30):
        pub = rng.choice([None, *(START + dt.timedelta(days=d) for d in (0, 3, 10, 14, 15, 29, 40))])
        day = rng.choice([None, None, 1, 5, 15, 28])
        items.append(item(mention(f"x{rng.randrange(12):02d}", day, rng.choice(places)), n, published=pub))
    items.sort(key=lambda i: i.order)
    index = BlockIndex(items)
    seen = {a.id: {o.id for o in index.candidates(a)} for a in items}
    for a in items:
        for b in items:
            if a.order >= b.order or (a.day is not None and b.day is not None):
                continue
            found = b.id in seen[a.id] or a.id in seen[b.id]
            region = a.country == b.country and (not a.admin1 or not b.admin1 or a.admin1 == b.admin1)
            if a.day is None and b.day is None:
                dates = a.published is None or b.published is None or abs(a.published - b.published) <= UNDATED_LOOKBACK
            else:
                dated, undated = (a, b) if a.day is not None else (b, a)
                dates = undated.published is None or undated.published - UNDATED_LOOKBACK <= dated.day <= undated.published
            assert found == (region and dates and a.article != b.article), (a.id, b.id)


def _undated_result(article: str, mentions: int, published: dt.date):
    base = make_result(article, mentions=mentions)
    events = tuple(replace(m, date=None) for m in base.events)
    return replace(base, events=events, publication=replace(base.publication, date=published))


def test_a_new_report_in_a_crowded_province_reads_and_scores_a_bounded_number(monkeypatch):
    """The store side: neighbour lookups return at most ``UNDATED_PEERS`` undated mentions, and
    fusing one more undated report into a province of hundreds costs a bounded number of pairs."""
    peers = 8
    monkeypatch.setattr(block, "UNDATED_PEERS", peers)
    monkeypatch.setattr(store_fusion, "UNDATED_PEERS", peers)
    with open_store() as store:
        for n in range(6):
            store.add_result(_undated_result(f"long{n}", 40, dt.date(2024, 4, 30)), pipeline_version="t")
        app.fuse_new(store, store.mention_ids())
        looked: list[int] = []
        real = store_fusion._neighbours  # each lookup made in SQL

        def ids(conn, one):
            found = real(conn, one)
            looked.append(len(found))
            return found

        monkeypatch.setattr(store_fusion, "_neighbours", ids)
        counts = _counting(monkeypatch)
        store.add_result(_undated_result("late", 1, dt.date(2024, 5, 2)), pipeline_version="t")
        events = app.fuse_new(store, store.mention_ids("late"))
        assert looked and max(looked) <= peers
        assert len(looked) <= 7  # one lookup per article (mentions alike in what the lookup reads share it)
        assert counts["scored"] <= 241 * 2 * peers  # 241 mentions stored: all pairs would be 28,920
        assert any("late" in {m.article_id for m in e.mentions} for e in events)
