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
from dataclasses import dataclass, field
from enum import Enum, auto

from dutygraph.loaders.base import (
    BARE_NUMBER,
    CN_SECTION,
    DEADLINE,
    DOT_NUMBER,
    PAREN_NUMBER,
    Context,
    Loader,
    assign_responsible,
    fill_from_above,
)
from dutygraph.loaders.delimited_table import header_role
from dutygraph.loaders.names import (
    is_collective,
    is_generic_tail,
    is_local,
    is_none_mark,
    is_paren_tail,
    is_person,
    looks_like_unit,
    parse_names,
    person_name,
)
from dutygraph.loaders.records import DEDUPLICATED, INHERITABLE, TaskRecord
from dutygraph.loaders.text import Line, squeeze

HEADER_TOKENS = frozenset(
    ["序号", "目标名称", "目标任务", "工作标准", "工作任务", "重点任务", "主要任务", "任务名称", "任务内容", "主要内容", "项目名称", "具体目标", "工作目标", "年度目标", "分管领导", "区政府分管领导", "责任领导", "牵头领导", "牵头单位", "牵头部门", "主办单位", "主责单位", "配合单位", "配合部门", "协办单位", "参与单位", "责任单位", "责任部门", "完成时限", "完成时间", "时间节点", "目标类型", "备注", "序次", "项目内容", "实事项目", "民生实事", "建设内容", "当前进度", "进展情况", "完成情况", "落实情况", "推进情况", "工作措施", "具体措施", "主要措施", "推进措施", "责任人", "包抓领导", "县级领导", "市级领导", "分管县领导", "分管市领导", "分管区领导", "时限要求", "完成期限", "任务来源", "指标"]
)
_EXTRA_VALUE = re.compile(
    r"(?:\d{1,2}月|季度|全年|年底|年内|年末|长期|持续推进|预期性|约束性|\d{4}年(?:底|末|内)?前?$)"
)
_TABLE_TITLE = re.compile(r"(?:分解表|责任表|一览表|清单|任务表|计划表)$")
_ATTACHMENT = re.compile(r"^附\s*件\s*[0-9一二三四五六七八九十]{0,2}\s*[:：]?$")
#: A signature or date line: the table above it has ended.
_TABLE_END = re.compile(r"(?:人民政府|人民政府办公室|政府办公室)$|^\d{4}年\d{1,2}月\d{1,2}日$")
#: A target or progress value, never a fragment of a unit's name.
_VALUE = re.compile(r"\d|[%％]|以上|以下|以内|左右|同步|保持|提升|提高|增长|下降|降低|完成|达到|百分点|持平")
_CONTENT_PUNCT = re.compile(r"[，,；;。：:、]")
_MAX_NAME_FRAGMENT = 14
_MAX_BROKEN_NAME = 40


class Kind(Enum):
    """What a cell holds."""

    HEADER = auto()
    TASK = auto()
    NUMBER = auto()
    NONE = auto()
    PERSON = auto()
    TAIL = auto()
    UNITS = auto()
    TEXT = auto()


@dataclass
class Cell:
    """One table cell: its lines (several in blank-line-separated tables) and kind."""

    lines: list[Line]
    kind: Kind = Kind.TEXT

    @property
    def no(self) -> int:
        return self.lines[0].no

    @property
    def text(self) -> str:
        return "".join(squeeze(ln.text) if len(ln.text) < 40 else ln.text.strip() for ln in self.lines)


@dataclass
class _Row:
    number: str
    text: str
    line: int
    goal: str | None
    goal_no: str | None
    area: str | None
    leaders: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    printed: set[str] = field(default_factory=set)
    lines: dict[str, int] = field(default_factory=dict)
    cursor: int = 0  # 0 leaders, 1 lead, 2 support, 3 past the unit columns
    last: str | None = None  # field the last name went into
    deadline: str | None = None


