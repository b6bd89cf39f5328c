"""A flattened table read by its header: each numbered row's cells matched to the header's columns."""

from __future__ import annotations

import re

from dutygraph.loaders.base import CN_SECTION, LABEL, ROLE_FIELDS, Context
from dutygraph.loaders.cues import cell_cues
from dutygraph.loaders.delimited_header import HEADER_TOKENS, TEXT_LIKE, header_role, ranked_roles
from dutygraph.loaders.flat_cells import (
    Cell,
    Kind,
    Row,
    cut_unit_name,
    is_extra,
    row_number,
)
from dutygraph.loaders.flat_columns import (
    CUT_CELL,
    add_stated,
    cut_last_unit,
    place_responsible,
    read_columns,
    sub_rows,
)
from dutygraph.loaders.headings import heading_cues, heading_title
from dutygraph.loaders.role_verbs import is_verb_cue
from dutygraph.loaders.text import Line, squeeze


def rows_by_header(title: str | None, body: list[Cell], ctx: Context) -> list[Row] | None:
    """Rows of a table whose header has a 序号 column and whose rows print 1, 2, 3 …

    Each row runs from its number to the next; its cells are matched to the
    header's columns in order, by what they hold (a person, units, a deadline,
    text), so a merged cell printed only once leaves its column to the row
    above. None when the table is not of this kind.
    """
    header, start = _header_run(body)
    if "number" not in header or len(header) < 3 or not set(ROLE_FIELDS) & set(header):
        return None
    rest = [c for c in body[start:] if c.kind is not Kind.HEADER]
    starts: list[int] = []
    first = None  # a page cut from a longer table starts at its first row's number (80, 81, …)
    last = 0
    for j, c in enumerate(rest):
        if c.kind is Kind.NUMBER:
            number = int(row_number(c))
            first = number if first is None else first
            # 6, 52, 53 …: a table of the tasks a unit took from a longer list keeps the list's numbers
            skipped = starts and number > last + 1 and _opens_row(rest, j)
            if number == (last + 1 if starts else first) or skipped:
                starts.append(j)
                last = number
    if not starts or (len(starts) < 2 and "text" not in header):
        return None  # one row is a table when its header names the task column
    roles = _merged_category(header[header.index("number") + 1 :], rest, starts)
    rows: list[Row] = []
    # A category row before row 1, above the header too (一、区长X牵头重点工作 / 序号 | 目标任务 | …), or the
    # table's title when it is such a row (a page whose tables are split at each category row).
    above = [c for c in [*body[:start], *rest[: starts[0]]] if CN_SECTION.match(c.lines[0].text)]
    heading = above[-1] if above else Cell([Line(0, title)]) if title else None
    goal, leaders = _section(heading, ctx) if heading else (title, [])
    goal = goal or title
    for s, e in zip(starts, [*starts[1:], len(rest)], strict=True):
        cells = rest[s + 1 : e]
        section = [c for c in cells if CN_SECTION.match(c.lines[0].text)]
        cells = [c for c in cells if c not in section]
        for row in _header_row(row_number(rest[s]), rest[s].no, cells, roles, goal, ctx):
            if leaders and not row.leaders:
                row.leaders = list(leaders)  # the category row's 牵头领导 hold for its rows, not the row above's
                row.printed.add("leaders")
            row.number = row.number or f"M{sum(1 for r in rows if r.number.startswith('M')) + 1}"
            rows.append(row)
            goal = row.goal
        if section:
            goal, leaders = _section(section[-1], ctx)
    return rows


