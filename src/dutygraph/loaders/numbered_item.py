"""One numbered item and the task record read from it: the cues in its text, its labelled lines, its section's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dutygraph.loaders.base import DITTO, LABEL, ROLE_FIELDS, Context, assign_responsible, label_field
from dutygraph.loaders.cues import (
    Roles,
    closing_group,
    closing_label,
    has_cue,
    inner_label,
    names_a_role,
    read_cues,
)
from dutygraph.loaders.cut_brackets import open_group, opening_group
from dutygraph.loaders.names import is_unit_list, looks_like_unit, split_top_level
from dutygraph.loaders.numbering import numbering
from dutygraph.loaders.persons import leader_clause, name_before_post
from dutygraph.loaders.records import TaskRecord
from dutygraph.loaders.role_verbs import by_clause, trailing_verb_cue, unit_clause, unit_prefix
from dutygraph.loaders.text import OPENERS, OPENING_PUNCT, Line, final_bracket
from dutygraph.loaders.unit_cell import spaced_cell


@dataclass
class Item:
    """A numbered task item: its number, text parts, place, section cues and labelled lines."""

    number: str
    line: int
    parts: list[str]
    goal: str | None
    goal_no: str | None
    area: str | None
    context: Roles
    labelled: list[tuple[int, str]] = field(default_factory=list)


def bare_group(text: str) -> tuple[str, str] | None:
    """Split an item ending in a bracket that holds only unit names: (body, inside), or None.

    Some documents print the 责任单位 of every item so, with no role word
    (…增长7%以上。(市发展改革委,各县〔市、区〕政府)); the caller reads such brackets
    only when most items of the document end in one.
    """
    group = final_bracket(text)
    if not group or not group[0]:
        return None
    return group if is_unit_list(split_top_level(group[1], "、，,；;")) else None


def inner_bare_groups(text: str) -> list[str]:
    """The insides of the top-level brackets within ``text`` that hold only unit names, after a sentence
    (启动建设57个扶贫新村(市扶贫开发办、市以工代赈办)。升钟库区……); a bracket explaining a term
    (（含街角游园）, （低保户家庭有重症患者、…）) is none."""
    groups: list[str] = []
    for start, end in top_brackets(text):
        parts = split_top_level(text[start + 1 : end - 1], "、，,；;")
        explains = bool(parts) and parts[0].startswith(("含", "包括", "包含", "不含", "其中", "如", "即"))
        if not explains and is_unit_list(parts) and text[end : end + 1] in "。；;":
            groups.append(text[start + 1 : end - 1])
    return groups


def top_brackets(text: str) -> list[tuple[int, int]]:
    """Where the top-level brackets of ``text`` are: (start, end) each, the closing bracket inside."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch in OPENERS.values():
            depth, start = depth + 1, i if depth == 0 else start
        elif ch in OPENERS and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def opening_cues(text: str) -> tuple[str, str] | None:
    """Split the cue clauses a paragraph opens with from its work: (cues, rest), or None.

    ``由吴继德副市长负责，市环保局牵头，相关部门配合，细化分工、落实责任……``: the clauses
    before the work say who does it; at least one must name units by a role verb.

    >>> opening_cues("由王强副市长负责，市环保局牵头，相关部门配合，细化分工、落实责任。")
    ('由王强副市长负责，市环保局牵头，相关部门配合', '细化分工、落实责任。')
    >>> opening_cues("加快项目建设，市环保局牵头") is None
    True
    >>> opening_cues("由县教育局负责的中考信息化提升项目投资475万元")  # the cue modifies the work
    ('由县教育局负责', '中考信息化提升项目投资475万元')
    """
    if (by := _BY_MODIFIER.match(text.strip())) and unit_clause(by.group(1)):
        return by.group(1), text.strip()[by.end() :]
    clauses = re.split(r"(?<=[，,；;])", text.strip())
    taken = units = 0
    for clause in clauses:
        seg = clause.rstrip("，,；;")
        if leader_clause(seg) is None and not unit_clause(seg):
            break
        taken += 1
        units += leader_clause(seg) is None
    rest = "".join(clauses[taken:]).strip()
    if not units or not rest:
        return None
    return "".join(clauses[:taken]).rstrip("，,；;"), rest


#: 由X负责的 before the work it names (由县教育局负责的中考信息化提升项目).
_BY_MODIFIER = re.compile(r"^(由[^，,。；;的]{2,40}?(?:负责|牵头|实施))的(?=[\u4e00-\u9fff“])")
#: Where a paragraph's next clause may open: after a sentence's end, or at 由X牵头 after a comma.
_CLAUSE_START = re.compile(r"(?<=[。；;])|(?<=[，,])(?=由[^，,。；;]{2,40}?(?:牵头|负责)(?:[，,]|的))")


