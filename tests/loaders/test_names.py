"""Persons, units, collectives, run-together and broken names."""

from __future__ import annotations

import pytest

from dutygraph.loaders.names import (
    is_collective,
    is_local,
    is_none_mark,
    looks_like_unit,
    parse_names,
    split_run_together,
)
from dutygraph.loaders.persons import is_person, parse_persons


@pytest.mark.parametrize("text", ["王旭锋", "吴 伟", "曹雷", "周  庆", "欧阳明", "全体区长", "区长"])
def test_persons(text):
    assert is_person(text)


@pytest.mark.parametrize(
    "text", ["财政局", "司法局", "金融局", "宣传部", "品质", "格局", "振兴", "全年", "平台载体", "市场主体"]
)
def test_not_persons(text):
    assert not is_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "发改局",
        "高新园(邹区镇)",
        "应急管理局(安委办)",
        "区总工会",
        "团区委",
        "残联",
        "新运集团",
        "城西公司",
        "钟楼交警大队",
        "全面依法治区委员会成员单位",
        "各街道",
        "相关部门街道板块",
        "区省级“食品安全示范区”创建工作领导小组",
    ],
)
def test_units(text):
    assert looks_like_unit(text)


@pytest.mark.parametrize("text", ["聚力推动", "产业转型", "格局", "品质", "以主城视角优化空间", "交通畅行", "创建工作"])
def test_heading_fragments_are_not_units(text):
    assert not looks_like_unit(text)


@pytest.mark.parametrize(
    ("name", "collective"),
    [
        ("各街道", True),
        ("区相关部门", True),
        ("相关部门街道板块", True),
        ("区安委会各成员单位", True),
        ("区有关部门", True),
        ("区双拥成员单位", True),
        ("统计局", False),
        ("经开区", False),
    ],
)
def test_collectives(name, collective):
    assert is_collective(name) is collective


def test_local_units_are_streets_towns_and_collectives():
    assert is_local("南大街街道") and is_local("高新园(邹区镇)") and is_local("各街道")
    assert not is_local("农业农村局") and not is_local("经开区")


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("市场监管局统计局", ["市场监管局", "统计局"]),
        ("南大街街道新运集团", ["南大街街道", "新运集团"]),
        ("自然资源和规划分局", ["自然资源和规划分局"]),
        ("区委组织部", ["区委组织部"]),
        ("退役军人事务局", ["退役军人事务局"]),
        ("区应急管理局(区安委办)", ["区应急管理局(区安委办)"]),
        ("武钢集团鄂城钢铁有限责任公司", ["武钢集团鄂城钢铁有限责任公司"]),  # the group's own company
        ("市城投集团市交投公司", ["市城投集团", "市交投公司"]),  # a level prefix starts another unit
        ("县文体局群体股", ["县文体局群体股"]),  # a section of the bureau
        ("县文体局县财政局", ["县文体局", "县财政局"]),
    ],
)
def test_run_together_names(name, parts):
    assert split_run_together(name) == parts


def test_parse_names_splits_outside_parentheses_and_drops_none():
    assert parse_names("区应急管理局（区安委办、区减灾委）、各街道") == ["区应急管理局（区安委办、区减灾委）", "各街道"]
    assert parse_names("高新园(邹区镇) 各街道 区教育局") == ["高新园(邹区镇)", "各街道", "区教育局"]
    assert parse_names("高新园 (邹区镇)") == ["高新园(邹区镇)"]
    assert parse_names("——") == []


def test_a_sentence_that_mentions_a_collective_on_its_way_is_no_unit():
    assert not looks_like_unit("指导各镇街进行项目立项报批")
    assert not looks_like_unit("督促相关企业整改")
    for name in ("各镇街", "区相关部门", "市直各单位", "经开区相关部门", "市政府各部门", "相关部门街道板块"):
        assert looks_like_unit(name), name


def test_units_joined_by_two_conjunctions_are_split_at_both():
    assert parse_names("环保厅和内蒙古电力监管办及相关盟市") == ["环保厅", "内蒙古电力监管办", "相关盟市"]
    assert parse_names("县发展和改革局和县财政局") == ["县发展和改革局", "县财政局"]


