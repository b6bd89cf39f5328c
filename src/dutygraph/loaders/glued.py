"""Tables run together: every cell of a table printed on one line, with no separator or
with only spaces or pipes between the cells.

Document-sharing sites preview a Word table as the text of its cells run together,
the row numbers glued to the text, page by page (``1、`` ``2、`` … open the pages)::

    1、…责任分解表序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给……4580个。何海平教育局经开区高新园(邹区镇
    2、)各街道2促进就业稳定增长……

:func:`unglue` finds such a header (序号 and at least two more column names, one of
them a role, run together), joins the pages, cuts the text after the header into
rows at the row numbers (1, 2, 3 … each glued between a unit's name and the next
task) and each row into its task text, leaders (personal names) and units (names
ending like an office), and prints them one cell per line for the flat-table layout.

PDF text run together the same way may print the names of a cell set apart by 、 and commas,
page numbers (—2—) and section headings (二、产业优化升级) between the rows::

    序号主要工作任务第一责任单位主要责任单位一、主要发展指标1地区生产总值年均增长12%左右。市发展改革委各县(市、区)政府、…

There two cells meet where two names run together before the first 、, and a text with no
closing stop ends where a short name with a level prefix opens a list of units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dutygraph.loaders.base import ROLE_FIELDS, label_field
from dutygraph.loaders.delimited_header import HEADER_TOKENS, ranked_roles
from dutygraph.loaders.one_line_table import SEPARATED_NOTE, separated_cells
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.run_on_names import LIST_SEP, SENTENCE_END, unit_end
from dutygraph.loaders.text import Line

#: The names of a 序号 column, which opens a header run together.
NUMBER_TOKENS = ("序号", "编号", "序次")
#: A leader column under any of its names (县政府分管领导, 包保县领导, 市级领导, 责任人).
_LEADER_TOKEN = r"(?:[省市州区县]政府)?(?:分管|责任|牵头|联系|包保|包抓)?(?:[省市州区县]级?)?领导|责任人"
#: A column's name in a header run together (工作任务, 牵头单位, 分管领导), as alternatives of a regular expression.
COLUMN_TOKEN = "|".join([*sorted(HEADER_TOKENS - set(NUMBER_TOKENS), key=len, reverse=True), _LEADER_TOKEN])
_HEADER = re.compile(f"(?:{'|'.join(NUMBER_TOKENS)})(?:{COLUMN_TOKEN}){{2,}}")
#: A document site's page marker at the start of a line.
_PAGE = re.compile(r"^\s*(\d{1,2})、")
#: Where a row number may follow: the end of a unit's name, a bracket or a sentence.
_CELL_END = set("局办委部处科室院所站队会园区镇乡道村团司心位块门联协社厅行馆台校组署关府)）。；;")
#: Characters after a number that make it a quantity, not a row number (12个, 3年).
_MEASURE = set("个年月日号万亿千百十名人家所项条户次元件座公米台辆套处只张场届期批栋间吨度倍岁支周份位")
#: A 完成期限 cell closing a row, before the next row's number (…负责全年2统筹…).
_DEADLINE_END = re.compile(
    r"(?:全年|年底前?|年内|年末|长期(?:坚持)?|持续推进|\d{1,2}月(?:底|末)?前?|[一二三四1-4]季度(?:末)?|[上下]半年)$"
)


@dataclass
class _Group:
    """A leader's name (or none) and the units after it, ending at ``end``."""

    persons: list[str]
    units: list[str]
    end: int
    listed: list[int]


def _header_at(text: str) -> re.Match[str] | None:
    """The run-together header in ``text``, when it names a role column."""
    for m in _HEADER.finditer(text):
        tokens = re.findall(COLUMN_TOKEN, m.group(0))
        if any(label_field(t) in ROLE_FIELDS for t in tokens):
            return m
    return None


_GLUED = (
    "a table printed with its cells run together (no separators): cut into cells at its row numbers, "
    "leaders' names and unit names; the first unit after a leader (or the names run together before a "
    "listed cell) read as the lead"
)


