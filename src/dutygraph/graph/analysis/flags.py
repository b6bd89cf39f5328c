"""Who carries too much: the flag rules and their wording (the one source the CLI and the pages read).

A new rule is one function here and one :class:`FlagRule` in :data:`RULES`.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from dutygraph.graph.analysis.results import LeaderSpan, UnitLoad, Verdict
from dutygraph.graph.analysis.scope import peer_group

#: Robust z-score above which a unit or leader is flagged (Iglewicz and Hoaglin's 3.5).
Z_THRESHOLD = 3.5
#: Fewer peers than this and no one is flagged: a median of three says little.
MIN_PEERS = 5


#: A unit listed on at least this share of a plan's tasks (those naming any unit) ...
BLANKET_SHARE = 0.5
#: ... and supporting, not leading, on at least this share of them is a blanket
#: supporter: the standing territorial clause (经开区、高新园、各街道 on every row).
BLANKET_SUPPORT_SHARE = 0.75
#: Plans with fewer tasks naming a unit than this have no blanket supporters.
BLANKET_MIN_TASKS = 10
#: Peers named in a reason; the rest are counted.
PEERS_NAMED = 8


@dataclass(frozen=True, slots=True)
class FlagRule:
    """One flag: its mark, its name in the pages (``name``) and the terminal (``label``), and the rule in words.

    ``rule`` is the rule in Chinese, as the pages and reasons give it; ``summary``
    the same rule in English, as the command's help gives it. Both are made from
    the thresholds above, so a threshold is changed in one place.
    """

    status: str
    mark: str
    name: str
    label: str
    rule: str
    summary: str


#: Every status a unit or leader can get, with its wording: analysis, CLI and pages read them here.
RULES = {
    "overloaded": FlagRule(
        "overloaded",
        "⚑",
        "负担过重",
        "overloaded",
        f"与同一计划中同类单位（部门与部门，街道、镇、园区作为属地单位，企业，议事协调机构）比较，"
        f"稳健 z（中位数与 MAD）> {Z_THRESHOLD:g}，且同类至少 {MIN_PEERS} 个单位",
        f"a unit whose load is far above the units of its kind in the same plan (robust z-score, median and "
        f"MAD, above {Z_THRESHOLD:g}, in a group of at least {MIN_PEERS} units)",
    ),
    "blanket": FlagRule(
        "blanket",
        "≡",
        "全面配合",
        "blanket supporter",
        f"列于本计划至少 {BLANKET_SHARE:.0%} 的任务、其中至少 {BLANKET_SUPPORT_SHARE:.0%} 为配合：常设的属地条款，"
        "单列为全面配合单位，不作负担判断，也不计入同类比较",
        f"a unit listed on at least {BLANKET_SHARE:.0%} of the plan's tasks, at least {BLANKET_SUPPORT_SHARE:.0%} "
        "of them as support: the standing clause, listed apart and not compared",
    ),
    "collective": FlagRule(
        "collective",
        "",
        "集体单位",
        "collective",
        "集体单位（各街道、区相关部门……）单列，不参与排名",
        "listed apart and never ranked: 各街道, 区相关部门 …",
    ),
    "leader": FlagRule(
        "overloaded",
        "⚑",
        "分管过宽",
        "span too wide",
        f"与同一计划的其他分管领导比较分管单位数，稳健 z > {Z_THRESHOLD:g}，且至少 {MIN_PEERS} 位领导",
        f"a leader overseeing far more units than the plan's other leaders (robust z above {Z_THRESHOLD:g}, "
        f"among at least {MIN_PEERS} leaders)",
    ),
    "collective_leader": FlagRule(
        "collective", "", "集体领导", "collective", "集体领导，单列", "collective leaders (全体区长) are listed apart"
    ),
}


def _peer_names(peers: Sequence[UnitLoad | LeaderSpan], key: str) -> str:
    """The peers a row was compared with, the heaviest first: named up to PEERS_NAMED, the rest counted."""
    names = [r.name for r in sorted(peers, key=lambda r: (-float(getattr(r, key)), r.name))]
    shown = "、".join(names[:PEERS_NAMED])
    return shown + (f" 等 {len(names)} 个" if len(names) > PEERS_NAMED else "")


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
    rows: Iterable[UnitLoad],
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
        >>> from dutygraph.graph.analysis.results import UnitLoad
        >>> row = UnitLoad("u", "测试区", 2024, "经开区", "park", False, 0, 0, 0, 9, 0, 0, 9.0, 9, 1, 0, 0)
        >>> blanket_supporters([row], 10, min_tasks=5)["u"]
        '列于本计划 9/10 项任务（90%），其中配合 9 项：常设的全面配合条款，不作负担判断'
    """
    out: dict[str, str] = {}
    if listed_tasks < min_tasks:
        return out
    for r in rows:
        held = r.lead + r.support
        if r.collective or not held:
            continue
        if r.tasks >= share * listed_tasks and r.support >= support_share * held:
            out[r.id] = (
                f"列于本计划 {r.tasks}/{listed_tasks} 项任务（{r.tasks / listed_tasks:.0%}），"
                f"其中配合 {r.support} 项：常设的全面配合条款，不作负担判断"
            )
    return out


