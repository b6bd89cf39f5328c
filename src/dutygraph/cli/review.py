"""Commands for reviewers and planners: analyze, draw and report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dutygraph.cli.common import cli, read_stored_graph, setup_logging, stderr, store_options, verbosity_options
from dutygraph.errors import UsageError
from dutygraph.graph import tables


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

    setup_logging(verbose, quiet)
    if fmt == "xlsx" and output is None:
        raise UsageError("--format xlsx needs -o FILE")
    G = read_stored_graph(db, neo4j_uri)
    result = _analysis_of(
        G, region, year, include_inferred, LoadWeights(lead=lead_weight, support=support_weight), pool_years
    )
    tables.write_analysis(result, fmt, output, top=top, region=region, year=year)
    if output is not None and not quiet:
        stderr().print(f"wrote {output}", markup=False)


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

    setup_logging(verbose, quiet)
    G = read_stored_graph(db, neo4j_uri)
    analysis = _analysis_of(G, region, year, include_inferred)
    drawing = make_drawing(G, view, analysis=analysis, goal=goal, unit=unit, leader=leader, region=region, year=year)
    write_page(render(drawing), output)
    if not quiet:
        if drawing.note:
            stderr().print(f"note: {drawing.note}", markup=False)
        stderr().print(
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

    setup_logging(verbose, quiet)
    G = read_stored_graph(db, neo4j_uri)
    analysis = _analysis_of(G, region, year, include_inferred, pool_years=pool_years)
    write_page(render_report(G, analysis, region=region, year=year, include_inferred=include_inferred), output)
    if not quiet:
        flagged = sum(1 for r in analysis.units if r.flagged)
        stderr().print(
            f"wrote {output} ({len(analysis.units)} units, {flagged} flagged); open it in a browser",
            markup=False,
            highlight=False,
        )
