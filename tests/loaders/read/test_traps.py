"""Small documents written at test time, one trap each: nested tables, letter-spaced
two-row headers, section rows, Word auto-numbering, files named for another format."""

from __future__ import annotations

import shutil

import docx
import openpyxl
import pytest

from dutygraph.loaders import load
from dutygraph.loaders.read import read_document, sniff
from tests.loaders.read.decomposition import convert


def _table(d: docx.document.Document, rows: list[list[str]]):  # type: ignore[name-defined]
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    return t


def test_a_nested_table_in_a_unit_cell_gives_one_unit_per_row(tmp_path):
    d = docx.Document()
    d.add_paragraph("2024年秦淮区重点工作任务分解表")
    t = _table(
        d,
        [
            ["序号", "工作任务", "牵头单位", "配合单位"],
            ["1", "建成公园3个。", "区城管局", ""],
            ["2", "新建学校2所。", "区教育局", "区住建局"],
        ],
    )
    inner = t.cell(1, 3).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "区财政局"
    inner.cell(1, 0).text = "区审计局"
    path = tmp_path / "nested.docx"
    d.save(str(path))
    tasks = load(path).tasks
    assert [(t.task, t.lead, t.support) for t in tasks] == [
        ("1", ["区城管局"], ["区财政局", "区审计局"]),
        ("2", ["区教育局"], ["区住建局"]),
    ]


def test_letter_spaced_two_row_headers_and_section_rows(tmp_path):
    d = docx.Document()
    d.add_paragraph("南京市秦淮区人民政府")
    d.add_paragraph("2024年秦淮区民生实事项目责任分解表")
    t = _table(
        d,
        [
            ["序 号", "工 作 标 准", "责任单位", "", "完成时限"],
            ["", "", "牵 头", "配 合", ""],
            ["一、教育", "", "", "", ""],
            ["（1）", "新建学校2所。", "区教育局", "区住建局", "年底"],
            ["（2）", "改造操场5处。", "区教育局", "—", "9月底前"],
            ["二、养老", "", "", "", ""],
            ["（3）", "新增养老床位200张。", "区民政局", "各街道", "年底"],
        ],
    )
    t.cell(0, 2).merge(t.cell(0, 3))
    for c in (0, 1, 4):
        t.cell(0, c).merge(t.cell(1, c))
    for r in (2, 5):
        t.cell(r, 0).merge(t.cell(r, 4))
    path = tmp_path / "sections.docx"
    d.save(str(path))
    result = load(path)
    got = [(t.goal, t.goal_no, t.task, t.text, t.lead, t.support, t.deadline) for t in result.tasks]
    assert got == [
        ("教育", "一", "（1）", "新建学校2所。", ["区教育局"], ["区住建局"], "年底"),
        ("教育", "一", "（2）", "改造操场5处。", ["区教育局"], [], "9月底前"),
        ("养老", "二", "（3）", "新增养老床位200张。", ["区民政局"], ["各街道"], "年底"),
    ]
    assert result.document.region == "秦淮区"


def test_a_header_row_typed_again_mid_table_is_skipped(tmp_path):
    d = docx.Document()
    _table(
        d,
        [
            ["序号", "工作任务", "牵头单位"],
            ["1", "建成公园3个。", "区城管局"],
            ["序号", "工作任务", "牵头单位"],
            ["2", "新建学校2所。", "区教育局"],
        ],
    )
    path = tmp_path / "repeat.docx"
    d.save(str(path))
    assert [t.task for t in load(path, region="秦淮区", year=2024).tasks] == ["1", "2"]


def test_rows_without_a_number_are_numbered_m1_m2(tmp_path):
    d = docx.Document()
    _table(
        d,
        [
            ["项目名称", "牵头单位", "配合单位"],
            ["新建学校2所。", "区教育局", "区住建局"],
            ["建成公园3个。", "区城管局", ""],
        ],
    )
    path = tmp_path / "unnumbered.docx"
    d.save(str(path))
    assert [(t.task, t.lead) for t in load(path, region="秦淮区", year=2024).tasks] == [
        ("M1", ["区教育局"]),
        ("M2", ["区城管局"]),
    ]


