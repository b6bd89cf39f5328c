"""The genre's variants of one thing: labels spelled, bracketed and punctuated many ways,
numbering styles, column orders and separators. Each sample in tests/samples/ varies a
real document's shape; each test pins one class of variant."""

from __future__ import annotations

import pytest

from dutygraph.loaders import load
from dutygraph.loaders.base import label_field
from dutygraph.loaders.delimited_header import header_role as delimited_role
from dutygraph.loaders.grid_header import header_role as grid_role
from dutygraph.loaders.labels import colon_labels
from dutygraph.loaders.numbering import numbering
from dutygraph.loaders.text import Line
from tests.conftest import SAMPLES

VOCABULARY = {
    "lead": ["牵头单位", "牵头部门", "主责单位", "主办单位", "主要责任单位", "牵头责任单位", "牵头处室", "主管部门"],
    "responsible": ["责任单位", "责任部门", "实施单位", "承办单位", "落实单位", "具体责任单位"],
    "support": ["配合单位", "配合部门", "协办单位", "协同单位", "参与单位", "协助单位", "其他责任单位", "责任配合单位"],
    "leaders": [
        "分管领导",
        "责任领导",
        "牵头领导",
        "包保领导",
        "联系领导",
        "市级领导",
        "县级领导",
        "责任人",
        "分管副县长",
        "县政府分管领导",
    ],
    "deadline": ["完成时限", "完成时间", "时间节点", "进度安排", "完成节点", "时间安排", "完成期限"],
}


@pytest.mark.parametrize(("role", "label"), [(r, x) for r, labels in VOCABULARY.items() for x in labels])
def test_every_spelling_of_a_field_means_the_same_as_a_label_and_as_a_column(role, label):
    assert label_field(label) == role
    assert delimited_role(label) == role
    assert grid_role(label) == role


def _rows(name: str) -> list[tuple[str | None, str, list[str], list[str], list[str]]]:
    return [(t.goal_no, t.task, t.lead, t.support, t.leaders) for t in load(SAMPLES / name).tasks]


def test_labels_in_brackets_after_a_space_or_with_no_punctuation_are_labels():
    assert _rows("label_forms.txt") == [
        ("一", "1", ["县发改局"], ["县财政局", "县自然资源局"], []),  # 【牵头单位】X【配合单位】Y
        ("一", "2", ["县工信局"], ["县统计局"], []),  # [牵头单位]X
        ("一", "3", ["县商务局"], ["县市场监管局", "县统计局"], []),  # 牵头单位 X；… full-width space between names
        ("二", "1", ["县人社局"], ["各乡镇", "各街道"], []),  # 牵头单位X，配合单位Y
        ("二", "2", ["县教育局"], ["县财政局"], []),  # X为牵头单位，Y为配合单位
        ("二", "3", ["县住建局"], [], ["王强"]),  # （责任领导）王强（牵头单位）X
        ("二", "4", [], [], []),  # 牵头单位要加强协调: prose, not a label
    ]


def test_a_label_is_rewritten_only_before_its_value():
    def fix(text: str) -> str:
        return colon_labels([Line(1, text)])[0].text

    assert fix("序号 工作任务 牵头单位 配合单位") == "序号 工作任务 牵头单位 配合单位"  # a header row
    assert fix("区发改局（牵头单位）、区统计局") == "区发改局（牵头单位）、区统计局"  # marks the lead
    assert fix("(牵头部") == "(牵头部"  # cut by the end of the text
    assert fix("完成时限 12月底前") == "完成时限：12月底前"
    assert fix("责任人 王强") == "责任人：王强"


def test_the_genres_other_labels_for_lead_support_leaders_and_deadline():
    r = load(SAMPLES / "label_vocabulary.txt")
    assert [(t.task, t.lead, t.support, t.leaders, t.deadline) for t in r.tasks] == [
        ("（一）", ["市发改委"], ["市财政局"], [], "12月底前"),  # 主管部门, 协助单位, 完成节点
        ("（二）", ["市工信局", "市商务局"], [], [], None),  # 承办单位 alone: each leads
        ("（三）", ["市农业农村局"], ["各县区"], ["李明"], None),  # 包保领导, 主要/其他责任单位
        ("（四）", ["市住建局"], ["市城管局"], ["王强"], None),  # 分管副市长, 牵头处室, 责任配合单位
        ("（五）", ["市统计局"], [], ["刘洋"], "6月底前完成方案，12月底前全面完成"),  # 进度安排 is no unit
    ]


