"""Clean: raw article -> main text, with every removed block recorded as ``Dropped``.

Crawled pages mix the article with menus, sign-in prompts, photo captions (often twice), reader
comments and sidebar headlines of other stories. Later stages would turn any of those into
events, so they are removed here -- and listed with a reason, never silently. The headline,
byline and dateline move out of ``text`` into fields of ``CleanArticle`` because they are
metadata, not reported facts.

Plain text is cleaned as a list of units (one non-blank line each, which is how crawlers deliver
paragraphs). Each rule marks units with a reason; a unit marked once keeps its first reason.
HTML is reduced to its main text by trafilatura, then goes through the same body rules.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import lxml.etree
import lxml.html
import trafilatura

from eventdesk.model import Article, CleanArticle, Dropped
from eventdesk.stages._clean_rules import CommentLikeness, Rules, rules
from eventdesk.stages._letters import case_counts

__all__ = ["clean"]

CAPTION = "photo caption"
CHROME = "site chrome"
SECTION_LABEL = "section label"
COMMENT_SECTION = "comment section"
READER_COMMENT = "reader comment"
UNMARKED_COMMENT = "reader comment (unmarked)"
SIDEBAR = "sidebar headline"
HEADLINE = "headline"
BYLINE = "byline"
DATELINE = "dateline"
STANDFIRST = "standfirst (repeated in body)"
REPEAT = "repeat of a dropped block"
HTML_BOILERPLATE = "html boilerplate"

#: Reasons whose text is real content: when nothing else is left, the article keeps one of these
#: rather than being cleaned down to nothing (a headline fed alone as an article, say).
_CONTENT_REASONS = (HEADLINE, STANDFIRST, CAPTION, SIDEBAR)
_HEADER_WINDOW = 6
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
)  # how many leading units can be headline/byline/dateline/standfirst


@dataclass(frozen=True)
class _Unit:
    """One non-blank line of the page, whitespace-normalised, with its 1-based raw line."""

    text: str
    line: int | None


@dataclass(frozen=True)
class _Header:
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None


def clean(article: Article) -> CleanArticle:
    """Return the article's main text and everything removed from it, with reasons."""
    if article.kind == "html":
        return _clean_html(article)
    units = _units(article.raw)
    return _clean_units(article, units, header_rules=True, extra_dropped=())


def _units(raw: str) -> list[_Unit]:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [
        _Unit(_normalise_space(line), number) for number, line in enumerate(lines, start=1) if line.strip()
    ]


