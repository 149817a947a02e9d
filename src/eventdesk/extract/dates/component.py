"""The dates step: the day of each event sentence reported as fact (``resolve``: absolute dates,
weekdays, "yesterday", "one day after ...", never after publication). Read in text order: a
sentence may refer to the date of the event before it ("the same day")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from eventdesk.document import ArticleDoc
from eventdesk.extract.comparisons import comparison_points
from eventdesk.extract.dates.resolve import DateResolver, told_before_it
from eventdesk.model import EventDate, Span
from eventdesk.rules import pattern, word_list

__all__ = ["act_phrase", "asides", "compared", "place_histories", "read_dates", "verb_cue"]


def read_dates(doc: ArticleDoc, services) -> ArticleDoc:
    text, publication = doc.reading.text, doc.publication
    resolver = DateResolver(publication.date, publication.order or "DMY")
    dates = {}
    previous = None
    for sentence in doc.event_sentences():
        span = sentence.span
        c = doc.trigger(span)
        if c is None or doc.verdicts.get(span):
            continue
        trigger = Span(span.article_id, span.start + c.start, span.start + c.end)
        parse = doc.docs.get(span)
        date = resolver.resolve(text, span, previous=previous, anchors=doc.context.anchors, trigger=trigger,
                                aside=asides(parse, span, c.start),
                                history=place_histories(parse, span, c.start) + compared(parse, span, c.start),
                                act=act_phrase(parse, span, c.start), verb=verb_cue(parse, trigger, c.start))
        if date is None and publication.date is not None and _told_now(text, span, trigger):
            date = EventDate(publication.date, 2, None, "as reported now (the report's present tense)")
        dates[span] = date
        if not told_before_it(date):  # "the attack came a day after gunmen killed ...": a look back only
            previous = date or previous
    return replace(doc, dates=dates)


def _told_now(text: str, sentence: Span, trigger: Span) -> bool:
    """Whether the sentence reports its act in the present tense of its telling, before the act:
    "We report that guerrilla units attacked the CEL ministation", "Residents say gunmen killed three
    herders". What a report tells as it speaks is the day's news, so an act it gives no date of its
    own is dated as reported (the report's date, ACLED's precision 2), as a lead is."""
    return _report_now().search(text, sentence.start, trigger.start) is not None


@cache
def _report_now() -> re.Pattern[str]:
    """The present tenses of telling of ``date_words.json`` (``report_now``)."""
    return re.compile(pattern("date_words.json", "report_now"), re.IGNORECASE)


def asides(parse, span: Span, cue_start: int) -> tuple[Span, ...]:
    """The relative clauses and appositions of the sentence about something other than its act: "Barillas, ambassador
    during the first 2 years of Cerezo's administration, which began in 1986, was gunned down" (the
    year is the administration's). A clause on the act's own word ("the attack, which took place on
    Monday") or holding it is no aside. So is an earlier act the sentence compares its act with."""
    if parse is None:
        return ()
    acts = word_list("scope_frames.json", "act_nouns")
    out = list(compared(parse, span, cue_start))
    for token in parse:
        if token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in acts:
            # "the killing of Pablo Pelaez, president of the Holasa company and mayor of Medellin in
            # 1984": an apposition says who someone is, and its year is theirs, not the act's
            left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
            if not left <= cue_start < right:
                out.append(Span(span.article_id, span.start + left, span.start + right))
            continue
        if token.dep_ != "relcl":
            continue
        left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        if left <= cue_start < right or token.head.idx <= cue_start < token.head.idx + len(token.head) + 1:
            continue
        if token.head.lemma_.lower() in acts or token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        out.append(Span(span.article_id, span.start + left, span.start + right))
    return tuple(out)



def compared(parse, span: Span, cue_start: int) -> tuple[Span, ...]:
    """The earlier acts the sentence measures its act against (``eventdesk.extract.comparisons``): "the
    deadliest since a truck bomb killed 80 people in Kabul in May" (May is the truck bomb's), unless the
    sentence's cue is inside one."""
    return tuple(Span(span.article_id, span.start + left, span.start + right)
                 for left, right in comparison_points(parse) if not left <= cue_start < right)


def place_histories(parse, span: Span, cue_start: int) -> tuple[Span, ...]:
    """The relative clauses on a noun that tell what happened at a place before, "where" clauses
    without the act: "the first bomb exploded at a building in the area where 50 kg of dynamite
    exploded 3 months ago" (the three months date the earlier blast, not this one)."""
    if parse is None:
        return ()
    cue = _cue_token(parse, cue_start)
    if cue is None or cue.lower_ in word_list("date_words.json", "find_nouns"):
        return ()  # "the body ... lies in state at the assembly where the leader was assassinated on 27
        # October": what is found of a death, its act told in the clause
    out = []
    for token in parse:
        if token.dep_ != "relcl" or token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(c.lower_ == "where" and c.dep_ == "advmod" for c in token.children):
            continue
        left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        if not left <= cue_start < right:
            out.append(Span(span.article_id, span.start + left, span.start + right))
    return tuple(out)


def act_phrase(parse, span: Span, cue_start: int) -> Span | None:
    """The phrase of the act a violent noun names, when it is not the sentence's main clause: "a court
    sentenced two men on Thursday for [a bombing that killed 11 people on 3 March]". A verb's act is
    its whole clause, and a main clause holds every date already, so only a noun (or the relative
    clause on one) gives a phrase."""
    if parse is None:
        return None
    cue = _cue_token(parse, cue_start)
    if cue is None:
        return None
    while cue.dep_ == "compound" and cue.head.pos_ == "NOUN" and cue.head.i > cue.i:
        cue = cue.head  # "the suicide bombings at the airport in March 2016": the act is the whole noun's
    # "Today the country mourns Judge Diaz, who was shot to death last month": a verb told in a clause
    # on a noun is no act of the main clause, and a date inside that clause is its own
    clause = cue if cue.pos_ == "VERB" and cue.dep_ in ("relcl", "acl") and \
        cue.head.pos_ in ("NOUN", "PROPN", "PRON") else None
    if cue.dep_ == "relcl" and cue.head.pos_ == "NOUN":
        cue = cue.head  # "a bombing that killed 11": the noun and its clause
    if cue.pos_ != "NOUN" or cue.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        # the subject's act is the sentence's ("an attack on Monday killed five"), unless the cue
        # is the verb of a clause on it ("two men who killed a farmer on Monday were arrested today")
        cue = clause
        if cue is None:
            return None
    left, right = cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge)
    return Span(span.article_id, span.start + left, span.start + right)


def verb_cue(parse, trigger: Span, cue_start: int) -> Span | None:
    """The sentence's cue when the parse reads it as a verb in the past ("two days after six Jesuits were
    killed"), not a noun ("17 days after an attack") nor a gerund ("after a meeting at which the killing of
    aid workers was discussed")."""
    cue = _cue_token(parse, cue_start) if parse is not None else None
    return trigger if cue is not None and cue.pos_ == "VERB" and cue.tag_ in ("VBD", "VBN") else None


def _cue_token(parse, cue_start: int):
    """The token of the parse the sentence's cue starts in, or None."""
    return next((t for t in parse if t.idx <= cue_start < t.idx + len(t)), None)
