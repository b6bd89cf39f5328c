"""The review page's pieces: escaped cells, the sortable table, the load chart, each unit's tasks, the yearly change.

Every piece of text from a document is escaped here (:func:`_e`); the chart is
plain HTML and CSS, so it reflows on a phone. The page is assembled in
:mod:`dutygraph.graph.report`.
"""

from __future__ import annotations

import html
from typing import Any

import networkx as nx

from dutygraph.graph import model as m
from dutygraph.graph.analysis import Analysis, kind_name

CHART_UNITS = 30
#: Year-over-year rows shown: the largest rises and the largest falls, this many each.
CHANGE_ROWS = 15
STATUS_NAMES = {"new": "新增", "gone": "退出", "both": "两年均有"}
#: The ranking's columns (key, heading, text or not); the collectives' table has the first ten.
UNIT_COLUMNS = (
    ("name", "单位", True),
    ("kind", "类型", True),
    ("lead", "牵头", False),
    ("support", "配合", False),
    ("lead_inferred", "推断牵头", False),
    ("support_inferred", "推断配合", False),
    ("load", "负荷", False),
    ("goals", "目标", False),
    ("leaders", "领导", False),
    ("partners", "协作单位", False),
    ("degree", "加权度", False),
    ("betweenness", "中介中心度", False),
    ("pagerank", "PageRank", False),
    ("community", "社区", False),
    ("flagged", "标记", False),
)
LEADER_COLUMNS = (
    ("name", "分管领导", True),
    ("tasks", "任务", False),
    ("units", "单位", False),
    ("goals", "目标", False),
    ("tasks_inferred", "推断", False),
    ("flagged", "标记", False),
)
#: The first column when a page holds several plans.
PLAN_COLUMN = ("plan", "计划", True)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _shown(key: str, v: Any) -> Any:
    if isinstance(v, bool):
        return "⚑" if v else ""
    if key == "kind":
        return kind_name(v)
    if key == "status":
        return STATUS_NAMES.get(v, v)
    if isinstance(v, float):
        return f"{v:.3f}" if key in ("betweenness", "pagerank") else f"{v:g}"
    return v


