"""How much each unit carries and how wide each leader's span is: the per-unit and per-leader counts of one plan."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from dutygraph.graph import model as m
from dutygraph.graph.analysis.results import GoalShare, LeaderSpan, UnitLoad
from dutygraph.graph.analysis.scope import DEFAULT_WEIGHTS, IndexedTask, LoadWeights, in_scope, is_counted, task_index


@dataclass(slots=True)
class _Tally:
    """One unit's counts while the tasks are read (made into a :class:`UnitLoad` at the end)."""

    lead_first: int = 0
    lead_co: int = 0
    support: int = 0
    lead_inferred: int = 0
    support_inferred: int = 0
    tasks: set[str] = field(default_factory=set)
    leaders: set[str] = field(default_factory=set)
    partners: set[str] = field(default_factory=set)
    #: per goal: [first-listed leads, co-leads, supports]
    by_goal: dict[str | None, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))

    def add(self, role: int, goal: str | None) -> None:
        """Count one responsibility: role 0 a first-listed lead, 1 a co-lead, 2 a support."""
        if role == 0:
            self.lead_first += 1
        elif role == 1:
            self.lead_co += 1
        else:
            self.support += 1
        self.by_goal[goal][role] += 1


def _goal_shares(G: nx.MultiDiGraph[str], tally: _Tally, weights: LoadWeights) -> tuple[GoalShare, ...]:
    """A unit's load split by goal, the heaviest first (then by title)."""
    shares = [
        GoalShare(
            goal=goal,
            title=str(G.nodes[goal].get("title") or "") if goal is not None and goal in G else "",
            lead=first + co,
            lead_first=first,
            lead_co=co,
            support=support,
            load=weights.load(lead_first=first, lead_co=co, support=support),
        )
        for goal, (first, co, support) in tally.by_goal.items()
    ]
    return tuple(sorted(shares, key=lambda s: (-s.load, -s.lead, s.title, s.goal or "")))


def unit_load(
    G: nx.MultiDiGraph[str],
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    weights: LoadWeights = DEFAULT_WEIGHTS,
    index: list[IndexedTask] | None = None,
) -> dict[str, UnitLoad]:
    """Each unit's responsibilities in a region and year (all when None).

    Args:
        G: the responsibility graph.
        region: keep tasks of this district only.
        year: keep tasks of this plan year only.
        include_inferred: count guesses filled into deduplicated texts too.
        weights: the weights of a first-listed lead, a co-lead and a support in ``load``.
        index: :func:`task_index` of ``G``, when the caller already has it.

    Returns:
        ``{unit_id: UnitLoad}``: leads (``lead_first``, the unit listed first on
        the task, and ``lead_co``, listed after it), supports, guesses beside the
        counts, ``load`` (``weights.load``), goals spanned, leaders over its
        tasks, partners (units sharing a task), tasks, and ``by_goal``.

    Example:
        >>> rows = unit_load(G, region="钟楼区", year=2021)
        >>> r = rows["unit:钟楼区:住建局"]
        >>> r.lead, r.lead_first, r.lead_co, r.load
        (14, 12, 2, 27.0)

    Cost: linear in the number of responsibilities plus, per task, the square of
    the units on it (for partners).
    """
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for task in in_scope(index if index is not None else task_index(G), region, year):
        counted: set[str] = set()
        for held, is_lead in [(h, True) for h in task.lead] + [(h, False) for h in task.support]:
            tally = tallies[held.node]
            if is_counted(held.basis, include_inferred):
                tally.add((0 if held.first else 1) if is_lead else 2, task.goal)
                tally.tasks.add(task.id)
                counted.add(held.node)
            if held.basis == m.INFERRED:
                tally.lead_inferred += is_lead
                tally.support_inferred += not is_lead
        leaders = {h.node for h in task.leaders if is_counted(h.basis, include_inferred)}
        for uid in counted:
            tallies[uid].leaders |= leaders
            tallies[uid].partners |= counted - {uid}
    return {uid: _unit_row(G, uid, t, year, weights) for uid, t in tallies.items()}


def _unit_row(G: nx.MultiDiGraph[str], uid: str, t: _Tally, year: int | None, weights: LoadWeights) -> UnitLoad:
    d = G.nodes[uid]
    return UnitLoad(
        id=uid,
        region=d.get("region"),
        year=year,
        name=d.get("name") or uid,
        kind=d.get("kind"),
        collective=d.get("kind") == "collective",
        lead=t.lead_first + t.lead_co,
        lead_first=t.lead_first,
        lead_co=t.lead_co,
        support=t.support,
        lead_inferred=t.lead_inferred,
        support_inferred=t.support_inferred,
        load=weights.load(lead_first=t.lead_first, lead_co=t.lead_co, support=t.support),
        tasks=len(t.tasks),
        goals=len(t.by_goal),
        leaders=len(t.leaders),
        partners=len(t.partners),
        by_goal=_goal_shares(G, t, weights),
    )


def leader_span(
    G: nx.MultiDiGraph[str],
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    index: list[IndexedTask] | None = None,
) -> dict[str, LeaderSpan]:
    """Each leader's span: tasks overseen, units under them, goals covered.

    Returns:
        ``{leader_id: LeaderSpan}`` with tasks, units, goals, tasks_inferred and
        collective (全体区长 is a body, reported apart).

    Example:
        >>> leader_span(G, region="钟楼区", year=2021)["leader:钟楼区:王旭锋"].units
        15
    """
    tasks: dict[str, set[str]] = defaultdict(set)
    units: dict[str, set[str]] = defaultdict(set)
    goals: dict[str, set[str | None]] = defaultdict(set)
    inferred: dict[str, int] = defaultdict(int)
    for task in in_scope(index if index is not None else task_index(G), region, year):
        held = {h.node for h in task.lead + task.support if is_counted(h.basis, include_inferred)}
        for h in task.leaders:
            inferred[h.node] += h.basis == m.INFERRED
            if is_counted(h.basis, include_inferred):
                tasks[h.node].add(task.id)
                units[h.node] |= held
                goals[h.node].add(task.goal)
    return {
        lid: LeaderSpan(
            id=lid,
            region=G.nodes[lid].get("region"),
            year=year,
            name=G.nodes[lid].get("name") or lid,
            collective=bool(G.nodes[lid].get("collective")),
            tasks=len(tasks[lid]),
            units=len(units[lid]),
            goals=len(goals[lid]),
            tasks_inferred=inferred[lid],
        )
        for lid in inferred
    }
