"""PDF documents through pdfplumber: ruled tables with their merged cells (a cell's
box gives its spans), text outside tables in reading order.

A table that continues on the next page is one table: the repeated header rows
are dropped, a row split by the page break is joined again, and a merged cell
crossing the break continues (an empty cell at the top of the next page continues
the cell above when it spans several rows there, or when the cell above was already
merged; an empty single cell under a single cell stays empty). Inside a cell, a
line that runs to the cell's right edge wrapped and joins the next one; a line
that ends early ends a paragraph (one unit per line stays one unit per line).
"""

from __future__ import annotations

import hashlib
import logging
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dutygraph.errors import UnreadableFileError
from dutygraph.loaders.read.blocks import Block, Cell, Document, Table
from dutygraph.loaders.read.pdf_text import TextLine, join_wrapped, text_lines
from dutygraph.loaders.text import clean_line, squeeze

log = logging.getLogger(__name__)

#: A page number printed in a header or footer: "- 2 -", "第 2 页", "2/17".
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*\d{1,4})?(?:\s*共\s*\d+\s*页)?[-—–\s]*$")
_SNAP = 1.5  # points: box edges closer than this are one grid line


@dataclass
class _Part:
    """A table as found on one page, with the geometry needed to join it to the next."""

    table: Table
    xs: list[float]
    page: int
    top: float
    last_on_page: bool = False


def read_pdf(path: Path) -> Document:
    """Read a PDF into blocks.

    Args:
        path: the PDF.

    Returns:
        The :class:`Document`, its lines numbered.

    Raises:
        UnreadableFileError: encrypted, damaged, or without a text layer (scanned).

    Example:
        >>> doc = read_pdf(Path("plan.pdf"))  # doctest: +SKIP
        >>> len(doc.tables)  # doctest: +SKIP
        1
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    raw = path.read_bytes()
    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if (
            isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError))
            or "password" in str(cause).lower()
            or "encrypt" in str(cause).lower()
        ):
            raise UnreadableFileError(
                path, "is an encrypted PDF (it needs a password); save an unprotected copy"
            ) from exc
        raise UnreadableFileError(path, "is a damaged PDF (pdfplumber cannot parse it)") from exc
    except Exception as exc:  # pdfminer raises assorted errors on damaged files
        raise UnreadableFileError(path, "is a damaged PDF (pdfplumber cannot parse it)") from exc
    blocks: list[Block | _Part | TextLine] = []
    numbers: list[tuple[int, int, TextLine]] = []  # bare numbers in a page's margin: page, value, line
    chars_seen = 0
    try:
        with pdf:
            for page in pdf.pages:
                try:
                    chars_seen += len(page.chars)
                    page_blocks, bare = _page_blocks(page)
                    blocks.extend(page_blocks)
                    numbers += [(page.page_number, value, line) for value, line in bare]
                except PdfminerException as exc:
                    raise UnreadableFileError(
                        path, f"is a damaged PDF (page {page.page_number} cannot be read)"
                    ) from exc
    except PdfminerException as exc:
        raise UnreadableFileError(path, "is an encrypted PDF (it needs a password); save an unprotected copy") from exc
    if chars_seen == 0:
        raise UnreadableFileError(path, "has no text layer (a scanned document); run OCR first")
    folios = {id(line) for line in _folios(numbers)}
    blocks = [b for b in blocks if id(b) not in folios]
    doc = Document(path, "pdf", _join_parts(join_wrapped(blocks)), hashlib.sha256(raw).hexdigest(), "pdf")
    doc.number_lines()
    return doc


def _page_blocks(page: Any) -> tuple[list[Block | _Part | TextLine], list[tuple[int, TextLine]]]:
    """One page's text lines and table parts, top to bottom, without its page number printed with
    dashes or words (- 2 -, 第 2 页, 2/17); and each bare number standing where a page number does (first
    or last on the page, and centred, at the right or set apart from the text) with its value, which
    :func:`_folios` tells from a row's number. A number in the run of lines where they start is a row's
    序号."""
    found = page.find_tables()
    parts: list[tuple[float, Block | _Part | TextLine]] = []
    boxes = [t.bbox for t in found]
    for t in found:
        part = _table_part(t, page)
        if part is not None:
            parts.append((t.bbox[1], part))

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    rest = page.filter(outside)
    printed = [(ln, text) for ln in rest.extract_text_lines(return_chars=False) if (text := clean_line(ln["text"]))]
    margin = [
        _PAGE_NUMBER.match(text) and _in_margin(ln, k, len(printed), page.height)
        for k, (ln, text) in enumerate(printed)
    ]
    kept = [(ln, text) for (ln, text), m in zip(printed, margin, strict=True) if not m or text.isdigit()]
    lines = text_lines([ln for ln, _ in kept], [text for _, text in kept])
    parts += [(ln["top"], line) for (ln, _), line in zip(kept, lines, strict=True)]
    parts.sort(key=lambda p: p[0])
    if parts and isinstance(parts[-1][1], _Part):
        parts[-1][1].last_on_page = True
    bare = [
        (int(text), line)
        for k, ((ln, text), line) in enumerate(zip(kept, lines, strict=True))
        if text.isdigit() and _in_margin(ln, k, len(kept), page.height) and (line.indented or _set_apart(kept, k))
    ]
    return [b for _, b in parts], bare


def _set_apart(kept: list[tuple[dict[str, Any], str]], k: int) -> bool:
    """Whether line ``k`` stands apart from the text beside it (a footer below the last line, a header
    above the first) by more than two lines' height."""
    ln = kept[k][0]
    height = float(ln["bottom"] - ln["top"])
    above = float(ln["top"] - kept[k - 1][0]["bottom"]) if k else float("inf")
    below = float(kept[k + 1][0]["top"] - ln["bottom"]) if k + 1 < len(kept) else float("inf")
    return min(above, below) > 2 * height