def cue_clauses(text: str) -> list[str] | None:
    """A paragraph of clauses that each open with their cues (由X牵头，Y配合，在9月底前完成…；由Z牵头，…),
    cut into its clauses; None when fewer than two open so.

    >>> cue_clauses("会议要求，由县发改局牵头，县财政局配合，完成供地；由丹凤街道牵头，完成处置。")
    ['会议要求，', '由县发改局牵头，县财政局配合，完成供地；', '由丹凤街道牵头，完成处置。']
    """
    pieces = [p for p in _CLAUSE_START.split(text.strip()) if p.strip()]
    return pieces if sum(1 for p in pieces if opening_cues(p)) >= 2 else None


def paragraphs_apart(lines: list[Line]) -> list[Line]:
    """Unnumbered paragraphs cut where their tasks' cues are: before a closing labelled sentence
    (…通车。责任单位：市城建委。), and into clauses that each open with their cues (see :func:`cue_clauses`)."""
    out: list[Line] = []
    for ln in lines:
        t = ln.text.strip()
        if LABEL.match(t) or numbering(t):
            out.append(ln)
        elif (clauses := cue_clauses(t)) is not None:
            out += [Line(ln.no, c) for c in clauses]
        elif closing_group(t) is not None:
            out.append(ln)  # …。（牵头单位：X；配合单位：Y）: the bracket closes the paragraph, its labels inside
        elif (at := closing_label(t)) is not None:
            out += [Line(ln.no, t[:at]), Line(ln.no, t[at:])]
        elif (span := inner_label(t)) is not None:  # …的4件实事，主要责任单位：X、Y，其中…: the rest is no task
            out += [Line(ln.no, t[: span[0]]), Line(ln.no, t[span[0] : span[1]]), Line(ln.no, t[span[1] :])]
        else:
            out.append(ln)
    return out


def continue_label(item: Item, no: int, text: str) -> bool:
    """Join a line that goes on with the labelled line just before it (园区党工 / 委、各街道党工委; 责任领导：A 书记 /
    B 副市长)."""
    prev = item.labelled[-1][1] if item.labelled and item.labelled[-1][0] == no - 1 else ""
    if not (label := LABEL.search(prev)) or LABEL.search(text) or numbering(text) or "。" in text or len(text) > 40:
        return False
    if label_field(label.group(1)) == "leaders" and name_before_post(split_top_level(text, "、，,")[0]):
        item.labelled[-1] = (no - 1, f"{prev}、{text}")  # a second leader and post on a line of their own
        return True
    parts = split_top_level(text, "、，,")
    if len(parts) < 2 or not all(looks_like_unit(p) for p in parts[1:]) or not looks_like_unit(prev[-2:] + parts[0]):
        return False
    item.labelled[-1] = (no - 1, prev + text)
    return True


def is_closed(item: Item, bare: bool = False) -> bool:
    """An item is closed once its unit parenthesis or labelled lines were printed; ``bare``: in a document
    whose items end in brackets of bare unit names (see :func:`bare_units`), by one of those too."""
    last = item.parts[-1]
    return bool(
        item.labelled
        or closing_group(last)
        or trailing_verb_cue(last)
        or by_clause(last)
        or _ends_labelled(last)
        or (bare and bare_group(last))
    )


def bare_units(tasks: list[str], items: list[Item]) -> bool:
    """Whether the items' brackets of bare unit names (no role word) list their 责任单位: most items print one,
    on their first line or on the next ((X、Y) alone on the line after the item)."""
    for texts in (tasks, ["".join(it.parts) for it in items]):
        bare = sum(1 for t in texts if (bare_group(t) or spaced_cell(t)) and not has_cue(t))
        if bare >= 2 and bare >= 0.5 * len(texts):
            return True
    return False


def _ends_labelled(text: str) -> bool:
    """A line that ends in a unit label and its value (投资：14万元 实施单位：某某局): the item's roles; not
    when the label stands in a bracket the line leaves open (（牵头单位：区市场监管局 / ）（配合单位：…）: the
    line goes on)."""
    labels = list(LABEL.finditer(text))
    return (
        bool(labels)
        and label_field(labels[-1].group(1)) in ("lead", "support", "responsible")
        and looks_like_unit(text[labels[-1].end() :].strip())
        and not open_group(text)
    )


