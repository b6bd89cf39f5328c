"""A flattened table's row read into its header's columns: the cells after its task text, the sub-rows under
its merged number and title, and a unit name the text's end cut in its last cell."""

from __future__ import annotations

import re

from dutygraph.loaders.base import ROLE_FIELDS, Context, assign_responsible
from dutygraph.loaders.cues import Roles, cell_cues
from dutygraph.loaders.flat_cells import Cell, Kind, Row, cut_unit_name, is_extra, unit_blocks
from dutygraph.loaders.persons import run_together_persons
from dutygraph.loaders.text import squeeze

#: A cell cut by the end of the text (区投促局、多福湾工作专) is shorter than this.
CUT_CELL = 14


def cut_last_unit(row: Row, rest: list[Cell], k: int, responsible: list[str], ctx: Context) -> int:
    """Whether the row's last cell, the text's last, is a unit name its end cut right after a unit cell (区住建局 /
    区机关事务), in a table whose header ends in a unit column: one more name of that cell's column, kept as
    printed; 1 when that cell was not read yet (at ``k``), else 0."""
    at = len(rest) - 1
    if at < 1 or rest[at - 1].kind is not Kind.UNITS or rest[at].kind is not Kind.TEXT:
        return 0
    text = squeeze(rest[at].text)
    end = next((ln.no for ln in reversed(ctx.lines) if ln.text.strip()), 0)
    if len(text) > CUT_CELL or not _NAME_START.match(text) or rest[at].lines[-1].no != end:
        return 0
    if sum(1 for ln in ctx.lines if squeeze(ln.text) == text) > 1:
        return 0  # a value every row prints (县民生实事): a whole cell
    ctx.warn(rest[at].no, f"the text ends inside a unit cell; '{text}' kept as printed")
    (responsible if responsible else row.support if row.support else row.lead).append(text)
    row.deadline = None if row.deadline == rest[at].text.strip() else row.deadline
    return 1 if k == at else 0


#: How a unit's name starts: its level (区, 县, 市, 省) or 各.
_NAME_START = re.compile(r"^[省市县区镇乡各][\u4e00-\u9fff]+$")


def sub_rows(rest: list[Cell], k: int, roles: list[str | None], row: Row, ctx: Context) -> list[Row]:
    """The rows under a row's merged number and title, from cell ``k`` on, once the row's cells filled the
    header's columns: each a target of its own (新增托位525个), then its cells in the columns after the text
    (units, progress, deadline). A sub-row whose unit cell was merged with the row above prints none and
    takes the units above. None of them when the cells left are no such rows (a text cell, then what fits the
    columns)."""
    subs: list[Row] = []
    if not row.printed & set(ROLE_FIELDS):
        return []  # the row has not reached its unit columns: the cells left are its own
    roles = roles[next((i for i, r in enumerate(roles) if r in ROLE_FIELDS), len(roles)) :]  # from the units on
    while roles:
        while k < len(rest) and rest[k].kind is Kind.NONE:
            k += 1  # an empty cell (/) closing the row above
        if k >= len(rest) or rest[k].kind is not Kind.TEXT or is_extra(rest[k]):
            break
        text = rest[k].text.strip()
        if cell_cues(text, rest[k].no, ctx) is not None or cut_unit_name(rest[k:], ctx.lines) or text[0] in "（(【〔":
            break  # a cell stating roles; a unit name the text's end cut; a note ((此件公开发布))
        sub = Row("", text, rest[k].no, row.goal, None, None)
        responsible: list[str] = []
        read = read_columns(sub, rest[k + 1 :], roles, responsible, ctx)
        if not read and k + 1 < len(rest):
            break
        place_responsible(sub, responsible, rest[k].no)
        subs.append(sub)
        k += 1 + read
    if k < len(rest):
        return []  # cells that fit no sub-row: the row's own, as before
    for sub in subs:
        if not sub.printed & set(ROLE_FIELDS) and sub.line != rest[-1].no:  # (the last: the text may stop in it)
            ctx.warn(sub.line, f"a sub-row of row {row.number} prints no unit; read the units of the row above")
    return subs


def add_stated(row: Row, stated: Roles, responsible: list[str]) -> None:
    """Roles a cell states with its own label or verb, added to the row's."""
    for role in ("leaders", "lead", "support"):
        names = [n for n in getattr(stated, role) if n not in getattr(row, role)]
        getattr(row, role).extend(names)
        if names:
            row.printed.add(role)
    responsible.extend(stated.responsible)


def place_responsible(row: Row, responsible: list[str], line: int) -> None:
    """The row's 责任单位 placed: beside its lead they support, and then the row printed its support, even
    when the list only repeats the lead unit (nothing is taken from the row above)."""
    if not responsible:
        return
    had_lead = bool(row.lead)
    assign_responsible({"lead": row.lead, "support": row.support, "leaders": row.leaders}, responsible, False)
    if had_lead:
        row.printed.add("support")
    if row.support:
        row.printed.add("support")
        row.lines.setdefault("support", row.lines.get("lead", line))


def read_columns(row: Row, rest: list[Cell], roles: list[str | None], responsible: list[str], ctx: Context) -> int:
    """Read the cells after the task text into the row's role columns; returns how many were read."""
    k = 0
    for at, role in enumerate(roles):
        cell = rest[k] if k < len(rest) else None
        if cell is None:
            break
        if role == "leaders" and cell.kind in (Kind.PERSON, Kind.NONE):
            one_column = "leaders" not in roles[at + 1 :]
            while cell is not None and cell.kind is Kind.PERSON:  # one leader a block: the column's others follow
                row.leaders.extend(n for ln in cell.lines if ln.text.strip() for n in run_together_persons(ln.text))
                row.lines.setdefault("leaders", cell.no)
                more = one_column and k + 1 < len(rest) and rest[k + 1].kind is Kind.PERSON
                k, cell = (k + 1, rest[k + 1]) if more else (k, None)
            row.printed.add("leaders")
            k += 1
        elif role in ("lead", "support", "responsible") and cell.kind in (Kind.UNITS, Kind.TAIL, Kind.NONE):
            later_units = sum(1 for r in roles[at + 1 :] if r in ROLE_FIELDS)
            taken, lines = unit_blocks(rest, k, later_units, row.number, ctx) if cell.kind is not Kind.NONE else (1, [])
            names = [n for ln in lines for n in ctx.names(ln.text, ln.no)]
            k += taken - 1
            if role == "responsible":
                responsible.extend(names)
            else:
                getattr(row, role).extend(names)
            target = "lead" if role == "responsible" else role
            row.printed.add(target)
            if names:
                row.lines.setdefault(target, cell.no)
            k += 1
        elif role in ("lead", "support", "responsible") and (stated := cell_cues(cell.text, cell.no, ctx)):
            row.lead += stated.lead  # the cell says the roles itself: 牵头单位：X；配合单位：Y
            row.support += stated.support
            row.leaders += stated.leaders
            responsible += stated.responsible
            row.printed.update(f for f in ("lead", "support", "leaders") if getattr(stated, f))
            k += 1
        elif role == "text" and not row.text and cell.kind not in (Kind.NONE, Kind.PERSON):
            row.text, row.line = cell.text.strip(), cell.no  # the task column after a unit column
            k += 1
        elif role not in ROLE_FIELDS and (
            cell.kind is Kind.TEXT or len(rest) - k == len(roles) - at  # a full row: every cell in its column
        ):
            if role == "deadline":
                row.deadline = squeeze(cell.text)
            k += 1  # 完成时限, 备注, 进展情况, 建设地点: read past
    return k
