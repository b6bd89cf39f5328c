"""The review page's pieces: escaped cells, the sortable table, the load chart, each unit's tasks, the yearly change.

Every piece of text from a document is escaped here (:func:`esc`); the chart is
plain HTML and CSS, so it reflows on a phone. The tables' columns are the
specifications of :mod:`dutygraph.graph.analysis.results`. The page is
assembled in :mod:`dutygraph.graph.report`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from dutygraph.graph import model as m
from dutygraph.graph.analysis import CHANGE_COLUMNS, Analysis, Column, GoalShare, UnitRow, kind_name

CHART_UNITS = 30
#: Year-over-year rows shown: the largest rises and the largest falls, this many each.
CHANGE_ROWS = 15


def esc(value: Any) -> str:
    """``value`` as HTML text, quotes included (None is empty).

    Example:
        >>> esc('<b a="1">')
        '&lt;b a=&quot;1&quot;&gt;'
    """
    return html.escape("" if value is None else str(value), quote=True)


def _sort_value(column: Column, value: Any) -> Any:
    """What a column sorts by: numbers as they are, booleans as 0 and 1, other values as shown."""
    if isinstance(value, bool):
        return int(value)
    return value if column.kind in ("int", "number", "signed", "ratio") else column.text(value)


def _cell(column: Column, row: Any, opens: bool) -> str:
    """One cell: the value as a person reads it, the raw value to sort by; a name that opens the row's details."""
    value = column.value(row)
    shown = esc(column.text(value))
    if column.key == "name" and opens:
        shown = f'<button class="open" type="button" aria-expanded="false" title="展开理由与任务">{shown} ▸</button>'
    numeric = column.kind in ("int", "number", "signed", "ratio", "flag")
    cls = "text long" if column.kind == "long" else ("" if numeric else "text")
    title = f' title="{shown}"' if column.kind == "long" else ""
    return f'<td class="{cls}" data-key="{column.key}" data-v="{esc(_sort_value(column, value))}"{title}>{shown}</td>'


