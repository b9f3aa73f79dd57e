"""Command line: each command parses its arguments and calls one library function.

Exit codes: 0 all went well; 1 some input failed (reported per file, the rest
was processed); 2 bad usage or a store/model problem.
"""

from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import StorylineError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.split("\n")[0])
err = Console(stderr=True)
out = Console()

DbOpt = Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.", envvar="STORYLINE_DB")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
Inputs = Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")]
FieldOpt = Annotated[
    Optional[list[str]], typer.Option("--json-field", help="Map a JSON field: text=body, date=pubDate ...")
]
EngineOpt = Annotated[str, typer.Option("--engine", help="local or dask.")]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")]
SchedOpt = Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler tcp://host:port.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline name or path.")]
WordsOpt = Annotated[int, typer.Option("--words", min=10, help="Summary length in words.")]
MaxBytesOpt = Annotated[
    Optional[int], typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this (default 50 MB).")
]


@app.callback()
def _main(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    global _quiet
    _quiet = quiet


_quiet = False


@contextmanager
def _progress():
    """A progress callback drawing a bar on stderr (silent with -q)."""
    if _quiet:
        yield None
        return
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def cb(what: str, done: int, total: int | None) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done, total=total)

        yield cb


def _fields(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    out_: dict[str, str] = {}
    for p in pairs:
        if "=" not in p:
            raise typer.BadParameter(f"--json-field {p!r} should look like ours=theirs, e.g. text=body")
        k, v = p.split("=", 1)
        out_[k.strip()] = v.strip()
    return out_


def _fail(exc: Exception) -> None:
    err.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(2)


def _print_errors(errors: list[Any]) -> None:
    for e in errors[:50]:
        where = f":{e.line}" if e.line is not None else ""
        err.print(f"[red]{e.code}[/] " + escape(f"{e.source}{where} ({e.stage}): {e.reason}"), highlight=False)
    if len(errors) > 50:
        err.print(f"... and {len(errors) - 50} more: see `storyline errors`")


@app.command()
def run(
    inputs: Inputs,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for storyline.json and report.html.")] = Path(
        "storyline-report"
    ),
    db: DbOpt = "storyline.db",
    model: ModelOpt = None,
    engine: EngineOpt = "local",
    workers: WorkersOpt = 1,
    scheduler: SchedOpt = None,
    words: WordsOpt = 100,
    json_field: FieldOpt = None,
    max_bytes: MaxBytesOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The main job: ingest INPUTS, analyse them, find stories, write the report."""
    from .pipeline import run as run_job

    try:
        with _progress() as cb:
            res = run_job(inputs, out=out_dir, db=db, model=model, engine=engine, workers=workers,
                          scheduler=scheduler, words=words, json_fields=_fields(json_field), progress=cb,
                          max_bytes=max_bytes)
    except StorylineError as exc:
        _fail(exc)
    summary = {
        "read": res.ingest.read, "added": res.ingest.added, "duplicates": res.ingest.duplicates,
        "near_duplicates": res.ingest.near_duplicates, "skipped": res.ingest.skipped,
        "errors": len(res.ingest.errors), "analysed": res.analysed,
        "articles": len(res.corpus.articles), "stories": len(res.corpus.stories),
        "quotes": len(res.corpus.quotes), "events": len(res.corpus.events), "entities": len(res.corpus.entities),
        "report": str(out_dir / "report.html"), "json": str(out_dir / "storyline.json"),
        "problems": res.corpus.problems,
    }
    if as_json:
        out.print_json(json.dumps(summary))
    else:
        _print_errors(res.ingest.errors)
        out.print(
            f"{summary['added']} new articles ({summary['read']} read, {summary['duplicates']} duplicates, "
            f"{summary['near_duplicates']} near-duplicates, {summary['errors']} errors) · "
            f"{summary['stories']} stories · {summary['quotes']} quotes · {summary['events']} events · "
            f"{summary['entities']} entities\nreport: {summary['report']}\njson:   {summary['json']}"
        )
        for p in res.corpus.problems:
            err.print(f"[yellow]warning:[/] {p}")
    raise typer.Exit(1 if res.ingest.errors else 0)


@app.command()
def ingest(
    inputs: Inputs,
    db: DbOpt = "storyline.db",
    analyse: Annotated[bool, typer.Option(help="Also analyse and assign new articles to stories.")] = True,
    model: ModelOpt = None,
    engine: EngineOpt = "local",
    workers: WorkersOpt = 1,
    scheduler: SchedOpt = None,
    json_field: FieldOpt = None,
    max_bytes: MaxBytesOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add articles to the store; new ones join existing stories (no full re-run)."""
    from .pipeline import analyse as analyse_store
    from .pipeline import build
    from .pipeline import ingest as ingest_paths
    from .store import open_store

    try:
        store = open_store(db)
        with _progress() as cb:
            res = ingest_paths(inputs, store, json_fields=_fields(json_field), progress=cb, max_bytes=max_bytes)
            n = 0
            if analyse and res.added:
                n = analyse_store(store, model=model, engine=engine, workers=workers, scheduler=scheduler,
                                  progress=cb)
                build(store, model=model, engine=engine, workers=workers, scheduler=scheduler)
        store.close()
    except StorylineError as exc:
        _fail(exc)
    summary = {"read": res.read, "added": res.added, "duplicates": res.duplicates,
               "near_duplicates": res.near_duplicates, "skipped": res.skipped,
               "errors": len(res.errors), "analysed": n, "new_ids": res.new_ids}
    if as_json:
        out.print_json(json.dumps(summary))
    else:
        _print_errors(res.errors)
        out.print(f"{res.added} new, {res.duplicates} duplicates, {res.near_duplicates} near-duplicates, "
                  f"{res.skipped} already ingested, {len(res.errors)} errors")
    raise typer.Exit(1 if res.errors else 0)


@app.command()
def recluster(db: DbOpt = "storyline.db", words: WordsOpt = 100) -> None:
    """Rebuild all stories and chapters from scratch (deterministic for the same store)."""
    from .pipeline import build
    from .store import open_store

    store = open_store(db)
    corpus = build(store, words=words, recluster=True)
    store.close()
    out.print(f"{len(corpus.stories)} stories, {sum(len(s.chapters) for s in corpus.stories)} chapters")


@app.command()
def report(
    out_dir: Annotated[Path, typer.Option("--out")] = Path("storyline-report"),
    db: DbOpt = "storyline.db",
) -> None:
    """Write storyline.json and report.html from the store's latest results."""
    from .report import write_report
    from .store import open_store

    store = open_store(db)
    try:
        write_report(store, out_dir)
    except ValueError as exc:
        _fail(exc)
    finally:
        store.close()
    out.print(f"report: {out_dir / 'report.html'}")


@app.command()
def articles(
    db: DbOpt = "storyline.db",
    limit: Annotated[int, typer.Option(min=1)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: JsonOpt = False,
) -> None:
    """List stored articles."""
    from .report.contract import article_json
    from .store import open_store

    store = open_store(db)
    rows = store.articles(limit=limit, offset=offset)
    store.close()
    if as_json:
        out.print_json(json.dumps([{k: v for k, v in article_json(a).items() if k != "text"} for a in rows]))
        return
    t = Table("id", "published", "outlet", "title", "source")
    for a in rows:
        t.add_row(a.id, (a.published or "") + (" ~" if a.published_estimated else ""), a.outlet or "",
                  (a.title or a.text[:60]).replace("\n", " "), a.source)
    out.print(t)


@app.command()
def show(article_id: str, db: DbOpt = "storyline.db", as_json: JsonOpt = False) -> None:
    """Show one article (a unique id prefix is enough)."""
    from .report.contract import article_json
    from .store import open_store

    store = open_store(db)
    a = store.article(article_id)
    store.close()
    if a is None:
        err.print(f"no article with id {article_id!r}")
        raise typer.Exit(1)
    if as_json:
        out.print_json(json.dumps(article_json(a)))
        return
    out.print(f"[bold]{a.title or '(no title)'}[/]", highlight=False)
    for k in ("id", "source", "outlet", "published", "published_from", "dateline", "byline", "duplicate_of"):
        out.print(f"{k}: {getattr(a, k)}", highlight=False, markup=False)
    out.print()
    out.print(a.text, highlight=False, markup=False)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="json, jsonl, csv or md.")] = "json",
    db: DbOpt = "storyline.db",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File (default stdout).")] = None,
) -> None:
    """Export the store's articles (json = the full storyline.json)."""
    from .report.export import export as do_export
    from .store import open_store

    store = open_store(db)
    try:
        text = do_export(store, fmt)
    except ValueError as exc:
        _fail(exc)
    finally:
        store.close()
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def errors(db: DbOpt = "storyline.db", as_json: JsonOpt = False) -> None:
    """Files that failed, and why."""
    from .store import open_store

    store = open_store(db)
    rows = store.errors()
    store.close()
    if as_json:
        out.print_json(json.dumps([dict(source=e.source, stage=e.stage, code=e.code, line=e.line,
                                        reason=e.reason) for e in rows]))
        return
    if not rows:
        out.print("no errors")
        return
    t = Table("code", "source", "line", "stage", "reason")
    for e in rows:
        t.add_row(e.code, e.source, "" if e.line is None else str(e.line), e.stage, e.reason)
    out.print(t)


