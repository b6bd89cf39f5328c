"""Loader records into the graph model, as a networkx ``MultiDiGraph``.

The graph is the one place the model lives: stores write it and read it back,
analysis and drawing take it as their first argument.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx

from dutygraph.gcpause import paused_gc
from dutygraph.graph import model as m
from dutygraph.loaders.aliases import AliasTable, load_aliases, normalise
from dutygraph.loaders.records import DEDUPLICATED, LoadResult

log = logging.getLogger(__name__)


def _props(**values: Any) -> dict[str, Any]:
    """Properties without the empty ones (a store cannot hold a null property)."""
    return {k: v for k, v in values.items() if v is not None}


def build_graph(results: Iterable[LoadResult], aliases: AliasTable | None = None) -> nx.MultiDiGraph:
    """Build the responsibility graph of one or more loaded documents.

    Units are identified per region by their canonical name (the alias file maps
    区卫健局 and 卫健局 of 钟楼区 to one node); leaders per region by name. Every
    LEADS, SUPPORTS and OVERSEES relationship records the source line and its
    basis: ``printed`` in the task's own row, ``merged`` from a merged cell, or
    ``inferred`` (a guess filled into a line-deduplicated text).

    Args:
        results: loaded documents (from :func:`dutygraph.loaders.load`).
        aliases: the alias table; the packaged ``aliases.toml`` when None.

    Returns:
        A ``MultiDiGraph`` whose nodes have a ``label`` and the label's
        properties, and whose edges are keyed by relationship type.

    Example:
        >>> from dutygraph.loaders import load
        >>> G = build_graph([load("../shared/seeds/001_d657d27eca61cd1c.txt")])  # doctest: +SKIP
        >>> G.nodes["unit:鼓楼区:区发改委"]["kind"]  # doctest: +SKIP
        'department'

    Cost: linear in the number of tasks and names.
    """
    aliases = aliases or load_aliases()
    G = nx.MultiDiGraph()
    with paused_gc():
        for result in results:
            _add_document(G, result, aliases)
    for _, data in G.nodes(data=True):
        if "aliases" in data:
            data["aliases"] = sorted(data["aliases"])
    return G


def _add_document(G: nx.MultiDiGraph, result: LoadResult, aliases: AliasTable) -> None:
    doc = result.document
    region = doc.region
    did = m.document_id(doc.file)
    if did in G:
        log.warning("%s is given twice; the later copy replaces the earlier", doc.file)
        G.remove_nodes_from([n for n, d in G.nodes(data=True) if d.get("doc") == did] + [did])
    G.add_node(
        did,
        label=m.DOCUMENT,
        **_props(
            id=did, title=doc.title, region=region, year=doc.year, issuer=doc.issuer, source=doc.file,
            sha256=doc.sha256, layout=doc.layout, flags=list(doc.flags), tasks=len(result.tasks),
        ),
    )
    dedup = DEDUPLICATED in doc.flags
    numbers = Counter(t.task for t in result.tasks)
    restarts = any(c > 1 for c in numbers.values())
    goal_order: dict[str, int] = {}
    for t in result.tasks:
        gid = m.goal_id(did, t.goal_no, t.goal)
        if gid not in G:
            goal_order[gid] = len(goal_order) + 1
            G.add_node(gid, label=m.GOAL, **_props(id=gid, doc=did, title=t.goal, number=t.goal_no, ordinal=goal_order[gid]))
            G.add_edge(did, gid, key=m.HAS_GOAL, type=m.HAS_GOAL)
        parent = gid
        if t.area:
            aid = m.area_id(gid, t.area)
            if aid not in G:
                G.add_node(aid, label=m.AREA, id=aid, doc=did, title=t.area)
                G.add_edge(gid, aid, key=m.HAS_AREA, type=m.HAS_AREA)
            parent = aid
        tid = m.task_id(did, t.task, t.goal_no if restarts else None)
        G.add_node(
            tid,
            label=m.TASK,
            **_props(
                id=tid, doc=did, goal=gid, number=t.task, text=t.text, line=t.line, region=region, year=doc.year
            ),
        )
        G.add_edge(parent, tid, key=m.HAS_TASK, type=m.HAS_TASK)
        for rel, field in m.RESPONSIBILITY.items():
            names: list[str] = getattr(t, field)
            if field in t.inherited:
                basis = m.INFERRED if dedup else m.MERGED
            else:
                basis = m.PRINTED
            line = t.lines.get(field, t.line)
            for printed in names:
                src = _responsible_node(G, rel, region, printed, aliases)
                G.add_edge(src, tid, key=rel, type=rel, line=line, basis=basis, doc=did)


def _responsible_node(G: nx.MultiDiGraph, rel: str, region: str | None, printed: str, aliases: AliasTable) -> str:
    if rel == m.OVERSEES:
        name = normalise(printed)
        lid = m.leader_id(region, name)
        if lid not in G:
            G.add_node(lid, label=m.LEADER, **_props(id=lid, name=name, region=region, collective=m.is_collective_leader(name)))
        return lid
    canonical = aliases.canonical(region, printed)
    uid = m.unit_id(region, canonical)
    if uid not in G:
        G.add_node(uid, label=m.UNIT, **_props(id=uid, name=canonical, region=region, kind=m.unit_kind(canonical), aliases=set()))
    G.nodes[uid]["aliases"].add(normalise(printed))
    return uid


def summary(G: nx.MultiDiGraph) -> dict[str, int]:
    """Counts of nodes per label and relationships per type.

    Example:
        >>> summary(nx.MultiDiGraph())["Task"]
        0
    """
    counts = {label: 0 for label in m.LABELS} | {rel: 0 for rel in m.RELATIONSHIPS}
    for _, data in G.nodes(data=True):
        counts[data["label"]] += 1
    for _, _, key in G.edges(keys=True):
        counts[key] += 1
    return counts
