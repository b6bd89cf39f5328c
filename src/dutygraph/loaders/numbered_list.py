"""Numbered lists: items at any numbering level, responsibility cues wherever they are.

Covers these families:

- ``1.任务……。(区X局、区Y局主办,区相关部门协办)`` (鼓楼区 2024, seed 001);
- ``(1) 任务……（责任领导：A；牵头单位：X、Y；责任单位：Z）``, ``[牵头单位:X;责任单位:Y]``;
- an item followed by labelled lines ``牵头单位：X`` / ``责任单位：Y、Z``;
- items ``（一）`` each followed by ``责任单位：X、Y``;
- a leader or lead unit given once in a section heading (``一、张三县长牵头重点工作``,
  ``（牵头领导：A、B）``, ``县交通局牵头：``) for every task under it; numbering
  that restarts in every section;
- a list with no units at all (武进区 办实事, seed 004), where two items can share a
  line and a heading or an item can be broken over lines.

Numbering styles, shallowest first: ``第一章`` ``一、`` ``（一）``/``第一条`` ``1.``/``1、``/``1﹒``/``1 ``
``1.1`` ``（1）``/``⑴`` ``①`` (:mod:`dutygraph.loaders.numbering`).
The task level is the style whose items carry the cues (the deepest style when no
item carries any); shallower styles are goals and areas, deeper ones are part of a
task's text.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import FIRST_LISTED_LEADS, LABEL, Context, Loader
from dutygraph.loaders.bracket_items import carries_cue, cue_brackets, split_at_brackets
from dutygraph.loaders.cues import Roles, closing_group, closing_label, has_cue, inner_label, standalone_group
from dutygraph.loaders.cut_brackets import by_line_cut, cut_cue
from dutygraph.loaders.heading_items import (
    LEAD_HEADING,
    Heading,
    context,
    lead_line,
    open_heading,
    place,
    unit_headings,
    units_over_lists,
    with_heading_tasks,
)
from dutygraph.loaders.headings import is_lead_line, leader_line
from dutygraph.loaders.numbered_entries import (
    MAX_HEADING_TAIL,
    entries_of,
    has_bare_units,
    is_paragraph,
    kinds_of,
    paragraph_tasks,
    task_style_of,
    unit_lines_under,
    unnumbered_task,
)
from dutygraph.loaders.numbered_item import (
    Item,
    bare_units,
    continue_label,
    cue_clauses,
    is_closed,
    opening_cues,
    paragraphs_apart,
    record,
)
from dutygraph.loaders.numbering import (
    DEPTH,
    arabic,
    expand_shared,
    numbered_fields,
    numbering,
    split_glued_numbers,
)
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.role_verbs import is_verb_cue
from dutygraph.loaders.text import Line, squeeze

_DEPTH = DEPTH
_HAS_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
#: A title naming a division of work into tasks (任务分工方案, 责任分解, 重点举措, 任务清单).
_GENRE_TITLE = re.compile(r"(?:任务分工|分工方案|任务分解|责任分解|分解表|重点举措|任务清单|责任清单)\S{0,12}$")
#: A sentence after some items that names their 责任单位: 4项目标的责任单位均为X。 / 该目标责任单位为Y。
_COUNTED = re.compile(
    r"^(?:(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})项目标的?|该项?目标的?)责任单位(?:均|都)?为(?P<units>[^。]{2,80})[。.]?$"
)
#: A paragraph of a notice or a sentence, not a heading: too long to be a section title.
_MAX_HEADING = 60
#: The signature, date or closing note of a notice: never an item's title.
_SIGN_OFF = re.compile(r"(?:人民政府|办公室|办公厅)$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|此件|公开")


def _count(numeral: str | None) -> int:
    """How many items a counted cue covers: 4项 -> 4, 十二项 -> 12, 该目标 -> 1."""
    return max(arabic(numeral), 1) if numeral else 1


def _is_cut_title(text: str) -> bool:
    """A last line that reads as an item's title (short, no sentence, no signature or date)."""
    flat = squeeze(text)
    return len(flat) <= _MAX_HEADING and "。" not in flat and not _SIGN_OFF.search(flat)


