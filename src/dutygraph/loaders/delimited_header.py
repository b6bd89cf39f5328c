"""The header of a delimited (tab or pipe) table: what each column names."""

from __future__ import annotations

import re
from functools import lru_cache

from dutygraph.loaders.base import DOT_NUMBER, label_field
from dutygraph.loaders.names import names_only_units
from dutygraph.loaders.text import squeeze

_TEXT_HEADERS = frozenset(
    [
        "工作标准",
        "工作任务",
        "重点任务",
        "主要任务",
        "任务名称",
        "任务内容",
        "主要内容",
        "具体目标",
        "工作目标",
        "年度目标",
        "目标任务",
        # the targets of a 主要预期目标 table are its tasks (地区生产总值增长6%以上)
        "预期目标",
        "主要目标",
        "发展目标",
        "主要预期目标",
        "指标名称",
        "主要指标",
        "预期性指标",
        "约束性指标",
        # a table of working groups (督查组分组表): each group, led by its unit, is a row's task
        "分组",
        "组别",
        # a rectification list (整改清单): each problem, with its measures after it, is a task
        "存在问题",
        "问题",
        "反馈问题",
        "问题描述",
        "问题清单",
        "发现问题",
        "整改问题",
    ]
)
_GOAL_HEADERS = frozenset(["目标名称", "目标", "类别", "领域"])
#: Column names printed as a table's header, whole (a flattened table's header cells, a run-together header).
HEADER_TOKENS = frozenset(
    [
        "序号",
        "目标名称",
        "目标任务",
        "工作标准",
        "工作任务",
        "重点任务",
        "主要任务",
        "主要工作任务",
        "工作内容",
        "具体任务",
        "目标内容",
        "任务名称",
        "任务内容",
        "主要内容",
        "项目名称",
        "具体目标",
        "工作目标",
        "年度目标",
        "分管领导",
        "区政府分管领导",
        "责任领导",
        "牵头领导",
        "牵头单位",
        "牵头部门",
        "主办单位",
        "主责单位",
        "第一责任单位",
        "配合单位",
        "配合部门",
        "协办单位",
        "参与单位",
        "责任单位",
        "责任部门",
        "完成时限",
        "完成时间",
        "时间节点",
        "目标类型",
        "备注",
        "序次",
        "项目内容",
        "实事项目",
        "民生实事",
        "建设内容",
        "当前进度",
        "进展情况",
        "完成情况",
        "落实情况",
        "推进情况",
        "工作措施",
        "具体措施",
        "主要措施",
        "推进措施",
        "责任人",
        "包抓领导",
        "县级领导",
        "市级领导",
        "分管县领导",
        "分管市领导",
        "分管区领导",
        "时限要求",
        "完成期限",
        "任务来源",
        "指标",
        # the genre's other names for the same columns
        "承办单位",
        "实施单位",
        "主要责任单位",
        "牵头责任单位",
        "协同单位",
        "协助单位",
        "其他责任单位",
        "责任配合单位",
        "配合责任单位",
        "包保领导",
        "联系领导",
        "区级领导",
        "县政府分管领导",
        "市政府分管领导",
        "分管副县长",
        "分管副市长",
        "进度安排",
        "时间安排",
        "完成节点",
        "工作事项",
        "重点工作",
    ]
)
_NUMBER_HEADERS = frozenset(["序号", "序次", "编号"])


@lru_cache(maxsize=8192)
def header_role(text: str) -> str | None:
    """Role of a header cell: number, goal, text, leaders, lead, support, responsible, or None.

    A note in brackets after the name (重点工作任务(本市2项配合工作), 责任单位(部门)) leaves its role.

    Example:
        >>> [header_role(t) for t in ("序号", "重点工作任务(本市2项配合工作)", "责任单位", "完成情况。")]
        ['number', 'text', 'responsible', None]
    """
    t = squeeze(text)
    if t.endswith("。"):
        return None  # a sentence (5月:制定工作方案。) is a row's cell, never a column's name
    if DOT_NUMBER.match(t):
        return None  # 1.城市人居环境提升项目: a row's numbered name, never a column's
    if (noted := _NOTE.search(t)) and noted.start() >= 2:
        t = t[: noted.start()]
    if t in _NUMBER_HEADERS:
        return "number"
    if t in _GOAL_HEADERS or _GOAL_LIKE.search(t):
        return "goal"
    if t in _TEXT_HEADERS:
        return "text"
    role = label_field(t)
    if role is None and len(t) <= 12 and TEXT_LIKE.search(t) and not READ_PAST.search(t) and "、" not in t:
        return "text"  # 具体工作任务和要求, 重点工作, 民生实事: the task column under another name
    return role


def ranked_roles(names: list[str], roles: list[str | None]) -> list[str | None]:
    """Roles with the unit columns a 第一责任单位 column ranks: when the header names no support column,
    a lead column after it (第一责任单位 | 主要责任单位) holds the units that share the work, its support.

    Example:
        >>> ranked_roles(["序号", "第一责任单位", "主要责任单位"], ["number", "lead", "lead"])
        ['number', 'lead', 'support']
    """
    first = next((i for i, n in enumerate(names) if squeeze(n).startswith("第一责任") and roles[i] == "lead"), None)
    if first is None or "support" in roles:
        return roles
    return [r if i <= first or r != "lead" else "support" for i, r in enumerate(roles)]


#: A note in brackets closing a header cell.
_NOTE = re.compile(r"[（(][^()（）]{1,20}[)）]$")
#: A category column (事项分类, 任务类别, 工作领域): a merged cell over the rows of one goal.
_GOAL_LIKE = re.compile(r"^\S{0,6}(?:分类|类别|领域|板块)$")
TEXT_LIKE = re.compile(r"任务|工作|事项|实事|内容|举措|项目|(?<!单位)(?<!部门)名称$")
READ_PAST = re.compile(r"情况|进度|进展|备注|时限|时间|措施|标准|类别|领域|序号|指标|目标值|完成")


def merge_headers(first: list[str | None], second: list[str | None]) -> list[str | None]:
    """One header from two header rows: the second row's names win where it has one."""
    width = max(len(first), len(second))
    padded_first = first + [None] * (width - len(first))
    padded_second = second + [None] * (width - len(second))
    return [b if b is not None else a for a, b in zip(padded_first, padded_second, strict=True)]


def remarks_name_units(name: str, cells: list[str]) -> bool:
    """Whether a 备注 column is one of units: its cells under the header, filled in two rows or more, each
    name units only (各区教育局、市局直属单位), as a 责任单位 column's do; notes (长期坚持) never.

    >>> remarks_name_units("备  注", ["各镇街", "县直各单位、各镇街"]), remarks_name_units("备注", ["各镇街", "长期"])
    (True, False)
    """
    return squeeze(name) == "备注" and len(cells) >= 2 and all(names_only_units(c) for c in cells)
