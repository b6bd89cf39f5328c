"""Shared fixtures: the seed documents beside the repository, and loaded results."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from dutygraph.loaders import LoadResult, load

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("DUTYGRAPH_SEEDS", ROOT.parent / "shared" / "seeds"))
SAMPLES = ROOT / "tests" / "samples"

# Run by LibreOffice's own Python (it imports uno), never collected as a test module.
collect_ignore = ["loaders/read/uno_protect.py"]

SEED_FILES = {
    "000": "000_654dc59a8ba40907.txt",
    "001": "001_d657d27eca61cd1c.txt",
    "002": "002_72e94bd22924f3a5.txt",
    "003": "003_8726cfd2ff1c199e.txt",
    "004": "004_1a0878056af8613d.txt",
}


def seed_path(key: str) -> Path:
    path = SEEDS / SEED_FILES[key]
    if not path.exists():
        pytest.fail(f"seed document {path} is missing: the tests need ../shared/seeds beside the repository")
    return path


@cache
def seed(key: str) -> LoadResult:
    """The seed document ``key`` ("000" … "004"), loaded once per test session."""
    return load(seed_path(key))


def by_task(result: LoadResult) -> dict[str, object]:
    return {t.task: t for t in result.tasks}


# -- stores ------------------------------------------------------------------

NEO4J_TEST_PORT = int(os.environ.get("NEO4J_TEST_PORT", "7697"))
NEO4J_TEST_PASSWORD = os.environ.get("NEO4J_TEST_PASSWORD", "dutygraph-test")


@pytest.fixture(scope="session")
def neo4j_uri():
    """A real Neo4j for the tests: NEO4J_TEST_URI if set, else one started here and stopped after."""
    import subprocess

    uri = os.environ.get("NEO4J_TEST_URI")
    if uri:
        yield uri
        return
    env = os.environ | {
        "NEO4J_PORT": str(NEO4J_TEST_PORT),
        "NEO4J_PORT_SETTING": "NEO4J_TEST_PORT",  # what the port clash message tells the user to change
        "NEO4J_HOME": str(ROOT / ".neo4j-test"),
        "NEO4J_PASSWORD": NEO4J_TEST_PASSWORD,
    }
    script = ROOT / "neo4j" / "neo4j.sh"
    started = subprocess.run([str(script), "start"], env=env, capture_output=True, text=True, check=False)
    if started.returncode != 0:
        pytest.fail(f"could not start Neo4j for the tests:\n{started.stdout}\n{started.stderr}")
    try:
        yield f"bolt://127.0.0.1:{NEO4J_TEST_PORT}"
    finally:
        subprocess.run([str(script), "stop"], env=env, capture_output=True, text=True, check=False)


@pytest.fixture
def neo4j_store(neo4j_uri):
    from dutygraph.graph.stores import Neo4jStore

    store = Neo4jStore(neo4j_uri, user="neo4j", password=NEO4J_TEST_PASSWORD)
    store.clear()
    yield store
    store.close()


@pytest.fixture
def embedded_store(tmp_path):
    from dutygraph.graph.stores import FalkorStore

    store = FalkorStore(tmp_path / "db")
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request):
    """Each store in turn."""
    return request.getfixturevalue(f"{request.param}_store")


@cache
def seeds_graph():
    """The graph of all five seeds, built once."""
    from dutygraph.graph.build import build_graph

    return build_graph([seed(k) for k in sorted(SEED_FILES)])
