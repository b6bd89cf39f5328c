"""The header of a table that kept its cells: which column holds the number, the task, the roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dutygraph.loaders.base import CN_SECTION, ROLE_FIELDS, label_field
from dutygraph.loaders.delimited_header import HEADER_TOKENS, ranked_roles, remarks_name_units
from dutygraph.loaders.read.blocks import Cell, Document, Paragraph, Table
from dutygraph.loaders.text import clean_line, squeeze

_NUMBER_HEADERS = frozenset(["序号", "序次", "编号", "项目编号", "任务编号"])
_GOAL_HEADERS = frozenset(
    ["目标名称", "目标", "类别", "领域", "板块", "分类", "项目类别", "重点领域", "工作板块", "工作类别", "任务类别"]
)
_TEXT_HEADERS = frozenset(
    [
        "工作标准",
        "工作任务",
        "重点任务",
        "主要任务",
        "任务名称",
        "任务内容",
        "主要内容",
        "具体目标",
        "工作目标",
        "年度目标",
        "目标任务",
        "工作内容",
        "项目名称",
        "项目内容",
        "实事项目",
        "民生实事",
        "建设内容",
        "具体任务",
        "工作事项",
        "任务事项",
        "指标",
        "具体内容",
        "重点工作",
    ]
)
_DEADLINE = re.compile(r"时限|完成时间|期限|时间节点|完成节点|截止时间")
_EXTRA = re.compile(
    r"时限|时间|期限|节点|备注|进展|进度|完成情况|落实情况|推进情况|目标类型|来源|措施|说明|考核|责任人$|联系人|电话"
)
_LEADER_HEADER = re.compile(r"领导$|^包抓|^联系领导")


def header_role(text: str) -> str | None:
    """What a header cell names: number, goal, text, leaders, lead, support, responsible, extra, or None.

    Example:
        >>> [header_role(t) for t in ("工 作 标 准", "牵头\\n单位", "完成时限", "备注", "天气")]
        ['text', 'lead', 'deadline', 'extra', None]
    """
    t = squeeze(text.replace("\n", "")).strip(":：*＊")
    if not t:
        return None
    if t in _NUMBER_HEADERS:
        return "number"
    field_ = label_field(t)
    if field_ is not None:
        return field_
    if _LEADER_HEADER.search(t) and len(t) <= 8:
        return "leaders"
    if len(t) <= 8:
        if "牵头" in t or "主办" in t or "主责" in t:
            return "lead"
        if "配合" in t or "协办" in t or "参与" in t or "协同" in t:
            return "support"
        if t.startswith("责任") and (t.endswith("单位") or t.endswith("部门")):
            return "responsible"
    if _DEADLINE.search(t) and len(t) <= 10:
        return "deadline"
    if _EXTRA.search(t) and len(t) <= 10:
        return "extra"
    if t in _GOAL_HEADERS:
        return "goal"
    if t in _TEXT_HEADERS or t in HEADER_TOKENS:
        return "text"
    if len(t) <= 8 and re.search(r"任务|内容|标准|目标|事项|项目|工作", t):
        return "text"
    return None


@dataclass
class Columns:
    """What each grid column of a table holds."""

    roles: list[str | None]
    number: int | None
    goal: int | None
    area: int | None
    text: int | None
    header_rows: list[int]
    #: A second text column right after the task's (项目名称 | 目标任务): its cell follows the task's name.
    content: int | None = None
    signatures: set[tuple[str, ...]] = field(default_factory=set)
    #: 备注 columns read as units (every cell under them names units only).
    remark_units: list[int] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, ...]:
        """Tables with the same columns continue each other."""
        return tuple(self.roles)


def find_header(table: Table, grid: list[list[Cell | None]]) -> Columns | None:
    """The table's header rows and column meanings, or None when it names no role column.

    Example:
        >>> from dutygraph.loaders.read.blocks import table_from_rows
        >>> t = table_from_rows([["序号", "工作任务", "牵头单位", "配合单位"], ["1", "x", "a", "b"]])
        >>> find_header(t, t.grid()).roles
        ['number', 'text', 'lead', 'support']
    """
    for start in range(min(table.n_rows, 12)):
        roles = _row_roles(grid[start])
        known = [r for r in roles if r is not None]
        if len(set(map(id, [c for c, r in zip(grid[start], roles, strict=True) if r is not None]))) < 2:
            continue
        rows = [start]
        r = start + 1
        while r < table.n_rows and _is_header_row(grid[r], r) and _refines(grid[r - 1], grid[r], r):
            rows.append(r)
            r += 1
        # The header's last names printed on a row of their own (任务完成率 | 备注 under 序号 | 项目名称):
        # skipped with the header, naming no column.
        tail = [r] if r < table.n_rows and _is_header_row(grid[r], r) else []
        col_roles: list[str | None] = []
        col_names: list[str] = []
        for c in range(table.n_cols):
            role, name = None, ""
            for hr in reversed(rows):  # the lowest header row names the column most precisely
                cell = grid[hr][c]
                if cell is not None and (role := header_role(cell.text)) is not None:
                    name = cell.text
                    break
            col_roles.append(role)
            col_names.append(name)
        col_roles = ranked_roles(col_names, col_roles)  # 第一责任单位 | 主要责任单位
        remarks = _remark_units(col_roles, col_names, (rows + tail)[-1] + 1, table, grid)
        col_roles = [("responsible" if c in remarks else r) for c, r in enumerate(col_roles)]
        if not any(r in ROLE_FIELDS for r in col_roles) or not known:
            continue
        cols = _assign(col_roles, rows + tail, table, grid)
        cols.remark_units = remarks
        return cols
    return None


def _remark_units(
    roles: list[str | None], names: list[str], body: int, table: Table, grid: list[list[Cell | None]]
) -> list[int]:
    """The 备注 columns whose cells below the header name units only (see
    :func:`dutygraph.loaders.delimited_header.remarks_name_units`): 责任单位 columns."""
    found = []
    for c, (role, name) in enumerate(zip(roles, names, strict=True)):
        if role != "extra":
            continue
        cells = {id(cell): cell for r in range(body, table.n_rows) if (cell := grid[r][c]) is not None and cell.lines}
        if remarks_name_units(name.replace("\n", ""), ["、".join(cell.lines) for cell in cells.values()]):
            found.append(c)
    return found


def _row_roles(row: list[Cell | None]) -> list[str | None]:
    """Each column's header role in one row."""
    return [header_role(c.text) if c is not None else None for c in row]


