"""--region/--year fill what a document does not print; --force-region/--force-year replace it, with a notice."""

from __future__ import annotations

import json
from collections import Counter

from click.testing import CliRunner

from dutygraph.cli import cli
from tests.conftest import seed_path


def extract(*args: str):
    result = CliRunner().invoke(cli, ["extract", *args])
    years = Counter(
        (json.loads(line)["doc"][:3], json.loads(line)["year"], json.loads(line)["region"])
        for line in result.stdout.splitlines()
    )
    return result, years


def test_year_fills_only_a_document_that_prints_none():
    result, years = extract(str(seed_path("001")), str(seed_path("002")), str(seed_path("003")), "--year", "2030")
    assert result.exit_code == 0
    # 001 prints 2024 and 003 prints 2021: following the warning's advice must not merge the plans.
    assert {(doc, year) for doc, year, _ in years} == {("001", 2024), ("002", 2030), ("003", 2021)}
    assert "no year found" not in result.stderr and "--force-year" not in result.stderr


def test_region_fills_only_a_document_that_prints_none():
    _result, years = extract(str(seed_path("001")), str(seed_path("003")), "--region", "玄武区")
    assert {(doc, region) for doc, _, region in years} == {("001", "鼓楼区"), ("003", "钟楼区")}


def test_force_year_and_region_replace_and_say_so():
    result, years = extract(
        str(seed_path("001")), str(seed_path("002")), "--force-year", "2030", "--force-region", "钟楼区"
    )
    assert result.exit_code == 0
    assert {(doc, year, region) for doc, year, region in years} == {("001", 2030, "钟楼区"), ("002", 2030, "钟楼区")}
    assert "note: 001_d657d27eca61cd1c.txt: --force-year 2030 replaces the year the text gives (2024)" in result.stderr
    assert (
        "note: 001_d657d27eca61cd1c.txt: --force-region 钟楼区 replaces the region the text gives (鼓楼区)"
        in result.stderr
    )
    assert "002_72e94bd22924f3a5.txt: --force-year" not in result.stderr  # 002 prints no year: nothing replaced


def test_build_keeps_two_plan_years_apart_with_year_given(tmp_path):
    db = tmp_path / "db"
    built = CliRunner().invoke(
        cli, ["build", str(seed_path("003")), str(seed_path("002")), "--year", "2024", "--db", str(db), "-q"]
    )
    assert built.exit_code == 0, built.output
    rows = CliRunner().invoke(
        cli,
        [
            "query",
            "-e",
            "MATCH (d:Document) RETURN d.source AS doc, d.year AS year",
            "--format",
            "json",
            "--db",
            str(db),
        ],
    )
    assert {(r["doc"][:3], r["year"]) for r in json.loads(rows.stdout)} == {("003", 2021), ("002", 2024)}
