"""Numbering of items: the styles (一、 （一） 1. （1） ①), an item's number, and lines holding several items."""

from __future__ import annotations

import itertools
import re
import unicodedata

from dutygraph.loaders.base import DOT_NUMBER, ROLE_FIELDS, Context, label_field
from dutygraph.loaders.cues import closing_group, has_cue
from dutygraph.loaders.persons import is_person
from dutygraph.loaders.text import Line, squeeze

_CN = "[一二三四五六七八九十百零〇]{1,4}"
_CN_OR_DIGITS = rf"(?:{_CN}|\d{{1,3}})"
#: Quantities, not item numbers, after a number and a space (3 个, 12 月).
MEASURE = "个年月日号万亿千百名人家所项条户次元件座米台辆套处只张场届期批栋间吨度倍岁"
#: Words that open with a measure's character (7 所有县实现…, 3 人民调解…, 5 项目建设…): an item's text.
MEASURE_WORDS = "所有|人民|人才|人口|人居|家庭|家政|项目|户籍|年度|名称"
#: Words right after a number, not a quantity's measure.
_WORDS_NEXT = f"(?=[\u4e00-\u9fff])(?![{MEASURE}])"
#: Numbering styles in their usual order of depth.
STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^\s*(第\s*{_CN}\s*(?:章|部分))[、.．:：\s]*")),
    ("cn", re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．﹒]\s*")),
    ("roman", re.compile(r"^\s*([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ])\s*[、.．]?\s*(?=\S)")),  # Ⅰ、 Ⅱ.: sections as 一、 are
    # （一） and 一）, its opening bracket lost
    ("cn-paren", re.compile(r"^\s*[（(]?\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*")),
    ("article", re.compile(rf"^\s*(第\s*{_CN}\s*条)[、.．:：\s]*(?=\S)")),
    # 任务一：, 事项3、, 第一项： / 第1项 , 项目一：, 实事二：: a task numbered in words, its number set apart
    (
        "worded",
        re.compile(
            rf"^\s*(?:((?:任务|事项)\s*{_CN_OR_DIGITS}|第\s*{_CN_OR_DIGITS}\s*项)(?:[、.．:：]|[ \u3000]+)"
            rf"|((?:项目|实事)\s*{_CN_OR_DIGITS})[、.．:：])\s*(?=\S)"
        ),
    ),
    ("dot", DOT_NUMBER),
    ("spaced", re.compile(rf"^\s*(\d{{1,3}})[ \u3000]+(?=[\u4e00-\u9fff])(?!(?!{MEASURE_WORDS})[{MEASURE}])")),
    # 1.1 推进…, 1.2.3、…, and 1.1推进… (a quantity's measure after it makes a figure: 1.5万人)
    (
        "decimal",
        re.compile(
            rf"^\s*(\d{{1,2}}[.．]\d{{1,2}}(?:[.．]\d{{1,2}})?)(?:[.．、]|[ \u3000]+|{_WORDS_NEXT})\s*(?=[^\d\s])"
        ),
    ),
    ("paren", re.compile(r"^\s*([（(【〔\[]\s*\d{1,3}\s*[）)】〕\]]|[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇])\s*")),
    ("circled", re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
    # 一是推进…, 二是…: the points of a paragraph; tasks only where they carry their own roles
    ("points", re.compile(r"^\s*([一二三四五六七八九十]{1,2})是(?=[\u4e00-\u9fff“《])")),
    # --做好… / ●推进…: a bullet, no number; the items are numbered M1, M2 … by their place
    ("bullet", re.compile(r"^\s*(--|——|[●■])\s*(?=[\u4e00-\u9fff“《])")),
)
#: How deep each style numbers: 一、 over （一） over 1. over （1） over ①; 第一条 sits
#: where （一） does, 1 (a number and a space) where 1. does.
DEPTH = {
    "chapter": 0,
    "cn": 1,
    "roman": 1,
    "cn-paren": 2,
    "article": 2,
    "worded": 2,
    "dot": 3,
    "spaced": 3,
    "decimal": 4,
    "paren": 5,
    "circled": 6,
    "points": 6,
    "bullet": 7,
}

CN_NUMERALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
]
_CN_NEXT = dict(itertools.pairwise(CN_NUMERALS))


def numbering(text: str) -> tuple[str, str, int] | None:
    """The numbering style, number as printed and end of the number of a line, or None.

    Example:
        >>> numbering("（二）加快工业转型。")
        ('cn-paren', '（二）', 3)
        >>> numbering("★1.新增学位1200个。")
        ('dot', '1.', 3)
    """
    mark = _KEY_MARK.match(text)  # ★1.新增学位1200个: a key task's mark before its number
    at = mark.end() if mark else 0
    for name, pattern in STYLES:
        m = pattern.match(text[at:])
        if m:
            printed = squeeze(text[at : at + m.end()]).rstrip()
            return name, printed, at + m.end()
    return None


#: A key task's mark before the item's number (★1., ▲（二）).
_KEY_MARK = re.compile(r"^\s*[★☆▲△◆◇※]\s*(?=\d|[（(][\d一二三四五六七八九十]|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳])")


