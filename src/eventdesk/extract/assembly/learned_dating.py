"""The learned dating of undated acts: is an act a report tells with no date of its own the report's news?

A report often tells its incident with no day ("Guerrillas dynamited a power pylon in Usulutan"):
the rules date an undated act by the report only in its lead (``_assemble._report_date``) and leave
the others undated, and so unused, since later undated sentences are as often background. The model
is asked about every act left undated outside the lead: by assembly (no date of its own, of its
paragraph or of the story told before, ``events``) or by scope (a present, perfect or progressive
"without a date", ``scope.modality``). An act it judges news takes the report's date with precision 2
("as reported") and the probability in its ``how`` (``LEARNED_HOW``); it never becomes the story's
reference time (``events._narrative_date``), so each decision is one act's.

The model is a logistic regression over named binary features (``act_features``). Those it reads
(``families`` in its file) were chosen by 5-fold cross-validation by report on MUC-4 dev: the
event-sentence classifier's probability for the act's sentence (``scope.learned``) and a report
classifier's (a spaCy textcat over the report's lower-cased start: does the report tell any incident?),
as cumulative cut features. The other features (where the act is told, its tense and voice, time words,
whether the report dated another event, type, toll, place, words of its sentence) added nothing there.

Trained by ``tools/train_dating_model.py`` on the MUC-4 development reports and keys only (as
redistributed in the MIT-licensed xinyadu/gtt repository, ``../shared/eval/README.md``; never on
ACLED rows), by distant supervision: an undated act that, dated by the report, would recall a key
template the rules miss (type family and date, as ``evaluate.muc`` checks) is news; an act of a report
whose key has no incident is not; the others are left out. Weights, threshold, figures and the report
classifier live in ``data/models/undated_news`` (hashed into the pipeline version). It is **off by
default** (setting ``learned_dating``): cross-validated on dev it gains 23 templates for 7 false
reports, but on the held-out tst1+tst2 one template (110 -> 111 of 144) for two false reports
(12 -> 14 of 84).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date as Date
from importlib import resources

from eventdesk.model import EventDate

__all__ = ["UndatedAct", "DatingModel", "act_features", "logistic", "report_score", "select", "learned_date",
           "LEARNED_HOW", "REPORT_CHARS"]

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_QUOTE = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class UndatedAct:
    """What the pipeline knows of one undated act when assembly must date it or leave it."""

    sentence: str  # the act's first sentence, as read
    words: tuple[str, ...]  # its lower-cased lemmas (alphabetic tokens)
    index: int  # its sentence's index in the report
    sentences: int  # the report's sentence count
    group: int  # the act's index among the report's candidate events
    groups: int
    tense: str  # "simple past", "perfect", "other"
    passive: bool
    dated_before: bool  # an earlier event of the report was dated
    report_dates: bool  # some event sentence of the report has a date of its own
    date_kinds: tuple[str, ...]  # kinds of the date expressions of its sentence (resolve.DateExpr.kind)
    event_type: str
    sub_event_type: str
    cue: str
    deaths: bool
    place: bool
    dateline: str  # how the publication date was found
    year: int | None  # the report's year
    report: str = ""  # the report's text (its first ``REPORT_CHARS`` characters)
    verdict: str = ""  # scope's reason for leaving it undated, when it is taken back ("present perfect ...")


#: how a date the learned model gave starts (``EventDate.how``)
LEARNED_HOW = "as reported (publication date): the learned dating model judges this undated act the report's news"


def learned_date(date: EventDate | None) -> bool:
    """Whether a date is one the learned model gave (an undated act judged the report's news)."""
    return date is not None and date.how.startswith(LEARNED_HOW)


#: how much of a report the report classifier reads
REPORT_CHARS = 4000


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


#: cut points of the event-sentence classifier's probability, as cumulative features
INCIDENT_CUTS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9)


#: cut points of the report classifier's probability, as cumulative features
REPORT_CUTS = (0.3, 0.5, 0.7, 0.8, 0.9, 0.95)


