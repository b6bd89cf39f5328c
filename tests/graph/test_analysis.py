"""Analysis on small graphs whose answers are worked out by hand here, and on the seeds."""

from __future__ import annotations

import igraph
import networkx as nx
import pytest

from dutygraph.graph.analysis import (
    LoadWeights,
    analyze,
    coordination_network,
    leader_flags,
    leader_span,
    overload_flags,
    robust_z,
    tie_distance,
    unit_centrality,
    unit_load,
    year_over_year,
)
from dutygraph.graph.build import build_graph
from dutygraph.loaders.records import DEDUPLICATED, DocumentMeta, LoadResult, TaskRecord
from tests.conftest import seeds_graph

R = "测试区"


def doc(tasks, *, year=2024, file="t.txt", dedup=False):
    """A loaded document from (lead, support, leaders[, inherited]) tuples."""
    records = []
    for i, spec in enumerate(tasks, start=1):
        lead, support, leaders, *rest = spec
        records.append(TaskRecord(goal=f"目标{(i - 1) % 3 + 1}", area=None, task=str(i), text=f"任务{i}", lead=list(lead),
                                  support=list(support), leaders=list(leaders), inherited=list(rest[0]) if rest else [],
                                  line=i, goal_no=str((i - 1) % 3 + 1)))
    meta = DocumentMeta(file=file, path=file, region=R, year=year, layout="test", flags=[DEDUPLICATED] if dedup else [])
    return LoadResult(meta, records)


def uid(name):
    return f"unit:{R}:{name}"


# A star: 中心局 leads four tasks, each with one spoke supporting.
STAR = [(["中心局"], [f"甲{i}局"], ["张三"]) for i in range(1, 5)]
# A chain A-B-C-D-E: each task joins two neighbours.
CHAIN = [(["A局"], ["B局"], []), (["B局"], ["C局"], []), (["C局"], ["D局"], []), (["D局"], ["E局"], [])]
# Two triangles joined only through the broker X局.
BROKER = [
    (["P1局"], ["P2局"], []), (["P2局"], ["P3局"], []), (["P1局"], ["P3局"], []),
    (["Q1局"], ["Q2局"], []), (["Q2局"], ["Q3局"], []), (["Q1局"], ["Q3局"], []),
    (["X局"], ["P1局"], []), (["X局"], ["Q1局"], []),
]


def test_star_loads_and_centrality():
    G = build_graph([doc(STAR)])
    loads = unit_load(G)
    assert (loads[uid("中心局")]["lead"], loads[uid("中心局")]["load"]) == (4, 8.0)
    assert loads[uid("中心局")]["partners"] == 4 and loads[uid("中心局")]["leaders"] == 1
    assert loads[uid("甲1局")]["load"] == 1.0 and loads[uid("甲1局")]["partners"] == 1
    cent, method = unit_centrality(coordination_network(G))
    assert cent[uid("中心局")]["degree"] == 4.0
    assert cent[uid("中心局")]["betweenness"] == pytest.approx(1.0)
    assert cent[uid("甲1局")]["betweenness"] == 0.0
    # PageRank with damping 0.85 on a five-node star: c = 0.03 + 3.4 s, s = 0.03 + 0.2125 c.
    assert cent[uid("中心局")]["pagerank"] == pytest.approx(0.132 / 0.2775, abs=1e-4)
    assert cent[uid("甲1局")]["pagerank"] == pytest.approx(0.03 + 0.2125 * 0.132 / 0.2775, abs=1e-4)
    assert method["betweenness"] == "exact"


def test_star_centre_is_flagged_with_a_checkable_reason():
    flags = overload_flags(unit_load(build_graph([doc(STAR)])).values())
    # loads 8,1,1,1,1: median 1, MAD 0, so mean absolute deviation 1.4 × 1.2533 = 1.7546; z = 7 / 1.7546 = 3.99.
    flagged, reason = flags[uid("中心局")]
    assert flagged
    assert reason == "牵头 4 项、配合 0 项（负荷 8），跨 3 个目标；同区中位数 负荷 1，稳健 z 4.0"
    assert not flags[uid("甲1局")][0]


