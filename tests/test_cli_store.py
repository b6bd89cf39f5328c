"""build, query and export from the command line, on the embedded store and on Neo4j."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from dutygraph.cli import cli
from tests.conftest import NEO4J_TEST_PASSWORD, SEED_FILES, seed_path

SEEDS = [str(seed_path(k)) for k in sorted(SEED_FILES)]


@pytest.fixture(params=["embedded", "neo4j"])
def target(request, tmp_path):
    """Store options for the command line, and the environment it runs in."""
    if request.param == "embedded":
        return ["--db", str(tmp_path / "db")], {}
    uri = request.getfixturevalue("neo4j_uri")
    request.getfixturevalue("neo4j_store")  # cleared
    return ["--neo4j", uri], {"NEO4J_PASSWORD": NEO4J_TEST_PASSWORD}


def run(args, env=None):
    return CliRunner().invoke(cli, args, env={"COLUMNS": "200", **(env or {})})


def test_build_then_query_every_way(target):
    opts, env = target
    built = run(["build", *SEEDS, *opts], env)
    assert built.exit_code == 0, built.output
    assert re.search(r"Task +│ +401 │", built.stdout) and re.search(r"Target +│ +408 │", built.stdout)
    assert built.stderr.splitlines()[-1] == "5 of 5 files read, 401 tasks; stored 5 documents, 401 tasks"

    table = run(["query", "units_by_tasks_led", "-p", "region=钟楼区", "-p", "year=2021", "-p", "limit=3", *opts], env)
    assert table.exit_code == 0 and "住建局" in table.stdout and "3 rows" in table.stdout

    js = run(
        [
            "query",
            "units_by_tasks_led",
            "-p",
            "region=钟楼区",
            "-p",
            "year=2021",
            "-p",
            "limit=3",
            "--format",
            "json",
            *opts,
        ],
        env,
    )
    rows = json.loads(js.stdout)
    assert rows[0] == {"region": "钟楼区", "unit": "住建局", "kind": "department", "led": 14, "led_inferred": 0}

    text = run(["query", "-e", "MATCH (d:Document) RETURN d.source AS doc ORDER BY doc", "--format", "csv", *opts], env)
    assert text.stdout.startswith("\ufeff")  # Excel reads the Chinese
    assert list(csv.reader(io.StringIO(text.stdout[1:])))[0:2] == [["doc"], ["000_654dc59a8ba40907.txt"]]
    cypher = "MATCH (d:Document) RETURN d.source AS doc, d.year > 2022 AS recent ORDER BY doc"
    plain = run(["query", "-e", cypher, "--format", "csv", "--no-bom", "--limit", "2", *opts], env)
    assert plain.stdout == "doc,recent\n000_654dc59a8ba40907.txt,true\n001_d657d27eca61cd1c.txt,true\n"


def test_build_twice_prints_the_same_counts(target):
    opts, env = target
    first = run(["build", *SEEDS, *opts, "-q"], env)
    second = run(["build", *SEEDS, *opts, "-q"], env)
    assert first.exit_code == second.exit_code == 0
    counts = run(["query", "-e", "MATCH (n) RETURN count(n) AS n", "--format", "json", *opts], env)
    assert json.loads(counts.stdout) == [{"n": 1051}]  # 643 nodes of the responsibility graph and 408 targets


def test_query_refuses_a_write_with_exit_2(target):
    opts, env = target
    run(["build", SEEDS[1], *opts, "-q"], env)
    result = run(["query", "-e", "MATCH (u:Unit) DETACH DELETE u", *opts], env)
    assert result.exit_code == 2
    assert "would change the graph" in result.output
    after = run(["query", "-e", "MATCH (u:Unit) RETURN count(u) AS n", "--format", "json", *opts], env)
    assert json.loads(after.stdout)[0]["n"] > 0


def test_query_on_an_empty_store_says_to_build(tmp_path):
    from dutygraph.graph.stores import FalkorStore

    FalkorStore(tmp_path / "empty").close()
    result = run(["query", "documents", "--db", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "is empty: run 'dutygraph build FILE...' first" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["query", "documents"],
        ["analyze"],
        ["draw", "-o", "g.html"],
        ["report", "-o", "r.html"],
        ["export", "--format", "json", "-o", "x.json"],
    ],
)
def test_a_mistyped_db_on_a_read_command_is_an_error_and_creates_nothing(tmp_path, command):
    typo = tmp_path / "dtuygraph"
    result = run([*command, "--db", str(typo)])
    assert result.exit_code == 2
    assert f"error: no store at {typo}: run 'dutygraph build FILE...' first, or check --db" in result.output
    assert not typo.exists()


def test_query_syntax_error_and_unknown_query(tmp_path):
    db = ["--db", str(tmp_path / "db")]
    run(["build", SEEDS[1], *db, "-q"])
    bad = run(["query", "-e", "MATCH (n RETURN n", *db])
    assert bad.exit_code == 2 and "the query failed" in bad.output
    unknown = run(["query", "no_such_query", *db])
    assert unknown.exit_code == 2 and "no saved query or file named 'no_such_query'" in unknown.output
    missing = run(["query", "tasks_of_leader", *db])
    assert missing.exit_code == 2 and "needs --param leader" in missing.output


def test_query_list_shows_every_saved_query():
    result = run(["query", "--list"])
    assert result.exit_code == 0
    for name in ("units_by_tasks_led", "unit_partners", "goal_responsibility_path", "documents"):
        assert name in result.stdout


def test_a_bad_file_in_build_leaves_the_others_stored(tmp_path):
    db = ["--db", str(tmp_path / "db")]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(["build", str(empty), SEEDS[1], *db])
    assert result.exit_code == 2
    assert f"error: {empty}: the file is empty" in result.stderr
    docs = run(["query", "documents", "--format", "json", *db])
    assert [d["doc"] for d in json.loads(docs.stdout)] == ["001_d657d27eca61cd1c.txt"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "neo4j-csv"])
def test_export(fmt, tmp_path):
    db = ["--db", str(tmp_path / "db")]
    run(["build", *SEEDS, *db, "-q"])
    out = tmp_path / f"g.{fmt}"
    result = run(["export", "--format", fmt, "-o", str(out), *db])
    assert result.exit_code == 0
    assert f"wrote 1051 nodes and 2118 relationships to {out}" in result.stderr
    if fmt == "graphml":
        G = nx.read_graphml(out)
        assert G.number_of_nodes() == 1051 and G.number_of_edges() == 2118
        unit = next(d for _, d in G.nodes(data=True) if d["id"] == "unit:钟楼区:卫健局")
        assert json.loads(unit["aliases"]) == ["区卫健局", "卫健局"]
    elif fmt == "gexf":
        assert ET.parse(out).getroot().tag == "{http://gexf.net/1.3}gexf"
    elif fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert len(data["nodes"]) == 1051 and len(data["edges"]) == 2118
    else:
        assert [
            len((out / name).read_text(encoding="utf-8").splitlines()) for name in ("nodes.csv", "relationships.csv")
        ] == [
            1052,
            2119,
        ]


def test_neo4j_unreachable_is_one_line_exit_3():
    result = run(["query", "documents", "--neo4j", "bolt://127.0.0.1:1"], {"NEO4J_PASSWORD": "hunter2"})
    assert result.exit_code == 3
    assert "cannot reach Neo4j at bolt://127.0.0.1:1" in result.output
    assert "hunter2" not in result.output


def test_db_and_neo4j_together_is_a_usage_error(tmp_path):
    result = run(["query", "documents", "--db", str(tmp_path), "--neo4j", "bolt://127.0.0.1:1"])
    assert result.exit_code == 2 and "give --db or --neo4j, not both" in result.output


@pytest.mark.parametrize(
    "load",
    [
        "LOAD CSV FROM 'file://{path}' AS r RETURN r",
        'load  csv with headers from "file://{path}" AS r RETURN r',
        "MATCH (d:Document) WITH d LIMIT 1 LOAD CSV FROM 'file://{path}' AS r RETURN r",
        "CALL apoc.load.csv('file://{path}') YIELD map RETURN map",
        "CALL dbms.listConfig() YIELD name, value RETURN name, value",
    ],
)
def test_query_never_reads_the_hosts_files(target, tmp_path, load):
    opts, env = target
    secret = tmp_path / "secret.csv"
    secret.write_text("SECRET-LINE-7f3a\n", encoding="utf-8")
    result = run(["query", "-e", load.format(path=secret), *opts], env)
    assert result.exit_code == 2, result.output
    assert "dutygraph query only reads the graph" in result.output or "is not one dutygraph query runs" in result.output
    assert "SECRET-LINE" not in result.output


def test_the_project_neo4j_refuses_file_urls_even_past_the_check(neo4j_store, tmp_path):
    from dutygraph.errors import QueryError

    secret = tmp_path / "secret.csv"
    secret.write_text("SECRET-LINE-7f3a\n", encoding="utf-8")
    with pytest.raises(QueryError) as refused:
        neo4j_store._read(f"LOAD CSV FROM 'file://{secret}' AS r RETURN r", {})  # the launcher's setting, not ours
    assert "allow_csv_import_from_file_urls" in str(refused.value) and "SECRET" not in str(refused.value)


HARMLESS = [
    ("SHOW DATABASES", "name"),
    ("CALL dbms.components()", "name"),
    ("SHOW INDEXES", None),
    ("SHOW CONSTRAINTS", None),
    ("CALL db.labels()", "label"),
]


def test_query_allows_harmless_listings(target):
    opts, env = target
    run(["build", SEEDS[1], *opts, "-q"], env)
    for cypher, column in HARMLESS:
        result = run(["query", "-e", cypher, "--format", "json", *opts], env)
        assert result.exit_code == 0, (cypher, result.output)
        rows = json.loads(result.stdout)
        assert rows and (column is None or column in rows[0]), cypher
        if cypher == "CALL db.labels()":
            assert {"Document", "Task", "Unit"} <= {r["label"] for r in rows}


def test_an_explicit_db_wins_over_neo4j_uri_in_the_environment(tmp_path):
    db = tmp_path / "db"
    env = {"NEO4J_URI": "bolt://127.0.0.1:1"}  # nothing listens there: using it would fail with exit 3
    built = run(["build", SEEDS[1], "--db", str(db), "-q"], env)
    assert built.exit_code == 0, built.output
    result = run(["query", "-e", "MATCH (t:Task) RETURN count(t) AS n", "--format", "json", "--db", str(db)], env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 78}]
    both = run(["query", "documents"], {**env, "DUTYGRAPH_DB": str(db)})
    assert (
        both.exit_code == 2 and "DUTYGRAPH_DB and NEO4J_URI are both set: give --db or --neo4j to choose" in both.output
    )
