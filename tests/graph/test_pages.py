"""The pages in a real browser: Debian's Chromium, driven by Playwright.

Screenshots of every view are written to build/screenshots/.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from dutygraph.graph import model as m
from dutygraph.graph.analysis import analyze, coordination_network, plans
from dutygraph.graph.build import build_graph
from dutygraph.graph.draw import make_drawing, render, write_page
from dutygraph.graph.report import render_report
from dutygraph.loaders import load
from dutygraph.loaders.records import DocumentMeta, LoadResult, TaskRecord
from tests.conftest import ROOT, seed, seeds_graph

CHROMIUM = os.environ.get("DUTYGRAPH_CHROMIUM", "/usr/bin/chromium")
SHOTS = ROOT / "build" / "screenshots"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: 'make browser' installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    """A page opened from a file, with what it printed, requested and popped up."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        deadline = time.monotonic() + 60
        while not self.js("!!(window.dutygraph && window.dutygraph.stabilized)"):
            assert time.monotonic() < deadline, "the page never stabilised"
            time.sleep(0.05)

    def js(self, expression: str):
        return self.page.evaluate(f"() => {expression}")

    def node_point(self, node_id: str) -> tuple[float, float]:
        box = self.page.locator("#dg-network").bounding_box()
        p = self.page.evaluate(
            "(id) => { const n = window.dutygraph.network; const c = n.getPositions([id])[id]; return n.canvasToDOM(c); }",
            node_id,
        )
        return box["x"] + p["x"], box["y"] + p["y"]

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:", "blob:"))]


def _page(tmp_path: Path, name: str, html: str) -> Path:
    return write_page(html, tmp_path / f"{name}.html")


def _drawn(G) -> tuple[int, int]:
    """Nodes and relationships a full view draws: all but the quantitative targets (data of their task)."""
    H = G.subgraph(n for n, d in G.nodes(data=True) if d["label"] != m.TARGET)
    return H.number_of_nodes(), H.number_of_edges()


def _check_loaded(opened: Opened, nodes: int, edges: int, shot: str) -> None:
    assert opened.errors == []
    assert opened.outside_requests() == []
    assert opened.js("window.dutygraph.nodes.length") == nodes
    assert opened.js("window.dutygraph.edges.length") == edges
    SHOTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(SHOTS / f"{shot}.png"))


def test_full_view_shows_every_node_and_relationship_of_the_graph(browser, tmp_path):
    G = build_graph([seed("001")])
    html = render(make_drawing(G, "full", analysis=analyze(G)))
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html), "the page must load nothing"
    opened = Opened(browser, _page(tmp_path, "full", html))
    _check_loaded(opened, *_drawn(G), "full")
    assert "文件 document" in opened.page.inner_text("#dg-legend")


def test_units_view_draws_the_coordination_network(browser, tmp_path):
    G = seeds_graph()
    analysis = analyze(G, region="钟楼区", year=2021)
    C = coordination_network(G, region="钟楼区", year=2021)
    opened = Opened(
        browser,
        _page(tmp_path, "units", render(make_drawing(G, "units", analysis=analysis, region="钟楼区", year=2021))),
    )
    _check_loaded(opened, C.number_of_nodes(), C.number_of_edges(), "units")
    flagged = opened.js("window.dutygraph.nodes.get().filter(n => n.label.startsWith('⚑')).map(n => n.label)")
    assert sorted(flagged) == sorted(f"⚑ {r.name}" for r in analysis.units if r.flagged)
    assert sorted(flagged) == ["⚑ 住建局", "⚑ 发改局", "⚑ 商务局", "⚑ 工信局"]  # the parks are blanket supporters


@pytest.mark.parametrize(
    ("view", "kwargs"),
    [
        ("goal", {"goal": "提升产业发展质效"}),
        ("unit", {"unit": "发改局", "region": "钟楼区"}),
        ("leader", {"leader": "王旭锋"}),
    ],
)
def test_neighbourhood_views(browser, tmp_path, view, kwargs):
    G = seeds_graph()
    drawing = make_drawing(G, view, analysis=analyze(G), **kwargs)
    opened = Opened(browser, _page(tmp_path, view, render(drawing)))
    _check_loaded(opened, len(drawing.nodes), len(drawing.edges), view)
    assert opened.js("window.dutygraph.nodes.length") > 10


