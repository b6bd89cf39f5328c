"""Tables turned on their side: the tasks are the columns, one row names their units, places are the rows.

A 民生实事 allocation or progress table prints its indicators across the top and the places
down the side::

    地区   | 组织技能培训 (a group over several columns)                  |
           | 建成投用市公共实训基地 | ★组织开展…培训(万人次) | 农村残疾人…培训(人) |
    责任单位 | 市人力资源社会保障局 (merged over two columns)  | 市残联              |
    全市   |                        | 2.2                    | 2400                |
    东坡区 |                        | 0.7                    | 400                 |

Each column under the header is a task; the cell of the 责任单位 (牵头单位, 配合单位) row
above it names its units; the place rows are targets per place, never units. A real table
(Word, Excel, HTML) says which columns a merged unit cell covers; a table flattened one
cell a line does not, so when a row prints fewer unit cells than there are task columns the
first unit is given the extra columns, with a warning (the first listed is the one most
often merged over several). Group headers above the task row (组织技能培训) are the tasks'
goal, not tasks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from dutygraph.loaders.base import Context, Loader, label_field
from dutygraph.loaders.names import looks_like_unit, parse_names
from dutygraph.loaders.read.blocks import Table
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.text import Line, squeeze

#: The corner cell over the places: 地区, 区域, 县（市、区）.
_CORNER = re.compile(
    r"^(?:地区|区域|地方|县区|区县|县市区|县[(（]市、?区[)）]|[区县市]别|镇街|乡镇(?:[(（]街道[)）])?)$"
)
#: A place heading a row of targets: 全市, 市本级, 东坡区, 眉山天府新区, 某某镇.
_PLACE = re.compile(
    r"^(?:全[省市州县区旗镇乡]|[省市州县区]本级|[\u4e00-\u9fff]{1,10}(?:[区县市旗镇乡]|街道|新区|开发区))$"
)
#: A target value: 2400, 0.23, 4.3%以内, 187.9.
_VALUE = re.compile(r"^[\d.,，%％]+(?:以[内上下])?$")
#: A measure closing an indicator: (人), (万人次), (%), (亿元).
_MEASURE = re.compile(r"[(（][^()（）]{1,6}[)）]$")
#: The marks a table puts before its key indicators.
_STARRED = re.compile(r"^[★☆◆◇▲△●○■□※]")
_ROLES = ("lead", "support", "responsible", "leaders")
_MAX_HEADER = 60


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One cell of a table on its side: its text, line, row, and the grid columns it covers when known."""

    text: str
    line: int
    row: int
    col: int | None = None
    span: int = 1


@dataclass(slots=True)
class Column:
    """A task column: its header cell and the group headers above it."""

    head: MatrixCell
    goal: str | None = None
    area: str | None = None


def cells_of_text(lines: list[Line]) -> list[MatrixCell]:
    """The cells of a text: a block between blank lines is a cell when the text sets its cells apart so
    (else a line is a cell), and more blank lines than those between cells end a row; a line of tab- or
    pipe-separated cells is a row of its own."""
    runs = _blank_runs(lines)
    between = Counter(runs.values()).most_common(1)[0][0] if runs else 0
    blocks = between > 0 and sum(1 for r in runs.values() if r) >= 0.6 * len(runs)
    cells: list[MatrixCell] = []
    row, current = 0, list[Line]()
    for k, ln in enumerate([*lines, Line(0, "")]):
        if not ln.text.strip():
            if current:
                cells.append(MatrixCell("".join(squeeze(c.text) for c in current), current[0].no, row))
                current = []
            continue
        if runs.get(k, 0) > between:
            row += 1
        parts = [squeeze(p) for p in re.split(r"\t|\|", ln.text)]
        if len(parts) > 2:
            cells.extend(MatrixCell(p, ln.no, row + 1) for p in parts if p)
            row += 2
        elif blocks:
            current.append(ln)
        else:
            cells.append(MatrixCell(squeeze(ln.text), ln.no, row))
    return cells


def _blank_runs(lines: list[Line]) -> dict[int, int]:
    """For each non-blank line after the first, how many blank lines come before it."""
    runs: dict[int, int] = {}
    blank, seen = 0, False
    for k, ln in enumerate(lines):
        if not ln.text.strip():
            blank += 1
            continue
        if seen:
            runs[k] = blank
        seen, blank = True, 0
    return runs


def _role_label(cells: list[MatrixCell], i: int) -> tuple[str, int] | None:
    """The role a label at ``i`` names (责任单位, or 责任 / 单位 over two cells) and the cells it takes."""
    for taken in (1, 2):
        text = "".join(c.text for c in cells[i : i + taken])
        role = label_field(text) if len(text) <= 8 else None
        if role in _ROLES:
            return role, taken
    return None


