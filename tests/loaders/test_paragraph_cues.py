"""Cues of paragraphs and headings (corpus round 9): each test pins one class of layout with a sample in
tests/samples/, not one document's strings."""

from __future__ import annotations

import pytest

from dutygraph.loaders import load
from dutygraph.loaders.names import keep_units, looks_like_unit, parse_names
from dutygraph.loaders.role_verbs import by_clause
from tests.conftest import SAMPLES


def _rows_of(tmp_path, text: str) -> list[tuple[str, list[str], list[str]]]:
    """(task, lead, support) of each task of ``text``, read from a real file."""
    doc = tmp_path / "doc.txt"
    doc.write_text(text, encoding="utf-8")
    return [(t.task, t.lead, t.support) for t in load(doc).tasks]


def test_a_heading_with_its_own_bracket_and_status_tail_keeps_a_clean_title_and_its_siblings_are_not_under_it():
    r = load(SAMPLES / "heading_bracket_status.txt")
    rows = [(t.goal, t.task, t.text, t.lead) for t in r.tasks]
    assert rows == [
        (None, "一", "新建城乡公厕20座。", ["县城管局", "各乡镇人民政府"]),  # its own units over items naming theirs
        ("新建城乡公厕20座。", "1", "新建城区公厕8座", ["县城管局"]),
        ("新建城乡公厕20座。", "2", "新建农村公厕12座", ["县农业农村局", "各乡镇人民政府"]),
        (None, "二", "改造老旧小区5个。", ["县住建局"]),  # no "(" left of the label's bracket
        (None, "三", "新增托育位300个。", ["县卫健局"]),
    ]


def test_paragraphs_closed_by_brackets_under_headings_skip_a_principles_section_and_keep_a_cut_last_one():
    r = load(SAMPLES / "paragraphs_after_principles.txt")
    assert r.document.layout == "numbered-list"
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("M1", "森林覆盖率保持在32.5%以上。", ["市林业局"]),
        ("M2", "单位生产总值能耗降低到省下达目标。", ["市发展改革委", "市工信局", "市统计局"]),
        ("M3", "主要污染物排放总量", []),
    ]
    messages = [(w.line, w.message) for w in r.warnings]
    assert (3, "2 paragraph(s) in sections naming no unit before the tasks read as the notice's") in messages
    assert (9, "the text ends inside a paragraph; its units were not printed") in messages


def test_sentences_run_together_each_with_its_bracket_one_pushed_to_the_next_line_and_one_cut():
    r = load(SAMPLES / "run_on_brackets.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("M1", "常住人口控制在600万人左右。", ["市卫健委", "市公安局"]),
        ("M2", "万元生产总值能耗降低15%。", ["市发展改革委"]),
        ("M3", "耕地保有量保持在国家确定的面积。", ["市自然资源局"]),  # its bracket opens the next line
        ("M4", "城市污水处理率达到95%以上。", ["市水务局"]),
        ("M5", "建成区绿化覆盖率达到40%以上。", ["市城管委"]),  # the page stops at "(市城管委、"
    ]


def test_leaders_assisting_the_heading_leader_and_a_list_closed_by_etc_and_one_more_collective():
    r = load(SAMPLES / "assisting_leaders.txt")
    first = r.tasks[0]
    assert first.leaders == ["王建华", "赵明", "钱立新"]  # (赵明秘书长、钱立新市长助理协助)
    assert (first.lead, first.support) == (["市审计局"], ["市政府办公室", "财政局", "税务局", "各县、区人民政府"])


def test_a_by_clause_with_an_adverb_before_its_verb_names_every_unit():
    assert by_clause("新建桥梁2座。由县民族局、交通部门共同组织实施。") == (
        "新建桥梁2座。",
        "县民族局、交通部门",
        "组织实施",
    )
    assert by_clause("由县水利局联合负责") is not None


def test_new_towns_and_science_cities_are_units_and_a_bare_name_shares_the_department_after_it():
    assert looks_like_unit("临平新城") and looks_like_unit("未来科技城(海创园)")
    assert not looks_like_unit("加快建设新城")
    assert keep_units(parse_names("县民族局、水利、电力部门")) == ["县民族局", "水利", "电力部门"]


