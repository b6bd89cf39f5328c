"""Brackets and cue lines cut by the end of a text: scrapes and excerpts stop mid-item, inside the unit
bracket or before the verb of a line naming the units (由X、Y，Z — 负责落实 never printed)."""

from __future__ import annotations

import re

from dutygraph.loaders.base import LABEL
from dutygraph.loaders.cues import names_a_role
from dutygraph.loaders.names import looks_like_unit, parse_names, split_top_level
from dutygraph.loaders.role_verbs import clean_segment, is_verb_cue
from dutygraph.loaders.text import OPENERS, opening_bracket

#: A label cut off at the end of a text (牵头部, 责任单): nothing to read.
_CUT_LABEL = re.compile(r"(?:^|[；;，,、【\[])\s*(?:牵头|责任|配合|协办|主办|分管)[单部领位门导]{0,2}$")
_CUT_VERBS = (("牵", "牵头"), ("配", "配合"), ("负", "负责"), ("协", "协办"))
_CUT_BY = re.compile(r"^由(?!于)(?=[省市县区州盟旗镇乡])")


def open_group(text: str) -> tuple[str, str] | None:
    """Split an item whose unit bracket was cut off (the text ends inside it): (body, inside).

    Excerpts and scrapes stop mid-item; a bracket opened after the item's last
    sentence and never closed, holding a cue or a list of units, is read as far as
    it goes.

    Example:
        >>> open_group("地区生产总值增长6.5%。(市发展改革委、市财政局、市人")
        ('地区生产总值增长6.5%。', '市发展改革委、市财政局、市人')
    """
    stripped = text.rstrip()
    depth, at = 0, -1
    for i in range(len(stripped) - 1, -1, -1):
        if stripped[i] in OPENERS:
            depth += 1
        elif stripped[i] in OPENERS.values():
            if depth == 0:
                at = i  # the bracket never closed
                break
            depth -= 1
    if at <= 0:
        return None
    inside = stripped[at + 1 :]
    for cut, whole in _CUT_VERBS:
        if inside.endswith(cut) and not inside.endswith(whole):
            inside += whole[len(cut) :]  # 等牵 was 等牵头 before the cut
            break
    inside = _CUT_LABEL.sub("", inside)
    by = _CUT_BY.match(inside)  # (由市商: the page cut inside the first name of a 由X负责 bracket
    inside = inside[by.end() :] if by else inside
    parts = split_top_level(inside, "、，,；;")
    if not parts or "。" in inside:
        return None
    units = sum(1 for p in parts[:-1] if looks_like_unit(clean_segment(p)))
    one_unit = looks_like_unit(inside.rstrip("、，,；; "))  # (市建委、: one unit, the page cut after its 、
    cut_name = bool(by) and len(parts) == 1 and len(inside) <= 12 and not re.search(r"[，,：:]", inside)
    if names_a_role(inside) or (len(parts) >= 2 and units == len(parts) - 1) or one_unit or cut_name:
        return stripped[:at].rstrip(), inside
    return None


def cut_cue(text: str) -> bool:
    """True for a text that ends inside a bracket naming roles (…能耗下降2.5%(分管副省长负责,省发展改革委牵头,省):
    the page stopped inside the item's cue."""
    group = open_group(text)
    return group is not None and names_a_role(group[1])


def by_line_cut(text: str) -> str | None:
    """The units of a 由X、Y，Z line cut before its verb (负责落实), or None: a line that opens with 由 and lists
    names of which the first and two in three read as units (places among them: 西华县).

    >>> by_line_cut("由市交通运输局、市公路局,西华县")
    '市交通运输局、市公路局,西华县'
    >>> by_line_cut("由市交通运输局负责落实") is None
    True
    """
    cut = re.fullmatch(r"由([^。；;：:]{2,120})", text.strip())
    if cut is None or is_verb_cue(text):
        return None
    names = parse_names(cut.group(1))
    mostly = bool(names) and looks_like_unit(names[0]) and 3 * sum(map(looks_like_unit, names)) >= 2 * len(names)
    return cut.group(1) if mostly else None


def opening_group(text: str) -> tuple[str, str] | None:
    """An item that prints its roles in a bracket before its text (【牵头单位：X】推进…, （X牵头，Y配合）新建…):
    (inside, text), or None when the bracket holds no cue or no text follows it.

    >>> opening_group("（县发改局牵头，县财政局配合）推进重大项目建设。")
    ('县发改局牵头，县财政局配合', '推进重大项目建设。')
    """
    group = opening_bracket(text)
    if group is None or len(group[1].strip(" 。.，,；;")) < 2:
        return None
    return group if names_a_role(group[0]) or LABEL.search(group[0]) else None
