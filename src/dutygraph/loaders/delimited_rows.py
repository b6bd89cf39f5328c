"""The rows of a delimited table: a Word dump with tabs, a TSV, or a pipe table, split into rows of cells."""

from __future__ import annotations

import re

from dutygraph.loaders.base import BARE_NUMBER, CN_SECTION, Context, fill_from_above
from dutygraph.loaders.delimited_header import header_role, remarks_name_units
from dutygraph.loaders.headings import heading_cues, heading_title
from dutygraph.loaders.names import looks_like_unit, names_only_units
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.pipe_cells import Cell as _Cell
from dutygraph.loaders.pipe_cells import closed_cell_rows, is_cell_per_line, opened_cell_rows
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.text import Line, clean_line

#: A pipe table's rule line (|---|---|).
PIPE_RULE = re.compile(r"^\|?[\s:|\-－—]+\|?$")
#: 14 | 完成新生儿48种遗: the page cut inside a row, after its number and the start of its text.
_CUT_ROW = re.compile(r"^\d{1,3}\s*\|\s*\S")


def warn_cut_row(records: list[TaskRecord], ctx: Context) -> None:
    """Say when the last record is a row the page cut after its number and the start of its text."""
    end = next((ln for ln in reversed(ctx.lines) if ln.text.strip()), None)
    if records and end and records[-1].line == end.no and end.text.count("|") == 1 and _CUT_ROW.match(end.text):
        ctx.warn(end.no, f"the text ends inside row {records[-1].task}; its units were not printed")


def merging(lines: list[Line]) -> tuple[bool, bool]:
    """Whether the table is printed one cell per line; whether an empty cell is a merged one."""
    per_line = is_cell_per_line(lines)
    closed = closed_cell_rows(lines) is not None  # every cell printed, an empty one too
    return per_line, not per_line and not closed and not _is_pipe(lines)


def _is_pipe(lines: list[Line]) -> bool:
    tabs = sum(1 for ln in lines if "\t" in ln.text)
    return sum(1 for ln in lines if ln.text.count("|") >= 3) > tabs


def table_rows(lines: list[Line]) -> list[list[_Cell]]:
    """The table's rows: cells one per line, cells each closed by a pipe, pipe rows, a Word dump or a TSV."""
    if is_cell_per_line(lines):
        return opened_cell_rows(lines)
    if (closed := closed_cell_rows(lines)) is not None:
        return closed
    if _is_pipe(lines):
        return _pipe_rows(lines)
    tab_lines = [ln for ln in lines if "\t" in ln.text]
    leading = sum(1 for ln in tab_lines if ln.text.startswith("\t"))
    if tab_lines and leading >= 0.6 * len(tab_lines):
        return _word_rows(lines)
    return _tab_rows(lines)


def _tab_rows(lines: list[Line]) -> list[list[_Cell]]:
    """A TSV's rows, one a line, and the section headings printed between them without a tab (一、经济发展):
    one cell each, so that they give the goal of the rows below."""
    at = [i for i, ln in enumerate(lines) if "\t" in ln.text]
    if not at:
        return []
    inside = lines[at[0] : at[-1] + 1]
    return [
        [_Cell([Line(ln.no, c)]) for c in ln.text.split("\t")]
        for ln in inside
        if "\t" in ln.text or (CN_SECTION.match(ln.text) and len(ln.text.strip()) <= 40)
    ]


def _word_rows(lines: list[Line]) -> list[list[_Cell]]:
    rows: list[list[_Cell]] = []
    row: list[_Cell] = []
    for ln in lines:
        raw = ln.text.replace("\r", "")
        if "\t" not in raw and not clean_line(raw):  # a blank line ends the row; a lone tab is an empty cell
            if row:
                rows.append(row)
                row = []
            continue
        if "\t" not in raw:
            if row:
                row[-1].lines.append(Line(ln.no, clean_line(raw)))
            else:
                rows.append([_Cell([Line(ln.no, clean_line(raw))])])  # text outside the table
            continue
        head, *cells = raw.split("\t")
        if head.strip() and row:
            row[-1].lines.append(Line(ln.no, clean_line(head)))
        elif head.strip():
            row.append(_Cell([Line(ln.no, clean_line(head))]))
        for c in cells:
            text = clean_line(c)
            row.append(_Cell([Line(ln.no, text)] if text else []))
    if row:
        rows.append(row)
    return rows


