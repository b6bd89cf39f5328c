"""The review page: one self-contained file for reviewers, one plan at a time.

Flags first, with their reasons and the peers each unit was compared with;
blanket supporters apart; the year-over-year change of the region when it has
two plan years; a bar chart of load per unit; the co-ordination matrix of the
busiest units (:mod:`dutygraph.graph.review_matrix`); the unit ranking (filter by kind,
sort by any column, a row opens to the unit's tasks); leader spans; collective
units; and the units view of the coordination network, all in one offline page.
Every piece of text from a document is escaped (the pieces are in
:mod:`dutygraph.graph.review_parts`); the page's style and script are
``templates/review.css`` and ``templates/review.js``, and the index page linking
the plans' pages is ``templates/index.html``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from dutygraph.errors import EmptyScopeError
from dutygraph.graph.analysis import (
    DEFAULT_WEIGHTS,
    LEADER_COLUMNS,
    RULES,
    UNIT_COLUMNS,
    Analysis,
    IndexedTask,
    LeaderRow,
    LoadWeights,
    Plan,
    PlanSummary,
    UnitRow,
    analyze,
    kind_name,
    plan_tasks,
    plans,
    task_index,
)
from dutygraph.graph.analysis.results import load_formula
from dutygraph.graph.draw import make_drawing, render, template, units_drawing, write_page
from dutygraph.graph.review_matrix import matrix_section
from dutygraph.graph.review_parts import (
    CHART_UNITS,
    bar_chart,
    changes_section,
    esc,
    rows_table,
    task_list,
    unit_tasks,
)

log = logging.getLogger(__name__)


def _scope_label(analysis: Analysis, region: str | None, year: int | None, plan: Plan | None) -> str:
    """The page's scope in words: the plan's label, or the region and year."""
    if plan is not None:
        return plan.label
    if len(analysis.plans) == 1:
        return analysis.plans[0].label
    return " ".join(str(x) for x in (region, year) if x is not None) or "全部地区"


def _who(r: UnitRow | LeaderRow, several: bool) -> str:
    """A unit's or leader's name, escaped, after its plan when the page holds several."""
    return f"{esc(r.plan)} {esc(r.name)}" if several else esc(r.name)


def _header(scope: str, analysis: Analysis) -> str:
    """The line giving the scope, the load formula with the weights used and the betweenness, then the caveats."""
    method = analysis.method
    counting = "推断项另列、不计入" if not method["include_inferred"] else "推断项已计入"
    pooled = ""
    if method.get("scope") == "pooled":
        pooled = (
            '<p class="pooled">各年合并（pooled）：本页把同一地区各年的计划加在一起，单位负荷是多年之和，'
            "比较的也是多年合并的同类单位。逐年审查请看各年的页面。</p>"
        )
    dedup = [p.label for p in analysis.plans if p.deduplicated]
    dedup_note = (
        (
            f'<p class="method caveat">注：{esc("、".join(dedup))} 的文件在抓取时逐行去重，重复的单元格丢失；'
            "负荷只计印出的单元格，推断项另列。</p>"
        )
        if dedup
        else ""
    )
    return (
        f'<p class="method">{esc(scope)} · 负荷 = {esc(load_formula(method["weights"], "zh"))}'
        f"（{esc(counting)}；第一牵头是任务所列的第一个牵头单位，共同牵头是列在其后的牵头单位）·\n"
        f"中介中心度：{esc(method['betweenness'])}</p>\n{pooled}{dedup_note}"
    )


def _flags_section(analysis: Analysis, several: bool) -> str:
    """The overloaded units and leaders with their reasons, then the blanket supporters."""
    unit_rule, leader_rule = RULES["overloaded"], RULES["leader"]
    items = "".join(
        f"<li><b>{unit_rule.mark} {_who(r, several)}（{esc(kind_name(r.kind))}）</b>：{esc(r.reason)}</li>"
        for r in analysis.units
        if r.flagged
    )
    items += "".join(
        f"<li><b>{leader_rule.mark} {_who(r, several)}（分管领导）</b>：{esc(r.reason)}</li>"
        for r in analysis.leaders
        if r.flagged
    )
    return (
        f"<h2>{esc(unit_rule.name)}的单位与{esc(leader_rule.name)}的领导 · flags</h2>\n"
        f'<p class="method">标记规则：{esc(unit_rule.rule)}。领导：{esc(leader_rule.rule)}。</p>\n'
        f'<ul class="flags">{items or "<li>无单位被标记。</li>"}</ul>\n' + _blanket_section(analysis, several)
    )


def _blanket_section(analysis: Analysis, several: bool) -> str:
    """The blanket supporters with their reasons ("" when there is none)."""
    rule = RULES["blanket"]
    items = "".join(
        f"<li><b>{rule.mark} {_who(r, several)}（{esc(kind_name(r.kind))}）</b>：{esc(r.reason)}</li>"
        for r in analysis.units
        if r.blanket
    )
    if not items:
        return ""
    return (
        f'<h2>{esc(rule.name)}单位 · {esc(rule.label)}s</h2><p class="method">{esc(rule.rule)}</p>'
        f'<ul class="flags blanket">{items}</ul>'
    )


def _chart_section(analysis: Analysis) -> str:
    """The bar chart of load per unit, under its heading."""
    return (
        f"<h2>单位负荷 · load per unit（前 {CHART_UNITS} 位；深色 = 第一牵头，中间色 = 共同牵头，浅色 = 配合；"
        f"紫色 = {esc(RULES['overloaded'].name)}，灰色 = {esc(RULES['blanket'].name)}）</h2>\n"
        + bar_chart(analysis.units, analysis.method["weights"])
    )


def _tables_section(G: nx.MultiDiGraph[str], analysis: Analysis, tasks: list[IndexedTask]) -> str:
    """The unit ranking (filtered by kind, a row opening to its reason and tasks by goal), leaders and collectives."""
    per_unit = unit_tasks(G, {t.id for t in tasks})
    details = {
        r.id: task_list(per_unit.get(r.id, []), r.by_goal, r.reason) for r in analysis.units + analysis.collectives
    }
    kinds = sorted({kind_name(r.kind) for r in analysis.units})
    options = "".join(f'<option value="{esc(k)}">{esc(k)}</option>' for k in kinds)
    collectives = rows_table(analysis.collectives, UNIT_COLUMNS, table_id="dg-collectives", details=details)
    return (
        "<h2>单位排名 · ranking（点击表头排序，点击单位名展开其理由与各目标下的任务）</h2>\n"
        '<label class="filter">类型 <select class="kind-filter" data-table="dg-rank"><option value="">全部</option>'
        f"{options}</select></label>\n"
        f"{rows_table(analysis.units, UNIT_COLUMNS, table_id='dg-rank', details=details)}\n"
        "<h2>分管领导 · leader spans</h2>\n"
        f"{rows_table(analysis.leaders, LEADER_COLUMNS, table_id='dg-leaders')}\n"
        f"<h2>{esc(RULES['collective'].name)}（{esc(RULES['collective'].rule)}）· collective units</h2>\n{collectives}"
    )


def render_report(
    G: nx.MultiDiGraph[str],
    analysis: Analysis,
    *,
    region: str | None = None,
    year: int | None = None,
    plan: Plan | None = None,
    include_inferred: bool = False,
    index: list[IndexedTask] | None = None,
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
    scope = _scope_label(analysis, region, year, plan)
    index = index if index is not None else task_index(G)
    tasks = (
        plan_tasks(index, plan)
        if plan is not None
        else [t for t in index if (region is None or t.region == region) and (year is None or t.year == year)]
    )
    several = len(analysis.plans) > 1
    sections = [
        _header(scope, analysis),
        _flags_section(analysis, several),
        changes_section(analysis),
        _chart_section(analysis),
        matrix_section(G, analysis, tasks, include_inferred=include_inferred),
        _tables_section(G, analysis, tasks),
        "<h2>单位协作网络 · coordination network</h2>",
    ]
    top = '\n<main class="review">\n' + "\n".join(sections) + "\n</main>"
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
    return render(drawing, body_top=top, extra_css=template("review.css"), extra_js=template("review.js"))


def render_index(rows: list[dict[str, Any]], *, title: str = "责任图谱 · 计划一览", note: str = "") -> str:
    """The index page linking each plan's pages: plan, documents, tasks, units, flags.

    Args:
        rows: one per plan with label, documents (names), tasks, units, flagged,
            blanket, deduplicated, graph (a relative link) and review (a
            relative link, or None for a plan whose documents name no unit).
        title: the page's heading.
        note: a line of text under the table.

    Example:
        >>> "无责任单位" in render_index([{"label": "钟楼区 年份不详", "documents": ["002.txt"], "tasks": 74,
        ...     "units": 0, "flagged": 0, "blanket": 0, "graph": "a.html", "review": None}])
        True
    """
    body = []
    for r in rows:
        links = f'<a href="{esc(r["graph"])}">图谱</a>'
        if r.get("review"):
            links += f' · <a href="{esc(r["review"])}">审查</a>'
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
            f'<tr{cls}><td class="text">{esc(r["label"])}</td><td class="text">{esc(docs)}</td><td>{r["tasks"]}</td>'
            f'{cells}<td class="text">{links}</td></tr>'
        )
    values = {"TITLE": esc(title), "ROWS": "".join(body), "NOTE": f"<p>{esc(note)}</p>" if note else ""}
    return re.sub(r"@@([A-Z]+)@@", lambda match: values[match.group(1)], template("index.html"))


@dataclass
class PlanPages:
    """The pages written for one plan (or, pooled, one region): its analysis, graph page and review page."""

    label: str
    analysis: Analysis
    graph: Path
    review: Path | None
    note: str = ""
    row: dict[str, Any] = field(default_factory=dict)


def _page_scopes(G: nx.MultiDiGraph[str], index: list[IndexedTask], pool_years: bool) -> list[tuple[Plan, str | None]]:
    """What gets a page pair: each plan, or (pooled) each region, with the region pooled."""
    if pool_years:
        regions = sorted({t.region for t in index}, key=lambda r: r or "")
        return [(Plan(r, None), r) for r in regions]
    return [(p, None) for p in plans(G, index=index)]


def _index_row(
    label: str, summary: PlanSummary, documents: list[str], graph: Path, review: Path | None
) -> dict[str, Any]:
    """A plan's row of the index page: its documents, counts and the links to its pages."""
    return {
        "label": label,
        "documents": documents,
        "tasks": summary.tasks,
        "units": summary.units + summary.collectives,
        "flagged": summary.flagged,
        "blanket": summary.blanket,
        "deduplicated": summary.deduplicated,
        "graph": graph.name,
        "review": review.name if review else None,
    }


