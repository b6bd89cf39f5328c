"""A document is known by its content and its path relative to the input, never by its base name alone."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from dutygraph.cli import cli
from dutygraph.graph.build import build_graph
from dutygraph.loaders import load
from tests.conftest import seed_path


def run(*args):
    return CliRunner().invoke(cli, [*map(str, args)], env={"COLUMNS": "200"})


def stored(db):
    out = run(
        "query",
        "-e",
        "MATCH (d:Document) OPTIONAL MATCH (t:Task {doc: d.id}) RETURN d.id AS id, count(t) AS tasks",
        "--format",
        "json",
        "--db",
        db,
    )
    return {r["id"]: r["tasks"] for r in json.loads(out.stdout)}


def test_two_documents_with_one_name_in_two_folders_are_both_stored(tmp_path):
    for folder, key in (("鼓楼", "001"), ("钟楼", "003")):
        (tmp_path / folder).mkdir()
        shutil.copy(seed_path(key), tmp_path / folder / "附件1.txt")
    db = tmp_path / "db"
    built = run("build", tmp_path / "鼓楼" / "附件1.txt", tmp_path / "钟楼" / "附件1.txt", "--db", db)
    assert built.exit_code == 0, built.output
    assert built.stderr.splitlines()[-1] == "2 of 2 files read, 170 tasks; stored 2 documents, 170 tasks"
    assert stored(db) == {"doc:鼓楼/附件1.txt": 78, "doc:钟楼/附件1.txt": 92}


def test_the_same_file_given_twice_is_stored_once_with_a_warning(tmp_path):
    db = tmp_path / "db"
    built = run("build", seed_path("001"), seed_path("001"), "--db", db)
    assert built.exit_code == 0, built.output
    assert "001_d657d27eca61cd1c.txt: the same document as" in built.stderr and "stored once" in built.stderr
    assert built.stderr.splitlines()[-1] == "2 of 2 files read, 156 tasks; stored 1 documents, 78 tasks"
    assert stored(db) == {"doc:001_d657d27eca61cd1c.txt": 78}


def test_an_edited_document_with_the_same_path_replaces_its_earlier_version(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "一、发展\n1. 任务甲。(区发改局主办)\n2. 任务乙。(区财政局主办)\n3. 任务丙。(区民政局主办)\n", encoding="utf-8"
    )
    db = tmp_path / "db"
    assert run("build", doc, "--db", db, "--region", "天宁区", "--year", "2024").exit_code == 0
    doc.write_text("一、发展\n1. 任务甲。(区发改局主办)\n2. 任务乙。(区财政局主办)\n", encoding="utf-8")
    assert run("build", doc, "--db", db, "--region", "天宁区", "--year", "2024").exit_code == 0
    assert stored(db) == {"doc:plan.txt": 2}


def test_a_task_number_repeated_under_one_goal_stays_a_separate_task(tmp_path):
    path = tmp_path / "repeat.txt"
    path.write_text(
        "一、发展\n1. 任务甲。(区发改局主办)\n2. 任务乙。(区财政局主办)\n1. 任务丙。(区民政局主办)\n", encoding="utf-8"
    )
    result = load(path, region="天宁区", year=2024)
    G = build_graph([result])
    tasks = {d["text"]: n for n, d in G.nodes(data=True) if d["label"] == "Task"}
    assert len(tasks) == 3
    assert tasks["任务丙。"] == tasks["任务甲。"] + "#2"
    assert any(
        "task 1 is numbered as an earlier task of the same goal: kept apart as 1#2" in w.message
        for w in result.warnings
    )
