"""What every store does: write the graph a document at a time, run read-only
queries with parameters, and read everything back as networkx.

A concrete store only knows how to run one Cypher statement for writing and one
for reading; the Cypher itself lives in ``cypher/`` and is the same for both.
"""

from __future__ import annotations

import json
import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from dutygraph.graph import model as m

log = logging.getLogger(__name__)


@cache
def cypher_text(name: str) -> str:
    """The text of a packaged Cypher file, e.g. ``internal/write_document.cypher``."""
    return resources.files("dutygraph.cypher").joinpath(name).read_text(encoding="utf-8")


def statements(text: str) -> list[str]:
    """Split a schema file into statements (``;``-terminated, ``//`` comments dropped)."""
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]


@dataclass(slots=True)
class QueryResult:
    """Rows of a read query, with the names of its RETURN columns."""

    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        """The rows as objects keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass(slots=True)
class WriteSummary:
    """What a write stored: documents written and the store's counts after it."""

    documents: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def document_payloads(G: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """One write payload per Document node: the parameters of ``write_document.cypher``.

    Args:
        G: a graph from :func:`dutygraph.graph.build.build_graph`.

    Yields:
        A dict with ``doc``, ``goals``, ``areas``, ``goal_tasks``, ``area_tasks``,
        ``units``, ``leaders``, ``leads``, ``supports`` and ``oversees``.
    """

    def props(node: str) -> dict[str, Any]:
        return {k: v for k, v in G.nodes[node].items() if k != "label"}

    for did, data in G.nodes(data=True):
        if data["label"] != m.DOCUMENT:
            continue
        payload: dict[str, Any] = {
            "doc": props(did), "goals": [], "areas": [], "goal_tasks": [], "area_tasks": [],
            "units": [], "leaders": [], "leads": [], "supports": [], "oversees": [],
        }
        units: set[str] = set()
        leaders: set[str] = set()
        for _, gid in G.out_edges(did):
            payload["goals"].append(props(gid))
            for _, child, key in G.out_edges(gid, keys=True):
                if key == m.HAS_AREA:
                    payload["areas"].append({"parent": gid, "props": props(child)})
                    for _, tid in G.out_edges(child):
                        payload["area_tasks"].append({"parent": child, "props": props(tid)})
                else:
                    payload["goal_tasks"].append({"parent": gid, "props": props(child)})
        tasks = [row["props"]["id"] for row in payload["goal_tasks"] + payload["area_tasks"]]
        for tid in tasks:
            for src, _, key, edata in G.in_edges(tid, keys=True, data=True):
                if key not in m.RESPONSIBILITY:
                    continue
                rel = {"src": src, "dst": tid, "props": {k: v for k, v in edata.items() if k != "type"}}
                payload[{m.LEADS: "leads", m.SUPPORTS: "supports", m.OVERSEES: "oversees"}[key]].append(rel)
                (leaders if key == m.OVERSEES else units).add(src)
        for uid in sorted(units):
            p = props(uid)
            payload["units"].append({"id": uid, "aliases": list(p.pop("aliases", [])), "props": p})
        payload["leaders"] = [{"id": lid, "props": props(lid)} for lid in sorted(leaders)]
        yield payload


_WRITE_CLAUSE = re.compile(r"\b(?:CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH|CALL\s*\{)", re.I)


class GraphStore(ABC):
    """A graph database holding the responsibility graph.

    Use as a context manager, or call :meth:`close`.
    """

    #: A short name for messages ("embedded", "neo4j").
    kind: str = ""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what a concrete store provides ---------------------------------------

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create constraints and indexes when they do not exist yet."""

    @abstractmethod
    def _write(self, cypher: str, params: dict[str, Any]) -> None:
        """Run one writing statement atomically (with retries where the store has them)."""

    @abstractmethod
    def _read(self, cypher: str, params: dict[str, Any]) -> QueryResult:
        """Run one statement that must not change the graph; raise QueryError otherwise."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection or the embedded server."""

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the data lives (a path or a URI without credentials), for messages."""

    # -- what every store does -------------------------------------------------

    def write(self, G: nx.MultiDiGraph, progress: Callable[[str], None] | None = None) -> WriteSummary:
        """Write every document of ``G``, each in one atomic statement.

        A document already in the store is replaced: its old goals, areas, tasks
        and their relationships go, so re-loading an edited document leaves
        nothing stale and re-loading the same one changes nothing.

        Args:
            G: a graph from :func:`dutygraph.graph.build.build_graph`.
            progress: called with each document's id once it is written.

        Returns:
            The documents written and the store's counts afterwards.

        Raises:
            StoreError: the store failed; documents written before stay, the
                failing one leaves no trace.
        """
        self.ensure_schema()
        summary = WriteSummary()
        statement = cypher_text("internal/write_document.cypher")
        for payload in document_payloads(G):
            self._write(statement, payload)
            summary.documents.append(payload["doc"]["id"])
            if progress:
                progress(payload["doc"]["id"])
        summary.counts = self.counts()
        return summary

    def clear(self, batch: int = 10_000) -> None:
        """Delete every node and relationship, ``batch`` nodes per transaction
        (one transaction for a province would exceed Neo4j's transaction memory)."""
        while self._read("MATCH (n) RETURN count(n) AS n", {}).rows[0][0]:
            self._write("MATCH (n) WITH n LIMIT $batch DETACH DELETE n", {"batch": batch})

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a read-only Cypher query with parameters.

        Args:
            cypher: one openCypher statement.
            params: values for its ``$parameters``.

        Returns:
            The columns and rows.

        Raises:
            QueryError: a syntax error (with the database's message), or a query
                that would change the graph.
        """
        return self._read(cypher.strip().rstrip(";"), params or {})

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type currently stored."""
        out = {label: 0 for label in m.LABELS} | {rel: 0 for rel in m.RELATIONSHIPS}
        for label, n in self._read("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n", {}).rows:
            if label in out:
                out[label] = n
        for rel, n in self._read("MATCH ()-[r]->() RETURN type(r) AS rel, count(*) AS n", {}).rows:
            if rel in out:
                out[rel] = n
        return out

    def read_graph(self) -> nx.MultiDiGraph:
        """Everything in the store, as a networkx graph of the same shape build_graph makes."""
        G = nx.MultiDiGraph()
        for labels, props in self._read(cypher_text("internal/nodes.cypher"), {}).rows:
            label = next((x for x in labels if x in m.LABELS), labels[0] if labels else "")
            data = dict(props)
            if "aliases" in data:
                data["aliases"] = sorted(data["aliases"])
            G.add_node(data["id"], label=label, **data)
        for src, rel, dst, props in self._read(cypher_text("internal/relationships.cypher"), {}).rows:
            G.add_edge(src, dst, key=rel, type=rel, **dict(props))
        return G


def plain(value: Any) -> Any:
    """A JSON-friendly copy of a query value (nodes and relationships become their properties)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    for attr in ("properties", "_properties"):
        props = getattr(value, attr, None)
        if isinstance(props, dict):
            return {k: plain(v) for k, v in props.items()}
    try:
        return plain(dict(value))
    except (TypeError, ValueError):
        return json.loads(json.dumps(value, default=str))


def looks_like_write(cypher: str) -> bool:
    """A quick textual check, used only to word error messages."""
    return bool(_WRITE_CLAUSE.search(cypher))