def _normalise_space(line: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space; keep every other character."""
    return " ".join(line.split())


# --------------------------------------------------------------------------------------------
# the body pipeline


@dataclass(frozen=True)
class _Cut:
    """A piece cut off the start or end of a kept unit ("LONDON -", a trailing "Source")."""

    text: str
    reason: str
    index: int


def _clean_units(
    article: Article, units: list[_Unit], *, header_rules: bool, extra_dropped: Sequence[Dropped]
) -> CleanArticle:
    """Mark every unit with a reason (or none), then assemble text and the dropped list."""
    texts = [u.text for u in units]
    reasons: list[str | None] = [None] * len(units)
    header, cuts = _mark_all(article, texts, reasons, header_rules=header_rules)
    dropped = [*extra_dropped]
    dropped += [Dropped(t, why, u.line) for t, why, u in zip(texts, reasons, units, strict=True) if why]
    dropped += [Dropped(c.text, c.reason, units[c.index].line) for c in cuts]
    kept = [(t, u) for t, why, u in zip(texts, reasons, units, strict=True) if why is None]
    kept, dropped = _drop_repeats(kept, dropped)
    kept_texts, dropped = _never_empty([t for t, _ in kept], dropped)
    places = [c.text.rstrip(" -–—") for c in cuts if c.reason == DATELINE]
    dateline = "; ".join(p for p in (header.dateline, *places) if p)
    return CleanArticle(
        article=article,
        text="\n\n".join(kept_texts),
        dropped=tuple(sorted(dropped, key=_drop_order)),
        headline=header.headline or article.title,
        byline=header.byline,
        dateline=dateline or None,
    )


def _mark_all(
    article: Article, texts: list[str], reasons: list[str | None], *, header_rules: bool
) -> tuple[_Header, list[_Cut]]:
    """Run the rules in order; the order matters (chrome before captions before the header)."""
    r = rules()
    _mark_chrome(texts, reasons, r)
    _mark_comment_section(texts, reasons, r)
    _mark_sidebars(texts, reasons, r)
    _mark_stamped_comments(texts, reasons, r)
    _mark_captions(texts, reasons, r)
    header = _Header()
    if header_rules:
        header = _mark_header(texts, reasons, r, article.title)
    elif article.title:
        header = _mark_title_line(texts, reasons, article.title)
    place = _take_place_dateline(texts, reasons, r)
    _mark_unmarked_comments(texts, reasons, r)
    trailing = _strip_trailing_source(texts, reasons, r)
    return header, [c for c in (place, trailing) if c is not None]


def _drop_order(item: Dropped) -> tuple[int, int]:
    return (0 if item.line is None else 1, item.line or 0)


def _mark(reasons: list[str | None], index: int, reason: str) -> None:
    """Give a unit a reason unless an earlier, more specific rule already did."""
    if reasons[index] is None:
        reasons[index] = reason


def _unmarked(reasons: Sequence[str | None]) -> list[int]:
    return [i for i, why in enumerate(reasons) if why is None]


def _is_body_paragraph(text: str) -> bool:
    """A unit that reads like running text (not a label, title or menu item)."""
    return len(text.split()) >= 12


def _mark_chrome(texts: list[str], reasons: list[str | None], r: Rules) -> None:
    for i, text in enumerate(texts):
        if r.is_chrome(text):
            _mark(reasons, i, CHROME)


def _mark_comment_section(texts: list[str], reasons: list[str | None], r: Rules) -> None:
    """ "2 Comment(s)" / "Comment Policy" after the article ends it: drop it and all that follows.

    Before any body paragraph the same words are a comment counter in the page header, so only
    that line goes.
    """
    for i, text in enumerate(texts):
        if reasons[i] is None and r.comment_section.fullmatch(text):
            if not any(_is_body_paragraph(t) and reasons[j] is None for j, t in enumerate(texts[:i])):
                _mark(reasons, i, CHROME)
                continue
            for j in range(i, len(texts)):
                _mark(reasons, j, COMMENT_SECTION)
            return


def _mark_sidebars(texts: list[str], reasons: list[str | None], r: Rules) -> None:
    """A "| 20 hours ago | (1)" line and the short title line above it are another story's link."""
    for i, text in enumerate(texts):
        if r.sidebar_meta.fullmatch(text):
            _mark(reasons, i, SIDEBAR)
            if i > 0 and reasons[i - 1] is None and len(texts[i - 1].split()) <= 20:
                _mark(reasons, i - 1, SIDEBAR)


def _mark_stamped_comments(texts: list[str], reasons: list[str | None], r: Rules) -> None:
    """ "Name | 3/22/2019 8:04 PM" starts a reader comment; after the article body the comment
    list runs to the end of the page, so every later unclaimed unit is comment text."""
    body_seen = False
    in_comments = False
    for i, text in enumerate(texts):
        if reasons[i] is None and r.comment_stamp.fullmatch(text):
            reasons[i] = READER_COMMENT
            in_comments = True
            if not body_seen and i + 1 < len(texts):
                _mark(reasons, i + 1, READER_COMMENT)
                in_comments = False
            continue
        if reasons[i] is None and in_comments and body_seen:
            reasons[i] = READER_COMMENT
        elif reasons[i] is None and _is_body_paragraph(text):
            body_seen = True


def _mark_captions(texts: list[str], reasons: list[str | None], r: Rules) -> None:
    """Captions: a line repeated (nearly) verbatim by its neighbour, or one naming a photo credit."""
    open_units = _unmarked(reasons)
    for a, b in itertools.pairwise(open_units):
        if b == a + 1 and _near_duplicate(texts[a], texts[b]):
            _mark(reasons, a, CAPTION)
            _mark(reasons, b, CAPTION)
    for i in _unmarked(reasons):
        if r.is_caption(texts[i]):
            _mark(reasons, i, CAPTION)


def _near_duplicate(a: str, b: str) -> bool:
    """Identical after case/quote folding, one containing most of the other, or ~90% similar."""
    fa, fb = _fold(a), _fold(b)
    shorter, longer = sorted((fa, fb), key=len)
    if len(shorter) < 20:
        return False
    if shorter == longer or (shorter in longer and len(shorter) >= 0.6 * len(longer)):
        return True
    if len(longer) > 600 or len(shorter) < 0.8 * len(longer):
        return False  # ratio >= 0.9 needs lengths within ~20% of each other
    # ``SequenceMatcher.quick_ratio`` (the shared letters, counted with repeats: a bound of the
    # ratio) without building the matcher's index of ``fb``, which most pairs of lines never need
    shared = sum((Counter(fa) & Counter(fb)).values())
    if 2.0 * shared / (len(fa) + len(fb)) < 0.9:
        return False
    return difflib.SequenceMatcher(None, fa, fb, autojunk=False).ratio() >= 0.9


def _fold(text: str) -> str:
    """Lower-case, without quote marks, so 'x' and “x” compare equal."""
    return " ".join(re.sub(r"[\"'‘’“”«»]", "", text).lower().split())


def _mark_header(texts: list[str], reasons: list[str | None], r: Rules, title: str | None) -> _Header:
    """Section label, headline, byline, date line and standfirst among the first few units."""
    headline = byline = date_line = None
    body_seen = False
    window = _unmarked(reasons)[:_HEADER_WINDOW]
    for pos, i in enumerate(window):
        text = texts[i]
        later = [texts[j] for j in window[pos + 1 :]] + [
            texts[j] for j in _unmarked(reasons) if j > window[-1]
        ]
        if byline is None and r.is_byline(text):
            byline, reasons[i] = text, BYLINE
        elif date_line is None and r.date_line.fullmatch(text):
            date_line, reasons[i] = text, DATELINE
        elif headline is None and not body_seen and later and r.section_label.fullmatch(text):
            reasons[i] = SECTION_LABEL
        elif headline is None and not body_seen and later and _headline_like(text, title, r):
            headline, reasons[i] = text, HEADLINE
        elif not body_seen and _repeated_later(text, later):
            reasons[i] = STANDFIRST
        else:
            body_seen = True
    return _Header(headline, byline, date_line)


def _headline_like(text: str, title: str | None, r: Rules) -> bool:
    if title and _fold(text) == _fold(title):
        return True
    words = text.split()
    return (
        0 < len(words) <= 25
        and len(text) <= 200
        and not text.endswith((".", ",", ";", ":"))
        and not r.comment_stamp.fullmatch(text)
        and any(c.isalpha() for c in text)
    )


def _repeated_later(text: str, later: Sequence[str]) -> bool:
    """A lead sentence shown above the body and repeated inside a later paragraph."""
    folded = _fold(text)
    return len(folded) >= 30 and any(folded in _fold(t) and folded != _fold(t) for t in later)


def _mark_title_line(texts: list[str], reasons: list[str | None], title: str) -> _Header:
    """For HTML the title comes from metadata; drop a first line that merely repeats it."""
    open_units = _unmarked(reasons)
    if len(open_units) > 1 and _fold(texts[open_units[0]]) == _fold(title):
        reasons[open_units[0]] = HEADLINE
    return _Header(headline=title)


def _take_place_dateline(texts: list[str], reasons: list[str | None], r: Rules) -> _Cut | None:
    """Cut a "LONDON -" prefix off the first body paragraph; return it with the unit index."""
    open_units = _unmarked(reasons)
    if not open_units:
        return None
    first = open_units[0]
    match = r.place_dateline.match(texts[first])
    if match is None or match.end() >= len(texts[first]):
        return None
    texts[first] = texts[first][match.end() :]
    return _Cut(match.group(0).strip(), DATELINE, first)


def _mark_unmarked_comments(texts: list[str], reasons: list[str | None], r: Rules) -> None:
    """Reader comments pasted after the article with no header.

    Once a paragraph after the first reads like a comment (first person singular outside
    quotation marks, "[edit ...]", or an opener like "Indeed."), it and everything after it are
    dropped. Conservative on purpose: an article whose *first* paragraph is already in the first
    person is an op-ed or a reporter's account, and nothing is cut. Speech is no comment: a report
    whose opening labels it a transcript ("[TEXT]", "[NEWS CONFERENCE WITH ...]"), a paragraph
    that opens with its speaker ("[PONCE] I can tell you ...", "Q: ..."), one inside a recording
    ("[BEGIN RECORDING] ... [END RECORDING]") or after a paragraph that ends with a colon.
    """
    body = _unmarked(reasons)
    if len(body) < 2 or r.comment_likeness(texts[body[0]]) is not CommentLikeness.NONE:
        return
    if _upper_case(texts[i] for i in body):
        return  # wire copy set in capitals: crawled pages with pasted comments are never all capitals
    if r.is_transcript(texts[body[0]]):
        return  # wire copy of a speech, interview or communique: the first person is the speaker's
    recording = r.recording_open(texts[body[0]], False)
    for pos, i in enumerate(body[1:], start=1):
        speech = recording or r.speaker_label.match(texts[i]) is not None or texts[body[pos - 1]].rstrip().endswith(":")
        recording = r.recording_open(texts[i], recording)
        if not speech and r.comment_likeness(texts[i]) is not CommentLikeness.NONE:
            for j in body[pos:]:
                _mark(reasons, j, UNMARKED_COMMENT)
            return


def _upper_case(texts) -> bool:
    """Whether nine letters in ten of the paragraphs are capitals."""
    upper = lower = 0
    for text in texts:
        capitals, small = case_counts(text)
        upper += capitals
        lower += small
    return upper >= 9 * lower and upper > 0


def _strip_trailing_source(texts: list[str], reasons: list[str | None], r: Rules) -> _Cut | None:
    """A "Source" link label glued to the end of the last paragraph."""
    open_units = _unmarked(reasons)
    if not open_units:
        return None
    last = open_units[-1]
    match = r.trailing_source.search(texts[last])
    if match is None or match.start() == 0:
        return None
    texts[last] = texts[last][: match.start()].rstrip()
    return _Cut(match.group(0).strip(), CHROME, last)


def _drop_repeats(
    kept: list[tuple[str, _Unit]], dropped: list[Dropped]
) -> tuple[list[tuple[str, _Unit]], list[Dropped]]:
    """A kept paragraph identical to a dropped block (a comment quoting the article, a caption
    repeated lower down) goes too, so no dropped text can leak back into ``text``."""
    gone = {d.text for d in dropped}
    still = [(t, u) for t, u in kept if t not in gone]
    dropped = dropped + [Dropped(t, REPEAT, u.line) for t, u in kept if t in gone]
    return still, dropped


def _never_empty(kept: list[str], dropped: list[Dropped]) -> tuple[list[str], list[Dropped]]:
    """If nothing is left but a content block was dropped (a lone headline), keep that block."""
    if kept:
        return kept, dropped
    for reason in _CONTENT_REASONS:
        for item in dropped:
            if item.reason == reason:
                return [item.text], [d for d in dropped if d.text != item.text]
    return kept, dropped


# --------------------------------------------------------------------------------------------
# HTML


def _clean_html(article: Article) -> CleanArticle:
    """trafilatura finds the main text and the metadata; the body rules then run on its lines."""
    page = _xml_safe(article.raw)
    meta = trafilatura.extract_metadata(
        page, default_url=article.url, date_config={"original_date": True, "extensive_search": False}
    )
    body = trafilatura.extract(
        page,
        url=article.url,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
    )
    notes: list[Dropped] = []
    if not body:
        body = _page_text(page)
        notes.append(Dropped("no main text found; used all visible text", HTML_BOILERPLATE))
    else:
        notes.extend(_boilerplate_summary(page, body))
    title = (meta.title if meta else None) or article.title
    units = [_Unit(_normalise_space(line), None) for line in body.split("\n") if line.strip()]
    with_title = article if title == article.title else replace(article, title=title)
    cleaned = _clean_units(with_title, units, header_rules=False, extra_dropped=notes)
    return CleanArticle(
        article=article,
        text=cleaned.text,
        dropped=cleaned.dropped,
        headline=title,
        byline=(meta.author if meta else None) or None,
        dateline=(meta.date if meta else None) or None,
    )


def _boilerplate_summary(raw: str, body: str) -> list[Dropped]:
    """One record for everything outside the main text: how much, and the first few blocks."""
    outside = [b for b in _visible_blocks(raw) if b not in body]
    if not outside:
        return []
    chars = sum(len(b) for b in outside)
    sample = ", ".join(repr(b[:40]) for b in outside[:5])
    more = ", ..." if len(outside) > 5 else ""
    text = f"{len(outside)} text blocks ({chars} characters) outside the main text: {sample}{more}"
    return [Dropped(text, HTML_BOILERPLATE)]


def _xml_safe(raw: str) -> str:
    """Drop control characters (except tab and newlines) that lxml refuses in text nodes."""
    return raw.translate(_control_chars())


@functools.cache
def _control_chars() -> dict[int, None]:
    return {c: None for c in (*range(0, 32), 127) if chr(c) not in "\t\n\r"}


def _parse_page(raw: str) -> lxml.html.HtmlElement | None:
    """The page without script, style and head, or ``None`` when lxml cannot parse it at all."""
    try:
        # the page is already text: say its bytes are UTF-8, or lxml reads a page without a
        # charset declaration as Latin-1 (a zero-width space became the letters "â\x80\x8b")
        root = lxml.html.fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return None
    for bad in root.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    return root


def _visible_blocks(raw: str) -> list[str]:
    root = _parse_page(raw)
    if root is None:
        return []
    blocks = (_normalise_space(chunk) for chunk in root.itertext())
    return [b for b in blocks if b]


def _page_text(raw: str) -> str:
    """All visible text, one line per block element: the fallback when trafilatura finds no article."""
    root = _parse_page(raw)
    if root is None:
        return ""
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()