def _pipe_rows(lines: list[Line]) -> list[list[_Cell]]:
    rows: list[list[_Cell]] = []
    last = max((k for k, ln in enumerate(lines) if ln.text.strip()), default=-1)
    # Whether the table's rows are bordered (| 1 | … |): where most are not, a row's leading or closing pipe
    # sets apart an empty cell (序号 | 任务 | 责任单位 | | 时限 / | | 牵头单位 | 配合单位 |, a header's second row).
    piped = [t for ln in lines if (t := ln.text.strip()).count("|") >= 2 and not PIPE_RULE.match(t)]
    opened, closed = (2 * sum(1 for t in piped if f(t)) >= len(piped) for f in (_opens, _closes))
    for k, ln in enumerate(lines):
        t = ln.text.strip()
        if t.count("|") < 2 and not (k == last and _CUT_ROW.match(t)):
            if t:
                rows.append([_Cell([Line(ln.no, t)])])
            continue
        if PIPE_RULE.match(t):
            continue
        parts = t.split("|")
        if parts and not parts[0].strip() and (opened or not _opens_empty(parts)):
            parts = parts[1:]
        if parts and not parts[-1].strip() and (closed or not _opens_empty(parts[::-1])):
            parts = parts[:-1]
        rows.append([_Cell([Line(ln.no, p.strip())] if p.strip() else []) for p in parts])
    return rows


def _opens(text: str) -> bool:
    return text.startswith("|")


def _closes(text: str) -> bool:
    return text.endswith("|")


def _opens_empty(parts: list[str]) -> bool:
    """A row of an unbordered table that opens with an empty cell (its pipe, then another: ``| | 牵头单位``)."""
    return len(parts) > 2 and not parts[1].strip()


#: Fewest numbered rows of one width that make a table whose header was not printed.
_FEWEST_ROWS = 3


def content_header(rows: list[list[_Cell]]) -> list[str | None] | None:
    """The header of a table printed without one (a page that starts below it), told from what its
    columns hold, or None when a row names the columns or the rows are no such table.

    Three numbered rows of one width at least: the number column, the first column of text after it
    (the task), and every column whose filled cells all name units (responsible: no header says who
    leads) or persons (leaders); the other columns (progress, status, deadlines) are read past.
    """
    if any(sum(1 for c in row if header_role(c.flat)) >= 2 for row in rows):
        return None
    width = max((len(r) for r in rows), default=0)
    numbered = [r for r in rows if len(r) == width and BARE_NUMBER.match(r[0].flat)]
    if width < 3 or len(numbered) < _FEWEST_ROWS:
        return None
    header: list[str | None] = ["number", *([None] * (width - 1))]
    for i in range(1, width):
        cells = [r[i].flat for r in numbered if r[i].flat]
        if not cells:
            continue
        if all(names_only_units(c) for c in cells):
            header[i] = "responsible"
        elif all(is_person(c) for c in cells):
            header[i] = "leaders"
        elif "text" not in header and "responsible" not in header:
            header[i] = "text"
    return header if "text" in header and "responsible" in header else None


#: A section's numeral in the number column (| 一 | 经济发展 |): the heading of the rows under it.
_CN_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]?")


