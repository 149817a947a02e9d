"""The patterns the cleaner recognises, compiled once and held in one frozen object.

Kept apart from ``clean.py`` so the list of page furniture can grow (new outlets bring new
sign-in prompts) without touching the control flow, and so tests can read it as a catalogue. The
page-furniture patterns themselves are data: ``data/rules/page_chrome.json``.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

from eventdesk.rules import word_list

__all__ = ["CommentLikeness", "Rules", "rules"]

_WIRE_END_MARKS = word_list("page_chrome.json", "wire_end_marks")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NUMERIC_DATE = r"\d{1,2}([/.-])\d{1,2}\1\d{2,4}|\d{4}-\d{2}-\d{2}"
_TEXT_DATE = (
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|utc|[a-z]{2,4}))?"

#: Words that may follow "By" in a byline besides capitalised names, dates and times.
_BYLINE_GLUE = frozenset(
    {"in", "and", "&", "the", "of", "de", "da", "bin", "ibn", "|", "-", "–", "—", "for", "at"}
)

#: Words after which a capital "I" is a numeral, not the first person (World War I).
_NUMERAL_I_BEFORE = frozenset(
    {"war", "phase", "part", "type", "class", "chapter", "title", "article", "section", "stage", "level"}
)


class CommentLikeness(enum.Enum):
    """Why a paragraph reads like a reader's comment rather than reporting."""

    NONE = "none"
    FIRST_PERSON = "first person singular outside quotes"
    EDIT_MARKER = "edit marker or chat shorthand"
    OPENER = "comment-style opener"


@dataclass(frozen=True)
class Rules:
    """Compiled patterns with the small predicates built on them."""

    chrome: re.Pattern[str]
    section_label: re.Pattern[str]
    comment_section: re.Pattern[str]
    comment_stamp: re.Pattern[str]
    sidebar_meta: re.Pattern[str]
    caption_marker: re.Pattern[str]
    caption_credit: re.Pattern[str]
    byline_start: re.Pattern[str]
    date_line: re.Pattern[str]
    numeric_or_time: re.Pattern[str]
    place_dateline: re.Pattern[str]
    trailing_source: re.Pattern[str]
    quoted: re.Pattern[str]
    first_person_i: re.Pattern[str]
    first_person_other: re.Pattern[str]
    edit_marker: re.Pattern[str]
    opener: re.Pattern[str]
    transcript_label: re.Pattern[str]
    speaker_label: re.Pattern[str]
    recording_begin: re.Pattern[str]
    recording_end: re.Pattern[str]

    def is_chrome(self, text: str) -> bool:
        return len(text) <= 250 and self.chrome.fullmatch(text) is not None

    def is_caption(self, text: str) -> bool:
        """A photo caption: names a photo, or ends "... sentence. (Credit Name)"."""
        if len(text) > 400:
            return False
        if self.caption_marker.search(text):
            return True
        credit = self.caption_credit.search(text)
        # "... SAN VICENTE DEPARTMENT. (ENDALL)": a wire's end mark, no credit
        return credit is not None and credit.group(0).lstrip(".!?”\" ").strip("()").upper() not in _WIRE_END_MARKS

    def is_byline(self, text: str) -> bool:
        """ "By Paul Iddon 2/1/2019", "By Alaa Hussain in Baghdad" -- not "By the time ..."."""
        match = self.byline_start.match(text)
        if match is None or len(text) > 100 or text.endswith("."):
            return False
        words = text[match.end() :].split()
        return 0 < len(words) <= 10 and all(self._byline_word(w) for w in words)

    def _byline_word(self, word: str) -> bool:
        stripped = word.strip(",;()")
        return (
            not stripped
            or stripped[0].isupper()
            or stripped.lower() in _BYLINE_GLUE
            or stripped.lower().startswith(("al-", "el-", "bin-"))
            or self.numeric_or_time.fullmatch(stripped) is not None
        )

    def is_transcript(self, opening: str) -> bool:
        """Whether a report's opening paragraph labels it a transcript of a source ("[TEXT]",
        "[BEGIN RECORDING]", "[NEWS CONFERENCE WITH COLONEL ...]")."""
        return self.transcript_label.search(opening) is not None

    def recording_open(self, text: str, was_open: bool) -> bool:
        """Whether a transcribed recording is still open after the paragraph ``text``."""
        begins = [m.start() for m in self.recording_begin.finditer(text)]
        ends = [m.start() for m in self.recording_end.finditer(text)]
        if not begins and not ends:
            return was_open
        return bool(begins) and (not ends or max(begins) > max(ends))

    def comment_likeness(self, text: str) -> CommentLikeness:
        """Classify a paragraph; quoted speech is removed first (first person there is normal)."""
        if self.opener.match(text):
            return CommentLikeness.OPENER
        if self.edit_marker.search(text):
            return CommentLikeness.EDIT_MARKER
        outside = self.quoted.sub(" ", text)
        outside = _SPEECH_COLON.split(outside, maxsplit=1)[0]  # "he asserted: I am aware ...": speech follows
        if self.first_person_other.search(outside):
            return CommentLikeness.FIRST_PERSON
        for match in self.first_person_i.finditer(outside):
            before = outside[: match.start()].rsplit(None, 1)  # only the last word is read
            if not before or before[-1].lower().strip(",") not in _NUMERAL_I_BEFORE:
                return CommentLikeness.FIRST_PERSON
        return CommentLikeness.NONE


