"""A flattened table printed without its header: a page that starts below it (a continuation page, an
excerpt), so no cell names a column. Its rows are told apart by their numbers and their cells read by
what they hold.

>>> from dutygraph.loaders.flat_cells import cells_of, classify
>>> from dutygraph.loaders.text import Line
>>> printed = ["1", "", "粮食产量100亿斤以上。", "", "市农技中心", "", "卢伯瑛", "", "2024年底前", "",
...            "2", "", "新增高标准农田10万亩。", "", "市农田中心", "", "2024年底前", "",
...            "3", "", "农产品加工业产值增长15%以上。", "", "产业科", "", "孙永峰"]
>>> cells = cells_of([Line(no, text) for no, text in enumerate(printed, 1)])
>>> for c in cells:
...     c.kind = classify(c, False)
>>> [(r.number, r.lead, r.leaders) for r in headerless_rows(cells)]
[('1', ['市农技中心'], ['卢伯瑛']), ('2', ['市农田中心'], []), ('3', ['产业科'], ['孙永峰'])]
"""

from __future__ import annotations

from dutygraph.loaders.base import CN_SECTION, DEADLINE, Context
from dutygraph.loaders.flat_cells import Cell, Kind, Row, row_number
from dutygraph.loaders.names import parse_names
from dutygraph.loaders.persons import parse_persons
from dutygraph.loaders.text import squeeze

#: Fewest rows that make a table of numbered cells without a header.
_FEWEST_ROWS = 3


def headerless_rows(cells: list[Cell], ctx: Context | None = None) -> list[Row]:
    """The rows of a table printed without its header, or none when the cells are not such a table.

    A row opens at the next number (1, 2, 3 …, counting on from the first) when the task's text, or a
    section heading and then the text, follows it. Its first text is the task; a section heading
    (一、…) is the goal of its rows and the rows after them; every unit cell lists the row's 责任单位
    (no header says which lead, so all lead); person cells its leaders; deadlines, figures and other
    text are read past.
    """
    starts = _row_starts(cells)
    if len(starts) < _FEWEST_ROWS:
        return []
    if ctx is not None:
        ctx.warn(cells[starts[0]].no, "the table prints no header: its columns are read by what the cells hold")
    rows: list[Row] = []
    goal: str | None = None
    for s, e in zip(starts, [*starts[1:], len(cells)], strict=True):
        row = Row(row_number(cells[s]), "", cells[s].no, goal, None, None)
        for cell in cells[s + 1 : e]:
            text = squeeze(cell.text)
            if CN_SECTION.match(cell.lines[0].text) and not row.text:
                goal = row.goal = CN_SECTION.sub("", cell.text).strip()
            elif cell.kind is Kind.TEXT and not row.text:
                row.text, row.line = cell.text.strip(), cell.no
            elif cell.kind is Kind.UNITS:
                row.lead += [n for ln in cell.lines for n in parse_names(ln.text)]
                row.lines.setdefault("lead", cell.no)
            elif cell.kind is Kind.PERSON:
                row.leaders += [n for ln in cell.lines for n in parse_persons(ln.text)]
                row.lines.setdefault("leaders", cell.no)
            elif row.deadline is None and DEADLINE.match(text):
                row.deadline = text
        row.printed |= {"lead", "support", "leaders"}  # no header tells a merged cell from an empty one
        rows.append(row)
    return rows


def _row_starts(cells: list[Cell]) -> list[int]:
    starts: list[int] = []
    for i, cell in enumerate(cells):
        if cell.kind is not Kind.NUMBER or not _opens_row(cells, i):
            continue
        number = int(row_number(cell))
        if not starts or number == int(row_number(cells[starts[-1]])) + 1:
            starts.append(i)
    return starts


def _opens_row(cells: list[Cell], at: int) -> bool:
    """A number followed by a task's text, or by a section heading and then the text."""
    after = cells[at + 1 : at + 3]
    if after and CN_SECTION.match(after[0].lines[0].text):
        after = after[1:]
    return bool(after) and after[0].kind is Kind.TEXT and len(squeeze(after[0].text)) > 6
