"""The ``dutygraph`` command: option parsing and messages only; the library does the work.

Exit codes: 0 success; 1 an unexpected failure; 2 bad input or bad usage (a file
that cannot be read, an unknown layout, no tasks found, wrong options).
"""

from __future__ import annotations

import json
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dutygraph import __version__
from dutygraph.errors import DutygraphError, EmptyStoreError, Interrupted, UsageError
from dutygraph.gcpause import paused_gc
from dutygraph.graph import tables, terminal
from dutygraph.graph.export import DESCRIPTIONS as EXPORT_DESCRIPTIONS
from dutygraph.graph.export import EXPORTERS
from dutygraph.loaders import LoadResult, layout_names, load_many


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
    """Add the options that say how to read documents: --layout, --region, --year, --force-region, --force-year."""
    f = click.option(
        "--force-year",
        type=int,
        default=None,
        help="Plan year of every document, replacing the year the text gives (each replacement is noted).",
    )(f)
    f = click.option(
        "--force-region",
        default=None,
        help="District of every document, replacing the region the text gives (each replacement is noted).",
    )(f)
    f = click.option(
        "--year",
        type=int,
        default=None,
        help="Plan year of a document whose text does not give one (e.g. 2024); a printed year is kept.",
    )(f)
    f = click.option(
        "--region",
        default=None,
        help="District of a document whose text does not give one (e.g. 钟楼区); a printed region is kept.",
    )(f)
    f = click.option(
        "--layout",
        type=click.Choice(layout_names()),
        default=None,
        help="Read every file with this layout instead of detecting it.",
    )(f)
    return f


def store_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --db and --neo4j: which store to use (the embedded one by default)."""
    f = click.option(
        "--neo4j",
        "neo4j_uri",
        metavar="URI",
        default=None,
        envvar="NEO4J_URI",
        help="Use the Neo4j server at URI (bolt:// or neo4j://); NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and "
        "NEO4J_DATABASE also apply.",
    )(f)
    f = click.option(
        "--db",
        metavar="PATH",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        envvar="DUTYGRAPH_DB",
        help="Data directory of the embedded store (default ./.dutygraph, or DUTYGRAPH_DB).",
    )(f)
    return f


_SOURCE_RANK: dict[click.core.ParameterSource | None, int] = {
    click.core.ParameterSource.COMMANDLINE: 3,
    click.core.ParameterSource.ENVIRONMENT: 2,
    click.core.ParameterSource.DEFAULT_MAP: 1,
}


def _open_store(
    db: Path | None, neo4j_uri: str | None, *, write: bool = False, lock_timeout: float | None = None
) -> Any:
    """Open the store the options name: a flag wins over the environment, which wins over the file.

    A command that writes waits for another writer of the embedded store (saying
    so on stderr); one that only reads refuses a store that does not exist.
    """
    from dutygraph.graph.stores import open_store
    from dutygraph.graph.stores.falkor import DEFAULT_LOCK_TIMEOUT

    if db is not None and neo4j_uri is not None:
        ctx = click.get_current_context(silent=True)
        ranks = [_SOURCE_RANK.get(ctx.get_parameter_source(p), 0) if ctx else 3 for p in ("db", "neo4j_uri")]
        if ranks[0] == ranks[1]:
            if ranks[0] == 2:
                raise UsageError("DUTYGRAPH_DB and NEO4J_URI are both set: give --db or --neo4j to choose")
            raise UsageError("give --db or --neo4j, not both")
        if ranks[0] > ranks[1]:
            neo4j_uri = None
        else:
            db = None
    err = _stderr()
    return open_store(
        db=db,
        neo4j=neo4j_uri,
        write=write,
        lock_timeout=DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout,
        on_wait=lambda message: err.print(message, markup=False, highlight=False),
    )


def lock_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --lock-timeout: how long a writer waits for another one on the embedded store."""
    return click.option(
        "--lock-timeout",
        type=float,
        default=600.0,
        show_default=True,
        metavar="SECONDS",
        envvar="DUTYGRAPH_LOCK_TIMEOUT",
        help="How long to wait while another process writes the embedded store, then fail (exit code 3).",
    )(f)


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


