"""The corpus printed to PDF and saved as Word, and read back: how the loaders read the PDF
and the .docx attachment a user holds, next to the same document as text.

LibreOffice prints every text document of the corpus (one batch, a private profile) and
the loaders read each PDF through pdfplumber; LibreOffice also saves each document's
html-table reading (its pipe tables as real tables, bench/variants.py) as .docx, read through
python-docx. All readings are scored against the same gold. A table the text printed one cell a line between blank lines loses its blank lines
in a PDF (a PDF keeps no empty paragraph), so those documents read worse than printed;
a real PDF would hold a ruled table.

    python -m bench.printed_pdf [tests/corpus] [--show-misses]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.accuracy import DocScore, corpus_documents, score_document, total
from bench.variants import VARIANTS


def print_pdfs(texts: list[Path], out: Path, target: str = "pdf") -> None:
    """Print ``texts`` to PDF (or convert them to ``target``) in ``out`` with LibreOffice, more passes
    for any the first did not write."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        sys.exit("error: LibreOffice (soffice) is needed: make office")
    suffix = target.split(":", 1)[0]
    for _ in range(3):
        missing = [t for t in texts if not (out / f"{t.stem}.{suffix}").exists()]
        if not missing:
            return
        with tempfile.TemporaryDirectory() as profile:
            profile_arg = f"-env:UserInstallation={Path(profile).as_uri()}"
            subprocess.run(
                [exe, profile_arg, "--headless", "--convert-to", target, "--outdir", str(out), *map(str, missing)],
                capture_output=True,
                timeout=1800,
                check=False,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The corpus printed to PDF and read back.")
    parser.add_argument("corpus", nargs="?", default="tests/corpus", type=Path)
    parser.add_argument("--show-misses", action="store_true", help="list the documents the PDF reads worse")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    documents = [(doc, gold) for doc, gold in corpus_documents(args.corpus) if doc.suffix == ".txt"]
    with tempfile.TemporaryDirectory() as tmp:
        pages, words = Path(tmp) / "pdf", Path(tmp) / "docx"
        tables = Path(tmp) / "html"
        for folder in (pages, words, tables):
            folder.mkdir()
        for doc, _ in documents:
            html = VARIANTS["html-table"](doc.read_text(encoding="utf-8"))
            (tables / f"{doc.stem}.html").write_text(html, encoding="utf-8")
        print_pdfs([doc for doc, _ in documents], pages)
        print_pdfs([tables / f"{doc.stem}.html" for doc, _ in documents], words, "docx:MS Word 2007 XML")
        printed: list[DocScore] = []
        read: dict[str, list[DocScore]] = {"pdf": [], "docx": []}
        for doc, gold in documents:
            text_score = score_document(doc, gold)
            printed.append(text_score)
            for kind, folder in (("pdf", pages), ("docx", words)):
                path = folder / f"{doc.stem}.{kind}"
                if not path.exists():
                    print(f"    {doc.stem}: LibreOffice wrote no {kind}")
                    continue
                score = score_document(path, gold)
                read[kind].append(score)
                worse = score.found < text_score.found or score.f1 < text_score.f1 - 1e-9
                if args.show_misses and worse:
                    print(
                        f"    {doc.stem}.{kind}: tasks {score.found}/{score.gold_tasks}, F1 {score.f1:.3f} "
                        f"(as text: {text_score.found}, {text_score.f1:.3f})"
                    )
    print(f"{'reading':<10}  tasks found       precision  recall     F1")
    for name, scores in (("text", printed), ("pdf", read["pdf"]), ("docx", read["docx"])):
        t = total(scores)
        pct = f"{t.found}/{t.gold_tasks} ({t.found / t.gold_tasks:.1%})"
        print(f"{name:<10}  {pct:<16}  {t.precision:>9.3f}  {t.recall:>6.3f}  {t.f1:>5.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
