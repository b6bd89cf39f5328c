"""The analysis as a table, CSV, XLSX, JSON and the review page: every one lists every column of the specifications.

A column added to UNIT_COLUMNS, LEADER_COLUMNS or CHANGE_COLUMNS (graph/analysis/results.py) must show up in every
output without touching another file; these tests fail otherwise.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import fields

import pytest
from openpyxl import load_workbook
from rich.console import Console

from dutygraph.graph import tables, terminal
from dutygraph.graph.analysis import (
    CHANGE_COLUMNS,
    LEADER_COLUMNS,
    UNIT_COLUMNS,
    ChangeRow,
    LeaderRow,
    UnitRow,
    analyze,
)
from dutygraph.graph.analysis.results import GROUPS, column_groups
from dutygraph.graph.report import render_report
from tests.conftest import seeds_graph

SPECS = {"units": UNIT_COLUMNS, "collectives": UNIT_COLUMNS, "leaders": LEADER_COLUMNS, "changes": CHANGE_COLUMNS}


@pytest.fixture(scope="module")
def result():
    """One plan with units, collectives, leaders and a change from the region's other year."""
    r = analyze(seeds_graph(), region="钟楼区", year=2021)
    assert all(getattr(r, group) for group in SPECS)
    return r


def test_every_column_is_a_field_of_its_row():
    for columns, row in ((UNIT_COLUMNS, UnitRow), (LEADER_COLUMNS, LeaderRow), (CHANGE_COLUMNS, ChangeRow)):
        names = {f.name for f in fields(row)}
        assert [c.key for c in columns if c.key not in names] == [], row.__name__
        assert len({c.key for c in columns}) == len(columns), row.__name__
        assert all(c.group in ("", *GROUPS) for c in columns)


def test_the_csv_has_a_column_for_every_unit_column(tmp_path, result):
    out = tmp_path / "a.csv"
    tables.write_analysis(result, "csv", out)
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["group", *(c.key for c in UNIT_COLUMNS)]
    assert {r[0] for r in rows[1:]} == {"units", "collectives"} and len(rows) - 1 == len(result.units) + len(
        result.collectives
    )


def test_each_sheet_of_the_workbook_has_its_columns_in_order(tmp_path, result):
    out = tmp_path / "a.xlsx"
    tables.write_analysis(result, "xlsx", out)
    wb = load_workbook(out)
    for sheet, columns in SPECS.items():
        assert [c.value for c in wb[sheet][1]] == [c.key for c in columns], sheet
        assert wb[sheet].max_row == 1 + len(getattr(result, sheet)), sheet
    assert wb.sheetnames == [*SPECS, "method"]


def test_every_json_row_carries_every_column(tmp_path, result):
    out = tmp_path / "a.json"
    tables.write_analysis(result, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    for group, columns in SPECS.items():
        assert data[group], group
        for row in data[group]:
            assert {c.key for c in columns} <= row.keys(), (group, {c.key for c in columns} - row.keys())


def test_the_terminal_table_shows_every_column_under_its_heading(result):
    console = Console(width=400, record=True)
    terminal.print_analysis(result, "钟楼区", 2021, console)
    text = console.export_text()
    for group, columns in SPECS.items():
        sample = getattr(result, group)[0]
        for c in columns:
            heading = re.escape(c.heading("en", sample))
            assert re.search(rf"┃\s*{heading}\s*┃", text), (group, c.key)
    # one table per group of columns, each titled by its group
    assert all(f": {GROUPS[g][1]}" in text for g, _ in column_groups(UNIT_COLUMNS))


def test_the_review_pages_tables_show_every_column(result):
    html = render_report(seeds_graph(), result, region="钟楼区", year=2021)
    for table_id, columns in (
        ("dg-rank", UNIT_COLUMNS),
        ("dg-collectives", UNIT_COLUMNS),
        ("dg-leaders", LEADER_COLUMNS),
        ("dg-change-table", CHANGE_COLUMNS),
    ):
        head = re.search(rf'<table class="rank" id="{table_id}"><thead><tr>(.*?)</tr>', html)
        assert head, table_id
        assert re.findall(r'data-key="(\w+)"', head.group(1)) == [c.key for c in columns], table_id


def test_top_keeps_the_first_rows_of_each_plan():
    both = analyze(seeds_graph(), region="钟楼区")
    kept = tables.top_per_plan(both.units, 2)
    assert [r.plan for r in kept] == ["钟楼区 2021", "钟楼区 2021", "钟楼区 2024", "钟楼区 2024"]
    assert kept[0] is both.units[0] and tables.top_per_plan(both.units, None) == both.units