def heading_row(filled: list[_Cell], row: list[_Cell]) -> tuple[str, str] | tuple[()] | None:
    """A row that heads the rows under it: (goal, its number) for a section's heading between the rows
    (二、改善民生, or | 一 | 经济发展 |); () for another row of one cell, read past; None for any other row.

    Example:
        >>> from dutygraph.loaders.text import Line
        >>> cells = [_Cell([Line(3, "一")]), _Cell([Line(3, "经济发展")])]
        >>> heading_row(cells, cells)
        ('经济发展', '一')
    """
    if len(filled) == 1 and (len(row) == 1 or CN_SECTION.match(filled[0].flat)):
        section = CN_SECTION.match(filled[0].flat)
        return (filled[0].flat[section.end() :], section.group(1) or section.group(2)) if section else ()
    if len(filled) == 2 and _CN_NUMERAL.fullmatch(filled[0].flat) and not looks_like_unit(filled[1].flat):
        return filled[1].flat, filled[0].flat.rstrip("、.．")
    return None


def fill_with_section(
    fields: dict[str, list[str]],
    printed: set[str],
    lines: dict[str, int],
    above: dict[str, list[str]],
    section: tuple[list[str], int],
) -> list[str]:
    """Fill a row's fields in place: the leaders its section heading names when it prints none, the rest it
    did not print from the row above; returns the fields so filled (the record's ``inherited``)."""
    if not section[0] or fields["leaders"]:
        return fill_from_above(fields, printed, above)
    fields["leaders"], lines["leaders"] = list(section[0]), section[1]
    return [*fill_from_above(fields, printed | {"leaders"}, above), "leaders"]  # in INHERITABLE's order


def section_heading(heading: tuple[str, str], line: int, ctx: Context) -> tuple[str, str, None, tuple[list[str], int]]:
    """A section heading between the rows (:func:`heading_row`): its title as the goal (no count of items), its
    number, no area, and the leaders it names with its line."""
    return heading_title(heading[0]), heading[1], None, (heading_cues(heading[0], line, ctx).leaders, line)


def is_page_details(cells: list[_Cell]) -> bool:
    """A page's publishing details printed as a row (索引号: | 11370… | 成文日期: | 2022-10-08 |): labels
    ending in a colon beside their values."""
    return sum(1 for c in cells if len(c.flat) <= 8 and c.flat.endswith((":", "："))) >= 2


def names_anyone(cells: list[_Cell]) -> bool:
    """A row that names a unit or a person outside a column's name (1 | 政府投资项目管理不规范 | 建立项目… | 王强 |
    区发改局): a task's row, never a header row, whatever its text cells' words (项目) look like."""
    return any(
        (is_person(c.flat) or (looks_like_unit(c.flat) and not c.flat.endswith(_COLUMN_TAILS)))
        and header_role(c.flat) is None
        for c in cells
    )


#: How a column's name ends that looks like a unit's (督查单位, 联系部门).
_COLUMN_TAILS = ("单位", "部门", "领导", "处室", "科室")


def heads_columns(roles: list[str | None], filled: list[_Cell], after_header: bool) -> bool:
    """A header row: two column names or more (one right after a header row), unless its only names are text's
    and it names someone (1 | 政府投资项目管理不规范 | 建立项目… | 王强): a task's row."""
    named = sum(1 for r in roles if r is not None)
    worded = {r for r in roles if r is not None} <= {"text", "goal"}
    return (named >= 2 or (after_header and named > 0)) and not (worded and names_anyone(filled))


def remark_units(
    header: list[str | None], names: list[_Cell], rows: list[list[_Cell]], ctx: Context
) -> list[str | None]:
    """The header with its 备注 column read as a 责任单位 column where the rows under it name units only there (基教科 |
    各区教育局、市局直属单位, see :func:`remarks_name_units`), with a warning; the header as it was otherwise."""
    out = list(header)
    for k, role in enumerate(header):
        if role is not None or k >= len(names):
            continue
        cells = [r[k].flat for r in rows if len(r) == len(header) and not r[k].empty]
        if remarks_name_units(names[k].flat, cells):
            out[k] = "responsible"
            ctx.warn(names[k].no, "a 备注 column that names only units is read as a 责任单位 column")
    return out
