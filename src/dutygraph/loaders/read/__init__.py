"""Readers: one module per file format, each returning the same blocks
(:class:`~dutygraph.loaders.read.blocks.Document` of paragraphs and tables whose
cells keep their spans).

=========  ==========================================  ============================
format     library                                     module
=========  ==========================================  ============================
.docx      python-docx                                 :mod:`.docx_file`
.doc .rtf  LibreOffice (soffice) to .docx, python-docx :mod:`.doc_file`
.xlsx      openpyxl                                    :mod:`.xlsx_file`
.xls       xlrd (formatting_info=True)                 :mod:`.xlsx_file`
.html      lxml's HTML parser                          :mod:`.html_file`
.pdf       pdfplumber                                  :mod:`.pdf_file`
.csv .tsv  the csv module                              :mod:`.csv_file`
=========  ==========================================  ============================

Plain text (.txt, .md) is not read here: it keeps the text path
(:func:`dutygraph.loaders.text.read_source`), unless its bytes are a CSV table (a header of
column names and rows of as many cells, split at ASCII commas), which the csv reader reads.
The format is told from the bytes (:func:`~dutygraph.loaders.read.detect.detect_format`), not from the name.
"""

from __future__ import annotations

import logging
from pathlib import Path

from dutygraph.errors import UnreadableFileError
from dutygraph.loaders.read.blocks import Cell, Document, Paragraph, Table
from dutygraph.loaders.read.detect import BLOCK_FORMATS, OLE2_MAGIC, detect_format
from dutygraph.loaders.text import MAX_BYTES

__all__ = [
    "DOCUMENT_SUFFIXES",
    "Cell",
    "Document",
    "Paragraph",
    "Table",
    "detect_format",
    "document_files",
    "read_document",
    "sniff",
]

log = logging.getLogger(__name__)

#: File names taken from a directory: text and every format a reader knows.
DOCUMENT_SUFFIXES = (
    ".txt",
    ".md",
    ".text",
    ".tsv",
    ".csv",
    ".docx",
    ".doc",
    ".wps",
    ".odt",
    ".rtf",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".et",
    ".ods",
    ".html",
    ".htm",
    ".shtml",
    ".xhtml",
    ".mht",
    ".mhtml",
    ".pdf",
)


def sniff(path: str | Path) -> str:
    """The format of the file at ``path`` ("text" for plain text), told from its bytes.

    Raises:
        UnreadableFileError: missing, a directory, too large, unreadable, or a
            damaged/password-protected Office file (see :func:`detect_format`).

    Example:
        >>> sniff("../shared/seeds/001_d657d27eca61cd1c.txt")
        'text'
    """
    p = Path(path)
    if not p.is_file():
        return "text"  # read_source says what is wrong with it
    try:
        if p.stat().st_size > MAX_BYTES:
            return "text"
        with p.open("rb") as fh:
            head = fh.read(1 << 16)
            if head.startswith(OLE2_MAGIC):
                head += fh.read()  # the stream directory of a compound file may sit anywhere in it
    except OSError:
        return "text"
    return detect_format(p, head)


def read_document(path: str | Path, fmt: str | None = None) -> Document:
    """Read a non-text document into blocks with the reader for its format.

    Args:
        path: the file.
        fmt: its format when already known (from :func:`sniff`).

    Returns:
        The :class:`Document`, every block numbered with its line in the rendered view.

    Raises:
        UnreadableFileError: the file is plain text, or its reader cannot read it.

    Example:
        >>> import tempfile, docx
        >>> from pathlib import Path
        >>> path = Path(tempfile.mkdtemp()) / "plan.docx"
        >>> word = docx.Document()
        >>> rows = [["序号", "工作任务", "牵头单位"], ["1", "建成县第二小学", "县教育局"]]
        >>> table = word.add_table(rows=2, cols=3)
        >>> for r, texts in enumerate(rows):
        ...     for c, text in enumerate(texts):
        ...         table.cell(r, c).text = text
        >>> word.save(path)
        >>> doc = read_document(path)
        >>> doc.format, len(doc.tables)
        ('docx', 1)
    """
    p = Path(path)
    fmt = fmt or sniff(p)
    if fmt not in BLOCK_FORMATS:
        raise UnreadableFileError(p, f"is {fmt}, not a format with blocks")
    log.debug("%s: reading as %s", p, fmt)
    if fmt == "docx":
        from dutygraph.loaders.read.docx_file import read_docx

        return read_docx(p)
    if fmt in ("doc", "odt"):
        from dutygraph.loaders.read.doc_file import read_doc

        return read_doc(p, fmt)
    if fmt == "ods":
        from dutygraph.loaders.read.doc_file import read_ods

        return read_ods(p)
    if fmt == "xlsx":
        from dutygraph.loaders.read.xlsx_file import read_xlsx

        return read_xlsx(p)
    if fmt == "xls":
        from dutygraph.loaders.read.xlsx_file import read_xls

        return read_xls(p)
    if fmt == "html":
        from dutygraph.loaders.read.html_file import read_html

        return read_html(p)
    if fmt == "mht":
        from dutygraph.loaders.read.html_file import read_mht

        return read_mht(p)
    if fmt == "pdf":
        from dutygraph.loaders.read.pdf_file import read_pdf

        return read_pdf(p)
    from dutygraph.loaders.read.csv_file import read_csv

    return read_csv(p)


def document_files(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, UnreadableFileError]]]:
    """The files named, with each directory replaced by its documents (sorted by name).

    Returns:
        ``(files, failures)``: the files to read, and each directory that holds no
        document with its error.

    Example:
        >>> document_files([Path("../shared/seeds")])[0][:1]
        [PosixPath('../shared/seeds/000_654dc59a8ba40907.txt')]
    """
    out: list[Path] = []
    failures: list[tuple[Path, UnreadableFileError]] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES)
            if not found:
                failures.append(
                    (p, UnreadableFileError(p, f"the directory holds no document ({' '.join(DOCUMENT_SUFFIXES)})"))
                )
            out.extend(found)
        else:
            out.append(p)
    return out, failures
