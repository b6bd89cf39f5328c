"""Item numbers a wrong decoding garbled: ``?。ㄒ唬┡…`` where ``（一）棚…`` was printed.

Mirror sites that decode a GBK page one byte off turn a full-width ``（一）`` into a lost
byte (``?``) and ``。`` followed by characters that mean nothing. The text after it is kept
as printed; the item's number is the one its place in the list gives it, between the
intact numbers before and after it in the same section (``（二）`` after it makes it
``（一）``). A line that cannot be placed so is left alone.
"""

from __future__ import annotations

import re

from dutygraph.loaders.numbering import CN_NUMERALS, numbering
from dutygraph.loaders.text import Line

#: A line opening with the lost byte and the ``。`` a shifted full-width bracket decodes to.
_GARBLED = re.compile(r"^\s*\?。")


def number_garbled(lines: list[Line]) -> tuple[list[Line], list[tuple[int, str]]]:
    """The lines with garbled ``（N）`` numbers put back, and (line, number) for each one put back.

    Example:
        >>> fixed, placed = number_garbled([Line(1, "?。ㄒ唬┡飸^改造工程。"), Line(2, "(二)老旧小区改造工程。")])
        >>> fixed[0].text, placed
        ('(一)?。ㄒ唬┡飸^改造工程。', [(1, '(一)')])
    """
    if not any(_GARBLED.match(ln.text) for ln in lines):
        return lines, []
    out = list(lines)
    placed: list[tuple[int, str]] = []
    for i, ln in enumerate(lines):
        if not _GARBLED.match(ln.text):
            continue
        number = _place(lines, i)
        if number is not None:
            out[i] = Line(ln.no, f"{number}{ln.text.strip()}")
            placed.append((ln.no, number))
    return out, placed


def _place(lines: list[Line], i: int) -> str | None:
    """The number line ``i`` holds in its section, in its neighbours' brackets: counted back from the next intact
    ``（N）``, or on from the one before; None when a heading of another style comes between or the count leaves
    the numerals."""
    for step in (1, -1):
        offset = 0
        k = i
        while 0 <= k + step < len(lines):
            k += step
            text = lines[k].text.strip()
            if _GARBLED.match(text):
                offset += 1
                continue
            num = numbering(text)
            if num is None:
                continue
            if num[0] != "cn-paren":
                break  # another section
            at = _index(num[1]) - step * (offset + 1)
            if 0 <= at < len(CN_NUMERALS) and at != _index(num[1]):
                return num[1].replace(num[1].strip("（）() "), CN_NUMERALS[at])
            break
    return None


def _index(printed: str) -> int:
    inner = printed.strip("（）() ")
    return CN_NUMERALS.index(inner) if inner in CN_NUMERALS else -100