def expand_shared(lines: list[Line], ctx: Context) -> list[Line]:
    """Lines with every numbered item on a line of its own (two items can share a line)."""
    out: list[Line] = []
    for ln in _split_heading_chains(lines, ctx):
        text = ln.text.replace("\t", " ").strip()
        num = numbering(text)
        if not num or (num[0] == "cn" and not has_cue(text)):
            out.append(ln)
            continue
        parts = _split_shared_line(text, num, ln.no, ctx)
        if len(parts) == 1:
            out.append(ln)
            continue
        out.extend(Line(ln.no, number + body) for number, body in parts)
    return out


#: 一、着力提升监测水平(一)增强监测能力1.坚持…: a heading's short title run into the next, deeper number.
_CHAIN = re.compile(
    r"^([^。；;，,：:！!？?\s]{2,30}?[\u4e00-\u9fff）)])"
    r"(?=[（(][一二三四五六七八九十]{1,3}[）)][\u4e00-\u9fff]|\d{1,2}[.．、](?!\d)[\u4e00-\u9fff“])"
)


def _split_heading_chains(lines: list[Line], ctx: Context) -> list[Line]:
    """Lines with a heading whose title runs on into a deeper number (一、X(一)Y1.Z…) broken after each title:
    a section or sub-section heading run together with its first item when the line breaks were lost."""
    out: list[Line] = []
    for ln in lines:
        text = ln.text.strip()
        pieces: list[str] = []
        num = numbering(text)
        while num and num[0] in ("cn", "cn-paren") and (m := _CHAIN.match(text[num[2] :])):
            pieces.append(text[: num[2] + m.end()])
            text = text[num[2] + m.end() :]
            num = numbering(text)
        if not pieces:
            out.append(ln)
            continue
        ctx.warn(ln.no, f"heading '{pieces[0][:12]}' and the item after it share one line; read apart")
        out.extend(Line(ln.no, t) for t in [*pieces, text])
    return out


def _split_shared_line(text: str, num: tuple[str, str, int], line: int, ctx: Context) -> list[tuple[str, str]]:
    """Split a line that holds two or more consecutive items (… 。 2. …)."""
    number = num[1]
    out: list[tuple[str, str]] = []
    rest = text[num[2] :]
    while True:
        nxt = _next_number(number)
        split = (
            re.search(rf"(?<=[。；;！!）)])\s*((?:[（(]\s*)?{nxt}\s*(?:[）)]|[.．、﹒]))\s*(?=[^\d\s])", rest)
            if nxt and nxt not in _CIRCLED
            else re.search(rf"(?<=[。；;！!）)，,])\s*({nxt})\s*(?=\S)", rest)  # ①…；②…: no mark after it
            if nxt
            else None
        )
        if split and rest[: split.start()].rstrip()[-1:] in "）)" and not closing_group(rest[: split.start()]):
            split = None  # a bracket that closes a remark, not the item's units
        if not split:
            out.append((number, rest.strip()))
            return out
        out.append((number, rest[: split.start()].strip()))
        following = squeeze(split.group(1))
        ctx.warn(
            line,
            f"items {number.rstrip('.．、﹒')} and {following.rstrip('.．、﹒')} share one line; read as two items",
        )
        number = following
        rest = rest[split.end() :]


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _next_number(number: str) -> str | None:
    if re.search(r"\d[.．]\d|第|[⑴-⒇]", number):
        return None  # 1.1, 第一条, ⑴: never split off a shared line
    if number[:1] in _CIRCLED:
        return _CIRCLED[_CIRCLED.index(number[0]) + 1] if number[0] != _CIRCLED[-1] else None
    digits = re.sub(r"\D", "", number)
    if digits:
        return str(int(digits) + 1)
    numeral = re.sub(r"[^一二三四五六七八九十]", "", number)
    following = _CN_NEXT.get(numeral)
    return following


#: 2.50个小区…: an item number run into a figure of its text (a decimal would be 2.5个).
_GLUED_FIGURE = re.compile(r"^(\s*)(\d{1,2})([.．])(\d{1,4}(?:[个家所座条处项名户台套万亿]|[\u4e00-\u9fff]))")


def split_glued_numbers(lines: list[Line]) -> list[Line]:
    """Lines whose item number runs into a figure of the text (1.…  2.50个小区…  3.…) numbered ``2、`` instead,
    when the dot items before and after it number it so; others as they are.

    Example:
        >>> rows = [Line(1, "1.新增电梯400台"), Line(2, "2.50个小区新增充电设施"), Line(3, "3.开设40个暑托班")]
        >>> [ln.text for ln in split_glued_numbers(rows)]
        ['1.新增电梯400台', '2、50个小区新增充电设施', '3.开设40个暑托班']
    """
    numbers = [(i, int(m.group(1))) for i, ln in enumerate(lines) if (m := DOT_NUMBER.match(ln.text))]
    out = list(lines)
    for i, ln in enumerate(lines):
        m = _GLUED_FIGURE.match(ln.text)
        if not m:
            continue
        n = int(m.group(2))
        before = [k for j, k in numbers if j < i][-1:]
        after = [k for j, k in numbers if j > i][:1]
        if (before == [n - 1] or n == 1) and (after == [n + 1] or not after) and (before or after):
            out[i] = Line(ln.no, f"{m.group(1)}{n}、{ln.text[m.end(3) :]}")  # 、 may be followed by a figure
    return out


