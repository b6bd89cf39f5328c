"""Telling units apart, and splitting and rejoining printed names of units.

Decomposition tables print leaders (分管领导) as personal names, sometimes with a space inside
(吴 伟), and units as office names (发改局, 高新园(邹区镇)), sometimes broken over lines or run
together with no separator (市场监管局统计局). These helpers read such strings the way a person
would; they never resolve aliases (that is the graph module's job, from ``data/aliases.toml``).
"""

from __future__ import annotations

import re

from dutygraph.loaders.text import SPACES, squeeze

#: Endings that make a string the name of an office, body or place (a unit).
_UNIT_SUFFIX = re.compile(
    r"(?:局|办|新城|科技城|委|部|处|科|室|院|所|站|队|会|园|区|镇|乡|街道|社区|村|集团|公司|中心|单位|板块|部门|联|协|团|社|厅|支行|分行|总行"
    r"|馆|台|校|组|署|分局|大队|支队|小组|银行|学校|医院|海关|政府|镇街|(?<![控入参持炒配])股)$"
)
#: Two-character words that end like a unit but are not one (格局, 布局 …).
_NOT_UNITS = re.compile(
    r"(?:格局|布局|大局|全局|开局|[开创谱]新局|变局|破局|结局|时局|社会|机会|都会|盛会|大会|体系|关键|窗口)$"
    r"|^第[一二三四五六七八九十\d]{1,3}[组项批类]$"  # a row's label (第一组), not a working group's name
)
#: Verbs and heading words that never occur inside an office's name.
_HEADING_WORDS = re.compile(
    r"推动|提升|优化|加快|聚力|着力|深化|强化|完善|突出|建强|夯实|筑牢|织紧|始终|坚持|聚焦|打造|推进|实施|构建"
    r"|持续|加强|扎实|确保|围绕|做好|开展|落实|培育|壮大|拓展|理顺|增强|服务于|工作报告|分解表"
    r"|新增|建成|完成|开工|改扩建|实现|达到|\d+\s*[个所家座处项台套名户万亿]$"
)
#: Collective units: not one office but a set of them (各街道, 区相关部门, 成员单位 …).
_COLLECTIVE = re.compile(r"^各|相关|有关|成员单位|各部门|各单位|各办局|全体|各镇|各板块|直属单位|各成员")
_LOCAL = re.compile(r"(?:街道|街道办事处|镇|乡|村|社区)[)）]?$")
#: Separators between names in a list of units.
_SEPARATORS = "、，,；;/／" + SPACES
_OPEN, _CLOSE = "(（〔", ")）〕"
#: Printed values meaning "none".
_NONE = re.compile(r"^(?:[—–\-－―─]{1,4}|无|/|／|暂无|空白?)$")


def is_none_mark(text: str) -> bool:
    """True for the marks a table prints for "none": '—', '——', '-', '无', '/'.

    Example:
        >>> is_none_mark("——"), is_none_mark("发改局")
        (True, False)
    """
    return bool(_NONE.match(squeeze(text)))


def ends_like_unit(name: str) -> bool:
    """True when ``name`` ends like an office, body or place (局, 街道, 中心 …), not like 格局."""
    return bool(_UNIT_SUFFIX.search(name)) and not _NOT_UNITS.search(name)


def is_collective(name: str) -> bool:
    """True for a collective unit: a set of offices, not one (各街道, 区相关部门, 全体区长).

    Example:
        >>> is_collective("相关部门街道板块"), is_collective("统计局")
        (True, False)
    """
    return bool(_COLLECTIVE.search(squeeze(name)))


#: How the place or level before a collective ends (区相关部门, 市直各单位, 经开区各镇, 市政府各部门).
_PLACE_ENDS = frozenset("省市区县州盟旗镇乡直级委府")


def _leading_collective(name: str) -> bool:
    """A collective named as such (各镇街, 区相关部门, 市直各单位), not a sentence that mentions one on its
    way (指导各镇街进行项目立项报批): the collective word opens the name, or follows a place or level
    (区, 市直, 经开区), or the name ends as a unit does."""
    name = squeeze(name)
    found = _COLLECTIVE.search(name)
    if not found:
        return False
    head = name[: found.start()]
    return (
        not head or (len(head) <= 6 and head[-1] in _PLACE_ENDS) or bool(_UNIT_SUFFIX.search(strip_parenthetical(name)))
    )


