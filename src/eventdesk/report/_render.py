"""A ``Brief`` as Markdown or as one self-contained HTML page. Presentation only.

Every text that comes from the data is escaped: ``html.escape`` for HTML, a backslash before
Markdown's active characters for Markdown. URLs become links only when they are http(s).
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

from eventdesk.report._types import Brief, Cited, EventEntry, SourceRef, long_date

__all__ = ["markdown", "html_page", "md_escape", "IMAGES", "cite_runs", "chart_heading"]

IMAGES: dict[str, tuple[str, str]] = {
    "deaths": ("deaths-by-province.png", "Deaths by province and {unit}"),
    "map": ("map.png", "Map of the events, marker area proportional to deaths"),
}

_MD_ACTIVE = re.compile(r"([\\`*_\[\]<>|~&#])")
_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def md_escape(text: str) -> str:
    """Data text safe inside a Markdown paragraph: one line, active characters backslashed."""
    return _MD_ACTIVE.sub(r"\\\1", _flat(text))


def _h(text: str) -> str:
    return html.escape(_flat(text), quote=True)


def _safe_url(url: str | None) -> str | None:
    """The URL percent-encoded for use as a link target, or ``None`` unless it is http(s)."""
    if not url:
        return None
    url = url.strip()
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def chart_heading(brief: Brief) -> str:
    """``Deaths by province and day`` (the chart's bins follow the period's length)."""
    return IMAGES["deaths"][1].format(unit=brief.deaths.unit)


def _period_line(brief: Brief) -> str:
    return brief.period_text + (f" ({brief.period_note})" if brief.period_note else "")


def cite_runs(numbers: tuple[int, ...]) -> list[tuple[int, int]]:
    """Source numbers as runs, in order: ``(1, 2, 3, 5)`` -> ``[(1, 3), (5, 5)]``."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _cite_group(numbers: tuple[int, ...], more: int, link) -> str:
    """One bracketed group of citations: ``[1–3, 5 and 2 more]``; ``link(n)`` renders a number.
    A run of three or more is written as a range, two as two numbers."""
    if not numbers:
        return ""
    parts = []
    for first, last in cite_runs(numbers):
        if last - first >= 2:
            parts.append(f"{link(first)}\u2013{link(last)}")
        else:
            parts.extend(link(n) for n in range(first, last + 1))
    return ", ".join(parts) + (f" and {more} more" if more else "")


def _left_out(brief: Brief) -> str:
    """Plain sentences on the events not in the brief (empty when none)."""
    out = []
    if brief.left_out:
        total = sum(n for _, n in brief.left_out)
        reasons = "; ".join(f"{why} ({n})" for why, n in brief.left_out)
        out.append(f"{total} matching {'event was' if total == 1 else 'events were'} left out: {reasons}. "
                   "The brief keeps only events with a date and a place at province level or better.")
    if brief.hidden:
        shown = len(brief.events)
        out.append(f"The event list shows the {shown} deadliest of {shown + brief.hidden} events; "
                   "eventdesk export writes them all.")
    return " ".join(out)


def _sources_line(entry: EventEntry) -> str:
    """``1 source``; ``3 sources, all independent``; ``3 sources, 2 independent``."""
    if entry.sources == 1:
        return "1 source"
    if entry.independent == entry.sources:
        return f"{entry.sources} sources, all independent"
    return f"{entry.sources} sources, {entry.independent} independent"


def _source_text(ref: SourceRef) -> list[str]:
    """The parts of a source line, plain text: outlet, title, date (url and id added by the renderer)."""
    parts = [ref.outlet or "unknown outlet"]
    if ref.title:
        parts.append(f"\u201c{_flat(ref.title)}\u201d")
    parts.append(long_date(ref.published) if ref.published else "publication date unknown")
    return parts


# -- Markdown ---------------------------------------------------------------------------------


def _md_cites(cited: Cited | tuple[int, ...], more: int = 0) -> str:
    numbers, more = (cited.cites, cited.more) if isinstance(cited, Cited) else (cited, more)
    group = _cite_group(numbers, more, lambda n: f"[{n}](#src-{n})")
    return f"\\[{group}\\]" if group else ""


