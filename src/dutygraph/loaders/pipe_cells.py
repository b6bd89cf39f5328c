"""Cells of a delimited table, and pipe tables printed one cell per line.

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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dutygraph.loaders.delimited_header import header_role
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
