"""Faults on Neo4j: the writer killed mid-write, the server itself killed mid-write (and restarted with
the launcher), two writers at once. After each: the server answers, every stored document is whole,
the document stored before the fault is unchanged, and no dutygraph process is left."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import NEO4J_TEST_PASSWORD, ROOT, SAMPLES
from tests.faults.conftest import dutygraph, finish, record, wait_for
from tests.faults.test_writers import DOCS, expected

#: The fault tests' own server (it is killed and restarted): NEO4J_FAULT_PORT, by default 7710.
PORT = int(os.environ.get("NEO4J_FAULT_PORT", "7710"))
BEFORE = SAMPLES / "brackets.txt"  # stored before each fault: nothing may change it
WHOLE = (
    "MATCH (d:Document) OPTIONAL MATCH (t:Task {doc: d.id}) OPTIONAL MATCH (t)<-[r:LEADS|SUPPORTS|OVERSEES]-() "
    "RETURN d.id AS doc, d.tasks AS declared, count(DISTINCT t) AS tasks, count(r) AS responsibilities"
)


@dataclass
class Server:
    uri: str
    env: dict[str, str]

    def launcher(self, action: str) -> subprocess.CompletedProcess[str]:
        script = ROOT / "neo4j" / "neo4j.sh"
        return subprocess.run([str(script), action], env=self.env, capture_output=True, text=True, check=False)

    def pid(self) -> int:
        return int((Path(self.env["NEO4J_HOME"]) / "neo4j.pid").read_text())

    def rows(self, cypher: str) -> list[dict]:
        import neo4j

        with neo4j.GraphDatabase.driver(self.uri, auth=("neo4j", NEO4J_TEST_PASSWORD)) as driver:
            return [r.data() for r in driver.execute_query(cypher).records]

    def documents(self) -> dict[str, dict]:
        return {r["doc"]: r for r in self.rows(WHOLE)}

    def clear(self) -> None:
        from dutygraph.graph.stores import Neo4jStore

        store = Neo4jStore(self.uri, user="neo4j", password=NEO4J_TEST_PASSWORD)
        store.clear()
        store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    env = os.environ | {
        "NEO4J_PORT": str(PORT),
        "NEO4J_PORT_SETTING": "NEO4J_FAULT_PORT",
        "NEO4J_HOME": str(tmp_path_factory.mktemp("neo4j")),
        "NEO4J_PASSWORD": NEO4J_TEST_PASSWORD,
    }
    srv = Server(f"bolt://127.0.0.1:{PORT}", env)
    started = srv.launcher("start")
    if started.returncode != 0:
        pytest.fail(f"could not start Neo4j for the fault tests:\n{started.stdout}\n{started.stderr}")
    yield srv
    srv.launcher("stop")


def client_env(srv: Server) -> dict[str, str]:
    return {"NEO4J_PASSWORD": NEO4J_TEST_PASSWORD, "NEO4J_USER": "neo4j"}


def build(srv: Server, *paths: Path) -> subprocess.Popen:
    return dutygraph(["build", *map(str, paths), "--neo4j", srv.uri, "-q"], env=client_env(srv))


def with_one_document(srv: Server) -> dict[str, dict]:
    """A store holding BEFORE only; returns what it holds."""
    srv.clear()
    rc, _, err = finish(build(srv, BEFORE))
    assert rc == 0, err
    return srv.documents()


def start_big_write(srv: Server, corpus_dir: Path, landed: int) -> subprocess.Popen:
    """Start writing the corpus; return once ``landed`` of its documents are stored and the writer still runs.

    Counted in documents, not seconds: a faster writer would otherwise finish before a fixed delay ends.
    """
    proc = build(srv, corpus_dir)
    assert wait_for(lambda: len(srv.documents()) > landed or proc.poll() is not None, timeout=90, interval=0.05)
    assert proc.poll() is None, f"the writer ended before the fault: {proc.communicate()}"
    return proc


def assert_whole(srv: Server, whole: dict[str, int], before: dict[str, dict]) -> int:
    """Every stored document is whole and the one stored before is unchanged; returns how many are stored."""
    docs = srv.documents()
    for doc, row in docs.items():
        assert row["tasks"] == row["declared"], f"{doc} is half-written: {row}"
        if doc in before:
            assert row == before[doc], f"{doc} changed: {row}, was {before[doc]}"
        else:
            assert row["responsibilities"] == whole[doc], f"{doc} is half-written: {row}"
    return len(docs)


def no_dutygraph_left(corpus_dir: Path) -> bool:
    """No process is still working on the corpus."""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                args = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if str(corpus_dir).encode() in args:
                return False
    return True


#: (signal, documents of the corpus stored when it is sent); the corpus has 24.
KILLS = [(signal.SIGTERM, 1), (signal.SIGTERM, 6), (signal.SIGKILL, 6)]


@pytest.mark.parametrize(("sig", "landed"), KILLS, ids=[f"{signal.Signals(s).name}-{n}docs" for s, n in KILLS])
def test_a_writer_killed_mid_write_leaves_every_document_whole(server, corpus, sig, landed):
    paths, whole = corpus
    before = with_one_document(server)
    name = signal.Signals(sig).name
    points = ", ".join(f"{n}" for s, n in KILLS if s == sig)
    fault = f"kill -{name[3:]} of build mid-write (once {points} of its 24 documents landed)"
    record(fault, "neo4j", 1, 0)
    proc = start_big_write(server, paths[0].parent, landed)
    proc.send_signal(sig)
    rc, _, err = finish(proc)
    if sig == signal.SIGTERM:
        assert rc == 128 + sig, err
        assert "error: interrupted by SIGTERM; the store was closed" in err and "Traceback" not in err
    else:
        assert rc == -sig
    assert no_dutygraph_left(paths[0].parent)
    # The server rolls back the killed client's open transaction: only whole documents remain.
    stored = assert_whole(server, whole, before)
    assert 1 < stored <= len(paths) + 1
    record(fault, "neo4j", 0, 1)


def test_the_server_killed_mid_write_is_one_line_and_a_restart_finds_every_document_whole(server, corpus):
    paths, whole = corpus
    before = with_one_document(server)
    fault = "kill -KILL of the Neo4j server mid-write (restarted with neo4j/neo4j.sh)"
    record(fault, "neo4j", 1, 0)
    proc = start_big_write(server, paths[0].parent, 6)
    os.kill(server.pid(), signal.SIGKILL)
    try:
        rc, _, err = finish(proc)
    finally:
        restarted = server.launcher("start")  # whatever this test finds, the next ones get a server
    lines = [line for line in err.splitlines() if line.strip()]
    assert rc == 3, err
    assert lines == [
        f"error: lost Neo4j at {server.uri} during a write: the server closed the connection or stopped answering "
        "(is it still running?); each document is stored whole or not at all"
    ], err
    assert no_dutygraph_left(paths[0].parent)
    assert restarted.returncode == 0, restarted.stderr
    assert 1 <= assert_whole(server, whole, before) <= len(paths) + 1
    # The same write again completes and stores everything.
    rc, _, err = finish(build(server, paths[0].parent), timeout=180)
    assert rc == 0, err
    assert assert_whole(server, whole, before) == len(paths) + 1
    record(fault, "neo4j", 0, 1)


NEO4J_TRIALS = 3


@pytest.mark.parametrize("existing", [False, True], ids=["new-store", "existing-store"])
def test_two_writers_at_once_both_land_whole(server, existing):
    want = {f"doc:{p.name}": expected(p) for p in DOCS}
    fault = f"two writers at once on {'an existing' if existing else 'a new'} store (build ‖ build)"
    record(fault, "neo4j", NEO4J_TRIALS, 0)
    for _ in range(NEO4J_TRIALS):
        before = with_one_document(server) if existing else (server.clear() or {})
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda p: finish(build(server, p)), DOCS))
        assert [rc for rc, _, _ in results] == [0, 0], results
        docs = server.documents()
        got = {d: {"tasks": r["tasks"], "responsibilities": r["responsibilities"]} for d, r in docs.items()}
        assert {d: got[d] for d in want} == want
        assert {d: docs[d] for d in before} == before
        assert set(docs) == set(want) | set(before)
        record(fault, "neo4j", 0, 1)
