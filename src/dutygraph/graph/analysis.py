"""Who coordinates the most, who carries too much: analysis on the networkx mirror.

Every function takes the responsibility graph (from :func:`~dutygraph.graph.build.build_graph`
or :meth:`GraphStore.read_graph`) as its first argument and returns plain data.

Counting rule: a responsibility counts when its basis is ``printed`` or
``merged``; ``inferred`` ones (guesses filled into a line-deduplicated text) are
reported beside the counts (``lead_inferred``, ``support_inferred``) and only
added in with ``include_inferred=True``. A unit is never flagged on guesses
without its reason saying so.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from dutygraph.gcpause import paused_gc
from dutygraph.graph import model as m

#: Robust z-score above which a unit or leader is flagged (Iglewicz and Hoaglin's 3.5).
Z_THRESHOLD = 3.5
#: Fewer peers than this and no one is flagged: a median of three says little.
MIN_PEERS = 5
#: Components up to this many units get exact betweenness; larger ones are sampled.
#: A district has a few hundred units at most, and units of different districts
#: never share a task, so every real component is far below this.
EXACT_BETWEENNESS_LIMIT = 5000
#: Pivots used when betweenness is sampled.
BETWEENNESS_SAMPLES = 200
#: A unit listed on at least this share of a plan's tasks (those naming any unit) ...
BLANKET_SHARE = 0.5
#: ... and supporting, not leading, on at least this share of them is a blanket
#: supporter: the standing territorial clause (经开区、高新园、各街道 on every row).
BLANKET_SUPPORT_SHARE = 0.75
#: Plans with fewer tasks naming a unit than this have no blanket supporters.
BLANKET_MIN_TASKS = 10
#: Peers named in a reason; the rest are counted.
PEERS_NAMED = 8

#: Unit kinds as a reader of the plan calls them.
KIND_NAMES = {
    "department": "部门",
    "party": "党委部门",
    "organization": "群团组织",
    "street": "街道/镇",
    "park": "园区",
    "enterprise": "企业",
    "committee": "议事协调机构",
    "collective": "集体单位",
}
#: Which kinds are compared with which: offices with offices, territorial units
#: (streets, towns, parks) with each other, enterprises, committees. Collectives
#: are never compared.
PEER_GROUPS = {
    "department": "部门",
    "party": "部门",
    "organization": "部门",
    "street": "属地单位",
    "park": "属地单位",
    "enterprise": "企业",
    "committee": "议事协调机构",
}
#: The unknown-year label of a plan.
NO_YEAR = "年份不详"


def kind_name(kind: str | None) -> str:
    """A unit kind in Chinese ("department" → "部门"); an unknown kind as given.

    Example:
        >>> kind_name("street"), kind_name("collective")
        ('街道/镇', '集体单位')
    """
    return KIND_NAMES.get(kind or "department", kind or "")


def peer_group(kind: str | None) -> str:
    """The peer group a unit of ``kind`` is compared within ("部门", "属地单位", "企业", "议事协调机构").

    Example:
        >>> peer_group("park"), peer_group("street"), peer_group("party")
        ('属地单位', '属地单位', '部门')
    """
    return PEER_GROUPS.get(kind or "department", "部门")


@dataclass(frozen=True, slots=True)
class FlagRule:
    """One flag: its mark, its name in the pages and the rule in words (the one source of both)."""

    status: str
    mark: str
    name: str
    rule: str


#: Every status a unit or leader can get, with its wording: analysis, CLI and pages read them here.
RULES = {
    "overloaded": FlagRule(
        "overloaded",
        "⚑",
        "负担过重",
        f"与同一计划中同类单位（部门与部门，街道、镇、园区作为属地单位，企业，议事协调机构）比较，"
        f"稳健 z（中位数与 MAD）> {Z_THRESHOLD:g}，且同类至少 {MIN_PEERS} 个单位",
    ),
    "blanket": FlagRule(
        "blanket",
        "≡",
        "全面配合",
        f"列于本计划至少 {BLANKET_SHARE:.0%} 的任务、其中至少 {BLANKET_SUPPORT_SHARE:.0%} 为配合：常设的属地条款，"
        "单列为全面配合单位，不作负担判断，也不计入同类比较",
    ),
    "collective": FlagRule("collective", "", "集体单位", "集体单位（各街道、区相关部门……）单列，不参与排名"),
    "leader": FlagRule(
        "overloaded",
        "⚑",
        "分管过宽",
        f"与同一计划的其他分管领导比较分管单位数，稳健 z > {Z_THRESHOLD:g}，且至少 {MIN_PEERS} 位领导",
    ),
}


def _peer_names(peers: list[dict[str, Any]], key: str) -> str:
    """The peers a row was compared with, the heaviest first: named up to PEERS_NAMED, the rest counted."""
    names = [r["name"] for r in sorted(peers, key=lambda r: (-float(r[key]), r["name"] or ""))]
    shown = "、".join(names[:PEERS_NAMED])
    return shown + (f" 等 {len(names)} 个" if len(names) > PEERS_NAMED else "")


@dataclass(frozen=True, slots=True)
class LoadWeights:
    """How much a lead (牵头) and a support (配合) responsibility weigh in a unit's load."""

    lead: float = 2.0
    support: float = 1.0


