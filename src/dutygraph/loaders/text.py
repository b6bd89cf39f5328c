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
from dataclasses import dataclass, field
from pathlib import Path

from dutygraph.errors import UnreadableFileError

#: Word-export artefacts such as ``[bookmark: OLE_LINK1]`` carry no content.
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Characters that separate words on a line: ASCII and ideographic spaces, nbsp.
SPACES = " \u3000\u00a0\u2002\u2003\u2009"
#: What a text cut before a label can end in: separators and the bracket the label's group opened.
OPENING_PUNCT = "；;，, (（[【〔"
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
    notes: list[tuple[int | None, str]] = field(default_factory=list)

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
    if data.count(b"\x00") > max(8, len(data) // 1000):
        raise UnreadableFileError(path, "this is a binary file, not a text document")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _check_text(data.decode(encoding), path), encoding
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.start >= len(data) - 3 and exc.start > 0:
                # The last character was cut (a download or a copy that stopped short).
                return _check_text(data[: exc.start].decode("utf-8"), path), "utf-8"
            continue
    raise UnreadableFileError(path, "the text is neither UTF-8 nor GB18030/GBK; save it as UTF-8")


def damage_notes(data: bytes) -> list[tuple[int | None, str]]:
    """What :func:`decode` read past: NUL bytes (with their lines) and a cut last character."""
    notes: list[tuple[int | None, str]] = []
    for no, raw in enumerate(data.split(b"\n"), start=1):
        if b"\x00" in raw:
            notes.append((no, "removed a NUL byte (damaged text); the rest of the line was read"))
    try:
        data.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError as exc:
        if (
            exc.start >= len(data) - 3
            and exc.start > 0
            and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        ):
            try:
                data[: exc.start].decode("utf-8")
                notes.append((None, "the file ends in the middle of a character (cut short); read up to it"))
            except UnicodeDecodeError:
                pass
    return notes


def _check_text(text: str, path: Path) -> str:
    """Refuse decoded text that is mostly control characters or private-use code points."""
    sample = text[:20000]
    odd = sum(
        1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or unicodedata.category(ch) in ("Co", "Cs", "Cn")
    )
    if sample and odd / len(sample) > 0.02:
        raise UnreadableFileError(path, "this is a binary file, not a text document")
    return text


def clean_line(text: str) -> str:
    """Strip export artefacts, control characters and outer whitespace from one line."""
    text = _BOOKMARK.sub("", text).replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    return text.strip(SPACES + "\r\n")


#: A pinyin gloss a mirror site put after a character: 發(fā), 務(wù) (one tone-marked syllable in brackets).
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)[)）]")


def strip_glosses(text: str) -> tuple[str, int]:
    """Remove the pinyin glosses a mirror site inserted after characters; returns the text and how many.

    >>> strip_glosses("縣發(fā)改委、省公安廳(tīng)")
    ('縣發改委、省公安廳', 2)
    """
    return _GLOSS.subn("", text)


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
        >>> src = read_source("../shared/seeds/001_d657d27eca61cd1c.txt")
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
    text, encoding = decode(data.replace(b"\x00", b"") if encoding_has_no_nul(data) else data, p)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [Line(i, raw) for i, raw in enumerate(text.split("\n"), start=1)]
    notes = damage_notes(data) if encoding_has_no_nul(data) or encoding.startswith("utf-8") else []
    return SourceText(p, lines, encoding, hashlib.sha256(data).hexdigest(), notes)


def encoding_has_no_nul(data: bytes) -> bool:
    """True when NUL bytes in ``data`` are damage, not part of the encoding (UTF-16 is full of them)."""
    return not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and 0 < data.count(b"\x00") <= max(
        8, len(data) // 1000
    )


#: Each closing bracket of a cue group and its opener.
OPENERS = {")": "(", "）": "（", "]": "[", "】": "【", "〕": "〔"}
_OPENS, _CLOSES = "(（〔【[〈《", ")）〕】]〉》"


def before_unopened_close(value: str) -> str:
    """A value up to a closing bracket it did not open: the bracket that held the label ends there
    and a status tail may follow (责任单位：市水务局）该件实事已全面完成)."""
    depth = 0
    for i, ch in enumerate(value):
        if ch in _OPENS:
            depth += 1
        elif ch in _CLOSES:
            if depth == 0:
                return value[:i]
            depth -= 1
    return value


def final_bracket(text: str) -> tuple[str, str] | None:
    """Split ``text`` into (body, inside) at the bracket that closes it, or None.

    Brackets may be ( ), （ ）, [ ], 【 】 or 〔 〕, nested.

    Example:
        >>> final_bracket("新建公园（含口袋公园（5个））。")
        ('新建公园', '含口袋公园（5个）')
    """
    stripped = text.rstrip(" 。.;；，,")
    if not stripped or stripped[-1] not in OPENERS:
        return None
    depth = 0
    for i in range(len(stripped) - 1, -1, -1):
        ch = stripped[i]
        if ch in OPENERS:
            depth += 1
        elif ch in OPENERS.values():
            depth -= 1
            if depth == 0:
                return stripped[:i].rstrip(), stripped[i + 1 : -1]
    return None


def opening_bracket(text: str) -> tuple[str, str] | None:
    """Split ``text`` into (inside, rest) at the bracket that opens it, or None (brackets as in
    :func:`final_bracket`, nested).

    Example:
        >>> opening_bracket("【牵头单位：县教育局】新建学校2所。")
        ('牵头单位：县教育局', '新建学校2所。')
    """
    stripped = text.lstrip(" \u3000")
    if not stripped or stripped[0] not in OPENERS.values():
        return None
    depth = 0
    for i, ch in enumerate(stripped):
        if ch in OPENERS.values():
            depth += 1
        elif ch in OPENERS:
            depth -= 1
            if depth == 0:
                return stripped[1:i], stripped[i + 1 :].strip()
    return None
