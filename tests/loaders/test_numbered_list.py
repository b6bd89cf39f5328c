"""Numbered lists: seed 001 (units in a closing parenthesis), seed 004 (no units),
labelled lines, inline labels, 责任单位 with "first listed leads", (一) and 1﹒ numbering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dutygraph.loaders import load
from tests.conftest import SAMPLES, seed, seed_path


def _oracle_001() -> dict[str, tuple[list[str], list[str]]]:
    """An independent reading of 001: the last parenthesis, split at ',' and '、'."""
    out = {}
    for line in seed_path("001").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+)\.", line)
        paren = re.search(r"\(([^()]*)\)$", line)
        if not m or not paren:
            continue
        lead: list[str] = []
        support: list[str] = []
        for part in paren.group(1).split(","):
            if part.endswith("主办"):
                lead += part[:-2].split("、")
            elif part.endswith("协办"):
                support += part[:-2].split("、")
        out[m.group(1)] = (lead, support)
    return out


def test_001_every_task_matches_an_independent_reading_of_its_parenthesis():
    oracle = _oracle_001()
    assert len(oracle) == 78
    for t in seed("001").tasks:
        assert (t.lead, t.support) == oracle[t.task], f"task {t.task}"
        assert t.leaders == [] and t.inherited == []


@pytest.mark.parametrize(
    ("task", "lead", "support"),
    [
        ("1", ["区发改委", "区财政局"], ["区相关部门", "各街道板块"]),
        (
            "3",
            [
                "区发改委",
                "区科技局",
                "区地方金融监管局",
                "下关滨江商务区管委会",
                "区建设局",
                "区商务局",
                "区文旅局",
                "区投促局",
            ],
            ["区相关部门", "各街道板块"],
        ),
        ("6", ["区发改委", "铁北管委会"], ["相关部门街道板块"]),
        ("27", ["区科技局", "高新区管委会"], []),
        ("31", ["下关滨江商务区管委会"], ["鼓楼生态环境局", "区水务局", "区文旅局", "相关街道"]),
        ("72", ["区司法局", "各街道"], []),
        ("77", ["区财政局"], ["区相关部门", "各街道板块"]),  # 政府主办的 inside the text is not a unit
        ("78", ["区审计局", "区统计局", "区财政局"], []),
    ],
)
def test_001_hand_checked_rows(task, lead, support):
    t = {x.task: x for x in seed("001").tasks}[task]
    assert (t.lead, t.support) == (lead, support)


def test_001_text_drops_the_unit_parenthesis_and_the_spam():
    t = {x.task: x for x in seed("001").tasks}
    assert t["2"].text == "社会消费品零售总额增长6%以上,外贸进出口力争正增长,实际使用外资稳中提质。"
    assert t["19"].text.startswith("健全完善高校院所协同创新发展联盟机制")
    assert "金宝博" not in "".join(x.text for x in seed("001").tasks)
    assert t["77"].text.endswith("民生关键处。")


def test_001_goals_are_the_six_sections():
    goals = list(dict.fromkeys((t.goal_no, t.goal) for t in seed("001").tasks))
    assert [g[0] for g in goals] == ["一", "二", "三", "四", "五", "六"]
    assert goals[0][1] == "聚力提升发展能级,加快实现综合实力新跃升"


def test_004_items_sharing_a_line_are_split_and_warned():
    r = seed("004")
    t = {x.task: x for x in r.tasks}
    assert t["1"].text.endswith("改造升级5G基站800个。")
    assert t["2"].text.startswith("提供企业金融服务。")
    assert t["2"].line == t["1"].line == 3
    assert any(w.line == 3 and "share one line" in w.message for w in r.warnings)


def test_004_spam_is_cut_from_headings_and_broken_lines_are_rejoined():
    r = seed("004")
    t = {x.task: x for x in r.tasks}
    assert t["15"].goal == "聚焦提供优质高效办实事"
    assert "不断完善基层体系建设,动态调整" in t["16"].text
    assert "逐步把相关类热线整合到12345公共服务热线平台。" in t["18"].text
    spam_lines = sorted(w.line for w in r.warnings if "spam" in w.message)
    assert spam_lines == [18, 21, 25]


def test_004_legitimate_neighbours_of_spam_words_stay():
    t = {x.task: x for x in seed("004").tasks}
    assert "苏澳合作园区" in t["5"].text and "澳门特区政府" in t["5"].text


def test_004_has_five_goals_and_no_units():
    r = seed("004")
    assert len({t.goal for t in r.tasks}) == 5
    assert all(not (t.lead or t.support or t.leaders) for t in r.tasks)
    assert any("names no lead or supporting units" in w.message for w in r.warnings)


def test_labelled_lines_map_by_meaning():
    r = load(SAMPLES / "labelled_lines.txt")
    t = {x.task: x for x in r.tasks}
    # 责任单位 next to 牵头单位 supports; alone it leads.
    assert (t["1"].lead, t["1"].support, t["1"].leaders) == (["区发改局", "区住建局"], ["各街道", "区财政局"], ["李明"])
    assert t["2"].leaders == ["王强"]
    assert (t["3"].lead, t["3"].support) == (["区人社局"], [])
    assert (t["4"].lead, t["4"].support) == (["区民政局"], ["各街道"])
    assert (r.document.region, r.document.year) == ("天宁区", 2023)


def test_inline_labels_in_parentheses_and_paren_numbering():
    r = load(SAMPLES / "inline_labels.txt")
    t = {x.task: x for x in r.tasks}
    assert [x.task for x in r.tasks] == ["（1）", "（2）", "（3）", "（4）"]
    assert (t["（1）"].leaders, t["（1）"].lead, t["（1）"].support) == (
        ["张华"],
        ["区科技局", "区工信局"],
        ["各镇", "各街道"],
    )
    assert (t["（2）"].lead, t["（2）"].support) == (["区科技局", "区发改局"], [])
    assert (t["（4）"].lead, t["（4）"].support) == (["区城管局"], ["区公安分局", "各街道"])
    assert t["（3）"].goal == "城市建设"


def test_responsible_units_with_first_listed_leads():
    r = load(SAMPLES / "first_listed.txt")
    t = {x.task: x for x in r.tasks}
    assert (t["1"].lead, t["1"].support) == (["区发改局"], ["区工信局", "区商务局"])
    assert (t["3"].lead, t["3"].support) == (["区教育局"], [])
    assert t["1"].text == "加快培育新能源产业集群，全年新增项目20个。"


def test_a_label_value_ends_at_the_full_stop_where_other_matters_follow():
    # 牵头部门：市交通运输局。建设进度相对较慢的县区为西河区。 — the sentence after the stop is progress, not units.
    r = load(SAMPLES / "label_then_sentence.txt")
    t = {x.task: x for x in r.tasks}
    assert [x.task for x in r.tasks] == ["1", "2", "3"]
    assert (t["1"].lead, t["1"].support) == (["市交通运输局"], [])
    assert (t["2"].lead, t["2"].support) == (["市水利局"], [])
    assert (t["3"].lead, t["3"].support) == (["市住建局", "市财政局"], [])


def test_unnumbered_paragraphs_closing_with_their_units_are_the_tasks_under_numbered_headings():
    # 一、 and （一） number the headings; each paragraph under them ends with its own unit bracket.
    r = load(SAMPLES / "paragraph_tasks.txt")
    assert [x.task for x in r.tasks] == ["M1", "M2", "M3", "M4"]
    m1, m2, m3, m4 = r.tasks
    assert (m1.lead, m1.support) == (["省发展改革委", "省财政厅", "省商务厅"], [])
    assert m1.goal == "保持经济持续健康发展"
    assert (m2.lead, m2.support) == (["省发展改革委", "省水利厅"], [])
    assert (m3.lead, m3.support) == (["省发展改革委"], ["省自然资源厅"])
    assert (m4.lead, m4.support) == ([], [])  # cut before its bracket: still a task


def test_a_leader_named_by_post_in_a_heading_with_a_common_surname_missing_before():
    # 洪 is among the commonest surnames; 一、洪某某市长主抓重点工作 names the leader of every task under it.
    from dutygraph.loaders.base import Context
    from dutygraph.loaders.headings import heading_cues

    assert heading_cues("一、洪志明市长主抓重点工作", 1, Context("x", [])).leaders == ["洪志明"]


def test_a_labelled_line_after_a_group_of_items_holds_for_each() -> None:
    """协同单位: after two items that print no units holds for both; after one closed item, for it alone."""
    r = load(SAMPLES / "label_after_group.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["县编办"], ["县财政局", "县人社局", "各乡镇人民政府"]),
        ("2", ["县编办"], ["县财政局", "县人社局", "各乡镇人民政府"]),
        ("1", ["县政府办公室"], ["县直有关部门"]),
        ("2", ["县政府办公室"], ["县信访局"]),
    ]
    assert {t.leaders[0] for t in r.tasks} == {"张明"}


def test_a_lead_heading_over_one_unnumbered_line_is_that_lines_task() -> None:
    """（一）X牵头的工作 followed by one unnumbered sentence: the sentence is task （一）, led by X;
    the leader's remit under 一、张明县长负责的工作 is no task."""
    r = load(SAMPLES / "lead_heading_one_task.txt")
    assert [(t.task, t.text[:6], t.lead, t.support) for t in r.tasks] == [
        ("（一）", "加强行政监察", ["县监察局"], []),
        ("（二）", "全面加强审计", ["县审计局"], ["县直各部门", "各乡镇人民政府"]),
        ("1", "深化行政管理", ["县编办"], ["县财政局"]),
        ("2", "积极稳妥地推", ["县编办"], ["县财政局"]),
    ]
    assert {t.leaders[0] for t in r.tasks} == {"张明"}


