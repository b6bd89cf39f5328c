"""What every store does: write the graph a document at a time, run read-only
queries with parameters, and read everything back as networkx.

A concrete store only knows how to run one Cypher statement for writing and one
for reading; the Cypher itself lives in ``cypher/`` and is the same for both.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from dutygraph.gcpause import paused_gc
from dutygraph.graph import model as m
from dutygraph.graph.stores.payloads import document_payloads
from dutygraph.graph.stores.readonly import (
    READ_PROCEDURES,
    check_query,
    code_of,
    reads_only_by_text,
    show_command,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "READ_PROCEDURES",
    "GraphStore",
    "QueryResult",
    "WriteSummary",
    "check_query",
    "code_of",
    "critical",
    "cypher_text",
    "document_payloads",
    "interrupt",
    "plain",
    "plain_row",
    "reads_only_by_text",
    "show_command",
    "statements",
]

log = logging.getLogger(__name__)


class _Critical:
    """How deep the calling code is in sections a signal must not cut, and the interruption kept for their end."""

    depth = 0
    pending: BaseException | None = None


@contextmanager
def critical() -> Iterator[None]:
    """A section :func:`interrupt` does not cut: starting or stopping an embedded server.

    An interruption that arrives inside it is raised when the outermost section ends.
    """
    _Critical.depth += 1
    try:
        yield
    finally:
        _Critical.depth -= 1
        if _Critical.depth == 0 and _Critical.pending is not None:
            exc, _Critical.pending = _Critical.pending, None
            raise exc


def interrupt(exc: BaseException) -> None:
    """Raise ``exc`` now, or at the end of the current :func:`critical` section (for signal handlers)."""
    if _Critical.depth:
        _Critical.pending = _Critical.pending or exc
        return
    raise exc


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
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(slots=True)
class WriteSummary:
    """What a write stored: documents written and the store's counts after it."""

    documents: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


