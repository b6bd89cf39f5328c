"""Responsibility cues of the genre's long tail: each test pins one class of layout
(a sample in tests/samples/), not one document's strings."""

from __future__ import annotations

from dutygraph.loaders import load
from dutygraph.loaders.base import Context, label_field
from dutygraph.loaders.cues import closing_group, read_cues
from dutygraph.loaders.headings import heading_cues
from dutygraph.loaders.names import parse_names, split_run_together
from tests.conftest import SAMPLES


def _rows(name: str) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.task, t.lead, t.support, t.leaders) for t in load(SAMPLES / name).tasks]


def test_items_numbered_cn_paren_each_followed_by_a_responsible_line():
    r = load(SAMPLES / "cn_paren_items.txt")
    assert [(t.goal_no, t.task) for t in r.tasks] == [
        ("一", "（一）"),
        ("一", "（二）"),
        ("二", "（一）"),
        ("二", "（二）"),
    ]
    assert _rows("cn_paren_items.txt")[2] == ("（一）", ["县人社局", "县财政局"], [], [])  # "等" is not a name
    assert r.tasks[3].lead == ["县教育局"]  # a labelled line ending in 。


def test_section_heading_names_the_leader_and_lead_line_names_the_unit_for_every_task_under_it():
    r = load(SAMPLES / "section_leaders.txt")
    rows = [(t.task, t.lead, t.support, t.leaders, t.inherited) for t in r.tasks]
    assert rows == [
        ("1", ["县发改局"], ["县统计局"], ["张三"], ["leaders"]),
        ("2", ["县审计局"], [], ["张三"], ["leaders"]),
        ("1", ["县财政局"], ["县税务局"], ["李四", "王五"], ["leaders"]),  # 等按职责分工负责 supports
        ("2", ["县国资办"], [], ["李四", "王五"], ["leaders"]),  # 由X负责
        ("1", ["县交通局"], [], ["李四", "王五"], ["leaders", "lead"]),  # 县交通局牵头：
        ("2", ["县交通局"], [], ["李四", "王五"], ["leaders", "lead"]),
    ]
    assert r.tasks[2].goal == "常务副县长李四牵头重点工作"  # the leaders' label is not part of the title


def test_square_and_lenticular_brackets_and_labels_ending_in_etc():
    assert _rows("brackets.txt") == [
        ("1", ["县农业农村局"], ["各乡、镇人民政府"], []),
        ("2", ["县住建局"], ["县生态环境分局"], []),
        ("3", ["县农业农村局"], ["各乡、镇人民政府"], []),
    ]


def test_a_convention_note_in_a_unit_list_is_not_a_name_and_makes_the_first_listed_lead():
    assert _rows("convention_note.txt") == [
        ("1", ["区发改局"], ["区统计局"], []),
        ("2", ["区财政局"], ["区税务局"], []),
        ("3", ["区商务局"], ["区海关办"], []),
    ]


def test_a_page_on_one_line_is_broken_at_its_numbering_and_warned():
    r = load(SAMPLES / "one_line_page.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["市发展改革委"], ["财政局", "统计局"]),
        ("2", ["市发展改革委", "市住建局"], []),
        ("3", ["市人社局"], ["各县（市、区）人民政府"]),
    ]
    assert {t.line for t in r.tasks} == {1}
    assert any("whole page" in w.message for w in r.warnings)


def test_traditional_characters_are_read_and_names_kept_as_printed():
    r = load(SAMPLES / "traditional.txt")
    first = r.tasks[0]
    assert first.lead == ["市政府辦公室", "市行政審批制度改革工作領導小組辦公室"]
    assert first.support == ["市級各有關部門", "各縣市區政府"]
    assert first.text.startswith("全面實施行政許可事項清單管理")
    assert first.goal == "深化改革開放"
    assert r.tasks[1].lead == ["市政府辦公室"] and r.tasks[1].support == ["市財政局"]


def test_flat_table_with_only_a_responsible_column_and_deadlines():
    r = load(SAMPLES / "responsible_column.txt")
    assert r.document.layout == "flat-table"
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "全年实施重点项目120个，完成投资150亿元", ["县发展改革局", "县住建局"], []),
        ("2", "新建农村公路100公里", ["县交通运输局"], []),
        ("3", "建成城区污水处理厂", ["县住建局", "县生态环境分局"], []),
        ("4", "新增城镇就业3000人", ["县人社局"], []),
    ]
    names = {n for t in r.tasks for n in t.lead + t.support}
    assert not names & {"12月底前", "11月底前", "年底建成", "全年"}


def test_verbs_after_units():
    ctx = Context("x", [])
    r = read_cues("市政府办公室、市审改办牵头，市级各有关部门及各县市区政府按职责分工负责", 1, ctx)
    assert (r.lead, r.support) == (["市政府办公室", "市审改办"], ["市级各有关部门", "各县市区政府"])
    r = read_cues("区住建局负责", 1, ctx)
    assert (r.lead, r.support, r.responsible) == (
        [],
        [],
        ["区住建局"],
    )  # placed later: all lead unless the first listed leads
    r = read_cues("区发改局、区财政局分别负责", 1, ctx)
    assert (r.lead, r.responsible) == (["区发改局", "区财政局"], [])
    r = read_cues("区城管局牵头，区公安分局、各街道配合", 1, ctx)
    assert (r.lead, r.support) == (["区城管局"], ["区公安分局", "各街道"])


def test_heading_cues_by_post_and_label():
    ctx = Context("x", [])
    assert heading_cues("常务副县长李四牵头重点工作", 1, ctx).leaders == ["李四"]
    assert heading_cues("经济发展（牵头领导：王强、刘洋）", 1, ctx).leaders == ["王强", "刘洋"]
    assert heading_cues("县交通局牵头：", 1, ctx).lead == ["县交通局"]
    assert not heading_cues("推动经济高质量发展", 1, ctx)


def test_closing_group_needs_a_cue_inside():
    assert closing_group("建成公园（含口袋公园）") is None
    assert closing_group("建成公园。【牵头单位：区城管局】") == ("建成公园。", "牵头单位：区城管局")


def test_names_that_are_one_unit_stay_whole_and_run_together_ones_split():
    assert split_run_together("区财政局区审计局") == ["区财政局", "区审计局"]
    assert split_run_together("市自然资源和规划局某某分局") == ["市自然资源和规划局某某分局"]
    assert split_run_together("各镇街道办事处") == ["各镇街道办事处"]
    assert parse_names("各乡、镇人民政府等") == ["各乡、镇人民政府"]
    assert parse_names("区委宣传部和区文旅局") == ["区委宣传部", "区文旅局"]
    assert parse_names("区人力资源和社会保障局") == ["区人力资源和社会保障局"]
    assert parse_names("区发改局（排名第一的为牵头单位，下同）、区统计局") == ["区发改局", "区统计局"]


def test_pipe_table_whose_rows_lost_a_merged_category_cell():
    r = load(SAMPLES / "pipe_merged_category.md")
    assert [(t.task, t.goal, t.lead, t.support) for t in r.tasks] == [
        ("1", "经济发展", ["县城管局"], ["各乡镇"]),
        ("2", "经济发展", ["县住建局"], ["县财政局"]),
        ("3", "经济发展", ["县工信局"], ["县电信公司"]),
        ("4", "社会民生", ["县人社局"], ["各乡镇"]),
    ]


def test_pipe_table_whose_unit_header_spans_two_columns():
    assert _rows("pipe_wide_rows.md") == [
        ("1", ["县城管局", "各乡镇"], [], []),  # 责任单位 alone: every unit listed leads
        ("2", ["县住建局", "县财政局"], [], []),
    ]


def test_progress_column_mentioning_towns_gives_no_units():
    rows = _rows("pipe_progress.md")
    assert rows == [("1", ["县住建局"], ["城关镇", "县财政局"], []), ("2", ["县发改局"], ["县工信局"], [])]


def test_flattened_table_with_one_unit_per_block_and_sentences_that_end_like_names():
    r = load(SAMPLES / "units_per_block.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["县水务局", "县住建局", "县城投公司"], []),
        ("2", ["县住建局"], []),
        ("3", ["县残联"], []),  # 建成县残疾人综合服务中心。 is the task, not a unit
    ]
    assert r.tasks[2].text == "建成县残疾人综合服务中心。"


def test_progress_and_remark_columns_are_read_past():
    r = load(SAMPLES / "progress_column.txt")
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "新建公办幼儿园5所，新增学位1000个。", ["县教育局"], []),
        ("2", "建设四好农村路55公里。", ["县交通局"], []),
    ]


def test_a_cue_line_after_several_sub_items_holds_for_each_of_them():
    r = load(SAMPLES / "group_cue_after_subitems.txt")
    everyone = ["市直各有关单位", "各县（市、区）人民政府", "各开发区管委会"]
    assert [(t.task, t.area, t.lead) for t in r.tasks] == [
        ("（1）", "完善应急预案体系", everyone),
        ("（2）", "完善应急预案体系", everyone),
        ("（3）", "完善应急预案体系", everyone),
        ("（1）", "健全应急管理体制和运行机制", ["市应急办", "市编办"]),
    ]


def test_verb_cues_on_their_own_line_or_as_the_last_sentence():
    assert _rows("verb_cue_lines.txt") == [
        ("1", ["区城管局"], ["各街道"], []),
        ("2", ["区住建局"], ["区财政局", "各街道"], []),
        ("3", ["区城管局"], [], []),
    ]
    assert load(SAMPLES / "verb_cue_lines.txt").tasks[1].text == "完成老旧小区改造12个。"