def _is_units(text: str) -> bool:
    names = [] if _MEASURE.fullmatch(text) else parse_names(text)  # (人次) closes an indicator: no unit
    return bool(names) and all(looks_like_unit(n) for n in names)


def _unit_run(cells: list[MatrixCell], start: int) -> int:
    """Where the run of unit cells from ``start`` ends (``start`` itself when there is none)."""
    j = start
    while j < len(cells) and _is_units(cells[j].text) and not _PLACE.match(cells[j].text):
        if _role_label(cells, j) is not None:
            break  # 配合单位 after the lead units: the next row's label, though it ends like a unit
        j += 1
    return j


def _places_follow(cells: list[MatrixCell], at: int) -> bool:
    """Rows of places and their numbers come after the unit row: a table of targets by place."""
    window = [c.text for c in cells[at : at + 30]]
    return any(_PLACE.match(t) for t in window) and sum(bool(_VALUE.match(t)) for t in window) >= 2


def _joined(heads: list[MatrixCell]) -> list[MatrixCell]:
    """Header cells with an indicator broken over two cells (劳务品牌 / 培训(人), …培训 / (人次)) made one."""
    out: list[MatrixCell] = []
    for cell in heads:
        prev = out[-1] if out and out[-1].row == cell.row else None
        only_measure = _MEASURE.fullmatch(cell.text)
        short_tail = _MEASURE.search(cell.text) and len(cell.text) <= 8 and not _STARRED.match(cell.text)
        if (
            prev is not None
            and not _MEASURE.search(prev.text)
            and (only_measure or (short_tail and len(prev.text) <= 6))
        ):
            out[-1] = replace(prev, text=prev.text + cell.text)
            continue
        out.append(cell)
    return out


def _text_columns(heads: list[MatrixCell]) -> list[Column]:
    """The task columns of a flattened header: its last row when rows are told apart, else the cells after
    the leading group headers (those before the first indicator with a measure or a mark)."""
    heads = _joined(heads)
    rows = sorted({c.row for c in heads})
    last = [c for c in heads if c.row == rows[-1]]
    if len(rows) > 1 and len(last) >= 2:
        groups = [c for c in heads if c.row != rows[-1]]
        tasks = last
    else:
        first = next((k for k, c in enumerate(heads) if _MEASURE.search(c.text) or _STARRED.match(c.text)), 0)
        groups, tasks = heads[:first], heads[first:]
    nested = len({c.row for c in groups}) == len(groups)  # each group on a row of its own: goal over area
    goal = groups[0].text if len(groups) == 1 or (groups and nested) else None
    area = groups[1].text if len(groups) >= 2 and nested else None
    return [Column(c, goal, area) for c in tasks]


def _grid_columns(heads: list[MatrixCell], rows: list[tuple[str, list[MatrixCell]]]) -> list[Column]:
    """The task columns of a real table: under each column the units cover, the lowest header cell (a
    cell merged down over the group row is a task too); the cells above it are its goal and area."""
    covered = sorted({c for _, units in rows for u in units for c in range(u.col or 0, (u.col or 0) + u.span)})
    columns: list[Column] = []
    for col in covered:
        over = sorted((h for h in heads if h.col is not None and h.col <= col < h.col + h.span), key=lambda h: h.row)
        if over and (not columns or columns[-1].head is not over[-1]):
            groups = [h.text for h in over[:-1]]
            columns.append(Column(over[-1], groups[0] if groups else None, groups[1] if len(groups) > 1 else None))
    return columns


def cells_of_table(table: Table) -> list[MatrixCell]:
    """The cells of a real table, row by row, with the columns each covers (a unit cell's names one a line
    are one list)."""
    lines = table.row_lines
    out: list[MatrixCell] = []
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        parts = [squeeze(p) for p in cell.lines if squeeze(p)]
        if not parts:
            continue
        listed = len(parts) > 1 and all(looks_like_unit(p) for p in parts)
        text = "、".join(parts) if listed else "".join(parts)
        out.append(MatrixCell(text, lines[cell.row] if cell.row < len(lines) else 0, cell.row, cell.col, cell.colspan))
    return out


