"""Damaged text: every line doubled, a NUL byte, a cut last character, a notice's
closing line after the table. Each is read, with a warning, never guessed silently."""

from __future__ import annotations

from dutygraph.loaders import load
from dutygraph.loaders.mojibake import number_garbled
from dutygraph.loaders.text import Line
from tests.conftest import SAMPLES, seed, seed_path


def _roles(result):
    return [(t.task, t.text, t.lead, t.support, t.leaders, t.inherited) for t in result.tasks]


def test_a_text_with_every_line_doubled_reads_as_the_text_once(tmp_path):
    for key in ("001", "003", "004"):
        lines = seed_path(key).read_text(encoding="utf-8").split("\n")
        doubled = tmp_path / f"doubled_{key}.txt"
        doubled.write_text("\n".join(line for x in lines for line in (x, x)), encoding="utf-8")
        r = load(doubled)
        assert _roles(r) == _roles(seed(key)), key
        assert any("printed twice" in w.message for w in r.warnings)


def test_a_name_printed_twice_in_one_role_is_kept_once_with_a_warning(tmp_path):
    p = tmp_path / "twice.txt"
    p.write_text(
        "1.新建公园5个。（区城管局、区城管局牵头，各街道配合）\n2.改造小区。（区住建局牵头）\n", encoding="utf-8"
    )
    r = load(p)
    assert r.tasks[0].lead == ["区城管局"]
    assert any(w.line == 1 and "twice" in w.message for w in r.warnings)


def test_a_nul_byte_is_removed_with_its_line_and_the_rest_is_read(tmp_path):
    data = seed_path("001").read_bytes()
    p = tmp_path / "nul.txt"
    p.write_bytes(data[:5000] + b"\x00" + data[5000:])
    r = load(p)
    assert len(r.tasks) == 78
    line = data[:5000].count(b"\n") + 1
    assert any(w.line == line and "NUL" in w.message for w in r.warnings)


def test_a_cut_last_character_is_warned_and_the_rest_read(tmp_path):
    data = seed_path("001").read_bytes().rstrip()
    cut = len(data) - 1
    while data[cut] < 0x80:
        cut -= 1
    p = tmp_path / "cut.txt"
    p.write_bytes(data[:cut])
    r = load(p)
    assert len(r.tasks) == 78
    assert any("cut short" in w.message for w in r.warnings)


def test_a_closing_line_of_the_notice_never_joins_a_unit(tmp_path):
    p = tmp_path / "closing.txt"
    p.write_text(
        "序号\n工作任务\n牵头单位\n配合单位\n1\n新建公园5个，提升游园品质\n区城管局\n各街道\n"
        "2\n改造老旧小区10个，完善配套设施\n区住建局\n区财政局\n(此件公开发布)\n",
        encoding="utf-8",
    )
    r = load(p)
    assert [t.support for t in r.tasks] == [["各街道"], ["区财政局"]]


def test_item_numbers_garbled_by_a_one_byte_off_decoding_are_placed_by_their_neighbours():
    lines = [
        Line(1, "?。ù思_發布)"),  # the notice's own line: a heading comes before the first item
        Line(2, "二、主要任务"),
        Line(3, "?。ㄒ唬┡飸魠^改造工程。建成安置房100套。"),
        Line(4, "(二)城鎮老舊小區改造工程。"),
        Line(5, "?。ㄈ┛诖珗@建設工程。"),
        Line(6, "?。┲行W生寒暑期免費托管服務工程。"),
        Line(7, "(五)農村廁所改造工程。"),
    ]
    fixed, placed = number_garbled(lines)
    assert placed == [(3, "(一)"), (5, "(三)"), (6, "(四)")]
    assert fixed[0].text == "?。ù思_發布)" and fixed[2].text.startswith("(一)?。ㄒ唬")


