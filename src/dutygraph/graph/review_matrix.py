"""The review page's co-ordination matrix: how many tasks each pair of a plan's busiest units shares.

A heatmap that is an HTML table: a row and a column per unit (the busiest of
the plan by load), a cell per pair holding the number of tasks the two share
(:func:`~dutygraph.graph.analysis.shared_task_matrix`), coloured on a binned
scale of one hue, the kinds of tie in its ``title``. Row and column headers
are ``<th scope>`` cells, zeros are read out but not printed, and the diagonal
holds a unit's own tasks. ``templates/review.js`` highlights the row and the
column under the pointer, reorders by community and takes a unit's name to the
network below. Every name from a document is escaped.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from dutygraph.graph.analysis import RULES, Analysis, UnitRow, coordination_network, kind_name, shared_task_matrix
from dutygraph.graph.drawing_nodes import shorten
from dutygraph.graph.review_parts import esc

#: How many of a plan's units the matrix shows: the busiest by load.
MATRIX_UNITS = 20
#: The colour scale: the least number of shared tasks of each bin, and its colour (ColorBrewer Blues).
SCALE = (
    (1, "#deebf7"),
    (2, "#c6dbef"),
    (3, "#9ecae1"),
    (5, "#6baed6"),
    (9, "#4292c6"),
    (17, "#2171b5"),
    (33, "#08519c"),
    (65, "#08306b"),
)
#: From this bin on, a cell's number is printed in white.
DARK_FROM = 4


def scale_bin(shared: int) -> int:
    """The bin of :data:`SCALE` a number of shared tasks falls in (-1 for none).

    Example:
        >>> scale_bin(0), scale_bin(1), scale_bin(4), scale_bin(100)
        (-1, 0, 2, 7)
    """
    found = -1
    for i, (least, _) in enumerate(SCALE):
        if shared >= least:
            found = i
    return found


def _bin_label(i: int) -> str:
    least = SCALE[i][0]
    if i + 1 == len(SCALE):
        return f"{least}+"
    top = SCALE[i + 1][0] - 1
    return str(least) if top == least else f"{least}–{top}"


def _cell(a: str, b: str, tie: dict[str, int], j: int) -> str:
    """One cell: the number of tasks ``a`` and ``b`` share, coloured, the kinds of tie in its title."""
    n = tie["weight"]
    if not n:
        title = f"{esc(a)} × {esc(b)}：无共同任务"
        return f'<td data-i="{j}" data-v="0" class="zero" title="{title}"><span class="sr">0</span></td>'
    k = scale_bin(n)
    ink = "#fff" if k >= DARK_FROM else "#111"
    title = (
        f"{a} × {b}：共同任务 {n} 项（牵头-配合 {tie['lead_support']}，"
        f"配合-配合 {tie['support_support']}，牵头-牵头 {tie['lead_lead']}）"
    )
    return f'<td data-i="{j}" data-v="{n}" style="background:{SCALE[k][1]};color:{ink}" title="{esc(title)}">{n}</td>'


def _communities(rows: list[UnitRow]) -> list[int]:
    """Each row's place when units are grouped by community (largest first), then by load."""
    size: dict[Any, int] = {}
    for r in rows:
        size[r.community] = size.get(r.community, 0) + 1
    order = sorted(
        range(len(rows)),
        key=lambda i: (
            rows[i].community is None,
            -size[rows[i].community],
            rows[i].community or 0,
            i,
        ),
    )
    return [order.index(i) for i in range(len(rows))]


