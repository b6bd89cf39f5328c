"""The whole review of a scope, plan by plan: :func:`analyze` runs the measures and the flags and gathers the rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import networkx as nx

from dutygraph.errors import EmptyScopeError
from dutygraph.gcpause import paused_gc
from dutygraph.graph.analysis.centrality import unit_centrality
from dutygraph.graph.analysis.coordination import coordination_network
from dutygraph.graph.analysis.flags import RULES, leader_flags, overload_flags
from dutygraph.graph.analysis.load import leader_span, unit_load
from dutygraph.graph.analysis.results import ChangeRow, LeaderRow, PlanSummary, UnitRow, field_values
from dutygraph.graph.analysis.scope import (
    DEFAULT_WEIGHTS,
    NO_YEAR,
    IndexedTask,
    LoadWeights,
    Plan,
    in_scope,
    is_counted,
    kind_name,
    plan_tasks,
    task_index,
    years_of_documents,
)
from dutygraph.graph.analysis.trends import year_over_year


@dataclass
class Analysis:
    """The result of :func:`analyze`: rankings, flags and how they were computed.

    ``plans`` has one :class:`PlanSummary` per plan analysed; unit and leader
    rows (:class:`UnitRow`, :class:`LeaderRow`) carry the ``plan`` label and
    ``year`` they belong to, so one unit appears once per plan; ``changes`` are
    :class:`ChangeRow` rows. The columns each output shows are
    :data:`~dutygraph.graph.analysis.results.UNIT_COLUMNS` and the others there.
    """

    units: list[UnitRow] = field(default_factory=list)
    collectives: list[UnitRow] = field(default_factory=list)
    leaders: list[LeaderRow] = field(default_factory=list)
    changes: list[ChangeRow] = field(default_factory=list)
    method: dict[str, Any] = field(default_factory=dict)
    plans: list[PlanSummary] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready data: each row a dict of its fields (the keys tools read)."""
        return asdict(self)


def _unit_rows(
    G: nx.MultiDiGraph[str],
    tasks: list[IndexedTask],
    year: int | None,
    label: str,
    include_inferred: bool,
    weights: LoadWeights,
    seed: int,
) -> tuple[list[UnitRow], int, dict[str, Any]]:
    """One plan's units ranked by load, with centrality and verdicts; its tasks naming a unit; the method."""
    loads = unit_load(G, include_inferred=include_inferred, weights=weights, index=tasks)
    listed = sum(1 for t in tasks if any(is_counted(h.basis, include_inferred) for h in t.lead + t.support))
    C = coordination_network(G, include_inferred=include_inferred, index=tasks)
    central, method = unit_centrality(C, seed=seed)
    verdicts = overload_flags(loads.values(), listed_tasks=listed, inferred_counted=include_inferred)
    rows = []
    for uid, load in loads.items():
        c = central.get(uid, {})
        rows.append(
            UnitRow(
                **field_values(load)
                | field_values(verdicts[uid])
                | {
                    "year": year,
                    "plan": label,
                    "kind_name": kind_name(load.kind),
                    "degree": c.get("degree", 0.0),
                    "betweenness": c.get("betweenness", 0.0),
                    "pagerank": c.get("pagerank", 0.0),
                    "community": c.get("community"),
                    "blanket": verdicts[uid].status == "blanket",
                }
            )
        )
    return sorted(rows, key=lambda r: (-r.load, -r.lead, r.name)), listed, method


def _leader_rows(
    G: nx.MultiDiGraph[str], tasks: list[IndexedTask], year: int | None, label: str, include_inferred: bool
) -> list[LeaderRow]:
    """One plan's leaders by span, each with its verdict."""
    spans = leader_span(G, include_inferred=include_inferred, index=tasks)
    verdicts = leader_flags(spans.values())
    rows = [
        LeaderRow(**field_values(s) | field_values(verdicts[lid]) | {"year": year, "plan": label})
        for lid, s in spans.items()
    ]
    return sorted(rows, key=lambda r: (r.collective, -r.units, -r.tasks, r.name))