def _is_cut_paragraph(text: str) -> bool:
    """A last line, after the last paragraph, that reads as the start of one more the page cut: no number, no
    cue, a title's length (单位地区生产总值)."""
    return not numbering(text.strip()) and _is_cut_title(text) and not has_cue(text)


def _sections_with_cues(items: list[Item], ctx: Context) -> list[Item]:
    """The paragraphs from the first section where some paragraph names who is responsible: the sections before
    it, none of whose paragraphs does (一、分工原则), are the notice's text, left out with a warning. A section
    after it naming no unit is kept: the page may have been cut before its units."""
    cued = {(it.goal, it.goal_no, it.area) for it in items if has_cue("".join(it.parts)) or it.context}
    first = next((k for k, it in enumerate(items) if (it.goal, it.goal_no, it.area) in cued), 0)
    if first:
        ctx.warn(
            items[0].line, f"{first} paragraph(s) in sections naming no unit before the tasks read as the notice's"
        )
    return items[first:]


def _records(items: list[Item], task_lines: list[str], ctx: Context) -> list[TaskRecord]:
    """The task records of the items, an item holding several bracket-closed tasks split into them."""
    first_leads = any(FIRST_LISTED_LEADS.search(ln.text) for ln in ctx.lines)
    bare = first_leads or bare_units(task_lines, items)
    return [record(sub, ctx, first_leads, bare) for it in items for sub in split_at_brackets(it, ctx)]


def _cued_by_line(items: list[Item], section_start: int, counted: re.Match[str] | None) -> list[Item]:
    """The items a cue on a line of its own holds for: all of the section's when none of them is closed
    by its own cue, else those numbered afresh from 1 since the last closed one, else the last one
    (N项目标…: the last N)."""
    if counted:
        return items[-_count(counted["n"]) :]
    section = items[section_start:]
    if section and not any(is_closed(it) for it in section):
        return section
    run = section[max((k for k, it in enumerate(section) if is_closed(it)), default=-1) + 1 :]
    # 1.… 2.… 整改责任单位：X after the last closed item: a list numbered afresh that the line closes whole
    return run if len(run) > 1 and re.sub(r"\D", "", run[0].number) == "1" else items[-1:]


def _line_group(
    lines: list[Line], i: int, counted: re.Match[str] | None, ctx: Context, unit_lines: set[int]
) -> str | None:
    """The roles a line states for the items above it, as a labelled group: a bracket alone, N项目标的责任单位均为X,
    units under each item (``unit_lines``), a 由X、Y line the page cut before its verb (责任单位, with a warning)."""
    text = lines[i].text.strip()
    if i in unit_lines:
        return f"责任单位：{text}"  # 1.规上工业增加值增长8% / 县工信局
    if group := standalone_group(text):
        return group
    if counted:
        return f"责任单位：{counted['units']}"
    if not any(ln.text.strip() for ln in lines[i + 1 :]) and (units := by_line_cut(text)):
        ctx.warn(lines[i].no, f"the text ends inside '{text[:20]}…' before its verb; its units read as 责任单位")
        return f"责任单位：{units}"
    return None


def _alone_named_units(lines: list[Line], kinds: dict[int, str], ctx: Context) -> tuple[set[int], set[int], set[int]]:
    """Lines naming units alone: over each list (凤台县政府 / 1.…), as headings, under each item (1.… / 县工信局)."""
    headings = {i for i, k in kinds.items() if k == "heading"}
    over = units_over_lists(lines, ctx)
    return over, unit_headings(lines, headings, ctx), set() if over else unit_lines_under(lines, kinds, ctx)


