"""Interactive pages drawn with pyvis: the graph for planners, one file that works offline.

pyvis assembles the nodes, edges and vis-network options and ships vis-network
itself; the page around them is dutygraph's own template (``templates/page.html``)
because pyvis 0.3.2's template pulls Bootstrap from a CDN even with
``cdn_resources="in_line"`` (pyvis#229), can blank the graph with its select
menus (pyvis#193), switches every popup to innerHTML when one title contains
"href", does not escape the heading, and writes files without an encoding.

Here every script and style is inlined, a Content-Security-Policy forbids any
network request, and document text only ever reaches the page as JSON data
shown with ``textContent``: a task reading ``<script>alert(1)</script>`` is shown,
never run.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from dutygraph.errors import UnknownViewError
from dutygraph.graph import model as m
from dutygraph.graph.analysis import Analysis, Plan, coordination_network, plan_tasks, task_index
from dutygraph.graph.drawing_layout import goal_layout
from dutygraph.graph.drawing_nodes import (
    PALETTE,
    UNIT_SHAPE_NAMES,
    graph_edges,
    graph_node,
    legend_entries,
    load_formula,
    unit_node,
    unit_stats,
)
from dutygraph.graph.drawing_scope import find_node, neighbourhood, scope_nodes, within_limit

VIEWS = ("full", "units", "goal", "unit", "leader")
#: The shade of a goal's disc behind its tasks.
DISC_COLOUR = "#eef3fa"

#: Above this many nodes a page is drawn as the units view instead. Measured
#: with bench/bench_drawing.py: see bench/RESULTS.md for the stabilisation times.
DRAW_LIMIT = 1000


@dataclass(slots=True)
class Drawing:
    """A page's content before it is rendered: title, nodes, edges, legend, note."""

    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[dict[str, Any]]
    note: str = ""
    view: str = "full"
    #: The load's weights, as the analysis counted them (``lead``, ``support``, ``text``), shown in the panel.
    weights: dict[str, Any] | None = None
    #: Each goal's cluster of tasks (:class:`~dutygraph.graph.drawing_layout.GoalLayout`), shaded behind it.
    discs: list[dict[str, Any]] = field(default_factory=list)


#: Stabilisation iterations of a page laid out in Python (:mod:`.drawing_layout`): enough to settle, not to move
#: the goals' clusters together.
SETTLE_ITERATIONS = 60


def _options(n_nodes: int, placed: bool = False) -> dict[str, Any]:
    """vis-network's options: a page laid out beforehand only settles; the units view is laid out here."""
    iterations = SETTLE_ITERATIONS if placed else (300 if n_nodes < 400 else 150)
    return {
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 90, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "multiselect": False},
        "nodes": {"font": {"size": 12, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}},
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes < 300 and not placed},
    }


def _weights(analysis: Analysis | None) -> dict[str, Any] | None:
    """The load's weights for the panel, with the formula in words (None without an analysis)."""
    if analysis is None or not analysis.method:
        return None
    w = analysis.method["weights"]
    co_lead = w.get("co_lead", w["lead"])
    return {"lead": w["lead"], "co_lead": co_lead, "support": w["support"], "text": load_formula(analysis.method)}


