"""Cells of a delimited table, how a row lines up under its header (:func:`fit_row`), and pipe tables
printed one cell per line, in two shapes.

A page converter that loses the row layout of a pipe table may print every
cell on its own line: the first cell of a row bare, every later cell opened by
``| ``, a lone ``|`` closing the row; a cell that runs over several lines (a
merged first-column cell broken one or two characters a line: 市政 / 府办 /
公厅) continues on lines without a pipe::

    牵头单位
    | 目 标 任 务
    | 责 任 单 位
    |
    市政
    府办
    公厅
    | 强化行政监督
    | 市直各单位
    |

>>> printed = ["牵头单位", "| 任务", "|", "市", "局", "| 推进"]
>>> rows = opened_cell_rows([Line(no, text) for no, text in enumerate(printed, 1)])
>>> [[c.flat for c in row] for row in rows]
[['牵头单位', '任务'], ['市局', '推进', '']]

Another converter closes every cell, empty ones too, with a lone ``|`` and
prints no row ends at all: the header's width tells where each row ends
(:func:`closed_cell_rows`)::

    序号
    |
    项目名称
    |
    责任单位
    |
    |
    乡林场路
    |
    市交通局
    |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dutygraph.loaders.base import BARE_NUMBER, CN_SECTION, DOT_NUMBER, PAREN_NUMBER, ROLE_FIELDS
from dutygraph.loaders.delimited_header import header_role
from dutygraph.loaders.names import looks_like_unit
from dutygraph.loaders.text import Line, squeeze


@dataclass
class Cell:
    """One table cell: its lines; ``merged`` when it stands for a cell printed in a row above."""

    lines: list[Line] = field(default_factory=list)
    merged: bool = False

    @property
    def no(self) -> int:
        return self.lines[0].no if self.lines else 0

    @property
    def flat(self) -> str:
        """The cell's text with its line breaks and spaces removed."""
        return "".join(squeeze(ln.text) for ln in self.lines)

    @property
    def empty(self) -> bool:
        return not self.flat


def is_cell_per_line(lines: list[Line]) -> bool:
    """Whether the lines are a pipe table printed one cell per line (``| cell`` lines, lone ``|`` row ends)."""
    closers = opened = 0
    for ln in lines:
        t = ln.text.strip()
        if t == "|":
            closers += 1
        elif t.startswith("|") and t.count("|") == 1:
            opened += 1
        elif t.count("|") >= 3:
            return False
    return closers >= 3 and opened >= closers