def unglue(lines: list[Line]) -> tuple[list[Line], list[tuple[int, str]]]:
    """Print every run-together table one cell per line.

    Returns:
        The lines, and for each table so cut its line and a warning.

    Example:
        >>> text = "1、序号工作任务分管领导牵头单位配合单位1新建公园5个。王强城管局各街道2新增就业。李明人社局各街道"
        >>> [ln.text for ln in unglue([Line(1, text)])[0]][5:10]
        ['1', '新建公园5个。', '王强', '城管局', '各街道']
    """
    out: list[Line] = []
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        separated = separated_cells(ln.text)
        if separated is not None:
            out += [Line(ln.no, cell) for cell in separated]
            found.append((ln.no, SEPARATED_NOTE))
            i += 1
            continue
        m = _header_at(ln.text)
        if m is None:
            out.append(ln)
            i += 1
            continue
        body, owners, after = _unmarked(*_pages(lines, i, m.end()))
        cells = _table_cells(body, m.group(0))
        if cells is None:
            out.append(ln)
            i += 1
            continue
        title = _PAGE.sub("", ln.text[: m.start()]).strip()
        out += [Line(ln.no, title)] if title else []
        out += [Line(ln.no, t) for t in re.findall("|".join([*NUMBER_TOKENS, COLUMN_TOKEN]), m.group(0))]
        out += [Line(owners[at], text) for at, text in cells]
        found.append((ln.no, _GLUED))
        i = after
    return out, found


def _pages(lines: list[Line], i: int, start: int) -> tuple[str, list[int], int]:
    """The table's text from ``start`` on line ``i`` and the pages after it (each opened by
    the next page marker); the source line of each character; the index after the last page."""
    body = lines[i].text[start:]
    owners = [lines[i].no] * len(body)
    page = _PAGE.match(lines[i].text)
    j = i + 1
    while page and j < len(lines):
        if not lines[j].text.strip():
            j += 1
            continue
        nxt = _PAGE.match(lines[j].text)
        if not nxt or int(nxt.group(1)) != int(page.group(1)) + 1:
            break
        piece = lines[j].text[nxt.end() :].strip()
        body += piece
        owners += [lines[j].no] * len(piece)
        page, j = nxt, j + 1
    return body, owners, j


#: A page number printed inside the text (—2—, - 3 -).
_PAGE_MARK = re.compile(r"[—－-]\s*\d{1,3}\s*[—－-]")


def _unmarked(body: str, owners: list[int], after: int) -> tuple[str, list[int], int]:
    """The table's text without the page numbers printed inside it (嘉兴港区—2—二、产业…)."""
    keep = [True] * len(body)
    for m in _PAGE_MARK.finditer(body):
        keep[m.start() : m.end()] = [False] * (m.end() - m.start())
    kept = [k for k, keep_it in enumerate(keep) if keep_it]
    return "".join(body[k] for k in kept), [owners[k] for k in kept], after


#: A section heading glued before a row's number (…嘉兴港区二、产业优化升级10积极推进…).
_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff“”]{2,20}?(?=\d)")


def _headings(body: str) -> dict[int, tuple[int, str]]:
    """Section headings that open the body or follow a cell's end, by where they end: (start, heading)."""
    found: dict[int, tuple[int, str]] = {}
    for m in _HEADING.finditer(body):
        if m.start() == 0 or body[m.start() - 1] in _CELL_END:
            found[m.end()] = (m.start(), m.group(0))
    return found


