"""Plain-text and JSON renderings for the CLI (presentation only)."""

from __future__ import annotations

from dataclasses import asdict

from eventdesk.export import event_ledger, event_row
from eventdesk.model import Event, Span

__all__ = ["extract_report", "export_line", "event_text", "event_json", "article_text", "article_json",
           "eval_text", "events_table"]


def events_table(events: list[Event], limit: int = 40) -> str:
    rows = [("event_id", "date", "type", "actor1", "actor2", "location", "deaths")]
    for e in events[:limit]:
        f = e.fields
        rows.append((
            e.event_id,
            f.date.date.isoformat() if f.date else "?",
            f.sub_event_type,
            f.actor1.name if f.actor1 else "",
            f.actor2.name if f.actor2 else "",
            f"{f.place.location}, {f.place.country}" if f.place else "?",
            str(f.fatalities.best),
        ))
    widths = [min(max(len(r[i]) for r in rows), 34) for i in range(len(rows[0]))]
    lines = ["  ".join(c[:w].ljust(w) for c, w in zip(r, widths)) for r in rows]
    if len(events) > limit:
        lines.append(f"... and {len(events) - limit} more")
    return "\n".join(lines)


def extract_report(report, settings) -> str:
    from eventdesk.store import Store

    s = report.summary
    out = []
    with Store.open(settings.db) as store:
        events = store.events()
    if events:
        out.append(events_table(events))
        out.append("")
    out.append(
        f"articles read: {s.articles_read}, new: {s.articles_new}, already stored: {s.articles_duplicate}, "
        f"skipped: {len(s.skipped)}; events this run: {s.events} (in store: {report.events_total}); "
        f"event-like sentences rejected: {s.rejections}"
    )
    if s.limits:
        out.append("limits reached: " + ", ".join(f"{name} {count}x" for name, count in s.limits))
    for sk in s.skipped:
        out.append(f"  skipped {sk.origin}: {sk.reason}")
    if s.articles_reextracted:
        out.append(f"re-extracted {s.articles_reextracted} stored articles with pipeline version "
                   f"{report.pipeline_version} (`eventdesk changes --run {report.run_id}` lists what changed)")
    if s.articles_stale:
        out.append(f"{s.articles_stale} stored articles have results from another pipeline version than "
                   f"{report.pipeline_version}: `eventdesk extract --reprocess` extracts them again")
    out.append(f"store: {settings.db}")
    if report.output:
        out.append(export_line(report.exported, report.held_back, report.output))
    return "\n".join(out)


def export_line(n: int, held: dict[str, int], path: str) -> str:
    line = f"wrote {n} events to {path}"
    if held:
        line += " (held back: " + ", ".join(f"{v} {k}" for k, v in sorted(held.items())) + \
                "; --include-incomplete exports them)"
    return line


def _quote(text: str, span: Span | None) -> str:
    return text[span.start:span.end] if span else ""


def event_text(event: Event, articles: dict) -> str:
    row = event_row(event)
    out = [f"{k:>16}: {v}" for k, v in row.items() if k not in ("evidence",)]
    f = event.fields
    out.append("")
    out.append("evidence:")
    texts = {aid: a.text for aid, a in articles.items()}
    for label, span in (
        ("event_type", f.type_evidence),
        ("event_date", f.date.span if f.date else None),
        ("location", f.place.span if f.place else None),
        ("actor1", f.actor1.span if f.actor1 else None),
        ("actor2", f.actor2.span if f.actor2 else None),
        ("fatalities", f.fatalities.span),
    ):
        if span is not None and span.article_id in texts:
            out.append(f"  {label}: \"{_quote(texts[span.article_id], span)}\" [{span.article_id} {span.start}-{span.end}]")
    for m in event.mentions:
        for s in m.sentences:
            if s.article_id in texts:
                out.append(f"  sentence [{s.article_id} {s.start}-{s.end}]: {_quote(texts[s.article_id], s)}")
    out += _ledger_lines(event)
    return "\n".join(out)


def _ledger_lines(event: Event) -> list[str]:
    ledger = event_ledger(event)
    out = ["", f"sources: {event.source_count} ({event.independent_sources} independent)"]
    for s in ledger["sources"]:
        copy = f", copy group {s['copy_group'][:12]}" if s["copy_group"] else ""
        out.append(f"  {s['article_id']}: {s['outlet'] or '?'}, published {s['published'] or '?'}{copy}")
    if event.disputed:
        out.append(f"disputed: {', '.join(event.disputed)}")
    if ledger["claims"]:
        out.append("claims:")
        for c in ledger["claims"]:
            who = f" by {c['speaker']}" if c["speaker"] else ""
            value = c["value"] or "(unknown)"
            out.append(f"  {c['field']} = {value} [{c['stance']}{who}; {c['outlet'] or c['article_id']}]: "
                       f"\"{c['sentence']}\"")
    if ledger["links"]:
        out.append("why fused:")
        for k in ledger["links"]:
            how = " (attached by content: no usable date)" if k["by_content"] else ""
            out.append(f"  {k['a']} + {k['b']}: score {k['score']:.2f}{how}; " + "; ".join(k["agreed"]))
    return out


def event_json(event: Event, articles: dict) -> dict:
    return {"row": event_row(event), "fields": asdict(event.fields),
            "sources": [asdict(s) for s in event.sources], "ledger": event_ledger(event)}