def _counts(basis: str | None, include_inferred: bool) -> bool:
    return include_inferred or basis != m.INFERRED


@dataclass(frozen=True, slots=True)
class _Task:
    """A task with who is responsible for it: (node, basis) pairs per relationship."""

    id: str
    region: str | None
    year: int | None
    goal: str | None
    doc: str | None
    lead: tuple[tuple[str, str | None], ...]
    support: tuple[tuple[str, str | None], ...]
    leaders: tuple[tuple[str, str | None], ...]


def task_index(G: nx.MultiDiGraph) -> list[_Task]:
    """Every task of ``G`` with its responsibilities, read once for all the measures."""
    out = []
    for n, d in G.nodes(data=True):
        if d.get("label") != m.TASK:
            continue
        by_rel: dict[str, list[tuple[str, str | None]]] = {m.LEADS: [], m.SUPPORTS: [], m.OVERSEES: []}
        for src, _, k, e in G.in_edges(n, keys=True, data=True):
            if k in by_rel:
                by_rel[k].append((src, e.get("basis")))
        out.append(
            _Task(
                n,
                d.get("region"),
                d.get("year"),
                d.get("goal"),
                d.get("doc"),
                tuple(by_rel[m.LEADS]),
                tuple(by_rel[m.SUPPORTS]),
                tuple(by_rel[m.OVERSEES]),
            )
        )
    return out


def _in_scope(index: list[_Task], region: str | None, year: int | None) -> list[_Task]:
    return [t for t in index if (region is None or t.region == region) and (year is None or t.year == year)]


@dataclass(frozen=True, slots=True)
class Plan:
    """One plan: a region's document(s) of one year (``year`` None when no document says it)."""

    region: str | None
    year: int | None
    documents: tuple[str, ...] = ()
    tasks: int = 0
    units: int = 0
    deduplicated: bool = False

    @property
    def label(self) -> str:
        """How pages name the plan: "钟楼区 2021", "钟楼区 年份不详"."""
        return f"{self.region or '?'} {self.year if self.year is not None else NO_YEAR}"

    @property
    def slug(self) -> str:
        """A file-name part for the plan's pages: "钟楼区-2021"."""
        raw = f"{self.region or 'unknown'}-{self.year if self.year is not None else 'noyear'}"
        return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in raw)

    def holds(self, region: str | None, year: int | None) -> bool:
        """True when a task of ``region`` and ``year`` belongs to this plan."""
        return region == self.region and year == self.year


def plans(G: nx.MultiDiGraph, *, index: list[_Task] | None = None) -> list[Plan]:
    """The plans in ``G``: one per region and year of its tasks, sorted by region then year.

    Returns:
        :class:`Plan` rows with the plan's documents, tasks, units named on its
        tasks (any basis) and whether a document was line-deduplicated. A plan
        whose documents name no unit (a narrative report) has ``units == 0``.

    Example:
        >>> [p.label for p in plans(G)]  # doctest: +SKIP
        ['武进区 2021', '钟楼区 2021', '钟楼区 2024', '钟楼区 年份不详', '鼓楼区 2024']

    Cost: linear in the tasks and responsibilities.
    """
    index = index if index is not None else task_index(G)
    tasks: dict[tuple[str | None, int | None], int] = defaultdict(int)
    units: dict[tuple[str | None, int | None], set[str]] = defaultdict(set)
    for t in index:
        key = (t.region, t.year)
        tasks[key] += 1
        units[key].update(u for u, _ in t.lead + t.support)
    docs: dict[tuple[str | None, int | None], list[str]] = defaultdict(list)
    dedup: set[tuple[str | None, int | None]] = set()
    for n in {t.doc for t in index if t.doc in G}:
        d = G.nodes[n]
        key = (d.get("region"), d.get("year"))
        docs[key].append(n)
        if "deduplicated" in d.get("flags", []):
            dedup.add(key)
    out = [
        Plan(r, y, tuple(sorted(docs.get((r, y), []))), n, len(units[(r, y)]), (r, y) in dedup)
        for (r, y), n in tasks.items()
    ]
    return sorted(out, key=lambda p: (p.region or "", p.year is None, p.year or 0))


def plan_tasks(index: list[_Task], plan: Plan) -> list[_Task]:
    """The tasks of ``index`` that belong to ``plan``."""
    return [t for t in index if plan.holds(t.region, t.year)]