def _merged_category(roles: list[str | None], rest: list[Cell], starts: list[int]) -> list[str | None]:
    """The roles with a first text column that some rows do not print read as a category (goal): a cell
    merged over its group's rows (项目 | 重点工作: 厚植创新发展源动力 printed on the group's first row only);
    so too a column of no role before the text (指标 | 工作任务: 公共文化服务 over its rows)."""
    if len(roles) > 1 and roles[0] is None and roles[1] == "text":
        merged = _merged_category(["text", *roles[1:]], rest, starts)
        return merged if merged[0] == "goal" else roles
    texts = 0
    while texts < len(roles) and roles[texts] == "text":
        texts += 1
    if texts < 2:
        return roles
    printed = [
        len(split[0]) if (split := _task_cells(rest[s + 1 : e], texts)) else 0
        for s, e in zip(starts, [*starts[1:], len(rest)], strict=True)
    ]
    if texts in printed and any(0 < n < texts for n in printed):
        return ["goal", *roles[1:]]
    return roles


def _opens_row(cells: list[Cell], at: int) -> bool:
    """Whether the number at ``at`` opens a row: a task's text follows it, not a unit or a figure."""
    nxt = cells[at + 1] if at + 1 < len(cells) else None
    return nxt is not None and nxt.kind is Kind.TEXT and len(squeeze(nxt.text)) > CUT_CELL


def _section(cell: Cell, ctx: Context) -> tuple[str, list[str]]:
    """A category row's title and the leaders it names: 一、…工作目标(牵头领导:A、B), 一、张三市长负责事项(共9项)."""
    text = CN_SECTION.sub("", cell.text).strip()
    return heading_title(text), heading_cues(text, cell.no, ctx).leaders


def _header_run(body: list[Cell]) -> tuple[list[str | None], int]:
    """The header's column roles and where the rows start.

    The header is the run of short cells before the first row number; a
    name outside the vocabulary (民生实事, 项目内容) is the task column when it
    comes before the unit columns and no task column was named, and read past
    otherwise (当前进度, 落实情况).
    """
    first_row = next((i for i, c in enumerate(body) if c.kind is Kind.NUMBER), len(body))
    end = next(
        (
            i
            for i, c in enumerate(body[:first_row])
            if (len(t := squeeze(c.text)) > 10 and header_role(t) is None) or CN_SECTION.match(t)
        ),
        first_row,
    )
    run = body[:end]
    if not run or end > 12 or sum(c.kind is Kind.HEADER for c in run) < 2:
        return [], 0
    names = _joined_fragments([squeeze(c.text) for c in run])
    roles = _sub_columns(ranked_roles(names, [header_role(t) for t in names]), run)
    unit_at = next((i for i, r in enumerate(roles) if r in ROLE_FIELDS), len(roles))
    for i in range(min(unit_at, len(roles)) - 1):
        if roles[i] is None and roles[i + 1] == "text" and TEXT_LIKE.search(squeeze(run[i].text)):
            roles[i] = "text"  # 目标任务 | 具体任务: the task's name and its content, one text
    if "text" not in roles:
        for i, (cell, role) in enumerate(zip(run, roles, strict=True)):
            if role is None and i < unit_at and squeeze(cell.text) not in HEADER_TOKENS:
                roles[i] = "text"
                break
        else:  # 序号 | 责任单位 | 考核指标 | …: the units come first, the column right after them is the task
            if unit_at + 1 < len(roles) and roles[unit_at] != "leaders" and roles[unit_at + 1] is None:
                roles[unit_at + 1] = "text"
    return roles, end


_QUARTER = re.compile(r"^第?[一二三四1-4]季度$")


def _sub_columns(roles: list[str | None], run: list[Cell]) -> list[str | None]:
    """Roles with the sub-columns a header prints after its last cell (第一季度 … 第四季度 under 阶段性目标)
    put where their column is: the last text column before the units, each sub-column read past."""
    names = [squeeze(c.text) for c in run]
    if len(names) != len(roles):
        return roles
    k = len(names)
    while k > 0 and _QUARTER.match(names[k - 1]):
        k -= 1
    subs = len(names) - k
    unit_at = next((i for i, r in enumerate(roles) if r in ROLE_FIELDS), k)
    texts = [i for i, r in enumerate(roles[:unit_at]) if r == "text"]
    if subs < 2 or len(texts) < 2:
        return roles
    at = texts[-1]
    return [*roles[:at], *[None] * subs, *roles[at + 1 : k]]