def test_chain_betweenness_and_degree():
    cent, _ = unit_centrality(coordination_network(build_graph([doc(CHAIN)])))
    # Five nodes: 6 pairs among the other four; B and D lie on 3 shortest paths, C on 4.
    assert [round(cent[uid(f"{n}局")]["betweenness"], 4) for n in "ABCDE"] == [0.0, 0.5, 0.6667, 0.5, 0.0]
    assert [cent[uid(f"{n}局")]["degree"] for n in "ABCDE"] == [1.0, 2.0, 2.0, 2.0, 1.0]
    flags = overload_flags(unit_load(build_graph([doc(CHAIN)])).values())
    assert not any(f for f, _ in flags.values())


def test_broker_between_two_clusters():
    C = coordination_network(build_graph([doc(BROKER)]))
    cent, method = unit_centrality(C, seed=1)
    # Seven nodes, 15 pairs: X sits on the 9 paths between the triangles, P1 on 8.
    assert cent[uid("X局")]["betweenness"] == pytest.approx(9 / 15)
    assert cent[uid("P1局")]["betweenness"] == pytest.approx(8 / 15)
    assert cent[uid("P2局")]["betweenness"] == 0.0
    communities = {n: cent[uid(n)]["community"] for n in ("P1局", "P2局", "P3局", "Q1局", "Q2局", "Q3局")}
    assert communities["P1局"] == communities["P2局"] == communities["P3局"]
    assert communities["Q1局"] == communities["Q2局"] == communities["Q3局"]
    assert communities["P1局"] != communities["Q1局"]
    assert unit_centrality(C, seed=1)[0] == cent  # seeded: runs repeat


def test_ties_record_lead_support_and_support_support():
    G = build_graph([doc([(["甲局"], ["乙局", "丙局"], [])])])
    C = coordination_network(G)
    assert (C[uid("甲局")][uid("乙局")]["weight"], C[uid("甲局")][uid("乙局")]["lead_support"]) == (1, 1)
    assert (C[uid("乙局")][uid("丙局")]["support_support"], C[uid("乙局")][uid("丙局")]["lead_support"]) == (1, 0)


def test_inferred_responsibilities_are_shown_apart_and_only_counted_on_request():
    tasks = STAR + [(["中心局"], [], [], ["lead"])] * 3
    G = build_graph([doc(tasks, dedup=True)])
    row = unit_load(G)[uid("中心局")]
    assert (row["lead"], row["lead_inferred"], row["load"]) == (4, 3, 8.0)
    assert unit_load(G, include_inferred=True)[uid("中心局")]["lead"] == 7
    result = analyze(G)
    (centre,) = [r for r in result.units if r["name"] == "中心局"]
    assert "另有推断 3 项（未计入）" in centre["reason"]
    assert analyze(G, include_inferred=True).method["include_inferred"] is True


def test_weights_are_configurable():
    G = build_graph([doc(CHAIN)])
    assert unit_load(G, weights=LoadWeights(lead=3, support=0.5))[uid("B局")]["load"] == 3.5


def test_collective_units_are_reported_apart_never_flagged():
    tasks = STAR + [(["各街道"], [], [])] * 30
    result = analyze(build_graph([doc(tasks)]))
    assert [r["name"] for r in result.collectives] == ["各街道"]
    assert all(r["name"] != "各街道" for r in result.units)
    assert result.collectives[0]["flagged"] is False


def test_small_districts_flag_no_one():
    result = analyze(build_graph([doc([(["甲局"], ["乙局"], [])] * 9 + [(["丙局"], [], [])])]))
    assert not any(r["flagged"] for r in result.units)
    assert all("不作判断" in r["reason"] for r in result.units)


def test_robust_z():
    # deviations from the median 3: 1, 0, 0, 0, 1, 17; their median 0.5, times 1.4826.
    med, spread, z = robust_z([2, 3, 3, 3, 4, 20])
    assert med == 3 and spread == pytest.approx(0.7413)
    assert z[-1] == pytest.approx(17 / 0.7413)
    assert robust_z([5, 5, 5]) == (5, 0.0, [0.0, 0.0, 0.0])


