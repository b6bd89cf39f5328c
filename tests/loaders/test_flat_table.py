"""Flattened tables: seed 000 (line-deduplicated) and a blank-line-separated table."""

from __future__ import annotations

import re

import pytest

from dutygraph.loaders import load
from tests.conftest import SAMPLES, seed, seed_path

_CODE = {"lead": "P", "support": "S", "leaders": "L"}


def _split(names: str) -> list[str]:
    return names.split("、") if names else []


def _check(result, expected):
    tasks = {t.task.strip("()（）"): t for t in result.tasks}
    for number, leaders, lead, support, inherited in expected:
        t = tasks[number]
        got = (t.leaders, t.lead, t.support, "".join(sorted(_CODE[f] for f in t.inherited)))
        assert got == (_split(leaders), _split(lead), _split(support), inherited), f"task {number}"


# (task, leaders, lead, support, inherited) with inherited coded P lead, S support,
# L leaders. Rows chosen across the table, including every hard row: merged and
# dropped cells after (4)-(7), names run together (24), (71), the tails of names
# whose first line was dropped (33), (91), the collective body broken over five
# lines (82), '—' (21), collectives read as support (11), (41), streets (52), (55).
TABLE_1 = [
    ("1", "王旭锋", "发改局", "经开区、高新园(邹区镇)、各街道、统计局", ""),
    ("2", "王旭锋", "财政局", "经开区、高新园(邹区镇)、各街道、统计局", "LS"),
    ("3", "吴伟", "商务局", "经开区、高新园(邹区镇)、各街道、统计局", "S"),
    ("4", "吴伟", "商务局", "经开区、高新园(邹区镇)、各街道、统计局", "LPS"),
    ("5", "吴伟", "商务局", "经开区、高新园(邹区镇)、各街道、统计局", "LPS"),
    ("6", "谢志诚", "工信局", "生态环境局", ""),
    ("7", "谢志诚", "应急管理局(安委办)", "区安委会各成员单位", "L"),
    ("8", "谢志诚", "应急管理局(安委办)", "区安委会各成员单位", "LPS"),
    ("11", "谢志诚", "应急管理局(安委办)", "相关板块、相关部门", "LP"),
    ("16", "谢志诚", "卫健局", "相关板块、相关部门", "LS"),
    ("18", "王行杰", "住建局", "相关板块、相关部门", "S"),
    ("21", "王行杰", "科技局", "", "L"),
    ("22", "王行杰", "科技局", "", "LP"),
    ("24", "王行杰", "人才办", "市场监管局、统计局、资规分局", "L"),
    ("28", "王行杰", "金控集团", "市场监管局、统计局、资规分局", "LS"),
    ("33", "王行杰", "(国资办)", "新运集团", "L"),
    ("35", "胡金芳", "组织部", "编办、医保分局", ""),
    ("39", "胡金芳", "行政审批局", "编办、医保分局", "LS"),
    ("40", "曹雷", "司法局", "市监局、全面依法治区委员会成员单位", ""),
    ("41", "曹雷", "司法局", "区相关部门", "LP"),
    ("42", "曹雷", "政府办", "区相关部门", "LS"),
    ("43", "曹雷", "营商办", "区相关部门", "LS"),
    ("52", "曹雷", "营商办", "西林街道", "LP"),
    ("55", "曹雷", "营商办", "五星街道、南大街街道", "LP"),
    ("56", "曹雷", "城管局", "五星街道、南大街街道", "LS"),
    ("58", "曹雷", "农业农村局", "五星街道、南大街街道", "LS"),
    ("60", "曹雷", "农业农村局", "永红街道", "LP"),
    ("65", "曹雷", "残联", "教育局", "L"),
    ("71", "曹雷", "文体旅局", "南大街街道、新运集团", "L"),
    ("72", "曹雷", "文体旅局", "荷花池街道", "LP"),
    ("79", "曹雷", "消安委办", "公安分局", "L"),
    ("82", "曹雷", "市场监管局", "区省级“食品安全示范区”创建工作领导小组成员单位", "L"),
    ("83", "曹雷", "市场监管局", "区省级“食品安全示范区”创建工作领导小组成员单位", "LPS"),
    ("89", "曹雷", "信访局", "政法委", "L"),
    ("91", "曹雷", "(城运中心)", "区各部门", "L"),
    ("92", "曹雷", "退役军人事务局", "区双拥成员单位", "L"),
    ("93", "全体区长", "退役军人事务局", "区双拥成员单位", "PS"),
    ("98", "全体区长", "审计局", "区双拥成员单位", "LS"),
    ("100", "全体区长", "审计局", "区双拥成员单位", "LPS"),
]