def test_headings_that_carry_the_only_cues_stay_headings_over_their_items():
    r = load(SAMPLES / "heading_leaders_only.txt")
    assert [(t.goal, t.task, t.leaders) for t in r.tasks] == [
        ("推动经济高质量发展", "1", ["张三"]),
        ("推动经济高质量发展", "2", ["张三"]),
        ("保障改善民生", "1", ["李四", "王五"]),
        ("保障改善民生", "2", ["李四", "王五"]),
    ]


def test_pipe_table_printed_one_cell_per_line_with_star_marking_the_lead():
    r = load(SAMPLES / "pipe_lines_star.txt")
    assert [(t.task, t.lead, t.support, t.leaders, t.inherited) for t in r.tasks] == [
        ("1", ["区发改委"], ["统计局"], ["张明"], []),
        ("2", ["区财政局"], ["税务局"], ["张明"], ["leaders"]),  # no leader cell: merged with the row above
        ("3", ["区工信局"], ["统计局"], [], []),  # an empty leader cell: no leader
    ]
    assert any("★" in w.message for w in r.warnings)


def test_unnumbered_titles_followed_by_labelled_lines_on_a_page_without_line_breaks():
    r = load(SAMPLES / "unnumbered_labelled.txt")
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("M1", "粮食产量1260万吨以上", ["省农业农村厅"], ["各地", "各部门"]),
        ("M2", "推进战略性产业集群建设", ["省工业和信息化厅"], ["省发展改革委", "科技厅", "统计局"]),
        ("M3", "促进数字经济和实体经济深度融合", ["省工业和信息化厅"], ["省委网信办", "省发展改革委", "商务厅"]),
    ]


def test_a_text_cut_inside_the_unit_bracket_reads_what_was_printed():
    r = load(SAMPLES / "cut_bracket.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("一", ["省发展改革委", "省财政厅"], ["省直有关单位"]),
        ("二", ["省发展改革委"], ["省财政厅", "省税务局", "人民银行某省分行"]),
        ("三", ["省发展改革委", "省数据局(省营商局)"], []),  # "等牵" was cut from 等牵头
    ]
    assert any(w.line == 4 and "stops inside" in w.message for w in r.warnings)


def test_indicator_table_values_before_the_unit_column_are_not_names():
    r = load(SAMPLES / "indicator_table.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["区发改委"], []),
        ("2", ["区财政局"], []),
        ("3", ["区科委", "区金融办", "区商务委"], []),  # 责任部门 alone: every unit leads
    ]


def test_labels_by_meaning():
    from dutygraph.loaders.base import label_field

    assert [
        label_field(x)
        for x in (
            "分管省领导",
            "牵头负责领导",
            "牵头责任单位",
            "协同责任单位",
            "共同责任单位",
            "部门分工",
            "数据提供单位",
        )
    ] == [
        "leaders",
        "leaders",
        "lead",
        "support",
        "support",
        "cue",
        None,
    ]
    # 项目协办单位 and 项目牵头单位 as 项目责任单位 are; 推进单位, 实施主体, 责任乡镇 do the work
    assert [label_field(x) for x in ("项目协办单位", "项目牵头单位", "工作配合单位", "项目责任单位")] == [
        "support",
        "lead",
        "support",
        "responsible",
    ]
    # 推进单位, 实施主体, 责任乡镇 do the work; 配合乡镇 helps; 推进措施 is read past
    assert [label_field(x) for x in ("推进单位", "实施主体", "责任乡镇", "责任主体单位", "配合乡镇", "推进措施")] == [
        "responsible",
        "responsible",
        "responsible",
        "lead",
        "support",
        None,
    ]
    ctx = Context("x", [])
    r = read_cues("责任单位：区政府办公室、区财政局牵头，区文旅局、区商务局", 1, ctx)
    assert (r.lead, r.support, r.responsible) == (["区政府办公室", "区财政局"], ["区文旅局", "区商务局"], [])


def test_leaders_named_in_a_heading_with_other_verbs():
    ctx = Context("x", [])
    assert heading_cues("一、于会游市长主抓", 1, ctx).leaders == ["于会游"]
    assert heading_cues("县示范区管委会牵头工作(8项)", 1, ctx).lead == ["县示范区管委会"]


def test_items_at_two_levels_are_tasks_where_they_carry_cues_and_headings_where_tasks_are_under_them():
    r = load(SAMPLES / "mixed_levels.txt")
    assert [(t.goal_no, t.area, t.task, t.lead, t.support) for t in r.tasks] == [
        ("一", None, "(一)", ["省发改委"], []),
        ("一", None, "(二)", ["省财政厅"], ["省税务局"]),  # shared a line with (一)
        ("一", None, "(三)", ["省发改委", "农业农村厅", "统计局"], []),  # 分别负责: each leads
        ("二", "全力推进产业项目建设。", "1", ["省发改委"], ["省工信厅", "商务厅"]),
        ("二", "全力推进产业项目建设。", "2", ["省工信厅"], []),
        ("二", "全力推进产业项目建设。", "3", [], []),  # numbered like its cued siblings, its units cut off
    ]
    assert any(w.line == 3 and "share one line" in w.message for w in r.warnings)


def test_labels_on_the_item_line_separated_by_spaces_and_a_lead_marked_in_brackets():
    assert _rows("inline_labels_spaces.txt") == [
        ("1", ["县发改局"], ["县财政局", "县自然资源局"], ["王强"]),
        ("2", ["县发改局"], ["县市场监管局", "县行政审批局"], []),  # 县发改局（牵头）
        ("3", ["县农业农村局", "各乡镇"], [], []),
    ]


def test_flattened_table_with_a_leader_column_printed_once_for_two_rows():
    r = load(SAMPLES / "leader_column_merged.txt")
    assert [(t.task, t.leaders, t.inherited, t.lead, t.support) for t in r.tasks] == [
        ("1", ["王强"], [], ["县交通运输局"], ["各乡镇"]),
        ("2", ["王强"], ["leaders"], ["县住建局"], ["县财政局", "城关镇"]),
        ("3", ["李华"], [], ["县人社局"], ["各乡镇"]),
    ]


def test_the_notices_own_numbered_points_are_not_tasks():
    r = load(SAMPLES / "notice_points.txt")
    assert [(t.goal, t.task, t.lead, t.support) for t in r.tasks] == [
        ("教育惠民领域", "1", ["市教育局"], ["各县区"]),
        ("教育惠民领域", "2", ["市教育局"], ["各县区", "功能板块"]),
        ("健康惠民领域", "1", ["市卫健委"], ["各县区"]),
    ]
    assert any("notice" in w.message for w in r.warnings)


def test_brackets_of_unit_names_alone_on_most_items_are_the_responsible_units():
    r = load(SAMPLES / "bare_unit_brackets.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["市发展改革委", "各县〔市、区〕政府"], []),
        ("2", ["市科技局", "各县〔市、区〕政府"], []),
        ("3", ["市工业和信息化局"], []),
        ("4", ["市城管局"], []),
    ]
    assert r.tasks[3].text == "建成口袋公园10个（含街角游园）。"


def test_a_number_followed_by_a_year_opens_an_item():
    r = load(SAMPLES / "year_after_number.txt")
    assert [(t.task, t.text[:5], t.lead, t.support) for t in r.tasks] == [
        ("1", "按照统一规", ["市发改委"], ["市交通运输局", "市财政局"]),
        ("2", "加快国省道", ["市交通运输局"], ["市财政局"]),
        ("3", "2024年", ["市发改委"], ["市交通运输局"]),  # 3、2024年，… is an item, not a decimal
        ("4", "2025年", [], []),  # cut before its bracket
    ]