def test_a_page_cut_inside_its_first_task_under_a_title_of_the_genre_still_gives_that_task():
    r = load(SAMPLES / "cut_after_first_task.txt")
    assert [(t.goal, t.task, t.lead) for t in r.tasks] == [("推动文化旅游融合发展", "1", [])]
    assert r.document.region is None  # 自治县人民政府 in the addressees names no region


def test_quarter_sub_columns_printed_after_the_header_are_read_past_where_their_column_is():
    r = load(SAMPLES / "quarter_columns.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["区发展改革委"], ["区商务委", "区财政局"]),
        ("2", ["区行政服务中心"], ["区司法局"]),
    ]
    assert r.tasks[0].text.startswith("稳增长：制定并部署稳增长举措实施方案")  # the name cell, then the content
    assert [t.goal for t in r.tasks] == ["经济发展", "经济发展"]  # the category row's, not row 1's name


def test_a_spun_role_verb_is_read_and_a_category_word_between_two_lists_is_no_unit(tmp_path):
    doc = tmp_path / "spun.txt"
    doc.write_text(
        "一、发挥重大项目牵引作用\n"
        "1.梳理筛选具备一定收益水平的项目。(省发展改革委牵头卖力)\n"
        "2.推行市场化运作。(省发展改革委、交通运输厅等省有关部门和各地级以上市人民政府按职责分工卖力)\n",
        encoding="utf-8",
    )
    r = load(doc)
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("1", ["省发展改革委"]),
        ("2", ["省发展改革委", "交通运输厅", "各地级以上市人民政府"]),
    ]
    assert any("reworded by a copying site" in w.message for w in r.warnings)


@pytest.mark.parametrize("joint", ["\n", " "], ids=["lines", "one-line"])
def test_a_standing_note_inside_a_bracket_is_no_unit_and_an_asterisk_marks_the_lead(tmp_path, joint):
    # On a page that lost its line breaks every task is on line 1: the note's own task is still task 1.
    lines = [
        "州政务服务中心关于印发2025年政务服务提升任务分解方案的通知 各县市人民政府,州直各部门:现将任务分解如下。",
        "一、提升政务服务",
        "1.提升政务中心建设。(责任单位:州政务服务中心,各县市人民政府、州直相关行业部门按职责分工负责,"
        "以下各任务均需各县市人民政府、州直相关行业部门落实,不再一一列出)",
        "2.提高窗口人员素质。(责任单位:州政务服务中心)",
        "3.提升数据共享能力。(责任单位:*州数据局、州财政局)",
    ]
    rows = _rows_of(tmp_path, joint.join(lines) + "\n")
    collectives = ["各县市人民政府", "州直相关行业部门"]
    assert rows == [
        ("1", ["州政务服务中心", *collectives], []),
        ("2", ["州政务服务中心", *collectives], []),
        ("3", ["州数据局", *collectives], ["州财政局"]),  # the note's role is the one its own task gives them
    ]


def test_a_labelled_list_of_verb_clauses_and_a_deadline_after_the_units_give_no_verb_or_date_as_a_name():
    from dutygraph.loaders.base import Context
    from dutygraph.loaders.cues import read_cues

    ctx = Context("x", [])
    roles = read_cues("责任单位:县扶贫办牵头,县教育局、县民政局等有关部门参加,各镇街落实", 1, ctx)
    assert (roles.lead, roles.support) == (["县扶贫办"], ["县教育局", "县民政局", "各镇街"])
    roles = read_cues("牵头单位:州审批局;责任单位:州司法局、各县市人民政府,6月底完成", 1, ctx)
    assert (roles.lead, roles.responsible) == (["州审批局"], ["州司法局", "各县市人民政府"])


def test_a_category_word_closing_a_list_is_no_unit_however_it_is_attached():
    assert parse_names("区经信局、区财政局等区政府有关部门,谯城经开区管委会") == [
        "区经信局",
        "区财政局",
        "谯城经开区管委会",
    ]
    assert parse_names("区发改委、区农业农村局、等区政府有关部门,区农投公司。") == [
        "区发改委",
        "区农业农村局",
        "区农投公司",
    ]
    assert parse_names("市财政局等有关部门") == ["市财政局"]


