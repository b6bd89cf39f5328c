"""The fields a 督查 analyst tracks reach both stores and come back as built.

Lead and support order (position), deadlines, the document's 文号 and date,
leaders' posts and quantitative targets, on every seed where printed and on
samples that print what the seeds do not (deadlines, posts); and the saved
queries that use them give the same rows on both stores.
"""

from __future__ import annotations

from functools import cache

import networkx as nx

from dutygraph.graph import model as m
from dutygraph.graph.aliases import load_aliases
from dutygraph.graph.build import build_graph
from dutygraph.graph.queries import saved_queries
from dutygraph.loaders import LoadResult, load
from tests.conftest import SAMPLES, SEED_FILES, seed

#: Samples printing what no seed prints: 完成时限 columns, leaders' posts next to their names, a 文号.
SAMPLE_FILES = ("pipe_table.md", "responsible_column.txt", "section_leaders.txt", "labelled_lines.txt")

#: The saved queries that use the new fields, with values for their parameters.
NEW_QUERIES = {
    "tasks_due_by": {"month": "2024-11"},
    "tasks_without_deadline": {},
    "units_answering_first": {},
    "targets_by_measure": {},
    "target_measures": {},
    "targets_of_unit": {"unit": "发改局"},
    "documents_issued": {},
    "leaders_with_posts": {},
}


@cache
def _results() -> tuple[LoadResult, ...]:
    return tuple([seed(k) for k in sorted(SEED_FILES)] + [load(SAMPLES / name) for name in SAMPLE_FILES])


@cache
def _graph() -> nx.MultiDiGraph:
    return build_graph(list(_results()))


def _doc(G: nx.MultiDiGraph, file: str) -> dict[str, object]:
    return dict(G.nodes[m.document_id(file)])


def _in(G: nx.MultiDiGraph, tid: str, rel: str) -> list[tuple[int, str]]:
    """(position, name) of the units or leaders holding ``rel`` on a task, by position."""
    return sorted(
        (d["position"], G.nodes[u]["name"]) for u, _, k, d in G.in_edges(tid, keys=True, data=True) if k == rel
    )


def _task_ids(G: nx.MultiDiGraph, file: str) -> list[str]:
    """The document's task ids in the order of its records (by line, then id)."""
    doc = m.document_id(file)
    tasks = [(d["line"], n) for n, d in G.nodes(data=True) if d["label"] == m.TASK and d["doc"] == doc]
    return [n for _, n in sorted(tasks)]


def _key(G: nx.MultiDiGraph, tid: str) -> tuple[object, object, object]:
    d = G.nodes[tid]
    return d["line"], d["number"], d["text"]


def _check_positions(G: nx.MultiDiGraph) -> int:
    """Every task's LEADS, SUPPORTS and OVERSEES are numbered 1..n in printed order; returns the edges checked."""
    aliases = load_aliases()
    checked = 0
    for result in _results():
        region = result.document.region
        by_key = {(t.line, t.task, t.text): t for t in result.tasks}
        for tid in _task_ids(G, result.document.file):
            record = by_key[_key(G, tid)]
            for rel, field in m.RESPONSIBILITY.items():
                printed: list[str] = getattr(record, field)
                names = [aliases.canonical(region, n) if rel != m.OVERSEES else n.replace(" ", "") for n in printed]
                expected = list(dict.fromkeys(names))
                got = _in(G, tid, rel)
                assert [p for p, _ in got] == list(range(1, len(got) + 1)), tid
                assert [n for _, n in got] == expected, (tid, rel)
                checked += len(got)
    return checked


def _check_targets(G: nx.MultiDiGraph) -> int:
    """Each task's Target nodes are its record's targets, in printed order; returns the targets checked."""
    checked = 0
    for result in _results():
        by_key = {(t.line, t.task, t.text): t for t in result.tasks}
        for tid in _task_ids(G, result.document.file):
            record = by_key[_key(G, tid)]
            targets = sorted((G.nodes[x] for x in G.successors(tid)), key=lambda d: d["position"])
            assert all(d["label"] == m.TARGET and d["task"] == tid for d in targets)
            got = [(d["indicator"], d["value"], d["measure"], d.get("direction"), d.get("qualifier")) for d in targets]
            want = [(x["indicator"], x["value"], x["unit"], x["direction"], x["qualifier"]) for x in record.targets]
            assert got == want, tid
            checked += len(got)
    return checked


