"""The printed forms of a label, brought to one: ``牵头单位：X``.

Documents print the same label many ways: with a colon (``牵头单位：X``, ``牵头单位:X``),
in brackets (``【牵头单位】X``, ``[牵头单位]X``, ``（牵头单位）X``), followed by a space
(``牵头单位 X``, ``牵头单位　X``) or by the name itself (``牵头单位X``). :func:`colon_labels`
rewrites the last three as the first, so every layout reads one form. A label is only
rewritten where a field starts (at the start of a line, after a bracket or a separator)
and when what follows reads as its value: a unit for a unit label, a person for a
leader label, a time for a deadline; so prose (牵头单位要加强协调) and a header row
(序号 牵头单位 配合单位) are left alone.
"""

from __future__ import annotations

import re

from dutygraph.loaders.base import DEADLINE, LABEL_WORDS, label_field
from dutygraph.loaders.names import looks_like_unit
from dutygraph.loaders.numbering import numbering
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.text import Line

#: 【牵头单位】 [牵头单位] （牵头单位） 〔牵头单位〕 before a value.
_BRACKETED = re.compile(rf"[【\[〔（(]\s*({LABEL_WORDS})\s*[】\]〕）)]\s*")
#: 牵头单位 X / 牵头单位X / 牵头单位—X where a field starts.
_BARE = re.compile(
    rf"(?:^|(?<=[；;，,。（(【\[\s\u3000]))({LABEL_WORDS})(?![:：\s\u3000]*[:：])[\s\u3000]*(?:——|—|－)?[\s\u3000]*"
)
#: A sentence after a label word: 牵头单位 要加强协调; a verb after it (配合出台…政策, 牵头制定…方案).
_PROSE = re.compile(
    r"(?:要|应|须|必须|负责|加强|做好|及时|认真|按照|根据|对|在|将|把|是|为|和|与"
    r"|出台|制定|编制|开展|推进|推动|完成|抓好|建立|健全|完善|督促|指导|研究|起草|拟定)"
)
#: The rest of a longer label (单位： after 牵头).
_LONGER_LABEL = re.compile(r"[\u4e00-\u9fff]{0,4}[:：]")
#: The first name of a value: up to a separator or a bracket.
_FIRST_VALUE = re.compile(r"[^、，,；;。：:（(【\[〔）)】\]〕/／\s\u3000]+")
_CHEAP = re.compile(r"单位|部门|领导|责任|牵头|配合|协办|主办|时限|时间|节点|负责人|责任人|协同|协助|参与")


#: X、Y为责任单位 / Z为协办单位 / X为市内公路的责任单位: the names before the label (older documents
#: put them first), a scope between 为 and the label.
_INVERTED = re.compile(
    r"(?:^|(?<=[。；;，,\s\u3000]))(?P<names>[^。；;，,：:\s]{2,60}?)为(?:[^。；;，,：:为]{0,16}?)"
    rf"(?P<label>{LABEL_WORDS})(?=[。；;，,]|$)"
)


#: 主要责任单位为X、Y，…: a unit label, then 为 and its names (a news report's wording).
_LABEL_IS = re.compile(rf"(?:^|(?<=[，,。；;]))(?P<label>{LABEL_WORDS})为(?=[^，,。；;为]{{2,}})")


def _label_is(m: re.Match[str]) -> str:
    label, rest = m.group("label"), m.string[m.end() :]
    if label_field(label) not in ("lead", "support", "responsible") or not _is_value(label, rest):
        return m.group(0)
    return f"{m.group(0)[:-1]}："


def _inverted(m: re.Match[str]) -> str:
    names = m.group("names")
    before = m.string[: m.start()]
    if label_field(m.group("label")) not in ("lead", "support", "responsible"):
        return m.group(0)
    if len(re.findall(r"[（(]", before)) > len(re.findall(r"[）)]", before)) or re.search(r"[（()）]", names):
        return m.group(0)  # inside a bracket (X为牵头单位，Y为配合单位): its verbs read it
    if not all(looks_like_unit(n) for n in re.split(r"[、和及]", names) if n):
        return m.group(0)  # 以…为牵头单位 in a sentence, or no unit before it
    sep = "；" if before.rstrip() and before.rstrip()[-1] not in "。；;，," else ""
    return f"{sep}{m.group('label')}：{names}"


def colon_labels(lines: list[Line]) -> list[Line]:
    """Every label of the lines in its ``label：value`` form (tab and pipe rows left alone).

    Example:
        >>> [ln.text for ln in colon_labels([Line(1, "1.新建公园。【牵头单位】区城管局【配合单位】各街道")])]
        ['1.新建公园。牵头单位：区城管局；配合单位：各街道']
        >>> [ln.text for ln in colon_labels([Line(1, "责 任 人：王强"), Line(2, "牵 头 单 位 ：区城管局")])]
        ['责任人：王强', '牵头单位：区城管局']
    """
    out: list[Line] = []
    for ln in lines:
        text = ln.text
        if ("：" in text or ":" in text) and _LETTER_SPACED.search(text):
            text = _LETTER_SPACED.sub(_unspaced, text)
        if _CHEAP.search(text) and "\t" not in text and text.count("|") < 2:
            text = _BARE.sub(_bare, _BRACKETED.sub(_bracketed, _INVERTED.sub(_inverted, text)))
            text = _LABEL_IS.sub(_label_is, text)
        out.append(ln if text == ln.text else Line(ln.no, text))
    return _staff_labels(_values_below(out))


