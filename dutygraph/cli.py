"""The ``dutygraph`` command: option parsing and messages only; the library does the work.

Exit codes: 0 success; 1 an unexpected failure; 2 bad input or bad usage (a file
that cannot be read, an unknown layout, no tasks found, wrong options).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dutygraph import __version__
from dutygraph.errors import DutygraphError
from dutygraph.loaders import LoadResult, layout_names, load


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=False)


def verbosity_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``-v`` (more detail) and ``-q`` (errors only) to a command."""
    f = click.option("-q", "--quiet", is_flag=True, help="Print errors only, no warnings or summary.")(f)
    f = click.option("-v", "--verbose", count=True, help="Print more detail (repeat for debug output).")(f)
    return f


def document_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options that say how to read documents: --layout, --region, --year."""
    f = click.option("--year", type=int, default=None, help="Plan year, when the text does not say it (e.g. 2024).")(f)
    f = click.option("--region", default=None, help="District, when the text does not say it (e.g. 钟楼区).")(f)
    f = click.option(
        "--layout",
        type=click.Choice(layout_names()),
        default=None,
        help="Read every file with this layout instead of detecting it.",
    )(f)
    return f


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dutygraph")
def cli() -> None:
    """dutygraph (责任图谱): see who is responsible for what in a government plan.

    Reads district work reports and their decompositions (责任分解表) into
    goals, tasks, lead units (牵头单位), supporting units (配合单位) and leaders
    (分管领导).

    Exit codes: 0 success, 1 unexpected failure, 2 bad input or usage.
    """


def load_all(
    files: Iterable[Path], *, layout: str | None, region: str | None, year: int | None
) -> tuple[list[LoadResult], list[tuple[Path, DutygraphError]]]:
    """Load every file, keeping going past the ones that fail."""
    results: list[LoadResult] = []
    failures: list[tuple[Path, DutygraphError]] = []
    for path in files:
        try:
            results.append(load(path, layout=layout, region=region, year=year))
        except DutygraphError as exc:
            failures.append((path, exc))
    return results, failures


def _print_table(results: list[LoadResult], console: Console) -> None:
    for r in results:
        d = r.document
        flags = f"  [red]{', '.join(d.flags)}[/red]" if d.flags else ""
        title = f"{escape(d.file)}  {escape(d.region or '?')} {d.year or '?'}  ({d.layout}, {len(r.tasks)} tasks){flags}"
        table = Table(title=title, title_justify="left", show_lines=False, expand=True)
        table.add_column("task", no_wrap=True)
        table.add_column("goal / area", max_width=18, overflow="ellipsis", no_wrap=True)
        table.add_column("text", ratio=2, overflow="ellipsis", no_wrap=True)
        table.add_column("leaders", max_width=12, overflow="fold")
        table.add_column("lead", ratio=1, overflow="fold")
        table.add_column("support", ratio=1, overflow="fold")

        def cell(t: Any, f: str) -> str:
            value = escape("、".join(getattr(t, f))) or "—"
            return f"[dim]{value}*[/dim]" if f in t.inherited else value

        for t in r.tasks:
            table.add_row(
                escape(t.task), escape(t.area or t.goal or ""), escape(t.text), cell(t, "leaders"), cell(t, "lead"), cell(t, "support")
            )
        console.print(table)
    if any(t.inherited for r in results for t in r.tasks):
        console.print("[dim]* not printed in the task's own row: taken from the row above[/dim]")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per task, for tools; table: a readable view.",
)
@document_options
@verbosity_options
def extract(
    files: tuple[Path, ...], fmt: str, layout: str | None, region: str | None, year: int | None, verbose: int, quiet: bool
) -> None:
    """Read documents and print their tasks, before any database is touched.

    Each FILE is a decomposition table, numbered list or work report in UTF-8 or
    GB18030/GBK. Files that cannot be read are reported and skipped; the others
    are still printed, and the exit code is 2 if any failed.

    \b
    Example:
      dutygraph extract ../shared/seeds/*.txt --format table
    """
    _setup_logging(verbose, quiet)
    err = _stderr()
    results, failures = load_all(files, layout=layout, region=region, year=year)
    if fmt == "jsonl":
        out = sys.stdout
        for r in results:
            for rec in r.to_json_records():
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
    else:
        _print_table(results, _stdout())
    _report(results, failures, err, quiet)
    if failures:
        sys.exit(2)


def _report(results: list[LoadResult], failures: list[tuple[Path, DutygraphError]], err: Console, quiet: bool) -> None:
    """Warnings once, at the end; then errors and a one-line summary."""
    if not quiet:
        for r in results:
            for w in r.warnings:
                err.print(f"[yellow]warning[/yellow]: {escape(str(w))}", markup=True, highlight=False)
    for _, exc in failures:
        err.print(f"[red]error[/red]: {escape(str(exc))}", markup=True, highlight=False)
    if not quiet or failures:
        tasks = sum(len(r.tasks) for r in results)
        line = f"{len(results)} of {len(results) + len(failures)} files read, {tasks} tasks"
        if failures:
            line += f"; failed: {', '.join(str(p) for p, _ in failures)}"
        err.print(line, highlight=False, markup=False)


def main() -> None:
    """Entry point of the console script: library errors become one line and an exit code."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:
        _stderr().print("aborted")
        sys.exit(1)
    except DutygraphError as exc:
        _stderr().print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
