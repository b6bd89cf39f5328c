"""Word (.docx) documents through python-docx: paragraphs with their list numbering,
tables with real merged cells (``w:vMerge`` rows, ``w:gridSpan`` columns), one line
per paragraph inside a cell, nested tables read as lines of their cell.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from dutygraph.errors import UnreadableFileError
from dutygraph.loaders.read.blocks import Block, Cell, Document, Paragraph, Table
from dutygraph.loaders.text import clean_line

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def read_docx(path: Path, *, fmt: str = "docx", sha256: str | None = None) -> Document:
    """Read a .docx file into blocks.

    Args:
        path: the .docx file.
        fmt: the format to record (``"doc"`` when the file was converted from .doc).
        sha256: digest of the original file (the .doc, when converted), else computed.

    Returns:
        The :class:`Document`, its lines numbered.

    Raises:
        UnreadableFileError: python-docx cannot open the file.

    Example:
        >>> import tempfile, docx
        >>> from pathlib import Path
        >>> path = Path(tempfile.mkdtemp()) / "notice.docx"
        >>> word = docx.Document()
        >>> _ = word.add_paragraph("2024年重点工作责任分解")
        >>> word.add_table(rows=1, cols=2).cell(0, 0).text = "牵头单位"
        >>> word.save(path)
        >>> doc = read_docx(path)
        >>> [type(b).__name__ for b in doc.blocks]
        ['Paragraph', 'Table']
    """
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        wd = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise UnreadableFileError(path, f"is not a readable Word document ({exc.__class__.__name__})") from exc
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a damaged part
        raise UnreadableFileError(path, "is a damaged Word document (its XML cannot be parsed)") from exc
    numbering = _Numbering(wd)
    blocks: list[Block] = []
    _read_body(wd.element.body, blocks, numbering)
    doc = Document(path, fmt, blocks, sha256 or hashlib.sha256(path.read_bytes()).hexdigest(), encoding=fmt)
    doc.number_lines()
    return doc


def _read_body(body: Any, blocks: list[Block], numbering: _Numbering) -> None:
    """Paragraphs and tables of a body (content controls opened)."""
    for child in body.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            label = numbering.label(child)
            pieces = [clean_line(t) for t in _paragraph_text(child).split("\n")]
            for text in (t for t in pieces if t):
                blocks.append(Paragraph(text, numbering=label, level=_outline_level(child)))
                label = None
        elif tag == f"{_W}tbl":
            blocks.append(_read_table(child))
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _read_body(content, blocks, numbering)


def _paragraph_text(p: Any) -> str:
    """A paragraph's text: runs, tabs and breaks, inside hyperlinks and fields too."""
    parts: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag == f"{_W}tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _outline_level(p: Any) -> int | None:
    """The outline level a heading style or w:outlineLvl gives the paragraph."""
    ppr = p.pPr
    if ppr is None:
        return None
    lvl = ppr.find(f"{_W}outlineLvl")
    if lvl is not None:
        return int(lvl.get(f"{_W}val", "0"))
    style = ppr.pStyle.val if ppr.pStyle is not None else ""
    if style and style.lower().startswith("heading") and style[7:].isdigit():
        return int(style[7:]) - 1
    return None


def _read_table(tbl: Any) -> Table:
    """A table with its merges: gridSpan widens a cell, vMerge="continue" lengthens the one above."""
    cells: list[Cell] = []
    below: dict[int, Cell] = {}  # grid column -> the cell whose bottom is in the previous row
    n_cols = 0
    rows = tbl.tr_lst
    for r, tr in enumerate(rows):
        c = tr.grid_before
        current: dict[int, Cell] = {}
        for tc in tr.tc_lst:
            span = max(1, tc.grid_span)
            above = below.get(c)
            if tc.vMerge == "continue" and above is not None and above.col == c:
                above.rowspan += 1
                cell = above
            else:
                cell = Cell(r, c, 1, span, _cell_lines(tc))
                cells.append(cell)
            for k in range(c, c + cell.colspan):
                current[k] = cell
            c += cell.colspan
        n_cols = max(n_cols, c + tr.grid_after)
        below = current
    return Table(cells, len(rows), n_cols)


