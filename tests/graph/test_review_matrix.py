"""The review page's co-ordination matrix, in Debian's Chromium and as HTML."""

from __future__ import annotations

import itertools
import re

from dutygraph.graph.analysis import analyze, coordination_network, shared_task_matrix, task_index
from dutygraph.graph.build import build_graph
from dutygraph.graph.report import render_report
from dutygraph.graph.review_matrix import MATRIX_UNITS, SCALE, matrix_section, scale_bin
from dutygraph.loaders.records import DocumentMeta, LoadResult, TaskRecord
from tests.conftest import seeds_graph
from tests.graph.test_pages import SHOTS, Opened, _page, browser  # noqa: F401

READ = """(table) => Array.from(table.tBodies[0].rows).map(r => ({
    id: r.querySelector('button.unit').getAttribute('data-id'),
    head: r.cells[0].getAttribute('scope'),
    cells: Array.from(r.cells).slice(1).map(c => [c.getAttribute('data-i'), c.textContent, c.title,
                                                   getComputedStyle(c).backgroundColor]),
}))"""


def _luminance(css: str) -> float:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _review(chromium, tmp_path, name="matrix"):
    G = seeds_graph()
    analysis = analyze(G, region="钟楼区", year=2021)
    opened = Opened(chromium, _page(tmp_path, name, render_report(G, analysis, region="钟楼区", year=2021)))
    return G, analysis, opened


def test_the_matrix_counts_the_tasks_each_pair_of_the_busiest_units_shares(browser, tmp_path):  # noqa: F811
    G, analysis, opened = _review(browser, tmp_path)
    page = opened.page
    assert opened.errors == [] and opened.outside_requests() == []
    table = page.locator("#dg-matrix-0")
    busiest = [r.id for r in analysis.units[:MATRIX_UNITS]]
    rows = table.evaluate(READ)
    assert [r["id"] for r in rows] == busiest and len(busiest) == MATRIX_UNITS
    # accessible markup: a caption, a column header and a row header per unit
    assert "钟楼区 2021" in table.locator("caption").inner_text()
    assert table.locator("thead th[scope=col]").count() == MATRIX_UNITS
    assert all(r["head"] == "row" for r in rows)
    C = coordination_network(G, region="钟楼区", year=2021)
    shared = shared_task_matrix(C, busiest)
    own = {r.id: r.lead + r.support for r in analysis.units}
    seen = []
    for i, r in enumerate(rows):
        for j, (col, text, title, background) in enumerate(r["cells"]):
            assert int(col) == j
            expected = own[r["id"]] if i == j else shared[i][j]["weight"]
            assert int(text) == expected, (r["id"], busiest[j])
            if i != j and expected:
                seen.append((expected, _luminance(background)))
                assert f"共同任务 {expected} 项" in title
    # symmetric, and darker the more tasks a pair shares
    assert all(shared[i][j] == shared[j][i] for i in range(len(busiest)) for j in range(len(busiest)))
    seen.sort()
    assert all(a[1] >= b[1] for a, b in itertools.pairwise(seen)) and seen[0][1] > seen[-1][1]
    assert len({scale_bin(n) for n, _ in seen}) >= 5
    # a known pair, read from the network: 住建局 and 发改局
    a, b = busiest.index("unit:钟楼区:住建局"), busiest.index("unit:钟楼区:发改局")
    tie = C["unit:钟楼区:住建局"]["unit:钟楼区:发改局"]
    assert rows[a]["cells"][b][2] == (
        f"住建局 × 发改局：共同任务 {tie['weight']} 项（牵头-配合 {tie['lead_support']}，"
        f"配合-配合 {tie['support_support']}，牵头-牵头 {tie['lead_lead']}）"
    )
    # the blanket supporters carry their mark
    assert table.locator("tbody th").first.inner_text().startswith("≡ ")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#dg-matrix-section").scroll_into_view_if_needed()
    table.locator("tbody tr").nth(3).locator("td").nth(6).hover()
    page.locator("#dg-matrix-section").screenshot(path=str(SHOTS / "matrix.png"))


def test_hovering_a_cell_marks_its_row_and_column_and_a_name_leads_to_the_network(browser, tmp_path):  # noqa: F811
    _, _, opened = _review(browser, tmp_path, "matrix-hover")
    page = opened.page
    table = page.locator("#dg-matrix-0")
    row = table.locator("tbody tr").nth(2)
    row.locator("td").nth(5).hover()
    assert table.locator("th.hl").count() == 2
    assert row.locator("th").get_attribute("class") == "hl"
    assert table.locator("thead th").nth(5).get_attribute("class") == "hl"
    page.mouse.move(0, 0)
    assert table.locator("th.hl").count() == 0
    unit = row.locator("button.unit").get_attribute("data-id")
    row.locator("button.unit").click()
    assert opened.js("window.dutygraph.network.getSelectedNodes()") == [unit]
    top = page.evaluate("() => document.getElementById('dg-network').getBoundingClientRect().top")
    assert 0 <= top < 100
    assert opened.errors == []


def test_grouping_by_community_moves_rows_and_columns_together(browser, tmp_path):  # noqa: F811
    _, analysis, opened = _review(browser, tmp_path, "matrix-order")
    page = opened.page
    table = page.locator("#dg-matrix-0")

    def pairs():
        rows = table.evaluate(READ)
        cols = table.locator("thead th[scope=col]").evaluate_all("hs => hs.map(h => h.getAttribute('data-i'))")
        ids = [r["id"] for r in rows]
        return ids, cols, {(r["id"], c[0]): c[1] for r in rows for c in r["cells"]}

    before_ids, _, before = pairs()
    page.select_option("select.matrix-order", "community")
    after_ids, cols, after = pairs()
    assert before == after  # every cell keeps its value
    community = {r.id: r.community for r in analysis.units}
    groups = [community[u] for u in after_ids]
    assert groups != [community[u] for u in before_ids]
    assert all(g not in groups[: i - 1] or groups[i - 1] == g for i, g in enumerate(groups) if i)  # contiguous
    assert cols == [str(before_ids.index(u)) for u in after_ids]  # the columns follow the rows
    page.select_option("select.matrix-order", "load")
    assert pairs()[0] == before_ids


def test_one_matrix_per_plan_and_names_escaped():
    G = seeds_graph()
    html = render_report(G, analyze(G, region="钟楼区"), region="钟楼区")
    assert 'id="dg-matrix-0"' in html and 'id="dg-matrix-1"' in html
    assert "钟楼区 2021：" in html and "钟楼区 2024：" in html
    records = [
        TaskRecord(
            goal="目标",
            area=None,
            task=str(i),
            text="推进。",
            lead=["区<b>发改</b>局"],
            support=["区财政局"],
            leaders=[],
            inherited=[],
            line=i + 1,
            goal_no="一",
        )
        for i in range(1, 4)
    ]
    G = build_graph(
        [LoadResult(DocumentMeta(file="m.txt", path="m.txt", region="鼓楼区", year=2024, layout="t"), records)]
    )
    section = matrix_section(G, analyze(G), task_index(G))
    assert "<b>" not in section and "区&lt;b&gt;发改&lt;/b&gt;局" in section
    assert ">3</td>" in section  # the two units share the three tasks
    assert SCALE[scale_bin(3)][1] in section