def _joined_fragments(names: list[str]) -> list[str]:
    """Header cells a narrow column broke over two lines joined again: 责任 / 领导 is 责任领导,
    攻坚目标 / 任务 is 攻坚目标任务, 牵头 / 单位 is 牵头单位. A fragment joins the next cell when
    it names no column alone and the two do, or when it is a two-character role word (牵头, 配合)
    whose column the joined name keeps."""
    out: list[str] = []
    i = 0
    while i < len(names):
        name = names[i]
        if i + 1 < len(names) and len(name) <= 4 and name not in HEADER_TOKENS:
            joined, alone = name + names[i + 1], header_role(name)
            role = header_role(joined)
            fits = role is not None and role != "number"
            if fits and (alone is None or (len(name) <= 2 and role == alone and header_role(names[i + 1]) is None)):
                out.append(joined)
                i += 2
                continue
        out.append(name)
        i += 1
    return out


def _cut_lead(row: Row, rest: list[Cell], ctx: Context) -> list[Cell]:
    """The cells after the task text, unless the text ends inside the row's first unit cell:
    then its cut name (沈) is the row's lead, kept as printed, and no cell is left."""
    cut = cut_unit_name(rest, ctx.lines) if len(rest) == 1 and rest[0].kind is Kind.TEXT else None
    if cut is None:
        return rest
    ctx.warn(rest[0].no, f"the text ends inside a unit cell; '{cut}' kept as printed")
    row.lead = ctx.names(cut, rest[0].no) or [cut]
    row.printed.add("lead")
    return []


def _is_body(cell: Cell) -> bool:
    """A task cell's body line: a sentence, or longer than any unit cell cut by the page end."""
    text = squeeze(cell.text)
    if LABEL.search(text) or is_verb_cue(text):
        return False  # a unit cell that states its roles (牵头单位：X；配合单位：Y)
    return not is_extra(cell) and (text.endswith("。") or len(text) > CUT_CELL)


def _is_content(cell: Cell) -> bool:
    """A content cell: a sentence of work, which no unit cell is."""
    return cell.kind is Kind.TEXT and not is_extra(cell) and squeeze(cell.text).endswith("。")


def _task_cells(cells: list[Cell], text_roles: int) -> tuple[list[Cell], list[Cell]] | None:
    """The row's task-text cells (goal cells first) and the cells after them; None when it prints no text."""
    texts = 1 if cells and cells[0].kind not in (Kind.NONE, Kind.PERSON) else 0  # the task column follows the number
    if texts == 0:
        return None
    if text_roles <= 1:  # one task column printed as a title line and its body lines: one cell
        while texts < len(cells) and cells[texts].kind is Kind.TEXT and _is_body(cells[texts]):
            texts += 1
        return [Cell([ln for c in cells[:texts] for ln in c.lines])], cells[texts:]
    while texts < text_roles and texts < len(cells):
        if cells[texts].kind is Kind.TEXT and not is_extra(cells[texts]):
            texts += 1
        elif texts + 1 < min(len(cells), text_roles + 1) and _is_content(cells[texts + 1]):
            texts += 2  # a name cell that reads like a unit (新建一批中小学校) before its content cell
        else:
            break
    texts = min(texts, text_roles)
    return cells[:texts], cells[texts:]