#: A title on its own line over the work it names (城镇老旧小区改造 / 完成老旧小区改造40个，惠及…。).
_TITLE = re.compile(r"^[^，,。；;：:！!？?、]{4,25}$")
_FIELD_START = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")


def is_title(part: str) -> bool:
    """A short line without a sentence's marks: the title of the work under it."""
    return bool(_TITLE.match(part.strip()))


def joined(parts: list[str]) -> str:
    """An item's lines as one text: a short title over a sentence takes a colon, over a field of its own a
    semicolon; other lines run on, as lines broken inside a sentence do.

    Example:
        >>> joined(["城镇老旧小区改造", "完成改造40个，惠及1.2万户。"]), joined(["新建公园", "建设内容：新建10个。"])
        ('城镇老旧小区改造：完成改造40个，惠及1.2万户。', '新建公园；建设内容：新建10个。')
    """
    if len(parts) > 1 and is_title(parts[0]) and re.search(r"[，,。；;]", parts[1]):
        joint = "；" if _FIELD_START.match(parts[1].strip()) else "："
        return (parts[0].strip() + joint + "".join(parts[1:])).strip()
    return "".join(parts).strip()


def record(it: Item, ctx: Context, first_leads: bool, bare_units: bool = False) -> TaskRecord:
    """One task from an item; ``bare_units``: a bracket of unit names alone lists its 责任单位."""
    text = joined(it.parts)
    opening = opening_group(text)  # 【牵头单位：X】推进…: the roles printed before the text
    own = replace(it, parts=[opening[1]]) if opening else it
    text, roles = _own_cues(opening[1] if opening else text, own, ctx, bare_units)
    if opening:
        roles.extend(read_cues(opening[0], it.line, ctx))
    if not (roles.lead or roles.responsible) and it.parts and (prefix := unit_prefix(it.parts[0])):
        roles.lead = ctx.names(prefix, it.line)  # 区发改局：牵头推进…: the unit its work opens with leads it
    lines = {k: it.line for k in ("lead", "support", "leaders") if getattr(roles, k)}
    responsible_line = it.line
    for no, labelled in it.labelled:
        more = read_cues(labelled, no, ctx)
        for k in ("lead", "support", "leaders"):
            if getattr(more, k) and k not in lines:
                lines[k] = no
        if more.responsible and not roles.responsible:
            responsible_line = no
        roles.extend(more)
    fields = {"lead": roles.lead, "support": roles.support, "leaders": roles.leaders}
    inherited: list[str] = []
    _fill_from_context(fields, roles, it.context, inherited)
    assign_responsible(fields, roles.responsible, first_leads)
    both = [n for n in fields["support"] if n in fields["lead"] and n != DITTO]  # 同上 twice: each its role's
    if both:  # 责任单位：X、Y，X牵头: the unit the cue names as lead is not also its support
        ctx.warn(it.line, f"task {it.number} names {', '.join(both)} as lead and as support; read as the lead")
        fields["support"] = [n for n in fields["support"] if n not in both]
    if roles.responsible and "lead" not in lines and fields["lead"]:
        lines["lead"] = responsible_line
    if roles.responsible and "support" not in lines and fields["support"] and "support" not in inherited:
        lines["support"] = responsible_line
    number = it.number if it.number.startswith(("(", "（")) else it.number.rstrip(".．、﹒。)）:：")
    return TaskRecord(
        goal=it.goal,
        area=it.area,
        task=number,
        text=text,
        lead=fields["lead"],
        support=fields["support"],
        leaders=fields["leaders"],
        inherited=inherited,
        line=it.line,
        lines=lines,
        goal_no=it.goal_no,
        deadline=roles.deadline,
    )


#: The verb phrase or conjunction a cut bracket stops inside (X、Y按职责分工 / X及 / X负责落): no part of the last name.
_CUT_VERB = re.compile(
    r"(?:等)?(?:按照?|根据)(?:各自)?职责(?:分工)?$|(?<=\S{2})[及和与]$|(?<=\S{2})(?:负责|配合)[落实推办组]$"
)


