"""The whole review of a scope, plan by plan: :func:`analyze` runs the measures and the flags and gathers the rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from dutygraph.errors import EmptyScopeError
from dutygraph.gcpause import paused_gc
from dutygraph.graph.analysis.centrality import unit_centrality
from dutygraph.graph.analysis.coordination import coordination_network
from dutygraph.graph.analysis.flags import RULES, leader_flags, overload_flags
from dutygraph.graph.analysis.load import leader_span, unit_load
from dutygraph.graph.analysis.scope import (
    DEFAULT_WEIGHTS,
    NO_YEAR,
    LoadWeights,
    Plan,
    _counts,
    _in_scope,
    _region_years,
    _Task,
    kind_name,
    plan_tasks,
    task_index,
)
from dutygraph.graph.analysis.trends import year_over_year


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


def _analyze_tasks(
    G: nx.MultiDiGraph[str],
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
        r.update(year=year, plan=label, kind_name=kind_name(r["kind"]))
    listed = sum(1 for t in tasks if any(_counts(b, include_inferred) for _, b in t.lead + t.support))
    C = coordination_network(G, include_inferred=include_inferred, index=tasks)
    central, method = unit_centrality(C, seed=seed)
    verdicts = overload_flags(loads.values(), listed_tasks=listed, inferred_counted=include_inferred)
    for uid, r in loads.items():
        c = central.get(uid, {"degree": 0.0, "betweenness": 0.0, "pagerank": 0.0, "community": None})
        r.update(degree=c["degree"], betweenness=c["betweenness"], pagerank=c["pagerank"], community=c.get("community"))
        r.update(verdicts[uid])
        r["blanket"] = r["status"] == "blanket"
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
    G: nx.MultiDiGraph[str],
    *,
    region: str | None = None,
    year: int | None = None,
    plan: Plan | None = None,
    pool_years: bool = False,
    include_inferred: bool = False,
    weights: LoadWeights = DEFAULT_WEIGHTS,
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
        EmptyScopeError: the graph has no task in the scope asked for.

    Example:
        >>> result = analyze(G, region="钟楼区", year=2021)
        >>> [r["name"] for r in result.units if r["flagged"]]
        ['住建局', ...]
    """
    index = index if index is not None else task_index(G)
    scoped = plan_tasks(index, plan) if plan is not None else _in_scope(index, region, year)
    if not scoped:
        where = " ".join(str(x) for x in (region, year) if x is not None) or "the graph"
        raise EmptyScopeError(f"no tasks in {plan.label if plan is not None else where}")
    groups: dict[tuple[str | None, int | None], list[_Task]] = defaultdict(list)
    for t in scoped:
        groups[(t.region, None if pool_years else t.year)].append(t)
    documents = [G.nodes[n] for n in {t.doc for t in index if t.doc is not None and t.doc in G}]
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
    regions = sorted({k[0] for k in groups if k[0] is not None})
    asked = plan.year if plan is not None else year
    changes, notes = _changes(G, regions, years, asked, dedup_docs, include_inferred, weights, index)
    method = _method(methods, seed, pool_years, weights, include_inferred, notes)
    return Analysis(
        units=[r for r in units if not r["collective"]],
        collectives=[r for r in units if r["collective"]],
        leaders=leaders,
        changes=changes,
        method=method,
        plans=summaries,
    )


def _changes(
    G: nx.MultiDiGraph[str],
    regions: list[str],
    years: dict[str, list[int]],
    year: int | None,
    dedup_docs: set[tuple[Any, Any]],
    include_inferred: bool,
    weights: LoadWeights,
    index: list[_Task],
) -> tuple[list[dict[str, Any]], list[str]]:
    """The year-over-year rows of each region with two years, and a note for each change read from a lossy text."""
    changes: list[dict[str, Any]] = []
    notes: list[str] = []
    for reg in regions:
        pair = _year_pair(years.get(reg, []), year)
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
    return changes, notes


def _method(
    methods: list[dict[str, Any]],
    seed: int,
    pool_years: bool,
    weights: LoadWeights,
    include_inferred: bool,
    notes: list[str],
) -> dict[str, Any]:
    """How the analysis was computed, with the flag rules in words (the pages and the CLI show them)."""
    sampled = [m_["betweenness"] for m_ in methods if m_["betweenness"] != "exact"]
    return {
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


def _year_pair(years: list[int], year: int | None) -> tuple[int, int] | None:
    """The two years a region's change is shown between: the year asked and the one next to it, else the last two."""
    if len(years) < 2:
        return None
    if year is None or year not in years:
        return years[-2], years[-1]
    i = years.index(year)
    return (years[i - 1], year) if i > 0 else (year, years[i + 1])


def combine(analyses: Iterable[Analysis]) -> Analysis:
    """Several plans' analyses as one, in the order given (a region's change listed once).

    Example:
        >>> both = combine([analyze(G, region="钟楼区", year=y) for y in (2021, 2024)])
        >>> [p["label"] for p in both.plans]
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