class GraphStore(ABC):
    """A graph database holding the responsibility graph.

    Use as a context manager, or call :meth:`close`.
    """

    #: A short name for messages ("embedded", "neo4j").
    kind: str = ""

    #: Documents written at once by :meth:`write`, each region's in order by one
    #: writer (regions share no node, so writers never wait on each other's locks).
    write_workers: int = 1

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

    def write(self, G: nx.MultiDiGraph[str], progress: Callable[[str], None] | None = None) -> WriteSummary:
        """Write every document of ``G``, each in one atomic statement.

        A document already in the store is replaced: its old goals, areas, tasks
        and their relationships go, so re-loading an edited document leaves
        nothing stale and re-loading the same one changes nothing. With
        ``write_workers`` above one, documents of different regions are written
        concurrently; a region's documents are always written in order, by one
        writer.

        Args:
            G: a graph from :func:`dutygraph.graph.build.build_graph`.
            progress: called with each document's id once it is written (always
                from the calling thread).

        Returns:
            The documents written, in the graph's order, and the store's counts afterwards.

        Raises:
            StoreError: the store failed; documents already written stay, the
                failing one leaves no trace, and no further document is started.
        """
        self.ensure_schema()
        statement = cypher_text("internal/write_document.cypher")
        payloads = list(document_payloads(G))
        regions: dict[str, list[int]] = {}
        for i, payload in enumerate(payloads):
            regions.setdefault(m.region_key(payload["doc"].get("region")), []).append(i)
        if self.write_workers <= 1 or len(regions) <= 1:
            for payload in payloads:
                self._write(statement, payload)
                if progress:
                    progress(payload["doc"]["id"])
        else:
            # The largest regions first, so the writers finish together.
            groups = sorted(regions.values(), key=len, reverse=True)
            self._write_concurrently(statement, payloads, groups, progress)
        summary = WriteSummary(documents=[payload["doc"]["id"] for payload in payloads])
        summary.counts = self.counts()
        return summary

    def _write_concurrently(
        self,
        statement: str,
        payloads: list[dict[str, Any]],
        groups: list[list[int]],
        progress: Callable[[str], None] | None,
    ) -> None:
        """Write each group's payloads in order, ``write_workers`` groups at a time."""
        finished: queue.Queue[tuple[int, BaseException | None]] = queue.Queue()
        stop = threading.Event()

        def run(group: list[int]) -> None:
            for i in group:
                if stop.is_set():
                    return
                try:
                    self._write(statement, payloads[i])
                except BaseException as exc:  # handed to the calling thread, which raises it
                    stop.set()
                    finished.put((i, exc))
                    return
                finished.put((i, None))

        error: BaseException | None = None
        with ThreadPoolExecutor(max_workers=self.write_workers, thread_name_prefix="dutygraph-write") as pool:
            futures = [pool.submit(run, group) for group in groups]
            try:
                while True:
                    try:
                        i, exc = finished.get(timeout=0.05)
                    except queue.Empty:
                        if all(f.done() for f in futures) and finished.empty():
                            break
                        continue
                    if exc is not None:
                        error = error or exc
                    elif progress:
                        progress(payloads[i]["doc"]["id"])
            finally:
                stop.set()
        if error is not None:
            raise error

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
            QueryError: a syntax error (with the database's message), a query
                that would change the graph, or one that would read files, URLs
                or run a procedure that is not a read (see :func:`check_query`).
        """
        statement = cypher.strip().rstrip(";")
        check_query(statement)
        return self._read(self._prepare(statement), params or {})

    def _prepare(self, cypher: str) -> str:
        """The query as this store must run it to answer as Neo4j does (refusing what it cannot)."""
        return cypher

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

    def read_graph(self) -> nx.MultiDiGraph[str]:
        """Everything in the store, as a networkx graph of the same shape build_graph makes."""
        with paused_gc():
            return self._read_graph()

    def _read_graph(self) -> nx.MultiDiGraph[str]:
        import networkx as nx  # not at the top: a query does not need it, and it takes 0.1 s to import

        G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        for labels, props in self._read(cypher_text("internal/nodes.cypher"), {}).rows:
            label = next((x for x in labels if x in m.LABELS), labels[0] if labels else "")
            data = dict(props)
            if "aliases" in data:
                data["aliases"] = sorted(data["aliases"])
            G.add_node(data["id"], label=label, **data)
        for src, rel, dst, props in self._read(cypher_text("internal/relationships.cypher"), {}).rows:
            G.add_edge(src, dst, key=rel, type=rel, **dict(props))
        return G


_SCALARS = frozenset({str, int, float, bool, type(None)})


class NodeValue(dict[str, Any]):
    """A node in a query's rows: ``{"labels": [...], "properties": {...}}`` (JSON as it is)."""


class RelationshipValue(dict[str, Any]):
    """A relationship in a query's rows: ``{"type": ..., "properties": {...}}``."""


class PathValue(dict[str, Any]):
    """A path in a query's rows: ``{"nodes": [...], "relationships": [...]}``."""


def _graph_value(value: Any) -> Any:
    """A node, relationship or path of either driver as a plain value; None for anything else."""
    props = getattr(value, "properties", None)
    props = props if isinstance(props, dict) else getattr(value, "_properties", None)
    labels = getattr(value, "labels", None)
    if labels is not None and not callable(labels) and isinstance(props, dict):
        return NodeValue(labels=sorted(labels), properties=plain(props))
    kind = getattr(value, "relation", None) or getattr(value, "type", None)
    if isinstance(kind, str) and isinstance(props, dict):
        return RelationshipValue(type=kind, properties=plain(props))
    nodes, rels = getattr(value, "nodes", None), getattr(value, "relationships", None) or getattr(value, "edges", None)
    if nodes is not None and rels is not None:
        nodes, rels = (nodes() if callable(nodes) else nodes), (rels() if callable(rels) else rels)
        return PathValue(nodes=[plain(n) for n in nodes], relationships=[plain(r) for r in rels])
    if isinstance(props, dict):
        return plain(props)
    return None


def plain_row(values: Iterable[Any]) -> list[Any]:
    """A query row's values as :func:`plain` makes them, without a call per scalar (33,000 rows of eight here)."""
    return [v if type(v) in _SCALARS else plain(v) for v in values]


def plain(value: Any) -> Any:
    """A JSON-friendly copy of a query value (nodes, relationships and paths become
    :class:`NodeValue`, :class:`RelationshipValue` and :class:`PathValue`).

    Scalars are passed through without a call per value: reading a province back
    makes two million of them.
    """
    if type(value) in _SCALARS:
        return value
    if isinstance(value, dict):
        return {k: v if type(v) in _SCALARS else plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _SCALARS else plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)):
        return value
    graph = _graph_value(value)
    if graph is not None:
        return graph
    try:
        return plain(dict(value))
    except (TypeError, ValueError):
        return json.loads(json.dumps(value, default=str))
