"""Who sits in the middle of the coordination network: degree, betweenness, PageRank, Louvain community."""

from __future__ import annotations

from typing import Any

import networkx as nx

from dutygraph.graph.analysis.coordination import tie_distance

#: Components up to this many units get exact betweenness; larger ones are sampled.
#: A district has a few hundred units at most, and units of different districts
#: never share a task, so every real component is far below this.
EXACT_BETWEENNESS_LIMIT = 5000
#: Pivots used when betweenness is sampled.
BETWEENNESS_SAMPLES = 200


def louvain_in_order(C: nx.Graph[str], *, seed: int = 0) -> list[set[str]]:
    """Louvain communities of ``C`` computed on a copy with nodes and edges sorted by id.

    Louvain visits nodes and edges in insertion order, and each store reads a
    graph back in its own order: sorting first makes the communities depend on
    the graph only, not on the store it came from.

    Example:
        >>> C = nx.Graph([("b", "a"), ("c", "d")])
        >>> sorted(sorted(c) for c in louvain_in_order(C))
        [['a', 'b'], ['c', 'd']]
    """
    if not C.number_of_nodes():
        return []
    S: nx.Graph[str] = nx.Graph()
    S.add_nodes_from(sorted(C.nodes))
    S.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in C.edges(data=True)))
    return list(nx.community.louvain_communities(S, weight="weight", seed=seed))


def unit_centrality(
    C: nx.Graph[str],
    *,
    seed: int = 0,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    samples: int = BETWEENNESS_SAMPLES,
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Weighted degree, betweenness, PageRank and a community for every unit.

    Betweenness is computed in each connected component (a region's units do
    not share tasks with another region's), with distance :func:`tie_distance`
    (proportional to ``1 / weight``) so that units sharing many tasks are close, and normalised within the component.
    Components of up to ``exact_limit`` units are exact (Brandes); larger ones
    use ``samples`` seeded pivots. Communities are Louvain's, seeded so runs repeat.

    Args:
        C: a coordination network from :func:`coordination_network`.
        seed: the seed for Louvain and for sampled betweenness.
        exact_limit: largest component computed exactly.
        samples: pivots for a sampled component.

    Returns:
        ``(per_unit, method)``: per unit ``degree``, ``betweenness``,
        ``pagerank``, ``community``; ``method`` says how betweenness was computed.

    Raises:
        ValueError: ``samples`` is not positive.
    """
    if samples < 1:
        raise ValueError("samples must be at least 1")
    out: dict[str, dict[str, Any]] = {n: {"degree": float(C.degree(n, weight="weight"))} for n in C}
    sampled = 0
    for component in nx.connected_components(C):
        if len(component) <= 2:
            bc = {n: 0.0 for n in component}
        elif len(component) <= exact_limit:
            bc = _exact_betweenness(C, component)
        else:
            sampled += 1
            sub = C.subgraph(component).copy()
            # networkx takes a weight function here; its stubs allow only an attribute name
            bc = nx.betweenness_centrality(  # type: ignore[call-overload]
                sub,
                k=min(samples, len(component)),
                weight=lambda u, v, d: tie_distance(d["weight"]),
                normalized=True,
                seed=seed,
            )
        for n, value in bc.items():
            out[n]["betweenness"] = value
    pr = nx.pagerank(C, weight="weight", tol=1e-10, max_iter=1000) if C.number_of_nodes() else {}
    communities = louvain_in_order(C, seed=seed)
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    for index, members in enumerate(ordered, start=1):
        for n in members:
            out[n]["community"] = index
    for n in C:
        out[n]["pagerank"] = pr.get(n, 0.0)
    method = {
        "betweenness": "exact"
        if not sampled
        else f"sampled ({samples} pivots) in {sampled} component(s) above {exact_limit} units",
        "components": nx.number_connected_components(C) if C.number_of_nodes() else 0,
        "communities": len(ordered),
        "seed": seed,
    }
    return out, method


def _exact_betweenness(C: nx.Graph[str], component: set[str]) -> dict[str, float]:
    """Brandes betweenness of one component by igraph (C code), normalised like networkx."""
    import igraph

    nodes = sorted(component)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v], tie_distance(d["weight"])) for u, v, d in C.subgraph(component).edges(data=True)]
    g = igraph.Graph(n=len(nodes), edges=[(a, b) for a, b, _ in edges])
    raw = g.betweenness(weights=[float(w) for _, _, w in edges])
    scale = 2.0 / ((len(nodes) - 1) * (len(nodes) - 2))
    return {n: value * scale for n, value in zip(nodes, raw, strict=True)}
