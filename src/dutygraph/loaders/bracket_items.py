"""Items whose paragraph holds several tasks, each closed by its own bracket of roles.

``1.稳增长。（市发改委牵头）扩投资。（市住建局负责）`` is two tasks; ``新建公园【牵头领导：A】【牵头单位：B】``
one, its brackets printed one after another closing it together. :func:`cue_brackets` finds the
brackets that assign roles, :func:`split_at_brackets` cuts an item at them.
"""

from __future__ import annotations

from dutygraph.loaders.base import Context
from dutygraph.loaders.cues import has_cue, names_a_role, read_cues
from dutygraph.loaders.cut_brackets import open_group
from dutygraph.loaders.numbered_item import Item, is_title, top_brackets
from dutygraph.loaders.numbering import arabic, numbering
from dutygraph.loaders.text import squeeze


def cue_brackets(text: str, ctx: Context) -> list[tuple[int, int]]:
    """Where the top-level brackets of ``text`` that assign roles are: (start, end) each.

    A bracket assigns roles when it reads as cues with a unit or a leader in them
    (（分管副省长负责，省科技厅牵头）), not when it only explains (（含下属单位）).
    """
    quiet = Context(ctx.file, [])  # a trial reading: its warnings are not the document's
    return [
        (start, end)
        for start, end in top_brackets(text)
        if names_a_role(inner := text[start + 1 : end - 1]) and read_cues(inner, 0, quiet)
    ]


def carries_cue(text: str) -> bool:
    """True when a numbered line holds a cue: at its end, or in a bracket of roles inside its paragraph."""
    return has_cue(text) or (names_a_role(text) and bool(cue_brackets(text, Context("", []))))


def split_at_brackets(it: Item, ctx: Context) -> list[Item]:
    """An item whose paragraph holds several tasks, each closed by its own bracket of roles, as one item per
    task, numbered （一）, （一）2, （一）3 … (1, 1-2, 1-3 under an arabic number); the text after the last
    bracket (a task cut before its bracket) is one more. An item with one bracket, or only a closing one, is
    returned as it is, unless the text after that bracket is a task the page cut inside its own bracket
    (…。(市环保局牵头)城市建成区……。(市建委、)."""
    text = "".join(it.parts).strip()
    goal, goal_no = it.goal, it.goal_no
    if len(it.parts) > 1 and is_title(it.parts[0]):
        body = "".join(it.parts[1:]).strip()
        if len(_adjacent_joined(body, cue_brackets(body, ctx))) >= 2:
            # 一、主要预期目标 / X（A牵头）；Y（B牵头）: the title over several tasks is their goal, no task's text
            text, goal, goal_no = body, it.parts[0].strip(), it.number.strip("、.．﹒（）() ") or it.goal_no
    spans = _adjacent_joined(text, cue_brackets(text, ctx))
    if len(spans) < 2 and not (spans and open_group(text[spans[0][1] :])):
        return [it]
    pieces, at = [], 0
    for _, end in spans:
        pieces.append(text[at:end])
        at = end
    tail = text[at:].strip(" 。.，,；;")
    if len(squeeze(tail)) > 8:
        pieces.append(text[at:])
    out = []
    base = it.number.rstrip(".．、﹒。")
    last = arabic(base.strip("（）() "))
    for k, piece in enumerate(pieces, start=1):
        number = it.number if k == 1 else f"{base}-{k}" if base[-1:].isdigit() else f"{base}{k}"
        part = piece.strip().lstrip("。.，,；; ")
        # 1 X【…】 2 Y【…】 run on one line: a piece opening with the next number is that item
        if k > 1 and last and (num := numbering(part)) and arabic(num[1].strip("（）().．、﹒。 ")) == last + 1:
            number, part, last = num[1], part[num[2] :], last + 1
        out.append(Item(number, it.line, [part], goal, goal_no, it.area, it.context, []))
    out[-1].labelled = list(it.labelled)
    return out


def _adjacent_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Brackets printed one after another with nothing but spaces or stops between them (【牵头领导：A】
    【牵头单位：B】【配合单位：C】) as one span: they close one task together."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and not text[out[-1][1] : start].strip(" \u3000，,；;、。."):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
