"""Analysis and query results as a person or a tool reads them: terminal tables, CSV, XLSX, JSON.

The CLI picks a format and calls one of these; they write to the stream or
console given (standard output by default) or to a file.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from dutygraph.graph.rows import cell_text, write_rows

if TYPE_CHECKING:
    from rich.console import Console

    from dutygraph.graph.analysis import Analysis
    from dutygraph.graph.analysis.results import Column


class _Planned(Protocol):
    @property
    def plan(self) -> str: ...


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


def sheets() -> tuple[tuple[str, tuple[Column, ...]], ...]:
    """The XLSX sheets (and JSON keys) of an analysis with the columns of their rows.

    Read when an analysis is written, so that a query's rows (CSV, JSON) import no analysis.
    """
    from dutygraph.graph.analysis.results import CHANGE_COLUMNS, LEADER_COLUMNS, UNIT_COLUMNS

    return (
        ("units", UNIT_COLUMNS),
        ("collectives", UNIT_COLUMNS),
        ("leaders", LEADER_COLUMNS),
        ("changes", CHANGE_COLUMNS),
    )


def top_per_plan[R: _Planned](rows: list[R], limit: int | None) -> list[R]:
    """The first ``limit`` rows of each plan (rows come plan after plan)."""
    if not limit:
        return rows
    seen: dict[str, int] = {}
    out = []
    for r in rows:
        seen[r.plan] = seen.get(r.plan, 0) + 1
        if seen[r.plan] <= limit:
            out.append(r)
    return out


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _cell(value: Any) -> Any:
    """A value as a workbook cell: numbers, text and booleans as they are, lists and empty values as text."""
    return value if isinstance(value, (int, float, str, bool)) or value is None else cell_text(value)


def write_xlsx(result: Analysis, output: Path | None) -> None:
    """The analysis as a workbook: a sheet each for units, collectives, leaders, changes and the method."""
    from openpyxl import Workbook

    assert output is not None
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    for name, columns in sheets():
        ws = wb.create_sheet(name)
        ws.append([c.key for c in columns])
        for r in getattr(result, name):
            ws.append([_cell(c.value(r)) for c in columns])
        ws.freeze_panes = "A2"
    ws = wb.create_sheet("method")
    for k, v in result.method.items():
        ws.append([k, cell_text(v)])
    wb.save(output)


def write_csv(result: Analysis, output: Path | None) -> None:
    """The unit rows as CSV: a ``group`` column (units or collectives), then every column of UNIT_COLUMNS."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    from dutygraph.graph.analysis.results import UNIT_COLUMNS

    writer.writerow(["group", *(c.key for c in UNIT_COLUMNS)])
    for group in ("units", "collectives"):
        for r in getattr(result, group):
            writer.writerow([group] + [cell_text(c.value(r)) for c in UNIT_COLUMNS])
    emit(buf.getvalue(), output)


#: The formats :func:`write_analysis` writes; the CLI's --format choices.
ANALYSIS_FORMATS = ("table", "csv", "json", "xlsx")


def trimmed(result: Analysis, limit: int | None) -> Analysis:
    """``result`` with the first ``limit`` rows of each plan, and the largest rises and falls."""
    changes = result.changes
    if limit and changes:
        changes = changes[:limit] + [c for c in changes[-limit:] if c not in changes[:limit]]
    return replace(
        result,
        units=top_per_plan(result.units, limit),
        collectives=top_per_plan(result.collectives, limit),
        leaders=top_per_plan(result.leaders, limit),
        changes=changes,
    )


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

    Every format lists the columns of :data:`~dutygraph.graph.analysis.UNIT_COLUMNS`,
    :data:`~dutygraph.graph.analysis.LEADER_COLUMNS` and
    :data:`~dutygraph.graph.analysis.CHANGE_COLUMNS`; JSON holds every field of the rows.

    Args:
        result: from :func:`~dutygraph.graph.analysis.analyze`.
        fmt: "table" for a person, "csv" or "xlsx" for Excel, "json" for tools.
        output: the file to write; required for xlsx.
        top: rows per plan (default 20 in the table, all otherwise).
        region, year: the scope asked for, named in the table's heading.
    """
    limit = top if top is not None else (20 if fmt == "table" else None)
    result = trimmed(result, limit)
    if fmt == "json":
        emit(json.dumps(result.as_dict(), ensure_ascii=False, indent=1) + "\n", output)
        return
    if fmt == "csv":
        write_csv(result, output)
        return
    if fmt == "xlsx":
        write_xlsx(result, output)
        return
    from rich.console import Console

    from dutygraph.graph import terminal

    if output is None:
        terminal.print_analysis(result, region, year, Console(highlight=False, soft_wrap=False))
    else:
        with output.open("w", encoding="utf-8") as f:
            terminal.print_analysis(result, region, year, Console(file=f, width=200))
