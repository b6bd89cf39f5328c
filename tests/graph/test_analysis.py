"""Analysis on small graphs whose answers are worked out by hand here, and on the seeds."""

from __future__ import annotations

from dataclasses import replace

import igraph
import networkx as nx
import pytest

from dutygraph.errors import EmptyScopeError
from dutygraph.graph.analysis import (
    LoadWeights,
    UnitLoad,
    analyze,
    blanket_supporters,
    coordination_network,
    leader_flags,
    leader_span,
    overload_flags,
    plans,
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
        records.append(
            TaskRecord(
                goal=f"目标{(i - 1) % 3 + 1}",
                area=None,
                task=str(i),
                text=f"任务{i}",
                lead=list(lead),
                support=list(support),
                leaders=list(leaders),
                inherited=list(rest[0]) if rest else [],
                line=i,
                goal_no=str((i - 1) % 3 + 1),
            )
        )
    meta = DocumentMeta(file=file, path=file, region=R, year=year, layout="test", flags=[DEDUPLICATED] if dedup else [])
    return LoadResult(meta, records)


def uid(name):
    return f"unit:{R}:{name}"


def load_row(**fields):
    """A unit's load row with zero counts but those given."""
    counts = dict.fromkeys(("lead", "lead_first", "lead_co", "support", "lead_inferred", "support_inferred"), 0)
    counts |= dict.fromkeys(("tasks", "goals", "leaders", "partners"), 0)
    base = {"id": "a", "region": R, "year": 2024, "name": "甲局", "kind": None, "collective": False, "load": 0.0}
    return UnitLoad(**base | counts | fields)


# A star: 中心局 leads four tasks, each with one spoke supporting.
STAR = [(["中心局"], [f"甲{i}局"], ["张三"]) for i in range(1, 5)]
# A chain A-B-C-D-E: each task joins two neighbours.
CHAIN = [(["A局"], ["B局"], []), (["B局"], ["C局"], []), (["C局"], ["D局"], []), (["D局"], ["E局"], [])]
# Two triangles joined only through the broker X局.
BROKER = [
    (["P1局"], ["P2局"], []),
    (["P2局"], ["P3局"], []),
    (["P1局"], ["P3局"], []),
    (["Q1局"], ["Q2局"], []),
    (["Q2局"], ["Q3局"], []),
    (["Q1局"], ["Q3局"], []),
    (["X局"], ["P1局"], []),
    (["X局"], ["Q1局"], []),
]


def test_star_loads_and_centrality():
    G = build_graph([doc(STAR)])
    loads = unit_load(G)
    assert (loads[uid("中心局")].lead, loads[uid("中心局")].load) == (4, 8.0)
    assert loads[uid("中心局")].partners == 4 and loads[uid("中心局")].leaders == 1
    assert loads[uid("甲1局")].load == 1.0 and loads[uid("甲1局")].partners == 1
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
    verdict = flags[uid("中心局")]
    assert verdict.flagged and verdict.status == "overloaded" and verdict.peer_group == "部门"
    assert verdict.reason == (
        "牵头 4 项、配合 0 项（负荷 8），跨 3 个目标；同类（部门）5 个，中位数 负荷 1，稳健 z 4.0；"
        "比较对象：甲1局、甲2局、甲3局、甲4局"
    )
    assert verdict.peers == ("甲1局", "甲2局", "甲3局", "甲4局")
    assert not flags[uid("甲1局")].flagged


def test_chain_betweenness_and_degree():
    cent, _ = unit_centrality(coordination_network(build_graph([doc(CHAIN)])))
    # Five nodes: 6 pairs among the other four; B and D lie on 3 shortest paths, C on 4.
    assert [round(cent[uid(f"{n}局")]["betweenness"], 4) for n in "ABCDE"] == [0.0, 0.5, 0.6667, 0.5, 0.0]
    assert [cent[uid(f"{n}局")]["degree"] for n in "ABCDE"] == [1.0, 2.0, 2.0, 2.0, 1.0]
    flags = overload_flags(unit_load(build_graph([doc(CHAIN)])).values())
    assert not any(v.flagged for v in flags.values())


def test_broker_between_two_clusters():
    C = coordination_network(build_graph([doc(BROKER)]))
    cent, _method = unit_centrality(C, seed=1)
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
    assert (row.lead, row.lead_inferred, row.load) == (4, 3, 8.0)
    assert unit_load(G, include_inferred=True)[uid("中心局")].lead == 7
    result = analyze(G)
    (centre,) = [r for r in result.units if r.name == "中心局"]
    assert "另有推断 3 项（未计入）" in centre.reason
    assert analyze(G, include_inferred=True).method["include_inferred"] is True


def test_weights_are_configurable():
    G = build_graph([doc(CHAIN)])
    assert unit_load(G, weights=LoadWeights(lead=3, support=0.5))[uid("B局")].load == 3.5


def test_collective_units_are_reported_apart_never_flagged():
    tasks = STAR + [(["各街道"], [], [])] * 30
    result = analyze(build_graph([doc(tasks)]))
    assert [r.name for r in result.collectives] == ["各街道"]
    assert all(r.name != "各街道" for r in result.units)
    assert result.collectives[0].flagged is False


def test_small_districts_flag_no_one():
    result = analyze(build_graph([doc([(["甲局"], ["乙局"], [])] * 8 + [(["丙局"], [], [])])]))
    assert not any(r.flagged for r in result.units)
    assert all("不作判断" in r.reason for r in result.units)


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
    assert spans[f"leader:{R}:王五"].units == 20 and spans[f"leader:{R}:王五"].tasks == 20
    flags = leader_flags(spans.values())
    assert flags[f"leader:{R}:王五"].flagged
    assert flags[f"leader:{R}:王五"].reason.startswith(
        "分管 20 项任务、20 个单位，跨 3 个目标；同类（分管领导）6 位，中位数 1 个单位"
    )
    assert not flags[f"leader:{R}:领导0"].flagged


def test_year_over_year_finds_risers_fallers_and_newcomers():
    a = doc([(["甲局"], ["乙局"], []), (["甲局"], [], [])], year=2021, file="a.txt")
    b = doc([(["乙局"], ["丙局"], []), (["乙局"], [], [])], year=2024, file="b.txt")
    rows = {r.name: r for r in year_over_year(build_graph([a, b]), R, 2021, 2024)}
    assert (rows["乙局"].load_a, rows["乙局"].load_b, rows["乙局"].status) == (1.0, 4.0, "both")
    assert (rows["甲局"].change, rows["甲局"].status) == (-4.0, "gone")
    assert (rows["丙局"].change, rows["丙局"].status) == (1.0, "new")
    assert analyze(build_graph([a, b])).changes[0].name == "乙局"


def test_empty_scope_is_refused():
    with pytest.raises(EmptyScopeError, match="no tasks in 钟楼区 1999"):
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
    for node, value in zip(nodes, ranks, strict=False):
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
    top = [(r.name, r.lead, r.support, r.load, r.status) for r in result.units[:4]]
    # A co-lead (listed after the first lead) weighs 1.5: 住建局 leads 14 tasks, 2 of them as a co-lead.
    assert top == [
        ("高新园(邹区镇)", 2, 82, 85.5, "blanket"),
        ("经开区", 2, 78, 82.0, "blanket"),
        ("住建局", 14, 0, 27.0, "overloaded"),
        ("工信局", 11, 1, 22.0, "overloaded"),
    ]
    assert [(r.lead_first, r.lead_co) for r in result.units[2:4]] == [(12, 2), (9, 2)]
    assert result.units[0].reason.endswith(
        "列于本计划 84/92 项任务（91%），其中配合 82 项：常设的全面配合条款，不作负担判断"
    )
    assert result.units[2].reason.startswith(
        "牵头 14 项（其中共同牵头 2 项）、配合 0 项（负荷 27），跨 5 个目标；同类（部门）30 个，中位数 负荷 5.5，稳健 z 5.3；"
        "比较对象：工信局、发改局、商务局、"
    )
    # Parks and streets are territorial units: never ranked against departments, and none is flagged in 2021.
    assert not [r.name for r in result.units if r.flagged and r.kind in ("park", "street")]
    assert [p.label for p in result.plans] == ["钟楼区 2021"]


# -- plans and peers ---------------------------------------------------------

DEPARTMENTS = [f"{c}局" for c in "甲乙丙丁戊己"]
STREETS = [f"{c}街道" for c in "东南西北中"]


def test_peers_are_units_of_the_same_kind_in_the_same_plan():
    """A street supporting 6 tasks stands out among streets supporting 1, though every department carries twice its load."""
    tasks = [([d], [], []) for d in DEPARTMENTS for _ in range(6)]  # every department leads 6: load 12
    tasks += [([], ["东街道"], [])] * 6 + [([], [s], []) for s in STREETS[1:]]
    rows = {r.name: r for r in analyze(build_graph([doc(tasks)])).units}
    east = rows["东街道"]
    assert (east.load, east.status, east.peer_group) == (6.0, "overloaded", "属地单位")
    # streets' loads 6,1,1,1,1: median 1, MAD 0, mean absolute deviation 1 × 1.2533; z = 5 / 1.2533 = 4.0
    assert east.reason == (
        "牵头 0 项、配合 6 项（负荷 6），跨 3 个目标；同类（属地单位）5 个，中位数 负荷 1，稳健 z 4.0；"
        "比较对象：中街道、北街道、南街道、西街道"
    )  # equal loads: by name
    assert sorted(east.peers) == sorted(STREETS[1:])
    assert rows["甲局"].status == "" and rows["甲局"].peer_group == "部门"
    assert "比较对象：丁局、丙局、乙局、己局、戊局" in rows["甲局"].reason  # equal loads: by name (code point)


def test_a_unit_on_most_tasks_as_support_is_a_blanket_supporter_not_overloaded():
    tasks = [([DEPARTMENTS[i % 6]], ["经开区"] + ([STREETS[i % 5]] if i % 2 else []), []) for i in range(12)]
    G = build_graph([doc(tasks)])
    result = analyze(G)
    park = next(r for r in result.units if r.name == "经开区")
    assert (park.status, park.flagged, park.blanket) == ("blanket", False, True)
    assert park.reason == (
        "牵头 0 项、配合 12 项（负荷 12），跨 3 个目标；"
        "列于本计划 12/12 项任务（100%），其中配合 12 项：常设的全面配合条款，不作负担判断"
    )
    # It is left out of its group: the streets are compared among themselves only.
    assert all("经开区" not in r.peers for r in result.units)
    assert result.plans[0].blanket == 1 and result.plans[0].listed_tasks == 12
    # Leading most of the tasks is not a standing clause: that unit is compared.
    row = load_row(tasks=11, lead=10, support=1)
    assert blanket_supporters([row], 12) == {}
    assert blanket_supporters([replace(row, lead=1, support=10)], 12) != {}
    assert blanket_supporters([replace(row, lead=0, support=9, tasks=9)], 9) == {}  # too few tasks to tell


def test_each_plan_is_analysed_on_its_own_unless_years_are_pooled():
    a = doc([(["甲局"], ["乙局"], [])] * 3, year=2021, file="a.txt")
    b = doc([(["甲局"], [], [])] * 2, year=2024, file="b.txt")
    G = build_graph([a, b])
    result = analyze(G)
    rows = [(r.plan, r.name, r.load) for r in result.units]
    assert rows == [("测试区 2021", "甲局", 6.0), ("测试区 2021", "乙局", 3.0), ("测试区 2024", "甲局", 4.0)]
    assert [p.label for p in result.plans] == ["测试区 2021", "测试区 2024"]
    assert result.method["scope"] == "plan"
    pooled = analyze(G, pool_years=True)
    assert [(r.plan, r.name, r.load) for r in pooled.units] == [
        ("测试区 2021、2024（各年合并）", "甲局", 10.0),
        ("测试区 2021、2024（各年合并）", "乙局", 3.0),
    ]
    assert pooled.method["scope"] == "pooled" and pooled.plans[0].pooled is True
    # One plan's analysis still shows the region's change from its other year.
    one = analyze(G, region=R, year=2024)
    assert {(c.name, c.change, c.status) for c in one.changes} == {
        ("甲局", -2.0, "both"),
        ("乙局", -3.0, "gone"),
    }


def test_plans_name_each_region_and_year_and_the_ones_without_units():
    a = doc([(["甲局"], [], [])], year=2021, file="a.txt")
    narrative = doc([([], [], [])] * 3, year=None, file="n.txt")
    G = build_graph([a, narrative])
    found = plans(G)
    assert [(p.label, p.tasks, p.units, p.documents) for p in found] == [
        ("测试区 2021", 1, 1, ("doc:a.txt",)),
        ("测试区 年份不详", 3, 0, ("doc:n.txt",)),
    ]
    assert found[1].slug == "测试区-noyear"
    only = analyze(G, plan=found[1])
    assert only.units == [] and only.plans[0].tasks == 3


# -- leads by printed position, and the load split by goal -----------------------


def test_the_first_listed_lead_and_a_co_lead_are_counted_apart_and_weighed_apart():
    # 甲局 is listed first on two tasks and second on one; 乙局 the other way round.
    G = build_graph([doc([(["甲局", "乙局"], [], []), (["甲局"], ["丙局"], []), (["乙局", "甲局"], [], [])])])
    loads = unit_load(G)
    first, second = loads[uid("甲局")], loads[uid("乙局")]
    assert (first.lead, first.lead_first, first.lead_co) == (3, 2, 1)
    assert (second.lead, second.lead_first, second.lead_co) == (2, 1, 1)
    # default weights: 2 per first-listed lead, 1.5 per co-lead, 1 per support
    assert (first.load, second.load, loads[uid("丙局")].load) == (5.5, 3.5, 1.0)
    heavier = unit_load(G, weights=LoadWeights(lead=3, co_lead=0.5, support=1))
    assert (heavier[uid("甲局")].load, heavier[uid("乙局")].load) == (6.5, 3.5)
    result = analyze(G, weights=LoadWeights(co_lead=2))
    assert result.method["weights"] == {"lead": 2.0, "co_lead": 2.0, "support": 1.0}
    assert next(r for r in result.units if r.name == "甲局").load == 6.0


def test_a_units_load_is_split_by_the_goals_it_carries_tasks_under():
    # doc() puts task i under goal ((i - 1) % 3) + 1: tasks 1 and 4 under 目标1, 2 under 目标2, 3 under 目标3.
    tasks = [(["甲局"], [], []), (["乙局", "甲局"], [], []), ([], ["甲局"], []), (["甲局"], ["乙局"], [])]
    row = unit_load(build_graph([doc(tasks)]))[uid("甲局")]
    split = [(s.title, s.lead, s.lead_first, s.lead_co, s.support, s.load) for s in row.by_goal]
    assert split == [("目标1", 2, 2, 0, 0, 4.0), ("目标2", 1, 0, 1, 0, 1.5), ("目标3", 0, 0, 0, 1, 1.0)]
    assert sum(s.load for s in row.by_goal) == row.load and row.goals == len(row.by_goal) == 3
    assert analyze(build_graph([doc(tasks)])).as_dict()["units"][0]["by_goal"][0]["title"] == "目标1"


def test_guesses_are_left_out_of_the_goal_split_unless_counted():
    tasks = [(["甲局"], [], []), (["甲局"], [], [], ["lead"])]
    G = build_graph([doc(tasks, dedup=True)])
    assert [(s.title, s.lead) for s in unit_load(G)[uid("甲局")].by_goal] == [("目标1", 1)]
    assert len(unit_load(G, include_inferred=True)[uid("甲局")].by_goal) == 2