def is_local(name: str) -> bool:
    """True for a street, town or village office (南大街街道, 高新园(邹区镇)), or a collective.

    Example:
        >>> is_local("高新园(邹区镇)"), is_local("农业农村局"), is_local("各街道")
        (True, False, True)
    """
    return bool(_LOCAL.search(name)) or is_collective(name)


def looks_like_unit(text: str) -> bool:
    """True when ``text`` reads as one unit's name (an office, body, park or collective).

    Example:
        >>> looks_like_unit("高新园(邹区镇)"), looks_like_unit("聚力推动"), looks_like_unit("格局")
        (True, False, False)
    """
    name = squeeze(text)
    if not name or len(name) > 40 or NOTICE_LINE.search(name):
        return False
    if _leading_collective(name) and len(name) <= 30 and not re.search(r"[。！？!?：:，,]", name):
        return True
    if _HEADING_WORDS.search(name):
        return False
    if name[0] in _OPEN and name[-1] in _CLOSE:
        return len(name) <= 16
    core = strip_parenthetical(name)
    if not core or _NOT_UNITS.search(core) or re.search(r"[。！？!?：:]", name):
        return False
    return bool(_UNIT_SUFFIX.search(core)) or _leading_collective(core)


def strip_parenthetical(name: str) -> str:
    """The name without a closing parenthetical: 应急管理局(安委办) -> 应急管理局."""
    return re.sub(r"[(（][^()（）]*[)）]$", "", name)


#: The closing lines of a notice (此件公开发布, 抄送, 印发): never part of a name.
NOTICE_LINE = re.compile(r"此件|公开发布|主动公开|依申请公开|不予公开|抄送|印发|联系人|联系电话")


def is_paren_tail(text: str) -> bool:
    """True for a line that is only a parenthesised name tail, such as ``(邹区镇)``."""
    name = squeeze(text)
    return (
        len(name) >= 3 and name[0] in _OPEN and name[-1] in _CLOSE and _depth_ok(name) and not NOTICE_LINE.search(name)
    )


def is_generic_tail(text: str) -> bool:
    """True for a line that only finishes the name above it (成员单位, 各成员单位)."""
    return squeeze(text) in {"成员单位", "各成员单位", "全体成员单位", "成员", "领导小组成员单位"}


def _depth_ok(name: str) -> bool:
    depth = 0
    for ch in name:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def split_top_level(text: str, separators: str = _SEPARATORS) -> list[str]:
    """Split ``text`` at separators that are not inside parentheses.

    Example:
        >>> split_top_level("区应急管理局（区安委办、区减灾委）、各街道")
        ['区应急管理局（区安委办、区减灾委）', '各街道']
    """
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in _OPEN or ch == "<":  # <b>…</b> markup in a name is never split at its '/'
            depth += 1
        elif ch in _CLOSE or ch == ">":
            depth = max(0, depth - 1)
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


_RUN_TOGETHER = re.compile(r"(局|股(?!份)|街道|集团|公司)(?=[\u4e00-\u9fff])")
#: Words that finish a name rather than start one (各镇街道 + 办事处 is one office).
_GENERIC_TAIL = re.compile(
    r"^(?:办事处|人民政府|政府|管委会|管理委员会|党工委|委员会|办公室)$"
    r"|^(?:集团|股份|控股)?(?:有限)?(?:责任)?公司$|^集团(?:公司)?$"  # 某某局集团有限公司: one company
)
#: A branch or section of the office before it (市自然资源和规划局 + 某某分局, 县文体局 + 群体股 are one unit).
_BRANCH = re.compile(r"(?:分局|分中心|分所|分队|大队|中队|支队|派出所|所|站|股|科|室)$")
_LEVEL_PREFIX = re.compile(r"^(?:省|市|区|县|州|盟|旗|镇|乡)")