def test_a_table_without_role_columns_is_not_a_decomposition(tmp_path):
    d = docx.Document()
    d.add_paragraph("2024年秦淮区主要经济指标")
    _table(d, [["指标", "2023年", "2024年"], ["地区生产总值", "1000", "1060"]])
    path = tmp_path / "stats.docx"
    d.save(str(path))
    doc = read_document(path)
    assert len(doc.tables) == 1
    with pytest.raises(Exception) as info:
        load(path)
    assert info.value.exit_code == 2


def test_a_word_numbered_list_reads_through_the_text_layouts_with_its_numbering(tmp_path):
    d = docx.Document()
    d.add_paragraph("南京市秦淮区人民政府")
    d.add_paragraph("2024年秦淮区政府主要工作目标任务分解落实方案")
    for text in (
        "实现地区生产总值增长5%左右。（区发改委主办，区统计局协办）",
        "新建改扩建学校3所。（区教育局主办，区住建局、区财政局协办）",
        "新增城镇就业1.2万人。（区人社局主办，各街道协办）",
    ):
        d.add_paragraph(text, style="List Number")
    path = tmp_path / "list.docx"
    d.save(str(path))
    doc = read_document(path)
    assert [p.numbering for p in doc.paragraphs][2:] == ["1.", "2.", "3."]
    result = load(path)
    assert result.document.layout == "numbered-list"
    assert [(t.task, t.lead, t.support) for t in result.tasks] == [
        ("1", ["区发改委"], ["区统计局"]),
        ("2", ["区教育局"], ["区住建局", "区财政局"]),
        ("3", ["区人社局"], ["各街道"]),
    ]
    assert result.tasks[0].line == 3  # paragraph lines: the issuer is line 1


def test_a_doc_that_is_really_html_or_docx_still_reads(tmp_path, plan_files):
    html_doc = tmp_path / "saved-from-web.doc"
    shutil.copyfile(plan_files["html"], html_doc)
    docx_doc = tmp_path / "renamed.doc"
    shutil.copyfile(plan_files["docx"], docx_doc)
    xlsx_named_xls = tmp_path / "renamed.xls"
    shutil.copyfile(plan_files["xlsx"], xlsx_named_xls)
    assert (sniff(html_doc), sniff(docx_doc), sniff(xlsx_named_xls)) == ("html", "docx", "xlsx")
    for path in (html_doc, docx_doc, xlsx_named_xls):
        assert len(load(path).tasks) == 100