def test_a_places_party_committee_and_its_government_named_together_are_one_name():
    assert parse_names("各县(市、区)党委和人民政府,高新区党工委和管委会") == [
        "各县(市、区)党委和人民政府",
        "高新区党工委和管委会",
    ]
    assert parse_names("区财政局和区审计局") == ["区财政局", "区审计局"]


def test_a_by_line_of_comma_separated_lists_names_every_unit_and_a_convention_names_none(tmp_path):
    rows = _rows_of(
        tmp_path,
        "一、扩大有效投资\n"
        "1.抓好189个市级重点项目,完成投资650亿元。\n"
        "由市发展改革委,各县市区人民政府,市经济开发区管委会负责落实\n"
        "2.全面完成铁路复线电气化改造。\n"
        "由铁路公司、市发展改革委,川汇区、商水县、沈丘县人民政府负责落实\n"
        "3.促进多种所有制经济共同发展。(省国资委牵头。明确牵头部门的,有关部门配合,不逐一列出,下同)\n",
    )
    assert rows == [
        ("1", ["市发展改革委", "各县市区人民政府", "市经济开发区管委会"], []),
        ("2", ["铁路公司", "市发展改革委", "川汇区", "商水县", "沈丘县人民政府"], []),
        ("3", ["省国资委"], []),
    ]


def test_a_notice_of_one_task_in_labelled_sections_gives_that_task_and_its_units():
    r = load(SAMPLES / "sectioned_notice.txt")
    assert r.document.layout == "sectioned-notice"
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        (
            "27",
            "县城污水处理设施建设滞后,新改建污水处理设施未按期完成规划目标。",
            ["某某县住房和城乡建设局"],
            ["某某县财政局", "某某县自然资源局"],
        )
    ]  # the measures 1. 2. are part of it, not tasks


def test_a_labelled_line_after_a_run_of_sub_items_without_cues_belongs_to_the_item_above_them():
    r = load(SAMPLES / "subitems_then_label.txt")
    assert [(t.task, t.lead, t.deadline) for t in r.tasks] == [
        ("1", ["市科技馆"], "3天"),
        ("2", ["市卫生健康委员会"], "5天"),
    ]
    assert r.tasks[0].text.startswith("市科技馆：(1)院内电动车")  # the sub-items are its text


def test_a_districts_company_abbreviated_is_no_person():
    from dutygraph.loaders.persons import is_person

    assert not is_person("区城投") and not is_person("区水投")
    assert is_person("欧阳明") and is_person("王强")


def test_a_sentence_about_a_label_inside_a_bracket_is_no_label():
    from dutygraph.loaders.labels import colon_labels
    from dutygraph.loaders.text import Line

    line = Line(1, "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)")
    assert colon_labels([line])[0].text == line.text
    assert colon_labels([Line(1, "(牵头单位 区城管局)")])[0].text == "(牵头单位：区城管局)"


def test_a_sentence_naming_the_units_of_the_last_n_items_gives_them_to_those_items(tmp_path):
    rows = _rows_of(
        tmp_path,
        "(一)跨越式发展目标。包括5项。\n"
        "1.地区生产总值增长15%;\n"
        "2.第三产业增加值达到1000亿元;\n"
        "2项目标的责任单位均为市发展改革委。\n"
        "3.规模以上工业销售收入达到3000亿元;\n"
        "该目标责任单位为市经委。\n"
        "4.实际利用外商直接投资达到8亿美元;\n"
        "5.社会消费品零售总额增长16%;\n"
        "2项目标的责任单位均为市商务局。\n",
    )
    assert [(task, lead) for task, lead, _ in rows] == [
        ("1", ["市发展改革委"]),
        ("2", ["市发展改革委"]),
        ("3", ["市经委"]),
        ("4", ["市商务局"]),
        ("5", ["市商务局"]),
    ]


def test_a_leader_label_naming_only_a_post_names_no_one_and_a_transliterated_name_is_a_person():
    from dutygraph.loaders.base import Context
    from dutygraph.loaders.cues import read_cues

    ctx = Context("x", [])
    assert read_cues("牵头负责领导:市政府常务副市长 牵头责任单位:市发展改革委", 1, ctx).leaders == []
    assert read_cues("责任领导:努尔买买提·阿布来提", 1, ctx).leaders == ["努尔买买提·阿布来提"]