def classify(cell: Cell, numbered: bool | re.Pattern[str]) -> Kind:
    """Decide what a cell holds from its text alone.

    ``numbered`` is the pattern of the table's task numbers ((1) when True), or False.
    """
    text = squeeze(cell.text)
    if not text:
        return Kind.NONE
    if text in HEADER_TOKENS:
        return Kind.HEADER
    task_re = PAREN_NUMBER if numbered is True else numbered
    if task_re and task_re.match(cell.lines[0].text) and len(text) > 4:
        return Kind.TASK
    if BARE_NUMBER.match(text):
        return Kind.NUMBER
    if is_none_mark(text):
        return Kind.NONE
    if len(text) <= 14 and _EXTRA_VALUE.search(text):
        return Kind.TEXT  # a 完成时限 / 目标类型 value (全年 is no person)
    if len(text) > 8 and text.endswith("。"):
        return Kind.TEXT  # a sentence, not a name (建成县残疾人综合服务中心。)
    if all(is_person(ln.text) for ln in cell.lines if ln.text.strip()):
        return Kind.PERSON
    if len(cell.lines) == 1 and (is_paren_tail(text) or is_generic_tail(text)):
        return Kind.TAIL
    names = [n for ln in cell.lines for n in parse_names(ln.text)]
    if names and all(looks_like_unit(n) or is_paren_tail(n) for n in names):
        return Kind.UNITS
    return Kind.TEXT


_UNIT_ROLES = ("lead", "support", "responsible", "leaders")


