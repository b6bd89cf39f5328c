"""Reading decomposition tables that kept their cells (Word, Excel, HTML, PDF).

A table is read by its header row(s): each column is mapped by meaning through the
project's vocabulary (牵头单位 = lead, 配合单位 = support, 分管领导 = leaders,
责任单位 by the rule of DESIGN.md, 序号 = the task number, 目标/任务 columns = goal,
area and task text, 完成时限/备注/进展 columns read past). Headers may be
letter-spaced (工 作 标 准), span two rows, and repeat mid-table at page breaks.

A value from a real merged cell (rowspan) is given to every row it covers and
listed in ``TaskRecord.inherited`` for the rows after the first: a reading, not a
guess (the graph records it as basis "merged"). A genuinely empty cell stays empty.
Tables without a role column are not decomposition tables and are skipped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from dutygraph.errors import NoTasksError, UnknownLayoutError
from dutygraph.loaders.base import (
    CN_SECTION,
    DOT_NUMBER,
    FIRST_LISTED_LEADS,
    PAREN_NUMBER,
    Context,
    assign_responsible,
    label_field,
)
from dutygraph.loaders.flat_cells import HEADER_TOKENS
from dutygraph.loaders.names import is_none_mark, parse_persons
from dutygraph.loaders.read.blocks import Cell, Document, Paragraph, Table
from dutygraph.loaders.records import INHERITABLE, DocumentMeta, LoadResult, TaskRecord
from dutygraph.loaders.spam import scrub
from dutygraph.loaders.text import Line, SourceText, clean_line, squeeze

log = logging.getLogger(__name__)

#: The layout name recorded for documents read from real tables.
LAYOUT = "grid-table"

_NUMBER_HEADERS = frozenset(["序号", "序次", "编号", "项目编号", "任务编号"])
_GOAL_HEADERS = frozenset(["目标名称", "目标", "类别", "领域", "板块", "分类", "项目类别", "重点领域", "工作板块", "工作类别", "任务类别"])
_TEXT_HEADERS = frozenset(
    ["工作标准", "工作任务", "重点任务", "主要任务", "任务名称", "任务内容", "主要内容", "具体目标", "工作目标", "年度目标", "目标任务", "工作内容", "项目名称", "项目内容", "实事项目", "民生实事", "建设内容", "具体任务", "工作事项", "任务事项", "指标", "具体内容", "重点工作"]
)
_DEADLINE = re.compile(r"时限|完成时间|期限|时间节点|完成节点|截止时间")
_EXTRA = re.compile(
    r"时限|时间|期限|节点|备注|进展|进度|完成情况|落实情况|推进情况|目标类型|来源|措施|说明|考核|责任人$|联系人|电话"
)
_LEADER_HEADER = re.compile(r"领导$|^包抓|^联系领导")
_ROLES = ("leaders", "lead", "support", "responsible")
_SECTION_STYLE = (
    ("cn", re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．﹒]")),
    ("cn-paren", re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")),
    ("arabic", re.compile(r"^\d{1,3}\s*[、.．﹒]")),
    ("arabic-paren", re.compile(r"^[（(]\s*\d{1,3}\s*[）)]")),
)


def header_role(text: str) -> str | None:
    """What a header cell names: number, goal, text, leaders, lead, support, responsible, extra, or None.

    Example:
        >>> header_role("工 作 标 准"), header_role("牵头\\n单位"), header_role("完成时限"), header_role("备注"), header_role("天气")
        ('text', 'lead', 'deadline', 'extra', None)
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
class _Columns:
    """What each grid column of a table holds."""

    roles: list[str | None]
    number: int | None
    goal: int | None
    area: int | None
    text: int | None
    header_rows: list[int]
    signatures: set[tuple[str, ...]] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, ...]:
        """Tables with the same columns continue each other."""
        return tuple(self.roles)


def find_header(table: Table, grid: list[list[Cell | None]]) -> _Columns | None:
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
        if len(set(map(id, [c for c, r in zip(grid[start], roles) if r is not None]))) < 2:
            continue
        rows = [start]
        r = start + 1
        while r < table.n_rows and _is_header_row(grid[r], r):
            rows.append(r)
            r += 1
        col_roles: list[str | None] = []
        for c in range(table.n_cols):
            role = None
            for hr in reversed(rows):  # the lowest header row names the column most precisely
                cell = grid[hr][c]
                if cell is not None and (role := header_role(cell.text)) is not None:
                    break
            col_roles.append(role)
        if not any(r in _ROLES for r in col_roles) or not known:
            continue
        return _assign(col_roles, rows, table, grid)
    return None


