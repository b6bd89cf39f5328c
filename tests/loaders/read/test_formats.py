"""The same decomposition (100 rows, merged cells of every kind) read from every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from dutygraph.graph.build import build_graph
from dutygraph.loaders import load, load_many
from tests.loaders.read import decomposition as d

FIELDS = ("task", "goal", "area", "text", "lead", "support", "leaders")
CELL_FORMATS = [
    *("docx", "doc", "odt", "wps", "pdf", "html", "gbk-html", "xlsx", "xls", "ods", "et"),
    *("docx-repeated-header", "pdf-repeated-header"),
]


def _rows(result) -> list[dict[str, object]]:
    return [{f: getattr(t, f) for f in FIELDS} for t in result.tasks]


@pytest.mark.parametrize("fmt", CELL_FORMATS)
def test_every_format_with_cells_extracts_the_same_tasks(plan_files, fmt):
    result = load(plan_files[fmt])
    assert result.document.layout == "grid-table"
    assert (result.document.region, result.document.year) == ("秦淮区", 2024)
    assert result.document.title == d.TITLE
    assert len(result.tasks) == d.ROWS
    assert _rows(result) == d.expected()
    assert not [w for w in result.warnings if "no lead unit" in w.message]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_lost_their_merges_and_read_as_delimited_text(plan_files, fmt):
    # A CSV cannot say which empty cell was merged: the delimited-table layout fills an
    # empty cell from the row above, so a genuinely empty 配合单位 takes the one above.
    result = load(plan_files[fmt])
    assert result.document.layout == "delimited-table"
    empty = {run.start for run in d.columns()[6] if not run.lines}
    assert len(result.tasks) == d.ROWS
    for got, want, i in zip(_rows(result), d.expected(), range(d.ROWS), strict=False):
        for f in ("task", "goal", "text", "lead", "leaders"):
            assert got[f] == want[f], (i, f)
        if i not in empty:
            assert got["support"] == want["support"], i


def test_a_csv_saved_under_a_text_files_name_reads_as_the_csv(plan_files, tmp_path):
    # the same bytes as plan.csv, named .txt: told from its commas, not from its name
    renamed = tmp_path / "plan.txt"
    renamed.write_bytes(plan_files["csv"].read_bytes())
    assert _rows(load(renamed)) == _rows(load(plan_files["csv"]))
    assert load(renamed).document.layout == "delimited-table"


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "pdf"])
def test_values_of_merged_cells_are_listed_as_inherited_after_their_first_row(plan_files, fmt):
    tasks = load(plan_files[fmt]).tasks
    assert tasks[0].inherited == []
    assert tasks[1].inherited == ["lead", "support", "leaders"]  # 牵头 over 3 rows, 配合 over 6, 领导 over 4
    assert tasks[3].inherited == ["support", "leaders"]
    assert tasks[4].inherited == ["support"]  # a new leader is printed in row 5


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "pdf"])
def test_a_genuinely_empty_cell_stays_empty(plan_files, fmt):
    tasks = load(plan_files[fmt]).tasks
    empty = [run.start for run in d.columns()[6] if not run.lines]
    assert empty
    for i in empty:
        assert tasks[i].support == [] and "support" not in tasks[i].inherited


def test_a_merged_support_cell_spans_rows_of_different_areas(plan_files):
    tasks = load(plan_files["docx"]).tasks
    run = next(
        r
        for r in d.columns()[6]
        if r.span > 1 and len({d.expected()[i]["area"] for i in range(r.start, r.start + r.span)}) > 1
    )
    covered = tasks[run.start : run.start + run.span]
    assert len({t.area for t in covered}) == 2
    assert all(t.support == run.lines for t in covered)


def test_merged_values_are_stored_with_basis_merged_not_inferred(plan_files):
    G = build_graph([load(plan_files["docx"])])
    bases = {
        (data["type"], data["basis"])
        for _, v, data in G.edges(data=True)
        if G.nodes[v].get("number") == "2" and "basis" in data
    }
    assert bases == {("LEADS", "merged"), ("SUPPORTS", "merged"), ("OVERSEES", "merged")}
    first = {data["basis"] for _, v, data in G.edges(data=True) if G.nodes[v].get("number") == "1" and "basis" in data}
    assert first == {"printed"}


def test_a_cell_with_one_unit_per_paragraph_gives_one_unit_per_line(plan_files):
    rows = [i for i, want in enumerate(d.expected()) if len(want["support"]) == 3]
    assert rows
    for fmt in ("docx", "pdf", "html", "xlsx"):
        tasks = load(plan_files[fmt]).tasks
        assert all(tasks[i].support == ["区住建局", "区资规分局", "区城管局"] for i in rows), fmt


def test_a_leader_printed_with_a_space_reads_as_one_name(plan_files):
    assert load(plan_files["docx"]).tasks[16].leaders == ["吴伟"]


def test_lines_are_lines_of_the_rendered_view(plan_files):
    # docx: the title paragraph is line 1, the header row line 2, task 1's row line 3.
    docx = load(plan_files["docx"]).tasks
    assert (docx[0].line, docx[1].line, docx[1].lines["lead"]) == (3, 4, 3)
    # xlsx: the title row is line 1 of the sheet, the header line 2.
    assert load(plan_files["xlsx"]).tasks[0].line == 3


def test_a_directory_mixing_formats_loads_every_file(plan_files):
    folder = plan_files["docx"].parent
    results, failures = load_many([folder])
    names = sorted(r.document.file for r in results)
    assert failures == []
    assert names == sorted(
        ["plan.docx", "plan.xlsx", "plan.html", "plan_gbk.htm", "plan.csv", "plan.tsv", "plan_repeat.docx"]
    )
    assert all(len(r.tasks) == d.ROWS for r in results)


def test_a_directory_takes_wps_office_and_open_document_files_too(plan_files):
    # the converted files' folder: .doc .pdf .xls, WPS Office's .wps and .et, OpenDocument's .odt and .ods
    results, failures = load_many([plan_files["odt"].parent])
    formats = sorted(r.document.encoding for r in results)  # a document read from blocks records its format
    assert failures == []
    assert {"odt", "ods"} <= set(formats) and formats.count("doc") == 2 and formats.count("xls") == 2
    assert all(len(r.tasks) == d.ROWS for r in results if r.document.file != "plan_repeat.pdf")


def test_the_corpus_printed_to_pdf_reads_close_to_its_text(tmp_path):
    """Every corpus document printed to PDF by LibreOffice and read back through pdfplumber: wrapped lines
    joined, row numbers kept. Tables printed one cell a line between blank lines lose the blank lines in a
    PDF, so the PDF reading stays below the text's."""
    from bench.accuracy import corpus_documents, score_document, total
    from bench.printed_pdf import print_pdfs

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    documents = [(doc, gold) for doc, gold in corpus_documents(corpus) if doc.suffix == ".txt"]
    print_pdfs([doc for doc, _ in documents], tmp_path)
    scores = [score_document(tmp_path / f"{doc.stem}.pdf", gold) for doc, gold in documents]
    overall = total(scores)  # today 1878 of 1991 tasks (94.3 %), F1 0.948
    assert overall.found / overall.gold_tasks >= 0.935 and overall.f1 >= 0.94