def _is_extra(cell: Cell) -> bool:
    """A 完成时限 / 目标类型 value (11月底前, 年底建成, 全年), never a unit or a task."""
    text = squeeze(cell.text)
    return len(text) <= 14 and bool(_EXTRA_VALUE.search(text))


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
            return 0.0
        if short < max(3, tasks // 2):
            return 0.0
        return tasks + short / 2 + 5 * headers

    # -- cells and tables ---------------------------------------------------

    @staticmethod
    def _cells(lines: list[Line]) -> list[Cell]:
        """Group lines into cells: blocks between blank lines when the text is laid
        out that way, otherwise one line per cell."""
        nonblank = [i for i, ln in enumerate(lines) if ln.text.strip()]
        followed_by_blank = sum(1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].text.strip())
        blocks = len(nonblank) > 10 and followed_by_blank >= 0.6 * len(nonblank)
        cells: list[Cell] = []
        current: list[Line] = []
        for ln in lines:
            if not ln.text.strip():
                if current:
                    cells.append(Cell(current))
                    current = []
                continue
            if blocks:
                current.append(ln)
            else:
                cells.append(Cell([ln]))
        if current:
            cells.append(Cell(current))
        return cells

    @staticmethod
    def _is_deduplicated(lines: list[Line]) -> bool:
        """A genuine table repeats cells (the same leader, 各街道 …); hundreds of
        lines of which no short one repeats is a text whose repeated lines were dropped."""
        short = [ln.text.strip() for ln in lines if 0 < len(squeeze(ln.text)) <= 12]
        return len(short) >= 30 and len(set(short)) == len(short)

    def _tables(self, cells: list[Cell]) -> list[tuple[str | None, list[Cell]]]:
        """Split the cells into tables, each with its title; the preamble is dropped."""
        tables: list[tuple[str | None, list[Cell]]] = []
        title: str | None = None
        body: list[Cell] | None = None
        for cell in cells:
            text = squeeze(cell.text)
            if _TABLE_END.search(text) and body is not None:
                if any(c.kind is not Kind.HEADER for c in body):
                    tables.append((title, body))
                body, title = None, None
                continue
            if _ATTACHMENT.match(text):
                if body is not None and any(c.kind is not Kind.HEADER for c in body):
                    tables.append((title, body))
                body, title = None, None
                continue
            if len(text) <= 60 and _TABLE_TITLE.search(text) and cell.kind is Kind.TEXT:
                if body is not None and any(c.kind is not Kind.HEADER for c in body):
                    tables.append((title, body))
                body, title = None, text
                continue
            if body is None:
                if cell.kind in (Kind.HEADER, Kind.TASK) or (text == "区政府" and title):
                    body = []
                else:
                    continue
            body.append(cell)
        if body is not None and body:
            tables.append((title, body))
        return tables

    # -- parsing ------------------------------------------------------------

    def parse(self, ctx: Context) -> list[TaskRecord]:
        cells = self._cells(ctx.lines)
        dedup = self._is_deduplicated(ctx.lines)
        if dedup:
            ctx.flags.append(DEDUPLICATED)
        task_re = self._task_pattern(cells)
        for c in cells:
            c.kind = classify(c, task_re or False)
        records: list[TaskRecord] = []
        last_line = max((c.lines[-1].no for c in cells), default=0)
        for title, body in self._tables(cells):
            numbered = any(c.kind is Kind.TASK for c in body)
            by_header = None if numbered else self._by_header(title, body, ctx)
            if by_header is not None:
                self._cut_short(by_header, body, last_line, dedup, ctx)
                records.extend(self._finish(by_header))
                continue
            rows = (
                self._numbered(body, ctx, task_re or PAREN_NUMBER) if numbered else self._unnumbered(title, body, ctx)
            )
            if self._one_unit_column(body):
                for row in rows:  # 责任单位 / 责任部门 alone: every unit listed leads
                    row.lead += row.support
                    row.support = []
                    if row.lead:
                        row.printed |= {"lead", "support"}
            self._cut_short(rows, body, last_line, dedup, ctx)
            records.extend(self._finish(rows))
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

    @staticmethod
    def _task_pattern(cells: list[Cell]) -> re.Pattern[str] | None:
        """How tasks are numbered: (1) when any cell starts so; 1. / 1、 in a table
        whose header was printed and whose cells start so at least twice; else None."""
        if any(PAREN_NUMBER.match(c.lines[0].text) for c in cells):
            return PAREN_NUMBER
        headers = sum(1 for c in cells if squeeze(c.text) in HEADER_TOKENS)
        dotted = sum(1 for c in cells if DOT_NUMBER.match(c.lines[0].text) and len(squeeze(c.text)) > 4)
        return DOT_NUMBER if headers >= 2 and dotted >= 2 else None

    @staticmethod
    def _one_unit_column(body: list[Cell]) -> bool:
        """True when the header names one unit column, 责任单位 / 责任部门, and no 牵头 or 配合 column."""
        roles = {header_role(c.text) for c in body if c.kind is Kind.HEADER}
        return "responsible" in roles and not roles & {"lead", "support"}

    def _numbered(self, body: list[Cell], ctx: Context, task_re: re.Pattern[str] = PAREN_NUMBER) -> list[_Row]:
        rows: list[_Row] = []
        row: _Row | None = None
        goal: str | None = None
        goal_no: str | None = None
        area: str | None = None
        buffer: list[Cell] = []
        expect_goal = False
        for i, cell in enumerate(body):
            kind = cell.kind
            if kind is Kind.HEADER or (
                squeeze(cell.text) == "区政府" and i + 1 < len(body) and body[i + 1].kind is Kind.HEADER
            ):
                continue
            if expect_goal and kind in (Kind.TEXT, Kind.UNITS, Kind.PERSON):
                goal, expect_goal = cell.text, False
                continue
            if kind is Kind.NUMBER:
                self._flush_buffer(row, buffer, ctx)
                row, goal_no, goal, area, expect_goal = None, squeeze(cell.text), None, None, True
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
                row = _Row(squeeze(m.group(1)), text, cell.no, goal, goal_no, area)
                rows.append(row)
                continue
            self._cell_into_row(row, cell, buffer, body[i + 1] if i + 1 < len(body) else None, ctx)
        return rows

    def _unnumbered(self, title: str | None, body: list[Cell], ctx: Context) -> list[_Row]:
        rows: list[_Row] = []
        row: _Row | None = None
        project: str | None = None
        buffer: list[Cell] = []
        for i, cell in enumerate(body):
            kind = cell.kind
            if kind in (Kind.HEADER, Kind.NUMBER):
                continue  # header cells, and row numbers that survived (9, 10)
            if kind is Kind.TEXT and self._is_content(cell):
                if buffer:
                    project = "".join(squeeze(c.text) for c in buffer)
                    buffer = []
                row = _Row(f"M{len(rows) + 1}", cell.text.strip(), cell.no, title, None, project)
                rows.append(row)
                continue
            self._cell_into_row(row, cell, buffer, body[i + 1] if i + 1 < len(body) else None, ctx)
        return rows

    def _by_header(self, title: str | None, body: list[Cell], ctx: Context) -> list[_Row] | None:
        """Rows of a table whose header has a 序号 column and whose rows print 1, 2, 3 …

        Each row runs from its number to the next; its cells are matched to the
        header's columns in order, by what they hold (a person, units, a deadline,
        text), so a merged cell printed only once leaves its column to the row
        above. None when the table is not of this kind.
        """
        header, start = self._header_run(body)
        if "number" not in header or len(header) < 3 or not {"lead", "support", "responsible", "leaders"} & set(header):
            return None
        rest = [c for c in body[start:] if c.kind is not Kind.HEADER]
        starts: list[int] = []
        for j, c in enumerate(rest):
            if c.kind is Kind.NUMBER and int(squeeze(c.text)) == len(starts) + 1:
                starts.append(j)
        if len(starts) < 2:
            return None
        roles = header[header.index("number") + 1 :]
        rows: list[_Row] = []
        goal = title
        for s, e in zip(starts, [*starts[1:], len(rest)]):
            cells = rest[s + 1 : e]
            section = [c for c in cells if CN_SECTION.match(c.lines[0].text)]
            cells = [c for c in cells if c not in section]
            row = self._header_row(squeeze(rest[s].text), rest[s].no, cells, roles, goal, ctx)
            if row is not None:
                rows.append(row)
                goal = row.goal
            if section:
                goal = CN_SECTION.sub("", section[-1].text).strip()
        return rows

    @staticmethod
    def _header_run(body: list[Cell]) -> tuple[list[str | None], int]:
        """The header's column roles and where the rows start.

        The header is the run of short cells before the first row number; a
        name outside the vocabulary (民生实事, 项目内容) is the task column when it
        comes before the unit columns and no task column was named, and read past
        otherwise (当前进度, 落实情况).
        """
        first_row = next((i for i, c in enumerate(body) if c.kind is Kind.NUMBER), len(body))
        end = next((i for i, c in enumerate(body[:first_row]) if len(squeeze(c.text)) > 10), first_row)
        run = body[:end]
        if not run or end > 12 or sum(c.kind is Kind.HEADER for c in run) < 2:
            return [], 0
        roles = [header_role(c.text) for c in run]
        unit_at = next((i for i, r in enumerate(roles) if r in _UNIT_ROLES), len(roles))
        if "text" not in roles:
            for i, (cell, role) in enumerate(zip(run, roles)):
                if role is None and i < unit_at and squeeze(cell.text) not in HEADER_TOKENS:
                    roles[i] = "text"
                    break
        return roles, end

    def _header_row(
        self, number: str, line: int, cells: list[Cell], roles: list[str | None], goal: str | None, ctx: Context
    ) -> _Row | None:
        """One row of :meth:`_by_header`: its cells matched to the header's columns."""
        text_roles = 0
        while text_roles < len(roles) and roles[text_roles] in ("goal", "text"):
            text_roles += 1
        texts = (
            1 if cells and cells[0].kind not in (Kind.NONE, Kind.PERSON) else 0
        )  # the task column follows the number
        while texts < len(cells) and cells[texts].kind is Kind.TEXT and not _is_extra(cells[texts]):
            texts += 1
        if texts == 0:
            ctx.warn(line, f"row {number} prints no task text; skipped")
            return None
        texts = min(texts, max(text_roles, 1))
        text_cells, rest = cells[:texts], cells[texts:]
        if text_roles >= 2 and texts >= 2:
            goal = "".join(c.text for c in text_cells[:-1]).strip()
        row = _Row(number, text_cells[-1].text.strip(), text_cells[-1].no, goal, None, None)
        k = 0
        responsible: list[str] = []
        for role in roles[text_roles:]:
            cell = rest[k] if k < len(rest) else None
            if cell is None:
                break
            if role == "leaders" and cell.kind in (Kind.PERSON, Kind.NONE):
                if cell.kind is Kind.PERSON:
                    row.leaders.extend(person_name(ln.text) for ln in cell.lines if ln.text.strip())
                    row.lines.setdefault("leaders", cell.no)
                row.printed.add("leaders")
                k += 1
            elif role in ("lead", "support", "responsible") and cell.kind in (Kind.UNITS, Kind.TAIL, Kind.NONE):
                names = (
                    [n for ln in cell.lines for n in ctx.names(ln.text, ln.no)] if cell.kind is not Kind.NONE else []
                )
                later_units = [r for r in roles[roles.index(role) + 1 :] if r in _UNIT_ROLES]
                while not later_units and k + 1 < len(rest) and rest[k + 1].kind in (Kind.UNITS, Kind.TAIL):
                    k += 1  # one unit per block: the column's other units follow
                    names += [n for ln in rest[k].lines for n in ctx.names(ln.text, ln.no)]
                if role == "responsible":
                    responsible.extend(names)
                else:
                    getattr(row, role).extend(names)
                target = "lead" if role == "responsible" else role
                row.printed.add(target)
                if names:
                    row.lines.setdefault(target, cell.no)
                k += 1
            elif role not in ("leaders", "lead", "support", "responsible") and cell.kind is Kind.TEXT:
                if role == "deadline":
                    row.deadline = squeeze(cell.text)
                k += 1  # 完成时限, 备注, 进展情况: read past
        if responsible:
            fields = {"lead": row.lead, "support": row.support, "leaders": row.leaders}
            assign_responsible(fields, responsible, False)
            if row.support:
                row.printed.add("support")
                row.lines.setdefault("support", row.lines.get("lead", line))
        for cell in rest[k:]:
            if cell.kind is not Kind.NONE:
                ctx.warn(cell.no, f"row {number}: could not place '{squeeze(cell.text)[:20]}' in a column; ignored")
        return row

    @staticmethod
    def _is_content(cell: Cell) -> bool:
        text = squeeze(cell.text)
        return len(text) > 20 or (bool(_CONTENT_PUNCT.search(text)) and len(text) > 8)

    def _flush_buffer(self, row: _Row | None, buffer: list[Cell], ctx: Context) -> None:
        """Fragments left before a new goal: the tail of the task text above."""
        if buffer and row is not None and not row.printed:
            row.text += "".join(c.text.strip() for c in buffer)
        elif buffer:
            ctx.warn(buffer[0].no, f"could not place '{''.join(squeeze(c.text) for c in buffer)}'; ignored")
        buffer.clear()

    def _cell_into_row(self, row: _Row | None, cell: Cell, buffer: list[Cell], nxt: Cell | None, ctx: Context) -> None:
        """Read one non-task cell into the current row (or into the heading buffer)."""
        kind = cell.kind
        if row is None:
            if kind is not Kind.NONE:
                buffer.append(cell)
            return
        if kind is Kind.PERSON and row.cursor <= 1 and not (row.lead or row.support) and not buffer:
            row.leaders.extend(person_name(ln.text) for ln in cell.lines if ln.text.strip())
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
                elif len(joined) + len(names[0]) <= _MAX_BROKEN_NAME:
                    names[0] = joined + names[0]  # a name broken over lines
                    ctx.warn(buffer[0].no, f"rejoined a unit name broken over lines: '{names[0]}'")
                buffer.clear()
            self._add_units(row, names, cell.no, DEDUPLICATED in ctx.flags)
            return
        if (
            kind is Kind.TEXT
            and row.cursor >= 2
            and _EXTRA_VALUE.search(squeeze(cell.text))
            and len(squeeze(cell.text)) <= 14
        ):
            row.cursor = 3  # 完成时限 / 目标类型: a column past the units
            if row.deadline is None and DEADLINE.match(squeeze(cell.text)):
                row.deadline = squeeze(cell.text)
            return
        buffer.append(cell)

    @staticmethod
    def _add_units(row: _Row, names: list[str], line: int, dedup: bool) -> None:
        """Put a cell's units in the lead column, or in support when it cannot be the lead cell.

        A cell naming a collective unit is support; in a deduplicated text, so is
        one naming only streets and towns (the lead office above it was dropped).
        """
        if not names:
            return
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
    def _cut_short(rows: list[_Row], body: list[Cell], last_line: int, dedup: bool, ctx: Context) -> None:
        """When the text stops inside the table's last row, its missing cells were cut
        off, not merged: they are left empty (marked printed), with a warning."""
        if dedup or not rows or not body or body[-1].lines[-1].no != last_line:
            return
        row = rows[-1]
        missing = [f for f in INHERITABLE if f not in row.printed]
        if missing and (row.lead or row.support or row.leaders):
            row.printed.update(missing)
            ctx.warn(
                row.line,
                f"the text ends inside task {row.number}; its {', '.join(missing)} cells were not printed and are left empty",
            )

    @staticmethod
    def _finish(rows: list[_Row]) -> list[TaskRecord]:
        """Turn rows into records, filling cells not printed from the row above."""
        out: list[TaskRecord] = []
        above: dict[str, list[str]] = {}
        for r in rows:
            values = {"leaders": r.leaders, "lead": r.lead, "support": r.support}
            inherited = fill_from_above(values, r.printed, above)
            above = values
            out.append(
                TaskRecord(
                    goal=r.goal,
                    area=r.area,
                    task=r.number,
                    text=r.text,
                    lead=values["lead"],
                    support=values["support"],
                    leaders=values["leaders"],
                    inherited=inherited,
                    line=r.line,
                    lines=r.lines,
                    goal_no=r.goal_no,
                    deadline=r.deadline,
                )
            )
        return out