# The whole 民生实事 table: unnumbered items M1-M37.
LIVELIHOOD = [
    ("M1", "", "区卫健局", "高新园(邹区镇)、各街道、区教育局", ""),
    ("M2", "", "区总工会、团区委", "高新园(邹区镇)、各街道、区教育局、区民政局、区残联、区关工委", ""),
    ("M3", "", "区残联", "高新园(邹区镇)、各街道、区卫健局", ""),
    ("M4", "", "区教育局", "北港街道、五星街道、荷花池街道", ""),
    ("M5", "", "区应急管理局、钟楼公安分局、钟楼交警大队、钟楼消防救援大队", "北港街道、五星街道、荷花池街道", "S"),
    ("M6", "", "区应急管理局、钟楼公安分局、钟楼交警大队、钟楼消防救援大队", "高新园(邹区镇)、各街道、区财政局", "P"),
    ("M7", "", "区应急管理局、钟楼公安分局、钟楼交警大队、钟楼消防救援大队", "高新园(邹区镇)、各街道、区财政局", "PS"),
    ("M8", "", "区应急管理局、钟楼公安分局、钟楼交警大队、钟楼消防救援大队", "高新园(邹区镇)、各街道、区财政局", "PS"),
    ("M9", "", "区总工会", "高新园(邹区镇)、各街道", ""),
    ("M10", "", "区民政局", "五星街道、永红街道", ""),
    ("M11", "", "区民政局", "高新园(邹区镇)、北港街道、五星街道、永红街道、荷花池街道", "P"),
    ("M12", "", "区民政局", "高新园(邹区镇)、北港街道、五星街道、永红街道、荷花池街道", "PS"),
    ("M13", "", "区民政局、区卫健局", "高新园(邹区镇)、各街道、钟楼医保分局", ""),
    ("M14", "", "区民政局、区残联", "高新园(邹区镇)、各街道、钟楼医保分局", "S"),
    ("M15", "", "区民政局、团区委", "高新园(邹区镇)、各街道、区教育局、区残联、区关工委", ""),
    ("M16", "", "区民政局、团区委", "", "P"),
    ("M17", "", "区住建局", "南大街街道、新运集团", ""),
    ("M18", "", "区住建局", "南大街街道、新运集团", "PS"),
    ("M19", "", "区住建局", "南大街街道、新运集团", "PS"),
    ("M20", "吴伟", "区商务局", "新闸街道", ""),
    ("M21", "吴伟", "城西公司", "新闸街道", "LS"),
    ("M22", "吴伟", "区城管局", "新闸街道", "LS"),
    ("M23", "曹雷", "钟楼交警大队", "新闸街道", "S"),
    ("M24", "曹雷", "区农业农村局", "高新园(邹区镇)", "L"),
    ("M25", "曹雷", "区农业农村局", "高新园(邹区镇)", "LPS"),
    ("M26", "曹雷", "区农业农村局", "高新园(邹区镇)", "LPS"),
    ("M27", "曹雷", "区农业农村局", "高新园(邹区镇)", "LPS"),
    ("M28", "曹雷", "区农业农村局", "高新园(邹区镇)", "LPS"),
    ("M29", "曹雷", "钟楼生态环境局", "高新园(邹区镇)", "LS"),
    ("M30", "曹雷", "区文体旅局", "高新园(邹区镇)", "LS"),
    ("M31", "曹雷", "区文体旅局", "高新园(邹区镇)", "LPS"),
    ("M32", "曹雷", "区文体旅局", "高新园(邹区镇)", "LPS"),
    ("M33", "曹雷", "区文体旅局", "高新园(邹区镇)", "LPS"),
    ("M34", "曹雷", "区文体旅局", "高新园(邹区镇)", "LPS"),
    ("M35", "曹雷", "区应急管理局(区安委办)", "高新园(邹区镇)", "LS"),
    ("M36", "曹雷", "区红十字会", "高新园(邹区镇)", "LS"),
    ("M37", "曹雷", "区应急管理局(区安委办)", "高新园(邹区镇)", "LS"),
]


def test_000_table_1_rows_read_into_the_right_columns():
    _check(seed("000"), TABLE_1)


def test_000_livelihood_table_is_read_whole():
    _check(seed("000"), LIVELIHOOD)


