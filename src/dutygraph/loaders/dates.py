"""Deadlines as dates: the last day a printed 完成时限 allows.

The genre prints deadlines as 12月底前, 6月30日前, 2024年10月, 年底, 上半年, 三季度,
全年 or 长期坚持. :func:`deadline_date` turns the ones that name a time into the
ISO date of their last day in the plan's year; 长期 and 持续推进 name none.
"""

from __future__ import annotations

import calendar
import re

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_FULL = re.compile(r"((?:19|20)\d{2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")
_MONTH = re.compile(r"^(\d{1,2})月(?:(\d{1,2})日|(上旬|中旬|下旬|底|末))?")
_QUARTER = re.compile(r"^([一二三四1-4])季度")


def deadline_date(printed: str | None, year: int | None) -> str | None:
    """The ISO date of the last day a printed deadline allows, or None.

    Args:
        printed: the 完成时限 as printed.
        year: the plan's year, for deadlines that print none.

    Returns:
        ``YYYY-MM-DD``, or None when the text names no time (长期坚持) or no year is known.

    Example:
        >>> deadline_date("12月底前", 2024), deadline_date("6月30日前", 2024), deadline_date("三季度", 2023)
        ('2024-12-31', '2024-06-30', '2023-09-30')
        >>> deadline_date("2025年10月", None), deadline_date("长期坚持", 2024)
        ('2025-10-31', None)
    """
    if not printed:
        return None
    text = re.sub(r"\s", "", printed)
    full = _FULL.match(text)
    if full:
        y = int(full.group(1))
        if full.group(2):
            return _day(y, int(full.group(2)), int(full.group(3)) if full.group(3) else None)
        return _day(y, 12, 31) if re.match(r"^\d{4}年(?:底|末|内|年底)?", text) else None
    if year is None:
        return None
    m = _MONTH.match(text)
    if m:
        month = int(m.group(1))
        if m.group(2):
            return _day(year, month, int(m.group(2)))
        if m.group(3) == "上旬":
            return _day(year, month, 10)
        if m.group(3) == "中旬":
            return _day(year, month, 20)
        return _day(year, month, None)
    q = _QUARTER.match(text)
    if q:
        return _day(year, _CN[q.group(1)] * 3, None)
    if text.startswith("上半年"):
        return _day(year, 6, 30)
    if text.startswith(("年底", "年内", "年末", "全年", "下半年", "年度内")):
        return _day(year, 12, 31)
    return None


def _day(year: int, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is not None and not 1 <= day <= last:
        return None
    return f"{year:04d}-{month:02d}-{day or last:02d}"
