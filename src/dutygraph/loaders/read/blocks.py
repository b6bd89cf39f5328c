"""The one form every reader returns: a document as paragraphs and tables whose
cells keep their row, column and real spans (merged cells).

A reader knows its file format and nothing of the genre; the table interpreter
(:mod:`dutygraph.loaders.grid_table`) and the text layouts read these blocks.

Every block has a ``line`` in a *rendered view* of the document: a paragraph is
one line, a table row is one line, in document order (sheets one after the
other, pages one after the other). Warnings and ``TaskRecord.line`` use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Paragraph:
    """A paragraph outside any table.

    Attributes:
        text: the paragraph's text (no line break).
        numbering: the list label the format renders before it (Word auto-numbering:
            "1.", "（一）"), when there is one.
        level: outline level (0 = top heading) when the format says it, else None.
        line: the paragraph's line in the rendered view (set by :meth:`Document.number_lines`).
    """

    text: str
    numbering: str | None = None
    level: int | None = None
    line: int = 0

    @property
    def rendered(self) -> str:
        """The paragraph as a reader would see it: its numbering, then its text."""
        return f"{self.numbering}{self.text}" if self.numbering else self.text


@dataclass(slots=True, eq=False)
class Cell:
    """One table cell; a merged cell is one Cell with ``rowspan``/``colspan`` > 1.

    Cells compare and hash by identity: the grid maps every position a merged cell
    covers to the same object.

    Attributes:
        row: 0-based row of the cell's top-left corner.
        col: 0-based column of the cell's top-left corner.
        rowspan: rows the cell covers (a real vertical merge when > 1).
        colspan: columns the cell covers (a real horizontal merge when > 1).
        lines: the cell's paragraphs (one unit per line in a unit cell), empty strings dropped.
    """

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cell's paragraphs joined with line breaks."""
        return "\n".join(self.lines)


@dataclass(slots=True)
class Table:
    """A table: its cells (top-left corners only) and its size.

    Attributes:
        cells: every cell once, merged cells with their spans.
        n_rows: rows in the table.
        n_cols: grid columns in the table.
        name: where it came from (a sheet name, "page 3"), for messages.
        row_lines: each row's line in the rendered view.
    """

    cells: list[Cell]
    n_rows: int
    n_cols: int
    name: str | None = None
    row_lines: list[int] = field(default_factory=list)

    def grid(self) -> list[list[Cell | None]]:
        """Every grid position mapped to the cell covering it (None: no cell there).

        Example:
            >>> cells = [Cell(0, 0, rowspan=2, lines=["目标"]), Cell(0, 1, lines=["a"]), Cell(1, 1, lines=["b"])]
            >>> t = Table(cells, 2, 2)
            >>> [[c.text if c else None for c in row] for row in t.grid()]
            [['目标', 'a'], ['目标', 'b']]
        """
        grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.rowspan, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.colspan, self.n_cols)):
                    grid[r][c] = cell
        return grid

    def row_texts(self, row: int) -> list[str]:
        """The texts of the cells starting in ``row``, left to right (a rendered row)."""
        return [c.text.replace("\n", " ") for c in sorted(self.cells, key=lambda c: c.col) if c.row == row]


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    """A document read from a file: its blocks in order.

    Attributes:
        path: the file read.
        format: the detected format ("docx", "doc", "xlsx", "xls", "html", "pdf", "csv").
        blocks: paragraphs and tables, in document order.
        sha256: hex digest of the file's bytes.
        encoding: the text encoding of the source where it has one (HTML, CSV), else the format.
    """

    path: Path
    format: str
    blocks: list[Block]
    sha256: str = ""
    encoding: str = ""

    @property
    def tables(self) -> list[Table]:
        """The tables, in order."""
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs outside tables, in order."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def number_lines(self) -> None:
        """Give every paragraph and every table row its line in the rendered view (1-based)."""
        no = 0
        for block in self.blocks:
            if isinstance(block, Paragraph):
                no += 1
                block.line = no
            else:
                block.row_lines = list(range(no + 1, no + 1 + block.n_rows))
                no += block.n_rows

    def rendered_lines(self) -> list[tuple[int, str]]:
        """The rendered view: (line, text) per paragraph and per table row (cells joined by tabs)."""
        out: list[tuple[int, str]] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append((block.line, block.rendered))
            else:
                for r in range(block.n_rows):
                    out.append((block.row_lines[r] if r < len(block.row_lines) else 0, "\t".join(block.row_texts(r))))
        return out


def table_from_rows(rows: list[list[str]], name: str | None = None) -> Table:
    """A table with no merged cells from rows of cell texts (ragged rows are padded).

    Example:
        >>> t = table_from_rows([["序号", "牵头单位"], ["1", "发改局"]])
        >>> t.n_rows, t.n_cols, t.cells[3].text
        (2, 2, '发改局')
    """
    n_cols = max((len(r) for r in rows), default=0)
    cells = [
        Cell(r, c, lines=split_lines(rows[r][c] if c < len(rows[r]) else ""))
        for r in range(len(rows))
        for c in range(n_cols)
    ]
    return Table(cells, len(rows), n_cols, name)


def split_lines(text: str) -> list[str]:
    """A cell's text as its non-empty lines, each stripped."""
    return [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if ln.strip()]
