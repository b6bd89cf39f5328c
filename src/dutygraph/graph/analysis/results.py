"""What the analysis returns: typed rows, and one column specification per row type.

Every output reads the specifications here: the terminal table, CSV, XLSX and
JSON (:mod:`dutygraph.graph.tables`, :mod:`dutygraph.graph.terminal`), the
review page's tables (:mod:`dutygraph.graph.review_parts`) and the graph page's
hover text (:mod:`dutygraph.graph.drawing_nodes`). A new column is a field of its
row here and a :class:`Column` in its specification; every output then lists it.
JSON rows are the rows' fields (:func:`dataclasses.asdict`): a field is never
renamed, since tools read them by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from dutygraph.graph.analysis.scope import kind_name


@dataclass(frozen=True, slots=True)
class GoalShare:
    """What one unit carries under one goal (目标): its leads, first-listed and co-leads, supports and load."""

    goal: str | None
    title: str
    lead: int
    lead_first: int
    lead_co: int
    support: int
    load: float


@dataclass(frozen=True, slots=True)
class UnitLoad:
    """A unit's responsibilities in one scope, from :func:`~dutygraph.graph.analysis.unit_load`.

    ``lead`` is ``lead_first`` (listed first among the task's leads: the unit that
    answers for it) plus ``lead_co`` (a co-lead listed after it); the ``*_inferred``
    counts are guesses from deduplicated texts, beside the counts; ``by_goal`` the
    load split by goal, heaviest first. ``year`` is the plan year counted (None
    when the scope spans years).
    """

    id: str
    region: str | None
    year: int | None
    name: str
    kind: str | None
    collective: bool
    lead: int
    lead_first: int
    lead_co: int
    support: int
    lead_inferred: int
    support_inferred: int
    load: float
    tasks: int
    goals: int
    leaders: int
    partners: int
    by_goal: tuple[GoalShare, ...] = ()

    @property
    def inferred(self) -> int:
        """Guessed responsibilities of either role."""
        return self.lead_inferred + self.support_inferred


@dataclass(frozen=True, slots=True)
class Verdict:
    """A flag rule's answer for one unit or leader: flagged or not, its status, the reason and the peers."""

    flagged: bool
    status: str
    reason: str
    peer_group: str
    peers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitRow(UnitLoad):
    """A unit in the analysis of one plan: its load, its place in the coordination network and its verdict."""

    plan: str = ""
    kind_name: str = ""
    degree: float = 0.0
    betweenness: float = 0.0
    pagerank: float = 0.0
    community: int | None = None
    flagged: bool = False
    status: str = ""
    reason: str = ""
    peer_group: str = ""
    peers: tuple[str, ...] = ()
    blanket: bool = False


@dataclass(frozen=True, slots=True)
class LeaderSpan:
    """A leader's (分管领导) span in one scope, from :func:`~dutygraph.graph.analysis.leader_span`."""

    id: str
    region: str | None
    year: int | None
    name: str
    collective: bool
    tasks: int
    units: int
    goals: int
    tasks_inferred: int


@dataclass(frozen=True, slots=True)
class LeaderRow(LeaderSpan):
    """A leader in the analysis of one plan, with the verdict of the span rule."""

    plan: str = ""
    flagged: bool = False
    status: str = ""
    reason: str = ""
    peer_group: str = ""
    peers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """How one unit's load changed between two plan years of a region ("new", "gone" or "both")."""

    id: str
    region: str
    name: str
    kind: str | None
    year_a: int
    year_b: int
    load_a: float
    load_b: float
    change: float
    status: str


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """One plan analysed (or, pooled, one region's years): its counts and documents."""

    region: str | None
    year: int | None
    label: str
    pooled: bool
    tasks: int
    listed_tasks: int
    units: int
    collectives: int
    flagged: int
    blanket: int
    leaders_flagged: int
    documents: tuple[str, ...]
    deduplicated: bool = False


def field_values(row: Any) -> dict[str, Any]:
    """A row's fields by name, one level deep (nested rows stay rows), to build a wider row from it."""
    return {f.name: getattr(row, f.name) for f in fields(row)}


