"""Reading MUC-4: the wire reports (as articles) and the answer-key templates.

Reports (``dev-muc3-0001-0100``, ``tst1-muc3``, ...) follow each other in one file, each opened by its
id line (``DEV-MUC3-0001 (NOSC)``) and a dateline (``SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- [REPORT]
[...] [TEXT] THE ARCE BATTALION ...``). As ``../shared/eval/README.md`` says, each report is fed as one
article: the dateline's place and date, then the text after the ``[TEXT]`` marker (after the
bracketed labels when there is none), hard line wraps joined, ``published`` = the dateline's date.
The text keeps its upper case: wire copy is real input.

Keys (``key-dev-0001.muc4``, ``key-tst1.v7``, ...) hold numbered slots (``3.  INCIDENT: LOCATION``);
a slot's fillers continue on indented lines; ``/`` separates alternatives, a leading ``?`` marks an
optional filler, ``*`` an inapplicable slot and ``-`` an empty one. A report with no relevant
incident has one template whose slots are all ``*``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from eventdesk.errors import EvalError

__all__ = ["MucReport", "MucTemplate", "DateRange", "read_reports", "read_keys", "parse_muc_date"]

_ID_LINE = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\b")
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .,'()-]*?),\s*(?P<date>\d{1,2}\s+[A-Z]{3}\w*(?:\s+\d{2,4})?|[A-Z]{3}\w*\s+\d{1,2}"
    r"(?:\s+\d{2,4})?|NO DATE)\s*(?:[(\[](?:[^()\[\]]|\[[^\]]*\])*[)\]])?\s*--\s*",
    # "(ACAN-EFE)"; "[INRAVISION ... 1)" as typed; "(INTERPRESS AGENCY [IPS])" with a bracket inside
)
_LABELS = re.compile(r"^(?:\s*\[[^\]]*\])+\s*")
_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}


@dataclass(frozen=True)
class MucReport:
    id: str
    text: str
    published: dt.date | None
    origin: str


@dataclass(frozen=True)
class DateRange:
    """A key's date: ``low``..``high`` inclusive; ``low`` is None for "on or before high"."""

    low: dt.date | None
    high: dt.date

    def contains(self, day: dt.date, *, before: int = 62) -> bool:
        low = self.low if self.low is not None else self.high - dt.timedelta(days=before)
        return low <= day <= self.high

    def near(self, day: dt.date, slack: int) -> bool:
        low = self.low if self.low is not None else self.high - dt.timedelta(days=62)
        return low - dt.timedelta(days=slack) <= day <= self.high + dt.timedelta(days=slack)


@dataclass(frozen=True)
class MucTemplate:
    report_id: str
    number: str
    optional: bool
    dates: tuple[DateRange, ...]  # alternatives; () when the key gives none
    locations: tuple[tuple[tuple[str, str], ...], ...]  # alternatives, each [(name, kind)] coarse to fine
    types: tuple[str, ...]
    stages: tuple[str, ...]
    perp_orgs: tuple[tuple[str, ...], ...]  # each organisation with its alternative names
    perp_orgs_optional: bool
    deaths: tuple[int, int] | None  # low, high; None when the key gives no number for its dead
    dead_targets: int  # how many human targets died (0: nobody)
    strings: tuple[str, ...] = ()  # the text strings the key quotes: perpetrators, targets, instruments


def parse_muc_date(text: str, anchor_year: int | None = None) -> dt.date | None:
    m = re.fullmatch(r"\s*(\d{1,2})\s+([A-Z]{3})[A-Z]*\.?(?:\s+(\d{2,4}))?\s*", text.upper())
    if m is None:
        m2 = re.fullmatch(r"\s*([A-Z]{3})[A-Z]*\s+(\d{1,2})(?:\s+(\d{2,4}))?\s*", text.upper())
        if m2 is None:
            return None
        day, mon, year = m2[2], m2[1], m2[3]
    else:
        day, mon, year = m[1], m[2], m[3]
    if mon not in _MONTHS:
        return None
    if year is None:
        if anchor_year is None:
            return None
        y = anchor_year
    else:
        y = int(year)
        y = y + 1900 if y < 100 else y
    try:
        return dt.date(y, _MONTHS[mon], int(day))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------- reports
def read_reports(folder: str | Path) -> list[MucReport]:
    """Every report of the set's text files (files whose name has no ``key``), in file order."""
    folder = Path(folder)
    files = sorted(p for p in folder.iterdir() if p.is_file() and "key" not in p.name.lower()
                   and not p.name.upper().endswith("README"))
    if not files:
        raise EvalError(f"{folder}: no MUC-4 report files")
    reports: list[MucReport] = []
    for path in files:
        reports.extend(_reports_of(path))
    if not reports:
        raise EvalError(f"{folder}: no MUC-4 reports found")
    return reports