def test_000_goals_and_areas_rejoin_lines_broken_in_the_flattening():
    t = {x.task: x for x in seed("000").tasks}
    assert (t["(1)"].goal_no, t["(1)"].goal, t["(1)"].area) == ("1", "全区经济社会发展的主要预期目标", None)
    assert t["(8)"].area == "聚力攻坚项目“双进”"
    assert t["(12)"].area == "聚力推动产业转型"
    assert t["(49)"].area == "以主城视角优化空间格局"
    assert t["(54)"].area == "以精建细管提升城市品质"
    assert (t["(93)"].goal_no, t["(93)"].goal) == ("8", "切实加强和改进政府自身建设")
    assert t["(93)"].area == "始终把忠诚为政记在心上"
    assert t["M20"].area == "“常有安居”工程"
    assert t["M21"].area == "交通畅行工程"  # project name split over two lines
    assert t["M30"].area == "文体惠民"  # after the stray row number 9
    assert t["M1"].goal == "2024年民生实事项目目标任务责任分解表"


def test_000_every_printed_line_lands_in_a_task_a_heading_or_a_name():
    """No line of the two tables is lost: each is a task's text, a goal or area, or a printed name."""
    lines = seed_path("000").read_text(encoding="utf-8").splitlines()
    start = lines.index("配合单位") + 1
    r = seed("000")
    printed = []
    for t in r.tasks:
        for f in ("leaders", "lead", "support"):
            if f not in t.inherited:
                printed.extend(t.__getattribute__(f))
    joined = "".join(printed)
    headings = {x for t in r.tasks for x in (t.goal, t.area) if x}
    texts = re.sub(r"\s", "", "".join(t.text for t in r.tasks))
    for no, raw in enumerate(lines[start:], start=start + 1):
        text = re.sub(r"^\(\d+\)|\s", "", raw)
        if not text or re.fullmatch(r"\d+|——|—|项目名称|主要内容|附件2", text) or text in texts:
            continue
        if any(text in h for h in headings):
            continue
        assert text in joined, f"line {no} '{raw}' was not read into any task"


def test_000_spaces_inside_person_names_are_removed():
    t = {x.task: x for x in seed("000").tasks}
    assert t["(3)"].leaders == ["吴伟"]
    assert t["(40)"].leaders == ["曹雷"]


def test_000_warns_where_it_split_or_rejoined_names():
    messages = {(w.line, w.message) for w in seed("000").warnings}
    assert any(line == 83 and "市场监管局, 统计局" in m for line, m in messages)
    assert any(line == 101 and "(国资办)" in m and "first line was not printed" in m for line, m in messages)
    assert any(line == 221 and "(城运中心)" in m for line, m in messages)
    assert any(line == 203 and "区省级“食品安全示范区”创建工作领导小组" in m for line, m in messages)


def test_000_leaders_are_inherited_only_as_marked_guesses():
    for t in seed("000").tasks:
        if not t.leaders:
            assert t.task.startswith("M")
        if "leaders" not in t.inherited and t.leaders:
            assert "leaders" in t.lines


@pytest.fixture(scope="module")
def blank_cells():
    return load(SAMPLES / "blank_cells.txt")


def test_blank_line_separated_cells_keep_multi_unit_cells_whole(blank_cells):
    t = {x.task: x for x in blank_cells.tasks}
    assert t["（1）"].support == ["区统计局", "各街道"]
    assert t["（4）"].lead == ["区住建局", "区房管局"]  # one cell, two lead units
    assert t["（4）"].support == ["相关街道"]


def test_blank_line_table_merged_cells_are_inherited_but_not_flagged(blank_cells):
    t = {x.task: x for x in blank_cells.tasks}
    assert t["（2）"].leaders == ["赵明"] and set(t["（2）"].inherited) == {"leaders", "support"}
    assert blank_cells.document.flags == []


def test_extra_columns_and_the_signature_are_not_read_as_headings_or_units(blank_cells):
    t = {x.task: x for x in blank_cells.tasks}
    assert t["（4）"].area is None
    assert all("人民政府" not in u for x in blank_cells.tasks for u in x.support + x.lead)
    assert (blank_cells.document.region, blank_cells.document.year) == ("梁溪区", 2023)


def test_cells_one_per_line_each_closed_by_a_pipe_are_read_as_a_flattened_table():
    # 序号 | / 县教育局 |: the converter printed each cell on its own line and ended it with the pipe.
    r = load(SAMPLES / "cells_closed_by_pipes.txt")
    assert [x.task for x in r.tasks] == ["1", "2", "3"]
    t1, t2, t3 = r.tasks
    assert (t1.leaders, t1.lead, t1.support) == (["王明"], ["县教育局"], ["县财政局"])
    # A unit list ending in 各乡镇人民政府 is no signature line: the table goes on.
    assert (t2.leaders, t2.lead, t2.support) == (["李华"], ["县交通运输局"], ["县财政局", "各乡镇人民政府"])
    assert (t3.leaders, t3.lead, t3.support) == (["王明"], ["县住建局"], ["县财政局"])


