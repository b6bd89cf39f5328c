"""Writing the graph to files other tools read: GraphML, GEXF, node-link JSON."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from dutygraph.errors import InputError

FORMATS = ("graphml", "gexf", "json")


def flat_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose list-valued attributes are JSON strings (GraphML and GEXF hold no lists)."""
    H = nx.MultiDiGraph()
    for n, data in G.nodes(data=True):
        H.add_node(
            n, **{k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in data.items()}
        )
    for u, v, k, data in G.edges(keys=True, data=True):
        H.add_edge(
            u,
            v,
            key=k,
            **{a: json.dumps(b, ensure_ascii=False) if isinstance(b, (list, dict)) else b for a, b in data.items()},
        )
    return H


def write_graph(G: nx.MultiDiGraph, path: str | Path, fmt: str) -> None:
    """Write ``G`` to ``path`` as ``graphml``, ``gexf`` or ``json`` (node-link).

    Raises:
        InputError: the format is unknown or the file cannot be written.
    """
    if fmt not in FORMATS:
        raise InputError(str(path), f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    try:
        if fmt == "graphml":
            nx.write_graphml(flat_copy(G), path, encoding="utf-8")
        elif fmt == "gexf":
            nx.write_gexf(flat_copy(G), path, encoding="utf-8")
        else:
            data = nx.node_link_data(G, edges="edges")
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot write the file ({exc.strerror or exc})") from exc