def _folios(numbers: list[tuple[int, int, TextLine]]) -> list[TextLine]:
    """The bare numbers that are page numbers: those that go up with the pages, a fixed step from each
    page's place (page 3 printed 3, or 1 after a cover), the step two pages share; on a document with
    one such number, its page's place. Any other (a row's 序号 at the foot of a page of cells one per
    line) is text.

    Example:
        >>> from dutygraph.loaders.read.blocks import Paragraph
        >>> row, foot = TextLine(Paragraph("2"), False, False), TextLine(Paragraph("3"), False, False)
        >>> _folios([(1, 2, row), (3, 3, foot), (4, 4, foot)]) == [foot, foot]
        True
    """
    steps = Counter(value - page for page, value, _ in numbers)
    shared = [step for step, n in steps.items() if n >= 2]
    step = max(shared, key=lambda s: steps[s]) if shared else 0
    return [line for page, value, line in numbers if value - page == step]


def _in_margin(line: dict[str, Any], k: int, count: int, height: float) -> bool:
    """Whether a text line stands where a page number does: first or last on the page, or in its top or
    bottom tenth (a lone 1 between a table's cells printed one a line is the row's number)."""
    return k in (0, count - 1) or line["top"] < height / 10 or line["bottom"] > height * 9 / 10


def _snap(values: list[float]) -> list[float]:
    """Grid lines from box edges, edges closer than ``_SNAP`` merged."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _index(lines: list[float], v: float) -> int:
    """The grid line nearest ``v``."""
    i = bisect_right(lines, v + _SNAP) - 1
    return max(i, 0)


def _table_part(found: Any, page: Any) -> _Part | None:
    """A pdfplumber table as a :class:`Table`: spans from the cell boxes, text from the chars inside."""
    boxes = found.cells
    if not boxes:
        return None
    xs = _snap([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _snap([b[1] for b in boxes] + [b[3] for b in boxes])
    cells: list[Cell] = []
    geometry: list[tuple[Cell, tuple[float, float, float, float]]] = []
    for x0, top, x1, bottom in boxes:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        cell = Cell(r0, c0, r1 - r0, c1 - c0)
        cells.append(cell)
        geometry.append((cell, (x0, top, x1, bottom)))
    if not cells:
        return None
    bbox = found.bbox
    chars = [
        ch
        for ch in page.chars
        if bbox[0] <= (ch["x0"] + ch["x1"]) / 2 <= bbox[2] and bbox[1] <= (ch["top"] + ch["bottom"]) / 2 <= bbox[3]
    ]
    by_cell: dict[int, list[dict[str, Any]]] = {id(c): [] for c, _ in geometry}
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for cell, (x0, top, x1, bottom) in geometry:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                by_cell[id(cell)].append(ch)
                break
    for cell, box in geometry:
        cell.lines = _cell_lines(by_cell[id(cell)], box)
    table = Table(cells, len(ys) - 1, len(xs) - 1, f"page {page.page_number}")
    return _Part(table, xs, page.page_number, bbox[1])


def _cell_lines(chars: list[dict[str, Any]], box: tuple[float, float, float, float]) -> list[str]:
    """A cell's paragraphs: chars grouped into printed lines, wrapped lines joined."""
    if not chars:
        return []
    rows: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(ch["top"] - rows[-1][0]["top"]) <= max(2.0, ch["size"] * 0.3):
            rows[-1].append(ch)
        else:
            rows.append([ch])
    printed: list[tuple[str, bool]] = []
    pad = min(min(c["x0"] for c in row) for row in rows) - box[0]
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text = ""
        for prev, ch in zip([None, *row[:-1]], row, strict=True):
            if (
                prev is not None
                and ch["x0"] - prev["x1"] > 0.3 * ch["size"]
                and ch["text"] != " "
                and not text.endswith(" ")
            ):
                text += " "
            text += ch["text"]
        last = row[-1]
        width = max(last["x1"] - last["x0"], last["size"] * 0.5)
        full = box[2] - last["x1"] < max(pad, 0) + 1.05 * max(width, last["size"])
        printed.append((text.strip(), full))
    lines: list[str] = []
    joining = False
    for text, full in printed:
        if joining and lines:
            lines[-1] += text
        else:
            lines.append(text)
        joining = full
    return [clean_line(ln) for ln in lines if clean_line(ln)]