def _own_cues(text: str, it: Item, ctx: Context, bare_units: bool) -> tuple[str, Roles]:
    """The item's text without the cues printed in it, and those cues.

    Tried in order: a closing bracket of roles, 由X负责, a trailing verb (X牵头), a
    bracket cut off by the end of the text, a bare bracket of units, an inline label.
    """
    roles = Roles()
    group = closing_group(text)
    by = by_clause(text) if not group else None
    verb = trailing_verb_cue(text) if not group and not by else None
    cut = open_group(text) if not group and not by and not verb and not LABEL.search(text) else None
    bare = (bare_group(text) or spaced_cell(text)) if bare_units and not (group or by or verb or cut) else None
    inner = inner_bare_groups(bare[0] if bare else text) if bare_units and not (group or by or verb or cut) else []
    if bare or inner:
        # brackets of unit names alone (责任单位), after single sentences of the item too: every one, in order
        roles.responsible = [n for names in inner for n in ctx.names(names, it.line)]
        if bare:
            text = bare[0]
            roles.responsible += ctx.names(bare[1], it.line)
    elif cut:
        text, printed = cut[0], _CUT_VERB.sub("", cut[1])
        # A cut bracket that prints no role word lost the verb its list ends with (…等按职责分工负责):
        # the names printed are its 责任单位, as in a document whose brackets list bare names.
        roles = read_cues(printed, it.line, ctx) if names_a_role(printed) else Roles()
        if not roles:
            roles.responsible = ctx.names(printed, it.line)
        else:
            _cut_tail(printed, roles, it.line, ctx)
        ctx.warn(
            it.line,
            f"task {it.number}: the text stops inside its unit bracket; read the units printed before the cut",
        )
    elif group:
        text = group[0]
        roles = read_cues(group[1], it.line, ctx)
        inline = _role_label(text)
        if inline:  # 牵头单位：县文旅局（配合单位：…）: the labels before the bracket are the item's too
            text, labelled = text[: inline.start()].rstrip(OPENING_PUNCT), text[inline.start() :]
            roles.extend(read_cues(labelled, it.line, ctx))
    elif verb:
        text = verb[0]
        roles = read_cues(verb[1], it.line, ctx)
    elif by:
        text = by[0]
        roles = read_cues(by[1] + by[2], it.line, ctx)
    elif opening := _opening(it):
        text, cues = opening
        roles = read_cues(cues, it.line, ctx)
    else:
        inline = LABEL.search(text)
        if inline and inline.start() > 0:
            text, units = text[: inline.start()].rstrip(OPENING_PUNCT), text[inline.start() :]
            roles = read_cues(units, it.line, ctx)
    return text, roles


def _role_label(text: str) -> re.Match[str] | None:
    """The first role label of a text, outside any bracket, with names after it (牵头单位：县文旅局), or None."""
    for m in LABEL.finditer(text):
        if label_field(m.group(1)) in ROLE_FIELDS and not open_group(text[: m.start()]):
            return m if text[m.end() :].strip() else None
    return None


def _opening(it: Item) -> tuple[str, str] | None:
    """The item's text without the cue clauses its body opens with, and those clauses
    (1、污水处理厂项目 / 由X副市长负责，Y牵头，Z配合，尽快……): (text, cues), or None."""
    for k, part in enumerate(it.parts):
        split = opening_cues(part)
        if split and not k and not _BY_MODIFIER.match(part.strip()):
            return "".join(it.parts).strip(), split[0]  # no title before: the text is as printed, its cues too
        if split:
            head = "".join(it.parts[:k]).strip()
            joint = "" if not head or re.search(r"[。；;：:！!？?]$", head) else "："  # title：work
            return f"{head}{joint}{split[1]}{''.join(it.parts[k + 1 :])}".strip(), split[0]
    return None


def _cut_tail(inside: str, roles: Roles, line: int, ctx: Context) -> None:
    """The units after a cut bracket's last verb (…省发展改革委牵头，省工业和信息化厅、省): their own verb was
    cut off; after a lead they support (the 配合 that closes such lists), else they are 责任单位. The last
    name, cut, is kept as printed."""
    tail = split_top_level(inside, "，,；;")[-1]
    if names_a_role(tail):
        return
    placed = roles.lead + roles.support + roles.responsible
    names = [n for n in ctx.names(tail, line) if n not in placed]
    (roles.support if roles.lead else roles.responsible).extend(names)


def _fill_from_context(fields: dict[str, list[str]], roles: Roles, context: Roles, inherited: list[str]) -> None:
    """Give a task what its section heading says, for the roles the task does not print."""
    if not context:
        return
    if context.leaders and not fields["leaders"]:
        fields["leaders"] = list(context.leaders)
        inherited.append("leaders")
    own_lead = bool(fields["lead"] or roles.responsible)
    if context.lead and not fields["lead"]:
        fields["lead"] = list(context.lead)
        inherited.append("lead")
        if roles.responsible:
            fields["support"] += roles.responsible
            roles.responsible = []
    elif context.responsible and not own_lead:
        roles.responsible = list(context.responsible)
        inherited.append("lead")
    if context.support and not fields["support"]:
        fields["support"] = list(context.support)
        inherited.append("support")
