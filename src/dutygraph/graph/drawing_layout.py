"""Where a graph page places its nodes before vis-network settles them: one cluster per goal.

Each goal's tasks are laid out as a sunflower (a phyllotaxis spiral) around the
goal, with a hole in the middle for the units and leaders that work mostly on
that goal; the tasks of one area (分项) take one wedge of it. The clusters sit on
a circle, far enough apart not to touch (one circle per plan, the plans side by side). A unit or leader is placed at the
barycentre of its tasks (a lead counting twice a support), so a unit on one
goal's tasks sits inside that goal's cluster and a unit working across goals
between them, the ones on every goal in the middle. Documents sit at the centre
of their goals. Positions depend only on the nodes and edges drawn, never on a
random seed or the order they are listed in, so a page drawn twice is drawn the same.

The browser only settles the layout: tasks and goals are held where they are
while units, leaders, areas and documents find their place in a short
stabilisation (:data:`dutygraph.graph.draw.SETTLE_ITERATIONS`), and are free to
drag afterwards, so the goals stay apart.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from dutygraph.graph import model as m

#: Distance between neighbouring tasks of a cluster, and the room one unit needs in its hole.
TASK_SPACING = 34.0
UNIT_ROOM = 44.0
#: Space left between two goals' clusters.
CLUSTER_GAP = 140.0
#: The golden angle: successive points of a sunflower never line up.
GOLDEN = math.pi * (3 - math.sqrt(5))
#: How much a lead pulls a unit towards its task, against a support (1).
LEAD_PULL = 2.0
_PULL = {m.LEADS: LEAD_PULL, m.SUPPORTS: 1.0, m.OVERSEES: 1.0}

Point = tuple[float, float]


def _sunflower(count: int, skip: float, spacing: float) -> list[Point]:
    """``count`` points of a sunflower of ``spacing``, leaving a hole of ``skip`` points' area in the middle."""
    out = []
    for j in range(count):
        k = skip + j + 0.5
        r, a = spacing * math.sqrt(k), GOLDEN * k
        out.append((r * math.cos(a), r * math.sin(a)))
    return out


def _goal_of_people(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, str]:
    """The goal each unit and leader works on most (by pull, ties broken by goal id)."""
    goal_of = {n["id"]: n.get("goal") or "" for n in nodes if n.get("t") == m.TASK}
    pulls: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for e in edges:
        if e.get("rel") in _PULL and e["to"] in goal_of:
            pulls[e["from"]][goal_of[e["to"]]] += _PULL[e["rel"]]
    return {who: min(p, key=lambda g: (-p[g], g)) for who, p in pulls.items()}


def _plan_of(tasks: list[dict[str, Any]]) -> str:
    return str(tasks[0].get("plan") or "")