def test_an_html_page_ignores_navigation_scripts_and_footer_and_reads_colspan_sections(tmp_path):
    page = """<html><head><meta charset="gbk"><title>分解表</title></head><body>
    <nav>首页 牵头单位 配合单位</nav><script>document.write('序号')</script>
    <h2>2024年秦淮区重点任务分解表</h2>
    <table><thead><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr></thead>
    <tbody><tr><td colspan="4">一、城市建设</td></tr>
    <tr><td>1</td><td>建成公园3个。</td><td rowspan="2">区城管局</td><td>区住建局<br>区财政局</td></tr>
    <tr><td>2</td><td>整治背街小巷10条。</td><td></td></tr></tbody></table>
    <footer>主办单位：秦淮区人民政府办公室</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    result = load(path)
    got = [(t.goal, t.task, t.lead, t.support, t.inherited) for t in result.tasks]
    assert got == [
        ("城市建设", "1", ["区城管局"], ["区住建局", "区财政局"], []),
        ("城市建设", "2", ["区城管局"], [], ["lead"]),
    ]
    assert result.document.encoding == "gbk"
    texts = " ".join(p.text for p in read_document(path).paragraphs)
    assert "首页" not in texts and "主办单位" not in texts and "document.write" not in texts


def test_every_sheet_of_a_workbook_is_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "经济"
    ws.append(["序号", "工作任务", "牵头单位"])
    ws.append([1, "地区生产总值增长5%。", "区发改委"])
    ws2 = wb.create_sheet("民生")
    ws2.append(["序号", "工作任务", "牵头单位"])
    ws2.append([2, "新建学校2所。", "区教育局"])
    path = tmp_path / "sheets.xlsx"
    wb.save(path)
    result = load(path, region="秦淮区", year=2024)
    assert [(t.task, t.lead, t.line) for t in result.tasks] == [("1", ["区发改委"], 2), ("2", ["区教育局"], 4)]


def test_a_merged_cell_crossing_a_pdf_page_break_continues(plan_files):
    # Goal cells span 20 rows and the table runs over many pages: every row keeps its goal.
    tasks = load(plan_files["pdf"]).tasks
    assert [t.goal for t in tasks[18:23]] == ["经济发展质效提升"] * 2 + ["科技创新动能增强"] * 3


def test_rtf_converts_through_libreoffice(tmp_path, plan_files):
    rtf = convert(plan_files["docx"], "rtf", tmp_path)
    assert sniff(rtf) == "doc"
    assert len(load(rtf).tasks) == 100


def test_a_numbered_list_in_a_pdf_keeps_its_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("2024年秦淮区政府主要工作目标任务分解落实方案")
    items = [f"{i}.推进第{i}项重点工作，全年完成投资{i}亿元。（区发改委主办，区财政局协办）" for i in range(1, 13)]
    for text in items:
        d.add_paragraph(text)
    d.save(str(tmp_path / "list.docx"))
    pdf = convert(tmp_path / "list.docx", "pdf", tmp_path)
    result = load(pdf)
    assert result.document.layout == "numbered-list"
    assert [t.task for t in result.tasks] == [str(i) for i in range(1, 13)]
    assert all(t.lead == ["区发改委"] and t.support == ["区财政局"] for t in result.tasks)


def test_doc_files_convert_in_parallel_with_private_libreoffice_profiles(tmp_path, plan_files):
    from concurrent.futures import ThreadPoolExecutor

    copies = []
    for i in range(3):
        copies.append(tmp_path / f"copy{i}.doc")
        shutil.copyfile(plan_files["doc"], copies[-1])
    with ThreadPoolExecutor(3) as pool:
        counts = list(pool.map(lambda p: len(load(p).tasks), copies))
    assert counts == [100, 100, 100]


def test_a_page_laid_out_with_tables_still_yields_its_decomposition_table(tmp_path):
    rows = "".join(
        f"<tr><td>{i}</td><td>任务{i}：建成公园{i}个。</td><td>区城管局</td><td>各街道</td></tr>" for i in range(1, 6)
    )
    page = (
        '<html><head><meta charset="utf-8"></head><body><table width="100%"><tr>'
        '<td class="left"><ul><li>首页</li><li>政务公开</li></ul></td>'
        '<td class="main"><h3>2024年秦淮区重点任务分解表</h3>'
        f"<table border=1><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr>{rows}</table>"
        "<p>南京市秦淮区人民政府</p></td></tr></table></body></html>"
    )
    path = tmp_path / "layout.html"
    path.write_text(page, encoding="utf-8")
    result = load(path)
    assert [(t.task, t.lead, t.support) for t in result.tasks] == [
        (str(i), ["区城管局"], ["各街道"]) for i in range(1, 6)
    ]
    assert result.document.region == "秦淮区"


def test_merged_unit_cells_run_past_sub_heading_rows(tmp_path):
    d = docx.Document()
    d.add_paragraph("2024年秦淮区政府工作报告主要目标任务责任分解表")
    t = _table(
        d,
        [
            ["序号", "目标名称", "工作标准", "牵头单位", "配合单位"],
            ["", "产业强区", "（一）聚力攻坚项目", "", ""],
            ["1", "", "新开工项目30个。", "区发改委", "各街道"],
            ["2", "", "竣工项目20个。", "区住建局", ""],
            ["", "", "（二）壮大数字经济", "", ""],
            ["3", "", "数字经济核心产业增长10%。", "区工信局", ""],
        ],
    )
    t.cell(1, 1).merge(t.cell(5, 1))
    t.cell(2, 4).merge(t.cell(5, 4))  # 配合单位 over both areas' rows and the sub-heading between them
    path = tmp_path / "subheadings.docx"
    d.save(str(path))
    got = [(t.task, t.goal, t.area, t.lead, t.support, t.inherited) for t in load(path, region="秦淮区").tasks]
    assert got == [
        ("1", "产业强区", "（一）聚力攻坚项目", ["区发改委"], ["各街道"], []),
        ("2", "产业强区", "（一）聚力攻坚项目", ["区住建局"], ["各街道"], ["support"]),
        ("3", "产业强区", "（二）壮大数字经济", ["区工信局"], ["各街道"], ["support"]),
    ]


def test_paragraphs_outside_tables_give_title_issuer_number_and_date(tmp_path):
    d = docx.Document()
    d.add_paragraph("秦政发〔2024〕3号")
    d.add_paragraph("南京市秦淮区人民政府关于印发2024年秦淮区政府工作报告主要目标任务责任分解表的通知")
    _table(d, [["序号", "工作任务", "牵头单位"], ["1", "建成公园3个。", "区城管局"]])
    d.add_paragraph("南京市秦淮区人民政府")
    d.add_paragraph("2024年2月20日")
    path = tmp_path / "notice.docx"
    d.save(str(path))
    doc = load(path).document
    assert (doc.region, doc.year, doc.issuer, doc.number, doc.date) == (
        "秦淮区",
        2024,
        "南京市秦淮区人民政府",
        "秦政发〔2024〕3号",
        "2024-02-20",
    )
    assert doc.title and "责任分解表" in doc.title


def test_a_first_responsible_column_ranks_the_main_responsible_one_as_support(tmp_path):
    # 第一责任单位 | 主要责任单位: both name a lead alone; beside each other the second shares the work.
    rows = [
        ["序号", "主要工作任务", "第一责任单位", "主要责任单位"],
        ["1", "地区生产总值增长7%左右。", "县发展改革局", "县统计局、各乡镇人民政府"],
        ["2", "一般公共预算收入增长6%。", "县财政局", "县税务局"],
    ]
    d = docx.Document()
    _table(d, rows)
    path = tmp_path / "ranked.docx"
    d.save(str(path))
    pipe = tmp_path / "ranked.txt"
    pipe.write_text("".join("| " + " | ".join(row) + " |\n" for row in rows), encoding="utf-8")
    for doc in (path, pipe):
        assert [(t.task, t.lead, t.support) for t in load(doc, region="某县", year=2024).tasks] == [
            ("1", ["县发展改革局"], ["县统计局", "各乡镇人民政府"]),
            ("2", ["县财政局"], ["县税务局"]),
        ], doc.name


def _page(tmp_path, name: str, rows: list[list[str]]) -> object:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path = tmp_path / name
    path.write_text(f"<html><body><h2>2024年某县民生实事推进情况表</h2><table>{cells}</table></body></html>", "utf-8")
    return load(path, region="某县", year=2024)


def test_a_table_reads_its_task_from_the_first_text_column_not_from_a_target_or_progress_column(tmp_path):
    # 一季度目标 after the unit column and a long progress header (进展情况、存在问题及下一步打算) are read
    # past, as when the same table is printed with pipes: the task is 工作任务.
    result = _page(
        tmp_path,
        "progress.html",
        [
            ["序号", "工作任务", "责任单位", "一季度目标", "进展情况、存在问题及下一步打算"],
            ["1", "新改扩建公办中小学校1所", "县教体局", "室内安装、装修", "进展情况:完成80%"],
            ["2", "新增婴幼儿托位500个", "县卫健局", "完成选址", "进展情况:已完成选址"],
        ],
    )
    assert [(t.task, t.text, t.lead) for t in result.tasks] == [
        ("1", "新改扩建公办中小学校1所", ["县教体局"]),
        ("2", "新增婴幼儿托位500个", ["县卫健局"]),
    ]


def test_a_header_whose_last_names_went_onto_a_row_of_their_own_keeps_its_columns(tmp_path):
    # 任务完成率 | 备注 printed under 序号 | 项目名称 are the header's end, not names of those two columns.
    result = _page(
        tmp_path,
        "header_end.html",
        [
            ["序号", "项目名称", "责任单位", "目标任务", "1-8月实际完成情况"],
            ["任务完成率", "备注", "", "", ""],
            ["1", "新增城镇就业", "区人社局", "8950人", "7123人"],
            ["2", "减少义务教育大班额", "区教育局", "51个", "53个"],
        ],
    )
    assert [(t.task, t.text, t.lead) for t in result.tasks] == [
        ("1", "新增城镇就业", ["区人社局"]),
        ("2", "减少义务教育大班额", ["区教育局"]),
    ]


def test_a_name_column_and_its_content_column_make_one_task_text_and_sub_rows_their_own(tmp_path):
    # 项目名称 | 目标任务 before the unit: one task 名称：内容 a row, as with pipes; under a 序号 and a 名称 spanning
    # three rows, the rows after the first are tasks of their own, their text their own target.
    page = tmp_path / "projects.html"
    page.write_text(
        "<html><body><h2>2017年某区重点民生实事完成情况表</h2><table>"
        "<tr><td>序号</td><td>项目名称</td><td>目标任务</td><td>责任单位</td><td>完成情况</td></tr>"
        "<tr><td>1</td><td>新增城镇就业</td><td>8950人</td><td>区人社局</td><td>7356</td></tr>"
        "<tr><td rowspan=3>2</td><td rowspan=3>深化养老保险制度改革</td><td>完成在职参保人数6300人</td>"
        "<td>区人社局</td><td>7558</td></tr>"
        "<tr><td>完成征缴基金10000万元</td><td>区人社局</td><td>7965</td></tr>"
        "<tr><td>城市低保补差水平月均达到300元</td><td>区民政局</td><td>100%</td></tr>"
        "</table></body></html>",
        "utf-8",
    )
    result = load(page, region="某区", year=2017)
    assert [(t.task, t.text, t.lead) for t in result.tasks] == [
        ("1", "新增城镇就业：8950人", ["区人社局"]),
        ("2", "深化养老保险制度改革：完成在职参保人数6300人", ["区人社局"]),
        ("M1", "完成征缴基金10000万元", ["区人社局"]),
        ("M2", "城市低保补差水平月均达到300元", ["区民政局"]),
    ]


def test_a_unit_cell_of_a_real_table_is_read_as_a_printed_one(tmp_path):
    # 牵头单位及主要负责人: 市民政局 伍泽国 gives the unit and its head (a leader, with a warning), a status
    # (已完成。) in a unit cell is no unit and a figure in a leaders cell no leader — as in a table printed
    # with pipes.
    result = _page(
        tmp_path,
        "heads.html",
        [
            ["序号", "工作任务", "分管市领导", "牵头单位及主要负责人", "配合单位"],
            ["1", "提高城乡低保标准。", "陈宣群", "市民政局 伍泽国", "已完成。"],
            ["2", "城镇新增就业1万人。", "1300", "市人社局", ""],
        ],
    )
    assert [(t.lead, t.support, t.leaders) for t in result.tasks] == [
        (["市民政局"], [], ["陈宣群", "伍泽国"]),
        (["市人社局"], [], []),  # a figure in the leaders column is no leader
    ]
    assert any("'1300' in a leaders column names no person" in w.message for w in result.warnings)
    assert any("read '伍泽国' after '市民政局'" in w.message for w in result.warnings)
    assert any("'已完成。' in a unit column names no unit" in w.message for w in result.warnings)


def test_a_pdfs_lines_broken_at_the_margin_join_into_their_paragraph(tmp_path):
    # Each item runs over three printed lines; the inline roles (省水利厅牵头，省发改委、农垦总局…配合) start on
    # one and end on the next, a unit's name broken between them (农 / 垦总局).
    d = docx.Document()
    d.add_paragraph("十大工程推进工作方案")
    d.add_paragraph("一、千亿斤粮食产能工程")
    d.add_paragraph("任务分工：吕维峰副省长负责，省农委总牵头。")
    d.add_paragraph(
        "1.水利化工程：突出抓好尼尔基引嫩扩建一期和东部兴凯湖、江萝、临江、勤得利等灌区4个渠首续建工程，"
        "开工建设东部绥滨等灌区5个渠首工程和西部200万亩旱田节水灌溉工程。新增水田面积100万亩，改善水田面积"
        "200万亩。省水利厅牵头，省发改委、农垦总局、国土资源厅、环保厅等单位配合。"
    )
    d.save(str(tmp_path / "works.docx"))
    result = load(convert(tmp_path / "works.docx", "pdf", tmp_path))
    task = next(t for t in result.tasks if t.task == "1")
    assert (task.lead, task.support, task.leaders) == (
        ["省水利厅"],
        ["省发改委", "农垦总局", "国土资源厅", "环保厅"],
        ["吕维峰"],
    )


def test_a_lone_number_inside_a_pdf_page_is_a_row_number_not_a_page_number(tmp_path):
    # A table printed one cell a line: 1, 2, 3 stand between cells, not in the page's margin.
    d = docx.Document()
    for text in ["2024年秦淮区民生实事分解表", "序号", "工作任务", "牵头单位", "1", "新建公园3个。", "区城管局"]:
        d.add_paragraph(text)
    for text in ["2", "整治背街小巷10条。", "区住建局", "3", "新增停车位500个。", "区交通局"]:
        d.add_paragraph(text)
    d.save(str(tmp_path / "cells.docx"))
    result = load(convert(tmp_path / "cells.docx", "pdf", tmp_path))
    assert [(t.task, t.lead) for t in result.tasks] == [("1", ["区城管局"]), ("2", ["区住建局"]), ("3", ["区交通局"])]


def _cells_over_pages(footer_page_field: bool) -> docx.document.Document:  # type: ignore[name-defined]
    """A table printed one cell a line over three pages, each page ending on a row's 序号 (the row goes on
    over the page), and with a PAGE field in the footer when asked."""
    d = docx.Document()
    for text in ["2024年秦淮区民生实事分解表", "序号", "工作任务", "牵头单位"]:
        d.add_paragraph(text)
    rows = [
        ("1", "新建公园3个。", "区城管局"),
        ("2", "整治背街小巷10条。", "区住建局"),
        ("3", "新增停车位500个。", "区交通局"),
    ]
    for k, (number, text, unit) in enumerate(rows):
        run = d.add_paragraph().add_run(number)
        if k:
            run.add_break(docx.enum.text.WD_BREAK.PAGE)
        d.add_paragraph(text)
        d.add_paragraph(unit)
    if footer_page_field:
        footer = d.sections[0].footer.paragraphs[0]
        field = docx.oxml.parse_xml(
            '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:instr="PAGE">'
            "<w:r><w:t>1</w:t></w:r></w:fldSimple>"
        )
        footer._p.append(field)
    return d


@pytest.mark.parametrize("footer_page_field", [False, True], ids=["no-page-numbers", "page-numbers"])
def test_a_row_number_at_a_pdf_page_foot_is_kept_and_page_numbers_are_not(tmp_path, footer_page_field):
    # Page 1 ends on the 2 of row 2 and page 2 on the 3 of row 3: the numbers do not go up with the pages
    # as page numbers do (1, 2, 3 in the footer), so they are the rows' numbers.
    _cells_over_pages(footer_page_field).save(str(tmp_path / "cells.docx"))
    result = load(convert(tmp_path / "cells.docx", "pdf", tmp_path))
    assert [(t.task, t.text, t.lead) for t in result.tasks] == [
        ("1", "新建公园3个。", ["区城管局"]),
        ("2", "整治背街小巷10条。", ["区住建局"]),
        ("3", "新增停车位500个。", ["区交通局"]),
    ]