class NumberedListLoader(Loader):
    """Items numbered at any level under sections; units in brackets, labelled lines, verbs or headings."""

    name = "numbered-list"
    description = (
        "numbered items under 一、 sections; units in a closing parenthesis (X主办，Y协办), labelled lines or headings"
    )

    def score(self, lines: list[Line]) -> float:
        items = cued = labelled = bare = 0
        section = False  # the line before was a 一、 heading: a closed body makes the section a task
        for ln in (ln for ln in lines if ln.text.strip()):
            t = ln.text.strip()
            num = numbering(t)
            if section and not num and closing_group(t):
                items, cued = items + 2, cued + 1  # 一、推进重大项目建设 / …(X牵头;Y配合)
            elif not num and closing_group(t) and has_cue(t):
                items, cued = items + 1, cued + 1  # an unnumbered paragraph closing with its roles (X牵头)
            section = bool(num and num[0] == "cn")
            bare += bool(num and has_bare_units(t))
            if num and (num[0] != "paren" or len(t) > 12):
                cue = carries_cue(t)
                if num[0] != "cn" or cue:  # 一、 numbers sections, unless the item carries its own cue
                    items += 1
                    cued += cue
            if not num and items and (cut_cue(t) or by_line_cut(t)):
                cued += 1  # the page stops inside the bracket of the item's last paragraph, or its 由… line
            elif not num and (clauses := cue_clauses(t)):
                labelled += len(clauses)  # a paragraph of clauses that each open with their cues
            elif LABEL.match(t) or (not num and (opening_cues(t) or closing_label(t) or inner_label(t))):
                labelled += 1  # a labelled line; a body opening (由X负责，Y牵头，……) or closing with its cues
        if not cued and not labelled and bare >= 2:
            items, cued = items + bare, bare  # items printing brackets of unit names alone, no role word anywhere
        # One item is enough when it carries its own role cue, or under a title of the genre (重点工作任务分工方案):
        # a page cut after its first task.
        if items < 2 and labelled < 2 and not cued:
            if items and any(_GENRE_TITLE.search(ln.text) for ln in lines):
                return 0.5
            # A page of one project: its paragraph, then the line naming its units (责任单位：市水务局).
            return 0.5 if labelled and not items and _one_project(lines) else 0.0
        return items + 3 * cued + 3 * labelled

    def parse(self, ctx: Context) -> list[TaskRecord]:
        lines = expand_shared(split_glued_numbers(numbered_fields(ctx.lines)), ctx)
        entries = entries_of(lines)
        task_style = task_style_of(entries)
        paragraphs = paragraph_tasks(lines)
        if task_style is None or paragraphs:  # paragraphs under numbered headings, or no numbers
            return self._paragraphs(lines, ctx) if entries and paragraphs else self._unnumbered(ctx)
        kinds = kinds_of(entries, task_style)
        unit_heads, unit_titles, unit_lines = _alone_named_units(lines, kinds, ctx)
        items: list[Item] = []
        headings: list[Heading] = []
        opened: list[Heading] = []
        task_lines = [ln.text for i, ln in enumerate(lines) if kinds.get(i) == "task"]
        # the first item under the latest heading; whether (X、Y) closes an item as its labels would
        section_start, bare = 0, bare_units(task_lines, [])
        heading_open = False  # the last line read was a heading that may continue
        for i, ln in enumerate(lines):
            text = ln.text.replace("\t", " ").strip()
            if not _HAS_CONTENT.search(text):
                continue
            num = numbering(text)
            kind = kinds.get(i)
            lead_heading = bool(num and LEAD_HEADING.match(text[num[2] :].strip()))
            if num and (kind == "heading" or lead_heading) and len(text) - num[2] <= _MAX_HEADING + 40:
                depth, title = _DEPTH[num[0]], text[num[2] :].strip()
                headings = open_heading(headings, depth, title, num[1], ln.no, ctx, opened, unit_title=i in unit_titles)
                heading_open, section_start = True, len(items)
                opened[-1].first_item = len(items)
                continue
            if num and kind == "task":
                heading_open = False
                headings = [h for h in headings if h.depth < _DEPTH[num[0]]]  # a task beside a heading is not under it
                number = num[1] if num[0] != "bullet" else f"M{len(items) + 1}"  # a bullet numbers nothing
                items.append(Item(number, ln.no, [text[num[2] :].strip()], *place(headings), context(headings)))
                continue
            under_heading = not items or items[-1].goal != place(headings)[0] or heading_open
            if LABEL.match(text) and under_heading and headings:
                # A labelled line right under a heading: it holds for the whole section.
                headings[-1].read_labelled(ln.no, text, ctx)
                continue
            if items and continue_label(items[-1], ln.no, text):
                continue
            counted = _COUNTED.match(text)
            group = _line_group(lines, i, counted, ctx, unit_lines)
            if items and (group or is_verb_cue(text) or LABEL.match(text)):
                for it in _cued_by_line(items, section_start, counted):
                    it.labelled.append((ln.no, group or text))
                continue
            if is_lead_line(text) or leader_line(text) or i in unit_heads:
                headings, heading_open = lead_line(headings, text, ln.no, ctx, bare=i in unit_heads), False
                continue
            if heading_open and headings and len(text) <= MAX_HEADING_TAIL and "。" not in text:
                headings[-1].title += text  # a heading broken over lines (often where spam was cut out)
                continue
            heading_open = False
            if task := unnumbered_task(items, headings, section_start == len(items), lines, i, bare, ctx):
                items.append(task)
            elif items and items[-1].goal == place(headings)[0] and not is_closed(items[-1], bare):
                items[-1].parts.append(text)
        return self._drop_preamble(_records(with_heading_tasks(items, opened), task_lines, ctx), ctx)

    @staticmethod
    def _drop_preamble(records: list[TaskRecord], ctx: Context) -> list[TaskRecord]:
        """Leave out the notice's own numbered points (questions, requirements) before the list.

        When most items name who is responsible, items before the first that does,
        naming nobody and standing outside its section, belong to the covering notice.
        """
        cued = [bool(r.lead or r.support or r.leaders) for r in records]
        if not records or sum(cued) < 0.5 * len(records):
            return records
        first = cued.index(True)
        section = (records[first].goal, records[first].goal_no)
        keep = first
        while keep > 0 and (records[keep - 1].goal, records[keep - 1].goal_no) == section:
            keep -= 1
        if keep:
            ctx.warn(
                records[0].line,
                f"{keep} numbered point(s) before the first section with units read as the notice's, not tasks",
            )
        return records[keep:]

    def _paragraphs(self, lines: list[Line], ctx: Context) -> list[TaskRecord]:
        """Tasks as unnumbered paragraphs under numbered headings, each closing with its units
        (一、… / （一）… / 认真贯彻……。（省发展改革委、省财政厅等负责）), numbered M1, M2 …"""
        first_leads = any(FIRST_LISTED_LEADS.search(ln.text) for ln in ctx.lines)
        headings: list[Heading] = []
        items: list[Item] = []
        owners: list[list[Heading]] = []  # the headings over each item
        for ln in lines:
            text = ln.text.replace("\t", " ").strip()
            if not _HAS_CONTENT.search(text):
                continue
            num = numbering(text)
            if num and num[0] != "points":  # 一是…, 二是…: points of a paragraph, no heading
                headings = open_heading(headings, _DEPTH[num[0]], text[num[2] :].strip(), num[1], ln.no, ctx, [])
                continue
            spans = cue_brackets(text, ctx)
            if items and spans and spans[0][0] == 0:  # a bracket the line break pushed off the paragraph before
                items[-1].parts.append(text[: spans[0][1]])
                text = text[spans[0][1] :].strip()
            if headings and is_paragraph(text):
                goal, goal_no, area = place(headings)
                items.append(Item("", ln.no, [text], goal, goal_no, area, context(headings)))
                owners.append(headings)
        last = next((ln for ln in reversed(lines) if _HAS_CONTENT.search(ln.text)), None)
        if items and last and last.no > items[-1].line and _is_cut_paragraph(last.text):
            ctx.warn(last.no, "the text ends inside a paragraph; its units were not printed")
            items.append(Item("", last.no, [last.text.strip()], *place(headings), context(headings)))
            owners.append(headings)
        titled = self._titled(items, owners)
        items = [sub for it in _sections_with_cues(items, ctx) for sub in split_at_brackets(it, ctx)]
        for k, it in enumerate(items, 1):
            it.number = it.number if titled else f"M{k}"
        bare = first_leads or bare_units([], items)  # （县工信局）: brackets of unit names alone close most paragraphs
        return [record(it, ctx, first_leads, bare) for it in items]

    def _titled(self, items: list[Item], owners: list[list[Heading]]) -> bool:
        """Headings that each hold one paragraph are the items' titles (一、新生儿免费参加城乡医保 / 全省新生儿……。
        (牵头部门:省医保局)): each item takes its heading's number and title, its place the headings above."""
        deepest = [id(hs[-1]) for hs in owners]
        if len(items) < 2 or len(set(deepest)) < len(deepest) or any(hs[-1].cues for hs in owners):
            return False
        for it, hs in zip(items, owners, strict=True):
            it.number, it.parts = hs[-1].number, [hs[-1].title, *it.parts]  # joined as an item's lines are
            it.goal, it.goal_no, it.area = place(hs[:-1])
            it.context = context(hs[:-1])
        return True

    def _unnumbered(self, ctx: Context) -> list[TaskRecord]:
        """Items with no numbers, M1, M2 …: the line before a block of labelled lines (粮食产量1268万吨以上 /
        部门分工：省农业农村厅牵头，各地配合。), or a line opening or closing with its own cues (…。（牵头单位：X）)."""
        items: list[Item] = []
        pending: Line | None = None
        named: str | None = None  # 项目名称：城乡供水一体化 before the item's line (建设内容：…): its name
        opened = 0  # items whose text opens or closes with their cues (由X牵头，Y配合，… / …。（牵头单位：X）)
        for ln in paragraphs_apart(ctx.lines):
            text = ln.text.replace("\t", " ").strip()
            if not _HAS_CONTENT.search(text):
                continue
            if not LABEL.match(text) and (opening_cues(text) or closing_group(text)):
                items.append(Item(f"M{len(items) + 1}", ln.no, [text], None, None, None, Roles()))
                opened, pending, named = opened + 1, None, None
                continue
            if LABEL.match(text):
                if pending is not None:
                    title = _NAME_FIELD.sub("", pending.text.strip())
                    title = f"{named}：{_CONTENT_FIELD.sub('', title)}" if named and named != title else title
                    items.append(Item(f"M{len(items) + 1}", pending.no, [title], None, None, None, Roles()))
                    pending = named = None
                if items:
                    items[-1].labelled.append((ln.no, text))
                continue
            if pending is not None and _NAME_FIELD.match(pending.text.strip()):
                named = _NAME_FIELD.sub("", pending.text.strip())
            pending = ln
        if pending is not None and items and _is_cut_title(pending.text):
            # The text ends after a title: its labelled lines were cut off, the title is still an item.
            ctx.warn(pending.no, "the text ends after an item's title; its units were not printed")
            items.append(Item(f"M{len(items) + 1}", pending.no, [pending.text.strip()], None, None, None, Roles()))
        if not opened and not any(it.labelled and has_cue(" ".join(t for _, t in it.labelled)) for it in items):
            return []
        return [record(it, ctx, False) for it in items]


#: A record's content field after its name (建设内容：, 主要内容：): its value is the item's text.
_CONTENT_FIELD = re.compile(r"^[\u4e00-\u9fff]{0,4}内容[:：]\s*")
#: A record's name field (项目名称：, 任务名称：, 事项：): its value names the item.
_NAME_FIELD = re.compile(r"^(?:(?:项目|任务|事项|工程|实事)(?:名称)?|名称)[:：]\s*")


def _one_project(lines: list[Line]) -> bool:
    """A text of a few lines whose last (or its paragraph's last sentence) labels its units: one project."""
    worded = [ln.text.strip() for ln in paragraphs_apart(lines) if _HAS_CONTENT.search(ln.text)]
    return 2 <= len(worded) <= 6 and bool(LABEL.match(worded[-1])) and has_cue(worded[-1])
