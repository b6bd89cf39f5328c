"""The numbered lines of a text and what each is: a task, a heading above tasks, or part of a task's text;
and whether a text's tasks are unnumbered paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dutygraph.loaders.base import LABEL, ROLE_FIELDS, Context, label_field
from dutygraph.loaders.bracket_items import carries_cue, cue_brackets
from dutygraph.loaders.cues import closing_group, has_cue, names_a_role, standalone_group
from dutygraph.loaders.cut_brackets import cut_cue
from dutygraph.loaders.heading_items import LEAD_HEADING, Heading, context, place
from dutygraph.loaders.names import looks_like_unit, parse_names
from dutygraph.loaders.numbered_item import Item, bare_group, inner_bare_groups, is_closed, opening_cues
from dutygraph.loaders.numbering import DEPTH, numbering
from dutygraph.loaders.role_verbs import is_verb_cue
from dutygraph.loaders.text import OPENERS, Line, squeeze
from dutygraph.loaders.unit_cell import spaced_cell

_DEPTH = DEPTH


@dataclass
class Entry:
    """A numbered line: where it is, its style and depth, and whether a cue is on it or after it."""

    index: int
    style: str
    depth: int
    own_cue: bool
    labelled: bool = False
    opens_list: bool = False  # its text ends in a colon: (1)年度主要任务与要求：
    labels_first: bool = False  # its labelled lines come right under it, before any item below it


def cue_after(entry: Entry, lines: list[Line], i: int, text: str) -> bool:
    """A cue on an unnumbered line after a numbered one: a labelled line, a bracket or verbs alone,
    or the body paragraph right under a numbered title, closed by its units (then the titled item is the
    task: 一、 sections, or （一） items whose title line is followed by the work and its bracket)."""
    if LABEL.match(text) or standalone_group(text) or is_verb_cue(text):
        return True
    between = lines[entry.index + 1 : i]
    return not any(ln.text.strip() for ln in between) and (
        closing_group(text) is not None or opening_cues(text) is not None or cut_cue(text)
    )


def siblings_of_tasks(entries: list[Entry], is_task: list[bool], task_below: list[bool]) -> None:
    """Make an item a task when the item before it in its section, numbered the same way, is one
    (1.…（X主办） 2.…（Y负责） 3.… whose units were cut off or not printed), in place."""
    last_at: dict[int, int] = {}  # depth -> the latest entry at that depth in the current section
    for k, e in enumerate(entries):
        last_at = {d: j for d, j in last_at.items() if d <= e.depth}
        j = last_at.get(e.depth)
        if not is_task[k] and not task_below[k] and j is not None and is_task[j] and entries[j].style == e.style:
            is_task[k] = True
        last_at[e.depth] = k


def entries_of(lines: list[Line]) -> list[Entry]:
    """Every numbered line, with the cues on it and in the labelled lines after it."""
    entries: list[Entry] = []
    for i, ln in enumerate(lines):
        text = ln.text.replace("\t", " ").strip()
        num = numbering(text)
        if num:
            entries.append(Entry(i, num[0], _DEPTH[num[0]], carries_cue(text), opens_list=text.endswith((":", "："))))
        elif entries and not entries[-1].labelled and cue_after(entries[-1], lines, i, text):
            owner = _parent_of_run(entries, lines)
            owner.labelled = True
            owner.labels_first = owner is entries[-1] and bool(LABEL.match(text)) and _just_under(lines, owner.index, i)
    if not any(e.own_cue or e.labelled for e in entries):
        # No role word anywhere: items that print brackets of unit names alone (…350户(市惠民帮扶中心)。) say who.
        bare = [e for e in entries if has_bare_units(lines[e.index].text)]
        for e in bare if len(bare) >= 2 else []:
            e.own_cue = True
    return entries


def _just_under(lines: list[Line], at: int, i: int) -> bool:
    """Whether line ``i`` follows the numbered line ``at`` with only blank or labelled lines between."""
    return all(not ln.text.strip() or LABEL.match(ln.text.strip()) for ln in lines[at + 1 : i])


def has_bare_units(text: str) -> bool:
    """A line holding a bracket of unit names alone: at its end or after one of its sentences."""
    return bool(bare_group(text) or inner_bare_groups(text))


def _parent_of_run(entries: list[Entry], lines: list[Line]) -> Entry:
    """The entry a cue line after the last one belongs to: the last, or the item above a run of two or more
    deeper items none of which carries a cue (1. 市科技馆 / (1)… (2)… / 问题整改责任单位:X): the item is the
    task and its sub-items its text. A 一、 section, or a heading naming who leads (（三）县编办牵头的工作), above
    such a run stays a heading."""
    last = entries[-1]
    k = len(entries) - 1
    while k > 0 and entries[k - 1].depth == last.depth and not (entries[k - 1].own_cue or entries[k - 1].labelled):
        k -= 1
    parent = entries[k - 1] if k > 0 else None
    run = len(entries) - k
    if parent is None or parent.depth >= last.depth or parent.style == "cn" or run < 2 or last.own_cue:
        return last
    if names_a_role(lines[parent.index].text):
        return last
    return parent if not (parent.own_cue or parent.labelled) else last


#: Styles that never number tasks naming no one: 一、 numbers sections, 一是 the points of a paragraph.
_UNCUED_NEVER = ("cn", "points")


def task_style_of(entries: list[Entry]) -> str | None:
    """The numbering style of the tasks: the one whose items carry cues most often.

    Items whose own line carries the cue but which are each followed by deeper
    items are headings (``一、经济发展（牵头领导：张三）`` over ``1.`` items):
    the tasks are the deeper items then.
    """
    counts: dict[str, int] = {}
    cued: dict[str, int] = {}
    parents: dict[str, int] = {}
    following: dict[str, dict[str, int]] = {}
    for k, e in enumerate(entries):
        counts[e.style] = counts.get(e.style, 0) + 1
        if e.own_cue or e.labelled:
            cued[e.style] = cued.get(e.style, 0) + e.own_cue + e.labelled
        nxt = entries[k + 1] if k + 1 < len(entries) else None
        # 一、经济发展（牵头领导：张三） or 一、… / 牵头单位：X right under it, over 1. items: a heading
        if ((e.own_cue and not e.labelled) or e.labels_first) and nxt is not None and nxt.depth > e.depth:
            parents[e.style] = parents.get(e.style, 0) + 1
            below = following.setdefault(e.style, {})
            below[nxt.style] = below.get(nxt.style, 0) + 1
    if cued:
        best = max(cued, key=lambda s: (cued[s], _DEPTH[s]))
        if parents.get(best, 0) >= 0.8 * cued[best] and following.get(best):
            deeper = max(following[best], key=following[best].__getitem__)
            # Two such items at least, or one that ends the page: cut after the first task under the heading.
            if counts.get(deeper, 0) >= 2 or entries[-1].style == deeper:
                return _past_openers(entries, deeper)
        return best
    present = [s for s, n in counts.items() if n >= 2 and s not in _UNCUED_NEVER]
    if not present and not any(e.labelled for e in entries):
        present = [s for s in counts if s not in _UNCUED_NEVER]  # one item under a heading: a page cut short
    return max(present, key=_DEPTH.__getitem__) if present else None


def _past_openers(entries: list[Entry], style: str) -> str:
    """The style of the tasks under headings, past items of ``style`` that each only open the list below
    them ((1)年度主要任务与要求： over ①…②…): the deeper style that follows them."""
    mine = [k for k, e in enumerate(entries) if e.style == style]
    below = [entries[k + 1] for k in mine if k + 1 < len(entries) and entries[k + 1].depth > entries[k].depth]
    if mine and all(entries[k].opens_list for k in mine) and len(below) == len(mine):
        styles = {e.style for e in below}
        if len(styles) == 1:
            return styles.pop()
    return style


def kinds_of(entries: list[Entry], task_style: str) -> dict[int, str]:
    """Whether each numbered line is a task, a heading or part of a task's text.

    An item is a task when it carries a cue (on its line or in the labelled
    lines after it) or is numbered in the task style, and no deeper item under
    it is a task; an item with tasks under it, or shallower than the task
    style, is a heading; a deeper item that is no task is part of the text.
    """
    n = len(entries)
    end = [n] * n  # the first later entry not under entry k
    stack: list[int] = []
    for j, entry in enumerate(entries):
        while stack and entries[stack[-1]].depth >= entry.depth:
            end[stack.pop()] = j
        stack.append(j)
    is_task = [False] * n
    task_below = [False] * n  # some item under the entry is a task
    tasks_from = [0] * (n + 1)  # tasks among entries[i:]
    for k in range(n - 1, -1, -1):
        e = entries[k]
        task_below[k] = tasks_from[k + 1] - tasks_from[end[k]] > 0
        is_task[k] = (e.own_cue or e.labelled or e.style == task_style) and not task_below[k]
        tasks_from[k] = tasks_from[k + 1] + is_task[k]
    siblings_of_tasks(entries, is_task, task_below)
    task_depth = _DEPTH[task_style]
    kinds: dict[int, str] = {}
    for k, e in enumerate(entries):
        if is_task[k]:
            kinds[e.index] = "task"
        elif e.depth < task_depth or task_below[k]:
            kinds[e.index] = "heading"
        else:
            kinds[e.index] = "text"
    return kinds


#: A heading's tail or a labelled line is no longer than this; a paragraph of work is.
MAX_HEADING_TAIL = 20


def is_paragraph(text: str) -> bool:
    """A paragraph of work: long, not a labelled line, and no line-broken heading."""
    return len(squeeze(text)) > MAX_HEADING_TAIL and not LABEL.match(text)


def paragraph_tasks(lines: list[Line]) -> bool:
    """Whether the tasks are unnumbered paragraphs that each close with their units while no numbered
    line carries a cue (a 政府工作报告 division of labour): three such paragraphs, or a section whose
    first paragraph closes so and is followed by more paragraphs (then the section is no task)."""
    closing = numbered_cues = run = 0
    several = False  # a run of two paragraphs under a heading, the first closed by its units
    first_closed = False
    texts = [ln.text.replace("\t", " ").strip() for ln in lines]
    # （县工信局、县工业园区管委会）: brackets of unit names alone close the paragraphs when three and most do,
    # and no numbered line closes so (then the numbered lines are the items)
    paragraphs = [t for t in texts if not numbering(t) and is_paragraph(t)]
    closed_bare = sum(1 for t in paragraphs if bare_group(t))
    bare = closed_bare >= max(3, 0.5 * len(paragraphs)) and not any(numbering(t) and bare_group(t) for t in texts)
    for text in texts:
        if numbering(text):
            numbered_cues += has_cue(text)
            run = 0
        elif is_paragraph(text):
            several_closed = len(cue_brackets(text, Context("", [])))  # sentences each closed by its bracket
            closed = closing_group(text) is not None or several_closed >= 2 or (bare and bare_group(text) is not None)
            closing += max(int(closed), several_closed)
            first_closed = closed if run == 0 else first_closed
            run += 1
            several = several or (run >= 2 and first_closed)
    return (closing >= 3 or several) and numbered_cues == 0


#: A line that opens with a field's name (资金筹措：…, 工作要求：…): part of an item, never an item.
_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]")


def labelled_after(lines: list[Line], i: int) -> bool:
    """Whether ``lines[i]`` is a sentence of its own (…病媒生物防制不到位。) that the next line with words
    closes with a role's label (整改责任单位：Y): an unnumbered item among numbered ones."""
    text = lines[i].text.strip()
    if not text.endswith("。") or numbering(text) or _FIELD.match(text):
        return False
    after = next((ln.text.strip() for ln in lines[i + 1 :] if ln.text.strip()), "")
    label = LABEL.match(after)
    return label is not None and label_field(label.group(1)) in ROLE_FIELDS