def _plan_pages(
    G: nx.MultiDiGraph[str],
    out: Path,
    plan: Plan,
    pooled_region: str | None,
    *,
    pool_years: bool,
    index: list[IndexedTask],
    weights: LoadWeights,
    include_inferred: bool,
) -> PlanPages:
    """Analyse one plan (pooled: one region) and write its graph page and, when it names a unit, its review page."""
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
        label = a.plans[0].label
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
    review = None
    if summary.units + summary.collectives:
        review = write_page(
            render_report(G, a, include_inferred=include_inferred, index=index, **kwargs),
            out / f"{slug}.review.html",
        )
    docs = sorted(
        {t.doc for t in index if (t.region == plan.region if pool_years else plan.holds(t.region, t.year)) and t.doc}
    )
    return PlanPages(label, a, graph, review, drawing.note, _index_row(label, summary, docs, graph, review))


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
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    index = task_index(G)
    if not index:
        raise EmptyScopeError("no tasks in the graph")
    scopes = _page_scopes(G, index, pool_years)
    written: list[PlanPages] = []
    for done, (plan, pooled_region) in enumerate(scopes, start=1):
        pages = _plan_pages(
            G,
            out,
            plan,
            pooled_region,
            pool_years=pool_years,
            index=index,
            weights=weights,
            include_inferred=include_inferred,
        )
        written.append(pages)
        log.debug("wrote the pages of %s", pages.label)
        if progress:
            progress(done, len(scopes))
    note = "各年合并（pooled）：每个地区一页，负荷为多年之和。" if pool_years else ""
    index_page = write_page(render_index([p.row for p in written], note=note), out / "index.html")
    return index_page, written
