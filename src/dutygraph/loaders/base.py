"""What every layout loader shares: the parsing context, numbering patterns and
the field vocabulary (牵头单位 = lead, 配合单位 = support, 分管领导 = leaders).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import lru_cache

from dutygraph.loaders.names import CATEGORY_WORD, ends_like_unit, parse_names, split_run_together
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.records import INHERITABLE, LoadWarning, TaskRecord
from dutygraph.loaders.text import Line, squeeze

#: (1) / （1） / ( 1 ) at the start of a line: a task number in a table.
PAREN_NUMBER = re.compile(r"^\s*([（(]\s*\d{1,3}\s*[）)])\s*")
#: 1. / 1、 / 1﹒ / 1．/ 1) at the start of a line: an item number in a list. A digit may follow
#: 1、 (3、2017年，…) but not 1. or 1) (3.5亿元 is a number, not an item).
DOT_NUMBER = re.compile(
    r"^\s*(\d{1,3})\s*(?:、\s*(?=[^\s、])|(?:[.．﹒]|[)）])\s*(?=[^\d\s.．])|。(?=[\u4e00-\u9fff“《]))"
)  # 1。 too: a full stop typed for the dot
#: 一、 / (一) / （一） at the start of a line: a section heading (goal).
CN_SECTION = re.compile(
    r"^\s*(?:([一二三四五六七八九十]{1,3})\s*[、.．﹒]|[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)])\s*"
)
#: A line that is only a number: a 序号 cell or a stray row number.
BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")

# Field vocabulary: printed label -> field. Order matters: longer labels first.
#: The fields of responsibility a label or a column may name (every role but a cue or a deadline).
ROLE_FIELDS = ("leaders", "lead", "support", "responsible")
_LEADER_LABELS = ("区政府分管领导", "分管区领导", "责任区领导", "分管领导", "责任领导", "牵头领导", "联系领导")
_LEAD_LABELS = ("牵头单位", "牵头部门", "主办单位", "主责单位", "主责部门", "责任主体", "主办", "牵头")
_SUPPORT_LABELS = ("配合单位", "配合部门", "协办单位", "参与单位", "参与部门", "协办", "配合")
_RESPONSIBLE_LABELS = ("责任单位", "责任部门", "实施单位")
_EXTRA_LABELS = ("完成时限", "完成时间", "时间节点", "目标类型", "备注", "推进措施")

# The same fields by meaning, for the many spellings of the genre (分管省领导,
# 牵头负责领导, 牵头责任单位, 协同责任单位, 主要责任单位, 部门分工 …). Tried in this order.
_BY_MEANING: tuple[tuple[str | None, str], ...] = (
    (
        "deadline",
        r"(?:完成|推进|办结|整改)?(?:时限|期限|年限)(?:要求)?|(?:完成|整改)时间(?:节点)?|时间(?:节点|要求|安排|进度)|完成节点"
        r"|进度(?:安排|要求)|时序进度",
    ),
    (
        None,
        r"(?:数据|信息|材料)提供单位|目标类型|备注|推进措施|工作措施|具体措施"
        r"|主要措施|进展情况|完成情况|推进情况|落实情况|工作目标|目标任务|任务来源|考核指标|主要内容|工作内容"
        r"|工作任务|工作要求"
        # the staff who do the work, under the leader who answers for it: not leaders
        r"|(?:具体|直接|项目|主要)(?:责任人|负责人)|联系人|经办人|(?:实际|目前|当前)?(?:完成|进展|推进|落实)情况",
    ),
    (
        "leaders",
        r"[\u4e00-\u9fff]{0,6}领导(?:同志)?|(?:分管|第一|牵头)?(?:责任人|负责人)"
        # 分管副县长：, 牵头副县长：, 主抓县长：, 县长：
        r"|(?:分管|牵头|主抓|联系|挂点|包抓|责任)?(?:常务)?副?[省市州盟区县旗镇乡]长",
    ),
    (
        "support",
        r"(?:项目|工作|任务)?(?:主要|其他|其它)?(?:配合|协同|协办|参与|协助|协作|参加)[\u4e00-\u9fff]{0,4}?"
        r"(?:单位|部门|处室|科室|股室|站所|办所|站办所|乡镇|街道|镇街)"
        r"|(?:共同|其他|其它|相关|有关)责任(?:单位|部门)|责任配合(?:单位|部门)"
        r"|[\u4e00-\u9fff]{0,6}[与和及](?:协同|配合|协办)(?:单位|部门)"
        r"|配合|协办|协同|参与|协助",
    ),
    (
        "lead",
        r"(?:项目|工作|任务)?(?:牵头|主办|主责|主要责任|第一责任|主体责任)[\u4e00-\u9fff]{0,4}?(?:单位|部门|处室|科室|机关|站所|办所|站办所)"
        r"|牵头(?:负责)?|主办"
        r"|责任主体(?:单位|部门)?|主管(?:单位|部门)"
        # 牵头单位及主要负责人: the lead units, each with the head who answers for it
        r"|(?:牵头|主办|主责)(?:单位|部门)(?:和|及|、)(?:主要)?(?:责任人|负责人)",
    ),
    (
        "responsible",
        # 责任单位和责任人：X厅某某 — the units, each with the person who answers for it (read by cues)
        r"(?:责任|实施|承办)(?:单位|部门)(?:和|及|、)(?:主要)?(?:责任人|负责人)"
        r"|(?:具体|直接|项目|工作|任务|落实|(?:问题)?整改)?(?:责任|负责|实施|承办|落实|承担|推进)(?:单位|部门|处室|科室|股室|站所|办所|站办所)"
        # 实施主体, 责任乡镇: the towns that do the work where they lie
        r"|实施主体|(?:责任|实施)(?:乡镇街道|乡镇|街道|镇街|镇)"
        # 具体负责：县交通运输局, under the leader who answers for the work
        r"|具体(?:负责|承办|实施|落实)",
    ),
    ("cue", r"(?:部门|责任|任务|单位)分工|分工|工作职责"),
)
_MEANING = [(role, re.compile(f"^(?:{pattern})$")) for role, pattern in _BY_MEANING]

#: Every label, as alternatives of a regular expression (longer spellings first).
LABEL_WORDS = (
    "|".join(_LEADER_LABELS + _LEAD_LABELS + _SUPPORT_LABELS + _RESPONSIBLE_LABELS + _EXTRA_LABELS)
    + "|"
    + "|".join(pattern for _, pattern in _BY_MEANING)
)
#: A label and its colon. A level before it (县级牵头单位：) and a bracket after it saying what it names
#: (牵头单位（部门）：, 责任单位(人)：) belong to the label.
LABEL = re.compile(
    "(?:[省市州盟县区旗乡镇][级直])?("
    + LABEL_WORDS
    + r")(?:[（(](?:单位|部门|处室|科室|人|责任人|领导)[)）])?\s*[:：]\s*"
)


@lru_cache(maxsize=8192)
def label_field(label: str) -> str | None:
    """Map a printed label to 'leaders', 'lead', 'support', 'responsible', 'cue', 'deadline' or None (read past).

    'cue' is a label whose value says the roles itself (部门分工：X牵头，Y配合);
    'deadline' is 完成时限 and its kin.

    Example:
        >>> label_field("牵头部门"), label_field("协办"), label_field("完成时限"), label_field("备注")
        ('lead', 'support', 'deadline', None)
        >>> label_field("牵头负责领导"), label_field("协同责任单位"), label_field("部门分工")
        ('leaders', 'support', 'cue')
    """
    label = squeeze(label).rstrip(":：")
    if label.startswith("区政府") and label != "区政府分管领导":
        label = label[3:]
    if label in _LEADER_LABELS:
        return "leaders"
    if label in _LEAD_LABELS:
        return "lead"
    if label in _SUPPORT_LABELS:
        return "support"
    if label in _RESPONSIBLE_LABELS:
        return "responsible"
    for role, pattern in _MEANING:
        if pattern.match(label):
            return role
    qualified = _QUALIFIER.match(label)
    if qualified and (role := label_field(label[qualified.end() :])) in ROLE_FIELDS:
        return role  # 市级牵头单位, 县直责任单位, 督查组牵头单位: a level or a group before the role
    return None


#: A level or a group qualifying a role label: 市级 / 县直 / 督查组 / 工作专班 + 牵头单位.
_QUALIFIER = re.compile(r"^(?:[省市州盟县区旗乡镇][级直]|[\u4e00-\u9fff]{1,4}?(?:小组|组|专班))(?=\S{2})")


#: A 完成时限 value: 12月底前, 2024年6月30日前, 年底建成, 三季度, 全年, 长期坚持, 持续推进.
DEADLINE = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日|底|末|中旬|上旬|下旬)?|年底|年内|年末|全年|上半年|下半年"
    r"|[一二三四1-4]季度(?:末)?|长期(?:坚持)?|持续(?:推进)?|常态化(?:推进)?|年度内)[^，,；;、]{0,8}$"
)


#: The document says the first unit listed under 责任单位 leads.
FIRST_LISTED_LEADS = re.compile(
    r"(?:排在?第一|排名第一|排序第一|名列第一|第一个|第一位|首位|列第一|居首|排首位|第一责任单位)[^。]{0,12}(?:牵头|主办|主责)"
)
#: A field of another name after a space (… 项目实施进度：…), or run into the value (责任单位:X任务目标:…): its end.
OTHER_FIELD = re.compile(
    r"[ \u3000]+(?=[\u4e00-\u9fff]{2,10}[:：])"
    r"|(?<=[\u4e00-\u9fff])(?=(?:任务|工作|年度|建设|项目|实施)(?:目标|内容|要求|规模|地点)[:：])"
)
#: 逗号前为牵头单位 (the units before a list's comma lead, those after it support), stated once for the document.
COMMA_LEADS = re.compile(r"逗号(?:前|之前|以前)(?:的|为|是)+(?:牵头|主办|主责)")
#: 责任单位:X、Y,排在首位的为牵头单位,下同: the document's convention after a field, not a name.
LABELLED_CONVENTION = re.compile(
    r"[，,；;。]\s*(?:排在?首位|排名第一|排序第一|排在?第一位?|列第一位?|名列第一)[^，,；;。]{0,12}(?:牵头|主办|主责)"
    r"[^，,；;。]{0,6}(?:[，,；;]\s*下同)?[。.]?\s*$"
)


#: A note that gives every later task the same units and says it will not repeat them:
#: 以下任务均需各区市政府、开发区管委落实，不再一一列出 (no unit names in it are the stating task's own).
STANDING_NOTE = re.compile(
    r"(?:以下|下列|其余|后续)(?:各项|所有|各)?(?:任务|工作|事项)?(?:均|都)(?:需|由|要|请)?"
    r"(?P<names>[^，,。；;]{2,60}?)(?:负责)?(?:共同|积极)?(?:落实|配合|参与|推进)[，,]?"
    r"(?:不再一一列出|不再逐一列出|不再列出|不一一列出|不逐一列出|不再重复列出|不再一一标注"
    r"|不再(?:逐一?|一一?)?$)"  # cut by the end of the page (…落实，不再逐)
    # 明确牵头部门的,有关部门配合,不逐一列出: a convention naming no unit
    r"|明确牵头(?:部门|单位)的[，,]\s*(?:有关|相关|其他)(?:部门|单位)配合[，,]?\s*不(?:再)?(?:逐一|一一)列出"
)
#: X、Y等州级有关部门: the category word closing a list of units, no unit itself.
CATEGORY_TAIL = re.compile(f"{CATEGORY_WORD}$")


@dataclass
class Context:
    """State shared while one document is parsed: its name, lines and warnings."""

    file: str
    lines: list[Line]
    warnings: list[LoadWarning] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    _comma_leads: bool | None = field(default=None, repr=False)  # see comma_groups

    def comma_groups(self, text: str) -> tuple[str, str] | None:
        """A 责任单位 list cut at its first comma, (leads, supports), where the document says the units before
        the comma lead (逗号前为牵头单位，下同); None in other documents and for a list with no comma."""
        if self._comma_leads is None:
            self._comma_leads = any(COMMA_LEADS.search(ln.text) for ln in self.lines)
        groups = re.split("[，,]", text, maxsplit=1) if self._comma_leads else []
        return (groups[0], groups[1]) if len(groups) == 2 else None

    def warn(self, line: int | None, message: str) -> None:
        """Record a warning about ``line`` (None: the whole document)."""
        self.warnings.append(LoadWarning(self.file, line, message))

    def names(self, text: str, line: int) -> list[str]:
        """Parse a printed list of units, splitting run-together names with a warning; 同上 or 〃 (the units
        of the task above) reads as :data:`DITTO`."""
        if is_ditto(text):
            return [DITTO]
        out: list[str] = []
        for name in parse_names(text):
            if DEADLINE.match(name):
                continue  # (…、各县市人民政府,6月底完成): the list ends in when, not who
            if (who := _WHO_NOTE.search(name)) and who.start() >= 2 and _names_who(who.group(1)):
                self.warn(
                    line,
                    f"'{who.group(1)}' after '{name[: who.start()]}' names who answers for it; not the unit's name",
                )
                name = name[: who.start()]  # 区经发局（张三）, 各街道（主要负责人）
            parts = split_run_together(name)
            if len(parts) > 1:
                self.warn(line, f"read '{name}' as {len(parts)} units run together: {', '.join(parts)}")
            out.extend(parts)
        return out


#: What a list of names that repeats the one above it (同上, 〃) reads as, until the task above is known
#: (:func:`dutygraph.loaders.finish.finish_tasks` puts that task's names in its place).
DITTO = "〃"
_DITTO_MARK = re.compile(r"^(?:同上|同前|同左|〃|″)[。.]?$")


def is_ditto(text: str) -> bool:
    """A cell or a label's value that repeats the one above it: 同上, 同前, or the ditto mark 〃.

    >>> is_ditto("同上"), is_ditto("〃"), is_ditto("县住建局")
    (True, True, False)
    """
    return bool(_DITTO_MARK.match(squeeze(text)))


#: A bracket closing a unit's name.
_WHO_NOTE = re.compile(r"[(（]([^()（）]{2,12})[)）]$")
#: A post in that bracket: the person who answers for the unit (主要负责人, 局长).
_POST_NOTE = re.compile(
    r"(?:主要|分管|第一)?(?:负责人|责任人|领导)|[\u4e00-\u9fff]{0,6}(?:局长|主任|书记|部长|站长|所长|[镇乡区县市]长)"
)


def _names_who(note: str) -> bool:
    """Whether a bracket after a unit names a person or a post (张三, 主要负责人), not a unit (邹区镇, 安委办)."""
    parts = [p for p in re.split(r"[、，,\s]+", note) if p]
    return bool(parts) and all(_is_who(p) or _is_who_with_post(p) for p in parts)


def _is_who(part: str) -> bool:
    """A person's name (张三) or a post (主要负责人, 局长)."""
    return (is_person(part) and not ends_like_unit(part)) or bool(_POST_NOTE.fullmatch(part))