def _row_roles(row: list[Cell | None]) -> list[str | None]:
    """Each column's header role in one row."""
    return [header_role(c.text) if c is not None else None for c in row]


def _is_header_row(row: list[Cell | None], r: int) -> bool:
    """A second header row: every cell starting in it is a header label (some may continue from above)."""
    own = [c for c in dict.fromkeys(c for c in row if c is not None) if c.row == r and c.lines]
    return bool(own) and all(header_role(c.text) is not None for c in own)


def _assign(roles: list[str | None], header_rows: list[int], table: Table, grid: list[list[Cell | None]]) -> _Columns:
    """Pick the number, goal, area and task-text columns among the mapped ones."""
    number = next((c for c, r in enumerate(roles) if r == "number"), None)
    goals = [c for c, r in enumerate(roles) if r == "goal"]
    texts = [c for c, r in enumerate(roles) if r in ("text", None) and _column_has_text(table, grid, c, header_rows)]
    # Columns covered by one header cell spanning them read as one (a 目标任务 header over two columns).
    text_col = texts[-1] if texts else None
    candidates = goals + [c for c in texts if c != text_col and c not in goals]
    candidates = sorted(dict.fromkeys(candidates))
    goal = candidates[0] if candidates else None
    area = candidates[1] if len(candidates) > 1 else None
    if text_col is None and goals:
        text_col = goals[-1]
        goal = goals[0] if len(goals) > 1 else None
        area = None
    cols = _Columns(roles, number, goal, area, text_col, header_rows)
    for hr in header_rows:
        cols.signatures.add(_signature(grid[hr]))
    return cols


def _column_has_text(table: Table, grid: list[list[Cell | None]], c: int, header_rows: list[int]) -> bool:
    """Whether a column holds anything below the header (an empty spacer column is no text column)."""
    last = header_rows[-1]
    return any(
        grid[r][c] is not None and grid[r][c].lines and grid[r][c].row > last for r in range(last + 1, table.n_rows)
    )


def _signature(row: list[Cell | None]) -> tuple[str, ...]:
    """A row's squeezed texts, column by column (to spot a repeated header)."""
    return tuple(squeeze(c.text.replace("\n", "")) if c is not None else "" for c in row)


@dataclass
class _State:
    """What carries over from row to row and table to table."""

    goal: str | None = None
    goal_no: str | None = None
    area: str | None = None
    section_styles: list[str] = field(default_factory=list)
    unnumbered: int = 0
    columns_key: tuple[str | None, ...] | None = None


@dataclass
class GridReading:
    """What the interpreter read from a document's tables.

    Attributes:
        tasks: the task records, in document order.
        tables: how many decomposition tables were read.
        title_lines: lines outside the tasks (paragraphs, rows above a header) for the metadata.
    """

    tasks: list[TaskRecord]
    tables: int
    title_lines: list[Line]


def read_tables(doc: Document, ctx: Context) -> GridReading:
    """Read every decomposition table of ``doc`` into task records.

    Args:
        doc: the blocks a reader returned.
        ctx: collects warnings (its ``file`` names the document).

    Returns:
        A :class:`GridReading`; ``tables == 0`` when no table names a role column.

    Example:
        >>> from dutygraph.loaders.read.blocks import Document, table_from_rows
        >>> from pathlib import Path
        >>> d = Document(Path("t.csv"), "csv", [table_from_rows([["序号", "工作任务", "牵头单位"], ["1", "建学校", "教育局"]])])
        >>> d.number_lines()
        >>> r = read_tables(d, Context("t.csv", []))
        >>> r.tasks[0].task, r.tasks[0].lead
        ('1', ['教育局'])
    """
    first_leads = any(FIRST_LISTED_LEADS.search(p.text) for p in doc.paragraphs)
    state = _State()
    tasks: list[TaskRecord] = []
    title_lines = [Line(p.line, p.rendered) for p in doc.blocks if isinstance(p, Paragraph)]
    n_tables = 0
    for table in doc.tables:
        grid = table.grid()
        cols = find_header(table, grid)
        if cols is None:
            log.debug("%s: table %s names no role column; skipped", ctx.file, table.name or "")
            continue
        n_tables += 1
        if cols.key != state.columns_key:
            state.goal = state.goal_no = state.area = None
            state.section_styles = []
            state.columns_key = cols.key
        for r in range(cols.header_rows[0]):
            text = " ".join(t for t in table.row_texts(r) if t)
            if text:
                title_lines.append(Line(_line(table, r), text))
        first_leads = first_leads or any(
            FIRST_LISTED_LEADS.search(" ".join(table.row_texts(r)))
            for r in range(table.n_rows)
            if r not in cols.header_rows
        )
        _read_rows(table, grid, cols, state, tasks, ctx, first_leads, title_lines)
    title_lines.sort(key=lambda ln: ln.no)
    return GridReading(tasks, n_tables, title_lines)


