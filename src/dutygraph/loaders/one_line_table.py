"""A whole table on one line, its cells set apart by spaces or pipes (a page that lost its line
breaks): cut into one cell per item for the flat-table layout."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dutygraph.loaders.base import ROLE_FIELDS
from dutygraph.loaders.delimited_header import HEADER_TOKENS, header_role
from dutygraph.loaders.names import looks_like_unit, names_only_units

SEPARATED_NOTE = "a whole table printed on one line, its cells set apart by spaces or pipes: read one cell per item"

#: Long enough that a line holding several items or cells is a page that lost its breaks.
RUN_ON = 150
#: A space inside a short name of Chinese words (项 目 名 称 | 开工 时间 in a pipe cell).
SPACED_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
#: The cell that opens a table's first row: its number, or the first section's heading.
_FIRST_ROW = re.compile(r"^(?:1|[（(]一[）)]|一、\S{2,20})$")


def separated_cells(text: str) -> list[str] | None:
    """A whole table on one line with its cells set apart by spaces or pipes (the page lost its
    line breaks): the text before it, then every cell, one per item; None when the line is no such table.

    The header is the first run of three or more column names (序号, 工作任务, 牵头单位 …), one
    of them a role, opened by 序号 when there is one; the cells after it are the rows'.
    """
    found = _header_span(text)
    if found is None:
        return None
    cells, start, _ = found
    before = " ".join(cells[:start]).strip()
    return [*([before] if before else []), *(c or "—" for c in cells[start:])]


def page_rows(text: str) -> tuple[str, list[list[str]], str] | None:
    """A whole table on one line with its cells set apart by pipes, cut back into its rows: (the text
    before it, the header and rows, the text after it), or None.

    The header's columns tell each row's width; the cut is taken only when, row after row, the cells
    under the unit columns name units (a merged cell would shift them). The text after the last pipe
    is the page going on (二、工作要求 …) after a whole row, the cut last cell of a row cut short.
    """
    found = _header_span(text) if text.count("|") >= 6 else None
    if found is None:
        return None
    cells, start, end = found
    rest = "" if text.rstrip().endswith("|") else cells.pop()
    width = end - start
    body = cells[end:]
    rows = [body[k : k + width] for k in range(0, len(body), width)]
    if rest and (not rows or len(rows[-1]) < width):  # the page cut inside the last row: its last cell
        rows = rows or [[]]
        rows[-1].append(rest)
        rest = ""
    roles = [header_role(c) for c in cells[start:end]]
    units = [i for i, r in enumerate(roles) if r in ("lead", "support", "responsible")]
    full = [r for r in rows if len(r) == width]
    named = sum(1 for r in full if all(not r[i] or names_only_units(r[i]) for i in units) and any(r[i] for i in units))
    if width < 2 or not units:
        return None
    if len(full) < 2 or named < 0.8 * len(full):  # rows wider than the header: cut at the row numbers instead
        numbered = _numbered_rows(cells[end:] + ([rest] if rest else []))
        if numbered is None:
            return None
        rows, rest = numbered, ""
    return " ".join(cells[:start]).strip(), [cells[start:end], *rows], rest


def _numbered_rows(body: list[str]) -> list[list[str]] | None:
    """The rows of a table's body cut where the row numbers go up one by one (1 | … | 2 | … | 3 | …), when
    its rows are not as wide as its header (a title cell the header does not name, empty cells closing
    each row): three rows or more, as wide as one another give or take a cell; or None.

    >>> _numbered_rows(["1", "建桥", "城建局", "", "2", "修路", "交通局", "", "3", "植树", "林业局", ""])
    [['1', '建桥', '城建局', ''], ['2', '修路', '交通局', ''], ['3', '植树', '林业局', '']]
    """
    if not body or body[0] != "1":
        return None
    starts = [0]
    for k, cell in enumerate(body):
        if cell == str(len(starts) + 1) and k - starts[-1] >= 3:
            starts.append(k)
    rows = [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]
    widths = [len(r) for r in rows[:-1]]  # the last row may be cut short by the page
    if len(rows) < 3 or max(widths) - min(widths) > 1 or len(rows[-1]) > max(widths) + 1:
        return None
    return rows


def _header_span(text: str) -> tuple[list[str], int, int] | None:
    """The cells of a table on one line and where its header starts and ends, or None (see
    :func:`separated_cells`)."""
    if len(text) <= RUN_ON:
        return None
    gap = r"\s*\|\s*" if text.count("|") >= 6 else r"[ \u3000]+"
    cells = [c.strip() for c in re.split(gap, text.strip().strip("|"))]
    cells = [*re.split(r"[ \u3000]+", cells[0]), *cells[1:]]  # the text before the first pipe, word by word
    cells = [part for c in cells for part in _number_column_after(c)]  # …进度表 序号 | 年度任务 |
    cells = [_closed_up(c) for c in cells]  # 项 目 名 称, 开工 时间
    cells = _letter_spaced(cells)
    roles = [header_role(c) if len(c) <= 12 else None for c in cells]
    opens = [i for i, c in enumerate(cells) if _FIRST_ROW.match(c)]
    numbered = [(i, o) for i in range(len(cells)) if roles[i] == "number" for o in opens if i + 3 <= o < i + 12]
    if numbered:  # 序号 … up to the first row's number (1, (一)) or the first section row (一、扶贫工作)
        start, end = numbered[0]
    else:  # the first run of three column names
        start = next((i for i in range(len(cells) - 3) if all(roles[i : i + 3])), len(cells))
        end = start
        while end < len(cells) and roles[end]:
            end += 1
    if not any(r in ROLE_FIELDS for r in roles[start:end]) or end >= len(cells):
        return None
    return cells, start, end


def _number_column_after(cell: str) -> list[str]:
    """A cell that ends in the 序号 column's name after a space (the page's title run into the header, 高淳区…
    进度表 序号): the two apart; any other cell alone."""
    words, _, last = cell.rpartition(" ")
    return [words.strip(), last] if words.strip() and header_role(last) == "number" else [cell]


def _closed_up(cell: str) -> str:
    """A short cell with the spaces inside its words removed (项 目 名 称, 开工 时间), unless they set apart
    names of units (安监站 安监所: a unit cell that stacked its names)."""
    pieces = cell.split()
    if len(cell) > 24 or (len(pieces) > 1 and all(looks_like_unit(p) for p in pieces)):
        return cell
    return SPACED_NAME.sub("", cell)


def _letter_spaced(cells: Iterable[str]) -> list[str]:
    """Cells with runs of single characters joined: a name or header printed letter-spaced (王 东, 工 作 标 准);
    a run that holds several column names (主 要 工 作 任 务 责 任 单 位) cut into them."""
    out: list[str] = []
    runs: list[bool] = []
    single = False
    for cell in cells:
        one = len(cell) == 1 and "\u4e00" <= cell <= "\u9fff"
        if one and single:
            out[-1] += cell
            runs[-1] = True
        else:
            out.append(cell)
            runs.append(False)
        single = one
    return [name for cell, run in zip(out, runs, strict=True) for name in (header_names(cell) if run else [cell])]


def header_names(run: str) -> list[str]:
    """A letter-spaced run cut into the column names it holds (主要工作任务 | 责任单位), else kept whole.

    Of the cuts into names of columns (two to seven characters, no two beside each other of one
    role: 工作任务 is one name, not 工作 | 任务), the one with the most names of the vocabulary, then
    the fewest names.
    """
    if len(run) < 4:
        return [run]
    best: list[tuple[int, int, list[str]] | None] = [(0, 0, [])] + [None] * len(run)
    for i in range(len(run)):
        if (here := best[i]) is None:
            continue
        known, count, names = here
        for j in range(i + 2, min(len(run), i + 7) + 1):
            piece = run[i:j]
            role = header_role(piece)
            if j - i == len(run) or (role is None and piece not in HEADER_TOKENS):
                continue  # the run whole is no cut; a piece must name a column
            if role is not None and names and header_role(names[-1]) == role:
                continue
            score = (known + (piece in HEADER_TOKENS), count - 1, [*names, piece])
            if (seen := best[j]) is None or score[:2] > seen[:2]:
                best[j] = score
    found = best[-1]
    return found[2] if found else [run]
