"""The analysis written as CSV, XLSX and JSON: every format lists every column of graph/tables.py."""

from __future__ import annotations

import csv
import json

from openpyxl import load_workbook

from dutygraph.graph import tables
from dutygraph.graph.analysis import analyze
from tests.conftest import seeds_graph


def _result():
    return analyze(seeds_graph(), region="钟楼区", year=2021)


def test_the_csv_has_a_column_for_every_unit_column(tmp_path):
    out = tmp_path / "a.csv"
    tables.write_analysis(_result(), "csv", out)
    header = next(csv.reader(out.open(encoding="utf-8")))
    assert header == ["group", *tables.UNIT_COLUMNS]


def test_each_sheet_of_the_workbook_has_its_columns_in_order(tmp_path):
    out = tmp_path / "a.xlsx"
    tables.write_analysis(_result(), "xlsx", out)
    wb = load_workbook(out)
    expected = {
        "units": tables.UNIT_COLUMNS,
        "collectives": tables.UNIT_COLUMNS,
        "leaders": tables.LEADER_COLUMNS,
        "changes": tables.CHANGE_COLUMNS,
    }
    for sheet, columns in expected.items():
        assert [c.value for c in wb[sheet][1]] == columns, sheet
    assert wb.sheetnames == [*expected, "method"]


def test_every_json_row_carries_every_column(tmp_path):
    out = tmp_path / "a.json"
    tables.write_analysis(_result(), "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    for group, columns in (("units", tables.UNIT_COLUMNS), ("leaders", tables.LEADER_COLUMNS)):
        assert data[group], group
        for row in data[group]:
            assert set(columns) <= row.keys(), (group, set(columns) - row.keys())


def test_top_keeps_the_first_rows_of_each_plan():
    rows = [{"plan": "a", "n": i} for i in range(3)] + [{"plan": "b", "n": i} for i in range(3)]
    assert [(r["plan"], r["n"]) for r in tables.top_per_plan(rows, 2)] == [("a", 0), ("a", 1), ("b", 0), ("b", 1)]
    assert tables.top_per_plan(rows, None) == rows
