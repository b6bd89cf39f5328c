"""Extract throughput per file format at city size, against the text path.

The city corpus of :mod:`bench.generate` (30 documents, about 5,000 tasks) is
written as decomposition tables (序号 | 目标名称 | 工作任务 | 分管领导 | 牵头单位 |
配合单位, the goal cell merged over its tasks, units one per paragraph) in .docx
(python-docx), .xlsx (openpyxl), .html and .csv; LibreOffice converts the .docx
to .doc and .pdf and the .xlsx to .xls. Each format is then extracted with
:func:`dutygraph.loaders.load`, file by file, in this process; .doc includes
LibreOffice's conversion, which dominates it. The text path is the seed layouts
of :func:`bench.generate.write_documents`.

    python -m bench.bench_formats [--size city] [--out bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import csv
import html
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dutygraph.loaders.records import LoadResult

HEADER = ["序号", "目标名称", "工作任务", "分管领导", "牵头单位", "配合单位"]


def _rows(r: LoadResult) -> list[tuple[list[list[str]], int]]:
    """Each task's cells (lines per cell) and how many rows its goal cell spans (0 inside a merge)."""
    out: list[tuple[list[list[str]], int]] = []
    tasks = r.tasks
    i = 0
    while i < len(tasks):
        j = i
        while j < len(tasks) and tasks[j].goal == tasks[i].goal:
            j += 1
        for k in range(i, j):
            t = tasks[k]
            cells = [
                [t.task.strip("()")],
                [t.goal or ""],
                [t.text],
                list(t.leaders),
                list(t.lead),
                list(t.support) or ["—"],
            ]
            out.append((cells, j - i if k == i else 0))
        i = j
    return out


def write_docx(r: LoadResult, path: Path) -> None:
    """One document as a Word table, the goal merged over its tasks."""
    import docx

    d = docx.Document()
    d.add_paragraph(r.document.title or "")
    rows = _rows(r)
    table = d.add_table(rows=len(rows) + 1, cols=len(HEADER))
    table.style = "Table Grid"
    for c, name in enumerate(HEADER):
        table.cell(0, c).text = name
    for i, (cells, span) in enumerate(rows, start=1):
        for c, lines in enumerate(cells):
            if c == 1 and span == 0:
                continue
            cell = table.cell(i, c)
            if c == 1 and span > 1:
                cell = cell.merge(table.cell(i + span - 1, c))
            cell.paragraphs[0].text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)
    d.add_paragraph(f"{r.document.region}人民政府")
    d.save(str(path))


def write_xlsx(r: LoadResult, path: Path) -> None:
    """One document as a sheet, the goal merged over its tasks."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([r.document.title or ""])
    ws.append(HEADER)
    for i, (cells, span) in enumerate(_rows(r), start=3):
        for c, lines in enumerate(cells, start=1):
            if c == 2 and span == 0:
                continue
            ws.cell(i, c, "\n".join(lines))
            if c == 2 and span > 1:
                ws.merge_cells(start_row=i, start_column=2, end_row=i + span - 1, end_column=2)
    wb.save(path)


def write_html(r: LoadResult, path: Path) -> None:
    """One document as a web page with a rowspan goal cell."""
    rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"]
    for cells, span in _rows(r):
        tds = []
        for c, lines in enumerate(cells):
            if c == 1 and span == 0:
                continue
            attr = f' rowspan="{span}"' if c == 1 and span > 1 else ""
            tds.append(f"<td{attr}>{'<br>'.join(html.escape(x) for x in lines)}</td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    page = (
        f'<html><head><meta charset="utf-8"><title>{r.document.title}</title></head><body><h1>{r.document.title}</h1>'
        f'<table border="1">{"".join(rows)}</table></body></html>'
    )
    path.write_text(page, encoding="utf-8")


def write_csv(r: LoadResult, path: Path) -> None:
    """One document as a CSV (a merged goal in its first row only, as spreadsheets export it)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([r.document.title])
        w.writerow(HEADER)
        for cells, span in _rows(r):
            w.writerow(["、".join(lines) if not (c == 1 and span == 0) else "" for c, lines in enumerate(cells)])


def _convert(files: list[Path], target: str, out: Path) -> list[Path]:
    """Convert many files in one LibreOffice run (private profile)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit(
            "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
        )
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                exe,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            timeout=1800,
        )
    return [out / f"{f.stem}.{target}" for f in files]


def _measure(paths: list[Path]) -> dict[str, Any]:
    """Extract every file once; bytes, seconds, tasks."""
    from dutygraph.loaders import load

    total = sum(p.stat().st_size for p in paths)
    start = time.perf_counter()
    tasks = sum(len(load(p).tasks) for p in paths)
    seconds = time.perf_counter() - start
    return {
        "files": len(paths),
        "mb": total / 1e6,
        "s": seconds,
        "tasks": tasks,
        "mb_per_s": total / 1e6 / seconds,
        "tasks_per_s": tasks / seconds,
    }


def main() -> None:
    """Write the corpus in every format, extract each, print (and append) a Markdown table."""
    from bench.generate import SIZES, generate_records, write_documents

    parser = argparse.ArgumentParser(description="Extract throughput per file format against the text path.")
    parser.add_argument("--size", default="city", choices=sorted(SIZES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="append the table to this Markdown file")
    args = parser.parse_args()
    records = generate_records(SIZES[args.size], args.seed)
    expected = sum(len(r.tasks) for r in records)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files: dict[str, list[Path]] = {"text": write_documents(records, root / "text")}
        for fmt, writer in (("docx", write_docx), ("xlsx", write_xlsx), ("html", write_html), ("csv", write_csv)):
            (root / fmt).mkdir()
            files[fmt] = []
            for r in records:
                path = root / fmt / f"{Path(r.document.file).stem}.{fmt}"
                writer(r, path)
                files[fmt].append(path)
        files["doc"] = _convert(files["docx"], "doc", root / "doc")
        files["pdf"] = _convert(files["docx"], "pdf", root / "pdf")
        files["xls"] = _convert(files["xlsx"], "xls", root / "xls")
        for fmt in ("text", "docx", "doc", "pdf", "html", "xlsx", "xls", "csv"):
            results[fmt] = _measure(files[fmt])
            m = results[fmt]
            print(
                f"{fmt}: {m['tasks']} tasks in {m['s']:.2f} s ({m['mb_per_s']:.2f} MB/s, {m['tasks_per_s']:,.0f} tasks/s)",
                file=sys.stderr,
                flush=True,
            )
    base = results["text"]["s"]
    lines = [
        f"\n## Extract by file format ({args.size})\n",
        f"The {args.size} corpus ({len(records)} documents, {expected:,} tasks) as decomposition tables in each format "
        "(`python -m bench.bench_formats`), extracted file by file in one process; .doc includes LibreOffice's "
        "conversion to .docx. *text* is the seed layouts of bench/generate.py through the text path. "
        "MB are the files' sizes.\n",
        "| format | files MB | tasks read | extract (s) | MB/s | tasks/s | time / text |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for fmt, m in results.items():
        lines.append(
            f"| {fmt} | {m['mb']:.2f} | {m['tasks']:,} | {m['s']:.2f} | {m['mb_per_s']:.2f} | {m['tasks_per_s']:,.0f} | "
            f"{m['s'] / base:.1f}× |"
        )
    md = "\n".join(lines) + "\n"
    print(md)
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write(md)


if __name__ == "__main__":
    main()
