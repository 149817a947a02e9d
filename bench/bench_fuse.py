"""Benchmark: cross-article fusion (``eventdesk.fuse``) at 10k, 100k and 1M event mentions.

Fusing N mentions must not compare all pairs. Each size is generated with known truth: real-world
events over four years in 40 countries of 10 provinces each (Zipf-skewed, so a few provinces hold
many events a day: the hard case of different events on one day in one province), each reported
by 1-6 articles with the noise real reports have (a date a day off or only a week or month, no
date, no place or only the province, other death figures, a generic actor for a named one, another
sub-event type of the family, different wording). Generation is not timed.

Each size runs in its own process (so peak RSS is per size) and times building the ``Item``s,
``cluster`` and ``event_for`` for every group. We report mentions per second, how each phase grows
from one size to the next (log(t2/t1) / log(n2/n1): 1.0 is linear, 2.0 is all pairs), the pairs
the blocking yields and scores per mention (``links_of`` over a sample of 20,000 mentions, also
timed to estimate ``links_of`` for all of them), and the
pairwise precision, recall and F1 of the groups against the truth.

``cluster`` is stopped after ``--timeout`` seconds and then reported as a lower bound; the sampled
pass (before ``cluster``) still estimates what ``links_of``, most of ``cluster``, would take.
``event_for`` is timed as ``fuse`` calls it, with the whole ``sources`` mapping; when that would
take longer than ``--budget`` seconds it is timed on the first groups and extrapolated (marked
``event_for_extrapolated``). It is also timed with each group's own sources only.

    python bench/bench_fuse.py --sizes 10000,100000,1000000 --out out/bench_fuse.json
    python bench/bench_fuse.py --quick
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import resource
import signal
import subprocess
import sys
import time
from collections import Counter
from itertools import accumulate
from pathlib import Path

DAYS = 4 * 365 + 1
FIRST_DAY = dt.date(2020, 1, 1).toordinal()
PROVINCES = 10
TOWNS = 12
COUNTRIES = (
    "Syria", "Ukraine", "Myanmar", "Nigeria", "Democratic Republic of Congo", "Sudan", "Mexico", "Yemen",
    "Iraq", "Afghanistan", "Somalia", "Mali", "Burkina Faso", "Pakistan", "India", "Colombia", "Brazil",
    "Ethiopia", "Cameroon", "Libya", "Mozambique", "Niger", "South Sudan", "Philippines", "Central African Republic",
    "Chad", "Kenya", "Lebanon", "Palestine", "Bangladesh", "Haiti", "Venezuela", "Uganda", "Burundi", "Egypt",
    "Iran", "Turkey", "Nepal", "Azerbaijan", "Armenia",
)
SUBTYPES: dict[str, tuple[tuple[str, float, str], ...]] = {
    # event type -> (sub-event type, weight within the type, words a report of it uses)
    "Battles": (
        ("Armed clash", 0.85, "clashes fighting fighters exchanged gunfire gunbattle"),
        ("Government regains territory", 0.08, "recaptured retook troops regained control"),
        ("Non-state actor overtakes territory", 0.07, "seized overran captured fighters control"),
    ),
    "Explosions/Remote violence": (
        ("Shelling/artillery/missile attack", 0.4, "shelling artillery mortar rockets shells"),
        ("Air/drone strike", 0.3, "airstrike drone warplanes strike aircraft"),
        ("Remote explosive/landmine/IED", 0.2, "roadside bomb explosive device blast detonated"),
        ("Suicide bomb", 0.04, "suicide bomber blew explosive vest blast"),
        ("Grenade", 0.06, "grenade thrown blast injured"),
    ),
    "Violence against civilians": (
        ("Attack", 0.75, "gunmen attacked killed villagers shot"),
        ("Abduction/forced disappearance", 0.2, "kidnapped abducted gunmen taken missing"),
        ("Sexual violence", 0.05, "assaulted women raped survivors"),
    ),
    "Protests": (
        ("Peaceful protest", 0.85, "protesters rally marched demonstrators demanding"),
        ("Protest with intervention", 0.12, "police dispersed protesters arrested demonstrators"),
        ("Excessive force against protesters", 0.03, "security forces fired protesters killed"),
    ),
    "Riots": (
        ("Violent demonstration", 0.6, "rioters burned tyres stones clashed"),
        ("Mob violence", 0.4, "mob lynched angry residents beat"),
    ),
    "Strategic developments": (
        ("Arrests", 0.3, "arrested detained raid suspects"),
        ("Looting/property destruction", 0.25, "looted torched houses destroyed"),
        ("Disrupted weapons use", 0.15, "defused seized weapons cache"),
        ("Headquarters or base established", 0.1, "established base positions deployed"),
        ("Agreement", 0.1, "agreement ceasefire signed truce"),
        ("Other", 0.1, "announced officials statement"),
    ),
}
TYPE_WEIGHTS = {"Battles": 0.24, "Explosions/Remote violence": 0.2, "Violence against civilians": 0.15,
                "Protests": 0.27, "Riots": 0.06, "Strategic developments": 0.08}
PAIRS_SAMPLE = 20000
"""Mentions whose candidates are counted (against the index of all): pairs with an undated side
are counted from the sampled side, so they weigh up to twice what they do in ``cluster``."""
REPORTS_WEIGHTS = (0.50, 0.25, 0.12, 0.07, 0.04, 0.02)  # articles per event: 1..6
_SYLLABLES = ("ka ra bu al mi do sha ten zu lo ne qa fi ur ba sa ti mo ha jo le wa ni ku de ya go pi "
              "ru se kha dar mar tal zan bir gul hin").split()


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return list(accumulate(1 / (r + 1) ** s for r in range(n)))


class World:
    """Countries, provinces, towns, actors and vocabularies; everything a generated mention
    points at is built once here and shared between mentions (memory stays per mention)."""

    def __init__(self, rng: random.Random) -> None:
        from eventdesk.fuse import FAMILIES_TYPES, family_of
        from eventdesk.model import Actor

        used: set[str] = set()

        def name(parts: int) -> str:
            while True:
                word = "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()
                if word.lower() not in used:
                    used.add(word.lower())
                    return word

        self.country_cw = _zipf(len(COUNTRIES))
        self.province_cw = _zipf(PROVINCES)
        self.town_cw = _zipf(TOWNS, 0.8)
        self.provinces: list[list[tuple[str, float, float]]] = []  # per country: (name, lat, lon)
        self.towns: list[list[list[tuple[str, float, float]]]] = []  # per country, province
        self.named: list[list[Actor]] = []  # per country: armed actors, military first
        self.generic: list[dict[str, Actor]] = []
        for country in COUNTRIES:
            clat, clon = rng.uniform(-30, 50), rng.uniform(-100, 120)
            provs, towns = [], []
            for _ in range(PROVINCES):
                plat, plon = clat + rng.uniform(-3, 3), clon + rng.uniform(-3, 3)
                provs.append((name(3), plat, plon))
                towns.append([(name(3), plat + rng.uniform(-0.6, 0.6), plon + rng.uniform(-0.6, 0.6))
                              for _ in range(TOWNS)])
            self.provinces.append(provs)
            self.towns.append(towns)
            self.named.append(
                [Actor(f"Military Forces of {country} (2019-)", 1), Actor(f"Police Forces of {country} (2019-)", 1)]
                + [Actor(f"{name(3)} {kind}", 2) for kind in ("Liberation Front", "Brigade", "Movement",
                                                             "Army", "Resistance")]
                + [Actor(f"{name(3)} Militia ({country})", 4) for _ in range(3)]
            )
            self.generic.append({kind: Actor(f"{kind} ({country})", inter) for kind, inter in
                                 (("Unidentified Armed Group", 3), ("Civilians", 7), ("Protesters", 6),
                                  ("Rioters", 5))})
        self.specific = [name(4).lower() for _ in range(30000)]
        self.common = [name(3).lower() for _ in range(3000)]
        self.common_cw = _zipf(len(self.common))
        self.types = list(TYPE_WEIGHTS)
        self.types_cw = list(accumulate(TYPE_WEIGHTS.values()))
        self.subtypes = {t: [s for s, _, _ in subs] for t, subs in SUBTYPES.items()}
        self.subtypes_cw = {t: list(accumulate(w for _, w, _ in subs)) for t, subs in SUBTYPES.items()}
        self.words = {s: words.split() for subs in SUBTYPES.values() for s, _, words in subs}
        self.reports_cw = list(accumulate(REPORTS_WEIGHTS))
        self.family_subtypes = {  # event type -> every (type, sub-event type) of its family
            t: [(tt, s) for tt in FAMILIES_TYPES[family_of(t)] for s in self.subtypes[tt]] for t in SUBTYPES
        }


def _actors(rng: random.Random, world: World, c: int, event_type: str):
    named, generic = world.named[c], world.generic[c]
    armed = named[:1] + named[2:]
    if event_type == "Battles":
        a1, a2 = rng.sample(armed, 2)
    elif event_type == "Explosions/Remote violence":
        a1 = rng.choice(armed) if rng.random() < 0.7 else generic["Unidentified Armed Group"]
        a2 = generic["Civilians"] if rng.random() < 0.5 else rng.choice([a for a in armed if a is not a1])
    elif event_type == "Violence against civilians":
        a1 = rng.choice(named[2:]) if rng.random() < 0.6 else generic["Unidentified Armed Group"]
        a2 = generic["Civilians"]
    elif event_type == "Protests":
        a1, a2 = generic["Protesters"], (named[1] if rng.random() < 0.2 else None)
    elif event_type == "Riots":
        a1, a2 = generic["Rioters"], (named[1] if rng.random() < 0.5 else generic["Civilians"])
    else:
        a1 = rng.choice(named)
        a2 = rng.choice([a for a in named if a is not a1]) if rng.random() < 0.5 else None
    return a1, a2


def _deaths(rng: random.Random, event_type: str) -> int:
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return 0 if rng.random() < 0.45 else min(300, int(rng.paretovariate(1.1)))
    if event_type in ("Riots", "Protests"):
        return rng.randint(1, 3) if rng.random() < 0.05 else 0
    return 0


def generate(n: int, seed: int = 7):
    """About ``n`` mentions: (rows, truth, sources, stats). A row is (mention id, order, mention,
    evidence text, publication date); ``truth`` maps a mention id to its real event's number."""
    from eventdesk.fuse import family_of
    from eventdesk.model import EventDate, EventMention, Fatalities, Place, Source, Span

    rng = random.Random(seed)
    world = World(rng)
    places: dict[tuple, Place] = {}
    dates: dict[tuple[int, int], EventDate] = {}
    figures: dict[tuple[int, str], Fatalities] = {}
    reports: list[tuple] = []  # (country, day, tie, event, report)
    event = 0
    hard: Counter[tuple] = Counter()
    units: set[tuple] = set()
    while len(reports) < n:
        c = rng.choices(range(len(COUNTRIES)), cum_weights=world.country_cw)[0]
        p = rng.choices(range(PROVINCES), cum_weights=world.province_cw)[0]
        t = rng.choices(range(TOWNS), cum_weights=world.town_cw)[0]
        day = FIRST_DAY + rng.randrange(DAYS)
        etype = rng.choices(world.types, cum_weights=world.types_cw)[0]
        sub = rng.choices(world.subtypes[etype], cum_weights=world.subtypes_cw[etype])[0]
        a1, a2 = _actors(rng, world, c, etype)
        unit = (c, p, t, day, sub, a1, a2)
        if unit in units:  # ACLED codes these as one event: not two truths that nothing could split
            continue
        units.add(unit)
        deaths = _deaths(rng, etype)
        specific = rng.sample(world.specific, 4)
        hard[(family_of(etype), day, c, p)] += 1
        for _ in range(1 + rng.choices(range(6), cum_weights=world.reports_cw)[0]):
            if len(reports) == n:
                break
            reports.append((c, day, rng.random(), event, (p, t, etype, sub, a1, a2, deaths, specific)))
        event += 1

    # articles: most carry one report; some are round-ups of 2-3 events in one country within 2 days
    reports.sort(key=lambda r: r[:3])
    articles: list[list[tuple]] = []
    for r in reports:
        last = articles[-1] if articles else None
        if (last and last[0][0] == r[0] and len(last) < 3 and r[1] - last[0][1] <= 2
                and all(o[3] != r[3] for o in last) and rng.random() < 0.15):
            last.append(r)
        else:
            articles.append([r])
    del reports, units
    rng.shuffle(articles)

    rows: list[tuple] = []
    truth: dict[str, int] = {}
    sources: dict[str, object] = {}
    for number, group in enumerate(articles):
        aid = f"a{number}"
        digest = hashlib.sha1(f"{seed}/{number}".encode()).hexdigest()
        published = 0
        made = []
        for k, (c, day, _, ev, (p, t, etype, sub, a1, a2, deaths, specific)) in enumerate(group):
            # the report's date
            roll = rng.random()
            if roll < 0.03:
                date, lag = None, rng.randint(1, 5)
            else:
                lag = rng.randint(0, 2)
                if roll < 0.11:
                    key = (day + rng.choice((-1, 1)), 1)
                elif roll < 0.13:
                    key = (day + rng.randint(-3, 3), 2)
                elif roll < 0.14:
                    key = (dt.date.fromordinal(day).replace(day=15).toordinal(), 3)
                else:
                    key = (day, 1)
                date = dates.get(key) or dates.setdefault(key, EventDate(dt.date.fromordinal(key[0]), key[1]))
                lag = max(lag, key[0] - day)
            published = max(published, day + lag)
            # the report's place
            roll = rng.random()
            if roll < 0.10:
                place = None
            else:
                key = (c, p, None if roll < 0.22 else t, 2 if 0.22 <= roll < 0.30 else 1)
                place = places.get(key)
                if place is None:
                    prov, plat, plon = world.provinces[c][p]
                    town, lat, lon = world.towns[c][p][t] if key[2] is not None else (prov, plat, plon)
                    place = places.setdefault(key, Place(COUNTRIES[c], prov, "", town, lat, lon,
                                                         3 if key[2] is None else key[3]))
            # type, actors, deaths as this report tells them
            if rng.random() < 0.12:
                etype, sub = rng.choice(world.family_subtypes[etype])
            if a1 is not None and a1.inter == 2 and rng.random() < 0.15:
                a1 = world.generic[c]["Unidentified Armed Group"]
            if a2 is not None and rng.random() < 0.10:
                a2 = None
            roll = rng.random()
            if deaths and roll < 0.25:
                best, how = max(1, round(deaths * rng.uniform(0.5, 1.6))), "exact"
            elif deaths and roll < 0.40:
                best, how = 0, "none reported"
            elif deaths and roll < 0.45:
                best, how = 0, "unknown"
            else:
                best, how = deaths, ("exact" if deaths else "none reported")
            fatal = figures.get((best, how)) or figures.setdefault((best, how), Fatalities(best, None, None, None, how))
            # evidence wording: the type's words, some of the event's own, the place, common words
            words = rng.sample(world.words[sub], 3) + [w for w in specific if rng.random() < 0.6]
            if place is not None:
                words.append(place.location.lower())
            words += rng.choices(world.common, cum_weights=world.common_cw, k=rng.randint(5, 9))
            rng.shuffle(words)
            text = " ".join(words)
            mid = f"{aid}#{k}"
            mention = EventMention(
                article_id=aid, event_type=etype, sub_event_type=sub,
                sentences=(Span(aid, 300 * k, 300 * k + len(text)),), date=date, place=place,
                actor1=a1, actor2=a2, fatalities=fatal, confidence=round(rng.uniform(0.4, 0.9), 2),
            )
            made.append((mid, f"{digest}#{k}", mention, text))
            truth[mid] = ev
        pub = dt.date.fromordinal(published)
        sources[aid] = Source(aid, outlet=f"Outlet {number % 97}", published=pub)
        rows.extend((mid, order, mention, text, pub) for mid, order, mention, text in made)
    stats = {
        "events": event,
        "articles": len(articles),
        "events_sharing_family_day_province": sum(v for v in hard.values() if v > 1),
        "max_events_one_family_day_province": max(hard.values()),
    }
    return rows, truth, sources, stats