def _table_cells(body: str, header: str) -> list[tuple[int, str]] | None:
    """The cells of the rows in ``body``, each with its offset; None when fewer than two rows are found."""
    tokens = re.findall(COLUMN_TOKEN, header)
    roles = set(ranked_roles(tokens, [label_field(t) for t in tokens]))
    leaders = "leaders" in roles
    two_columns = bool(roles & {"lead"}) and bool(roles & {"support", "responsible"})
    deadline_last = label_field(tokens[-1]) == "deadline"
    body = body.replace(header, "")  # the header repeated at the top of a page
    headings = _headings(body)
    starts = _row_starts(body, headings)
    if len(starts) < 2:
        return None
    cells: list[tuple[int, str]] = []
    for (at, number), (end, _) in zip(starts, [*starts[1:], (len(body), "")], strict=True):
        if at in headings:
            cells.append(headings[at])
        cells.append((at, number))
        offset = at + len(number)
        end = headings[end][0] if end in headings else end
        row, tail = _row_tail(body[offset:end], deadline_last)
        for rel, text in _row_cells(row, leaders, two_columns):
            cells.append((offset + rel, text))
        if tail:
            cells.append((offset + len(row), tail))
    return cells


#: 等按职责分工负责 closing a unit cell: the verb of the units before it, no name.
_UNITS_VERB = re.compile(r"等?(?:按照?(?:各自)?职责(?:分工)?)?(?:负责|落实|牵头)$")


def _row_tail(row: str, deadline_last: bool) -> tuple[str, str]:
    """A row without its 完成期限 cell (…区委组织部等按职责分工负责全年), when the table ends in one, and
    without the verb closing its units; and the deadline."""
    m = _DEADLINE_END.search(row) if deadline_last else None
    body, deadline = (row[: m.start()], m.group(0)) if m else (row, "")
    verb = _UNITS_VERB.search(body)
    return (body[: verb.start()] if verb and verb.start() else body), deadline


def _row_starts(body: str, headings: dict[int, tuple[int, str]]) -> list[tuple[int, str]]:
    """Where each row's number (1, 2, 3 …) begins: glued after the end of a name or a sentence,
    or after a section heading."""
    first = next((end for end, (start, _) in headings.items() if start == 0), 0)
    if not re.match(r"1(?!\d)", body[first:]):
        return []
    starts = [(first, "1")]
    while True:
        number = str(len(starts) + 1)
        pos = starts[-1][0] + len(starts[-1][1]) + 4
        for m in re.finditer(rf"(?<!\d){number}(?!\d)", body[pos:]):
            at = pos + m.start()
            after = body[at + len(number) : at + len(number) + 1]
            ends = body[at - 1] in _CELL_END or at in headings or bool(_DEADLINE_END.search(body[max(0, at - 8) : at]))
            if ends and after and _is_text_start(after):
                starts.append((at, number))
                break
        else:
            return starts


def _is_text_start(ch: str) -> bool:
    return ch == "“" or ("\u4e00" <= ch <= "\u9fff" and ch not in _MEASURE)


def _row_cells(seg: str, leaders: bool, two_columns: bool) -> list[tuple[int, str]]:
    """One row's cells: its text, then each sub-row's leaders and units (and the sub-row's text)."""
    cells: list[tuple[int, str]] = []
    text_from = 0
    stops = [m.end() for m in SENTENCE_END.finditer(seg) if m.end() < len(seg)]
    for p in stops:
        if p <= text_from:
            continue
        group = _roles_at(seg, p, leaders)
        if group is None or (leaders and not group.persons) or (not leaders and not _opens_sub_row(group)):
            continue
        cells.append((text_from, seg[text_from:p]))
        cells += _group_cells(group, p, two_columns)
        text_from = group.end
    last = _last_group(seg, text_from, leaders)
    if last is not None:
        p, group = last
        cells.append((text_from, seg[text_from:p]))
        cells += _group_cells(group, p, two_columns)
    elif text_from < len(seg):
        cells.append((text_from, seg[text_from:]))
    return [(at, text) for at, text in cells if text.strip()]


def _opens_sub_row(group: _Group) -> bool:
    """Units after a sentence inside a row with no leader to anchor them (…2次;基层党组织每月… is text): two or
    more, or one named with its level (区委组织部)."""
    return len(group.units) >= 2 or group.units[0][:1] in "省市州盟区县旗镇乡各"