def test_parse_persons_closes_spaces_inside_names():
    assert parse_persons("王 强、李明") == ["王强", "李明"]
    assert parse_persons("陈刚 周丽") == ["陈刚", "周丽"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("副县长 刘洋", ["刘洋"]),
        ("常务副区长王伟、副区长 李娜", ["王伟", "李娜"]),
        ("县委副书记 赵刚", ["赵刚"]),
        ("刘洋 副县长", ["刘洋"]),
        ("王伟副区长", ["王伟"]),
    ],
)
def test_a_leaders_post_before_or_after_the_name_is_no_person(text, names):
    assert parse_persons(text) == names


def test_a_labelled_leader_given_by_post_then_name_is_the_person(tmp_path):
    from dutygraph.loaders import load

    path = tmp_path / "plan.txt"
    path.write_text(
        "为民办实事项目责任分工\n1.新建改建农村公路100公里。\n【牵头领导】副县长 刘洋\n【牵头单位】县交通运输局\n"
        "2.新增城镇就业岗位3000个。\n【牵头领导】副县长 陈静\n【牵头单位】县人社局\n",
        encoding="utf-8",
    )
    assert [(t.task, t.leaders, t.lead) for t in load(path).tasks] == [
        ("1", ["刘洋"], ["县交通运输局"]),
        ("2", ["陈静"], ["县人社局"]),
    ]


@pytest.mark.parametrize(("text", "none"), [("—", True), ("——", True), ("无", True), ("/", True), ("财政局", False)])
def test_none_marks(text, none):
    assert is_none_mark(text) is none


def test_markup_inside_a_name_is_not_split_at_its_slash():
    from dutygraph.loaders.names import parse_names

    assert parse_names("区<b>发改</b>局、区财政局") == ["区<b>发改</b>局", "区财政局"]
    assert parse_names("区发改局/区财政局") == ["区发改局", "区财政局"]


def test_a_name_cut_by_a_stray_space_is_rejoined_and_collectives_of_several_levels_stay_whole():
    from dutygraph.loaders.names import parse_names

    assert parse_names("自治 区农牧厅、财政厅") == ["自治区农牧厅", "财政厅"]
    assert parse_names("各县、市、区政府") == ["各县、市、区政府"]
    assert parse_names("各县(市)及相关区政府") == ["各县(市)及相关区政府"]  # the levels share one government
    assert parse_names("各县区和市直各部门") == ["各县区", "市直各部门"]
    assert parse_names("高新园 各街道 区教育局") == ["高新园", "各街道", "区教育局"]


def test_an_abbreviation_note_after_a_name_is_no_part_of_it():
    # 区老龄委各成员单位〔以下简称各成员单位〕: the note says how later items shorten the name.
    assert parse_names("区老龄委各成员单位〔以下简称各成员单位〕、各街道办事处") == [
        "区老龄委各成员单位",
        "各街道办事处",
    ]
    assert parse_names("市城市管理综合执法局(以下简称市执法局)、市公安局") == ["市城市管理综合执法局", "市公安局"]


def test_two_units_run_together_after_a_section_gu_are_split():
    assert split_run_together("文化宣传股文化馆") == ["文化宣传股", "文化馆"]
    assert split_run_together("某某股份有限公司") == ["某某股份有限公司"]  # 股份 is no section


def test_a_closing_etc_word_left_alone_and_a_conjunction_before_the_last_name_are_no_units():
    # 等部门 split off its name by the line it was printed on; 以及 opens the last name of a list.
    assert parse_names("市妇联、市文广旅局、等部门,各区(市)县政府") == ["市妇联", "市文广旅局", "各区(市)县政府"]
    assert parse_names("区发展改革局,以及各有关单位、各街道") == ["区发展改革局", "各有关单位", "各街道"]


def test_a_leader_named_by_surname_and_post_stays_whole():
    # 李副镇长 is 李 and his post, not a person 李副 and a post 镇长; 周阳副市长 is 周阳 and his post
    assert parse_persons("王镇长、李副镇长；周副主任,李副书记") == ["王镇长", "李副镇长", "周副主任", "李副书记"]
    assert parse_persons("周阳副市长") == ["周阳"]
    assert [is_person(t) for t in ("李副书记", "中心主任", "办公室主任", "党组副书记")] == [True, False, False, False]


def test_posts_listed_before_a_name_are_that_persons():
    # 县委常委、副县长 陈明: one person and his posts; a list of posts alone stays as printed
    assert parse_persons("县委常委、副县长 陈明") == ["陈明"]
    assert parse_persons("市委常委、常务副市长王伟；县委常委、宣传部长 张三") == ["王伟", "张三"]
    assert parse_persons("党组副书记、局长") == ["党组副书记", "局长"]