class _Group(click.Group):
    """A group that turns dutygraph's errors into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with paused_gc():  # a command builds large graphs and exits; see dutygraph.gcpause
                return super().invoke(ctx)
        except (DutygraphError, Interrupted) as exc:
            _stderr().print(f"error: {exc}", markup=False, highlight=False)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            interrupted = Interrupted(signal.SIGINT, "Ctrl-C")
            _stderr().print(f"error: {interrupted}", markup=False, highlight=False)
            ctx.exit(interrupted.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dutygraph")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Settings file (default ./dutygraph.toml if present, or DUTYGRAPH_CONFIG); flags and environment win over it.",
)
@click.pass_context
def cli(ctx: click.Context, config_file: Path | None) -> None:
    """dutygraph (责任图谱): see who is responsible for what in a government plan.

    Reads district work reports and their decompositions (责任分解表) into
    goals, tasks, lead units (牵头单位), supporting units (配合单位) and leaders
    (分管领导).

    Start with 'dutygraph run DIR' (read, store, analyse and draw in one go).
    Settings come from flags, then environment variables (DUTYGRAPH_DB,
    NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), then dutygraph.toml.

    Exit codes: 0 success, 1 unexpected failure, 2 bad input or usage,
    3 the store failed or cannot be reached.
    """
    from dutygraph.config import config_path, load_config

    commands = {name: {p.name for p in cmd.params if p.name} for name, cmd in cli.commands.items()}
    try:
        ctx.default_map = load_config(config_path(config_file), commands)
    except DutygraphError as exc:
        _stderr().print(f"error: {exc}", markup=False, highlight=False)
        ctx.exit(exc.exit_code)


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
    files: tuple[Path, ...],
    fmt: str,
    layout: str | None,
    region: str | None,
    year: int | None,
    force_region: str | None,
    force_year: int | None,
    verbose: int,
    quiet: bool,
) -> None:
    """Read documents and print their tasks, before any database is touched.

    Each FILE is a decomposition table, numbered list or work report, or a
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
    _setup_logging(verbose, quiet)
    err = _stderr()
    results, failures = _load(files, layout, region, year, force_region, force_year, err, quiet)
    if fmt == "jsonl":
        out = sys.stdout
        for r in results:
            for rec in r.to_json_records():
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.flush()
    else:
        terminal.print_extract(results, _stdout())
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
@click.option("--include-inferred", is_flag=True, help="Count guesses filled into deduplicated texts in the analysis.")
@click.option(
    "--pool-years",
    is_flag=True,
    help="One page pair per region with its years added together, instead of one per plan (region and year).",
)
@click.option(
    "--lead-weight",
    type=float,
    default=2.0,
    show_default=True,
    help="Weight of a lead responsibility in a unit's load.",
)
@click.option(
    "--support-weight",
    type=float,
    default=1.0,
    show_default=True,
    help="Weight of a support responsibility in a unit's load.",
)
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
    lead_weight: float,
    support_weight: float,
    db: Path | None,
    neo4j_uri: str | None,
    lock_timeout: float,
    layout: str | None,
    region: str | None,
    year: int | None,
    force_region: str | None,
    force_year: int | None,
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
    from dutygraph.graph.analysis import LoadWeights
    from dutygraph.pipeline import run as run_pipeline

    _setup_logging(verbose, quiet)
    err = _stderr()
    with _progress(err, quiet) as progress, _open_store(db, neo4j_uri, write=True, lock_timeout=lock_timeout) as store:
        outcome = run_pipeline(
            paths,
            store,
            out_dir,
            layout=layout,
            region=region,
            year=year,
            force_region=force_region,
            force_year=force_year,
            weights=LoadWeights(lead_weight, support_weight),
            include_inferred=include_inferred,
            pool_years=pool_years,
            progress=progress,
        )
        where = f"the {store.kind} store at {store.location}"
    if not quiet:
        out = _stdout()
        terminal.print_counts(f"stored in {where}", outcome.counts, out)
        terminal.print_run_summary(outcome, top, lead_weight, support_weight, out)
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
    layout: str | None,
    region: str | None,
    year: int | None,
    force_region: str | None,
    force_year: int | None,
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

    _setup_logging(verbose, quiet)
    err = _stderr()
    results, failures = _load(files, layout, region, year, force_region, force_year, err, quiet)
    stored: dict[str, int] | None = None
    if results:
        G = build_graph(results)
        stored = summary(G)
        with _open_store(db, neo4j_uri, write=True, lock_timeout=lock_timeout) as store:
            written = store.write(G)
            if not quiet:
                table = Table(title=f"stored in the {store.kind} store at {store.location}", title_justify="left")
                table.add_column("what")
                table.add_column("count", justify="right")
                for key, n in written.counts.items():
                    table.add_row(key, str(n))
                _stdout().print(table)
    _report(results, failures, err, quiet, stored=stored)
    if failures:
        sys.exit(2)


