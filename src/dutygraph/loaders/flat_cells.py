"""Cells of a flattened table: what each holds, the tables they form, and rows turned into records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum, auto

from dutygraph.loaders.base import (
    BARE_NUMBER,
    CN_SECTION,
    PAREN_NUMBER,
    Context,
    fill_from_above,
)
from dutygraph.loaders.delimited_header import HEADER_TOKENS, header_role
from dutygraph.loaders.names import is_generic_tail, is_none_mark, is_paren_tail, looks_like_unit, parse_names
from dutygraph.loaders.persons import is_person, run_together_persons
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.text import Line, squeeze

_EXTRA_VALUE = re.compile(
    r"(?:\d{1,2}月|季度|全年|年底|年内|年末|长期|持续推进|预期性|约束性|\d{4}年(?:底|末|内)?前?$)"
)
_TABLE_TITLE = re.compile(r"(?:分解表|责任表|一览表|清单|任务表|计划表)$")
_ATTACHMENT = re.compile(r"^附\s*件\s*[0-9一二三四五六七八九十]{0,2}\s*[:：]?$")
#: A signature or date line ends the table above it (a unit list or a collective, 各乡镇人民政府, is none).
_TABLE_END = re.compile(
    r"^(?!各|相关|有关|属地|所在|沿线)\S*(?:人民政府|人民政府办公室|政府办公室)$|^\d{4}年\d{1,2}月\d{1,2}日$"
)


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
    in_turn: bool = True  # False: numbered out of the rows' turn (a point of a cell: 1.开展… inside a row)

    @property
    def no(self) -> int:
        return self.lines[0].no

    @property
    def text(self) -> str:
        return "".join(squeeze(ln.text) if len(ln.text) < 40 else ln.text.strip() for ln in self.lines)


@dataclass
class Row:
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
    unit_cells: list[list[str]] = field(default_factory=list)  # the names of each unit cell, in order


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
    if task_re and task_re.match(cell.lines[0].text) and len(text) > 4 and cell.in_turn:
        return Kind.TASK
    if BARE_NUMBER.match(text) or _MARKED_NUMBER.match(text):
        return Kind.NUMBER
    if is_none_mark(text):
        return Kind.NONE
    if len(text) <= 14 and _EXTRA_VALUE.search(text):
        return Kind.TEXT  # a 完成时限 / 目标类型 value (全年 is no person)
    if len(text) > 8 and text.endswith("。") and not _unit_list(cell):
        return Kind.TEXT  # a sentence, not a name (建成县残疾人综合服务中心。)
    if all(is_person(n) for ln in cell.lines if ln.text.strip() for n in _persons_of(ln.text)):
        return Kind.PERSON
    if len(cell.lines) == 1 and (is_paren_tail(text) or is_generic_tail(text)):
        return Kind.TAIL
    names = [n for ln in cell.lines for n in parse_names(ln.text)]
    if names and all(looks_like_unit(n) or is_paren_tail(n) for n in names):
        return Kind.UNITS
    return Kind.TEXT


def _persons_of(text: str) -> list[str]:
    """The persons a line of a cell may print: two run together when the line is short (王强李明) or sets
    their characters apart (陆 明俞 悦); six characters run together are words (农村公路提升 is no 农村公 and
    路提升)."""
    spaced = re.search(r"\S\s+\S", text.strip())
    return run_together_persons(text) if spaced or len(squeeze(text)) <= 5 else [squeeze(text)]


def _unit_list(cell: Cell) -> bool:
    """A list of several units closed by a full stop (区工信局、区住建局，各乡镇人民政府。), not a sentence."""
    names = [n for ln in cell.lines for n in parse_names(ln.text.rstrip("。 "))]
    return len(names) >= 2 and all(looks_like_unit(n) for n in names)


#: A row number with the mark of a key task after it (1*, 3★).
_KEY_MARKS = "*＊★☆"  # a row number marked as a key task (1*)
_MARKED_NUMBER = re.compile(rf"^\d{{1,3}}[{_KEY_MARKS}]$")


def row_number(cell: Cell) -> str:
    """The number a row number cell prints, without its key-task mark (1* -> 1)."""
    return squeeze(cell.text).rstrip(_KEY_MARKS)


def is_extra(cell: Cell) -> bool:
    """A 完成时限 / 目标类型 value (11月底前, 年底建成, 全年), never a unit or a task."""
    text = squeeze(cell.text)
    return len(text) <= 14 and bool(_EXTRA_VALUE.search(text))


def cells_of(lines: list[Line]) -> list[Cell]:
    """Group lines into cells: blocks between blank lines when the text is laid
    out that way, otherwise one line per cell."""
    nonblank = [i for i, ln in enumerate(lines) if ln.text.strip()]
    followed_by_blank = sum(1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].text.strip())
    blocks = len(nonblank) > 10 and followed_by_blank >= 0.6 * len(nonblank)
    cells: list[Cell] = []
    current: list[Line] = []
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            if current:
                cells.append(Cell(current))
                current = []
            elif (
                blocks
                and ln.text
                and _between_blank_lines(lines, i)
                and cells
                and classify(cells[-1], False) is Kind.UNITS
            ):
                # a cell that held only a space after a unit cell: an empty unit column (配合部门), not a separator
                cells.append(Cell([Line(ln.no, "")]))
            continue
        if blocks:
            current.append(ln)
        else:
            cells.append(Cell([ln]))
    if current:
        cells.append(Cell(current))
    return _rejoin_broken_names(cells)


def _between_blank_lines(lines: list[Line], i: int) -> bool:
    return 0 < i < len(lines) - 1 and not lines[i - 1].text and not lines[i + 1].text


#: 市生态 / 环境局: the first part of a unit's name a narrow column broke over two cells, and the rest.
_NAME_HEAD = re.compile(r"^[省市县区镇乡][\u4e00-\u9fff]{1,4}$")
_NAME_REST = re.compile(r"^(?![省市县区])[\u4e00-\u9fff]{1,5}$")


def _rejoin_broken_names(cells: list[Cell]) -> list[Cell]:
    """The cells with a unit's name broken over two one-line cells (市生态 / 环境局) made one cell again."""
    out: list[Cell] = []
    for cell in cells:
        head = squeeze(out[-1].text) if out and len(out[-1].lines) == 1 else ""
        rest = squeeze(cell.text) if len(cell.lines) == 1 else ""
        whole = head + rest
        named = header_role(head) is not None or header_role(rest) is not None  # 市领导 / 责任单位: two columns
        if (
            _NAME_HEAD.match(head)
            and _NAME_REST.match(rest)
            and not named
            and not looks_like_unit(head)
            and looks_like_unit(whole)
        ):
            out[-1] = Cell([Line(out[-1].no, whole)])
            continue
        out.append(cell)
    return out


