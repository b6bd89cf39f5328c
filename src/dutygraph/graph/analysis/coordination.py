"""The coordination network: units joined when they share a task."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from dutygraph.graph.analysis.scope import IndexedTask, in_scope, is_counted, task_index


def coordination_network(
    G: nx.MultiDiGraph[str],
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    index: list[IndexedTask] | None = None,
) -> nx.Graph[str]:
    """Units joined when they share a task, weighted by the number of shared tasks.

    Each edge has ``weight`` (shared tasks) and the kind of each tie:
    ``lead_support`` (one leads, the other supports), ``support_support`` and
    ``lead_lead``. Nodes carry the unit's name, region and kind.

    Example:
        >>> C = coordination_network(G, region="钟楼区")
        >>> C["unit:钟楼区:发改局"]["unit:钟楼区:商务局"]["weight"]
        7

    Cost: per task, the square of the number of units on it.
    """
    C: nx.Graph[str] = nx.Graph()
    for task in in_scope(index if index is not None else task_index(G), region, year):
        roles: dict[str, str] = {}
        for pairs, role in ((task.lead, "lead"), (task.support, "support")):
            for uid, basis, _ in pairs:
                if is_counted(basis, include_inferred):
                    roles[uid] = "lead" if "lead" in (role, roles.get(uid)) else "support"
        for uid in roles:
            if uid not in C:
                d = G.nodes[uid]
                C.add_node(uid, name=d.get("name"), region=d.get("region"), kind=d.get("kind"))
        units = sorted(roles)
        for i, a in enumerate(units):
            for b in units[i + 1 :]:
                tie = "_".join(sorted((roles[a], roles[b])))
                if C.has_edge(a, b):
                    e = C[a][b]
                    e["weight"] += 1
                else:
                    C.add_edge(a, b, weight=1, lead_lead=0, lead_support=0, support_support=0)
                    e = C[a][b]
                e[tie] += 1
    return C


#: The kinds of tie an entry of :func:`shared_task_matrix` counts, with its total ``weight``.
TIE_KINDS = ("weight", "lead_support", "support_support", "lead_lead")


def shared_task_matrix(C: nx.Graph[str], units: Sequence[str]) -> list[list[dict[str, int]]]:
    """The ties among ``units`` as a square matrix, in the order given: the co-ordination matrix.

    Entry ``[i][j]`` is the tie between ``units[i]`` and ``units[j]`` in the
    coordination network ``C``: ``weight`` (tasks they share) and how many of
    them are lead–support, support–support and lead–lead. It is all zeros when
    the two share no task, on the diagonal, and for a unit not in ``C``.

    Example:
        >>> C = coordination_network(G, region="钟楼区", year=2021)
        >>> M = shared_task_matrix(C, ["unit:钟楼区:发改局", "unit:钟楼区:商务局"])
        >>> M[0][1]["weight"] == M[1][0]["weight"] == C["unit:钟楼区:发改局"]["unit:钟楼区:商务局"]["weight"]
        True

    Cost: the square of the units asked for.
    """
    zero = dict.fromkeys(TIE_KINDS, 0)
    out = []
    for a in units:
        row = []
        for b in units:
            tie = C[a][b] if a != b and C.has_edge(a, b) else zero
            row.append({k: int(tie.get(k, 0)) for k in TIE_KINDS})
        out.append(row)
    return out


#: 720720 is the least common multiple of 1..16: the distances of ties up to 16
#: shared tasks are exact integers, so equal paths add up to equal lengths.
DISTANCE_SCALE = 720720


def tie_distance(weight: int) -> int:
    """The length of a tie for shortest paths: shorter the more tasks two units share.

    Proportional to ``1 / weight`` but an integer, so that sums are exact and two
    paths of the same length are counted as ties (1/3 + 1/6 is exactly 1/2).

    Example:
        >>> tie_distance(3) + tie_distance(6) == tie_distance(2)
        True
    """
    return round(DISTANCE_SCALE / weight)
