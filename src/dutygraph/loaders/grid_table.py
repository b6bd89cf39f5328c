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
    FIRST_LISTED_LEADS,
    ROLE_FIELDS,
    Context,
)
from dutygraph.loaders.grid_cells import cell_names, cell_value, joined, own_number, row_line, row_roles
from dutygraph.loaders.grid_header import Columns, all_header_tokens, find_header, headings_over_tables, signature
from dutygraph.loaders.headings import heading_cues, heading_title
from dutygraph.loaders.names import is_none_mark
from dutygraph.loaders.read.blocks import Cell, Document, Paragraph, Table
from dutygraph.loaders.records import DocumentMeta, LoadResult, TaskRecord
from dutygraph.loaders.region_matrix import RegionMatrixLoader, cells_of_table, read_matrices
from dutygraph.loaders.spam import scrub
from dutygraph.loaders.text import Line, SourceText, clean_line, squeeze

log = logging.getLogger(__name__)

#: The layout name recorded for documents read from real tables.
LAYOUT = "grid-table"


_SECTION_STYLE = (
    ("cn", re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．﹒]")),
    ("cn-paren", re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")),
    ("arabic", re.compile(r"^\d{1,3}\s*[、.．﹒]")),
    ("arabic-paren", re.compile(r"^[（(]\s*\d{1,3}\s*[）)]")),
)


@dataclass
class _State:
    """What carries over from row to row and table to table."""

    goal: str | None = None
    goal_no: str | None = None
    area: str | None = None
    section_styles: list[str] = field(default_factory=list)
    unnumbered: int = 0
    columns_key: tuple[str | None, ...] | None = None
    leaders: list[str] = field(default_factory=list)  # named by the section heading over the rows (一、王明副县长牵头)
    leaders_line: int = 0


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
        >>> t = table_from_rows([["序号", "工作任务", "牵头单位"], ["1", "建学校", "教育局"]])
        >>> d = Document(Path("t.csv"), "csv", [t])
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
    headings = headings_over_tables(doc)
    for table in doc.tables:
        grid = table.grid()
        cols = find_header(table, grid)
        if cols is None:
            log.debug("%s: table %s names no role column; skipped", ctx.file, table.name or "")
            continue
        n_tables += 1
        if cols.remark_units:
            ctx.warn(
                None,
                f"table {table.name or n_tables}: a 备注 column that names only units is read as a 责任单位 column",
            )
        if cols.key != state.columns_key:
            state.goal = state.goal_no = state.area = None
            state.section_styles, state.leaders = [], []
            state.columns_key = cols.key
        if (heading := headings.get(id(table))) is not None:  # 一、经济发展 printed over the table: its goal
            _section(heading[0], state, ctx, heading[1], has_goal_column=cols.goal is not None)
        for r in range(cols.header_rows[0]):
            text = " ".join(t for t in table.row_texts(r) if t)
            if text:
                title_lines.append(Line(row_line(table, r), text))
        first_leads = first_leads or any(
            FIRST_LISTED_LEADS.search(" ".join(table.row_texts(r)))
            for r in range(table.n_rows)
            if r not in cols.header_rows
        )
        _read_rows(table, grid, cols, state, tasks, ctx, first_leads, title_lines)
    title_lines.sort(key=lambda ln: ln.no)
    return GridReading(tasks, n_tables, title_lines)


def _read_rows(
    table: Table,
    grid: list[list[Cell | None]],
    cols: Columns,
    state: _State,
    tasks: list[TaskRecord],
    ctx: Context,
    first_leads: bool,
    section_lines: list[Line],
) -> None:
    """Read the rows below the header into ``tasks``; section rows go to ``section_lines`` too (for the metadata)."""
    previous_text_cell: tuple[Cell | None, Cell | None] = (None, None)
    for r in range(cols.header_rows[-1] + 1, table.n_rows):
        row = grid[r]
        line = row_line(table, r)
        if signature(row) in cols.signatures or all_header_tokens(row, r):
            continue  # the header repeated at a page break
        own = [c for c in dict.fromkeys(c for c in row if c is not None) if c.lines]
        if not own:
            continue
        if _is_section(row, r, cols, table.n_cols):
            _section_row(row, own, r, cols, state, ctx, line, section_lines)
            continue
        text_cell = row[cols.text] if cols.text is not None else None
        content = row[cols.content] if cols.content is not None else None
        if text_cell is not None and text_cell is previous_text_cell[0] and content is previous_text_cell[1] and tasks:
            _continue_task(tasks[-1], row, r, cols, ctx, line, first_leads)  # one task's cell spanning several rows
            continue
        text = joined(text_cell, ctx, line)
        if content is not None and content.lines and content is not text_cell:
            # 项目名称 | 目标任务: the name and its content, or the content alone under a name spanning rows
            detail = joined(content, ctx, line)
            below = text_cell is not None and text_cell is previous_text_cell[0]
            text = detail if below else "：".join(t for t in (text, detail) if t)
        previous_text_cell = (text_cell, content)
        goal, goal_no = _goal_of(row, cols, state, ctx, line)
        number, text, goal_no = _task_number(row, r, cols, state, text, goal_no)
        values, inherited, lines = row_roles(row, r, cols, ctx, line, table, first_leads)
        if not text and not any(values.values()):
            continue
        area = cell_value(row, cols.area, ctx, line) if cols.area is not None else state.area
        _section_leaders(values, inherited, lines, state)
        deadline = next((cell_value(row, c, ctx, line) for c, role in enumerate(cols.roles) if role == "deadline"), "")
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


def _section_row(
    row: list[Cell | None],
    own: list[Cell],
    r: int,
    cols: Columns,
    state: _State,
    ctx: Context,
    line: int,
    section_lines: list[Line],
) -> None:
    """A section row: the goal or area (and leaders) of the rows under it; its line goes to ``section_lines``."""
    heading = next(c for c in reversed(own) if c.row == r or len(own) == 1)
    if cols.goal is not None and row[cols.goal] is not None and row[cols.goal] is not heading:
        _goal_of(row, cols, state, ctx, line)  # a merged goal cell starting beside a sub-heading
    _section(heading.text, state, ctx, line, has_goal_column=cols.goal is not None)
    section_lines.append(Line(line, clean_line(heading.text.replace("\n", ""))))


def _section_leaders(values: dict[str, list[str]], inherited: list[str], lines: dict[str, int], state: _State) -> None:
    """A row that names no leader takes the leaders its section heading names (一、王明副县长牵头的工作)."""
    if not values["leaders"] and state.leaders:
        values["leaders"], lines["leaders"] = list(state.leaders), state.leaders_line
        inherited.append("leaders")


def _task_number(
    row: list[Cell | None], r: int, cols: Columns, state: _State, text: str, goal_no: str | None
) -> tuple[str, str, str | None]:
    """The row's task number, its text without a printed number, and the goal number.

    A number printed in the text wins; a merged 序号 then numbers the goal. A 序号
    cell starting in this row is the task's number; a row without one gets M1, M2, ….
    """
    number_cell = row[cols.number] if cols.number is not None else None
    printed_no = squeeze(number_cell.text) if number_cell is not None and number_cell.lines else ""
    own_no = own_number(text)
    if own_no is not None:
        number, text = own_no
        if printed_no and number_cell is not None and number_cell.rowspan > 1:
            goal_no = goal_no or printed_no  # a merged 序号 numbers the goal, the text numbers the task
        return number, text, goal_no
    if printed_no and number_cell is not None and number_cell.row == r:
        return printed_no, text, goal_no
    state.unnumbered += 1
    if printed_no and number_cell is not None:
        goal_no = goal_no or printed_no
    return f"M{state.unnumbered}", text, goal_no


def _is_section(row: list[Cell | None], r: int, cols: Columns, n_cols: int) -> bool:
    """A section row: one cell across (most of) the table, or a lone 一、/（一） heading with no units."""
    distinct = [c for c in dict.fromkeys(c for c in row if c is not None)]
    if len(distinct) == 1 and n_cols > 1 and distinct[0].colspan >= max(2, n_cols - 1):
        return True
    spanning = [row[c] for c in (cols.goal, cols.area) if c is not None]
    grouping = {id(cell) for cell in spanning if cell is not None and cell.rowspan > 1}
    filled = [
        c for c in distinct if c.lines and c.row == r and id(c) not in grouping
    ]  # a goal cell may start beside it
    if len(filled) != 1:
        return False  # merged cells from above may run past a sub-heading row: they do not make it a task
    only = filled[0]
    role_cols = [c for c, role in enumerate(cols.roles) if role in ROLE_FIELDS]
    if any(row[c] is only for c in role_cols) or (cols.number is not None and row[cols.number] is only):
        return False
    text = clean_line(only.text.replace("\n", ""))
    return len(text) <= 40 and any(p.match(text) for _, p in _SECTION_STYLE) and not text.endswith("。")


def _section(text: str, state: _State, ctx: Context, line: int, *, has_goal_column: bool) -> None:
    """A section row names a goal, or an area inside one (by its numbering style), and the leaders it names
    hold for the rows under it (一、王明副县长牵头的工作)."""
    text = clean_line(text.replace("\n", ""))
    leaders = heading_cues(text, line, ctx).leaders
    style = next((name for name, p in _SECTION_STYLE if p.match(text)), "plain")
    if style not in state.section_styles:
        state.section_styles.append(style)
    level = state.section_styles.index(style)
    if has_goal_column or level > 0:
        state.area = text
        if leaders:  # an area naming its own leader; one naming none keeps its goal's
            state.leaders, state.leaders_line = leaders, line
        return
    state.leaders, state.leaders_line = leaders, line
    m = CN_SECTION.match(text)
    state.goal, state.goal_no = (text[m.end() :].strip() or text, m.group(1) or m.group(2)) if m else (text, None)
    state.goal = heading_title(state.goal) or state.goal  # 经济发展（牵头领导：王明）（5项）: its title alone
    state.area = None


def _goal_of(
    row: list[Cell | None], cols: Columns, state: _State, ctx: Context, line: int
) -> tuple[str | None, str | None]:
    """The row's goal and its number: from the goal column when there is one, else from the last section row."""
    if cols.goal is None:
        return state.goal, state.goal_no
    text = cell_value(row, cols.goal, ctx, line)
    if not text:
        return state.goal, state.goal_no
    m = CN_SECTION.match(text) or re.match(r"^\s*(\d{1,2})\s*[、.．﹒]\s*", text)
    goal, no = (text[m.end() :].strip() or text, next(g for g in m.groups() if g)) if m else (text, None)
    if goal != state.goal:
        state.area = None if cols.area is None else state.area
    state.goal, state.goal_no = goal, no
    return goal, no


def _continue_task(
    task: TaskRecord, row: list[Cell | None], r: int, cols: Columns, ctx: Context, line: int, first_leads: bool
) -> None:
    """A row inside one task's merged text cell adds the units it prints to that task."""
    for c, role in enumerate(cols.roles):
        cell = row[c]
        if role not in ROLE_FIELDS or cell is None or cell.row != r or not cell.lines:
            continue
        names = cell_names(cell, role, ctx, line, task.leaders)
        target = role if role != "responsible" else ("support" if task.lead else "lead")
        getattr(task, target).extend(n for n in names if n not in getattr(task, target))


def _matrices(doc: Document, ctx: Context) -> GridReading:
    """The document's tables on their side (tasks as columns over rows of places), numbered M1, M2, … across them."""
    tasks = [t for table in doc.tables for t in read_matrices(cells_of_table(table), ctx)]
    for k, task in enumerate(tasks, start=1):
        task.task = f"M{k}"
    return GridReading(tasks, len(doc.tables), [Line(p.line, p.rendered) for p in doc.paragraphs])


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
        >>> from pathlib import Path
        >>> from dutygraph.loaders.read.blocks import Document, table_from_rows
        >>> t = table_from_rows([["序号", "工作任务", "牵头单位", "配合单位"], ["1", "建学校", "教育局", "财政局"]])
        >>> d = Document(Path("plan.docx"), "docx", [t])
        >>> d.number_lines()
        >>> r = load_document(d)
        >>> r.document.layout, r.tasks[0].lead, r.tasks[0].support
        ('grid-table', ['教育局'], ['财政局'])
    """
    from dutygraph.loaders import load_text
    from dutygraph.loaders.finish import finish_tasks
    from dutygraph.loaders.metadata import detect_metadata

    ctx = Context(doc.path.name, [])
    # A CSV lost its merged cells (an empty cell may be one): the delimited-table layout reads that convention.
    spans_known = doc.format not in ("csv", "tsv")
    reading = read_tables(doc, ctx) if layout is None and spans_known else GridReading([], 0, [])
    chosen = LAYOUT
    if not reading.tasks and layout is None and spans_known and (on_side := _matrices(doc, ctx)).tasks:
        reading, chosen = on_side, RegionMatrixLoader.name
    if not reading.tasks:
        lines = [Line(no, text) for no, text in doc.rendered_lines()]
        src = SourceText(doc.path, lines, doc.encoding or doc.format, doc.sha256)
        log.debug("%s: no decomposition table; reading its %d rendered lines as text", doc.path, len(lines))
        if doc.format not in ("xlsx", "xls", "ods") or layout is not None:
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
        layout=chosen,
        encoding=doc.encoding or doc.format,
        sha256=doc.sha256,
        flags=[],
    )
    warnings = sorted(ctx.warnings, key=lambda w: (w.line is not None, w.line or 0))
    return LoadResult(document, reading.tasks, warnings)
