"""Flattened tables: an HTML or Word table whose cells were printed one per line.

Two kinds of table share this layout (both in seed 000, 常州市钟楼区 2024):

- numbered tasks: 序号 | 目标名称 | sub-heading | 工作标准 "(1)…" | 分管领导 | 牵头单位 |
  配合单位 (extra columns such as 完成时限 are read past);
- unnumbered items (民生实事): 项目名称 | 主要内容 | optional leader | 牵头单位 | 配合单位,
  each content cell an item "M1", "M2", ….

Cells come one per line, or as blocks between blank lines (then a block is one
cell and may hold several units). A merged cell is printed once, at the first row
it spans; a row that prints no leader or unit takes the row above's, marked in
``inherited``. Where the text was line-deduplicated (every repeated line dropped,
see DESIGN.md), those inherited values are guesses: the document gets the
``deduplicated`` flag and one warning saying how many rows lost cells.

Column of a printed name: a person's name is a leader; the first unit cell after
the task is the lead cell, later ones support, except that a cell in the lead
position that names a collective unit (各街道, 区相关部门), or in a deduplicated
text only streets and towns, is read as support (the lead office above it was
not printed).
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import (
    DEADLINE,
    PAREN_NUMBER,
    Context,
    Loader,
)
from dutygraph.loaders.delimited_header import HEADER_TOKENS
from dutygraph.loaders.flat_cells import (
    Cell,
    Kind,
    Row,
    cells_of,
    classify,
    cut_unit_name,
    finish,
    is_deduplicated,
    is_extra,
    row_number,
    tables,
)
from dutygraph.loaders.flat_header import rows_by_header
from dutygraph.loaders.flat_headerless import headerless_rows
from dutygraph.loaders.flat_roles import (
    leaders_first,
    one_unit_column,
    progress_after_units,
    task_pattern,
    units_end_rows,
)
from dutygraph.loaders.names import is_collective, is_local, looks_like_unit
from dutygraph.loaders.persons import parse_persons, run_together_persons
from dutygraph.loaders.pipe_cells import closed_cell_rows
from dutygraph.loaders.records import DEDUPLICATED, INHERITABLE, TaskRecord
from dutygraph.loaders.text import Line, squeeze

#: A value or status cell (9.8%, 提升4个百分点, 已完工) or a group number (二, (三)…): never part of a unit name.
_VALUE = re.compile(
    r"\d|[%％]|以上|以下|以内|左右|同步|保持|提升|提高|增长|下降|降低|完成|达到|百分点|持平"
    r"|完工|开工|在建|推进中|进行中|序时|^[一二三四五六七八九十]+$|^[(（][一二三四五六七八九十]+[)）]"
)
_CONTENT_PUNCT = re.compile(r"[，,；;。：:、]")
_MAX_NAME_FRAGMENT = 14
_MAX_BROKEN_NAME = 40
#: How a complete cell of text ends; a task text that stops otherwise was cut.
_SENTENCE_END = re.compile(r"[。；;！!？?）)”]$")


def _extra_lead_cell(rows: list[Row], body: list[Cell]) -> None:
    """Three unit cells for the two unit columns, on a page that joins the units of one cell
    with 、: the extra single-name cell is a second lead cell, the last cell is the support.
    """
    if not any(c.kind is Kind.UNITS and "、" in c.text for c in body):
        return
    for row in rows:
        cells = row.unit_cells
        if len(cells) == 3 and row.lead == cells[0] and len(cells[1]) == 1 and not is_collective(cells[1][0]):
            row.lead, row.support = cells[0] + cells[1], cells[2]


#: ——女性人均预期寿命延长: a sub-target under a numbered goal, opened by a dash.
_SUB_TARGET = re.compile(r"^\s*(?:——|--|—)\s*\S")
#: What the start of a name broken over lines holds: characters and brackets, no sentence marks or dashes.
_NAME_PIECE = re.compile(r"^[\u4e00-\u9fff（()）〔〕“”‘’《》\"·0-9A-Za-z]+$")
#: A line that could be a row's number cell (3, 12*): what a table printed without its header needs thrice.
_ROW_NUMBER_LINE = re.compile(r"^\d{1,3}[*＊★☆]?$")
#: A name that opens with its level (省公安厅): the start of a name, never the rest of one broken over lines.
_LEVEL_FIRST = re.compile(r"^[省市县区][\u4e00-\u9fff]{2,}")


def _headerless(lines: list[Line]) -> list[Row]:
    if sum(1 for ln in lines if _ROW_NUMBER_LINE.match(squeeze(ln.text))) < 3:
        return []  # fewer than three lines that could number a row: no table, told without building cells
    cells = cells_of(lines)
    for c in cells:
        c.kind = classify(c, False)
    return headerless_rows(cells)


class FlatTableLoader(Loader):
    """Tables flattened to one cell per line (or per blank-line-separated block)."""

    name = "flat-table"
    description = "a table flattened to one cell per line: (1) task lines followed by leader and unit lines"

    def score(self, lines: list[Line]) -> float:
        tasks = short = headers = 0
        for ln in lines:
            t = squeeze(ln.text)
            if not t or "\t" in ln.text or t.count("|") >= 2:
                continue
            if PAREN_NUMBER.match(ln.text):
                tasks += 1
            elif len(t) <= 12:
                short += 1
                headers += t in HEADER_TOKENS
        if headers < 2 and tasks < 3:
            return 2.0 * len(_headerless(lines))  # a table the page starts below its header, or none
        if short < max(3, tasks // 2) or closed_cell_rows(lines) is not None:
            return 0.0  # cells closed by pipes and lined up under a header: a delimited table
        return tasks + short / 2 + 5 * headers

    # -- parsing ------------------------------------------------------------

    def parse(self, ctx: Context) -> list[TaskRecord]:
        cells = cells_of(ctx.lines)
        dedup = is_deduplicated(ctx.lines)
        if dedup:
            ctx.flags.append(DEDUPLICATED)
        task_re = task_pattern(cells)
        for c in cells:
            c.kind = classify(c, task_re or False)
        records: list[TaskRecord] = []
        last_line = max((c.lines[-1].no for c in cells), default=0)
        for title, body in tables(cells):
            numbered = any(c.kind is Kind.TASK for c in body)
            by_header = None if numbered else rows_by_header(title, body, ctx)
            if by_header is not None:
                self._cut_short(by_header, body, last_line, dedup, ctx)
                records.extend(finish(by_header))
                continue
            rows = (
                self._numbered(body, ctx, task_re or PAREN_NUMBER) if numbered else self._unnumbered(title, body, ctx)
            )
            _extra_lead_cell(rows, body)
            if one_unit_column(body):
                for row in rows:  # 责任单位 / 责任部门 alone: every unit listed leads
                    row.lead += row.support
                    row.support = []
                    if row.lead:
                        row.printed |= {"lead", "support"}
            self._cut_short(rows, body, last_line, dedup, ctx)
            records.extend(finish(rows))
        if not records:
            records = finish(headerless_rows(cells, ctx))
        if dedup:
            bare = sum(1 for r in records if len(r.inherited) == len(INHERITABLE))
            some = sum(1 for r in records if 0 < len(r.inherited) < len(INHERITABLE))
            ctx.warn(
                None,
                f"this text was line-deduplicated (no short line repeats, so every repeated cell was dropped): "
                f"{bare} of {len(records)} rows print none of their leader, lead and support cells and {some} more "
                "print only some; the missing values are guesses taken from the row above (listed in 'inherited')",
            )
        return records

    def _numbered(self, body: list[Cell], ctx: Context, task_re: re.Pattern[str] = PAREN_NUMBER) -> list[Row]:
        rows: list[Row] = []
        row: Row | None = None
        goal: str | None = None
        goal_no: str | None = None
        area: str | None = None
        buffer: list[Cell] = []
        expect_goal = False
        first_leaders = leaders_first(body)
        group: Cell | None = None  # a leader printed once, before his group's first row (牵头领导 | 重点工作 | …)
        for i, cell in enumerate(body):
            kind = cell.kind
            if kind is Kind.HEADER or (
                squeeze(cell.text) == "区政府" and i + 1 < len(body) and body[i + 1].kind is Kind.HEADER
            ):
                continue
            if first_leaders and kind is Kind.PERSON and i + 1 < len(body) and body[i + 1].kind is Kind.TASK:
                group = cell
                continue
            if expect_goal and kind in (Kind.TEXT, Kind.UNITS, Kind.PERSON):
                goal, expect_goal = cell.text, False
                continue
            if kind is Kind.NUMBER:
                self._flush_buffer(row, buffer, ctx)
                row, goal_no, goal, area, expect_goal = None, row_number(cell), None, None, True
                continue
            if kind is Kind.TASK:
                if buffer:
                    area = "".join(squeeze(c.text) for c in buffer)
                    buffer = []
                if expect_goal:
                    ctx.warn(cell.no, f"goal {goal_no} prints no title; its tasks are read without one")
                    expect_goal = False
                m = task_re.match(cell.lines[0].text)
                assert m is not None
                text = (cell.lines[0].text[m.end() :] + "".join(ln.text.strip() for ln in cell.lines[1:])).strip()
                row = Row(squeeze(m.group(1)), text, cell.no, goal, goal_no, area)
                if group is not None:  # the rows after it print no leader: they take his from the row above
                    row.leaders = [n for ln in group.lines if ln.text.strip() for n in parse_persons(ln.text)]
                    row.printed.add("leaders")
                    row.lines["leaders"], group = group.no, None
                rows.append(row)
                continue
            if row is not None and (row.lead or row.support) and kind is Kind.TEXT and _SUB_TARGET.match(cell.text):
                # ——孕产妇系统管理率达到90%以上 after the row's units: a target of the row's with units of its own
                row = Row(row.number, cell.text.strip(), cell.no, row.goal, row.goal_no, row.area)
                rows.append(row)
                continue
            self._cell_into_row(row, cell, buffer, body[i + 1] if i + 1 < len(body) else None, ctx)
        self._cut_name(row, buffer, ctx)
        return rows

    def _cut_name(self, row: Row | None, buffer: list[Cell], ctx: Context) -> None:
        """The text ends inside a unit cell after a task: the cut name is the row's unit, kept as printed."""
        text = cut_unit_name(buffer, ctx.lines)
        if text is None or row is None:
            return
        ctx.warn(buffer[0].no, f"the text ends inside a unit cell; '{text}' kept as printed")
        self._add_units(row, ctx.names(text, buffer[0].no) or [text], buffer[0].no, False)

    def _unnumbered(self, title: str | None, body: list[Cell], ctx: Context) -> list[Row]:
        rows: list[Row] = []
        row: Row | None = None
        project: str | None = None
        buffer: list[Cell] = []
        units_close, progress = units_end_rows(body), progress_after_units(body)
        for i, cell in enumerate(body):
            kind = cell.kind
            if kind in (Kind.HEADER, Kind.NUMBER):
                continue  # header cells, and row numbers that survived (9, 10)
            nxt = body[i + 1] if i + 1 < len(body) else None
            past_units = row is not None and bool(row.lead or row.support)
            if progress and kind is Kind.TEXT and past_units and (nxt is None or nxt.kind is not Kind.UNITS):
                continue  # the row's 进展情况 / 下步举措: no task, and no unit after it
            after_units = units_close and (row is None or row.cursor >= 2) and not is_extra(cell)
            if kind is Kind.TEXT and (self._is_content(cell) or after_units):
                if buffer:
                    project = "".join(squeeze(c.text) for c in buffer)
                    buffer = []
                row = Row(f"M{len(rows) + 1}", cell.text.strip(), cell.no, title, None, project)
                rows.append(row)
                continue
            self._cell_into_row(row, cell, buffer, body[i + 1] if i + 1 < len(body) else None, ctx)
        return rows

    @staticmethod
    def _is_content(cell: Cell) -> bool:
        text = squeeze(cell.text)
        return len(text) > 20 or (bool(_CONTENT_PUNCT.search(text)) and len(text) > 8)

    def _flush_buffer(self, row: Row | None, buffer: list[Cell], ctx: Context) -> None:
        """Fragments left before a new goal: the tail of the task text above."""
        if buffer and row is not None and not row.printed:
            row.text += "".join(c.text.strip() for c in buffer)
        elif buffer:
            ctx.warn(buffer[0].no, f"could not place '{''.join(squeeze(c.text) for c in buffer)}'; ignored")
        buffer.clear()

    def _cell_into_row(self, row: Row | None, cell: Cell, buffer: list[Cell], nxt: Cell | None, ctx: Context) -> None:
        """Read one non-task cell into the current row (or into the heading buffer)."""
        kind = cell.kind
        if row is None:
            if kind is not Kind.NONE:
                buffer.append(cell)
            return
        if kind is Kind.PERSON and row.cursor <= 1 and not (row.lead or row.support) and not buffer:
            row.leaders.extend(n for ln in cell.lines if ln.text.strip() for n in run_together_persons(ln.text))
            row.printed.add("leaders")
            row.lines.setdefault("leaders", cell.no)
            row.cursor, row.last = 1, "leaders"
            return
        if kind is Kind.NONE:
            if row.cursor == 0 and nxt is not None and nxt.kind in (Kind.UNITS, Kind.PERSON):
                row.printed.add("leaders")
                row.cursor = 1
            else:
                row.printed.add("support")
                row.cursor = 3
            return
        if kind is Kind.TAIL:
            if row.last and getattr(row, row.last):
                getattr(row, row.last)[-1] += squeeze(cell.text)
            else:
                ctx.warn(
                    cell.no,
                    f"'{squeeze(cell.text)}' is the tail of a name whose first line was not printed; kept as printed",
                )
                self._add_units(row, [squeeze(cell.text)], cell.no, DEDUPLICATED in ctx.flags)
            return
        if kind is Kind.UNITS:
            names: list[str] = []
            for ln in cell.lines:
                names.extend(ctx.names(ln.text, ln.no))
            if buffer:
                joined = "".join(squeeze(c.text) for c in buffer)
                if not row.printed and any(len(squeeze(c.text)) > _MAX_NAME_FRAGMENT for c in buffer):
                    row.text += "".join(c.text.strip() for c in buffer)  # the task text went on
                elif any(_VALUE.search(squeeze(c.text)) for c in buffer):
                    pass  # 年度目标 / 完成情况 values (9.8%, 提升4个百分点) in columns before the units
                elif len(joined) + len(names[0]) > _MAX_BROKEN_NAME or not _NAME_PIECE.match(joined):
                    pass  # a sentence (——女性人均预期寿命延长。), not the start of a name
                elif len(joined) >= 3 and _LEVEL_FIRST.match(names[0]) and looks_like_unit(names[0]):
                    names.insert(0, joined)  # 省人口计生 / 省妇联: a shortened name, then a whole one
                    ctx.warn(buffer[0].no, f"'{joined}' reads as no unit's full name; kept as printed")
                else:
                    names[0] = joined + names[0]  # a name broken over lines
                    ctx.warn(buffer[0].no, f"rejoined a unit name broken over lines: '{names[0]}'")
                buffer.clear()
            self._add_units(row, names, cell.no, DEDUPLICATED in ctx.flags)
            return
        if kind is Kind.TEXT and row.cursor >= 2 and is_extra(cell):
            row.cursor = 3  # 完成时限 / 目标类型: a column past the units
            if row.deadline is None and DEADLINE.match(squeeze(cell.text)):
                row.deadline = squeeze(cell.text)
            return
        buffer.append(cell)

    @staticmethod
    def _add_units(row: Row, names: list[str], line: int, dedup: bool) -> None:
        """Put a cell's units in the lead column, or in support when it cannot be the lead cell.

        A cell naming a collective unit is support; in a deduplicated text, so is
        one naming only streets and towns (the lead office above it was dropped).
        """
        if not names:
            return
        row.unit_cells.append(names)
        lead_cell = not any(is_collective(n) for n in names) and not (dedup and all(is_local(n) for n in names))
        if row.cursor <= 1 and lead_cell:
            row.lead.extend(names)
            row.printed.add("lead")
            row.lines.setdefault("lead", line)
            row.last = "lead"
        else:
            row.support.extend(names)
            row.printed.add("support")
            row.lines.setdefault("support", line)
            row.last = "support"
        row.cursor = max(row.cursor, 2)

    @staticmethod
    def _cut_short(rows: list[Row], body: list[Cell], last_line: int, dedup: bool, ctx: Context) -> None:
        """When the text stops inside the table's last row, its missing cells were cut
        off, not merged: they are left empty (marked printed), with a warning."""
        if dedup or not rows or not body or body[-1].lines[-1].no != last_line:
            return
        row = rows[-1]
        columns = set().union(*(r.printed for r in rows[:-1])) if len(rows) > 1 else set(INHERITABLE)
        missing = [f for f in INHERITABLE if f not in row.printed and f in columns]  # the columns the table has
        if leaders_first(body) and (row.lead or row.support):
            missing = [f for f in missing if f != "leaders"]  # printed before the text: merged, not cut off
        if missing and not row.printed and row.line == last_line and not _SENTENCE_END.search(row.text):
            row.printed.update(missing)  # the text stops inside the task's own cell: nothing after it was printed
            ctx.warn(row.line, f"the text ends inside task {row.number}'s text; its other cells were not printed")
        elif missing and not (row.lead or row.support or row.leaders) and not _SENTENCE_END.search(body[-1].text):
            row.printed.update(missing)  # the text stops inside a cell after the task's text, before any unit
            ctx.warn(row.line, f"the text ends inside task {row.number}'s cells; its units were not printed")
        elif missing and (row.lead or row.support or row.leaders):
            row.printed.update(missing)
            ctx.warn(
                row.line,
                f"the text ends inside task {row.number}; its {', '.join(missing)} cells were not printed "
                "and are left empty",
            )