# -- the column specifications -------------------------------------------------------------------------------


def _status_text(value: Any, lang: str) -> str:
    from dutygraph.graph.analysis.flags import RULES

    rule = RULES.get(value or "")
    if rule is None:
        return ""
    return f"{rule.mark} {rule.name if lang == 'zh' else rule.label}".strip()


_CHANGE_STATUS = {"new": "新增", "gone": "退出", "both": "两年均有"}

#: How a person reads a value of each kind, in Chinese ("zh") or English ("en").
FORMATS: dict[str, Callable[[Any, str], str]] = {
    "text": lambda v, lang: "" if v is None else str(v),
    "long": lambda v, lang: "" if v is None else str(v),
    "int": lambda v, lang: "" if v is None else str(v),
    "number": lambda v, lang: f"{v:g}",
    "signed": lambda v, lang: f"{v:+g}",
    "ratio": lambda v, lang: f"{v:.3f}",
    "flag": lambda v, lang: "⚑" if v else "",
    "yes": lambda v, lang: ("是" if lang == "zh" else "yes") if v else "",
    "kind": lambda v, lang: kind_name(v),
    "status": _status_text,
    "change": lambda v, lang: _CHANGE_STATUS.get(v, v) if lang == "zh" else str(v),
}


class _Sample(Mapping[str, Any]):
    """A row's fields for a heading's ``{field}`` blanks (empty without a row)."""

    def __init__(self, row: Any) -> None:
        self.row = row

    def __getitem__(self, key: str) -> Any:
        return "" if self.row is None else getattr(self.row, key)

    def __iter__(self) -> Any:
        return iter(())

    def __len__(self) -> int:
        return 0


@dataclass(frozen=True, slots=True)
class Column:
    """One column: the row's field (and the CSV, XLSX and JSON key), its headings and how its value is written.

    ``kind`` is one of :data:`FORMATS`: "text", "int", "number" (3.5), "signed"
    (+2), "ratio" (0.123), "flag" (⚑), "yes", "kind" (a unit kind in Chinese),
    "status" (a flag's mark and name), "change" (new, gone, both) or "long" (a
    sentence). ``group`` is one of :data:`GROUPS`, or "" for a column that names
    the row (region, year, name): the terminal prints a table per group, each
    with the naming columns, so that every column fits on a screen. A heading
    may name a field of the first row in braces: "{year_a} 负荷".

    Example:
        >>> c = Column("betweenness", "中介中心度", "betweenness", "ratio", "network")
        >>> c.text(0.12345), c.heading("zh")
        ('0.123', '中介中心度')
    """

    key: str
    zh: str
    en: str
    kind: str = "int"
    group: str = ""

    def heading(self, lang: str = "zh", sample: Any = None) -> str:
        """The column's heading for a person, its blanks filled from ``sample`` (a row)."""
        return (self.zh if lang == "zh" else self.en).format_map(_Sample(sample)).strip()

    def value(self, row: Any) -> Any:
        """The row's raw value (what CSV, XLSX and JSON hold)."""
        return getattr(row, self.key)

    def text(self, value: Any, lang: str = "zh") -> str:
        """``value`` as a person reads it."""
        return FORMATS[self.kind](value, lang)


#: The groups of columns, with their names in Chinese and English, in the order tables show them.
GROUPS = {
    "load": ("负荷", "load"),
    "span": ("分管范围", "span"),
    "network": ("协作网络", "coordination network"),
    "verdict": ("判断", "verdict and reason"),
    "change": ("变化", "change"),
}

_REGION = Column("region", "地区", "region", "text")
_YEAR = Column("year", "年份", "year")
_FLAGGED = Column("flagged", "标记", "flagged", "flag", "verdict")
_REASON = Column("reason", "理由", "reason", "long", "verdict")