def arabic(numeral: str) -> int:
    """A number printed in digits or Chinese numerals: 二十七 -> 27, 十二 -> 12, 七 -> 7, 26 -> 26 (0 when neither).

    >>> arabic("二十七"), arabic("十二"), arabic("七"), arabic("26"), arabic("项"), arabic("①")
    (27, 12, 7, 26, 0, 1)
    """
    if numeral.isdecimal():
        return int(numeral)
    if len(numeral) == 1 and numeral.isdigit():
        return unicodedata.digit(numeral)  # ①, ⒈: a digit of another form
    digits = "一二三四五六七八九"
    tens, ten, ones = numeral.partition("十")
    if not ten:
        return digits.index(numeral) + 1 if numeral and numeral in digits else 0
    if (tens and tens not in digits) or (ones and ones not in digits):
        return 0
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


#: A numbered field of a project card: its name and a colon (5.项目实施单位及责任人：X，某某).
_FIELD = re.compile(r"^([\u4e00-\u9fff]{2,12})[:：]")
#: What a field's name adds to the role it names: 实施单位及责任人 names the units (the staff are no leaders).
_FIELD_TAIL = re.compile(r"(?<=单位|部门)(?:及|和|、)(?:责任人|联系人)(?=[:：])")


def numbered_fields(lines: list[Line]) -> list[Line]:
    """Project cards whose fields are numbered ((一)责任领导：高勤 / (二)责任单位：X / (三)协办单位：Y, or
    1.项目实施地点：… 5.项目实施单位及责任人：X，某某): the fields lose their numbers, so the card's units
    are labelled lines of the project above them, not items of their own, and the points inside a field
    (（四）项目内容： / 1、新建… / 2、…) are the field's text.

    A run of three or more items of one style (the points inside a field aside), each a field name and a
    colon, one of them naming a role, is such a card; every field numbered in that style is then a field.

    Example:
        >>> lines = [Line(i, t) for i, t in enumerate(["三、建设寄宿制学校", "（一）责任领导：高勤",
        ...     "（二）责任单位：市教育局", "（三）协办单位：市财政局"], 1)]
        >>> [ln.text for ln in numbered_fields(lines)]
        ['三、建设寄宿制学校', '责任领导：高勤', '责任单位：市教育局', '协办单位：市财政局']
    """
    runs: list[tuple[str, list[tuple[int, int]]]] = []  # style, and (index of the line, end of its number)
    run: list[tuple[int, int]] = []
    style = None
    for i, ln in enumerate(lines):
        num = numbering(ln.text)
        if num is None:
            continue
        field_ = _FIELD.match(ln.text[num[2] :])
        if field_ and run and num[0] == style:
            run.append((i, num[2]))
            continue
        if run and style and DEPTH[num[0]] > DEPTH[style]:
            continue  # the points inside a field (（四）项目内容： / 1、新建… / 2、…): the card goes on
        if style and len(run) >= 3:
            runs.append((style, run))
        run, style = ([(i, num[2])], num[0]) if field_ else ([], None)
    if style and len(run) >= 3:
        runs.append((style, run))
    cards = {style for style, card in runs if any(_names_role(_field(lines[i].text, end)) for i, end in card)}
    out: list[Line] = []
    field_depth = None  # depth of the card's field numbers while inside a field
    for ln in lines:
        num = numbering(ln.text)
        if num and num[0] in cards and _FIELD.match(ln.text[num[2] :]):
            out.append(Line(ln.no, _field(ln.text, num[2])))  # every field of that style, a card's cut tail too
            field_depth = DEPTH[num[0]]
        elif num and field_depth is not None and DEPTH[num[0]] > field_depth:
            out[-1] = Line(out[-1].no, out[-1].text + " " + ln.text.strip())  # a point of the field's own
        else:
            out.append(ln)
            field_depth = field_depth if not num else None
    return out


def _names_role(field_: str) -> bool:
    """Whether a field's name is a role's label (责任领导, 责任单位, 协办单位)."""
    m = _FIELD.match(field_)
    return m is not None and label_field(m.group(1)) in ROLE_FIELDS


def _field(text: str, end: int) -> str:
    """A numbered field's text without its number; a field of units and their staff (单位及责任人：X，某某)
    names the units."""
    field_ = text[end:].strip()
    if not _FIELD_TAIL.search(field_):
        return field_
    field_ = _FIELD_TAIL.sub("", field_)
    parts = re.split(r"[，,、]", field_)
    while len(parts) > 1 and is_person(parts[-1].strip()):
        parts.pop()
    return field_[: len("，".join(parts))]
