"""Writing the graph to files other tools read: GraphML, GEXF 1.3, node-link JSON, Neo4j import CSV.

Every format keeps every node and every relationship. Nodes are labelled by
their name (a unit's or leader's name, a task's number and text, a document's
title) and carry their kind of node as ``type``; relationships carry their kind
(LEADS, SUPPORTS …) as ``role`` and as their label, and their provenance
(``line``, ``basis``, ``doc``, ``position``). Lists (a unit's aliases, a
document's flags) are JSON strings in GraphML and GEXF, which hold no lists.

:data:`EXPORTERS` maps each format's name to its writer; the command line
offers exactly these.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from dutygraph.errors import InputError
from dutygraph.graph import model as m

if TYPE_CHECKING:
    import networkx as nx

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
#: Characters of a node label before it is cut (a task's text can run to hundreds).
LABEL_CHARS = 40


def display_name(data: dict[str, Any]) -> str:
    """What a node is called in Gephi or Cytoscape: a name, never its kind of node.

    Example:
        >>> display_name({"label": "Unit", "id": "unit:钟楼区:发改局", "name": "发改局"})
        '发改局'
        >>> display_name({"label": "Task", "id": "task:x:(1)", "number": "(1)", "text": "地区生产总值增长6%左右。"})
        '(1) 地区生产总值增长6%左右。'
    """
    label = data.get("label")
    if label == m.TASK:
        text = f"{data.get('number', '')} {data.get('text', '')}".strip()
    elif label == m.DOCUMENT:
        text = data.get("title") or data.get("source") or ""
    elif label == m.TARGET:
        text = data.get("text") or data.get("indicator") or ""
    else:
        text = data.get("name") or data.get("title") or data.get("number") or ""
    text = str(text) or str(data.get("id", ""))
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _node_rows(G: nx.MultiDiGraph[str]) -> list[tuple[str, dict[str, Any]]]:
    """Each node's id and exported attributes: ``type`` (its label), ``label`` (its name) and its properties."""
    rows = []
    for n, data in G.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k != "label"}
        rows.append((str(n), {"type": data.get("label"), "label": display_name(data)} | attrs))
    return rows


def _edge_rows(G: nx.MultiDiGraph[str]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Each relationship as (edge id, source, target, attributes with ``role`` and ``label``), ids unique."""
    rows = []
    for i, (u, v, key, data) in enumerate(G.edges(keys=True, data=True)):
        attrs = {k: val for k, val in data.items() if k != "type"}
        rows.append((f"e{i}", str(u), str(v), {"role": key, "label": key} | attrs))
    return rows


def _flat(value: Any) -> Any:
    """A value XML can hold: lists and maps as JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict, set, tuple)) else value