#: A leader's label that says 领导 (责任领导：, 分管领导：) and a person's label that does not (责任人：).
_LEADERS_LABEL = re.compile(r"(?:^|(?<=[；;，,。（(\s\u3000]))[\u4e00-\u9fff]{0,6}领导(?:同志)?[:：]")
_PERSON_LABEL = re.compile(r"(?:^|(?<=[；;，,。（(\s\u3000]))(?=(?:责任人|负责人)[:：])")


def _staff_labels(lines: list[Line]) -> list[Line]:
    """In an item that names its leader under a 领导 label, 责任人： names the staff who do the work
    under him (安洪海、五县县长), not a leader: written 具体责任人：, which is read past."""
    blocks: list[list[Line]] = [[]]
    for ln in lines:
        if numbering(ln.text.strip()) and blocks[-1]:
            blocks.append([])  # a numbered item or heading: where the item before ends
        blocks[-1].append(ln)
    out: list[Line] = []
    for block in blocks:
        staff = any(_LEADERS_LABEL.search(b.text) for b in block)
        out += [Line(b.no, _PERSON_LABEL.sub("具体", b.text)) if staff else b for b in block]
    return out


#: A line that is only a label and its colon: 责任单位：
_LABEL_ALONE = re.compile(rf"^\s*({LABEL_WORDS})\s*[:：]\s*$")


def _values_below(lines: list[Line]) -> list[Line]:
    """A label alone on its line (责任单位：) whose value is printed on the next line, joined to it."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        alone = _LABEL_ALONE.match(ln.text)
        below = lines[i + 1].text.strip() if alone and i + 1 < len(lines) else ""
        if alone and _is_value(alone.group(1), below) and not _BARE.match(below):
            out.append(Line(ln.no, f"{alone.group(1)}：{below}"))
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


#: A label printed letter-spaced before its colon (责 任 人：, 牵 头 单 位:) where a field starts.
_LETTER_SPACED = re.compile(
    r"(?:^|(?<=[；;，,。（(【\[\s\u3000]))((?:[\u4e00-\u9fff][ \u3000]+){1,5}[\u4e00-\u9fff])[ \u3000]*(?=[:：])"
)


def _unspaced(m: re.Match[str]) -> str:
    label = re.sub(r"[ \u3000]+", "", m.group(1))
    return label if label_field(label) not in (None, "cue") else m.group(0)


def _bracketed(m: re.Match[str]) -> str:
    rest = m.string[m.end() :]
    first = _FIRST_VALUE.match(rest)
    if label_field(m.group(1)) in (None, "cue") or (rest.strip() and (not first or _starts_label(first.group(0)))):
        return m.group(0)  # the bracket names a label and a value (however cut or broken) or the line's end follows
    before = m.string[: m.start()].rstrip()
    sep = "；" if before and before[-1] not in "。；;，,（(【[" else ""
    return f"{sep}{m.group(1)}："


def _bare(m: re.Match[str]) -> str:
    rest = m.string[m.end() :]
    if _LONGER_LABEL.match(rest) or _PROSE.match(rest):
        return m.group(0)  # 牵头 of 牵头单位：, or a sentence about the label (第一责任单位为牵头单位)
    spaced = m.group(0) != m.group(1)
    if not (_is_value(m.group(1), rest) or (spaced and _is_spaced_value(m.group(1), rest))):
        return m.group(0)
    return f"{m.group(1)}："


#: The rest of a label a space cut in two (牵头 单位, 分管 领导): a header cell, not a label and its value.
_LABEL_TAILS = frozenset(["单位", "部门", "领导", "责任人", "负责人"])


def _is_spaced_value(label: str, rest: str) -> bool:
    """After a label and a space, a value cut by the page end or broken by a space (自治 区农牧厅,
    市人力资源社会保) is still its value: anything but a sentence or another label."""
    first = _FIRST_VALUE.match(rest)
    return (
        label_field(label) not in (None, "cue")
        and bool(first)
        and not _starts_label(first.group(0))  # type: ignore[union-attr]
        and first.group(0) not in _LABEL_TAILS  # type: ignore[union-attr]
        and not _PROSE.match(rest)
    )


#: A leader's post, a label only before a colon (县长：张华): before a name it is the name's post (副县长 刘洋).
_POST_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,4}副?[省市州盟区县旗镇乡]长$")


def _starts_label(value: str) -> bool:
    m = _BARE.match(value)
    return bool(m and label_field(m.group(1)) and not _POST_LABEL.match(m.group(1)))


def _is_value(label: str, rest: str) -> bool:
    """Whether ``rest`` opens with a value of ``label``'s field."""
    role = label_field(label)
    if role is None or role == "cue" or not rest:
        return False
    first = _FIRST_VALUE.match(rest)
    if not first:
        return False
    value = first.group(0)
    if len(value) < 2 or value in ("单位", "部门", "领导"):
        return False  # 牵头部 cut by the end of the text; the rest of a label
    if _starts_label(value):
        return False  # another label follows: a header row
    if role == "leaders":
        return is_person(value)
    if role == "deadline":
        return bool(DEADLINE.match(value))
    return looks_like_unit(value)