@cli.command()
@click.argument("query_spec", metavar="NAME|FILE", required=False)
@click.option(
    "-e", "--execute", "cypher", metavar="CYPHER", default=None, help="Run this Cypher text instead of a saved query."
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter, converted by the type its query declares (-e: VALUE read as JSON when it parses).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for a person, csv for a spreadsheet, json for tools (a list of row objects).",
)
@click.option("--list", "list_queries", is_flag=True, help="List the saved queries and their parameters.")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N", help="Show at most N rows.")
@click.option("--no-bom", is_flag=True, help="CSV without the byte order mark Excel needs to read the Chinese.")
@store_options
@verbosity_options
def query(
    query_spec: str | None,
    cypher: str | None,
    params: tuple[str, ...],
    fmt: str,
    list_queries: bool,
    limit: int | None,
    no_bom: bool,
    db: Path | None,
    neo4j_uri: str | None,
    verbose: int,
    quiet: bool,
) -> None:
    """Run a saved query (by NAME), a .cypher FILE, or -e CYPHER, read-only.

    The graph cannot be changed from here: a query that would write is refused
    on both stores. Parameters go in with --param NAME=VALUE.

    \b
    Examples:
      dutygraph query --list
      dutygraph query units_by_tasks_led --param region=钟楼区 --param year=2024
      dutygraph query -e "MATCH (u:Unit) RETURN u.name AS unit LIMIT 5" --format json
    """
    from dutygraph.graph.queries import parse, resolve, saved_queries, split_param
    from dutygraph.graph.stores.base import check_query

    _setup_logging(verbose, quiet)
    if list_queries:
        table = Table(title="saved queries (dutygraph query NAME)", title_justify="left", show_lines=True)
        table.add_column("name", no_wrap=True)
        table.add_column("answers")
        table.add_column("parameters")
        for q in saved_queries().values():
            shown = ", ".join(
                f"{k}={'…' if v is not None and not isinstance(v, (int, str)) else json.dumps(v, ensure_ascii=False)}"
                for k, v in q.params.items()
            )
            table.add_row(q.name, escape(q.summary), escape(shown))
        _stdout().print(table)
        return
    if (query_spec is None) == (cypher is None):
        raise UsageError("give a saved query NAME, a FILE, or -e CYPHER (one of them)")
    saved = parse("-e", cypher) if cypher is not None else resolve(query_spec or "")
    bound = saved.bind_text(dict(split_param(p) for p in params))
    check_query(saved.text)  # before the store opens: a refused query costs nothing
    with _open_store(db, neo4j_uri) as store:
        if not store.query("MATCH (d:Document) RETURN count(d) AS n").rows[0][0]:
            raise EmptyStoreError(
                f"the {store.kind} store at {store.location} is empty: run 'dutygraph build FILE...' first"
            )
        result = store.query(saved.text, bound)
    rows = result.rows if limit is None else result.rows[:limit]
    tables.print_rows(result.columns, rows, fmt, _stdout(), bom=not no_bom, total=len(result.rows))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for a person, json for tools.",
)
@store_options
@verbosity_options
def schema(fmt: str, db: Path | None, neo4j_uri: str | None, verbose: int, quiet: bool) -> None:
    """Show what the store holds: labels, relationship types, properties with their types and counts,
    indexes and constraints, the same on both stores.

    \b
    Example:
      dutygraph schema
    """
    from dataclasses import asdict

    from dutygraph.graph.stores.schema import schema as describe

    _setup_logging(verbose, quiet)
    with _open_store(db, neo4j_uri) as store:
        found = describe(store)
    if fmt == "json":
        sys.stdout.write(json.dumps(asdict(found), ensure_ascii=False, indent=1) + "\n")
        return
    rows = [[owner, key, " | ".join(types), n] for owner, key, types, n in found.properties]
    counts = {**found.labels, **found.relationships}
    tables.print_rows(
        ["label or type", "property", "types", "count"],
        [[o, "", "", counts[o]] for o in counts] + rows,
        "table",
        _stdout(),
    )
    _stdout().print("indexes: " + ", ".join(found.indexes), highlight=False)
    _stdout().print("constraints: " + ", ".join(found.constraints), highlight=False)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORTERS)),
    required=True,
    help="; ".join(f"{name}: {what}" for name, what in EXPORT_DESCRIPTIONS.items()) + ".",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The file to write (for neo4j-csv, the folder to write nodes.csv and relationships.csv into).",
)
@store_options
@verbosity_options
def export(fmt: str, output: Path, db: Path | None, neo4j_uri: str | None, verbose: int, quiet: bool) -> None:
    """Write the whole stored graph to a file for Gephi and other tools.

    \b
    Example:
      dutygraph export --format graphml -o dutygraph.graphml
      dutygraph export --format neo4j-csv -o import/
    """
    from dutygraph.graph.export import write_graph

    _setup_logging(verbose, quiet)
    G = _read_graph(db, neo4j_uri)
    write_graph(G, output, fmt)
    if not quiet:
        _stderr().print(
            f"wrote {G.number_of_nodes()} nodes and {G.number_of_edges()} relationships to {output}", markup=False
        )