def pair_quality(groups, truth: dict[str, int]) -> dict:
    """Pairwise precision / recall / F1 from pair counts (never enumerating pairs)."""
    sizes = Counter(truth.values())
    predicted = correct = exact = 0
    for g in groups:
        labels = Counter(truth[item.id] for item in g.items)
        predicted += math.comb(len(g.items), 2)
        correct += sum(math.comb(k, 2) for k in labels.values())
        if len(labels) == 1 and sizes[next(iter(labels))] == len(g.items):
            exact += 1
    actual = sum(math.comb(k, 2) for k in sizes.values())
    p = correct / predicted if predicted else 1.0
    r = correct / actual if actual else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "pairs_predicted": predicted, "pairs_true": actual, "pairs_correct": correct,
            "groups": len(groups), "events_true": len(sizes), "events_exact": exact,
            "events_exact_share": exact / len(sizes)}


def wrong_pairs(groups, truth: dict[str, int]) -> dict[str, int]:
    """Pairs fused across two real events, by what the two reports have in common."""
    kinds: Counter[str] = Counter()
    for g in groups:
        if len({truth[item.id] for item in g.items}) < 2:
            continue
        for i, x in enumerate(g.items):
            for y in g.items[i + 1:]:
                if truth[x.id] == truth[y.id]:
                    continue
                if not x.country or not y.country:
                    kinds["a side without place"] += 1
                elif x.day is None or y.day is None:
                    kinds["a side without date"] += 1
                elif x.location == y.location:
                    kinds["same location" + (", same day" if x.day == y.day else "")] += 1
                else:
                    kinds["same province, other location"] += 1
    return dict(kinds.most_common())


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout


