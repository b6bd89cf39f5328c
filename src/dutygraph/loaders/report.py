"""Narrative work reports (政府工作报告): 一、 sections, lead phrases, sentences.

The part of a report that lists the year's work (钟楼区 2024, seed 002) reads::

    一、聚焦产业强区不动摇，……
    聚力攻坚项目“双进”。健全驻点招商……。强化重大项目要素保障……。

Each 一、 heading is a goal; a paragraph's short opening phrase ending in 。 is an
area (聚力攻坚项目“双进”); every sentence after it is a task, numbered S1, S2, … in
document order (reports print no task numbers). Reports name no units. Text
before the first heading (总体思路, the targets) and the closing address
(各位代表……) are not tasks.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import CN_SECTION, DOT_NUMBER, PAREN_NUMBER, Context, Loader
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.text import Line

#: 一是正确处理政府与市场的关系。: the lead phrase of a paragraph (a decimal point, 2000.9万亩, ends none).
_LEAD_PHRASE = re.compile(r"^([^。，,；;：:！!？?]{2,20}?)(?:。|\.(?!\d))")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_CLOSING = re.compile(r"^(?:各位代表|同志们|各位委员)")


class ReportLoader(Loader):
    """Narrative report: 一、 sections with lead-phrase paragraphs, no units."""

    name = "report"
    description = "a narrative work report: 一、 sections, paragraphs opening with a short lead phrase; no units"

    def score(self, lines: list[Line]) -> float:
        sections = leads = numbered = 0
        for ln in lines:
            t = ln.text.strip()
            if CN_SECTION.match(t) and "、" in t[:4]:
                sections += 1
            elif _LEAD_PHRASE.match(t) and len(t) > 60:
                leads += 1
            if DOT_NUMBER.match(t) or PAREN_NUMBER.match(t):
                numbered += 1
        if sections < 1 or leads < 2:
            return 0.0
        return sections + leads - numbered

    def parse(self, ctx: Context) -> list[TaskRecord]:
        records: list[TaskRecord] = []
        goal: str | None = None
        goal_no: str | None = None
        for ln in ctx.lines:
            t = ln.text.strip()
            if not t:
                continue
            section = CN_SECTION.match(t)
            if section and "、" in t[: section.end()]:
                goal, goal_no = t[section.end() :].strip(), section.group(1) or section.group(2)
                continue
            if goal is None:
                continue  # preamble: 总体思路, targets, the list of work areas
            if _CLOSING.match(t):
                goal = None
                continue
            lead = _LEAD_PHRASE.match(t)
            if not lead:
                ctx.warn(ln.no, "a paragraph without a lead phrase under a goal; not read as tasks")
                continue
            area = lead.group(1).strip()
            body = t[lead.end() :]
            for m in _SENTENCE.finditer(body):
                sentence = m.group(0).strip()
                if len(sentence) < 4:
                    continue
                records.append(
                    TaskRecord(
                        goal=goal,
                        area=area,
                        task=f"S{len(records) + 1}",
                        text=sentence,
                        line=ln.no,
                        goal_no=goal_no,
                    )
                )
        return records
