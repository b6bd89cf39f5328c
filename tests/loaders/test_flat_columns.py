"""Flattened tables (corpus round 10): columns read past by position, 责任单位 beside 牵头单位, a category
row naming its leader, a row cut before its units. One class of layout per test, each with a sample."""

from __future__ import annotations

from dutygraph.loaders import load
from dutygraph.loaders.base import Context
from dutygraph.loaders.cues import read_cues
from dutygraph.loaders.headings import heading_cues
from tests.conftest import SAMPLES


def test_a_full_row_reads_its_location_cell_past_and_a_row_cut_before_its_units_inherits_none():
    r = load(SAMPLES / "flat_location_column.txt")
    assert [(t.task, t.text, t.lead, t.inherited) for t in r.tasks] == [
        ("1", "中小学运动场地改造项目", ["教体局"], []),  # 相关镇 (街道) is where, not who
        ("2", "城北小学门前道路建设项目", ["住建局"], []),
        ("3", "职教中心分校区建设项目", [], []),  # not 住建局 from the row above
    ]
    assert any(w.line == 25 and "its units were not printed" in w.message for w in r.warnings)


def test_a_responsible_list_that_repeats_the_lead_gives_it_no_second_role_and_takes_nothing_from_above():
    r = load(SAMPLES / "flat_responsible_repeats_lead.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["区发改局"], ["区农业农村局", "区经商局", "区交通局"]),
        ("2", ["区发改局"], []),  # its 责任单位 only repeats the lead: no support, none inherited
        ("3", ["区经商局"], ["经开区管委会"]),
    ]
    assert not any("left empty" in w.message for w in r.warnings)  # the table has no leaders column


def test_a_category_row_naming_a_leader_by_post_holds_for_its_rows():
    r = load(SAMPLES / "flat_section_leader.txt")
    assert [(t.task, t.leaders) for t in r.tasks] == [("1", ["王建国"]), ("2", ["王建国"]), ("3", ["李明"])]
    assert r.tasks[0].goal == "王建国市长负责事项"  # its count of items (共2项) is no part of it


def test_a_party_group_member_or_secretary_general_is_a_post_in_a_heading():
    ctx = Context("x", [])
    assert heading_cues("二、张盈军区政府党组成员牵头重点工作", 1, ctx).leaders == ["张盈军"]
    assert heading_cues("三、赵明副秘书长负责的工作", 1, ctx).leaders == ["赵明"]


def test_a_units_main_responsible_person_is_staff_not_the_supervising_leader():
    roles = read_cues("主管领导:刘东 责任单位:市民政局 主要责任人:毛杰", 1, Context("x", []))
    assert (roles.leaders, roles.responsible) == (["刘东"], ["市民政局"])


def test_a_report_then_its_table_of_targets_in_cells_closed_by_pipes_reads_the_targets_as_tasks():
    # The notice's prose is most of the page; the cells come after it. 预期目标 names the task column.
    r = load(SAMPLES / "report_then_pipe_cells.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "地区生产总值增长6%以上", ["区发展改革委"]),
        ("2", "固定资产投资总额增长8%", ["区发展改革委"]),
        ("3", "工业增加值增长8%", ["区经济信息委"]),
    ]


def test_a_spaced_header_broken_over_lines_is_read_whole_and_a_project_name_opens_its_task_text():
    # 责任 / 单位 on two lines is one column; 项目名称 | 工作目标任务: the name and its content make the text.
    r = load(SAMPLES / "spaced_header_broken.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "实施城镇老旧小区改造：新开工改造城镇老旧小区67个。", ["区住房城乡建委"]),
        ("2", "农村公路加装护栏：实施农村公路生命安全防护工程201公里。", ["区交通运输委"]),
    ]