def _emit(res: dict) -> None:
    """One JSON line per finished phase: the parent keeps the last, so a run that is stopped
    still reports what it measured."""
    print(json.dumps(res), flush=True)


def pairs_pass(items: list, seed: int) -> dict:
    """Candidates yielded and pairs scored per mention, from ``links_of`` over a sample of the
    mentions against the index of all of them (instrumented, so its time is an estimate)."""
    import eventdesk.fuse._cluster as clustering
    from eventdesk.fuse import BlockIndex, links_of

    counts = {"candidates": 0, "scored": 0}
    real = clustering.compare

    def counted(a, b):
        counts["scored"] += 1
        return real(a, b)

    t0 = time.perf_counter()
    index = BlockIndex(items)
    index_s = time.perf_counter() - t0
    lookup = index.candidates

    def candidates(item):
        for other in lookup(item):
            counts["candidates"] += 1
            yield other

    index.candidates = candidates
    sample = random.Random(seed).sample(items, min(len(items), PAIRS_SAMPLE))
    sample.sort(key=lambda i: i.order)
    clustering.compare = counted
    try:
        t0 = time.perf_counter()
        links = links_of(sample, index)
        spent = time.perf_counter() - t0
    finally:
        clustering.compare = real
    return {"index_s": index_s, "pairs_sample": len(sample), "links_of_sample_s": spent,
            "links_of_estimated_s": spent * len(items) / len(sample),
            "candidates_per_mention": counts["candidates"] / len(sample),
            "scored_pairs_per_mention": counts["scored"] / len(sample),
            "fusing_pairs_per_mention": len(links) / len(sample)}


