"""Loader records into the graph model, as a networkx ``MultiDiGraph``.

The graph is the one place the model lives: stores write it and read it back,
analysis and drawing take it as their first argument.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

import networkx as nx

from dutygraph.gcpause import paused_gc
from dutygraph.graph import model as m
from dutygraph.graph.aliases import AliasTable, load_aliases, normalise
from dutygraph.loaders.records import DEDUPLICATED, LoadResult, LoadWarning, TaskRecord

log = logging.getLogger(__name__)


#: What a Document node takes from the loader's metadata as it is (文号 and date included).
_DOCUMENT_FIELDS = ("title", "region", "year", "issuer", "number", "date", "sha256", "layout")
#: What a Task node takes from its record as it is (the deadline as printed and its last day).
_TASK_FIELDS = ("text", "line", "deadline", "deadline_date")
#: What a Target node takes from the loader's target as it is (its ``unit`` of measure becomes ``measure``).
_TARGET_FIELDS = ("indicator", "value", "direction", "qualifier", "text")


def _props(**values: Any) -> dict[str, Any]:
    """Properties without the empty ones (a store cannot hold a null property)."""
    return {k: v for k, v in values.items() if v is not None}


def document_keys(results: list[LoadResult]) -> list[str]:
    """Each document's key, the part of its id after ``doc:``: its path relative to the input.

    That is its file name, unless another document of the same run has the
    same name: then as many of its folders as it takes to tell them apart
    (``鼓楼/附件1.txt`` and ``钟楼/附件1.txt``). Documents with the same content
    are one document (see :func:`unique_documents`), whatever their names.

    Example:
        >>> from dutygraph.loaders.records import DocumentMeta
        >>> paths = ("a/鼓楼/附件1.txt", "a/钟楼/附件1.txt")
        >>> docs = [LoadResult(DocumentMeta(file="附件1.txt", path=p, sha256=p), [], []) for p in paths]
        >>> document_keys(docs)
        ['鼓楼/附件1.txt', '钟楼/附件1.txt']

    Cost: linear in documents × the depth of their folders.
    """
    parts = [PurePath(os.path.abspath(r.document.path or r.document.file)).parts for r in results]
    depth = [1] * len(results)
    while True:
        keys = ["/".join(p[-d:]) for p, d in zip(parts, depth, strict=True)]
        seen: dict[str, set[str]] = {}
        for key, r in zip(keys, results, strict=True):
            seen.setdefault(key, set()).add(r.document.sha256 or r.document.path)
        clashes = {k for k, contents in seen.items() if len(contents) > 1}
        grown = False
        for i, key in enumerate(keys):
            if key in clashes and depth[i] < len(parts[i]) - 1:
                depth[i] += 1
                grown = True
        if not grown:
            return keys


def unique_documents(results: Iterable[LoadResult]) -> list[LoadResult]:
    """The documents with the same content as an earlier one left out, each with a warning saying so.

    The same file given twice (or a copy of it under another name) is stored once.
    """
    kept: list[LoadResult] = []
    first: dict[str, LoadResult] = {}
    for r in results:
        digest = r.document.sha256
        if digest and digest in first:
            earlier = first[digest].document
            r.warnings.append(
                LoadWarning(r.document.file, None, f"the same document as {earlier.path} (same content): stored once")
            )
            continue
        if digest:
            first[digest] = r
        kept.append(r)
    return kept


def build_graph(results: Iterable[LoadResult], aliases: AliasTable | None = None) -> nx.MultiDiGraph[str]:
    """Build the responsibility graph of one or more loaded documents.

    Units are identified per region by their canonical name (the alias file maps
    区卫健局 and 卫健局 of 钟楼区 to one node); leaders per region by name. Every
    LEADS, SUPPORTS and OVERSEES relationship records the source line and its
    basis: ``printed`` in the task's own row, ``merged`` from a merged cell, or
    ``inferred`` (a guess filled into a line-deduplicated text).

    A document is known by its content and its path relative to the input
    (:func:`document_keys`): two documents named 附件1.txt in two folders stay
    two, and the same content given twice is stored once (with a warning on the
    copy left out). Task ids hold the document, the goal (its number, or its
    ordinal) and the task's number; a number printed twice under one goal gets
    a suffix (``#2``) and a warning, so no task replaces another.

    Args:
        results: loaded documents (from :func:`dutygraph.loaders.load`).
        aliases: the alias table; the packaged ``aliases.toml`` when None.

    Returns:
        A ``MultiDiGraph`` whose nodes have a ``label`` and the label's
        properties, and whose edges are keyed by relationship type.

    Example:
        >>> from dutygraph.loaders import load
        >>> G = build_graph([load("../shared/seeds/001_d657d27eca61cd1c.txt")])
        >>> G.nodes["unit:鼓楼区:区发改委"]["kind"]
        'department'
        >>> G.nodes["doc:001_d657d27eca61cd1c.txt"]["number"]
        '鼓政〔2024〕2号'

    Cost: linear in the number of tasks and names.
    """
    aliases = aliases or load_aliases()
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    with paused_gc():
        kept = unique_documents(results)
        for result, key in zip(kept, document_keys(kept), strict=True):
            _add_document(G, result, aliases, key)
    for _, data in G.nodes(data=True):
        if "aliases" in data:
            data["aliases"] = sorted(data["aliases"])
    return G


def _add_document(G: nx.MultiDiGraph[str], result: LoadResult, aliases: AliasTable, key: str) -> None:
    """Add one document, its goals, areas, tasks, targets and everyone responsible for them."""
    doc = result.document
    did = m.document_id(key)
    printed = {k: getattr(doc, k) for k in _DOCUMENT_FIELDS}
    G.add_node(
        did,
        label=m.DOCUMENT,
        **_props(id=did, **printed, source=doc.file, path=key, flags=list(doc.flags), tasks=len(result.tasks)),
    )
    dedup = DEDUPLICATED in doc.flags
    repeats: dict[str, int] = {}
    goal_order: dict[str, int] = {}
    for t in result.tasks:
        gid, parent = _add_goal_and_area(G, did, t, goal_order)
        tid = m.task_id(did, t.task, t.goal_no or str(goal_order[gid]))
        if tid in G:
            repeats[tid] = repeats.get(tid, 1) + 1
            result.warnings.append(
                LoadWarning(
                    doc.file,
                    t.line,
                    f"task {t.task} is numbered as an earlier task of the same goal: "
                    f"kept apart as {t.task}#{repeats[tid]}",
                )
            )
            tid = f"{tid}#{repeats[tid]}"
        task = {k: getattr(t, k) for k in _TASK_FIELDS} | {"region": doc.region, "year": doc.year}
        month = m.deadline_month(t.deadline_date)
        G.add_node(tid, label=m.TASK, **_props(id=tid, doc=did, goal=gid, number=t.task, **task, deadline_month=month))
        G.add_edge(parent, tid, key=m.HAS_TASK, type=m.HAS_TASK)
        _add_targets(G, did, tid, t)
        _add_responsibilities(G, did, tid, t, doc.region, dedup, aliases)


def _add_goal_and_area(G: nx.MultiDiGraph[str], did: str, t: TaskRecord, goal_order: dict[str, int]) -> tuple[str, str]:
    """The task's goal (added when new) and its parent: its area when it has one, else the goal."""
    gid = m.goal_id(did, t.goal_no, t.goal)
    if gid not in G:
        goal_order[gid] = len(goal_order) + 1
        G.add_node(
            gid, label=m.GOAL, **_props(id=gid, doc=did, title=t.goal, number=t.goal_no, ordinal=goal_order[gid])
        )
        G.add_edge(did, gid, key=m.HAS_GOAL, type=m.HAS_GOAL)
    if not t.area:
        return gid, gid
    aid = m.area_id(gid, t.area)
    if aid not in G:
        G.add_node(aid, label=m.AREA, id=aid, doc=did, title=t.area)
        G.add_edge(gid, aid, key=m.HAS_AREA, type=m.HAS_AREA)
    return gid, aid


def _add_targets(G: nx.MultiDiGraph[str], did: str, tid: str, t: TaskRecord) -> None:
    """One Target node per quantitative target printed in the task's text, in printed order."""
    for position, target in enumerate(t.targets, start=1):
        xid = m.target_id(tid, position)
        printed = {k: target.get(k) for k in _TARGET_FIELDS}
        G.add_node(
            xid,
            label=m.TARGET,
            **_props(id=xid, doc=did, task=tid, position=position, **printed, measure=target.get("unit")),
        )
        G.add_edge(tid, xid, key=m.HAS_TARGET, type=m.HAS_TARGET)


def _add_responsibilities(
    G: nx.MultiDiGraph[str], did: str, tid: str, t: TaskRecord, region: str | None, dedup: bool, aliases: AliasTable
) -> None:
    """LEADS, SUPPORTS and OVERSEES into the task, numbered in printed order (a name given twice keeps its first)."""
    for rel, field in m.RESPONSIBILITY.items():
        names: list[str] = getattr(t, field)
        basis = (m.INFERRED if dedup else m.MERGED) if field in t.inherited else m.PRINTED
        line = t.lines.get(field, t.line)
        position = 0
        for printed in names:
            src = _responsible_node(G, rel, region, printed, aliases)
            if G.has_edge(src, tid, key=rel):
                continue
            position += 1
            G.add_edge(src, tid, key=rel, type=rel, line=line, basis=basis, doc=did, position=position)
            if rel == m.OVERSEES and "post" not in G.nodes[src]:
                post = m.leader_post(G.nodes[src]["name"], t.goal, t.area, t.text)
                if post:
                    G.nodes[src]["post"] = post


def _responsible_node(G: nx.MultiDiGraph[str], rel: str, region: str | None, printed: str, aliases: AliasTable) -> str:
    """The Leader or Unit node a printed name stands for (added when new; a unit's alias recorded)."""
    if rel == m.OVERSEES:
        name = normalise(printed)
        lid = m.leader_id(region, name)
        if lid not in G:
            G.add_node(
                lid, label=m.LEADER, **_props(id=lid, name=name, region=region, collective=m.is_collective_leader(name))
            )
        return lid
    canonical = aliases.canonical(region, printed)
    uid = m.unit_id(region, canonical)
    if uid not in G:
        G.add_node(
            uid,
            label=m.UNIT,
            **_props(id=uid, name=canonical, region=region, kind=m.unit_kind(canonical), aliases=set()),
        )
    G.nodes[uid]["aliases"].add(normalise(printed))
    return uid


def summary(G: nx.MultiDiGraph[str]) -> dict[str, int]:
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
