"""The review page: one self-contained file for reviewers, one plan at a time.

Flags first, with their reasons and the peers each unit was compared with;
blanket supporters apart; the year-over-year change of the region when it has
two plan years; a bar chart of load per unit; the unit ranking (filter by kind,
sort by any column, a row opens to the unit's tasks); leader spans; collective
units; and the units view of the coordination network, all in one offline page.
Every piece of text from a document is escaped here; the chart is plain HTML
and CSS, so it reflows on a phone.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from dutygraph.errors import EmptyScopeError
from dutygraph.graph import model as m
from dutygraph.graph.analysis import (
    DEFAULT_WEIGHTS,
    RULES,
    Analysis,
    LoadWeights,
    Plan,
    analyze,
    kind_name,
    plan_tasks,
    plans,
    task_index,
)
from dutygraph.graph.draw import render, units_drawing

log = logging.getLogger(__name__)

CHART_UNITS = 30
#: Year-over-year rows shown: the largest rises and the largest falls, this many each.
CHANGE_ROWS = 15
STATUS_NAMES = {"new": "新增", "gone": "退出", "both": "两年均有"}

_CSS = """
main.review { max-width: 1200px; margin: 0 auto; padding: 8px 16px 24px; }
main.review h2 { font-size: 16px; margin: 22px 0 8px; }
main.review p.method { font-size: 13px; color: #555; }
main.review p.pooled { background: #fff3cd; border: 1px solid #f0d68a; padding: 6px 10px; font-size: 14px; }
ul.flags { padding-left: 18px; } ul.flags li { margin: 6px 0; line-height: 1.5; }
ul.flags li b { color: #b0186f; } ul.flags.blanket li b { color: #555; }
div.scroll { overflow-x: auto; max-width: 100%; }
table.rank { border-collapse: collapse; font-size: 13px; width: 100%; background: #fff; }
table.rank th, table.rank td { border: 1px solid #ddd; padding: 3px 6px; text-align: right; }
table.rank th { background: #f0f0f0; cursor: pointer; user-select: none; position: sticky; top: 0; white-space: nowrap; }
table.rank th::after { content: " ⇅"; color: #aaa; font-size: 11px; }
table.rank th[data-order="asc"]::after { content: " ▲"; color: #222; }
table.rank th[data-order="desc"]::after { content: " ▼"; color: #222; }
table.rank td.text, table.rank th.text { text-align: left; }
table.rank tr.flagged td { background: #fbe3ef; }
table.rank tr.blanket td { background: #eef0f3; }
table.rank button.open { border: 0; background: none; padding: 0; color: #0b5cad; cursor: pointer; font: inherit; text-align: left; }
table.rank tr.tasks td { background: #fcfcfc; text-align: left; }
table.rank tr.tasks ul { margin: 4px 0; padding-left: 18px; } table.rank tr.tasks li { margin: 2px 0; }
table.rank tr.tasks span.role { display: inline-block; min-width: 3.5em; font-weight: bold; }
label.filter { font-size: 13px; margin-right: 12px; }
div.bars { font-size: 12px; max-width: 990px; }
div.bar { display: flex; align-items: center; gap: 6px; margin: 3px 0; }
div.bar span.name { flex: 0 0 30%; max-width: 170px; text-align: right; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
div.bar span.track { flex: 1 1 auto; display: flex; height: 16px; min-width: 0; }
div.bar span.lead { background: #1f77b4; } div.bar span.support { background: #1f77b4; opacity: 0.45; }
div.bar.flagged span.lead, div.bar.flagged span.support { background: #b0186f; }
div.bar.blanket span.lead, div.bar.blanket span.support { background: #7f7f7f; }
div.bar span.value { flex: 0 0 3em; }
#dg-network { height: 640px; border-top: 1px solid #ddd; }
@media (max-width: 700px) { #dg-network { height: 70vh; } main.review { padding: 4px 8px 16px; } }
"""

_JS = """
  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.filter.call(body.rows, function (r) { return !r.classList.contains("tasks"); });
        var asc = th.getAttribute("data-order") !== "asc";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("data-order"); });
        th.setAttribute("data-order", asc ? "asc" : "desc");
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-v"), y = b.cells[col].getAttribute("data-v");
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y), "zh");
          return asc ? c : -c;
        });
        rows.forEach(function (r) {
          body.appendChild(r);
          var detail = r.dgDetail;
          if (detail) { body.appendChild(detail); }
        });
      });
    });
  }
  document.querySelectorAll("table.rank").forEach(sortable);
  document.querySelectorAll("table.rank tr.tasks").forEach(function (detail) {
    var owner = detail.previousElementSibling;
    owner.dgDetail = detail;
    var button = owner.querySelector("button.open");
    button.addEventListener("click", function () {
      detail.hidden = !detail.hidden;
      button.setAttribute("aria-expanded", String(!detail.hidden));
    });
  });
  document.querySelectorAll("select.kind-filter").forEach(function (select) {
    var table = document.getElementById(select.getAttribute("data-table"));
    select.addEventListener("change", function () {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        if (r.classList.contains("tasks")) {
          if (select.value && r.previousElementSibling.hidden) { r.hidden = true; }
          return;
        }
        r.hidden = !!select.value && r.getAttribute("data-kind") !== select.value;
        if (r.dgDetail && r.hidden) { r.dgDetail.hidden = true; }
      });
    });
  });
"""


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
    return f'<div class="scroll"><table class="rank"{ident}><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


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
            f'<span class="track"><span class="lead" style="width:{lw:.2f}%" title="{_e(r["name"])} 牵头 {r["lead"]}"></span>'
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
        f'<h2 id="dg-changes">逐年变化 · year over year（{_e(years)}；升幅最大与降幅最大各 {CHANGE_ROWS} 个）</h2>{notes}'
        f'<p class="method">新增 {len(new)} 个：{_e("、".join(new) or "无")}。退出 {len(gone)} 个：{_e("、".join(gone) or "无")}。</p>'
        + _table(shown, cols, table_id="dg-change-table", flagged_key=None)
    )


def render_report(
    G: nx.MultiDiGraph[str],
    analysis: Analysis,
    *,
    region: str | None = None,
    year: int | None = None,
    plan: Plan | None = None,
    include_inferred: bool = False,
    index: list[Any] | None = None,
) -> str:
    """The review page of ``analysis`` (made from ``G`` for the same plan, or region and year).

    Args:
        G: the responsibility graph.
        analysis: :func:`~dutygraph.graph.analysis.analyze` of the same scope.
        region, year: the scope analysed (None: every region or year).
        plan: the plan analysed, when it was named as one.
        include_inferred: whether guesses were counted (for the network's ties).
        index: :func:`~dutygraph.graph.analysis.task_index` of ``G``, when writing plan after plan.

    Returns:
        The HTML of the page.
    """
    method = analysis.method
    if plan is not None:
        scope = plan.label
    elif len(analysis.plans) == 1:
        scope = analysis.plans[0]["label"]
    else:
        scope = " ".join(str(x) for x in (region, year) if x is not None) or "全部地区"
    index = index if index is not None else task_index(G)
    tasks = (
        plan_tasks(index, plan)
        if plan is not None
        else [t for t in index if (region is None or t.region == region) and (year is None or t.year == year)]
    )
    per_unit = unit_tasks(G, {t.id for t in tasks})
    rules = method.get("rules") or {k: {"mark": r.mark, "name": r.name, "rule": r.rule} for k, r in RULES.items()}
    several = len(analysis.plans) > 1

    def who(r: dict[str, Any]) -> str:
        return f"{_e(r['plan'])} {_e(r['name'])}" if several else _e(r["name"])

    flagged = [r for r in analysis.units if r["flagged"]]
    flags_html = "".join(
        f"<li><b>⚑ {who(r)}（{_e(kind_name(r['kind']))}）</b>：{_e(r['reason'])}</li>" for r in flagged
    )
    lflagged = [r for r in analysis.leaders if r["flagged"]]
    flags_html += "".join(f"<li><b>⚑ {who(r)}（分管领导）</b>：{_e(r['reason'])}</li>" for r in lflagged)
    flags_html = flags_html or "<li>无单位被标记。</li>"
    blanket = [r for r in analysis.units if r["status"] == "blanket"]
    blanket_html = ""
    if blanket:
        items = "".join(f"<li><b>≡ {who(r)}（{_e(kind_name(r['kind']))}）</b>：{_e(r['reason'])}</li>" for r in blanket)
        blanket_html = (
            f'<h2>全面配合单位 · blanket supporters</h2><p class="method">{_e(rules["blanket"]["rule"])}</p>'
            f'<ul class="flags blanket">{items}</ul>'
        )
    unit_cols = [
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
    ]
    if several:
        unit_cols.insert(0, ("plan", "计划", True))
    leader_cols = [
        ("name", "分管领导", True),
        ("tasks", "任务", False),
        ("units", "单位", False),
        ("goals", "目标", False),
        ("tasks_inferred", "推断", False),
        ("flagged", "标记", False),
    ]
    if several:
        leader_cols.insert(0, ("plan", "计划", True))
    kinds = sorted({kind_name(r["kind"]) for r in analysis.units})
    options = "".join(f'<option value="{_e(k)}">{_e(k)}</option>' for k in kinds)
    details = {r["id"]: _task_list(per_unit.get(r["id"], [])) for r in analysis.units + analysis.collectives}
    counting = "推断项另列、不计入" if not method["include_inferred"] else "推断项已计入"
    pooled = ""
    if method.get("scope") == "pooled":
        pooled = (
            '<p class="pooled">各年合并（pooled）：本页把同一地区各年的计划加在一起，单位负荷是多年之和，'
            "比较的也是多年合并的同类单位。逐年审查请看各年的页面。</p>"
        )
    dedup = [p["label"] for p in analysis.plans if p.get("deduplicated")]
    dedup_note = (
        (
            f'<p class="method caveat">注：{_e("、".join(dedup))} 的文件在抓取时逐行去重，重复的单元格丢失；'
            "负荷只计印出的单元格，推断项另列。</p>"
        )
        if dedup
        else ""
    )
    top = f"""
<main class="review">
<p class="method">{_e(scope)} · 负荷 = {method["weights"]["lead"]:g} × 牵头 + {method["weights"]["support"]:g} × 配合（{_e(counting)}）·
中介中心度：{_e(method["betweenness"])}</p>
{pooled}{dedup_note}
<h2>负担过重的单位与领导 · flags</h2>
<p class="method">标记规则：{_e(rules["overloaded"]["rule"])}。领导：{_e(rules["leader"]["rule"])}。</p>
<ul class="flags">{flags_html}</ul>
{blanket_html}
{_changes_html(analysis)}
<h2>单位负荷 · load per unit（前 {CHART_UNITS} 位；深色 = 牵头，浅色 = 配合；紫色 = 负担过重，灰色 = 全面配合）</h2>
{bar_chart(analysis.units, method["weights"])}
<h2>单位排名 · ranking（点击表头排序，点击单位名展开其任务）</h2>
<label class="filter">类型 <select class="kind-filter" data-table="dg-rank"><option value="">全部</option>{options}</select></label>
{_table(analysis.units, unit_cols, table_id="dg-rank", details=details)}
<h2>分管领导 · leader spans</h2>
{_table(analysis.leaders, leader_cols, table_id="dg-leaders")}
<h2>集体单位（单列，不参与排名）· collective units</h2>
{_table(analysis.collectives, unit_cols[: (11 if several else 10)], table_id="dg-collectives", flagged_key=None, details=details)}
<h2>单位协作网络 · coordination network</h2>
</main>"""
    drawing = units_drawing(
        G,
        analysis,
        region=region,
        year=year,
        plan=plan,
        include_inferred=include_inferred,
        title=f"责任审查 · {scope}",
        index=index,
    )
    return render(drawing, body_top=top, extra_css=_CSS, extra_js=_JS)


_INDEX = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>@@TITLE@@</title>
<style>
body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; background: #fafafa; }
main { max-width: 1000px; margin: 0 auto; padding: 12px 16px 24px; }
h1 { font-size: 20px; } p { font-size: 14px; color: #555; }
div.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 5px 8px; text-align: right; } th { background: #f0f0f0; }
td.text, th.text { text-align: left; } tr.nounits td { color: #777; }
</style>
</head>
<body><main>
<h1>@@TITLE@@</h1>
<p>每个计划（一个地区一年的文件）各有一张图谱页和一张审查页；年份不同的计划不合并。</p>
<div class="scroll"><table id="dg-plans"><thead><tr><th class="text">计划</th><th class="text">文件</th><th>任务</th><th>单位</th>
<th>负担过重</th><th>全面配合</th><th class="text">页面</th></tr></thead><tbody>@@ROWS@@</tbody></table></div>
@@NOTE@@
</main></body>
</html>
"""


def render_index(rows: list[dict[str, Any]], *, title: str = "责任图谱 · 计划一览", note: str = "") -> str:
    """The index page linking each plan's pages: plan, documents, tasks, units, flags.

    Args:
        rows: one per plan with label, documents (names), tasks, units, flagged,
            blanket, deduplicated, graph (a relative link) and review (a
            relative link, or None for a plan whose documents name no unit).
        title: the page's heading.
        note: a line of text under the table.

    Example:
        >>> "无责任单位" in render_index([{"label": "钟楼区 年份不详", "documents": ["002.txt"], "tasks": 74, "units": 0,
        ...     "flagged": 0, "blanket": 0, "graph": "a.html", "review": None}])
        True
    """
    body = []
    for r in rows:
        links = f'<a href="{_e(r["graph"])}">图谱</a>'
        if r.get("review"):
            links += f' · <a href="{_e(r["review"])}">审查</a>'
        docs = "、".join(d[4:] if d.startswith("doc:") else d for d in r["documents"])
        if r.get("deduplicated"):
            docs += "（逐行去重，单元格有丢失）"
        if r["units"]:
            cells = f"<td>{r['units']}</td><td>{r['flagged']}</td><td>{r['blanket']}</td>"
            cls = ""
        else:
            cells = '<td class="text" colspan="3">无责任单位（文件未印出单位），不作审查</td>'
            cls = ' class="nounits"'
        body.append(
            f'<tr{cls}><td class="text">{_e(r["label"])}</td><td class="text">{_e(docs)}</td><td>{r["tasks"]}</td>'
            f'{cells}<td class="text">{links}</td></tr>'
        )
    values = {"TITLE": _e(title), "ROWS": "".join(body), "NOTE": f"<p>{_e(note)}</p>" if note else ""}
    return re.sub(r"@@([A-Z]+)@@", lambda match: values[match.group(1)], _INDEX)


@dataclass
class PlanPages:
    """The pages written for one plan (or, pooled, one region): its analysis, graph page and review page."""

    label: str
    analysis: Analysis
    graph: Path
    review: Path | None
    note: str = ""
    row: dict[str, Any] = field(default_factory=dict)


def write_plan_pages(
    G: nx.MultiDiGraph[str],
    out_dir: str | Path,
    *,
    weights: LoadWeights = DEFAULT_WEIGHTS,
    include_inferred: bool = False,
    pool_years: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Path, list[PlanPages]]:
    """Analyse ``G`` plan by plan and write each plan's graph and review pages, and an index linking them.

    A plan whose documents name no unit (a narrative work report) gets a graph
    page and a line in the index saying so, but no review. With
    ``pool_years=True`` a region's years are one page pair, and every page says
    the years are pooled.

    Args:
        G: the responsibility graph.
        out_dir: where ``index.html`` and the plans' pages go (``钟楼区-2021.graph.html``, ``….review.html``).
        weights, include_inferred: as for :func:`~dutygraph.graph.analysis.analyze`.
        pool_years: one page pair per region, its years added together.
        progress: called with (done, total) after each plan.

    Returns:
        The index page's path and what was written for each plan.

    Raises:
        EmptyScopeError: ``G`` has no task.
    """
    from dutygraph.graph.draw import make_drawing, write_page

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    index = task_index(G)
    if not index:
        raise EmptyScopeError("no tasks in the graph")
    if pool_years:
        regions = sorted({t.region for t in index}, key=lambda r: r or "")
        scopes = [(Plan(r, None), r) for r in regions]
    else:
        scopes = [(p, None) for p in plans(G, index=index)]
    written: list[PlanPages] = []
    for done, (plan, pooled_region) in enumerate(scopes, start=1):
        if pool_years:
            a = analyze(
                G,
                region=pooled_region,
                pool_years=True,
                include_inferred=include_inferred,
                weights=weights,
                index=index,
            )
            kwargs: dict[str, Any] = {"region": pooled_region}
            label = a.plans[0]["label"]
            slug = f"{plan.slug.rsplit('-', 1)[0]}-pooled"
        else:
            a = analyze(G, plan=plan, include_inferred=include_inferred, weights=weights, index=index)
            kwargs = {"plan": plan}
            label, slug = plan.label, plan.slug
        drawing = make_drawing(G, "full", analysis=a, index=index, **kwargs)
        if pool_years:
            drawing.title += "（各年合并）"
            drawing.note = ("各年合并（pooled）：本页把同一地区各年的计划画在一起。" + drawing.note).strip()
        graph = write_page(render(drawing), out / f"{slug}.graph.html")
        summary = a.plans[0]
        units = summary["units"] + summary["collectives"]
        review = None
        if units:
            review = write_page(
                render_report(G, a, include_inferred=include_inferred, index=index, **kwargs),
                out / f"{slug}.review.html",
            )
        docs = sorted(
            {
                t.doc
                for t in index
                if (t.region == plan.region if pool_years else plan.holds(t.region, t.year)) and t.doc
            }
        )
        row = {
            "label": label,
            "documents": docs,
            "tasks": summary["tasks"],
            "units": units,
            "flagged": summary["flagged"],
            "blanket": summary["blanket"],
            "deduplicated": summary.get("deduplicated", False),
            "graph": graph.name,
            "review": review.name if review else None,
        }
        written.append(PlanPages(label, a, graph, review, drawing.note, row))
        log.debug("wrote the pages of %s", label)
        if progress:
            progress(done, len(scopes))
    note = "各年合并（pooled）：每个地区一页，负荷为多年之和。" if pool_years else ""
    index_page = write_page(render_index([p.row for p in written], note=note), out / "index.html")
    return index_page, written
