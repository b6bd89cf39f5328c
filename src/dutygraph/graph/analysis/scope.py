"""What is counted and where: plans (a region's documents of one year), the task index, unit kinds and load weights."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from dutygraph.graph import model as m

if TYPE_CHECKING:
    import networkx as nx

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
    """How much each responsibility weighs in a unit's load.

    ``lead`` is the first-listed lead (the 牵头 unit that answers for the task),
    ``co_lead`` a lead listed after it (共同牵头: it shares the lead but does not
    answer first), ``support`` a supporting unit (配合). The default co-lead weight,
    1.5, sits halfway between the two: a co-lead still leads, but shares it.

    Example:
        >>> w = LoadWeights()
        >>> w.load(lead_first=2, lead_co=1, support=3)
        8.5
    """

    lead: float = 2.0
    co_lead: float = 1.5
    support: float = 1.0

    def load(self, *, lead_first: int, lead_co: int, support: int) -> float:
        """The weighted load of these counts."""
        return self.lead * lead_first + self.co_lead * lead_co + self.support * support

    def as_dict(self) -> dict[str, float]:
        """The weights by name, as the method of an analysis records them."""
        return {"lead": self.lead, "co_lead": self.co_lead, "support": self.support}


#: The weights used unless a caller gives others (first-listed lead 2, co-lead 1.5, support 1).
DEFAULT_WEIGHTS = LoadWeights()


def is_counted(basis: str | None, include_inferred: bool) -> bool:
    """True when a responsibility of ``basis`` counts: printed and merged ones always, inferred ones on request."""
    return include_inferred or basis != m.INFERRED


class Held(NamedTuple):
    """One responsibility on a task: who holds it, on what basis, and its printed position among its role."""

    node: str
    basis: str | None
    position: int | None = None

    @property
    def first(self) -> bool:
        """True for the first-listed unit of its role (a responsibility read without a position counts as first)."""
        return self.position is None or self.position <= 1


@dataclass(frozen=True, slots=True)
class IndexedTask:
    """A task with who is responsible for it, per relationship, in printed order."""

    id: str
    region: str | None
    year: int | None
    goal: str | None
    doc: str | None
    lead: tuple[Held, ...]
    support: tuple[Held, ...]
    leaders: tuple[Held, ...]


def task_index(G: nx.MultiDiGraph[str]) -> list[IndexedTask]:
    """Every task of ``G`` with its responsibilities, read once for all the measures."""
    out = []
    for n, d in G.nodes(data=True):
        if d.get("label") != m.TASK:
            continue
        by_rel: dict[str, list[Held]] = {m.LEADS: [], m.SUPPORTS: [], m.OVERSEES: []}
        for src, _, k, e in G.in_edges(n, keys=True, data=True):
            if k in by_rel:
                by_rel[k].append(Held(src, e.get("basis"), e.get("position")))
        for held in by_rel.values():
            held.sort(key=lambda h: (h.position is None, h.position or 0, h.node))
        out.append(
            IndexedTask(
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


def in_scope(index: list[IndexedTask], region: str | None, year: int | None) -> list[IndexedTask]:
    """The tasks of ``index`` in ``region`` and ``year`` (None: any)."""
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


def plans(G: nx.MultiDiGraph[str], *, index: list[IndexedTask] | None = None) -> list[Plan]:
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
        units[key].update(h.node for h in t.lead + t.support)
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


def plan_tasks(index: list[IndexedTask], plan: Plan) -> list[IndexedTask]:
    """The tasks of ``index`` that belong to ``plan``."""
    return [t for t in index if plan.holds(t.region, t.year)]


def region_years(G: nx.MultiDiGraph[str]) -> dict[str, list[int]]:
    """The plan years each region has documents for."""
    return years_of_documents(d for _, d in G.nodes(data=True) if d.get("label") == m.DOCUMENT)


def years_of_documents(documents: Iterable[dict[str, Any]]) -> dict[str, list[int]]:
    """The plan years of each region among ``documents`` (Document node data)."""
    out: dict[str, set[int]] = defaultdict(set)
    for d in documents:
        if d.get("region") and d.get("year"):
            out[d["region"]].add(d["year"])
    return {r: sorted(y) for r, y in out.items()}