def _is_header_row(row: list[Cell | None], r: int) -> bool:
    """A second header row: every cell starting in it is a header label (some may continue from above)."""
    own = [c for c in dict.fromkeys(c for c in row if c is not None) if c.row == r and c.lines]
    return bool(own) and all(header_role(c.text) is not None for c in own)


def _refines(upper: list[Cell | None], row: list[Cell | None], r: int) -> bool:
    """Whether a header row names the columns under the row above: each of its own cells stands under a
    cell spanning several columns (工作进度 over 10月完成情况 | 进度状态) or under none; a row whose cells
    stand under columns already named one by one (序号 | 项目名称 over 任务完成率 | 备注) is the header's
    end printed on a line of its own, not a second header row."""
    own = [(c, cell) for c, cell in enumerate(row) if cell is not None and cell.row == r and cell.lines]
    return not any(
        (above := upper[c]) is not None and above is not cell and above.lines and above.colspan == 1 for c, cell in own
    )


def _assign(roles: list[str | None], header_rows: list[int], table: Table, grid: list[list[Cell | None]]) -> Columns:
    """Pick the number, goal, area and task-text columns among the mapped ones.

    The task is the first text column before the unit columns (a 一季度目标 or a progress column after
    them is read past), as in a table printed with pipes; a text column right after it is its content
    (项目名称 | 目标任务). A first text column whose cells mostly span rows groups the rows: it is their goal.
    """
    number = next((c for c, r in enumerate(roles) if r == "number"), None)
    goals = [c for c, r in enumerate(roles) if r == "goal"]
    first_unit = next((c for c, r in enumerate(roles) if r in ROLE_FIELDS), len(roles))
    filled = [c for c in range(len(roles)) if _column_has_text(table, grid, c, header_rows)]
    named = [c for c in filled if roles[c] == "text"]
    texts = [c for c in named if c < first_unit] or named or [c for c in filled if roles[c] is None]
    if len(texts) > 1 and _groups_rows(table, grid, texts[0], header_rows):
        goals, texts = sorted({*goals, texts[0]}), texts[1:]
    text_col = texts[0] if texts else None
    content = texts[1] if len(texts) > 1 and texts[1] == texts[0] + 1 and texts[1] < first_unit else None
    candidates = sorted(c for c in goals if text_col is None or c < text_col)
    goal = candidates[0] if candidates else None
    area = candidates[1] if len(candidates) > 1 else None
    if text_col is None and goals:
        text_col = goals[-1]
        goal = goals[0] if len(goals) > 1 else None
        area = None
    cols = Columns(roles, number, goal, area, text_col, header_rows, content)
    for hr in header_rows:
        cols.signatures.add(signature(grid[hr]))
    return cols


def _groups_rows(table: Table, grid: list[list[Cell | None]], c: int, header_rows: list[int]) -> bool:
    """Whether most cells of a column below the header span several rows (a project over its sub-rows)."""
    below = (grid[r][c] for r in range(header_rows[-1] + 1, table.n_rows))
    cells = [cell for cell in dict.fromkeys(below) if cell is not None and cell.lines]
    return bool(cells) and 2 * sum(cell.rowspan > 1 for cell in cells) > len(cells)


def _column_has_text(table: Table, grid: list[list[Cell | None]], c: int, header_rows: list[int]) -> bool:
    """Whether a column holds anything below the header (an empty spacer column is no text column)."""
    last = header_rows[-1]
    cells = (grid[r][c] for r in range(last + 1, table.n_rows))
    return any(cell is not None and bool(cell.lines) and cell.row > last for cell in cells)


def signature(row: list[Cell | None]) -> tuple[str, ...]:
    """A row's squeezed texts, column by column (to spot a repeated header)."""
    return tuple(squeeze(c.text.replace("\n", "")) if c is not None else "" for c in row)


def headings_over_tables(doc: Document) -> dict[int, tuple[str, int]]:
    """The section heading (一、经济发展, （二）社会民生) printed right before each table and its line, by the
    table's id."""
    out: dict[int, tuple[str, int]] = {}
    before: tuple[str, int] | None = None
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text = clean_line(block.text)
            before = (text, block.line) if text else before
        else:
            if before and len(before[0]) <= 40 and CN_SECTION.match(before[0]) and not before[0].endswith("。"):
                out[id(block)] = before
            before = None
    return out


def all_header_tokens(row: list[Cell | None], r: int) -> bool:
    """A row whose own cells are all header words (a repeated header, maybe shifted)."""
    own = [c for c in dict.fromkeys(c for c in row if c is not None) if c.row == r and c.lines]
    return len(own) >= 2 and all(
        squeeze(c.text.replace("\n", "")) in HEADER_TOKENS or header_role(c.text) in (*ROLE_FIELDS, "number")
        for c in own
    )