def _clusters(nodes: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The tasks of each goal (goal id, "" for none), in the order goals are listed: by plan and ordinal."""
    goals = {n["id"]: n for n in nodes if n.get("t") == m.GOAL}
    by_goal: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in nodes:
        if n.get("t") == m.TASK:
            by_goal[n.get("goal") or ""].append(n)

    def key(g: str) -> tuple[str, int, str]:
        return (_plan_of(by_goal[g]), int(goals.get(g, {}).get("ordinal") or 0), g)

    return {g: by_goal[g] for g in sorted(by_goal, key=key)}


def _cluster_layout(tasks: list[dict[str, Any]], people: int) -> tuple[dict[str, Point], float]:
    """A goal's tasks around (0, 0), an area to a wedge, and the cluster's radius."""
    skip = people * (UNIT_ROOM / TASK_SPACING) ** 2 + 3
    points = sorted(_sunflower(len(tasks), skip, TASK_SPACING), key=lambda p: math.atan2(p[1], p[0]))
    area_line: dict[str, float] = {}
    for t in tasks:
        line = float((t.get("info") or {}).get("line") or 0)
        area = t.get("area") or ""
        area_line[area] = min(area_line.get(area, line), line)

    def key(t: dict[str, Any]) -> tuple[float, str, float, str]:
        area = t.get("area") or ""
        return (area_line[area], area, float((t.get("info") or {}).get("line") or 0), t["id"])

    ordered = sorted(tasks, key=key)
    radius = TASK_SPACING * math.sqrt(skip + len(tasks) + 0.5) + TASK_SPACING
    return {t["id"]: p for t, p in zip(ordered, points, strict=True)}, radius


def _centres(radii: list[float]) -> list[Point]:
    """Centres on a circle for clusters of these radii, each pair of neighbours ``CLUSTER_GAP`` apart."""
    if len(radii) == 1:
        return [(0.0, 0.0)]
    total = sum(radii) + CLUSTER_GAP * len(radii) / 2
    angles, at = [], -math.pi / 2
    for r in radii:
        half = math.pi * (r + CLUSTER_GAP / 2) / total
        angles.append(at + half)
        at += 2 * half
    big = 0.0
    for i, r in enumerate(radii):
        j = (i + 1) % len(radii)
        step = (angles[j] - angles[i]) % (2 * math.pi)
        big = max(big, (r + radii[j] + CLUSTER_GAP) / (2 * math.sin(min(step, math.pi) / 2)))
    return [(big * math.cos(a), big * math.sin(a)) for a in angles]


def _pack(extents: list[float]) -> list[Point]:
    """Centres for groups of these radii (a plan's goals each), in rows, left to right."""
    if len(extents) == 1:
        return [(0.0, 0.0)]
    sizes = [2 * e + CLUSTER_GAP for e in extents]
    # Rows about twice as wide as they are tall together: a screen is wider than high.
    width = max(*sizes, 1.8 * math.sqrt(sum(s * s for s in sizes)))
    out, x, y, row = [], 0.0, 0.0, 0.0
    for size in sizes:
        if x > 0 and x + size > width:
            x, y, row = 0.0, y + row, 0.0
        out.append((x + size / 2, y + size / 2))
        x, row = x + size, max(row, size)
    return out


def _plan_centres(clusters: dict[str, list[dict[str, Any]]], radii: list[float]) -> list[Point]:
    """Each goal's centre: a plan's goals on a circle of their own, the plans' circles side by side."""
    plans: dict[str, list[int]] = defaultdict(list)
    for i, tasks in enumerate(clusters.values()):
        plans[_plan_of(tasks)].append(i)
    local: dict[int, Point] = {}
    extents = []
    for members in plans.values():
        centres = _centres([radii[i] for i in members])
        local.update(zip(members, centres, strict=True))
        extents.append(max(math.hypot(*c) + radii[i] for i, c in zip(members, centres, strict=True)))
    out: dict[int, Point] = {}
    for (ox, oy), members in zip(_pack(extents), plans.values(), strict=True):
        out.update({i: (ox + local[i][0], oy + local[i][1]) for i in members})
    return [out[i] for i in range(len(radii))]


def _barycentres(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], at: dict[str, Point], goal_centre: dict[str, Point]
) -> dict[str, Point]:
    """Units and leaders at the weighted centre of their tasks; goals, areas and documents at their children's."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for e in edges:
        rel, src, dst = e.get("rel"), e["from"], e["to"]
        if rel in _PULL and dst in at:
            w = _PULL[rel]
        elif rel in (m.HAS_TASK, m.HAS_AREA, m.HAS_GOAL) and dst in at:
            w = 1.0
        else:
            continue
        total = sums[src]
        total[0] += w * at[dst][0]
        total[1] += w * at[dst][1]
        total[2] += w
    out: dict[str, Point] = {}
    for n in nodes:
        sx, sy, sw = sums.get(n["id"], (0.0, 0.0, 0.0))
        if n.get("t") == m.GOAL and n["id"] in goal_centre:
            out[n["id"]] = goal_centre[n["id"]]
        elif sw:
            out[n["id"]] = (sx / sw, sy / sw)
    return out


@dataclass(slots=True)
class GoalLayout:
    """Where each node starts, and each goal's disc: ``{"goal", "name", "x", "y", "r"}`` (the page shades it)."""

    positions: dict[str, Point]
    discs: list[dict[str, Any]]


def _disc(
    goal: str, centre: Point, radius: float, nodes: dict[str, dict[str, Any]], tasks: list[Any]
) -> dict[str, Any]:
    """A goal's disc, named by the goal's node or, when the goal is not drawn, by its tasks."""
    name = (nodes.get(goal) or {}).get("name") or (tasks[0].get("info") or {}).get("goal") or "（无目标）"
    return {"goal": goal, "name": name, "x": round(centre[0], 1), "y": round(centre[1], 1), "r": round(radius, 1)}


def goal_layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> GoalLayout:
    """Starting positions for a graph page's nodes, one cluster per goal.

    Args:
        nodes: the page's nodes (``id``, ``t`` the label, a task's ``goal``,
            ``area`` and ``info.line``, a goal's ``plan`` and ``ordinal``).
        edges: the page's edges (``from``, ``to``, ``rel``).

    Returns:
        ``positions``: ``{node id: (x, y)}`` for every node, in vis-network's
        pixels; ``discs``: each goal's cluster, its centre and radius.

    Example:
        >>> nodes = [{"id": "g1", "t": "Goal"}, {"id": "g2", "t": "Goal"}]
        >>> nodes += [{"id": f"t{i}", "t": "Task", "goal": f"g{1 + i % 2}"} for i in range(6)]
        >>> at = goal_layout(nodes, [{"from": "g1", "to": "t0", "rel": "HAS_TASK"}]).positions
        >>> math.dist(at["t0"], at["g1"]) < math.dist(at["t0"], at["g2"])
        True

    Cost: linear in nodes and edges, after sorting each goal's tasks.
    """
    clusters = _clusters(nodes)
    people: dict[str, int] = defaultdict(int)
    for g in _goal_of_people(nodes, edges).values():
        people[g] += 1
    laid = [_cluster_layout(tasks, people[g]) for g, tasks in clusters.items()]
    centres = _plan_centres(clusters, [r for _, r in laid]) if laid else []
    at: dict[str, Point] = {}
    goal_centre: dict[str, Point] = {}
    by_id = {n["id"]: n for n in nodes}
    discs = []
    for g, (cx, cy), (points, radius) in zip(clusters, centres, laid, strict=True):
        goal_centre[g] = (cx, cy)
        at.update({t: (cx + x, cy + y) for t, (x, y) in points.items()})
        discs.append(_disc(g, (cx, cy), radius, by_id, clusters[g]))
    placed = _barycentres(nodes, edges, at, goal_centre)
    # Again, for the documents: their goals are placed now.
    placed = _barycentres(nodes, edges, at | placed, goal_centre)
    out: dict[str, Point] = {}
    for n in nodes:
        x, y = at.get(n["id"]) or placed.get(n["id"]) or (0.0, 0.0)
        if n["id"] not in at and n.get("t") != m.GOAL:
            # Spread a little, so that two units on the same tasks never start at one point (by a
            # checksum of the id, not its place in the list, so the order nodes come in does not matter).
            i = zlib.crc32(n["id"].encode("utf-8"))
            r, a = 9.0 * math.sqrt(i % 97 + 1), GOLDEN * (i % 1009)
            x, y = x + r * math.cos(a), y + r * math.sin(a)
        out[n["id"]] = (round(x, 1), round(y, 1))
    return GoalLayout(out, discs)
