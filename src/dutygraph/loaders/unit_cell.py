"""The names in one unit cell of a table, read the same way whether the table kept its cells (Word,
Excel, HTML) or was printed with pipes, tabs or one cell a line.

A cell may print one name broken a character or two a line (市 / 监 / 察 / 局), a bracketed note after
a name ((区国资公司代建)), a status sentence shifted in when a merged cell was dropped (已完成。), or,
under 牵头单位及主要负责人, the person who answers for each unit after it (市民政局 伍泽国).
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import DITTO, Context, is_ditto
from dutygraph.loaders.names import is_paren_tail, looks_like_unit, split_top_level
from dutygraph.loaders.persons import is_person, parse_persons
from dutygraph.loaders.text import Line, squeeze

_CJK = re.compile(r"[\u4e00-\u9fff]")
#: How an office's name ends, never a person's or a post's (区人社局, 县政府办公室, 城关镇).
OFFICE_END = re.compile(r"(?:局|办公室|中心|公司|集团|管委会|委员会|街道|办事处|人民政府|[镇乡])$")


def is_head(name: str) -> bool:
    """A person's name, not an office's (王建华, not 城关镇)."""
    return is_person(name) and not looks_like_unit(name) and not OFFICE_END.search(name)


def leader_names(lines: list[Line], ctx: Context) -> list[str]:
    """The persons of a leaders cell; a figure (1300) or an office (区人社局) shifted into the column by a
    merged header cell is none, with a warning."""
    if lines and is_ditto("".join(ln.text for ln in lines)):
        return [DITTO]
    names = [name for ln in lines for name in parse_persons(ln.text)]
    kept = [n for n in names if _CJK.search(n) and not (OFFICE_END.search(n) and not is_person(n))]
    if len(kept) < len(names):
        dropped = "、".join(n for n in names if n not in kept)
        ctx.warn(lines[0].no, f"'{dropped[:20]}' in a leaders column names no person; ignored")
    return kept


def unit_names(lines: list[Line], ctx: Context, heads: list[str]) -> list[str]:
    """The units of a unit cell given as its lines; a person printed after a unit is the head who
    answers for it, added to ``heads`` (the leaders) with a warning.

    Example:
        >>> from dutygraph.loaders.base import Context
        >>> ctx, heads = Context(file="t.txt", lines=[]), []
        >>> unit_names([Line(3, "市民政局 王建华")], ctx, heads), heads
        (['市民政局'], ['王建华'])
    """
    if not lines:
        return []
    flat = "".join(squeeze(ln.text) for ln in lines)
    if is_ditto(flat):
        return [DITTO]  # 同上: the units of the row above
    short = len(lines) > 1 and all(len(squeeze(ln.text)) <= 2 for ln in lines[:-1])
    if short and not looks_like_unit(squeeze(lines[0].text)) and looks_like_unit(flat):
        lines = [Line(lines[0].no, flat)]  # one name broken one or two characters a line (市/监/察/局)
    names: list[str] = []
    for ln in lines:
        for name in ctx.names(ln.text, ln.no):
            if names and is_paren_tail(name):
                names[-1] += name
            else:
                names.append(name)
    if names and not any(looks_like_unit(n) for n in names):
        # A status sentence (已完成。完成筛查3495人) shifted into a unit column when a merged cell was dropped.
        ctx.warn(lines[0].no, f"'{flat[:20]}' in a unit column names no unit; ignored")
        return []
    units: list[str] = []
    for k, n in enumerate(names):
        if k and looks_like_unit(names[k - 1]) and is_head(n):
            ctx.warn(lines[0].no, f"read '{n}' after '{names[k - 1]}' as the person who answers for it (a leader)")
            heads.append(n)
        else:
            units.append(n)
    return units


#: 地区生产总值增长7%以上. 发改委、经信委: a table row flattened with spaces, its unit cell last.
_SPACED_CELL = re.compile(r"^(.*[。.；;%）)])[ \u3000]+([^\s。.，,；;、]{2,}(?:[、，,][^\s。.，,；;、]{2,})*)$")


def spaced_cell(text: str) -> tuple[str, str] | None:
    """Split an item ending, after its last sentence and a space, in a cell of unit names: (body, units).

    The cell may hold several names set apart by spaces (a row of a table on one line whose unit cell
    stacked its names: 提升3.89个百分点 区科委 区金融办); then the body may end in a figure or a word
    (3幢 年度指标 区投促办), and so may a row of three cells or more before one name; the caller reads
    such cells only when most items end in one.
    """
    m = _SPACED_CELL.match(text.rstrip())
    if m and all(looks_like_unit(p) for p in split_top_level(m.group(2), "、，,")):
        return m.group(1), m.group(2)
    runs = text.rstrip().split(" ")
    k = len(runs)
    while k > 1 and runs[k - 1] and all(looks_like_unit(p) for p in split_top_level(runs[k - 1], "、，,")):
        k -= 1
    cells = [r for r in runs[:k] if r]
    if cells and k < len(runs) and (len(runs) - k >= 2 or len(cells) >= 3):
        return " ".join(runs[:k]).rstrip(), "、".join(runs[k:])
    return None