def act_features(act: UndatedAct, incident: float | None = None, report: float | None = None) -> tuple[str, ...]:
    """The act's binary features, as names; ``incident``: the event-sentence classifier's probability
    that its sentence reports a specific incident (``scope.learned``), ``report``: the report
    classifier's that its report tells one; None leaves either out."""
    f = [f"incident>={c}" for c in INCIDENT_CUTS if incident is not None and incident >= c]
    f += [f"report>={c}" for c in REPORT_CUTS if report is not None and report >= c]
    f += [f"sent={_bucket(act.index, (1, 2, 3, 4, 6, 9, 14))}",
         f"rel={_bucket(int(10 * act.index / max(act.sentences, 1)), (1, 3, 5, 7))}",
         f"len={_bucket(act.sentences, (5, 10, 20, 40))}",
         f"group={_bucket(act.group, (0, 1, 2, 4))}",
         f"groups={_bucket(act.groups, (1, 2, 4, 8))}",
         f"tense={act.tense}", f"passive={act.passive}",
         f"dated_before={act.dated_before}", f"report_dates={act.report_dates}",
         f"type={act.event_type}", f"sub={act.sub_event_type}", f"cue={act.cue}",
         f"deaths={act.deaths}", f"place={act.place}", f"dateline={act.dateline}",
         f"quote={bool(_QUOTE.search(act.sentence))}",
         f"dates={bool(act.date_kinds)}", f"verdict={act.verdict.split(' without')[0]}"]
    f += [f"date_kind={k}" for k in sorted(set(act.date_kinds))]
    years = [int(y) for y in _YEAR.findall(act.sentence)]
    if years:
        f.append("year=same" if act.year is not None and act.year in years else "year=other")
    f += sorted({f"w={w}" for w in act.words})
    f.append(f"first_violent={act.group == 0}")
    return tuple(f)


def family(feature: str) -> str:
    return re.split(r">=|=", feature, maxsplit=1)[0]


def select(features: tuple[str, ...], families: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f for f in features if family(f) in families)


def report_score(nlp, text: str) -> float:
    """The report classifier's probability that a report tells a specific incident: it reads the
    lower-cased start of the report (an all-capitals wire reads as its recased reading does)."""
    return nlp(text[:REPORT_CHARS].lower()).cats.get("EVENT", 0.0)


def logistic(weights: dict[str, float], bias: float, features: tuple[str, ...]) -> float:
    z = bias + sum(weights.get(name, 0.0) for name in features)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass(frozen=True)
class DatingModel:
    """A logistic regression over ``act_features``: its weights, bias and decision threshold, and the
    event-sentence classifier whose probability is one of its features (None when it uses none)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    families: tuple[str, ...]  # the kinds of feature it reads (what precedes "=" or ">=")
    incidents: object = None  # extract.scope.learned.EventClassifier
    reports: object = None  # the report classifier: a spaCy textcat, label EVENT

    @classmethod
    def load(cls) -> DatingModel:
        import spacy

        from eventdesk.extract.scope.learned import EventClassifier

        with resources.as_file(resources.files("eventdesk").joinpath("data", "models", "undated_news")) as path:
            data = json.loads((path / "model.json").read_text(encoding="utf-8"))
            families = tuple(data["families"])
            reports = spacy.load(path / "reports") if "report" in families else None
        incidents = EventClassifier.load() if "incident" in families else None
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]), families, incidents, reports)

    def probability(self, act: UndatedAct) -> float:
        incident = self.incidents.scores([act.sentence])[0] if self.incidents is not None else None
        report = report_score(self.reports, act.report) if self.reports is not None else None
        return logistic(self.weights, self.bias, select(act_features(act, incident, report), self.families))

    def date_of(self, act: UndatedAct, published: Date) -> EventDate | None:
        """The report's date for an act judged its news, with the reason; None for one that is not."""
        p = self.probability(act)
        if p < self.threshold:
            return None
        return EventDate(published, 2, None, f"{LEARNED_HOW} (p={p:.2f} >= {self.threshold:.2f}; trained on "
                                             "MUC-4 keys)")
