"""Role verbs: a list of units closed by the verb that gives their role.

``区发改局牵头`` leads, ``区财政局、各街道配合`` supports, ``X、Y负责`` answers for the task, ``由X负责``
closes an item's text. These readers tell such a clause from a task's own words (``加快项目建设``) and
split it off an item; :mod:`dutygraph.loaders.cues` turns the clauses into roles.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import DEADLINE, LABEL
from dutygraph.loaders.names import keep_units, looks_like_unit, split_top_level
from dutygraph.loaders.text import OPENERS, squeeze

#: Verb endings of a unit list: who leads, who supports, who is responsible.
LEAD_END = re.compile(
    r"(?:分别|共同)?(?:(?:为|是|作为)(?:牵头|主办|主责)(?:单位|部门)|总牵头|牵头负责|负责牵头|牵头抓总|牵头落实|牵头推进|牵头(?:组织)?实施"
    r"|牵头办理"
    r"|牵头|主办|主责|抓总|统筹|牵头统筹|统筹协调"
    r"|负总责|总负责|主抓)$"
)
SUPPORT_END = re.compile(
    r"(?:(?:为|是|作为)(?:配合|协办|参与)(?:单位|部门)|配合落实|配合推进|协助|协办|配合|参与|参加|协同"
    r"|(?:负责|做好|提供|落实)?(?:资金|经费|要素)保障|保障(?:资金|经费))$"  # 县财政局保障资金: funds the work
)
RESPONSIBLE_END = re.compile(
    r"(?:(?:为|是|作为)责任(?:单位|部门)|(?:(?:按照?|根据)?(?:各自)?职责(?:分工)?|分工)?(?:分别|共同|具体|抓好|组织|负责)?"
    r"(?:负责|落实|实施|推进|办理))$"
)
#: X会同Y办理: X leads and works with Y, who supports (the part before the verb, split at 会同).
JOINT = re.compile(r"^(?P<lead>[^，,；;]{2,60}?)会同(?P<support>[^，,；;]{2,120})$")
#: 分别负责: each unit listed answers for its own part, so each leads.
EACH_LEADS = re.compile(r"分别(?:负责|牵头|落实)$")
#: 由X负责 / 由X牵头 at the end of an item's text, outside any parenthesis.
BY = re.compile(
    r"由([^，,。；;：:]{2,80}?)(?:共同|联合|分别|具体)?(牵头负责|负责牵头|牵头(?:组织)?实施|牵头|负责|组织实施|实施)[。.；;]?$"
)


_VERB_TAIL = re.compile(
    r"(?:牵头|负责|配合|协办|主办|主责|参与|协同|协助|落实|实施|推进|抓总|保障(?:资金|经费)?)[。.；;]?\s*$"
)


def trailing_verb_cue(text: str) -> tuple[str, str] | None:
    """Split an item's closing sentences off when they only say who does what (a deadline may close them):
    (body, cue), or None.

    Example:
        >>> trailing_verb_cue("新建公园5个。区城管局牵头，各街道配合。")
        ('新建公园5个。', '区城管局牵头，各街道配合')
        >>> trailing_verb_cue("推进项目。区发改局牵头；区住建局配合；12月底前完成。")
        ('推进项目。', '区发改局牵头；区住建局配合；12月底前完成')
    """
    body = text.rstrip().rstrip("。.；;")
    when = _DEADLINE_CLAUSE.search(body)  # …区住建局配合；2023年12月底前完成: the clauses before say who
    if when and DEADLINE.match(when.group(1)):
        split = trailing_verb_cue(body[: when.start()])
        return (split[0], f"{split[1]}；{when.group(1)}") if split else None
    if not _VERB_TAIL.search(text):
        return None
    cut = max(body.rfind("。"), body.rfind("；"), body.rfind(";"))
    last = body[cut + 1 :]
    if last.lstrip()[:1] in OPENERS.values():  # (X牵头落实: a cut bracket
        return None
    if cut >= 0 and is_verb_cue(last):
        # 区发改局牵头；区住建局配合: the sentences before that only say who does what are the cue's too
        while (before := max(body.rfind("。", 0, cut), body.rfind("；", 0, cut), body.rfind(";", 0, cut))) >= 0:
            if not is_verb_cue(body[before + 1 : cut]):
                break
            cut = before
        return body[: cut + 1], body[cut + 1 :]
    return _trailing_clauses(body[: cut + 1], last)


#: A deadline closing an item after its cue (…配合；2023年12月底前完成, …配合，年内完成).
_DEADLINE_CLAUSE = re.compile(r"[；;，,]\s*([^，,；;。]{2,16})$")


def _trailing_clauses(head: str, last: str) -> tuple[str, str] | None:
    """The clauses closing an item's last sentence after a comma when they only say who does what
    (新建幼儿园3所，县教育局负责，县财政局配合): (body, cue), the body keeping its own clauses; None when
    no clause of work is left before them.

    >>> _trailing_clauses("", "新建幼儿园3所，县教育局负责，县财政局、县自然资源局配合")
    ('新建幼儿园3所', '县教育局负责，县财政局、县自然资源局配合')
    >>> _trailing_clauses("", "加快项目建设，确保按期完成") is None
    True
    """
    if LABEL.search(last):
        return None  # 责任单位：县发改局，县统计局配合: the clause is the label's, which cues read
    clauses = split_top_level(last, "，,")
    for k in range(1, len(clauses)):
        work, cue = "，".join(clauses[:k]).strip(), "，".join(clauses[k:])
        if work and not is_verb_clause(work) and is_verb_cue(cue):
            return f"{head}{work}", cue
    return None


def is_verb_cue(text: str) -> bool:
    """True for a text that only says who does what: ``区发改局牵头，区财政局配合``; every part between commas
    is units and a role verb, or units the verb of the last part covers too (由X，Y、Z负责落实).

    >>> is_verb_cue("区发改局牵头，区财政局、各街道配合"), is_verb_cue("加快项目建设，确保按期完成")
    (True, False)
    """
    segments = split_top_level(text.strip().rstrip("。.；;"), "，,；;")
    bare = [len(keep_units(ns := split_top_level(clean_segment(seg), "、"))) == len(ns) for seg in segments]
    return bool(segments) and unit_clause(segments[-1]) and all(map(lambda s, b: unit_clause(s) or b, segments, bare))


def unit_clause(segment: str) -> bool:
    """True for one clause that names units by a role verb: ``区财政局、各街道配合``, ``由X负责``."""
    seg = clean_segment(segment)
    m = LEAD_END.search(seg) or SUPPORT_END.search(seg) or RESPONSIBLE_END.search(seg)
    if not seg or not m or m.start() == 0:
        return False
    # 县发展和改革局 is one name; 县财政局和县审计局 two
    listed = split_top_level(seg[: m.start()].replace("会同", "、"), "、")  # X会同Y办理: units on both sides
    names = [p for n in listed for p in ([n] if looks_like_unit(n) else split_top_level(n, "和及"))]
    return bool(names) and len(keep_units(names)) == len(names)  # 商水县、沈丘县人民政府: places sharing a government


def by_clause(text: str) -> tuple[str, str, str] | None:
    """Split a trailing ``由X负责`` from an item's text: (body, units, verb), or None.

    Clauses before it that each end so (市属公共场所由市城管办负责；建筑工地由市建设局负责) name their units
    too: the body ends before the first of them.

    >>> by_clause("统一灭杀。公共场所由市城管办负责；工地由市建设局负责。")
    ('统一灭杀。', '市城管办、市建设局', '负责')
    """
    m = BY.search(text.rstrip())
    if not m or not _names_units(m.group(1)):
        return None
    units, start = [m.group(1)], _clause_start(text, m.start())
    while text[:start].rstrip().endswith(("；", ";")):
        earlier = BY.search(text[:start].rstrip())
        if not earlier or not _names_units(earlier.group(1)):
            break
        units.insert(0, earlier.group(1))
        start = _clause_start(text, earlier.start())
    body = text[:start] if len(units) > 1 else text[: m.start()]
    return body.rstrip(" ，,；;"), "、".join(units), m.group(2)


def _names_units(text: str) -> bool:
    return any(looks_like_unit(n) for n in split_top_level(text, "、，,；;和及或"))


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position ``at`` starts: after the last 。；; before it."""
    return max(text.rfind(mark, 0, at) for mark in "。；;") + 1