def test_the_corpus_saved_as_word_with_real_tables_reads_close_to_its_text(tmp_path):
    """Every corpus document's html-table reading (pipe tables as real tables) saved as .docx by LibreOffice
    and read back through python-docx: merged header rows, rows without a number, cells of several lines."""
    from bench.accuracy import corpus_documents, score_document, total
    from bench.printed_pdf import print_pdfs
    from bench.variants import VARIANTS

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    documents = [(doc, gold) for doc, gold in corpus_documents(corpus) if doc.suffix == ".txt"]
    pages = []
    for doc, _ in documents:
        page = tmp_path / f"{doc.stem}.html"
        page.write_text(VARIANTS["html-table"](doc.read_text(encoding="utf-8")), encoding="utf-8")
        pages.append(page)
    words = tmp_path / "docx"
    print_pdfs(pages, words, "docx:MS Word 2007 XML")
    scores = [score_document(words / f"{doc.stem}.docx", gold) for doc, gold in documents]
    overall = total(scores)  # today 1899 of 1991 tasks (95.4 %), F1 0.957
    assert overall.found / overall.gold_tasks >= 0.95 and overall.f1 >= 0.955


def test_a_section_heading_printed_over_each_table_is_its_rows_goal(tmp_path):
    # 一、经济发展 / table / 二、社会民生 / table: in Word and on a web page, each heading names its table's goal
    import docx

    header = ["序号", "重点任务", "责任领导", "牵头单位", "配合单位"]
    sections = {
        "一、经济发展": [["1", "地区生产总值增长6%", "王明", "县发改局", "县统计局"]],
        "二、社会民生": [["2", "新增城镇就业3000人", "李强", "县人社局", "各乡镇"]],
    }
    word = docx.Document()
    word.add_paragraph("2025年县政府工作报告重点任务分解")
    html = ["<html><body><h1>2025年县政府工作报告重点任务分解</h1>"]
    for heading, rows in sections.items():
        word.add_paragraph(heading)
        table = word.add_table(rows=1 + len(rows), cols=len(header))
        for r, row in enumerate([header, *rows]):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        cells = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in [header, *rows])
        html.append(f"<p>{heading}</p><table border='1'>{cells}</table>")
    word.save(tmp_path / "sections.docx")
    (tmp_path / "sections.html").write_text("".join(html) + "</body></html>", encoding="utf-8")
    for name in ("sections.docx", "sections.html"):
        tasks = load(tmp_path / name).tasks
        assert [(t.task, t.goal, t.goal_no, t.lead) for t in tasks] == [
            ("1", "经济发展", "一", ["县发改局"]),
            ("2", "社会民生", "二", ["县人社局"]),
        ], name