#: A colon after a word opens what someone says, unquoted in wire copy ("HE ASSERTED: I AM AWARE").
_SPEECH_COLON = re.compile(r"(?<=[A-Za-z\]]):\s")


@functools.cache
def rules() -> Rules:
    """Build the patterns once per process (a cache, not a module global)."""
    ci = re.IGNORECASE
    stamp_date = r"\d{1,2}/\d{1,2}/\d{2,4}"
    return Rules(
        # page furniture: short paragraphs that are only a prompt, a label or a link
        chrome=re.compile("|".join(f"(?:{p})" for p in word_list("page_chrome.json", "chrome_lines")), ci),
        section_label=re.compile(
            r"(?:[A-Z][\w&'’-]*\s+){0,3}News|In [A-Z][\w&'’ -]{1,25}, [A-Z][\w&'’ -]{1,25}"
        ),
        comment_section=re.compile(
            r"\d+\s+comments?(?:\s*\(s\))?|comment\(s\)|comment policy\b.{0,200}|leave a (?:comment|reply)",
            ci,
        ),
        comment_stamp=re.compile(rf"[^|]{{1,60}}?\s*\|\s*{stamp_date}(?:\s+{_TIME})?", ci),
        sidebar_meta=re.compile(
            r"\|\s*(?:\d+\s+(?:second|minute|hour|day|week|month)s?\s+ago|yesterday(?:\s+at\s+[\d:]+)?|"
            r"today(?:\s+at\s+[\d:]+)?|\d{1,2}/\d{1,2}/\d{2,4})\s*\|\s*\(\d+\)",
            ci,
        ),
        caption_marker=re.compile(
            r"\bPhotos?\s*:|\[\s*Photo\b|\(\s*Photo\b|"
            r"\bPhoto(?:graph)?\s+(?:by|courtesy|credit)\b|\bFile photo\b",
            ci,
        ),
        caption_credit=re.compile(
            r"[.!?”\"]\s*\((?:[A-Z][\w.&'’/-]*)(?:\s+(?:[A-Z][\w.&'’/-]*|of|the|and|for|al-\w+))*\)$"
        ),
        byline_start=re.compile(r"By\s+(?=[A-Z])"),
        date_line=re.compile(
            rf"(?:{_WEEKDAY},?\s+)?(?:{_NUMERIC_DATE}|{_TEXT_DATE})(?:,?\s+{_TIME})?"
            rf"|(?:updated|published|posted)\s*:?\s*(?:{_WEEKDAY},?\s+)?(?:{_NUMERIC_DATE}|{_TEXT_DATE}).{{0,20}}",
            ci,
        ),
        numeric_or_time=re.compile(rf"{_NUMERIC_DATE}|{_TIME}", ci),
        place_dateline=re.compile(
            r"[A-Z][A-Z'’.]{1,}(?:\s+[A-Z][A-Z'’.]+){0,3}(?:,\s+[A-Z][A-Za-z.'’ ]{1,30}?)?"
            r"(?:\s*\([A-Za-z .]{2,30}\))?"
            # a wire dateline's date: "BOGOTA, 7 SEP 89 --", "SAN SALVADOR, 12 NOV --"
            r"(?:,\s+(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2})(?:\s+\d{2,4})?)?"
            # the agency after the date: "MAPUTO, Sept 8 (Reuters) - ", "KANO, Nigeria, March 7 (Reuters) - "
            r"(?:\s*\([A-Za-z .]{2,30}\))?\s*[-–—]+\s+(?=\S)"
            # the Indian press's "New Delhi, April 17 (PTI):", "Raipur, April 3:": a town in its own case, a
            # month's name and a day, a colon
            rf"|[A-Z][a-z'’.]+(?:\s+[A-Z][a-z'’.]+){{0,2}},\s+(?:\d{{1,2}}\s+(?i:{_MONTH})|(?i:{_MONTH})\s+\d{{1,2}})"
            r"(?:,?\s+\d{4})?(?:\s*\([A-Za-z .]{2,30}\))?\s*:\s+(?=\S)"
        ),
        trailing_source=re.compile(r"(?<=[.!?”\"’)])\s+Source\s*$"),
        quoted=re.compile(
            r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|(?<!\w)‘[^’]*(?:’(?!\w)|$)|(?<!\w)'[^']*(?:'(?!\w)|$)"
        ),
        first_person_i=re.compile(r"(?<![\w'’.-])I(?:['’](?:m|ve|d|ll))?(?![\w'’-])"),
        first_person_other=re.compile(r"(?<![\w'’-])(?:[Mm]y|me|mine|[Mm]yself)(?![\w'’-])"),
        edit_marker=re.compile(r"\[\s*edit\b|\bedit\s*:|\bIMHO\b|\bIMO\b|\blol\b", ci),
        transcript_label=re.compile(
            r"\[(?:" + "|".join(re.escape(w) for w in sorted(word_list("page_chrome.json", "transcript_labels"))) + r")\b[^\]]*\]", ci
        ),
        speaker_label=re.compile("|".join(f"(?:{p})" for p in word_list("page_chrome.json", "speaker_label"))),
        recording_begin=re.compile(word_list("page_chrome.json", "recording_marks")[0], ci),
        recording_end=re.compile(word_list("page_chrome.json", "recording_marks")[1], ci),
        opener=re.compile(
            r"(?:@\w+|(?:Indeed|Exactly|Agreed|Absolutely|Nonsense|Rubbish|Wow|Lol|So true|Well said|"
            r"Sad|Shame|Correct|True)\s*[.!]+)(?:\s|$)"
        ),
    )