def _with_cites(text: str, cites: str) -> str:
    """Citations go before the sentence's closing full stop: ``... 36 deaths [1][2].``"""
    if not cites:
        return text
    if text.endswith("."):
        return f"{text[:-1]} {cites}."
    return f"{text} {cites}"


def _md_sentence(cited: Cited) -> str:
    return _with_cites(md_escape(cited.text), _md_cites(cited))


def markdown(brief: Brief, images: Mapping[str, str]) -> str:
    """The brief as Markdown; ``images`` maps ``deaths``/``map`` to the PNG paths to link."""
    out = [f"# {md_escape(brief.title)}", ""]
    out.append(f"**Period:** {md_escape(_period_line(brief))}  ")
    out.append(f"**Area:** {md_escape(brief.area)}  ")
    out.append(f"**Events in this brief:** {len(brief.events) + brief.hidden}; "
               f"**sources cited:** {len(brief.sources)}" + ("  " if brief.generated_at else ""))
    if brief.generated_at:
        out.append(f"**Generated:** {md_escape(brief.generated_at)}")
    out += ["", "## Summary", ""]
    if brief.summary:
        out += [f"- {_md_sentence(c)}" for c in brief.summary]
    else:
        out.append("No events with a date and a place match this period and area.")
    note = _left_out(brief)
    if note:
        out += ["", f"*{md_escape(note)}*"]
    if brief.events:
        out += ["", "## Main events", ""]
        for e in brief.events:
            out.append(f"- **{md_escape(e.date_text)}**, {md_escape(e.place)}: {md_escape(e.sub_event_type)} "
                       f"({md_escape(e.event_type)}); {md_escape(e.actors)}  ")
            line = f"  Deaths: {md_escape(e.deaths_text)}; {_sources_line(e)} {_md_cites(e.cites)}"
            if e.disputed:
                line += f"; sources disagree on: {md_escape(', '.join(e.disputed))}"
            if e.reviewed:
                line += f"; reviewed by an analyst: {md_escape(', '.join(e.reviewed))}"
            out.append(line + f"; event {md_escape(e.event_id)}" + ("  " if e.coordination else ""))
            if e.coordination:
                out.append(f"  {_md_sentence(e.coordination)}")
    if brief.disagreements:
        out += ["", "## Where sources disagree", ""]
        for d in brief.disagreements:
            said = " ".join(_md_sentence(c) for c in d.statements)
            out.append(f"- **{md_escape(d.about)}:** {said}")
    for key in ("deaths", "map"):
        if key in images:
            heading = chart_heading(brief) if key == "deaths" else "Map"
            alt = heading if key == "deaths" else IMAGES[key][1]
            out += ["", f"## {heading}", "", f"![{alt}]({quote(images[key], safe='/._-')})"]
    if brief.sources:
        out += ["", "## Sources", ""]
        for ref in brief.sources:
            parts = [md_escape(p) for p in _source_text(ref)]
            url = _safe_url(ref.url)
            if url:
                parts.append(f"[{md_escape(ref.url)}]({url})")
            elif ref.url:
                parts.append(md_escape(ref.url))
            parts.append(f"article {md_escape(ref.article_id)}")
            out.append(f'{ref.number}. <a id="src-{ref.number}"></a>' + ", ".join(parts))
    return "\n".join(out) + "\n"


# -- HTML -------------------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       font-size: 16px; line-height: 1.55; color: #222; background: #fff; max-width: 60rem; margin: 2.5rem auto;
       padding: 0 1.25rem; }
