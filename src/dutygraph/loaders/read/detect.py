"""Telling a file's format from its bytes, not from its name.

A ``.doc`` saved from a web page is HTML, a ``.doc`` renamed from ``.docx`` is a zip
archive; both still read. The name decides only between formats whose bytes look
alike (a CSV and a TSV are both text).
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import re
import zipfile
from collections import Counter
from pathlib import Path

from dutygraph.errors import UnreadableFileError

log = logging.getLogger(__name__)

#: The OLE2 compound-file signature of .doc, .xls and password-protected Office files.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
#: OLE2 directory entries are named in UTF-16LE.
_OLE_NAMES = {name: name.encode("utf-16-le") for name in ("EncryptedPackage", "WordDocument", "Workbook", "Book")}
#: The headers a saved web archive opens with (From: <Saved by Blink>, MIME-Version: 1.0, …).
_MHTML = re.compile(rb"^\s*(?:(?:From|Subject|Date|MIME-Version|Content-Type|Snapshot-Content-Location)\s*:)", re.I)
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table|div|p|title)\b",
    re.I | re.S,
)

#: Formats a reader in :mod:`dutygraph.loaders.read` turns into blocks.
BLOCK_FORMATS = frozenset({"docx", "doc", "odt", "xlsx", "xls", "ods", "html", "mht", "pdf", "csv", "tsv"})


def detect_format(path: Path, head: bytes) -> str:
    """The format of a document from its first bytes (and, for text, its name).

    Args:
        path: the file (its suffix only separates CSV/TSV from other text).
        head: the file's bytes (at least the first 4 KiB; a zip needs all of it).

    Returns:
        One of "docx", "xlsx", "odt", "ods", "doc", "xls", "pdf", "html", "mht", "csv", "tsv", "text".

    Raises:
        UnreadableFileError: a damaged zip archive, a zip that is no Office file,
            a password-protected Office file, or an OLE2 file that is neither Word nor Excel.

    Example:
        >>> detect_format(Path("a.doc"), b"<html><body><table></table></body></html>")
        'html'
    """
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        return _zip_format(path)
    if head.startswith(OLE2_MAGIC):
        return _ole_format(path, head, suffix)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if _MHTML.match(head[:4096]) and b"multipart/related" in head[:4096].lower():
        return "mht"  # a web page saved with its pictures as one file (.mht, .mhtml): MIME parts
    if head.lstrip()[:5].lower() == b"{\\rtf":
        return "doc"  # LibreOffice converts RTF the way it converts .doc
    sample = head[:4096]
    for bom in (b"\xef\xbb\xbf",):
        sample = sample.removeprefix(bom)
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        with contextlib.suppress(UnicodeDecodeError):
            sample = sample.decode("utf-16").encode("utf-8")
    if _HTML_START.match(sample) or (suffix in (".html", ".htm", *_OFFICE_SUFFIXES) and b"<table" in sample.lower()):
        return "html"
    if suffix in (".csv", ".tsv"):
        return suffix[1:]
    return "csv" if _comma_separated(sample) else "text"


def _comma_separated(sample: bytes) -> bool:
    """A table saved as CSV under a text file's name: at least three rows of the same three or more cells,
    most of the rows (a title or a signature alone on its line aside), split at ASCII commas, which Chinese
    prose does not use (its comma is ，).

    >>> _comma_separated("序号,工作任务,责任单位\\n1,新建学校,县教育局\\n2,新增就业,县人社局\\n".encode())
    True
    >>> _comma_separated("一、稳增长\\n1.地区生产总值增长6%。\\n责任单位：县发改局\\n".encode())
    False
    >>> _comma_separated(("稳增长,促就业,惠民生。\\n" * 3).encode())  # prose in half-width commas
    False
    """
    if len(sample) >= 4096:
        sample = sample[: sample.rfind(b"\n")]  # the last line may be cut off, inside a character too
    for encoding in ("utf-8", "gb18030"):
        with contextlib.suppress(UnicodeDecodeError):
            text = sample.decode(encoding)
            break
    else:
        return False
    try:
        rows = [row for row in csv.reader(io.StringIO(text)) if any(c.strip() for c in row)]
    except csv.Error:
        return False
    width, count = Counter(map(len, rows)).most_common(1)[0] if rows else (0, 0)
    if width < 3 or count < 3 or count < 0.6 * len(rows):
        return False
    # prose with ASCII commas (a page converted to half-width) has no header: short names of columns
    header = next(row for row in rows if len(row) == width)
    return all(len(c.strip()) <= 12 for c in header) and any(_COLUMN_WORD.search(c) for c in header)


#: Words of a decomposition table's column names.
_COLUMN_WORD = re.compile(r"序号|单位|部门|领导|任务|事项|项目|时限|时间")


#: OpenDocument's mimetype member, by format.
_OPEN_DOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
#: Names of Office files a web page may be saved under; WPS Office's .wps and .et are Word's and Excel's formats.
_OFFICE_SUFFIXES = (".doc", ".xls", ".wps", ".et")


def _zip_format(path: Path) -> str:
    """docx, xlsx, odt or ods by the archive's members."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            bad = zf.testzip()
            mimetype = zf.read("mimetype").strip() if "mimetype" in names and bad is None else b""
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise UnreadableFileError(
            path, "is a damaged zip archive (a .docx or .xlsx cut short or corrupted); save it again"
        ) from exc
    if bad is not None:
        raise UnreadableFileError(path, f"is a damaged zip archive (member {bad} is corrupt); save it again")
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if mimetype in _OPEN_DOCUMENT:
        return _OPEN_DOCUMENT[mimetype]
    raise UnreadableFileError(
        path, "is a zip archive but not a Word (.docx), Excel (.xlsx) or OpenDocument (.odt, .ods) file"
    )


def _ole_format(path: Path, head: bytes, suffix: str) -> str:
    """doc or xls by the compound file's stream names; encrypted packages refused."""
    found = {name for name, raw in _OLE_NAMES.items() if raw in head}
    if "EncryptedPackage" in found:
        raise UnreadableFileError(path, "is password-protected (an encrypted Office file); save it without a password")
    if "WordDocument" in found:
        return "doc"
    if found & {"Workbook", "Book"}:
        return "xls"
    if suffix in _OFFICE_SUFFIXES:
        return "doc" if suffix in (".doc", ".wps") else "xls"
    raise UnreadableFileError(path, "is an Office (OLE2) file that is neither a Word .doc nor an Excel .xls")
