"""Command line: parse flags -> one library call -> render. No logic of its own."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence

from eventdesk import __version__
from eventdesk.errors import EventdeskError
from eventdesk.settings import SETTINGS_HELP, Settings

__all__ = ["main", "build_parser", "COMMANDS"]

COMMANDS = ("extract", "export", "show", "show-article", "changes", "review", "eval", "gazetteer", "serve", "report")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help=SETTINGS_HELP["db"] + " (default eventdesk.db)")
    p.add_argument("--config", help="TOML settings file")
    p.add_argument("--cache-dir", dest="cache_dir", help=SETTINGS_HELP["cache_dir"])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventdesk", description="News articles -> sourced ACLED-style events")
    parser.add_argument("--version", action="version", version=f"eventdesk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="read articles, extract events into the store, optionally export")
    p.add_argument("inputs", nargs="*", help=".txt/.html files, folders, JSONL(.gz) manifests, WARC(.gz) and Parquet "
                   "files, or - for a manifest on stdin (none: only --reprocess the store)")
    p.add_argument("-o", "--output", help="write the events here (format from the suffix)")
    p.add_argument("--format", choices=["csv", "jsonl", "geojson", "parquet"])
    p.add_argument("--batch-size", dest="batch_size", type=int, help=SETTINGS_HELP["batch_size"])
    p.add_argument("--keep-undated", dest="keep_undated", action="store_true", default=None,
                   help=SETTINGS_HELP["keep_undated"])
    p.add_argument("--include-incomplete", dest="include_incomplete", action="store_true", default=None,
                   help=SETTINGS_HELP["include_incomplete"])
    p.add_argument("--background-days", dest="background_days", type=int, help=SETTINGS_HELP["background_days"])
    p.add_argument("--no-progress", dest="progress", action="store_false", default=None, help="no progress bar")
    p.add_argument("--default-country", dest="default_country", help=SETTINGS_HELP["default_country"])
    p.add_argument("--engine", choices=["local", "dask"], help=SETTINGS_HELP["engine"] + " (default local)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help=SETTINGS_HELP["scheduler"])
    where.add_argument("--workers", type=int, metavar="N", help=SETTINGS_HELP["workers"] + " (default 2)")
    p.add_argument("--work-dir", dest="work_dir", metavar="DIR", help=SETTINGS_HELP["work_dir"])
    p.add_argument("--partition-size", dest="partition_size", type=int, metavar="N",
                   help=SETTINGS_HELP["partition_size"] + " (default 200)")
    p.add_argument("--reprocess", action="store_true", default=None, help=SETTINGS_HELP["reprocess"])
    _common(p)

    p = sub.add_parser("export", help="write the stored events as CSV / JSONL / GeoJSON / Parquet")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--format", choices=["csv", "jsonl", "geojson", "parquet"])
    p.add_argument("--include-incomplete", dest="include_incomplete", action="store_true", default=None,
                   help=SETTINGS_HELP["include_incomplete"])
    _common(p)

    p = sub.add_parser("show", help="one event with every field's evidence sentence and article")
    p.add_argument("event_id")
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = sub.add_parser("show-article", help="an article's cleaned text, dropped blocks and rejected sentences")
    p.add_argument("article_id")
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = sub.add_parser("changes", help="the fusion change log: events created, attached, merged, split, updated")
    p.add_argument("--since", help="only changes at or after this date or ISO datetime (UTC)")
    p.add_argument("--run", type=int, help="only changes made by this run")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    _common(p)

    p = sub.add_parser("eval", help="score the pipeline against ACLED or GED style gold data")
    p.add_argument("kind", choices=["acled", "ged"])
    p.add_argument("gold", help="gold CSV (e.g. ../shared/eval/acled_dev.csv)")
    p.add_argument("--errors", help="where to write the per-row errors (default: eval-KIND-errors.csv)")
    p.add_argument("--limit", type=int, help="only the first N articles (notes/headlines)")
    p.add_argument("--by", metavar="COLUMN[=VALUE]",
                   help="also break the figures down by a gold column (--by country), or into the rows with one "
                        "value and the others (--by country=Kenya)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    _common(p)

    p = sub.add_parser("gazetteer", help="build the offline gazetteer cache now (done automatically on first use)")
    _common(p)

    p = sub.add_parser("review", help="confirm, correct, merge or split an event (audited; kept over re-runs)")
    p.add_argument("event_id")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   help="a reviewed value for an export column, e.g. fatalities=9 (repeatable)")
    p.add_argument("--confirm", action="store_true", help="mark the event confirmed")
    p.add_argument("--merge-with", action="append", default=[], metavar="EVENT_ID",
                   help="another event that is the same real-world event (repeatable)")
    p.add_argument("--split", action="append", default=[], metavar="MENTION_ID,...",
                   help="one group of the event's report ids per flag; give two or more (see --history)")
    p.add_argument("--history", action="store_true", help="print the audit trail and the event's report ids")
    p.add_argument("--reviewer", default="", help="who reviews (recorded)")
    p.add_argument("--why", default="", help="the reason (recorded)")
    _common(p)

    p = sub.add_parser("report", help="write a cited situation brief (Markdown or HTML) of the stored events")
    p.add_argument("-o", "--output", required=True, help="brief.md or brief.html (format from the suffix)")
    p.add_argument("--since", help="first event date included (YYYY-MM-DD)")
    p.add_argument("--until", help="last event date included (YYYY-MM-DD)")
    p.add_argument("--country", help="only events in this country (name as exported, e.g. Iraq)")
    p.add_argument("--admin1", help="only events in this province (name as exported, e.g. Diyala)")
    _common(p)

    p = sub.add_parser("serve", help="serve the HTTP API and the web page (read-only unless a write token is set)")
    p.add_argument("--host", help=SETTINGS_HELP["host"] + " (default 127.0.0.1)")
    p.add_argument("--port", type=int, help=SETTINGS_HELP["port"] + " (default 8000)")
    _common(p)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    keys = ("db", "cache_dir", "batch_size", "keep_undated", "include_incomplete", "background_days", "progress",
            "default_country", "host", "port", "engine", "scheduler", "workers", "work_dir", "partition_size",
            "reprocess")
    flags = {k: getattr(args, k, None) for k in keys}
    return Settings.load(config=getattr(args, "config", None), **flags)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except EventdeskError as exc:
        print(f"eventdesk: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("eventdesk: interrupted", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    from eventdesk import render

    settings = _settings(args)
    if args.command == "extract":
        from eventdesk.app import extract
        from eventdesk.errors import ConfigError

        if not args.inputs and not settings.reprocess:
            raise ConfigError("extract needs inputs (files, folders, manifests or -), or --reprocess")
        report = extract(args.inputs, settings, stdin=sys.stdin, output=args.output, fmt=args.format)
        print(render.extract_report(report, settings))
        return 0
    if args.command == "export":
        from eventdesk.app import export_events

        n, held = export_events(settings, args.output, args.format)
        print(render.export_line(n, held, args.output))
        return 0
    if args.command == "show":
        from eventdesk.store import Store

        with Store.open(settings.db) as store:
            event = store.event(args.event_id)
            articles = {s.article_id: store.article(s.article_id) for s in event.sources}
        print(json.dumps(render.event_json(event, articles), indent=2, default=str) if args.json
              else render.event_text(event, articles))
        return 0
    if args.command == "show-article":
        from eventdesk.store import Store

        with Store.open(settings.db) as store:
            article = store.article(args.article_id)
        print(json.dumps(render.article_json(article), indent=2, default=str) if args.json
              else render.article_text(article))
        return 0
    if args.command == "changes":
        from eventdesk.app import changes

        found = changes(settings, since=args.since, run_id=args.run)
        if args.json:
            print("\n".join(json.dumps(dataclasses.asdict(c), default=str) for c in found))
        else:
            print(render.changes_text(found))
        return 0
    if args.command == "eval":
        from eventdesk.app import evaluate

        report = evaluate(args.kind, args.gold, settings, errors=args.errors, limit=args.limit, by=args.by)
        print(json.dumps(report.as_dict(), indent=2) if args.json else render.eval_text(report))
        return 0
    if args.command == "gazetteer":
        from eventdesk.gazetteer import Gazetteer

        gaz = Gazetteer.build(settings.cache_dir)
        print(f"gazetteer built: {gaz}")
        return 0
    if args.command == "review":
        print(_review(args, settings))
        return 0
    if args.command == "report":
        from eventdesk.report import summary_line, write_report

        summary = write_report(settings, args.output, since=args.since, until=args.until, country=args.country,
                               admin1=args.admin1)
        print(summary_line(summary))
        return 0
    if args.command == "serve":
        from eventdesk.api import serve

        mode = "writes need the write token" if settings.write_token else "read-only: no write_token"
        print(f"eventdesk: serving {settings.db} on http://{settings.host}:{settings.port}/ ({mode})", file=sys.stderr)
        serve(settings)
        return 0
    raise AssertionError(args.command)  # argparse restricts the choices


def _review(args: argparse.Namespace, settings: Settings) -> str:
    from eventdesk import render, review
    from eventdesk.errors import ConfigError
    from eventdesk.store import Store

    who = {"reviewer": args.reviewer, "why": args.why}
    if args.history:
        with Store.open(settings.db) as store:
            eid = store.event(args.event_id).event_id
            members = sorted(store.members_of([eid])[eid])
        return render.review_text(eid, members, review.history(settings, eid))
    if args.merge_with:
        return render.events_table([review.merge(settings, [args.event_id, *args.merge_with], **who)])
    if args.split:
        groups = [[m.strip() for m in g.split(",") if m.strip()] for g in args.split]
        return render.events_table(review.split(settings, args.event_id, groups, **who))
    fields = {}
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--set {item!r}: expected FIELD=VALUE")
        fields[name.strip()] = value
    if not fields and not args.confirm:
        raise ConfigError("review needs --set, --confirm, --merge-with, --split or --history")
    event = review.correct(settings, args.event_id, fields, **who) if fields else None
    if args.confirm:
        event = review.confirm(settings, args.event_id, **who)
    return render.events_table([event])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