@pytest.mark.parametrize(
    ("line", "style", "number"),
    [
        ("第一条 全年实施重点项目", "article", "第一条"),
        ("第二章 民生保障", "chapter", "第二章"),
        ("⑶新建幼儿园3所", "paren", "⑶"),
        ("1.2 新建城市绿道", "decimal", "1.2"),
        ("3 建成高标准农田", "spaced", "3"),
        ("3、2024年，铁路建成通车", "dot", "3、"),
        ("（二）加快工业转型", "cn-paren", "（二）"),
        ("1.1推进产业转型升级", "decimal", "1.1"),
        ("任务一：推动制造业高质量发展", "worded", "任务一："),
        ("第3项 扩大有效投资", "worded", "第3项"),
    ],
)
def test_numbering_styles(line, style, number):
    found = numbering(line)
    assert found is not None and found[:2] == (style, number)


@pytest.mark.parametrize(
    "line", ["3 个项目已开工", "3.5亿元", "2024 年", "12月底前", "1.5万人次", "项目一期工程", "第一项工作是"]
)
def test_quantities_are_not_numbers(line):
    assert numbering(line) is None


def test_numbering_by_parenthesised_digits_decimals_and_a_number_and_a_space():
    assert _rows("numbering_forms.txt") == [
        ("一", "⑴", ["县教育局"], [], []),
        ("一", "⑵", ["县民政局"], ["各乡镇"], []),
        ("二", "1.1", ["县住建局"], [], []),
        ("二", "1.2", ["县城管局"], [], []),
        ("三", "1", ["县农业农村局"], [], []),
        ("三", "2", ["县交通运输局"], [], []),
    ]


def test_articles_under_chapters():
    r = load(SAMPLES / "articles.txt")
    assert [(t.goal, t.task, t.lead) for t in r.tasks] == [
        ("经济发展", "第一条", ["县发改局"]),
        ("经济发展", "第二条", ["县工信局"]),
        ("民生保障", "第三条", ["县人社局"]),
    ]


def test_a_flattened_table_with_its_unit_column_before_the_task_and_the_leader_last():
    r = load(SAMPLES / "units_before_task.txt")
    assert [(t.task, t.text, t.lead, t.support, t.leaders) for t in r.tasks] == [
        ("1", "新建社区卫生服务中心", ["县城管局"], ["各乡镇", "县财政局"], ["王强"]),  # a text that ends like a unit
        ("2", "新增城镇就业3000人", ["县人社局"], ["各乡镇"], ["李明"]),
        ("3", "建成学校2所，新增学位1500个", ["县教育局"], ["县财政局", "县住建局"], ["刘洋"]),
    ]


def test_a_flattened_table_without_numbers_whose_rows_are_short_texts():
    r = load(SAMPLES / "unnumbered_short_rows.txt")
    assert [(t.task, t.text, t.lead, t.support, t.deadline) for t in r.tasks] == [
        ("M1", "新建公园5个", ["县城管局"], ["各乡镇", "县财政局"], "12月底前"),
        ("M2", "新增城镇就业3000人", ["县人社局"], ["各乡镇"], "年底"),
        ("M3", "建成学校2所", ["县教育局"], ["县财政局", "县住建局"], "9月底前"),  # 2所 is no office
    ]


def test_a_table_whose_cells_are_set_apart_by_spaces():
    r = load(SAMPLES / "spaced_columns.txt")
    assert [(t.task, t.lead, t.support, t.leaders) for t in r.tasks] == [
        ("1", ["县城管局"], ["各乡镇", "县财政局"], ["王强"]),
        ("2", ["县人社局"], ["各乡镇"], ["李明"]),
        ("3", ["县教育局"], ["县财政局", "县住建局"], ["刘洋"]),
    ]
    assert any("set apart by spaces" in w.message for w in r.warnings)


def test_role_verbs_joined_by_a_stop_a_space_or_marked_by_a_star():
    r = load(SAMPLES / "verb_variants.txt")
    assert [(t.goal_no, t.task, t.lead, t.support) for t in r.tasks] == [
        ("一", "1", ["县发改局"], ["县财政局"]),  # X牵头、Y配合
        ("一", "2", ["县工信局"], ["县商务局"]),  # X牵头 Y配合
        ("一", "3", ["县财政局"], ["县发改局", "各乡镇（街道）"]),  # 负总责; 各乡镇（街道） one collective
        ("一", "4", ["县发改局"], ["县自然资源局", "各乡镇、街道"]),  # 主抓, 协同, 参与
        ("二", "1", ["县人社局"], ["县财政局"]),  # the lead listed among 责任单位 too: the lead only
        ("二", "2", ["县教育局"], ["县财政局", "县住建局"]),  # X★ leads
        ("二", "3", ["县住建局"], ["县直各有关单位"]),
    ]
    assert any(w.line == 8 and "as lead and as support" in w.message for w in r.warnings)