def units_drawing(
    G: nx.MultiDiGraph[str],
    analysis: Analysis,
    *,
    region: str | None = None,
    year: int | None = None,
    plan: Plan | None = None,
    include_inferred: bool = False,
    title: str | None = None,
    limit: int = DRAW_LIMIT,
    index: list[Any] | None = None,
) -> Drawing:
    """The coordination network: units joined by shared tasks.

    Edge width is the number of shared tasks, node size the unit's betweenness,
    colour its community, and an overloaded unit carries ⚑ and a red border.
    A network of more than ``limit`` units (a province) keeps the overloaded
    units and then those sharing the most tasks, up to ``limit``, with a note.
    """
    tasks = plan_tasks(index if index is not None else task_index(G), plan) if plan is not None else index
    C = coordination_network(G, region=region, year=year, include_inferred=include_inferred, index=tasks)
    stats = unit_stats(analysis)
    # One row per unit for size and colour: its heaviest plan among those drawn.
    best = {n: max(rows.values(), key=lambda p: p.row.load).row for n, rows in stats.items()}
    C, note = within_limit(C, stats, limit)
    nodes = [unit_node(G, n, best.get(n), stats) for n in C]
    edges = []
    for u, v, d in C.edges(data=True):
        edges.append(
            {
                "id": f"{u}|{v}",
                "from": u,
                "to": v,
                "width": min(12.0, 0.8 + d["weight"]),
                "color": "#9aa9b8",
                "title": f"共同任务 {d['weight']} 项（牵头-配合 {d['lead_support']}，"
                f"配合-配合 {d['support_support']}，牵头-牵头 {d['lead_lead']}）",
                "shared": d["weight"],
                "rel": "SHARES",
            }
        )
    legend = [
        {"type": "node", "shape": "dot", "color": PALETTE[0], "label": "颜色 = 协作社区 (community)"},
        {"type": "node", "shape": "dot", "color": "#bbbbbb", "label": "大小 = 中介中心度或负荷（面板中选择）"},
    ]
    for shape, name in UNIT_SHAPE_NAMES.items():
        if any(n["shape"] == shape for n in nodes):
            legend.append({"type": "node", "shape": shape, "color": "#bbbbbb", "label": f"形状：{name}"})
    legend.append({"type": "edge", "color": "#9aa9b8", "label": "连线粗细 = 共同任务数"})
    legend += [e for e in legend_entries(nodes, []) if e["type"] == "border"]
    scope = plan.label if plan is not None else (" ".join(str(x) for x in (region, year) if x is not None) or "全部")
    return Drawing(
        title or f"单位协作网络 · {scope}", nodes, edges, legend, note, view="units", weights=_weights(analysis)
    )


def make_drawing(
    G: nx.MultiDiGraph[str],
    view: str = "full",
    *,
    analysis: Analysis | None = None,
    goal: str | None = None,
    unit: str | None = None,
    leader: str | None = None,
    region: str | None = None,
    year: int | None = None,
    plan: Plan | None = None,
    limit: int = DRAW_LIMIT,
    index: list[Any] | None = None,
) -> Drawing:
    """Choose what a page shows.

    Args:
        G: the responsibility graph.
        view: ``full`` (documents to leaders), ``units`` (the coordination
            network), or the neighbourhood of one ``goal``, ``unit`` or ``leader``.
        analysis: the analysis of the same scope, for sizes, colours, flags and
            hover text; required for ``units``.
        goal, unit, leader: the node a neighbourhood view is centred on (an id,
            a name, or part of a goal's title).
        region, year: restrict to tasks of this district and year (every view
            honours them, the neighbourhoods included).
        plan: restrict to exactly this plan (a plan of unknown year included).
        limit: a ``full`` page with more nodes than this is drawn as the units
            view instead, with a note saying so.
        index: :func:`~dutygraph.graph.analysis.task_index` of ``G``, when
            drawing plan after plan.

    Raises:
        UnknownViewError: unknown view, or a neighbourhood view without its centre.
        NodeNotFoundError: the centre is not found, or is ambiguous.
    """
    if view not in VIEWS:
        raise UnknownViewError(f"unknown view '{view}'; choose one of {', '.join(VIEWS)}")
    if view == "units" and analysis is None:
        raise UnknownViewError("the units view needs the analysis")
    stats = unit_stats(analysis)
    scope = plan.label if plan is not None else (" ".join(str(x) for x in (region, year) if x is not None) or "全部")
    note = ""
    if view == "full":
        keep = scope_nodes(G, region, year, plan, index)
        title = f"责任图谱 · {scope}"
        if len(keep) > limit and analysis is not None:
            drawing = units_drawing(G, analysis, region=region, year=year, plan=plan, limit=limit, index=index)
            drawing.note = f"完整图有 {len(keep)} 个节点，超过 {limit} 个，页面难以使用，改为显示单位协作网络；" + (
                drawing.note or "可用 --region/--year 或 --view goal/unit/leader 缩小范围。"
            )
            return drawing
    elif view == "units":
        assert analysis is not None
        return units_drawing(G, analysis, region=region, year=year, plan=plan, limit=limit, index=index)
    else:
        wanted = {"goal": goal, "unit": unit, "leader": leader}[view]
        if not wanted:
            raise UnknownViewError(f"the {view} view needs --{view} NAME")
        label = {"goal": m.GOAL, "unit": m.UNIT, "leader": m.LEADER}[view]
        region_ = plan.region if plan is not None else region
        year_ = plan.year if plan is not None else year
        centre = find_node(G, label, wanted, region_, year_)
        keep = neighbourhood(G, centre, region, year, plan)
        d = G.nodes[centre]
        title = f"{ {'goal': '目标', 'unit': '单位', 'leader': '分管领导'}[view] } · {d.get('name') or d.get('title')}"
        if scope != "全部":
            title += f" · {scope}"
    nodes = [graph_node(G, n, stats) for n in G.nodes if n in keep]
    edges = graph_edges(G, keep)
    layout = goal_layout(nodes, edges)
    for node in nodes:
        node["x"], node["y"] = layout.positions[node["id"]]
        if node["t"] in (m.TASK, m.GOAL):
            node["fixed"] = True  # until the layout has settled: the goals' clusters stay as laid out
    legend = legend_entries(nodes, edges)
    if len(layout.discs) > 1:
        legend.append({"type": "disc", "color": DISC_COLOUR, "label": "浅色圆 = 一个目标的任务（按目标分区布局）"})
    return Drawing(title, nodes, edges, legend, note, view, _weights(analysis), layout.discs)