def test_the_built_graph_numbers_roles_in_printed_order_and_keeps_every_target():
    G = _graph()
    assert _check_positions(G) > 1200
    assert _check_targets(G) == sum(len(t.targets) for r in _results() for t in r.tasks) > 400


def test_the_first_printed_lead_and_the_supports_keep_their_order_in_seed_000():
    G = _graph()
    tid = m.task_id(m.document_id(SEED_FILES["000"]), "(1)", "1")
    assert _in(G, tid, m.LEADS) == [(1, "发改局")]
    assert _in(G, tid, m.SUPPORTS) == [(1, "经开区"), (2, "高新园(邹区镇)"), (3, "各街道"), (4, "统计局")]


def _roundtrip(store) -> nx.MultiDiGraph:
    store.write(_graph())
    return store.read_graph()


def test_both_stores_return_positions_deadlines_documents_posts_and_targets(embedded_store, neo4j_store):
    for store in (embedded_store, neo4j_store):
        G = _roundtrip(store)
        assert _check_positions(G) > 1200, store.kind
        assert _check_targets(G) > 400, store.kind
        d001 = _doc(G, SEED_FILES["001"])
        assert (d001["number"], d001["date"]) == ("鼓政〔2024〕2号", "2024-02-29")
        d000 = _doc(G, SEED_FILES["000"])
        assert (d000["date"], d000["issuer"], d000["title"]) == (
            "2024-03-11",
            "常州市钟楼区人民政府",
            "2024年《政府工作报告》主要目标任务责任分解表",
        )
        assert _doc(G, "labelled_lines.txt")["number"] == "天政发〔2023〕12号"
        task = G.nodes[m.task_id(m.document_id("pipe_table.md"), "1", "1")]
        assert (task["deadline"], task["deadline_date"], task["deadline_month"]) == (
            "2022年12月",
            "2022-12-31",
            "2022-12",
        )
        dated = [d for _, d in G.nodes(data=True) if d["label"] == m.TASK and d.get("deadline")]
        assert len(dated) == 8 and sum(1 for d in dated if d.get("deadline_date")) == 8
        assert G.nodes["leader:?:张三"]["post"] == "县长"
        assert G.nodes["leader:?:李四"]["post"] == "常务副县长"
        assert "post" not in G.nodes["leader:?:王五"]  # printed with no post next to the name
        assert "post" not in G.nodes["leader:钟楼区:王旭锋"]
        yi = [d for _, d in G.nodes(data=True) if d["label"] == m.TARGET and d["measure"] == "亿元"]
        assert len(yi) >= 10 and all(isinstance(d["value"], float) for d in yi)


def test_the_new_saved_queries_give_the_same_rows_on_both_stores(embedded_store, neo4j_store):
    G = _graph()
    embedded_store.write(G)
    neo4j_store.write(G)
    queries = saved_queries()
    assert set(NEW_QUERIES) <= set(queries)
    for name, params in NEW_QUERIES.items():
        q = queries[name]
        a = embedded_store.query(q.text, q.bind(params))
        b = neo4j_store.query(q.text, q.bind(params))
        assert a.columns == b.columns, name
        assert a.rows == b.rows, name
        assert a.rows, f"{name} returned nothing"


def test_tasks_due_by_a_month_name_their_first_listed_lead(embedded_store):
    embedded_store.write(_graph())
    q = saved_queries()["tasks_due_by"]
    rows = embedded_store.query(q.text, q.bind({"month": "2022-11"})).records()
    assert [(r["region"], r["task"], r["due"], r["lead"]) for r in rows] == [
        ("玄武区", "3", "2022-10-31", "区民政局"),
        ("玄武区", "2", "2022-11-30", "区住建局"),
    ]


def test_every_yi_yuan_target_and_who_owns_it_is_one_query(store):
    store.write(_graph())
    q = saved_queries()["targets_by_measure"]
    rows = store.query(q.text, q.bind({"measure": "亿元", "region": "钟楼区"})).records()
    expected = [
        (d["indicator"], d["value"])
        for r in _results()
        if r.document.region == "钟楼区"
        for t in r.tasks
        for d in t.targets
        if d["unit"] == "亿元"
    ]
    assert sorted((r["indicator"], r["value"]) for r in rows) == sorted(expected)
    assert any(r["lead"] for r in rows)
