"""A table whose rows kept their line breaks but lost what set their cells apart.

A page scraped by the text of its table cells, with nothing between the cells of a row, prints
each row on its own line, its cells run together, under a header run together the same way::

    类别序号重点督办内容牵头单位全年完成情况
    经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增速由年初设定的…

:func:`unglue_rows` finds such a header (a line made of column names only: a 序号, a task column
and a role column, read by :func:`header_role`), and cuts each line after it at its cells: the
columns before the number (类别), the row number (1, 2, 3 … in order), the task up to the
sentence stop a unit's name follows, the names of the unit columns, and whatever the row
goes on with (progress, deadlines) as one cell. It prints the header and the rows as a pipe
table, which the table reader reads with its warnings. Where the rows have several unit
columns the names are not told apart by column; the first goes to the first unit column.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import CN_SECTION, ROLE_FIELDS
from dutygraph.loaders.delimited_header import READ_PAST, header_role
from dutygraph.loaders.glued import COLUMN_TOKEN, NUMBER_TOKENS
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.run_on_names import LIST_SEP, SENTENCE_END, SUFFIX_OPEN, unit_end, unit_ends
from dutygraph.loaders.text import Line

#: The longest column name a run-together header holds, and the longest such header.
_MAX_NAME = 8
_MAX_HEADER = 60
#: A column read past ends with words like these (全年完成情况, 备注, 完成时限).
_READ_PAST_END = re.compile(f"(?:{READ_PAST.pattern})$")
#: Words of a role column, never inside the name of a task column or a column read past.
_ROLE_WORDS = re.compile(r"单位|部门|领导|牵头|配合|协办|主办|责任")
#: The names of role, number and deadline columns, a level or a group before them (县级牵头单位).
_ROLE_NAME = re.compile(
    rf"(?:{'|'.join(NUMBER_TOKENS)})|(?:[省市州盟县区旗乡镇][级直]|[\u4e00-\u9fff]{{1,4}}?(?:小组|组|专班))?(?:{COLUMN_TOKEN})"
)
_GOAL_NAME = 4
#: A unit's name run on after another without a separator when it ends like an office (区财政局区审计局),
#: not like a place (区发展改革委 + 西城区…: the progress text after the cell opens with the district).
_OFFICE_END = re.compile(
    r"(?:局|委|厅|办|室|处|科|所|站|队|院|中心|公司|集团|小组|指挥部|管委会|办事处|人民政府|政府)$"
)
_LEVELS = "省市州盟区县旗镇乡"
_SHORTEST_TEXT = 4
_SHORT_NAME = 6
#: Fewest rows for a run-together table.
_FEWEST_ROWS = 2
_MAX_HEADING = 30

_NOTE = (
    "a table printed with each row's cells run together (no separators): cut at its row numbers, the "
    "task's closing stop and the unit names after it"
)
_FIRST_LEADS = "; the first unit of a row read as its lead, the others as its support"


def unglue_rows(lines: list[Line]) -> tuple[list[Line], list[tuple[int, str]]]:
    """Print every table whose rows run their cells together as a pipe table.

    Returns:
        The lines, and for each table so cut its header's line and a warning.

    Example:
        >>> rows = ["序号工作任务牵头单位完成情况", "1新建公园5个。区城管局已完成", "2新增就业。区人社局完成80%"]
        >>> for ln in unglue_rows([Line(k, t) for k, t in enumerate(rows, 1)])[0]:
        ...     print(ln.text)
        | 序号 | 工作任务 | 牵头单位 | 完成情况 |
        | 1 | 新建公园5个。 | 区城管局 | 已完成 |
        | 2 | 新增就业。 | 区人社局 | 完成80% |
    """
    out: list[Line] = []
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        header = glued_header(lines[i].text.strip())
        at = [header_role(n) for n in header].index("number") if header else 0
        rows: list[Line] = []
        numbered = number = 0
        j = i + 1
        while header is not None and j < len(lines):
            text = lines[j].text.strip()
            if CN_SECTION.match(text) and len(text) <= _MAX_HEADING:  # 二、改善民生: the rows' goal
                rows.append(Line(lines[j].no, _piped([text])))
            elif text:
                # the numbers go on, or start again at 1 under a heading
                restart = number > 0 and rows[-1].text.count("|") == 2
                cells = _row_cells(text, header, number + 1) or (_row_cells(text, header, 1) if restart else None)
                if cells is None:
                    break
                number, numbered = int(cells[at]), numbered + 1
                rows.append(Line(lines[j].no, _piped(cells)))
            j += 1
        if header is None or numbered < _FEWEST_ROWS:
            out.append(lines[i])
            i += 1
            continue
        out += [Line(lines[i].no, _piped(header)), *rows]
        units = [r for r in (header_role(n) for n in header) if r in ROLE_FIELDS and r != "leaders"]
        found.append((lines[i].no, _NOTE + (_FIRST_LEADS if len(units) > 1 else "")))
        i = j
    return out, found


def glued_header(text: str) -> list[str] | None:
    """The column names a line runs together, or None: the whole line read as names (each a column's,
    a role's or one read past), with as many named roles as can be and then as few names, holding a
    序号, a task column and a unit column right after it.

    Example:
        >>> glued_header("类别序号重点督办内容牵头单位全年完成情况")
        ['类别', '序号', '重点督办内容', '牵头单位', '全年完成情况']
        >>> glued_header("经济社会发展主要预期目标") is None
        True
    """
    if not 6 <= len(text) <= _MAX_HEADER or not re.fullmatch(r"[\u4e00-\u9fff]+", text):
        return None
    # best[k]: the reading of text[:k] scored (-named roles, names), and where its last name starts
    best: list[tuple[tuple[int, int], int] | None] = [((0, 0), 0), *([None] * len(text))]
    for end in range(2, len(text) + 1):
        for start in range(max(0, end - _MAX_NAME), end - 1):
            before = best[start]
            named = _column_name(text[start:end])
            if before is None or named is None:
                continue
            (named_before, count), _ = before
            score = (named_before - named, count + 1)
            if best[end] is None or score < best[end][0]:  # type: ignore[index]
                best[end] = (score, start)
    if best[-1] is None:
        return None
    names: list[str] = []
    end = len(text)
    while end:
        start = best[end][1]  # type: ignore[index]
        names.insert(0, text[start:end])
        end = start
    roles = [header_role(n) for n in names]
    if "number" not in roles or "text" not in roles[roles.index("number") :]:
        return None
    t = roles.index("text", roles.index("number"))
    return names if t + 1 < len(roles) and roles[t + 1] in ROLE_FIELDS else None


def _column_name(piece: str) -> int | None:
    """1 for a column's name with a role of its own (序号, 类别, 牵头单位, 完成时限), 0 for a task column's
    (重点督办内容: a name of any words, as few as can be) or one read past (全年完成情况), None for no
    column's name."""
    role = header_role(piece)
    if role in ROLE_FIELDS or role in ("number", "deadline"):
        # a role's name as tables print it (分管领导, 督查组牵头单位), never words before it (工作任务分管领导)
        return 1 if _ROLE_NAME.fullmatch(piece) else None
    if role == "goal":
        return 1 if len(piece) <= _GOAL_NAME else None  # 类别, 领域
    if (role == "text" or (role is None and _READ_PAST_END.search(piece))) and not _ROLE_WORDS.search(piece):
        return 0
    return None


def _row_cells(text: str, header: list[str], number: int) -> list[str] | None:
    """One row's cells under ``header``: the cells before the number, the number, the text, the unit
    cells and the rest; None when the line is no such row."""
    roles = [header_role(n) for n in header]
    at = roles.index("number")
    m = next((m for m in re.finditer(rf"(?<!\d){number}(?!\d)", text) if _opens_text(text, m.end())), None)
    if m is None or (at == 0 and m.start()) or (at and m.start() > 30):
        return None
    before = [text[: m.start()], *[""] * (at - 1)] if at else []
    seg = text[m.end() :]
    after = roles[at + 2 :]
    unit_roles = after[: next((k for k, r in enumerate(after) if r not in ROLE_FIELDS), len(after))]
    # the task ends at a stop a name follows, else (no stop) where a unit named with its level opens
    stops = [m.end() for m in SENTENCE_END.finditer(seg)]
    opens = [p for p in range(_SHORTEST_TEXT, len(seg)) if seg[p] in _LEVELS] if not stops else []
    for p in [*stops, *opens]:
        names, end = _names_at(seg, p, "leaders" in unit_roles)
        if names and (p in stops or _OFFICE_END.search(names[-1])):
            rest = [seg[end:]] if len(after) > len(unit_roles) else []
            return [*before, str(number), seg[:p], *_fill(names, unit_roles), *rest]
    return None


def _opens_text(text: str, at: int) -> bool:
    """Whether a row's text opens at ``at`` (a character of words, not a quantity's measure: 12个)."""
    return (
        at < len(text) and ("\u4e00" <= text[at] <= "\u9fff" or text[at] in "“《") and text[at] not in "个年月日万亿项"
    )


def _names_at(seg: str, q: int, leaders: bool) -> tuple[list[str], int]:
    """The leaders' and units' names run together from ``q`` and where they stop: a unit after another
    must be listed after a separator or end like an office (the row's progress text after them may open
    with a place's name)."""
    names: list[str] = []
    if leaders:
        size = next((s for s in (3, 2) if is_person(seg[q : q + s]) and _name_end(seg, q + s)), 0)
        names += [seg[q : q + size]] if size else []
        q += size
    listed = False
    while q < len(seg):
        if seg[q] in LIST_SEP and names and _name_end(seg, q + 1) is not None:
            listed, q = True, q + 1
            continue
        end = _name_end(seg, q)
        if end is None:
            break
        name = seg[q:end]
        units = [n for n in names if not is_person(n)]
        if units and not listed and not _runs_on(units[0], name):
            break
        names.append(name)
        listed, q = False, end
    return (names, q) if any(not is_person(n) for n in names) else ([], q)


def _runs_on(first: str, name: str) -> bool:
    """Whether ``name``, run on after the unit ``first`` with no separator, is the next unit of the cell: it
    ends like an office and opens with the level ``first`` opens with (区财政局区审计局), or both are short
    names without one (发改局财政局); else it is the text after the cell (根据市人力社保局…, 西城区地区…)."""
    if not _OFFICE_END.search(name):
        return False
    if first[0] in _LEVELS:
        return name[0] == first[0]
    return name[0] not in _LEVELS and len(name) <= _SHORT_NAME


def _name_end(seg: str, q: int) -> int | None:
    """The end of the unit's name at ``q``: the shortest that ends like an office and is not followed by
    an office's suffix (区人力社保局 | 根据…, not 区人力社 | 保局…), else as the run-together reader ends it."""
    ends = unit_ends(seg, q)
    office = [e for e in ends if _OFFICE_END.search(seg[q:e]) and (e == len(seg) or seg[e] not in SUFFIX_OPEN)]
    return office[0] if office else unit_end(seg, q)


def _fill(names: list[str], roles: list[str | None]) -> list[str]:
    """The unit columns' cells: the leaders' names under a leaders column, the first unit under the first
    unit column and the others under the next (all under it when it is the only one)."""
    persons = [n for n in names if is_person(n)]
    units = [n for n in names if not is_person(n)]
    unit_columns = [k for k, r in enumerate(roles) if r != "leaders"]
    cells = ["、".join(persons) if r == "leaders" else "" for r in roles]
    if unit_columns:
        first = unit_columns[0]
        cells[first] = "、".join(units[:1] if len(unit_columns) > 1 else units)
        if len(unit_columns) > 1:
            cells[unit_columns[1]] = "、".join(units[1:])
    return cells


def _piped(cells: list[str]) -> str:
    return "| " + " | ".join(c.strip() for c in cells) + " |"
