"""The command line: in-process runs asserting exit codes and exact messages."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from dutygraph import __version__
from dutygraph.cli import cli
from tests.conftest import SAMPLES, SEED_FILES, seed_path

CONTRACT_KEYS = [
    "doc",
    "region",
    "year",
    "goal",
    "area",
    "task",
    "text",
    "lead",
    "support",
    "leaders",
    "inherited",
    "flags",
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _commands(group: click.Group):
    for name, cmd in group.commands.items():
        yield name, cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd)


def test_every_command_has_help_text():
    assert cli.help
    for name, cmd in _commands(cli):
        assert cmd.help and len(cmd.help) > 30, f"command {name} has no help"
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert param.help, f"option {param.name} of {name} has no help"


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"dutygraph, version {__version__}"


def test_extract_jsonl_follows_the_contract(runner):
    result = runner.invoke(cli, ["extract", str(seed_path("000")), "--format", "jsonl", "-q"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 137
    first = records[0]
    assert list(first)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert {k: first[k] for k in CONTRACT_KEYS} == {
        "doc": "000_654dc59a8ba40907.txt",
        "region": "钟楼区",
        "year": 2024,
        "goal": "全区经济社会发展的主要预期目标",
        "area": None,
        "task": "(1)",
        "text": "地区生产总值增长6%左右。",
        "lead": ["发改局"],
        "support": ["经开区", "高新园(邹区镇)", "各街道", "统计局"],
        "leaders": ["王旭锋"],
        "inherited": [],
        "flags": ["deduplicated"],
    }


def test_extract_of_all_seeds_counts_every_task(runner):
    paths = [str(seed_path(k)) for k in sorted(SEED_FILES)]
    result = runner.invoke(cli, ["extract", *paths])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 137 + 78 + 74 + 92 + 20
    assert result.stderr.splitlines()[-1] == "5 of 5 files read, 401 tasks"


def test_extract_table_is_readable(runner):
    result = runner.invoke(cli, ["extract", str(seed_path("001")), "--format", "table"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "001_d657d27eca61cd1c.txt  鼓楼区 2024  (numbered-list, 78 tasks)" in result.stdout
    assert "区发改委、区财政局" in result.stdout


def test_bad_files_fail_with_one_line_each_and_the_good_ones_still_print(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    folder = tmp_path / "no-documents"
    folder.mkdir()
    (folder / "notes.json").write_text("{}")
    result = runner.invoke(cli, ["extract", str(empty), str(SAMPLES / "labelled_lines.txt"), str(missing), str(folder)])
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 4
    err = result.stderr.splitlines()
    assert f"error: {empty}: the file is empty" in err
    assert f"error: {missing}: no such file" in err
    assert any(line.startswith(f"error: {folder}: the directory holds no document (.txt .md") for line in err)
    assert err[-1] == f"1 of 4 files read, 4 tasks; failed: {folder}, {empty}, {missing}"
    assert "Traceback" not in result.output


def test_region_and_year_options_override_the_text(runner):
    result = runner.invoke(cli, ["extract", str(seed_path("002")), "--year", "2024", "--region", "钟楼区", "-q"])
    assert result.exit_code == 0
    first = json.loads(result.stdout.splitlines()[0])
    assert (first["region"], first["year"]) == ("钟楼区", 2024)


def test_unknown_layout_option_is_a_usage_error(runner):
    result = runner.invoke(cli, ["extract", str(seed_path("001")), "--layout", "spreadsheet"])
    assert result.exit_code == 2
    assert "Invalid value for '--layout'" in result.output


def test_console_entry_point_runs_as_a_module_and_exits_2_without_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "dutygraph", "extract", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_warnings_name_file_and_line(runner):
    result = runner.invoke(cli, ["extract", str(seed_path("001"))])
    assert "warning: 001_d657d27eca61cd1c.txt:37: removed text injected by spam: '金宝博'" in result.stderr