@app.command()
def summarize(
    inputs: Inputs,
    words: WordsOpt = 100,
    model: ModelOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Summarise the given articles as one cluster: one sentence per line."""
    from .summarize.cli import summarize_inputs

    sentences, errors_ = summarize_inputs(inputs, words=words, model=model)
    _print_errors(errors_)
    if as_json:
        out.print_json(json.dumps([{"text": s.text, "sources": s.sources, "date": s.date} for s in sentences]))
    else:
        for s in sentences:
            sys.stdout.write(s.text.replace("\n", " ") + "\n")


@app.command()
def serve(
    db: DbOpt = "storyline.db",
    host: Annotated[str, typer.Option(help="Address to bind; loopback unless told otherwise.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535)] = 8000,
) -> None:
    """Serve the web app and JSON API (read-only) over the store."""
    from .web import serve as serve_app

    serve_app(db=db, host=host, port=port)


@app.command()
def watch(
    directory: Annotated[Optional[Path], typer.Argument(help="Folder to watch for new files.")] = None,
    feeds: Annotated[Optional[Path], typer.Option("--feeds", help="OPML file of feeds to poll.")] = None,
    interval: Annotated[str, typer.Option(help="Poll interval: 30s, 10m, 1h.")] = "10m",
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow feeds on private/loopback addresses.")] = False,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    db: DbOpt = "storyline.db",
    model: ModelOpt = None,
    engine: EngineOpt = "local",
    workers: WorkersOpt = 1,
) -> None:
    """Ingest new files or feed items as they appear; new articles join stories."""
    from .live import parse_interval
    from .live import watch as watch_loop

    if directory is None and feeds is None:
        raise typer.BadParameter("give a DIRECTORY to watch or --feeds FILE.opml")
    try:
        watch_loop(db=db, directory=directory, feeds=feeds, interval_s=parse_interval(interval),
                   allow_private=allow_private, once=once, model=model, engine=engine, workers=workers)
    except StorylineError as exc:
        _fail(exc)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
