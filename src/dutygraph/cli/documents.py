"""Commands that read documents: extract, run and build.

The loaders, rich and the graph modules are imported by the commands that use
them, so that the other commands (``query``) and ``--version`` do not pay for them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dutygraph.cli.common import (
    Reading,
    cli,
    document_options,
    format_option,
    include_inferred_option,
    lock_option,
    open_store,
    pool_option,
    setup_logging,
    stderr,
    stdout,
    store_options,
    verbosity_options,
    weight_options,
)

if TYPE_CHECKING:
    from rich.console import Console

    from dutygraph.errors import DutygraphError
    from dutygraph.graph.analysis.scope import LoadWeights
    from dutygraph.loaders import LoadResult


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option(("jsonl", "table"), "jsonl", "jsonl: one JSON object per task, for tools; table: a readable view.")
@document_options
@verbosity_options
def extract(
    files: tuple[Path, ...],
    fmt: str,
    reading: Reading,
    verbose: int,
    quiet: bool,
) -> None:
    """Read documents and print their tasks, before any database is touched.

    Each FILE is a decomposition table, numbered list, work report or sectioned notice, or a
    directory of them. The format is told from the file's bytes, not its name:

    \b
      .txt .md    plain text: UTF-8, UTF-16 (with BOM) or GB18030/GBK
      .docx       Word (python-docx): tables with merged cells, numbered lists
      .doc .rtf   Word 97-2003, via LibreOffice (Debian: libreoffice-writer-nogui)
      .xlsx .xls  Excel (openpyxl, xlrd): every sheet, merged ranges
      .html .htm  web pages (lxml): rowspan/colspan, the declared charset
      .pdf        PDF with a text layer (pdfplumber); scanned PDFs need OCR first
      .csv .tsv   delimited text (csv module)

    Files that cannot be read are reported and skipped; the others are still
    printed, and the exit code is 2 if any failed.

    \b
    Example:
      dutygraph extract ../shared/seeds/*.txt --format table
    """
    setup_logging(verbose, quiet)
    err = stderr()
    results, failures = _load(files, reading, err, quiet)
    if fmt == "jsonl":
        out = sys.stdout
        for r in results:
            for rec in r.to_json_records():
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
    else:
        from dutygraph.graph import terminal

        terminal.print_extract(results, stdout())
    _report(results, failures, err, quiet)
    if failures:
        sys.exit(2)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="Where index.html and each plan's graph and review pages are written.",
)
@click.option("--top", type=int, default=10, show_default=True, help="Units shown in the summary, per plan.")
@include_inferred_option
@pool_option
@weight_options
@store_options
@lock_option
@document_options
@verbosity_options
def run(
    paths: tuple[Path, ...],
    out_dir: Path,
    top: int,
    include_inferred: bool,
    pool_years: bool,
    weights: LoadWeights,
    db: Path | None,
    neo4j_uri: str | None,
    lock_timeout: float,
    reading: Reading,
    verbose: int,
    quiet: bool,
) -> None:
    """The main job: read every document in PATHS (files or directories), store
    the graph, print the summary and the top of each plan's analysis, and write
    one graph page and one review page per plan (a region's document(s) of one
    year) with index.html linking them. --pool-years adds a region's years
    together instead, and its pages say so.

    Warnings are collected and printed once, at the end, before the paths of
    the pages to open.

    \b
    Example:
      dutygraph run ../shared/seeds
    """
    from dutygraph.pipeline import run as run_pipeline

    setup_logging(verbose, quiet)
    err = stderr()
    with _progress(err, quiet) as progress, open_store(db, neo4j_uri, write=True, lock_timeout=lock_timeout) as store:
        outcome = run_pipeline(
            paths,
            store,
            out_dir,
            layout=reading.layout,
            region=reading.region,
            year=reading.year,
            force_region=reading.force_region,
            force_year=reading.force_year,
            weights=weights,
            include_inferred=include_inferred,
            pool_years=pool_years,
            progress=progress,
        )
        where = f"the {store.kind} store at {store.location}"
    if not quiet:
        from dutygraph.graph import terminal

        out = stdout()
        terminal.print_counts(f"stored in {where}", outcome.counts, out)
        terminal.print_run_summary(outcome, top, out)
    _report(outcome.results, outcome.failures, err, quiet, stored=outcome.stored)
    if not quiet:
        for notice in outcome.notices:
            err.print(f"note: {notice}", markup=False, highlight=False)
    if outcome.note and not quiet:
        err.print(f"note: {outcome.note}", markup=False)
    if not quiet:
        click.echo(f"\nopen {outcome.index_page} in a browser: it links each plan's graph and review pages")
    if outcome.failures:
        sys.exit(2)


#: The steps of ``run`` as its progress bars name them.
_STEPS = {
    "read": "reading documents",
    "store": "storing the graph",
    "analyse": "analysing",
    "draw": "analysing, drawing",
}


@contextmanager
def _progress(err: Console, quiet: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar per step of ``run`` on standard error (none with --quiet), as the pipeline's callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description:<20}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False, disable=quiet) as bar:
        tasks: dict[str, Any] = {}

        def progress(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(_STEPS[step], total=total)
            bar.update(tasks[step], completed=done, total=total)

        yield progress


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_options
@lock_option
@document_options
@verbosity_options
def build(
    files: tuple[Path, ...],
    db: Path | None,
    neo4j_uri: str | None,
    lock_timeout: float,
    reading: Reading,
    verbose: int,
    quiet: bool,
) -> None:
    """Read documents, build the graph and store it, then summarise what was stored.

    Each document is written atomically and replaces its earlier version, so
    building the same files twice changes nothing. FILES are documents in any
    format `dutygraph extract --help` lists, or directories of them. Files that
    cannot be read are reported and skipped (exit code 2); the others are still stored.

    \b
    Examples:
      dutygraph build ../shared/seeds/*.txt
      dutygraph build ../shared/seeds/*.txt --neo4j bolt://127.0.0.1:7687
    """
    from dutygraph.graph.build import build_graph, summary

    setup_logging(verbose, quiet)
    err = stderr()
    results, failures = _load(files, reading, err, quiet)
    stored: dict[str, int] | None = None
    if results:
        G = build_graph(results)
        stored = summary(G)
        with open_store(db, neo4j_uri, write=True, lock_timeout=lock_timeout) as store:
            written = store.write(G)
            if not quiet:
                from rich.table import Table

                table = Table(title=f"stored in the {store.kind} store at {store.location}", title_justify="left")
                table.add_column("what")
                table.add_column("count", justify="right")
                for key, n in written.counts.items():
                    table.add_row(key, str(n))
                stdout().print(table)
    _report(results, failures, err, quiet, stored=stored)
    if failures:
        sys.exit(2)


def _load(
    files: tuple[Path, ...], reading: Reading, err: Console, quiet: bool
) -> tuple[list[LoadResult], list[tuple[Path, DutygraphError]]]:
    """Read the files, then settle region and year (--region/--year fill, --force-* replace, with a notice each)."""
    from dutygraph.loaders import load_many
    from dutygraph.pipeline import settle_region_year

    results, failures = load_many(files, layout=reading.layout)
    for notice in settle_region_year(
        results,
        region=reading.region,
        year=reading.year,
        force_region=reading.force_region,
        force_year=reading.force_year,
    ):
        if not quiet:
            err.print(f"note: {notice}", markup=False, highlight=False)
    return results, failures


def _report(
    results: list[LoadResult],
    failures: list[tuple[Path, DutygraphError]],
    err: Console,
    quiet: bool,
    stored: dict[str, int] | None = None,
) -> None:
    """Warnings once, at the end; then errors and a one-line summary (with what was stored, when given)."""
    from rich.markup import escape

    if not quiet:
        for r in results:
            for w in r.warnings:
                err.print(f"[yellow]warning[/yellow]: {escape(str(w))}", markup=True, highlight=False)
    for _, exc in failures:
        err.print(f"[red]error[/red]: {escape(str(exc))}", markup=True, highlight=False)
    if not quiet or failures:
        tasks = sum(len(r.tasks) for r in results)
        line = f"{len(results)} of {len(results) + len(failures)} files read, {tasks} tasks"
        if stored is not None:
            line += f"; stored {stored['Document']} documents, {stored['Task']} tasks"
        if failures:
            line += f"; failed: {', '.join(str(p) for p, _ in failures)}"
        err.print(line, highlight=False, markup=False)