def _cell_lines(tc: Any) -> list[str]:
    """A cell's paragraphs as lines; a nested table gives one line per nested row."""
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == f"{_W}p":
            lines.extend(clean_line(t) for t in _paragraph_text(child).split("\n"))
        elif child.tag == f"{_W}tbl":
            nested = _read_table(child)
            for r in range(nested.n_rows):
                lines.append(clean_line(" ".join(t for t in nested.row_texts(r) if t)))
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                lines.extend(_cell_lines(content))
    return [ln for ln in lines if ln]


class _Numbering:
    """Word's automatic list numbering, rendered the way Word shows it ("1.", "（一）")."""

    def __init__(self, wd: Any) -> None:
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._levels: dict[tuple[str, int], tuple[int, str, str]] = {}
        self._counters: dict[str, list[int]] = {}
        self._style_num: dict[str, tuple[str, int]] = {}
        try:
            root = wd.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        for an in root.findall(f"{_W}abstractNum"):
            aid = an.get(f"{_W}abstractNumId", "")
            for lvl in an.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                self._levels[(aid, ilvl)] = (
                    int(_val(lvl, "start") or 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
        for num in root.findall(f"{_W}num"):
            starts = {}
            for ov in num.findall(f"{_W}lvlOverride"):
                start = _val(ov, "startOverride")
                if start is not None:
                    starts[int(ov.get(f"{_W}ilvl", "0"))] = int(start)
            self._nums[num.get(f"{_W}numId", "")] = (_val(num, "abstractNumId") or "", starts)
        for style in wd.styles.element.findall(f"{_W}style"):
            numpr = style.find(f"{_W}pPr/{_W}numPr")
            if numpr is not None:
                self._style_num[style.get(f"{_W}styleId", "")] = (
                    _val(numpr, "numId") or "",
                    int(_val(numpr, "ilvl") or 0),
                )

    def label(self, p: Any) -> str | None:
        """The numbering label of paragraph ``p``, advancing the list's counters; None when unnumbered."""
        ppr = p.pPr
        if ppr is None:
            return None
        numpr = ppr.find(f"{_W}numPr")
        if numpr is not None:
            num_id, ilvl = _val(numpr, "numId") or "", int(_val(numpr, "ilvl") or 0)
        elif ppr.pStyle is not None and ppr.pStyle.val in self._style_num:
            num_id, ilvl = self._style_num[ppr.pStyle.val]
        else:
            return None
        if num_id in ("", "0") or num_id not in self._nums:
            return None
        abstract, starts = self._nums[num_id]
        counters = self._counters.setdefault(num_id, [0] * 9)
        ilvl = min(max(ilvl, 0), 8)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        text = self._levels.get((abstract, ilvl), (1, "decimal", f"%{ilvl + 1}."))[2]
        if not text:
            return None

        def value(k: int) -> str:
            start, fmt, _ = self._levels.get((abstract, k), (1, "decimal", ""))
            start = starts.get(k, start)
            return _format_number(start + max(counters[k], 1) - 1, fmt)

        label = text
        for k in range(8, -1, -1):
            label = label.replace(f"%{k + 1}", value(k))
        if self._levels.get((abstract, ilvl), (1, "", ""))[1] in ("bullet", "none"):
            return None
        return label


def _val(el: Any, child: str) -> str | None:
    """The w:val of ``el``'s child element ``child``."""
    found = el.find(f"{_W}{child}")
    return None if found is None else found.get(f"{_W}val")


def _format_number(n: int, fmt: str) -> str:
    """``n`` in one of Word's number formats."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographLegalTraditional",
        "japaneseCounting",
        "taiwaneseCounting",
    ):
        return _chinese(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(n)


def _chinese(n: int) -> str:
    """一 … 九十九 (and plain digits beyond)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN[ones]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def _roman(n: int) -> str:
    """Roman numeral of ``n``."""
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out
