"""The values of one row of a table that kept its cells: its text, number, and leaders and units by role."""

from __future__ import annotations

from dutygraph.loaders.base import DOT_NUMBER, PAREN_NUMBER, ROLE_FIELDS, Context, assign_responsible
from dutygraph.loaders.cues import cell_cues
from dutygraph.loaders.grid_header import Columns
from dutygraph.loaders.names import is_none_mark
from dutygraph.loaders.read.blocks import Cell, Table
from dutygraph.loaders.records import INHERITABLE
from dutygraph.loaders.spam import scrub
from dutygraph.loaders.text import Line, clean_line
from dutygraph.loaders.unit_cell import leader_names, unit_names


def row_line(table: Table, r: int) -> int:
    """Row ``r``'s line in the rendered view."""
    return table.row_lines[r] if r < len(table.row_lines) else 0


def own_number(text: str) -> tuple[str, str] | None:
    """The task number printed at the start of the task text ("（1）", "12."), and the rest."""
    m = PAREN_NUMBER.match(text)
    if m:
        return m.group(1).replace(" ", ""), text[m.end() :].strip()
    m = DOT_NUMBER.match(text)
    if m:
        return m.group(1), text[m.end() :].strip()
    return None


def joined(cell: Cell | None, ctx: Context, line: int) -> str:
    """A text cell's lines joined (Chinese text wraps without spaces), spam removed."""
    if cell is None or not cell.lines:
        return ""
    return "".join(_scrubbed(t, ctx, line) for t in cell.lines).strip()


def _scrubbed(text: str, ctx: Context, line: int) -> str:
    """One line cleaned, with injected spam cut out and warned about."""
    text, spam = scrub(clean_line(text))
    for s in spam:
        ctx.warn(line, f"removed text injected by spam: '{s}'")
    return text


def cell_value(row: list[Cell | None], c: int | None, ctx: Context, line: int) -> str:
    """The text of the cell at column ``c`` (merged or not)."""
    return joined(row[c], ctx, line) if c is not None and row[c] is not None else ""


def row_roles(
    row: list[Cell | None], r: int, cols: Columns, ctx: Context, line: int, table: Table, first_leads: bool
) -> tuple[dict[str, list[str]], list[str], dict[str, int]]:
    """The row's leaders, lead and support units; which came from merged cells; their lines."""
    values: dict[str, list[str]] = {"leaders": [], "lead": [], "support": []}
    responsible: list[str] = []
    merged: set[str] = set()
    lines: dict[str, int] = {}
    seen: set[int] = set()
    responsible_merged = False
    responsible_line = line
    for c, role in enumerate(cols.roles):
        cell = row[c]
        if role not in ROLE_FIELDS or cell is None or id(cell) in seen or not cell.lines:
            continue
        seen.add(id(cell))
        stated = cell_cues("".join(cell.lines), row_line(table, cell.row), ctx) if role != "leaders" else None
        if stated is not None:  # the cell says the roles itself: 牵头单位：X；配合单位：Y
            for f in stated.spread(values):
                lines.setdefault(f, row_line(table, cell.row))
            responsible += stated.responsible
            continue
        names = cell_names(cell, role, ctx, row_line(table, cell.row), values["leaders"])
        if not names:
            continue
        if role == "responsible":
            responsible.extend(names)
            responsible_merged = responsible_merged or cell.row < r
            responsible_line = row_line(table, cell.row)
            continue
        values[role].extend(names)
        lines.setdefault(role, row_line(table, cell.row))
        if cell.row < r:
            merged.add(role)
    if responsible:
        before = {f: len(values[f]) for f in ("lead", "support")}
        assign_responsible(values, responsible, first_leads)
        for f in ("lead", "support"):
            if len(values[f]) > before[f]:
                lines.setdefault(f, responsible_line)
                if responsible_merged and before[f] == 0:
                    merged.add(f)
    for f, names in values.items():
        values[f] = list(dict.fromkeys(names))
    inherited = [f for f in INHERITABLE if f in merged and values[f]]
    return values, inherited, lines


def cell_names(cell: Cell, role: str, ctx: Context, line: int, heads: list[str]) -> list[str]:
    """The names in a unit or leader cell, one paragraph at a time (a unit cell's as any table's:
    :func:`~dutygraph.loaders.unit_cell.unit_names`, its units' heads added to ``heads``)."""
    texts = [text for raw in cell.lines if (text := _scrubbed(raw, ctx, line)) and not is_none_mark(text)]
    lines = [Line(line, text) for text in texts]
    return leader_names(lines, ctx) if role == "leaders" else unit_names(lines, ctx, heads)
