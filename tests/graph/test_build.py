"""The graph model built from the seeds: identity, kinds, provenance."""

from __future__ import annotations

import networkx as nx

from dutygraph.graph import model as m
from dutygraph.graph.build import build_graph, summary
from dutygraph.loaders import load
from tests.conftest import seed, seeds_graph


def test_seed_graph_counts():
    assert summary(seeds_graph()) == {
        "Document": 5,
        "Goal": 33,
        "Area": 71,
        "Task": 401,
        "Unit": 119,
        "Leader": 14,
        "Target": 408,
        "HAS_GOAL": 33,
        "HAS_AREA": 71,
        "HAS_TASK": 401,
        "LEADS": 405,
        "SUPPORTS": 590,
        "OVERSEES": 210,
        "HAS_TARGET": 408,
    }


def test_aliases_make_one_unit_per_region():
    G = seeds_graph()
    wj = G.nodes["unit:钟楼区:卫健局"]
    assert wj["aliases"] == ["区卫健局", "卫健局"]
    assert "unit:钟楼区:区卫健局" not in G
    assert "unit:钟楼区:高新园(邹区镇)" in G and "unit:钟楼区:高新园（邹区镇）" not in G
    assert G.nodes["unit:钟楼区:市场监管局"]["aliases"] == ["市场监管局", "市监局"]


def test_same_name_in_two_regions_is_two_units():
    G = seeds_graph()
    assert "unit:鼓楼区:区商务局" in G and "unit:钟楼区:商务局" in G
    assert "unit:鼓楼区:商务局" not in G


def test_units_and_leaders_are_shared_across_years_of_a_region():
    G = seeds_graph()
    docs = {d for _, _, d in G.out_edges("leader:钟楼区:王旭锋", data="doc")}
    assert docs == {"doc:000_654dc59a8ba40907.txt", "doc:003_8726cfd2ff1c199e.txt"}


def test_unit_kinds():
    G = seeds_graph()
    kinds = {G.nodes[f"unit:钟楼区:{n}"]["kind"] for n in ["各街道"]}
    assert kinds == {"collective"}
    assert G.nodes["unit:钟楼区:南大街街道"]["kind"] == "street"
    assert G.nodes["unit:钟楼区:经开区"]["kind"] == "park"
    assert G.nodes["unit:钟楼区:新运集团"]["kind"] == "enterprise"
    assert G.nodes["unit:钟楼区:发改局"]["kind"] == "department"
    assert G.nodes["leader:钟楼区:全体区长"]["collective"] is True
    assert G.nodes["leader:钟楼区:王旭锋"]["collective"] is False


def task_of(G, doc, number):
    """The id of the task printed with ``number`` in ``doc`` (ids also hold the goal)."""
    (tid,) = [
        n for n, d in G.nodes(data=True) if d["label"] == "Task" and d["doc"] == f"doc:{doc}" and d["number"] == number
    ]
    return tid


def test_basis_tells_printed_merged_and_inferred_apart():
    G = seeds_graph()

    def basis(task, rel):
        return {(s, d["basis"], d["line"]) for s, _, k, d in G.in_edges(task, keys=True, data=True) if k == rel}

    assert basis(task_of(G, "000_654dc59a8ba40907.txt", "(1)"), m.LEADS) == {("unit:钟楼区:发改局", "printed", 21)}
    assert basis(task_of(G, "000_654dc59a8ba40907.txt", "(4)"), m.LEADS) == {("unit:钟楼区:商务局", "inferred", 32)}
    assert basis(task_of(G, "003_8726cfd2ff1c199e.txt", "（84）"), m.OVERSEES) == {
        ("leader:钟楼区:全体区长", "merged", 784)
    }
    assert basis(task_of(G, "003_8726cfd2ff1c199e.txt", "（84）"), m.LEADS) == {("unit:钟楼区:政府办", "printed", 786)}


def test_hierarchy_document_goal_area_task():
    G = seeds_graph()
    t = task_of(G, "000_654dc59a8ba40907.txt", "(8)")
    (area,) = [u for u, _, k in G.in_edges(t, keys=True) if k == m.HAS_TASK]
    assert G.nodes[area]["label"] == "Area" and G.nodes[area]["title"] == "聚力攻坚项目“双进”"
    (goal,) = G.predecessors(area)
    assert G.nodes[goal]["ordinal"] == 2
    assert list(G.predecessors(goal)) == ["doc:000_654dc59a8ba40907.txt"]
    assert G.nodes[t]["goal"] == goal


def test_rebuilding_gives_the_same_graph():
    G1 = build_graph([seed("001")])
    G2 = build_graph([seed("001")])
    assert nx.utils.graphs_equal(G1, G2)


def test_restarted_numbering_keeps_task_ids_apart(tmp_path):
    path = tmp_path / "restart.txt"
    path.write_text(
        "一、发展\n1. 任务甲。(区发改局主办)\n2. 任务乙。(区财政局主办)\n二、民生\n1. 任务丙。(区民政局主办)\n2. 任务丁。(区教育局主办)\n",
        encoding="utf-8",
    )
    G = build_graph([load(path, region="天宁区", year=2024)])
    tasks = sorted(n for n, d in G.nodes(data=True) if d["label"] == "Task")
    assert len(tasks) == 4
    assert "task:restart.txt:一:1" in tasks and "task:restart.txt:二:1" in tasks