def _join_parts(blocks: list[Block | _Part]) -> list[Block]:
    """Join table parts that continue one another across pages; return plain blocks."""
    out: list[Block] = []
    current: _Part | None = None
    header_sigs: list[tuple[str, ...]] = []
    for block in blocks:
        if isinstance(block, _Part):
            if current is not None and _continues(current, block):
                _append(current, block, header_sigs)
                current.last_on_page = block.last_on_page
                current.page = block.page
                continue
            out.append(block.table)
            current = block
            header_sigs = [_signature(block.table, r) for r in range(min(3, block.table.n_rows))]
        else:
            out.append(block)
            if current is not None and not current.last_on_page:
                current = None  # text after a table on its own page: the table ended there
    return out


def _continues(prev: _Part, part: _Part) -> bool:
    """A part on the next page with the same columns continues the table that ended its page."""
    if not prev.last_on_page or part.page != prev.page + 1 or len(prev.xs) != len(part.xs):
        return False
    return all(abs(a - b) <= 2 * _SNAP for a, b in zip(prev.xs, part.xs, strict=False))


def _signature(table: Table, r: int) -> tuple[str, ...]:
    """Row ``r`` as its cells' squeezed texts."""
    return tuple(squeeze(c.text.replace("\n", "")) for c in sorted(table.cells, key=lambda c: c.col) if c.row == r)


def _append(prev: _Part, part: _Part, header_sigs: list[tuple[str, ...]]) -> None:
    """Add ``part``'s rows to ``prev``: repeated header dropped, split row and merged cells continued."""
    t, add = prev.table, part.table
    skip = 0
    while (
        skip < add.n_rows
        and skip < len(header_sigs)
        and _signature(add, skip) == header_sigs[skip]
        and any(header_sigs[skip])
    ):
        skip += 1
    cells = [c for c in add.cells if c.row + c.rowspan > skip]
    for c in cells:
        if c.row < skip:  # a cell reaching down from the repeated header: keep its rows below it
            c.rowspan -= skip - c.row
            c.row = skip
    last = t.n_rows - 1
    prev_grid = t.grid()
    first = [c for c in cells if c.row == skip]
    absorbed: set[int] = set()
    if _is_split_row(first, prev_grid[last], last):
        for c in first:
            above = prev_grid[last][c.col]
            if above is None:
                continue
            above.lines = _join_split(above.lines, c.lines)
            if c.rowspan > 1:
                above.rowspan += c.rowspan - 1
            absorbed.add(id(c))
        start = skip + 1
    else:
        for c in first:
            above = prev_grid[last][c.col]
            if above is None or c.lines or above.col != c.col or above.colspan != c.colspan:
                continue
            if c.rowspan > 1 or above.rowspan > 1:
                above.rowspan += c.rowspan
                absorbed.add(id(c))
        start = skip
    offset = t.n_rows - start
    for c in cells:
        if id(c) in absorbed:
            continue
        c.row += offset
        t.cells.append(c)
    t.n_rows += add.n_rows - start


def _is_split_row(first: list[Cell], above: list[Cell | None], last: int) -> bool:
    """The top row of a part is the rest of a row the page break cut: its first column is empty,
    and it prints only under cells that end in the row above."""
    if not first:
        return False
    lead = min(first, key=lambda c: c.col)
    if lead.lines:
        return False
    printed = [c for c in first if c.lines]
    if not printed:
        return False
    for c in printed:
        cover = above[c.col] if c.col < len(above) else None
        if cover is None or cover.row + cover.rowspan - 1 != last or not cover.lines:
            return False
    return True


def _join_split(top: list[str], rest: list[str]) -> list[str]:
    """A cell's lines with the lines the page break carried over: the first continues the last."""
    if not rest:
        return top
    if not top:
        return list(rest)
    return [*top[:-1], top[-1] + rest[0], *rest[1:]]
