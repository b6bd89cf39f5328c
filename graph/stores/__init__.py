"""Graph stores behind one interface: the embedded FalkorDB (default) and Neo4j.

>>> from dutygraph.graph.stores import open_store
>>> with open_store(db=".dutygraph") as store:  # doctest: +SKIP
...     store.counts()["Task"]
"""

from __future__ import annotations

import os
from pathlib import Path

from dutygraph.graph.stores.base import GraphStore, QueryResult, WriteSummary, document_payloads
from dutygraph.graph.stores.falkor import FalkorStore
from dutygraph.graph.stores.neo4j_store import Neo4jStore

__all__ = [
    "DEFAULT_DB",
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
) -> GraphStore:
    """Open the store the user asked for.

    Neo4j when ``neo4j`` (or NEO4J_URI) is given, with NEO4J_USER, NEO4J_PASSWORD
    and NEO4J_DATABASE filling what the arguments leave out; otherwise the
    embedded store under ``db`` (or DUTYGRAPH_DB, or ``./.dutygraph``).

    Raises:
        StoreUnreachableError: the store cannot be opened.
    """
    uri = neo4j or os.environ.get("NEO4J_URI")
    if uri and db is None:
        return Neo4jStore(
            uri,
            user=user or os.environ.get("NEO4J_USER", "neo4j"),
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
            database=database or os.environ.get("NEO4J_DATABASE"),
        )
    return FalkorStore(Path(db or os.environ.get("DUTYGRAPH_DB") or DEFAULT_DB))
