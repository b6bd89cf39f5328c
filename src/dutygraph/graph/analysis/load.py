"""How much each unit carries and how wide each leader's span is: the per-unit and per-leader counts of one plan."""

from __future__ import annotations

from typing import Any

import networkx as nx

from dutygraph.graph import model as m
from dutygraph.graph.analysis.scope import DEFAULT_WEIGHTS, LoadWeights, _counts, _in_scope, _Task, task_index


def unit_load(
    G: nx.MultiDiGraph[str],
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    weights: LoadWeights = DEFAULT_WEIGHTS,
    index: list[_Task] | None = None,
) -> dict[str, dict[str, Any]]:
    """Each unit's responsibilities in a region and year (all when None).

    Args:
        G: the responsibility graph.
        region: keep tasks of this district only.
        year: keep tasks of this plan year only.
        include_inferred: count guesses filled into deduplicated texts too.
        weights: the weight of a lead and of a support in ``load``.
        index: :func:`task_index` of ``G``, when the caller already has it.

    Returns:
        ``{unit_id: row}`` where a row has region, name, kind, lead, support,
        lead_inferred, support_inferred (guesses, beside the counts), load
        (``weights.lead * lead + weights.support * support``), goals (distinct
        goals spanned), leaders (distinct leaders over its tasks), partners
        (distinct units sharing a task), tasks and collective.

    Example:
        >>> rows = unit_load(G, region="钟楼区", year=2021)
        >>> rows["unit:钟楼区:住建局"]["lead"]
        14

    Cost: linear in the number of responsibilities plus, per task, the square of
    the units on it (for partners).
    """
    acc: dict[str, dict[str, Any]] = {}

    def row(uid: str) -> dict[str, Any]:
        if uid not in acc:
            d = G.nodes[uid]
            acc[uid] = {
                "id": uid,
                "region": d.get("region"),
                "name": d.get("name"),
                "kind": d.get("kind"),
                "collective": d.get("kind") == "collective",
                "lead": 0,
                "support": 0,
                "lead_inferred": 0,
                "support_inferred": 0,
                "_tasks": set(),
                "_goals": set(),
                "_leaders": set(),
                "_partners": set(),
            }
        return acc[uid]

    for task in _in_scope(index if index is not None else task_index(G), region, year):
        counted: list[str] = []
        for pairs, field_ in ((task.lead, "lead"), (task.support, "support")):
            for uid, basis in pairs:
                r = row(uid)
                if _counts(basis, include_inferred):
                    r[field_] += 1
                    r["_tasks"].add(task.id)
                    r["_goals"].add(task.goal)
                    counted.append(uid)
                if basis == m.INFERRED:
                    r[f"{field_}_inferred"] += 1
        leaders = {lid for lid, basis in task.leaders if _counts(basis, include_inferred)}
        for uid in set(counted):
            acc[uid]["_leaders"] |= leaders
            acc[uid]["_partners"] |= set(counted) - {uid}
    for r in acc.values():
        r["load"] = weights.lead * r["lead"] + weights.support * r["support"]
        r["tasks"] = len(r.pop("_tasks"))
        r["goals"] = len(r.pop("_goals"))
        r["leaders"] = len(r.pop("_leaders"))
        r["partners"] = len(r.pop("_partners"))
    return acc


def leader_span(
    G: nx.MultiDiGraph[str],
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    index: list[_Task] | None = None,
) -> dict[str, dict[str, Any]]:
    """Each leader's span: tasks overseen, units under them, goals covered.

    Returns:
        ``{leader_id: row}`` with region, name, tasks, units, goals, tasks_inferred
        and collective (全体区长 is a body, reported apart).
    """
    acc: dict[str, dict[str, Any]] = {}
    for task in _in_scope(index if index is not None else task_index(G), region, year):
        goal = task.goal
        units = {u for u, b in task.lead + task.support if _counts(b, include_inferred)}
        for lid, basis in task.leaders:
            d = G.nodes[lid]
            r = acc.setdefault(
                lid,
                {
                    "id": lid,
                    "region": d.get("region"),
                    "name": d.get("name"),
                    "collective": bool(d.get("collective")),
                    "tasks_inferred": 0,
                    "_tasks": set(),
                    "_units": set(),
                    "_goals": set(),
                },
            )
            if basis == m.INFERRED:
                r["tasks_inferred"] += 1
            if _counts(basis, include_inferred):
                r["_tasks"].add(task.id)
                r["_units"] |= units
                r["_goals"].add(goal)
    for r in acc.values():
        r["tasks"] = len(r.pop("_tasks"))
        r["units"] = len(r.pop("_units"))
        r["goals"] = len(r.pop("_goals"))
    return acc