def unit_lines_under(lines: list[Line], kinds: dict[int, str], ctx: Context) -> set[int]:
    """The lines that print only unit names right under a task's line (1.规上工业增加值增长8% / 县工信局): the
    items' 责任单位 printed without a label. Two such lines at least, under half the tasks or more; read with a
    warning, as no role word says it."""
    tasks = [i for i, k in kinds.items() if k == "task"]
    found: set[int] = set()
    for i in tasks:
        k = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), -1)
        text = lines[k].text.strip() if k >= 0 else ""
        if not text or text[0] in OPENERS.values() or numbering(text) or len(text) > 60:
            continue  # a bracket of units under an item is read as its bracket
        if names_a_role(text) or is_verb_cue(text):
            continue  # a line with a role word or a handling verb (…、各街道办理) is read as such
        if "。" in text.rstrip("。"):
            continue
        names = parse_names(text)
        if names and all(looks_like_unit(n) for n in names):
            found.add(k)
    if len(found) < 2 or 2 * len(found) < len(tasks):
        return set()
    ctx.warn(
        lines[min(found)].no, "a line of unit names under each item is read as its 责任单位 (no role word says it)"
    )
    return found


def _own_task(items: list[Item], lines: list[Line], i: int, text: str) -> bool:
    """After a closed item, a paragraph closed by its own bracket or a sentence by its own labelled line."""
    if not items or not is_closed(items[-1]) or LABEL.match(text):
        return False
    return (is_paragraph(text) and closing_group(text) is not None) or labelled_after(lines, i)