def matrix_table(C: nx.Graph[str], rows: list[UnitRow], table_id: str, caption: str) -> str:
    """The matrix of ``rows`` (analysis rows of units, busiest first) on the coordination network ``C``.

    Example:
        >>> C = nx.Graph([("a", "b", {"weight": 3, "lead_support": 3, "support_support": 0, "lead_lead": 0})])
        >>> from types import SimpleNamespace as Row
        >>> rows = [Row(id=u, name=u.upper(), kind="department", load=4, lead=1, support=2, community=1, status="")
        ...         for u in "ab"]
        >>> html = matrix_table(C, rows, "m", "甲")
        >>> 'title="A × B：共同任务 3 项（牵头-配合 3，配合-配合 0，牵头-牵头 0）">3</td>' in html
        True
    """
    ids = [r.id for r in rows]
    names = [str(r.name) for r in rows]
    marks = [f"{RULES[st].mark} " if (st := r.status) in ("overloaded", "blanket") else "" for r in rows]
    M = shared_task_matrix(C, ids)
    grouped = _communities(rows)
    head = "".join(
        f'<th scope="col" data-i="{j}" title="{esc(name)}"><span>{esc(marks[j] + shorten(name, 8))}</span></th>'
        for j, name in enumerate(names)
    )
    body = []
    for i, r in enumerate(rows):
        own = int(r.lead) + int(r.support)
        cells = [
            f'<td data-i="{j}" data-v="{own}" class="self" title="{esc(names[i])}：承担任务 {own} 项">{own}</td>'
            if i == j
            else _cell(names[i], names[j], M[i][j], j)
            for j in range(len(rows))
        ]
        label = f"{marks[i]}{names[i]}（{kind_name(r.kind)}，负荷 {float(r.load):g}）"
        body.append(
            f'<tr data-load="{i}" data-community="{grouped[i]}"><th scope="row" title="{esc(label)}">'
            f'<button type="button" class="unit" data-id="{esc(ids[i])}">'
            f"{esc(marks[i] + shorten(names[i], 12))}</button></th>"
            f"{''.join(cells)}</tr>"
        )
    return (
        f'<div class="scroll"><table class="matrix" id="{esc(table_id)}"><caption>{esc(caption)}</caption>'
        f'<thead><tr><td class="corner"></td>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )


def _scale_legend(top: int) -> str:
    """The colour scale's bins up to the largest number shown, as a list."""
    items = "".join(
        f'<li><span class="swatch" style="background:{colour}"></span>{esc(_bin_label(i))}</li>'
        for i, (_, colour) in enumerate(SCALE)
        if i <= max(scale_bin(top), 0)
    )
    return f'<ul class="scale" aria-label="颜色：共同任务数">{items}<li class="note">颜色越深，共同任务越多</li></ul>'


def matrix_section(
    G: nx.MultiDiGraph[str], analysis: Analysis, tasks: list[Any], *, include_inferred: bool = False
) -> str:
    """The co-ordination matrix of each plan of ``analysis`` ("" when no plan has two units).

    Args:
        G: the responsibility graph.
        analysis: the page's analysis (one plan, or several, or a region pooled).
        tasks: the page's tasks (:func:`~dutygraph.graph.analysis.task_index` rows).
        include_inferred: whether guesses count as ties, as in the analysis.
    """
    parts, top = [], 0
    for i, plan in enumerate(analysis.plans):
        rows = [r for r in analysis.units if r.plan == plan.label][:MATRIX_UNITS]
        if len(rows) < 2:
            continue
        own = [t for t in tasks if t.region == plan.region and (plan.pooled or t.year == plan.year)]
        C = coordination_network(G, include_inferred=include_inferred, index=own)
        caption = f"{plan.label}：负荷最大的 {len(rows)} 个单位两两共同承担的任务数（对角线：该单位自己的任务数）"
        parts.append(matrix_table(C, rows, f"dg-matrix-{i}", caption))
        ids = [r.id for r in rows]
        top = max([top, *(C[a][b]["weight"] for a in ids for b in ids if a != b and C.has_edge(a, b))])
    if not parts:
        return ""
    return (
        '<section id="dg-matrix-section">'
        f'<h2 id="dg-matrix">单位协作矩阵 · co-ordination matrix（负荷最大的 {MATRIX_UNITS} 个单位；'
        "格中数字 = 两单位共同承担的任务数）</h2>\n"
        '<p class="method">悬停格子查看协作类型；点击单位名在下方网络中查看。'
        '<label class="filter">排序 <select class="matrix-order"><option value="load">按负荷</option>'
        '<option value="community">按协作社区</option></select></label></p>\n'
        f"{_scale_legend(top)}\n" + "\n".join(parts) + "</section>"
    )