def test_a_flattened_table_of_one_row_reads_its_title_and_body_lines_as_the_task():
    r = load(SAMPLES / "one_row_table.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [("1", ["区发展改革委"]), ("2", ["区财政局"]), ("1", [])]
    last = r.tasks[-1]
    assert last.goal == "2024年区政府工作报告重点工作任务分解表"
    assert last.text.startswith("联动共建科技园区推动国家重点实验室落地")  # a title line, then its body


def test_a_title_the_text_ends_after_is_still_an_item():
    r = load(SAMPLES / "cut_title.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("M1", "粮食产量1260万吨以上", ["省农业农村厅"]),
        ("M2", "推进战略性产业集群建设", ["省工业和信息化厅"]),
        ("M3", "促进知识产权高", []),
    ]
    assert any(w.line == 2 and "ends after an item's title" in w.message for w in r.warnings)


def test_a_category_after_etc_closes_the_list():
    ctx = Context("x", [])
    r = read_cues("省商务厅牵头，省财政厅、河南银保监局等相关部门按职责分工负责", 1, ctx)
    assert (r.lead, r.support) == (["省商务厅"], ["省财政厅", "河南银保监局"])  # 等相关部门 names no more units
    # in a list too, the category word after 等 is no unit, also when 和 joins another unit
    assert parse_names("省人事厅、省农业厅等省直有关部门和各市人民政府") == [
        "省人事厅",
        "省农业厅",
        "各市人民政府",
    ]


def test_a_bracket_cut_after_its_role_verb_is_read_without_the_open_bracket():
    r = load(SAMPLES / "cut_verb_bracket.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "改造提升传统产业,实施一批工业重点项目。", ["市经信委"]),
        ("2", "推动园区优势互补和错位发展。", ["市经信委", "市发改委"]),  # not '(市经信委'
    ]
    assert any(w.line == 4 and "stops inside" in w.message for w in r.warnings)


def test_a_first_listed_convention_inside_a_unit_bracket_is_read_not_named():
    assert [(t.task, t.lead, t.support) for t in load(SAMPLES / "convention_in_bracket.txt").tasks] == [
        ("(一)", ["市发改委"], ["市农委", "中储粮某某直属库"]),  # after a full stop inside the bracket
        ("(二)", ["市农委"], ["市财政局"]),  # 下同: the later tasks follow it
        ("(一)", ["市税务局"], ["市财政局"]),  # after a labelled field
        ("(二)", ["市发展改革委"], ["市市场监管局"]),
    ]


def test_bare_unit_brackets_on_the_line_after_each_item_list_its_responsible_units():
    r = load(SAMPLES / "bare_bracket_next_line.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "地区生产总值增长6%;一般公共预算收入增长5%。", ["市发改委", "财政局", "市税务局"]),
        ("2", "万元地区生产总值能耗降低3%。", ["市工信局"]),
        ("3", "城镇登记失业率控制在3.5%以内。", ["市人社局", "各市(县)、区政府"]),  # one collective
    ]


def test_rows_flattened_with_spaces_end_in_their_unit_cell():
    r = load(SAMPLES / "spaced_unit_cell.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "地区生产总值增长6%以上.", ["发改委"]),
        ("2", "一般公共预算收入增长5%以上.", ["财政局"]),
        ("3", "全社会固定资产投资增长8%,其中工业投资增长10%.", ["发改委", "工信局"]),
    ]


def test_a_labelled_line_broken_inside_a_name_goes_on_on_the_next_line():
    assert [(t.task, t.lead, t.support) for t in load(SAMPLES / "label_broken_over_lines.txt").tasks] == [
        ("1", ["区委组织部"], ["区委编办", "区民政局", "园区党工委", "各街道党工委"]),
        ("2", ["区委组织部"], []),
    ]


def test_sections_whose_body_closes_with_its_units_are_the_tasks():
    assert [(t.task, t.text, t.lead, t.support) for t in load(SAMPLES / "sections_as_tasks.txt").tasks] == [
        (
            "一",
            "推进重大项目建设：建立健全领导联系重点项目制度,形成项目推进全程服务机制。",
            ["省发展改革委", "财政厅"],
            ["省工业和信息化委", "国土资源厅", "各州、市人民政府"],
        ),
        # one 负责 after the last list holds for every list; 等省级有关部门 is no unit
        (
            "二",
            "扩大有效消费：培育消费新热点,推动线上线下融合发展。",
            ["省商务厅", "省发展改革委", "各州、市人民政府"],
            [],
        ),
    ]


def test_a_key_task_mark_before_the_text_is_no_part_of_it():
    assert [(t.task, t.text, t.lead) for t in load(SAMPLES / "key_task_mark.txt").tasks] == [
        ("1", "地区生产总值增长6%。", ["区发改局"]),
        ("2", "规模以上工业增加值增长8%。", ["区经信局"]),
    ]


def test_a_category_row_names_the_leaders_of_the_rows_under_it():
    rows = [(t.task, t.text, t.goal, t.lead, t.leaders) for t in load(SAMPLES / "category_row_leaders.txt").tasks]
    assert rows == [
        ("1", "地区生产总值增长6%。", "主要经济社会发展指标等工作目标", ["区发改局"], ["张明", "李华"]),  # ★: a mark
        ("2", "一般公共预算收入增长5%。", "主要经济社会发展指标等工作目标", ["区财政局"], ["张明", "李华"]),
        ("3", "新建城市公园3个。", "城乡建设工作目标", ["区住建局"], ["陈东"]),
    ]


def test_a_body_that_opens_with_its_cues_names_the_leader_by_post_the_lead_and_the_support():
    rows = [(t.task, t.text, t.lead, t.support, t.leaders) for t in load(SAMPLES / "opening_cues.txt").tasks]
    assert rows == [
        (
            "1",
            "综合配套改革试验区事宜：尽快完成方案报批的前期准备工作，争取早日批复。",
            ["市发改委"],
            ["相关部门"],
            ["王建国"],
        ),
        ("2", "污水处理厂项目：按照要求完善项目申报的各项前期工作。", ["市建委"], ["市环保局", "市财政局"], ["李明"]),
        ("3", "城市轨道交通项目：进一步修改完善项目建设方案。", ["市建设局"], [], []),  # a post alone names no one
    ]


def test_a_numbered_title_over_its_work_paragraph_is_the_task_and_the_staff_are_no_leaders():
    rows = [(t.task, t.leaders) for t in load(SAMPLES / "title_then_body.txt").tasks]
    assert rows == [("（一）", ["张伟"]), ("1", ["刘洋"]), ("2", ["刘洋"])]  # 具体责任人 is read past


def test_a_flattened_table_with_a_category_column_merged_over_its_rows():
    r = load(SAMPLES / "category_column_flat.txt")
    assert [(t.goal, t.text.split("：")[0], t.lead, t.support) for t in r.tasks] == [
        ("打造区域教育高地", "新(改、扩)建一批中小学校", ["区教体局"], ["东孝街道", "区发改局"]),
        ("打造区域教育高地", "中小学校阳光厨房建设", ["区教体局"], []),
        ("健康服务工程", "新建村卫生室", ["区卫健局"], ["各乡镇(街道)"]),
        ("健康服务工程", "医疗卫生机构迁建", ["区卫健局"], ["区资规分局"]),
    ]


def test_a_cut_bracket_without_a_role_word_lists_responsible_units_and_places_share_their_government():
    r = load(SAMPLES / "cut_bracket_no_verb.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("一", ["省发展改革委", "省财政厅"], []),
        ("二", ["省交通运输厅", "哈尔滨", "黑河", "绥芬河市政府"], []),  # 哈尔滨、黑河、绥芬河市政府
        ("三", ["省委军民融合办", "省发展改革委", "省数据局(省营商局)"], []),
    ]
    assert any("stops inside its unit bracket" in w.message for w in r.warnings)


def test_a_page_cut_after_its_only_item_still_gives_that_item(tmp_path):
    path = tmp_path / "one_item.txt"
    path.write_text(
        "关于印发某某方案的通知\n一、加强督导。\n1. 深化改革实现重大突破。(牵头单位:市发展改革委、市", "utf-8"
    )
    assert [(t.task, t.lead) for t in load(path).tasks] == [("1", ["市发展改革委", "市"])]


def test_cells_closed_by_pipes_with_empty_cells_and_a_progress_table_header():
    r = load(SAMPLES / "pipe_closed_progress.txt")
    assert [(t.task, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", ["王明"], ["城管局"], ["市政局", "相关街道"]),  # 牵头 单位 is one header cell; 与协同单位 supports
        ("2", ["王明"], ["城管局"], ["环卫处", "各街道"]),  # a pipe alone closes a cell the text left open
        ("3", ["李华"], ["住建局"], ["相关街道"]),
    ]


def test_cells_closed_by_pipes_keep_their_numbered_progress_inside_and_pipes_before_the_title_are_no_cell():
    r = load(SAMPLES / "pipe_closed_numbered_progress.txt")
    assert [(t.task, t.goal, t.lead) for t in r.tasks] == [
        ("1", "优化基本公共服务", ["区教育局"]),  # 1. 2. 3. of its progress cell are no rows
        ("2", "优化基本公共服务", ["区教育局"]),
        ("3", "优化基本公共服务", ["区卫生健康委"]),  # cut inside its progress cell
    ]
    assert not any("whole page" in w.message for w in r.warnings)


def test_labelled_fields_on_one_line_stop_before_a_status_table_and_the_staff_are_read_past():
    r = load(SAMPLES / "labelled_fields_status_table.txt")
    assert [(t.task, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", ["林静国"], ["市轨道交通工程建设指挥部"], []),  # 项目责任人, 实际完成情况: read past
        ("2", ["王仁洲"], ["市交通委"], ["市公安局", "市城管局", "各区政府"]),  # not 鄞州, 海曙 … 合计
        ("3", ["王仁洲"], ["市交通委"], ["市发改委", "宁波电业局"]),
    ]
    assert any("after a labelled list of units" in w.message and w.line == 1 for w in r.warnings)


def test_paragraphs_under_a_section_each_closed_by_their_units_are_the_tasks_though_only_two():
    rows = [(t.goal, t.lead) for t in load(SAMPLES / "paragraphs_under_section.txt").tasks]
    assert rows == [
        ("努力扩大内需，促进经济平稳较快发展", ["财政厅"]),
        ("努力扩大内需，促进经济平稳较快发展", ["人民银行成都分行", "金融办"]),
    ]


def test_an_item_whose_last_paragraph_is_cut_inside_its_bracket_keeps_the_roles_printed():
    r = load(SAMPLES / "cut_in_last_paragraph.txt")
    assert [(t.task, t.lead, t.support, t.leaders) for t in r.tasks] == [
        ("（一）", ["省发展改革委"], ["省工业和信息化厅", "省"], [])  # posts name no leader; the cut name as printed
    ]
    assert any("stops inside its unit bracket" in w.message for w in r.warnings)


def test_a_paragraph_of_several_tasks_each_closed_by_its_own_bracket_is_split_into_them():
    r = load(SAMPLES / "several_tasks_in_one_paragraph.txt")
    assert [(t.task, t.text[:6], t.lead, t.support, t.leaders) for t in r.tasks] == [
        ("（一）", "增强创新驱动", ["省科技厅"], [], []),  # 其他有关部门配合 names no unit
        ("（一）2", "在高端装备、", ["省科技厅"], ["省发改委", "省财政厅"], []),  # 列第一位的为牵头部门
        ("（一）3", "建设一批众创", ["省科技厅"], [], []),
        ("（一）4", "推进省级财政", [], [], []),  # cut before its bracket
    ]


def test_a_pipe_table_whose_rows_run_together_on_one_line_is_read_row_by_row():
    r = load(SAMPLES / "pipe_rows_one_line.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("1", ["县卫生健康局"]),
        ("2", ["县卫生健康局", "县财政局"]),
        ("3", ["县教育局"]),
    ]
    assert any("rows run together" in w.message for w in r.warnings)


def test_a_first_row_whose_unit_cell_lists_work_units_is_no_second_header_row():
    rows = [(t.task, t.leaders, t.lead) for t in load(SAMPLES / "pipe_first_row_like_header.md").tasks]
    assert rows == [("1", ["叶林"], ["招商工作部", "安商工作部"]), ("2", ["马振明"], ["改革办"])]


def test_a_page_on_one_line_breaks_at_headings_and_brackets_when_its_spaces_are_the_lost_breaks():
    r = load(SAMPLES / "one_line_paragraphs.txt")
    assert [(t.lead, t.support, t.leaders) for t in r.tasks] == [
        (["财政厅"], [], []),
        (["人民银行成都分行"], [], []),
        (["市发改委"], ["相关部门"], ["王建国"]),
    ]
    assert any("line breaks lost" in w.message for w in r.warnings)


def test_pinyin_glosses_are_removed_and_a_spaced_table_may_end_in_a_progress_column():
    r = load(SAMPLES / "glossed_spaced_table.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("1", ["縣發改委"]),
        ("2", ["縣工信局"]),
        ("3", ["縣財政局", "縣稅務局"]),
    ]
    assert any("pinyin glosses" in w.message for w in r.warnings)


def test_a_support_label_with_a_prefix_and_names_a_stray_space_cut_in_two():
    rows = [(t.task, t.lead, t.support) for t in load(SAMPLES / "spaced_names_labels.txt").tasks]
    assert rows == [
        ("1", ["县卫健委"], ["各乡镇人民政府", "经济开发区管委会"]),  # 主要协作单位
        ("2", ["市城镇化服务中心"], ["市住建局", "资源规划局", "大数据局", "伏羲山管委会"]),
    ]


def test_header_cells_a_narrow_column_broke_over_two_lines_are_joined():
    rows = [(t.task, t.leaders, t.lead, t.support) for t in load(SAMPLES / "header_cells_broken.txt").tasks]
    assert rows == [
        ("1", ["李明华"], ["县住建局"], ["县发改局", "县财政局"]),
        ("2", ["王建军"], ["县交通运输局"], ["各乡镇人民政府"]),
    ]


def test_a_standing_note_gives_every_later_task_its_supporters_and_a_department_collective_stays_one():
    r = load(SAMPLES / "standing_support.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["市行政审批服务局"], ["市直有关部门、单位", "各县区政府", "开发区管委会"]),
        ("2", ["市大数据局"], ["各县区政府", "开发区管委会"]),
        ("3", ["市城市管理局"], ["市应急局", "各县区政府", "开发区管委会"]),
    ]
    assert any("from here on" in w.message and w.line == 5 for w in r.warnings)


def test_a_project_label_names_the_units_and_a_leader_post_in_brackets_is_left_out():
    rows = [(t.lead, t.leaders) for t in load(SAMPLES / "project_labels.txt").tasks]
    assert rows == [(["洛克乡", "水利局"], ["努尔买买提·阿布来提"]), (["宗朗乡", "水利局"], ["王建国"])]


def test_a_verb_clause_before_a_label_is_read_and_a_standing_note_keeps_the_role_it_was_given():
    r = load(SAMPLES / "standing_lead.txt")
    collectives = ["各县(市、区)人民政府", "各开发园区管委"]
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["市生态环境局", "发展改革委", "水利局", *collectives], []),
        ("2", ["市发展改革委", *collectives], []),
    ]
    assert any("read as leading the 2 task(s)" in w.message for w in r.warnings)


def test_a_labelled_bracket_followed_by_a_status_tail_ends_at_its_closing_bracket():
    rows = [(t.task, t.lead) for t in load(SAMPLES / "bracket_then_status.txt").tasks]
    assert rows == [("1", ["市水务局", "各县区政府〈管委会〉"]), ("2", ["市教育局", "各县区政府〈管委会〉"])]


def test_a_labelled_list_closed_by_its_verb_and_a_company_of_a_bureau_stay_names():
    rows = [(t.task, t.lead) for t in load(SAMPLES / "label_value_verb.txt").tasks]
    assert rows == [
        ("(一)", ["自治区发展改革委", "财政厅", "中国铁路呼和浩特局集团有限公司", "四市人民政府"]),
        ("(二)", ["自治区交通运输厅", "四市人民政府"]),
    ]


def test_a_spaced_row_whose_unit_cell_goes_on_one_unit_per_line_keeps_every_unit():
    rows = [(t.task, t.lead) for t in load(SAMPLES / "spaced_units_per_line.txt").tasks]
    assert rows == [("1", ["区发展改革委"]), ("2", ["区农业农村委", "区林业局", "区供销联社"]), ("3", ["区经济信息委"])]


def test_a_line_ending_in_a_unit_label_closes_the_item_so_the_closing_paragraph_is_not_its_unit():
    rows = [(t.task, t.lead) for t in load(SAMPLES / "inline_label_then_closing.txt").tasks]
    assert rows == [("1", ["王家乡人民政府"]), ("2", ["县农牧水利和科技局"])]


def test_the_verb_closing_a_labelled_list_is_no_part_of_its_last_name() -> None:
    ctx = Context("x", [])
    for verb in ("按职责分工分别负责。", "按职责分工负责", "根据职责分工共同负责", "分别负责"):
        r = read_cues("责任单位：县司法局、各有关部门，乡镇人民政府" + verb, 1, ctx)
        assert r.responsible == ["县司法局", "各有关部门", "乡镇人民政府"], verb


def test_a_one_line_pipe_table_numbered_in_brackets_keeps_its_section_rows():
    """(1) (2) … row numbers in brackets, section rows (一、… | |||) between the rows, and a last row
    cut inside its lead cell (市发): each row on a line of its own, under its section; the cut name
    is no unit, said in a warning."""
    r = load(SAMPLES / "pipe_rows_one_line_paren.txt")
    assert [(t.task, t.goal, t.lead, t.support) for t in r.tasks] == [
        ("(1)", "主要预期目标", ["市发展改革委"], ["各县市区政府"]),
        ("(2)", "主要预期目标", ["市发展改革委"], ["各县市区政府"]),
        ("(3)", "重点做好以下工作", ["市商务局"], ["市财政局"]),
        ("(4)", "重点做好以下工作", [], []),
    ]
    assert r.tasks[3].text == "扩大服务供给。"
    assert any("'市发' in a unit column names no unit" in w.message for w in r.warnings)


def test_a_standing_note_spelled_with_zhuyi_or_cut_by_the_page_end_is_no_unit():
    """以下均需各县市区落实,不再逐一列出 (and the same note cut after 不再逐 at the end of the page) is a
    standing note: 各县市区 supports every task from there on and the note is no unit's name."""
    r = load(SAMPLES / "standing_note_cut.txt")
    assert [t.support for t in r.tasks] == [
        ["市政府有关部门", "各县市区"],
        ["各县市区"],
        ["市政府有关部门", "各县市区"],
    ]
    assert not any("不再" in n or "以下" in n for t in r.tasks for n in t.lead + t.support)


def test_work_duties_label_states_the_roles_and_work_labels_end_a_value():
    """工作职责：X牵头，Y配合，责任人：Z — a label whose value says the roles itself; 工作任务： and
    工作要求： are fields read past, so they end the value before them (责任人：李明华 工作任务：…)."""
    r = load(SAMPLES / "work_duties_label.txt")
    assert [(t.task, t.lead, t.support, t.leaders) for t in r.tasks] == [
        ("(一)", ["市规划局"], ["各有关部门"], ["张建国"]),
        ("(二)", ["区建设局"], [], ["李明华"]),
    ]


def test_names_before_their_label_as_in_older_documents():
    """各区政府为责任单位，市城管办为协办单位 (and 市公路局为市内公路的责任单位, a scope between 为 and
    the label) name the units before the label; 以市场为单位 is no label."""
    r = load(SAMPLES / "inverted_labels.txt")
    assert [(t.lead, t.support) for t in r.tasks] == [
        (["各区政府"], ["市规划与国土资源局", "市城管办"]),
        (["市公路局"], ["各区政府"]),
        ([], []),
    ]


def test_clauses_that_each_say_who_answers_for_a_part_all_name_the_task_units():
    """A由X负责；B由Y负责；C由Z负责 after a task's sentence: X, Y and Z answer for it, and the task's text
    ends before the clauses; a single 由X负责 still leaves the text before it."""
    r = load(SAMPLES / "by_clauses.txt")
    assert [(t.text, t.lead) for t in r.tasks] == [
        ("每季度对公共场所的四害统一灭杀一次。", ["市城管办", "市建设局", "各区政府"]),
        ("每天整车清洗公交车辆", ["市交通局"]),
    ]


def test_a_labelled_leader_printed_with_a_post_after_a_space_and_a_second_on_the_next_line():
    """责任领导：胡选坤 市委副书记 / 马兴赞 市委常委、市政府常务副市长: each line names one leader, its post
    after a space; the post is no part of the name and names no one."""
    r = load(SAMPLES / "leader_name_then_post.txt")
    assert [(t.task, t.leaders, t.lead) for t in r.tasks] == [
        ("4", ["胡选坤", "马兴赞"], ["交通运输局", "财政局"]),
        ("5", ["欧光彩"], ["水务局"]),
    ]


def test_a_field_read_past_that_says_who_leads_among_the_responsible_units():
    """责任单位：X Y Z / 工作要求：由X牵头，…: X leads and the others listed support; a 工作要求 that
    names no lead leaves the 责任单位 all leading."""
    r = load(SAMPLES / "requirement_names_lead.txt")
    assert [(t.lead, t.support, t.leaders) for t in r.tasks] == [
        (["市发改委"], ["五县五区政府", "开发区管委会"], ["吉炳伟"]),
        (["市交通局"], [], []),
    ]


def test_units_named_after_hui_tong_work_with_the_lead_and_support_it():
    # 由X牵头,会同Y、Z等单位负责落实: 会同 (together with) is no part of Y's name; Y and Z support.
    r = read_cues("由省财政厅牵头,会同省民政厅、物价局等单位负责落实", 1, Context("x", []))
    assert (r.lead, r.support + r.responsible) == (["省财政厅"], ["省民政厅", "物价局"])


def test_a_labelled_list_whose_leads_are_marked_by_each_leading_reads_them_and_the_rest_support():
    # 分别牵头 (each leads its part) is no part of a name; the units after it, past a 、, support.
    r = read_cues("责任单位：经济投资局和航空口岸局分别牵头、区发改局", 1, Context("x", []))
    assert (r.lead, r.support) == (["经济投资局", "航空口岸局"], ["区发改局"])
    r = read_cues("责任单位：市人力社保局、市农业农村局分别牵头", 1, Context("x", []))
    assert (r.lead, r.support) == (["市人力社保局", "市农业农村局"], [])


def test_a_leaders_value_naming_them_in_brackets_after_a_phrase_reads_the_names():
    # 责任领导：按《市委工作要点》分工（A、B、C）: the bracket names the leaders, the phrase says how they share it.
    r = read_cues("责任领导:按《市委工作要点》分工(蒋永根、俞福才、金跃民);责任单位:总部办", 1, Context("x", []))
    assert (r.leaders, r.responsible) == (["蒋永根", "俞福才", "金跃民"], ["总部办"])


def test_a_label_of_units_and_their_persons_reads_the_person_run_into_each_unit_as_its_leader():
    # 责任单位和责任人：X厅某某: the unit is responsible, the person printed after it (no separator) answers for
    # it; both are read, with a warning naming the person.
    ctx = Context("x", [])
    r = read_cues("责任单位和责任人:省劳动和社会保障厅秦玉德", 1, ctx)
    assert (r.responsible, r.leaders) == (["省劳动和社会保障厅"], ["秦玉德"])
    assert any("秦玉德" in w.message for w in ctx.warnings)
    r = read_cues("责任单位及责任人：市教育局张三、市财政局李四", 1, Context("x", []))
    assert (r.responsible, r.leaders) == (["市教育局", "市财政局"], ["张三", "李四"])


def test_role_labels_qualified_by_a_level_or_a_group_keep_their_role():
    # 县级牵头单位 / 县级配合单位 columns (a county table that also lists town units), 督查组牵头单位.
    assert _rows("qualified_headers.txt") == [
        ("1", ["县住建局"], ["县财政局", "县自然资源局"], ["王强"]),
        ("2", ["县人社局"], ["县财政局"], ["李明"]),
    ]
    assert [label_field(t) for t in ("市级牵头单位", "县直责任单位", "督查组牵头单位", "配合股室", "县级")] == [
        "lead",
        "responsible",
        "lead",
        "support",
        None,
    ]
    r = read_cues("县级牵头单位：县住建局；县级配合单位：县财政局、县自然资源局。", 1, Context("x", []))
    assert (r.lead, r.support) == (["县住建局"], ["县财政局", "县自然资源局"])


def test_a_bracket_of_units_closed_by_fen_gong_fu_ze_reads_them_as_responsible():
    # (X牵头,Y、Z分工负责): 分工负责 (each does its share) closes the list; it is no part of Z's name.
    assert _rows("fen_gong_fu_ze.txt") == [
        ("1", ["市发改委"], ["各县区政府", "市政府有关工作部门"], []),
        ("2", ["汉滨区政府", "安康供电局", "地电安康分公司"], [], []),
    ]


def test_a_label_alone_on_its_line_takes_the_line_below_as_its_value():
    assert _rows("label_above_value.txt") == [
        ("一", ["市住房和城乡建设局", "市水务局", "相关区市县政府"], [], []),
        ("二", ["市住房和城乡建设局", "市民政局"], [], []),
    ]


def test_a_letter_spaced_person_label_names_the_leader_unless_a_leaders_label_names_them():
    # 责 任 人：X is the leader where it is the only person label; beside 责任领导：A it names the staff.
    assert _rows("spaced_leader_label.txt") == [
        ("一", ["某县商务和工业信息化局"], [], ["玉素甫·艾力"]),
        ("二", ["某县商务和工业信息化局"], [], ["玉素甫·艾力"]),
    ]
    assert _rows("spaced_person_labels.txt") == [
        ("1", ["县发改委", "各乡镇政府"], [], ["王强"]),
        ("2", ["县交通局"], [], ["李明"]),
    ]


def test_unnumbered_paragraphs_each_closed_by_a_labelled_sentence_are_the_tasks():
    # …全线通车。责任单位：市城建委。 — a news page's paragraphs, no numbers; the topic lines are no tasks.
    assert _rows("closing_label_paragraphs.txt") == [
        ("M1", ["市城建委"], [], []),
        ("M2", ["市轨道公司"], [], []),
        ("M3", ["市环保局"], ["市城管局"], []),
    ]


def test_a_paragraph_of_clauses_each_opening_with_its_cues_holds_one_task_a_clause():
    # 由X牵头，Y配合，在9月底前完成…；由Z牵头，…: each clause is a task, printed whole (its cues open it);
    # the clauses before and after that name no units are no tasks.
    r = load(SAMPLES / "cue_clauses_paragraph.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("M1", ["县发展和改革局"], ["县委党校", "县自然资源局"]),  # 县发展和改革局 is one name, not 县发展 和 改革局
        ("M2", ["县工业园区管委会"], ["县自然资源局", "某某街道"]),
        ("M3", ["某某街道"], ["县自然资源局"]),
    ]
    assert r.tasks[0].text.startswith("由县发展和改革局牵头,县委党校、县自然资源局配合,在9月底前完成")


def test_sentences_each_opening_with_a_lead_are_tasks_and_the_sites_numbered_terms_are_not():
    # X牵头，负责…。Y牵头，负责…。 in one paragraph; 某某网版权与免责声明 / 1、… 2、… is the site's, not a list.
    r = load(SAMPLES / "cue_sentences_and_disclaimer.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("M1", ["市安全监管局"]),
        ("M2", ["市公安局"]),
        ("M3", ["市住房和城乡建设局"]),
    ]


def test_a_page_on_one_line_leaves_out_the_sites_terms_after_its_disclaimer(tmp_path):
    # The same page with its line breaks lost: the disclaimer heading is glued to the credit line before it.
    text = (SAMPLES / "cue_sentences_and_disclaimer.txt").read_text(encoding="utf-8")
    page = tmp_path / "one_line.txt"
    page.write_text(" ".join(ln.strip() for ln in text.splitlines() if ln.strip()), encoding="utf-8")
    r = load(page)
    assert [(t.task, t.lead) for t in r.tasks] == [
        ("M1", ["市安全监管局"]),
        ("M2", ["市公安局"]),
        ("M3", ["市住房和城乡建设局"]),
    ]
    assert any("website around the document" in w.message for w in r.warnings)


def test_clauses_whose_work_is_named_after_a_by_modifier_are_tasks_without_it():
    # 由X负责的Y项目…；由Z负责的W项目…: X leads Y; the text starts at the work, the modifier is no part of it.
    r = load(SAMPLES / "by_modifier_clauses.txt")
    assert [(t.text[:8], t.lead) for t in r.tasks] == [
        ("中考信息化提升项", ["某县教育体育局"]),
        ("老年人健康提升项", ["某县卫生健康局"]),
        ("农村耕地恢复提升", ["金贵镇", "立岗镇"]),
    ]


def test_a_labelled_value_ends_where_a_field_of_another_name_begins_after_a_space():
    # 责任人：A(局长) 项目实施进度：…正在进行框架柱、梁模板安装: the progress field is no part of the leaders'.
    r = read_cues(
        "实施单位：某县商务局 责任人：玉素甫·艾力(局长) 项目实施进度：正在进行框架柱、梁模板安装", 1, Context("x", [])
    )
    assert (r.responsible, r.leaders) == (["某县商务局"], ["玉素甫·艾力"])


def test_paragraphs_naming_their_units_in_an_inner_clause_label_wei_units_are_tasks():
    # X的4件实事，主要责任单位为A、B，其中…: the units of the clause lead the paragraph's work; the text ends
    # before the clause.
    r = load(SAMPLES / "inner_label_paragraphs.txt")
    assert [(t.text, t.lead) for t in r.tasks] == [
        ("扩大就业、促进再就业的4件实事,", ["省劳动和社会保障厅"]),
        ("进一步完善社会保障制度方面的6件实事,", ["省劳动和社会保障厅", "省财政厅", "省保监局"]),
        ("抓好扶贫工作的5件实事,", ["省扶贫办", "省农业厅"]),
    ]


def test_an_item_closed_by_a_bare_unit_bracket_does_not_take_the_heading_after_it():
    # Every item ends in a bracket of bare unit names; 具体任务分解, the line after item 3, heads the next part
    # and is no text of item 3, whose bracket stays its units.
    r = load(SAMPLES / "bare_bracket_then_heading.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks][2:4] == [
        ("3", "城乡居民人均可支配收入与经济保持同步增长。", ["市发改委", "市委农办", "统计局"]),
        ("1", "以改革释放农村发展活力。", ["市委农办", "市国土资源局"]),
    ]


def test_units_closed_by_handling_verbs_on_the_line_after_each_item():
    # 政务公开 分工方案: the 责任单位和工作要求 cell says X办理 (X answers for it), X会同Y办理 (X leads, Y works
    # with it) or X牵头办理 followed by a requirement; 以及 before the last name is no part of it.
    r = load(SAMPLES / "handling_verbs.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["区发展改革局", "区自然资源分局", "各有关单位", "各街道"], []),
        ("2", ["区政府办"], ["各有关单位", "各街道"]),
        ("3", ["区发展改革局", "区市场监管局"], []),
    ]


def test_a_labelled_list_that_marks_only_its_support_keeps_the_labels_and_their_roles():
    # 责任单位：X，Y配合 after 责任领导：: the clause after the comma is the label's, not the item's closing verb
    r = load(SAMPLES / "label_value_support_verb.txt")
    assert [(t.task, t.text, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", "全年地区生产总值增长6%以上。", ["张三"], ["县发改局"], ["县统计局"]),
        ("2", "固定资产投资增长8%。", ["张三"], ["县发改局", "县住建局"], []),
        ("3", "新建农村公路50公里。", ["王五"], ["县交通运输局"], ["各乡镇"]),
    ]
    ctx = Context("x", [])
    r2 = read_cues("责任单位：县发改局，县统计局配合", 1, ctx)
    assert (r2.responsible, r2.support) == (["县发改局"], ["县统计局"])


def test_brackets_one_after_another_close_one_task_together():
    # 【牵头领导：A】【牵头单位：B】【配合单位：C】 (or （…）（…）): one task's roles, not a task per bracket
    r = load(SAMPLES / "adjacent_brackets.txt")
    assert [(t.task, t.text, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", "优化营商环境，新增经营主体8000户", ["陈杰"], ["区市场监管局"], ["区行政审批局", "区税务局"]),
        ("2", "推进城市更新，改造城中村3个", ["吴勇"], ["区住建局"], ["区自然资源分局", "相关街道"]),
        ("3", "提升教育质量，新建学校2所", ["周敏"], ["区教育局"], []),
        ("4", "优化营商环境，新增经营主体8000户", ["陈杰"], ["区市场监管局"], ["区行政审批局", "区税务局"]),
        ("5", "推进城市更新，改造城中村3个", ["吴勇"], ["区住建局"], []),
    ]


def test_verb_clauses_set_apart_by_semicolons_and_a_closing_deadline_are_the_items_roles():
    # 区发改局牵头；区住建局、区自然资源分局配合；2023年12月底前完成 / …配合，年内完成
    r = load(SAMPLES / "verb_clauses_then_deadline.txt")
    assert [(t.task, t.text, t.lead, t.support, t.deadline) for t in r.tasks] == [
        ("1", "推进重大项目建设。", ["区发改局"], ["区住建局", "区自然资源分局"], "2023年12月底前完成"),
        ("2", "加快老旧小区改造。", ["区住建局"], ["各街道"], "2023年10月底前完成"),
        ("3", "打造一刻钟便民生活圈。", ["区商务局"], ["区市场监管局"], "年内完成"),
    ]


def test_a_line_naming_a_leader_by_post_alone_leads_the_items_under_it_until_the_next():
    # 区长 王明： / 区委常委、常务副区长 李强： / 张华（副区长）： over the items each answers for
    assert [(t.task, t.leaders, t.lead) for t in load(SAMPLES / "leader_lines.txt").tasks] == [
        ("1", ["王明"], ["区发改局"]),
        ("2", ["王明"], ["区国资办"]),
        ("3", ["李强"], ["区财政局"]),
        ("4", ["李强"], ["区统计局"]),
        ("5", ["张华"], ["区教育局"]),
    ]


def test_a_lead_line_takes_over_from_the_one_before_and_ends_with_its_section():
    # 区发改局牵头： 1. 2. / 区财政局牵头： 3. 4.: the second line's units lead 3 and 4, not the first's
    assert _rows("lead_lines_in_turn.txt") == [
        ("1", ["区发改局"], [], []),
        ("2", ["区发改局"], [], []),
        ("3", ["区财政局"], [], []),
        ("4", ["区财政局"], [], []),
        ("5", ["区人社局"], [], []),
    ]


def test_specific_handling_label_names_the_unit_that_does_the_work():
    # 牵头领导：王明 / 具体负责：县交通运输局 / 配合单位：…
    assert _rows("specific_handling_label.txt") == [
        ("1", ["县交通运输局"], ["县财政局", "各乡镇人民政府"], ["王明"]),
        ("2", ["县教育局"], ["县发改局"], ["李强"]),
    ]


def test_a_line_opening_with_a_comma_or_closing_bracket_continues_the_line_before():
    # …市发改委 / 、市财政局配合。: no line of Chinese print opens with 、，；。 or ）, at any width
    r = load(SAMPLES / "broken_before_comma.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["市科技局"], ["市发改委", "市财政局"]),
        ("2", ["市文旅局"], ["市交通运输局", "市商务局"]),
    ]
    assert any("opening with" in w.message for w in r.warnings)


def test_a_space_inside_a_short_bracket_of_a_page_on_one_line_is_no_lost_break():
    # 1、加快…建设（责任领导：区委常委、常务副区长 李强） （1）…: the bracket holds, the leader is 李强
    r = load(SAMPLES / "one_line_spaced_bracket.txt")
    assert [(t.task, t.leaders, t.lead) for t in r.tasks] == [
        ("（1）", ["李强"], ["区科技局"]),
        ("（2）", ["李强"], ["区科技局"]),
        ("（1）", ["王明"], ["区人才办"]),
    ]


def test_points_numbered_one_is_two_is_are_tasks_where_they_carry_their_roles():
    # 一是推进…。分管领导：王明，责任部门：镇经发办。 / 二是…
    r = load(SAMPLES / "points_numbered.txt")
    assert [(t.task, t.leaders, t.lead) for t in r.tasks] == [
        ("一是", ["王明"], ["镇经发办"]),
        ("二是", ["李强"], ["镇农业站", "各村"]),
        ("三是", ["张华"], ["镇应急办"]),
    ]


def test_points_numbered_one_is_two_is_without_roles_stay_in_their_item(tmp_path):
    text = (
        "1.推进产业项目建设。\n一是引进项目5个。\n二是新建园区1个。\n2.抓好农业生产。\n一是稳定面积。\n二是提高单产。\n"
    )
    path = tmp_path / "points.txt"
    path.write_text(text, encoding="utf-8")
    assert [t.task for t in load(path).tasks] == ["1", "2"]


def test_a_leader_printed_post_first_in_a_verb_clause_is_the_tasks_leader():
    # （区委常委、副区长王明负责，区教育局牵头，…） / （副区长李强负责，…）: the post is no unit
    assert _rows("post_before_name_clause.txt") == [
        ("1", ["区教育局"], ["区住建局", "区财政局"], ["王明"]),
        ("2", ["区教育局"], [], ["李强"]),
        ("3", ["区卫健局"], ["各街道"], ["张华"]),
    ]


def test_items_numbered_project_one_take_their_title_and_the_field_under_it():
    # 项目一：新建口袋公园10个 / 建设内容：… / 责任领导：… : the title, then its field after a semicolon
    r = load(SAMPLES / "project_numbered.txt")
    assert [(t.task, t.text, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("项目一", "新建口袋公园10个；建设内容：在主城区新建口袋公园10个。", ["王明"], ["区城管局"], ["各街道"]),
        ("项目二", "实施老旧小区改造；建设内容：改造老旧小区20个。", ["李强"], ["区住建局"], []),
    ]


def test_an_item_opening_with_an_office_and_a_colon_is_led_by_that_office():
    # 1.区发改局：牵头推进…，区财政局、区自然资源分局配合。 (a place before a colon, 中心城区：, is no unit)
    assert _rows("unit_prefixed_items.txt") == [
        ("1", ["区发改局"], ["区财政局", "区自然资源分局"], []),
        ("2", ["区教育局"], ["区住建局"], []),
        ("3", ["区卫健委"], [], []),
    ]


def test_a_page_on_one_line_keeps_a_leaders_line_apart_from_the_title_before_it(tmp_path):
    # 2025年…分解表 区长 王明： 1.… 区委常委、常务副区长 李强： 3.…: the leader lines hold as on their own lines
    text = " ".join(ln for ln in (SAMPLES / "leader_lines.txt").read_text(encoding="utf-8").splitlines() if ln)
    path = tmp_path / "one_line.txt"
    path.write_text(text, encoding="utf-8")
    assert [t.leaders for t in load(path).tasks] == [["王明"], ["王明"], ["李强"], ["李强"], ["张华"]]


def test_points_and_projects_numbered_in_words_break_a_page_on_one_line(tmp_path):
    notice = (
        "各村（社区），各站所办：现将重点工作任务分解印发给你们，请结合实际认真抓好贯彻落实，确保各项任务按时完成。"
    )
    for name in ("points_numbered.txt", "project_numbered.txt"):
        lines = (SAMPLES / name).read_text(encoding="utf-8").splitlines()
        text = " ".join([lines[0], notice, *(ln for ln in lines[1:] if ln)])
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert [t.lead for t in load(path).tasks] == [t.lead for t in load(SAMPLES / name).tasks], name


def test_a_towns_station_labels_name_the_responsible_offices():
    # （责任站所：农业服务中心、自然资源所） under 一、农业农村工作（分管领导：王明）
    assert _rows("station_labels.txt") == [
        ("1", ["农业服务中心"], [], ["王明"]),
        ("2", ["农业服务中心", "自然资源所"], [], ["王明"]),
        ("3", ["村镇建设服务中心"], [], ["李强"]),
    ]


def test_a_sections_count_of_items_is_no_part_of_its_goal():
    # 一、经济发展（3项） / … / 二、社会民生（1项）; a page number (— 3 —) and the print line after the last item
    r = load(SAMPLES / "counted_sections.txt")
    assert [(t.task, t.goal) for t in r.tasks] == [
        ("1", "经济发展"),
        ("2", "经济发展"),
        ("3", "经济发展"),
        ("4", "社会民生"),
    ]
    assert r.tasks[3].support == ["各街道"]


def test_unnumbered_paragraphs_each_closed_by_its_bracket_of_labels_are_the_tasks():
    # 新建学校2所。（牵头单位：区教育局） between two paragraphs closed by two labels: none is lost
    assert _rows("unnumbered_closed_paragraphs.txt") == [
        ("M1", ["区发改局"], ["区财政局"], []),
        ("M2", ["区教育局"], [], []),
        ("M3", ["区人社局"], ["各街道"], []),
    ]


def test_numbering_styles_of_the_long_tail_number_the_tasks(tmp_path):
    # 一） (its opening bracket lost), 【1】, 〔1〕, Ⅰ、 beside 1. 1） （1） ① (not 1-1: a room B23-02 a wrapped line opens with)
    bodies = [
        "推进重大项目建设。（牵头单位：区发改局）",
        "新建学校2所。（牵头单位：区教育局）",
        "新增就业。（牵头单位：区人社局）",
    ]
    styles = {
        "一）": ["一）", "二）", "三）"],
        "【1】": ["【1】", "【2】", "【3】"],
        "〔1〕": ["〔1〕", "〔2〕", "〔3〕"],
        "Ⅰ、": ["Ⅰ、", "Ⅱ、", "Ⅲ、"],
    }
    for style, marks in styles.items():
        path = tmp_path / "numbered.txt"
        path.write_text(
            "重点工作任务分解\n" + "".join(m + b + "\n" for m, b in zip(marks, bodies, strict=True)), "utf-8"
        )
        tasks = load(path).tasks
        assert [t.lead for t in tasks] == [["区发改局"], ["区教育局"], ["区人社局"]], style
        assert not any(t.task.startswith("M") for t in tasks), style


def test_a_duty_note_in_brackets_after_a_unit_is_no_part_of_its_name():
    # 区城管局（按职责分工负责）; an office's other name in brackets (区政府办（区金融办）) stays
    rows = _rows("duty_note_brackets.txt")
    assert rows[2][2] == ["区交通运输局", "区城管局"]
    assert rows[0][1] == ["区政府办（区金融办）"] and rows[0][2] == ["人行XX支行", "各街道（乡镇）"]


def test_a_one_project_page_on_one_line_reads_its_closing_label_and_a_field_after_it(tmp_path):
    # …的饮水问题。 责任单位:市水务局 / …付费范围。 承办部门:市人社局 咨询电话:2126816, all on one line
    pages = {
        "water.txt": (
            "通过新建水厂、水厂改造等方式,积极推进集中供水工程建设,提高农村自来水普及率。 责任单位:市水务局",
            "市水务局",
        ),
        "care.txt": (
            "继续巩固和完善新型农村合作医疗制度,参合率不低于95%。 承办部门:市人社局 咨询电话:2126816",
            "市人社局",
        ),
    }
    for name, (text, unit) in pages.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert [t.lead for t in load(path).tasks] == [[unit]], name


def test_practical_matters_numbered_in_words_are_the_tasks_their_titles_the_texts():
    # 实事一：城乡居民增收工程 / 具体任务：… / 责任领导：… / 责任单位：…
    r = load(SAMPLES / "worded_practical_matters.txt")
    assert [(t.task, t.text[:8], t.leaders, t.lead) for t in r.tasks] == [
        ("实事一", "城乡居民增收工程", ["王明"], ["县人社局", "县农业农村局"]),
        ("实事二", "教育提质工程；具", ["李强"], ["县教育局"]),
    ]


def test_an_indented_line_under_a_spaced_row_goes_on_in_the_cells_it_stands_under():
    # 1     推进…全年完成投资    王明 … / (indent) 100亿元以上; 5000个 under the text, 区自然资源分局 under 配合单位
    r = load(SAMPLES / "spaced_cells_going_on.txt")
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "推进重大项目建设，全年完成投资100亿元以上", ["区发改局"], ["区财政局"]),
        ("2", "新建改扩建学校5所，新增学位5000个", ["区教育局"], ["区住建局", "区自然资源分局"]),
        ("3", "城镇新增就业1万人", ["区人社局"], ["各街道"]),
    ]
    assert not any("names no unit" in w.message for w in r.warnings)


def test_a_labelled_value_may_close_with_the_others_roles_and_a_leader_with_comrade():
    # 责任领导：王明同志 / 责任单位：区发改局（区财政局、区住建局配合）
    assert _rows("labelled_values_with_notes.txt") == [
        ("1", ["区发改局"], ["区财政局", "区住建局"], ["王明"]),
        ("2", ["区教育局"], ["区住建局"], ["李强"]),
        ("3", ["区人社局", "各街道"], [], ["张华"]),
    ]


def test_a_dash_after_a_label_sets_its_value_apart_as_a_colon_does():
    # 牵头单位—区发改局；配合单位—区财政局
    assert _rows("dashed_labels.txt") == [
        ("1", ["区发改局"], ["区财政局"], []),
        ("2", ["区教育局"], ["区住建局"], []),
        ("3", ["区人社局"], [], []),
    ]


def test_a_leaders_label_may_be_the_post_alone():
    # 牵头副县长：王明 / 主抓县长：李强 / 县长：张华
    assert _rows("leader_post_labels.txt") == [
        ("1", ["县发改局"], [], ["王明"]),
        ("2", ["县教育局"], [], ["李强"]),
        ("3", ["县人社局"], [], ["张华"]),
    ]


def test_a_section_title_over_one_paragraph_of_bracket_closed_targets_is_their_goal():
    # 一、主要预期目标 / 地区生产总值增长6%左右（市发改委牵头，…）；一般公共预算收入增长5%（市财政局牵头）；…
    r = load(SAMPLES / "section_of_bracketed_targets.txt")
    assert [(t.task, t.text, t.goal, t.lead) for t in r.tasks][:3] == [
        ("一", "地区生产总值增长6%左右", "主要预期目标", ["市发改委"]),
        ("一2", "一般公共预算收入增长5%", "主要预期目标", ["市财政局"]),
        ("一3", "城镇新增就业5万人", "主要预期目标", ["市人社局"]),
    ]
    assert [t.goal for t in r.tasks][3:] == ["重点工作任务", "重点工作任务"]


def test_the_notices_requirements_after_the_tasks_are_no_tasks():
    # 二、工作要求 / （一）加强组织领导。各牵头单位要… / （三）及时报送进展。各责任单位于每月25日前…: they name no one
    r = load(SAMPLES / "notice_requirements.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [("（一）", ["县发改局"]), ("（二）", ["县教育局"])]
    assert any("工作要求 read as the notice's requirements" in w.message for w in r.warnings)
    assert not any("has no lead unit" in w.message for w in r.warnings)


def test_roles_in_a_bracket_before_the_items_text_are_its_roles_and_the_text_follows():
    # 1.【牵头单位：县发改局；配合单位：县财政局】推进… / 1.（县发改局牵头，县财政局配合）推进…
    expected = [
        ("1", ["县发改局"], ["县财政局"], []),
        ("2", ["县教育局"], [], []),
        ("3", ["县人社局"], ["各乡镇"], []),
    ]
    for name in ("opening_label_brackets.txt", "opening_verb_brackets.txt"):
        assert _rows(name) == expected, name
        texts = [t.text for t in load(SAMPLES / name).tasks]
        assert texts == ["推进重大项目建设，全年完成投资100亿元。", "新建学校2所。", "新增城镇就业3000人。"], name


def test_a_task_that_prints_no_text_of_its_own_is_warned_about(tmp_path):
    path = tmp_path / "bare.txt"
    path.write_text(
        "重点工作任务分解\n1.（牵头单位：县发改局）\n2.新建学校2所。（牵头单位：县教育局）\n", encoding="utf-8"
    )
    r = load(path)
    assert [(t.task, t.lead) for t in r.tasks] == [("1", ["县发改局"]), ("2", ["县教育局"])]
    assert [w.line for w in r.warnings if "prints no text" in w.message] == [2]


def test_tables_under_headings_naming_their_leader_take_the_leader_and_a_wrapped_cell_its_end():
    # a PDF of borderless tables read as text: 一、县长王明牵头的工作 / 序号 重点任务 … / 1 地区生产总值增长 县发改局 … / 6%
    r = load(SAMPLES / "spaced_tables_under_leader_headings.txt")
    assert [(t.task, t.text, t.goal, t.leaders, t.lead) for t in r.tasks] == [
        ("1", "地区生产总值增长6%", "县长王明牵头的工作", ["王明"], ["县发改局"]),
        ("2", "新增城镇就业3000人", "副县长李强牵头的工作", ["李强"], ["县人社局"]),  # no count of items
        ("3", "新建学校2所", "副县长李强牵头的工作", ["李强"], ["县教育局"]),
    ]
    assert all(t.inherited == ["leaders"] for t in r.tasks)


def test_a_unit_that_coordinates_leads_and_the_units_after_it_support():
    # （市政府办公室统筹，各责任单位负责）, beside X、Y牵头，Z按职责分工负责 and X牵头，Y等配合
    rows = _rows("coordinating_verbs.txt")
    assert rows[3] == ("4", ["市政府办公室"], ["各责任单位"], [])
    assert rows[0] == ("1", ["市发展改革委", "市工业和信息化局"], ["市科技局", "市商务局"], [])


def test_a_line_of_unit_names_under_each_item_is_its_responsible_units_with_a_warning():
    # 1.规上工业增加值增长8% / 县工信局 / 2.… / 县发改局、县统计局: no label, no verb
    r = load(SAMPLES / "unit_lines_under_items.txt")
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "规上工业增加值增长8%", ["县工信局"]),
        ("2", "固定资产投资增长6%", ["县发改局", "县统计局"]),
        ("3", "新增城镇就业2000人", ["县人社局"]),
    ]
    assert any("a line of unit names under each item" in w.message for w in r.warnings)


def test_unnumbered_rows_with_figures_under_a_numbered_row_are_its_sub_rows():
    # A progress table flattened with spaces, its units under 备注: an unnumbered row with figures of its own is
    # a task under the row's merged 序号, and one that prints no unit has the units of the row above.
    r = load(SAMPLES / "indicator_sub_rows.txt")
    assert [(t.task, t.text.split()[0], t.lead) for t in r.tasks] == [
        ("1", "新增城镇就业", ["县人社局"]),
        ("2", "新改建农村公路", ["县交通运输局"]),
        ("M1", "新建农村公路桥梁", ["县交通运输局"]),
        ("3", "新建公办幼儿园", ["县教育局"]),
        ("M2", "新增公办学位", ["县教育局"]),
        ("4", "提高城乡低保标准", ["县民政局"]),
        ("M3", "提高特困人员供养标准", ["县民政局"]),
        ("5", "所有乡镇卫生院达到服务能力基本标准", []),  # 7 所有…: a word, not a count of schools
        ("M4", "新建村卫生室", ["县卫健局"]),
    ]
    assert r.tasks[2].inherited == ["lead"]
    assert sum("prints no unit; read the units of the row above" in w.message for w in r.warnings) == 3


def test_a_row_of_cells_that_ends_in_no_unit_has_no_unit_cell():
    from dutygraph.loaders.unit_cell import spaced_cell

    assert spaced_cell("提高城乡低保标准 元/月/人 不低于750元 750  达到目标") is None
    assert spaced_cell("新建公办幼儿园 所 3 2 66.7% 县教育局") == ("新建公办幼儿园 所 3 2 66.7%", "县教育局")


def test_a_pipe_table_without_borders_keeps_the_empty_cells_its_pipes_open_and_close():
    # 序号 | 工作任务 | 责任单位 | | 完成时限 / | | 牵头单位 | 配合单位 |: the second header row opens with the empty
    # cells under 序号 and 工作任务, so its role names stand under 责任单位's two columns.
    assert _rows("pipe_table_unbordered_two_row_header.txt") == [
        ("1", ["镇农业农村办"], ["各村民委员会"], []),
        ("2", ["镇民政办"], ["镇财政所", "各村"], []),
        ("3", ["镇水利站"], ["镇农业农村办"], []),
    ]


def test_a_flattened_table_prints_targets_under_a_rows_merged_number_as_sub_rows():
    # One cell a block: after a row has filled the header's columns, a text cell is the next target under the
    # same merged 序号 and 项目, its cells read from the unit columns on; one whose unit cells were merged takes
    # the units of the row above (warned).
    r = load(SAMPLES / "flat_sub_rows_under_merged_number.txt")
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "教育提升：新建公办幼儿园2所", ["区教育局"], ["区住建局"]),
        ("M1", "新增公办学位600个", ["区教育局"], ["区住建局"]),
        ("M2", "新增义务教育学位1200个", ["区教育局"], ["区财政局"]),
        ("2", "养老服务：新建社区养老服务站8个", ["区民政局"], ["各街道办事处"]),
        ("M3", "开展老年人助餐服务10万人次", ["区民政局"], ["各街道办事处"]),
        ("3", "城市更新：改造老旧小区12个", ["区住建局"], ["各街道办事处"]),
        ("M4", "新增停车位800个", ["区城管局"], ["区交通运输局"]),
        ("4", "农村公路：新改建农村公路40公里", ["区交通运输局"], ["区农业农村局"]),
    ]
    assert r.tasks[1].inherited == ["lead", "support"] and r.tasks[2].inherited == []
    assert sum("a sub-row of row 1 prints no unit" in w.message for w in r.warnings) == 1