def _kinds(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The type of each attribute over all rows: boolean, long, double or string (in first-seen order)."""
    seen: dict[str, set[type]] = {}
    for attrs in rows:
        for k, v in attrs.items():
            if v is not None:
                seen.setdefault(k, set()).add(type(_flat(v)))
    out = {}
    for k, types in seen.items():
        if types == {bool}:
            out[k] = "boolean"
        elif types == {int}:
            out[k] = "long"
        elif types <= {int, float}:
            out[k] = "double"
        else:
            out[k] = "string"
    return out


def _text(value: Any, kind: str) -> str:
    """An attribute value as XML text of its declared type."""
    value = _flat(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return str(value)


def _write_xml(root: ET.Element, path: Path) -> None:
    ET.indent(root, space=" ")
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def write_graphml(G: nx.MultiDiGraph[str], path: Path) -> None:
    """GraphML (yEd, Cytoscape, Gephi), valid against the GraphML 1.0 schema.

    Node and edge ids are ``n0``, ``e0`` … (GraphML ids are XML name tokens, which
    ``高新园(邹区镇)`` is not); the dutygraph id is the node's ``id`` attribute.
    """
    nodes, edges = _node_rows(G), _edge_rows(G)
    node_kinds, edge_kinds = _kinds(a for _, a in nodes), _kinds(a for *_, a in edges)
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys: dict[tuple[str, str], str] = {}
    for domain, kinds in (("node", node_kinds), ("edge", edge_kinds)):
        for name, kind in kinds.items():
            keys[domain, name] = key = f"{domain[0]}{len(keys)}"
            ET.SubElement(
                root, f"{{{GRAPHML_NS}}}key", {"id": key, "for": domain, "attr.name": name, "attr.type": kind}
            )
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "G", "edgedefault": "directed"})
    number = {n: f"n{i}" for i, (n, _) in enumerate(nodes)}

    def data(parent: ET.Element, domain: str, kinds: dict[str, str], attrs: dict[str, Any]) -> None:
        for name, value in attrs.items():
            if value is not None:
                cell = ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": keys[domain, name]})
                cell.text = _text(value, kinds[name])

    for n, attrs in nodes:
        data(ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": number[n]}), "node", node_kinds, attrs)
    for eid, u, v, attrs in edges:
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", {"id": eid, "source": number[u], "target": number[v]})
        data(element, "edge", edge_kinds, attrs)
    _write_xml(root, path)


def write_gexf(G: nx.MultiDiGraph[str], path: Path) -> None:
    """GEXF 1.3 (Gephi), valid against its schema: directed edges, the relationship kind as ``role``."""
    nodes, edges = _node_rows(G), _edge_rows(G)
    node_kinds = _kinds({k: v for k, v in a.items() if k != "label"} for _, a in nodes)
    edge_kinds = _kinds({k: v for k, v in a.items() if k != "label"} for *_, a in edges)
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "dutygraph"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = "责任图谱: documents, goals, tasks, units and leaders"
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "static"})
    ids: dict[str, dict[str, str]] = {}
    for domain, kinds in (("node", node_kinds), ("edge", edge_kinds)):
        block = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": domain, "mode": "static"})
        ids[domain] = {}
        for name, kind in kinds.items():
            ids[domain][name] = str(len(ids[domain]))
            ET.SubElement(block, f"{{{GEXF_NS}}}attribute", {"id": ids[domain][name], "title": name, "type": kind})

    def values(parent: ET.Element, domain: str, kinds: dict[str, str], attrs: dict[str, Any]) -> None:
        holder = ET.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
        for name, value in attrs.items():
            if value is not None and name != "label":
                ET.SubElement(
                    holder, f"{{{GEXF_NS}}}attvalue", {"for": ids[domain][name], "value": _text(value, kinds[name])}
                )

    node_block = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes", {"count": str(len(nodes))})
    for n, attrs in nodes:
        values(
            ET.SubElement(node_block, f"{{{GEXF_NS}}}node", {"id": n, "label": attrs["label"]}),
            "node",
            node_kinds,
            attrs,
        )
    edge_block = ET.SubElement(graph, f"{{{GEXF_NS}}}edges", {"count": str(len(edges))})
    for eid, u, v, attrs in edges:
        element = ET.SubElement(
            edge_block,
            f"{{{GEXF_NS}}}edge",
            {"id": eid, "source": u, "target": v, "type": "directed", "label": attrs["label"]},
        )
        values(element, "edge", edge_kinds, attrs)
    _write_xml(root, path)


def write_json(G: nx.MultiDiGraph[str], path: Path) -> None:
    """networkx node-link JSON (every attribute as it is, lists included)."""
    import networkx as nx

    data = nx.node_link_data(G, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


#: neo4j-admin import column types of the attribute types found by :func:`_kinds`.
_NEO4J_TYPES = {"boolean": "boolean", "long": "long", "double": "double", "string": ""}


def _neo4j_columns(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(property, header) for every property of ``rows``: ``name``, ``year:long``, ``aliases:string[]``."""
    lists = {k for attrs in rows for k, v in attrs.items() if isinstance(v, (list, tuple, set))}
    out = []
    for name, kind in _kinds(rows).items():
        if name in lists:
            out.append((name, f"{name}:string[]"))
        else:
            out.append((name, f"{name}:{_NEO4J_TYPES[kind]}" if _NEO4J_TYPES[kind] else name))
    return out


def _neo4j_cell(value: Any) -> str | None:
    """A CSV cell: None (written unquoted and empty) for no property or an empty list; ``""`` for an empty string.

    neo4j-admin cannot write an empty array (a quoted ``""`` in a ``string[]`` column
    imports as no property too), so an empty list is no property in the CSV pair.
    """
    if value is None or (isinstance(value, (list, tuple, set)) and not value):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value)
    return str(value)