@cli.command()
@click.option(
    "--region",
    default=None,
    help="Analyse one district (e.g. 钟楼区); default every region, each unit against its own region.",
)
@click.option(
    "--year",
    type=int,
    default=None,
    help="Analyse one plan year; default every plan (region and year) on its own, with year-over-year changes.",
)
@click.option(
    "--pool-years", is_flag=True, help="Add a region's years together instead of analysing each plan year on its own."
)
@click.option("--top", type=int, default=None, help="Rows per table (default 20 in the table view, all otherwise).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(tables.ANALYSIS_FORMATS),
    default="table",
    show_default=True,
    help="table for a person, csv or xlsx for Excel (xlsx has a sheet each for units, collectives, leaders, "
    "changes), json for tools.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file instead of the terminal (required for xlsx).",
)
@click.option(
    "--include-inferred",
    is_flag=True,
    help="Add guesses filled into deduplicated texts into every count (they are shown beside the counts otherwise).",
)
@click.option(
    "--lead-weight",
    type=float,
    default=2.0,
    show_default=True,
    help="Weight of a lead (牵头) responsibility in a unit's load.",
)
@click.option(
    "--support-weight",
    type=float,
    default=1.0,
    show_default=True,
    help="Weight of a support (配合) responsibility in a unit's load.",
)
@store_options
@verbosity_options
def analyze(
    region: str | None,
    year: int | None,
    top: int | None,
    pool_years: bool,
    fmt: str,
    output: Path | None,
    include_inferred: bool,
    lead_weight: float,
    support_weight: float,
    db: Path | None,
    neo4j_uri: str | None,
    verbose: int,
    quiet: bool,
) -> None:
    """Rank units by load and coordination, flag the ones carrying too much.

    Reads the stored graph and analyses each plan (a region's document(s) of
    one year) on its own, unless --pool-years. For every unit: tasks led and
    supported, weighted load, goals spanned, leaders and partners; on the
    coordination network (units sharing tasks): weighted degree, betweenness,
    PageRank and a Louvain community. A unit far above the units of its kind in
    the same plan (robust z of load above 3.5) is flagged, with the reason and
    the peers in words; a unit listed on most tasks as the standing clause is a
    blanket supporter, not overloaded. Collective units (各街道 …) are listed
    apart and never ranked. Guesses from deduplicated texts are shown beside
    the counts unless --include-inferred.

    \b
    Examples:
      dutygraph analyze --region 钟楼区 --year 2024
      dutygraph analyze --format xlsx -o review.xlsx
    """
    from dutygraph.graph.analysis import LoadWeights

    _setup_logging(verbose, quiet)
    if fmt == "xlsx" and output is None:
        raise UsageError("--format xlsx needs -o FILE")
    G = _read_graph(db, neo4j_uri)
    result = _analysis_of(G, region, year, include_inferred, LoadWeights(lead_weight, support_weight), pool_years)
    tables.write_analysis(result, fmt, output, top=top, region=region, year=year)
    if output is not None and not quiet:
        _stderr().print(f"wrote {output}", markup=False)


