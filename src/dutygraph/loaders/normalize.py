"""Text that needs undoing before the layouts can read it.

- **Pages on one line.** Scrapers that drop line breaks leave a notice, its headings,
  tasks and units on one line, separated only by spaces or by their numbering.
  :func:`split_run_on` breaks such a line before each numbering mark and label, so
  the layouts see items again; every piece keeps the source line's number.
- **Traditional characters.** Mirror sites convert pages to traditional characters.
  The layouts read the simplified form (their cues are written in it);
  :class:`Simplifier` converts character by character, so every position in the
  simplified text is the same position in the printed one, and maps what was read
  back to the characters as printed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from dutygraph.loaders.chrome import DISCLAIMER_WORDS
from dutygraph.loaders.headings import leader_line
from dutygraph.loaders.numbering import MEASURE, MEASURE_WORDS
from dutygraph.loaders.one_line_table import RUN_ON
from dutygraph.loaders.pipe_cells import closed_cell_rows, is_cell_per_line
from dutygraph.loaders.text import OPENERS, Line

#: A numbering mark or a label that starts a new line, after a space or a sentence's end.
_BREAK = re.compile(
    r"(?:(?<=[\s。；;！!？?：:）)】\]])|(?<=[\u4e00-\u9fff][。；;]))\s*"
    r"(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,3}[.．、﹒。](?!\d)"
    r"|\d{1,3} [.．、] |[（(]\d{1,3}[）)]"  # 2 . 推进…: a number the scrape set apart
    r"|(?:--|——)(?=[\u4e00-\u9fff])"  # --做好…: a bullet
    # 任务二：, 第三项：, 项目一：, 实事二：
    r"|(?:任务|事项|项目|实事)[一二三四五六七八九十]{1,3}[：:、]|第[一二三四五六七八九十\d]{1,3}项[：:、]"
    r"|[一二三四五六七八九十]{1,2}是(?=[\u4e00-\u9fff])"  # 一是推进…
    # 】 2 推进…: a number and a space after a closed bracket (not a quantity: 】 3 个)
    rf"|(?<=[】）)\]] )\d{{1,3}} (?=[\u4e00-\u9fff])(?![{MEASURE}])"
    r"|(?:牵头单位|责任单位|配合单位|牵头领导|责任领导|分管领导|协办单位|牵头部门|责任部门|配合部门|部门分工|责任分工|工作措施"
    r"|具体措施|完成时限|实施单位|承办单位|主办单位|责任科室|责任股室|责任人)[:：]))"
)


#: A site's disclaimer heading after a space (… 转载请注明出处 豫都网版权与免责声明 1、未经…): the page's frame
#: starts there, in either script.
_DISCLAIMER_GAP = re.compile(rf"(?<=\s)\S{{0,12}}?(?:{DISCLAIMER_WORDS})(?=\s)")
#: A labelled deadline's date and the space after it (整改时限:2021年8月13日前 操作间…): the next item starts there.
_DEADLINE_GAP = re.compile(
    r"(?:时限|期限|完成时间|时间节点)[:：]\s*(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:前|底前|底|以前|之前)?[\s\u3000]+(?=[^\s\d])"
)
#: A short heading set apart by spaces just before an item numbered first (… 考核目标 凤台县政府 1.地区…): the
#: name of a section whose numbering starts there, which went on the line above it.
_HEADING_BEFORE_FIRST = re.compile(
    r"(?<=\S[\s\u3000])[\u4e00-\u9fff]{2,15}[\s\u3000]*(?=(?:1[.．、]|[（(][1一][）)])(?!\d))"
)
_MARK_BEFORE = re.compile(
    r"(?:\d{1,3}[.．、]|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)[\s\u3000]*$"
)
_SENTENCE_GAP = re.compile(r"(?<=[。！？!?；;])[\s\u3000]+(?=\S)")
_CLOSE_GAP = re.compile(r"(?<=[）)])[\s\u3000]+(?=\S)")
_ANY_GAP = re.compile(r"(?<=\S)[\s\u3000]+(?=\S)")
#: A heading's end on a page that lost its breaks: 一、努力扩大内需,促进经济平稳较快发展 认真落实…
_HEADING_GAP = re.compile(
    r"(?:^|(?<=\s))(?:\d{1,3}[、.．](?!\d)|[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])"
    r"[^。；;\s]{2,40}[\s\u3000]+(?=\S)"
)


def split_run_on(lines: list[Line]) -> tuple[list[Line], int]:
    """Break run-on lines (a page scraped onto one line) before numbering marks and labels.

    Only a line of more than 150 characters holding at least three such marks is
    broken: a long item with one more item on the same line is left for the
    layouts, which warn about it.

    Returns:
        The lines, and how many source lines were broken.

    Example:
        >>> text = "通知 一、稳增长 1.增长6%。（市发改委牵头） 2.投资增长。（市住建局负责）" + "。" * 300
        >>> [ln.text for ln in split_run_on([Line(1, text)])[0]][:3]
        ['通知', '一、稳增长', '1.增长6%。（市发改委牵头）']
    """
    out: list[Line] = []
    broken = 0
    # A row of a pipe table among other rows keeps its numbered sub-items (1.3月底前… 2.…) inside its cell.
    pipe_table = sum(1 for ln in lines if ln.text.count("|") >= 3) >= 3
    size = sum(len(ln.text) for ln in lines)
    for ln in lines:
        if len(ln.text) <= RUN_ON or (pipe_table and ln.text.count("|") >= 3):
            out.append(ln)
            continue
        marks = [m.start() for m in _BREAK.finditer(ln.text) if not _inside_label_bracket(ln.text, m.start())]
        marks += numbered_in_turn(ln.text)
        # A space after a sentence's end separates paragraphs or cells of the lost lines.
        gaps = [m.end() for m in _SENTENCE_GAP.finditer(ln.text)]
        # Where most spaces stand at a sentence's, bracket's or heading's end, the spaces are the lost
        # breaks (not a PDF's wrapped lines inside words, 稳中优 进): one mark will do, and each such space breaks.
        ends = [m.end() for gap in (_CLOSE_GAP, _HEADING_GAP) for m in gap.finditer(ln.text)]
        body = ln.text[marks[0] :] if marks else ""  # the notice's head before the first mark: short lines, any gap
        lost = (
            len(ln.text) >= 0.5 * size  # the page itself, not one long line of it
            and len(gaps) + len(ends) >= 0.5 * len(_ANY_GAP.findall(body))
            and len(marks) + len(gaps) + len(ends) >= 3
        )
        if len(marks) < 3 and not (marks and lost):
            out.append(ln)
            continue
        frame = [m.start() for m in _DISCLAIMER_GAP.finditer(ln.text)]
        dated = [m.end() for m in _DEADLINE_GAP.finditer(ln.text)]
        headed = [
            w.start()
            for w in (_HEADING_BEFORE_FIRST.finditer(ln.text) if lost else ())
            if not _MARK_BEFORE.search(ln.text, 0, w.start())  # 1. 市科技馆 (1)…: the item's own text
        ]
        spaced = [p for p in [*gaps, *(ends if lost else [])] if not _inside_bracket(ln.text, p)]
        marks = sorted({*marks, *spaced, *frame, *dated, *headed})
        broken += 1
        start = 0
        for pos in [*marks, len(ln.text)]:
            out.extend(Line(ln.no, piece) for piece in _leader_apart(ln.text[start:pos].strip()))
            start = pos
    return out, broken


#: A row's number set apart by spaces before its words (… 7.23 139.1% 人力资源社会保障局 2 自然村通…).
_SPACED_NUMBER = re.compile(rf"(?<=\s)(\d{{1,3}})[ \u3000]+(?=[\u4e00-\u9fff])(?!(?!{MEASURE_WORDS})[{MEASURE}])")


def numbered_in_turn(text: str) -> list[int]:
    """Where the rows of a table on one line start, numbered 1, 2, 3 … and set apart by spaces (1 城镇新增就业
    万人 5.2 … 2 自然村通…): each the first number after the one before that is one more; three at least, else none.

    >>> numbered_in_turn("序号 指标 单位 1 新增就业 万人 5 2 新建学校 所 3 3 改造道路 公里 12")
    [9, 21, 32]
    """
    found: list[int] = []
    want = 1
    for m in _SPACED_NUMBER.finditer(text):
        if int(m.group(1)) == want:
            found.append(m.start())
            want += 1
    return found if len(found) >= 3 else []


_PIPES = re.compile(r"^\|+$")
_LABEL_START = re.compile(r"[\u4e00-\u9fff]{2,6}[:：]")


def _inside_label_bracket(text: str, at: int) -> bool:
    """A label inside an item's open unit bracket ((责任领导:A;牵头单位:X), 〔…责任单位:X〕) stays on its line."""
    if not _LABEL_START.match(text, at):
        return False
    opened = max(text.rfind(ch, 0, at) for ch in OPENERS.values())
    closed = max(text.rfind(ch, 0, at) for ch in OPENERS)
    return opened > closed and at - opened < 80