def _line(table: Table, r: int) -> int:
    """Row ``r``'s line in the rendered view."""
    return table.row_lines[r] if r < len(table.row_lines) else 0


def _read_rows(
    table: Table,
    grid: list[list[Cell | None]],
    cols: _Columns,
    state: _State,
    tasks: list[TaskRecord],
    ctx: Context,
    first_leads: bool,
    section_lines: list[Line],
) -> None:
    """Read the rows below the header into ``tasks``; section rows go to ``section_lines`` too (for the metadata)."""
    previous_text_cell: Cell | None = None
    for r in range(cols.header_rows[-1] + 1, table.n_rows):
        row = grid[r]
        line = _line(table, r)
        if _signature(row) in cols.signatures or _all_header_tokens(row, r):
            continue  # the header repeated at a page break
        own = [c for c in dict.fromkeys(c for c in row if c is not None) if c.lines]
        if not own:
            continue
        if _is_section(row, r, cols, table.n_cols):
            heading = next(c for c in reversed(own) if c.row == r or len(own) == 1)
            if cols.goal is not None and row[cols.goal] is not None and row[cols.goal] is not heading:
                _goal_of(row, cols, state, ctx, line)  # a merged goal cell starting beside a sub-heading
            _section(heading.text, state, has_goal_column=cols.goal is not None)
            section_lines.append(Line(line, clean_line(heading.text.replace("\n", ""))))
            continue
        text_cell = row[cols.text] if cols.text is not None else None
        if text_cell is not None and text_cell is previous_text_cell and tasks:
            _continue_task(tasks[-1], row, r, cols, ctx, line, first_leads)  # one task's cell spanning several rows
            continue
        previous_text_cell = text_cell
        text = _joined(text_cell, ctx, line)
        number_cell = row[cols.number] if cols.number is not None else None
        printed_no = squeeze(number_cell.text) if number_cell is not None and number_cell.lines else ""
        own_no = _own_number(text)
        goal, goal_no = _goal_of(row, cols, state, ctx, line)
        if own_no is not None:
            number, text = own_no
            if printed_no and number_cell is not None and number_cell.rowspan > 1:
                goal_no = goal_no or printed_no  # a merged 序号 numbers the goal, the text numbers the task
        elif printed_no and number_cell is not None and number_cell.row == r:
            number = printed_no
        elif printed_no and number_cell is not None:
            state.unnumbered += 1
            number = f"M{state.unnumbered}"
            goal_no = goal_no or printed_no
        else:
            state.unnumbered += 1
            number = f"M{state.unnumbered}"
        values, inherited, lines = _roles(row, r, cols, ctx, line, table, first_leads)
        if not text and not any(values.values()):
            continue
        area = _cell_value(row, cols.area, ctx, line) if cols.area is not None else state.area
        deadline = next((_cell_value(row, c, ctx, line) for c, role in enumerate(cols.roles) if role == "deadline"), "")
        tasks.append(
            TaskRecord(
                goal=goal,
                area=area or None,
                task=number,
                text=text,
                lead=values["lead"],
                support=values["support"],
                leaders=values["leaders"],
                inherited=inherited,
                line=line,
                lines=lines,
                goal_no=goal_no,
                deadline=None if not deadline or is_none_mark(deadline) else deadline,
            )
        )


def _all_header_tokens(row: list[Cell | None], r: int) -> bool:
    """A row whose own cells are all header words (a repeated header, maybe shifted)."""
    own = [c for c in dict.fromkeys(c for c in row if c is not None) if c.row == r and c.lines]
    return len(own) >= 2 and all(
        squeeze(c.text.replace("\n", "")) in HEADER_TOKENS or header_role(c.text) in _ROLES + ("number",) for c in own
    )