def unit_load(
    G: nx.MultiDiGraph,
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    weights: LoadWeights = LoadWeights(),
    index: list[_Task] | None = None,
) -> dict[str, dict[str, Any]]:
    """Each unit's responsibilities in a region and year (all when None).

    Args:
        G: the responsibility graph.
        region: keep tasks of this district only.
        year: keep tasks of this plan year only.
        include_inferred: count guesses filled into deduplicated texts too.
        weights: the weight of a lead and of a support in ``load``.
        index: :func:`task_index` of ``G``, when the caller already has it.

    Returns:
        ``{unit_id: row}`` where a row has region, name, kind, lead, support,
        lead_inferred, support_inferred (guesses, beside the counts), load
        (``weights.lead * lead + weights.support * support``), goals (distinct
        goals spanned), leaders (distinct leaders over its tasks), partners
        (distinct units sharing a task), tasks and collective.

    Example:
        >>> rows = unit_load(G, region="钟楼区", year=2021)  # doctest: +SKIP
        >>> rows["unit:钟楼区:住建局"]["lead"]  # doctest: +SKIP
        14

    Cost: linear in the number of responsibilities plus, per task, the square of
    the units on it (for partners).
    """
    acc: dict[str, dict[str, Any]] = {}

    def row(uid: str) -> dict[str, Any]:
        if uid not in acc:
            d = G.nodes[uid]
            acc[uid] = {
                "id": uid,
                "region": d.get("region"),
                "name": d.get("name"),
                "kind": d.get("kind"),
                "collective": d.get("kind") == "collective",
                "lead": 0,
                "support": 0,
                "lead_inferred": 0,
                "support_inferred": 0,
                "_tasks": set(),
                "_goals": set(),
                "_leaders": set(),
                "_partners": set(),
            }
        return acc[uid]

    for task in _in_scope(index if index is not None else task_index(G), region, year):
        counted: list[str] = []
        for pairs, field_ in ((task.lead, "lead"), (task.support, "support")):
            for uid, basis in pairs:
                r = row(uid)
                if _counts(basis, include_inferred):
                    r[field_] += 1
                    r["_tasks"].add(task.id)
                    r["_goals"].add(task.goal)
                    counted.append(uid)
                if basis == m.INFERRED:
                    r[f"{field_}_inferred"] += 1
        leaders = {lid for lid, basis in task.leaders if _counts(basis, include_inferred)}
        for uid in set(counted):
            acc[uid]["_leaders"] |= leaders
            acc[uid]["_partners"] |= set(counted) - {uid}
    for r in acc.values():
        r["load"] = weights.lead * r["lead"] + weights.support * r["support"]
        r["tasks"] = len(r.pop("_tasks"))
        r["goals"] = len(r.pop("_goals"))
        r["leaders"] = len(r.pop("_leaders"))
        r["partners"] = len(r.pop("_partners"))
    return acc


def coordination_network(
    G: nx.MultiDiGraph,
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    index: list[_Task] | None = None,
) -> nx.Graph:
    """Units joined when they share a task, weighted by the number of shared tasks.

    Each edge has ``weight`` (shared tasks) and the kind of each tie:
    ``lead_support`` (one leads, the other supports), ``support_support`` and
    ``lead_lead``. Nodes carry the unit's name, region and kind.

    Example:
        >>> C = coordination_network(G, region="钟楼区")  # doctest: +SKIP
        >>> C["unit:钟楼区:发改局"]["unit:钟楼区:商务局"]["weight"]  # doctest: +SKIP
        7

    Cost: per task, the square of the number of units on it.
    """
    C = nx.Graph()
    for task in _in_scope(index if index is not None else task_index(G), region, year):
        roles: dict[str, str] = {}
        for pairs, role in ((task.lead, "lead"), (task.support, "support")):
            for uid, basis in pairs:
                if _counts(basis, include_inferred):
                    roles[uid] = "lead" if "lead" in (role, roles.get(uid)) else "support"
        for uid in roles:
            if uid not in C:
                d = G.nodes[uid]
                C.add_node(uid, name=d.get("name"), region=d.get("region"), kind=d.get("kind"))
        units = sorted(roles)
        for i, a in enumerate(units):
            for b in units[i + 1 :]:
                tie = "_".join(sorted((roles[a], roles[b])))
                if C.has_edge(a, b):
                    e = C[a][b]
                    e["weight"] += 1
                else:
                    C.add_edge(a, b, weight=1, lead_lead=0, lead_support=0, support_support=0)
                    e = C[a][b]
                e[tie] += 1
    return C


#: 720720 is the least common multiple of 1..16: the distances of ties up to 16
#: shared tasks are exact integers, so equal paths add up to equal lengths.
DISTANCE_SCALE = 720720


def tie_distance(weight: int) -> int:
    """The length of a tie for shortest paths: shorter the more tasks two units share.

    Proportional to ``1 / weight`` but an integer, so that sums are exact and two
    paths of the same length are counted as ties (1/3 + 1/6 is exactly 1/2).

    Example:
        >>> tie_distance(3) + tie_distance(6) == tie_distance(2)
        True
    """
    return round(DISTANCE_SCALE / weight)


