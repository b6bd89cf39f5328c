"""What a graph page draws: nodes, edges, hover text and legend, styled by label and a unit's status.

A unit's node carries its kind (shape), its figures per plan (for the panel's
sizing) and its status from the analysis (⚑ overloaded, ≡ blanket supporter);
a task's node carries its details for the panel. The page itself is made in
:mod:`dutygraph.graph.draw`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from dutygraph.graph import model as m
from dutygraph.graph.analysis import RULES, UNIT_COLUMNS, Analysis, Plan, UnitRow, kind_name, peer_group
from dutygraph.graph.analysis.results import columns_named
from dutygraph.graph.analysis.results import load_formula as formula_of

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


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """A label: the text cut to ``limit`` characters with an ellipsis.

    Example:
        >>> shorten("地区生产总值增长6%左右。", 8)
        '地区生产总值增长…'
    """
    return text if len(text) <= limit else text[:limit] + "…"


def load_formula(method: dict[str, Any]) -> str:
    """How a unit's load was counted, in words: the weights and whether guesses count.

    Example:
        >>> load_formula({"weights": {"lead": 2.0, "co_lead": 1.5, "support": 1.0}, "include_inferred": False})
        '负荷 = 2 × 第一牵头 + 1.5 × 共同牵头 + 1 × 配合（推断项不计入）'
    """
    weights = method.get("weights") or {"lead": 2.0, "co_lead": 1.5, "support": 1.0}
    counted = "推断项已计入" if method.get("include_inferred") else "推断项不计入"
    return f"负荷 = {formula_of(weights, 'zh')}（{counted}）"


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


#: The figures of a unit's hover text, a line each, as the columns of UNIT_COLUMNS name and write them.
HOVER_LINES = (
    columns_named(UNIT_COLUMNS, ("lead", "lead_first", "lead_co", "support", "load")),
    columns_named(UNIT_COLUMNS, ("lead_inferred", "support_inferred")),
    columns_named(UNIT_COLUMNS, ("goals", "leaders", "partners")),
    columns_named(UNIT_COLUMNS, ("betweenness", "pagerank", "community")),
)


@dataclass(frozen=True, slots=True)
class Placed:
    """A unit's row in one plan drawn, with its rank there (None for a collective unit, never ranked)."""

    row: UnitRow
    rank: int | None


def _figures(s: Placed) -> list[str]:
    """A unit's figures in one plan, a line per group of :data:`HOVER_LINES` (guesses only when there are any)."""
    lines = []
    for columns in HOVER_LINES:
        values = [(c, c.value(s.row)) for c in columns]
        if columns[0].key == "lead_inferred" and not any(v for _, v in values):
            continue
        lines.append("，".join(f"{c.heading('zh')} {c.text(v)}" for c, v in values))
    lines[0] += f"（第 {s.rank} 位）" if s.rank else "（集体单位，不排名）"
    return lines


def unit_title(G: nx.MultiDiGraph[str], uid: str, stats: dict[str, dict[str, Placed]]) -> str:
    """A unit's hover text: its name, region and kind, then its figures and status in each plan drawn."""
    d = G.nodes[uid]
    lines = [f"{d.get('name')}（{d.get('region', '')}，{kind_name(d.get('kind'))}）"]
    for plan, s in stats.get(uid, {}).items():
        figures = _figures(s)
        if len(stats[uid]) > 1:
            figures[0] = f"{plan}：{figures[0]}"
        lines += figures
        if s.row.status in ("overloaded", "blanket"):
            rule = RULES[s.row.status]
            lines.append(f"{rule.mark} {rule.name}：{s.row.reason}")
    if d.get("aliases") and len(d["aliases"]) > 1:
        lines.append(f"写法：{'、'.join(d['aliases'])}")
    return "\n".join(lines)


def unit_stats(analysis: Analysis | None) -> dict[str, dict[str, Placed]]:
    """Each unit's rows by plan label, with its rank in its plan (None for collectives)."""
    if analysis is None:
        return {}
    out: dict[str, dict[str, Placed]] = {}
    ranks: dict[str, int] = {}
    for r in analysis.units:
        ranks[r.plan] = ranks.get(r.plan, 0) + 1
        out.setdefault(r.id, {})[r.plan] = Placed(r, ranks[r.plan])
    for r in analysis.collectives:
        out.setdefault(r.id, {})[r.plan] = Placed(r, None)
    return out


def unit_status(stats: dict[str, dict[str, Placed]], uid: str) -> str:
    """ "overloaded" when flagged in any plan drawn, else "blanket" when a blanket supporter in one, else ""."""
    statuses = {s.row.status for s in stats.get(uid, {}).values()}
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