def _table(
    rows: list[dict[str, Any]],
    columns: list[tuple[str, str, bool]],
    *,
    table_id: str = "",
    flagged_key: str | None = "flagged",
    details: dict[str, str] | None = None,
) -> str:
    """A sortable table; a row whose id is in ``details`` gets a button opening a row of that (trusted) HTML."""
    head = "".join(f'<th class="{"text" if text else ""}">{_e(title)}</th>' for _, title, text in columns)
    body = []
    for r in rows:
        cells = []
        for key, _, text in columns:
            v = r.get(key)
            shown = _e(_shown(key, v))
            if key == "name" and details is not None and r.get("id") in details:
                shown = f'<button class="open" type="button" aria-expanded="false" title="展开任务">{shown} ▸</button>'
            sort_value = int(v) if isinstance(v, bool) else (kind_name(v) if key == "kind" else v)
            cells.append(f'<td class="{"text" if text else ""}" data-v="{_e(sort_value)}">{shown}</td>')
        classes = []
        if flagged_key and r.get(flagged_key):
            classes.append("flagged")
        if r.get("status") == "blanket":
            classes.append("blanket")
        attrs = f' class="{" ".join(classes)}"' if classes else ""
        attrs += f' data-kind="{_e(kind_name(r.get("kind")))}"' if "kind" in r else ""
        body.append(f"<tr{attrs}>{''.join(cells)}</tr>")
        if details is not None and r.get("id") in details:
            body.append(f'<tr class="tasks" hidden><td colspan="{len(columns)}">{details[r["id"]]}</td></tr>')
    ident = f' id="{_e(table_id)}"' if table_id else ""
    return (
        f'<div class="scroll"><table class="rank"{ident}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def bar_chart(rows: list[dict[str, Any]], weights: dict[str, float], limit: int = CHART_UNITS) -> str:
    """A bar chart of load per unit (lead dark, support light) in HTML and CSS, so it reflows on a phone.

    Example:
        >>> "牵头 2" in bar_chart([{"name": "甲局", "lead": 2, "support": 1, "load": 5.0}], {"lead": 2, "support": 1})
        True
    """
    rows = rows[:limit]
    if not rows:
        return "<p>无数据</p>"
    top = max(r["load"] for r in rows) or 1.0
    parts = ['<div class="bars" role="img" aria-label="load per unit">']
    for r in rows:
        lw = 100 * weights["lead"] * r["lead"] / top
        sw = 100 * weights["support"] * r["support"] / top
        cls = "flagged" if r.get("flagged") else ("blanket" if r.get("status") == "blanket" else "")
        parts.append(
            f'<div class="bar {cls}"><span class="name" title="{_e(r["name"])}">{_e(r["name"])}</span>'
            f'<span class="track"><span class="lead" style="width:{lw:.2f}%" '
            f'title="{_e(r["name"])} 牵头 {r["lead"]}"></span>'
            f'<span class="support" style="width:{sw:.2f}%" title="{_e(r["name"])} 配合 {r["support"]}"></span></span>'
            f'<span class="value">{r["load"]:g}</span></div>'
        )
    parts.append("</div>")
    return "".join(parts)


def unit_tasks(G: nx.MultiDiGraph[str], task_ids: set[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Each unit's tasks (among ``task_ids``, all when None): number, text, goal, role, basis, line.

    Example:
        >>> unit_tasks(G)["unit:钟楼区:住建局"][0]["role"]
        '牵头'
    """
    out: dict[str, list[dict[str, Any]]] = {}
    wanted = task_ids if task_ids is not None else [n for n, d in G.nodes(data=True) if d.get("label") == m.TASK]
    for tid in sorted(wanted, key=lambda t: (G.nodes[t].get("line") or 0, t)):
        d = G.nodes[tid]
        goal = G.nodes[d["goal"]].get("title") if d.get("goal") in G else None
        for src, _, rel, e in G.in_edges(tid, keys=True, data=True):
            if rel in (m.LEADS, m.SUPPORTS):
                out.setdefault(src, []).append(
                    {
                        "task": tid,
                        "number": d.get("number"),
                        "text": d.get("text"),
                        "goal": goal or "",
                        "role": "牵头" if rel == m.LEADS else "配合",
                        "basis": e.get("basis"),
                        "line": e.get("line"),
                    }
                )
    return out


def _task_list(items: list[dict[str, Any]]) -> str:
    by_goal: dict[str, list[dict[str, Any]]] = {}
    for t in items:
        by_goal.setdefault(t["goal"], []).append(t)
    parts = []
    for goal, tasks in by_goal.items():
        lis = "".join(
            f'<li><span class="role">{_e(t["role"])}</span>{_e(t["number"])} {_e(t["text"])}'
            f"{'（推断）' if t['basis'] == m.INFERRED else ''}<small>（第 {_e(t['line'])} 行）</small></li>"
            for t in tasks
        )
        parts.append(f"<b>{_e(goal or '（无目标）')}</b><ul>{lis}</ul>")
    return "".join(parts)


def _changes_html(analysis: Analysis) -> str:
    changes = analysis.changes
    if not changes:
        return ""
    years = f"{changes[0]['year_a']} → {changes[0]['year_b']}"
    shown = changes[:CHANGE_ROWS] + [c for c in changes[-CHANGE_ROWS:] if c not in changes[:CHANGE_ROWS]]
    new = [c["name"] for c in changes if c["status"] == "new"]
    gone = [c["name"] for c in changes if c["status"] == "gone"]
    cols = [
        ("region", "地区", True),
        ("name", "单位", True),
        ("kind", "类型", True),
        ("load_a", f"{changes[0]['year_a']} 负荷", False),
        ("load_b", f"{changes[0]['year_b']} 负荷", False),
        ("change", "变化", False),
        ("status", "状态", True),
    ]
    notes = "".join(
        f'<p class="method caveat">注：{_e(n.split(":", 1)[0])} 的文件在抓取时逐行去重，重复的单元格丢失、只能推断；'
        f"负荷只计印出的单元格，降幅有一部分来自这一丢失。<small>（{_e(n)}）</small></p>"
        for n in analysis.method.get("notes", [])
    )
    return (
        f'<h2 id="dg-changes">逐年变化 · year over year（{_e(years)}；'
        f"升幅最大与降幅最大各 {CHANGE_ROWS} 个）</h2>{notes}"
        f'<p class="method">新增 {len(new)} 个：{_e("、".join(new) or "无")}。'
        f"退出 {len(gone)} 个：{_e('、'.join(gone) or '无')}。</p>"
        + _table(shown, cols, table_id="dg-change-table", flagged_key=None)
    )
