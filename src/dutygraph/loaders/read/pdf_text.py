"""A PDF's text outside its tables, its wrapped lines joined into paragraphs.

A PDF prints each paragraph as lines broken where the text block's width ends, inside a
sentence, a bracket or a unit's name (…（牵头单位：区发 / 改委）). A line whose right edge
reaches the block's right margin goes on in the next line, on this page or the next, unless
the next is indented (a new paragraph) or opens an item, a heading or a label; a line that
ends early ends its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

from dutygraph.loaders.read.blocks import Block, Paragraph
from dutygraph.loaders.unwrap import opens_item

#: How near the right margin, in characters, a wrapped line ends (justified text reaches it, a stop may
#: hang past it, ragged text stops up to two characters short).
_REACH = 2.0
#: How far in, in characters, an indented line starts (a paragraph's first line is indented by two).
_INDENT = 1.5
#: The narrowest text block, in characters, whose lines wrap (a body line holds 28 to 40).
_MIN_BLOCK = 24


@dataclass
class TextLine:
    """One printed line: its paragraph, whether it runs to the right margin, whether it is indented."""

    paragraph: Paragraph
    reaches: bool
    indented: bool


def text_lines(lines: list[dict[str, Any]], texts: list[str]) -> list[TextLine]:
    """A page's printed lines (pdfplumber's, with their boxes) and their cleaned texts as :class:`TextLine`."""
    if not lines:
        return []
    size = median(ln["bottom"] - ln["top"] for ln in lines) or 1.0
    left, right = min(ln["x0"] for ln in lines), max(ln["x1"] for ln in lines)
    block = right - left >= _MIN_BLOCK * size  # a page of short lines (a title, cells) wraps none of them
    return [
        TextLine(Paragraph(text), block and right - ln["x1"] <= _REACH * size, ln["x0"] - left >= _INDENT * size)
        for ln, text in zip(lines, texts, strict=True)
    ]


def join_wrapped(blocks: list[Block | TextLine | Any]) -> list[Block | Any]:
    """Blocks with every run of wrapped lines joined into one paragraph (tables and parts pass through).

    Example:
        >>> lines = [("1.推进重点工作（牵头单位：区发", True), ("改委）", False), ("2.新建公园。", False)]
        >>> [p.text for p in join_wrapped([TextLine(Paragraph(t), full, False) for t, full in lines])]
        ['1.推进重点工作（牵头单位：区发改委）', '2.新建公园。']
    """
    out: list[Block | Any] = []
    open_line = False
    for block in blocks:
        if not isinstance(block, TextLine):
            out.append(block)
            open_line = False
            continue
        text = block.paragraph.text
        last = out[-1] if out else None
        if open_line and isinstance(last, Paragraph) and not block.indented and not opens_item(last.text, text):
            out[-1] = Paragraph(last.text + text)
        else:
            out.append(block.paragraph)
        open_line = block.reaches
    return out
