"""dutygraph run (the main job) and configuration from flags, environment and dutygraph.toml."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from dutygraph.cli import cli
from tests.conftest import SEEDS, seed_path


def invoke(args, env=None):
    return CliRunner().invoke(cli, args, env={"COLUMNS": "160", **(env or {})})


def test_run_does_the_whole_job(tmp_path):
    result = invoke(["run", str(SEEDS), "--db", str(tmp_path / "db"), "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "stored in the embedded store" in out and "钟楼区 2021: top 10 units by load" in out
    assert f"open {tmp_path / 'out' / 'index.html'} in a browser: it links each plan's graph and review pages" in out
    err = result.stderr.splitlines()
    assert err[-1] == "5 of 5 files read, 401 tasks; stored 5 documents, 401 tasks"
    assert any(line.startswith("warning: 001_d657d27eca61cd1c.txt:37") for line in err)
    # One graph page per plan, one review page per plan that names units, no page pooling years.
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        "index.html",
        "武进区-2021.graph.html",
        "钟楼区-2021.graph.html",
        "钟楼区-2021.review.html",
        "钟楼区-2024.graph.html",
        "钟楼区-2024.review.html",
        "钟楼区-noyear.graph.html",
        "鼓楼区-2024.graph.html",
        "鼓楼区-2024.review.html",
    ]
    page = (tmp_path / "out" / "钟楼区-2021.graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in page and "责任图谱 · 钟楼区 2021" in page and "2024" not in page.split("<title>")[1][:40]
    review = (tmp_path / "out" / "钟楼区-2021.review.html").read_text(encoding="utf-8")
    assert "住建局" in review and "各年合并" not in review
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert index.count("无责任单位") == 2 and 'href="钟楼区-2024.review.html"' in index


def test_run_pools_years_only_when_asked(tmp_path):
    result = invoke(
        [
            "run",
            str(seed_path("000")),
            str(seed_path("003")),
            "--db",
            str(tmp_path / "db"),
            "--out-dir",
            str(tmp_path / "out"),
            "--pool-years",
            "-q",
        ]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "index.html",
        "钟楼区-pooled.graph.html",
        "钟楼区-pooled.review.html",
    ]
    review = (tmp_path / "out" / "钟楼区-pooled.review.html").read_text(encoding="utf-8")
    assert "各年合并（pooled）" in review and "钟楼区 2021、2024（各年合并）" in review


def test_run_keeps_going_past_a_bad_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seed_path("001"), docs)
    (docs / "broken.txt").write_bytes(b"\x00\x01binary")
    result = invoke(["run", str(docs), "--db", str(tmp_path / "db"), "--out-dir", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2
    assert f"error: {docs / 'broken.txt'}: this is a binary file, not a text document" in result.stderr
    assert (tmp_path / "out" / "鼓楼区-2024.review.html").exists() and (tmp_path / "out" / "index.html").exists()


def test_run_on_an_empty_directory_is_a_clear_error(tmp_path):
    result = invoke(["run", str(tmp_path), "--db", str(tmp_path / "db")])
    assert result.exit_code == 2
    from dutygraph.pipeline import DOCUMENT_SUFFIXES

    assert (
        result.output.strip() == f"error: {tmp_path}: the directory holds no document ({', '.join(DOCUMENT_SUFFIXES)})"
    )
    assert ".docx" in DOCUMENT_SUFFIXES and ".pdf" in DOCUMENT_SUFFIXES


def test_configuration_file_environment_and_flags(tmp_path, monkeypatch):
    db = tmp_path / "db"
    assert invoke(["build", str(seed_path("003")), "--db", str(db), "-q"]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dutygraph.toml").write_text(
        f'db = "{db}"\nregion = "钟楼区"\n\n[analyze]\ntop = 3\n', encoding="utf-8"
    )
    data = json.loads(invoke(["analyze", "--format", "json"]).stdout)
    assert len(data["units"]) == 3 and {u["region"] for u in data["units"]} == {"钟楼区"}
    assert len(json.loads(invoke(["analyze", "--format", "json", "--top", "5"]).stdout)["units"]) == 5  # flag wins
    empty = tmp_path / "empty"
    result = invoke(["query", "documents"], env={"DUTYGRAPH_DB": str(empty)})  # environment wins over the file
    assert result.exit_code == 2 and f"no store at {empty}" in result.output


def test_configuration_errors_name_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = tmp_path / "dutygraph.toml"
    cfg.write_text('colour = "red"\n', encoding="utf-8")
    result = invoke(["query", "--list"])
    assert result.exit_code == 2 and f"error: {cfg}: no command has an option --colour" in result.output
    cfg.write_text('password = "x"\n', encoding="utf-8")
    assert "set NEO4J_PASSWORD instead" in invoke(["query", "--list"]).output
    cfg.write_text("[analyze\n", encoding="utf-8")
    assert "not valid TOML" in invoke(["query", "--list"]).output