def _is_section(row: list[Cell | None], r: int, cols: _Columns, n_cols: int) -> bool:
    """A section row: one cell across (most of) the table, or a lone 一、/（一） heading with no units."""
    distinct = [c for c in dict.fromkeys(c for c in row if c is not None)]
    if len(distinct) == 1 and n_cols > 1 and distinct[0].colspan >= max(2, n_cols - 1):
        return True
    grouping = {
        id(row[c]) for c in (cols.goal, cols.area) if c is not None and row[c] is not None and row[c].rowspan > 1
    }
    filled = [
        c for c in distinct if c.lines and c.row == r and id(c) not in grouping
    ]  # a goal cell may start beside it
    if len(filled) != 1:
        return False  # merged cells from above may run past a sub-heading row: they do not make it a task
    only = filled[0]
    role_cols = [c for c, role in enumerate(cols.roles) if role in _ROLES]
    if any(row[c] is only for c in role_cols) or (cols.number is not None and row[cols.number] is only):
        return False
    text = clean_line(only.text.replace("\n", ""))
    return len(text) <= 40 and any(p.match(text) for _, p in _SECTION_STYLE) and not text.endswith("。")


def _section(text: str, state: _State, *, has_goal_column: bool) -> None:
    """A section row names a goal, or an area inside one (by its numbering style)."""
    text = clean_line(text.replace("\n", ""))
    style = next((name for name, p in _SECTION_STYLE if p.match(text)), "plain")
    if style not in state.section_styles:
        state.section_styles.append(style)
    level = state.section_styles.index(style)
    if has_goal_column or level > 0:
        state.area = text
        return
    m = CN_SECTION.match(text)
    state.goal, state.goal_no = (text[m.end() :].strip() or text, m.group(1) or m.group(2)) if m else (text, None)
    state.area = None


def _goal_of(
    row: list[Cell | None], cols: _Columns, state: _State, ctx: Context, line: int
) -> tuple[str | None, str | None]:
    """The row's goal and its number: from the goal column when there is one, else from the last section row."""
    if cols.goal is None:
        return state.goal, state.goal_no
    text = _cell_value(row, cols.goal, ctx, line)
    if not text:
        return state.goal, state.goal_no
    m = CN_SECTION.match(text) or re.match(r"^\s*(\d{1,2})\s*[、.．﹒]\s*", text)
    goal, no = (text[m.end() :].strip() or text, next(g for g in m.groups() if g)) if m else (text, None)
    if goal != state.goal:
        state.area = None if cols.area is None else state.area
    state.goal, state.goal_no = goal, no
    return goal, no


def _own_number(text: str) -> tuple[str, str] | None:
    """The task number printed at the start of the task text ("（1）", "12."), and the rest."""
    m = PAREN_NUMBER.match(text)
    if m:
        return m.group(1).replace(" ", ""), text[m.end() :].strip()
    m = DOT_NUMBER.match(text)
    if m:
        return m.group(1), text[m.end() :].strip()
    return None


def _joined(cell: Cell | None, ctx: Context, line: int) -> str:
    """A text cell's lines joined (Chinese text wraps without spaces), spam removed."""
    if cell is None or not cell.lines:
        return ""
    return "".join(_scrubbed(t, ctx, line) for t in cell.lines).strip()


def _scrubbed(text: str, ctx: Context, line: int) -> str:
    """One line cleaned, with injected spam cut out and warned about."""
    text, spam = scrub(clean_line(text))
    for s in spam:
        ctx.warn(line, f"removed text injected by spam: '{s}'")
    return text


def _cell_value(row: list[Cell | None], c: int | None, ctx: Context, line: int) -> str:
    """The text of the cell at column ``c`` (merged or not)."""
    return _joined(row[c], ctx, line) if c is not None and row[c] is not None else ""


def _roles(
    row: list[Cell | None], r: int, cols: _Columns, ctx: Context, line: int, table: Table, first_leads: bool
) -> tuple[dict[str, list[str]], list[str], dict[str, int]]:
    """The row's leaders, lead and support units; which came from merged cells; their lines."""
    values: dict[str, list[str]] = {"leaders": [], "lead": [], "support": []}
    responsible: list[str] = []
    merged: set[str] = set()
    lines: dict[str, int] = {}
    seen: set[int] = set()
    responsible_merged = False
    responsible_line = line
    for c, role in enumerate(cols.roles):
        cell = row[c]
        if role not in _ROLES or cell is None or id(cell) in seen or not cell.lines:
            continue
        seen.add(id(cell))
        names = _names(cell, role, ctx, _line(table, cell.row))
        if not names:
            continue
        if role == "responsible":
            responsible.extend(names)
            responsible_merged = responsible_merged or cell.row < r
            responsible_line = _line(table, cell.row)
            continue
        values[role].extend(names)
        lines.setdefault(role, _line(table, cell.row))
        if cell.row < r:
            merged.add(role)
    if responsible:
        before = {f: len(values[f]) for f in ("lead", "support")}
        assign_responsible(values, responsible, first_leads)
        for f in ("lead", "support"):
            if len(values[f]) > before[f]:
                lines.setdefault(f, responsible_line)
                if responsible_merged and before[f] == 0:
                    merged.add(f)
    for f in values:
        values[f] = list(dict.fromkeys(values[f]))
    inherited = [f for f in INHERITABLE if f in merged and values[f]]
    return values, inherited, lines