def split_run_together(name: str) -> list[str]:
    """Split two unit names printed with no separator (市场监管局统计局).

    A split is made after 局, 股, 街道, 集团 or 公司 only when both sides read as a
    unit of at least three characters, so 自然资源和规划分局 or 区委组织部 stay whole.

    Example:
        >>> split_run_together("南大街街道新运集团")
        ['南大街街道', '新运集团']
        >>> split_run_together("自然资源和规划分局")
        ['自然资源和规划分局']
        >>> split_run_together("县文体局群体股"), split_run_together("县文体局县财政局")
        (['县文体局群体股'], ['县文体局', '县财政局'])
        >>> split_run_together("武钢集团鄂城钢铁有限责任公司")
        ['武钢集团鄂城钢铁有限责任公司']
    """
    if any(ch in name for ch in _OPEN):
        return [name]
    for m in _RUN_TOGETHER.finditer(name):
        left, right = name[: m.end()], name[m.end() :]
        if len(left) < 3 or len(right) < 3 or not looks_like_unit(left) or not looks_like_unit(right):
            continue
        if _GENERIC_TAIL.match(right) or (_BRANCH.search(right) and not _LEVEL_PREFIX.match(right)):
            continue
        if left.endswith("集团") and right.endswith("公司") and not _LEVEL_PREFIX.match(right):
            continue  # 武钢集团鄂城钢铁有限责任公司: the group's own company, one name
        return [left, *split_run_together(right)]
    return [name]


def parse_names(text: str) -> list[str]:
    """Split a printed list of units into names.

    Splits at 、，,；; and spaces outside parentheses, removes spaces inside a name
    and drops none marks ('—'). Run-together names are left for the caller to
    split with :func:`split_run_together` (it warns when it does).

    Example:
        >>> parse_names("高新园(邹区镇) 各街道 区教育局")
        ['高新园(邹区镇)', '各街道', '区教育局']
        >>> parse_names("——")
        []
    """
    names: list[str] = []
    text = _LEAD_NOTE.sub(lambda m: "★" + m.group(1), text)  # 区发改局（牵头） marks the lead, as ★ does
    for raw in _rejoin_spaced(split_top_level(_CONVENTION_NOTE.sub("", text)), text):
        raw = squeeze(raw).strip("。.")
        parts = [p for joined in _split_conjunction(raw) for p in _split_etc(joined)]
        for part in parts:
            part = _LEADING_AND.sub("", _TRAILING_ETC.sub("", part).strip("。."))
            if part.endswith(("★", "☆")):
                part = "★" + part.rstrip("★☆")  # 县发改局★ marks the lead as ★县发改局 does
            elif part[:1] in "*＊" and part[1:2] not in "*＊" and len(part) > 2:  # **区: a name masked, no mark
                part = "★" + part.lstrip("*＊")  # *市发展改革委: the asterisk marks the lead as ★ does
            if not part or is_none_mark(part) or _THE_OTHERS.match(part) or _CATEGORY_ETC.match(part) or part in _ETC:
                continue  # 其他有关部门配合 (a convention for everyone else) names no unit
            if names and is_paren_tail(part):
                names[-1] += part
                continue
            if names and _LEVEL_ONLY.match(names[-1]) and _LEVEL_BODY.match(part):
                names[-1] += "、" + part  # 各乡、镇人民政府: one collective, not two
                continue
            if names and _ITS_GOVERNMENT.match(part) and _PARTY_AND_GOVERNMENT.search(names[-1]):
                names[-1] += "、" + part  # 各县区党委、政府: the place's two leading bodies, named once
                continue
            if names and part in ("单位", "企业", "机构") and _COLLECTIVE_HEAD.search(names[-1]):
                names[-1] += "、" + part  # 市直有关部门、单位: one collective, not a unit called 单位
                continue
            names.append(part)
    return names


#: A collective of departments that a bare 单位 extends (市直有关部门、单位, 各相关部门、单位).
_COLLECTIVE_HEAD = re.compile(r"(?:有关|相关|各|直)\S{0,3}部门$")


