"""Reading a document file into clean, numbered lines.

Encodings are detected, not assumed: a byte-order mark wins, then strict UTF-8,
then strict GB18030 (a superset of GBK and GB2312, the usual encodings of text
saved on Chinese Windows machines). Anything that is not text is refused with an
:class:`~dutygraph.errors.UnreadableFileError` naming the file.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dutygraph.errors import UnreadableFileError

#: Word-export artefacts such as ``[bookmark: OLE_LINK1]`` carry no content.
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Characters that separate words on a line: ASCII and ideographic spaces, nbsp.
SPACES = " \u3000\u00a0\u2002\u2003\u2009"
_SPACE_RUN = re.compile(f"[{SPACES}]+")

#: Largest file the loaders accept (a decomposition is a few hundred kilobytes).
MAX_BYTES = 64 * 1024 * 1024


@dataclass(slots=True, frozen=True)
class Line:
    """One source line: its 1-based number and its text (no line break)."""

    no: int
    text: str


@dataclass(slots=True)
class SourceText:
    """A decoded document: its lines, the encoding used and the bytes' digest."""

    path: Path
    lines: list[Line]
    encoding: str
    sha256: str

    @property
    def name(self) -> str:
        """The file name without its directory (the ``doc`` of every record)."""
        return self.path.name


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data`` as text and return ``(text, encoding)``.

    Args:
        data: the file's bytes.
        path: the file, for error messages.

    Returns:
        The text and the name of the encoding it was in.

    Raises:
        UnreadableFileError: the bytes are empty, binary, or neither UTF-8,
            UTF-16 (with a BOM) nor GB18030.
    """
    if not data.strip():
        raise UnreadableFileError(path, "the file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding), path), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableFileError(path, f"starts with a {encoding} mark but is not {encoding} text") from exc
    if b"\x00" in data:
        raise UnreadableFileError(path, "this is a binary file, not a text document")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _check_text(data.decode(encoding), path), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFileError(path, "the text is neither UTF-8 nor GB18030/GBK; save it as UTF-8")


def _check_text(text: str, path: Path) -> str:
    """Refuse decoded text that is mostly control characters or private-use code points."""
    sample = text[:20000]
    odd = sum(
        1
        for ch in sample
        if (ch < " " and ch not in "\t\n\r\f") or unicodedata.category(ch) in ("Co", "Cs", "Cn")
    )
    if sample and odd / len(sample) > 0.02:
        raise UnreadableFileError(path, "this is a binary file, not a text document")
    return text


def clean_line(text: str) -> str:
    """Strip export artefacts, control characters and outer whitespace from one line."""
    text = _BOOKMARK.sub("", text).replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    return text.strip(SPACES + "\r\n")


def squeeze(text: str) -> str:
    """Remove every space inside ``text`` (names and headings carry none)."""
    return _SPACE_RUN.sub("", text).strip()


def read_source(path: str | Path) -> SourceText:
    """Read a document file into numbered, cleaned lines.

    Tabs are kept (the delimited-table loader needs them); everything else a
    loader does not want is removed by :func:`clean_line` when it reads a line.

    Args:
        path: the file to read.

    Returns:
        The decoded :class:`SourceText`.

    Raises:
        UnreadableFileError: missing file, directory, empty, binary or undecodable.

    Example:
        >>> src = read_source("../shared/seeds/001_d657d27eca61cd1c.txt")  # doctest: +SKIP
        >>> src.encoding
        'utf-8'
    """
    p = Path(path)
    if not p.exists():
        raise UnreadableFileError(p, "no such file")
    if p.is_dir():
        raise UnreadableFileError(p, "this is a directory, not a document file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFileError(p, f"the file is {size // (1024 * 1024)} MiB; documents above 64 MiB are refused")
        data = p.read_bytes()
    except PermissionError as exc:
        raise UnreadableFileError(p, "permission denied") from exc
    except OSError as exc:
        raise UnreadableFileError(p, f"cannot be read ({exc.strerror or exc})") from exc
    text, encoding = decode(data, p)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [Line(i, raw) for i, raw in enumerate(text.split("\n"), start=1)]
    return SourceText(p, lines, encoding, hashlib.sha256(data).hexdigest())
