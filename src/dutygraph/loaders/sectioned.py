"""Notices of one task in labelled sections (整改公示, 销号公示): the task and its units under headings.

A rectification notice prints one task as numbered sections whose headings are labels::

    一、整改任务            (整改事项, 整改问题, 反馈问题)
    自治区住建厅推进落实环保基础设施建设不力……
    二、整改责任单位        (责任单位, 整改实施主体, 责任主体, 牵头单位)
    和布克赛尔县住房和城乡建设局
    三、整改完成情况
    ……

The task's text is the first paragraph under its heading; the units are the lines under
the unit heading (all 责任单位 when no heading names a lead, by DESIGN.md's rule); a
配合单位 heading gives supporters. The task's number is the one the notice gives it
(第二十七项), else M1. Sections of measures, targets, deadlines and completion are read
past.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import Context, Loader
from dutygraph.loaders.numbering import arabic
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.text import Line, squeeze

_HEAD = re.compile(r"^[一二三四五六七八九十]{1,2}\s*、\s*(\S{2,12}?)\s*[:：]?$")
_KINDS = (
    ("task", re.compile(r"^(?:整改|反馈|督察)?(?:任务|事项|问题)(?:描述|内容)?$")),
    ("lead", re.compile(r"^(?:整改)?(?:牵头单位|牵头部门)$")),
    ("support", re.compile(r"^(?:整改)?(?:配合单位|配合部门|协办单位)$")),
    ("responsible", re.compile(r"^(?:整改)?(?:责任单位|责任部门|实施主体|责任主体)$")),
)
#: 第二十七项 / 第26项: the number the notice gives its task.
_ITEM_NO = re.compile(r"第([一二三四五六七八九十]{1,4}|\d{1,3})项")


def _sections(lines: list[Line]) -> list[tuple[str | None, list[Line]]]:
    """The text's numbered sections: (kind or None, the lines under the heading)."""
    out: list[tuple[str | None, list[Line]]] = []
    for ln in lines:
        text = squeeze(ln.text)
        head = _HEAD.match(text)
        if head:
            out.append((next((k for k, pattern in _KINDS if pattern.match(head.group(1))), None), []))
        elif out and text:
            out[-1][1].append(ln)
    return out


class SectionedNoticeLoader(Loader):
    """One task in labelled sections: 一、整改任务 / 二、责任单位 / …"""

    name = "sectioned-notice"
    description = "a notice of one task in labelled sections (一、整改任务 / 二、整改责任单位 / …)"

    def score(self, lines: list[Line]) -> float:
        kinds = {kind for kind, body in _sections(lines) if kind and body}
        return 50.0 if "task" in kinds and kinds & {"lead", "responsible"} else 0.0

    def parse(self, ctx: Context) -> list[TaskRecord]:
        sections = [(kind, body) for kind, body in _sections(ctx.lines) if kind and body]
        task = next((body for kind, body in sections if kind == "task"), None)
        if task is None:
            return []
        fields: dict[str, list[str]] = {"lead": [], "support": [], "responsible": []}
        lines: dict[str, int] = {}
        for kind, body in sections:
            if kind in fields:
                fields[kind] += [n for ln in body for n in ctx.names(ln.text.strip().rstrip("。"), ln.no)]
                lines.setdefault("lead" if kind == "responsible" else kind, body[0].no)
        lead = fields["lead"] or fields["responsible"]
        support = fields["support"] + (fields["responsible"] if fields["lead"] else [])
        no = _ITEM_NO.search(" ".join(ln.text for ln in ctx.lines[:12]))
        number = str(arabic(no.group(1))) if no else "M1"
        return [
            TaskRecord(
                goal=None,
                area=None,
                task=number,
                text=task[0].text.strip(),
                lead=lead,
                support=support,
                leaders=[],
                inherited=[],
                line=task[0].no,
                lines=lines,
                goal_no=None,
            )
        ]