def _analysis_of(
    G: Any, region: str | None, year: int | None, include_inferred: bool, weights: Any = None, pool_years: bool = False
) -> Any:
    """The analysis of the stored graph (a scope without tasks is an EmptyScopeError, a usage error)."""
    from dutygraph.graph.analysis import LoadWeights
    from dutygraph.graph.analysis import analyze as run_analysis

    return run_analysis(
        G,
        region=region,
        year=year,
        include_inferred=include_inferred,
        weights=weights or LoadWeights(),
        pool_years=pool_years,
    )


def _read_graph(db: Path | None, neo4j_uri: str | None) -> Any:
    """The whole stored graph as networkx; an empty store is an error with a hint."""
    with _open_store(db, neo4j_uri) as store:
        G = store.read_graph()
        if G.number_of_nodes() == 0:
            raise EmptyStoreError(
                f"the {store.kind} store at {store.location} is empty: run 'dutygraph build FILE...' first"
            )
    return G


@cli.command()
@click.option(
    "--view",
    type=click.Choice(["full", "units", "goal", "unit", "leader"]),
    default="full",
    show_default=True,
    help="full: documents, goals, areas, tasks, units, leaders; units: the coordination network; "
    "goal/unit/leader: one node's neighbourhood.",
)
@click.option("--goal", default=None, help="The goal for --view goal: its id or part of its title.")
@click.option("--unit", default=None, help="The unit for --view unit: its name (e.g. 发改局).")
@click.option("--leader", default=None, help="The leader for --view leader: a name (e.g. 王旭锋).")
@click.option("--region", default=None, help="Only tasks of this district.")
@click.option("--year", type=int, default=None, help="Only tasks of this plan year.")
@click.option(
    "--include-inferred",
    is_flag=True,
    help="Count guesses from deduplicated texts in sizes and flags (they are drawn dashed either way).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("graph.html"),
    show_default=True,
    help="The HTML file to write.",
)
@store_options
@verbosity_options
def draw(
    view: str,
    goal: str | None,
    unit: str | None,
    leader: str | None,
    region: str | None,
    year: int | None,
    include_inferred: bool,
    output: Path,
    db: Path | None,
    neo4j_uri: str | None,
    verbose: int,
    quiet: bool,
) -> None:
    """Draw the stored graph as one interactive HTML page that works offline.

    Hover a node for its full text, load and ranks; click one to highlight its
    neighbours; find a node by name in the search box. Guessed responsibilities
    are dashed. A full graph too large to read is drawn as the units view, and
    the page says so.

    \b
    Examples:
      dutygraph draw --region 钟楼区 --year 2021 -o graph.html
      dutygraph draw --view unit --unit 发改局 --region 钟楼区 -o 发改局.html
    """
    from dutygraph.graph.draw import make_drawing, render, write_page

    _setup_logging(verbose, quiet)
    G = _read_graph(db, neo4j_uri)
    analysis = _analysis_of(G, region, year, include_inferred)
    drawing = make_drawing(G, view, analysis=analysis, goal=goal, unit=unit, leader=leader, region=region, year=year)
    write_page(render(drawing), output)
    if not quiet:
        if drawing.note:
            _stderr().print(f"note: {drawing.note}", markup=False)
        _stderr().print(
            f"wrote {output} ({len(drawing.nodes)} nodes, {len(drawing.edges)} relationships); open it in a browser",
            markup=False,
            highlight=False,
        )