def is_verb_clause(text: str) -> bool:
    """A clause of units closed by a role verb (X、Y等按职责分工负责), not a task's text."""
    seg = clean_segment(split_top_level(text, "，,；;。")[-1])
    for verb in (LEAD_END, SUPPORT_END, RESPONSIBLE_END):
        found = verb.search(seg)
        if found and found.start() > 0:
            return all(looks_like_unit(n) for n in split_top_level(seg[: found.start()], "、"))
    return False


def shared_verb(segments: list[str], verb_lead: bool) -> bool:
    """(X、Y等有关部门,Z负责): the bracket's one 负责, after its last list, holds for every list."""
    return not verb_lead and len(segments) > 1 and bool(RESPONSIBLE_END.search(clean_segment(segments[-1])))


#: Where one clause ends and the next begins inside a segment: after a role verb, at 、 or a space
#: (X牵头、Y配合 / X牵头 Y配合).
_CLAUSE_END = re.compile(r"(?<=牵头|配合|负责|协办|主办|参与|协同|协助)[、\s\u3000]+(?=\S)")


def after_verbs(segment: str) -> list[str]:
    """A segment split after each role verb that a 、 or space follows (X和Y分别牵头、Z: the lead, then more)."""
    return [p for p in _CLAUSE_END.split(segment) if p]


