"""The review page: one self-contained file for reviewers.

Flags with their reasons, the unit ranking (a table that sorts by any column),
a bar chart of load per unit, leader spans, collective units, and the units
view of the coordination network, all in one offline page. Every piece of text
from a document is escaped here; the chart is inline SVG.
"""

from __future__ import annotations

import html
from typing import Any

import networkx as nx

from dutygraph.graph.analysis import Analysis
from dutygraph.graph.draw import render, units_drawing

CHART_UNITS = 30

_CSS = """
main.review { max-width: 1200px; margin: 0 auto; padding: 8px 16px 24px; }
main.review h2 { font-size: 16px; margin: 22px 0 8px; }
main.review p.method { font-size: 13px; color: #555; }
ul.flags { padding-left: 18px; } ul.flags li { margin: 4px 0; }
ul.flags li b { color: #c0392b; }
table.rank { border-collapse: collapse; font-size: 13px; width: 100%; background: #fff; }
table.rank th, table.rank td { border: 1px solid #ddd; padding: 3px 6px; text-align: right; }
table.rank th { background: #f0f0f0; cursor: pointer; user-select: none; position: sticky; top: 0; }
table.rank td.text, table.rank th.text { text-align: left; }
table.rank tr.flagged td { background: #fdecea; }
svg.bars text { font-size: 12px; }
#dg-network { height: 640px; border-top: 1px solid #ddd; }
"""

_SORT_JS = """
  document.querySelectorAll("table.rank").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var asc = th.getAttribute("data-order") !== "asc";
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-order"); });
        th.setAttribute("data-order", asc ? "asc" : "desc");
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-v"), y = b.cells[col].getAttribute("data-v");
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y), "zh");
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str, bool]], flagged_key: str | None = "flagged") -> str:
    head = "".join(f'<th class="{"text" if text else ""}">{_e(title)}</th>' for _, title, text in columns)
    body = []
    for r in rows:
        cells = []
        for key, _, text in columns:
            v = r.get(key)
            shown = f"{v:.3f}" if isinstance(v, float) and key in ("betweenness", "pagerank") else (f"{v:g}" if isinstance(v, float) else v)
            if isinstance(v, bool):
                shown = "⚑" if v else ""
            cells.append(f'<td class="{"text" if text else ""}" data-v="{_e(v if not isinstance(v, bool) else int(v))}">{_e(shown)}</td>')
        cls = ' class="flagged"' if flagged_key and r.get(flagged_key) else ""
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    return f'<table class="rank"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def bar_chart(rows: list[dict[str, Any]], weights: dict[str, float], limit: int = CHART_UNITS) -> str:
    """An inline SVG bar chart of load per unit, the lead part dark and the support part light."""
    rows = rows[:limit]
    if not rows:
        return "<p>无数据</p>"
    top = max(r["load"] for r in rows) or 1.0
    bar_h, gap, left, width = 18, 4, 170, 760
    height = len(rows) * (bar_h + gap) + 10
    parts = [f'<svg class="bars" role="img" aria-label="load per unit" width="{left + width + 60}" height="{height}">']
    for i, r in enumerate(rows):
        y = i * (bar_h + gap) + 5
        lw = width * weights["lead"] * r["lead"] / top
        sw = width * weights["support"] * r["support"] / top
        fill = "#d62728" if r.get("flagged") else "#1f77b4"
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{_e(r["name"])}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{lw:.1f}" height="{bar_h}" fill="{fill}"><title>{_e(r["name"])} 牵头 {r["lead"]}</title></rect>')
        parts.append(f'<rect x="{left + lw:.1f}" y="{y}" width="{sw:.1f}" height="{bar_h}" fill="{fill}" fill-opacity="0.45">'
                     f'<title>{_e(r["name"])} 配合 {r["support"]}</title></rect>')
        parts.append(f'<text x="{left + lw + sw + 4:.1f}" y="{y + 13}">{r["load"]:g}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_report(
    G: nx.MultiDiGraph, analysis: Analysis, *, region: str | None = None, year: int | None = None, include_inferred: bool = False
) -> str:
    """The review page of ``analysis`` (made from ``G`` for the same region and year)."""
    method = analysis.method
    scope = " ".join(str(x) for x in (region, year) if x is not None) or "全部地区、全部年份"
    flagged = [r for r in analysis.units if r["flagged"]]
    flags_html = "".join(f"<li><b>{_e(r['region'])} {_e(r['name'])}</b>：{_e(r['reason'])}</li>" for r in flagged) or "<li>无单位被标记。</li>"
    lflagged = [r for r in analysis.leaders if r["flagged"]]
    flags_html += "".join(f"<li><b>{_e(r['region'])} {_e(r['name'])}（分管领导）</b>：{_e(r['reason'])}</li>" for r in lflagged)
    unit_cols = [("region", "地区", True), ("name", "单位", True), ("kind", "类型", True), ("lead", "牵头", False),
                 ("support", "配合", False), ("lead_inferred", "推断牵头", False), ("support_inferred", "推断配合", False),
                 ("load", "负荷", False), ("goals", "目标", False), ("leaders", "领导", False), ("partners", "协作单位", False),
                 ("degree", "加权度", False), ("betweenness", "中介中心度", False), ("pagerank", "PageRank", False),
                 ("community", "社区", False), ("flagged", "标记", False)]
    leader_cols = [("region", "地区", True), ("name", "分管领导", True), ("tasks", "任务", False), ("units", "单位", False),
                   ("goals", "目标", False), ("tasks_inferred", "推断", False), ("flagged", "标记", False)]
    counting = "推断项另列、不计入" if not method["include_inferred"] else "推断项已计入"
    notes = "".join(f"<p class=\"method\">注：{_e(n)}</p>" for n in method.get("notes", []))
    top = f"""
<main class="review">
<p class="method">{_e(scope)} · 负荷 = {method['weights']['lead']:g} × 牵头 + {method['weights']['support']:g} × 配合（{_e(counting)}）·
中介中心度：{_e(method['betweenness'])} · 标记规则：同区稳健 z（中位数与 MAD）&gt; 3.5，且同区至少 5 个单一单位。</p>
{notes}
<h2>负担过重的单位与领导 · flags</h2>
<ul class="flags">{flags_html}</ul>
<h2>单位负荷 · load per unit（前 {CHART_UNITS} 位；深色 = 牵头，浅色 = 配合）</h2>
{bar_chart(analysis.units, method['weights'])}
<h2>单位排名 · ranking（点击表头排序）</h2>
{_table(analysis.units, unit_cols)}
<h2>分管领导 · leader spans</h2>
{_table(analysis.leaders, leader_cols)}
<h2>集体单位（单列，不参与排名）· collective units</h2>
{_table(analysis.collectives, unit_cols[:12], flagged_key=None)}
<h2>单位协作网络 · coordination network</h2>
</main>"""
    drawing = units_drawing(G, analysis, region=region, year=year, include_inferred=include_inferred,
                            title=f"责任审查 · {scope}")
    return render(drawing, body_top=top, extra_css=_CSS, extra_js=_SORT_JS)
