"""dutygraph analyze: the table, csv, json and xlsx a reviewer gets from the seeds."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dutygraph.cli import cli
from tests.conftest import SEED_FILES, seed_path

UNIT_KEYS = {
    "region",
    "year",
    "plan",
    "name",
    "kind",
    "kind_name",
    "lead",
    "support",
    "load",
    "goals",
    "leaders",
    "partners",
    "degree",
    "betweenness",
    "pagerank",
    "community",
    "flagged",
    "status",
    "reason",
    "peer_group",
    "peers",
}
LEADER_KEYS = {"region", "year", "plan", "name", "tasks", "units", "goals", "flagged", "reason"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("analyze") / "db"
    result = CliRunner().invoke(
        cli, ["build", *[str(seed_path(k)) for k in sorted(SEED_FILES)], "--db", str(path), "-q"]
    )
    assert result.exit_code == 0
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, ["analyze", *args], env={"COLUMNS": "220"})


def test_json_has_the_agreed_keys(db):
    result = run("--db", db, "--region", "钟楼区", "--year", "2021", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["units"][0]) >= UNIT_KEYS and set(data["leaders"][0]) >= LEADER_KEYS
    assert data["units"][0]["name"] == "高新园(邹区镇)" and data["units"][0]["flagged"] is False
    assert data["units"][0]["status"] == "blanket" and data["units"][2]["status"] == "overloaded"
    assert data["plans"][0]["label"] == "钟楼区 2021" and data["method"]["scope"] == "plan"
    assert [c["name"] for c in data["collectives"]][:1] == ["各街道"]
    assert data["method"]["betweenness"] == "exact"


def test_table_shows_ranking_flags_collectives_and_leaders(db):
    result = run("--db", db, "--region", "钟楼区", "--year", "2021", "--top", "20")
    assert result.exit_code == 0
    out = result.stdout
    lines = out.splitlines()

    def row(*parts):
        return [line for line in lines if all(p in line for p in parts)]

    assert "units by load (single offices): load" in out and "units by load (single offices): verdict and reason" in out
    # 住建局 leads 14 tasks: 12 listed first, 2 as a co-lead (load 2 × 12 + 1.5 × 2)
    assert row("│ 住建局 ", "│   14 │       12 │       2 │       0 │   27 │")
    assert row(
        "住建局",
        "⚑ overloaded",
        "牵头 14 项（其中共同牵头 2 项）、配合 0 项（负荷 27），跨 5 个目标；同类（部门）30 个",
    )
    assert row("经开区", "≡ blanket supporter", "牵头 2 项、配合 78 项（负荷 82）")
    assert "collective units (listed apart and never ranked: 各街道, 区相关部门 …): load" in out
    assert row("全体区长", "yes")


def test_all_years_include_the_change_from_2021_to_2024(db):
    data = json.loads(run("--db", db, "--region", "钟楼区", "--format", "json").stdout)
    # each plan on its own: a unit has one row per plan year, and no row pools them
    assert {u["plan"] for u in data["units"]} == {"钟楼区 2021", "钟楼区 2024"}
    assert [p["label"] for p in data["plans"]] == ["钟楼区 2021", "钟楼区 2024", "钟楼区 年份不详"]
    pooled = json.loads(run("--db", db, "--region", "钟楼区", "--pool-years", "--format", "json").stdout)
    assert {u["plan"] for u in pooled["units"]} == {"钟楼区 2021、2024（各年合并）"} and pooled["method"][
        "scope"
    ] == "pooled"
    statuses = {c["status"] for c in data["changes"]}
    assert statuses == {"both", "new", "gone"}
    assert {c["year_a"] for c in data["changes"]} == {2021} and {c["year_b"] for c in data["changes"]} == {2024}


def test_csv_and_xlsx_for_excel(db, tmp_path):
    text = run("--db", db, "--format", "csv", "--top", "3").stdout
    rows = list(csv.reader(io.StringIO(text)))
    # three rows of each plan with units (钟楼区 2021, 钟楼区 2024, 鼓楼区 2024), units then collectives
    assert rows[0][:4] == ["group", "region", "year", "name"] and len(rows) == 1 + 3 * 3 + 3 * 3
    assert {(r[1], r[2]) for r in rows[1:]} == {("钟楼区", "2021"), ("钟楼区", "2024"), ("鼓楼区", "2024")}
    out = tmp_path / "review.xlsx"
    result = run("--db", db, "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["units", "collectives", "leaders", "changes", "method"]
    assert wb["units"]["C1"].value == "name" and wb["units"].max_row > 100


def test_inferred_guesses_are_opt_in(db):
    base = json.loads(run("--db", db, "--region", "钟楼区", "--year", "2024", "--format", "json").stdout)
    more = json.loads(
        run("--db", db, "--region", "钟楼区", "--year", "2024", "--format", "json", "--include-inferred").stdout
    )
    total = lambda d: sum(u["lead"] + u["support"] for u in d["units"] + d["collectives"])  # noqa: E731
    assert total(more) > total(base)
    assert any("（未计入）" in u["reason"] for u in base["units"])


def test_bad_scope_and_missing_output(db):
    assert run("--db", db, "--year", "1999").exit_code == 2
    assert "no tasks in 1999" in run("--db", db, "--year", "1999").output
    result = run("--db", db, "--format", "xlsx")
    assert result.exit_code == 2 and "--format xlsx needs -o FILE" in result.output


def test_the_co_lead_weight_is_an_option_and_the_method_says_which_weights(db):
    base = json.loads(run("--db", db, "--region", "钟楼区", "--year", "2021", "--format", "json").stdout)
    assert base["method"]["weights"] == {"lead": 2.0, "co_lead": 1.5, "support": 1.0}
    same = json.loads(
        run("--db", db, "--region", "钟楼区", "--year", "2021", "--format", "json", "--co-lead-weight", "2").stdout
    )
    unit = {u["name"]: u for u in base["units"]}["住建局"]
    assert (unit["lead_first"], unit["lead_co"], unit["load"]) == (12, 2, 27.0)
    assert {u["name"]: u for u in same["units"]}["住建局"]["load"] == 28.0
    assert unit["by_goal"][0] == {
        "goal": "goal:003_8726cfd2ff1c199e.txt:4",
        "title": "提升区域功能品质",
        "lead": 7,
        "lead_first": 7,
        "lead_co": 0,
        "support": 0,
        "load": 14.0,
    }


def test_analyze_draw_report_and_run_share_their_options_word_for_word():
    shared = {"region", "year", "include_inferred", "lead_weight", "co_lead_weight", "support_weight", "output"}
    helps: dict[str, set[str]] = {}
    for name in ("analyze", "draw", "report", "run"):
        for p in cli.commands[name].params:
            if p.name in shared - ({"region", "year", "output"} if name == "run" else set()):
                helps.setdefault(p.name, set()).add(p.help)
    assert set(helps) == shared
    assert all(len(texts) == 1 for name, texts in helps.items() if name != "output"), helps