def test_a_lead_heading_over_one_item_that_the_page_cuts_leads_that_item() -> None:
    """一、X（区科技局牵头） over an unnumbered paragraph and one item cut by the page end: the item is the
    task, led by the heading's unit (not the heading itself)."""
    r = load(SAMPLES / "lead_heading_cut_first_item.txt")
    assert [(t.task, t.goal, t.lead) for t in r.tasks] == [("（一）", "强化科技创新", ["区科技局"])]


def test_tasks_split_at_their_brackets_under_an_arabic_number_are_numbered_with_a_dash(tmp_path: Path) -> None:
    """1. with three sentences each closed by its bracket: tasks 1, 1-2, 1-3 (never 12, which is another item)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "2020年食品安全重点工作安排\n一、年度重点任务\n"
        "1.实施标准宣贯专项行动。完善食品安全标准管理制度。(区卫生健康委负责)"
        "严格落实农药残留限量新标准。(区农业农村局负责)加强粮油标准的贯彻落实。(区发展改革委负责)\n",
        "utf-8",
    )
    assert [(t.task, t.lead) for t in load(path).tasks] == [
        ("1", ["区卫生健康委"]),
        ("1-2", ["区农业农村局"]),
        ("1-3", ["区发展改革委"]),
    ]


def test_project_cards_with_numbered_fields_read_the_fields_as_the_projects_labelled_lines() -> None:
    """（一）责任领导：X / （二）责任单位：Y / （三）协办单位：Z under each 三、 project are fields, not items; the points
    inside a field (1、 2、) and a card's cut tail before the first project ((六)完成时限) are no tasks; a field of
    units and their staff (项目实施单位及责任人：X，某某) names the units."""
    r = load(SAMPLES / "project_card_fields.txt")
    assert [(t.task, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("三", ["高明"], ["市教育局"], ["市财政局", "农业局", "各县市区人民政府"]),
        ("四", ["梁祥"], ["市交通局"], ["各县市区人民政府"]),
        ("五", [], ["市民政局"], []),
    ]


def test_a_page_of_one_project_and_its_units_is_one_task() -> None:
    r = load(SAMPLES / "one_project_page.txt")
    assert [(t.task, t.text[:6], t.lead) for t in r.tasks] == [("M1", "通过新建水厂", ["市水务局"])]


def test_a_unit_named_alone_over_each_list_numbered_from_one_leads_its_items() -> None:
    r = load(SAMPLES / "units_over_lists.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("1", ["东城县政府"]),
        ("2", ["东城县政府"]),
        ("1", ["西城区政府"]),  # the numbering restarts under the next unit
        ("2", ["西城区政府"]),
        ("3", ["西城区政府"]),
    ]
    assert any("named alone over each list" in w.message and w.line == 2 for w in r.warnings)


def test_a_unit_heading_that_counts_its_items_leads_them_without_the_count(tmp_path: Path) -> None:
    """A supervision notice lists the lagging tasks unit by unit, each heading counting them: (二)X局(5项),
    or a unit alone over its list, X委(共3项). The count is no part of the unit's name."""
    numbered = tmp_path / "numbered.txt"
    numbered.write_text(
        "重点目标任务一季度完成情况的通报\n(一)市发展改革委(2项)\n1.重大项目完成投资低于序时进度。\n"
        "2.生活性服务业品质提升无实质性进展。\n(二)市经济和信息化局（共1项）\n1.规上工业增加值增速低于序时进度。\n",
        "utf-8",
    )
    alone = tmp_path / "alone.txt"
    alone.write_text(
        "重点目标任务完成情况的通报\n市发展改革委(共2项)\n1.重大项目完成投资低于序时进度。\n"
        "2.生活性服务业品质提升无实质性进展。\n市经济和信息化局 1项\n1.规上工业增加值增速低于序时进度。\n",
        "utf-8",
    )
    for path in (numbered, alone):
        assert [(t.task, t.lead) for t in load(path).tasks] == [
            ("1", ["市发展改革委"]),
            ("2", ["市发展改革委"]),
            ("1", ["市经济和信息化局"]),
        ], path.name