def _reports_of(path: Path) -> list[MucReport]:
    out: list[MucReport] = []
    current: str | None = None
    lines: list[str] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        m = _ID_LINE.match(line)
        if m:
            if current is not None:
                out.append(_report(current, lines, f"{path}:{current}"))
            current, lines = m[1], []
        elif current is not None:
            lines.append(line)
    if current is not None:
        out.append(_report(current, lines, f"{path}:{current}"))
    return out


def _report(report_id: str, lines: list[str], origin: str) -> MucReport:
    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines + [""]:
        if line.strip():
            block.append(line.strip())
        elif block:
            paragraphs.append(" ".join(block))
            block = []
    if not paragraphs:
        return MucReport(report_id, "", None, origin)
    first = paragraphs[0]
    published = None
    head = ""
    m = _DATELINE.match(first)
    if m:
        published = parse_muc_date(m["date"])
        head = f"{m['place'].strip()}, {m['date']} -- " if m["date"] != "NO DATE" else f"{m['place'].strip()} -- "
        first = first[m.end():]
    elif "--" in first[:200]:
        head, first = first.split("--", 1)
        head = head.strip() + " -- "
    if "[TEXT]" in first:
        first = first.split("[TEXT]", 1)[1]
    first = _LABELS.sub("", first)
    paragraphs[0] = head + first.strip()
    return MucReport(report_id, "\n\n".join(p for p in paragraphs if p.strip()), published, origin)


# ------------------------------------------------------------------------------------------- keys
_SLOT = re.compile(r"^\s*(\d+)\.\s+([A-Z][A-Z :]+?)\s{2,}(.*)$")


def read_keys(folder: str | Path, published: dict[str, dt.date | None]) -> dict[str, list[MucTemplate]]:
    """Report id -> its templates ([] for a report whose key says no relevant incident). ``published``
    anchors key dates written without a year."""
    folder = Path(folder)
    files = sorted(p for p in folder.iterdir() if p.is_file() and "key" in p.name.lower())
    if not files:
        raise EvalError(f"{folder}: no MUC-4 key files")
    out: dict[str, list[MucTemplate]] = {}
    for path in files:
        for slots in _templates_of(path):
            report_id = _first(slots.get("MESSAGE: ID", [""])).split()[0] if slots.get("MESSAGE: ID") else ""
            if not report_id:
                continue
            templates = out.setdefault(report_id, [])
            number = _first(slots.get("MESSAGE: TEMPLATE", ["*"]))
            if number.startswith("*"):
                continue
            pub = published.get(report_id)
            templates.append(_template(report_id, number, slots, pub.year if pub else None))
    return out


def _templates_of(path: Path) -> list[dict[str, list[str]]]:
    out: list[dict[str, list[str]]] = []
    slots: dict[str, list[str]] = {}
    last: str | None = None
    for line in path.read_text(encoding="latin-1").splitlines():
        m = _SLOT.match(line)
        if m:
            name = m[2].strip()
            if name == "MESSAGE: ID" and slots:
                out.append(slots)
                slots = {}
            slots[name] = [m[3].strip()]
            last = name
        elif line.strip() and last is not None and line.startswith(" "):
            slots[last].append(line.strip())
        elif not line.strip():
            last = None
    if slots:
        out.append(slots)
    return out


def _first(values: list[str]) -> str:
    return values[0] if values else ""


def _alternatives(filler: str) -> list[str]:
    """``"A" / "B"`` -> ["A", "B"]; quotes and a leading ``?`` removed. A slash inside brackets
    ("URABA (REGION / CITY)") parts no alternatives."""
    pieces, depth, start = [], 0, 0
    for m in re.finditer(r"[()]|\s/\s", filler):
        if m[0] in "()":
            depth += 1 if m[0] == "(" else -1
        elif depth <= 0:
            pieces.append(filler[start:m.start()])
            start = m.end()
    pieces.append(filler[start:])
    return [a.strip().lstrip("?").strip().strip('"').strip() for a in pieces if a.strip()]