def write_neo4j_csv(G: nx.MultiDiGraph[str], path: Path) -> None:
    """``nodes.csv`` and ``relationships.csv`` in the folder ``path``, in ``neo4j-admin database import`` format.

    Import them with ``neo4j-admin database import full neo4j --nodes=nodes.csv
    --relationships=relationships.csv`` (the database name first: since Neo4j 5.19
    a name after the file options is read as one more file), or with
    ``neo4j/neo4j.sh import DIR``. ``id:ID`` and ``:LABEL`` head the
    nodes, ``:START_ID``, ``:END_ID`` and ``:TYPE`` the relationships; typed
    columns (``year:long``, ``aliases:string[]``, arrays split on ``;``). A cell
    left empty is a property the node does not have (an empty list too: the
    import cannot write one); a quoted ``""`` is an empty string, as neo4j-admin reads them.
    """
    path.mkdir(parents=True, exist_ok=True)
    nodes = [(str(n), d) for n, d in G.nodes(data=True)]
    node_props = [{k: v for k, v in d.items() if k not in ("label", "id")} for _, d in nodes]
    columns = _neo4j_columns(node_props)
    with (path / "nodes.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, quoting=csv.QUOTE_NOTNULL)
        out.writerow(["id:ID", ":LABEL", *(h for _, h in columns)])
        for (n, d), props in zip(nodes, node_props, strict=True):
            out.writerow([n, d.get("label", ""), *(_neo4j_cell(props.get(k)) for k, _ in columns)])
    edges = list(G.edges(keys=True, data=True))
    edge_props = [{k: v for k, v in d.items() if k != "type"} for *_, d in edges]
    columns = _neo4j_columns(edge_props)
    with (path / "relationships.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, quoting=csv.QUOTE_NOTNULL)
        out.writerow([":START_ID", ":END_ID", ":TYPE", *(h for _, h in columns)])
        for (u, v, key, _), props in zip(edges, edge_props, strict=True):
            out.writerow([u, v, key, *(_neo4j_cell(props.get(k)) for k, _ in columns)])


Exporter = Callable[["nx.MultiDiGraph[str]", Path], None]

#: Every export format by name: the writer takes the graph and the path to write.
EXPORTERS: dict[str, Exporter] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "json": write_json,
    "neo4j-csv": write_neo4j_csv,
}
#: What each format is for (the command line's help).
DESCRIPTIONS = {
    "graphml": "GraphML for yEd, Cytoscape and Gephi",
    "gexf": "GEXF 1.3 for Gephi",
    "json": "node-link JSON for tools",
    "neo4j-csv": "a folder with nodes.csv and relationships.csv for neo4j-admin database import",
}
FORMATS = tuple(EXPORTERS)


def write_graph(G: nx.MultiDiGraph[str], path: str | Path, fmt: str) -> None:
    """Write ``G`` to ``path`` in the format ``fmt`` (a key of :data:`EXPORTERS`).

    ``neo4j-csv`` writes a folder holding ``nodes.csv`` and ``relationships.csv``.

    Raises:
        InputError: the format is unknown or the file cannot be written.

    Example:
        >>> import tempfile, networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("unit:钟楼区:发改局", label="Unit", id="unit:钟楼区:发改局", name="发改局")
        >>> with tempfile.TemporaryDirectory() as d:
        ...     write_graph(G, Path(d) / "g.gexf", "gexf")
        ...     nx.read_gexf(Path(d) / "g.gexf", version="1.3").nodes["unit:钟楼区:发改局"]["label"]
        '发改局'
    """
    writer = EXPORTERS.get(fmt)
    if writer is None:
        raise InputError(str(path), f"unknown export format '{fmt}'; choose one of {', '.join(EXPORTERS)}")
    try:
        writer(G, Path(path))
    except OSError as exc:
        raise InputError(str(path), f"cannot write the file ({exc.strerror or exc})") from exc