def test_one_unit_named_alone_over_a_list_is_no_lead(tmp_path: Path) -> None:
    """A signature-like line over a list, printed once, says nothing of who leads."""
    path = tmp_path / "plan.txt"
    path.write_text("2006年主要工作考核目标\n东城县政府\n1.地区生产总值增长25%。\n2.财政收入增长20%。\n", "utf-8")
    assert all(not t.lead for t in load(path).tasks)


def test_headings_naming_one_unit_alone_lead_what_is_under_them() -> None:
    """三、省委政法委 over a paragraph, 五、省发改委 over (一)(二) items: each heading that is one unit's
    name alone leads the work under it, read with one warning; a paragraph alone under it is a task
    numbered by the heading."""
    r = load(SAMPLES / "unit_headings_paragraphs.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("三", ["省委政法委"]),
        ("四", ["省直机关工委"]),
        ("(一)", ["省发改委"]),
        ("(二)", ["省发改委"]),
    ]
    assert r.tasks[0].text.startswith("深入开展")
    assert all("lead" in t.inherited for t in r.tasks)
    assert sum("name one unit alone" in w.message for w in r.warnings) == 1


def test_circled_items_sharing_a_line_under_a_list_opener() -> None:
    """（一）综合办公室（党群工作部、督查室） / (1)年度主要任务与要求： / ①…；②…；③…: the circled items
    are split apart (one warning each), (1) ending in a colon only opens the list, the heading's unit
    (its bracket of offices kept) leads each item, and 配合出台…政策 is a verb, not a supporting unit."""
    r = load(SAMPLES / "unit_headings_circled.txt")
    assert [t.task for t in r.tasks] == ["①", "②", "③", "①", "②"]
    assert [t.lead for t in r.tasks] == [["综合办公室(党群工作部、督查室)"]] * 3 + [["招商合作局(行政审批局)"]] * 2
    assert all(t.support == [] for t in r.tasks)
    assert "配合出台园区相关政策和制度" in r.tasks[1].text
    assert sum("share one line" in w.message for w in r.warnings) == 3