def louvain_in_order(C: nx.Graph, *, seed: int = 0) -> list[set[str]]:
    """Louvain communities of ``C`` computed on a copy with nodes and edges sorted by id.

    Louvain visits nodes and edges in insertion order, and each store reads a
    graph back in its own order: sorting first makes the communities depend on
    the graph only, not on the store it came from.

    Example:
        >>> C = nx.Graph([("b", "a"), ("c", "d")])
        >>> sorted(sorted(c) for c in louvain_in_order(C))
        [['a', 'b'], ['c', 'd']]
    """
    if not C.number_of_nodes():
        return []
    S = nx.Graph()
    S.add_nodes_from(sorted(C.nodes))
    S.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in C.edges(data=True)))
    return list(nx.community.louvain_communities(S, weight="weight", seed=seed))


def unit_centrality(
    C: nx.Graph,
    *,
    seed: int = 0,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    samples: int = BETWEENNESS_SAMPLES,
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Weighted degree, betweenness, PageRank and a community for every unit.

    Betweenness is computed in each connected component (a region's units do
    not share tasks with another region's), with distance :func:`tie_distance`
    (proportional to ``1 / weight``) so that units sharing many tasks are close, and normalised within the component.
    Components of up to ``exact_limit`` units are exact (Brandes); larger ones
    use ``samples`` seeded pivots. Communities are Louvain's, seeded so runs repeat.

    Args:
        C: a coordination network from :func:`coordination_network`.
        seed: the seed for Louvain and for sampled betweenness.
        exact_limit: largest component computed exactly.
        samples: pivots for a sampled component.

    Returns:
        ``(per_unit, method)``: per unit ``degree``, ``betweenness``,
        ``pagerank``, ``community``; ``method`` says how betweenness was computed.

    Raises:
        ValueError: ``samples`` is not positive.
    """
    if samples < 1:
        raise ValueError("samples must be at least 1")
    out: dict[str, dict[str, Any]] = {n: {"degree": float(C.degree(n, weight="weight"))} for n in C}
    sampled = 0
    for component in nx.connected_components(C):
        if len(component) <= 2:
            bc = {n: 0.0 for n in component}
        elif len(component) <= exact_limit:
            bc = _exact_betweenness(C, component)
        else:
            sampled += 1
            sub = C.subgraph(component).copy()
            bc = nx.betweenness_centrality(
                sub,
                k=min(samples, len(component)),
                weight=lambda u, v, d: tie_distance(d["weight"]),
                normalized=True,
                seed=seed,
            )
        for n, value in bc.items():
            out[n]["betweenness"] = value
    pr = nx.pagerank(C, weight="weight", tol=1e-10, max_iter=1000) if C.number_of_nodes() else {}
    communities = louvain_in_order(C, seed=seed)
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    for index, members in enumerate(ordered, start=1):
        for n in members:
            out[n]["community"] = index
    for n in C:
        out[n]["pagerank"] = pr.get(n, 0.0)
    method = {
        "betweenness": "exact"
        if not sampled
        else f"sampled ({samples} pivots) in {sampled} component(s) above {exact_limit} units",
        "components": nx.number_connected_components(C) if C.number_of_nodes() else 0,
        "communities": len(ordered),
        "seed": seed,
    }
    return out, method


def _exact_betweenness(C: nx.Graph, component: set[str]) -> dict[str, float]:
    """Brandes betweenness of one component by igraph (C code), normalised like networkx."""
    import igraph

    nodes = sorted(component)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v], tie_distance(d["weight"])) for u, v, d in C.subgraph(component).edges(data=True)]
    g = igraph.Graph(n=len(nodes), edges=[(a, b) for a, b, _ in edges])
    raw = g.betweenness(weights=[float(w) for _, _, w in edges])
    scale = 2.0 / ((len(nodes) - 1) * (len(nodes) - 2))
    return {n: value * scale for n, value in zip(nodes, raw)}


def robust_z(values: list[float]) -> tuple[float, float, list[float]]:
    """Median, spread and robust z-scores of ``values``.

    The spread is the median absolute deviation (scaled by 1.4826); when more
    than half the values are equal and it is 0, the mean absolute deviation
    (scaled by 1.2533) stands in, so a district where most units carry one
    task still flags the one carrying fifteen.

    Example:
        >>> med, spread, z = robust_z([1, 1, 1, 1, 1, 9])
        >>> med, round(z[-1], 1)
        (1.0, 4.8)
    """
    if not values:
        return 0.0, 0.0, []
    med = statistics.median(values)
    mad = statistics.median(abs(v - med) for v in values) * 1.4826
    if mad == 0:
        mad = statistics.fmean(abs(v - med) for v in values) * 1.2533
    if mad == 0:
        return med, 0.0, [0.0 for _ in values]
    return med, mad, [(v - med) / mad for v in values]


def blanket_supporters(
    rows: Iterable[dict[str, Any]],
    listed_tasks: int,
    *,
    share: float = BLANKET_SHARE,
    support_share: float = BLANKET_SUPPORT_SHARE,
    min_tasks: int = BLANKET_MIN_TASKS,
) -> dict[str, str]:
    """Units listed on most tasks of one plan, mostly as support: the standing clause.

    A decomposition often ends nearly every row with the same territorial units
    (经开区、高新园(邹区镇)、各街道): they are not carrying that many tasks the way
    a department leading them is, and comparing them with departments says nothing.

    Args:
        rows: unit rows of one plan from :func:`unit_load` (with tasks, lead, support, collective).
        listed_tasks: the plan's tasks that name any unit (counted the same way).
        share: smallest share of ``listed_tasks`` a blanket supporter is on.
        support_share: smallest share of its responsibilities that are support.
        min_tasks: a plan with fewer listed tasks has no blanket supporter.

    Returns:
        ``{unit_id: reason}`` for each blanket supporter (collective units are
        reported apart anyway and left out).

    Example:
        >>> rows = [{"id": "u", "name": "经开区", "tasks": 9, "lead": 0, "support": 9, "collective": False}]
        >>> blanket_supporters(rows, 10, min_tasks=5)["u"]
        '列于本计划 9/10 项任务（90%），其中配合 9 项：常设的全面配合条款，不作负担判断'
    """
    out: dict[str, str] = {}
    if listed_tasks < min_tasks:
        return out
    for r in rows:
        held = r["lead"] + r["support"]
        if r["collective"] or not held:
            continue
        if r["tasks"] >= share * listed_tasks and r["support"] >= support_share * held:
            out[r["id"]] = (
                f"列于本计划 {r['tasks']}/{listed_tasks} 项任务（{r['tasks'] / listed_tasks:.0%}），"
                f"其中配合 {r['support']} 项：常设的全面配合条款，不作负担判断"
            )
    return out


def overload_flags(
    rows: Iterable[dict[str, Any]],
    *,
    listed_tasks: int | None = None,
    key: str = "load",
    threshold: float = Z_THRESHOLD,
    min_peers: int = MIN_PEERS,
) -> dict[str, dict[str, Any]]:
    """Flag units far above their peers: units of the same kind in the same plan.

    Peers are the units of one plan (rows with the same region and year) in the
    same :func:`peer_group`: departments with departments, streets, towns and
    parks as territorial units, enterprises, committees. A unit is flagged
    ``overloaded`` when its robust z-score of ``key`` (see :func:`robust_z`)
    among its peers exceeds ``threshold``; a group of fewer than ``min_peers``
    flags no one. Collective units are never compared. When ``listed_tasks``
    is given, :func:`blanket_supporters` are reported as ``blanket`` and left
    out of their group. The rules' wording is :data:`RULES`.

    Args:
        rows: unit rows of one plan from :func:`unit_load`.
        listed_tasks: the plan's tasks naming any unit, to find blanket supporters.
        key: the measure compared.
        threshold: robust z above which a unit is flagged.
        min_peers: smallest peer group that can flag anyone.

    Returns:
        ``{unit_id: verdict}``; a verdict has ``flagged``, ``status``
        ("overloaded", "blanket", "collective" or ""), ``reason`` (words a
        reviewer can check, naming the peers), ``peer_group`` and ``peers``
        (the names compared with).

    Example:
        >>> verdicts = overload_flags(unit_load(G, region="钟楼区", year=2021).values())  # doctest: +SKIP
        >>> verdicts["unit:钟楼区:住建局"]["reason"]  # doctest: +SKIP
        '牵头 14 项、配合 0 项（负荷 28），跨 5 个目标；同类（部门）31 个，中位数 负荷 4，稳健 z 6.1；比较对象：…'
    """
    rows = list(rows)
    blanket = blanket_supporters(rows, listed_tasks) if listed_tasks is not None else {}

    def reason(r: dict[str, Any]) -> str:
        text = f"牵头 {r['lead']} 项、配合 {r['support']} 项（负荷 {r['load']:g}），跨 {r['goals']} 个目标"
        guesses = r["lead_inferred"] + r["support_inferred"]
        if guesses:
            text += f"；另有推断 {guesses} 项" + ("（已计入）" if r.get("inferred_counted") else "（未计入）")
        return text

    out: dict[str, dict[str, Any]] = {}
    compared = []
    for r in rows:
        if r["collective"]:
            out[r["id"]] = _verdict(False, "collective", RULES["collective"].rule, "", [])
        elif r["id"] in blanket:
            out[r["id"]] = _verdict(False, "blanket", f"{reason(r)}；{blanket[r['id']]}", peer_group(r.get("kind")), [])
        else:
            compared.append(r)
    out |= _flag_peers(compared, key, reason, lambda r: peer_group(r.get("kind")), "个", threshold, min_peers)
    return out


def _verdict(flagged: bool, status: str, reason: str, group: str, peers: list[str]) -> dict[str, Any]:
    return {"flagged": flagged, "status": status, "reason": reason, "peer_group": group, "peers": peers}


def _flag_peers(
    rows: Iterable[dict[str, Any]],
    key: str,
    reason: Callable[[dict[str, Any]], str],
    group_of: Callable[[dict[str, Any]], str],
    counter: str,
    threshold: float,
    min_peers: int,
) -> dict[str, dict[str, Any]]:
    """The flag rule shared by units and leaders: robust z of ``key`` within a plan's peer group."""
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[(r.get("region"), r.get("year"), group_of(r))].append(r)
    out: dict[str, dict[str, Any]] = {}
    for (_, _, group), peers in groups.items():
        med, _, zs = robust_z([float(r[key]) for r in peers])
        unit = " 个单位" if key == "units" else ""
        for r, z in zip(peers, zs):
            others = [p for p in peers if p is not r]
            text = reason(r)
            if len(peers) < min_peers:
                text += f"；同类（{group}）仅 {len(peers)} {counter}，不作判断"
            else:
                text += (
                    f"；同类（{group}）{len(peers)} {counter}，中位数 {'负荷 ' if key == 'load' else ''}{med:g}{unit}，"
                    f"稳健 z {z:.1f}；比较对象：{_peer_names(others, key)}"
                )
            flagged = len(peers) >= min_peers and z > threshold
            out[r["id"]] = _verdict(flagged, "overloaded" if flagged else "", text, group, [p["name"] for p in others])
    return out


def leader_span(
    G: nx.MultiDiGraph,
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    index: list[_Task] | None = None,
) -> dict[str, dict[str, Any]]:
    """Each leader's span: tasks overseen, units under them, goals covered.

    Returns:
        ``{leader_id: row}`` with region, name, tasks, units, goals, tasks_inferred
        and collective (全体区长 is a body, reported apart).
    """
    acc: dict[str, dict[str, Any]] = {}
    for task in _in_scope(index if index is not None else task_index(G), region, year):
        goal = task.goal
        units = {u for u, b in task.lead + task.support if _counts(b, include_inferred)}
        for lid, basis in task.leaders:
            d = G.nodes[lid]
            r = acc.setdefault(
                lid,
                {
                    "id": lid,
                    "region": d.get("region"),
                    "name": d.get("name"),
                    "collective": bool(d.get("collective")),
                    "tasks_inferred": 0,
                    "_tasks": set(),
                    "_units": set(),
                    "_goals": set(),
                },
            )
            if basis == m.INFERRED:
                r["tasks_inferred"] += 1
            if _counts(basis, include_inferred):
                r["_tasks"].add(task.id)
                r["_units"] |= units
                r["_goals"].add(goal)
    for r in acc.values():
        r["tasks"] = len(r.pop("_tasks"))
        r["units"] = len(r.pop("_units"))
        r["goals"] = len(r.pop("_goals"))
    return acc


def leader_flags(
    rows: Iterable[dict[str, Any]], *, threshold: float = Z_THRESHOLD, min_peers: int = MIN_PEERS
) -> dict[str, dict[str, Any]]:
    """Flag leaders whose span (units under them) is far above the other leaders of their plan.

    Returns:
        ``{leader_id: verdict}`` as :func:`overload_flags` gives, the peers
        being the plan's other leaders; collective leaders (全体区长) are apart.
    """

    def reason(r: dict[str, Any]) -> str:
        text = f"分管 {r['tasks']} 项任务、{r['units']} 个单位，跨 {r['goals']} 个目标"
        return text + (f"；另有推断 {r['tasks_inferred']} 项" if r["tasks_inferred"] else "")

    out = {r["id"]: _verdict(False, "collective", "集体领导，单列", "", []) for r in rows if r["collective"]}
    people = [r for r in rows if not r["collective"]]
    return out | _flag_peers(people, "units", reason, lambda r: "分管领导", "位", threshold, min_peers)


def year_over_year(
    G: nx.MultiDiGraph,
    region: str,
    year_a: int,
    year_b: int,
    *,
    include_inferred: bool = False,
    weights: LoadWeights = LoadWeights(),
    index: list[_Task] | None = None,
) -> list[dict[str, Any]]:
    """How each unit's load changed between two years of one region.

    Returns:
        Rows (name, kind, load_a, load_b, change, status) sorted by change, largest
        rise first; status is "new" (only in ``year_b``), "gone" (only in
        ``year_a``) or "both".
    """
    index = index if index is not None else task_index(G)
    a = unit_load(G, region=region, year=year_a, include_inferred=include_inferred, weights=weights, index=index)
    b = unit_load(G, region=region, year=year_b, include_inferred=include_inferred, weights=weights, index=index)
    rows = []
    for uid in sorted(set(a) | set(b)):
        la = a[uid]["load"] if uid in a else 0.0
        lb = b[uid]["load"] if uid in b else 0.0
        status = "both" if uid in a and uid in b else ("new" if uid in b else "gone")
        d = G.nodes[uid]
        rows.append(
            {
                "region": region,
                "name": d.get("name"),
                "kind": d.get("kind"),
                "year_a": year_a,
                "year_b": year_b,
                "load_a": la,
                "load_b": lb,
                "change": lb - la,
                "status": status,
            }
        )
    return sorted(rows, key=lambda r: (-r["change"], r["name"]))


@dataclass
class Analysis:
    """The result of :func:`analyze`: rankings, flags and how they were computed.

    ``plans`` has one summary per plan analysed (region, year, label, tasks,
    listed_tasks, units, collectives, flagged, blanket, documents,
    deduplicated, pooled); unit and leader rows carry the ``plan`` label and
    ``year`` they belong to, so one unit appears once per plan.
    """

    units: list[dict[str, Any]] = field(default_factory=list)
    collectives: list[dict[str, Any]] = field(default_factory=list)
    leaders: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    method: dict[str, Any] = field(default_factory=dict)
    plans: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready data."""
        return asdict(self)


def region_years(G: nx.MultiDiGraph) -> dict[str, list[int]]:
    """The plan years each region has documents for."""
    return _region_years(d for _, d in G.nodes(data=True) if d.get("label") == m.DOCUMENT)


def _region_years(documents: Iterable[dict[str, Any]]) -> dict[str, list[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for d in documents:
        if d.get("region") and d.get("year"):
            out[d["region"]].add(d["year"])
    return {r: sorted(y) for r, y in out.items()}


def _analyze_tasks(
    G: nx.MultiDiGraph,
    tasks: list[_Task],
    region: str | None,
    year: int | None,
    label: str,
    pooled: bool,
    include_inferred: bool,
    weights: LoadWeights,
    seed: int,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any], dict[str, Any]]:
    """One plan's (or one region's pooled years') rows: units ranked by load, leaders, its summary and method."""
    loads = unit_load(G, include_inferred=include_inferred, weights=weights, index=tasks)
    for r in loads.values():
        r.update(inferred_counted=include_inferred, year=year, plan=label, kind_name=kind_name(r["kind"]))
    listed = sum(1 for t in tasks if any(_counts(b, include_inferred) for _, b in t.lead + t.support))
    C = coordination_network(G, include_inferred=include_inferred, index=tasks)
    central, method = unit_centrality(C, seed=seed)
    verdicts = overload_flags(loads.values(), listed_tasks=listed)
    for uid, r in loads.items():
        c = central.get(uid, {"degree": 0.0, "betweenness": 0.0, "pagerank": 0.0, "community": None})
        r.update(degree=c["degree"], betweenness=c["betweenness"], pagerank=c["pagerank"], community=c.get("community"))
        r.update(verdicts[uid])
        r["blanket"] = r["status"] == "blanket"
        del r["inferred_counted"]
    order = sorted(loads.values(), key=lambda r: (-r["load"], -r["lead"], r["name"] or ""))
    spans = leader_span(G, include_inferred=include_inferred, index=tasks)
    lverdicts = leader_flags(list(spans.values()))
    for r in spans.values():
        r.update(year=year, plan=label)
        r.update(lverdicts[r["id"]])
    leaders = sorted(spans.values(), key=lambda r: (r["collective"], -r["units"], -r["tasks"], r["name"] or ""))
    docs = sorted({t.doc for t in tasks if t.doc})
    summary = {
        "region": region,
        "year": year,
        "label": label,
        "pooled": pooled,
        "tasks": len(tasks),
        "listed_tasks": listed,
        "units": sum(1 for r in order if not r["collective"]),
        "collectives": sum(1 for r in order if r["collective"]),
        "flagged": sum(1 for r in order if r["flagged"]),
        "blanket": sum(1 for r in order if r["blanket"]),
        "leaders_flagged": sum(1 for r in leaders if r["flagged"]),
        "documents": docs,
    }
    return order, leaders, summary, method


@paused_gc()  # see dutygraph.gcpause: province analyze 2.7-2.9 s -> 2.5 s
def analyze(
    G: nx.MultiDiGraph,
    *,
    region: str | None = None,
    year: int | None = None,
    plan: Plan | None = None,
    pool_years: bool = False,
    include_inferred: bool = False,
    weights: LoadWeights = LoadWeights(),
    seed: int = 0,
    index: list[_Task] | None = None,
) -> Analysis:
    """The whole review, plan by plan: unit loads and centrality, flags, leaders, year-over-year changes.

    A plan is a region's document(s) of one year. Each plan is analysed on its
    own: its coordination network, its medians, its peers. A scope holding
    several plans (no ``year``, or no ``region``) gives the rows of each plan,
    one after the other; ``pool_years=True`` instead adds each region's years
    together (the load of a unit is then several years' work) and says so in
    ``method["scope"]``.

    Args:
        G: the responsibility graph.
        region: one district, or every one.
        year: one plan year, or every year.
        plan: exactly this plan (from :func:`plans`), the one way to name a
            plan whose year is unknown; ``region`` and ``year`` are then ignored.
        pool_years: add the years of each region together instead.
        include_inferred: add guesses from deduplicated texts into every count.
        weights: the lead and support weights of ``load``.
        seed: the seed for Louvain and sampled betweenness.
        index: :func:`task_index` of ``G``, when the caller analyses plan after plan.

    Returns:
        An :class:`Analysis` whose ``units`` (single offices, ranked by load
        within each plan) and ``collectives`` rows hold region, year, plan,
        name, kind, kind_name, lead, support, load, goals, leaders, partners,
        degree, betweenness, pagerank, community, flagged, status, reason,
        peer_group, peers; ``leaders`` rows hold region, year, plan, name, tasks,
        units, goals, flagged, reason; ``changes`` the year-over-year rows of
        each region in scope with two years; ``plans`` a summary per plan.

    Raises:
        ValueError: the graph has no task in the scope asked for.

    Example:
        >>> result = analyze(G, region="钟楼区", year=2021)  # doctest: +SKIP
        >>> [r["name"] for r in result.units if r["flagged"]]  # doctest: +SKIP
        ['住建局', ...]
    """
    index = index if index is not None else task_index(G)
    scoped = plan_tasks(index, plan) if plan is not None else _in_scope(index, region, year)
    if not scoped:
        where = (
            plan.label
            if plan is not None
            else (" ".join(str(x) for x in (region, year) if x is not None) or "the graph")
        )
        raise ValueError(f"no tasks in {where}")
    groups: dict[tuple[str | None, int | None], list[_Task]] = defaultdict(list)
    for t in scoped:
        groups[(t.region, None if pool_years else t.year)].append(t)
    documents = [G.nodes[n] for n in {t.doc for t in index if t.doc in G}]
    years = _region_years(documents)
    units: list[dict[str, Any]] = []
    leaders: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    methods: list[dict[str, Any]] = []
    for reg, yr in sorted(groups, key=lambda k: (k[0] or "", k[1] is None, k[1] or 0)):
        tasks = groups[(reg, yr)]
        if pool_years:
            span = sorted({t.year for t in tasks if t.year is not None})
            label = f"{reg or '?'} {'、'.join(map(str, span)) or NO_YEAR}（各年合并）"
        else:
            label = Plan(reg, yr).label
        rows, lrows, summary, method = _analyze_tasks(
            G, tasks, reg, yr, label, pool_years, include_inferred, weights, seed
        )
        units += rows
        leaders += lrows
        summaries.append(summary)
        methods.append(method)
    dedup_docs = {(d.get("region"), d.get("year")) for d in documents if "deduplicated" in d.get("flags", [])}
    for s in summaries:
        s["deduplicated"] = any(
            (s["region"], y) in dedup_docs for y in ([s["year"]] if not pool_years else years.get(s["region"], []))
        )
    changes: list[dict[str, Any]] = []
    notes: list[str] = []
    for reg in sorted({k[0] for k in groups if k[0] is not None}):
        pair = _year_pair(years.get(reg, []), plan.year if plan is not None else year)
        if pair is None:
            continue
        lossy = [y for y in pair if (reg, y) in dedup_docs]
        if lossy and not include_inferred:
            notes.append(
                f"{reg} {'/'.join(map(str, lossy))}: the document was line-deduplicated, so repeated cells were "
                "lost and only guessed; its loads count printed cells only and falls partly reflect the loss"
            )
        changes += year_over_year(
            G, reg, pair[0], pair[1], include_inferred=include_inferred, weights=weights, index=index
        )
    sampled = [m_["betweenness"] for m_ in methods if m_["betweenness"] != "exact"]
    method = {
        "betweenness": "exact" if not sampled else "; ".join(sampled),
        "components": sum(m_["components"] for m_ in methods),
        "communities": sum(m_["communities"] for m_ in methods),
        "seed": seed,
        "scope": "pooled" if pool_years else "plan",
        "weights": {"lead": weights.lead, "support": weights.support},
        "include_inferred": include_inferred,
        "flag_rule": RULES["overloaded"].rule,
        "rules": {k: {"mark": r.mark, "name": r.name, "rule": r.rule} for k, r in RULES.items()},
        "notes": notes,
    }
    return Analysis(
        units=[r for r in units if not r["collective"]],
        collectives=[r for r in units if r["collective"]],
        leaders=leaders,
        changes=changes,
        method=method,
        plans=summaries,
    )


def _year_pair(years: list[int], year: int | None) -> tuple[int, int] | None:
    """The two years a region's change is shown between: the year asked and the one before (or after), else the last two."""
    if len(years) < 2:
        return None
    if year is None or year not in years:
        return years[-2], years[-1]
    i = years.index(year)
    return (years[i - 1], year) if i > 0 else (year, years[i + 1])


def combine(analyses: Iterable[Analysis]) -> Analysis:
    """Several plans' analyses as one, in the order given (a region's change listed once).

    Example:
        >>> both = combine([analyze(G, region="钟楼区", year=2021), analyze(G, region="钟楼区", year=2024)])  # doctest: +SKIP
        >>> [p["label"] for p in both.plans]  # doctest: +SKIP
        ['钟楼区 2021', '钟楼区 2024']
    """
    out = Analysis()
    seen: set[tuple[Any, ...]] = set()
    notes: list[str] = []
    for a in analyses:
        out.units += a.units
        out.collectives += a.collectives
        out.leaders += a.leaders
        out.plans += a.plans
        for c in a.changes:
            key = (c["region"], c["name"], c["year_a"], c["year_b"])
            if key not in seen:
                seen.add(key)
                out.changes.append(c)
        notes += [n for n in a.method.get("notes", []) if n not in notes]
        if not out.method:
            out.method = dict(a.method)
        elif a.method.get("betweenness") != "exact":
            out.method["betweenness"] = a.method["betweenness"]
    out.method["notes"] = notes
    return out
