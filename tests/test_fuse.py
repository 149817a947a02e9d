"""Fusion as pure functions: hard limits, scoring, order independence, field fusion, change log,
near-duplicates. Synthetic mentions; the pipeline-level cases are in test_fusion_golden.py."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.fuse import Item, cluster, compare, event_for, fuse
from eventdesk.fuse.changes import diff
from eventdesk.fuse.syndication import band_keys, signature, similarity
from eventdesk.model import Actor, Claim, EventDate, EventMention, Fatalities, Place, Source, Span

BAIJI = ("Iraq", "Salah Al-Din", "Bayji", 34.93, 43.49)
TIKRIT = ("Iraq", "Salah Al-Din", "Tikrit", 34.61, 43.68)
TARMIYAH = ("Iraq", "Baghdad", "At Tarmiyah", 33.67, 44.39)


def mention(article, day, where=BAIJI, *, sub="Armed clash", etype="Battles", a1="Islamic State (Iraq)",
            a2="Popular Mobilization Forces", deaths=None, precision=1, geo=1, claims=()):
    place = None if where is None else Place(where[0], where[1], "", where[2], where[3], where[4], geo)
    date = None if day is None else EventDate(dt.date(2021, 5, day), precision)
    fat = Fatalities() if deaths is None else Fatalities(deaths, deaths, deaths, Span(article, 0, 5), "exact")
    return EventMention(article, etype, sub, (Span(article, 0, 10),), date, place, Actor(a1, 2),
                        Actor(a2, 3) if a2 else None, fatalities=fat, claims=claims)


def item(m, n=0, published=None, text="militants attacked a position near the town"):
    return Item.of(f"{m.article_id}#{n}", f"{m.article_id}-hash#{n}", m, text=text, published=published)


def test_same_day_same_town_same_actors_fuse():
    score = compare(item(mention("a", 2)), item(mention("b", 2)))
    assert score is not None and score.fuses and "date: same day" in score.agreed


def test_hard_limits_keep_reports_apart():
    base = item(mention("a", 2))
    assert compare(base, item(mention("a", 2), 1)) is None  # same article
    assert compare(base, item(mention("b", 5))) is None  # three days apart at day precision
    assert compare(base, item(mention("b", 2, TARMIYAH))) is None  # another province
    assert compare(base, item(mention("b", 2, etype="Protests", sub="Peaceful protest"))) is None
    far = ("Iraq", "Salah Al-Din", "Samarra", 34.2, 43.87)
    assert compare(base, item(mention("b", 2, far))) is None  # two towns 80 km apart


def test_week_precision_widens_the_date_window():
    assert compare(item(mention("a", 2)), item(mention("b", 6, precision=2))) is not None


def test_missing_place_is_neutral_but_undated_needs_strong_content():
    assert compare(item(mention("a", 2)), item(mention("b", 2, None))).fuses
    undated = compare(item(mention("a", 2)), item(mention("b", None)))
    assert undated.by_content and undated.fuses  # same town, both actors, same type
    other = item(mention("b", None, a2="Military Forces of Iraq"), text="soldiers came under fire overnight")
    weak = compare(item(mention("a", 2)), other)
    assert weak.by_content and not weak.fuses


def test_a_report_matching_two_events_does_not_chain_them():
    # two clashes two days apart in Baiji; a week-precise report is close to both
    items = [item(mention("a", 2)), item(mention("b", 4)), item(mention("c", 3, precision=2))]
    groups = cluster(items)
    assert sorted(len(g.items) for g in groups) == [1, 2]


def test_a_report_joins_reports_an_analyst_merged_when_it_matches_one_of_them():
    # a and b disagree on the day (apart by a hard limit); an analyst merged them. c is a copy of a.
    a, b, c = item(mention("a", 2)), item(mention("b", 6)), item(mention("c", 2))
    merged = {("a#0", "b#0"): "must"}
    assert [len(g.items) for g in cluster([a, b, c], merged)] == [3]
    assert sorted(len(g.items) for g in cluster([a, b, c])) == [1, 2]  # without the review: c joins a
    # a report allowed with neither merged report stays apart, and one the analyst split off too
    far = item(mention("d", 14))
    assert sorted(len(g.items) for g in cluster([a, b, far], merged)) == [1, 2]
    split = {**merged, ("a#0", "c#0"): "cannot"}
    assert sorted(len(g.items) for g in cluster([a, b, c], split)) == [1, 2]
    # between reports no analyst merged, every pair must still be allowed: d (day 3) is within a
    # day of a (day 2) and of e (day 4), but a and e are two days apart
    e = item(mention("e", 4))
    assert sorted(len(g.items) for g in cluster([a, item(mention("d", 3)), e])) == [1, 2]


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_fusion_with_analysts_merges_does_not_depend_on_input_order(rng):
    items = _corpus(random.Random(11))
    ids = sorted(i.id for i in items)
    merged = {(min(x, y), max(x, y)): "must" for x, y in zip(ids[::7], ids[3::7]) if x != y}
    shuffled = items[:]
    rng.shuffle(shuffled)

    def key(events):
        return sorted((e.event_id, tuple(sorted(s.article_id for s in e.sources))) for e in events)

    assert key(fuse(shuffled, {}, merged)) == key(fuse(items, {}, merged))


def test_fused_fields_conservative_toll_and_disputes():
    unknown = Claim("fatalities", "", "unknown", Span("c", 0, 10))
    ms = [mention("a", 2, deaths=8), mention("b", 2, deaths=11, a1="Unidentified Armed Group (Iraq)"),
          mention("c", 2, None, claims=(unknown,))]
    (event,) = fuse([item(m) for m in ms], {})
    f = event.fields
    assert (f.fatalities.best, f.fatalities.low, f.fatalities.high) == (8, 8, 11)
    assert f.actor1.name == "Islamic State (Iraq)"  # a named actor before a generic one
    assert f.place.location == "Bayji"
    assert event.disputed == ("fatalities",)
    assert event.source_count == 3 and len(event.links) == 2


def test_revised_toll_wins_and_is_kept_with_its_date():
    first = mention("a", 4, deaths=12)
    later = mention("b", 4, deaths=20, claims=(Claim("fatalities", "20", "attributed", Span("b", 0, 9),
                                                      "health officials", revised=True),))
    sources = {"a": Source("a", published=dt.date(2021, 5, 4)), "b": Source("b", published=dt.date(2021, 5, 5))}
    items = [item(first, published=dt.date(2021, 5, 4)), item(later, published=dt.date(2021, 5, 5))]
    (event,) = fuse(items, sources)
    assert (event.fields.fatalities.best, event.fields.fatalities.low, event.fields.fatalities.high) == (20, 12, 20)
    assert [s.article_id for s in event.sources] == ["a", "b"]  # earliest published first


def test_coordination_doubted_by_one_source_is_disputed():
    said = Claim("coordinated_with", "Government of Syria", "attributed", Span("a", 0, 5), "a spokesman")
    doubt = Claim("coordinated_with", "Government of Syria", "doubted", Span("b", 0, 5), "an analyst")
    (event,) = fuse([item(mention("a", 2, claims=(said,))), item(mention("b", 2, claims=(doubt,)))], {})
    assert "coordinated_with" in event.disputed


def _corpus(rng: random.Random) -> list[Item]:
    places = [BAIJI, TIKRIT, TARMIYAH, None]
    out = []
    for n in range(14):
        m = mention(f"art{n:02d}", rng.choice([2, 2, 3, 9]), rng.choice(places),
                    a2=rng.choice(["Popular Mobilization Forces", "Military Forces of Iraq"]),
                    deaths=rng.choice([None, 2, 3]))
        out.append(item(m))
    return out


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False))
def test_fusion_does_not_depend_on_input_order(rng):
    items = _corpus(random.Random(7))
    shuffled = items[:]
    rng.shuffle(shuffled)

    def key(events):
        return sorted((e.event_id, tuple(sorted(s.article_id for s in e.sources)), e.disputed) for e in events)

    assert key(fuse(shuffled, {})) == key(fuse(items, {}))


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_adding_an_unrelated_report_changes_no_event(seed):
    items = _corpus(random.Random(seed))
    before = {e.event_id: e for e in fuse(items, {})}
    protest = mention("zz", 2, BAIJI, etype="Protests", sub="Peaceful protest", a1="Protesters (Iraq)", a2=None)
    after = {e.event_id: e for e in fuse(items + [item(protest)], {})}
    assert all(after[eid].fields == e.fields and after[eid].mentions == e.mentions for eid, e in before.items())


def test_event_for_is_named_by_its_earliest_report():
    a, b = mention("a", 2), mention("b", 2)
    early = [item(a, published=dt.date(2021, 5, 2)), item(b, published=dt.date(2021, 5, 3))]
    late_first = [item(a, published=dt.date(2021, 5, 4)), item(b, published=dt.date(2021, 5, 3))]
    (g1,) = cluster(early)
    (g2,) = cluster(late_first)
    assert event_for(g1, {}).event_id != event_for(g2, {}).event_id
    (alone,) = cluster([early[0]])
    assert event_for(alone, {}).event_id == event_for(g1, {}).event_id  # a later report keeps the id


def test_change_log_kinds():
    before = {"E1": frozenset({"a#0"}), "E2": frozenset({"b#0"}), "E3": frozenset({"c#0", "d#0"})}
    after = {"E1": frozenset({"a#0", "b#0", "n#0"}), "E3": frozenset({"c#0"}), "E4": frozenset({"d#0"}),
             "E5": frozenset({"x#0"})}
    kinds = {(k, e) for k, e, _ in diff(before, after)}
    assert ("merged", "E1") in kinds and ("retired", "E2") in kinds
    assert ("split", "E3") in kinds and ("created", "E5") in kinds
    retired = next(d for k, e, d in diff(before, after) if k == "retired")
    assert retired["into"] == "E1"
    assert diff(before, before) == []
    assert diff({"E1": frozenset({"a#0"})}, {"E1": frozenset({"a#0", "b#0"})}) == [
        ("attached", "E1", {"mentions": ["b#0"]})]


def test_near_duplicates_by_minhash():
    story = ("A suicide bomber blew himself up at a checkpoint north of Baghdad on Sunday, killing five members "
             "of the security forces and wounding seven, police sources said. ") * 2
    copy = "Reprinted from Wire One. " + story + " Share this story."
    other = "Farmers in the south said the harvest was better than last year despite the drought and heat."
    assert similarity(signature(story), signature(copy)) >= 0.6
    assert similarity(signature(story), signature(other)) < 0.2
    assert set(band_keys(signature(story))) & set(band_keys(signature(copy)))
    assert signature(story) == signature(story)  # deterministic across calls


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_blocking_finds_exactly_the_pairs_within_tolerance_and_region(seed):
    from eventdesk.fuse import BlockIndex, date_tolerance

    rng = random.Random(seed)
    places = [BAIJI, TIKRIT, TARMIYAH, ("Iraq", "", "Iraq", 33.0, 44.0), None]
    items = [
        item(mention(f"b{n:02d}", rng.choice([None, 1, 2, 3, 5, 20, 28]), rng.choice(places),
                     precision=rng.choice([1, 1, 2, 3]), a1=rng.choice(["Islamic State (Iraq)", "Unidentified"]),
                     a2=rng.choice(["Popular Mobilization Forces", "Military Forces of Iraq", None])),
             published=dt.date(2021, 5, 28))
        for n in range(25)
    ]
    index = BlockIndex(items)
    seen = {a.id: [o.id for o in index.candidates(a) if o.day is not None] for a in items if a.day is not None}
    for a in items:
        if a.day is None:
            continue
        assert len(seen[a.id]) == len(set(seen[a.id]))  # each at most once
        found = set(seen[a.id]) | {o for o, theirs in seen.items() if a.id in theirs}  # from either side
        expected = {
            o.id for o in items
            if o is not a and o.day is not None
            and abs(o.day - a.day) <= date_tolerance(max(a.precision, o.precision))
            and (not a.country or not o.country or (a.country == o.country and (
                not a.admin1 or not o.admin1 or a.admin1 == o.admin1)))
            and ((a.country and o.country) or {a.actor1, a.actor2} & {o.actor1, o.actor2} - {""})
        }
        assert found == expected


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_apart_is_exactly_the_hard_limits_of_compare(seed):
    """The clusterer checks group compatibility with ``apart`` on ``limits_key`` representatives
    instead of ``compare`` on every pair: the two must agree, and equal keys must behave alike."""
    from eventdesk.fuse._score import apart, limits_key

    rng = random.Random(seed)
    places = [BAIJI, TIKRIT, TARMIYAH, ("Iraq", "", "Iraq", 33.0, 44.0), None]
    items = [
        item(mention(f"p{n % 9:02d}", rng.choice([None, 1, 2, 3, 9, 28]), rng.choice(places),
                     etype=rng.choice(["Battles", "Battles", "Protests"]), precision=rng.choice([1, 2, 3]),
                     a1=rng.choice(["Islamic State (Iraq)", "Unidentified"]),
                     a2=rng.choice(["Popular Mobilization Forces", None]), geo=rng.choice([1, 2, 3])), n)
        for n in range(30)
    ]
    by_key: dict = {}
    for a in items:
        for b in items:
            if a is b:
                continue
            assert (compare(a, b) is None) == (a.article == b.article or apart(a, b))
            verdict = by_key.setdefault((limits_key(a), limits_key(b)), apart(a, b))
            assert verdict == apart(a, b)
