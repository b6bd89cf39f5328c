"""One decomposition table, written at test time as .docx, .xlsx, .html, .csv (and, by
LibreOffice, .doc, .xls, .pdf), with merged cells of every kind.

The table: 序号 | 目标名称 | 重点领域 | 工作标准 | 分管领导 | 牵头单位 | 配合单位 | 完成时限, 100 task rows.

- 目标名称 merged over each goal's 20 rows; 重点领域 merged over 5 rows;
- 分管领导 merged over 4 rows (crossing area boundaries), one 吴 伟 printed with a space;
- 牵头单位 printed in most rows, merged over 3 rows in some;
- 配合单位 merged over 6 rows across different areas' sub-headings, several units one per
  paragraph, and some genuinely empty cells (no merge) and '—' cells;
- 完成时限 read past.
"""

from __future__ import annotations

import csv
import html
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

HEADER = ["序号", "目标名称", "重点领域", "工作标准", "分管领导", "牵头单位", "配合单位", "完成时限"]
TITLE = "2024年秦淮区政府工作报告主要目标任务责任分解表"
ISSUER = "南京市秦淮区人民政府"
GOALS = ["经济发展质效提升", "科技创新动能增强", "城市功能品质提升", "民生福祉持续改善", "安全发展底线筑牢"]
AREAS = ["产业升级", "项目建设", "营商环境", "开放合作"]
LEADERS = ["陈刚", "周丽", "王强", "李明", "吴 伟"]
UNITS = [
    "区发改委",
    "区财政局",
    "区教育局",
    "区住建局",
    "区商务局",
    "区科技局",
    "区工信局",
    "区人社局",
    "区卫健委",
    "区民政局",
    "区文旅局",
    "区市场监管局",
    "区生态环境局",
    "区城管局",
    "区交通运输局",
    "区农业农村局",
    "区水务局",
    "区应急管理局",
]
SUPPORT = [
    ["区统计局"],
    ["各街道", "区财政局"],
    ["区住建局", "区资规分局", "区城管局"],
    ["高新园(邹区镇)"],
    ["区商务局"],
]
ROWS = 100


@dataclass
class Run:
    """A value covering ``span`` rows from ``start`` (a merged cell when span > 1)."""

    start: int
    span: int
    lines: list[str]


