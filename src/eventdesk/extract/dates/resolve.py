"""Event dates: from the date expressions of a sentence to one ``EventDate`` with ACLED's precision.

ACLED codes the day of the event, not of publication (CODEBOOK section 3): precision 1 is an
exact day; 2 a week or weekend (its midpoint) or an approximate day ("Around 8 May 2020",
"As reported on 2 March 2020" -> the report date); 3 a month only (the 15th, or the 1st / last day
for "early" / "late"). Anything vaguer than a month is not coded, so "in 2018" resolves to
``None`` with ``how="too vague"`` rather than to a made-up day.

News text is relative to publication ("on Thursday", "yesterday", "last June"), so a
``DateResolver`` is built per article from its publication date. A resolved date is never after
publication: a future date means the expression was misread or the sentence is about the future,
so it becomes ``None`` and ``expressions`` says why.

Finding expressions lives in :mod:`eventdesk.extract.dates._expr`; this module does the calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from eventdesk.model import EventDate, Span
from eventdesk.rules import pattern, word_list
from eventdesk.extract.dates import _expr as dx
from eventdesk.extract.trigger.classify import classify

__all__ = ["DateExpr", "DateAnchor", "DateResolver", "anchors_in", "listed_days", "said", "told_before_it"]

_DAY = dt.timedelta(days=1)
#: A day-month with no year that falls this many days after publication or fewer is in the future
#: (a date set for something to come), not the year before.
FUTURE_REACH_DAYS = 92
_WEEKDAYS = {"mon": 0, "tues": 1, "wednes": 2, "thurs": 3, "fri": 4, "satur": 5, "sun": 6}
_APPROX_WORDS = ("report", "around", "approx", "exact", "or before", "or about", "estimat", "unclear", "unknown")


@dataclass(frozen=True)
class DateExpr:
    """One date expression of a sentence, resolved on its own (no anchors, no previous event).

    ``kind`` is one of absolute, numeric, range, weekday, relative, month, week, year,
    anchor-ref, dateparser. ``date`` is ``None`` when the expression cannot be coded, and then
    ``how`` says why ("too vague", "after publication", "no publication date", ...).
    ``speech`` marks dates governed by a speech verb ("said on December 30"); ``report`` marks
    report dates ("As reported on 2 March 2020"), which are a fallback only.
    """

    span: Span
    kind: str
    date: EventDate | None
    how: str
    speech: bool = False
    report: bool = False


@dataclass(frozen=True)
class DateAnchor:
    """An earlier dated statement of the article that later sentences may refer to
    ("One day after Abdul-Mahdi's comments" -> the latest earlier *speech* anchor + 1 day)."""

    span: Span
    date: EventDate
    is_speech: bool


@dataclass(frozen=True)
class DateResolver:
    """Resolves date expressions relative to one article's publication date.

    ``order`` is the day/month order for numeric dates (``"DMY"`` or ``"MDY"``, as found by the
    publication-date stage); an unambiguous value (a part above 12) overrides it.
    """

    publication: dt.date | None
    order: str = "DMY"

    # ------------------------------------------------------------------ public API

    def expressions(self, text: str, span: Span) -> list[DateExpr]:
        """Every date expression inside ``span`` of ``text``, each resolved on its own."""
        sub = text[span.start : span.end]
        out = []
        for raw in dx.scan(sub):
            espan = Span(span.article_id, span.start + raw.start, span.start + raw.end)
            date, how = self._interpret(raw, sub)
            how = date.how if date is not None else how
            if date is not None and self.publication is not None and date.date > self.publication:
                date, how = None, f"after publication ({date.date.isoformat()}, {how})"
            if date is not None:
                date = replace(date, span=espan)
            report = _is_report(raw) or _in_dateline(sub, raw.start, raw.end)
            out.append(DateExpr(espan, _kind(raw), date, how, raw.speech, report))
        return out

    def resolve(
        self,
        text: str,
        sentence: Span,
        *,
        previous: EventDate | None = None,
        anchors: Sequence[DateAnchor] = (),
        trigger: Span | None = None,
        aside: Sequence[Span] = (),
        history: Sequence[Span] = (),
        act: Span | None = None,
        verb: Span | None = None,
    ) -> EventDate | None:
        """The date of the event reported in ``sentence``, or ``None``. A date inside one of the
        ``aside`` spans (a clause about something else: "Cerezo's administration, which began in
        1986") dates nothing of the event when it is a year alone; a date inside one of the ``history``
        spans (a place's past: "the building, in the area where dynamite exploded 3 months ago") dates
        nothing of it at all. ``act`` is the span of the act's own phrase in the parse (a violent noun
        with its relative clause: "sentenced two men on Thursday for a bombing that killed 11 people on
        3 March"): a date inside it is the act's, before any other. ``verb`` is the cue when the parse
        reads it as a verb in the past: inside the clause of time a count opens ("sent 2 days after six
        Jesuits were killed"), the count runs back to it.

        Several expressions: plain event dates beat speech dates, which beat report dates; then
        one that opens the sentence ("On 9 May 2020, ..." frames the main clause); then the finer
        precision ("a spate of attacks in early May, the deadliest ... on May 2"); then the one
        closest to the event verb (``trigger`` if the caller knows it, else the nearest event
        word); then the earliest.
        """
        found = self.expressions(text, sentence)
        exprs = self._back_from_subject(
            [self._with_anchor(e, text, sentence, previous, anchors, verb) for e in found], found, text, sentence,
            anchors)
        dated = [e for e in exprs if e.date is not None
                 and not (e.kind == "year" and any(a.start <= e.span.start and e.span.end <= a.end for a in aside))
                 and not any(h.start <= e.span.start and e.span.end <= h.end for h in history)]
        if not dated:
            return None
        verbs = [trigger] if trigger is not None else _event_words(text, sentence)
        opening = _opening(exprs, text, sentence)
        best = min(dated, key=lambda e: _preference(e, text, sentence, verbs, act, opening))
        if best.speech or best.report:  # only the day of a statement: an event's own date may follow
            return replace(best.date, how=f"{best.date.how}{SAID}")
        return best.date

    def _back_from_subject(self, exprs: list[DateExpr], found: list[DateExpr], text: str, sentence: Span,
                           anchors: Sequence[DateAnchor]) -> list[DateExpr]:
        """"Friday's bombing came two days after gunmen killed three soldiers": the sentence tells the act of
        its clause of time (``CLAUSE_ACT``); a day its subject names is the day of the event pointed at, the
        base of the count back (two days before Friday), and no date of the act itself. A day the clause
        names ("... killed three soldiers on Tuesday night") is the act's own, before the count."""
        for i, e in enumerate(exprs):
            if not told_before_it(e.date):
                continue
            own = [x for x in exprs[:i] if x.date is not None and x.date.precision == 1 and x.kind != "anchor-ref"
                   and not x.speech and not x.report]  # a day, not "the third this month"
            if own:
                e = self._with_anchor(found[i], text, sentence, own[-1].date, anchors)
                if e.date is not None:
                    how = e.date.how.replace("the previous event", "the day its subject names", 1)
                    e = replace(e, date=replace(e.date, how=how), how=how)
            named = [replace(x, date=replace(x.date, how=f"{x.date.how}{CLAUSE_ACT}")) for x in exprs
                     if x.span.start >= e.span.end and x.date is not None and x.kind != "anchor-ref"]
            return named or [e]
        return exprs

    def anchors_in(self, text: str, spans: Iterable[Span]) -> list[DateAnchor]:
        """Anchors from sentences in text order: each dated expression becomes one, and
        anchor references ("the following day") resolve against the anchors found before them."""
        anchors: list[DateAnchor] = []
        for sentence in spans:
            for e in self.expressions(text, sentence):
                e = self._with_anchor(e, text, sentence, None, anchors)
                if e.date is not None:
                    anchors.append(DateAnchor(e.span, e.date, e.speech))
        return anchors

    # ------------------------------------------------------------------ interpretation

    def _interpret(self, raw: dx.RawExpr, sub: str) -> tuple[EventDate | None, str]:
        handler = {
            "absolute": self._absolute,
            "numeric": self._numeric,
            "range": self._range,
            "weekday": self._weekday,
            "relative": self._relative,
            "month": self._month,
            "year": lambda r: (None, "too vague"),
            "anchor-ref": lambda r: (None, "needs an anchor"),
            "dateparser": lambda r: self._dateparser(sub[r.start : r.end]),
        }[raw.kind]
        return handler(raw)

    def _year_for(self, month: int, day: int) -> tuple[int | None, str]:
        """Year of a day-month without a year: the publication year, unless that day would be
        after publication: a day in the next few months is the future ("the municipal elections
        planned for 12 November", in a report of 7 November), none; a later one is the year before."""
        pub = self.publication
        if pub is None:
            return None, "no year and no publication date"
        if (month, day) > (pub.month, pub.day):
            try:
                ahead = (dt.date(pub.year, month, day) - pub).days
            except ValueError:  # 29 February of a common year
                ahead = FUTURE_REACH_DAYS + 1
            if ahead <= FUTURE_REACH_DAYS:
                return None, "future date"
            return pub.year - 1, "year before publication"
        return pub.year, "publication year"

    def _day(self, raw: dx.RawExpr, y: int | None, m: int, d: int, rule: str) -> tuple[EventDate | None, str]:
        """A single day with the precision its qualifiers give it."""
        why = "explicit year"
        if y is None:
            y, why = self._year_for(m, d)
            if y is None:
                return None, why
        day = dx.safe_date(y, m, d)
        if day is None:
            return None, f"invalid date ({y}-{m}-{d})"
        pre = _norm(raw.get("pre"))
        if pre.startswith(("during the week", "in the week", "the week")):
            return EventDate(day + 3 * _DAY, 2, how=f"{rule}: week beginning, midpoint"), ""
        if _is_report(raw):
            return EventDate(day, 2, how=f"{rule}: report date"), ""
        if _is_approx(raw):
            return EventDate(day, 2, how=f"{rule}: approximate"), ""
        return EventDate(day, 1, how=f"{rule} ({why})"), ""

    def _absolute(self, raw: dx.RawExpr) -> tuple[EventDate | None, str]:
        m = int(raw.get("m")) if raw.get("m") else dx.month_number(raw.get("mon") or "")
        y = raw.get("y")
        return self._day(raw, int(y) if y else None, m, int(raw.get("d") or 0), raw.rule)

    def _numeric(self, raw: dx.RawExpr) -> tuple[EventDate | None, str]:
        a, b = int(raw.get("a") or 0), int(raw.get("b") or 0)
        d, m = (b, a) if self.order == "MDY" else (a, b)
        if a > 12 >= b:
            d, m = a, b
        elif b > 12 >= a:
            d, m = b, a
        y = raw.get("y")
        year = None if y is None else int(y) + (2000 if len(y) == 2 else 0)
        return self._day(raw, year, m, d, f"numeric {self.order}")

    def _range(self, raw: dx.RawExpr) -> tuple[EventDate | None, str]:
        """First day of the range: precision 1 for "the night of 3-4 May" (one event), else 2."""
        y = raw.get("y")
        first, why = self._day(raw, int(y) if y else None, dx.month_number(raw.get("mon") or ""), int(raw.get("d") or 0), "range")
        if first is None:
            return None, why
        night = "night" in _norm(raw.get("pre"))
        return replace(first, precision=1 if night else 2, how="night of a two-day range" if night else "first day of a range"), ""

    def _weekday(self, raw: dx.RawExpr) -> tuple[EventDate | None, str]:
        """The latest such weekday on or before publication ("last Friday": strictly before)."""
        pub = self.publication
        if pub is None:
            return None, "relative date without publication date"
        pre = _norm(raw.get("pre"))
        if pre.startswith(("next", "this coming", "until", "by")):
            return None, "future or deadline weekday"
        back = (pub.weekday() - _WEEKDAYS[(raw.get("wd") or "").lower()]) % 7
        if back == 0 and pre.startswith("last"):
            back = 7
        return EventDate(pub - back * _DAY, 1, how="weekday on or before publication"), ""

    def _relative(self, raw: dx.RawExpr) -> tuple[EventDate | None, str]:
        pub = self.publication
        if pub is None:
            return None, "relative date without publication date"
        g = dict(raw.fields)
        text = _norm(next(v for k, v in raw.fields if k not in ("n", "unit")))
        if "dby" in g:
            return EventDate(pub - 2 * _DAY, 1, how="day before yesterday"), ""
        if "yest" in g or "lastnight" in g:
            return EventDate(pub - _DAY, 1, how=text.split()[0] + (" night" if "night" in text else "")), ""
        if "today" in g:
            return EventDate(pub, 1, how="today"), ""
        if "thisweek" in g or "lastweek" in g or "weekend" in g:
            return _week(pub, g, text), ""
        if "thismonth" in g or "lastmonth" in g:
            return _relative_month(pub, text)
        if "ago" in g:
            return _ago(pub, g.get("n", ""), g.get("unit", ""))
        if "lasthours" in g:
            if (g.get("hours") or "few").lower() in ("few", "several"):
                # "assassinated in the last few hours", "in the past hours": the day of the report
                return EventDate(pub, 2, how="in the last few hours before the report, approximate"), ""
            # "destroyed in the last 24 hours": the day before the report, approximate
            return EventDate(pub - _DAY, 2, how="in the last hours before the report, approximate"), ""
        return None, "too vague"

    def _month(self, raw: dx.RawExpr) -> tuple[EventDate | None, str]:
        """Month only: the 15th, the 1st for early/beginning, the last day for late/end."""
        m = dx.month_number(raw.get("mon") or "")
        pre = _norm(raw.get("pre"))
        y_text = raw.get("y")
        pub = self.publication
        if y_text:
            y = int(y_text)
        elif pub is None:
            return None, "month without year or publication date"
        elif pre.startswith(("next", "later")):
            return None, "future month"
        elif pre.startswith("last"):
            y = pub.year if m < pub.month else pub.year - 1
        else:
            y = pub.year if m <= pub.month else pub.year - 1
        return _clamp_month(_month_day(y, m, pre), pub), ""

    def _dateparser(self, candidate: str) -> tuple[EventDate | None, str]:
        """Formats our rules leave alone (two-digit years: "14 Jun 14") go to dateparser."""
        import dateparser  # slow to import; only needed for the rare candidates

        base = dt.datetime.combine(self.publication or dt.date.today(), dt.time())
        parsed = dateparser.parse(
            candidate,
            languages=["en"],
            settings={
                "STRICT_PARSING": True,
                "PREFER_DATES_FROM": "past",
                "RELATIVE_BASE": base,
                "DATE_ORDER": self.order if self.order in ("DMY", "MDY") else "DMY",
            },
        )
        if parsed is None:
            return None, "dateparser could not parse"
        return EventDate(parsed.date(), 1, how="dateparser"), ""

    # ------------------------------------------------------------------ anchors

    def _with_anchor(
        self, e: DateExpr, text: str, sentence: Span, previous: EventDate | None, anchors: Sequence[DateAnchor],
        verb: Span | None = None,
    ) -> DateExpr:
        """Resolve an anchor reference ("the same day", "One day after X's comments")."""
        if e.kind != "anchor-ref":
            return e
        raw_text = e.span.text(text).lower()
        offset, wants_speech = _anchor_offset(raw_text)
        if offset is None:
            return replace(e, how="vague count of days")
        if _names_other_anchor(text, e.span.end, wants_speech):
            return replace(e, how="counted from something that is not an act of the report")
        base, source = _anchor_base(previous, anchors, sentence, wants_speech)
        if base is None:
            return replace(e, how="no earlier date to refer to")
        told_before = _act_before_anchor(text, sentence, e.span) or _counts_back_to_clause(text, e.span) or \
            _verb_in_clause_of_time(text, e.span, verb)
        if told_before:
            offset = -offset  # "the attack came a day after gunmen killed five officers": the killing's day
        day = base.date + offset * _DAY
        if self.publication is not None and day > self.publication:
            return replace(e, how="after publication (anchor)")
        how = f"{offset:+d} day(s) from {source}{CLAUSE_ACT if told_before else ''}"
        precision = max(base.precision, 2) if "week" in raw_text else base.precision  # "a week after": that week
        return replace(e, date=EventDate(day, precision, e.span, how), how=how)


#: the end of the ``how`` of the date of an act told in a clause of time after an anaphor ("the attack
#: came a day after gunmen killed five officers"): another act than the one the subject points at
CLAUSE_ACT = "; the act its clause of time tells, before the event its subject points at"


def _act_before_anchor(text: str, sentence: Span, expr: Span) -> bool:
    """"The attack came a day after gunmen killed five police officers", "the blast occurred hours after
    another explosion destroyed a supermarket": a sentence whose subject points back at the event told
    before (``date_words.json`` anchor_subject) and that counts from it to an act its clause of time tells
    (what follows it, typed as an act by the trigger rules, not "the attack" again) tells that other act,
    which came first: the count runs back from the event pointed at."""
    raw = text[expr.start:expr.end].lower().split()
    if not raw or raw[-1] not in ("after", "before"):
        return False
    if not _anchor_subject().fullmatch(text, sentence.start, expr.start):
        return False
    rest = text[expr.end:sentence.end].lstrip(" \"'“‘")
    words = re.split(r"[,;:.]", rest, maxsplit=1)[0].split()
    pointers = word_list("date_words.json", "pointers_back")
    if words and words[0].lower() in pointers and dx.patterns().event_word.search(" ".join(words[1:5])):
        return False  # "two days after the bombing": counted from the act told before, not back to another
    # the clause tells an act of its own when the trigger rules type it ("gunmen gunned down a judge")
    return classify(rest) is not None


@cache
def _anchor_subject() -> re.Pattern[str]:
    """The opening of a sentence whose subject points back at the event told before and whose verb
    sets it in time ("The attack came", "It occurred only"): ``date_words.json`` anchor_subject."""
    return re.compile(pattern("date_words.json", "anchor_subject"), re.IGNORECASE)


#: the end of the ``how`` of a date that is only the day a statement was made ("police said on
#: Tuesday that ..."): a later sentence's date of the act itself outranks it
SAID = "; the day it was said"


def listed_days(text: str, date: EventDate | None) -> tuple[EventDate, ...]:
    """The days a date lists, each its own ("two U.S. citizens were kidnapped on 12 and 13 February"):
    ACLED codes an event a day (CODEBOOK, unit of coding), so the act told for two days listed is
    two events, one on each. A stretch of time is not a list: "from 1 to 6 May", "between 15 and 16
    November", "the night of 3-4 May" give (), as does any date that is not a range's first day."""
    if date is None or date.span is None or not date.how.startswith("first day of a range"):
        return ()
    for raw in dx.scan(text[date.span.start : date.span.end]):
        if raw.kind != "range" or (raw.get("sep") or "").lower() != "and" or _norm(raw.get("pre")) == "between":
            continue
        first, last = int(raw.get("d") or 0), int(raw.get("d2") or 0)
        try:
            second = date.date.replace(day=last)
        except ValueError:
            return ()
        if last <= first or date.date.day != first:
            return ()
        how = "one of the days listed"
        return (EventDate(date.date, 1, date.span, how), EventDate(second, 1, date.span, how))
    return ()


def told_before_it(date: EventDate | None) -> bool:
    """Whether ``date`` is that of an act told in a clause of time after an anaphor (``CLAUSE_ACT``)."""
    return date is not None and date.how.endswith(CLAUSE_ACT)


def said(date: EventDate | None) -> bool:
    """Whether ``date`` is only the day of a statement about the event."""
    return date is not None and date.how.endswith(SAID)


def anchors_in(text: str, spans: Iterable[Span], publication: dt.date | None = None) -> list[DateAnchor]:
    """Convenience wrapper for :meth:`DateResolver.anchors_in`."""
    return DateResolver(publication).anchors_in(text, spans)


# ---------------------------------------------------------------------- helpers


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _kind(raw: dx.RawExpr) -> str:
    pre = _norm(raw.get("pre"))
    if raw.kind == "absolute" and "week" in pre:
        return "week"
    if raw.kind == "relative" and any(k in dict(raw.fields) for k in ("thisweek", "lastweek", "weekend")):
        return "week"
    return raw.kind


def _is_report(raw: dx.RawExpr) -> bool:
    return "reported" in _norm(raw.get("pre"))


# "BOGOTA, 7 SEP 89 -- A bomb went off ... last night", "KANO, Nigeria, March 7 (Reuters) - Gunmen
# killed ... on Saturday": the date of a dateline is the report's. A place's name may have hyphens and
# letters beyond ASCII ("PORT-AU-PRINCE, Haiti, Oct 3 (Reuters) -", "SÃO PAULO, Brazil, May 2 (AP) -")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|[ .'’-]){1,40}(?:,\s*[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|[ .'’-]){1,30})?"
                              r"(?:\s*\([A-Za-z .]{2,30}\))?,\s*$")
_DATELINE_AFTER = re.compile(r",?\s*(?:\d{2,4}\b\s*)?(?:\([^)\n]{1,30}\)\s*)?[-–—]{1,2}\s")


def _in_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is that of a dateline ("CITY, 7 SEP 89 --")."""
    return bool(_DATELINE_AFTER.match(text, end)) and bool(_DATELINE_BEFORE.search(text[max(0, start - 60):start]))


def _is_approx(raw: dx.RawExpr) -> bool:
    pre, post = _norm(raw.get("pre")), _norm(raw.get("post"))
    if pre.startswith(("around", "about", "approximately", "circa", "on or", "on around")):
        return True
    return any(w in post for w in _APPROX_WORDS) or post.startswith((", or", "or ", ", approx", "approx"))


def _week(pub: dt.date, g: dict[str, str], text: str) -> EventDate:
    """Weeks and weekends, as their midpoint with precision 2 (never after publication)."""
    monday = pub - pub.weekday() * _DAY
    if "lastweek" in g:
        return EventDate(monday - 4 * _DAY, 2, how="last week, midpoint")
    if "weekend" in g:
        this_one = pub.weekday() >= 5 and not text.startswith("last")
        sat = monday + 5 * _DAY if this_one else monday - 2 * _DAY
        return EventDate(min(sat, pub), 2, how="weekend, Saturday")
    if text.startswith("later"):
        return EventDate(pub, 2, how="later this week, clamped to publication")
    end = pub - _DAY if text.startswith("earlier") and pub > monday else pub
    return EventDate(monday + ((end - monday).days // 2) * _DAY, 2, how="this week so far, midpoint")


def _month_day(y: int, m: int, pre: str) -> EventDate:
    if any(w in pre for w in ("early", "beginning", "start")):
        return EventDate(dt.date(y, m, 1), 3, how="month, early: 1st")
    if any(w in pre for w in ("late", "end")) and "later" not in pre:
        return EventDate(dt.date(y, m, dx.last_day(y, m)), 3, how="month, late: last day")
    return EventDate(dt.date(y, m, 15), 3, how="month only: 15th")


def _clamp_month(date: EventDate, pub: dt.date | None) -> EventDate:
    """The publication month itself is known up to publication: clamp rather than reject."""
    if pub is not None and date.date > pub and (date.date.year, date.date.month) == (pub.year, pub.month):
        return replace(date, date=pub, how=date.how + ", clamped to publication")
    return date


def _relative_month(pub: dt.date, text: str) -> tuple[EventDate | None, str]:
    if text.startswith("later"):
        return None, "future month"
    if "last month" in text:
        prev = pub.replace(day=1) - _DAY
        return _month_day(prev.year, prev.month, text.replace("last month", "")), ""
    return _clamp_month(_month_day(pub.year, pub.month, text.replace("this month", "")), pub), ""


def _ago(pub: dt.date, n_text: str, unit: str) -> tuple[EventDate | None, str]:
    unit, n_text = unit.lower(), n_text.lower()  # wire copy: "TWO YEARS AGO" is no month
    if unit in ("minute", "hour", ""):  # "shot a few minutes ago", "two hours ago", "moments ago": the report's day
        return EventDate(pub, 1, how="minutes or hours before the report"), ""
    n = dx.word_number(n_text)
    if unit in ("year", "decade"):
        return None, "too vague"
    if n is None:
        if unit == "day":
            return EventDate(pub - 3 * _DAY, 2, how="a few days ago, approximate"), ""
        return None, "too vague"
    if unit == "day":
        return EventDate(pub - n * _DAY, 1, how=f"{n} day(s) ago"), ""
    if unit == "week":
        return EventDate(pub - 7 * n * _DAY, 2, how=f"{n} week(s) ago"), ""
    y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
    return EventDate(dt.date(y, m + 1, 15), 3, how=f"{n} month(s) ago: 15th"), ""


def _anchor_offset(text: str) -> tuple[int | None, bool]:
    """Days from the anchor, and whether the reference is to a statement ("X's comments")."""
    speech = any(w in text for w in ("comment", "remark", "statement", "speech", "announcement",
                                      "interview", "address", "declaration", "press conference", "briefing"))  # fmt: skip
    if any(w in text for w in ("same day", "that day", "hour", "minute", "moment", "shortly", "soon")):
        return 0, speech  # "hours later", "shortly before that": the same day as far as a date tells
    words = text.split()
    n = dx.word_number(words[0]) if words else None
    if n is not None:  # "two days later", "a day earlier", "One day after X's comments", "a week after"
        n *= 7 if "week" in text else 1
        return (n if any(w in text for w in ("later", "after")) else -n), speech
    if any(w in text for w in ("following", "next", "day after")):
        return 1, speech
    if any(w in text for w in ("previous", "preceding", "day before")):
        return -1, speech
    return None, speech


_NOUN_PHRASE = re.compile(r"\s+(?:the|a|an|his|her|their|its)\s+((?:[\w'-]+\s*){1,5})", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?\n]")
#: a verb in the past, the act a clause tells: "killed", "were kidnapped", "shot", "blew up"
_PAST_VERB = re.compile(r"[a-z]ed\b|\b(?:shot|blew|blown|threw|thrown|hit|struck|slain|slew|burnt|fought|set)\b",
                        re.IGNORECASE)


def _names_other_anchor(text: str, end: int, wants_speech: bool) -> bool:
    """"Only 5 days before the start of two presidential summits": the count runs from a thing the
    sentence names that is neither an act ("two days after the bombing") nor a statement; the day
    of the event before it is no base for that count."""
    m = _NOUN_PHRASE.match(text, end)
    if m is None or wants_speech:
        return False
    words = m.group(1)
    acts = word_list("scope_frames.json", "act_nouns")
    if dx.patterns().event_word.search(words) or any(_stem(w) in acts for w in words.split()):
        return False
    return not _long_subject_act(text, m.end())


def _long_subject_act(text: str, end: int) -> bool:
    """"Only a few hours after a man dressed in a camouflage uniform killed one person": the phrase
    after the count, longer than ``_NOUN_PHRASE`` reads, is the subject of a clause that tells an act
    (an event word in the past before the clause ends), the earlier act the count runs back to."""
    clause = _CLAUSE_END.search(text, end)
    stop = clause.start() if clause else len(text)
    # a verb in the past tells the act ("killed one person"); a gerund or a noun names one ("a meeting at
    # which the killing of aid workers was discussed")
    return any(_PAST_VERB.search(m.group(0)) for m in dx.patterns().event_word.finditer(text, end, stop))


def _verb_in_clause_of_time(text: str, expr: Span, verb: Span | None) -> bool:
    """"The attorney general's letter was sent 2 days after six Jesuits were killed": the act the sentence
    reports is the verb of the clause of time the count opens (between the count and the clause's end),
    so it came first and the count runs back to it."""
    raw = text[expr.start:expr.end].lower().split()
    if verb is None or not raw or raw[-1] not in ("after", "before"):
        return False
    clause = _CLAUSE_END.search(text, expr.end)
    return expr.end <= verb.start < (clause.start() if clause else len(text))


def _counts_back_to_clause(text: str, expr: Span) -> bool:
    """Whether the count at ``expr`` runs back to the act of a clause whose subject is a long noun phrase
    (``_long_subject_act``), one ``_names_other_anchor`` no longer takes for a thing counted from."""
    raw = text[expr.start:expr.end].lower().split()
    if not raw or raw[-1] not in ("after", "before"):
        return False
    m = _NOUN_PHRASE.match(text, expr.end)
    if m is None:
        return False
    acts = word_list("scope_frames.json", "act_nouns")
    words = m.group(1)
    if dx.patterns().event_word.search(words) or any(_stem(w) in acts for w in words.split()):
        return False
    return _long_subject_act(text, m.end())


def _stem(word: str) -> str:
    """"murdered", "murders", "murdering" -> "murder" (enough to find an act noun's verb)."""
    w = word.lower()
    for end in ("ing", "ed", "s"):
        if w.endswith(end) and len(w) > len(end) + 3:
            return w[: -len(end)]
    return w


def _anchor_base(
    previous: EventDate | None, anchors: Sequence[DateAnchor], sentence: Span, wants_speech: bool
) -> tuple[EventDate | None, str]:
    earlier = [a for a in anchors if a.span.start < sentence.start]
    if wants_speech:
        speech = [a for a in earlier if a.is_speech]
        if speech:
            return max(speech, key=lambda a: a.span.start).date, "the latest earlier statement"
    if previous is not None:
        return previous, "the previous event"
    if earlier:
        return max(earlier, key=lambda a: a.span.start).date, "the latest earlier date"
    return None, ""


_PRENOMINAL = re.compile(r"the\s", re.IGNORECASE)


def _opening(exprs: Sequence[DateExpr], text: str, sentence: Span) -> frozenset[Span]:
    """The date expressions that open the sentence and so frame it: "On 9 May, ..." ("The 4 October
    attacks ... were followed today by bomb attacks" names another event's date before its noun, and
    frames nothing), and each that follows an opening one with no more than a comma or a word of
    ``date_words.json`` restating_links between them, restating it more exactly: "A few hours later,
    early in the morning of 16 November, six priests were assassinated" names the day the count
    from the event before only points at (then the nearer to the act, the day, wins)."""
    links = word_list("date_words.json", "restating_links")
    out: set[Span] = set()
    end = sentence.start
    for e in sorted(exprs, key=lambda x: x.span.start):
        gap = text[end : e.span.start]
        if not out:
            if gap.strip(" \t\n\"'“‘([") or _PRENOMINAL.match(text, e.span.start):
                break
        elif not _RESTATING_GAP.fullmatch(gap) or any(w.lower() not in links for w in re.findall(r"[^\W\d_]+", gap)):
            break
        out.add(e.span)
        end = e.span.end
    return frozenset(out)


#: what may stand between an opening date and the one restating it: a comma or dash and link words
_RESTATING_GAP = re.compile(r"[\s,;:\-–—]*(?:[^\W\d_]+[\s,]+)*", re.UNICODE)


def _rank(e: DateExpr) -> int:
    """Plain event dates first; statement dates next; report dates last (a fallback only)."""
    return 2 if e.report else 1 if e.speech else 0


def _preference(e: DateExpr, text: str, sentence: Span, verbs: Sequence[Span],
                act: Span | None = None, opening: frozenset[Span] | None = None) -> tuple[int, int, int, int, int, int]:
    precision = e.date.precision if e.date is not None else 9
    opens = e.span in (opening if opening is not None else _opening([e], text, sentence))
    own = (act is not None and act.start <= e.span.start and e.span.end <= act.end) or \
        dx.patterns().act_clause_after.match(text, e.span.end) is not None  # "in March 2019 that killed 21"
    return (_rank(e), 0 if own else 1, 0 if opens else 1, precision, _distance(e.span, verbs), e.span.start)


def _event_words(text: str, sentence: Span) -> list[Span]:
    sub = text[sentence.start : sentence.end]
    return [
        Span(sentence.article_id, sentence.start + m.start(), sentence.start + m.end())
        for m in dx.patterns().event_word.finditer(sub)
    ]


def _distance(a: Span, spans: Sequence[Span]) -> int:
    if not spans:
        return 0
    return min(max(b.start - a.end, a.start - b.end, 0) for b in spans)