def test_headings_that_each_hold_one_paragraph_are_its_title_and_the_page_cut_in_the_last_is_one_more():
    r = load(SAMPLES / "titled_paragraphs.txt")
    assert [(t.task, t.text[:14], t.lead) for t in r.tasks] == [
        ("一", "新生儿免费参加城乡医保：全省", ["省医保局"]),  # the title and its paragraph, a colon between
        ("二", "乡镇(街道)“爱心托管站”：", ["团省委"]),
        ("三", "中小学智慧教育基础环境建设：", ["省教育厅"]),
        ("四", "村卫生室除颤仪配备为全省13", []),  # cut before a sentence's mark: run on as a broken line
    ]


def test_headings_that_each_hold_one_paragraph_keep_their_traditional_characters_as_printed(tmp_path):
    import opencc

    doc = tmp_path / "titled.txt"
    doc.write_text(opencc.OpenCC("s2t").convert((SAMPLES / "titled_paragraphs.txt").read_text("utf-8")), "utf-8")
    tasks = load(doc).tasks
    assert tasks[0].text.startswith("新生兒免費參加城鄉醫保：全省新生兒")  # title and paragraph, both as printed
    assert tasks[0].lead == ["省醫保局"]


def test_a_text_put_together_from_two_places_is_mapped_back_to_its_printed_characters_piece_by_piece():
    from dutygraph.loaders.normalize import Simplifier
    from dutygraph.loaders.text import Line

    simplifier = Simplifier.for_lines([Line(1, "項目名稱 | 建設內容 |" * 20), Line(2, "新建學校 | 擴建教學樓 |")])
    assert simplifier is not None
    assert simplifier.printed_form("新建学校：扩建教学楼") == "新建學校：擴建教學樓"


def test_verbs_that_say_a_unit_leads_the_work_overall_or_carries_it_out():
    from dutygraph.loaders.base import Context
    from dutygraph.loaders.cues import read_cues

    ctx = Context("x", [])
    assert read_cues("吕维峰副省长负责,省农委总牵头", 1, ctx).lead == ["省农委"]
    assert by_clause("投入57万元用于坛洛村产业配套设施建设,由坛洛镇牵头实施。") == (
        "投入57万元用于坛洛村产业配套设施建设",
        "坛洛镇",
        "牵头实施",
    )


def test_items_printing_brackets_of_units_after_their_sentences_and_no_role_word_list_every_bracket():
    # (低保户家庭有重症患者、…) explains a term: no units. The last item is cut after its first bracket.
    rows = [(t.task, t.lead) for t in load(SAMPLES / "bare_units_after_sentences.txt").tasks]
    assert rows == [
        ("一", ["市扶贫开发办", "市以工代赈办", "剑阁县政府", "市惠民帮扶中心"]),
        ("二", ["市教育局"]),
        ("三", ["市卫生局"]),
    ]


def test_a_heading_naming_its_own_units_over_items_naming_theirs_is_a_task_and_keeps_its_units():
    # 一 names its units and its items name theirs: all three are tasks (a heading whose items need its lead to
    # have one, 三、社会事业（牵头单位：X） over 1.…（配合单位：Y）, stays a heading: tests/loaders/test_variants.py).
    rows = [(t.task, t.lead, t.inherited) for t in load(SAMPLES / "heading_with_own_units.txt").tasks]
    assert rows == [
        ("一", ["市扶贫办", "市移民局", "各县区政府"], []),
        ("1", ["市扶贫办", "各县区"], []),
        ("2", ["市移民局", "西秀区", "普定县"], []),
        ("二", ["市水务局", "各县区政府"], []),
    ]


def test_a_duty_phrase_before_the_verb_or_the_cut_is_no_part_of_a_name():
    """(X、Y按职责牵头，Z配合): 按职责 says how they lead; (X、Y按职责分工 — cut before 负责 by the end
    of the page: 按职责分工 is no part of Y either."""
    r = load(SAMPLES / "cut_bracket_duty_phrase.txt")
    assert [(t.lead, t.support) for t in r.tasks] == [
        (["发展改革和统计局"], []),
        (["省政府办公厅", "商务厅"], ["省直有关部门"]),
        (["发展改革和统计局", "农业农村局"], []),
    ]


