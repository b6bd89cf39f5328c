"""What the embedded store answers itself, and what it says of a query FalkorDB refused.

FalkorDB knows neither ``SHOW …`` nor ``CALL dbms.components()``: they are answered
here as Neo4j lists them. Its errors (``errMsg: … errCtx: …``, "empty key") become
one-line errors that say what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dutygraph.errors import DutygraphError, EmptyStoreError, QueryError
from dutygraph.graph.stores.base import QueryResult, show_command

_COMPONENTS = re.compile(r"\s*CALL\s+dbms\.components\s*(?:\(\s*\))?\s*", re.I)
_SHOW_ALONE = re.compile(r"\s*SHOW(?:\s+[A-Za-z]+)+\s*", re.I)


def _module_version(module: Any) -> str:
    """The version in one entry of MODULE LIST (a flat key/value list, or a map)."""
    fields = dict(zip(module[::2], module[1::2], strict=True)) if isinstance(module, list) else module
    return str(fields.get(b"ver", fields.get("ver", "?")))


def listing_answer(
    cypher: str, client: Any, graph: str, read: Callable[[str, dict[str, Any]], QueryResult]
) -> QueryResult | None:
    """SHOW … and CALL dbms.components(), which FalkorDB does not know, answered as Neo4j would list them;
    None for any other statement. ``read`` runs the procedure a listing stands for."""
    if _COMPONENTS.fullmatch(cypher):
        modules = client.execute_command("MODULE", "LIST")
        version = next((_module_version(m) for m in modules), "?")
        return QueryResult(["name", "versions", "edition"], [["FalkorDB (embedded)", [version], "embedded"]])
    listing = show_command(cypher)
    if listing is None:
        return None
    if not _SHOW_ALONE.fullmatch(cypher):
        raise QueryError(f"the embedded store answers SHOW {listing} alone, without YIELD, WHERE or RETURN")
    if listing == "DATABASES":
        graphs = [g.decode() if isinstance(g, bytes) else str(g) for g in client.execute_command("GRAPH.LIST")]
        return QueryResult(["name", "default"], [[g, g == graph] for g in graphs])
    if listing == "FUNCTIONS":
        raise QueryError("the embedded store cannot list its functions")
    procedure = {"INDEXES": "db.indexes", "CONSTRAINTS": "db.constraints", "PROCEDURES": "dbms.procedures"}[listing]
    return read(f"CALL {procedure}()", {})


def query_error(exc: Exception, path: Path) -> DutygraphError:
    """The one-line error for a read FalkorDB refused (``exc``) on the store at ``path``."""
    message = str(exc)
    if "empty key" in message:
        return EmptyStoreError(f"the embedded store at {path} is empty: run 'dutygraph build FILE...' first")
    if "read-only" in message:
        return QueryError("this query would change the graph; dutygraph query only reads")
    if "must already be resolved" in message:
        return QueryError(
            "allShortestPaths needs both ends bound first on the embedded store: "
            "MATCH (a …), (b …) WITH a, b MATCH p = allShortestPaths((a)-[*]->(b))"
        )
    if "errMsg:" in message:
        message = message.split("errMsg:", 1)[1].split("errCtx:", maxsplit=1)[0].strip()
    return QueryError(f"the query failed: {message}")
