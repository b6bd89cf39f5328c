"""Cues a section heading gives for every task under it.

Headings name a leader by post (``一、张三县长牵头重点工作``, ``常务副县长李四牵头``,
``于某某市长主抓``), carry a label (``经济发展（牵头领导：A、B）``) or name the lead unit
of the items after them (``县交通局牵头：``, ``一、县示范区管委会牵头工作(8项)``).
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import LABEL, Context
from dutygraph.loaders.cues import Roles, closing_group, read_cues
from dutygraph.loaders.names import looks_like_unit, split_top_level
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.text import OPENING_PUNCT, squeeze

#: A leader named by post in a heading: 张三县长牵头 / 常务副县长李四牵头 / 县长张三负责.
_POST = r"(?:(?:常务)?副?(?:省|市|州|盟|县|区|旗|镇|乡)长|(?:[省市州县区旗]政府)?党组(?:副?书记|成员)|副?秘书长)"
_LEADS_VERB = r"(?:牵头|负责|分管|领衔|挂帅|主抓|抓总|统筹)"
_LEADER_NAME_POST = re.compile(rf"([\u4e00-\u9fff]{{2,3}}?)(?:同志)?({_POST}){_LEADS_VERB}")
_LEADER_POST_NAME = re.compile(rf"({_POST})([\u4e00-\u9fff]{{2,3}}?)(?:同志)?{_LEADS_VERB}")
#: Leaders who assist the one a heading names, in a bracket after it: (李政文秘书长、刘俊谦省长助理协助).
_ASSIST_POST = rf"(?:副?秘书长|(?:省|市|州|县|区)长助理|{_POST})"
_ASSISTING = re.compile(rf"[（(]((?:[\u4e00-\u9fff]{{2,3}}?{_ASSIST_POST}[、，,和]?)+)协助[)）]")
_ASSISTANT = re.compile(rf"([\u4e00-\u9fff]{{2,3}}?){_ASSIST_POST}")
#: A heading that names leaders by name alone: 王强同志牵头： / 王强、李明牵头的工作
_LEADER_NAMED = re.compile(
    rf"^(?:由)?([\u4e00-\u9fff、]{{2,12}}?)(?:同志)?{_LEADS_VERB}(?:的)?(?:重点)?(?:工作|任务|事项)?"
    r"(?:[（(][^()（）]*[)）])?[：:。]?$"
)
#: A line that only names the leader of the items after it, by post and name in either order:
#: 区长 王明： / 区委常委、常务副区长李强 / 王明（副区长）： / 李强同志牵头的工作：
_TAIL = rf"\s*(?:{_LEADS_VERB})?(?:的)?(?:重点)?(?:工作|任务|事项)?\s*[：:]?$"
_LEADER_LINES = (
    re.compile(rf"^(?:[\u4e00-\u9fff]{{2,8}}、)?{_POST}\s*(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:同志)?{_TAIL}"),
    re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:同志)?\s*(?:[（(]{_POST}[)）]|{_POST}){_TAIL}"),
)
#: A line that only names who leads what follows: 县交通局牵头： / 由区住建局牵头：
_LEAD_LINE = re.compile(
    r"^(?:由)?(.{2,40}?)(牵头负责|牵头)(?:的)?(?:重点)?(?:工作|任务|事项|项目)?"
    r"(?:[（(]\s*(?:共)?\d{1,3}\s*(?:项|件|个)\s*[)）])?[：:]?$"
)


#: The count of items a unit heading announces ((5项), （共8项）, 8项): no part of its name.
_ITEM_COUNT = re.compile(
    r"\s*(?:[（(]\s*(?:共|计)?\s*\d{1,3}\s*(?:项|件|条|个)\s*[)）]|(?:共|计)?\d{1,3}\s*(?:项|件|条))$"
)


def without_count(title: str) -> str:
    """A heading without the count of items it announces: （二）市经信局（5项） -> （二）市经信局."""
    return _ITEM_COUNT.sub("", title)


def heading_title(text: str) -> str:
    """A heading's text without the cues printed in it (a closing bracket of roles, or a label and all after it:
    ``总目标。(责任单位:市甲局)该件已完成``) and without the count of items it announces (经济发展（3项）).

    Example:
        >>> heading_title("减少扶贫对象。(责任单位:市扶贫办)该件实事已全面完成")
        '减少扶贫对象。'
    """
    group = closing_group(text)
    if group:
        return without_count(group[0])
    m = LABEL.search(text)
    if m and m.start() > 0:
        return without_count(text[: m.start()].rstrip(OPENING_PUNCT))
    return without_count(text)


def heading_cues(text: str, line: int, ctx: Context) -> Roles:
    """Cues a section heading gives for every task under it.

    Reads labels inside the heading (``（牵头领导：A、B）``), a leader named with
    a post (``张三县长牵头重点工作``, ``常务副县长李四牵头``) and a line naming a lead
    unit (``县交通局牵头：``).

    Example:
        >>> from dutygraph.loaders.base import Context
        >>> heading_cues("一、张三县长牵头重点工作", 1, Context("x", [])).leaders
        ['张三']
    """
    roles = Roles()
    if names := leader_line(text):
        roles.leaders += names
        return roles
    named = _LEADER_NAMED.match(squeeze(text))
    if is_lead_line(text):
        m = _LEAD_LINE.match(squeeze(text))
        assert m is not None
        roles.lead += ctx.names(m.group(1), line)
        return roles
    group = closing_group(text)
    if group:
        roles.extend(read_cues(group[1], line, ctx))
        text = group[0]
    elif LABEL.search(text):
        m = LABEL.search(text)
        assert m is not None
        roles.extend(read_cues(text[m.start() :], line, ctx))
        text = text[: m.start()]
    flat = squeeze(text)
    for m in _LEADER_NAME_POST.finditer(flat):
        if is_person(m.group(1)) and m.group(1) not in roles.leaders:
            roles.leaders.append(m.group(1))
    for m in _LEADER_POST_NAME.finditer(flat):
        if is_person(m.group(2)) and m.group(2) not in roles.leaders:
            roles.leaders.append(m.group(2))
    if roles.leaders and (assisting := _ASSISTING.search(flat)):
        roles.leaders += [n for n in _ASSISTANT.findall(assisting.group(1)) if is_person(n) and n not in roles.leaders]
    if named and not roles.leaders:
        names = named.group(1).split("、")
        if all(is_person(n) for n in names):
            roles.leaders += names
    return roles


def is_lead_line(text: str) -> bool:
    """True for a line that only says who leads the items after it (``县交通局牵头：``)."""
    flat = squeeze(text)
    m = _LEAD_LINE.match(flat)
    return bool(m and all(looks_like_unit(n) for n in split_top_level(m.group(1), "、，,")))


def leader_line(text: str) -> list[str]:
    """The leader a line names alone, by post and name, over the items after it (``区长 王明：``,
    ``王明（副区长）：``), or [].

    Example:
        >>> leader_line("区委常委、常务副区长 李强："), leader_line("王明副区长牵头的工作"), leader_line("区长办公室：")
        (['李强'], ['王明'], [])
    """
    flat = squeeze(text)
    if len(flat) > 30:
        return []
    for pattern in _LEADER_LINES:
        if (m := pattern.match(flat)) and is_person(m.group("name")):
            return [m.group("name")]
    return []
