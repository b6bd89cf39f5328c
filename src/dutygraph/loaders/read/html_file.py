"""Web pages (.html/.htm, and .doc files that are really HTML) through lxml's HTML parser.

Tables keep their ``rowspan``/``colspan``; navigation, headers of the site, footers,
scripts and styles are left out. The encoding a page declares (``<meta charset>``,
GB2312/GBK on many government sites) is honoured; without one the project's
:func:`~dutygraph.loaders.text.decode` decides.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from pathlib import Path
from typing import Any

from dutygraph.errors import UnreadableFileError
from dutygraph.loaders.read.blocks import Block, Cell, Document, Paragraph, Table
from dutygraph.loaders.text import clean_line, decode

log = logging.getLogger(__name__)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)
#: Elements whose content is never the document.
_SKIP = frozenset(
    {"script", "style", "nav", "footer", "noscript", "template", "iframe", "button", "select", "form", "svg", "object"}
)
#: Elements that start a new line of text.
_BLOCK = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "pre",
        "section",
        "article",
        "header",
        "blockquote",
        "center",
        "ul",
        "ol",
        "dl",
        "main",
        "aside",
        "address",
        "caption",
        "figure",
        "hr",
        "tr",
        "title",
    }
)
#: Chinese encodings labelled by their older, smaller names.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030"}


def read_mht(path: Path) -> Document:
    """Read a web page saved as one file with its pictures (.mht, .mhtml): its first HTML part, as a page.

    Raises:
        UnreadableFileError: the archive holds no HTML part.
    """
    import email
    from email import policy

    raw = path.read_bytes()
    message = email.message_from_bytes(raw, policy=policy.compat32)
    for part in message.walk():
        payload = part.get_payload(decode=True) if part.get_content_type() == "text/html" else None
        if isinstance(payload, bytes) and payload.strip():
            charset = part.get_content_charset()
            if charset and not _CHARSET.search(payload[:4096]):
                payload = f'<meta charset="{charset}">'.encode("ascii") + payload  # the part's header names it
            doc = read_html(path, payload)
            doc.format, doc.sha256 = "mht", hashlib.sha256(raw).hexdigest()
            return doc
    raise UnreadableFileError(path, "is a saved web archive (.mht) that holds no HTML page")


def read_html(path: Path, data: bytes | None = None) -> Document:
    """Read an HTML page into blocks.

    Args:
        path: the page.
        data: its bytes when already read.

    Returns:
        The :class:`Document`, its lines numbered.

    Raises:
        UnreadableFileError: the page is empty or cannot be decoded.

    Example:
        >>> page = "<table><tr><td rowspan=2>目标</td><td>a</td></tr><tr><td>b</td></tr></table>"
        >>> doc = read_html(Path("p.html"), page.encode())
        >>> doc.tables[0].cells[0].rowspan
        2
    """
    import lxml.html

    raw = path.read_bytes() if data is None else data
    text, encoding = _decode(raw, path)
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, Exception) as exc:  # lxml.etree.ParserError: nothing to parse
        raise UnreadableFileError(path, "is an HTML page with no content") from exc
    blocks: list[Block] = []
    body = root.find("body")
    pending: list[str] = []
    _walk(body if body is not None else root, blocks, pending)
    _flush(pending, blocks)
    title = root.findtext(".//title")
    if (
        title
        and clean_line(title)
        and not any(isinstance(b, Paragraph) and b.text == clean_line(title) for b in blocks)
    ):
        blocks.insert(0, Paragraph(clean_line(title)))
    doc = Document(path, "html", blocks, hashlib.sha256(raw).hexdigest(), encoding)
    doc.number_lines()
    return doc


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """The page's text: its declared charset first, then the project's detection."""
    m = _CHARSET.search(raw[:4096]) or _XML_ENCODING.search(raw[:200])
    if m and not raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = m.group(1).decode("ascii").lower()
        encoding = _WIDER.get(declared, declared)
        try:
            return raw.decode(encoding), declared
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %s does not decode the page; detecting", path, declared)
    return decode(raw, path)


def _skipped(el: Any) -> bool:
    """Site chrome: script/style/nav/footer elements and anything marked as navigation."""
    if not isinstance(el.tag, str) or el.tag in _SKIP:
        return True
    role = (el.get("role") or "").lower()
    return role in ("navigation", "contentinfo", "banner") or el.get("hidden") is not None


def _walk(el: Any, blocks: list[Block], pending: list[str]) -> None:
    """Append the paragraphs and tables under ``el`` in order; ``pending`` collects inline text."""
    if el.text:
        pending.append(el.text)
    for child in el:
        if _skipped(child):
            pass
        elif child.tag == "table" and _is_layout(child):
            _flush(pending, blocks)
            for row in _rows(child):  # a page laid out with a table: its cells are containers
                for td in row:
                    if isinstance(td.tag, str) and td.tag in ("td", "th") and not _skipped(td):
                        _walk(td, blocks, pending)
                        _flush(pending, blocks)
        elif child.tag == "table":
            _flush(pending, blocks)
            blocks.append(_read_table(child))
        elif child.tag == "br":
            _flush(pending, blocks)
        elif child.tag in _BLOCK:
            _flush(pending, blocks)
            _walk(child, blocks, pending)
            _flush(pending, blocks)
        else:
            _walk(child, blocks, pending)
        if child.tail:
            pending.append(child.tail)


def _flush(pending: list[str], blocks: list[Block]) -> None:
    """Turn the inline text collected so far into a paragraph."""
    text = clean_line(re.sub(r"\s+", " ", "".join(pending)))
    pending.clear()
    if text:
        blocks.append(Paragraph(text))


def _is_layout(table: Any) -> bool:
    """A table used to lay out the page (common on government sites), not a table of data:
    a single cell, or a cell holding a table with more rows than the outer table has."""
    rows = _rows(table)
    cells = [td for tr in rows for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]
    if len(cells) == 1:
        return True
    for td in cells:
        for nested in td.iter("table"):
            if len(_rows(nested)) > len(rows):
                return True
    return False


def _rows(table: Any) -> list[Any]:
    """The table's own rows (thead, tbody, tfoot, bare tr), not those of nested tables."""
    rows: list[Any] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _span(el: Any, attr: str) -> int:
    """A rowspan/colspan attribute as a sane int (browsers read "2;" and "" too)."""
    m = re.match(r"\s*(\d+)", el.get(attr) or "")
    return min(max(int(m.group(1)), 1), 1000) if m else 1


def _read_table(table: Any) -> Table:
    """The table's cells placed on the grid the way a browser places them."""
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    rows = _rows(table)
    n_cols = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rowspan = min(_span(td, "rowspan"), len(rows) - r) or 1
            colspan = _span(td, "colspan")
            cell = Cell(r, c, rowspan, colspan, cell_lines(td))
            cells.append(cell)
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    taken.add((rr, cc))
            c += colspan
            n_cols = max(n_cols, c)
        n_cols = max(n_cols, max((cc + 1 for rr, cc in taken if rr == r), default=0))
    return Table(cells, len(rows), n_cols)


def cell_lines(td: Any) -> list[str]:
    """A cell's lines: split at <br> and block elements; a nested table gives one line per row."""
    blocks: list[Block] = []
    pending: list[str] = []
    _walk(td, blocks, pending)
    _flush(pending, blocks)
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            lines.append(b.text)
        else:
            lines.extend(clean_line(" ".join(t for t in b.row_texts(r) if t)) for r in range(b.n_rows))
    return [ln for ln in lines if ln]
