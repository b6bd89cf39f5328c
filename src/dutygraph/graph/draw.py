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
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from dutygraph.errors import NodeNotFoundError, UnknownViewError
from dutygraph.graph import model as m
from dutygraph.graph.analysis import (
    RULES,
    Analysis,
    Plan,
    coordination_network,
    kind_name,
    peer_group,
    plan_tasks,
    task_index,
)

VIEWS = ("full", "units", "goal", "unit", "leader")

#: Above this many nodes a page is drawn as the units view instead. Measured
#: with bench/bench_drawing.py: see bench/RESULTS.md for the stabilisation times.
DRAW_LIMIT = 1000

STYLE = {
    m.DOCUMENT: {"color": "#6c757d", "shape": "box", "size": 22, "name": "文件 document"},
    m.GOAL: {"color": "#1f77b4", "shape": "diamond", "size": 20, "name": "目标 goal"},
    m.AREA: {"color": "#17becf", "shape": "triangle", "size": 14, "name": "分项 area"},
    m.TASK: {"color": "#bcbd22", "shape": "dot", "size": 8, "name": "任务 task"},
    m.UNIT: {"color": "#ff7f0e", "shape": "dot", "size": 16, "name": "单位 unit"},
    m.LEADER: {"color": "#9467bd", "shape": "star", "size": 18, "name": "分管领导 leader"},
}
#: A unit's shape says its kind (its colour stays the unit colour).
UNIT_SHAPES = {"属地单位": "hexagon", "企业": "triangleDown", "集体单位": "square"}
UNIT_SHAPE_NAMES = {
    "dot": "部门、议事协调机构",
    "hexagon": "属地单位（街道、镇、园区）",
    "triangleDown": "企业",
    "square": "集体单位",
}
EDGE_STYLE = {
    m.HAS_GOAL: {"color": "#c8c8c8", "width": 1},
    m.HAS_AREA: {"color": "#c8c8c8", "width": 1},
    m.HAS_TASK: {"color": "#d4d4d4", "width": 1},
    m.LEADS: {"color": "#d62728", "width": 2.5, "name": "牵头 leads"},
    m.SUPPORTS: {"color": "#8c564b", "width": 1.2, "name": "配合 supports"},
    m.OVERSEES: {"color": "#2ca02c", "width": 1.2, "name": "分管 oversees"},
}
#: Borders that mark a unit's status, in colours no node or edge uses.
OVERLOADED_BORDER = "#e7298a"
BLANKET_BORDER = "#555555"
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#c5b0d5",
    "#c49c94",
    "#f7b6d2",
    "#9edae5",
    "#dbdb8d",
)
INFERRED_NOTE = "推断：原文去重后未印出，按上一行补填，是猜测而非读取 (inferred, a guess)"
LABEL_CHARS = 14


@dataclass(slots=True)
class Drawing:
    """A page's content before it is rendered: title, nodes, edges, legend, note."""

    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[dict[str, Any]]
    note: str = ""
    view: str = "full"


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """A label: the text cut to ``limit`` characters with an ellipsis.

    Example:
        >>> shorten("地区生产总值增长6%左右。", 8)
        '地区生产总值增长…'
    """
    return text if len(text) <= limit else text[:limit] + "…"


def _options(n_nodes: int) -> dict[str, Any]:
    return {
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 90, "avoidOverlap": 0.2},
            "stabilization": {
                "enabled": True,
                "iterations": 300 if n_nodes < 400 else 150,
                "updateInterval": 50,
                "fit": True,
            },
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "multiselect": False},
        "nodes": {"font": {"size": 12, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}},
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes < 300},
    }


def _task_title(G: nx.MultiDiGraph[str], tid: str) -> str:
    d = G.nodes[tid]
    goal = G.nodes[d["goal"]].get("title") if d.get("goal") in G else None
    lines = [f"任务 {d.get('number', '')}：{d.get('text', '')}"]
    if goal:
        lines.append(f"目标：{goal}")
    for rel, name in ((m.LEADS, "牵头"), (m.SUPPORTS, "配合"), (m.OVERSEES, "分管领导")):
        who = [
            f"{G.nodes[s].get('name')}{'（推断）' if e.get('basis') == m.INFERRED else ''}"
            for s, _, k, e in G.in_edges(tid, keys=True, data=True)
            if k == rel
        ]
        if who:
            lines.append(f"{name}：{'、'.join(who)}")
    lines.append(f"{d.get('doc', '')[4:]} 第 {d.get('line', '?')} 行")
    return "\n".join(lines)