def test_pledging_party_of_a_responsibility_pledge_leads_every_task() -> None:
    """甲方：某市人民政府 / 乙方：某经济开发区管委会 over targets naming no unit: 乙方 undertakes them,
    so it leads each, with a warning that names its line."""
    r = load(SAMPLES / "pledging_party.txt")
    assert [t.lead for t in r.tasks] == [["某经济开发区管委会"]] * 3
    assert all("lead" in t.inherited for t in r.tasks)
    (w,) = [w for w in r.warnings if "pledging party" in w.message]
    assert w.line == 3


def test_bulleted_items_with_their_labelled_lines_are_tasks_numbered_by_place() -> None:
    """--做好… / ——青浦工业园区创建… each followed by 责任单位：/配合单位： lines under (一)(二) headings:
    the bullets are the tasks, numbered M1, M2 … as no number is printed."""
    r = load(SAMPLES / "bullet_items.txt")
    assert [(t.task, t.goal, t.lead, t.support) for t in r.tasks] == [
        ("M1", "加强固体废物管理", ["区卫生局"], ["区环保局"]),
        ("M2", "加强固体废物管理", ["区经委"], []),
        ("M3", "进一步加强生态环境建设", ["区环保局", "区教育局"], []),
        ("M4", "进一步加强生态环境建设", ["青浦工业园区"], ["区环保局"]),
    ]