@cli.command()
@click.option("--region", default=None, help="Review one district; default every region.")
@click.option(
    "--year",
    type=int,
    default=None,
    help="Review one plan year (the usual page: one plan); without it, each plan's rows one after the other.",
)
@click.option("--pool-years", is_flag=True, help="Add the region's years together (the page says so).")
@click.option("--include-inferred", is_flag=True, help="Add guesses filled into deduplicated texts into every count.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("review.html"),
    show_default=True,
    help="The HTML file to write.",
)
@store_options
@verbosity_options
def report(
    region: str | None,
    year: int | None,
    pool_years: bool,
    include_inferred: bool,
    output: Path,
    db: Path | None,
    neo4j_uri: str | None,
    verbose: int,
    quiet: bool,
) -> None:
    """Write the review page of one plan: flags with their reasons and peers,
    blanket supporters, the change from the region's other year, a chart of
    load per unit, the ranking (filter by kind, sort, open a unit's tasks),
    leader spans and the coordination network, in one offline file.

    \b
    Example:
      dutygraph report --region 钟楼区 --year 2021 -o review.html
    """
    from dutygraph.graph.draw import write_page
    from dutygraph.graph.report import render_report

    _setup_logging(verbose, quiet)
    G = _read_graph(db, neo4j_uri)
    analysis = _analysis_of(G, region, year, include_inferred, pool_years=pool_years)
    write_page(render_report(G, analysis, region=region, year=year, include_inferred=include_inferred), output)
    if not quiet:
        flagged = sum(1 for r in analysis.units if r["flagged"])
        _stderr().print(
            f"wrote {output} ({len(analysis.units)} units, {flagged} flagged); open it in a browser",
            markup=False,
            highlight=False,
        )


def _load(
    files: tuple[Path, ...],
    layout: str | None,
    region: str | None,
    year: int | None,
    force_region: str | None,
    force_year: int | None,
    err: Console,
    quiet: bool,
) -> tuple[list[LoadResult], list[tuple[Path, DutygraphError]]]:
    """Read the files, then settle region and year (--region/--year fill, --force-* replace, with a notice each)."""
    from dutygraph.pipeline import settle_region_year

    results, failures = load_many(files, layout=layout)
    for notice in settle_region_year(
        results, region=region, year=year, force_region=force_region, force_year=force_year
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


def _on_signal(signum: int, _frame: Any) -> None:
    """SIGTERM, SIGHUP and SIGINT stop the command as Ctrl-C does: the store is closed on the way out."""
    from dutygraph.graph.stores.base import interrupt

    name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
    interrupt(Interrupted(signum, name))


def main() -> None:
    """Entry point of the console script."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)
    try:
        cli.main(prog_name="dutygraph")
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