#: A cell of figures in a row flattened with spaces: 1361.92, 100.1%, 不低于60元, -.
_FIGURE = re.compile(r"^(?:-|—|[不低于高约超过]{0,3}[\d.,]+(?:%|[万亿]?[元个户人所座台公里吨]*(?:/[^\s/]{1,2})*))$")


def _is_row(text: str, figures: int) -> bool:
    """A line of a table flattened with spaces: a text cell first (words, not a figure), then three cells
    or more, ``figures`` of them or more figures (孕产妇免费产前筛查 万人 3.31 3.49  105.3% 卫健委)."""
    cells = text.split()
    if len(cells) < 3 or "|" in text or not re.search(r"[\u4e00-\u9fff]{4}", cells[0]) or cells[0][0] in "、，；。）)":
        return False
    return sum(1 for c in cells[1:] if _FIGURE.match(c)) >= figures


def _sub_row(items: list[Item], no: int, text: str, ctx: Context) -> Item | None:
    """An unnumbered row under a numbered row of a table flattened with spaces, with figures of its own
    (2 自然村通水泥路 公里 1360 … 交通局 / 提质改造农村公路 公里 168 171.70 102.2%): a task of its own, under
    the row's merged 序号. One that prints no unit cell has the units of the row above (its merged unit cell),
    with a warning; None when the lines are no such rows. Numbered M1, M2 … as unnumbered rows are."""
    prev, number = items[-1], f"M{sum(1 for it in items if it.number.startswith('M')) + 1}"
    if not _is_row(text, 2) or not _is_row(prev.parts[0], 1) or len(prev.parts) > 1 or prev.labelled:
        return None
    cell = spaced_cell(prev.parts[0])
    above = ctx.names(cell[1], prev.line) if cell else prev.context.responsible
    context = replace(prev.context, responsible=list(above))
    if above and not spaced_cell(text):
        ctx.warn(
            no, f"row {number} prints no unit; read the units of the row above ({'、'.join(above)}), a merged cell"
        )
    return Item(number, no, [text], prev.goal, prev.goal_no, prev.area, context)


def unnumbered_task(
    items: list[Item], headings: list[Heading], first: bool, lines: list[Line], i: int, bare: bool, ctx: Context
) -> Item | None:
    """An unnumbered line that is a task of its own: a row under the merged 序号 of the row above (see
    :func:`_sub_row`); the first line under a heading naming who leads the work ((一)X牵头的工作, 三、省委政法委) or
    a paragraph naming its own units ((七)… / 完成…任务。责任单位：各区人民政府), numbered by the heading; after a
    closed item, a paragraph closed by its own bracket or labelled line (1.…(责任单位:X) / 认真落实…(责任单位:Y))."""
    no, text = lines[i].no, lines[i].text.replace("\t", " ").strip()
    if bare and items and (sub := _sub_row(items, no, text, ctx)):
        return sub
    h = headings[-1] if headings else None
    lone = (
        h is not None
        and first
        and (bool(LEAD_HEADING.match(h.title)) or h.unit_title or (has_cue(text) and is_paragraph(text)))
    )
    if lone or _own_task(items, lines, i, text):
        return Item(h.number if lone and h else f"M{len(items) + 1}", no, [text], *place(headings), context(headings))
    return None