#: A unit's columns (the ranking, CSV, XLSX sheets "units" and "collectives", the graph page's hover text).
UNIT_COLUMNS = (
    _REGION,
    _YEAR,
    Column("name", "单位", "unit", "text"),
    Column("kind", "类型", "kind", "kind", "load"),
    Column("lead", "牵头", "lead", group="load"),
    Column("lead_first", "第一牵头", "1st lead", group="load"),
    Column("lead_co", "共同牵头", "co-lead", group="load"),
    Column("support", "配合", "support", group="load"),
    Column("load", "负荷", "load", "number", "load"),
    Column("lead_inferred", "推断牵头", "inf. lead", group="load"),
    Column("support_inferred", "推断配合", "inf. support", group="load"),
    Column("goals", "目标", "goals", group="load"),
    Column("leaders", "领导", "leaders", group="load"),
    Column("partners", "协作单位", "partners", group="load"),
    Column("degree", "加权度", "degree", "number", "network"),
    Column("betweenness", "中介中心度", "betweenness", "ratio", "network"),
    Column("pagerank", "PageRank", "pagerank", "ratio", "network"),
    Column("community", "社区", "community", group="network"),
    _FLAGGED,
    Column("status", "状态", "status", "status", "verdict"),
    Column("peer_group", "同类", "peers", "text", "verdict"),
    _REASON,
)
#: A leader's columns (leader spans, the XLSX sheet "leaders").
LEADER_COLUMNS = (
    _REGION,
    _YEAR,
    Column("name", "分管领导", "leader", "text"),
    Column("collective", "集体", "collective", "yes", "span"),
    Column("tasks", "任务", "tasks", group="span"),
    Column("units", "单位", "units", group="span"),
    Column("goals", "目标", "goals", group="span"),
    Column("tasks_inferred", "推断", "inferred", group="span"),
    _FLAGGED,
    _REASON,
)
#: A year-over-year change's columns (the review page's change table, the XLSX sheet "changes").
CHANGE_COLUMNS = (
    _REGION,
    Column("name", "单位", "unit", "text"),
    Column("kind", "类型", "kind", "kind", "change"),
    Column("year_a", "前一年", "from", group="change"),
    Column("year_b", "后一年", "to", group="change"),
    Column("load_a", "{year_a} 负荷", "load {year_a}", "number", "change"),
    Column("load_b", "{year_b} 负荷", "load {year_b}", "number", "change"),
    Column("change", "变化", "change", "signed", "change"),
    Column("status", "状态", "status", "change", "change"),
)


def column_groups(columns: tuple[Column, ...]) -> list[tuple[str, tuple[Column, ...]]]:
    """The columns as one table per group, each led by the naming columns (those of group "").

    Example:
        >>> [(g, [c.key for c in cs][:4]) for g, cs in column_groups(LEADER_COLUMNS)]
        [('span', ['region', 'year', 'name', 'collective']), ('verdict', ['region', 'year', 'name', 'flagged'])]
    """
    naming = tuple(c for c in columns if not c.group)
    groups = [g for g in GROUPS if any(c.group == g for c in columns)]
    return [(g, naming + tuple(c for c in columns if c.group == g)) for g in groups]


def columns_named(columns: tuple[Column, ...], keys: tuple[str, ...]) -> tuple[Column, ...]:
    """The columns of a specification with these keys, in the order given (a view showing a few of them).

    Raises:
        KeyError: a key is not a column of the specification.
    """
    by_key = {c.key: c for c in columns}
    return tuple(by_key[k] for k in keys)


def load_formula(weights: Mapping[str, float], lang: str = "zh") -> str:
    """How a load is computed, in the columns' own words: "2 × 第一牵头 + 1.5 × 共同牵头 + 1 × 配合".

    Example:
        >>> load_formula({"lead": 2, "co_lead": 1.5, "support": 1}, "en")
        '2 × 1st lead + 1.5 × co-lead + 1 × support'
    """
    parts = columns_named(UNIT_COLUMNS, ("lead_first", "lead_co", "support"))
    values = (weights["lead"], weights.get("co_lead", weights["lead"]), weights["support"])
    return " + ".join(f"{w:g} × {c.heading(lang)}" for w, c in zip(values, parts, strict=True))