def _template(report_id: str, number: str, slots: dict[str, list[str]], year: int | None) -> MucTemplate:
    optional = "OPTIONAL" in number
    types = tuple(t for f in slots.get("INCIDENT: TYPE", []) for t in _alternatives(f) if t not in ("*", "-"))
    stages = tuple(t for f in slots.get("INCIDENT: STAGE OF EXECUTION", []) for t in _alternatives(f)
                   if t not in ("*", "-"))
    dates = tuple(d for f in slots.get("INCIDENT: DATE", []) for a in _alternatives(f)
                  if (d := _date_range(a, year)) is not None)
    locations = tuple(loc for f in slots.get("INCIDENT: LOCATION", []) for a in _alternatives(f)
                      if (loc := _location(a)))
    orgs: list[tuple[str, ...]] = []
    org_optional = True
    for filler in slots.get("PERP: ORGANIZATION ID", []):
        if filler.strip() in ("*", "-", ""):
            continue
        names = tuple(n for n in _alternatives(filler) if n and n not in ("*", "-"))
        if names:
            orgs.append(names)
            org_optional = org_optional and filler.strip().startswith("?")
    deaths, dead = _deaths(slots)
    quoted = tuple(dict.fromkeys(q for name in _QUOTED_SLOTS for f in slots.get(name, [])
                                 for q in re.findall(r'"([^"]{3,})"', f)))
    return MucTemplate(report_id, number.split()[0], optional, dates, locations, types, stages, tuple(orgs),
                       org_optional if orgs else False, deaths, dead, quoted)


_QUOTED_SLOTS = ("INCIDENT: INSTRUMENT ID", "PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID", "PHYS TGT: ID",
                 "HUM TGT: NAME", "HUM TGT: DESCRIPTION")


def _date_range(text: str, year: int | None) -> DateRange | None:
    text = text.strip().strip("()").strip()
    if not text or text in ("*", "-"):
        return None
    if text.startswith("-"):
        high = parse_muc_date(text[1:].strip().strip("()"), year)
        return DateRange(None, high) if high else None
    parts = [p.strip().strip("()").strip() for p in re.split(r"\s+-\s+", text)]
    days = [parse_muc_date(p, year) for p in parts]
    if any(d is None for d in days) or not days:
        return None
    return DateRange(min(days), max(days))


def _location(text: str) -> tuple[tuple[str, str], ...]:
    """"EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS (TOWN)" -> (("EL SALVADOR", "COUNTRY"), ...);
    a part between two places ("A (CITY) - B (REGION)") keeps the first; an alternative set in
    brackets of its own ("(EL SALVADOR: ZARAGOZA (TOWN)) / (EL SALVADOR: SAN SALVADOR (CITY))") is read
    inside them."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1]
    parts = []
    for i, part in enumerate(p.strip() for p in text.split(":")):
        if not part or part in ("*", "-"):
            continue
        part = re.split(r"\s+-\s+", part)[0]
        m = re.fullmatch(r"(.+?)\s*\(([A-Z ]+)(?:\s*/\s*[A-Z ]+)*\)", part)  # "URABA (REGION / CITY)": the first kind
        name, kind = (m[1], m[2]) if m else (part, "COUNTRY" if i == 0 else "")
        parts.append((name.strip().strip('"'), kind.strip()))
    return tuple(parts)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def _deaths(slots: dict[str, list[str]]) -> tuple[tuple[int, int] | None, int]:
    """The key's death toll: the NUMBER of every human target whose EFFECT includes DEATH."""
    effects = slots.get("HUM TGT: EFFECT OF INCIDENT", [])
    dead_refs: list[list[str]] = []
    for filler in effects:
        m = re.match(r"\??\s*([A-Z /]+?)\s*:\s*(.*)$", filler)
        kinds = _alternatives(m[1]) if m else _alternatives(filler)
        if "DEATH" in kinds:
            dead_refs.append(_alternatives(m[2]) if m else ["-"])
    if not dead_refs:
        return (0, 0), 0
    numbers: dict[str, str] = {}
    for filler in slots.get("HUM TGT: NUMBER", []):
        m = re.match(r"\??\s*([^:]+?)\s*:\s*(.*)$", filler)
        if m:
            for ref in _alternatives(m[2]):
                numbers[ref] = m[1].strip()
    low = high = 0
    for refs in dead_refs:
        value = next((numbers[r] for r in refs if r in numbers), None)
        span = _number(value) if value else None
        if span is None:
            return None, len(dead_refs)
        low, high = low + span[0], high + span[1]
    return (low, high), len(dead_refs)


def _number(text: str) -> tuple[int, int] | None:
    text = text.strip().lstrip("~")
    if text.isdigit():
        return int(text), int(text)
    m = re.fullmatch(r"(\d+)\s*-\s*(\d+)?", text)
    if m:
        return int(m[1]), int(m[2]) if m[2] else 10**6
    return None