def test_a_merged_category_column_is_the_goal_and_a_cell_printed_a_name_a_block_stays_in_its_column():
    # 项目 is printed on its group's first row only: the goal, not part of the task. Two leaders, two lead
    # units and a tail ((区金融办)) printed a block each stay in their columns; the last block lists the support.
    r = load(SAMPLES / "flat_merged_category_blocks.txt")
    assert [(t.task, t.goal, t.text[:6], t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", "厚植创新发展源动力", "建设科创大走", ["梅建胜", "顾国煜"], ["区科技局"], ["区发改局", "未来科技城"]),
        ("2", "厚植创新发展源动力", "深挖名校名院", ["顾国煜"], ["区科技局"], ["各平台", "镇街"]),
        (
            "3",
            "壮大科技创新主力军",
            "深化科技企业",
            ["姚文华", "顾斌"],
            ["区发改局(区金融办)", "区经信局"],
            ["区科技局", "区财政局", "各平台", "镇街"],
        ),
    ]
    assert any(w.line == 49 and "one name a block" in w.message for w in r.warnings)


def test_a_unit_name_a_narrow_column_broke_over_two_cells_is_one_unit():
    # 市生态 / 环境局: one unit, not an empty lead cell (which would take 市工信局 from the row above).
    r = load(SAMPLES / "flat_unit_broken_over_cells.txt")
    assert [(t.task, t.lead, t.inherited) for t in r.tasks] == [
        ("1", ["市发改委"], []),
        ("2", ["市工信局"], []),
        ("3", ["市生态环境局"], []),
        ("4", ["市水利局"], []),
    ]


def test_a_shortened_name_before_a_whole_one_is_a_name_of_its_own_not_the_start_of_it():
    # 省人口计生 / 省妇联 and 人口计生 / 省公安厅: a name that opens with its level (省妇联) starts a name; the
    # shortened one before it is kept as printed, with a warning, not run into it (省人口计生省妇联).
    r = load(SAMPLES / "flat_short_names_one_a_block.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["省卫生厅"], ["省发改委", "省人口计生", "省妇联"]),
        ("2", ["省卫生厅"], ["人口计生", "省公安厅"]),
        ("3", ["省卫生厅"], ["省新闻出版", "省总工会"]),
    ]
    assert any(w.line == 23 and "'人口计生' reads as no unit's full name" in w.message for w in r.warnings)


def test_a_category_row_naming_its_leader_above_each_header_holds_for_the_rows_under_it():
    # 一、区长X牵头重点工作 before the first header, 二、… before the header printed again: each leader holds
    # for its own rows only, and numbering restarts under each.
    r = load(SAMPLES / "flat_section_leader_over_header.txt")
    assert [(t.task, t.leaders, t.lead) for t in r.tasks] == [
        ("1", ["陈兴立"], ["区财政局"]),
        ("2", ["陈兴立"], ["区财政局"]),
        ("1", ["姚珂军"], ["区发改局"]),
        ("2", ["姚珂军"], ["区发改局"]),
    ]


def test_a_leader_printed_once_before_his_groups_first_row_leads_every_row_of_the_group():
    # 牵头领导 | 重点工作 | …: 周阳市长 before row 1 is the leader of rows 1 and 2 (his post is no part of the
    # name); 陈炳荣副市长 before row 3 starts the next group.
    r = load(SAMPLES / "flat_leader_column_first.txt")
    assert [(t.task, t.leaders, t.lead, t.inherited) for t in r.tasks] == [
        ("1", ["周阳"], ["市府办"], []),
        ("2", ["周阳"], ["市府办"], ["leaders"]),
        ("3", ["陈炳荣"], ["市财政局"], []),
        ("4", ["陈炳荣"], ["市发改局"], ["leaders"]),
    ]


def test_a_sub_row_under_a_merged_number_and_title_adds_the_units_it_prints_first():
    # 项目 | 责任单位 | 建设内容 | …: row 1's second sub-row (区住建局 | 改造人行道… | …) is row 1's too.
    r = load(SAMPLES / "flat_sub_rows_units_first.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "完善交通基础设施", ["区新兴产业服务中心", "区住建局"]),
        ("2", "提升区域防洪能力", ["区农业农村局"]),
        ("3", "加大安居保障力度", ["区新兴产业服务中心"]),
    ]
    assert not any("could not place" in w.message for w in r.warnings)


def test_a_dashed_sub_target_after_its_goals_units_is_a_record_of_its_own_with_the_goals_number():
    # ——孕产妇系统管理率… follows goal 2's units and prints its own: a second record numbered 2. The dashed
    # target printed before any unit belongs to its goal's text.
    r = load(SAMPLES / "flat_sub_targets.txt")
    assert [(t.task, t.text[:8], t.lead, t.support) for t in r.tasks] == [
        ("1", "妇女享有良好的基", ["省卫生厅"], ["省发改委", "省妇联"]),
        ("2", "提高孕产妇医疗保", ["省卫生厅"], ["省公安厅"]),
        ("2", "——孕产妇系统管", ["省卫生厅"], ["省财政厅"]),
        ("2", "——孕产妇中重度", ["省卫生厅"], ["省工商局"]),
        ("3", "妇女艾滋病感染率", ["省卫生厅"], ["省妇联"]),
    ]


def test_a_table_keeping_the_numbers_of_the_longer_list_it_was_taken_from_reads_every_row():
    # 6, 52, 53: a bureau's share of the county's list keeps the list's numbers; the stray 2 after row 6's
    # unit opens no row (no task text follows it). 股 (a bureau's section) names a unit.
    r = load(SAMPLES / "flat_numbers_from_a_longer_list.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("6", ["经管站"]),
        ("52", ["农田建设管理股", "农业股"]),
        ("53", ["经管站"]),
    ]


def test_a_table_the_page_starts_below_its_header_is_read_by_what_its_cells_hold():
    # No header: rows open at 1, 2, 3 … before a task's text; unit cells lead, person cells are the leaders,
    # a section heading is the goal of the rows under it, deadlines and telephone numbers are read past.
    r = load(SAMPLES / "flat_no_header.txt")
    assert [(t.task, t.goal, t.lead, t.leaders) for t in r.tasks] == [
        ("1", "经济社会发展的主要预期目标", ["法规科"], ["潘秀峰"]),
        ("2", "经济社会发展的主要预期目标", ["市农技中心"], ["卢伯瑛"]),
        ("3", "加快新型工业化进程", ["产业科"], []),  # its leader cell is empty: nothing from the row above
        ("4", "加快新型工业化进程", ["产业科", "市畜牧中心"], ["孙永峰", "李先俊"]),
    ]
    assert any("prints no header" in w.message for w in r.warnings)


def test_an_unnumbered_progress_table_reads_its_progress_and_next_step_cells_past():
    # 目标任务 | 牵头单位 | 进展情况 | 下步举措: after a row's units, text that no unit follows is its progress
    # or its next steps (1.强化… 2.强化… are points of one cell, not numbered rows).
    r = load(SAMPLES / "flat_progress_next_steps.txt")
    assert [(t.text[:8], t.lead) for t in r.tasks] == [
        ("固定资产投资增长", ["发改局"]),
        ("城乡居民收入与经", ["农业农村局"]),
        ("完成市下达的能源", ["发改局"]),
    ]


def test_two_header_cells_that_read_as_one_unit_name_stay_two_columns():
    # 市领导 / 责任单位 run together read as a unit's name (…责任单位 ends like 单位): two headers stay apart.
    r = load(SAMPLES / "header_split_beside_units.txt")
    assert [(t.task, t.lead, t.leaders) for t in r.tasks] == [
        ("1", ["市发改局"], ["吕乐"]),
        ("2", ["生态环境局余姚分局"], ["毛丕显"]),
    ]


def test_a_unit_cell_closed_by_a_full_stop_is_a_list_of_units_not_a_sentence():
    r = load(SAMPLES / "units_closed_by_full_stop.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("3", ["区发改委"], ["区工信局", "区住建局", "区交通局", "各乡镇人民政府", "某某经开区管委会"]),
        ("68", ["区教育局"], ["区政府有关部门", "各乡镇人民政府"]),
    ]


def test_a_column_of_no_role_before_the_task_merged_over_its_rows_is_their_category():
    # 指标 | 工作任务: 公共文化服务 printed on its group's first row only names the goal of the rows below.
    r = load(SAMPLES / "category_column_no_role.txt")
    assert [(t.task, t.goal, t.lead, t.leaders) for t in r.tasks] == [
        ("1", "公共文化服务", ["文化宣传股"], ["夏俊贵"]),
        ("2", "公共文化服务", ["文化宣传股"], ["夏俊贵"]),
        ("3", "公共文化服务", ["文化宣传股"], ["夏俊贵"]),
        ("4", "文化市场管理", ["执法大队"], ["周斐"]),
        ("5", "文化市场管理", ["执法大队"], ["周斐"]),
    ]
    assert r.tasks[1].text == "全年组织开展文化下乡等惠民演出不少于100场。"


def test_cells_closed_by_pipes_whose_row_numbers_are_opened_by_a_pipe_too():
    # | 1 | / 工作任务 | / 区民政局 |: the row number's pipes are its cell's, not part of the task's text.
    r = load(SAMPLES / "pipe_closed_row_numbers.txt")
    assert [(t.task, t.text[:8], t.lead) for t in r.tasks] == [
        ("1", "按月完成临时救助", ["区民政局"]),
        ("2", "指导乡镇按月完成", ["区民政局", "低保中心"]),
    ]


def test_a_header_naming_the_units_first_and_no_task_column_reads_the_column_after_them_as_the_task():
    # 序号 | 责任单位 | 考核指标 | 监督方式 | …: no column says 任务; the one right after the units holds it.
    r = load(SAMPLES / "units_before_unnamed_task.txt")
    assert [(t.task, t.text[:8], t.lead) for t in r.tasks] == [
        ("1", "按月完成临时救助", ["区民政局"]),
        ("2", "指导乡镇按月完成", ["低保中心"]),
    ]


def test_a_spaced_header_whose_cells_broke_in_two_and_names_padded_to_three_characters_read_as_columns():
    # 牵头  领导 | 牵头 责任单位 | 主体 责任单位 | 配合 责任单位: each name printed broken over two lines of its
    # cell; 李  平 is one name padded to the width of 周海燕, both in the leaders' cell; the 主体 column leads
    # with the 牵头 one, and a unit list broken over lines stays in its column.
    r = load(SAMPLES / "spaced_header_cells_broken.txt")
    assert [(t.task, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("12", ["李平", "周海燕"], ["县水利局", "各乡镇", "县城投公司"], ["县直有关单位"]),
        ("15", ["周海燕"], ["县卫健委", "有关乡镇"], ["县直有关单位"]),
    ]