def test_a_spaced_row_whose_lead_cell_went_on_over_lines_takes_its_last_cells_from_the_line_after():
    from dutygraph.loaders.spaced_table import spaced_table

    lines = [
        Line(1, "序号 重点工作任务 主要责任单位 协同配合单位 完成期限"),
        Line(2, "34 推动中药产业科技园建设。 区科技局"),
        Line(3, "区药投公司"),
        Line(4, "区发改委、区经信局。 2023年12月底"),
        Line(5, "35 强化企业创新主体地位。 区科技局 区经信局 2023年12月底"),
    ]
    rows = [ln.text for ln in spaced_table(lines)[0]]
    assert rows[1] == "| 34 | 推动中药产业科技园建设。 | 区科技局、区药投公司 | 区发改委、区经信局。 | 2023年12月底 |"
    assert rows[2].startswith("| 35 |")


def test_a_spaced_row_whose_text_has_spaces_of_its_own_keeps_its_unit_cells_under_their_columns():
    from dutygraph.loaders.spaced_table import spaced_table

    lines = [
        Line(1, "序号 类别 主要任务 细化措施 牵头单位 参与单位"),
        Line(2, "1 加强水资源保 护 严守控制红线 实施总量和强度双控行动。 市水利局 市发展改革委、农业局等"),
    ]
    rows = [ln.text for ln in spaced_table(lines)[0]]
    assert rows == [
        "| 序号 | 主要任务 | 牵头单位 | 参与单位 |",
        "| 1 | 加强水资源保 护 严守控制红线 实施总量和强度双控行动。 | 市水利局 | 市发展改革委、农业局等 |",
    ]


def test_a_spaced_row_whose_unit_cell_lists_names_set_apart_by_spaces_keeps_them_in_its_cell(tmp_path):
    # 3 … 县水利局 县住建局 2024年12月 under one 责任单位 column: both names are its; under 牵头单位 配合单位
    # the split is a guess (the lead one name, the rest support), said in a warning. The row was lost.
    from dutygraph.loaders.spaced_table import spaced_table

    lines = [Line(1, "序号 工作任务 责任单位 完成时限"), Line(2, "3 建设供水工程 县水利局 县住建局 2024年12月")]
    assert [ln.text for ln in spaced_table(lines)[0]][1] == "| 3 | 建设供水工程 | 县水利局、县住建局 | 2024年12月 |"
    doc = tmp_path / "spaced.txt"
    doc.write_text(
        "任务分解表\n序号 工作任务 牵头单位 配合单位 完成时限\n1 推进医共体建设 县卫健委 县医保局 2024年12月\n"
        "2 建设供水工程 县水利局 县住建局 县财政局 2024年12月\n3 建设公园 县住建局 县城管局 2024年12月\n",
        encoding="utf-8",
    )
    r = load(doc)
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["县卫健委"], ["县医保局"]),
        ("2", ["县水利局"], ["县住建局", "县财政局"]),
        ("3", ["县住建局"], ["县城管局"]),
    ]
    assert [w.line for w in r.warnings if "by guess" in w.message] == [4]


def test_a_page_on_one_line_breaks_after_a_heading_numbered_with_arabic_parentheses():
    from dutygraph.loaders.normalize import split_run_on

    text = (
        "一、工作任务 (一)实施民生工程 1.城乡居民增收工程 (1)增加城镇居民收入 ①以就业促增收,增加工资性收入。"
        "(牵头部门:州人社局;责任单位:各县市人民政府) ②以创业促发展,增加经营性收入。(牵头部门:州人社局)" + "。" * 100
    )
    pieces = [ln.text for ln in split_run_on([Line(1, text)])[0]]
    assert "(1)增加城镇居民收入" in pieces
    assert any(p.startswith("①以就业促增收") for p in pieces)


def test_a_page_on_one_line_breaks_at_spaced_item_numbers_and_after_a_semicolon_before_a_space(tmp_path):
    # The lost breaks stood where 2 . starts an item and where a list item's ；ends its line.
    doc = tmp_path / "one_line.txt"
    doc.write_text(
        "关于做好2021年重点工作任务落实的通知 各乡镇人民政府: 现将任务分解如下。 "
        "1 . 严格管控地方政府债务风险。 责任单位:市财政局 "
        "2 . 推进县城新型城镇化建设。 责任单位:市发展改革委、市住建局 "
        "3.地区生产总值增长8%; 4.地方财政收入增长6%; 2项目标的责任单位均为市统计局。" + " 以上。" * 30,
        encoding="utf-8",
    )
    rows = [(t.task, t.lead) for t in load(doc).tasks]
    assert rows == [
        ("1", ["市财政局"]),
        ("2", ["市发展改革委", "市住建局"]),
        ("3", ["市统计局"]),
        ("4", ["市统计局"]),
    ]


