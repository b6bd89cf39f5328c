"""Comma- and tab-separated files through the csv module (quoted cells may hold
commas and line breaks). A CSV has no merged cells: the rows are handed to the
delimited-table layout, which reads an empty cell the way it reads one in any
text dump of a table.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from pathlib import Path

from dutygraph.loaders.read.blocks import Document, table_from_rows
from dutygraph.loaders.text import decode

log = logging.getLogger(__name__)


def read_csv(path: Path, data: bytes | None = None, *, delimiter: str | None = None) -> Document:
    """Read a CSV or TSV file into one table.

    Args:
        path: the file (``.tsv`` means tabs).
        data: its bytes when already read.
        delimiter: the separator; by default a tab for .tsv, else sniffed among , ; and tab.

    Returns:
        The :class:`Document` with one table.

    Raises:
        UnreadableFileError: empty, binary or undecodable (from :func:`~dutygraph.loaders.text.decode`).

    Example:
        >>> doc = read_csv(Path("t.csv"), "序号,牵头单位\\n1,发改局\\n".encode())
        >>> doc.tables[0].n_rows
        2
    """
    raw = path.read_bytes() if data is None else data
    text, encoding = decode(raw, path)
    if delimiter is None:
        if path.suffix.lower() == ".tsv":
            delimiter = "\t"
        else:
            try:
                delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t，").delimiter
            except csv.Error:
                delimiter = ","
    rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    doc = Document(
        path,
        "tsv" if delimiter == "\t" else "csv",
        [table_from_rows(rows, path.name)],
        hashlib.sha256(raw).hexdigest(),
        encoding,
    )
    doc.number_lines()
    return doc
