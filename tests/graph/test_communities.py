"""Louvain communities depend on the graph, not on the order a store returned it in."""

from __future__ import annotations

import random

import networkx as nx

from dutygraph.graph.analysis import louvain_in_order


def _shuffled(C: nx.Graph, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    nodes = list(C.nodes(data=True))
    edges = list(C.edges(data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    S = nx.Graph()
    S.add_nodes_from(nodes)
    S.add_edges_from((b, a, d) if rng.random() < 0.5 else (a, b, d) for a, b, d in edges)
    return S


def test_louvain_gives_the_same_communities_whatever_the_insertion_order() -> None:
    C = nx.les_miserables_graph()
    expected = sorted(sorted(c) for c in louvain_in_order(C, seed=0))
    for seed in range(5):
        got = sorted(sorted(c) for c in louvain_in_order(_shuffled(C, seed), seed=0))
        assert got == expected


def test_plain_louvain_depends_on_the_insertion_order_which_is_why_we_sort() -> None:
    C = nx.les_miserables_graph()
    results = {
        tuple(
            tuple(sorted(c)) for c in sorted(nx.community.louvain_communities(_shuffled(C, s), weight="weight", seed=0))
        )
        for s in range(5)
    }
    assert len(results) > 1
