"""Responsibility cues: the ways a document says who leads, supports or oversees a task.

The genre puts them in many places, and every layout reads them through here:

- labelled fields: ``牵头单位：X；责任单位：Y、Z``, ``（责任领导：A；牵头单位：X）``,
  ``[牵头单位:X;责任单位:Y]``, ``【牵头单位：X】``;
- verbs after the units: ``(X主办，Y协办)``, ``（X牵头，Y、Z配合）``,
  ``（X牵头，Y等按职责分工负责）``, ``由X负责``;
- a section heading that names the leader or lead unit for every task under it:
  ``一、张三县长牵头重点工作``, ``（牵头领导：A、B）``, ``X局牵头：`` (read in
  :mod:`dutygraph.loaders.headings`);
- a convention stated once: ``区商务局（排名第一的为牵头单位，下同）`` or ``责任单位排在第一位的为牵头单位``
  (the first unit listed under 责任单位 leads).

:func:`read_cues` turns such a text into :class:`Roles`; the caller decides which task they belong to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dutygraph.loaders.base import (
    CATEGORY_TAIL,
    DEADLINE,
    DITTO,
    FIRST_LISTED_LEADS,
    LABEL,
    LABEL_WORDS,
    LABELLED_CONVENTION,
    OTHER_FIELD,
    ROLE_FIELDS,
    STANDING_NOTE,
    Context,
    is_ditto,
    label_field,
)
from dutygraph.loaders.names import keep_units, looks_like_unit, parse_names, split_top_level
from dutygraph.loaders.persons import OFFICE_POST, is_person, leader_clause, names_someone, parse_persons
from dutygraph.loaders.role_verbs import (
    BY,
    EACH_LEADS,
    JOINT,
    LEAD_END,
    RESPONSIBLE_END,
    SUPPORT_END,
    after_verbs,
    clauses,
    clean_segment,
    is_verb_clause,
    is_verb_cue,
    shared_verb,
    trailing_verb_cue,
)
from dutygraph.loaders.text import OPENERS, before_unopened_close, final_bracket, squeeze

_HINT = re.compile(
    r"主办|协办|牵头|配合|负责|主责|参与|责任单位|责任部门|责任领导|分管领导|牵头领导|责任主体|实施单位|主抓|负总责|★"
)


@dataclass
class Roles:
    """Units and leaders read from one cue text, by role.

    ``responsible`` holds units printed under 责任单位 alone: the caller places
    them (lead, or support next to a lead) once the whole task has been read.
    """

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    deadline: str | None = None

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.leaders or self.responsible)

    def spread(self, fields: dict[str, list[str]]) -> list[str]:
        """Add the lead, support and leaders to ``fields``; returns the roles that got names."""
        added = [f for f in ("lead", "support", "leaders") if getattr(self, f)]
        for f in added:
            fields[f] += getattr(self, f)
        return added

    def extend(self, other: Roles) -> None:
        """Add ``other``'s names after this one's."""
        self.lead += other.lead
        self.support += other.support
        self.leaders += other.leaders
        self.responsible += other.responsible
        self.deadline = self.deadline or other.deadline


def names_a_role(text: str) -> bool:
    """True when ``text`` holds a role word (牵头, 配合, 负责, 责任单位 …) anywhere."""
    return bool(_HINT.search(text))


def has_cue(text: str) -> bool:
    """True when ``text`` holds a responsibility cue (a label or a verb after units)."""
    return bool(LABEL.search(text) or closing_group(text) or BY.search(text.rstrip()) or trailing_verb_cue(text))


#: A paragraph's last sentence that is a role label and its names: …全线通车。责任单位：市城建委。
_CLOSING_LABEL = re.compile(
    rf"(?<=[。；;！!])\s*(?P<label>{LABEL_WORDS})\s*[:：][^。；;:：]{{2,80}}[。；;]?"
    r"(?:[ \u3000]+[\u4e00-\u9fff]{2,8}[:：][^。；;:：\s]{1,40})*\s*$"  # … 咨询电话:2126816: a field of another name
)


def closing_label(text: str) -> int | None:
    """Where a paragraph's closing labelled sentence (…通车。责任单位：市城建委。) starts, or None.

    >>> closing_label("新建公园5个。责任单位：区城管局。")
    7
    """
    m = _CLOSING_LABEL.search(text)
    if m is None or label_field(m.group("label")) not in ROLE_FIELDS:
        return None
    return m.start("label")


#: A clause inside a paragraph that is a unit label and its names: …的4件实事，主要责任单位：X、Y，其中…
_INNER_LABEL = re.compile(rf"(?<=[，,])\s*(?P<label>{LABEL_WORDS})\s*[:：](?P<names>[^，,。；;:：]{{2,80}})(?=[，,])")


def inner_label(text: str) -> tuple[int, int] | None:
    """Where a paragraph's inner clause of a unit label and its names starts and ends, or None.

    >>> inner_label("扩大就业的4件实事,主要责任单位：省人社厅、省财政厅,其中3件按季度报告。")
    (10, 26)
    """
    m = _INNER_LABEL.search(text)
    if m is None or label_field(m.group("label")) not in ("lead", "support", "responsible"):
        return None
    if not all(looks_like_unit(n) for n in parse_names(m.group("names"))):
        return None
    return m.start("label"), m.end()


def cell_cues(text: str, line: int, ctx: Context) -> Roles | None:
    """The roles a table's unit cell states itself (牵头单位：X；配合单位：Y / X牵头，Y配合), or None
    for a plain list of names, which takes its column's role.

    Example:
        >>> from dutygraph.loaders.base import Context
        >>> r = cell_cues("区城管局牵头，各街道配合", 1, Context("x", []))
        >>> r.lead, r.support
        (['区城管局'], ['各街道'])
    """
    text = text.strip()
    if not text or not (LABEL.search(text) or is_verb_cue(text)):
        return None
    roles = read_cues(text, line, ctx)
    return roles or None


def standalone_group(text: str) -> str | None:
    """The inside of a line that is only a bracketed cue: ``（责任单位：市直各有关单位）``."""
    group = closing_group(text)
    if group and not group[0].strip(" 。.；;，,"):
        return group[1]
    return None


def closing_group(text: str) -> tuple[str, str] | None:
    """Split ``text`` into (body, inside of its closing bracket) when that bracket holds a cue.

    Brackets may be ( ), （ ）, [ ], 【 】 or 〔 〕.

    Example:
        >>> closing_group("新建公园5个。（区城管局牵头，各街道配合）")
        ('新建公园5个。', '区城管局牵头，各街道配合')
        >>> closing_group("新建公园5个【牵头领导：王强】【牵头单位：区城管局】")
        ('新建公园5个', '牵头领导：王强；牵头单位：区城管局')
    """
    group = final_bracket(text)
    if not group or not _is_cue_group(group[1]):
        return None
    body, inside = group
    # 【牵头领导：A】【牵头单位：B】: brackets one after another close the text together
    while body.rstrip(" \u3000")[-1:] in OPENERS and (before := final_bracket(body)) and _is_cue_group(before[1]):
        body, inside = before[0], f"{before[1]}；{inside}"
    return body, inside


def _is_cue_group(inside: str) -> bool:
    return bool(_HINT.search(inside) or LABEL.search(inside))


def read_cues(text: str, line: int, ctx: Context) -> Roles:
    """Read the units and leaders a cue text assigns, by role.

    Args:
        text: the inside of a unit parenthesis, a labelled line, or a heading.
        line: the source line, for warnings.
        ctx: the parsing context (names are split and warned through it).

    Returns:
        The :class:`Roles` read; empty when the text holds no cue.

    Example:
        >>> from dutygraph.loaders.base import Context
        >>> r = read_cues("区发改局牵头，区财政局、各街道等按职责分工负责", 1, Context("x", []))
        >>> r.lead, r.support
        (['区发改局'], ['区财政局', '各街道'])
    """
    roles = Roles()
    text = STANDING_NOTE.sub("", LABELLED_CONVENTION.sub("", text) if LABEL.search(text) else text)
    labels = list(LABEL.finditer(text))
    if labels:
        head = text[: labels[0].start()].strip(" ；;，,。")
        if head and is_verb_clause(head):  # (X、Y等按职责分工负责。责任单位：Z): the clause before the label too
            roles.extend(read_cues(head, line, ctx))
        _read_labelled(text, labels, line, ctx, roles)
        return roles
    segments = [part for seg in split_top_level(text, "，,；;。") for part in clauses(seg)]
    verb_lead = any(LEAD_END.search(clean_segment(s)) and not FIRST_LISTED_LEADS.search(s) for s in segments)
    convention = any(FIRST_LISTED_LEADS.search(s) for s in segments) or shared_verb(segments, verb_lead)
    for segment in segments:
        seg = clean_segment(segment)
        if not seg or FIRST_LISTED_LEADS.search(seg):
            continue  # 列第一位的为牵头部门，下同: a convention, read for the whole document
        lead, support, responsible = LEAD_END.search(seg), SUPPORT_END.search(seg), RESPONSIBLE_END.search(seg)
        persons = leader_clause(segment)
        if persons is not None:
            roles.leaders += persons  # 由吴继德副市长负责: a leader by post; a post alone names no one
        elif DEADLINE.match(seg):
            roles.deadline = roles.deadline or seg  # (X负责，年内持续推进): the bracket also says when
        elif (verb := lead or responsible) and (joint := JOINT.match(seg[: verb.start()])):
            roles.lead += ctx.names(joint.group("lead"), line)  # X会同Y办理: X leads, Y works with it
            roles.support += ctx.names(joint.group("support"), line)
        elif lead:
            roles.lead += ctx.names(seg[: lead.start()], line)
        elif support:
            roles.support += ctx.names(seg[: support.start()], line)
        elif responsible:
            names = keep_units(ctx.names(seg[: responsible.start()], line))
            # "X牵头，Y等按职责分工负责": Y supports; "X、Y负责" or "X、Y分别负责" alone: they lead.
            each = bool(EACH_LEADS.search(seg))
            if (verb_lead or roles.lead) and not each:
                roles.support.extend(names)
            elif each:
                roles.lead.extend(names)
            else:
                roles.responsible.extend(names)  # X、Y负责: all lead, unless the first listed leads
        elif not (listed := split_top_level(seg, "、")):
            continue  # separators alone (、，): no name to read
        elif convention and looks_like_unit(listed[0]):
            # (X、Y、Z。排名第一的为牵头单位): X leads, by the note; (X、Y等有关部门,Z负责): all are responsible
            roles.responsible += ctx.names(CATEGORY_TAIL.sub("", seg), line)
        elif all(looks_like_unit(n.strip("★☆")) for n in listed):
            if "★" not in seg and "☆" not in seg:  # ★ marks the lead: settled once the task is read
                ctx.warn(line, f"cannot tell whether '{seg}' leads or supports; read as supporting")
            roles.support += ctx.names(seg, line)
    return roles


def _read_labelled(text: str, labels: list[re.Match[str]], line: int, ctx: Context, roles: Roles) -> None:
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = OTHER_FIELD.split(_first_sentence(text[m.end() : end]), maxsplit=1)[0].strip(" ；;，,。.|")
        kind = label_field(m.group(1))
        if kind is None:
            # 工作要求：由市发改委牵头，…: a field read past that still says who leads among the 责任单位
            if (by := _LEAD_BY.match(value)) and all(looks_like_unit(n) for n in parse_names(by.group(1))):
                roles.lead += ctx.names(by.group(1), line)
            continue
        value = re.sub(r"等$", "", _TRAILING_LABEL.sub("", value.strip())) if value else value
        if kind == "deadline":
            roles.deadline = roles.deadline or value.strip("。.；; ") or None
            continue
        if kind in ("responsible", "lead", "support"):
            value = _VALUE_VERB.sub("", _units_before_status(value, line, ctx))
        if kind in ("responsible", "lead") and _WITH_PERSONS.search(m.group(1)):
            value = _persons_after_units(value, line, ctx, roles)
        group = closing_group(value) if kind in ("responsible", "lead") else None
        if group and (inner := read_cues(group[1], line, ctx)):
            roles.extend(inner)  # 责任单位：区发改局（区财政局、区住建局配合）: the bracket gives the others' roles
            value = group[0]
        if kind in ("responsible", "lead", "support") and _has_inner_verbs(value):
            _read_marked_list(value, kind, line, ctx, roles)
            continue
        if kind == "cue":
            roles.extend(read_cues(value, line, ctx))
        elif kind == "leaders":
            if is_ditto(value):  # 责任领导：同上, as the units' labels read it
                roles.leaders.append(DITTO)
            elif not re.search(r"(?:负责人|责任人)$", value):  # X主要负责人, 市政府常务副市长: posts, no one named
                value = _bracketed_persons(value) or value
                roles.leaders += [p for p in parse_persons(value) if is_person(p) and not OFFICE_POST.match(p)]
        elif kind in ("responsible", "lead") and (joint := JOINT.match(value)):  # 责任单位：X会同Y: X leads
            roles.lead += ctx.names(joint.group("lead"), line)
            roles.support += ctx.names(joint.group("support"), line)
        elif kind == "responsible" and (groups := ctx.comma_groups(value)):
            roles.lead += ctx.names(groups[0], line)  # 逗号前为牵头单位: the units before the comma lead
            roles.support += ctx.names(groups[1], line)
        elif kind == "responsible":
            roles.responsible += ctx.names(value, line)
        elif kind == "lead":
            roles.lead += ctx.names(value, line)
        else:
            roles.support += ctx.names(value, line)


def _bracketed_persons(value: str) -> str | None:
    """The names a leaders' value gives in brackets after a phrase (按《市委工作要点》分工（蒋永根、俞福才）),
    or None."""
    inner = re.findall(r"[（(]([^（()）]+)[)）]", value)
    names = [p for part in inner for p in parse_persons(part)]
    # 张三（副区长）: the bracket gives the post of the person before it, no one else
    return "、".join(inner) if names and all(names_someone(p) for p in names) else None


#: 责任单位和责任人 / 实施单位及负责人: a label of units, each followed by the person who answers for it.
_WITH_PERSONS = re.compile(r"(?:单位|部门)(?:和|及|、)(?:主要)?(?:责任人|负责人)$")


def _persons_after_units(value: str, line: int, ctx: Context, roles: Roles) -> str:
    """The units of a 责任单位和责任人 value, the persons printed after them (省劳动和社会保障厅秦玉德, 市教育局
    张三) read as its leaders, with a warning."""
    units: list[str] = []
    for part in split_top_level(value, "、，,；;"):
        part = squeeze(part)
        cut = next((k for k in (3, 2) if len(part) > k + 2 and is_person(part[-k:]) and looks_like_unit(part[:-k])), 0)
        if cut:
            roles.leaders.append(part[-cut:])
            ctx.warn(line, f"read '{part[-cut:]}' after '{part[:-cut]}' as the person who answers for it (a leader)")
            part = part[:-cut]
        if not is_person(part):
            units.append(part)
        else:
            roles.leaders.append(part)
    return "、".join(units)


#: 由X牵头 opening a field's value.
_LEAD_BY = re.compile(r"^由([^，,。；;：:]{2,40}?)牵头(?!单位|部门)")


#: The verb that closes a labelled list (责任单位：X、Y按职责分工负责，下同): no part of a name.
_VALUE_VERB = re.compile(
    r"(?:等)?(?:(?:按照?|根据)?(?:各自)?职责(?:分工)?|分工)?(?:分别|共同|具体)?负责(?=$|[，,；;。])|[，,；;]下同$"
)


#: A label the text stops after (…市卫健委；责任单位): no name.
_TRAILING_LABEL = re.compile(rf"[；;，,\s]+(?:{LABEL_WORDS})$")


def _units_before_status(value: str, line: int, ctx: Context) -> str:
    """A labelled list up to where a status table run onto its line begins (市城管局 鄞州 海曙 合计 2 5 …):
    from the first space-separated run that names no unit, when what follows holds figures or goes on."""
    runs = value.split()
    for k, run in enumerate(runs[1:], start=1):
        if run[0] in "、，,；;" or runs[k - 1][-1] in "、，,；;":
            continue  # a list going on after a stray space (住建局 、资源规划局)
        if not any(looks_like_unit(n) for n in split_top_level(run, "、，,")):
            rest = " ".join(runs[k:])
            if re.search(r"\d", rest) or len(runs) - k >= 3:
                ctx.warn(line, f"read past '{rest[:30]}' after a labelled list of units: no unit names")
                return " ".join(runs[:k])
            break
    return value


def _first_sentence(value: str) -> str:
    """A label's value up to the first full stop outside brackets: after it the text goes on
    with other matters (牵头部门：市交通局。建设进度相对较慢的县区为舒城县。)."""
    value = before_unopened_close(value)
    parts = split_top_level(value, "。")
    return parts[0] if len(parts) > 1 and squeeze("".join(parts[1:])) else value


def _has_inner_verbs(value: str) -> bool:
    """True for a labelled list that marks roles inside it: 责任单位：X、Y牵头，Z; 责任单位：X，Y配合."""
    segments = [clean_segment(seg) for seg in _marked_segments(value)]
    return any(LEAD_END.search(seg) for seg in segments) or any(SUPPORT_END.search(seg) for seg in segments[1:])


def _marked_segments(value: str) -> list[str]:
    """A labelled list's parts: at commas, and after a role verb a 、 follows (X和Y分别牵头、Z)."""
    return [part for seg in split_top_level(value, "，,；;") for part in after_verbs(seg)]


def _read_marked_list(value: str, kind: str, line: int, ctx: Context, roles: Roles) -> None:
    """Units under one label with their roles marked by a verb: the marked lead and the rest support; where
    only the support is marked (责任单位：X，Y配合), the rest have the label's role."""
    segments = [clean_segment(seg) for seg in _marked_segments(value)]
    marked_lead = any(LEAD_END.search(seg) for seg in segments)
    rest = kind if not marked_lead else "lead" if kind == "lead" else "support"
    for seg in segments:
        lead, support = LEAD_END.search(seg), SUPPORT_END.search(seg)
        if lead:
            roles.lead += ctx.names(seg[: lead.start()], line)
        elif support:
            roles.support += ctx.names(seg[: support.start()], line)
        else:  # …，各镇街落实: a trailing 落实 or 负责 is no part of the name
            getattr(roles, rest).extend(ctx.names(RESPONSIBLE_END.sub("", seg), line))
