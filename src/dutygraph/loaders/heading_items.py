"""The headings of a numbered list: what each says for the items under it, and when it is a task itself.

A heading gives its items a place (goal, area) and the cues it prints (``一、经济发展（牵头领导：A）``,
``县交通局牵头：``). A heading that names its own units over items that name theirs
(``一、减少扶贫对象6.76万人。(责任单位:市扶贫办)`` over ``1.…(责任单位:市扶贫办,各县区)``) is a task too:
the units are its own, not its items'.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from dutygraph.loaders.base import Context
from dutygraph.loaders.cues import Roles, closing_group, has_cue, read_cues
from dutygraph.loaders.headings import heading_cues, heading_title, without_count
from dutygraph.loaders.names import looks_like_unit, parse_names
from dutygraph.loaders.numbered_item import Item, record
from dutygraph.loaders.numbering import arabic, numbering
from dutygraph.loaders.text import Line

_UNIT_ROLES = ("lead", "support", "responsible")
#: A heading that names who leads the work under it and nothing else (省监察厅牵头的工作).
LEAD_HEADING = re.compile(r"^\S{2,30}?牵头的(?:工作|任务|事项)[:：。]?$")


@dataclass
class Heading:
    """A numbered heading (or a line naming who leads what follows) and what it says."""

    depth: int
    title: str
    number: str
    cues: Roles
    line: int = 0
    printed: str = ""  # the heading as printed, its cues and all
    labelled: list[tuple[int, str]] = field(default_factory=list)  # labelled lines right under it
    first_item: int = 0  # how many items came before it
    unit_title: bool = False  # the heading is one unit's name alone (see :func:`unit_headings`)
    owner_line: bool = False  # an unnumbered line naming who leads what follows (县交通局牵头：, 区长 王明：)

    def read_labelled(self, line: int, text: str, ctx: Context) -> None:
        """A labelled line right under the heading: it holds for the whole section."""
        self.cues.extend(read_cues(text, line, ctx))
        self.labelled.append((line, text))


def open_heading(
    headings: list[Heading],
    depth: int,
    text: str,
    number: str,
    line: int,
    ctx: Context,
    opened: list[Heading],
    *,
    unit_title: bool = False,
) -> list[Heading]:
    """The headings in force after a heading at ``depth``: shallower ones kept, this one (its cues read) added;
    it is listed in ``opened`` too, whose ``first_item`` the caller sets. A heading that is one unit's name
    alone (``unit_title``) leads what is under it."""
    kept = [h for h in headings if h.depth < depth]
    cues = _unit_title_cues(text, line, ctx) if unit_title else heading_cues(text, line, ctx)
    kept.append(Heading(depth, heading_title(text), number, cues, line, text, unit_title=unit_title))
    opened.append(kept[-1])
    return kept


def _unit_title(text: str) -> str:
    """A unit title without its closing colon and bracket of roles (区住建局（配合：区自然资源分局）： -> 区住建局)."""
    text = text.rstrip("：: ")
    return group[0] if (group := closing_group(text)) else text


def _unit_title_cues(text: str, line: int, ctx: Context) -> Roles:
    """The roles of a heading that names one unit: the unit leads, and a bracket of roles after it (三、县教育局
    （配合单位：县住建局）) gives the others."""
    title = text.rstrip("：: ")
    group = closing_group(title)
    cues = read_cues(group[1], line, ctx) if group else Roles()
    cues.lead = ctx.names(without_count(group[0] if group else title), line) + cues.lead
    return cues


def unit_headings(lines: list[Line], headings: set[int], ctx: Context) -> set[int]:
    """Of the numbered heading lines (indices), those that are one unit's name alone (三、省委政法委 /
    （一）综合办公室（党群工作部、监察室）): targets set out unit by unit, each answering for the work under
    its heading. Two such headings at least; read with a warning, as no role word says it."""
    found: dict[int, str] = {}
    for i in sorted(headings):
        text = lines[i].text.strip()
        num = numbering(text)
        title = without_count(text[num[2] :].strip()) if num else ""
        title = _unit_title(title)  # 县教育局（配合单位：县住建局）
        if 0 < len(title) <= 40 and not has_cue(title) and looks_like_unit(title) and parse_names(title) == [title]:
            found[i] = title
    if len(found) < 2:
        return set()
    names = "、".join(list(found.values())[:3])
    first = lines[min(found)].no
    ctx.warn(first, f"headings that name one unit alone ({names}) are read as the lead of what is under them")
    return set(found)


def lead_line(headings: list[Heading], text: str, line: int, ctx: Context, *, bare: bool = False) -> list[Heading]:
    """The headings in force after a line naming who leads what follows (县交通局牵头：, or a unit's name alone
    over its list when ``bare``): one level deeper, in place of the line before of its kind (区财政局牵头：
    after 区发改局牵头：'s items takes over from it)."""
    owner = next((k for k, h in enumerate(headings) if h.owner_line), None)
    headings = headings if owner is None else headings[:owner]
    depth = (headings[-1].depth + 1) if headings else 0
    kept = [h for h in headings if h.depth < depth]
    cues = _unit_title_cues(text, line, ctx) if bare else heading_cues(text, line, ctx)
    kept.append(Heading(depth, kept[-1].title if kept else "", "", cues, owner_line=True))
    return kept


def units_over_lists(lines: list[Line], ctx: Context) -> set[int]:
    """The lines that print one unit's name alone over a list numbered from 1 (凤台县政府 / 1.地区生产总值……
    / 大通区政府 / 1.……): targets set out unit by unit, each unit answering for its list. Two such lines at
    least, so that a signature over an item is none; read with a warning, as no role word says it."""
    worded = [(i, ln.text.strip()) for i, ln in enumerate(lines) if ln.text.strip()]
    heads = []
    for (i, text), (_, nxt) in itertools.pairwise(worded):
        num, text = numbering(nxt), without_count(text)
        # 区发改局： over its items, numbered on from the list before: the colon says the items are its
        colon = text.endswith(("：", ":"))
        text = _unit_title(text)
        if numbering(text) or len(text) > 25 or not num or (arabic(num[1].strip("（）()、.．﹒")) != 1 and not colon):
            continue
        if looks_like_unit(text) and parse_names(text) == [text]:
            heads.append(i)
    if len(heads) < 2:
        return set()
    names = "、".join(_unit_title(lines[i].text.strip()) for i in heads[:3])
    ctx.warn(lines[heads[0]].no, f"a unit named alone over each list ({names}) is read as the lead of its items")
    return set(heads)


def place(headings: list[Heading]) -> tuple[str | None, str | None, str | None]:
    """Goal title, goal number and area of the current position."""
    titled = [h for h in headings if h.number]
    if not titled:
        return None, None, None
    goal = titled[0]
    area = titled[-1].title if len(titled) > 1 else None
    return goal.title, goal.number.strip("、.．﹒（）()") or None, area


def context(headings: list[Heading]) -> Roles:
    """What the headings above say for every task under them (deeper headings win)."""
    out = Roles()
    for h in headings:
        for role in ("lead", "support", "leaders", "responsible"):
            values = getattr(h.cues, role)
            if values:
                setattr(out, role, list(values))
    return out


def with_heading_tasks(items: list[Item], opened: list[Heading]) -> list[Item]:
    """The items, with a task before them for each heading that names its own units over items naming theirs;
    those items no longer take the heading's units (its leaders they still do)."""
    out = list(items)
    for k in range(len(opened) - 1, -1, -1):
        h = opened[k]
        if not h.number or not any(getattr(h.cues, r) for r in _UNIT_ROLES) or LEAD_HEADING.match(h.title):
            continue
        end = next((o.first_item for o in opened[k + 1 :] if o.depth <= h.depth), len(items))
        under = items[h.first_item : end]
        if not _lead_their_own(under):
            continue
        parents = _in_force([o for o in opened[:k] if o.depth < h.depth])
        above = context(parents)
        for it in under:
            for role in _UNIT_ROLES:
                if getattr(it.context, role) == getattr(h.cues, role):
                    setattr(it.context, role, list(getattr(above, role)))
        heading = Item(h.number, h.line, [h.printed], *place(parents), above, list(h.labelled))
        out.insert(h.first_item, heading)
    return out


def _lead_their_own(items: list[Item]) -> bool:
    """Some items print units, and each that does names its own lead (none needs the heading's)."""
    quiet = Context("", [])  # a trial reading: its warnings are not the document's
    own = [
        record(Item(it.number, it.line, it.parts, None, None, None, Roles(), it.labelled), quiet, False) for it in items
    ]
    printing = [r for r in own if r.lead or r.support]
    return bool(printing) and all(r.lead for r in printing)


def _in_force(parents: list[Heading]) -> list[Heading]:
    """The headings in force among those opened before one: the latest at each depth, shallowest first."""
    latest: dict[int, Heading] = {}
    for h in parents:
        latest = {d: o for d, o in latest.items() if d < h.depth}
        latest[h.depth] = h
    return [latest[d] for d in sorted(latest)]
