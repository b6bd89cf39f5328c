"""How the loaders read the corpus when its documents are printed the way other documents of
the genre print the same things: each variant rewrites every text document of the
development corpus (labels by their synonyms, in brackets or before a space, punctuation
of the other width, numbering of another style, indented lines, traditional characters,
page furniture, lines wrapped at a PDF page's width, tables served as HTML) and scores it
against the same gold.

A variant never changes a name the gold holds, so a drop from the plain reading is a
variant the loaders do not read yet.

    python -m bench.variants [tests/corpus] [--only VARIANT] [--show-misses]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench.accuracy import DocScore, corpus_documents, score_document, total

_SYNONYMS = {
    "牵头单位": "主责单位",
    "牵头部门": "主办部门",
    "配合单位": "协同单位",
    "配合部门": "协助部门",
    "分管领导": "包保领导",
    "责任领导": "联系领导",
    "完成时限": "进度安排",
}
_ROLE_LABELS = ("牵头单位", "牵头部门", "配合单位", "配合部门", "责任单位", "责任部门", "分管领导", "责任领导")
_LABELLED = re.compile(rf"(?<![\u4e00-\u9fff])({'|'.join(_ROLE_LABELS)})\s*[:：]\s*")
_HALF = str.maketrans({"：": ":", "；": ";", "，": ",", "（": "(", "）": ")"})
_FULL = str.maketrans({":": "：", ";": "；", ",": "，", "(": "（", ")": "）"})


@cache
def _s2t():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("s2t")


def _numbering(text: str) -> str:
    text = re.sub(r"(?m)^(\s*)(\d{1,3})\.(?!\d)", r"\1\2、", text)
    text = re.sub(r"(?m)^(\s*)\((\d{1,3})\)", r"\1（\2）", text)
    return re.sub(r"(?m)^(\s*)（([一二三四五六七八九十]{1,3})）", r"\1(\2)", text)


#: The width a PDF page of the genre wraps its text at, in columns (38 characters of 2 columns).
_PAGE_WIDTH = 76


def _wrapped(text: str) -> str:
    """Every line but a table's broken where a PDF page's width ends (a CJK character two columns), as a
    PDF copied as text prints it: inside sentences, brackets and names."""
    from dutygraph.loaders.unwrap import width

    out: list[str] = []
    for line in text.split("\n"):
        piece = ""
        for ch in line if "|" not in line else "":
            if width(piece) + width(ch) > _PAGE_WIDTH:
                out.append(piece)
                piece = ""
            piece += ch
        out.append(piece if "|" not in line else line)
    return "\n".join(out)


def _pipe_cells(line: str, in_table: bool) -> list[str] | None:
    """The cells of a pipe row printed on one line (| a | b | or a | b | c), None for any other line; in
    a table a row may hold one filled cell (a cell's last line printed as a row of its own)."""
    text = line.strip()
    if text.count("|") < 2 or re.fullmatch(r"[|\s:-]+", text):
        return None
    cells = [c.strip() for c in text.strip("|").split("|")]
    return cells if sum(1 for c in cells if c) >= (1 if in_table else 2) else None


def _html_tables(text: str) -> str:
    """A page whose runs of pipe rows are real HTML tables (one <td> a cell) and whose other lines are
    paragraphs: how a site serves the table a scrape printed with pipes."""
    out, rows = ["<html><head><meta charset='utf-8'></head><body>"], []
    for line in [*text.split("\n"), "<end>"]:
        cells = _pipe_cells(line, bool(rows))
        if cells is not None:
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
            continue
        if rows and not re.fullmatch(r"[|\s:-]*", line.strip()):
            out.append("<table>" + "".join(rows) + "</table>")
            rows = []
        if not rows and line != "<end>":
            out.append(f"<p>{html.escape(line)}</p>")
    return "".join(out) + "</body></html>"


VARIANTS: dict[str, Callable[[str], str]] = {
    "plain": lambda t: t,
    "synonyms": lambda t: re.sub(
        rf"(?<![\u4e00-\u9fff])(?:{'|'.join(_SYNONYMS)})(?=\s*[:：]|\s*$)",
        lambda m: _SYNONYMS[m.group(0)],
        t,
        flags=re.MULTILINE,
    ),
    "bracketed-labels": lambda t: _LABELLED.sub(lambda m: f"【{m.group(1)}】", t),
    "spaced-labels": lambda t: _LABELLED.sub(lambda m: f"{m.group(1)} ", t),
    "half-width": lambda t: t.translate(_HALF),
    "full-width": lambda t: t.translate(_FULL),
    "numbering": _numbering,
    "indented": lambda t: "\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in t.split("\n")),
    "traditional": lambda t: _s2t().convert(t),
    "page-furniture": lambda t: (
        "首页 > 政务公开 > 通知公告\n字号：大 中 小\n" + t + "\n\n第1页 共1页\n【打印本页】【关闭窗口】\n"
    ),
    "site-footer": lambda t: (
        t
        + "\n扫一扫在手机打开当前页\n主办单位：某某市人民政府办公室\n承办单位：某某市大数据中心\n网站标识码：1234567890\n"
    ),
    "title-line": lambda t: "关于印发重点工作任务分解方案的通知\n" + t,
    "double-spaced": lambda t: t.replace("\n", "\n\n"),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "one-line": lambda t: " ".join(ln.strip() for ln in t.split("\n") if ln.strip()),
    "html-table": _html_tables,
    "wrapped": _wrapped,
    "html": lambda t: (
        "<html><head><meta charset='utf-8'></head><body>"
        + "".join(f"<p>{html.escape(ln)}</p>" for ln in t.split("\n"))
        + "</body></html>"
    ),
}
#: Variants printed in another format than text.
SUFFIX = {"html": ".html", "html-table": ".html"}


def score_variant(folder: Path, name: str) -> list[DocScore]:
    """Every text document of the corpus rewritten by variant ``name``, scored against its gold."""
    rewrite = VARIANTS[name]
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc, gold in corpus_documents(folder):
            if doc.suffix not in (".txt", ".md"):
                continue
            varied = Path(tmp) / (doc.stem + SUFFIX.get(name, doc.suffix))
            varied.write_bytes(rewrite(doc.read_text(encoding="utf-8")).encode("utf-8"))
            scores.append(score_document(varied, gold))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The corpus scored under each variant of how the genre prints.")
    parser.add_argument("corpus", nargs="?", default="tests/corpus", type=Path)
    parser.add_argument("--only", choices=sorted(VARIANTS), help="run one variant")
    parser.add_argument("--show-misses", action="store_true", help="list the documents a variant reads worse")
    args = parser.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)
    plain = {s.name: s for s in score_variant(args.corpus, "plain")} if args.show_misses else {}
    print(f"{'variant':<18}  tasks found       precision  recall     F1")
    for name in [args.only] if args.only else VARIANTS:
        scores = score_variant(args.corpus, name)
        t = total(scores)
        pct = f"{t.found}/{t.gold_tasks} ({t.found / t.gold_tasks:.1%})"
        print(f"{name:<18}  {pct:<16}  {t.precision:>9.3f}  {t.recall:>6.3f}  {t.f1:>5.3f}")
        if args.show_misses:
            for s in scores:
                base = plain.get(s.name)
                if base and (s.found < base.found or s.f1 < base.f1 - 1e-9):
                    print(
                        f"    {s.name}: tasks {s.found}/{s.gold_tasks}, F1 {s.f1:.3f} (plain: {base.found}, {base.f1:.3f})"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