def _leader_apart(piece: str) -> list[str]:
    """A piece of a broken page without the line naming a leader over the next items that ended it
    (…任务分解表 区长 王明： 1.…): the title and the leader's line, each a line again."""
    tokens = piece.split()
    for k in (2, 1):
        tail = " ".join(tokens[-k:])
        if len(tokens) > k and tail.endswith(("：", ":")) and leader_line(tail):
            return [" ".join(tokens[:-k]), tail]
    return [piece] if piece else []


def _inside_bracket(text: str, at: int) -> bool:
    """A space inside a short bracket that closes after it ((责任领导：区委常委、常务副区长 李强)): no lost break."""
    opened = max(text.rfind(ch, 0, at) for ch in OPENERS.values())
    closed = max(text.rfind(ch, 0, at) for ch in OPENERS)
    if opened <= closed or at - opened > 80:
        return False
    close = min((i for ch in OPENERS if (i := text.find(ch, at)) >= 0), default=-1)
    reopen = min((i for ch in OPENERS.values() if (i := text.find(ch, at)) >= 0), default=len(text))
    return 0 <= close < reopen and close - at <= 40


def unpipe(lines: list[Line]) -> tuple[list[Line], bool]:
    """Read a pipe table whose cells were printed one per line, with ``|`` lines between them.

    Converters that keep the line breaks inside cells print ``|`` on a line of its
    own between cells; a run of n pipes there stands for n - 1 empty cells. The
    run becomes a blank line (the cell separator of a flattened table) and each
    empty cell a '—' (printed, but empty), so a merged cell (no cell at all) and
    an empty one stay apart.

    Returns:
        The lines, and whether the text was such a table (a fifth of its lines are pipes).
    """
    if is_cell_per_line(lines):
        return lines, False  # "| cell" lines: read by the delimited table, which keeps the row ends
    if closed_cell_rows(lines) is not None:
        return lines, True  # every cell closed, rows as wide as the header: the delimited table reads the rows
    worded = [ln for ln in lines if ln.text.strip()]
    pipes = [ln for ln in worded if _PIPES.match(ln.text.strip())]
    # (pipes alone between such cells, an empty cell or a row's end, break no run: || / |||||)
    closed = [bool(_CELL_THEN_PIPE.match(ln.text.strip())) for ln in worded if not _PIPES.match(ln.text.strip())]
    # Half the lines, or a run of six cells after a notice's long text (a report, then its table, its
    # header and first row at least: no other text ends six lines running in a pipe).
    if sum(closed) >= 6 and (sum(closed) >= 0.5 * len(worded) or _longest_run(closed) >= 6):
        return _cells_closed_by_pipes(lines), True
    if len(pipes) < 6 or len(pipes) < 0.2 * len(worded):
        return lines, False
    out: list[Line] = []
    run = 0
    for ln in [*lines, Line(0, "")]:
        text = ln.text.strip()
        if _PIPES.match(text):
            run += len(text)
            continue
        if not text and run:
            continue
        if run:
            out.append(Line(ln.no, ""))
            for _ in range(run - 1):
                out += [Line(ln.no, "—"), Line(ln.no, "")]
            run = 0
        if ln.no:
            out.append(ln)
    return out, True


