"""Who coordinates the most, who carries too much: analysis on the networkx mirror.

Every function takes the responsibility graph (from :func:`~dutygraph.graph.build.build_graph`
or :meth:`GraphStore.read_graph`) as its first argument and returns plain data.

Counting rule: a responsibility counts when its basis is ``printed`` or
``merged``; ``inferred`` ones (guesses filled into a line-deduplicated text) are
reported beside the counts (``lead_inferred``, ``support_inferred``) and only
added in with ``include_inferred=True``. A unit is never flagged on guesses
without its reason saying so.

Load rule: a unit's load is ``2 × first-listed leads + 1.5 × co-leads + 1 ×
supports`` by default (:class:`LoadWeights`): the unit listed first among a
task's leads answers for it, a co-lead listed after it shares the lead.

The package, one concept per module: :mod:`.scope` (plans, the task index, unit
kinds, load weights), :mod:`.results` (the typed rows and the one column
specification of each, which every output reads), :mod:`.load` (unit loads and
their split by goal, leader spans), :mod:`.coordination` (the network of units
sharing tasks, and its matrix), :mod:`.centrality`, :mod:`.flags` (the flag rules and their
wording), :mod:`.trends` (year over year) and :mod:`.review` (:func:`analyze`,
which runs them all over a scope).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dutygraph.graph.analysis.centrality import (
        BETWEENNESS_SAMPLES,
        EXACT_BETWEENNESS_LIMIT,
        louvain_in_order,
        unit_centrality,
    )
    from dutygraph.graph.analysis.coordination import (
        DISTANCE_SCALE,
        TIE_KINDS,
        coordination_network,
        shared_task_matrix,
        tie_distance,
    )
    from dutygraph.graph.analysis.flags import (
        BLANKET_MIN_TASKS,
        BLANKET_SHARE,
        BLANKET_SUPPORT_SHARE,
        MIN_PEERS,
        PEERS_NAMED,
        RULES,
        Z_THRESHOLD,
        FlagRule,
        blanket_supporters,
        leader_flags,
        load_reason,
        overload_flags,
        robust_z,
    )
    from dutygraph.graph.analysis.load import leader_span, unit_load
    from dutygraph.graph.analysis.results import (
        CHANGE_COLUMNS,
        LEADER_COLUMNS,
        UNIT_COLUMNS,
        ChangeRow,
        Column,
        GoalShare,
        LeaderRow,
        LeaderSpan,
        PlanSummary,
        UnitLoad,
        UnitRow,
        Verdict,
    )
    from dutygraph.graph.analysis.review import Analysis, analyze, combine
    from dutygraph.graph.analysis.scope import (
        DEFAULT_WEIGHTS,
        KIND_NAMES,
        NO_YEAR,
        PEER_GROUPS,
        Held,
        IndexedTask,
        LoadWeights,
        Plan,
        is_counted,
        kind_name,
        peer_group,
        plan_tasks,
        plans,
        region_years,
        task_index,
    )
    from dutygraph.graph.analysis.trends import year_over_year

#: Where each public name lives. The package imports a module when one of its names is
#: first asked for, so that importing one light module (scope's weights, flags' wording)
#: does not import networkx and every analysis with it.
_MODULE_OF = {
    "Analysis": "review",
    "BETWEENNESS_SAMPLES": "centrality",
    "BLANKET_MIN_TASKS": "flags",
    "BLANKET_SHARE": "flags",
    "BLANKET_SUPPORT_SHARE": "flags",
    "CHANGE_COLUMNS": "results",
    "ChangeRow": "results",
    "Column": "results",
    "DEFAULT_WEIGHTS": "scope",
    "DISTANCE_SCALE": "coordination",
    "EXACT_BETWEENNESS_LIMIT": "centrality",
    "FlagRule": "flags",
    "GoalShare": "results",
    "Held": "scope",
    "IndexedTask": "scope",
    "KIND_NAMES": "scope",
    "LEADER_COLUMNS": "results",
    "LeaderRow": "results",
    "LeaderSpan": "results",
    "LoadWeights": "scope",
    "MIN_PEERS": "flags",
    "NO_YEAR": "scope",
    "PEERS_NAMED": "flags",
    "PEER_GROUPS": "scope",
    "Plan": "scope",
    "PlanSummary": "results",
    "RULES": "flags",
    "TIE_KINDS": "coordination",
    "UNIT_COLUMNS": "results",
    "UnitLoad": "results",
    "UnitRow": "results",
    "Verdict": "results",
    "Z_THRESHOLD": "flags",
    "analyze": "review",
    "blanket_supporters": "flags",
    "combine": "review",
    "coordination_network": "coordination",
    "is_counted": "scope",
    "kind_name": "scope",
    "leader_flags": "flags",
    "leader_span": "load",
    "load_reason": "flags",
    "louvain_in_order": "centrality",
    "overload_flags": "flags",
    "peer_group": "scope",
    "plan_tasks": "scope",
    "plans": "scope",
    "region_years": "scope",
    "robust_z": "flags",
    "shared_task_matrix": "coordination",
    "task_index": "scope",
    "tie_distance": "coordination",
    "unit_centrality": "centrality",
    "unit_load": "load",
    "year_over_year": "trends",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BETWEENNESS_SAMPLES",
    "BLANKET_MIN_TASKS",
    "BLANKET_SHARE",
    "BLANKET_SUPPORT_SHARE",
    "CHANGE_COLUMNS",
    "DEFAULT_WEIGHTS",
    "DISTANCE_SCALE",
    "EXACT_BETWEENNESS_LIMIT",
    "KIND_NAMES",
    "LEADER_COLUMNS",
    "MIN_PEERS",
    "NO_YEAR",
    "PEERS_NAMED",
    "PEER_GROUPS",
    "RULES",
    "TIE_KINDS",
    "UNIT_COLUMNS",
    "Z_THRESHOLD",
    "Analysis",
    "ChangeRow",
    "Column",
    "FlagRule",
    "GoalShare",
    "Held",
    "IndexedTask",
    "LeaderRow",
    "LeaderSpan",
    "LoadWeights",
    "Plan",
    "PlanSummary",
    "UnitLoad",
    "UnitRow",
    "Verdict",
    "analyze",
    "blanket_supporters",
    "combine",
    "coordination_network",
    "is_counted",
    "kind_name",
    "leader_flags",
    "leader_span",
    "load_reason",
    "louvain_in_order",
    "overload_flags",
    "peer_group",
    "plan_tasks",
    "plans",
    "region_years",
    "robust_z",
    "shared_task_matrix",
    "task_index",
    "tie_distance",
    "unit_centrality",
    "unit_load",
    "year_over_year",
]