def test_a_leader_named_by_the_heading_over_a_table_leads_its_rows(tmp_path):
    # 一、县长王明牵头的工作 / table with no leader column / 二、副县长李强牵头的工作（2项） / table
    import docx

    word = docx.Document()
    sections = {
        "一、县长王明牵头的工作": [["1", "地区生产总值增长6%", "县发改局"]],
        "二、副县长李强牵头的工作（2项）": [["2", "新增城镇就业3000人", "县人社局"], ["3", "新建学校2所", "县教育局"]],
    }
    for heading, rows in sections.items():
        word.add_paragraph(heading)
        table = word.add_table(rows=1 + len(rows), cols=3)
        for r, row in enumerate([["序号", "重点任务", "牵头单位"], *rows]):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    word.save(tmp_path / "leaders.docx")
    tasks = load(tmp_path / "leaders.docx").tasks
    assert [(t.task, t.goal, t.leaders, t.inherited) for t in tasks] == [
        ("1", "县长王明牵头的工作", ["王明"], ["leaders"]),
        ("2", "副县长李强牵头的工作", ["李强"], ["leaders"]),  # its count of items is no part of the goal
        ("3", "副县长李强牵头的工作", ["李强"], ["leaders"]),
    ]


def test_a_web_page_saved_as_one_file_reads_as_the_page(plan_files, tmp_path):
    # Chrome's "Webpage, Single File" (.mhtml) / IE's .mht: MIME parts, the page quoted-printable in GBK
    import quopri

    page = plan_files["gbk-html"].read_bytes()
    boundary = "----MultipartBoundary--dutygraph----"
    parts = [
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n',
        f"--{boundary}\r\nContent-Type: text/html; charset=gb2312\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + quopri.encodestring(page).decode("ascii"),
        f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n",
        f"--{boundary}--\r\n",
    ]
    path = tmp_path / "notice.mhtml"
    path.write_text("".join(parts), encoding="ascii")
    result = load(path)
    assert result.document.encoding == "gb2312"
    assert _rows(result) == _rows(load(plan_files["gbk-html"]))
    assert [r.document.file for r in load_many([tmp_path])[0]] == ["notice.mhtml"]


def test_an_area_row_naming_no_leader_keeps_the_leader_its_goal_row_names(tmp_path):
    # 一、王明县长牵头的工作 / （一）经济发展 / 1 … / （二）社会民生 / 2 … / 二、李强副县长牵头的工作 / 3 …
    rows = [
        "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr>",
        "<tr><td colspan=3>一、王明县长牵头的工作</td></tr><tr><td colspan=3>（一）经济发展</td></tr>",
        "<tr><td>1</td><td>地区生产总值增长6%</td><td>区发改局</td></tr><tr><td colspan=3>（二）社会民生</td></tr>",
        "<tr><td>2</td><td>新增就业5000人</td><td>区人社局</td></tr><tr><td colspan=3>二、李强副县长牵头的工作</td></tr>",
        "<tr><td>3</td><td>新建学校2所</td><td>区教育局</td></tr>",
    ]
    path = tmp_path / "areas.html"
    path.write_text(f"<html><body><table border=1>{''.join(rows)}</table></body></html>", encoding="utf-8")
    assert [(t.task, t.area, t.leaders) for t in load(path).tasks] == [
        ("1", "（一）经济发展", ["王明"]),
        ("2", "（二）社会民生", ["王明"]),
        ("3", None, ["李强"]),
    ]
