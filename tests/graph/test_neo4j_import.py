"""The neo4j-csv export imported by Neo4j's own `neo4j-admin database import` (Neo4j 5.26,
run by `neo4j/neo4j.sh import DIR`): the imported database reads back as the graph that was
exported and answers every saved query as a store dutygraph wrote."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from dutygraph.graph.export import write_graph
from dutygraph.graph.queries import saved_queries
from dutygraph.graph.stores import FalkorStore, Neo4jStore
from tests.conftest import NEO4J_TEST_PORT, ROOT, seeds_graph
from tests.graph.test_stores import REQUIRED_PARAMS, _snapshot

SCRIPT = ROOT / "neo4j" / "neo4j.sh"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _launcher(home: Path, port: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"NEO4J_HOME": str(home), "NEO4J_PORT": str(port), "NEO4J_PASSWORD": ""}
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True, check=False, timeout=600)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A Neo4j server on a database made by neo4j-admin import from the seeds' export."""
    tmp = tmp_path_factory.mktemp("import")
    write_graph(seeds_graph(), tmp / "csv", "neo4j-csv")
    home, port = tmp / "home", _free_port()
    if port == NEO4J_TEST_PORT:
        port = _free_port()
    done = _launcher(home, port, "import", str(tmp / "csv"))
    assert done.returncode == 0, done.stderr
    assert "1051 nodes 2118 relationships" in done.stdout
    started = _launcher(home, port, "start")
    assert started.returncode == 0, started.stderr
    store = Neo4jStore(f"bolt://127.0.0.1:{port}")
    try:
        yield store, home, tmp / "csv"
    finally:
        store.close()
        _launcher(home, port, "stop")


def test_the_imported_database_reads_back_as_the_exported_graph(imported):
    store, _, _ = imported
    G = seeds_graph().copy()
    for _, d in G.nodes(data=True):  # an empty list is no property: neo4j-admin cannot write one
        for k in [k for k, v in d.items() if v == []]:
            del d[k]
    assert _snapshot(store.read_graph()) == _snapshot(G)


def test_the_imported_database_answers_every_saved_query_as_a_written_store(imported, tmp_path):
    store, _, _ = imported
    written = FalkorStore(tmp_path / "db")
    try:
        written.write(seeds_graph())
        for name, q in saved_queries().items():
            params = q.bind(REQUIRED_PARAMS.get(name, {}))
            a, b = store.query(q.text, params), written.query(q.text, params)
            assert a.columns == b.columns, name
            assert sorted(map(repr, a.rows)) == sorted(map(repr, b.rows)), name
    finally:
        written.close()


def test_import_refuses_a_home_that_holds_a_database_and_a_folder_without_the_pair(imported, tmp_path):
    _, home, csv_dir = imported
    again = _launcher(tmp_path / "other", _free_port(), "import", str(tmp_path))
    assert again.returncode == 2
    assert "nodes.csv and relationships.csv" in again.stderr
    # The server is running on home: it is not written under it.
    busy = _launcher(home, 1, "import", str(csv_dir))
    assert busy.returncode == 1
    assert "stop the server first" in busy.stderr