def test_a_bracket_cut_after_a_conjunction_keeps_the_last_name_whole():
    """〔X、Y按职责牵头，Z及 — the page ends after 及: Z supports, 及 is no part of its name."""
    r = load(SAMPLES / "cut_bracket_conjunction.txt")
    assert [(t.lead, t.support) for t in r.tasks] == [
        (["省委编办"], ["省直有关部门"]),
        (["省政府办公厅", "商务厅"], ["省直有关部门"]),
    ]


def test_a_by_line_the_page_cuts_before_its_verb_names_the_last_items_units():
    """由X、Y，Z — the last line of the page, cut before 负责落实: its units (places among them) are the last
    item's 责任单位, with a warning; the same line with its verb is read as before."""
    r = load(SAMPLES / "by_line_cut_before_verb.txt")
    assert [t.lead for t in r.tasks] == [
        ["市发展改革委", "各县市区人民政府"],
        ["市交通运输局", "市公路局", "西华县", "川汇区", "淮阳县人民政府"],
    ]
    assert any("before its verb" in w.message and w.line == 5 for w in r.warnings)


def test_a_page_whose_only_cue_is_a_by_line_cut_before_its_verb_is_a_numbered_list():
    """One item, then 由X、Y、Z cut by the end of the page: the layout is recognised by that line."""
    r = load(SAMPLES / "by_line_cut_only_item.txt")
    assert r.document.layout == "numbered-list"
    assert [(t.task, t.lead) for t in r.tasks] == [("1", ["市发改委", "商务局", "政府国"])]


def test_brackets_of_units_may_name_places_beside_offices_and_close_with_etc():
    # 宜昌市 is a unit beside 省发改委; 等 closes the list and is no part of 武汉城市圈9市.
    rows = [(t.task, t.lead) for t in load(SAMPLES / "bare_units_places_etc.txt").tasks]
    assert rows == [
        ("1", ["省发改委", "交通厅", "武汉城市圈9市", "建设厅", "宜昌市", "襄樊市"]),
        ("2", ["省经委", "发改委", "财政厅"]),
        ("3", ["省建设厅", "各市州"]),
    ]


def test_headings_run_into_their_first_item_are_read_apart_and_a_bracket_cut_inside_its_first_name_keeps_it():
    # 一、X(一)Y1.Z on one line: two headings and item 1. 各省辖市、县(市)政府 is one collective. The page
    # stops inside (由市商: the cut name is kept as printed, with a warning.
    r = load(SAMPLES / "heading_chain_one_line.txt")
    assert {t.goal for t in r.tasks} == {"着力提升地震监测预报水平"}
    assert [(t.task, t.area, t.text[:6].rstrip(","), t.lead) for t in r.tasks] == [
        ("1", "进一步增强地震监测能力", "坚持科学规划", ["省地震局", "各省辖市政府"]),
        ("2", "进一步增强地震监测能力", "到2015年", ["各省辖市、县(市)政府"]),
        ("3", "加强地震预测预报", "加强地震预测", ["省地震局"]),
        ("4", "加强地震预测预报", "利用外资增长", ["市商"]),
    ]
    assert any(w.line == 3 and "share one line; read apart" in w.message for w in r.warnings)
    assert any(w.line == 9 and "stops inside its unit bracket" in w.message for w in r.warnings)


def test_a_notice_whose_items_name_their_units_then_an_attached_table_reads_both():
    # 十、/十一、 each name their 责任单位 before 附件1; the table after it lists more tasks.
    r = load(SAMPLES / "notice_items_then_attached_table.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("十", ["区委宣传部", "区环保局", "各街道"]),
        ("十一", ["区水务局", "区建交委", "区绿化市容局"]),
        ("1", ["绿化市容局", "环保局"]),
        ("2", ["区水务局"]),
    ]
    assert any(w.line == 10 and "in the notice before its attachment" in w.message for w in r.warnings)
