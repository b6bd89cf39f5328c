"""Numbered lists: items under 一、 sections, units in a closing parenthesis or labelled lines.

Covers these families:

- ``1.任务……。(区X局、区Y局主办,区相关部门协办)`` (鼓楼区 2024, seed 001);
- ``(1) 任务……（责任领导：A；牵头单位：X、Y；责任单位：Z）``;
- an item followed by labelled lines ``牵头单位：X`` / ``责任单位：Y、Z``;
- a list with no units at all (武进区 办实事, seed 004), where two items can share a
  line and a heading or an item can be broken over lines.

Numbering may be 1. 1、 1﹒ 1．(1) （1）; sections 一、 or (一).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dutygraph.loaders.base import (
    CN_SECTION,
    DOT_NUMBER,
    FIRST_LISTED_LEADS,
    LABEL,
    PAREN_NUMBER,
    Context,
    Loader,
    assign_responsible,
    label_field,
)
from dutygraph.loaders.names import parse_persons, split_top_level
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.text import Line, squeeze

_LEAD_END = re.compile(r"(?:牵头负责|负责牵头|主办|牵头|负责|主责)$")
_SUPPORT_END = re.compile(r"(?:协办|配合|参与|协同)$")
_UNIT_PAREN_HINT = re.compile(r"主办|协办|牵头|配合|负责|主责|责任单位|责任领导|分管领导")
_HAS_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_MAX_HEADING_TAIL = 20


@dataclass
class _Item:
    number: str
    line: int
    parts: list[str]
    goal: str | None
    goal_no: str | None
    area: str | None
    labelled: list[tuple[int, str]] = field(default_factory=list)


def _closing_paren(text: str) -> tuple[str, str] | None:
    """Split ``text`` into (body, inside of its closing parenthesis), or None."""
    text = text.rstrip(" 。.;；")
    if not text or text[-1] not in ")）":
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth -= 1
            if depth == 0:
                return text[:i].rstrip(), text[i + 1 : -1]
    return None


class NumberedListLoader(Loader):
    """Items numbered 1. / (1) under 一、 sections; units in parentheses or labelled lines."""

    name = "numbered-list"
    description = "numbered items under 一、 sections; units in a closing parenthesis (X主办，Y协办) or labelled lines"

    def score(self, lines: list[Line]) -> float:
        items = parens = labelled = 0
        for ln in lines:
            t = ln.text.strip()
            if DOT_NUMBER.match(t) or (PAREN_NUMBER.match(t) and len(t) > 30):
                items += 1
                cp = _closing_paren(t)
                if cp and _UNIT_PAREN_HINT.search(cp[1]):
                    parens += 1
            if LABEL.match(t):
                labelled += 1
        if items < 2:
            return 0.0
        return items + 3 * parens + 3 * labelled

    def _item_pattern(self, lines: list[Line]) -> re.Pattern[str]:
        dots = sum(1 for ln in lines if DOT_NUMBER.match(ln.text.strip()))
        parens = sum(1 for ln in lines if PAREN_NUMBER.match(ln.text.strip()))
        return DOT_NUMBER if dots >= parens else PAREN_NUMBER

    def parse(self, ctx: Context) -> list[TaskRecord]:
        item_re = self._item_pattern(ctx.lines)
        two_levels = any(CN_SECTION.match(ln.text.strip()) and "、" in ln.text[:5] for ln in ctx.lines) and any(
            re.match(r"^\s*[（(][一二三四五六七八九十]{1,3}[）)]", ln.text) for ln in ctx.lines
        )
        first_leads = any(FIRST_LISTED_LEADS.search(ln.text) for ln in ctx.lines)
        items: list[_Item] = []
        goal: str | None = None
        goal_no: str | None = None
        area: str | None = None
        heading_open = False  # the last line read was a heading that may continue
        for ln in ctx.lines:
            text = ln.text.replace("\t", " ").strip()
            if not _HAS_CONTENT.search(text):
                continue
            section = CN_SECTION.match(text)
            if section and not item_re.match(text):
                title = text[section.end():].strip()
                is_area = two_levels and text.lstrip()[0] in "(（"
                if is_area:
                    area = title
                else:
                    goal, goal_no, area = title, section.group(1) or section.group(2), None
                heading_open = True
                continue
            m = item_re.match(text)
            if m:
                heading_open = False
                for number, line_text in self._split_shared_line(text, item_re, ln.no, ctx):
                    items.append(_Item(number, ln.no, [line_text], goal, goal_no, area))
                continue
            if items and LABEL.match(text):
                items[-1].labelled.append((ln.no, text))
                continue
            if heading_open and len(text) <= _MAX_HEADING_TAIL and "。" not in text:
                # A heading broken over lines (often where spam was cut out of it).
                if area is not None and two_levels:
                    area += text
                else:
                    goal = (goal or "") + text
                continue
            heading_open = False
            if items and goal == items[-1].goal and not self._closed(items[-1]):
                items[-1].parts.append(text)
        return [self._record(it, ctx, first_leads) for it in items]

    def _split_shared_line(
        self, text: str, item_re: re.Pattern[str], line: int, ctx: Context
    ) -> list[tuple[str, str]]:
        """Split a line that holds two or more consecutive items (… 。 2. …)."""
        m = item_re.match(text)
        assert m is not None
        number = squeeze(m.group(1))
        out: list[tuple[str, str]] = []
        rest = text[m.end():]
        while True:
            nxt = self._next_number(number)
            split = re.search(rf"(?<=[。；;！!])\s*((?:[（(]\s*)?{nxt}\s*(?:[）)]|[.．、﹒]))\s*(?=[^\d\s])", rest) if nxt else None
            if not split:
                out.append((number, rest.strip()))
                return out
            out.append((number, rest[: split.start()].strip()))
            following = squeeze(split.group(1)).rstrip(".．、﹒")
            ctx.warn(line, f"items {number} and {following} share one line; read as two items")
            number = following
            rest = rest[split.end():]

    @staticmethod
    def _next_number(number: str) -> str | None:
        digits = re.sub(r"\D", "", number)
        return str(int(digits) + 1) if digits else None

    @staticmethod
    def _closed(item: _Item) -> bool:
        """An item is closed once its unit parenthesis or labelled lines were printed."""
        if item.labelled:
            return True
        cp = _closing_paren(item.parts[-1])
        return bool(cp and _UNIT_PAREN_HINT.search(cp[1]))

    def _record(self, it: _Item, ctx: Context, first_leads: bool) -> TaskRecord:
        text = "".join(it.parts).strip()
        fields: dict[str, list[str]] = {"lead": [], "support": [], "leaders": []}
        responsible: list[str] = []
        lines: dict[str, int] = {}
        cp = _closing_paren(text)
        if cp and _UNIT_PAREN_HINT.search(cp[1]):
            text = cp[0]
            responsible = self._read_units(cp[1], it.line, ctx, fields)
            lines = {k: it.line for k, v in fields.items() if v}
        else:
            inline = LABEL.search(text)
            if inline and inline.start() > 0:
                text, units = text[: inline.start()].rstrip("；;，, "), text[inline.start():]
                responsible = self._read_units(units, it.line, ctx, fields)
                lines = {k: it.line for k, v in fields.items() if v}
        for no, labelled in it.labelled:
            before = {k: len(v) for k, v in fields.items()}
            responsible += self._read_units(labelled, no, ctx, fields)
            lines.update({k: no for k, v in fields.items() if len(v) > before[k]})
        assign_responsible(fields, responsible, first_leads)
        if responsible and "lead" not in lines and fields["lead"]:
            lines["lead"] = it.line
        number = it.number if it.number.startswith(("(", "（")) else it.number.rstrip(".．、﹒)）")
        return TaskRecord(
            goal=it.goal,
            area=it.area,
            task=number,
            text=text,
            lead=fields["lead"],
            support=fields["support"],
            leaders=fields["leaders"],
            line=it.line,
            lines=lines,
            goal_no=it.goal_no,
        )

    def _read_units(self, text: str, line: int, ctx: Context, fields: dict[str, list[str]]) -> list[str]:
        """Read units out of a parenthesis or labelled text into ``fields``.

        Returns the units printed under 责任单位, which the caller places once the
        whole item has been read.
        """
        responsible: list[str] = []
        labels = list(LABEL.finditer(text))
        if labels:
            for i, m in enumerate(labels):
                end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
                value = text[m.end() : end].strip(" ；;，,。")
                kind = label_field(m.group(1))
                if kind is None:
                    continue
                if kind == "leaders":
                    fields["leaders"].extend(parse_persons(value))
                elif kind == "responsible":
                    responsible.extend(ctx.names(value, line))
                else:
                    fields[kind].extend(ctx.names(value, line))
            return responsible
        for segment in split_top_level(text, "，,；;"):
            seg = squeeze(segment)
            lead = _LEAD_END.search(seg)
            support = _SUPPORT_END.search(seg)
            if lead:
                fields["lead"].extend(ctx.names(seg[: lead.start()], line))
            elif support:
                fields["support"].extend(ctx.names(seg[: support.start()], line))
            elif seg:
                ctx.warn(line, f"cannot tell whether '{seg}' leads or supports; read as supporting")
                fields["support"].extend(ctx.names(seg, line))
        return responsible