@cache
def _asset(name: str) -> str:
    return resources.files("pyvis").joinpath(f"templates/lib/vis-9.1.2/{name}").read_text(encoding="utf-8")


@cache
def template(name: str = "page.html") -> str:
    """A file of ``templates/``: the graph page, the review page's style and script, the index page."""
    return resources.files("dutygraph.graph").joinpath(f"templates/{name}").read_text(encoding="utf-8")


def safe_json(value: Any) -> str:
    """JSON that cannot end the ``<script>`` element it sits in.

    Example:
        >>> safe_json({"t": "</script><b>"})
        '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def render(
    drawing: Drawing, *, body_top: str = "", body_bottom: str = "", extra_css: str = "", extra_js: str = ""
) -> str:
    """The self-contained HTML page of a drawing.

    pyvis holds the nodes and edges (its ``Network`` validates them); the page is
    dutygraph's template with vis-network, its CSS and the data inlined. The
    ``body_*``, ``extra_css`` and ``extra_js`` fragments are trusted HTML made by
    dutygraph (the review page), never document text.
    """
    # Always directed: pyvis checks an undirected edge against every edge before
    # it (quadratic: a province's page was not done after 10 minutes), and
    # dutygraph's edges are unique anyway.
    # The units view's arrows are switched off below.
    net = Network(directed=True)
    for node in drawing.nodes:
        net.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in drawing.edges:
        net.add_edge(edge["from"], edge["to"], **{k: v for k, v in edge.items() if k not in ("from", "to")})
    data = {
        "title": drawing.title,
        "note": drawing.note,
        "legend": drawing.legend,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _options(len(net.nodes), placed=all("x" in n for n in drawing.nodes) and bool(drawing.nodes)),
        "view": drawing.view,
        "plans": sorted({n["plan"] for n in drawing.nodes if n.get("plan")}),
        "goals": [
            {"id": n["id"], "name": n.get("name") or n.get("label"), "plan": n.get("plan")}
            for n in drawing.nodes
            if n.get("t") == m.GOAL
        ],
        "areas": [
            {"id": n["id"], "name": n.get("name") or n.get("label"), "goal": n.get("goal"), "plan": n.get("plan")}
            for n in drawing.nodes
            if n.get("t") == m.AREA
        ],
        "weights": drawing.weights,
        "discs": drawing.discs if len(drawing.discs) > 1 else [],
        "discColour": DISC_COLOUR,
        "kinds": sorted({n["kind"] for n in drawing.nodes if n.get("t") == m.UNIT and n.get("kind")}),
    }
    if drawing.view == "units":
        data["options"]["edges"]["arrows"] = {"to": {"enabled": False}}
        for edge in data["edges"]:
            edge.pop("arrows", None)
    values = {
        "TITLE": html.escape(drawing.title, quote=True),
        "VIS_CSS": _asset("vis-network.css"),
        "EXTRA_CSS": extra_css,
        "BODY_TOP": body_top,
        "BODY_BOTTOM": body_bottom,
        "EXTRA_JS": extra_js,
        "DATA": safe_json(data),
        "VIS_JS": _asset("vis-network.min.js"),
    }
    # One pass, so nothing inserted (document text included) is scanned for markers again.
    return re.sub(r"@@([A-Z_]+)@@", lambda match: values[match.group(1)], template())


def write_page(html_text: str, path: str | Path) -> Path:
    """Write a page as UTF-8 (pyvis's own writer uses the platform encoding)."""
    path = Path(path)
    path.write_text(html_text, encoding="utf-8")
    return path