def is_deduplicated(lines: list[Line]) -> bool:
    """A genuine table repeats cells (the same leader, 各街道 …); hundreds of
    lines of which no short one repeats is a text whose repeated lines were dropped."""
    short = [ln.text.strip() for ln in lines if 0 < len(squeeze(ln.text)) <= 12]
    return len(short) >= 30 and len(set(short)) == len(short)


def tables(cells: list[Cell]) -> list[tuple[str | None, list[Cell]]]:
    """Split the cells into tables, each with its title; the preamble is dropped."""
    tables: list[tuple[str | None, list[Cell]]] = []
    title: str | None = None
    body: list[Cell] | None = None
    for at, cell in enumerate(cells):
        text = squeeze(cell.text)
        if _TABLE_END.search(text) and not re.search("[、，,；;]", text) and body is not None:
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
        if body and cell.kind is Kind.HEADER and squeeze(body[0].text) == text and _header_follows(cells, at):
            # The header again (序号 | 重点工作任务 | 责任单位): a second table, titled by the line above it.
            above = body.pop() if CN_SECTION.match(body[-1].lines[0].text) else None
            if any(c.kind is not Kind.HEADER for c in body):
                tables.append((title, body))
            body, title = [], squeeze(CN_SECTION.sub("", above.text)) if above else title
        if body is None:
            if (
                (cell.kind is Kind.HEADER and _header_follows(cells, at))
                or cell.kind is Kind.TASK
                or (text == "区政府" and title)
            ):
                body = []
            else:
                if title and CN_SECTION.match(cell.lines[0].text) and len(text) <= 60:
                    title = squeeze(CN_SECTION.sub("", cell.text))  # 一、区长X牵头重点工作 over the header
                continue
        body.append(cell)
    if body is not None and body:
        tables.append((title, body))
    return tables


def _header_follows(cells: list[Cell], at: int) -> bool:
    """Whether the header cell at ``at`` starts a header: another header cell within the next three, not a
    lone 完成情况 over the paragraphs of a notice."""
    return any(c.kind is Kind.HEADER or header_role(squeeze(c.text)) is not None for c in cells[at + 1 : at + 4])


# -- parsing ------------------------------------------------------------


def finish(rows: list[Row]) -> list[TaskRecord]:
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


def cut_unit_name(cells: list[Cell], lines: list[Line]) -> str | None:
    """The text of ``cells`` when they end the text and read as a unit name cut by that end
    (沈, 区投促局、多福湾工作专): one or two characters, or a first name that is a unit; no sentence."""
    last = next((ln.no for ln in reversed(lines) if ln.text.strip()), 0)
    if not cells or cells[-1].lines[-1].no != last:
        return None
    text = "".join(squeeze(c.text) for c in cells)
    if "。" in text or not (len(text) <= 2 or looks_like_unit(re.split(r"[、，,]", text)[0])):
        return None
    return text


def unit_blocks(rest: list[Cell], k: int, later_units: int, number: str, ctx: Context) -> tuple[int, list[Line]]:
    """How many cells from ``k`` one unit column holds, and their lines, when a column's cell is printed a
    name a block: a parenthesised tail (（区金融办）) joins the name above it; the last unit column holds every
    block left; an earlier one holds one block, or every block before a last one that lists several names
    (区发改局 / 区经信局 | 区科技局、区财政局: the blocks of one-name cells are the earlier column's)."""
    blocks: list[tuple[int, list[Line]]] = []  # (cells, lines)
    for cell in rest[k:]:
        if cell.kind not in (Kind.UNITS, Kind.TAIL):
            break
        lines = [Line(ln.no, ln.text.strip()) for ln in cell.lines if ln.text.strip()]
        if cell.kind is Kind.TAIL and blocks and is_paren_tail(cell.text):
            cells, above = blocks[-1]
            blocks[-1] = (cells + 1, [*above[:-1], Line(above[-1].no, above[-1].text + lines[0].text)])
        else:
            blocks.append((1, lines))
    take = len(blocks) if not later_units else 1
    if (
        later_units == 1
        and len(blocks) > 2
        and _lists_several(blocks[-1][1])
        and not any(_lists_several(b) for _, b in blocks[:-1])
    ):
        take = len(blocks) - 1
        ctx.warn(rest[k].no, f"row {number}: read {take} blocks of units as one column's (one name a block)")
    return sum(c for c, _ in blocks[:take]) or 1, [ln for _, b in blocks[:take] for ln in b]


def _lists_several(lines: list[Line]) -> bool:
    return len(lines) > 1 or bool(re.search(r"[、，,；;]", lines[0].text if lines else ""))