def _metrics(stats: dict[str, dict[str, Placed]], uid: str) -> dict[str, dict[str, Any]]:
    """What the panel sizes a unit by, per plan: load and betweenness, with its status, reason and counts."""
    return {
        plan: {
            "load": s.row.load,
            "betweenness": round(s.row.betweenness, 4),
            "status": s.row.status,
            "reason": s.row.reason,
            "lead": s.row.lead,
            "lead_first": s.row.lead_first,
            "lead_co": s.row.lead_co,
            "support": s.row.support,
        }
        for plan, s in stats.get(uid, {}).items()
    }


def graph_node(G: nx.MultiDiGraph[str], n: str, stats: dict[str, dict[str, Placed]]) -> dict[str, Any]:
    """The vis-network node of ``n``: its shape, size, colour, label, hover text and panel data."""
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
        node["area"] = next((p for p in G.predecessors(n) if G.nodes[p]["label"] == m.AREA), None)
        node["info"] = _task_info(G, n)
    elif label in (m.UNIT, m.LEADER):
        node["label"] = d.get("name", n)
        node["name"] = d.get("name", n)
        node["region"] = d.get("region")
        if label == m.UNIT:
            node["title"] = unit_title(G, n, stats)
            node["kind"] = kind_name(d.get("kind"))
            node["shape"] = _unit_shape(d.get("kind"))
            node["m"] = _metrics(stats, n)
            _mark(node, unit_status(stats, n))
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
        if label == m.GOAL:
            node["ordinal"] = d.get("ordinal")
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


def graph_edges(G: nx.MultiDiGraph[str], keep: set[str]) -> list[dict[str, Any]]:
    """The vis-network edges among the nodes in ``keep``, styled by relationship (a guess dashed)."""
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


def legend_entries(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Legend entries for what the page shows: node shapes and colours, edge colours, status borders."""
    labels = {n.get("t") for n in nodes}
    entries: list[dict[str, Any]] = [
        {"type": "node", "shape": STYLE[lab]["shape"], "color": STYLE[lab]["color"], "label": STYLE[lab]["name"]}
        for lab in m.LABELS
        if lab in labels and lab != m.UNIT
    ]
    unit_shapes = {n["shape"] for n in nodes if n.get("t") == m.UNIT}
    for shape, name in UNIT_SHAPE_NAMES.items():
        if shape in unit_shapes:
            entries.append({"type": "node", "shape": shape, "color": STYLE[m.UNIT]["color"], "label": f"单位：{name}"})
    rels = {e.get("rel") for e in edges}
    for rel in (m.LEADS, m.SUPPORTS, m.OVERSEES):
        if rel in rels:
            entries.append({"type": "edge", "color": EDGE_STYLE[rel]["color"], "label": EDGE_STYLE[rel]["name"]})
    if any(e.get("dashes") for e in edges):
        entries.append({"type": "edge", "color": "#888888", "dashed": True, "label": "虚线 = 推断 (inferred guess)"})
    labels_text = " ".join(str(n.get("label", "")) for n in nodes)
    if RULES["overloaded"].mark + " " in labels_text:
        entries.append({"type": "border", "color": OVERLOADED_BORDER, "label": "⚑ 品红粗框 = 负担过重 (overloaded)"})
    if RULES["blanket"].mark + " " in labels_text:
        entries.append(
            {
                "type": "border",
                "color": BLANKET_BORDER,
                "dashed": True,
                "label": "≡ 灰色虚框 = 全面配合 (blanket supporter)",
            }
        )
    return entries


def unit_node(
    G: nx.MultiDiGraph[str], n: str, s: UnitRow | None, stats: dict[str, dict[str, Placed]]
) -> dict[str, Any]:
    """A unit's node in the network: size by betweenness, colour by community, its status marked."""
    community = (s.community if s is not None else None) or 0
    d = G.nodes[n]
    node = {
        "id": n,
        "label": d.get("name", n),
        "shape": _unit_shape(d.get("kind")),
        "t": m.UNIT,
        "size": 10 + 40 * (s.betweenness if s is not None else 0.0),
        "color": PALETTE[(community - 1) % len(PALETTE)] if community else "#cccccc",
        "title": unit_title(G, n, stats),
        "name": d.get("name", n),
        "region": d.get("region"),
        "kind": kind_name(d.get("kind")),
        "m": _metrics(stats, n),
    }
    _mark(node, unit_status(stats, n))
    return node