def _is_who_with_post(part: str) -> bool:
    """A post and a name run together, either way round (局长张强, 张强局长)."""
    return any(
        (_POST_NOTE.fullmatch(part[:k]) and _is_who(part[k:])) or (_is_who(part[:k]) and _POST_NOTE.fullmatch(part[k:]))
        for k in range(2, len(part) - 1)
    )


class Loader(ABC):
    """A reader for one family of layouts.

    Subclasses set ``name`` and ``description`` and implement :meth:`score`
    (how strongly the text looks like this layout, 0 when not at all) and
    :meth:`parse` (the task records).
    """

    name: str = ""
    description: str = ""

    @abstractmethod
    def score(self, lines: list[Line]) -> float:
        """How strongly ``lines`` look like this layout (0 = not at all)."""

    @abstractmethod
    def parse(self, ctx: Context) -> list[TaskRecord]:
        """Read every task of the document in ``ctx``."""


def assign_responsible(fields: dict[str, list[str]], responsible: list[str], first_leads: bool) -> None:
    """Place units printed under 责任单位 by the rule of DESIGN.md.

    Next to a lead field they support (a 责任单位 list that repeats the lead unit gives it no
    second role); alone they all lead, unless the document says the first listed leads (then
    the first leads and the rest support).
    """
    if not responsible:
        return
    if fields["lead"]:
        fields["support"].extend(n for n in responsible if n not in fields["lead"])
    elif first_leads:
        fields["lead"].append(responsible[0])
        fields["support"].extend(responsible[1:])
    else:
        fields["lead"].extend(responsible)


def fill_from_above(values: dict[str, list[str]], printed: set[str], above: dict[str, list[str]]) -> list[str]:
    """Fill the fields a row did not print from the row above, in place.

    Returns:
        The fields taken from above (the record's ``inherited``), in the order of
        ``INHERITABLE``; a field the row above had empty is left alone.
    """
    inherited: list[str] = []
    for f in INHERITABLE:
        if f not in printed and above.get(f):
            values[f] = list(above[f])
            inherited.append(f)
    return inherited