def _goal_and_text(cells: list[Cell], roles: list[str | None], goal: str | None) -> tuple[str | None, str, int]:
    """The goal and task text of a row's text cells, under the header's goal and text columns.

    When the header names a category column (事项分类 | 事项名称 | 项目内容), the cells a row prints
    fill the last columns: a merged category cell is printed on its group's first row only, and the
    rows under it keep the goal of the row above. Two text columns (a name and its content, 目标任务 |
    具体任务) make one text, 名称：内容; without a category column the goal is the table's (its title,
    or a category row's).
    """
    if "goal" not in roles:
        return goal, "：".join(t for t in (c.text.strip().rstrip("：:") for c in cells) if t), cells[0].no
    placed = list(zip(roles[-len(cells) :], cells, strict=True))
    goals = [c.text.strip() for r, c in placed if r == "goal"]
    texts = [c for r, c in placed if r != "goal"] or [cells[-1]]
    text = "：".join(t for t in (c.text.strip().rstrip("：:") for c in texts) if t)
    return ("".join(goals) if goals else goal), text, texts[0].no


def _header_row(
    number: str, line: int, cells: list[Cell], roles: list[str | None], goal: str | None, ctx: Context
) -> list[Row]:
    """One row of :func:`rows_by_header`: its cells matched to the header's columns.

    A row whose number and title cells were merged over sub-rows prints, after its
    roles, another content cell and that sub-row's roles: they are the task's too.
    """
    text_roles = 0
    while text_roles < len(roles) and roles[text_roles] in ("goal", "text"):
        text_roles += 1
    if text_roles == 0 and "text" in roles:
        return [r for r in [_columns_in_order(number, line, cells, roles, goal, ctx)] if r]
    split = _task_cells(cells, text_roles)
    if split is None:
        ctx.warn(line, f"row {number} prints no task text; skipped")
        return []
    text_cells, rest = split
    goal, text, text_line = _goal_and_text(text_cells, roles[:text_roles], goal)
    row = Row(number, text, text_line, goal, None, None)
    rest = _cut_lead(row, rest, ctx)
    responsible: list[str] = []
    k = read_columns(row, rest, roles[text_roles:], responsible, ctx)
    while k < len(rest) and rest[k].kind is Kind.TEXT and _is_body(rest[k]):
        row.text += rest[k].text.strip()  # a sub-row under the merged number and title
        k += 1 + read_columns(row, rest[k + 1 :], roles[text_roles:], responsible, ctx)
    sub_roles = roles[text_roles:]
    while k < len(rest) and rest[k].kind is Kind.UNITS and sub_roles and sub_roles[0] in ROLE_FIELDS:
        # 项目 | 责任单位 | 建设内容 | …: a sub-row under the merged number and title prints its own units first
        read = read_columns(row, rest[k:], sub_roles, responsible, ctx)
        if not read:
            break
        k += read
    ends_in_units = bool(roles) and roles[-1] in ROLE_FIELDS
    k += cut_last_unit(row, rest, k, responsible, ctx) if k >= len(rest) - 1 and ends_in_units else 0
    subs = sub_rows(rest, k, roles[text_roles:], row, ctx)
    for cell in rest[k:] if not subs else []:
        if (stated := cell_cues(cell.text, cell.no, ctx)) is not None:
            add_stated(row, stated, responsible)  # a line past the columns that states its roles (省牵头单位：X)
        elif cell.kind is not Kind.NONE:
            ctx.warn(cell.no, f"row {number}: could not place '{squeeze(cell.text)[:20]}' in a column; ignored")
    place_responsible(row, responsible, line)
    return [row, *subs]


def _columns_in_order(
    number: str, line: int, cells: list[Cell], roles: list[str | None], goal: str | None, ctx: Context
) -> Row | None:
    """A row whose unit or leader columns come before the task column (序号 | 牵头单位 | 工作任务 | …):
    each cell read into the next column it fits, a merged cell leaving its column to the row above."""
    row = Row(number, "", line, goal, None, None)
    responsible: list[str] = []
    k = read_columns(row, cells, roles, responsible, ctx)
    if not row.text:
        ctx.warn(line, f"row {number} prints no task text; skipped")
        return None
    place_responsible(row, responsible, line)
    for cell in cells[k:]:
        if cell.kind is not Kind.NONE:
            ctx.warn(cell.no, f"row {number}: could not place '{squeeze(cell.text)[:20]}' in a column; ignored")
    return row
