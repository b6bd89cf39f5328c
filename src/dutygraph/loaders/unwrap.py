"""Text broken into lines of one width: a PDF copied as text, a fixed-width mail or report.

Such a copy breaks every paragraph where the page's width ends, inside a sentence, a
bracket or a unit's name (…（牵头单位：区发 / 改委；配合单位：…）). :func:`unwrap` sees the
width — many lines as wide as the widest, none wider — and joins each line that reaches it
to the next, unless the next is indented or opens a numbered item, a heading or a label (an
item that happened to fill the line).
"""

from __future__ import annotations

import re
import unicodedata

from dutygraph.loaders.base import LABEL
from dutygraph.loaders.numbering import numbering
from dutygraph.loaders.text import Line

#: The narrowest page a copy is wrapped at, in columns (a CJK character is two).
_MIN_WIDTH = 40
#: How far short of the width a wrapped line may end (a half-width digit or a wider character).
_SLACK = 3
_MIN_FULL_LINES = 5
#: A line broken inside a list or a bracket: what follows is its next name, whatever it looks like.
_LIST_OPEN = re.compile(r"[、，,（(]$")
#: The marks that never open a line of Chinese print: a line opening with one was broken before it.
_NO_LINE_START = frozenset("、，；。）〕】」』")


def width(text: str) -> int:
    """The columns ``text`` takes: two for a wide (CJK) character, one for any other.

    Example:
        >>> width("区发改委2024")
        12
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: list[Line]) -> int | None:
    """The width the text was wrapped at, or None when its lines are paragraphs.

    A wrapped copy has many lines as wide as the widest (at least five, a quarter of its long lines);
    lines that hold paragraphs end anywhere and few come close to the longest one.
    """
    widths = [width(ln.text.rstrip()) for ln in lines if ln.text.strip() and _is_prose(ln.text)]
    if not widths:
        return None
    widest = max(widths)
    if widest < _MIN_WIDTH:
        return None
    full = sum(1 for w in widths if w >= widest - _SLACK)
    long_lines = sum(1 for w in widths if w >= _MIN_WIDTH // 2)
    return widest if full >= _MIN_FULL_LINES and 4 * full >= long_lines else None


def unwrap(lines: list[Line]) -> tuple[list[Line], int, int | None]:
    """Join the lines of a wrapped copy again.

    Returns:
        The lines, how many were joined to the line before, and the width (None: not wrapped).

    Example:
        >>> page = ["1.推进重点工作建设项目。（牵头单位：区发", "改委）", "2.新建公园。"] * 6
        >>> [ln.text for ln in unwrap([Line(i, t) for i, t in enumerate(page, 1)])[0]][:2]
        ['1.推进重点工作建设项目。（牵头单位：区发改委）', '2.新建公园。']
    """
    wrapped_at = wrap_width(lines)
    out: list[Line] = []
    joined = 0
    open_line = False  # the line before reached the width
    for ln in lines:
        text = ln.text.rstrip()
        wrapped = open_line and text and not ln.text[:1].isspace() and not opens_item(out[-1].text, text)
        if out and (wrapped or _broken_before(out[-1].text, text)):
            out[-1] = Line(out[-1].no, out[-1].text.rstrip() + text.strip())
            joined += 1
        else:
            out.append(ln)
        open_line = wrapped_at is not None and bool(text) and _is_prose(text) and width(text) >= wrapped_at - _SLACK
    return out, joined, wrapped_at


def _broken_before(before: str, text: str) -> bool:
    """A line that opens with a mark no line of Chinese print opens with (、，；。 or a closing bracket) right
    after a line of prose: it was broken before that mark, at any width (…市发改委 / 、市财政局配合。)."""
    return text[:1] in _NO_LINE_START and bool(before.strip()) and _is_prose(before) and _is_prose(text)


def _is_prose(text: str) -> bool:
    """A line that may have been wrapped: not a table's row (pipes or tabs between cells)."""
    return "|" not in text and "\t" not in text


def opens_item(before: str, text: str) -> bool:
    """A line that starts an item, a heading or a label of its own after a full line (一、… after
    现提出以下意见：), unless that line broke inside a list (…、 / …，) or a bracket (〔…负责。 / 责任单位：…〕)."""
    inside = _LIST_OPEN.search(before) or _open_brackets(before) > 0
    return not inside and (numbering(text) is not None or bool(LABEL.match(text)))


def _open_brackets(text: str) -> int:
    """How many brackets ``text`` leaves open."""
    return sum(text.count(c) for c in "（(〔【[") - sum(text.count(c) for c in "）)〕】]")