def test_a_page_on_one_line_keeps_a_label_inside_an_open_bracket_of_any_shape_on_its_item_line():
    from dutygraph.loaders.normalize import split_run_on

    text = (
        "关于印发降碳目标工作实施方案的通知 (一)推进产业结构优化调整 1.加强生态环境准入管理。严格落实产业政策。"
        "〔市生态环境局、发展改革委等按职责分工负责;责任单位:各县(市、区)人民政府〕 2.坚决遏制两高项目。"
        "【牵头单位:市发展改革委;配合单位:市工信局】 3.推进清洁生产。(责任单位:市生态环境局)" + "。" * 60
    )
    pieces = [ln.text for ln in split_run_on([Line(1, text)])[0]]
    assert pieces[2].endswith("责任单位:各县(市、区)人民政府〕")
    assert pieces[3] == "2.坚决遏制两高项目。【牵头单位:市发展改革委;配合单位:市工信局】"


def test_a_page_on_one_line_is_broken_before_a_unit_label_of_any_of_the_genres_names():
    # 实施期限:2024年 实施单位:X on one line with the project: 实施单位 starts a field as 牵头单位 does.
    r = load(SAMPLES / "one_line_implementing_units.txt")
    assert [(t.task, t.lead) for t in r.tasks] == [("一", ["某县商务和工业信息化局"]), ("二", ["某县农业农村局"])]


def test_a_pdf_copied_as_text_has_its_lines_broken_at_the_page_width_joined_again():
    # Every paragraph broken at 56 columns, inside a bracket and before a label (…区发改委 / ；配合单位：…):
    # the lines that reach the width continue on the next; a heading or an item after a full line that closed
    # its sentence stays a line of its own.
    r = load(SAMPLES / "wrapped_pdf_copy.txt")
    assert [(t.task, t.lead, t.support) for t in r.tasks] == [
        ("1", ["区发改委"], ["区财政局", "区工信局"]),
        ("2", ["区行政审批局"], ["区市场监管局", "各街道办事处"]),
        ("3", ["区发改委"], ["区财政局"]),
        ("4", ["区教育局"], ["区住建局", "区自然资源局"]),
        ("5", ["区人社局"], ["各街道办事处"]),
    ]
    assert [t.goal for t in r.tasks] == ["推动经济高质量发展"] * 3 + ["增进民生福祉"] * 2
    assert any("broken at a width of 56 columns" in w.message and "10 joined" in w.message for w in r.warnings)


def test_paragraphs_of_any_length_are_not_taken_for_a_wrapped_copy():
    # Seeds and scraped pages end their lines where paragraphs end: no width is found, nothing is joined.
    from dutygraph.loaders.unwrap import wrap_width

    for key in ("000", "001", "002", "003", "004"):
        lines = [Line(i, t) for i, t in enumerate(seed_path(key).read_text(encoding="utf-8").split("\n"), 1)]
        assert wrap_width(lines) is None, key


def test_an_indented_line_after_a_full_one_opens_a_paragraph_of_its_own():
    from dutygraph.loaders.unwrap import unwrap

    full = "各责任单位要高度重视，切实加强领导，对照目标任务制订工作方案，明确责任和时间节点。"
    page = [full[:38], full[38:] + "抓好落实。"] * 3 + [
        full[:38],
        "　　各单位每季度报送一次进展情况。",
        full[:38],
        "续完。",
    ]
    out, joined, at = unwrap([Line(i, t) for i, t in enumerate(page, 1)])
    assert at == 76 and joined == 4
    assert [ln.text for ln in out][-3:] == [full[:38], "　　各单位每季度报送一次进展情况。", full[:38] + "续完。"]


