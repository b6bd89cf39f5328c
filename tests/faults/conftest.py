"""Fault tests: real processes killed mid-write, writers racing, read-only and full disks.

Each test records what it tried in :data:`SURVIVED` with :func:`record`; the
session ends with the table of faults survived (the README's "Reliability"
table is a copy of it, as measured).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from bench.generate import Size, generate_records, write_documents
from dutygraph.graph.build import build_graph
from dutygraph.loaders import load_many
from tests.conftest import ROOT

#: fault -> store -> [trials, survived, note]
SURVIVED: dict[tuple[str, str], list] = {}


def record(fault: str, store: str, trials: int, survived: int, note: str = "") -> None:
    """Add one row to the table of faults survived."""
    row = SURVIVED.setdefault((fault, store), [0, 0, ""])
    row[0] += trials
    row[1] += survived
    row[2] = note or row[2]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not SURVIVED:
        return
    terminalreporter.write_sep("-", "faults survived")
    terminalreporter.write_line(f"{'fault':<58} {'store':<9} {'trials':>6} {'survived':>8}  note")
    for (fault, store), (trials, ok, note) in SURVIVED.items():
        terminalreporter.write_line(f"{fault:<58} {store:<9} {trials:>6} {ok:>8}  {note}")


def dutygraph(
    args: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None, **kw
) -> subprocess.Popen:
    """Start ``dutygraph ARGS`` as a real process (the console script's entry point)."""
    return subprocess.Popen(
        [sys.executable, "-m", "dutygraph", *args],
        cwd=cwd or ROOT,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def query_json(db: Path, cypher: str, env: dict[str, str] | None = None) -> list[dict]:
    """Rows of a read query on the embedded store at ``db``, through the command line."""
    rc, out, err = finish(dutygraph(["query", "--db", str(db), "-e", cypher, "--format", "json"], env=env))
    if rc == 2 and f"the embedded store at {db} is empty" in err:
        return []  # it opened, and holds no document yet
    assert rc == 0, f"the store at {db} does not open: {err}"
    return json.loads(out)


def stored_documents(db: Path) -> dict[str, dict[str, int]]:
    """Per stored document: its tasks and responsibilities, as the store holds them."""
    rows = query_json(
        db,
        "MATCH (d:Document) OPTIONAL MATCH (t:Task {doc: d.id}) OPTIONAL MATCH (t)<-[r:LEADS|SUPPORTS|OVERSEES]-() "
        "RETURN d.id AS doc, d.tasks AS declared, count(DISTINCT t) AS tasks, count(r) AS responsibilities",
    )
    return {r["doc"]: r for r in rows}


def servers_of(db: Path) -> list[int]:
    """Pids of the embedded servers running on the store at ``db`` (from the process table)."""
    from dutygraph.graph.stores.falkor import servers_of as scan

    return [pid for pid, _ in scan(db)]


def wait_for(predicate, timeout: float = 30, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[list[Path], dict[str, int]]:
    """24 synthetic documents (4,800 tasks) and each one's responsibilities when whole."""
    directory = tmp_path_factory.mktemp("corpus")
    paths = write_documents(generate_records(Size(24, 4_800, 500, 80), seed=3), directory)
    results, failures = load_many(paths)
    assert not failures
    G = build_graph(results)
    whole: dict[str, int] = {}
    for _, _, data in G.edges(data=True):
        if "basis" in data:
            whole[data["doc"]] = whole.get(data["doc"], 0) + 1
    return paths, whole


@pytest.fixture
def no_orphans(tmp_path):
    """Fail the test when an embedded server of a store under tmp_path outlives it."""
    yield
    left = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cwd = os.readlink(f"/proc/{entry}/cwd")
                title = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")[0]
            except OSError:
                continue
            if b"redis-server" in title and cwd.startswith(str(tmp_path)):
                left.append(int(entry))
    assert not left, f"embedded servers left running: {left}"