def test_leader_span_and_flag():
    tasks = [([f"单位{i}局"], [], [f"领导{i % 5}"]) for i in range(5)]
    tasks += [([f"单位{i}局"], [], ["王五"]) for i in range(5, 25)]
    spans = leader_span(build_graph([doc(tasks)]))
    assert spans[f"leader:{R}:王五"]["units"] == 20 and spans[f"leader:{R}:王五"]["tasks"] == 20
    flags = leader_flags(spans.values())
    assert flags[f"leader:{R}:王五"][0]
    assert flags[f"leader:{R}:王五"][1].startswith("分管 20 项任务、20 个单位")
    assert not flags[f"leader:{R}:领导0"][0]


def test_year_over_year_finds_risers_fallers_and_newcomers():
    a = doc([(["甲局"], ["乙局"], []), (["甲局"], [], [])], year=2021, file="a.txt")
    b = doc([(["乙局"], ["丙局"], []), (["乙局"], [], [])], year=2024, file="b.txt")
    rows = {r["name"]: r for r in year_over_year(build_graph([a, b]), R, 2021, 2024)}
    assert (rows["乙局"]["load_a"], rows["乙局"]["load_b"], rows["乙局"]["status"]) == (1.0, 4.0, "both")
    assert (rows["甲局"]["change"], rows["甲局"]["status"]) == (-4.0, "gone")
    assert (rows["丙局"]["change"], rows["丙局"]["status"]) == (1.0, "new")
    assert analyze(build_graph([a, b])).changes[0]["name"] == "乙局"


def test_empty_scope_is_refused():
    with pytest.raises(ValueError, match="no tasks in 钟楼区 1999"):
        analyze(seeds_graph(), region="钟楼区", year=1999)


def test_betweenness_on_the_seeds_matches_networkx():
    """Betweenness runs in igraph's C code; networkx's own Brandes is the independent check."""
    C = coordination_network(seeds_graph(), region="钟楼区", year=2021)
    cent, method = unit_centrality(C)
    assert nx.is_connected(C) and C.number_of_nodes() > 30 and method["betweenness"] == "exact"
    for _, _, d in C.edges(data=True):
        d["distance"] = tie_distance(d["weight"])
    reference = nx.betweenness_centrality(C, weight="distance", normalized=True)
    for node, value in reference.items():
        assert cent[node]["betweenness"] == pytest.approx(value, abs=1e-9), node


def test_pagerank_on_the_seeds_matches_igraph():
    C = coordination_network(seeds_graph(), region="钟楼区", year=2021)
    cent, _ = unit_centrality(C)
    nodes = list(C)
    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in C.edges()])
    ranks = g.pagerank(weights=[C[u][v]["weight"] for u, v in C.edges()], damping=0.85)
    for node, value in zip(nodes, ranks):
        assert cent[node]["pagerank"] == pytest.approx(value, abs=1e-8), node


def test_components_above_the_limit_are_sampled_and_say_so():
    C = coordination_network(build_graph([doc(BROKER)]))
    exact, _ = unit_centrality(C)
    sampled, method = unit_centrality(C, exact_limit=3, samples=7)
    assert method["betweenness"] == "sampled (7 pivots) in 1 component(s) above 3 units"
    # With as many pivots as units the sample is the whole graph: the exact answer.
    for n in C:
        assert sampled[n]["betweenness"] == pytest.approx(exact[n]["betweenness"])


def test_seed_ranking_2021():
    result = analyze(seeds_graph(), region="钟楼区", year=2021)
    top = [(r["name"], r["lead"], r["support"], r["load"], r["flagged"]) for r in result.units[:4]]
    assert top == [("高新园(邹区镇)", 2, 82, 86.0, True), ("经开区", 2, 78, 82.0, True), ("住建局", 14, 0, 28.0, True),
                   ("商务局", 11, 1, 23.0, False)]
    assert result.units[2]["reason"] == "牵头 14 项、配合 0 项（负荷 28），跨 5 个目标；同区中位数 负荷 6，稳健 z 3.7"
