"""What every reading of a document ends with, whatever its format or layout.

The region and year (from the text unless given), each task's deadline date and
targets, leads marked in a list (★, （牵头）), a standing note that gives every later task
its units (以下任务均需X落实，不再一一列出), the pledging party of a responsibility pledge
(乙方：X), names printed twice in one role, the notice's own requirements left out (二、工作要求), and
the warnings about tasks without a lead unit.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import DITTO, STANDING_NOTE, Context
from dutygraph.loaders.dates import deadline_date
from dutygraph.loaders.metadata import Metadata
from dutygraph.loaders.names import looks_like_unit
from dutygraph.loaders.records import LoadWarning, TaskRecord
from dutygraph.loaders.targets import find_targets
from dutygraph.loaders.text import Line


def finish_tasks(
    tasks: list[TaskRecord], meta: Metadata, region: str | None, year: int | None, ctx: Context
) -> tuple[str | None, int | None]:
    """Settle a document's region and year and complete its task records in place.

    Args:
        tasks: the records a layout read.
        meta: what the document's text says of itself.
        region: the region given by the caller, or None to take the text's.
        year: the year given by the caller, or None to take the text's.
        ctx: the parsing context; warnings are added to it.

    Returns:
        ``(region, year)`` as settled.
    """
    if region is None:
        region = meta.region
        ctx.warnings.extend(LoadWarning(ctx.file, None, d) for d in meta.doubts if "region" in d)
    if year is None:
        year = meta.year
        ctx.warnings.extend(LoadWarning(ctx.file, None, d) for d in meta.doubts if "year" in d)
    for t in tasks:
        t.text = t.text.lstrip("★☆ ") if t.text[:1] in "★☆" else t.text  # ★地区生产总值增长15%: a key-task mark
        t.deadline_date = deadline_date(t.deadline, year)
        t.targets = [x.as_dict() for x in find_targets(t.text)]
        if not t.text.strip(" 。.，,；;"):
            ctx.warn(t.line, f"task {t.task} prints no text of its own; its roles are read as printed")
    _notice_requirements(tasks, ctx)
    _dittos(tasks, ctx)
    _lead_marks(tasks, ctx)
    _standing_support(tasks, ctx)
    _pledging_party(tasks, ctx)
    _check_responsibility(tasks, ctx)
    return region, year


#: The covering notice's own sections after (or before) the tasks: 二、工作要求, 三、保障措施, 组织实施.
_REQUIREMENTS = re.compile(
    r"^(?:(?:工作|有关|相关|几点|其他|具体)?要求|(?:工作|组织|实施|政策|资金)?保障(?:措施|机制)?|组织实施|实施步骤"
    r"|工作步骤|(?:工作|推进|督查|考核)机制|督查考核|督促检查|附则)[。:：]?$"
)


def _notice_requirements(tasks: list[TaskRecord], ctx: Context) -> None:
    """Leave out the points of the notice's own sections (二、工作要求 / （一）加强组织领导…) when they name no
    one while the tasks do, with a warning: they ask the units to report, not do work of the plan."""
    points = [t for t in tasks if t.goal and _REQUIREMENTS.match(t.goal.strip())]
    if not points or any(t.lead or t.support or t.leaders for t in points):
        return
    if not any(t.lead or t.support or t.leaders for t in tasks if t not in points):
        return
    goals = "、".join(dict.fromkeys(t.goal or "" for t in points))
    ctx.warn(points[0].line, f"{len(points)} point(s) under {goals} read as the notice's requirements, not tasks")
    tasks[:] = [t for t in tasks if t not in points]


def _dittos(tasks: list[TaskRecord], ctx: Context) -> None:
    """A unit or leaders cell printed 同上 or 〃 repeats the one above: the names of the task before in its
    place, listed as inherited; a warning when the task before names none."""
    for k, t in enumerate(tasks):
        for role in ("leaders", "lead", "support"):
            names = getattr(t, role)
            if DITTO not in names:
                continue
            above = getattr(tasks[k - 1], role) if k else []
            setattr(t, role, list(dict.fromkeys(m for n in names for m in (above if n == DITTO else [n]))))
            if above and role not in t.inherited:
                t.inherited.append(role)
            elif not above:
                ctx.warn(t.line, f"task {t.task}: its {role} cell repeats the row above (同上), which names none")


_LEAD_MARK = "★☆*＊"


def _is_marked(name: str) -> bool:
    """★X, X★, *X, X*: one mark before or after the name (** stands for a name masked out, 区**局, no mark)."""
    return len(name) > 2 and any(
        end in _LEAD_MARK and not (end in "*＊" and inner in "*＊")
        for end, inner in ((name[0], name[1]), (name[-1], name[-2]))
    )


def _unmarked(name: str) -> str:
    return name[1:] if name[0] in _LEAD_MARK else name[:-1]


def _lead_marks(tasks: list[TaskRecord], ctx: Context) -> None:
    """A unit marked ★ or * before or after its name (★区发改委、统计局 / 区政府办公室*、区财政局) is the lead;
    the others listed with it support."""
    marked_any = False
    for t in tasks:
        names = t.lead + t.support
        marked = [_unmarked(n) for n in names if _is_marked(n)]
        if not marked:
            continue
        marked_any = True
        t.lead = marked
        t.support = [n for n in names if not _is_marked(n)]
        if t.support and "support" not in t.lines and "lead" in t.lines:
            t.lines["support"] = t.lines["lead"]
    if marked_any:
        ctx.warn(
            None,
            "units marked as leading (★, *, （牵头）) are read as the lead units "
            "and the others listed with them as supporting",
        )


def _standing_support(tasks: list[TaskRecord], ctx: Context) -> None:
    """A standing note (以下任务均需X、Y落实，不再一一列出): X and Y go to every task from there on, in the
    role the task stating the note gives them (lead when it lists them as its leads, else support).
    The first note of the document is read; a warning names its line."""
    for ln in ctx.lines:
        found = STANDING_NOTE.search(ln.text)
        if found is None or not found["names"]:
            continue
        names = ctx.names(found["names"], ln.no)
        at = _place(ln, ctx)
        holder = [t for t in tasks if _start(t, ctx) <= at][-1:]  # the task whose bracket states the note
        role = "lead" if holder and names and all(n in holder[0].lead for n in names) else "support"
        later = [t for t in tasks if _start(t, ctx) >= at or t in holder]
        for t in later:
            added = [n for n in names if n not in t.lead and n not in t.support]
            if added:
                getattr(t, role).extend(added)
                t.lines.setdefault(role, ln.no)
        if names and later:
            whom, verb = "、".join(names), "leading" if role == "lead" else "supporting"
            ctx.warn(ln.no, f"'{found[0]}': {whom} read as {verb} the {len(later)} task(s) from here on")
        return


#: 乙方：X, the party of a responsibility pledge (目标任务责任书) that undertakes its targets.
#: On a line of its own, or after 甲方：… on a page whose line breaks were lost.
_PLEDGING_PARTY = re.compile(r"(?:^|(?<=\s))乙\s*方\s*[:：]\s*(?P<name>[^\s:：，,。；;]{2,40})(?=\s|$)")
_FIRST_PARTY = re.compile(r"(?:^|(?<=\s))甲\s*方\s*[:：]")


def _pledging_party(tasks: list[TaskRecord], ctx: Context) -> None:
    """A responsibility pledge names its parties once at the top (甲方：市人民政府 / 乙方：X管委会) and
    lists what 乙方 undertakes: when no task names a unit, X leads every task after that line, with a warning."""
    if not tasks or any(t.lead or t.support for t in tasks):
        return
    if not any(_FIRST_PARTY.search(ln.text) for ln in ctx.lines):
        return  # 乙方 without 甲方: no pledge between two parties
    first = min(_start(t, ctx) for t in tasks)
    for ln in ctx.lines:
        found = _PLEDGING_PARTY.search(ln.text)
        if found is None or _place(ln, ctx) >= first or not looks_like_unit(found["name"]):
            continue
        names = ctx.names(found["name"], ln.no)
        later = [t for t in tasks if _start(t, ctx) > _place(ln, ctx)]
        for t in later:
            t.lead = list(names)
            t.lines.setdefault("lead", ln.no)
            t.inherited = [*t.inherited, "lead"] if "lead" not in t.inherited else t.inherited
        ctx.warn(
            ln.no,
            f"'{found[0].strip()}': the pledging party {'、'.join(names)} read as leading all {len(later)} task(s)",
        )
        return


def _place(ln: Line, ctx: Context) -> tuple[int, int]:
    """Where a line stands: its number, then its place among the pieces of a page on one line."""
    return ln.no, next((k for k, other in enumerate(ctx.lines) if other is ln), 0)


def _start(task: TaskRecord, ctx: Context) -> tuple[int, int]:
    """Where a task starts (see :func:`_place`): on a page broken out of one line, all pieces share its
    number, so the piece that opens with the task's text tells the task's place."""
    opening = task.text[:12]
    piece = next((k for k, ln in enumerate(ctx.lines) if ln.no == task.line and opening in ln.text), 0)
    return task.line, piece


def _check_responsibility(tasks: list[TaskRecord], ctx: Context) -> None:
    """Say when a document names no units at all, or some tasks have no lead unit;
    a name printed twice in one role of one task is kept once, with a warning."""
    for t in tasks:
        for role in ("lead", "support", "leaders"):
            names = getattr(t, role)
            unique = list(dict.fromkeys(names))
            if len(unique) < len(names):
                twice = sorted({n for n in names if names.count(n) > 1})
                ctx.warn(t.line, f"task {t.task} prints {', '.join(twice)} twice as {role}; kept once")
                setattr(t, role, unique)
    with_units = [t for t in tasks if t.lead or t.support]
    if not with_units:
        ctx.warn(None, "the document names no lead or supporting units; its tasks carry no responsibility")
        return
    for t in tasks:
        if not t.lead:
            ctx.warn(t.line, f"task {t.task} has no lead unit")