def test_a_label_on_the_line_after_a_full_one_inside_an_open_bracket_goes_on_in_the_bracket():
    from dutygraph.loaders.unwrap import opens_item

    # 〔市生态环境局…按职责分工负责。 / 责任单位：各县(市、区)人民政府。〕: the label is inside the bracket
    assert not opens_item("推动开展碳排放影响评价。〔市生态环境局等按职责分工负责。", "责任单位：各县人民政府。〕")
    assert opens_item("推动开展碳排放影响评价。（市生态环境局负责）", "责任单位：各县人民政府。")
    assert opens_item("现提出以下意见：", "一、全面开展10大专项行动")


def test_a_page_on_one_line_whose_table_had_one_cell_a_line_reads_the_cells_again(tmp_path):
    # A headerless table printed one cell a line, each cell closed by its pipe, then the page lost its breaks.
    doc = tmp_path / "one_line_cells.txt"
    doc.write_text(
        "某市农业农村局2024年重点工作任务清单 发布时间:2024-03-01 "
        "1 | 一、主要预期目标 | 农村常住居民人均可支配收入增长6%。 | 法规科 | 张伟 | 2024年底前 | "
        "2 | 粮食产量稳定在100亿斤以上。 | 市农技中心 | 李强 | 2024年底前 | "
        "3 | 二、推进产业发展 | 农产品加工业产值增长15%以上。 | 产业科 | | 2024年底前 | "
        "4 | 新增规上农产品加工企业10家,支持重点企业发展。 | 产业科 | 王芳 | 2024年底前 |",
        encoding="utf-8",
    )
    result = load(doc)
    assert [(t.task, t.lead, t.leaders) for t in result.tasks] == [
        ("1", ["法规科"], ["张伟"]),
        ("2", ["市农技中心"], ["李强"]),
        ("3", ["产业科"], []),
        ("4", ["产业科"], ["王芳"]),
    ]
    assert any("one cell a line" in w.message for w in result.warnings)


def test_a_page_on_one_line_whose_rows_are_wider_than_the_header_is_cut_at_its_row_numbers(tmp_path):
    # Each row prints a short title the header does not name and an empty cell after its unit; the title of
    # the page runs into 序号. The rows are cut where the numbers go up one by one, as the page printed them.
    doc = tmp_path / "one_line_wide_rows.txt"
    doc.write_text(
        "发布机构: | 区发展和改革委员会 | 生成日期: | 2024-04-22 | "
        "区2024年3月民生实事进度表 序号 | 年度任务 | 本月进展 | 是否达进度 | 下月计划 | 责任单位 | || "
        "1 | 美丽乡村 | 创建市级美丽乡村示范村4个。 | 完成宜居村创建名单发文。 | 是 | 指导各镇街准备立项。 | 农业农村局 | | "
        "2 | 绿道建设 | 全区新改建绿道60公里。 | 部分道路已开工。 | 是 | 计划完成4公里。 | 城建局 | | "
        "3 | 泵站改造 | 实施村级小泵站更新改造12座。 | 完成形象进度10%。 | 是 | 完成形象进度20%。 | 水务局 | |",
        encoding="utf-8",
    )
    result = load(doc)
    assert [(t.task, t.text[:4], t.lead) for t in result.tasks] == [
        ("1", "美丽乡村", ["农业农村局"]),
        ("2", "绿道建设", ["城建局"]),
        ("3", "泵站改造", ["水务局"]),
    ]
    assert any("rows run together" in w.message for w in result.warnings)


def test_a_page_on_one_line_breaks_before_a_unit_heading_that_opens_a_restarted_numbering(tmp_path):
    # Each unit's targets restart at 1.; the first unit's name went onto the title's line.
    doc = tmp_path / "one_line_unit_headings.txt"
    doc.write_text(
        "各区人民政府,市政府各部门: 现将主要工作考核目标印发给你们。 二○○六年三月二十四日 "
        "各区政府2006年主要工作考核目标 东城区政府 1.地区生产总值增长15%。(分值:5分) "
        "2.财政收入增长10%。(分值:10分) 西城区政府 1.地区生产总值增长12%。(分值:5分) "
        "2.确保无重特大安全事故发生。(分值:5分)",
        encoding="utf-8",
    )
    assert [(t.task, t.lead) for t in load(doc).tasks] == [
        ("1", ["东城区政府"]),
        ("2", ["东城区政府"]),
        ("1", ["西城区政府"]),
        ("2", ["西城区政府"]),
    ]