def _unit_title(G: nx.MultiDiGraph[str], uid: str, stats: dict[str, dict[str, dict[str, Any]]]) -> str:
    d = G.nodes[uid]
    lines = [f"{d.get('name')}（{d.get('region', '')}，{kind_name(d.get('kind'))}）"]
    for plan, s in stats.get(uid, {}).items():
        head = f"{plan}：" if len(stats[uid]) > 1 else ""
        rank = f"（第 {s['rank']} 位）" if s["rank"] else "（集体单位，不排名）"
        lines.append(f"{head}牵头 {s['lead']} 项，配合 {s['support']} 项，负荷 {s['load']:g}{rank}")
        if s["lead_inferred"] + s["support_inferred"]:
            lines.append(f"另有推断 {s['lead_inferred'] + s['support_inferred']} 项（未计入）")
        lines.append(f"跨 {s['goals']} 个目标，{s['partners']} 个协作单位")
        lines.append(f"中介中心度 {s['betweenness']:.3f}，PageRank {s['pagerank']:.3f}，社区 {s['community']}")
        if s.get("status") in ("overloaded", "blanket"):
            rule = RULES[s["status"]]
            lines.append(f"{rule.mark} {rule.name}：{s['reason']}")
    if d.get("aliases") and len(d["aliases"]) > 1:
        lines.append(f"写法：{'、'.join(d['aliases'])}")
    return "\n".join(lines)


def _unit_stats(analysis: Analysis | None) -> dict[str, dict[str, dict[str, Any]]]:
    """Each unit's rows by plan label, with its rank in its plan (None for collectives)."""
    if analysis is None:
        return {}
    out: dict[str, dict[str, dict[str, Any]]] = {}
    ranks: dict[str, int] = {}
    for r in analysis.units:
        ranks[r["plan"]] = ranks.get(r["plan"], 0) + 1
        out.setdefault(r["id"], {})[r["plan"]] = r | {"rank": ranks[r["plan"]]}
    for r in analysis.collectives:
        out.setdefault(r["id"], {})[r["plan"]] = r | {"rank": None}
    return out


def _status(stats: dict[str, dict[str, dict[str, Any]]], uid: str) -> str:
    """ "overloaded" when flagged in any plan drawn, else "blanket" when a blanket supporter in one, else ""."""
    statuses = {s.get("status") for s in stats.get(uid, {}).values()}
    return "overloaded" if "overloaded" in statuses else ("blanket" if "blanket" in statuses else "")


def _plan_label(G: nx.MultiDiGraph[str], doc: str | None) -> str | None:
    d = G.nodes[doc] if doc is not None and doc in G else None
    return Plan(d.get("region"), d.get("year")).label if d else None


def _unit_shape(kind: str | None) -> str:
    return "square" if kind == "collective" else UNIT_SHAPES.get(peer_group(kind), "dot")


def _mark(node: dict[str, Any], status: str) -> None:
    """A unit's status on its node: ⚑ and a magenta border when overloaded, ≡ and a dashed grey one when blanket."""
    if status not in ("overloaded", "blanket"):
        return
    rule = RULES[status]
    node["label"] = f"{rule.mark} {node['label']}"
    node["borderWidth"] = 4
    background = node["color"] if isinstance(node["color"], str) else node["color"]["background"]
    border = OVERLOADED_BORDER if status == "overloaded" else BLANKET_BORDER
    node["color"] = {
        "background": background,
        "border": border,
        "highlight": {"background": background, "border": border},
    }
    if status == "blanket":
        node["shapeProperties"] = {"borderDashes": [5, 3]}


def _metrics(stats: dict[str, dict[str, dict[str, Any]]], uid: str) -> dict[str, dict[str, Any]]:
    """What the panel sizes a unit by, per plan: load and betweenness, with its status and reason."""
    return {
        plan: {
            "load": s["load"],
            "betweenness": round(s["betweenness"], 4),
            "status": s.get("status", ""),
            "reason": s.get("reason", ""),
            "lead": s["lead"],
            "support": s["support"],
        }
        for plan, s in stats.get(uid, {}).items()
    }