def rows_table(
    rows: Sequence[Any],
    columns: Sequence[Column],
    *,
    table_id: str = "",
    details: Mapping[str, str] | None = None,
) -> str:
    """A sortable table with a column for each of ``columns`` (Chinese headings, filled from the first row).

    A row whose ``id`` is in ``details`` gets a button on its name opening a row
    of that (trusted) HTML; flagged rows and blanket supporters are marked.
    """
    sample = rows[0] if rows else None
    head = "".join(
        f'<th class="{"" if c.kind in ("int", "number", "signed", "ratio", "flag") else "text"}" '
        f'data-key="{c.key}">{esc(c.heading("zh", sample))}</th>'
        for c in columns
    )
    body = []
    for r in rows:
        ident = getattr(r, "id", None)
        opens = details is not None and ident in details
        classes = [c for c in ("flagged", "blanket") if getattr(r, c, False)]
        attrs = f' class="{" ".join(classes)}"' if classes else ""
        if isinstance(r, UnitRow):
            attrs += f' data-kind="{esc(kind_name(r.kind))}"'
        body.append(f"<tr{attrs}>{''.join(_cell(c, r, opens) for c in columns)}</tr>")
        if opens and details is not None and ident is not None:
            detail = f'<div class="detail">{details[ident]}</div>'
            body.append(f'<tr class="tasks" hidden><td colspan="{len(columns)}">{detail}</td></tr>')
    attr = f' id="{esc(table_id)}"' if table_id else ""
    return (
        f'<div class="scroll"><table class="rank"{attr}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def bar_chart(rows: Sequence[UnitRow], weights: Mapping[str, float], limit: int = CHART_UNITS) -> str:
    """A bar chart of load per unit (first-listed lead dark, co-lead medium, support light) in HTML and CSS.

    Example:
        >>> from dutygraph.graph.analysis import UnitRow
        >>> row = UnitRow("u", "区", 2024, "甲局", None, False, 2, 1, 1, 1, 0, 0, 4.5, 3, 1, 1, 1)
        >>> "牵头 2（共同牵头 1）" in bar_chart([row], {"lead": 2, "co_lead": 1.5, "support": 1})
        True
    """
    rows = rows[:limit]
    if not rows:
        return "<p>无数据</p>"
    top = max(r.load for r in rows) or 1.0
    parts = ['<div class="bars" role="img" aria-label="load per unit">']
    for r in rows:
        first = 100 * weights["lead"] * r.lead_first / top
        co = 100 * weights.get("co_lead", weights["lead"]) * r.lead_co / top
        sw = 100 * weights["support"] * r.support / top
        cls = "flagged" if r.flagged else ("blanket" if r.blanket else "")
        name = esc(r.name)
        parts.append(
            f'<div class="bar {cls}"><span class="name" title="{name}">{name}</span>'
            f'<span class="track"><span class="lead" style="width:{first:.2f}%" '
            f'title="{name} 牵头 {r.lead}（共同牵头 {r.lead_co}）"></span>'
            f'<span class="lead co" style="width:{co:.2f}%" title="{name} 共同牵头 {r.lead_co}"></span>'
            f'<span class="support" style="width:{sw:.2f}%" title="{name} 配合 {r.support}"></span></span>'
            f'<span class="value">{r.load:g}</span></div>'
        )
    parts.append("</div>")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class TaskItem:
    """One of a unit's tasks as its row opens to it: number, text, goal, role (牵头/配合), basis, line."""

    task: str
    number: str | None
    text: str | None
    goal: str | None
    goal_title: str
    role: str
    basis: str | None
    line: int | None


def unit_tasks(G: nx.MultiDiGraph[str], task_ids: set[str] | None = None) -> dict[str, list[TaskItem]]:
    """Each unit's tasks (among ``task_ids``, all when None), in printed order.

    Example:
        >>> unit_tasks(G)["unit:钟楼区:住建局"][0].role
        '牵头'
    """
    out: dict[str, list[TaskItem]] = {}
    wanted = task_ids if task_ids is not None else [n for n, d in G.nodes(data=True) if d.get("label") == m.TASK]
    for tid in sorted(wanted, key=lambda t: (G.nodes[t].get("line") or 0, t)):
        d = G.nodes[tid]
        goal = d.get("goal") if d.get("goal") in G else None
        title = str(G.nodes[goal].get("title") or "") if goal is not None else ""
        for src, _, rel, e in G.in_edges(tid, keys=True, data=True):
            if rel in (m.LEADS, m.SUPPORTS):
                role = "牵头" if rel == m.LEADS else "配合"
                item = TaskItem(tid, d.get("number"), d.get("text"), goal, title, role, e.get("basis"), e.get("line"))
                out.setdefault(src, []).append(item)
    return out


def _share_text(share: GoalShare) -> str:
    co = f"（共同牵头 {share.lead_co}）" if share.lead_co else ""
    return f"牵头 {share.lead}{co}、配合 {share.support}，负荷 {share.load:g}"


def task_list(items: Sequence[TaskItem], shares: Sequence[GoalShare] = (), reason: str = "") -> str:
    """What a unit's row opens to: its reason, then its tasks under each goal with the load it carries there.

    Goals come in the order of ``shares`` (the unit's load split by goal, heaviest first); a goal where
    it holds only guesses (not counted) comes last, without figures.
    """
    by_goal: dict[str | None, list[TaskItem]] = {}
    for t in items:
        by_goal.setdefault(t.goal, []).append(t)
    counted = {s.goal: s for s in shares}
    order = [s.goal for s in shares if s.goal in by_goal] + [g for g in by_goal if g not in counted]
    parts = [f'<p class="reason" data-key="reason">理由：{esc(reason)}</p>'] if reason else []
    for goal in order:
        tasks = by_goal[goal]
        lis = "".join(
            f'<li data-task="{esc(t.task)}"><span class="role">{esc(t.role)}</span>{esc(t.number)} {esc(t.text)}'
            f"{'（推断）' if t.basis == m.INFERRED else ''}<small>（第 {esc(t.line)} 行）</small></li>"
            for t in tasks
        )
        share = f"<small>（{esc(_share_text(counted[goal]))}）</small>" if goal in counted else ""
        parts.append(f'<b class="goal">{esc(tasks[0].goal_title or "（无目标）")}</b>{share}<ul>{lis}</ul>')
    return "".join(parts)


def changes_section(analysis: Analysis) -> str:
    """The year-over-year section: new and dropped units, the caveats, the largest rises and falls."""
    changes = analysis.changes
    if not changes:
        return ""
    years = f"{changes[0].year_a} → {changes[0].year_b}"
    shown = changes[:CHANGE_ROWS] + [c for c in changes[-CHANGE_ROWS:] if c not in changes[:CHANGE_ROWS]]
    new = [c.name for c in changes if c.status == "new"]
    gone = [c.name for c in changes if c.status == "gone"]
    notes = "".join(
        f'<p class="method caveat">注：{esc(n.split(":", 1)[0])} 的文件在抓取时逐行去重，重复的单元格丢失、只能推断；'
        f"负荷只计印出的单元格，降幅有一部分来自这一丢失。<small>（{esc(n)}）</small></p>"
        for n in analysis.method.get("notes", [])
    )
    return (
        f'<h2 id="dg-changes">逐年变化 · year over year（{esc(years)}；'
        f"升幅最大与降幅最大各 {CHANGE_ROWS} 个）</h2>{notes}"
        f'<p class="method">新增 {len(new)} 个：{esc("、".join(new) or "无")}。'
        f"退出 {len(gone)} 个：{esc('、'.join(gone) or '无')}。</p>"
        + rows_table(shown, CHANGE_COLUMNS, table_id="dg-change-table")
    )
