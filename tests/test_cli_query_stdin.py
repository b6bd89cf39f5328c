"""dutygraph query with the Cypher on standard input (``query -``, ``-e -``), on both stores, and what a query
on the embedded store imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dutygraph.cli import cli
from tests.conftest import NEO4J_TEST_PASSWORD, ROOT, SEED_FILES, seed_path

SEEDS = [str(seed_path(k)) for k in sorted(SEED_FILES)]


@pytest.fixture(params=["embedded", "neo4j"])
def target(request, tmp_path):
    """Store options for the command line, and its environment, with the seeds stored."""
    if request.param == "embedded":
        opts, env = ["--db", str(tmp_path / "db")], {}
    else:
        request.getfixturevalue("neo4j_store")  # cleared
        opts, env = ["--neo4j", request.getfixturevalue("neo4j_uri")], {"NEO4J_PASSWORD": NEO4J_TEST_PASSWORD}
    built = run(["build", *SEEDS, *opts, "-q"], env)
    assert built.exit_code == 0, built.output
    return opts, env


def run(args, env=None, stdin=None):
    return CliRunner().invoke(cli, args, input=stdin, env={"COLUMNS": "200", **(env or {})})


def test_a_query_on_standard_input_runs_on_both_stores(target):
    opts, env = target
    result = run(["query", "-", "--format", "json", *opts], env, "MATCH (t:Task) RETURN count(t) AS tasks\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"tasks": 401}]


def test_e_dash_reads_the_query_from_standard_input_with_its_parameters(target):
    opts, env = target
    cypher = "MATCH (t:Task) WHERE t.region = $region AND t.year = $year RETURN count(t) AS n"
    result = run(["query", "-e", "-", "-p", "region=钟楼区", "-p", "year=2021", "--format", "json", *opts], env, cypher)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 92}]


def test_a_query_on_standard_input_may_declare_its_parameters_like_a_saved_one(target):
    opts, env = target
    text = (
        "\ufeff// Tasks of one region.\n// @param region: string = 鼓楼区  District.\n"
        "MATCH (t:Task) WHERE t.region = $region RETURN count(t) AS n\n"
    )
    default = run(["query", "-", "--format", "json", *opts], env, text.encode("utf-8"))
    assert json.loads(default.stdout) == [{"n": 78}], default.output
    given = run(["query", "-", "-p", "region=武进区", "--format", "json", *opts], env, text.encode("utf-8"))
    assert json.loads(given.stdout) == [{"n": 20}], given.output


def test_a_write_on_standard_input_is_refused(target):
    opts, env = target
    result = run(["query", "-", *opts], env, "MATCH (u:Unit) DETACH DELETE u")
    assert result.exit_code == 2
    assert "would change the graph" in result.output


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("  \n", "error: standard input: no query to run (dutygraph query - reads the Cypher from it)"),
        (b"\xff\xfeM", "error: standard input: the query is not UTF-8 text (byte 0 is not)"),
    ],
)
def test_standard_input_without_a_query_is_one_line_exit_2(tmp_path, stdin, message):
    run(["build", SEEDS[4], "--db", str(tmp_path / "db"), "-q"])
    result = run(["query", "-", "--db", str(tmp_path / "db")], stdin=stdin)
    assert result.exit_code == 2
    assert result.output.strip() == message


def test_a_query_and_e_together_is_a_usage_error(tmp_path):
    result = run(["query", "-", "-e", "RETURN 1", "--db", str(tmp_path / "db")])
    assert result.exit_code == 2
    assert "give a saved query NAME, a FILE, - (the query on standard input) or -e CYPHER: one of them" in result.output


def test_a_query_on_the_embedded_store_imports_no_loader_analysis_drawing_or_neo4j_driver(tmp_path):
    db = tmp_path / "db"
    run(["build", SEEDS[1], "--db", str(db), "-q"])
    probe = (
        "import json, sys\nfrom dutygraph.cli import cli\n"
        "try:\n    cli.main(sys.argv[1:], prog_name='dutygraph')\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "query", "units_by_load", "--db", str(db), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])},
        check=True,
    )
    assert json.loads(done.stdout)[0]["unit"]
    modules = set(json.loads(done.stderr.splitlines()[-1]))
    # The analysis package's light modules (the weights, the flag rules' wording for the
    # help) may load; its computations, and networkx with them, may not.
    heavy = {"networkx", "neo4j", "pyvis", "rich", "dutygraph.loaders", "openpyxl"}
    heavy |= {f"dutygraph.graph.analysis.{m}" for m in ("centrality", "coordination", "load", "review", "trends")}
    assert not heavy & modules, heavy & modules
    assert "falkordb" in modules  # it did query the embedded store
