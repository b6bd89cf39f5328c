"""Quantitative targets in a task's text: 地区生产总值增长6%左右, 城镇新增就业1.3万人.

A 督查 analyst tracks the numbers a plan commits to: the indicator, the value, its
unit of measure, the direction (增长, 下降, 新增, 达到 …) and the qualifier (左右,
以上, 以内). :func:`find_targets` reads them clause by clause, as printed; it never
guesses a number that is not there.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

_UNITS = (
    "个百分点|百分点|%|％|‰|万亿元|亿元|万元|元|万美元|亿美元|美元|万人次|人次|万人|万户|户|万套|套|万个|个|家|所|公里|千米|米|万吨|吨"
    "|万亩|亩|万平方米|平方米|座|条|项|张|台|辆|人|场|次|天|小时|倍|处|栋|幢|间|名|批次|批|件|万件|千瓦|万千瓦|兆瓦|公顷|立方米|万立方米"
)
_DIRECTIONS = (
    "增长|下降|降低|降至|降到|提高|提高到|提升|提升至|提升到|新增|新建|新开工|开工|建成|完成|改造|培育|引进|达到|达|突破|超过"
    "|控制在|保持在|稳定在|增加|减少|实现|累计|新招引|招引|打造|创建|净增"
)
_TARGET = re.compile(
    rf"(?P<indicator>[^，,；;。、\d]{{1,24}}?)\s*(?P<direction>{_DIRECTIONS})?\s*(?P<value>\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{_UNITS})(?P<qualifier>左右|以上|以内|以下|上下|之内|内)?"
)
_VERB_IN = re.compile(_DIRECTIONS)
_LEADING = re.compile(
    r"^(?:全年|年内|今年|力争|确保|努力|实现|推动|全力|加快|积极|持续|进一步|预计|其中|全区|全市|全县|全省|共|再)+"
)


@dataclass(slots=True)
class Target:
    """One quantitative commitment, as printed.

    Attributes:
        indicator: what is measured (地区生产总值, 城镇新增就业, 口袋公园).
        value: the number.
        unit: its unit of measure (%, 万人, 个, 亿元).
        direction: 增长, 下降, 新增, 达到 … when printed.
        qualifier: 左右, 以上, 以内 … when printed.
        text: the words it was read from.
    """

    indicator: str
    value: float
    unit: str
    direction: str | None
    qualifier: str | None
    text: str

    def as_dict(self) -> dict[str, Any]:
        """Plain data (for JSON and the stores)."""
        return asdict(self)


def find_targets(text: str) -> list[Target]:
    """Every quantitative target printed in a task's text, in order.

    Example:
        >>> [(t.indicator, t.direction, t.value, t.unit, t.qualifier) for t in find_targets("地区生产总值增长6%左右。")]
        [('地区生产总值', '增长', 6.0, '%', '左右')]
        >>> [(t.indicator, t.direction, t.value, t.unit) for t in find_targets("城镇新增就业1.3万人，新建口袋公园5个")]
        [('城镇新增就业', '新增', 1.3, '万人'), ('口袋公园', '新建', 5.0, '个')]
    """
    out: list[Target] = []
    for clause in re.split(r"[，,；;。！!？?]", text):
        for m in _TARGET.finditer(clause):
            indicator = _LEADING.sub("", m.group("indicator").strip("“”\"'（()） ").lstrip("年"))
            direction = m.group("direction")
            if direction is None:
                verb = _VERB_IN.search(indicator)
                if verb:  # 新建口袋公园5个 / 城镇新增就业1.3万人: the verb comes first or inside
                    direction = verb.group(0)
                    if verb.start() == 0 and len(indicator) > len(direction):
                        indicator = indicator[len(direction) :]
            if not indicator and not direction:
                continue
            if re.fullmatch(r"(?:第|前|近|约|超|共|达|每|逾)?", indicator) and not direction:
                continue
            out.append(
                Target(
                    indicator=indicator or "",
                    value=float(m.group("value")),
                    unit=m.group("unit"),
                    direction=direction,
                    qualifier=m.group("qualifier"),
                    text=m.group(0).strip(),
                )
            )
    return out
