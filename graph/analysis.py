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
        out.append(_Task(n, d.get("region"), d.get("year"), d.get("goal"),
                         tuple(by_rel[m.LEADS]), tuple(by_rel[m.SUPPORTS]), tuple(by_rel[m.OVERSEES])))
    return out


def _in_scope(index: list[_Task], region: str | None, year: int | None) -> list[_Task]:
    return [t for t in index if (region is None or t.region == region) and (year is None or t.year == year)]


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
                "id": uid, "region": d.get("region"), "name": d.get("name"), "kind": d.get("kind"),
                "collective": d.get("kind") == "collective", "lead": 0, "support": 0,
                "lead_inferred": 0, "support_inferred": 0,
                "_tasks": set(), "_goals": set(), "_leaders": set(), "_partners": set(),
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
                sub, k=min(samples, len(component)), weight=lambda u, v, d: tie_distance(d["weight"]), normalized=True, seed=seed
            )
        for n, value in bc.items():
            out[n]["betweenness"] = value
    pr = nx.pagerank(C, weight="weight", tol=1e-10, max_iter=1000) if C.number_of_nodes() else {}
    communities = nx.community.louvain_communities(C, weight="weight", seed=seed) if C.number_of_nodes() else []
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    for index, members in enumerate(ordered, start=1):
        for n in members:
            out[n]["community"] = index
    for n in C:
        out[n]["pagerank"] = pr.get(n, 0.0)
    method = {
        "betweenness": "exact" if not sampled else f"sampled ({samples} pivots) in {sampled} component(s) above {exact_limit} units",
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


def overload_flags(
    rows: Iterable[dict[str, Any]], *, key: str = "load", threshold: float = Z_THRESHOLD, min_peers: int = MIN_PEERS
) -> dict[str, tuple[bool, str]]:
    """Flag units far above their peers in the same region.

    A unit is flagged when its robust z-score of ``key`` (see :func:`robust_z`)
    within its region exceeds ``threshold``. Collective units are left out of
    the peer group and never flagged; a region with fewer than ``min_peers``
    single offices flags no one.

    Args:
        rows: unit rows from :func:`unit_load` (with region, lead, support, load,
            goals, lead_inferred, support_inferred, collective).
        key: the measure compared.
        threshold: robust z above which a unit is flagged.
        min_peers: smallest peer group that can flag anyone.

    Returns:
        ``{unit_id: (flagged, reason)}`` with the reason in words a reviewer
        can check, e.g. "牵头 14 项、配合 3 项（负荷 31），跨 5 个目标；同区中位数 负荷 4，稳健 z 6.2".
    """

    def reason(r: dict[str, Any], med: float, z: float) -> str:
        text = (
            f"牵头 {r['lead']} 项、配合 {r['support']} 项（负荷 {r['load']:g}），跨 {r['goals']} 个目标；"
            f"同区中位数 负荷 {med:g}，稳健 z {z:.1f}"
        )
        guesses = r["lead_inferred"] + r["support_inferred"]
        if guesses:
            text += f"；另有推断 {guesses} 项" + ("（已计入）" if r.get("inferred_counted") else "（未计入）")
        return text

    return _flag_peers(rows, key, reason, "集体单位，单列，不参与排名", "个单位", threshold, min_peers)


def _flag_peers(
    rows: Iterable[dict[str, Any]],
    key: str,
    reason: Callable[[dict[str, Any], float, float], str],
    collective_reason: str,
    peer_noun: str,
    threshold: float,
    min_peers: int,
) -> dict[str, tuple[bool, str]]:
    """The flag rule shared by units and leaders: robust z of ``key`` within the region."""
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    out: dict[str, tuple[bool, str]] = {}
    for r in rows:
        if r["collective"]:
            out[r["id"]] = (False, collective_reason)
        else:
            groups[r["region"]].append(r)
    for peers in groups.values():
        med, _, zs = robust_z([float(r[key]) for r in peers])
        for r, z in zip(peers, zs):
            text = reason(r, med, z)
            if len(peers) < min_peers:
                text += f"；同区仅 {len(peers)} {peer_noun}，不作判断"
            out[r["id"]] = (len(peers) >= min_peers and z > threshold, text)
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
                {"id": lid, "region": d.get("region"), "name": d.get("name"), "collective": bool(d.get("collective")),
                 "tasks_inferred": 0, "_tasks": set(), "_units": set(), "_goals": set()},
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


def leader_flags(rows: Iterable[dict[str, Any]], *, threshold: float = Z_THRESHOLD, min_peers: int = MIN_PEERS) -> dict[str, tuple[bool, str]]:
    """Flag leaders whose span (units under them) is far above their region's other leaders."""

    def reason(r: dict[str, Any], med: float, z: float) -> str:
        text = f"分管 {r['tasks']} 项任务、{r['units']} 个单位，跨 {r['goals']} 个目标；同区中位数 {med:g} 个单位，稳健 z {z:.1f}"
        return text + (f"；另有推断 {r['tasks_inferred']} 项" if r["tasks_inferred"] else "")

    return _flag_peers(rows, "units", reason, "集体领导，单列", "位领导", threshold, min_peers)


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
        rows.append({"region": region, "name": d.get("name"), "kind": d.get("kind"), "year_a": year_a, "year_b": year_b,
                     "load_a": la, "load_b": lb, "change": lb - la, "status": status})
    return sorted(rows, key=lambda r: (-r["change"], r["name"]))


@dataclass
class Analysis:
    """The result of :func:`analyze`: rankings, flags and how they were computed."""

    units: list[dict[str, Any]] = field(default_factory=list)
    collectives: list[dict[str, Any]] = field(default_factory=list)
    leaders: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    method: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready data."""
        return asdict(self)


def region_years(G: nx.MultiDiGraph) -> dict[str, list[int]]:
    """The plan years each region has documents for."""
    out: dict[str, set[int]] = defaultdict(set)
    for _, d in G.nodes(data=True):
        if d.get("label") == m.DOCUMENT and d.get("region") and d.get("year"):
            out[d["region"]].add(d["year"])
    return {r: sorted(y) for r, y in out.items()}


@paused_gc()  # see dutygraph.gcpause: province analyze 2.7-2.9 s -> 2.5 s
def analyze(
    G: nx.MultiDiGraph,
    *,
    region: str | None = None,
    year: int | None = None,
    include_inferred: bool = False,
    weights: LoadWeights = LoadWeights(),
    seed: int = 0,
) -> Analysis:
    """The whole review: unit loads and centrality, flags, leaders, year-over-year changes.

    Args:
        G: the responsibility graph.
        region: one district, or every one.
        year: one plan year, or all years together.
        include_inferred: add guesses from deduplicated texts into every count.
        weights: the lead and support weights of ``load``.
        seed: the seed for Louvain and sampled betweenness.

    Returns:
        An :class:`Analysis` whose ``units`` (single offices, ranked by load) and
        ``collectives`` rows hold region, name, kind, lead, support, load, goals,
        leaders, partners, degree, betweenness, pagerank, community, flagged,
        reason; ``leaders`` rows hold region, name, tasks, units, goals, flagged,
        reason; ``changes`` the year-over-year rows of regions with two years.

    Raises:
        ValueError: the graph has no task in the region and year asked for.

    Example:
        >>> result = analyze(G, region="钟楼区", year=2021)  # doctest: +SKIP
        >>> result.units[0]["name"]  # doctest: +SKIP
        '住建局'
    """
    index = task_index(G)
    if not _in_scope(index, region, year):
        where = " ".join(str(x) for x in (region, year) if x is not None) or "the graph"
        raise ValueError(f"no tasks in {where}")
    loads = unit_load(G, region=region, year=year, include_inferred=include_inferred, weights=weights, index=index)
    for r in loads.values():
        r["inferred_counted"] = include_inferred
        r["year"] = year
    C = coordination_network(G, region=region, year=year, include_inferred=include_inferred, index=index)
    central, method = unit_centrality(C, seed=seed)
    flags = overload_flags(loads.values())
    for uid, r in loads.items():
        c = central.get(uid, {"degree": 0.0, "betweenness": 0.0, "pagerank": 0.0, "community": None})
        r.update(degree=c["degree"], betweenness=c["betweenness"], pagerank=c["pagerank"], community=c.get("community"))
        r["flagged"], r["reason"] = flags[uid]
        del r["inferred_counted"]
    order = sorted(loads.values(), key=lambda r: (-r["load"], -r["lead"], r["region"] or "", r["name"] or ""))
    spans = leader_span(G, region=region, year=year, include_inferred=include_inferred, index=index)
    lflags = leader_flags(spans.values())
    leaders = sorted(spans.values(), key=lambda r: (r["collective"], -r["units"], -r["tasks"], r["name"] or ""))
    for r in leaders:
        r["flagged"], r["reason"] = lflags[r["id"]]
        r["year"] = year
    changes: list[dict[str, Any]] = []
    notes: list[str] = []
    dedup_docs = {(d.get("region"), d.get("year")) for _, d in G.nodes(data=True)
                  if d.get("label") == m.DOCUMENT and "deduplicated" in d.get("flags", [])}
    if year is None:
        for reg, years in sorted(region_years(G).items()):
            if (region is None or reg == region) and len(years) >= 2:
                lossy = [y for y in years[-2:] if (reg, y) in dedup_docs]
                if lossy and not include_inferred:
                    notes.append(
                        f"{reg} {'/'.join(map(str, lossy))}: the document was line-deduplicated, so repeated cells were "
                        "lost and only guessed; its loads count printed cells only and falls partly reflect the loss"
                    )
                changes += year_over_year(
                    G, reg, years[-2], years[-1], include_inferred=include_inferred, weights=weights, index=index
                )
    method |= {
        "weights": {"lead": weights.lead, "support": weights.support},
        "include_inferred": include_inferred,
        "flag_rule": f"robust z (median, MAD) > {Z_THRESHOLD} within the region, at least {MIN_PEERS} single offices",
        "notes": notes,
    }
    return Analysis(
        units=[r for r in order if not r["collective"]],
        collectives=[r for r in order if r["collective"]],
        leaders=leaders,
        changes=changes,
        method=method,
    )