def changes_text(changes) -> str:
    if not changes:
        return "no changes"
    out = []
    for c in changes:
        detail = "; ".join(f"{k}: {v}" for k, v in sorted(c.detail.items()))
        out.append(f"{c.at:%Y-%m-%d %H:%M:%S}  run {c.run_id or '-'}  {c.kind:<8} {c.event_id}  {detail}")
    return "\n".join(out)


def article_text(a) -> str:
    out = [f"article {a.id} ({a.origin})", f"outlet: {a.outlet or '?'}  published: "
           f"{a.publication.date or '?'} ({a.publication.how}{': ' + a.publication.evidence if a.publication.evidence else ''})",
           f"extracted by pipeline version {a.pipeline_version}"]
    for label in ("headline", "byline", "dateline"):
        if getattr(a, label):
            out.append(f"{label}: {getattr(a, label)}")
    out += ["", "--- cleaned text ---", a.text, "", f"--- dropped blocks ({len(a.dropped)}) ---"]
    for d in a.dropped:
        line = f" line {d.line}" if d.line else ""
        out.append(f"[{d.reason}{line}] {d.text[:160]!r}")
    out.append(f"--- rejected event-like sentences ({len(a.rejections)}) ---")
    for r in a.rejections:
        out.append(f"[{r.reason}] {a.text[r.span.start:r.span.end][:200]}")
    out.append(f"--- event mentions: {len(a.mention_ids)} ---")
    return "\n".join(out)


def article_json(a) -> dict:
    return asdict(a)


def eval_text(report) -> str:
    d = report.as_dict()
    if d["kind"] == "muc":
        return _muc_text(d)
    if d["kind"] == "plover":
        return _plover_text(report, d)
    out = [f"{report.kind} evaluation: {d['rows']} gold rows in {d['articles']} articles; "
           f"{d['rows_with_event']} rows matched an extracted event"]
    for k, v in d["accuracy"].items():
        out.append(f"  {k:>16}: {v * 100:5.1f}%")
    for k, v in d["extra"].items():
        out.append(f"  {k}: {v['accuracy'] * 100:5.1f}% of {v['rows']} rows")
    if d.get("groups"):
        fields = list(d["accuracy"])
        width = max(len(d["by"]), *(len(g) for g in d["groups"]))
        out.append("")
        out.append(f"by {d['by']}:")
        out.append(f"  {'':<{width}}  {'rows':>6}  " + "  ".join(f"{_short(f):>8}" for f in fields))
        for g, v in d["groups"].items():
            out.append(f"  {g:<{width}}  {v['rows']:>6}  "
                       + "  ".join(f"{v['accuracy'][f] * 100:7.1f}%" for f in fields))
        if d.get("macro_average"):
            out.append(f"  {'macro average':<{width}}  {len(d['groups']):>6}  "
                       + "  ".join(f"{d['macro_average'][f] * 100:7.1f}%" for f in fields)
                       + "   (mean over the groups, each weighing the same)")
    out.append(f"per-row errors: {d['errors_file']}")
    return "\n".join(out)


def _plover_text(report, d: dict) -> str:
    what = {"violent_found": "violent records (ASSAULT, FIGHT) with a violent event extracted",
            "deaths": "violent records giving the dead with that toll extracted",
            "no_violent_event": "records of talk, threats, demands, aid ... with no violent event extracted",
            "protest_found": "PROTEST records with a Protests or Riots event extracted"}
    out = [f"plover evaluation: {d['rows']} records"]
    for k, score in report.fields.items():
        out.append(f"  {k:>16}: {score.accuracy * 100:5.1f}%  ({score.correct} / {score.total} {what.get(k, '')})")
    out.append(f"per-record errors: {d['errors_file']}")
    return "\n".join(out)


def _muc_text(d: dict) -> str:
    out = [f"muc evaluation ({d['sets']}): {d['reports']} reports, {d['scored_templates']} scored templates, "
           f"{d['events']} events extracted"]
    for k, v in d["accuracy"].items():
        correct, total = d["counts"][k]
        what = "of scored templates" if k == "recall" else "of recalled templates with the field"
        out.append(f"  {k:>16}: {v * 100:5.1f}%  ({correct} / {total} {what})")
    out.append(f"  false violent events: {d['false_violent_rate'] * 100:5.1f}% of the {d['no_template_reports']} "
               f"reports without a template ({d['false_violent_reports']})")
    for k, v in d["extra"].items():
        out.append(f"  {k}: {v['accuracy'] * 100:5.1f}% of {v['rows']}")
    if d.get("skipped"):
        out.append(f"  NOT PROCESSED: {len(d['skipped'])} reports (scored as reports with no event), e.g. "
                   f"{d['skipped'][0]['origin']}: {d['skipped'][0]['reason']}")
    out.append(f"per-template errors: {d['errors_file']}")
    return "\n".join(out)


def _short(field: str) -> str:
    """A column heading of at most 8 characters for an evaluation field."""
    return {"sub_event_type": "sub_type", "event_type": "type", "event_date": "date", "coords_50km": "coords",
            "fatalities": "deaths", "admin1_alias": "a1 alias", "date_in_range": "date", "deaths_in_range": "deaths"}.get(field, field)[:8]


def review_text(event_id: str, members: list[str], reviews) -> str:
    out = [f"event {event_id}", "reports: " + ", ".join(members), ""]
    if not reviews:
        out.append("no reviews")
    for r in reviews:
        what = f" {r.field}: {r.before!r} -> {r.after!r}" if r.field else (f" {r.after}" if r.after else "")
        out.append(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.reviewer}  {r.action}{what}  ({r.why})")
    return "\n".join(out)