def run_size(n: int, seed: int, budget: float, timeout: float, pairs: bool) -> dict:
    from eventdesk.fuse import Item, cluster, event_for

    t0 = time.perf_counter()
    rows, truth, sources, stats = generate(n, seed)
    res: dict = {"mentions": len(rows), **stats, "generate_s": time.perf_counter() - t0,
                 "rss_after_generate_mib": _rss_mib()}

    t0 = time.perf_counter()
    items = [Item.of(mid, order, m, text=text, published=pub) for mid, order, m, text, pub in rows]
    res["items_s"] = time.perf_counter() - t0
    del rows
    _emit(res)

    if pairs:
        res.update(pairs_pass(items, seed))
        _emit(res)

    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        groups = cluster(items)
    except _Timeout:
        res["cluster_timed_out_after_s"] = time.perf_counter() - t0
        res["peak_rss_mib"] = _rss_mib()
        return res
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    res["cluster_s"] = time.perf_counter() - t0
    res["quality"] = pair_quality(groups, truth)
    res["quality"]["wrong_pairs_by_kind"] = wrong_pairs(groups, truth)
    _emit(res)

    # event_for as fuse() calls it (the whole sources mapping), within the time budget
    t0 = time.perf_counter()
    done = 0
    for g in groups:
        event_for(g, sources)
        done += 1
        if done % 64 == 0 and time.perf_counter() - t0 > budget:
            break
    spent = time.perf_counter() - t0
    res["event_for_s"] = spent * len(groups) / done
    res["event_for_extrapolated"] = done < len(groups)
    res["event_for_groups_timed"] = done

    # event_for given each group's own sources only
    t0 = time.perf_counter()
    events = [event_for(g, {i.article: sources[i.article] for i in g.items}) for g in groups]
    res["event_for_own_sources_s"] = time.perf_counter() - t0
    res["total_s"] = res["items_s"] + res["cluster_s"] + res["event_for_s"]
    res["total_own_sources_s"] = res["items_s"] + res["cluster_s"] + res["event_for_own_sources_s"]
    res["mentions_per_s"] = len(items) / res["total_s"]
    res["mentions_per_s_own_sources"] = len(items) / res["total_own_sources_s"]
    res["peak_rss_mib"] = _rss_mib()
    del events
    return res


