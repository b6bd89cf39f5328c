"""Year over year: how each unit's load changed between two plan years of a region."""

from __future__ import annotations

import networkx as nx

from dutygraph.graph.analysis.load import unit_load
from dutygraph.graph.analysis.results import ChangeRow
from dutygraph.graph.analysis.scope import DEFAULT_WEIGHTS, IndexedTask, LoadWeights, task_index


def year_over_year(
    G: nx.MultiDiGraph[str],
    region: str,
    year_a: int,
    year_b: int,
    *,
    include_inferred: bool = False,
    weights: LoadWeights = DEFAULT_WEIGHTS,
    index: list[IndexedTask] | None = None,
) -> list[ChangeRow]:
    """How each unit's load changed between two years of one region.

    Returns:
        :class:`ChangeRow` rows (name, kind, load_a, load_b, change, status)
        sorted by change, largest rise first; status is "new" (only in
        ``year_b``), "gone" (only in ``year_a``) or "both".

    Example:
        >>> rows = year_over_year(G, "钟楼区", 2021, 2024)
        >>> {r.status for r in rows} == {"new", "gone", "both"}
        True
    """
    index = index if index is not None else task_index(G)
    a = unit_load(G, region=region, year=year_a, include_inferred=include_inferred, weights=weights, index=index)
    b = unit_load(G, region=region, year=year_b, include_inferred=include_inferred, weights=weights, index=index)
    rows = []
    for uid in sorted(set(a) | set(b)):
        la = a[uid].load if uid in a else 0.0
        lb = b[uid].load if uid in b else 0.0
        status = "both" if uid in a and uid in b else ("new" if uid in b else "gone")
        d = G.nodes[uid]
        rows.append(
            ChangeRow(
                id=uid,
                region=region,
                name=d.get("name") or uid,
                kind=d.get("kind"),
                year_a=year_a,
                year_b=year_b,
                load_a=la,
                load_b=lb,
                change=lb - la,
                status=status,
            )
        )
    return sorted(rows, key=lambda r: (-r.change, r.name))
