"""Commands for analysts: query, schema and export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dutygraph.cli.common import (
    cli,
    format_option,
    open_store,
    read_stored_graph,
    setup_logging,
    stderr,
    stdout,
    store_options,
    verbosity_options,
)
from dutygraph.errors import EmptyStoreError, QueryError, UsageError
from dutygraph.graph import tables
from dutygraph.graph.export import DESCRIPTIONS as EXPORT_DESCRIPTIONS
from dutygraph.graph.export import EXPORTERS


@cli.command()
@click.argument("query_spec", metavar="NAME|FILE|-", required=False)
@click.option(
    "-e",
    "--execute",
    "cypher",
    metavar="CYPHER",
    default=None,
    help="Run this Cypher text instead of a saved query (-e - reads it from standard input).",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter, converted by the type its query declares (-e: VALUE read as JSON when it parses).",
)
@format_option(
    ("table", "csv", "json"),
    "table",
    "table for a person, csv for a spreadsheet, json for tools (a list of row objects).",
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
    """Run a saved query (by NAME), a .cypher FILE, - (the Cypher on standard input), or -e CYPHER, read-only.

    The graph cannot be changed from here: a query that would write is refused
    on both stores. Parameters go in with --param NAME=VALUE; a query from a file
    or standard input may declare them as saved queries do (// @param ...).

    \b
    Examples:
      dutygraph query --list
      dutygraph query units_by_tasks_led --param region=钟楼区 --param year=2024
      dutygraph query -e "MATCH (u:Unit) RETURN u.name AS unit LIMIT 5" --format json
      echo "MATCH (t:Task) RETURN count(t) AS tasks" | dutygraph query -
    """
    from dutygraph.graph.queries import parse, resolve, saved_queries, split_param
    from dutygraph.graph.stores.base import check_query

    setup_logging(verbose, quiet)
    if list_queries:
        from rich.markup import escape
        from rich.table import Table

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
        stdout().print(table)
        return
    if (query_spec is None) == (cypher is None):
        raise UsageError("give a saved query NAME, a FILE, - (the query on standard input) or -e CYPHER: one of them")
    if "-" in (query_spec, cypher):
        saved = parse("-", _stdin_query())
    else:
        saved = parse("-e", cypher) if cypher is not None else resolve(query_spec or "")
    bound = saved.bind_text(dict(split_param(p) for p in params))
    check_query(saved.text)  # before the store opens: a refused query costs nothing
    with open_store(db, neo4j_uri) as store:
        if not store.query("MATCH (d:Document) RETURN count(d) AS n").rows[0][0]:
            raise EmptyStoreError(
                f"the {store.kind} store at {store.location} is empty: run 'dutygraph build FILE...' first"
            )
        result = store.query(saved.text, bound)
    rows = result.rows if limit is None else result.rows[:limit]
    console = stdout() if fmt == "table" else None  # rich only for a table
    tables.print_rows(result.columns, rows, fmt, console, bom=not no_bom, total=len(result.rows))


def _stdin_query() -> str:
    """The Cypher text on standard input (UTF-8, a byte order mark allowed).

    Raises:
        QueryError: it is not UTF-8, or holds no query.
    """
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QueryError(f"standard input: the query is not UTF-8 text (byte {exc.start} is not)") from None
    if not text.strip():
        raise QueryError("standard input: no query to run (dutygraph query - reads the Cypher from it)")
    return text


@cli.command()
@format_option(("table", "json"), "table", "table for a person, json for tools.")
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

    setup_logging(verbose, quiet)
    with open_store(db, neo4j_uri) as store:
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
        stdout(),
    )
    stdout().print("indexes: " + ", ".join(found.indexes), highlight=False)
    stdout().print("constraints: " + ", ".join(found.constraints), highlight=False)


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

    setup_logging(verbose, quiet)
    G = read_stored_graph(db, neo4j_uri)
    write_graph(G, output, fmt)
    if not quiet:
        stderr().print(
            f"wrote {G.number_of_nodes()} nodes and {G.number_of_edges()} relationships to {output}", markup=False
        )
