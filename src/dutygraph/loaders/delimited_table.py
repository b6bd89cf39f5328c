"""Delimited tables: a Word table dumped with tabs, a TSV, or a pipe table.

Three ways of writing one table, read the same way once split into rows of cells:

- a Word dump (钟楼区 2021, seed 003): every cell starts with a tab, a line without
  a tab continues the cell above, a blank line ends the row. An empty cell
  continues a merged cell from the row above; the header row and the goal/area
  cells repeat at page breaks;
- a TSV: one row per line, cells separated by tabs;
- a pipe table: ``| 序号 | 任务名称 | 牵头部门 | 配合部门 |`` (header cells may be
  letter-spaced: 工 作 标 准), ``|---|`` separator lines skipped.

Columns are found from the header (牵头单位 = lead, 配合单位 = support, 分管领导 =
leaders, 责任单位 by the rule in DESIGN.md, 完成时限 and other columns read past).
A row's task cell is the one starting with a task number; cells before it are
序号, goal and area, cells after it follow the header's order.
"""

from __future__ import annotations

from dutygraph.loaders.base import (
    DOT_NUMBER,
    FIRST_LISTED_LEADS,
    PAREN_NUMBER,
    ROLE_FIELDS,
    Context,
    Loader,
    assign_responsible,
)
from dutygraph.loaders.cues import cell_cues
from dutygraph.loaders.delimited_header import header_role, merge_headers, ranked_roles
from dutygraph.loaders.delimited_rows import (
    PIPE_RULE,
    content_header,
    fill_with_section,
    heading_row,
    heads_columns,
    is_page_details,
    merging,
    remark_units,
    section_heading,
    table_rows,
    warn_cut_row,
)
from dutygraph.loaders.names import is_none_mark, looks_like_unit
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.pipe_cells import Cell as _Cell
from dutygraph.loaders.pipe_cells import beyond_header, closed_cell_rows, fit_row, is_cell_per_line, opened_cell_rows
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.text import Line, squeeze
from dutygraph.loaders.unit_cell import leader_names, unit_names


def _is_row_number(cell: str) -> bool:
    """A cell that numbers its row: 1, 1., (1)."""
    return (cell.isdigit() and len(cell) <= 3) or bool(PAREN_NUMBER.match(cell) or DOT_NUMBER.match(cell))


def _is_pipe_header(line: Line) -> bool:
    """A line of pipe cells that names three columns or more, one of them a role's (序号 | 项目内容 | 牵头单位 |)."""
    roles = [header_role(c.strip()) for c in line.text.split("|") if c.strip()]
    return sum(1 for r in roles if r) >= 3 and any(r in ROLE_FIELDS for r in roles)


def _unprinted_header(rows: list[list[_Cell]], ctx: Context) -> tuple[list[str | None] | None, int]:
    """The header of a table printed without one, told from its columns, with a warning, and its width; or
    (None, 0)."""
    header = content_header(rows)
    if header is None:
        return None, 0
    units = "、".join(str(k + 1) for k, r in enumerate(header) if r == "responsible")
    ctx.warn(rows[0][0].no, f"the table prints no header: column {units} read as its 责任单位 by the names it holds")
    return header, len(header)


def _header_row(
    above: list[str | None] | None, roles: list[str | None], row: list[_Cell]
) -> tuple[list[str | None], int]:
    """The header after a header row, and how many columns it prints. A second header row right after the
    first (``above``) names the columns a merged header cell spans (责任单位 → 牵头 | 配合), or goes on with
    the first's columns when it was broken over two rows: all of them are printed."""
    if above is not None:
        merged = merge_headers(above, roles)
        return merged, len(merged)
    return roles, max(i for i, c in enumerate(row) if not c.empty) + 1


