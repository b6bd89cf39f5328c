"""The layout that separates goals: computed in Python, settled (not redone) in Debian's Chromium."""

from __future__ import annotations

import math
import random
from collections import defaultdict

from dutygraph.graph.analysis import analyze, plans
from dutygraph.graph.draw import SETTLE_ITERATIONS, make_drawing, render
from dutygraph.graph.drawing_layout import goal_layout
from tests.conftest import seeds_graph
from tests.graph.test_pages import SHOTS, Opened, _check_loaded, _page, browser  # noqa: F401


def _plan_drawing(label: str = "钟楼区 2021"):
    G = seeds_graph()
    plan = next(p for p in plans(G) if p.label == label)
    return G, make_drawing(G, "full", analysis=analyze(G, plan=plan), plan=plan)


def _centroids(points: dict[str, tuple[float, float]], goal_of: dict[str, str]) -> dict[str, tuple[float, float]]:
    by_goal: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for t, g in goal_of.items():
        by_goal[g].append(points[t])
    return {g: (sum(x for x, _ in ps) / len(ps), sum(y for _, y in ps) / len(ps)) for g, ps in by_goal.items()}


def _nearest_own_goal(points, goal_of) -> int:
    """How many tasks lie nearer the centre of their own goal's tasks than of any other goal's."""
    centre = _centroids(points, goal_of)
    return sum(1 for t, g in goal_of.items() if min(centre, key=lambda h: math.dist(centre[h], points[t])) == g)


def test_each_goals_tasks_form_a_cluster_of_their_own():
    _, drawing = _plan_drawing()
    at = {n["id"]: (n["x"], n["y"]) for n in drawing.nodes}
    goal_of = {n["id"]: n["goal"] for n in drawing.nodes if n["t"] == "Task"}
    assert len(set(goal_of.values())) == sum(1 for n in drawing.nodes if n["t"] == "Goal") == 7
    assert _nearest_own_goal(at, goal_of) == len(goal_of) == 92
    # no two tasks of different goals closer than two tasks of one goal are
    by_goal = defaultdict(list)
    for t, g in goal_of.items():
        by_goal[g].append(at[t])
    goals = sorted(by_goal)
    apart = min(
        math.dist(p, q) for i, g in enumerate(goals) for h in goals[i + 1 :] for p in by_goal[g] for q in by_goal[h]
    )
    assert apart > 100
    # each goal's diamond sits among its own tasks
    for n in drawing.nodes:
        if n["t"] == "Goal":
            assert min(by_goal, key=lambda g: math.dist(_centroids(at, goal_of)[g], at[n["id"]])) == n["id"]


def test_a_unit_on_one_goal_starts_inside_that_goal_and_one_on_every_goal_in_the_middle():
    G, drawing = _plan_drawing()
    at = {n["id"]: (n["x"], n["y"]) for n in drawing.nodes}
    goal_of = {n["id"]: n["goal"] for n in drawing.nodes if n["t"] == "Task"}
    centre = _centroids(at, goal_of)
    middle = (sum(x for x, _ in centre.values()) / len(centre), sum(y for _, y in centre.values()) / len(centre))
    one_goal = [
        u
        for u in (n["id"] for n in drawing.nodes if n["t"] == "Unit")
        if len({goal_of[t] for t in G.successors(u) if t in goal_of}) == 1
    ]
    assert len(one_goal) > 10
    for u in one_goal:
        (g,) = {goal_of[t] for t in G.successors(u) if t in goal_of}
        assert min(centre, key=lambda h: math.dist(centre[h], at[u])) == g, u
    # 高新园 and 经开区 are on (nearly) every task: they start nearer the middle than any goal's tasks
    nearest_goal = min(math.dist(c, middle) for c in centre.values())
    assert math.dist(at["unit:钟楼区:高新园(邹区镇)"], middle) < nearest_goal / 3


def test_the_layout_is_the_same_whatever_order_the_nodes_come_in():
    _, drawing = _plan_drawing()
    first = goal_layout(drawing.nodes, drawing.edges).positions
    nodes, edges = list(drawing.nodes), list(drawing.edges)
    random.Random(3).shuffle(nodes)
    random.Random(4).shuffle(edges)
    again = goal_layout(nodes, edges).positions
    assert first.keys() == again.keys()
    assert all(math.dist(first[n], again[n]) <= 0.15 for n in first)
    assert render(_plan_drawing()[1]) == render(drawing)


def test_the_browser_settles_the_layout_without_mixing_the_goals(browser, tmp_path):  # noqa: F811
    _, drawing = _plan_drawing()
    path = _page(tmp_path, "goal-layout", render(drawing))
    assert f'"iterations": {SETTLE_ITERATIONS}' in path.read_text(encoding="utf-8")
    opened = Opened(browser, path)
    _check_loaded(opened, len(drawing.nodes), len(drawing.edges), "goal-layout")
    after = {k: (p["x"], p["y"]) for k, p in opened.js("window.dutygraph.network.getPositions()").items()}
    goal_of = {n["id"]: n["goal"] for n in drawing.nodes if n["t"] == "Task"}
    assert _nearest_own_goal(after, goal_of) == len(goal_of)
    # tasks and goals stayed where Python put them; units moved only to settle
    laid = {n["id"]: (n["x"], n["y"]) for n in drawing.nodes}
    held = [n["id"] for n in drawing.nodes if n["t"] in ("Task", "Goal")]
    assert all(math.dist(after[t], laid[t]) < 3 for t in held)
    moved = sorted(math.dist(after[n["id"]], laid[n["id"]]) for n in drawing.nodes if n["t"] == "Unit")
    assert moved[len(moved) // 2] < 150
    # and, settled, nothing is held any more: tasks can be dragged
    assert opened.js("window.dutygraph.nodes.get().filter(n => n.fixed).length") == 0
    # the same page settles to the same picture
    second = Opened(browser, path)
    again = {k: (p["x"], p["y"]) for k, p in second.js("window.dutygraph.network.getPositions()").items()}
    assert all(math.dist(after[n], again[n]) < 0.5 for n in after)
    opened.page.screenshot(path=str(SHOTS / "graph.png"))


def test_a_page_of_several_plans_puts_each_plans_goals_together_and_no_two_goals_overlap():
    G = seeds_graph()
    drawing = make_drawing(G, "full", analysis=analyze(G), limit=10**6)
    layout = goal_layout(drawing.nodes, drawing.edges)
    discs = layout.discs
    assert len(discs) == sum(1 for n in drawing.nodes if n["t"] == "Goal") > 30
    for i, a in enumerate(discs):
        for b in discs[i + 1 :]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"], (a["name"], b["name"])
    plan_of = {n["id"]: n["plan"] for n in drawing.nodes if n["t"] == "Goal"}
    centre = {}
    for p in set(plan_of.values()):
        mine = [d for d in discs if plan_of[d["goal"]] == p]
        centre[p] = (sum(d["x"] for d in mine) / len(mine), sum(d["y"] for d in mine) / len(mine))
    for d in discs:
        assert min(centre, key=lambda p: math.dist(centre[p], (d["x"], d["y"]))) == plan_of[d["goal"]], d["name"]
    assert len(centre) == 5
