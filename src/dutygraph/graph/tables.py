"""Analysis and query results as a person or a tool reads them: terminal tables, CSV, XLSX, JSON.

The CLI picks a format and calls one of these; they write to the stream or
console given (standard output by default) or to a file.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dutygraph.graph.rows import cell_text, write_rows

if TYPE_CHECKING:
    from rich.console import Console

    from dutygraph.graph.analysis import Analysis


def print_rows(
    columns: list[str],
    rows: list[list[Any]],
    fmt: str,
    console: Console | None = None,
    *,
    bom: bool = True,
    total: int | None = None,
) -> None:
    """A query's rows on standard output: ``fmt`` "json", "csv" or "table" (on ``console``).

    ``total`` is the number of rows before a ``--limit`` cut them (the table says so);
    ``bom`` starts CSV with a UTF-8 byte order mark, for Excel.
    """
    if fmt in ("json", "csv"):
        write_rows(columns, rows, fmt, sys.stdout, bom=bom)
        return
    # rich only for a table: CSV and JSON go out without it.
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=False)
    for c in columns:
        table.add_column(escape(c), overflow="fold")
    for r in rows:
        table.add_row(*[escape(cell_text(v)) for v in r])
    console = console or Console(highlight=False, soft_wrap=False)
    console.print(table)
    total = len(rows) if total is None else total
    shown = f"{len(rows)} of {total} rows (--limit)" if total > len(rows) else f"{len(rows)} rows"
    console.print(shown, highlight=False)


UNIT_COLUMNS = [
    "region",
    "year",
    "name",
    "kind",
    "lead",
    "support",
    "load",
    "lead_inferred",
    "support_inferred",
    "goals",
    "leaders",
    "partners",
    "degree",
    "betweenness",
    "pagerank",
    "community",
    "flagged",
    "status",
    "peer_group",
    "reason",
]


LEADER_COLUMNS = ["region", "year", "name", "tasks", "units", "goals", "tasks_inferred", "flagged", "reason"]


CHANGE_COLUMNS = ["region", "name", "kind", "year_a", "year_b", "load_a", "load_b", "change", "status"]


def top_per_plan(rows: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    """The first ``limit`` rows of each plan (rows come plan after plan)."""
    if not limit:
        return rows
    seen: dict[Any, int] = {}
    out = []
    for r in rows:
        seen[r.get("plan")] = seen.get(r.get("plan"), 0) + 1
        if seen[r.get("plan")] <= limit:
            out.append(r)
    return out


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def write_xlsx(data: dict[str, Any], output: Path | None) -> None:
    """The analysis as a workbook: a sheet each for units, collectives, leaders, changes and the method."""
    from openpyxl import Workbook

    assert output is not None
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    sheets = [
        ("units", UNIT_COLUMNS),
        ("collectives", UNIT_COLUMNS),
        ("leaders", LEADER_COLUMNS),
        ("changes", CHANGE_COLUMNS),
    ]
    for name, columns in sheets:
        ws = wb.create_sheet(name)
        ws.append(columns)
        for r in data[name]:
            ws.append([r.get(c) if not isinstance(r.get(c), (list, dict)) else cell_text(r.get(c)) for c in columns])
        ws.freeze_panes = "A2"
    ws = wb.create_sheet("method")
    for k, v in data["method"].items():
        ws.append([k, cell_text(v)])
    wb.save(output)


#: The formats :func:`write_analysis` writes; the CLI's --format choices.
ANALYSIS_FORMATS = ("table", "csv", "json", "xlsx")


def trimmed(result: Analysis, limit: int | None) -> dict[str, Any]:
    """``result`` as data with the first ``limit`` rows of each plan, and the largest rises and falls."""
    data = result.as_dict()
    for key in ("units", "collectives", "leaders"):
        data[key] = top_per_plan(data[key], limit)
    if limit and data["changes"]:
        data["changes"] = data["changes"][:limit] + [
            c for c in data["changes"][-limit:] if c not in data["changes"][:limit]
        ]
    return data


def write_analysis(
    result: Analysis,
    fmt: str,
    output: Path | None = None,
    *,
    top: int | None = None,
    region: str | None = None,
    year: int | None = None,
) -> None:
    """Write an analysis as ``fmt`` (one of :data:`ANALYSIS_FORMATS`) to ``output`` or standard output.

    Args:
        result: from :func:`~dutygraph.graph.analysis.analyze`.
        fmt: "table" for a person, "csv" or "xlsx" for Excel, "json" for tools.
        output: the file to write; required for xlsx.
        top: rows per plan (default 20 in the table, all otherwise).
        region, year: the scope asked for, named in the table's heading.
    """
    limit = top if top is not None else (20 if fmt == "table" else None)
    data = trimmed(result, limit)
    if fmt == "json":
        emit(json.dumps(data, ensure_ascii=False, indent=1) + "\n", output)
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["group", *UNIT_COLUMNS])
        for group in ("units", "collectives"):
            for r in data[group]:
                writer.writerow([group] + [cell_text(r.get(c)) for c in UNIT_COLUMNS])
        emit(buf.getvalue(), output)
    elif fmt == "xlsx":
        write_xlsx(data, output)
    else:
        _print_analysis(data, output, region, year)


def _print_analysis(data: dict[str, Any], output: Path | None, region: str | None, year: int | None) -> None:
    """The analysis as terminal tables, on standard output or into ``output``."""
    from rich.console import Console

    from dutygraph.graph import terminal

    if output is None:
        terminal.print_analysis(data, region, year, Console(highlight=False, soft_wrap=False))
    else:
        with output.open("w", encoding="utf-8") as f:
            terminal.print_analysis(data, region, year, Console(file=f, width=200))
