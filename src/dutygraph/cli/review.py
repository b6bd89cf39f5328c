"""Commands for reviewers and planners: analyze, draw and report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dutygraph.cli.common import (
    Scope,
    cli,
    format_option,
    output_option,
    pool_option,
    read_stored_graph,
    scope_options,
    setup_logging,
    stderr,
    store_options,
    verbosity_options,
    weight_options,
)
from dutygraph.errors import UsageError
from dutygraph.graph import tables
from dutygraph.graph.analysis.flags import RULES
from dutygraph.graph.analysis.scope import LoadWeights

_ANALYZE_HELP = f"""Rank units by load and coordination, flag the ones carrying too much.

Reads the stored graph and analyses each plan (a region's document(s) of
one year) on its own, unless --pool-years. For every unit: tasks led (listed
first, or as a co-lead) and supported, weighted load, goals spanned, leaders
and partners; on the coordination network (units sharing tasks): weighted
degree, betweenness, PageRank and a Louvain community.

{RULES["overloaded"].mark} {RULES["overloaded"].label}: {RULES["overloaded"].summary}.

{RULES["blanket"].mark} {RULES["blanket"].label}: {RULES["blanket"].summary}.

{RULES["collective"].label.capitalize()} units: {RULES["collective"].summary}.

{RULES["leader"].mark} {RULES["leader"].label} (leaders): {RULES["leader"].summary}.

Every flag comes with its reason and the peers in words. Guesses from
deduplicated texts are shown beside the counts unless --include-inferred.

\b
Examples:
  dutygraph analyze --region 钟楼区 --year 2024
  dutygraph analyze --format xlsx -o review.xlsx
"""


@cli.command(help=_ANALYZE_HELP)
@scope_options
@pool_option
@weight_options
@click.option("--top", type=int, default=None, help="Rows per table (default 20 in the table view, all otherwise).")
@format_option(
    tables.ANALYSIS_FORMATS,
    "table",
    "table for a person, csv or xlsx for Excel (xlsx has a sheet each for units, collectives, leaders, changes), "
    "json for tools.",
)
@output_option(None, "Write to this file instead of the terminal (required for xlsx).")
@store_options
@verbosity_options
def analyze(
    scope: Scope,
    pool_years: bool,
    weights: LoadWeights,
    top: int | None,
    fmt: str,
    output: Path | None,
    db: Path | None,
    neo4j_uri: str | None,
    verbose: int,
    quiet: bool,
) -> None:
    setup_logging(verbose, quiet)
    if fmt == "xlsx" and output is None:
        raise UsageError("--format xlsx needs -o FILE")
    G = read_stored_graph(db, neo4j_uri)
    result = _analysis_of(G, scope, weights, pool_years)
    tables.write_analysis(result, fmt, output, top=top, region=scope.region, year=scope.year)
    if output is not None and not quiet:
        stderr().print(f"wrote {output}", markup=False)


def _analysis_of(G: Any, scope: Scope, weights: LoadWeights, pool_years: bool = False) -> Any:
    """The analysis of the stored graph (a scope without tasks is an EmptyScopeError, a usage error)."""
    from dutygraph.graph.analysis import analyze as run_analysis

    return run_analysis(
        G,
        region=scope.region,
        year=scope.year,
        include_inferred=scope.include_inferred,
        weights=weights,
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
@scope_options
@weight_options
@output_option(Path("graph.html"), "The HTML file to write.")
@store_options
@verbosity_options
def draw(
    view: str,
    goal: str | None,
    unit: str | None,
    leader: str | None,
    scope: Scope,
    weights: LoadWeights,
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
    analysis = _analysis_of(G, scope, weights)
    drawing = make_drawing(
        G, view, analysis=analysis, goal=goal, unit=unit, leader=leader, region=scope.region, year=scope.year
    )
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
@scope_options
@pool_option
@weight_options
@output_option(Path("review.html"), "The HTML file to write.")
@store_options
@verbosity_options
def report(
    scope: Scope,
    pool_years: bool,
    weights: LoadWeights,
    output: Path,
    db: Path | None,
    neo4j_uri: str | None,
    verbose: int,
    quiet: bool,
) -> None:
    """Write the review page of one plan: flags with their reasons and peers,
    blanket supporters, the change from the region's other year, a chart of
    load per unit, the ranking (filter by kind, sort, open a unit's tasks by
    goal), leader spans and the coordination network, in one offline file.

    \b
    Example:
      dutygraph report --region 钟楼区 --year 2021 -o review.html
    """
    from dutygraph.graph.draw import write_page
    from dutygraph.graph.report import render_report

    setup_logging(verbose, quiet)
    G = read_stored_graph(db, neo4j_uri)
    analysis = _analysis_of(G, scope, weights, pool_years)
    page = render_report(G, analysis, region=scope.region, year=scope.year, include_inferred=scope.include_inferred)
    write_page(page, output)
    if not quiet:
        flagged = sum(1 for r in analysis.units if r.flagged)
        stderr().print(
            f"wrote {output} ({len(analysis.units)} units, {flagged} flagged); open it in a browser",
            markup=False,
            highlight=False,
        )