h1 { font-size: 1.45rem; font-weight: 600; margin: 0 0 .4rem; line-height: 1.3; }
h2 { font-size: 1.1rem; font-weight: 600; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
     border-bottom: 1px solid #d8d8d8; }
p, ul.summary, ul.disagreements { max-width: 46rem; }
ul.summary li, ul.disagreements li { margin-bottom: .45rem; }
.meta { color: #555; font-size: .92rem; } .note { color: #555; font-size: .92rem; }
.cites { font-size: .82em; color: #555; white-space: nowrap; }
.cites a { color: #2f5d8a; text-decoration: none; } .cites a:hover { text-decoration: underline; }
a { color: #2f5d8a; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { border-bottom: 1px solid #e2e2e2; padding: .35rem .45rem; text-align: left; vertical-align: top; }
th { font-weight: 600; color: #444; border-bottom: 1px solid #bbb; }
td:first-child { white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
small { color: #666; } .disputed { color: #8a4b0f; }
img { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
ol.sources { font-size: .9rem; color: #333; } ol.sources li { margin-bottom: .35rem; overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def _html_cites(numbers: tuple[int, ...], more: int = 0) -> str:
    group = _cite_group(numbers, more, lambda n: f'<a href="#src-{n}">{n}</a>')
    return f'<span class="cites">[{group}]</span>' if group else ""


def _html_sentence(cited: Cited) -> str:
    return _with_cites(_h(cited.text), _html_cites(cited.cites, cited.more))


def _html_event(e: EventEntry) -> str:
    notes = []
    if e.disputed:
        notes.append(f'<span class="disputed">Sources disagree on: {_h(", ".join(e.disputed))}</span>')
    if e.coordination:
        notes.append(_html_sentence(e.coordination))
    if e.reviewed:
        notes.append(f"Reviewed by an analyst: {_h(', '.join(e.reviewed))}")
    return (
        "<tr>"
        f"<td>{_h(e.date_text)}</td><td>{_h(e.place)}</td>"
        f"<td>{_h(e.sub_event_type)}<br><small>{_h(e.event_type)}</small></td>"
        f"<td>{_h(e.actors)}</td><td class=\"num\">{_h(e.deaths_text)}</td>"
        f"<td>{_h(_sources_line(e))} {_html_cites(e.cites)}</td>"
        f"<td>{'<br>'.join(notes)}<br><small>event {_h(e.event_id)}</small></td>"
        "</tr>"
    )


def html_page(brief: Brief, images: Mapping[str, bytes]) -> str:
    """The brief as one HTML page; ``images`` maps ``deaths``/``map`` to PNG bytes, embedded as
    ``data:`` URIs so the page is a single file."""
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{_h(brief.title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>",
           f"<h1>{_h(brief.title)}</h1>",
           f'<p class="meta">Period: {_h(_period_line(brief))} &middot; Area: {_h(brief.area)} &middot; '
           f"Events in this brief: {len(brief.events) + brief.hidden} &middot; Sources cited: {len(brief.sources)}"
           + (f" &middot; Generated: {_h(brief.generated_at)}" if brief.generated_at else "") + "</p>",
           "<h2>Summary</h2>"]
    if brief.summary:
        out += ['<ul class="summary">'] + [f"<li>{_html_sentence(c)}</li>" for c in brief.summary] + ["</ul>"]
    else:
        out.append("<p>No events with a date and a place match this period and area.</p>")
    note = _left_out(brief)
    if note:
        out.append(f'<p class="note">{_h(note)}</p>')
    if brief.events:
        out += ["<h2>Main events</h2>", "<table>",
                "<tr><th>Date</th><th>Place</th><th>Event</th><th>Actors</th><th>Deaths</th><th>Sources</th>"
                "<th>Notes</th></tr>"]
        out += [_html_event(e) for e in brief.events]
        out.append("</table>")
    if brief.disagreements:
        out += ["<h2>Where sources disagree</h2>", '<ul class="disagreements">']
        for d in brief.disagreements:
            said = " ".join(_html_sentence(c) for c in d.statements)
            out.append(f"<li><strong>{_h(d.about)}:</strong> {said}</li>")
        out.append("</ul>")
    for key in ("deaths", "map"):
        if key in images:
            heading = chart_heading(brief) if key == "deaths" else "Map"
            alt = heading if key == "deaths" else IMAGES[key][1]
            data = base64.b64encode(images[key]).decode("ascii")
            out += [f"<h2>{heading}</h2>", f'<img alt="{_h(alt)}" src="data:image/png;base64,{data}">']
    if brief.sources:
        out += ["<h2>Sources</h2>", '<ol class="sources">']
        for ref in brief.sources:
            parts = [_h(p) for p in _source_text(ref)]
            url = _safe_url(ref.url)
            if url:
                parts.append(f'<a href="{html.escape(url, quote=True)}">{_h(ref.url)}</a>')
            elif ref.url:
                parts.append(_h(ref.url))
            parts.append(f"article {_h(ref.article_id)}")
            out.append(f'<li id="src-{ref.number}" value="{ref.number}">' + ", ".join(parts) + "</li>")
        out.append("</ol>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
