"""Which nodes a graph page holds: a plan's tasks and their ancestors, a neighbourhood, a network cut to size."""

from __future__ import annotations

from typing import Any

import networkx as nx

from dutygraph.errors import NodeNotFoundError
from dutygraph.graph import model as m
from dutygraph.graph.analysis import Plan, plan_tasks
from dutygraph.graph.drawing_nodes import unit_status


def _in_view(d: dict[str, Any], region: str | None, year: int | None, plan: Plan | None) -> bool:
    """True when a task's node data falls in the view: exactly ``plan``, else the region and year (None: any)."""
    if plan is not None:
        return plan.holds(d.get("region"), d.get("year"))
    return (region is None or d.get("region") == region) and (year is None or d.get("year") == year)


def scope_nodes(
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


def find_node(G: nx.MultiDiGraph[str], label: str, wanted: str, region: str | None, year: int | None = None) -> str:
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


def neighbourhood(
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


def within_limit(C: nx.Graph[str], stats: dict[str, Any], limit: int) -> tuple[nx.Graph[str], str]:
    """The network cut to ``limit`` units (the overloaded first, then those sharing the most tasks), with a note."""
    if C.number_of_nodes() <= limit:
        return C, ""
    strength = dict(C.degree(weight="weight"))
    ranked = sorted(C, key=lambda n: (unit_status(stats, n) != "overloaded", -strength[n], n))
    flagged = sum(1 for n in C if unit_status(stats, n) == "overloaded")
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