def clauses(segment: str) -> list[str]:
    """A segment split into its clauses when role verbs close more than one (X牵头、Y配合)."""
    parts = _CLAUSE_END.split(segment)
    if len(parts) > 1 and all(LEAD_END.search(p) or SUPPORT_END.search(p) or RESPONSIBLE_END.search(p) for p in parts):
        return parts
    return [segment]


_ETC_CATEGORY_AND = re.compile(r"等(?:[省市区县](?:直|级)?)?(?:相关|有关|其他|其它)(?:单位|部门)(?:和|及|以及|、)")


_BY_DUTY = re.compile(r"(?<!等)(?:按照?|根据)(?:各自)?职责(?:分工)?(?=牵头|负责|配合|协办|参与|落实|$)")


def clean_segment(segment: str) -> str:
    seg = squeeze(segment)
    seg = re.sub(r"^(?:由|请|均由|会同)", "", seg)  # X牵头，会同Y、Z负责: Y and Z work with the lead
    seg = _ETC_CATEGORY_AND.sub("、", seg)  # X等省有关部门和Y: the category word between two lists is no unit
    seg = _BY_DUTY.sub("", seg)  # X、Y按职责牵头: how they lead, no part of Y
    # X等（相关）部门按职责分工负责 / X等配合: 等 closes the list, the category word is no unit
    return re.sub(
        r"等(?=(?:(?:相关|有关|其他|其它)?(?:单位|部门))?(?:按|根据|分别|共同|具体|负责|配合|协办|参与|参加|落实|$))"
        r"(?:(?:相关|有关|其他|其它)?(?:单位|部门))?",
        "",
        seg,
    )


#: A unit naming itself before its work (区发改局：牵头推进…, 县财政局：负责…).
_UNIT_PREFIX = re.compile(r"^([^：:，,。；;（(）)]{2,40}?)[：:](?=\S)")
#: The end of an office's name, not a place's (中心城区：改造… names where the work is).
_OFFICE_END = re.compile(
    r"(?:局|委|办|厅|院|部|中心|公司|政府|管委会|办事处|街道|镇|乡|所|站|队|会|室|科|处|集团|馆|校|社)$"
)


def unit_prefix(text: str) -> str | None:
    """The units an item's text opens with before a colon, or None: they answer for the item.

    >>> unit_prefix("区发改局：牵头推进重大项目建设"), unit_prefix("牵头单位：区发改局"), unit_prefix("中心城区：改造")
    ('区发改局', None, None)
    """
    text = text.strip()
    m = _UNIT_PREFIX.match(text)
    if not m or LABEL.match(text):
        return None
    names = split_top_level(m.group(1), "、，,")
    offices = names and all(looks_like_unit(n) and _OFFICE_END.search(n) for n in names)
    return m.group(1) if offices else None