class DelimitedTableLoader(Loader):
    """Tables whose cells are delimited by tabs or pipes."""

    name = "delimited-table"
    description = "a table with tab- or pipe-delimited cells (Word dump, TSV or | pipe | table)"

    def score(self, lines: list[Line]) -> float:
        tabs = pipes = tasks = 0
        for ln in lines:
            if "\t" in ln.text:
                tabs += 1
                cells = [c for c in ln.text.split("\t") if c.strip()]
                tasks += any(PAREN_NUMBER.match(c.strip()) for c in cells)
            if ln.text.count("|") >= 3 and not PIPE_RULE.match(ln.text.strip()):
                pipes += 1
                tasks += any(_is_row_number(c.strip()) for c in ln.text.split("|"))
        if is_cell_per_line(lines):
            return 2.0 * sum(1 for row in opened_cell_rows(lines) if len(row) >= 2)
        if (closed := closed_cell_rows(lines)) is not None:
            return 2.0 * sum(1 for row in closed if len(row) >= 2)
        if tabs < 3 and pipes < 3 and not (tasks and pipes == 2 and any(map(_is_pipe_header, lines))):
            return 0.0  # fewer than three rows: a table only under a header of named columns (a page cut short)
        return tasks * 2 + (tabs + pipes) / 10

    # -- parsing ----------------------------------------------------------------

    def parse(self, ctx: Context) -> list[TaskRecord]:
        first_leads = any(FIRST_LISTED_LEADS.search(ln.text) for ln in ctx.lines)
        header: list[str | None] | None = None
        goal: str | None = None
        goal_no: str | None = None
        area: str | None = None
        section: tuple[list[str], int] = ([], 0)  # the leaders the section heading names, and its line
        above: dict[str, list[str]] = {}
        records: list[TaskRecord] = []
        # A Word table leaves a merged cell empty below its first row; a pipe table printed
        # one row a line cannot merge cells, so an empty cell there means "none".
        per_line, empty_is_merged = merging(ctx.lines)
        previous_was_header = False
        rows = [r for r in table_rows(ctx.lines) if any(not c.empty for c in r)]
        header, header_width = _unprinted_header(rows, ctx)
        for at, row in enumerate(rows):
            filled = [c for c in row if not c.empty]
            roles = ranked_roles([c.flat for c in row], [header_role(c.flat) for c in row])
            if heads_columns(roles, filled, previous_was_header) and not self._task_index(row):
                header, header_width = _header_row(header if previous_was_header else None, roles, row)
                header = remark_units(header, row, rows[at + 1 :], ctx)
                previous_was_header = True
                continue
            previous_was_header = False
            fit = header and (not empty_is_merged or len(row) > len(header))
            row, header_here = fit_row(row, header, per_line) if header and fit else (row, header)
            header_here = beyond_header(row, header_here, header_width) if header_here else header_here
            if (heading := heading_row(filled, row)) is not None:
                if heading:  # 二、副县长李强牵头的工作（2项）: its title the goal, the leader it names the rows'
                    goal, goal_no, area, section = section_heading(heading, filled[0].no, ctx)
                continue
            t = None if is_page_details(filled) else self._task_index(row, header_here)
            if t is None:
                self._unplaced(row, header_here, records, empty_is_merged, first_leads, ctx)
                continue
            number, text = self._task_cell(row, t, header_here)
            number = number or f"M{sum(1 for r in records if r.task.startswith('M')) + 1}"
            pre, unit_cells, post_roles = self._split_row(row, t, header_here)
            goal, goal_no, area = self._pre_cells(pre, header_here, goal, goal_no, area)
            fields, printed, lines, deadline = self._row_roles(
                unit_cells, post_roles, empty_is_merged, first_leads, ctx
            )
            inherited = fill_with_section(fields, printed, lines, above, section)
            above = fields
            records.append(
                TaskRecord(
                    goal=goal,
                    area=area,
                    task=number,
                    text=text,
                    lead=fields["lead"],
                    support=fields["support"],
                    leaders=fields["leaders"],
                    inherited=inherited,
                    line=row[t].no,
                    lines=lines,
                    goal_no=goal_no,
                    deadline=deadline,
                )
            )
        warn_cut_row(records, ctx)
        return records

    def _row_roles(
        self, cells: list[_Cell], post_roles: list[str | None], empty_is_merged: bool, first_leads: bool, ctx: Context
    ) -> tuple[dict[str, list[str]], set[str], dict[str, int], str | None]:
        """The leaders, lead and support units of the cells after the task cell; the roles printed; lines; deadline."""
        fields: dict[str, list[str]] = {"leaders": [], "lead": [], "support": []}
        printed: set[str] = set()
        lines: dict[str, int] = {}
        responsible: list[str] = []
        deadline: str | None = None
        beside_lead = "lead" in post_roles  # 责任单位 next to a 牵头单位 column supports
        for cell, role in zip(cells, post_roles, strict=False):
            if role == "deadline" and not cell.empty:
                deadline = deadline or cell.flat
            if role not in ROLE_FIELDS:
                continue
            target = ("support" if beside_lead else "lead") if role == "responsible" else role
            if cell.empty and (empty_is_merged or cell.merged):
                continue
            printed.add(target)
            if role == "responsible" and not beside_lead:
                printed.add("support")  # a 责任单位 column alone: no support column to merge from above
            if cell.empty:
                continue
            if is_none_mark(cell.flat):
                continue
            lines.setdefault(target, cell.no)
            stated = cell_cues(cell.flat, cell.no, ctx) if role != "leaders" else None
            if stated is not None:  # the cell says the roles itself: 牵头单位：X；配合单位：Y
                printed.update(stated.spread(fields))
                responsible += stated.responsible
            elif role == "leaders":
                fields["leaders"].extend(leader_names(cell.lines, ctx))
            elif role == "responsible":
                responsible.extend(unit_names(cell.lines, ctx, fields["leaders"]))
            else:
                fields[role].extend(unit_names(cell.lines, ctx, fields["leaders"]))
        if responsible and beside_lead:
            fields["support"].extend(responsible)
        elif responsible:
            assign_responsible(fields, responsible, first_leads)
            if fields["support"]:
                printed.add("support")
        return fields, printed, lines, deadline

    def _unplaced(
        self,
        row: list[_Cell],
        header: list[str | None] | None,
        records: list[TaskRecord],
        empty_is_merged: bool,
        first_leads: bool,
        ctx: Context,
    ) -> None:
        """A row with no task cell: units under merged task cells add to the task above; a row naming a
        person is skipped with a warning; any other (a page's details, prose) is skipped."""
        if records and self._more_units(row, header, records[-1], empty_is_merged, first_leads, ctx):
            return
        filled = [c for c in row if not c.empty]
        if any(is_person(c.flat) for c in filled):
            ctx.warn(filled[0].no, "a row with no task number was skipped")
        elif (
            header
            and not is_page_details(filled)
            and (units := [c.flat for c in filled if looks_like_unit(c.flat) and c.flat[0] not in "(（"])
        ):
            ctx.warn(
                filled[0].no, f"a row with no task cell was skipped; its units ({'、'.join(units)[:30]}) go to no task"
            )

    def _more_units(
        self,
        row: list[_Cell],
        header: list[str | None] | None,
        task: TaskRecord,
        empty_is_merged: bool,
        first_leads: bool,
        ctx: Context,
    ) -> bool:
        """Whether a row under merged task cells (2021.8 | 城投集团 under 项目名称 | 工作任务 printed once) only
        adds units to the task above; they are added to it."""
        texts = [i for i, r in enumerate(header or []) if r == "text"]
        if not texts or not header or len(row) != len(header) or not all(row[i].merged for i in texts):
            return False
        if sum(not c.merged and not c.empty for c in row) < 2:
            return False  # one line after the table (本计划未列出的…,相关责任单位也要…): prose, no row
        _, unit_cells, post_roles = self._split_row(row, texts[-1], header)
        trial = Context(ctx.file, ctx.lines)  # a row that turns out to be no units leaves no warning behind
        fields, _, lines, _ = self._row_roles(unit_cells, post_roles, empty_is_merged, first_leads, trial)
        if not all(looks_like_unit(n) for names in fields.values() for n in names):
            return False
        ctx.warnings += trial.warnings
        ctx.flags += trial.flags
        added = False
        for role, names in fields.items():
            mine = getattr(task, role)
            for name in names:
                if name not in mine:
                    mine.append(name)
                    added = True
            if role in lines:
                task.lines.setdefault(role, lines[role])
        return added

    def _split_row(
        self, row: list[_Cell], t: int, header: list[str | None] | None
    ) -> tuple[list[_Cell], list[_Cell], list[str | None]]:
        """The cells before the task (goal, area), the cells after it and their roles.

        A unit column printed before the task column (牵头单位 | 目标任务 | 责任单位)
        counts with the cells after the task.
        """
        pre, cells, roles = row[:t], row[t + 1 :], self._post_roles(header, row, t)
        if header and len(row) == len(header) and any(r in ROLE_FIELDS for r in header[:t]):
            pre = [c for c, r in zip(row[:t], header, strict=False) if r not in ROLE_FIELDS]
            before = [(c, r) for c, r in zip(row[:t], header, strict=False) if r in ROLE_FIELDS]
            cells = [c for c, _ in before] + cells
            roles = [*(r for _, r in before), *roles]
        return pre, cells, roles

    @staticmethod
    def _task_index(row: list[_Cell], header: list[str | None] | None = None) -> int | None:
        for i, c in enumerate(row):
            if c.lines and PAREN_NUMBER.match(c.lines[0].text) and len(c.flat) > 4:
                return i
        if header and "text" in header and len(row) == len(header):
            texts = [i for i, r in enumerate(header) if r == "text"]
            if not row[texts[0]].empty:
                return texts[0]
            # A sub-row: its 序号 and 项目名称 printed once, in the row above (merged, or left empty where a
            # pipe table printed the merged cells).
            if row[texts[0]].merged or all(c.empty for c in row[: texts[0] + 1]):
                # a later text column, or one no name reads before the units (工作任务 | 细化分工 | 责任处室)
                units = next((i for i, r in enumerate(header) if r in ROLE_FIELDS), len(header))
                later = texts[1:] or [i for i in range(texts[0] + 1, units) if header[i] is None]
                return DelimitedTableLoader._sub_row_text(row, header, later)
        return None

    @staticmethod
    def _sub_row_text(row: list[_Cell], header: list[str | None], texts: list[int]) -> int | None:
        """The text cell of a row under a merged 项目名称: a later text column with a unit after it (not a
        page's 索引号 | … | 成文日期 | … line after the table)."""
        i = next((i for i in texts if not row[i].empty), None)
        return i if i is not None and any(looks_like_unit(c.flat) for c in row[i + 1 :]) else None

    @staticmethod
    def _task_cell(row: list[_Cell], t: int, header: list[str | None] | None) -> tuple[str, str]:
        cell = row[t]
        first = cell.lines[0].text.strip()
        rest = "".join(ln.text.strip() for ln in cell.lines[1:])
        if header and len(row) == len(header) and t + 1 < len(row) and header[t + 1] == "text" and row[t + 1].flat:
            rest += "：" + row[t + 1].flat  # two text columns, a name and its content (项目名称 | 目标任务)
        m = PAREN_NUMBER.match(first)
        if m:
            return squeeze(m.group(1)), (first[m.end() :] + rest).strip()
        if header and "number" in header and len(row) == len(header):
            number = row[header.index("number")].flat
            if number:
                return number, (first + rest).strip()
        if (m := DOT_NUMBER.match(first)) and header and "number" not in header:
            # 14.改扩建… under a 名称 column of a table with no 序号: the task's number printed in its text
            return m.group(1), (first[m.end() :] + rest).strip()
        return "", (first + rest).strip()

    @staticmethod
    def _pre_cells(
        pre: list[_Cell], header: list[str | None] | None, goal: str | None, goal_no: str | None, area: str | None
    ) -> tuple[str | None, str | None, str | None]:
        """Goal number, goal and area from the cells before the task (empty = merged)."""
        if (
            header
            and "text" in header
            and len(pre) == header.index("text")
            and "number" in header[: len(pre)]
            and "goal" not in header[: len(pre)]
        ):
            return goal, goal_no, area  # 序号 is the task's number, no goal column
        if (
            header
            and "text" in header
            and len(pre) == header.index("text")
            and header[len(pre) - 1] == "number"
            and len(pre) > 1
        ):
            # 类别 | 序号 | 任务: the number is the task's, the columns before it name the goal.
            for cell, role in zip(pre, header, strict=False):
                if role == "goal" and not cell.empty and cell.flat != goal:
                    goal, goal_no, area = cell.flat, None, None
            return goal, goal_no, area
        cells = list(pre)
        if len(cells) >= 3:
            cells = cells[-3:]
        number_cell = cells.pop(0) if len(cells) >= 2 or (cells and cells[0].flat.isdigit()) else None
        if number_cell is not None and not number_cell.empty:
            goal_no, area = number_cell.flat, None
        if cells:
            goal_cell = cells.pop(0)
            if not goal_cell.empty and goal_cell.flat != goal:
                goal, area = goal_cell.flat, None
        if cells and not cells[0].empty:
            area = cells[0].flat
        return goal, goal_no, area

    @staticmethod
    def _post_roles(header: list[str | None] | None, row: list[_Cell], t: int) -> list[str | None]:
        if header and len(row) == len(header) and (header[t] == "text" or (t and row[t - 1].merged)):
            return header[t + 1 :]  # (a task's text beside its name merged over rows)
        if header and "text" in header:
            roles = header[header.index("text") + 1 :]
            if roles:
                return roles
        first = next((c for c in row[t + 1 :] if not c.empty), None)
        if first is not None and not all(is_person(ln.text) for ln in first.lines):
            return ["lead", "support"]
        return ["leaders", "lead", "support"]