def test_a_sites_marks_that_a_page_goes_on_from_the_last_are_not_the_text(tmp_path):
    # A law site splits a plan over pages and opens each with [接上页]: the item after it is still an item.
    doc = tmp_path / "page_3.txt"
    doc.write_text(
        "[接上页] 3.新建城市公园5个。(责任单位:市住建局)\n4.新增城镇就业1万人。(责任单位:市人社局)[接下页]\n",
        encoding="utf-8",
    )
    assert [(t.task, t.text, t.lead) for t in load(doc).tasks] == [
        ("3", "新建城市公园5个。", ["市住建局"]),
        ("4", "新增城镇就业1万人。", ["市人社局"]),
    ]


def test_a_page_on_one_line_whose_indicator_rows_end_in_names_set_apart_by_spaces_reads_them_as_units(tmp_path):
    # An indicator table on one line: each row's cells (target, progress) and then its unit cell, whose
    # names were stacked one per line and so came out set apart by spaces.
    doc = tmp_path / "one_line_indicators.txt"
    doc.write_text(
        "某区2021年上半年计划执行情况 表1:主要指标完成情况 类别 指标名称 年度目标 完成情况 责任部门 "
        "1、地区生产总值增长率 与市保持同步 9.8% 区发改委 2、财政收入增长率 6%以上 28.97% 区财政局 "
        "3、重点产业占税收比重 提升4个百分点 提升3.89个百分点 区科委 区金融办 区商务委 "
        "4、新增税收亿元楼 3幢 年度指标 区投促办 5、新增企业上市数 2家 年度指标 区金融办",
        encoding="utf-8",
    )
    assert [(t.task, t.lead) for t in load(doc).tasks] == [
        ("1", ["区发改委"]),
        ("2", ["区财政局"]),
        ("3", ["区科委", "区金融办", "区商务委"]),
        ("4", ["区投促办"]),
        ("5", ["区金融办"]),
    ]


def test_a_numbered_paragraph_ending_in_a_word_after_a_space_keeps_it_as_text(tmp_path):
    # Items of prose, one of them closing with a word after a space: no unit cell.
    doc = tmp_path / "prose.txt"
    doc.write_text(
        "1、加快建设 区文化中心\n2、推进老旧小区改造。(区住建局牵头)\n3、完善养老服务。(区民政局牵头)\n",
        encoding="utf-8",
    )
    tasks = load(doc).tasks
    assert tasks[0].lead == [] and tasks[0].text.startswith("加快建设")


def test_a_page_on_one_line_of_cells_with_a_pipe_between_each_reads_as_its_table_did(tmp_path):
    # A table printed one cell a line with a pipe line between cells (a run of pipes for the empty ones),
    # then the page lost its line breaks, so it opens with the pipes of the table's empty first cells.
    rows = [
        ["", "", "某市2018年民生工程项目分解表", ""],
        ["序号", "项目名称", "责任单位", "目标任务"],
        ["(一)", "党建引领扶贫工程", "市委组织部", "每个贫困村发展集体经济专项资金10万元,加强帮扶经费保障。"],
        ["(二)", "资产收益扶贫工程", "市财政局", "支持贫困村稳定出列、贫困户稳定增收,完善制度建设。"],
        ["(三)", "农村道路畅通工程", "市交通局", "改善农村地区交通条件,完工农村道路145.73公里。"],
    ]
    lines = [ln for row in rows for cell in row for ln in ("|", cell) if ln][1:]
    page = tmp_path / "one_line.txt"
    page.write_text(" ".join(lines), encoding="utf-8")
    assert page.read_text(encoding="utf-8").startswith("| |")
    assert [(t.task, t.lead) for t in load(page).tasks] == [
        ("(一)", ["市委组织部"]),
        ("(二)", ["市财政局"]),
        ("(三)", ["市交通局"]),
    ]