def test_hovering_a_task_shows_its_whole_text(browser, tmp_path):
    G = build_graph([seed("001")])
    opened = Opened(browser, _page(tmp_path, "hover", render(make_drawing(G, "full", analysis=analyze(G)))))
    (task,) = [
        n for n, d in G.nodes(data=True) if d["label"] == "Task" and d["number"] == "2"
    ]  # ids also hold the goal
    x, y = opened.node_point(task)
    opened.page.mouse.move(x - 30, y - 30)
    opened.page.mouse.move(x, y, steps=5)
    opened.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    tip = opened.page.inner_text("div.vis-tooltip")
    assert "社会消费品零售总额增长6%以上,外贸进出口力争正增长,实际使用外资稳中提质。" in tip
    assert "牵头：区商务局" in tip and "配合：各街道板块" in tip


def test_clicking_a_unit_shows_its_neighbourhood_and_clicking_the_background_shows_all(browser, tmp_path):
    G = build_graph([seed("001")])
    opened = Opened(browser, _page(tmp_path, "click", render(make_drawing(G, "full", analysis=analyze(G)))))
    unit = "unit:鼓楼区:区国资办"
    x, y = opened.node_point(unit)
    opened.page.mouse.click(x, y)
    tasks = set(G.successors(unit))
    expected = (
        {unit}
        | tasks
        | {s for t in tasks for s, _, k in G.in_edges(t, keys=True) if k in ("LEADS", "SUPPORTS", "OVERSEES")}
    )
    assert (
        set(opened.js("window.dutygraph.visibleNodes()")) == set(opened.js("window.dutygraph.highlighted")) == expected
    )
    # edges are hidden with their nodes, not left dimmed across the page
    assert all(
        e.split("|")[0] in expected and e.split("|")[2] in expected
        for e in opened.js("window.dutygraph.visibleEdges()")
    )
    box = opened.page.locator("#dg-network").bounding_box()
    opened.page.mouse.click(box["x"] + 5, box["y"] + 5)
    assert len(opened.js("window.dutygraph.visibleNodes()")) == _drawn(G)[0]


def test_search_forgives(browser, tmp_path):
    G = seeds_graph()
    drawing = make_drawing(G, "full", analysis=analyze(G), limit=10**6)
    opened = Opened(browser, _page(tmp_path, "search", render(drawing)))
    page = opened.page
    page.fill("#dg-search", "住建")  # part of a name
    first = page.locator("#dg-results button").first
    assert first.get_attribute("data-id") == "unit:钟楼区:住建局" and "钟楼区 · 部门" in first.inner_text()
    page.fill("#dg-search", "⚑ 住建局")  # the flag mark is ignored
    assert page.locator("#dg-results button").first.get_attribute("data-id") == "unit:钟楼区:住建局"
    page.fill("#dg-search", "没有这个单位")
    assert "无匹配" in page.inner_text("#dg-results")
    # Two units share the name 各街道 (钟楼区 and 鼓楼区): both are listed, each reachable by its id.
    page.fill("#dg-search", "各街道")
    ids = page.locator("#dg-results button").evaluate_all("bs => bs.map(b => b.getAttribute('data-id'))")
    assert {"unit:钟楼区:各街道", "unit:鼓楼区:各街道"} <= set(ids)
    page.locator('#dg-results button[data-id="unit:鼓楼区:各街道"]').click()
    assert opened.js("window.dutygraph.network.getSelectedNodes()") == ["unit:鼓楼区:各街道"]
    assert "unit:鼓楼区:各街道" in opened.js("window.dutygraph.highlighted")
    assert page.inner_text("#dg-details h3") == "各街道"
    # Enter takes the first match; the old change event still works.
    page.fill("#dg-search", "区审计")
    page.press("#dg-search", "Enter")
    assert opened.js("window.dutygraph.network.getSelectedNodes()") == ["unit:鼓楼区:区审计局"]