def _rejoin_spaced(parts: list[str], text: str) -> list[str]:
    """Rejoin a name a stray space cut in two (自治 区农牧厅: a PDF's line break)."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if i + 1 < len(parts) and len(part) <= 3 and not looks_like_unit(part) and looks_like_unit(parts[i + 1]):
            joined = part + parts[i + 1]
            if looks_like_unit(joined) and re.search(re.escape(part) + r"[\s\u3000]+" + re.escape(parts[i + 1]), text):
                out.append(joined)
                i += 2
                continue
        if (
            out
            and (len(part) == 1 or (len(part) == 2 and not looks_like_unit(part)))
            and _spaced_tail(out[-1], part, text)
        ):
            out[-1] += part  # 资源规划 局, 伏羲山管委 会: the name's last characters after a stray space
            i += 1
            continue
        out.append(part)
        i += 1
    return out


def _spaced_tail(head: str, tail: str, text: str) -> bool:
    """Whether ``tail`` ends the name ``head`` began, a space between them in ``text``."""
    return (not looks_like_unit(head) or (looks_like_unit(head + tail) and ends_like_unit(tail))) and bool(
        re.search(re.escape(head[-2:]) + r"[\s\u3000]+" + re.escape(tail) + r"(?![\u4e00-\u9fff])", text)
    )


#: 区发改局（牵头）: the unit so marked leads.
_LEAD_NOTE = re.compile(
    r"(?<![^\s、，,；;：:])([^\s、，,；;：:（(]{2,30}?)\s*[（(](?:牵头|主办|牵头单位|牵头部门|主责)[)）]"
)
#: A note in a unit list, no part of a name: （排名第一的为牵头单位，下同）, 〔以下简称…〕, （按职责分工负责）.
_CONVENTION_NOTE = re.compile(
    r"[（(〔][^()（）〔〕]{0,30}(?:牵头|下同|排名|排序|第一|首位|简称|统称|职责|分工)[^()（）〔〕]{0,30}[)）〕]"
)
_THE_OTHERS = re.compile(r"^其[他它](?:有关|相关)?(?:部门|单位)")
_TRAILING_ETC = re.compile(r"(?<=..)等(?:单位|部门)?$")
#: 各乡 / 各县 / 各镇 — the first half of a collective split at 、 (各乡、镇人民政府).
_LEVEL_ONLY = re.compile(
    r"^各(?:省辖|地级|设区的?)?[乡镇街道县区市州旗]{1,2}(?:[（(][乡镇县区市旗]{1,2}[)）])?(?:、[乡镇街道县区市旗]{1,2})*$"
)
_LEVEL_BODY = re.compile(r"^[乡镇街道县区市州旗]{1,2}(?:[（(][^()（）]{1,6}[)）])?(?:人民政府|政府|办事处|管委会)?$")
#: 市财政局等有关部门: a unit, then the collective the list ends with.
_ETC_COLLECTIVE = re.compile(
    r"^(.{2,30}?)等((?:[省市区县](?:直|级)|其他|其它)?(?:有关|相关|各)(?:部门|单位|区县|县区|街道|乡镇).{0,6})$"
)
_CONJUNCTION = re.compile(r"及|和|与")
#: 以及各有关单位 / 并各镇: a conjunction that opens the last name of a list is no part of it.
_LEADING_AND = re.compile(r"^(?:以及|并|及)(?=[各省市区县镇乡有相])")
_PARTY_AND_GOVERNMENT = re.compile(r"党(?:工)?委$")
_ITS_GOVERNMENT = re.compile(r"^(?:人民政府|政府|管委会|管理委员会)$")
#: The category word closing a list of units (等州级有关部门, 等区政府有关部门): no unit itself.
CATEGORY_WORD = r"等[省市州区县]?(?:[级直属]{0,2}|政府)(?:有关|相关)(?:部门|单位)"
_CATEGORY_ETC = re.compile(rf"(?:(?<=[局委办厅室院会部心司])|^){CATEGORY_WORD}$")
#: 等部门 / 等单位 left alone when a name before it was split off: the list's closing word, no unit.
_ETC = frozenset(["等", "等部门", "等单位"])
#: 地税局等和各市、县人民政府: a list closed by 等, then one more name joined by 和.
_ETC_AND = re.compile(r"^(.{2,30}?)等(?:和|及|与)(.{2,30})$")


def _split_etc(name: str) -> list[str]:
    """市财政局等有关部门: the unit and the collective the list ends with."""
    if _CATEGORY_ETC.search(name):
        return [_CATEGORY_ETC.sub("", name)]  # 区经信局等区政府有关部门: the category word closing a list is no unit
    etc = _ETC_COLLECTIVE.match(name) or _ETC_AND.match(name)
    return [etc.group(1), etc.group(2)] if etc else [name]


def _split_conjunction(name: str) -> list[str]:
    """Split 区财政局和区审计局 / 市级各有关部门及各县市区政府 when both sides name units."""
    for m in _CONJUNCTION.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        if _PARTY_AND_GOVERNMENT.search(left) and _ITS_GOVERNMENT.match(right):
            continue  # 各县(市、区)党委和人民政府, 高新区党工委和管委会: the place's two leading bodies, named once
        if _LEVEL_ONLY.match(left) and re.search(r"政府$", right):
            continue  # 各县(市)及相关区政府: the levels share the government named once, one collective
        if len(left) >= 3 and len(right) >= 3 and looks_like_unit(left) and looks_like_unit(right):
            if not _UNIT_SUFFIX.search(left) and not is_collective(left):
                continue
            return [*_split_conjunction(left), *_split_conjunction(right)]  # 环保厅和电力监管办及相关盟市
    return [name]


#: The level and government a list's last place name carries for the ones before it (哈尔滨、黑河、绥芬河市政府).
_SHARED_GOVERNMENT = re.compile(r"[市县区州旗盟](?:人民)?政府$|^[\u4e00-\u9fff]{2,4}部门$")  # 水利、电力部门
_BARE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def keep_units(names: list[str]) -> list[str]:
    """The names of a list that are units, keeping bare names that share the government or 部门 after them.

    >>> keep_units(["哈尔滨机场扩建指挥部", "哈尔滨", "黑河", "绥芬河市政府", "加快建设"])
    ['哈尔滨机场扩建指挥部', '哈尔滨', '黑河', '绥芬河市政府']
    >>> keep_units(["县民族局", "水利", "电力部门"])
    ['县民族局', '水利', '电力部门']
    """
    kept: list[str] = []
    for i, name in enumerate(names):
        if looks_like_unit(name):
            kept.append(name)
            continue
        j = i
        while j < len(names) and _BARE_PLACE.match(names[j]) and not looks_like_unit(names[j]):
            j += 1
        if j < len(names) and j > i and _SHARED_GOVERNMENT.search(names[j]) and looks_like_unit(names[j]):
            kept.append(name)  # printed as it is, its level and government shared with the name after it
    return kept


#: A place named as a unit in a list of units (宜昌市, 襄樊市, 武汉城市圈9市): a city, county or prefecture;
#: not a word that only ends like one (城市, 全市, 超市).
_PLACE_UNIT = re.compile(r"^[\u4e00-\u9fff\d]{1,8}(?<![城全本该我超夜集上都股楼街])[市县州盟旗]$")


def is_unit_list(parts: list[str]) -> bool:
    """Whether the parts of a bracket all name units (the last one may close the list with 等), places
    counting as units beside at least one office.

    >>> is_unit_list(["省发改委", "建设厅", "宜昌市", "襄樊市等"]), is_unit_list(["宜昌市", "襄樊市"])
    (True, False)
    """
    names = [*parts[:-1], _TRAILING_ETC.sub("", parts[-1])] if parts else []
    units = [looks_like_unit(n) for n in names]
    return any(units) and all(u or bool(_PLACE_UNIT.match(squeeze(n))) for u, n in zip(units, names, strict=True))


def names_only_units(cell: str) -> bool:
    """Whether a cell names units and nothing else: every name it lists reads as a unit (县教育局、县财政局),
    none a progress sentence or a figure.

    >>> names_only_units("县公安局、县交通运输局"), names_only_units("已完成现场排查"), names_only_units("")
    (True, False, False)
    """
    names = parse_names(cell)
    return bool(names) and all(looks_like_unit(n) for n in names)