def _last_group(seg: str, text_from: int, leaders: bool) -> tuple[int, _Group] | None:
    """The leaders and units that end the row: from a sentence's end, else from a leader's name."""
    ends = [m.end() for m in SENTENCE_END.finditer(seg, text_from)]
    for p in [*ends, *range(text_from + 4, len(seg) - 2)]:
        group = _roles_at(seg, p, leaders)
        if group and group.end == len(seg) and (group.persons or p in ends or _opens_units(seg, p, group)):
            return p, group
    return None


def _opens_units(seg: str, p: int, group: _Group) -> bool:
    """Whether a text with no closing stop ends at ``p`` (…先进生产技术 | 市科技局市发展改革委、…):
    a short name with a level prefix opens a list of two or more units."""
    return not group.persons and len(group.units) >= 2 and seg[p] in "省市州区县各" and len(group.units[0]) <= 10


def _group_cells(group: _Group, at: int, two_columns: bool) -> list[tuple[int, str]]:
    cells = [(at, "、".join(group.persons))] if group.persons else []
    if two_columns:  # the first unit after the leader is the lead cell, the others the support cell
        cut = _lead_cut(group)
        return [*cells, (at, "、".join(group.units[:cut])), (at, "、".join(group.units[cut:]))]
    return [*cells, (at, "、".join(group.units))]


def _lead_cut(group: _Group) -> int:
    """How many of a group's units are the lead cell's. Where names are set apart by 、, two cells
    met where two names run together: the last such meeting before the first 、 (市发展改革委市经贸委 |
    市规划建设局、市统计局: a lead cell of two names, one per line, and a listed support cell), else the
    first meeting after it (市发改委、市财政局市统计局、…: a listed lead cell); with no meeting, the first unit."""
    if not group.listed:
        return 1
    glued = [k for k in range(1, len(group.units)) if k not in group.listed]
    before = [k for k in glued if k < group.listed[0]]
    return before[-1] if before else (glued[0] if glued else 1)  # 市发改委、市财政局 | 市统计局、…


def _roles_at(seg: str, p: int, leaders: bool) -> _Group | None:
    """The leader (2 or 3 characters, when the table has a leader column) and units from ``p``:
    the reading with the most units, then the longer name."""
    readings: list[tuple[int, int, _Group]] = []
    for size in (3, 2, 0) if leaders else (0,):
        if size and not is_person(seg[p : p + size]):
            continue
        units, listed, end = _units_at(seg, p + size)
        if units:
            readings.append((len(units), size, _Group([seg[p : p + size]] if size else [], units, end, listed)))
    return max(readings, key=lambda r: r[:2])[2] if readings else None


def _units_at(seg: str, q: int) -> tuple[list[str], list[int], int]:
    """Unit names run together from ``q``, shortest first (教育局经开区 is two), or set apart by 、
    and commas; the indices of the names a separator opens; and where they stop."""
    units: list[str] = []
    listed: list[int] = []
    while q < len(seg):
        if seg[q] in LIST_SEP and units and unit_end(seg, q + 1) is not None:
            listed.append(len(units))  # 市发展改革委、市经贸委: the names of a cell set apart
            q += 1
            continue
        if seg[q] in "(（" and units:
            close = _closing(seg, q)
            if close is None:
                break
            units[-1] += seg[q : close + 1]  # 高新园 + (邹区镇)
            q = close + 1
            continue
        end = unit_end(seg, q)
        if end is None:
            break
        units.append(seg[q:end])
        q = end
    while units and q < len(seg) and not _is_text_start(seg[q]) and seg[q] not in "(（":
        q -= len(units.pop()) + (len(units) in listed)  # 新建口袋公园5个: a name and a quantity open a text
        listed = [k for k in listed if k < len(units)]
    return units, listed, q


def _closing(seg: str, q: int) -> int | None:
    close = {"(": ")", "（": "）"}[seg[q]]
    at = seg.find(close, q)
    return at if 0 < at - q <= 12 else None
