"""Closing the embedded store: its server stops (or stays for another client), its append-only file is
compacted, and nothing is left behind."""

from __future__ import annotations

from pathlib import Path

from dutygraph.graph.build import build_graph
from dutygraph.graph.stores import FalkorStore
from dutygraph.graph.stores.falkor import AOF_DIR, servers_of
from dutygraph.graph.stores.falkor_server import DB_FILE, stop_server
from tests.conftest import seed, seeds_graph
from tests.graph.test_stores import _snapshot


def _incremental(db: Path) -> int:
    """Bytes of statements appended since the append-only file's last snapshot (what a start replays)."""
    return sum(p.stat().st_size for p in (db / AOF_DIR).glob("*.incr.aof"))


def test_a_writer_leaves_a_compacted_store_that_reopens_whole_and_no_server(tmp_path):
    db = tmp_path / "db"
    G = seeds_graph()
    with FalkorStore(db, write=True) as store:
        store.write(G)
        socket = store._db.client.socket_file
        assert _incremental(db) > 0
    assert _incremental(db) == 0  # the build's statements are in the snapshot now
    assert servers_of(db) == []
    assert not Path(socket).parent.exists()  # the server's socket folder went with it
    assert not (db / (DB_FILE + ".settings")).exists()
    with FalkorStore(db, create=False) as again:
        assert _snapshot(again.read_graph()) == _snapshot(G)


def test_a_store_closed_without_compacting_is_compacted_by_the_next_close(tmp_path):
    db = tmp_path / "db"
    store = FalkorStore(db, write=True)
    store.write(build_graph([seed("003")]))
    client = store._db.client
    store._db = None
    stop_server(client, compact_first=False)  # as a writer killed before its close left it
    store.close()
    assert _incremental(db) > 0
    with FalkorStore(db, create=False) as reader:
        before = _snapshot(reader.read_graph())
    assert _incremental(db) == 0
    with FalkorStore(db, create=False) as reader:
        assert _snapshot(reader.read_graph()) == before


def test_a_reader_closing_first_leaves_the_server_to_the_other_client(tmp_path):
    db = tmp_path / "db"
    with FalkorStore(db, write=True) as store:
        store.write(build_graph([seed("004")]))
    first = FalkorStore(db, create=False)
    second = FalkorStore(db, create=False)  # attaches to the server the first one started
    assert len(servers_of(db)) == 1
    first.close()
    assert len(servers_of(db)) == 1
    assert second.query("MATCH (t:Task) RETURN count(t) AS n").rows == [[20]]
    second.close()
    assert servers_of(db) == []
