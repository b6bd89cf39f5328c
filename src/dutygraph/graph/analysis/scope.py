"""What is counted and where: plans (a region's documents of one year), the task index, unit kinds and load weights."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from dutygraph.graph import model as m

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
class LoadWeights:
    """How much a lead (牵头) and a support (配合) responsibility weigh in a unit's load."""

    lead: float = 2.0
    support: float = 1.0


#: The weights used unless a caller gives others (lead 2, support 1).
DEFAULT_WEIGHTS = LoadWeights()


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


def task_index(G: nx.MultiDiGraph[str]) -> list[_Task]:
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


def plans(G: nx.MultiDiGraph[str], *, index: list[_Task] | None = None) -> list[Plan]:
    """The plans in ``G``: one per region and year of its tasks, sorted by region then year.

    Returns:
        :class:`Plan` rows with the plan's documents, tasks, units named on its
        tasks (any basis) and whether a document was line-deduplicated. A plan
        whose documents name no unit (a narrative report) has ``units == 0``.

    Example:
        >>> [p.label for p in plans(G)]
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
    for n in {t.doc for t in index if t.doc is not None and t.doc in G}:
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


def region_years(G: nx.MultiDiGraph[str]) -> dict[str, list[int]]:
    """The plan years each region has documents for."""
    return _region_years(d for _, d in G.nodes(data=True) if d.get("label") == m.DOCUMENT)


def _region_years(documents: Iterable[dict[str, Any]]) -> dict[str, list[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for d in documents:
        if d.get("region") and d.get("year"):
            out[d["region"]].add(d["year"])
    return {r: sorted(y) for r, y in out.items()}
