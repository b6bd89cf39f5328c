"""The embedded store: FalkorDB inside the Python process (``falkordblite``).

No server to install or run: a database file under a data directory (default
``./.dutygraph/``). The append-only file is switched on and synced on every
write, as a Neo4j commit is: a document the store reported written survives a
crash or a power cut. On this disk that costs about 35 µs per write.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from redis.backoff import NoBackoff
from redis.retry import Retry

from dutygraph.errors import EmptyStoreError, QueryError, StoreError, StoreUnreachableError
from dutygraph.graph import model as m
from dutygraph.graph.stores.base import GraphStore, QueryResult, cypher_text, plain, statements

log = logging.getLogger(__name__)

GRAPH_NAME = "dutygraph"
DB_FILE = "dutygraph.db"


class FalkorStore(GraphStore):
    """FalkorDB embedded, on disk under ``path``.

    Args:
        path: the data directory (created when missing).
        graph: the graph's name inside the database.

    Raises:
        StoreUnreachableError: the embedded server could not start.

    Example:
        >>> with FalkorStore(Path("/tmp/dg")) as store:  # doctest: +SKIP
        ...     store.query("MATCH (n:Unit) RETURN count(n) AS units").rows
        [[0]]
    """

    kind = "embedded"

    def __init__(self, path: str | Path, graph: str = GRAPH_NAME) -> None:
        self.path = Path(path)
        try:
            from redislite.falkordb_client import FalkorDB

            self.path.mkdir(parents=True, exist_ok=True)
            self._db = FalkorDB(
                str(self.path / DB_FILE),
                serverconfig={"appendonly": "yes", "appendfsync": "always"},
            )
            self._graph = self._db.select_graph(graph)
            self._name = graph
        except OSError as exc:
            raise StoreUnreachableError(f"cannot open the embedded store at {self.path}: {exc}") from exc
        except Exception as exc:  # the embedded server reports start-up failures as generic errors
            raise StoreUnreachableError(f"cannot start the embedded store at {self.path}: {exc}") from exc
        self._schema_done = False
        # The graph key must exist before a read, or FalkorDB reports "empty key"
        # instead of, say, a syntax error; creating the indexes creates it.
        self.ensure_schema()

    @property
    def location(self) -> str:
        return str(self.path)

    def ensure_schema(self) -> None:
        if self._schema_done:
            return
        for statement in statements(cypher_text("schema.falkordb.cypher")):
            try:
                self._graph.query(statement)
            except Exception as exc:
                if "already indexed" not in str(exc):
                    raise StoreError(f"cannot create the index '{statement}': {exc}") from exc
        existing = {(row[1], str(row[2])) for row in self._constraints()}
        for label in m.LABELS:
            if (label, "[id]") in existing:
                continue
            try:
                self._db.client.execute_command(
                    "GRAPH.CONSTRAINT", "CREATE", self._name, "UNIQUE", "NODE", label, "PROPERTIES", "1", "id"
                )
            except Exception as exc:
                if "already exists" not in str(exc):
                    raise StoreError(f"cannot create the unique constraint on {label}.id: {exc}") from exc
        self._schema_done = True

    def _constraints(self) -> list[list[Any]]:
        try:
            return self._graph.ro_query("CALL db.constraints()").result_set
        except Exception:
            return []

    def _write(self, cypher: str, params: dict[str, Any]) -> None:
        try:
            self._graph.query(cypher, params)
        except Exception as exc:
            raise StoreError(f"the embedded store refused a write: {exc}") from exc

    def _read(self, cypher: str, params: dict[str, Any]) -> QueryResult:
        try:
            result = self._graph.ro_query(cypher, params)
        except Exception as exc:
            message = str(exc)
            if "empty key" in message:
                raise EmptyStoreError(f"the embedded store at {self.path} is empty: run 'dutygraph build FILE...' first") from exc
            if "read-only" in message:
                raise QueryError("this query would change the graph; dutygraph query only reads") from exc
            if "errMsg:" in message:
                message = message.split("errMsg:", 1)[1].split("errCtx:")[0].strip()
            raise QueryError(f"the query failed: {message}") from exc
        columns = [h[1] if isinstance(h, (list, tuple)) else str(h) for h in (result.header or [])]
        return QueryResult(columns, [[plain(v) for v in row] for row in result.result_set])

    def close(self) -> None:
        db = getattr(self, "_db", None)
        if db is None:
            return
        self._db = None
        # Closing sends SHUTDOWN; the server saves and exits, which drops the
        # connection, and redis-py by default retries a dropped connection with
        # back-off: 3-4 s of every close went to reconnecting to a server that
        # had already stopped. Without retries a close took 1.6-2.1 s on this
        # machine, most of it waiting for the exited server to be reaped.
        client = getattr(db, "client", None)
        if hasattr(client, "set_retry"):
            client.set_retry(Retry(NoBackoff(), 0))
        db.close()
