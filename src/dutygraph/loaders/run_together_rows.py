"""A pipe table whose rows were run together on one line (a page scraped without its line breaks).

``序号 | 实事项目 | 责任单位 | 配合单位 | 1 | 新建学校7所。 | 区教育局 | 区财政局 | 2 | …``: the
header names the columns; each row starts at the cell that holds the next row number (1, 2, 3 … or
(1), (2), (3) …, in order), a section row (二、…) at its heading. :func:`unglue_pipe_rows` prints the
header and every row on a line of its own, so the table reader sees the table again; what comes before
the header stays a line of its own.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import CN_SECTION, ROLE_FIELDS
from dutygraph.loaders.delimited_header import header_role
from dutygraph.loaders.text import Line, squeeze

#: A line with fewer pipes than this is no run-together table.
_MIN_PIPES = 8
_MAX_HEADER_CELL = 12


def unglue_pipe_rows(lines: list[Line]) -> tuple[list[Line], int]:
    """Break each line holding a pipe table's header and its rows into one line per row.

    Returns:
        The lines, and how many lines were broken.

    Example:
        >>> text = "通知 序号 | 任务 | 牵头单位 | 配合单位 | 1 | 建校。 | 区教育局 | 区财政局 | 2 | 建公园。 | 区城管局"
        >>> for ln in unglue_pipe_rows([Line(1, text)])[0]:
        ...     print(ln.text)
        通知
        | 序号 | 任务 | 牵头单位 | 配合单位 |
        | 1 | 建校。 | 区教育局 | 区财政局 |
        | 2 | 建公园。 | 区城管局 |
    """
    out: list[Line] = []
    broken = 0
    for ln in lines:
        rows = _rows(ln.text) if ln.text.count("|") >= _MIN_PIPES else None
        if rows is None:
            out.append(ln)
            continue
        broken += 1
        out += [Line(ln.no, row) for row in rows]
    return out, broken


def _rows(text: str) -> list[str] | None:
    """The line's text before the header, the header and each row as a pipe row; None when it holds no such table."""
    cells = [c.strip() for c in text.split("|")]
    start = next((i for i, c in enumerate(cells) if c.split() and header_role(c.split()[-1]) == "number"), None)
    if start is None:
        return None
    if cells[start].split()[-1] != cells[start]:  # the title before the header, run onto its first cell
        title, number = cells[start].rsplit(None, 1)
        cells[start : start + 1] = [title, number]
        start += 1
    end = start + 1
    while end < len(cells) and not _opens_row(cells[end]) and len(squeeze(cells[end])) <= _MAX_HEADER_CELL:
        end += 1  # a column's name, whatever it names (落实情况 too): the header's width counts it
    header = [c for c in cells[start:end] if c]
    if len(header) < 3 or not any(header_role(c) in ROLE_FIELDS for c in header):
        return None
    first = next((c for c in cells[end:] if _row_number(c) == 1), None)
    starts, expected = [], 1
    for k in range(end, len(cells)):
        if first is not None and _row_number(cells[k]) == expected and _same_form(cells[k], first):
            starts.append(k)
            expected += 1
        elif CN_SECTION.match(cells[k]):
            starts.append(k)  # a section row over the rows (二、… | |||)
    if expected == 1 or (expected == 2 and len(cells) - end < len(header)):
        return None  # no numbered row, or one and fewer cells than the header has
    spans = list(zip(starts, [*starts[1:], len(cells)], strict=True))
    widths = [len([c for c in cells[s:e] if c]) for s, e in spans]
    if any(w > len(header) for w in widths[:-1]) or widths[-1] > len(header) + 1:  # the last: and a footer
        return None  # rows wider than the header hold sub-rows whose bounds were lost: not this reader's
    before = " ".join(c for c in cells[:start] if c)
    rows = [before] if before else []
    rows.append(_piped(header))
    for s, e in spans:
        row = cells[s:e]
        while row and not row[-1]:
            row.pop()  # the pipe that closed the row and the one that opened the next
        rows.append(_piped(row))
    return rows


def _row_number(cell: str) -> int | None:
    """The row number a cell prints alone: 3, (3), （3）; None for any other cell."""
    m = re.fullmatch(r"(\d{1,3})|[（(]\s*(\d{1,3})\s*[）)]", cell)
    return int(m.group(1) or m.group(2)) if m else None


def _same_form(cell: str, first: str) -> bool:
    """Whether two row numbers are printed alike (3 and 1, or (3) and (1))."""
    return cell[:1].isdigit() == first[:1].isdigit()


def _opens_row(cell: str) -> bool:
    """A cell after the header that opens the first row: its number 1, or a section row (一、…)."""
    return _row_number(cell) == 1 or bool(CN_SECTION.match(cell))


def _piped(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
