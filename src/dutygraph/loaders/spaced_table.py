"""A table whose cells are set apart by spaces, printed as a pipe table for the table reader.

PDF text and some pages print a table's rows one per line with spaces between the cells
(``序号  工作任务  牵头单位`` / ``1  新建公园5个  区城管局``); :func:`spaced_table` finds the header
and prints the rows under it as ``| 1 | 新建公园5个 | 区城管局 |``.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import ROLE_FIELDS
from dutygraph.loaders.delimited_header import READ_PAST, header_role
from dutygraph.loaders.names import looks_like_unit, split_top_level
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.text import Line
from dutygraph.loaders.unwrap import width as print_width

#: Cells of a row set apart by spaces: two or more, or an ideographic one; or single spaces.
_WIDE_GAP = re.compile(r"[ \u00a0]{2,}|[ \u00a0]*\u3000[ \u3000\u00a0]*")
_GAP = re.compile(r"[ \u3000\u00a0]+")


def spaced_table(
    lines: list[Line], printed: dict[int, str] | None = None
) -> tuple[list[Line], int, list[tuple[int, str]]]:
    """Print a table whose cells are set apart by spaces as a pipe table.

    The header (序号  工作任务  牵头单位  配合单位: three or more column names, one
    a role, and nothing else) tells how cells are set apart; the rows after it
    with two cells up to the header's width become ``| 1 | 新建公园 | 区城管局 |``
    rows; a row that lost a merged cell has fewer cells (the table reader lines it
    up by its 序号). Lines with one cell (a wrapped text, a signature) stay as they are.

    ``printed`` holds the source lines by number, as printed: where their cells stand, so that an indented line
    under a row goes on in the cells above it (…全年完成投资 / 100亿元以上).

    Returns:
        The lines, how many tables were so printed, and notes (line, message) of the rows read by guess.

    Example:
        >>> rows = [Line(1, "序号  工作任务  牵头单位"), Line(2, "1  新建公园5个  区城管局")]
        >>> [ln.text for ln in spaced_table(rows)[0]]
        ['| 序号 | 工作任务 | 牵头单位 |', '| 1 | 新建公园5个 | 区城管局 |']
    """
    lines = _join_broken_header(lines)
    out: list[Line] = []
    gap: re.Pattern[str] | None = None
    width = tables = header_at = 0
    header_cells: list[str] = []
    starts: list[int] = []  # where the header's columns start, in columns of print
    row: tuple[int, list[str]] | None = None  # the last row read and where it stands in the output
    notes: list[tuple[int, str]] = []
    for ln in lines:
        text = ln.text.strip()
        as_printed = (printed or {}).get(ln.no, "")
        as_printed = as_printed if as_printed.strip() == text else text  # a line split or joined: no place
        if "\t" in text or "|" in text:
            gap = None
        elif gap is None:
            gap = next((g for g in (_WIDE_GAP, _GAP) if _is_spaced_header(_header_cells(g, text))), None)
            row = None  # a line of one cell after a new header goes on no row of the table before
            if gap is not None:
                header_cells, starts = _header_cells(gap, text), _starts(gap, as_printed)
                width = len(header_cells)
                tables += 1
                header_at = len(out)
                ln = Line(ln.no, _piped(header_cells))
        elif row is not None and len(starts) == width and _goes_on(row[1], gap, as_printed, starts, header_cells):
            out[row[0]] = Line(out[row[0]].no, _piped(row[1]))  # an indented line: the row's cells went on
            continue
        elif 2 <= len(cells := _row_cells(gap, text, header_cells)) <= width:
            if row is not None and len(row[1]) + len(cells) <= width and not re.match(r"\d", cells[0]):
                row[1].extend(cells)  # the row's last cells, after a cell that went on over lines
                out[row[0]] = Line(out[row[0]].no, _piped(row[1]))
                continue
            ln = Line(ln.no, _piped(cells))
            row = (len(out), cells)
        elif len(cells) == 1 and row is not None and len(row[1]) == width and _text_goes_on(row[1], text, header_cells):
            out[row[0]] = Line(out[row[0]].no, _piped(row[1]))  # 1 地区生产总值增长 县发改局 … / 6%
            continue
        elif len(cells) == 1 and row is not None and len(row[1]) < width and text:
            if _continues_row(row[1], text, header_cells):
                out[row[0]] = Line(out[row[0]].no, _piped(row[1]))
                continue
            row = None
        elif len(cells) > width and _READ_PAST_COLUMN.search(header_cells[-1]):
            # the last column is progress text, which has spaces of its own (增长 11.9%)
            ln = Line(ln.no, _piped([*cells[: width - 1], " ".join(cells[width - 1 :])]))
        elif len(cells) > width and (split := _units_with_spaces(cells, header_cells)):
            unit_cells, guess = split
            notes += [(ln.no, guess)] if guess else []
            ln = Line(ln.no, _piped(unit_cells))
            row = (len(out), unit_cells)
        elif len(cells) > width and (text_cells := _text_with_spaces(cells, header_cells)):
            ln = Line(ln.no, _piped(text_cells))
            out[header_at] = Line(out[header_at].no, _piped(_one_text_column(header_cells)))
        out.append(ln)
    return out, tables, notes


def _starts(gap: re.Pattern[str], text: str) -> list[int]:
    """Where each cell of a spaced line starts, in columns of print (a CJK character two)."""
    cells = [m for m in re.finditer(rf"(?:(?!{gap.pattern}).)+", text) if m.group().strip()]
    return [print_width(text[: m.start()]) for m in cells]


def _goes_on(row: list[str], gap: re.Pattern[str], text: str, starts: list[int], header: list[str]) -> bool:
    """An indented line under a full row whose cells stand under the row's columns (…全年完成投资 / 100亿元以上,
    a unit under a unit column): each cell goes on in the cell of the column it stands under, in place."""
    if not text[:1].isspace() or len(row) != len(header) or re.match(r"\s*\d{1,3}(?:\s|$)", text):
        return False
    cells = [c for c in gap.split(text.strip()) if c]
    columns = [min(range(len(starts)), key=lambda k: abs(starts[k] - at)) for at in _starts(gap, text)]
    if len(columns) != len(cells) or len(set(columns)) != len(columns):
        return False
    for k, cell in zip(columns, cells, strict=True):
        unit = header_role(header[k]) in ROLE_FIELDS[1:] and looks_like_unit(cell) and looks_like_unit(row[k])
        row[k] += ("、" if unit else "") + cell
    return True


def _text_goes_on(row: list[str], text: str, header: list[str]) -> bool:
    """A short line of one cell under a full row, that names no unit and opens nothing: the end of the row's
    task text, which its column was too narrow for (a PDF's cell wrapped: …增长 / 6%); taken into it in place."""
    k = next((k for k, c in enumerate(header) if header_role(c) == "text"), None)
    if k is None or row[k].endswith(("。", "；", ";")) or len(text) > max(len(row[k]), 2):
        return False
    opens = re.match(r"^(?:\d{1,3}$|[一二三四五六七八九十]+[、.．]|[（(【])", text)  # a row's number, a heading
    if opens or re.search(r"[:：]", text) or looks_like_unit(text):
        return False
    row[k] += text
    return True


def _header_cells(gap: re.Pattern[str], text: str) -> list[str]:
    """A spaced header's column names, a name its cell broke in two joined again (牵头 领导, 配合 责任单位:
    a short word whose join with the next is a role column's name)."""
    cells: list[str] = []
    for cell in gap.split(text):
        if cells and len(cells[-1]) <= 3 and header_role(cells[-1] + cell) in ROLE_FIELDS:
            cells[-1] += cell
        else:
            cells.append(cell)
    return cells


def _row_cells(gap: re.Pattern[str], text: str, header: list[str]) -> list[str]:
    """A spaced row's cells, with a two-character name padded to three (汪  峰) one name, and the names
    after a leaders cell that stand where a unit column would start (汪峰 吴蓓蓓 县卫健委) in that cell."""
    cells: list[str] = []
    for cell in gap.split(text):
        if cells and len(cells[-1]) == len(cell) == 1 and is_person(cells[-1] + cell):
            cells[-1] += cell
        elif (
            cells
            and len(cells) < len(header)
            and header_role(header[len(cells) - 1]) == "leaders"
            and header_role(header[len(cells)]) in ROLE_FIELDS[1:]
            and is_person(cells[-1].split("、")[-1])
            and is_person(cell)
        ):
            cells[-1] += "、" + cell
        else:
            cells.append(cell)
    return cells


def _text_with_spaces(cells: list[str], header: list[str]) -> list[str] | None:
    """A row whose text cells have spaces of their own (加强水资源保 护 严守…): its number, all its text as one
    cell, and its unit cells, when the header ends in unit columns and the row's last cells read as units."""
    roles = [header_role(c) for c in header]
    units = len(roles) - next((k for k in range(len(roles) - 1, -1, -1) if roles[k] not in ROLE_FIELDS), -1) - 1
    if not units or roles[0] != "number" or not cells[0].isdigit() or len(cells) < units + 2:
        return None
    tail = cells[-units:]
    if not all(looks_like_unit(split_top_level(c, "、，,")[0]) and not c.endswith("。") for c in tail):
        return None
    return [cells[0], " ".join(cells[1:-units]), *tail]


def _units_with_spaces(cells: list[str], header: list[str]) -> tuple[list[str], str | None] | None:
    """A row with more cells than the header because its unit columns list their names set apart by spaces
    (3 建设供水工程 县水利局 县住建局 2024年12月): the names joined in their cells, and a note when that was a
    guess; None when the extra cells are no run of unit names over the unit columns.

    One unit column holds them all. Unit columns side by side (牵头单位 配合单位) cannot tell where one cell
    ends: each but the last takes one name, the last the rest (a lead is most often one unit), a guess.

    >>> _units_with_spaces(["3", "建设水厂", "县水利局", "县住建局", "12月"], ["序号", "工作任务", "责任单位", "时限"])
    (['3', '建设水厂', '县水利局、县住建局', '12月'], None)
    """
    extra = len(cells) - len(header)
    columns = [k for k, c in enumerate(header) if header_role(c) in ROLE_FIELDS[1:]]
    if not columns or columns != list(range(columns[0], columns[-1] + 1)):
        return None
    first, last = columns[0], columns[-1] + extra
    if not all(looks_like_unit(c) for c in cells[first : last + 1]):
        return None
    units = [*cells[first : columns[-1]], "、".join(cells[columns[-1] : last + 1])]
    guess = "; ".join(f"{header[k]} {u}" for k, u in zip(columns, units, strict=True))
    note = f"row {cells[0]}: names set apart by spaces under the unit columns split by guess ({guess})"
    return [*cells[:first], *units, *cells[last + 1 :]], note if len(columns) > 1 else None


def _one_text_column(header: list[str]) -> list[str]:
    """The header of :func:`_text_with_spaces` rows: 序号, one text column (the last named as one before the
    units), the units."""
    roles = [header_role(c) for c in header]
    first_unit = next(k for k, r in enumerate(roles) if r in ROLE_FIELDS)
    text = next((header[k] for k in range(first_unit - 1, 0, -1) if roles[k] == "text"), header[first_unit - 1])
    return [header[0], text, *header[first_unit:]]


def _continues_row(cells: list[str], text: str, header: list[str]) -> bool:
    """A line of one cell under a row short of the header's width, taken into the row (in place):
    a unit under a unit column (one unit per line), or the cell of the column after it."""
    role = header_role(header[len(cells) - 1])
    if role in ROLE_FIELDS and looks_like_unit(text) and not text.endswith("。"):
        cells[-1] += "、" + text
        return True
    if len(cells) == len(header) - 1 and header_role(header[-1]) not in ROLE_FIELDS:
        cells.append(text)  # the progress cell after the units
        return True
    return False


#: A column read past that a spaced header may end with: 一季度完成情况, 进展情况, 备注.
_READ_PAST_COLUMN = re.compile(r"(?:完成|进展|推进|落实)情况$|进度$|备注$")


def _is_spaced_header(cells: list[str]) -> bool:
    roles = _column_roles(cells)
    named = all(roles[:-1]) and bool(roles[-1] or _READ_PAST_COLUMN.search(cells[-1]))
    # 序号 项目名称 2025年投资计划(万元) 责任单位 …: numbered rows, a task column and a unit column, most named
    numbered = roles[0] == "number" and bool({"text", "goal"} & set(roles)) and 2 * sum(map(bool, roles)) >= len(roles)
    return len(cells) >= 3 and (named or numbered) and any(r in ROLE_FIELDS for r in roles)


def _column_roles(cells: list[str]) -> list[str | None]:
    return [header_role(c) or ("past" if len(c) <= 6 and READ_PAST.search(c) else None) for c in cells]  # 细化措施


def _join_broken_header(lines: list[Line]) -> list[Line]:
    """A spaced header broken over lines (序号 项目名称 … 责任 / 单位 / 月度进展情况 备注) on one line: a short
    line that completes the header's last name into a column's (责任 + 单位), then lines of column names."""
    out: list[Line] = []
    header: Line | None = None
    for ln in lines:
        text = ln.text.strip()
        cells = _GAP.split(text) if text else []
        if header is not None and cells:
            last = _GAP.split(header.text)[-1]
            if len(cells) == 1 and len(text) <= 4 and header_role(last) is None and header_role(last + text):
                header = out[-1] = Line(header.no, header.text + text)
                continue
            if all(len(c) <= 12 and (header_role(c) or READ_PAST.search(c)) for c in cells):
                header = out[-1] = Line(header.no, f"{header.text} {text}")
                continue
            header = None
        elif len(cells) >= 3 and header_role(cells[0]) == "number" and not _is_spaced_header(cells):
            header = ln
        out.append(ln)
    return out


def _piped(cells: list[str]) -> str:
    return "| " + " | ".join(c.strip() for c in cells) + " |"