def test_a_unit_name_the_texts_end_cuts_after_a_unit_cell_is_one_more_name_of_that_column():
    # A table whose header ends in its unit columns, cut inside the last row's second support name.
    r = load(SAMPLES / "flat_cut_in_last_unit.txt")
    assert r.tasks[-1].support == ["区农业农村局", "区财政"]
    assert any("'区财政' kept as printed" in w.message for w in r.warnings)


def test_a_pipe_table_the_page_cuts_after_its_first_row_is_read_under_its_header():
    # Two lines of pipes only, a header naming its columns then one whole row and one cut inside its cells.
    r = load(SAMPLES / "pipe_table_cut_after_first_row.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [("1", ["县交通运输局"]), ("2", [])]


def test_a_field_run_into_a_unit_label_ends_its_value():
    # 责任单位：城关镇任务目标：… (the line break between two labels lost): 任务目标 is the next field, no name.
    assert _rows("labels_run_together.txt") == [
        ("一", ["县城管局"], ["县水务公司", "属地乡镇"], ["王志强"]),
        ("二", ["县住建局"], ["城关镇"], ["王志强"]),
        ("三", ["县发改委"], ["县城投集团"], ["李红"]),
    ]


def test_a_page_on_one_line_breaks_before_row_numbers_set_apart_by_spaces_in_turn():
    # 序号 … 备 注 1 新增城镇就业 人 3000 … 县人社局 2 新改建…: the rows' numbers 1, 2, 3 … in turn, never a figure
    # (3000 2650, 3 2 66.7%) that is not the next number.
    r = load(SAMPLES / "one_line_indicator_rows.txt")
    assert [(t.task, t.text.split()[0], t.lead) for t in r.tasks] == [
        ("1", "新增城镇就业", ["县人社局"]),
        ("2", "新改建农村公路", ["县交通运输局"]),
        ("3", "新建公办幼儿园", ["县教育局"]),
        ("4", "提高城乡低保标准", ["县民政局"]),
        ("5", "新建村卫生室", ["县卫健局"]),
    ]


def test_a_pipe_row_that_lost_the_task_name_merged_after_its_number_puts_its_cells_back_under_their_columns():
    # 序号 | 工作任务 | 细化分工 | 责任科室 | … over 2 | 做好… | 规划科 | 2024年6月前 |: the row's 工作任务 is merged
    # with the row above, so its own text stands under 细化分工 and its unit under 责任科室.
    r = load(SAMPLES / "pipe_rows_task_name_merged.txt")
    assert [(t.task, t.text[:8], t.lead, t.deadline) for t in r.tasks] == [
        ("1", "做好重点领域信息", ["财务科"], "长期推进"),
        ("2", "做好重大建设项目", ["规划科"], "2024年6月前"),
        ("3", "推进政策文件集中", ["办公室"], "长期推进"),
        ("4", "优化政务公开平台", ["信息中心"], "2024年9月前"),
        ("5", "完善政务公开目录", ["法规科"], "长期推进"),
    ]


def test_cells_closed_by_pipes_number_their_rows_in_turn_beside_points_that_open_at_one():
    # Each cell closed by its pipe, pipes alone between rows (|| / |||||); the rows 1. 2. 3. in turn, each
    # 具体要求 cell with points of its own (1.… 2.…), which are its text, not rows.
    r = load(SAMPLES / "closed_cells_with_numbered_points.txt")
    assert [(t.task, t.text[:4], t.lead, t.deadline) for t in r.tasks] == [
        ("1", "政策解读", ["县政府各部门"], "11月底前完成"),
        ("2", "政务公开", ["县政务服务中心", "各乡镇人民政府"], "12月底前完成"),
        ("3", "依申请公", ["县司法局"], "12月底前完成"),
    ]
    assert "开展政策问答" in r.tasks[0].text


def test_a_stated_convention_that_the_units_before_a_comma_lead_holds_for_every_list():
    # 逗号前为牵头单位，…，下同: in every 责任单位 list the units before its first comma lead, those after support.
    assert _rows("comma_groups_lead.txt") == [
        ("（一）", ["市发展改革委", "市商务局"], ["各区县政府", "高新区管委会"], []),
        ("（二）", ["市人力资源社会保障局"], ["各区县政府"], []),
        ("（三）", ["市政务服务管理局"], [], []),
    ]


def test_a_bracket_the_text_cuts_inside_its_verb_keeps_the_names_before_it():
    # （X、Y等相关部门负责落 — the page stops inside 负责落实: the verb's start is no part of the last name.
    assert _rows("cut_inside_verb.txt")[1] == ("（二）", ["区教委", "区卫生健康委"], [], [])


def test_a_remarks_column_that_names_only_units_is_a_responsible_column():
    # 备注 under which every filled cell names units: the units share the work (all lead, no 牵头 column).
    r = load(SAMPLES / "remark_column_units.txt")
    assert [t.lead for t in r.tasks] == [["办公室", "各镇街", "县直各单位"], ["人事科", "各镇街"], ["督查科"]]
    assert any("备注 column that names only units" in w.message for w in r.warnings)
    html = load(SAMPLES / "remark_column_units.html")  # a real table reads it the same
    assert [t.lead for t in html.tasks] == [t.lead for t in r.tasks]
    assert any("备注 column that names only units" in w.message for w in html.warnings)
    # notes in the column (长期坚持, 按季度报送): read past, as before
    assert [t.lead for t in load(SAMPLES / "remark_column_notes.txt").tasks] == [["办公室"], ["人事科"], ["督查科"]]


def test_a_labelled_list_that_says_who_works_with_whom_gives_the_lead_and_its_support():
    # 责任单位：X会同Y (no verb after it), as (X会同Y负责) and 由X会同Y负责 read.
    assert [r[1:3] for r in _rows("joint_in_labels.txt")] == [
        (["市发展改革委"], ["市财政局", "市自然资源局"]),
        (["市营商环境建设局"], ["市市场监管局"]),
        (["市自然资源局"], ["市农业农村局"]),
    ]