def opened_cell_rows(lines: list[Line]) -> list[list[Cell]]:
    """The rows of a pipe table printed one cell per line (see the module's docstring)."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    for ln in lines:
        t = ln.text.strip()
        if not t:
            continue
        if t == "|":
            if row:
                rows.append(row)
            row = []
        elif t.startswith("|"):
            row.append(Cell([Line(ln.no, t[1:].strip())]))
        elif row:
            row[-1].lines.append(Line(ln.no, t))
        else:
            row.append(Cell([Line(ln.no, t)]))
    if row:  # cut before its row end: the cells not reached are empty, not merged
        rows.append([*row, Cell()])
    if rows and rows[0] and len(rows[0][0].lines) > 1:
        first = rows[0][0]  # a title before the header is not part of its first cell
        if header_role(first.lines[-1].text) is not None:
            rows[0][0] = Cell(first.lines[-1:])
    return rows


def _closed_cells(lines: list[Line]) -> list[Cell] | None:
    """The cells of a text whose every cell is closed by a lone ``|`` line; None for other texts."""
    if sum(1 for ln in lines if ln.text.strip() == "|") < _FEWEST_CELLS - 1:
        return None  # too few closers for a table: most texts, told apart without building cells
    cells: list[Cell] = []
    current: list[Line] = []
    for ln in lines:
        t = ln.text.strip()
        if t == "|":
            cells.append(Cell(current))
            current = []
        elif "|" in t:
            return None
        elif t:
            current.append(Line(ln.no, t))
    if current:
        cells.append(Cell(current))
    nonblank = sum(len(c.lines) for c in cells)
    return cells if len(cells) >= _FEWEST_CELLS and len(cells) >= nonblank else None


_FEWEST_CELLS = 12


def _is_header_cell(cell: Cell) -> bool:
    text = cell.flat
    return 0 < len(text) <= 15 and not (BARE_NUMBER.match(text) or PAREN_NUMBER.match(text) or CN_SECTION.match(text))


_WIDEST = 16  # columns of a header; a longer run of short cells is a list, not a header


def closed_cell_rows(lines: list[Line]) -> list[list[Cell]] | None:
    """The rows of a pipe table whose cells are each closed by a lone ``|`` (see the module's docstring).

    The header is the first run of short cells, two of which name a column (one of them a unit
    column); every row after it is as wide. The lines before it are rows of one cell (the title).
    None when the text is not of this shape or its number column does not line up (a row lost
    a merged cell, so that the width no longer tells the rows apart).

    >>> printed = "序号 | 项目 | 责任单位 | 1 | 修路 | 县交通局 | | 东山路 | 县交通局 | 2 | 建校 | 县教育局 |"
    >>> lines = [Line(no, text) for no, text in enumerate(printed.split(), 1)]
    >>> [[c.flat for c in row] for row in closed_cell_rows(lines)]
    [['序号', '项目', '责任单位'], ['1', '修路', '县交通局'], ['', '东山路', '县交通局'], ['2', '建校', '县教育局']]
    >>> closed_cell_rows(lines[:9] + lines[11:]) is None  # a row lost a cell: 东山路 falls in the number column
    True
    """
    cells = _closed_cells(lines)
    if cells is None:
        return None
    for start in range(min(len(cells), 100)):  # the header opens the table, under a title and notes
        near = cells[start : start + _WIDEST + 1]
        width = next((k for k, c in enumerate(near) if not _is_header_cell(c)), len(near))
        roles = [header_role(c.flat) for c in cells[start : start + width]]
        if 3 <= width <= _WIDEST and sum(r is not None for r in roles) >= 2 and set(roles) & set(ROLE_FIELDS):
            break
    else:
        return None
    # An empty cell closing each row (序号 | … | 时间进度 | | 1 | …) widens every row by one.
    widths = [width, width + 1] if start + width < len(cells) and cells[start + width].empty else [width]
    for w in widths:
        rows = [cells[k : k + w] for k in range(start, len(cells), w)]
        rows[-1] = rows[-1] + [Cell() for _ in range(w - len(rows[-1]))]  # cut before its row ends
        if "number" not in roles or _numbers_line_up(rows, roles.index("number")):
            return [[c] for c in cells[:start] if not c.empty] + rows
    return None


def _numbers_line_up(rows: list[list[Cell]], at: int) -> bool:
    """Whether every row but the header holds a row number (or nothing) in the number column, two at least."""
    numbers = [r[at].flat for r in rows[1:]]
    return len(numbers) >= 2 and all(_is_row_number(n) for n in numbers)


def _is_number_cell(text: str) -> bool:
    """A cell that only prints a row number: 3, (3), （3）."""
    return bool(BARE_NUMBER.match(text) or re.fullmatch(r"[（(]\s*\d{1,3}\s*[）)]", text))


def _is_row_number(text: str) -> bool:
    return not text or bool(BARE_NUMBER.match(text) or PAREN_NUMBER.match(text) or CN_SECTION.match(text))


def _right_aligned(row: list[Cell], header: list[str | None]) -> list[Cell]:
    """A row without its empty cells at the end when its cells then stand better under the header's last
    columns: a sub-row that lost its merged 项目名称 (and 工作任务) on the left and closed with the header's
    pipes (2021.8 | 城投集团 | || under 项目名称 | 工作任务 | 计划完成时间 | 牵头单位). A cell stands well
    where a name of a unit is under a unit column, or another text under another column."""
    ends = len(row)
    while ends and row[ends - 1].empty:
        ends -= 1
    if ends in (0, len(row)) or len(row) != len(header):
        return row
    printed = row[:ends]
    if _standing(printed, header[len(header) - ends :]) > _standing(printed, header[:ends]):
        return printed
    return row


def _standing(cells: list[Cell], roles: list[str | None]) -> int:
    return sum((_is_units(c) == (r in ROLE_FIELDS)) for c, r in zip(cells, roles, strict=True) if not c.empty)


def _is_units(cell: Cell) -> bool:
    return looks_like_unit(re.split(r"[、，,和]", cell.flat)[0])


def _sub_row_text_first(row: list[Cell], header: list[str | None]) -> bool:
    """A row that opens with its task's text where the header has its 序号 (序号 | 项目内容 | …), the text no
    number, no heading and no unit, and goes on with another cell."""
    if len(header) < 3 or header[0] != "number" or header[1] != "text" or sum(not c.empty for c in row) < 2:
        return False  # one cell alone is the last line of the cell above, printed as a row of its own
    first = row[0].flat
    worded = len(first) > 4 and bool(re.search(r"[\u4e00-\u9fff]{2}", first))
    return worded and not _is_number_cell(first) and not CN_SECTION.match(first) and not _is_units(row[0])


def fit_row(row: list[Cell], header: list[str | None], per_line: bool = False) -> tuple[list[Cell], list[str | None]]:
    """Line a row up with a header of another width.

    A shorter row lost merged cells on its left (类别 printed once): it is padded
    there, so that its 序号 sits under the header's. In a table printed one cell
    per line a row shows only the cells it does not share with the row above:
    its task cell (the first that names no unit) goes under the task column and
    the padding stands for the merged cells. A longer row sits under a header
    cell that spans two columns: the unit column is widened. A sub-row that opens with its text under
    the header's 序号 lost its merged 序号 (and unit cells) on the left: it moves back one column.
    """
    row = _right_aligned(row, header)
    if not per_line and _sub_row_text_first(row, header):
        # 新增托位500个。 | 新增600个。 | ||: a sub-row whose 序号 (and unit cell) were merged with the row above
        # and left out, so its cells moved left; they go back under their columns, the unit cells merged.
        if len(row) == len(header) and row[-1].empty:
            moved = [Cell(merged=True), *row[:-1]]
            end = len(moved)
            while end > 1 and moved[end - 1].empty:
                end -= 1
            return moved[:end] + [Cell(merged=True) for _ in moved[end:]], header
        padded = [Cell(merged=True), *row]
        # a sub-row cut short, or one whose units then stand under the unit columns
        if len(row) < len(header) and all(header[i] in ROLE_FIELDS for i, c in enumerate(padded) if _is_units(c)):
            return padded + [Cell() for _ in range(len(header) - len(padded))], header
    numbered = next((i for i, c in enumerate(row) if DOT_NUMBER.match(c.flat) and len(c.flat) > 4), None)
    if numbered is not None and "text" in header and not per_line:
        shift = header.index("text") - numbered
        if 0 < shift < len(row) and all(c.empty for c in row[-shift:]):
            row = row[:-shift]  # 15.推进… | … | (empty): the row lost its 类别 on the left and closed with a pipe
    if len(row) < len(header):
        missing = len(header) - len(row)
        at = anchor = None
        if "number" in header:
            at = next((i for i, c in enumerate(row) if _is_number_cell(c.flat)), None)
            anchor = header.index("number")
        if at is None and per_line and "text" in header:
            at = next((i for i, c in enumerate(row) if not _is_units(c)), None)
            anchor = header.index("text")
        elif at is None and "text" in header and numbered is not None:  # 15.推进… under 名称, its 类别 above
            at, anchor = numbered, header.index("text")
        if at is not None and anchor is not None and 0 <= anchor - at <= missing:
            missing = anchor - at
        padded = [Cell(merged=True) for _ in range(missing)] + row  # cells printed once, in a row above
        padded = _task_name_merged(padded, header) if not per_line else padded
        return padded + [Cell(merged=per_line) for _ in range(len(header) - len(padded))], header
    if len(row) > len(header):
        units = [i for i, r in enumerate(header) if r in ROLE_FIELDS]
        if units:
            last = units[-1]
            widened = header[: last + 1] + [header[last]] * (len(row) - len(header)) + header[last + 1 :]
            return row, widened
    return row, header


def _task_name_merged(row: list[Cell], header: list[str | None]) -> list[Cell]:
    """A short row whose units stand left of the header's unit columns because it lost, after its 序号, the
    task's name merged over rows (序号 | 工作任务 | 细化分工 | 责任处室 | … over 2 | 做好… | 疾控处 | 长期推进):
    merged cells put back after its number, under text columns only, so the units stand under their column."""
    units = [i for i, r in enumerate(header) if r in ROLE_FIELDS]
    if "number" not in header or not units:
        return row
    at = header.index("number")
    k = next((i for i, c in enumerate(row) if i > at + 1 and not c.empty and _is_units(c)), None)
    if k is None or header[k] in ROLE_FIELDS or units[0] <= k or len(row) + units[0] - k > len(header):
        return row
    if not all(r in ("text", "goal") for r in header[at + 1 : at + 1 + units[0] - k]):
        return row
    return [*row[: at + 1], *(Cell(merged=True) for _ in range(units[0] - k)), *row[at + 1 :]]


def beyond_header(row: list[Cell], header: list[str | None], printed: int) -> list[str | None]:
    """The header of a row that fills cells past the header's last printed column (序号 | 年度任务 | … |
    责任单位 | || over 1 | 美丽乡村建设 | 创建4个… | … | 农业农村局 |): a header cell over the task spanned
    as many more columns (a title and its content), so the text column is widened by them and the
    columns after it move right, when the cells that brings under the unit columns name units and the
    ones the header stood over did not; any other row keeps the header."""
    last = max((i for i, c in enumerate(row) if not c.empty), default=-1)
    extra = last + 1 - printed
    if extra <= 0 or "text" not in header or len(row) != len(header):
        return header
    t = header.index("text")
    widened = header[: t + 1] + ["text"] * extra + header[t + 1 :]
    units = [i for i, r in enumerate(widened[: len(row)]) if r in ("lead", "support", "responsible")]
    if any(r is not None for r in widened[len(row) :]) or not units:
        return header
    # the cells the header's unit columns stand over name no unit, the cells they move over do
    if any(_is_units(row[i - extra]) or not _is_units(row[i]) for i in units):
        return header
    return widened[: len(row)]
