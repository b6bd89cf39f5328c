"""Exports other tools open: GraphML and GEXF valid against their schemas, read back whole; Neo4j import CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from dutygraph.errors import InputError
from dutygraph.graph import model as m
from dutygraph.graph.export import EXPORTERS, display_name, write_graph
from tests.conftest import seeds_graph

XSD = Path(__file__).parent / "xsd"


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD / name)))


def _validate(schema: etree.XMLSchema, path: Path) -> None:
    if not schema.validate(etree.parse(str(path))):
        raise AssertionError(str(schema.error_log.last_error))


def _edges_by_ends(G: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return sorted((u, v, k) for u, v, k in G.edges(keys=True))


def test_graphml_is_valid_and_reads_back_with_every_node_edge_and_role(tmp_path):
    G = seeds_graph()
    path = tmp_path / "g.graphml"
    write_graph(G, path, "graphml")
    _validate(_schema("graphml/graphml.xsd"), path)
    ids = [e.get("id") for e in etree.parse(str(path)).iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) == G.number_of_edges() == 2118
    H = nx.read_graphml(path, force_multigraph=True)
    by_id = {d["id"]: d for _, d in H.nodes(data=True)}
    assert set(by_id) == set(G.nodes)
    for n, d in G.nodes(data=True):
        assert by_id[n]["type"] == d["label"] and by_id[n]["label"] == display_name(d)
    assert by_id["unit:钟楼区:卫健局"]["label"] == "卫健局"
    assert json.loads(by_id["unit:钟楼区:卫健局"]["aliases"]) == ["区卫健局", "卫健局"]
    back = sorted((H.nodes[u]["id"], H.nodes[v]["id"], d["role"]) for u, v, d in H.edges(data=True))
    assert back == _edges_by_ends(G)
    leads = [d for _, _, d in H.edges(data=True) if d["role"] == m.LEADS]
    assert len(leads) == 405 and all(isinstance(d["position"], int) and d["basis"] in m.BASES for d in leads)


def test_gexf_13_is_valid_directed_labelled_by_name_and_keeps_the_role(tmp_path):
    G = seeds_graph()
    path = tmp_path / "g.gexf"
    write_graph(G, path, "gexf")
    _validate(_schema("gexf/gexf.xsd"), path)
    edges = list(etree.parse(str(path)).iter("{http://gexf.net/1.3}edge"))
    assert {e.get("type") for e in edges} == {"directed"}
    assert len({e.get("id") for e in edges}) == len(edges) == G.number_of_edges()
    H = nx.read_gexf(path, version="1.3")
    assert set(H.nodes) == set(G.nodes)
    assert H.nodes["unit:钟楼区:卫健局"]["label"] == "卫健局" and H.nodes["unit:钟楼区:卫健局"]["type"] == "Unit"
    assert H.nodes["leader:钟楼区:王旭锋"]["label"] == "王旭锋"
    assert sorted((u, v, d["role"]) for u, v, d in H.edges(data=True)) == _edges_by_ends(G)
    yi = [d for _, d in H.nodes(data=True) if d.get("measure") == "亿元"]
    assert yi and all(isinstance(d["value"], float) for d in yi)


def test_a_relationship_kind_as_gexf_edge_type_is_refused_by_the_schema(tmp_path):
    # What the networkx writer produced before: the schema must catch it, or the test above proves nothing.
    path = tmp_path / "g.gexf"
    write_graph(seeds_graph(), path, "gexf")
    text = path.read_text(encoding="utf-8").replace('type="directed"', 'type="LEADS"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AssertionError, match="LEADS"):
        _validate(_schema("gexf/gexf.xsd"), path)


def _read_neo4j_csv(path: Path, id_columns: tuple[str, ...]) -> list[tuple[list[str], dict[str, object]]]:
    """Rows as neo4j-admin reads them: typed columns converted, arrays split on ';', unquoted empty cells absent."""
    convert = {"long": int, "double": float, "boolean": lambda s: s == "true"}
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, quoting=csv.QUOTE_NOTNULL))
    header, out = rows[0], []
    assert header[: len(id_columns)] == list(id_columns)
    for row in rows[1:]:
        props: dict[str, object] = {}
        for column, cell in zip(header[len(id_columns) :], row[len(id_columns) :], strict=True):
            if cell is None:
                continue
            name, _, kind = column.partition(":")
            if kind.endswith("[]"):
                props[name] = cell.split(";")
            else:
                props[name] = convert.get(kind, str)(cell)
        out.append((row[: len(id_columns)], props))
    return out


def test_neo4j_csv_pair_holds_every_node_and_relationship_with_typed_properties(tmp_path):
    G = seeds_graph()
    write_graph(G, tmp_path / "import", "neo4j-csv")
    nodes = _read_neo4j_csv(tmp_path / "import" / "nodes.csv", ("id:ID", ":LABEL"))
    rebuilt = {nid: {"label": label, "id": nid} | props for (nid, label), props in nodes}
    # An empty list (a document without flags) is no property: neo4j-admin cannot write one.
    assert rebuilt == {n: {k: v for k, v in d.items() if v != []} for n, d in G.nodes(data=True)}
    assert "flags" not in rebuilt["doc:001_d657d27eca61cd1c.txt"]
    rels = _read_neo4j_csv(tmp_path / "import" / "relationships.csv", (":START_ID", ":END_ID", ":TYPE"))
    got = sorted((u, v, k, tuple(sorted(p.items()))) for (u, v, k), p in rels)
    want = sorted(
        (u, v, k, tuple(sorted((a, b) for a, b in d.items() if a != "type")))
        for u, v, k, d in G.edges(keys=True, data=True)
    )
    assert got == want


def test_every_export_format_is_on_the_command_line():
    from dutygraph.cli import export

    choice = next(p for p in export.params if p.name == "fmt")
    assert list(choice.type.choices) == list(EXPORTERS) == ["graphml", "gexf", "json", "neo4j-csv"]


def test_an_unknown_format_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="choose one of graphml, gexf, json, neo4j-csv"):
        write_graph(seeds_graph(), tmp_path / "g.x", "dot")
