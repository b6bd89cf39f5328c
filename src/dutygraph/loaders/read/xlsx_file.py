"""Excel workbooks: .xlsx through openpyxl, .xls through xlrd (``formatting_info=True``
for its merged cells). Every sheet with cells is one table; merged ranges are real
merged cells.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from pathlib import Path
from typing import Any

from dutygraph.errors import UnreadableFileError
from dutygraph.loaders.read.blocks import Block, Cell, Document, Table, split_lines

log = logging.getLogger(__name__)


def read_xlsx(path: Path) -> Document:
    """Read an .xlsx workbook: one table per sheet that holds cells.

    Args:
        path: the workbook.

    Returns:
        The :class:`Document`, its lines numbered (sheet after sheet).

    Raises:
        UnreadableFileError: openpyxl cannot open it, or no sheet holds a cell.

    Example:
        >>> import tempfile, openpyxl
        >>> path = Path(tempfile.mkdtemp()) / "plan.xlsx"
        >>> book = openpyxl.Workbook()
        >>> book.active.title = "任务分解"
        >>> book.active.append(["序号", "工作任务", "牵头单位"])
        >>> book.save(path)
        >>> doc = read_xlsx(path)
        >>> doc.tables[0].name
        '任务分解'
    """
    import openpyxl

    try:
        # A file object, not the name: openpyxl refuses names not ending in .xlsx (a renamed .xls is still OOXML).
        with path.open("rb") as fh:
            wb = openpyxl.load_workbook(io.BytesIO(fh.read()), data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, zip and XML errors alike
        raise UnreadableFileError(path, f"is not a readable Excel workbook ({exc.__class__.__name__})") from exc
    tables: list[Table] = []
    for ws in wb.worksheets:
        values: dict[tuple[int, int], str] = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and _text(c.value):
                    values[(c.row - 1, c.column - 1)] = _text(c.value)
        spans = {
            (rng.min_row - 1, rng.min_col - 1): (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
            for rng in ws.merged_cells.ranges
        }
        table = _sheet_table(values, spans, ws.title)
        if table is not None:
            tables.append(table)
    return _document(path, "xlsx", tables)


def read_xls(path: Path) -> Document:
    """Read an .xls (Excel 97–2003) workbook: one table per sheet that holds cells.

    Raises:
        UnreadableFileError: xlrd cannot open it (damaged, password-protected), or no sheet holds a cell.
    """
    import xlrd
    from xlrd.biffh import XLRDError

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=False)
    except XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise UnreadableFileError(
                path, "is password-protected (an encrypted Office file); save it without a password"
            ) from exc
        raise UnreadableFileError(path, f"is not a readable Excel .xls workbook ({exc})") from exc
    except Exception as exc:  # xlrd's compound-document errors are plain exceptions
        raise UnreadableFileError(path, f"is not a readable Excel .xls workbook ({exc.__class__.__name__})") from exc
    tables: list[Table] = []
    for sheet in book.sheets():
        values: dict[tuple[int, int], str] = {}
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value: Any = xlrd.xldate_as_datetime(float(cell.value), book.datemode)
                else:
                    value = cell.value
                text = _text(value)
                if text:
                    values[(r, c)] = text
        spans = {(rlo, clo): (rhi - rlo, chi - clo) for rlo, rhi, clo, chi in sheet.merged_cells}
        table = _sheet_table(values, spans, sheet.name)
        if table is not None:
            tables.append(table)
    return _document(path, "xls", tables)


def _document(path: Path, fmt: str, tables: list[Table]) -> Document:
    """The workbook's document, refused when every sheet is empty."""
    if not tables:
        raise UnreadableFileError(path, "holds no table: every sheet of the workbook is empty")
    blocks: list[Block] = list(tables)
    doc = Document(path, fmt, blocks, hashlib.sha256(path.read_bytes()).hexdigest(), encoding=fmt)
    doc.number_lines()
    return doc


def _text(value: Any) -> str:
    """A cell value as printed: 3.0 -> "3", dates as 2024-06-30, text stripped."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _sheet_table(
    values: dict[tuple[int, int], str], spans: dict[tuple[int, int], tuple[int, int]], name: str
) -> Table | None:
    """A sheet's cells trimmed to the rows and columns that hold text (None: an empty sheet)."""
    if not values:
        return None
    covered = {(r + dr, c + dc) for (r, c), (h, w) in spans.items() for dr in range(h) for dc in range(w) if dr or dc}
    r0 = min(r for r, _ in values)
    c0 = min(c for _, c in values)
    r1 = max(r + spans.get((r, c), (1, 1))[0] - 1 for r, c in values)
    c1 = max(c + spans.get((r, c), (1, 1))[1] - 1 for r, c in values)
    cells: list[Cell] = []
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if (r, c) in covered:
                continue
            h, w = spans.get((r, c), (1, 1))
            h = min(h, r1 - r + 1)
            w = min(w, c1 - c + 1)
            cells.append(Cell(r - r0, c - c0, h, w, split_lines(values.get((r, c), ""))))
    n_cols = max(c.col + c.colspan for c in cells)
    return Table(cells, r1 - r0 + 1, n_cols, name)
