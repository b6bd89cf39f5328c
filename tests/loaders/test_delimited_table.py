"""Delimited tables: seed 003 (Word tab dump), a TSV and a pipe table."""

from __future__ import annotations

import pytest

from dutygraph.loaders import load
from tests.conftest import SAMPLES, seed
from tests.loaders.test_flat_table import _check

# Every task of seed 003: (task, leaders, lead, support, inherited). An empty
# cell continues the merged cell above (inherited, coded P lead, S support,
# L leaders); multi-line cells hold several units; 周  庆 is 周庆.
SEED_003 = [
    ("1", "韩雪琴", "发改局", "经开区、高新园（邹区镇）、各街道", ""),
    ("2", "周庆", "财政局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("3", "韩雪琴", "发改局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("4", "王旭锋", "商务局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("5", "王旭锋", "商务局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("6", "韩雪琴", "发改局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("7", "王旭锋", "工信局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("8", "张菁", "生态环境局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("9", "韩雪琴", "应急管理局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("10", "王旭锋", "经开区、高新园（邹区镇）", "科技局", ""),
    ("11", "王旭锋", "经开区", "工信局、商务局", ""),
    ("12", "王旭锋", "高新园（邹区镇）", "科技局", ""),
    ("13", "王旭锋", "科技局", "经开区、高新园（邹区镇）、各街道", ""),
    ("14", "王旭锋", "科技局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("15", "王旭锋", "科技局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("16", "毛利平", "地方金融监管局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("17", "王旭锋", "发改局、科技局、工信局、人社局、市场监管局", "经开区、高新园（邹区镇）、各街道", ""),
    ("18", "王旭锋", "组织部、科技局、人社局", "财政局、地方金融监管局、经开区、高新园（邹区镇）、各街道", ""),
    ("19", "周庆", "组织部、编办", "财政局、人社局", ""),
    ("20", "韩雪琴", "编办、行政审批局", "经开区、高新园（邹区镇）、各街道", ""),
    ("21", "周庆", "编办", "组织部、财政局、人社局", ""),
    ("22", "周庆", "财政局", "经开区、高新园（邹区镇）、各街道", ""),
    ("23", "韩雪琴", "财政局、新运集团", "经开区、高新园（邹区镇）、各街道", "S"),
    ("24", "韩雪琴", "组织部、发改局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("25", "韩雪琴", "发改局、科技局、工信局、商务局", "经开区、高新园（邹区镇）、各街道", ""),
    ("26", "王旭锋", "商务局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("27", "韩雪琴", "发改局、住建局、商务局、自然资源和规划分局", "经开区、高新园（邹区镇）、各街道", ""),
    ("28", "王旭锋", "商务局", "发改局、财政局、经开区、高新园（邹区镇）、各街道", ""),
    ("29", "王旭锋", "商务局", "发改局、财政局、经开区、高新园（邹区镇）、各街道", "S"),
    ("30", "王旭锋", "商务局", "发改局、财政局、经开区、高新园（邹区镇）、各街道", "S"),
    ("31", "王旭锋", "商务局", "发改局、财政局、经开区、高新园（邹区镇）、各街道", "S"),
    ("32", "王旭锋", "工信局", "经开区、高新园（邹区镇）、各街道", ""),
    ("33", "王旭锋", "工信局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("34", "王旭锋", "工信局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("35", "王旭锋", "工信局、商务局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("36", "王旭锋", "工信局", "经开区、高新园（邹区镇）、各街道", ""),
    ("37", "王旭锋", "工信局、卫健局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("38", "王旭锋", "工信局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("39", "韩雪琴", "发改局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("40", "何海平", "文体旅局", "相关街道", ""),
    ("41", "芮春祥", "住建局", "相关街道", "S"),
    ("42", "王旭锋", "发改局、商务局", "相关街道", "S"),
    ("43", "芮春祥", "自然资源和规划分局", "区有关部门", ""),
    ("44", "芮春祥", "住建局", "相关街道", ""),
    ("45", "芮春祥", "住建局", "经开区、高新园（邹区镇）、各街道", ""),
    ("46", "芮春祥", "住建局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("47", "芮春祥", "住建局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("48", "芮春祥", "住建局、农业农村局", "高新园（邹区镇）", ""),
    ("49", "芮春祥", "住建局", "高新园（邹区镇）", "S"),
    ("50", "张菁", "农业农村局", "高新园（邹区镇）", "S"),
    ("51", "张菁", "农业农村局", "经开区、高新园（邹区镇）、各街道", ""),
    ("52", "张菁", "农业农村局", "高新园（邹区镇）", ""),
    ("53", "芮春祥", "城管局", "经开区、高新园（邹区镇）、各街道", ""),
    ("54", "芮春祥", "城管局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("55", "芮春祥", "城管局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("56", "芮春祥", "住建局、城管局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("57", "朱亚林", "政法委", "经开区、高新园（邹区镇）、各街道", ""),
    ("58", "朱亚林", "信访局、公安分局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("59", "张菁", "民政局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("60", "张菁", "工信局、住建局、生态环境局", "经开区、高新园（邹区镇）、各街道", ""),
    ("61", "张菁", "住建局、农业农村局、生态环境局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("62", "芮春祥", "住建局、生态环境局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("63", "何海平", "卫健局", "区各有关部门、经开区、高新园（邹区镇）、各街道", ""),
    ("64", "韩雪琴", "应急管理局、公安分局、消防救援大队", "区各有关部门、经开区、高新园（邹区镇）、各街道", "S"),
    ("65", "韩雪琴", "应急管理局", "区各有关部门、经开区、高新园（邹区镇）、各街道", "S"),
    ("66", "王旭锋", "市场监管局", "区各有关部门、经开区、高新园（邹区镇）、各街道", "S"),
    ("67", "毛利平", "地方金融监管局", "区各有关部门、经开区、高新园（邹区镇）、各街道", "S"),
    ("68", "周庆", "财政局", "区各有关部门、经开区、高新园（邹区镇）、各街道", "S"),
    ("69", "何海平", "人社局", "经开区、高新园（邹区镇）、各街道", ""),
    ("70", "张菁", "民政局、农业农村局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("71", "何海平", "人社局、医保分局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("72", "张菁", "民政局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("73", "芮春祥", "住建局", "经开区、高新园（邹区镇）、各街道", ""),
    ("74", "芮春祥", "住建局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("75", "张菁", "退役军人事务局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("76", "何海平", "教育局", "经开区、高新园（邹区镇）、各街道", ""),
    ("77", "何海平", "卫健局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("78", "何海平", "宣传部、文体旅局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("79", "何海平", "文体旅局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("80", "张菁", "宣传部", "经开区、高新园（邹区镇）、各街道", ""),
    ("81", "何海平", "教育局", "经开区、高新园（邹区镇）、各街道", "S"),
    ("82", "韩雪琴", "政府办", "经开区、高新园（邹区镇）、各街道", "S"),
    ("83", "全体区长", "行政审批局、公安分局", "经开区、高新园（邹区镇）、各街道", ""),
    ("84", "全体区长", "政府办", "经开区、高新园（邹区镇）、各街道", "LS"),
    ("85", "全体区长", "政府办", "经开区、高新园（邹区镇）、各街道", "LS"),
    ("86", "全体区长", "政府办", "经开区、高新园（邹区镇）、各街道", "LS"),
    ("87", "全体区长", "司法局", "经开区、高新园（邹区镇）、各街道", ""),
    ("88", "全体区长", "政府办", "经开区、高新园（邹区镇）、各街道", "LS"),
    ("89", "全体区长", "政府办", "经开区、高新园（邹区镇）、各街道", "LS"),
    ("90", "全体区长", "政府办", "经开区、高新园（邹区镇）、各街道", ""),
    ("91", "全体区长", "财政局", "经开区、高新园（邹区镇）、各街道", "LS"),
    ("92", "全体区长", "政府办", "经开区、高新园（邹区镇）、各街道", "LS"),
]


def test_003_every_task_has_exact_leaders_lead_and_support():
    assert len(SEED_003) == 92
    _check(seed("003"), SEED_003)


def test_003_goals_and_areas_follow_merged_and_repeated_cells():
    t = {x.task: x for x in seed("003").tasks}
    assert (t["（1）"].goal_no, t["（1）"].goal, t["（1）"].area) == ("1", "主要预期目标", None)
    assert (t["（10）"].goal, t["（10）"].area) == ("提升发展内生动力", "激发创新活力")
    assert (t["（11）"].goal, t["（11）"].area) == ("提升发展内生动力", "激发创新活力")
    assert t["（19）"].area == "深化改革攻坚"
    assert (t["（27）"].goal, t["（27）"].area) == ("提升发展内生动力", "推动开放融合")  # repeated at a page break
    assert (t["（83）"].goal_no, t["（83）"].goal) == ("7", "加强政府自身建设")


def test_003_task_text_is_whole_and_without_its_number():
    t = {x.task: x for x in seed("003").tasks}
    assert t["（1）"].text == "地区生产总值增长6.5%左右。"
    assert t["（68）"].text == "稳步压降政府性债务。"


def test_003_merged_cells_are_not_a_deduplication_guess():
    r = seed("003")
    assert "deduplicated" not in r.document.flags
    assert sum(1 for t in r.tasks if "support" in t.inherited) == 58


@pytest.fixture(scope="module")
def pipe():
    return load(SAMPLES / "pipe_table.md")


def test_pipe_table_reads_letter_spaced_headers_and_takes_the_row_number(pipe):
    assert [t.task for t in pipe.tasks] == ["1", "2", "3", "4"]
    assert pipe.tasks[1].text == "改造老旧小区8个，惠及居民3000户"
    assert pipe.tasks[1].lead == ["区住建局", "区房产局"]
    assert pipe.tasks[1].support == ["相关街道"]


def test_pipe_table_empty_cell_means_none_not_merged(pipe):
    assert pipe.tasks[3].support == [] and pipe.tasks[3].inherited == []
    assert pipe.tasks[2].support == []  # '—'


def test_pipe_table_extra_column_is_ignored(pipe):
    assert all("2022" not in u for t in pipe.tasks for u in t.lead + t.support)


def test_tsv_rows_skip_the_repeated_header_and_inherit_empty_cells():
    r = load(SAMPLES / "tsv_table.tsv")
    t = {x.task: x for x in r.tasks}
    assert list(t) == ["（1）", "（2）", "（3）", "（4）"]
    assert t["（2）"].support == ["区统计局"] and t["（2）"].inherited == ["support"]
    assert t["（3）"].leaders == ["周丽"] and t["（3）"].inherited == ["leaders"]
    assert t["（4）"].support == ["区住建局", "区资规分局"]
    assert r.document.year == 2023


def test_a_status_sentence_shifted_into_the_unit_column_is_not_read_as_units():
    # Row 2's merged 牵头单位 cell was dropped, so its 落实情况 text sits in the unit column.
    r = load(SAMPLES / "pipe_status_shifted.md")
    t = {x.task: x for x in r.tasks}
    assert [x.task for x in r.tasks] == ["1", "2", "3"]
    assert t["1"].lead == ["市卫生健康委"]
    assert t["2"].lead == []
    assert t["3"].lead == ["市商务局"]
    assert any("names no unit" in w.message and w.line == 4 for w in r.warnings)


def test_a_long_pipe_row_with_a_numbered_plan_in_a_cell_is_no_run_on_page():
    # Row 2's plan cell holds 1. 2. 3. sub-items and is long: it stays one row, not a page that lost its breaks.
    r = load(SAMPLES / "pipe_row_with_numbered_plan.md")
    assert [x.task for x in r.tasks] == ["1", "2", "3"]
    assert (r.tasks[1].lead, r.tasks[1].support) == (["区卫生健康局"], ["各镇街"])
    assert not any("held a whole page" in w.message for w in r.warnings)


def test_pipe_table_printed_one_cell_per_line() -> None:
    """Cells opened by '| ', rows closed by a lone '|': the merged first-column lead
    (broken a character a line) covers the rows below it, a row printing only its task
    shares the units of the row above, and a row cut by the end of the text has no support."""
    r = load(SAMPLES / "pipe_cells_per_line.txt")
    assert r.document.layout == "delimited-table"
    assert [t.text[:6] for t in r.tasks] == [
        "推进重点项目",
        "地区生产总值",
        "固定资产投资",
        "新建幼儿园3",
        "推进义务教育",
    ]
    assert [t.lead for t in r.tasks] == [["县发改委"]] * 3 + [["县教育局"]] * 2
    assert [t.support for t in r.tasks] == [
        ["县财政局", "县自然资源局"],
        ["县统计局", "各乡镇人民政府"],
        ["县统计局", "各乡镇人民政府"],
        ["县住建局"],
        [],
    ]


def test_pipe_table_every_cell_closed_by_a_pipe() -> None:
    """Every cell, an empty one too, closed by a lone '|' and no row ends printed: the
    header's width gives the rows, so unnumbered rows (东山路) are tasks of their own and
    towns in the location column are no units."""
    r = load(SAMPLES / "cells_each_closed_by_pipe.txt")
    assert r.document.layout == "delimited-table"
    assert [t.text for t in r.tasks] == [
        "薄弱学校改造工程",
        "农村道路工程",
        "1.通村道路加宽",
        "东山路",
        "西河路",
        "饮水安全工程",
    ]
    assert [t.task for t in r.tasks][:2] == ["(一)", "(二)"]
    assert [t.lead for t in r.tasks] == [["县教育局"]] + [["县交通局"]] * 3 + [["县交通局", "县财政局"], ["县水利局"]]
    assert {t.goal for t in r.tasks} == {"教育工作"}


def test_a_row_cut_short_lines_up_by_its_bracketed_number() -> None:
    """| (3) | text | 市发 — a last row cut inside its lead cell, numbered in brackets: its number stays
    under 序号 and its text under the task column (not shifted into a unit column)."""
    r = load(SAMPLES / "pipe_cut_row_bracket_number.md")
    assert [t.task for t in r.tasks] == ["(1)", "(2)", "(3)"]
    assert r.tasks[2].text == "积极发展数字消费、绿色消费、健康消费。"
    assert (r.tasks[2].lead, r.tasks[2].support) == ([], [])


def test_cells_closed_by_pipes_with_an_empty_cell_closing_each_row() -> None:
    """序号 | 工作任务 | 负责部门 | 时间进度 | | 1 | …: an empty cell after each row widens the rows by one,
    and 负责部门 is the responsible units' column (no split, so they lead)."""
    r = load(SAMPLES / "cells_closed_row_end_empty.txt")
    assert r.document.layout == "delimited-table"
    assert [t.task for t in r.tasks] == ["1", "2", "3", "4"]
    assert [t.lead for t in r.tasks] == [
        ["市委编办", "市住建局"],
        ["市住建局", "各县(区)政府"],
        ["市城管局"],
        [],
    ]
    assert r.tasks[1].deadline == "2016年6月底前"


def test_a_column_named_by_its_items_name_is_the_task_column() -> None:
    """专项整治行业名称 | 时间安排 | 责任单位: a …名称 column names the items, so the unnumbered rows are the
    tasks (not the notice's numbered requirements after the table)."""
    r = load(SAMPLES / "pipe_name_column.txt")
    assert r.document.layout == "delimited-table"
    assert [(t.text, t.lead, t.deadline) for t in r.tasks] == [
        ("烟花爆竹", ["安监站", "安监所"], "1月份"),
        ("电力设施", ["电管所"], "3月份"),
        ("养老机构", ["民政所"], "4月份"),
    ]


def test_a_leader_cell_printed_once_on_the_left_holds_for_the_rows_under_it() -> None:
    """分管市长 | 序号 | …: the leader is printed on his group's first row; the rows after it start at their
    number, so the cell they lost on the left is his (merged), not an empty one."""
    r = load(SAMPLES / "pipe_leader_column_merged.md")
    assert [(t.task, t.leaders, t.inherited) for t in r.tasks] == [
        ("1", ["周军波"], []),
        ("2", ["周军波"], ["leaders"]),
        ("3", ["吴君"], []),
        ("4", ["吴君"], ["leaders"]),
    ]


def test_a_unit_marked_by_a_star_before_or_after_its_name_leads_and_a_masked_name_is_no_mark() -> None:
    """区政府办公室*、区财政局 / 区财政局、*区经信局: the marked unit leads, the others support; **区委 is a
    name masked out (two stars), not a marked one."""
    r = load(SAMPLES / "pipe_star_marked_lead.md")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["区发改局"], []),
        ("2", ["区政府办公室"], ["区财政局"]),
        ("3", ["区经信局"], ["区财政局"]),
        ("4", ["**区委", "区政府"], []),
    ]


def test_a_table_of_working_groups_reads_each_group_as_a_task_led_by_its_unit():
    # 分组 | 督查组牵头单位 | 督查单位: the group (第一组) is the row, its lead the unit; the places it inspects
    # (雁塔区) are no role of it.
    r = load(SAMPLES / "group_table.txt")
    assert [(t.text, t.lead, t.support) for t in r.tasks] == [
        ("第一组", ["市安监局"], []),
        ("第二组", ["市规划局"], []),
        ("第三组", ["市公安局"], []),
    ]


def test_pipe_rows_that_lost_their_category_cell_on_the_left_line_up_by_their_numbered_name():
    # 类别 | 民生事项名称 | …: rows after the first print no 类别 (merged), one closes with an extra pipe;
    # the numbered name (15.推进…) goes under 名称 either way, and its number is the task's.
    r = load(SAMPLES / "pipe_rows_lost_category.txt")
    assert [(t.task, t.lead, t.leaders) for t in r.tasks] == [
        ("14", ["教育体育局"], ["刘福利"]),
        ("15", ["教育体育局"], ["刘福利"]),
        ("16", ["教育体育局"], ["刘福利"]),
    ]
    assert r.tasks[1].text.startswith("推进学校塑胶运动场地建设：完成13处")


def test_a_figure_or_an_office_shifted_into_the_leaders_column_is_no_leader(tmp_path):
    # 分解情况 spans three columns of the rows under it, so the row's cells run past the header's:
    # a total (1300) and an office (区人社局) reach the leaders' columns. Neither is a person.
    page = tmp_path / "shifted.txt"
    page.write_text(
        "某区2017年度民生工程目标任务分解表\n"
        "项 目 | 目标 | 分 解 情 况 | 责任领导 | 责任单位 | 责任人 |\n"
        "就业促进工程 | 促进城乡劳动者就业创业 | 城镇新增就业人数(人) | 1300 | 某镇280 某乡15 | 刘 强 | 区人社局 | 陈宗 |\n"
        "城镇失业人员再就业(人) | 250 | 某镇80 某乡8 | 刘 强 | 区人社局 | 陈宗 |\n"
        "就业困难人员再就业(人) | 120 | 某镇20 某乡2 | 刘 强 | 区人社局 | 陈宗 |\n",
        encoding="utf-8",
    )
    r = load(page)
    assert all(not any(ch.isdigit() for ch in p) and not p.endswith("局") for t in r.tasks for p in t.leaders)
    assert any("'1300' in a leaders column names no person" in w.message for w in r.warnings)


def test_a_unit_column_that_names_each_units_head_gives_the_head_to_the_leaders():
    # 牵头单位及主要负责人: 市民政局 王建华 is the lead unit and the person who answers for it, a leader
    # beside the 分管市领导; 市财政局 with no one after it is a unit only.
    r = load(SAMPLES / "unit_and_head_column.txt")
    assert [(t.task, t.lead, t.leaders) for t in r.tasks] == [
        ("1", ["市民政局"], ["陈明", "王建华"]),
        ("2", ["市民政局", "市财政局"], ["陈明", "王建华"]),
    ]
    assert any(w.line == 2 and "read '王建华' after '市民政局'" in w.message for w in r.warnings)


def test_a_pipe_table_cut_inside_its_last_row_keeps_that_row_as_a_task_and_says_so():
    # 3 | 完成新生儿48种遗: the page stops after the row's number and the start of its text.
    r = load(SAMPLES / "pipe_cut_last_row.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks][-1] == ("3", "完成新生儿48种遗", [])
    assert any(w.line == 4 and "ends inside row 3" in w.message for w in r.warnings)


def test_pipe_sub_rows_under_a_merged_project_name_are_tasks_with_their_own_units():
    # 序号 and 项目名称 of row 2 span three rows: the two rows after it print only 目标任务 | 责任单位 | 完成情况.
    # Each is a task of its own (unnumbered, as the grid reader numbers them), led by its own unit; the page's
    # 索引号 | … | 成文日期 line after the table names no unit and is none.
    r = load(SAMPLES / "pipe_sub_rows.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "新增城镇就业：8950人", ["区人社局"]),
        ("2", "深化养老保险制度改革和提高城乡低保标准：完成在职参保人数6300人", ["区人社局"]),
        ("M1", "完成征缴基金10000万元", ["区人社局"]),
        ("M2", "城市低保补差水平月均达到300元", ["区民政局"]),
        ("3", "新增养老服务床位：71个", ["区民政局"]),
    ]


def test_rows_under_merged_project_cells_right_aligned_and_numbered_names_are_no_header(tmp_path):
    # 1.城市人居环境提升项目 names a project, not a column; a row that lost its merged 项目名称 closes with the
    # header's pipes (… | 2021.12 | 城投集团 | |): its cells stand under the last columns; a row printing only
    # a time and a unit (2021.8 | 城投集团 | ||) adds a unit to the task above.
    doc = tmp_path / "register.txt"
    doc.write_text(
        "2021年某县十方面民生实事进展情况登记表\n"
        "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
        "1.城市人居环境提升项目 | 对人民中路等3条城区道路进行综合提升改造; | 11月 | 建设局 |\n"
        "2021.8 | 城投集团 | ||\n"
        "对七星路等重点区域进行绿化亮化提档升级; | 2021.12 | 城投集团 | |\n"
        "2.生态公墓建设项目 | 新建生态公益性墓地15处。 | 10月底 | 民政局 |\n"
        "3.农村道路改造提升项目 | 提升改造低等级公路40公里。 | 10月 | 交通运输局 |\n"
        "本计划未列出的项目,相关责任单位也要按照职责分工,及时组织并开展工作。\n",
        encoding="utf-8",
    )
    assert [(t.task, t.lead) for t in load(doc).tasks] == [
        ("1", ["建设局", "城投集团"]),
        ("M1", ["城投集团"]),
        ("2", ["民政局"]),
        ("3", ["交通运输局"]),
    ]


def test_a_pipe_row_under_a_task_printed_once_is_a_task_of_its_own(tmp_path):
    """A Word table converted to pipes prints the cells of a merged 序号 and 重点任务 empty in the rows under
    them: a row with a 具体内容 and units of its own is a task (M1), never dropped."""
    path = tmp_path / "plan.md"
    path.write_text(
        "| 序号 | 重点任务 | 具体内容 | 责任领导 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| 1 | 扩大有效投资 | 实施重点项目120个 | 张伟 | 区发改局 | 各镇街道办事处 | 年底 |\n"
        "| | | 新开工项目60个 | | 区住建局 | 区自然资源和规划局某某分局 | 10月底前 |\n"
        "| 2 | 优化营商环境 | 推进一网通办 | 李娜 | 区政务服务中心 | 区市场监管局 | 持续推进 |\n",
        encoding="utf-8",
    )
    assert [(t.task, t.text, t.lead, t.support) for t in load(path).tasks] == [
        ("1", "扩大有效投资：实施重点项目120个", ["区发改局"], ["各镇街道办事处"]),
        ("M1", "新开工项目60个", ["区住建局"], ["区自然资源和规划局某某分局"]),
        ("2", "优化营商环境：推进一网通办", ["区政务服务中心"], ["区市场监管局"]),
    ]


def test_a_row_with_units_but_no_task_cell_is_skipped_with_a_warning_naming_its_line(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "序号 | 项目名称 | 目标任务 | 责任单位 |\n"
        "1 | 城镇就业 | 新增城镇就业2000人 | 区人社局 |\n"
        "| | | 区民政局 |\n"
        "2 | 养老服务 | 新建养老服务中心2个 | 区民政局 |\n",
        encoding="utf-8",
    )
    result = load(path)
    assert [t.task for t in result.tasks] == ["1", "2"]
    assert any(w.line == 3 and "go to no task" in w.message for w in result.warnings)


def test_section_headings_printed_between_a_tsvs_rows_without_a_tab_give_the_goal(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "2023年区政府重点工作任务分解表\n序号\t工作任务\t责任领导\t责任单位\t完成时限\n一、经济发展\n"
        "1\t全区地区生产总值增长6.5%\t张明\t区发改局\t12月底前\n二、社会事业\n3\t新建幼儿园2所\t刘芳\t区教育局\t9月底前\n"
        "二〇二三年三月\n",
        encoding="utf-8",
    )
    assert [(t.goal_no, t.goal, t.task, t.lead) for t in load(path).tasks] == [
        ("一", "经济发展", "1", ["区发改局"]),
        ("二", "社会事业", "3", ["区教育局"]),
    ]


def test_a_pipe_table_printed_without_its_header_reads_its_unit_column_by_the_names_it_holds(tmp_path):
    # A page starting below the header: number | task | unit | progress | status, a lone pipe between rows;
    # the progress cell's 牵头联合教育、财政… is no unit column, nor the status.
    path = tmp_path / "progress.txt"
    path.write_text(
        "1 | 完成27所学校教育基础设施改造提升。 | 县教育局 | 已经安装公办中小学970台空调。 | 按时序推进 |\n|\n"
        "2 | 完成10家示范型居家养老服务照料中心建设。 | 县民政局 | 已完成设计方案,5家施工中。 | 按时序推进 |\n|\n"
        "3 | 新增婴幼儿照护服务机构6家。 | 县卫生健康局 | 牵头联合教育、财政、公安等部门督导。 | 按时序推进 |\n|\n"
        "4 | 改造农村路口100个。 | 县公安局、县交通运输局 | 已完成现场排查。 | 按时序推进 |\n",
        encoding="utf-8",
    )
    result = load(path)
    assert [(t.task, t.lead, t.support) for t in result.tasks] == [
        ("1", ["县教育局"], []),
        ("2", ["县民政局"], []),
        ("3", ["县卫生健康局"], []),
        ("4", ["县公安局", "县交通运输局"], []),
    ]
    assert any(w.line == 1 and "prints no header" in w.message for w in result.warnings)


def test_rows_filling_a_cell_more_than_the_header_prints_move_its_unit_column_to_their_last_cell(tmp_path):
    # 序号 | 年度任务 spans a title and its content: each row prints one cell more than the header, so the
    # header's 责任单位 stands over the next month's plan (指导各镇街…, no unit) and the unit is one cell on.
    path = tmp_path / "progress.txt"
    path.write_text(
        "序号 | 年度任务 | 本月进展 | 是否达进度 | 下月计划 | 责任单位 | ||\n"
        "1 | 美丽乡村建设 | 创建4个市级美丽乡村示范村。 | 完成宜居村创建名单发文。 | 是 | 指导各镇街进行项目立项报批。 | 农业农村局 | |\n"
        "2 | 绿道建设 | 全区新改建绿道60公里。 | 部分道路已开工。 | 是 | 计划完成4公里。 | 城建局 | |\n"
        "3 | 村级小泵站更新改造 | 实施12座村级小泵站更新改造。 | 完成项目形象进度10%。 | 是 | 完成形象进度20%。 | 水务局 | |\n",
        encoding="utf-8",
    )
    assert [(t.task, t.text[:6], t.lead) for t in load(path).tasks] == [
        ("1", "美丽乡村建设", ["农业农村局"]),
        ("2", "绿道建设：全", ["城建局"]),
        ("3", "村级小泵站更", ["水务局"]),
    ]


def test_sub_rows_whose_merged_number_and_unit_were_left_out_take_the_unit_of_the_row_above(tmp_path):
    # A Word table's sub-rows under a merged 序号 and 责任单位, printed with pipes: their cells moved left
    # (text | progress | ||). A cell's last line printed as a row of its own (one cell) is no sub-row.
    path = tmp_path / "progress.txt"
    path.write_text(
        "序号 | 项目内容 | 进展情况 | 责任单位 |\n"
        "1 | 新建成婴幼儿照护服务成长驿站7家。 | 新建13家婴幼儿成长驿站。 | 卫生健康局 |\n"
        "新增婴幼儿照护服务托位500个。 | 新增托位600个。 | ||\n"
        "开展胃肠癌联合筛查1万例以上。 | 筛查10111例。 | ||\n"
        "2 | 实施农村公路大中修100公里。 | 完成50公里。 | 交通运输局 |\n"
        "其中新改建桥梁5座 | |||\n"
        "新增公交线路3条。 | 新增4条公交线路。 | ||\n",
        encoding="utf-8",
    )
    assert [(t.task, t.text[:8], t.lead, t.inherited) for t in load(path).tasks] == [
        ("1", "新建成婴幼儿照护", ["卫生健康局"], []),
        ("M1", "新增婴幼儿照护服", ["卫生健康局"], ["lead"]),
        ("M2", "开展胃肠癌联合筛", ["卫生健康局"], ["lead"]),
        ("2", "实施农村公路大中", ["交通运输局"], []),
        ("M3", "新增公交线路3条", ["交通运输局"], ["lead"]),
    ]


def test_a_rectification_list_reads_each_problem_as_a_task_and_its_first_row_is_no_header():
    # 存在问题 is the task column; the first row's texts (项目…) never make it a second header row: it names 王强
    r = load(SAMPLES / "rectification_list.txt")
    assert [(t.task, t.text, t.leaders, t.lead, t.deadline) for t in r.tasks] == [
        ("1", "政府投资项目管理不规范", ["王强"], ["区发改局"], "2023年6月底"),
        ("2", "专项资金使用效益不高", ["李明"], ["区财政局"], "立行立改、长期坚持"),
        ("3", "招商引资质量不高", ["王强"], ["区商务局", "区投促中心"], "2023年12月底"),
    ]


def test_a_section_row_of_a_numeral_and_a_title_is_the_goal_of_the_rows_under_it():
    r = load(SAMPLES / "spaced_table_sections.txt")
    assert [(t.goal_no, t.goal, t.task, t.lead) for t in r.tasks] == [
        ("一", "经济发展", "1", ["县发改局"]),
        ("一", "经济发展", "2", ["县工信局"]),
        ("二", "社会民生", "3", ["县人社局"]),
        ("二", "社会民生", "4", ["县教育局", "县住建局"]),
    ]


def test_short_labels_lead_and_take_part():
    # （牵头：X；参与：Y、Z）
    r = load(SAMPLES / "short_labels.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["市发改委"], ["市商务局", "市财政局"]),
        ("2", ["市发改委"], ["各区县"]),
        ("3", ["市工信局"], ["市科技局"]),
    ]


def test_a_person_or_post_in_brackets_after_a_unit_is_no_part_of_its_name():
    # 责任单位（责任人）: 区经发局（张三）, 各街道（主要负责人）; a unit in brackets (高新园(邹区镇)) stays
    r = load(SAMPLES / "units_with_persons_in_brackets.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [("1", ["区经发局", "区自然资源分局"]), ("2", ["各街道"])]
    assert any("'张三' after '区经发局'" in w.message for w in r.warnings)


def test_a_post_and_name_in_brackets_after_a_lead_unit_is_no_part_of_its_name():
    # 牵头单位及责任人: 县水利局（局长 张强） is 县水利局, the head who answers for it named in a warning
    r = load(SAMPLES / "lead_column_with_heads.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["县水利局"], ["县住建局", "县自然资源局"]),
        ("2", ["县住建局"], ["县城管局"]),
        ("3", ["县城管局"], ["县公安局交警大队"]),
    ]
    assert any("'局长张强' after '县水利局'" in w.message for w in r.warnings)


def test_a_pipe_table_whose_unit_cells_label_their_roles_is_read_as_the_table():
    # | 1 | 新建农贸市场2个 | 牵头：县商务局；配合：… | 2024年10月 |: the labels inside the cells made the
    # rows look like a numbered list of labelled items, its 序号 cells bare numbers
    r = load(SAMPLES / "pipe_cells_labelled_by_role.md")
    assert r.document.layout == "delimited-table"
    assert [(t.task, t.text, t.lead, t.support, t.deadline) for t in r.tasks] == [
        ("1", "新建农贸市场2个", ["县商务局"], ["县市场监管局", "相关乡镇"], "2024年10月"),
        ("2", "改造城区供水管网20公里", ["县住建局"], ["县水务集团"], "2024年12月"),
        ("3", "开展全民健身赛事50场", ["县文体局"], [], "长期坚持"),
    ]


def test_a_unit_cell_printed_ditto_repeats_the_row_above_in_any_format(tmp_path):
    # 同上 / 〃 under 牵头单位 or 配合单位: the names of the row above, listed as inherited; they were dropped
    import docx

    want = [
        ("1", ["县住建局"], ["县水利局"], []),
        ("2", ["县住建局"], ["县水利局"], ["lead", "support"]),
        ("3", ["县城管局"], ["各乡镇"], []),
        ("4", ["县城管局"], ["县财政局"], ["lead"]),
    ]
    r = load(SAMPLES / "ditto_cells.md")
    assert [(t.task, t.lead, t.support, t.inherited) for t in r.tasks] == want
    rows = [line.strip("| ").split(" | ") for line in (SAMPLES / "ditto_cells.md").read_text("utf-8").splitlines()]
    word = docx.Document()
    table = word.add_table(rows=5, cols=4)
    for i, cells in enumerate(rows[:1] + rows[2:]):
        for j, text in enumerate(cells):
            table.cell(i, j).text = text
    word.save(tmp_path / "ditto.docx")
    assert [(t.task, t.lead, t.support, t.inherited) for t in load(tmp_path / "ditto.docx").tasks] == want
