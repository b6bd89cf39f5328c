"""Unit names run together with nothing between them (区财政局区审计局, 教育局经开区高新园(邹区镇)).

A table whose cells lost their separators prints a cell's names, and the names of the cells after it,
as one run of characters. :func:`unit_end` tells where the name at a place in such a run ends, and
:func:`unit_ends` every place it may end, for the readers of tables run together
(:mod:`dutygraph.loaders.glued`, :mod:`dutygraph.loaders.glued_rows`).
"""

from __future__ import annotations

import re

from dutygraph.loaders.names import ends_like_unit, looks_like_unit

#: Words that finish the name before them (经开区 + 管委会).
_NAME_TAIL = re.compile(r"^(?:各?成员单位|管委会|管理委员会|办事处|人民政府|政府|党工委|办公室|分局|支队|大队|中心)")
#: A unit that holds 和 ends like a bureau, never like a place (住房和城乡 | 建设局 is one name).
_JOINED_END = re.compile(r"(?:局|委|厅|办|部|中心|署|院|公司|集团)$")
_MAX_UNIT = 18
#: What sets apart the names listed in one cell.
LIST_SEP = frozenset("、，,")
#: Where a sentence ends: a task's text before the names run on after it.
SENTENCE_END = re.compile(r"[。；;！!？?]")
#: Characters that end an office's name and never open one (局, 委, 办 …).
SUFFIX_OPEN = frozenset("局委厅办处科室所站队院")


def unit_end(seg: str, q: int) -> int | None:
    """The end of the unit name starting at ``q``: the shortest that another name (or the end)
    follows (区人社局, not 区人社 + 局; no name opens with an office's suffix: 市人社 + 局市财政局 is no
    reading), else the longest.

    Example:
        >>> seg = "区人社局市财政局"
        >>> seg[: unit_end(seg, 0)]
        '区人社局'
    """
    ends = unit_ends(seg, q)
    for e in ends:
        if e == len(seg) or seg[e] in "(（" or (seg[e] not in SUFFIX_OPEN and unit_ends(seg, e)):
            return e
    return ends[-1] if ends else None


def unit_ends(seg: str, q: int) -> list[int]:
    """Every end at which ``seg[q:end]`` reads as one unit's name.

    Example:
        >>> unit_ends("区人社局2020年", 0)  # 区人社 (a 社 like 报社) or 区人社局
        [3, 4]
    """
    ends: list[int] = []
    for e in range(q + 3, min(len(seg), q + _MAX_UNIT) + 1):
        name = seg[q:e]
        if not _NAME_CHARS.fullmatch(name):
            if _OPEN_BRACKET.search(name):
                continue  # 各县(市、区 … )政府: a bracket inside the name
            break
        if (ends and e <= ends[-1]) or not (_ends_like_unit(name) and looks_like_unit(name)):
            continue  # inside the name tail just read (经开区 + 管委会 holds no 经开区管委)
        if "和" in name and not _JOINED_END.search(name):
            continue
        tail = _NAME_TAIL.match(seg[e:])
        ends.append(e + len(tail.group(0)) if tail else e)
    return ends


def _ends_like_unit(name: str) -> bool:
    """A unit's end, also one closed by a bracket naming another unit it stands for (镇(街道)); 各区(市) goes
    on (各区(市)县政府)."""
    if ends_like_unit(name):
        return True
    m = _TAIL_BRACKET.search(name)
    return m is not None and ends_like_unit(name[: m.start()]) and ends_like_unit(m.group(1))


_TAIL_BRACKET = re.compile(r"[(（]([\u4e00-\u9fff]{2,8})[)）]$")
_NAME_CHARS = re.compile(r"(?:[\u4e00-\u9fff]|[(（][\u4e00-\u9fff、]{1,8}[)）])+")
_OPEN_BRACKET = re.compile(r"[(（][\u4e00-\u9fff、]{0,8}$")