def _longest_run(flags: list[bool]) -> int:
    longest = run = 0
    for flag in flags:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    return longest


#: A cell printed on its own line and closed by the pipe after it ("县教育局 |"), maybe with more
#: pipes that end its row ("责任单位 | ||": no cell follows in it).
_CELL_THEN_PIPE = re.compile(r"^(?:\|\s*)?([^|]+)\|(\s*\|+)?$")


def _cells_closed_by_pipes(lines: list[Line]) -> list[Line]:
    """Cells one per line, each ending in ``|`` (序号 | / 县教育局 |): the pipe ends the cell,
    so it becomes a blank line (the cell separator of a flattened table)."""
    out: list[Line] = []
    in_table = False  # before the first cell, a line (the title) stands alone
    open_cell = False  # the last line was a cell's text not yet closed by its pipe
    for ln in lines:
        text = ln.text.strip()
        if m := _CELL_THEN_PIPE.match(text):
            out += [Line(ln.no, m.group(1).rstrip()), Line(ln.no, "")]
            in_table, open_cell = True, False
        elif in_table and _PIPES.match(text):
            # A pipe alone closes the cell above it; after a closed cell, it is an empty cell (||).
            out += [Line(ln.no, "")] if open_cell else [Line(ln.no, "—"), Line(ln.no, "")]
            open_cell = False
        elif text and not _PIPES.match(text):  # pipes before the first cell close no cell: an empty row
            out += [ln] if in_table else [ln, Line(ln.no, "")]
            open_cell = in_table
    return out