def _analyze_tasks(
    G: nx.MultiDiGraph[str],
    tasks: list[IndexedTask],
    region: str | None,
    year: int | None,
    label: str,
    pooled: bool,
    include_inferred: bool,
    weights: LoadWeights,
    seed: int,
) -> tuple[list[UnitRow], list[LeaderRow], PlanSummary, dict[str, Any]]:
    """One plan's (or one region's pooled years') rows: units ranked by load, leaders, its summary and method."""
    order, listed, method = _unit_rows(G, tasks, year, label, include_inferred, weights, seed)
    leaders = _leader_rows(G, tasks, year, label, include_inferred)
    summary = PlanSummary(
        region=region,
        year=year,
        label=label,
        pooled=pooled,
        tasks=len(tasks),
        listed_tasks=listed,
        units=sum(1 for r in order if not r.collective),
        collectives=sum(1 for r in order if r.collective),
        flagged=sum(1 for r in order if r.flagged),
        blanket=sum(1 for r in order if r.blanket),
        leaders_flagged=sum(1 for r in leaders if r.flagged),
        documents=tuple(sorted({t.doc for t in tasks if t.doc})),
    )
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
    index: list[IndexedTask] | None = None,
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
        weights: the weights of a first-listed lead, a co-lead and a support in ``load``.
        seed: the seed for Louvain and sampled betweenness.
        index: :func:`task_index` of ``G``, when the caller analyses plan after plan.

    Returns:
        An :class:`Analysis` whose ``units`` (single offices, ranked by load
        within each plan) and ``collectives`` are :class:`UnitRow` rows (load,
        leads first-listed and co-, the load split by goal, centrality, verdict),
        ``leaders`` :class:`LeaderRow` rows, ``changes`` the year-over-year
        :class:`ChangeRow` rows of each region in scope with two years, and
        ``plans`` a :class:`PlanSummary` per plan.

    Raises:
        EmptyScopeError: the graph has no task in the scope asked for.

    Example:
        >>> result = analyze(G, region="钟楼区", year=2021)
        >>> [r.name for r in result.units if r.flagged]
        ['住建局', ...]
    """
    index = index if index is not None else task_index(G)
    scoped = plan_tasks(index, plan) if plan is not None else in_scope(index, region, year)
    if not scoped:
        where = " ".join(str(x) for x in (region, year) if x is not None) or "the graph"
        raise EmptyScopeError(f"no tasks in {plan.label if plan is not None else where}")
    groups: dict[tuple[str | None, int | None], list[IndexedTask]] = defaultdict(list)
    for t in scoped:
        groups[(t.region, None if pool_years else t.year)].append(t)
    documents = [G.nodes[n] for n in {t.doc for t in index if t.doc is not None and t.doc in G}]
    years = years_of_documents(documents)
    units: list[UnitRow] = []
    leaders: list[LeaderRow] = []
    summaries: list[PlanSummary] = []
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
    summaries = [_with_dedup(s, dedup_docs, years, pool_years) for s in summaries]
    regions = sorted({k[0] for k in groups if k[0] is not None})
    asked = plan.year if plan is not None else year
    changes, notes = _changes(G, regions, years, asked, dedup_docs, include_inferred, weights, index)
    method = _method(methods, seed, pool_years, weights, include_inferred, notes)
    return Analysis(
        units=[r for r in units if not r.collective],
        collectives=[r for r in units if r.collective],
        leaders=leaders,
        changes=changes,
        method=method,
        plans=summaries,
    )


def _with_dedup(
    s: PlanSummary, dedup_docs: set[tuple[Any, Any]], years: dict[str, list[int]], pool_years: bool
) -> PlanSummary:
    """``s`` saying whether a document of its plan (pooled: of any of its years) was line-deduplicated."""
    span = years.get(s.region or "", []) if pool_years else [s.year]
    return replace(s, deduplicated=any((s.region, y) in dedup_docs for y in span))


def _changes(
    G: nx.MultiDiGraph[str],
    regions: list[str],
    years: dict[str, list[int]],
    year: int | None,
    dedup_docs: set[tuple[Any, Any]],
    include_inferred: bool,
    weights: LoadWeights,
    index: list[IndexedTask],
) -> tuple[list[ChangeRow], list[str]]:
    """The year-over-year rows of each region with two years, and a note for each change read from a lossy text."""
    changes: list[ChangeRow] = []
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
        "weights": weights.as_dict(),
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
        >>> [p.label for p in both.plans]
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
            key = (c.region, c.id, c.year_a, c.year_b)
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