def columns() -> list[list[Run]]:
    """Each column's runs over the 100 task rows (0-based row numbers)."""
    cols: list[list[Run]] = [[] for _ in HEADER]
    for i in range(ROWS):
        cols[0].append(Run(i, 1, [str(i + 1)]))
        cols[3].append(Run(i, 1, [f"第{i + 1}项任务：推进重点工作{i + 1}，完成年度目标的{50 + i % 50}%。"]))
        cols[7].append(Run(i, 1, ["12月底前" if i % 3 else "全年"]))
    for g in range(5):
        cols[1].append(Run(g * 20, 20, [GOALS[g]]))
        for a in range(4):
            cols[2].append(Run(g * 20 + a * 5, 5, [AREAS[a]]))
    for k in range(25):
        cols[4].append(Run(k * 4, 4, [LEADERS[k % 5]]))
    i = 0
    while i < ROWS:
        span = 3 if i % 10 == 0 and i + 3 <= ROWS else 1
        cols[5].append(Run(i, span, [UNITS[(i // 1) % len(UNITS)]]))
        i += span
    i = 0
    k = 0
    while i < ROWS:
        kind = k % 5
        if kind == 0 and i % 20 <= 14 and i + 6 <= ROWS and (i // 20) == ((i + 5) // 20):
            cols[6].append(Run(i, 6, SUPPORT[(k // 5) % len(SUPPORT)]))  # crosses an area boundary (areas are 5 rows)
            i += 6
        elif kind == 1:
            cols[6].append(Run(i, 1, []))  # genuinely empty
            i += 1
        elif kind == 2:
            cols[6].append(Run(i, 1, ["—"]))
            i += 1
        else:
            cols[6].append(Run(i, 1, SUPPORT[(k // 5 + kind) % len(SUPPORT)]))
            i += 1
        k += 1
    return cols


def expected() -> list[dict[str, object]]:
    """What every format must extract: task, goal, area, text, lead, support, leaders per row."""
    cols = columns()

    def at(c: int, r: int) -> list[str]:
        return next(run.lines for run in cols[c] if run.start <= r < run.start + run.span)

    out = []
    for r in range(ROWS):
        support = [u for u in at(6, r) if u != "—"]
        out.append(
            {
                "task": str(r + 1),
                "goal": at(1, r)[0],
                "area": at(2, r)[0],
                "text": at(3, r)[0],
                "leaders": [at(4, r)[0].replace(" ", "")],
                "lead": at(5, r),
                "support": support,
            }
        )
    return out


def write_docx(path: Path, *, repeat_header_mid_table: bool = False) -> Path:
    """The table in a Word document with a title, issuer and date outside it."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph(TITLE)
    cols = columns()
    extra = 1 if repeat_header_mid_table else 0
    table = d.add_table(rows=ROWS + 1 + extra, cols=len(HEADER))
    table.style = "Table Grid"
    trpr = table.rows[0]._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    trpr.append(mark)
    for c, name in enumerate(HEADER):
        table.cell(0, c).text = name

    def row_of(r: int) -> int:  # the typed header repeat sits between goals 2 and 3
        return r + 1 + (1 if repeat_header_mid_table and r >= 40 else 0)

    if repeat_header_mid_table:
        for c, name in enumerate(HEADER):
            table.cell(41, c).text = name
    for c, runs in enumerate(cols):
        for run in runs:
            top = table.cell(row_of(run.start), c)
            if run.span > 1:
                top = top.merge(table.cell(row_of(run.start + run.span - 1), c))
            _set_lines(top, run.lines)
    d.add_paragraph(ISSUER)
    d.add_paragraph("2024年2月20日")
    d.save(str(path))
    return path


def _set_lines(cell, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    """One paragraph per line in a Word cell."""
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def write_xlsx(path: Path) -> Path:
    """The table in an Excel sheet: title row merged across, header, 100 rows with merged ranges."""
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "分解表"
    ws.cell(1, 1, TITLE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    for c, name in enumerate(HEADER, start=1):
        ws.cell(2, c, name)
    for c, runs in enumerate(columns(), start=1):
        for run in runs:
            r = run.start + 3
            if run.lines:
                value: object = int(run.lines[0]) if c == 1 else "\n".join(run.lines)
                ws.cell(r, c, value).alignment = Alignment(wrap_text=True)
            if run.span > 1:
                ws.merge_cells(start_row=r, start_column=c, end_row=r + run.span - 1, end_column=c)
    ws.cell(ROWS + 3, 1, ISSUER)
    ws.merge_cells(start_row=ROWS + 3, start_column=1, end_row=ROWS + 3, end_column=len(HEADER))
    notes = wb.create_sheet("说明")
    notes.cell(1, 1, "本表由区政府办公室汇总")
    wb.save(path)
    return path


def write_html(path: Path, encoding: str = "utf-8") -> Path:
    """The table in a web page with a nav bar, a script and a footer, in ``encoding``."""
    cols = columns()
    starts: dict[tuple[int, int], Run] = {(run.start, c): run for c, runs in enumerate(cols) for run in runs}
    rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"]
    for r in range(ROWS):
        cells = []
        for c in range(len(HEADER)):
            run = starts.get((r, c))
            if run is None:
                continue
            span = f' rowspan="{run.span}"' if run.span > 1 else ""
            cells.append(f"<td{span}>{'<br>'.join(html.escape(x) for x in run.lines)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    page = (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
        f"<title>{TITLE}</title><style>td{{border:1px solid}}</style><script>var x = '牵头单位';</script></head><body>"
        '<nav><a href="/">首页</a> <a href="/zwgk">政务公开</a></nav>'
        f'<div class="content"><h1>{TITLE}</h1><table border="1">{"".join(rows)}</table>'
        f'<p style="text-align:right">{ISSUER}</p><p>2024年2月20日</p></div>'
        "<footer>版权所有 网站地图 主办单位：区政府办公室</footer></body></html>"
    )
    # Sites that declare GB2312 write GBK (— is not in GB2312): what a browser and the reader accept.
    path.write_bytes(page.encode("gbk" if encoding.lower() == "gb2312" else encoding))
    return path


def write_csv(path: Path, delimiter: str = ",") -> Path:
    """The table as a spreadsheet exports it: a merged value in its first row only."""
    cols = columns()
    starts = {(run.start, c): run for c, runs in enumerate(cols) for run in runs}
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow([TITLE])
        w.writerow(HEADER)
        for r in range(ROWS):
            w.writerow([("、".join(starts[(r, c)].lines) if (r, c) in starts else "") for c in range(len(HEADER))])
        w.writerow([ISSUER])
    return path


def convert(src: Path, target: str, out_dir: Path) -> Path:
    """Convert with LibreOffice (headless, private profile) and return the new file."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                exe,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    out = out_dir / f"{src.stem}.{target.split(':', maxsplit=1)[0]}"
    assert out.exists(), f"LibreOffice wrote no {out}"
    return out
