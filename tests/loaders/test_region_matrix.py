"""Tables on their side (民生实事 allocation and progress tables): tasks as columns, a row of units, rows of places."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dutygraph.loaders import load

# Flattened one cell a line: one blank line between cells, two between rows (as such pages are scraped).
_BLOCK = """\
2021年某市民生实事责任分工表

地区

组织技能培训


建成投用市公共实训基地

★组织开展各类补贴性职业技能培训(万人次)

劳务品牌

培训(人)

农村残疾人实用技术培训(人)

妇女居家灵活就业培训(人)


责任

单位

市人力资源社会保障局

市残联

市妇联


全市

2.2

2400

2000

1000


东坡区

0.7

400

500

200
"""


def _write(tmp_path: Path, text: str, name: str = "matrix.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_columns_are_tasks_and_the_first_unit_is_given_the_columns_a_flattened_row_lost(tmp_path):
    r = load(_write(tmp_path, _BLOCK))
    assert r.document.layout == "region-matrix"
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("M1", "建成投用市公共实训基地", ["市人力资源社会保障局"]),
        ("M2", "组织开展各类补贴性职业技能培训(万人次)", ["市人力资源社会保障局"]),
        ("M3", "劳务品牌培训(人)", ["市人力资源社会保障局"]),  # an indicator broken over two cells, joined
        ("M4", "农村残疾人实用技术培训(人)", ["市残联"]),
        ("M5", "妇女居家灵活就业培训(人)", ["市妇联"]),
    ]
    assert {t.goal for t in r.tasks} == {"组织技能培训"}
    merged = [w for w in r.warnings if "merged over columns" in w.message]
    assert len(merged) == 1 and merged[0].line == 25 and "given the first 3" in merged[0].message


def test_places_and_their_targets_are_never_units(tmp_path):
    r = load(_write(tmp_path, _BLOCK))
    names = {n for t in r.tasks for n in (*t.lead, *t.support, *t.leaders)}
    assert names == {"市人力资源社会保障局", "市残联", "市妇联"}
    assert not any(t.text in {"全市", "东坡区"} for t in r.tasks)


def test_a_unit_row_without_a_label_and_a_header_without_row_breaks(tmp_path):
    # 2019-style progress table: no 责任单位 cell before the units, sub-headers per column, and the group
    # headers told from the indicators only by the measures closing the indicators.
    header = ["地区", "就业促进工程", "城镇新增就业(人)", "城镇失业人员再就业(人)", "下岗失业人员再就业(人)"]
    units = ["市人力资源社会保障局", "市总工会"]
    places = ["全市", "27800", "52242", "4400", "5358", "400", "1089", "彭山区", "3800", "6138", "660", "709", "80"]
    text = "\n\n".join([*header, *units, *["目标", "进度"] * 3, *places, "121"])
    r = load(_write(tmp_path, text + "\n"))
    assert [(t.text, t.lead, t.goal) for t in r.tasks] == [
        ("城镇新增就业(人)", ["市人力资源社会保障局"], "就业促进工程"),
        ("城镇失业人员再就业(人)", ["市人力资源社会保障局"], "就业促进工程"),
        ("下岗失业人员再就业(人)", ["市总工会"], "就业促进工程"),
    ]


def test_a_real_table_says_which_columns_a_merged_unit_cell_covers(tmp_path):
    page = """<html><head><meta charset="utf-8"><title>民生实事责任分工表</title></head><body>
<table border="1">
<tr><td rowspan="2">地区</td><td colspan="2">组织技能培训</td><td rowspan="2">农村残疾人实用技术培训(人)</td>
<td rowspan="2">家政从业人员培训(人)</td></tr>
<tr><td>建成投用市公共实训基地</td><td>劳务品牌培训(人)</td></tr>
<tr><td>责任单位</td><td>市人力资源社会保障局</td><td colspan="2">市残联</td><td>市商务局<br>市妇联</td></tr>
<tr><td>全市</td><td></td><td>2400</td><td>2000</td><td>1000</td></tr>
<tr><td>东坡区</td><td></td><td>400</td><td>500</td><td>200</td></tr>
</table></body></html>"""
    r = load(_write(tmp_path, page, "matrix.html"))
    assert r.document.layout == "region-matrix"
    assert [(t.text, t.lead, t.goal) for t in r.tasks] == [
        ("建成投用市公共实训基地", ["市人力资源社会保障局"], "组织技能培训"),
        ("劳务品牌培训(人)", ["市残联"], "组织技能培训"),  # the merged cell's columns, not the first unit's
        ("农村残疾人实用技术培训(人)", ["市残联"], None),
        ("家政从业人员培训(人)", ["市商务局", "市妇联"], None),  # names one a line in one cell
    ]
    assert not any("merged over columns" in w.message for w in r.warnings)


def test_a_workbook_with_merged_unit_cells_is_read_by_its_merges(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (
        ["地区", "城镇新增就业(人)", "就业困难人员就业(人)", "下岗失业人员再就业(人)"],
        ["牵头单位", "市人力资源社会保障局", None, "市总工会"],
        ["配合单位", "市财政局", "市残联", "市人力资源社会保障局"],
        ["全县", 4400, 2000, 400],
        ["城关镇", 1200, 500, 70],
    ):
        ws.append(row)
    ws.merge_cells("B2:C2")
    path = tmp_path / "matrix.xlsx"
    wb.save(path)
    r = load(path)
    assert [(t.text, t.lead, t.support) for t in r.tasks] == [
        ("城镇新增就业(人)", ["市人力资源社会保障局"], ["市财政局"]),
        ("就业困难人员就业(人)", ["市人力资源社会保障局"], ["市残联"]),
        ("下岗失业人员再就业(人)", ["市总工会"], ["市人力资源社会保障局"]),
    ]


def test_a_table_with_a_place_column_is_no_table_on_its_side(tmp_path):
    rows = [["序号", "地区", "工作任务", "责任单位"], ["1", "东坡区", "新建口袋公园5个", "区城管局"]]
    text = "\n\n".join(cell for row in [*rows, ["2", "彭山区", "改造老旧小区3个", "区住建局"]] for cell in row)
    r = load(_write(tmp_path, text + "\n"))
    assert r.document.layout != "region-matrix"
