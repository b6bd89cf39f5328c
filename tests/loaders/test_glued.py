"""Tables whose cells were run together on one line (document-site previews)."""

from __future__ import annotations

import pytest

from dutygraph.loaders import load
from dutygraph.loaders.glued import unglue
from dutygraph.loaders.one_line_table import header_names, separated_cells
from dutygraph.loaders.text import Line
from tests.conftest import SAMPLES


def test_a_run_together_table_is_cut_into_rows_leaders_and_units():
    r = load(SAMPLES / "glued_table.txt")
    assert r.document.layout == "flat-table"
    assert [(t.task, t.text[:8], t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", "改善农村人居环境", ["王建国"], ["交通运输局"], ["住房和城乡建设局", "各乡镇"]),
        ("2", "促进就业创业城镇", ["李华"], ["人社局"], ["经开区管委会", "各乡镇"]),
        # a sub-row under the merged number: its leader and units are the task's too
        ("3", "提升城市品质完成", ["王建国", "刘洋"], ["住房和城乡建设局", "城管局"], ["城投公司", "各街道"]),
        ("4", "优化教育资源新建", ["李华"], ["教育局"], ["高新园(城南镇)", "各乡镇"]),  # 各街 / 道: a page break
        ("5", "完善养老服务建设", [], [], []),  # cut inside its text: nothing inherited
    ]
    assert "新建口袋公园5个" in r.tasks[2].text  # a name-like start of text stays text
    assert r.tasks[0].goal == "2023年民生实事项目责任分解表"
    assert any(w.line == 3 and "run together" in w.message for w in r.warnings)


def test_a_run_together_table_with_one_unit_column_and_no_leaders():
    text = "序号工作任务责任单位完成时限1新建公园5个。区城管局区住建局2新增就业3000人。区人社局3建成学校2所。区教育局"
    cells = [ln.text for ln in unglue([Line(1, text)])[0]]
    assert cells[:4] == ["序号", "工作任务", "责任单位", "完成时限"]
    assert cells[4:] == [
        "1",
        "新建公园5个。",
        "区城管局、区住建局",
        "2",
        "新增就业3000人。",
        "区人社局",
        "3",
        "建成学校2所。",
        "区教育局",
    ]


def test_text_without_a_run_together_header_is_left_alone():
    lines = [Line(1, "序号1新建公园5个区城管局"), Line(2, "牵头单位配合单位")]
    assert unglue(lines) == (lines, [])


def test_sub_rows_under_a_merged_number_add_their_leader_and_units_to_the_task():
    r = load(SAMPLES / "sub_rows.txt")
    # 项目名称 names each task (its text opens with it); the goal is the table's title.
    assert [(t.task, t.text[:8], t.leaders, t.lead, t.support, t.inherited) for t in r.tasks] == [
        (
            "1",
            "老城区复兴发展：",
            ["王建国", "刘洋"],
            ["县文旅局", "县住建局"],
            ["县城投公司", "城关镇", "东城街道"],
            [],
        ),
        ("2", "优化养老服务：为", ["李华"], ["县民政局"], ["各乡镇"], []),
        ("3", "文体惠民行动：新", [], [], [], []),  # the text stops inside its content cell: nothing is inherited
    ]
    assert {t.goal for t in r.tasks} == {"2024年重大民生实事项目责任分解表"}
    assert r.tasks[0].text.endswith("推进老街核心区改造、周边立面整治及老城道路整治。")
    assert any(w.line == 49 and "ends inside task 3" in w.message for w in r.warnings)  # where its row starts


def test_a_table_on_one_line_whose_header_is_letter_spaced_reads_its_columns():
    # 序号 主 要 工 作 任 务 责 任 单 位 1 …: the single characters make two column names, not one.
    r = load(SAMPLES / "one_line_spaced_header.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("1", ["发改局"]),
        ("2", ["财政局"]),
        ("3", ["发改局"]),
        ("4", ["经信局"]),
    ]
    assert header_names("主要工作任务责任单位") == ["主要工作任务", "责任单位"]
    assert header_names("工作任务") == ["工作任务"]  # no cut into 工作 | 任务, one role twice
    assert header_names("市财政局") == ["市财政局"]  # a letter-spaced name names no column


def test_a_run_together_table_ranked_by_a_first_responsible_column():
    # 第一责任单位 | 主要责任单位: the second column shares the work. The names of a cell are set
    # apart by 、 and commas, so two cells meet where two names run together; a page number (—2—)
    # and a section heading (二、…) sit between rows; a text with no stop still ends at its units.
    r = load(SAMPLES / "glued_ranked_units.txt")
    assert [(t.task, t.goal, t.text[:6], t.lead, t.support) for t in r.tasks] == [
        ("1", "主要发展指标", "地区生产总值", ["县发展改革局"], ["各乡(镇)人民政府", "县统计局"]),
        ("2", "主要发展指标", "一般公共预算", ["县财政局"], ["县税务局", "各乡(镇)人民政府"]),
        (
            "3",
            "主要发展指标",
            "单位生产总值",
            ["县发展改革局", "县经济信息化局"],
            ["县生态环境分局", "县统计局", "县供电公司"],
        ),
        ("4", "产业转型升级", "加快培育先进", ["县经济信息化局"], ["县科技局", "县投资促进局"]),
        ("5", "产业转型升级", "大力发展现代", [], []),  # cut inside its text: nothing from row 4
    ]
    assert r.tasks[3].text.endswith("推进企业技术改造")
    assert not any("—2—" in t.text or "二、" in t.text for t in r.tasks)


def test_a_pipe_table_on_one_line_keeps_a_letter_spaced_header_and_rows_numbered_in_words():
    # | 序号 | 项 目 名 称 | 责任单位 | 数量 | 开工 时间 | (一) | …: no row is numbered 1, so the header ends at
    # the first row's number in words; its letter-spaced names are closed up.
    text = (
        "| 某县2018年民生工程项目分解表 | 序号 | 项 目 名 称 | 责任单位 | 数量 | 开工 时间 | 一、扶贫工作 | | | | "
        "| (一) | 党建引领扶贫工程 | 县委组织部 | 12 | 2018.4 | (二) | 资产收益扶贫工程 | 县财政局 | 3 | 2018.5 "
        "| (三) | 农村道路畅通工程 | 县交通局 | 67 | 2018.6 |"
    )
    cells = separated_cells(text)
    assert cells is not None
    assert cells[:8] == [
        "某县2018年民生工程项目分解表",
        "序号",
        "项目名称",
        "责任单位",
        "数量",
        "开工时间",
        "一、扶贫工作",
        "—",
    ]
    assert cells[11:14] == ["(一)", "党建引领扶贫工程", "县委组织部"]


def test_a_run_together_lead_cell_listed_with_a_comma_ends_where_two_names_run_together():
    # 市城管局、市住建局市财政局、…: no names run together before the first 、, so the cells meet at the first
    # place after it where they do; and no name opens with an office's suffix (市人社 + 局市财政局 is no reading).
    text = "序号工作任务牵头单位配合单位1新建公园5个。市城管局、市住建局市财政局、各区政府2新增就业3000人。市人社局市财政局、各区政府"
    cells = [ln.text for ln in unglue([Line(1, text)])[0]]
    assert cells[4:] == [
        "1",
        "新建公园5个。",
        "市城管局、市住建局",
        "市财政局、各区政府",
        "2",
        "新增就业3000人。",
        "市人社局",
        "市财政局、各区政府",
    ]


@pytest.mark.parametrize("task_column", ["工作内容", "具体任务", "主要工作任务"])
def test_a_run_together_header_names_its_task_column_in_the_genres_words(task_column):
    text = f"序号{task_column}责任单位完成时限1新建公园5个。区城管局区住建局2新增就业3000人。区人社局"
    cells = [ln.text for ln in unglue([Line(1, text)])[0]]
    assert cells == [
        "序号",
        task_column,
        "责任单位",
        "完成时限",
        "1",
        "新建公园5个。",
        "区城管局、区住建局",
        "2",
        "新增就业3000人。",
        "区人社局",
    ]


def test_a_run_together_table_ending_in_a_deadline_column_cuts_its_rows_after_the_deadline():
    # …等按职责分工负责全年2设施建设…: row 2 starts after row 1's 完成期限 (全年), the verb closing the units
    # is no name, 镇(街道) is one unit, and 基层党组织 inside row 1's text (after a ;) is text, not a unit.
    r = load(SAMPLES / "glued_deadline_column.txt")
    assert [(t.task, t.text[:8], t.lead, t.deadline) for t in r.tasks] == [
        ("1", "习惯培养落实垃圾", ["镇(街道)", "区委组织部"], "全年"),
        ("2", "设施建设新建垃圾", ["区城管局", "镇(街道)"], "年底前"),
        ("3", "宣传引导开展垃圾", ["区城管局", "区教育局"], "6月底前"),
    ]
    assert "基层党组织每月至少研究1次垃圾分类工作。" in r.tasks[0].text