def undouble(lines: list[Line]) -> tuple[list[Line], bool]:
    """Drop the second copy of every line when a text prints each of its lines twice.

    A text where at least 80 % of the lines with words equal the line before them
    (blank lines aside) went through a faulty copy; a genuine table repeats a cell
    now and then, never nearly every line.

    Returns:
        The lines, and whether the text was doubled.

    Example:
        >>> lines = [Line(i, t) for i, t in enumerate(["发改局", "发改局", "财政局", "财政局"] * 3, 1)]
        >>> [ln.text for ln in undouble(lines)[0]][:2], undouble(lines)[1]
        (['发改局', '财政局'], True)
    """
    worded = [ln for ln in lines if ln.text]
    if len(worded) < 10:
        return lines, False
    repeats = sum(1 for a, b in itertools.pairwise(worded) if a.text == b.text)
    if repeats < 0.4 * len(worded):  # a doubled text repeats every other line: half its lines
        return lines, False
    out: list[Line] = []
    previous: str | None = None
    for ln in lines:
        if ln.text and ln.text == previous:
            previous = None  # a third copy is kept: only pairs are undone
            continue
        if ln.text:
            previous = ln.text
        out.append(ln)
    return out, True


#: A role verb a mirror site's synonym spinner reworded (牵头卖力, 按职责分工卖力 for 负责): read as the verb.
_SPUN_VERB = re.compile(r"(?<=牵头|分工|职责|共同|分别|具体)卖力|卖力(?=牵头|[)）】\]])")


def unspin(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines with role verbs a synonym spinner reworded put back (卖力 -> 负责), and how many there were.

    Example:
        >>> unspin([Line(1, "(省发展改革委牵头卖力)")])
        ([Line(no=1, text='(省发展改革委牵头负责)')], 1)
    """
    count = sum(len(_SPUN_VERB.findall(ln.text)) for ln in lines)
    if not count:
        return lines, 0
    return [Line(ln.no, _SPUN_VERB.sub("负责", ln.text)) for ln in lines], count


@cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _char_map(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch


@dataclass
class Simplifier:
    """Simplified characters for reading, printed characters for what is reported.

    Attributes:
        printed: every character of the document as printed, in order.
        simplified: the same characters in simplified form (one for one).
    """

    printed: str
    simplified: str

    @classmethod
    def for_lines(cls, lines: list[Line]) -> Simplifier | None:
        """A simplifier when the text is written in traditional characters, else None.

        A text is traditional when at least 2 % of its Chinese characters (and 20
        of them) change under conversion; a few in a simplified text are names.
        """
        chinese = [ch for ln in lines for ch in ln.text if "\u4e00" <= ch <= "\u9fff"]
        if not chinese:
            return None
        sample = chinese[:20000]
        changed = sum(1 for ch in sample if _char_map(ch) != ch)
        if changed < 20 or changed < 0.02 * len(sample):
            return None
        printed = "".join(ch for ln in lines for ch in ln.text if not ch.isspace())
        return cls(printed, "".join(_char_map(ch) for ch in printed))

    def convert_lines(self, lines: list[Line]) -> list[Line]:
        """The lines in simplified characters (same lengths, same numbers)."""
        return [Line(ln.no, "".join(_char_map(ch) for ch in ln.text)) for ln in lines]

    def printed_form(self, text: str | None) -> str | None:
        """``text`` (read from the simplified lines) as the document prints it; a text put together from
        several places (a title and its paragraph, ``名称：内容``) is mapped back piece by piece."""
        if not text:
            return text
        compact = "".join(ch for ch in text if not ch.isspace())
        printed: list[str] = []
        i = 0
        while i < len(compact):
            lo, hi = i, len(compact)  # the longest piece from i printed in the document: found pieces only shrink
            while lo < hi:
                mid = (lo + hi + 1) // 2
                lo, hi = (mid, hi) if self.simplified.find(compact[i:mid]) >= 0 else (lo, mid - 1)
            if lo == i:
                printed.append(compact[i])  # a joiner no line prints (the ：between a title and its text)
                i += 1
                continue
            at = self.simplified.find(compact[i:lo])
            printed.append(self.printed[at : at + lo - i])
            i = lo
        original = iter("".join(printed))
        return "".join(ch if ch.isspace() else next(original) for ch in text)