def test_search_on_the_review_page_scrolls_to_the_network(browser, tmp_path):
    G = seeds_graph()
    opened = Opened(
        browser,
        _page(
            tmp_path,
            "review-search",
            render_report(G, analyze(G, region="钟楼区", year=2021), region="钟楼区", year=2021),
        ),
    )
    page = opened.page
    assert page.locator("#dg-network").bounding_box()["y"] > 900  # far below the fold
    page.fill("#dg-search", "住建局")
    page.press("#dg-search", "Enter")
    top = page.evaluate("() => document.getElementById('dg-network').getBoundingClientRect().top")
    assert 0 <= top < 100
    assert opened.js("window.dutygraph.network.getSelectedNodes()") == ["unit:钟楼区:住建局"]


def test_script_injection_in_a_document_runs_nothing(browser, tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(
        "一、<script>alert(1)</script>目标\n1.<img src=x onerror=alert(1)>推进<script>alert(2)</script>建设。"
        '(区<b>发改</b>局主办,各街道协办)\n2.完成"</script><script>alert(3)</script>任务。(区财政局主办)\n',
        encoding="utf-8",
    )
    G = build_graph([load(path, region="鼓楼区", year=2024)])
    html = render(make_drawing(G, "full", analysis=analyze(G)))
    assert "<script>alert" not in html and "<img src=x" not in html
    opened = Opened(browser, _page(tmp_path, "evil", html))
    _check_loaded(opened, *_drawn(G), "injection")
    (first,) = [n for n, d in G.nodes(data=True) if d["label"] == "Task" and d["number"] == "1"]
    x, y = opened.node_point(first)
    opened.page.mouse.move(x - 30, y - 30)
    opened.page.mouse.move(x, y, steps=5)
    opened.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert "<img src=x onerror=alert(1)>推进<script>alert(2)</script>建设。" in opened.page.inner_text(
        "div.vis-tooltip"
    )
    time.sleep(0.3)
    assert opened.dialogs == []
    assert opened.js("document.querySelectorAll('img, b').length") == 0
    assert not any(u.endswith("/x") for u in opened.requests)


def test_a_graph_too_large_is_drawn_as_the_units_view_with_a_note(browser, tmp_path):
    G = seeds_graph()
    analysis = analyze(G)
    drawing = make_drawing(G, "full", analysis=analysis, limit=300)
    assert drawing.view == "units"
    opened = Opened(browser, _page(tmp_path, "large", render(drawing)))
    assert "完整图有 643 个节点，超过 300 个" in opened.page.inner_text("#dg-note")
    assert opened.js("window.dutygraph.nodes.length") == coordination_network(G).number_of_nodes() == 119


def test_a_units_view_too_large_keeps_the_overloaded_and_the_busiest_units(browser, tmp_path):
    G = seeds_graph()
    analysis = analyze(G)
    C = coordination_network(G)
    flagged = {u.id for u in analysis.units if u.flagged}
    drawing = make_drawing(G, "full", analysis=analysis, limit=100)
    kept = {n["id"] for n in drawing.nodes}
    assert len(kept) == 100 and flagged <= kept
    strength = dict(C.degree(weight="weight"))
    weakest_kept = min(strength[n] for n in kept - flagged)
    assert all(strength[n] <= weakest_kept for n in set(C) - kept)
    assert {frozenset((e["from"], e["to"])) for e in drawing.edges} == {frozenset(e) for e in C.subgraph(kept).edges}
    opened = Opened(browser, _page(tmp_path, "capped", render(drawing)))
    note = opened.page.inner_text("#dg-note")
    assert (
        f"单位协作网络有 119 个单位，超过 100 个，只画出负担过重的 {len(flagged)} 个和共同任务最多的 {100 - len(flagged)} 个"
        in note
    )
    assert note.count("缩小范围") == 1
    assert opened.js("window.dutygraph.nodes.length") == 100
    assert opened.js("window.dutygraph.edges.length") == C.subgraph(kept).number_of_edges()
    assert opened.errors == []


def test_review_page(browser, tmp_path):
    G = seeds_graph()
    analysis = analyze(G, region="钟楼区", year=2021)
    opened = Opened(browser, _page(tmp_path, "review", render_report(G, analysis, region="钟楼区", year=2021)))
    C = coordination_network(G, region="钟楼区", year=2021)
    _check_loaded(opened, C.number_of_nodes(), C.number_of_edges(), "review")
    page = opened.page
    # Flags first, each with its reason and the peers it was compared with; the parks apart as blanket supporters.
    assert page.locator("main.review h2").first.inner_text().startswith("负担过重")
    flags = page.inner_text("ul.flags")
    assert (
        "⚑ 住建局（部门）：牵头 14 项（其中共同牵头 2 项）、配合 0 项（负荷 27），跨 5 个目标；同类（部门）30 个，中位数 负荷 5.5，"
        "稳健 z 5.3；比较对象：工信局、" in flags
    )
    assert "高新园" not in flags and "经开区" not in flags
    assert "≡ 高新园(邹区镇)（园区）：牵头 2 项（其中共同牵头 1 项）、配合 82 项" in page.inner_text("ul.flags.blanket")
    # Year over year, 2021 → 2024, with the caveat on the deduplicated 2024 text.
    changes = page.inner_text("#dg-change-table")
    assert "2021 负荷" in changes and "2024 负荷" in changes and "新增" in changes and "退出" in changes
    assert "line-deduplicated" in page.inner_text("main.review")
    assert page.locator("div.bars div.bar").count() == min(30, len(analysis.units))
    table = page.locator("#dg-rank")

    def visible_names():
        return [
            n.replace(" ▸", "")
            for n in table.locator("tbody tr:not(.tasks):visible td[data-key=name]").all_inner_texts()
        ]

    assert visible_names()[0] == "高新园(邹区镇)"
    assert set(table.locator("tbody tr:not(.tasks) td[data-key=kind]").all_inner_texts()) <= {
        "部门",
        "党委部门",
        "群团组织",
        "街道/镇",
        "园区",
        "企业",
        "议事协调机构",
    }
    lead = table.locator("th", has_text="牵头").first
    lead.click()
    assert lead.get_attribute("data-order") == "asc" and visible_names()[0] != "住建局"
    assert page.evaluate("(th) => getComputedStyle(th, '::after').content", lead.element_handle()) == '" ▲"'
    lead.click()
    assert visible_names()[0] == "住建局"
    assert page.evaluate("(th) => getComputedStyle(th, '::after').content", lead.element_handle()) == '" ▼"'
    # Filter by kind: only the rows of the chosen kind stay.
    page.select_option("select.kind-filter", "园区")
    kinds = table.locator("tbody tr:not(.tasks):visible td[data-key=kind]").all_inner_texts()
    assert visible_names() and set(kinds) == {"园区"}
    page.select_option("select.kind-filter", "")
    assert len(visible_names()) == len(analysis.units)
    # A unit's row opens to its tasks: as many as the graph has for 住建局 in 2021, each with its role.
    row = table.locator("tbody tr:not(.tasks)", has_text="住建局").first
    row.locator("button.open").click()
    detail = table.locator("tbody tr.tasks:visible")
    assert detail.count() == 1
    expected = [
        t
        for _, t, k in G.out_edges("unit:钟楼区:住建局", keys=True)
        if G.nodes[t].get("year") == 2021 and k in ("LEADS", "SUPPORTS")
    ]
    assert detail.locator("li").count() == len(expected) == 14
    assert detail.locator("li span.role", has_text="牵头").count() == len(expected)
    # ... under each goal with what it carries there, the heaviest goal first, after the unit's reason.
    (row_data,) = [r for r in analysis.units if r.name == "住建局"]
    goals = detail.locator("b.goal").all_inner_texts()
    assert goals == [s.title for s in row_data.by_goal] and goals[0] == "提升区域功能品质"
    assert "提升区域功能品质（牵头 7、配合 0，负荷 14）" in detail.inner_text()
    assert detail.locator("p.reason").inner_text() == f"理由：{row_data.reason}"
    # The weights used are on the page, in the columns' own words.
    assert "负荷 = 2 × 第一牵头 + 1.5 × 共同牵头 + 1 × 配合" in page.inner_text("main.review p.method")
    # A collective's hover text says it is not ranked (no "第 集体单位不排名 位").
    title = opened.js("window.dutygraph.nodes.get('unit:钟楼区:各街道').title")
    assert "集体单位，不排名" in title and "第 集体" not in title
    page.screenshot(path=str(SHOTS / "review-full.png"), full_page=True)


def test_review_page_fits_a_phone(browser, tmp_path):
    G = seeds_graph()
    html = render_report(G, analyze(G, region="鼓楼区", year=2024), region="鼓楼区", year=2024)
    path = _page(tmp_path, "review-phone", html)
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(path.as_uri())
    page.wait_for_function("() => window.dutygraph && window.dutygraph.stabilized", timeout=60000)
    bars = page.locator("div.bars").bounding_box()
    assert bars["x"] >= 0 and bars["x"] + bars["width"] <= 390
    assert page.evaluate(
        "() => document.querySelector('div.bars').scrollWidth <= document.querySelector('div.bars').clientWidth"
    )
    assert page.locator("#dg-network").bounding_box()["width"] <= 390
    page.screenshot(path=str(SHOTS / "review-phone.png"), full_page=False)
    page.close()


# -- the panel of the graph page -------------------------------------------------


def _plan_page(browser, tmp_path, name, G, plan_label="钟楼区 2021", **kwargs):
    plan = next(p for p in plans(G) if p.label == plan_label)
    drawing = make_drawing(G, "full", analysis=analyze(G, plan=plan), plan=plan, **kwargs)
    opened = Opened(browser, _page(tmp_path, name, render(drawing)))
    _check_loaded(opened, len(drawing.nodes), len(drawing.edges), name)
    return opened, plan


def _visible(opened, label):
    return {n for n in opened.js("window.dutygraph.visibleNodes()") if n.startswith(label)}


def test_filter_by_plan_goal_role_kind_and_shared_tasks(browser, tmp_path):
    G = seeds_graph()
    drawing = make_drawing(G, "full", analysis=analyze(G), limit=10**6)
    opened = Opened(browser, _page(tmp_path, "filters", render(drawing)))
    page = opened.page
    tasks_of = lambda pred: {n for n, d in G.nodes(data=True) if d["label"] == "Task" and pred(d)}  # noqa: E731
    page.select_option("#dg-plan", "钟楼区 2021")
    assert _visible(opened, "task:") == tasks_of(lambda d: d.get("region") == "钟楼区" and d.get("year") == 2021)
    goal = next(
        n
        for n, d in G.nodes(data=True)
        if d["label"] == "Goal" and d.get("title") == "提升产业发展质效" and G.nodes[d["doc"]].get("year") == 2021
    )
    page.select_option("#dg-goal", goal)
    assert _visible(opened, "task:") == tasks_of(lambda d: d.get("goal") == goal) and len(_visible(opened, "task:")) > 5
    assert _visible(opened, "goal:") == {goal}
    page.uncheck("#dg-role-support")
    rels = {e.split("|")[1] for e in opened.js("window.dutygraph.visibleEdges()")}
    assert "SUPPORTS" not in rels and "LEADS" in rels
    page.check("#dg-role-support")
    page.select_option("#dg-goal", "")
    page.select_option("#dg-kind", "园区")
    units = _visible(opened, "unit:")
    assert units == {"unit:钟楼区:高新园(邹区镇)", "unit:钟楼区:经开区"}
    page.select_option("#dg-kind", "")
    page.fill("#dg-min-shared", "10")
    units = _visible(opened, "unit:")
    C = coordination_network(G, region="钟楼区", year=2021)
    expected = {u for u in C if any(d["weight"] >= 10 for d in C[u].values())}
    assert units == expected and 3 < len(units) < C.number_of_nodes()
    page.click("#dg-reset")
    assert len(opened.js("window.dutygraph.visibleNodes()")) == len(drawing.nodes)
    assert opened.errors == [] and opened.outside_requests() == []


def test_ego_view_shows_exactly_the_neighbours_one_and_two_steps(browser, tmp_path):
    G = seeds_graph()
    opened, plan = _plan_page(browser, tmp_path, "ego", G)
    unit = "unit:钟楼区:住建局"

    def step(frontier):
        tasks = {
            t for u in frontier for t in G.successors(u) if plan.holds(G.nodes[t].get("region"), G.nodes[t].get("year"))
        }
        people = {s for t in tasks for s, _, k in G.in_edges(t, keys=True) if k in ("LEADS", "SUPPORTS", "OVERSEES")}
        return tasks, people

    tasks, people = step({unit})
    x, y = opened.node_point(unit)
    opened.page.mouse.click(x, y)
    assert set(opened.js("window.dutygraph.visibleNodes()")) == {unit} | tasks | people
    opened.page.select_option("#dg-depth", "2")
    tasks2, people2 = step(people - {unit})
    assert set(opened.js("window.dutygraph.visibleNodes()")) == {unit} | tasks | people | tasks2 | people2
    SHOTS.mkdir(parents=True, exist_ok=True)
    opened.page.select_option("#dg-depth", "1")
    opened.page.screenshot(path=str(SHOTS / "ego.png"))


def test_details_panel_lists_a_units_tasks_as_the_store_holds_them(browser, tmp_path, embedded_store):
    embedded_store.write(build_graph([seed("003")]))
    G = embedded_store.read_graph()
    stored = embedded_store.query(
        "MATCH (u:Unit {id: $id})-[r:LEADS|SUPPORTS]->(t:Task) RETURN t.id AS task, type(r) AS rel",
        {"id": "unit:钟楼区:发改局"},
    )
    opened, _ = _plan_page(browser, tmp_path, "details", G)
    x, y = opened.node_point("unit:钟楼区:发改局")
    opened.page.mouse.click(x, y)
    items = opened.page.locator("#dg-details li")
    shown = items.evaluate_all(
        "lis => lis.map(li => [li.getAttribute('data-task'), li.querySelector('span.role').textContent])"
    )
    role = {"LEADS": "牵头", "SUPPORTS": "配合"}
    assert sorted(map(tuple, shown)) == sorted((t, role[r]) for t, r in stored.rows) and len(shown) == 13
    assert opened.page.locator("#dg-details b.goal").count() == len({G.nodes[t]["goal"] for t, _ in stored.rows})
    # A task's own details: text, goal, leader, lead, support and the line it was printed on.
    task = shown[0][0]
    items.first.click()
    text = opened.page.inner_text("#dg-details")
    d = G.nodes[task]
    assert d["text"] in text and G.nodes[d["goal"]]["title"] in text and f"第 {d['line']} 行" in text
    assert "牵头：" in text and "配合：" in text and "分管领导：" in text
    assert opened.page.get_attribute("#dg-details", "data-shows") == task


def test_size_choice_and_labels_that_stay(browser, tmp_path):
    G = seeds_graph()
    opened, _ = _plan_page(browser, tmp_path, "sizes", G)
    size = lambda n: opened.js(f"window.dutygraph.nodes.get('{n}').size")  # noqa: E731
    # by load the two blanket parks are the largest; by betweenness 高新园 stays large and 住建局 shrinks
    assert size("unit:钟楼区:高新园(邹区镇)") > size("unit:钟楼区:住建局") > size("unit:钟楼区:编办")
    before = size("unit:钟楼区:住建局")
    opened.page.select_option("#dg-size", "betweenness")
    assert size("unit:钟楼区:住建局") < before
    labelled = set(opened.js("window.dutygraph.labelled"))
    assert "unit:钟楼区:高新园(邹区镇)" in labelled and not any(n.startswith("task:") for n in labelled)
    scale = opened.js("window.dutygraph.network.getScale()")
    font = opened.js("window.dutygraph.nodes.get('unit:钟楼区:高新园(邹区镇)').font.size")
    assert font * scale >= 12  # readable on screen at the starting zoom
    shapes = opened.page.locator("#dg-legend [data-shape]").evaluate_all(
        "es => es.map(e => e.getAttribute('data-shape'))"
    )
    assert {"box", "diamond", "triangle", "dot", "star", "hexagon", "square", "edge", "border"} <= set(shapes)


def test_png_export_downloads_the_view(browser, tmp_path):
    G = seeds_graph()
    opened, _ = _plan_page(browser, tmp_path, "png", G)
    with opened.page.expect_download() as info:
        opened.page.click("#dg-png")
    target = tmp_path / "view.png"
    info.value.save_as(target)
    assert info.value.suggested_filename.endswith(".png")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 20_000
    assert opened.outside_requests() == []


def test_graph_page_fits_a_phone(browser, tmp_path):
    G = seeds_graph()
    plan = next(p for p in plans(G) if p.label == "钟楼区 2021")
    path = _page(tmp_path, "phone", render(make_drawing(G, "full", analysis=analyze(G, plan=plan), plan=plan)))
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(path.as_uri())
    page.wait_for_function("() => window.dutygraph && window.dutygraph.stabilized", timeout=60000)
    box = page.locator("#dg-network").bounding_box()
    assert box["y"] + box["height"] <= 844 and box["width"] <= 390 and box["height"] > 500
    assert not page.locator("#dg-panel").is_visible()
    page.click("#dg-panel-toggle")
    assert page.locator("#dg-plan").is_visible()
    page.screenshot(path=str(SHOTS / "phone.png"))
    page.close()


def test_unit_names_with_markup_stay_whole_and_inert(browser, tmp_path):
    record = TaskRecord(
        goal="目标",
        area=None,
        task="1",
        text="<i>推进</i>建设。",
        lead=["区<b>发改</b>局"],
        support=["区财政局"],
        leaders=["张三"],
        inherited=[],
        line=2,
        goal_no="一",
    )
    G = build_graph(
        [LoadResult(DocumentMeta(file="m.txt", path="m.txt", region="鼓楼区", year=2024, layout="test"), [record])]
    )
    drawing = make_drawing(G, "full", analysis=analyze(G))
    opened = Opened(browser, _page(tmp_path, "markup", render(drawing)))
    _check_loaded(opened, *_drawn(G), "markup")
    unit = "unit:鼓楼区:区<b>发改</b>局"
    assert opened.js(f"window.dutygraph.nodes.get({unit!r}).label") == "区<b>发改</b>局"
    assert any(
        e.endswith("|task:m.txt:一:1") and e.startswith(unit + "|LEADS")
        for e in opened.js("window.dutygraph.visibleEdges()")
    )
    opened.js(f"window.dutygraph.choose({unit!r})")
    assert opened.page.inner_text("#dg-details h3") == "区<b>发改</b>局"
    assert opened.js("document.querySelectorAll('b i, #dg-details b:not(.goal) b, i').length") == 0
    assert opened.dialogs == []


def test_filter_by_area_leaves_that_areas_tasks_and_who_is_on_them(browser, tmp_path):
    G = seeds_graph()
    opened, plan = _plan_page(browser, tmp_path, "areas", G)
    page = opened.page
    areas = {
        n
        for n, d in G.nodes(data=True)
        if d["label"] == "Area" and plan.holds(G.nodes[d["doc"]].get("region"), G.nodes[d["doc"]].get("year"))
    }
    listed = set(page.locator("#dg-area option").evaluate_all("os => os.map(o => o.value)")) - {""}
    assert listed == areas and len(areas) > 10
    tasks_of = {a: {t for t in G.successors(a) if G.nodes[t]["label"] == "Task"} for a in areas}
    area = max(sorted(areas), key=lambda a: len(tasks_of[a]))
    (goal,) = [g for g in G.predecessors(area) if G.nodes[g]["label"] == "Goal"]
    page.select_option("#dg-area", area)
    assert _visible(opened, "task:") == tasks_of[area] and len(tasks_of[area]) >= 3
    assert _visible(opened, "area:") == {area} and _visible(opened, "goal:") == {goal}
    on_them = {s for t in tasks_of[area] for s, _, k in G.in_edges(t, keys=True) if k in ("LEADS", "SUPPORTS")}
    assert _visible(opened, "unit:") == on_them
    # another goal: the area is let go, and only that goal's areas are offered
    other = next(g for g in sorted(_goals(G, plan)) if g != goal and any(goal_of(G, a) == g for a in areas))
    page.select_option("#dg-goal", other)
    assert page.input_value("#dg-area") == ""
    offered = set(page.locator("#dg-area option").evaluate_all("os => os.map(o => o.value)")) - {""}
    assert offered == {a for a in areas if goal_of(G, a) == other}
    assert {G.nodes[t]["goal"] for t in _visible(opened, "task:")} == {other}
    page.select_option("#dg-area", sorted(offered)[0])
    page.click("#dg-reset")
    assert page.input_value("#dg-area") == "" and len(opened.js("window.dutygraph.visibleNodes()")) == len(
        opened.js("window.dutygraph.nodes.getIds()")
    )
    assert opened.errors == []
    # a plan whose documents have no areas offers no area filter
    no_areas, _ = _plan_page(browser, tmp_path, "no-areas", G, plan_label="鼓楼区 2024")
    assert not no_areas.page.locator("#dg-area").is_visible()


def _goals(G, plan):
    return {
        n
        for n, d in G.nodes(data=True)
        if d["label"] == "Goal" and plan.holds(G.nodes[d["doc"]].get("region"), G.nodes[d["doc"]].get("year"))
    }


def goal_of(G, area):
    return next(g for g in G.predecessors(area) if G.nodes[g]["label"] == "Goal")


def test_search_reaches_every_node(browser, tmp_path):
    G = seeds_graph()
    opened, _ = _plan_page(browser, tmp_path, "search-all", G)
    missed = opened.js(
        """(() => {
        const search = document.getElementById('dg-search'), missed = [];
        window.dutygraph.nodes.get().forEach(n => {
            search.value = n.name || n.label;
            search.dispatchEvent(new Event('input'));
            const ids = Array.from(document.querySelectorAll('#dg-results button')).map(b => b.getAttribute('data-id'));
            if (!ids.includes(n.id)) { missed.push(n.id); }
        });
        return missed;
    })()"""
    )
    assert missed == []
    assert opened.js("window.dutygraph.nodes.length") > 150


def test_legend_has_every_shape_and_colour_the_page_draws(browser, tmp_path):
    G = seeds_graph()
    opened, _ = _plan_page(browser, tmp_path, "legend", G)
    drawn = opened.js(
        "window.dutygraph.nodes.get().map(n => [n.shape, typeof n.color === 'string' ? n.color : n.color.background])"
    )
    legend = opened.page.locator("#dg-legend [data-shape]").evaluate_all(
        "es => es.map(e => [e.getAttribute('data-shape'), e.getAttribute('fill'), e.getAttribute('stroke')])"
    )
    shapes = {(s, f) for s, f, _ in legend}
    assert {tuple(x) for x in drawn} <= shapes
    rel_colours = set(
        opened.js(
            "window.dutygraph.edges.get().filter(e => ['LEADS', 'SUPPORTS', 'OVERSEES'].includes(e.rel)).map(e => e.color)"
        )
    )
    assert rel_colours <= {stroke for s, _, stroke in legend if s == "edge"}
    assert {"border", "disc"} <= {s for s, _, _ in legend}


def test_the_panel_shows_the_weights_the_load_was_counted_with(browser, tmp_path):
    from dutygraph.graph.analysis import LoadWeights

    G = seeds_graph()
    plan = next(p for p in plans(G) if p.label == "钟楼区 2021")
    analysis = analyze(G, plan=plan, weights=LoadWeights(lead=3, support=1))
    opened = Opened(browser, _page(tmp_path, "weights", render(make_drawing(G, "full", analysis=analysis, plan=plan))))
    assert opened.page.inner_text("#dg-weights") == "负荷 = 3 × 第一牵头 + 1.5 × 共同牵头 + 1 × 配合（推断项不计入）"
    opened.js("window.dutygraph.choose('unit:钟楼区:住建局')")
    # 住建局 is listed first on 12 of the 14 tasks it leads.
    assert "牵头 14 项，配合 0 项，负荷 39（= 3 × 12 + 1.5 × 2 + 1 × 0）" in opened.page.inner_text("#dg-details")