def _seconds(run: dict, key: str) -> tuple[float | None, bool]:
    """A phase's seconds and whether that is only a lower bound (``cluster`` was stopped)."""
    if key in run:
        return run[key], False
    stopped = run.get("cluster_timed_out_after_s")
    if stopped is None:
        return None, False
    if key == "cluster_s":
        return stopped, True
    if key in ("total_s", "total_own_sources_s"):
        return run["items_s"] + stopped, True
    return None, False


def growth(runs: list[dict], key: str) -> list[dict | None]:
    """log(t2/t1) / log(n2/n1) between consecutive sizes; ``at_least`` when t2 is a lower bound."""
    out = []
    for a, b in zip(runs, runs[1:]):
        (ta, lower_a), (tb, lower_b) = _seconds(a, key), _seconds(b, key)
        if not ta or not tb or lower_a:
            out.append(None)
            continue
        out.append({"exponent": math.log(tb / ta) / math.log(b["mentions"] / a["mentions"]), "at_least": lower_b})
    return out


PHASES = ("items_s", "links_of_estimated_s", "cluster_s", "event_for_s", "event_for_own_sources_s", "total_s",
          "total_own_sources_s")


def render(result: dict) -> str:
    runs = result["runs"]
    head = ["mentions"] + [f"{r['mentions']:,}" for r in runs]
    rows = [head]

    def add(label, fmt, get):
        values = []
        for r in runs:
            try:
                v = get(r)
            except (KeyError, TypeError):
                v = None
            values.append("-" if v is None else fmt(v))
        rows.append([label, *values])

    def seconds(key):
        def show(r):
            v, lower = _seconds(r, key)
            return None if v is None else (f"> {v:.1f} (stopped)" if lower else f"{v:.2f}")
        return show

    add("generate s (not timed)", "{:.1f}".format, lambda r: r["generate_s"])
    add("build Items s", "{:.2f}".format, lambda r: r["items_s"])
    add("cluster s", str, seconds("cluster_s"))
    add("  links_of s, est. from sample", "{:.2f}".format, lambda r: r.get("links_of_estimated_s"))
    add("event_for s (all sources)", str, lambda r: f"{r['event_for_s']:.2f}"
        + (" (extrapolated)" if r["event_for_extrapolated"] else ""))
    add("event_for s (own sources)", "{:.2f}".format, lambda r: r.get("event_for_own_sources_s"))
    add("total s", str, seconds("total_s"))
    add("total s (own sources)", str, seconds("total_own_sources_s"))
    add("mentions/s", "{:,.0f}".format, lambda r: r.get("mentions_per_s"))
    add("mentions/s (own sources)", "{:,.0f}".format, lambda r: r.get("mentions_per_s_own_sources"))
    add("peak RSS MiB", "{:,.0f}".format, lambda r: r.get("peak_rss_mib"))
    add("candidates/mention", "{:.1f}".format, lambda r: r.get("candidates_per_mention"))
    add("scored pairs/mention", "{:.1f}".format, lambda r: r.get("scored_pairs_per_mention"))
    add("fusing pairs/mention", "{:.2f}".format, lambda r: r.get("fusing_pairs_per_mention"))
    add("precision", "{:.3f}".format, lambda r: r["quality"]["precision"])
    add("recall", "{:.3f}".format, lambda r: r["quality"]["recall"])
    add("F1", "{:.3f}".format, lambda r: r["quality"]["f1"])
    add("events exactly recovered", "{:.1%}".format, lambda r: r["quality"]["events_exact_share"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
             for row in rows]
    if len(runs) > 1:
        lines.append("")
        lines.append("growth exponent (1.0 linear, 2.0 all pairs): " + ", ".join(
            f"{a['mentions']:,}->{b['mentions']:,}" for a, b in zip(runs, runs[1:])))
        for key in PHASES:
            cells = ["-" if g is None else (">=" if g["at_least"] else "") + f"{g['exponent']:.2f}"
                     for g in result["growth"][key]]
            lines.append(f"  {key:<26}" + "  ".join(f"{c:>6}" for c in cells))
    return "\n".join(lines)


def _child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    lines = out.stdout.strip().splitlines()
    if not lines:
        raise SystemExit(f"bench child failed (exit {out.returncode}):\n{out.stderr}")
    res = json.loads(lines[-1])
    if out.returncode:
        res["stopped"] = f"exit {out.returncode}: {out.stderr.strip()[-500:]}"
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated mention counts")
    ap.add_argument("--quick", action="store_true", help="a smoke run: sizes 2000,10000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--budget", type=float, default=120.0,
                    help="seconds for event_for with all sources before extrapolating")
    ap.add_argument("--timeout", type=float, default=1500.0,
                    help="seconds after which cluster is stopped (reported as a lower bound)")
    ap.add_argument("--no-pairs", action="store_true", help="skip the sampled pass counting pairs")
    ap.add_argument("--out", default="out/bench_fuse.json")
    ap.add_argument("--role", choices=["size"])
    ap.add_argument("--size", type=int)
    a = ap.parse_args()
    if a.role == "size":
        _emit(run_size(a.size, a.seed, a.budget, a.timeout, not a.no_pairs))
        return
    sizes = [2000, 10000] if a.quick else [int(s) for s in a.sizes.split(",")]
    runs = []
    for n in sizes:
        args = ["--role", "size", "--size", str(n), "--seed", str(a.seed), "--budget", str(a.budget),
                "--timeout", str(a.timeout)]
        runs.append(_child(args + (["--no-pairs"] if a.no_pairs else [])))
        result = {"seed": a.seed, "runs": runs, "growth": {key: growth(runs, key) for key in PHASES}}
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(result, indent=2))  # after every size: a stopped run keeps the rest
        total, lower = _seconds(runs[-1], "total_s")
        print(f"fused {n:,} mentions: {'> ' if lower else ''}{total or 0:.1f} s", file=sys.stderr, flush=True)
        if "stopped" in runs[-1]:
            print(f"size {n:,} stopped: {runs[-1]['stopped']}", file=sys.stderr, flush=True)
    print(render(result))
    if any("stopped" in run for run in runs):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
