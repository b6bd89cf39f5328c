"""Analysis, extraction and run results as a person reads them in the terminal (rich tables).

:func:`dutygraph.graph.tables.write_analysis` calls :func:`print_analysis` for the
"table" format; the CLI calls the others for ``extract`` and ``run``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dutygraph.graph.analysis.flags import RULES
from dutygraph.graph.analysis.results import (
    CHANGE_COLUMNS,
    GROUPS,
    LEADER_COLUMNS,
    UNIT_COLUMNS,
    Column,
    column_groups,
    columns_named,
    load_formula,
)

if TYPE_CHECKING:
    from dutygraph.graph.analysis import Analysis
    from dutygraph.loaders import LoadResult


def print_extract(results: list[LoadResult], console: Console) -> None:
    for r in results:
        d = r.document
        flags = f"  [red]{', '.join(d.flags)}[/red]" if d.flags else ""
        title = (
            f"{escape(d.file)}  {escape(d.region or '?')} {d.year or '?'}  ({d.layout}, {len(r.tasks)} tasks){flags}"
        )
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
                escape(t.task),
                escape(t.area or t.goal or ""),
                escape(t.text),
                cell(t, "leaders"),
                cell(t, "lead"),
                cell(t, "support"),
            )
        console.print(table)
    if any(t.inherited for r in results for t in r.tasks):
        console.print("[dim]* not printed in the task's own row: taken from the row above[/dim]")


_RIGHT = {"int", "number", "signed", "ratio"}


def spec_table(title: str, rows: Sequence[Any], columns: Sequence[Column], *, rank: bool = False) -> Table:
    """A table of ``rows`` with a column for each of ``columns`` (English headings); ``rank`` numbers each plan's rows.

    A sentence column (the reason) wraps; the others stay on one line.
    """
    table = Table(title=title, title_justify="left")
    if rank:
        table.add_column("#", justify="right", no_wrap=True)
    sample = rows[0] if rows else None
    for c in columns:
        table.add_column(
            escape(c.heading("en", sample)),
            justify="right" if c.kind in _RIGHT else "left",
            no_wrap=c.kind != "long",
            overflow="fold",
            ratio=1 if c.kind == "long" else None,
        )
    seen: dict[str, int] = {}
    for r in rows:
        cells = []
        for c in columns:
            value = c.value(r)
            text = escape(c.text(value, "en"))
            cells.append(
                f"[red]{text}[/red]" if c.kind in ("status", "flag") and value in ("overloaded", True) else text
            )
        if rank:
            plan = str(getattr(r, "plan", ""))
            seen[plan] = seen.get(plan, 0) + 1
            cells.insert(0, str(seen[plan]))
        table.add_row(*cells)
    return table


def spec_tables(title: str, rows: Sequence[Any], columns: tuple[Column, ...], *, rank: bool = False) -> list[Table]:
    """The rows as one table per group of ``columns`` (see :func:`column_groups`), so that each fits a screen."""
    groups = column_groups(columns)
    if len(groups) == 1:
        return [spec_table(title, rows, groups[0][1], rank=rank)]
    return [spec_table(f"{title}: {GROUPS[g][1]}", rows, cs, rank=rank) for g, cs in groups]


def print_analysis(result: Analysis, region: str | None, year: int | None, console: Console) -> None:
    """The analysis as a person reads it: the method, then units, collectives, leaders and changes.

    Every column of the specifications in :mod:`dutygraph.graph.analysis.results`
    is shown, a table per group of columns (a unit's load, its place in the
    network, its verdict and reason).
    """
    _print_method(result.method, region, year, console)
    rule = RULES["collective"]
    sections: list[tuple[str, Sequence[Any], tuple[Column, ...], bool]] = [
        ("units by load (single offices)", result.units, UNIT_COLUMNS, True),
        (f"{rule.label} units ({rule.summary})", result.collectives, UNIT_COLUMNS, False),
        ("leaders by span", result.leaders, LEADER_COLUMNS, False),
        ("year over year (largest rises, then largest falls)", result.changes, CHANGE_COLUMNS, False),
    ]
    for title, rows, columns, rank in sections:
        if rows or rank:
            for table in spec_tables(title, rows, columns, rank=rank):
                console.print(table)
    if result.changes:
        for note in result.method.get("notes", []):
            console.print(f"[yellow]note[/yellow]: {escape(note)}", highlight=False)


def _print_method(method: dict[str, Any], region: str | None, year: int | None, console: Console) -> None:
    """The heading line: the scope, the load's weights, how betweenness was computed, the flag rule."""
    scope = " ".join(str(x) for x in (region, year) if x is not None) or "all regions, all years"
    scope += ", years pooled" if method.get("scope") == "pooled" else ", each plan (region and year) on its own"
    inferred = (
        "guesses from deduplicated texts added in"
        if method["include_inferred"]
        else "guesses from deduplicated texts shown apart (inf.), not counted"
    )
    console.print(
        f"[bold]{escape(scope)}[/bold]: load = {escape(load_formula(method['weights'], 'en'))}; "
        f"betweenness {method['betweenness']}; {inferred}; flag: {RULES['overloaded'].summary}",
        highlight=False,
    )


#: The columns of each plan's ranking in the summary of ``run``.
RUN_SUMMARY_KEYS = ("name", "kind", "lead", "lead_first", "lead_co", "support", "load", "betweenness", "status")


def print_run_summary(outcome: Any, top: int, console: Console) -> None:
    """The plans written by ``run``, then each plan's top units and its flags."""
    plans = Table(title="plans (one graph page and one review page each)", title_justify="left")
    marks = {k: f"{RULES[k].mark} {RULES[k].label}" for k in ("overloaded", "blanket")}
    for col in ("plan", "tasks", "units", marks["overloaded"], marks["blanket"], "pages"):
        plans.add_column(col)
    for p in outcome.pages:
        r = p.row
        units = str(r["units"]) if r["units"] else "none printed: no review"
        pages = p.graph.name + (f", {p.review.name}" if p.review else "")
        plans.add_row(
            escape(p.label),
            str(r["tasks"]),
            units,
            str(r["flagged"]) if r["units"] else "",
            str(r["blanket"]) if r["units"] else "",
            escape(pages),
        )
    console.print(plans)
    columns = columns_named(UNIT_COLUMNS, RUN_SUMMARY_KEYS)
    for p in outcome.pages:
        units = p.analysis.units
        if not units:
            continue
        formula = load_formula(p.analysis.method["weights"], "en")
        console.print(spec_table(f"{escape(p.label)}: top {top} units by load ({formula})", units[:top], columns))
        for r in units:
            if r.status in marks:
                console.print(f"{RULES[r.status].mark} {escape(p.label)} {escape(r.name)}: {escape(r.reason)}")


def print_counts(title: str, counts: dict[str, int], console: Console) -> None:
    """One row of counts (documents, tasks, units …) under ``title``."""
    table = Table(title=title, title_justify="left")
    for key in counts:
        table.add_column(key, justify="right")
    table.add_row(*[str(v) for v in counts.values()])
    console.print(table)
