"""A page on one line whose table was printed with pipes (a page that lost its line breaks): put back
one cell a line, or one row a line where its header tells the rows' width, for the table layouts."""

from __future__ import annotations

from dutygraph.loaders.delimited_header import header_role
from dutygraph.loaders.normalize import split_run_on
from dutygraph.loaders.one_line_table import RUN_ON, SPACED_NAME, page_rows, separated_cells
from dutygraph.loaders.text import Line

#: Enough cells on a page's one line to be a table's header and rows, not a sentence with a pipe.
_PAGE_CELLS = 8


def unflatten_pipe_page(lines: list[Line]) -> tuple[list[Line], int, int]:
    """A page on one line whose table was printed one cell a line, each closed by ``|``, put back
    one cell a line (the form :func:`unpipe` reads), with the page's text around the table on
    lines of its own (broken by :func:`split_run_on`); a table whose header's columns tell where
    each row ends (:func:`page_rows`), put back one row a line.

    Only a line that is the page (half its text or more, past 150 characters, eight pipes at
    least) is taken; a pipe row of a table among other lines stays as it is, and so does a page
    whose header :func:`separated_cells` knows but whose rows are not as wide as it. The
    table's first cell is the last word before the first pipe.

    Returns:
        The lines, how many lines were put back one cell a line, and how many one row a line.

    Example:
        >>> page = "清单 1 | 稳增长。 | 市发改委 | 2 | 扩投资。 | 市住建局 | 3 | 促消费。 | 市商务局 |" + " 要求。" * 60
        >>> [ln.text for ln in unflatten_pipe_page([Line(1, page)])[0]][:5]
        ['清单', '1 |', '稳增长。 |', '市发改委 |', '2 |']
    """
    size = sum(len(ln.text) for ln in lines)
    out: list[Line] = []
    done = rows_done = 0
    for ln in lines:
        text = ln.text.strip()
        if len(text) <= RUN_ON or len(text) < 0.5 * size or text.count("|") < _PAGE_CELLS:
            out.append(ln)
            continue
        if text.startswith("|") and text.rfind("|") >= 0.5 * len(text):  # cells one a line, pipes between them
            out += _piped_cells(ln.no, text)
            done += 1
            continue
        if (table := page_rows(text)) is not None:  # a header of known columns and rows as wide as it
            before, rows, rest = table
            out += split_run_on([Line(ln.no, before)])[0] if before else []
            out += [Line(ln.no, " | ".join(row) + " |") for row in rows]
            out += split_run_on([Line(ln.no, rest)])[0] if rest.strip() else []
            rows_done += 1
            continue
        if separated_cells(text) is not None:  # a header of known columns: the flat table reads the cells
            out.append(ln)
            continue
        first, *cells, rest = text.split("|")
        head, _, opening = first.rstrip().rpartition(" ")
        if head.strip():
            out += split_run_on([Line(ln.no, head.strip())])[0]
        for cell in [opening, *cells]:
            words, _, last = cell.strip().rpartition(" ")
            if len(words) >= 10 and header_role(last):  # a note before the header (注:…) 序号
                out += [Line(ln.no, f"{words} |"), Line(ln.no, f"{last} |")]
            else:
                out.append(Line(ln.no, f"{_column_name(cell)} |" if cell.strip() else "|"))
        if rest.strip():
            out += split_run_on([Line(ln.no, rest.strip())])[0]
        done += 1
    return out, done, rows_done


def _piped_cells(no: int, text: str) -> list[Line]:
    """A page on one line that opens with a pipe (| | 明光市…分解表 | 序号 | 项目名称 | …): its table was printed
    one cell a line with a ``|`` line between cells (a run of pipes for the empty ones), the form
    :func:`unpipe` reads; put back so."""
    out: list[Line] = []
    for k, cell in enumerate(text.split("|")):
        if k:
            out.append(Line(no, "|"))
        if cell.strip():
            out.append(Line(no, _column_name(cell)))
    return out


def _column_name(cell: str) -> str:
    """A cell as printed, or a letter-spaced column name (任 务 名 称) closed up."""
    closed = SPACED_NAME.sub("", cell.strip())
    return closed if closed != cell.strip() and header_role(closed) else cell.strip()