def _node(G: nx.MultiDiGraph[str], n: str, stats: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    d = G.nodes[n]
    label = d["label"]
    style = STYLE[label]
    node: dict[str, Any] = {
        "id": n,
        "shape": style["shape"],
        "size": style["size"],
        "color": style["color"],
        "t": label,
    }
    if label == m.TASK:
        node["label"] = f"{d.get('number', '')} {shorten(d.get('text', ''), 8)}"
        node["title"] = _task_title(G, n)
        node["name"] = f"任务 {d.get('number', '')} {d.get('text', '')}"
        node["plan"] = _plan_label(G, d.get("doc"))
        node["goal"] = d.get("goal")
        node["region"] = d.get("region")
        node["info"] = _task_info(G, n)
    elif label in (m.UNIT, m.LEADER):
        node["label"] = d.get("name", n)
        node["name"] = d.get("name", n)
        node["region"] = d.get("region")
        if label == m.UNIT:
            node["title"] = _unit_title(G, n, stats)
            node["kind"] = kind_name(d.get("kind"))
            node["shape"] = _unit_shape(d.get("kind"))
            node["m"] = _metrics(stats, n)
            _mark(node, _status(stats, n))
        else:
            node["title"] = f"分管领导 {d.get('name')}（{d.get('region', '')}）"
            node["kind"] = "分管领导"
    elif label == m.DOCUMENT:
        node["label"] = shorten(d.get("title") or d.get("source", n), 20)
        node["title"] = (
            f"{d.get('title') or ''}\n{d.get('source', '')}：{d.get('region') or '?'} {d.get('year') or '?'}"
        )
        node["name"] = d.get("title") or d.get("source", n)
        node["plan"] = Plan(d.get("region"), d.get("year")).label
        node["region"] = d.get("region")
    else:
        node["label"] = shorten(d.get("title") or "", LABEL_CHARS)
        node["title"] = d.get("title") or ""
        node["name"] = d.get("title") or ""
        node["plan"] = _plan_label(G, d.get("doc"))
        node["goal"] = (
            n if label == m.GOAL else next((p for p in G.predecessors(n) if G.nodes[p]["label"] == m.GOAL), None)
        )
    return node


def _task_info(G: nx.MultiDiGraph[str], tid: str) -> dict[str, Any]:
    """A task's details for the panel: text, goal, area, source line, and who leads, supports and oversees it."""
    d = G.nodes[tid]
    goal = G.nodes[d["goal"]].get("title") if d.get("goal") in G else None
    area = next((G.nodes[p].get("title") for p in G.predecessors(tid) if G.nodes[p]["label"] == m.AREA), None)
    roles: dict[str, list[list[Any]]] = {"lead": [], "support": [], "leaders": []}
    for src, _, rel, e in G.in_edges(tid, keys=True, data=True):
        if rel in m.RESPONSIBILITY:
            roles[m.RESPONSIBILITY[rel]].append(
                [src, G.nodes[src].get("name"), e.get("basis") == m.INFERRED, e.get("line")]
            )
    return {
        "number": d.get("number"),
        "text": d.get("text"),
        "goal": goal,
        "area": area,
        "doc": (d.get("doc") or "")[4:],
        "line": d.get("line"),
    } | roles


def _edges(G: nx.MultiDiGraph[str], keep: set[str]) -> list[dict[str, Any]]:
    out = []
    for u, v, k, d in G.out_edges(sorted(keep), keys=True, data=True):
        if v not in keep:
            continue
        style = EDGE_STYLE[k]
        edge = {"id": f"{u}|{k}|{v}", "from": u, "to": v, "color": style["color"], "width": style["width"], "rel": k}
        if k in m.RESPONSIBILITY:
            edge["title"] = f"{style['name']}（{d.get('basis')}，第 {d.get('line')} 行）"
            if d.get("basis") == m.INFERRED:
                edge["dashes"] = True
                edge["title"] += "\n" + INFERRED_NOTE
        out.append(edge)
    return out


def _in_view(d: dict[str, Any], region: str | None, year: int | None, plan: Plan | None) -> bool:
    """True when a task's node data falls in the view: exactly ``plan``, else the region and year (None: any)."""
    if plan is not None:
        return plan.holds(d.get("region"), d.get("year"))
    return (region is None or d.get("region") == region) and (year is None or d.get("year") == year)


def _scope(
    G: nx.MultiDiGraph[str],
    region: str | None,
    year: int | None,
    plan: Plan | None = None,
    index: list[Any] | None = None,
) -> set[str]:
    """Tasks in the region and year, with their ancestors and everyone responsible for them."""
    keep: set[str] = set()
    if plan is not None and index is not None:
        tasks = [t.id for t in plan_tasks(index, plan)]
    else:
        tasks = [n for n, d in G.nodes(data=True) if d["label"] == m.TASK and _in_view(d, region, year, plan)]
    for n in tasks:
        keep.add(n)
        keep.update(G.predecessors(n))
    parents = [p for p in keep if G.nodes[p]["label"] == m.AREA]
    for p in parents:
        keep.update(G.predecessors(p))
    goals = [p for p in keep if G.nodes[p]["label"] == m.GOAL]
    for g in goals:
        keep.update(G.predecessors(g))
    return keep


def _find(G: nx.MultiDiGraph[str], label: str, wanted: str, region: str | None, year: int | None = None) -> str:
    """The node of ``label`` whose id, name or title is ``wanted`` (or contains it), in ``region`` and ``year``."""
    exact, partial = [], []
    for n, d in G.nodes(data=True):
        if d["label"] != label or (region and d.get("region", region) != region and label != m.GOAL):
            continue
        if label == m.GOAL and (region or year is not None):
            doc = G.nodes[d["doc"]] if d.get("doc") in G else {}
            if (region and doc.get("region") != region) or (year is not None and doc.get("year") != year):
                continue
        name = d.get("name") or d.get("title") or ""
        if wanted in (n, name):
            exact.append(n)
        elif wanted in name:
            partial.append(n)
    found = exact or partial
    if not found:
        where = " ".join(str(x) for x in (region, year) if x is not None)
        raise NodeNotFoundError(f"no {label.lower()} named '{wanted}'" + (f" in {where}" if where else ""))
    if len(found) > 1:
        names = ", ".join(sorted(G.nodes[n].get("name") or G.nodes[n].get("title") or n for n in found)[:5])
        raise NodeNotFoundError(
            f"'{wanted}' matches {len(found)} {label.lower()}s ({names}); be more specific or give --region"
        )
    return found[0]


def _neighbourhood(
    G: nx.MultiDiGraph[str], centre: str, region: str | None = None, year: int | None = None, plan: Plan | None = None
) -> set[str]:
    """A goal, unit or leader with its tasks in the view (region, year or plan) and everyone responsible for them."""
    label = G.nodes[centre]["label"]
    keep = {centre}
    if label == m.GOAL:
        tasks = {n for n, d in G.nodes(data=True) if d["label"] == m.TASK and d.get("goal") == centre}
        keep |= {a for a in G.successors(centre) if G.nodes[a]["label"] == m.AREA}
    else:
        tasks = {v for _, v in G.out_edges(centre) if _in_view(G.nodes[v], region, year, plan)}
    keep |= tasks
    for t in tasks:
        keep.update(u for u, _, k in G.in_edges(t, keys=True) if k in m.RESPONSIBILITY)
    return keep


def _legend(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Legend entries for what the page shows: node shapes and colours, edge colours, status borders."""
    labels = {n.get("t") for n in nodes}
    legend: list[dict[str, Any]] = [
        {"type": "node", "shape": STYLE[lab]["shape"], "color": STYLE[lab]["color"], "label": STYLE[lab]["name"]}
        for lab in m.LABELS
        if lab in labels and lab != m.UNIT
    ]
    unit_shapes = {n["shape"] for n in nodes if n.get("t") == m.UNIT}
    for shape, name in UNIT_SHAPE_NAMES.items():
        if shape in unit_shapes:
            legend.append({"type": "node", "shape": shape, "color": STYLE[m.UNIT]["color"], "label": f"单位：{name}"})
    rels = {e.get("rel") for e in edges}
    for rel in (m.LEADS, m.SUPPORTS, m.OVERSEES):
        if rel in rels:
            legend.append({"type": "edge", "color": EDGE_STYLE[rel]["color"], "label": EDGE_STYLE[rel]["name"]})
    if any(e.get("dashes") for e in edges):
        legend.append({"type": "edge", "color": "#888888", "dashed": True, "label": "虚线 = 推断 (inferred guess)"})
    labels_text = " ".join(str(n.get("label", "")) for n in nodes)
    if RULES["overloaded"].mark + " " in labels_text:
        legend.append({"type": "border", "color": OVERLOADED_BORDER, "label": "⚑ 品红粗框 = 负担过重 (overloaded)"})
    if RULES["blanket"].mark + " " in labels_text:
        legend.append(
            {
                "type": "border",
                "color": BLANKET_BORDER,
                "dashed": True,
                "label": "≡ 灰色虚框 = 全面配合 (blanket supporter)",
            }
        )
    return legend


def _within_limit(C: nx.Graph[str], stats: dict[str, Any], limit: int) -> tuple[nx.Graph[str], str]:
    """The network cut to ``limit`` units (the overloaded first, then those sharing the most tasks), with a note."""
    if C.number_of_nodes() <= limit:
        return C, ""
    strength = dict(C.degree(weight="weight"))
    ranked = sorted(C, key=lambda n: (_status(stats, n) != "overloaded", -strength[n], n))
    flagged = sum(1 for n in C if _status(stats, n) == "overloaded")
    note = (
        f"单位协作网络有 {C.number_of_nodes()} 个单位，超过 {limit} 个，只画出"
        + (
            f"负担过重的 {flagged} 个和共同任务最多的 {limit - flagged} 个"
            if flagged < limit
            else f"负担过重的 {flagged} 个中共同任务最多的 {limit} 个"
        )
        + "；可用 --region/--year 缩小范围。"
    )
    return C.subgraph(ranked[:limit]), note


def _unit_node(G: nx.MultiDiGraph[str], n: str, s: dict[str, Any], stats: dict[str, Any]) -> dict[str, Any]:
    """A unit's node in the network: size by betweenness, colour by community, its status marked."""
    community = s.get("community") or 0
    d = G.nodes[n]
    node = {
        "id": n,
        "label": d.get("name", n),
        "shape": _unit_shape(d.get("kind")),
        "t": m.UNIT,
        "size": 10 + 40 * float(s.get("betweenness", 0.0)),
        "color": PALETTE[(community - 1) % len(PALETTE)] if community else "#cccccc",
        "title": _unit_title(G, n, stats),
        "name": d.get("name", n),
        "region": d.get("region"),
        "kind": kind_name(d.get("kind")),
        "m": _metrics(stats, n),
    }
    _mark(node, _status(stats, n))
    return node


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
    stats = _unit_stats(analysis)
    # One row per unit for size and colour: its heaviest plan among those drawn.
    best = {n: max(rows.values(), key=lambda r: r["load"]) for n, rows in stats.items()}
    C, note = _within_limit(C, stats, limit)
    nodes = [_unit_node(G, n, best.get(n, {}), stats) for n in C]
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
    legend += [e for e in _legend(nodes, []) if e["type"] == "border"]
    scope = plan.label if plan is not None else (" ".join(str(x) for x in (region, year) if x is not None) or "全部")
    return Drawing(title or f"单位协作网络 · {scope}", nodes, edges, legend, note, view="units")


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
    stats = _unit_stats(analysis)
    scope = plan.label if plan is not None else (" ".join(str(x) for x in (region, year) if x is not None) or "全部")
    note = ""
    if view == "full":
        keep = _scope(G, region, year, plan, index)
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
        centre = _find(G, label, wanted, region_, year_)
        keep = _neighbourhood(G, centre, region, year, plan)
        d = G.nodes[centre]
        title = f"{ {'goal': '目标', 'unit': '单位', 'leader': '分管领导'}[view] } · {d.get('name') or d.get('title')}"
        if scope != "全部":
            title += f" · {scope}"
    nodes = [_node(G, n, stats) for n in G.nodes if n in keep]
    edges = _edges(G, keep)
    return Drawing(title, nodes, edges, _legend(nodes, edges), note, view)


@cache
def _asset(name: str) -> str:
    return resources.files("pyvis").joinpath(f"templates/lib/vis-9.1.2/{name}").read_text(encoding="utf-8")


@cache
def _template() -> str:
    return resources.files("dutygraph.graph").joinpath("templates/page.html").read_text(encoding="utf-8")


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
        "options": _options(len(net.nodes)),
        "view": drawing.view,
        "plans": sorted({n["plan"] for n in drawing.nodes if n.get("plan")}),
        "goals": [
            {"id": n["id"], "name": n.get("name") or n.get("label"), "plan": n.get("plan")}
            for n in drawing.nodes
            if n.get("t") == m.GOAL
        ],
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
    return re.sub(r"@@([A-Z_]+)@@", lambda match: values[match.group(1)], _template())


def write_page(html_text: str, path: str | Path) -> Path:
    """Write a page as UTF-8 (pyvis's own writer uses the platform encoding)."""
    path = Path(path)
    path.write_text(html_text, encoding="utf-8")
    return path