def overload_flags(
    rows: Iterable[UnitLoad],
    *,
    listed_tasks: int | None = None,
    key: str = "load",
    threshold: float = Z_THRESHOLD,
    min_peers: int = MIN_PEERS,
    inferred_counted: bool = False,
) -> dict[str, Verdict]:
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
        key: the measure compared (a field of the rows).
        threshold: robust z above which a unit is flagged.
        min_peers: smallest peer group that can flag anyone.
        inferred_counted: whether the rows' counts include guesses from
            deduplicated texts (the reason says so).

    Returns:
        ``{unit_id: Verdict}``: ``flagged``, ``status`` ("overloaded", "blanket",
        "collective" or ""), ``reason`` (words a reviewer can check, naming the
        peers), ``peer_group`` and ``peers`` (the names compared with).

    Example:
        >>> from dutygraph.graph.analysis import unit_load
        >>> verdicts = overload_flags(unit_load(G, region="钟楼区", year=2021).values())
        >>> load, peers, compared = verdicts["unit:钟楼区:住建局"].reason.split("；")
        >>> load
        '牵头 14 项（其中共同牵头 2 项）、配合 0 项（负荷 27），跨 5 个目标'
        >>> peers
        '同类（部门）30 个，中位数 负荷 5.5，稳健 z 5.3'
    """
    rows = list(rows)
    blanket = blanket_supporters(rows, listed_tasks) if listed_tasks is not None else {}
    out: dict[str, Verdict] = {}
    compared = []
    for r in rows:
        if r.collective:
            out[r.id] = Verdict(False, "collective", RULES["collective"].rule, "")
        elif r.id in blanket:
            reason = f"{load_reason(r, inferred_counted)}；{blanket[r.id]}"
            out[r.id] = Verdict(False, "blanket", reason, peer_group(r.kind))
        else:
            compared.append(r)
    reason_of = partial(load_reason, inferred_counted=inferred_counted)
    out |= _flag_peers(compared, key, reason_of, lambda r: peer_group(r.kind), "个", threshold, min_peers)
    return out


def load_reason(r: UnitLoad, inferred_counted: bool = False) -> str:
    """The first part of a unit's reason: what it leads and supports, its load and goals, the guesses left out.

    Example:
        >>> from dutygraph.graph.analysis.results import UnitLoad
        >>> load_reason(UnitLoad("u", "区", 2024, "甲局", None, False, 3, 2, 1, 1, 2, 0, 6.5, 4, 2, 1, 3))
        '牵头 3 项（其中共同牵头 1 项）、配合 1 项（负荷 6.5），跨 2 个目标；另有推断 2 项（未计入）'
    """
    co = f"（其中共同牵头 {r.lead_co} 项）" if r.lead_co else ""
    text = f"牵头 {r.lead} 项{co}、配合 {r.support} 项（负荷 {r.load:g}），跨 {r.goals} 个目标"
    if r.inferred:
        text += f"；另有推断 {r.inferred} 项" + ("（已计入）" if inferred_counted else "（未计入）")
    return text


def _flag_peers[Row: (UnitLoad, LeaderSpan)](
    rows: Iterable[Row],
    key: str,
    reason: Callable[[Row], str],
    group_of: Callable[[Row], str],
    counter: str,
    threshold: float,
    min_peers: int,
) -> dict[str, Verdict]:
    """The flag rule shared by units and leaders: robust z of ``key`` within a plan's peer group."""
    groups: dict[tuple[str | None, int | None, str], list[Row]] = defaultdict(list)
    for r in rows:
        groups[(r.region, r.year, group_of(r))].append(r)
    out: dict[str, Verdict] = {}
    for (_, _, group), peers in groups.items():
        med, _, zs = robust_z([float(getattr(r, key)) for r in peers])
        unit = " 个单位" if key == "units" else ""
        for r, z in zip(peers, zs, strict=True):
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
            status = "overloaded" if flagged else ""
            out[r.id] = Verdict(flagged, status, text, group, tuple(p.name for p in others))
    return out


def leader_flags(
    rows: Iterable[LeaderSpan], *, threshold: float = Z_THRESHOLD, min_peers: int = MIN_PEERS
) -> dict[str, Verdict]:
    """Flag leaders whose span (units under them) is far above the other leaders of their plan.

    Returns:
        ``{leader_id: Verdict}`` as :func:`overload_flags` gives, the peers
        being the plan's other leaders; collective leaders (全体区长) are apart.
    """

    def reason(r: LeaderSpan) -> str:
        text = f"分管 {r.tasks} 项任务、{r.units} 个单位，跨 {r.goals} 个目标"
        return text + (f"；另有推断 {r.tasks_inferred} 项" if r.tasks_inferred else "")

    rows = list(rows)
    apart = RULES["collective_leader"]
    out = {r.id: Verdict(False, apart.status, apart.rule, "") for r in rows if r.collective}
    people = [r for r in rows if not r.collective]
    return out | _flag_peers(people, "units", reason, lambda r: "分管领导", "位", threshold, min_peers)