def test_cells_closed_by_pipes_from_the_middle_of_a_table() -> None:
    """A page cut from a longer table starts at row 12, not 1; two spaced leader names run together."""
    r = load(SAMPLES / "pipe_cells_mid_table.txt")
    assert [x.task for x in r.tasks] == ["12", "13"]
    t12, t13 = r.tasks
    assert (t12.leaders, t12.lead, t12.support) == (["王明"], ["县住建局"], ["县财政局"])
    assert (t13.leaders, t13.lead, t13.support) == (["陈刚", "李华"], ["县交通运输局"], ["县公路事业发展中心"])


def test_an_extra_single_unit_cell_is_a_second_lead() -> None:
    """Two unit columns, three unit cells, on a page that joins a cell's units with 、:
    the extra single-name cell before the last is a second lead cell."""
    r = load(SAMPLES / "extra_lead_cell.txt")
    assert [x.task for x in r.tasks] == ["1", "2", "3"]
    t1, t2, t3 = r.tasks
    assert (t1.lead, t1.support) == (["区发改局"], ["区工信局", "区商务局", "各街道办事处"])
    assert (t2.lead, t2.support) == (["区发改局", "区工信局"], ["各街道办事处"])
    assert (t3.lead, t3.support) == (["区科技局"], ["区工信局", "各街道办事处"])


def test_a_unit_cell_cut_by_the_end_of_the_text_is_kept_as_printed() -> None:
    """The page ends inside the last row's unit cell (多福湾工作专): its names are the row's, kept as printed."""
    r = load(SAMPLES / "cut_last_unit_cell.txt")
    t1, t2 = r.tasks
    assert (t1.lead, t1.support) == (["区发改局"], ["区工信局", "区商务局"])
    assert (t2.lead, t2.support) == (["区发改局"], ["区投促局", "多福湾工作专"])
    assert any("ends inside a unit cell" in w.message for w in r.warnings)


def test_a_lead_cell_cut_by_the_end_of_the_text_is_not_taken_from_above() -> None:
    """Rows under a 序号 header; the page ends after one character of row 2's lead cell:
    that character is its lead, kept as printed, and nothing is inherited from row 1."""
    r = load(SAMPLES / "cut_lead_cell_numbered_rows.txt")
    t1, t2 = r.tasks
    assert (t1.lead, t1.support) == (["区农业农村局"], ["区发展改革局", "区工业和信息化局"])
    assert (t2.lead, t2.support, t2.inherited) == (["沈"], [], [])
    assert any("ends inside a unit cell" in w.message for w in r.warnings)


def test_a_table_in_parts_each_with_its_header_reads_marked_numbers_notes_and_stated_leads():
    r = load(SAMPLES / "flat_table_parts.txt")
    assert [(t.task, t.leaders, t.lead, t.support) for t in r.tasks] == [
        # 重点工作任务(本市2项配合工作) names the task column; 省牵头单位：X after the 责任单位 cell is the lead
        ("1", ["李明"], ["省农业农村厅"], ["市农业农村局", "市规划和自然资源局"]),
        ("2", ["赵刚"], ["省商务厅"], ["市商务局", "市发改委"]),
        # the header again opens part 二, numbered from 1 again; 1* is row 1 marked as a key task
        ("1", ["王强"], ["城西科创走廊管委会", "市科技局", "市发改委"], []),
        ("2", ["王强"], ["省经信厅"], ["市经信局", "市数据资源局"]),
    ]


def test_a_cell_that_holds_only_a_space_is_an_empty_unit_column_not_the_row_above():
    # Cells set apart by blank lines; rows 2 and 3 print their 配合部门 cell as one space. That cell is
    # empty: the support of row 1 is not carried down to them.
    r = load(SAMPLES / "flat_space_only_cell.txt")
    assert [(t.task, t.lead, t.support, t.inherited) for t in r.tasks] == [
        ("1", ["市园林局"], ["市住建局", "市财政局"], []),
        ("2", ["市公安局"], [], []),
        ("3", ["市住建局"], [], []),
        ("4", ["市民政局"], ["市商务局"], []),
    ]


def test_a_title_of_six_characters_that_splits_into_two_name_like_halves_is_no_persons_cell():
    # 农村公路提升 is no 农村公 and 路提升: row 2 was skipped as printing no task text
    r = load(SAMPLES / "flat_table_word_like_names.txt")
    assert [(t.task, t.text, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", "城区学校扩容：新建小学1所、初中1所", ["王芳"], ["县教育局"], ["县住建局", "县自然资源局"]),
        ("2", "农村公路提升：改造农村公路80公里", ["李军"], ["县交通运输局"], ["各乡镇"]),
    ]