def test_a_paragraph_alone_under_a_heading_naming_its_own_units_is_a_task() -> None:
    """(一)市级园林单位创建 / 完成…任务。责任单位：X, beside (二) over 1、2、 items: the paragraph, which
    names its own units, is the task of its heading, numbered by it."""
    r = load(SAMPLES / "heading_paragraph_units.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("(一)", ["各区人民政府", "市房产局"]),
        ("1", ["市林业局", "市旅游局"]),
        ("2", ["市水利局"]),
    ]
    assert r.tasks[0].text.startswith("完成市“创园”办")


def test_bulleted_items_on_a_page_that_lost_its_line_breaks(tmp_path: Path) -> None:
    """The same bulleted items printed on one line: the page is broken before each -- or —— bullet too."""
    page = tmp_path / "bullets_one_line.txt"
    page.write_text(" ".join((SAMPLES / "bullet_items.txt").read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    r = load(page)
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("M1", ["区卫生局"], ["区环保局"]),
        ("M2", ["区经委"], []),
        ("M3", ["区环保局", "区教育局"], []),
        ("M4", ["青浦工业园区"], ["区环保局"]),
    ]


def test_a_list_numbered_afresh_and_closed_by_one_labelled_line_is_led_by_its_units_whole():
    # 1.… 2.… 整改责任单位：X after a closed item: the list starts again at 1, so the line closes all of it.
    r = load(SAMPLES / "lists_closed_by_one_label.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("1", ["县市场监督管理局"]),
        ("1", ["县污水处理厂"]),
        ("2", ["县污水处理厂"]),
        ("1", ["县住房和城乡建设局"]),
        ("2", ["县住房和城乡建设局"]),
        ("3", ["县住房和城乡建设局"]),
    ]


def test_a_page_on_one_line_ends_a_deadline_at_its_date_and_reads_sentences_closed_by_a_label():
    # …整改时限:2021年8月13日前 操作间存在鼠迹,…。 整改责任单位:X: the deadline stops at its date, and a sentence
    # after a closed numbered item, closed by its own labelled line, is a task of its own.
    r = load(SAMPLES / "one_line_rectification.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks][2:] == [
        ("1", "住户门前花盆积水,蚊虫较多;", ["县住房和城乡建设局"]),
        ("2", "大门口垃圾桶未加盖。", ["县住房和城乡建设局"]),
        ("M5", "操作间存在鼠迹,病媒生物防制不到位。", ["县市场监督管理局"]),
        ("M6", "后厨发现蟑螂,病媒生物防制不到位。", ["县卫生健康局"]),
    ]
    assert [t.lead for t in r.tasks[:2]] == [["县市场监督管理局"]] * 2


def test_role_clauses_closing_an_items_sentence_after_a_comma_give_its_roles(tmp_path: Path) -> None:
    """新建幼儿园3所，县教育局负责，县财政局配合。: the cue needs no sentence of its own; the text keeps the
    work's clauses (建设智慧城市平台) and a clause of work that merely ends in a verb stays text."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "县2024年重点工作分工方案\n"
        "1.新建幼儿园3所，县教育局负责，县财政局、县自然资源局配合。\n"
        "2.建设智慧城市平台，统一数据标准，由县大数据中心具体负责，县直各部门协助。\n"
        "3.实施农村饮水安全巩固提升工程。县水利局牵头，县卫健局参与。\n"
        "4.加快项目建设，确保按期落实。（县发改局牵头）\n"
        "5.新建城区第三小学。县教育局负责，县住建局配合，县财政局保障资金。\n",
        "utf-8",
    )
    assert [(t.task, t.text, t.lead, t.support) for t in load(path).tasks] == [
        ("1", "新建幼儿园3所", ["县教育局"], ["县财政局", "县自然资源局"]),
        ("2", "建设智慧城市平台，统一数据标准", ["县大数据中心"], ["县直各部门"]),
        ("3", "实施农村饮水安全巩固提升工程。", ["县水利局"], ["县卫健局"]),
        ("4", "加快项目建设，确保按期落实。", ["县发改局"], []),
        ("5", "新建城区第三小学。", ["县教育局"], ["县住建局", "县财政局"]),  # funding the work supports it
    ]


def test_a_heading_that_names_one_unit_and_a_bracket_of_support_leads_with_that_support():
    # 三、县教育局（配合单位：县住建局）: the unit alone leads what is under it, the bracket adds its support
    r = load(SAMPLES / "unit_headings_with_support.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["县发改局"], []),
        ("2", ["县发改局"], []),
        ("3", ["县财政局"], []),
        ("4", ["县财政局"], []),
        ("5", ["县教育局"], ["县住建局"]),
    ]


def test_tasks_numbered_in_words_are_items_and_keep_their_number():
    # 任务一：/第四项：: the number set apart from the text, the labels after it the task's
    r = load(SAMPLES / "worded_numbers.txt")
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("任务一", "推动制造业高质量发展", ["市工信局"], ["市发改委", "市科技局"]),
        ("任务二", "扩大有效投资", ["市发改委"], ["市财政局", "市自然资源局"]),
        ("任务三", "提升城市品质", ["市住建局"], ["市城管局"]),
        ("第四项", "推动制造业高质量发展。", ["市工信局"], ["市发改委"]),
        ("第五项", "扩大有效投资。", ["市发改委"], []),
        ("第六项", "提升城市品质。", ["市住建局"], ["市城管局"]),
    ]


def test_a_line_broken_inside_a_bracket_of_labels_goes_on_on_the_next_line():
    # （牵头单位：区市场监管局 / ）（配合单位：…）: a PDF's width broke the line before the bracket closed
    r = load(SAMPLES / "bracket_wrapped_before_close.txt")
    assert [(t.task, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("4", ["陈杰"], ["区市场监管局"], ["区行政审批局", "区税务局"]),
        ("5", ["吴勇"], ["区住建局"], []),
    ]


def test_records_of_labelled_fields_are_named_by_their_name_field():
    # 项目名称：X / 建设内容：Y / 责任单位：… : the task is X：Y, not Y alone
    r = load(SAMPLES / "named_records.txt")
    assert [(t.text, t.lead, t.leaders, t.deadline) for t in r.tasks] == [
        ("城乡供水一体化：新建水厂1座，铺设管网50公里", ["县水务局"], ["王平"], "2025年12月"),
        ("农村养老服务提升：新建村级养老服务站20个", ["县民政局"], ["刘梅"], "2025年11月"),
    ]


def test_labelled_lines_right_under_a_section_hold_for_the_items_under_it():
    # 一、… / 责任领导：… / 牵头单位：… / 1.… 2.…: the items are the tasks, the section's labels their roles;
    # before, the sections were read as the tasks and items 1 and 3 were lost
    r = load(SAMPLES / "section_labels_over_items.txt")
    assert [(t.goal, t.task, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("全力抓好项目建设", "1", ["张市长"], ["市发改委"], []),
        ("全力抓好项目建设", "2", ["张市长"], ["市发改委"], ["市财政局"]),
        ("持续优化营商环境", "3", ["刘副市长"], ["市营商环境局"], []),
    ]


def test_a_unit_with_a_colon_over_its_items_leads_them_though_the_numbers_go_on():
    # 区发改局： / 1. 2. / 区财政局： / 3. / 区住建局（配合：区自然资源分局）： / 4.
    r = load(SAMPLES / "units_with_colon_over_lists.txt")
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "编制年度重大项目计划。", ["区发改局"], []),
        ("2", "争取上级资金5亿元。", ["区发改局"], []),
        ("3", "加强预算绩效管理。", ["区财政局"], []),
        ("4", "推进城市更新项目8个。", ["区住建局"], ["区自然资源分局"]),
    ]


def test_a_key_tasks_mark_before_its_number_and_a_leaders_post_in_brackets():
    # ★1. / ▲2.: the mark of a key task before the number; 张三（副区长）: the bracket is his post, not a leader
    r = load(SAMPLES / "key_marks_and_leader_posts.txt")
    assert [(t.task, t.text, t.leaders, t.lead) for t in r.tasks] == [
        ("1", "新增公办幼儿园学位1200个。", ["张三"], ["区教育局"]),
        ("2", "改造老旧小区15个。", ["李四"], ["区住建局", "各街道办事处"]),
        ("3", "建设城市书房5个。", ["王五"], ["区文旅局"]),
    ]


def test_unnumbered_paragraphs_closed_by_brackets_of_unit_names_alone_are_the_tasks():
    # （一）扎实推进产业升级 / 加快推进……。（县工信局、县工业园区管委会） / 实施……。（县工信局）: each paragraph is a
    # task with its units; before, each heading was one task holding its paragraphs and the first bracket only
    r = load(SAMPLES / "paragraphs_closed_by_bare_units.txt")
    assert [(t.task, t.goal, t.text, t.lead) for t in r.tasks] == [
        (
            "M1",
            "扎实推进产业升级",
            "加快推进新材料产业园建设，年内建成标准化厂房10万平方米。",
            ["县工信局", "县工业园区管委会"],
        ),
        ("M2", "扎实推进产业升级", "实施企业技术改造项目30个以上。", ["县工信局"]),
        ("M3", "持续扩大有效投资", "全年实施重点项目150个，完成投资200亿元以上。", ["县发改局"]),
    ]


def test_a_label_whose_value_is_ditto_repeats_the_item_above(tmp_path):
    # 牵头单位：同上 / 配合单位：同上 / 牵头单位：〃: the units of the item above in that role
    path = tmp_path / "plan.txt"
    path.write_text(
        "重点任务分解\n1.新建污水管网10公里。\n责任领导：王明\n牵头单位：县住建局\n配合单位：县水利局\n"
        "2.改造雨水管网5公里。\n责任领导：同上\n牵头单位：同上\n配合单位：同上\n3.新建公园。\n牵头单位：〃\n",
        "utf-8",
    )
    r = load(path)
    assert [(t.task, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", ["王明"], ["县住建局"], ["县水利局"]),
        ("2", ["王明"], ["县住建局"], ["县水利局"]),
        ("3", [], ["县住建局"], []),
    ]
    assert not any("as lead and as support" in w.message for w in r.warnings)


def test_labels_before_a_closing_bracket_of_labels_are_read_with_it():
    # 包联县级领导：张华；牵头单位：县文旅局（配合单位：各乡镇、县交通局）: the bracket closes the labelled line,
    # whose leader and lead were read as the task's text
    r = load(SAMPLES / "labels_before_a_bracket_of_support.txt")
    assert next((t.text, t.leaders, t.lead, t.support) for t in r.tasks) == (
        "推进全域旅游示范区创建。",
        ["张华"],
        ["县文旅局"],
        ["各乡镇", "县交通局"],
    )


def test_a_paragraph_or_two_closed_by_a_bracket_of_names_do_not_make_paragraphs_the_tasks():
    # a page's frame (…人民政府(办公室)) and notice over numbered items with labelled lines: the items stay the
    # tasks; brackets of names alone make paragraphs the tasks only when three paragraphs and most close so
    from dutygraph.loaders.numbered_entries import paragraph_tasks
    from dutygraph.loaders.text import Line

    texts = [
        "网站首页 > 政务公开 > 某市人民政府(办公室)信息公开目录 > 年度重点工作分解情况 某市人民政府(办公室)",
        "各县、市、区人民政府，市政府各部门：市政府确定了10个方面44项重点工作，现将责任分解如下（市政府办公室）",
        "一、确保完成全年主要预期目标",
        "1.全市生产总值增长8.5%。",
        "牵头单位：市发展改革委",
    ]
    assert not paragraph_tasks([Line(k, t) for k, t in enumerate(texts, 1)])
    assert paragraph_tasks(
        [
            Line(k, t)
            for k, t in enumerate((SAMPLES / "paragraphs_closed_by_bare_units.txt").read_text("utf-8").splitlines(), 1)
        ]
    )


def test_a_label_with_a_bracket_saying_what_it_names_is_the_label():
    # 牵头单位（部门）：, 责任单位(人)：, 配合部门(单位)：: the bracket is the label's; none of them was read
    r = load(SAMPLES / "labels_with_a_bracket_of_kind.txt")
    assert [(t.text, t.lead, t.support) for t in r.tasks] == [
        ("推进县城扩容提质。", ["县住建局"], ["县自然资源局", "县城管局"]),
        ("实施农业品牌提升行动。", ["县农业农村局"], []),
        ("加快数字乡村建设。", ["县农业农村局"], ["县大数据中心"]),
    ]
