"""Analysis, extraction and run results as a person reads them in the terminal (rich tables).

:func:`dutygraph.graph.tables.write_analysis` calls :func:`print_analysis` for the
"table" format; the CLI calls the others for ``extract`` and ``run``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
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


def print_analysis(data: dict[str, Any], region: str | None, year: int | None, console: Console) -> None:
    """The analysis as a person reads it: the method, the units ranked, the flags, collectives, leaders, changes."""
    _print_method(data["method"], region, year, console)
    console.print(_units_table(data["units"]))
    _print_reasons(data["units"], console)
    if data["collectives"]:
        console.print(_collectives_table(data["collectives"]))
    if data["leaders"]:
        console.print(_leaders_table(data["leaders"]))
    if data["changes"]:
        console.print(_changes_table(data["changes"]))
        for note in data["method"].get("notes", []):
            console.print(f"[yellow]note[/yellow]: {escape(note)}", highlight=False)


def _print_method(method: dict[str, Any], region: str | None, year: int | None, console: Console) -> None:
    """The heading line: the scope, the load's weights, how betweenness was computed, the flag rule."""
    scope = " ".join(str(x) for x in (region, year) if x is not None) or "all regions, all years"
    scope += ", years pooled" if method.get("scope") == "pooled" else ", each plan (region and year) on its own"
    inferred = (
        "guesses from deduplicated texts added in"
        if method["include_inferred"]
        else "guesses from deduplicated texts shown apart (推断), not counted"
    )
    console.print(
        f"[bold]{escape(scope)}[/bold]: load = {method['weights']['lead']:g} × lead + "
        f"{method['weights']['support']:g} × support; "
        f"betweenness {method['betweenness']}; {inferred}; flag: {method['flag_rule']}",
        highlight=False,
    )


def _units_table(rows: list[dict[str, Any]]) -> Table:
    """Single offices ranked by load within each plan."""
    units = Table(title="units by load (single offices)", title_justify="left")
    for col in (
        "#",
        "plan",
        "unit",
        "kind",
        "lead",
        "support",
        "推断",
        "load",
        "goals",
        "leaders",
        "partners",
        "degree",
        "betweenness",
        "pagerank",
        "community",
        "flag",
    ):
        units.add_column(col, justify="right" if col not in ("plan", "unit", "kind", "flag") else "left", no_wrap=True)
    rank: dict[Any, int] = {}
    marks = {"overloaded": "[red]⚑ overloaded[/red]", "blanket": "≡ blanket supporter"}
    for r in rows:
        rank[r["plan"]] = rank.get(r["plan"], 0) + 1
        units.add_row(
            str(rank[r["plan"]]),
            escape(r["plan"] or ""),
            escape(r["name"] or ""),
            r["kind_name"],
            str(r["lead"]),
            str(r["support"]),
            str(r["lead_inferred"] + r["support_inferred"] or ""),
            f"{r['load']:g}",
            str(r["goals"]),
            str(r["leaders"]),
            str(r["partners"]),
            f"{r['degree']:g}",
            f"{r['betweenness']:.3f}",
            f"{r['pagerank']:.3f}",
            str(r["community"] or ""),
            marks.get(r["status"], ""),
        )
    return units


def _print_reasons(rows: list[dict[str, Any]], console: Console) -> None:
    """The flagged units and the blanket supporters, each with its reason."""
    flagged = [r for r in rows if r["flagged"]]
    if flagged:
        console.print("[bold red]flagged[/bold red]")
        for r in flagged:
            console.print(f"  {escape(r['plan'] or '')} {escape(r['name'])}: {escape(r['reason'])}", highlight=False)
    blanket = [r for r in rows if r["status"] == "blanket"]
    if blanket:
        console.print("[bold]blanket supporters (listed on most tasks as the standing clause; not compared)[/bold]")
        for r in blanket:
            console.print(f"  {escape(r['plan'] or '')} {escape(r['name'])}: {escape(r['reason'])}", highlight=False)