def test_headings_that_name_leaders_or_the_lead_unit_in_other_words():
    r = load(SAMPLES / "heading_variants.txt")
    assert [(t.goal_no, t.task, t.leaders, t.lead, t.support, t.inherited) for t in r.tasks] == [
        ("一", "1", ["王强"], ["县发改局"], [], ["leaders"]),  # 王强同志牵头：
        ("一", "2", ["王强"], ["县工信局"], [], ["leaders"]),
        ("二", "1", ["李明"], ["县人社局"], [], ["leaders"]),  # 副县长李明分管的工作（3项）
        ("二", "2", ["李明"], ["县教育局"], [], ["leaders"]),
        ("三", "1", ["刘洋"], ["县卫健局"], ["县财政局"], ["leaders", "lead"]),  # labels in the heading
        ("三", "2", ["刘洋"], ["县民政局"], [], ["leaders"]),  # the task's own lead wins
        ("四", "1", ["赵刚"], ["县住建局"], [], ["leaders", "lead"]),  # a labelled line under the heading
        ("四", "2", ["赵刚"], ["县住建局"], [], ["leaders", "lead"]),  # （一）由X牵头
    ]


def test_the_websites_frame_is_left_out_and_its_publisher_is_no_lead():
    r = load(SAMPLES / "site_frame.txt")
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "全年实施重点项目120个。", ["县发改局"], ["县财政局"]),
        ("2", "新增规上工业企业20家。", ["县工信局"], []),
        ("3", "新增城镇就业3000人。", ["县人社局"], ["各乡镇"]),  # 【打印本页】【关闭窗口】 cut from its line
    ]
    names = {n for t in r.tasks for n in t.lead + t.support}
    assert "某某县人民政府办公室" not in names  # 主办单位： of the site's footer
    assert any(w.line == 1 and "website" in w.message for w in r.warnings)


def test_a_whole_table_on_one_line_with_its_cells_set_apart_by_spaces():
    r = load(SAMPLES / "one_line_table.txt")
    assert [(t.task, t.text, t.leaders, t.lead, t.support) for t in r.tasks] == [
        ("1", "新建公园5个，改造提升城区道路3条", ["王强"], ["县城管局"], ["各乡镇", "县财政局"]),  # 王 强
        ("2", "新增城镇就业3000人", ["李明"], ["县人社局"], ["各乡镇"]),
        ("3", "建成学校2所，新增学位1500个", ["刘洋"], ["县教育局"], ["县财政局", "县住建局"]),
    ]
    assert any("on one line" in w.message for w in r.warnings)


def test_labels_inside_an_items_bracket_stay_with_the_item_on_a_page_without_line_breaks():
    from dutygraph.loaders.normalize import split_run_on

    text = "一、经济发展 " + " ".join(
        f"{n}.新建项目{n}个。(责任领导:王强;牵头单位:县发改局;责任单位:县财政局)" for n in range(1, 6)
    )
    lines, broken = split_run_on([Line(1, text)])
    assert broken == 1
    assert [ln.text for ln in lines][1] == "1.新建项目1个。(责任领导:王强;牵头单位:县发改局;责任单位:县财政局)"


@pytest.mark.parametrize("name", ["roles_in_unit_cell.tsv", "roles_in_unit_cell.html"])
def test_a_unit_cell_that_states_its_roles_with_labels_or_verbs(name):
    r = load(SAMPLES / name)
    assert [(t.task, t.lead, t.support, t.inherited) for t in r.tasks] == [
        ("1", ["县城管局"], ["各乡镇", "县财政局"], []),  # 牵头单位：X；配合单位：Y in one 责任单位 cell
        ("2", ["县人社局"], ["各乡镇"], []),  # X牵头，Y配合
        ("3", ["县教育局"], ["县财政局", "县住建局"], []),  # X（牵头）: nothing merged from the row above
    ]


def test_items_numbered_with_a_full_stop_for_the_dot():
    r = load(SAMPLES / "full_stop_numbers.txt")
    assert [(t.task, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "完成年度城镇新增就业人数目标任务。", ["市人社局"], []),
        ("2", "居民消费价格涨幅控制在3.5%左右。", ["市发展改革委"], ["市统计局"]),
    ]