def test_a_page_on_one_line_with_a_pipe_table_of_unnumbered_rows_is_cut_into_rows_as_wide_as_its_header(tmp_path):
    # 专项整治行业名称 | 时间安排 | 责任单位 | and rows of three cells, no row numbers, the unit cell's names
    # set apart by spaces; the page goes on after the table (二、工作要求). A second page is cut in its
    # last row: the words after the last pipe are that row's cell.
    table = (
        "专项整治行业名称 | 时间安排 | 责任单位 | 烟花爆竹 | 1月份 | 安监站 安监所 | 电力设施 | 3月份 | 电管所 | "
        "医疗机构 | 6月份 | 文化站 卫生院 | 交通运输 | 12月份 | 超限站 公路站 交警六中队 |"
    )
    page = tmp_path / "one_line.txt"
    page.write_text(
        "各行政村、各有关单位: 现将《某镇2017年度安全生产专项整治工作计划》印发给你们,请遵照执行。 一、专项整治安排表 "
        + table
        + " 二、工作要求 (一)各有关责任单位要按照时间安排,制定本行业安全生产专项整治方案。",
        encoding="utf-8",
    )
    assert [(t.text, t.lead) for t in load(page).tasks] == [
        ("烟花爆竹", ["安监站", "安监所"]),
        ("电力设施", ["电管所"]),
        ("医疗机构", ["文化站", "卫生院"]),
        ("交通运输", ["超限站", "公路站", "交警六中队"]),
    ]
    cut = tmp_path / "cut.txt"
    cut.write_text("某镇2017年度安全生产专项整治工作计划 " * 5 + table + " 养老机构 | 4月份 | 民政所", encoding="utf-8")
    assert [(t.text, t.lead) for t in load(cut).tasks][-1] == ("养老机构", ["民政所"])


_NOTICE = (
    "各乡镇人民政府、街道办事处，县直各单位：为确保《政府工作报告》确定的各项目标任务落到实处，经县政府研究，"
    "现将重点工作任务分解如下，请各责任单位认真抓好落实，并于每季度末将进展情况报县政府督查室。"
)


def test_a_page_on_one_line_breaks_before_tasks_numbered_in_words(tmp_path):
    doc = tmp_path / "one_line_worded.txt"
    doc.write_text(
        f"重点任务清单 {_NOTICE} 任务一：推动制造业高质量发展 牵头单位：市工信局 配合单位：市发改委 "
        "任务二：扩大有效投资 牵头单位：市发改委 配合单位：市财政局 任务三：提升城市品质 牵头单位：市住建局",
        encoding="utf-8",
    )
    assert [(t.task, t.lead, t.support) for t in load(doc).tasks] == [
        ("任务一", ["市工信局"], ["市发改委"]),
        ("任务二", ["市发改委"], ["市财政局"]),
        ("任务三", ["市住建局"], []),
    ]


def test_items_numbered_by_a_number_and_a_space_on_one_line_are_split_at_their_brackets_with_their_numbers(
    tmp_path,
):
    # 1 X【…】 2 Y【…】: a spaced number is no break on a page on one line (3 个), but the brackets close items
    doc = tmp_path / "one_line_spaced.txt"
    doc.write_text(
        f"区政府2025年重点工作任务 {_NOTICE} 1 优化营商环境，新增经营主体8000户 【牵头领导：陈杰】【牵头单位：区市场监管局】 "
        "2 推进城市更新，改造城中村3个 【牵头领导：吴勇】【牵头单位：区住建局】【配合单位：相关街道】 "
        "3 提升教育质量，新建学校2所 【牵头领导：周敏】【牵头单位：区教育局】",
        encoding="utf-8",
    )
    assert [(t.task, t.text, t.leaders, t.lead, t.support) for t in load(doc).tasks] == [
        ("1", "优化营商环境，新增经营主体8000户", ["陈杰"], ["区市场监管局"], []),
        ("2", "推进城市更新，改造城中村3个", ["吴勇"], ["区住建局"], ["相关街道"]),
        ("3", "提升教育质量，新建学校2所", ["周敏"], ["区教育局"], []),
    ]
