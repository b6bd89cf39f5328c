"""What a flattened table's header says about its rows: how they are numbered, whether the leaders'
column comes first, whether one 责任单位 column stands for all units, what follows the unit columns."""

from __future__ import annotations

import itertools
import re

from dutygraph.loaders.base import CN_SECTION, DOT_NUMBER, PAREN_NUMBER, ROLE_FIELDS
from dutygraph.loaders.delimited_header import HEADER_TOKENS, header_role
from dutygraph.loaders.flat_cells import Cell, Kind
from dutygraph.loaders.names import looks_like_unit, parse_names
from dutygraph.loaders.text import squeeze


def task_pattern(cells: list[Cell]) -> re.Pattern[str] | None:
    """How tasks are numbered: (1) when any cell starts so; 1. / 1、 in a table
    whose header was printed and whose cells start so at least twice, not each with 1 (cells
    whose sub-items 1.已完成… 2.… each open at 1 are cells, not numbered rows); else None. Where only the
    cells numbered in turn are the rows, the others are marked ``in_turn = False`` (text, not rows)."""
    if any(PAREN_NUMBER.match(c.lines[0].text) for c in cells):
        return PAREN_NUMBER
    headers = sum(1 for c in cells if squeeze(c.text) in HEADER_TOKENS)
    at = [i for i, c in enumerate(cells) if DOT_NUMBER.match(c.lines[0].text) and len(squeeze(c.text)) > 4]
    if headers < 2:
        return None
    if _dotted_rows(cells, at):
        return DOT_NUMBER
    # Rows numbered in turn (1.标题 / 2.标题) beside cells whose points open at 1 (1.开展… 2.按照…): the rows
    # are the cells in turn; the others are points of a cell, their number part of its text.
    turn = _in_turn(cells, at)
    header_end = max((i for i, c in enumerate(cells) if squeeze(c.text) in HEADER_TOKENS), default=-1)
    # the first row right under the header (a section heading aside): rows all numbered, no row without one
    first = turn and all(
        CN_SECTION.match(c.text) or squeeze(c.text) in ("", "—") for c in cells[header_end + 1 : turn[0]]
    )
    if first and len(turn) < len(at) and _dotted_rows(cells, turn):
        for i in set(at) - set(turn):
            cells[i].in_turn = False
        return DOT_NUMBER
    return None


def _dotted_rows(cells: list[Cell], at: list[int]) -> bool:
    """Whether the cells at ``at`` are numbered rows: two at least, not each numbered 1, and most followed by
    units before the next (the points of one cell, 1.强化… 2.强化…, are not)."""
    dotted = [m.group(1) for i in at if (m := DOT_NUMBER.match(cells[i].lines[0].text))]
    rows = sum(1 for i, j in itertools.pairwise(at) if any(_names_units(c) for c in cells[i + 1 : j]))
    return len(dotted) >= 2 and set(dotted) != {"1"} and 2 * rows >= len(at) - 1


def _in_turn(cells: list[Cell], at: list[int]) -> list[int]:
    """Of the numbered cells, those whose numbers go on one by one from the first's (1, 2, 3 …)."""
    turn: list[int] = []
    last: int | None = None
    for i in at:
        m = DOT_NUMBER.match(cells[i].lines[0].text)
        if m and m.group(1).isdigit() and (last is None or int(m.group(1)) == last + 1):
            turn.append(i)
            last = int(m.group(1))
    return turn


def _names_units(cell: Cell) -> bool:
    names = [n for ln in cell.lines for n in parse_names(ln.text)]
    return bool(names) and all(looks_like_unit(n) for n in names)


def leaders_first(body: list[Cell]) -> bool:
    """True when the header's first column (after 序号) names the leaders: 牵头领导 | 重点工作 | 牵头单位."""
    roles = [r for c in body if c.kind is Kind.HEADER and (r := header_role(c.text)) not in (None, "number")]
    return bool(roles) and roles[0] == "leaders"


def one_unit_column(body: list[Cell]) -> bool:
    """True when the header names one unit column, 责任单位 / 责任部门, and no 牵头 or 配合 column."""
    roles = {header_role(c.text) for c in body if c.kind is Kind.HEADER}
    return "responsible" in roles and not roles & {"lead", "support"}


def units_end_rows(body: list[Cell]) -> bool:
    """Whether the header names a task column and nothing but deadlines after its unit columns:
    then a text cell after a row's units opens the next row, however short."""
    after = _after_units(body)
    return after is not None and all(r == "deadline" for r in after)


def progress_after_units(body: list[Cell]) -> bool:
    """Whether the header names a task column before its unit columns and, after them, columns that are no
    deadline (进展情况, 下步举措): then a text cell after a row's units opens the next row only when units
    follow it, and is read past when it is that row's progress."""
    after = _after_units(body)
    return after is not None and any(r != "deadline" for r in after)


def _after_units(body: list[Cell]) -> list[str | None] | None:
    """The roles of the header's columns after its last unit column, when a task column comes before its
    first unit column; None for other headers."""
    roles = [header_role(c.text) for c in body if c.kind is Kind.HEADER]
    units = [i for i, r in enumerate(roles) if r in ROLE_FIELDS]
    texts = [i for i, r in enumerate(roles) if r in ("text", "goal")]
    return roles[units[-1] + 1 :] if texts and units and texts[0] < units[0] else None