def _collectives_table(rows: list[dict[str, Any]]) -> Table:
    """Collective units (各街道 …), listed apart and never ranked."""
    coll = Table(title="collective units (listed apart, not ranked)", title_justify="left")
    for col in ("plan", "unit", "lead", "support", "推断", "load", "partners"):
        coll.add_column(col, no_wrap=True)
    for r in rows:
        coll.add_row(
            escape(r["plan"] or ""),
            escape(r["name"]),
            str(r["lead"]),
            str(r["support"]),
            str(r["lead_inferred"] + r["support_inferred"] or ""),
            f"{r['load']:g}",
            str(r["partners"]),
        )
    return coll


def _leaders_table(rows: list[dict[str, Any]]) -> Table:
    """Leaders (分管领导) by the units they oversee."""
    lt = Table(title="leaders by span", title_justify="left")
    for col in ("plan", "leader", "tasks", "units", "goals", "推断", "flag"):
        lt.add_column(col, no_wrap=True)
    for r in rows:
        lt.add_row(
            escape(r["plan"] or ""),
            escape(r["name"]) + (" (集体)" if r["collective"] else ""),
            str(r["tasks"]),
            str(r["units"]),
            str(r["goals"]),
            str(r["tasks_inferred"] or ""),
            "[red]⚑[/red] " + escape(r["reason"]) if r["flagged"] else "",
        )
    return lt


def _changes_table(rows: list[dict[str, Any]]) -> Table:
    """Year over year: the largest rises, then the largest falls."""
    ct = Table(title="year over year (largest rises, then largest falls)", title_justify="left")
    for col in ("region", "unit", "kind", "years", "load before", "load after", "change", "status"):
        ct.add_column(col, no_wrap=True)
    for r in rows:
        ct.add_row(
            escape(r["region"]),
            escape(r["name"]),
            r["kind"],
            f"{r['year_a']}→{r['year_b']}",
            f"{r['load_a']:g}",
            f"{r['load_b']:g}",
            f"{r['change']:+g}",
            r["status"],
        )
    return ct


def print_run_summary(outcome: Any, top: int, lead_weight: float, support_weight: float, console: Console) -> None:
    """The plans written by ``run``, then each plan's top units and its flags."""
    from dutygraph.graph.analysis import RULES

    plans = Table(title="plans (one graph page and one review page each)", title_justify="left")
    for col in ("plan", "tasks", "units", "⚑ overloaded", "≡ blanket", "pages"):
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
    for p in outcome.pages:
        units = p.analysis.units
        if not units:
            continue
        ranking = Table(
            title=f"{escape(p.label)}: top {top} units by load (lead × {lead_weight:g} + support × {support_weight:g})",
            title_justify="left",
        )
        for col in ("unit", "kind", "lead", "support", "推断", "load", "betweenness", "flag"):
            ranking.add_column(col)
        for r in units[:top]:
            rule = RULES.get(r["status"])
            ranking.add_row(
                escape(r["name"]),
                r["kind_name"],
                str(r["lead"]),
                str(r["support"]),
                str(r["lead_inferred"] + r["support_inferred"] or ""),
                f"{r['load']:g}",
                f"{r['betweenness']:.3f}",
                escape(f"{rule.mark} {rule.name}") if rule and r["status"] != "collective" else "",
            )
        console.print(ranking)
        for r in units:
            if r["status"] in ("overloaded", "blanket"):
                rule = RULES[r["status"]]
                console.print(
                    f"{rule.mark} {escape(p.label)} {escape(r['name'])}: {escape(r['reason'])}", highlight=False
                )


def print_counts(title: str, counts: dict[str, int], console: Console) -> None:
    """One row of counts (documents, tasks, units …) under ``title``."""
    table = Table(title=title, title_justify="left")
    for key in counts:
        table.add_column(key, justify="right")
    table.add_row(*[str(v) for v in counts.values()])
    console.print(table)