def _spread(columns: list[Column], units: list[MatrixCell], ctx: Context, role: str) -> list[MatrixCell | None]:
    """The unit cell over each column: by the columns it covers when known; one each when the counts
    agree; else the first unit over the extra columns, with a warning."""
    if all(c.head.col is not None for c in columns) and all(u.col is not None for u in units):
        return [next((u for u in units if _covers(u, c.head.col)), None) for c in columns]
    extra = len(columns) - len(units)
    if extra < 0:
        ctx.warn(units[0].line, f"{len(units)} {role} cells for {len(columns)} task columns; the last ones read past")
        return list[MatrixCell | None](units[: len(columns)])
    if extra:
        ctx.warn(
            units[0].line,
            f"{len(units)} unit cells for {len(columns)} task columns (cells merged over columns, not told in the "
            f"text): '{units[0].text}' given the first {extra + 1}, one each after",
        )
    return list[MatrixCell | None]([units[0]] * extra + units)


def _covers(unit: MatrixCell, col: int | None) -> bool:
    return unit.col is not None and col is not None and unit.col <= col < unit.col + unit.span


_Block = tuple[list[Column], list[tuple[str, list[MatrixCell]]]]


def _blocks(cells: list[MatrixCell]) -> list[_Block]:
    """Every table on its side in ``cells``: its task columns and its unit rows (role and cells)."""
    out: list[_Block] = []
    i = 0
    while i < len(cells):
        block = _block(cells, i) if _CORNER.match(cells[i].text) else None
        if block is None:
            i += 1
            continue
        columns, rows, i = block
        out.append((columns, rows))
    return out


def read_matrices(cells: list[MatrixCell], ctx: Context) -> list[TaskRecord]:
    """Every table on its side in ``cells``, read into task records (numbered M1, M2, … in order)."""
    records: list[TaskRecord] = []
    for columns, rows in _blocks(cells):
        fields: list[dict[str, list[str]]] = [{r: [] for r in _ROLES} for _ in columns]
        lines: list[dict[str, int]] = [{} for _ in columns]
        for role, units in rows:
            for k, unit in enumerate(_spread(columns, units, ctx, role)):
                if unit is not None:
                    fields[k][role] += [n for n in ctx.names(unit.text, unit.line) if n not in fields[k][role]]
                    lines[k].setdefault("lead" if role == "responsible" else role, unit.line)
        for column, f, where in zip(columns, fields, lines, strict=True):
            lead = f["lead"] or f["responsible"]
            support = f["support"] + (f["responsible"] if f["lead"] else [])
            records.append(
                TaskRecord(
                    goal=column.goal,
                    area=column.area,
                    task=f"M{len(records) + 1}",
                    text=column.head.text,
                    lead=lead,
                    support=[n for n in support if n not in lead],
                    leaders=f["leaders"],
                    line=column.head.line,
                    lines=where,
                )
            )
    return records


def _block(cells: list[MatrixCell], at: int) -> tuple[list[Column], list[tuple[str, list[MatrixCell]]], int] | None:
    """The table on its side whose corner cell is at ``at``: its task columns, its unit rows (role and
    cells) and where it ends; None when the cells there are no such table."""
    j = at + 1
    while j < len(cells) and j - at <= _MAX_HEADER and _role_label(cells, j) is None:
        if _CORNER.match(cells[j].text):
            return None
        if j - at > 2 and (run := _unit_run(cells, j)) > j and _places_follow(cells, run):
            break  # a row of units with no label in the corner column: all 责任单位
        j += 1
    heads = cells[at + 1 : j]
    if j >= len(cells) or len(heads) < 2:
        return None
    rows: list[tuple[str, list[MatrixCell]]] = []
    while (label := _role_label(cells, j) or (None if rows else ("responsible", 0))) is not None:
        role, taken = label
        start = j + taken
        j = _unit_run(cells, start)
        if j == start:
            break
        rows.append((role, cells[start:j]))
    if not rows or not _places_follow(cells, j):
        return None
    columns = _grid_columns(heads, rows) if all(c.col is not None for c in heads) else _text_columns(heads)
    if len(columns) < 2:
        return None
    return columns, rows, j


class RegionMatrixLoader(Loader):
    """Tasks as columns over rows of places: 地区 | indicators, 责任单位 | units, 全市 | targets."""

    name = "region-matrix"
    description = "a table on its side: tasks as columns, a 责任单位 row of units, then rows of places and targets"

    def score(self, lines: list[Line]) -> float:
        if not any(_CORNER.match(squeeze(re.split(r"[\t|]", ln.text.strip())[0])) for ln in lines):
            return 0.0
        tasks = sum(len(columns) for columns, _ in _blocks(cells_of_text(lines)))
        return 10.0 + tasks if tasks else 0.0

    def parse(self, ctx: Context) -> list[TaskRecord]:
        return read_matrices(cells_of_text(ctx.lines), ctx)
