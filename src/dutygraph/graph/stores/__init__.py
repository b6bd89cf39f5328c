"""Graph stores behind one interface: the embedded FalkorDB (default) and Neo4j.

>>> import tempfile
>>> from dutygraph.graph.stores import open_store
>>> with open_store(db=tempfile.mkdtemp(), write=True) as store:
...     store.counts()["Task"]
0
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from dutygraph.graph.stores.base import GraphStore, QueryResult, WriteSummary, document_payloads
from dutygraph.graph.stores.falkor import DEFAULT_LOCK_TIMEOUT, FalkorStore
from dutygraph.graph.stores.neo4j_store import Neo4jStore

__all__ = [
    "DEFAULT_DB",
    "DEFAULT_LOCK_TIMEOUT",
    "FalkorStore",
    "GraphStore",
    "Neo4jStore",
    "QueryResult",
    "WriteSummary",
    "document_payloads",
    "open_store",
]

#: The embedded store's data directory when neither --db nor DUTYGRAPH_DB says otherwise.
DEFAULT_DB = Path(".dutygraph")


def open_store(
    db: str | Path | None = None,
    neo4j: str | None = None,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    write: bool = False,
    create: bool | None = None,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    on_wait: Callable[[str], None] | None = None,
) -> GraphStore:
    """Open the store the user asked for.

    Neo4j when ``neo4j`` (or NEO4J_URI) is given, with NEO4J_USER, NEO4J_PASSWORD
    and NEO4J_DATABASE filling what the arguments leave out; otherwise the
    embedded store under ``db`` (or DUTYGRAPH_DB, or ``./.dutygraph``).

    Args:
        write: the caller will write: on the embedded store, wait for any other
            writer (at most ``lock_timeout`` seconds, telling ``on_wait`` once)
            and keep others waiting until the store is closed.
        create: create an embedded store that does not exist yet (default: when writing).

    Raises:
        StoreUnreachableError: the store cannot be opened.
        StoreBusyError, StoreReadOnlyError, StoreFullError, NoStoreError: see
            :class:`FalkorStore`.
    """
    uri = neo4j or os.environ.get("NEO4J_URI")
    if uri and db is None:
        return Neo4jStore(
            uri,
            user=user or os.environ.get("NEO4J_USER", "neo4j"),
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
            database=database or os.environ.get("NEO4J_DATABASE"),
        )
    return FalkorStore(
        Path(db or os.environ.get("DUTYGRAPH_DB") or DEFAULT_DB),
        write=write,
        create=write if create is None else create,
        lock_timeout=lock_timeout,
        on_wait=on_wait,
    )