def _names(cell: Cell, role: str, ctx: Context, line: int) -> list[str]:
    """The names in a unit or leader cell, one paragraph at a time."""
    out: list[str] = []
    for raw in cell.lines:
        text = _scrubbed(raw, ctx, line)
        if not text or is_none_mark(text):
            continue
        out.extend(parse_persons(text) if role == "leaders" else ctx.names(text, line))
    return out


def _continue_task(
    task: TaskRecord, row: list[Cell | None], r: int, cols: _Columns, ctx: Context, line: int, first_leads: bool
) -> None:
    """A row inside one task's merged text cell adds the units it prints to that task."""
    for c, role in enumerate(cols.roles):
        cell = row[c]
        if role not in _ROLES or cell is None or cell.row != r or not cell.lines:
            continue
        names = _names(cell, role, ctx, line)
        target = role if role != "responsible" else ("support" if task.lead else "lead")
        getattr(task, target).extend(n for n in names if n not in getattr(task, target))


def load_document(
    doc: Document, *, layout: str | None = None, region: str | None = None, year: int | None = None
) -> LoadResult:
    """Turn a read document into a :class:`LoadResult`.

    Its decomposition tables are read by :func:`read_tables`; a document with none
    (a Word numbered list, a page of paragraphs) is rendered as lines — paragraphs
    with their list numbering, table rows with tab-separated cells — and read by the
    text layouts, as is every document when ``layout`` names one.

    Args:
        doc: the blocks a reader returned.
        layout, region, year: as for :func:`dutygraph.loaders.load`.

    Returns:
        The document's metadata, tasks and warnings.

    Raises:
        UnknownLayoutError, NoTasksError: no table and the text layouts find no task
            (a workbook: NoTasksError saying no sheet holds a decomposition table).

    Example:
        >>> from dutygraph.loaders.read import read_document
        >>> r = load_document(read_document("plan.docx"))  # doctest: +SKIP
        >>> r.document.layout  # doctest: +SKIP
        'grid-table'
    """
    from dutygraph.loaders import load_text
    from dutygraph.loaders.finish import finish_tasks
    from dutygraph.loaders.metadata import detect_metadata

    ctx = Context(doc.path.name, [])
    # A CSV lost its merged cells (an empty cell may be one): the delimited-table layout reads that convention.
    spans_known = doc.format not in ("csv", "tsv")
    reading = read_tables(doc, ctx) if layout is None and spans_known else GridReading([], 0, [])
    if not reading.tasks:
        lines = [Line(no, text) for no, text in doc.rendered_lines()]
        src = SourceText(doc.path, lines, doc.encoding or doc.format, doc.sha256)
        log.debug("%s: no decomposition table; reading its %d rendered lines as text", doc.path, len(lines))
        if doc.format not in ("xlsx", "xls") or layout is not None:
            return load_text(src, layout=layout, region=region, year=year)
        try:
            return load_text(src, layout=layout, region=region, year=year)
        except (UnknownLayoutError, NoTasksError) as exc:
            raise NoTasksError(
                doc.path,
                "no sheet holds a decomposition table (a header row naming 牵头单位, 配合单位, 责任单位 or 分管领导)",
            ) from exc
    meta = detect_metadata([Line(ln.no, scrub(clean_line(ln.text))[0]) for ln in reading.title_lines])
    region, year = finish_tasks(reading.tasks, meta, region, year, ctx)
    document = DocumentMeta(
        file=doc.path.name,
        path=str(doc.path),
        title=meta.title,
        region=region,
        year=year,
        issuer=meta.issuer,
        number=meta.number,
        date=meta.date,
        layout=LAYOUT,
        encoding=doc.encoding or doc.format,
        sha256=doc.sha256,
        flags=[],
    )
    warnings = sorted(ctx.warnings, key=lambda w: (w.line is not None, w.line or 0))
    return LoadResult(document, reading.tasks, warnings)
