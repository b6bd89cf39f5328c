"""The Neo4j store, through the official ``neo4j`` driver.

``bolt://`` reaches one server; ``neo4j://`` routes (clusters, Aura). Writes run
in managed write transactions, which the driver retries on transient errors.
Reads run in read transactions, and every analyst query is first EXPLAINed: on a
single server a READ access mode alone does not stop a write, so a query whose
plan is not read-only (query type ``r``) is refused before it runs; SHOW commands
and read procedures such as ``dbms.components()``, planned as type ``s``, are let
through when their text holds nothing else. LOAD CSV plans as a read: it is
refused by its text (:func:`dutygraph.graph.stores.base.check_query`), and the
project's launcher turns off file URLs as well.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from dutygraph.errors import QueryError, StoreError, StoreUnreachableError
from dutygraph.graph.stores.base import GraphStore, QueryResult, cypher_text, plain_row, reads_only_by_text, statements

log = logging.getLogger(__name__)
# The driver logs each notification as a ~900-character line, for the EXPLAIN and again for the
# run; _read logs each once, in one short line, at INFO (shown with -v).
logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


#: EXPLAIN runs on a line of its own, so the line Neo4j quotes in an error is the user's line.
_EXPLAIN = "EXPLAIN\n"
_POSITION = re.compile(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)")


def true_positions(message: str) -> str:
    """A Neo4j error message about ``EXPLAIN\\n`` + the query, with positions in the query as typed.

    Example:
        >>> true_positions('Invalid input (line 2, column 9 (offset: 16))')
        'Invalid input (line 1, column 9 (offset: 8))'
    """

    def shift(m: re.Match[str]) -> str:
        line, column, offset = (int(g) for g in m.groups())
        return f"(line {line - 1}, column {column} (offset: {offset - len(_EXPLAIN)}))"

    return _POSITION.sub(shift, message)


def _note(status: Any) -> str:
    """One short line for a notification: what it says and where."""
    text = getattr(status, "status_description", "") or str(status)
    text = text.removeprefix("warn: ").removeprefix("info: ")
    position = getattr(status, "position", None)
    where = f" (line {position.line}, column {position.column})" if position is not None else ""
    return f"Neo4j: {text}{where}"


def redact(uri: str) -> str:
    """The URI without any user or password in it."""
    if "@" in uri and "://" in uri:
        scheme, rest = uri.split("://", 1)
        return f"{scheme}://{rest.split('@', 1)[1]}"
    return uri


class Neo4jStore(GraphStore):
    """A Neo4j server or cluster.

    Args:
        uri: ``bolt://host:port`` or ``neo4j://host:port``.
        user: user name (None or empty with no password: no authentication).
        password: the password; never printed.
        database: database name (None: the server's default).

    Raises:
        StoreUnreachableError: the server cannot be reached or refused the user,
            with the URI (never the password) and what to check.
    """

    kind = "neo4j"

    # Two writers: the server works on one region's document while the other's
    # parameters travel and commit. Writing a province (300 documents, 60
    # regions) to a local server on a 2-core machine took 5.3-5.6 s with one
    # writer, 3.4-3.6 s with two, 3.7-3.9 s with three and 3.6-4.1 s with four.
    write_workers = 2

    def __init__(
        self, uri: str, user: str | None = "neo4j", password: str | None = None, database: str | None = None
    ) -> None:
        import neo4j
        from neo4j import exceptions as nx_exc

        if log.getEffectiveLevel() > logging.DEBUG:
            # The driver logs each lost connection itself; the error raised here says it once, in one line.
            logging.getLogger("neo4j").setLevel(logging.CRITICAL)
        self.uri = uri
        self._driver: Any = None
        self.database = database or None
        auth = (user or "neo4j", password) if password else None
        where = redact(uri)
        try:
            # Notifications are logged by _read, once and in one line each, not by the driver.
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=auth, user_agent="dutygraph", warn_notification_severity="OFF"
            )
            self._driver.verify_connectivity()
        except nx_exc.AuthError as exc:
            self._close_quietly()
            raise StoreUnreachableError(
                f"Neo4j at {where} refused user '{user or 'neo4j'}': check NEO4J_USER and NEO4J_PASSWORD"
            ) from exc
        except (nx_exc.ServiceUnavailable, OSError) as exc:
            self._close_quietly()
            raise StoreUnreachableError(
                f"cannot reach Neo4j at {where}: is it running? (make neo4j-start starts one on bolt://127.0.0.1:7687)"
            ) from exc
        except (nx_exc.ConfigurationError, ValueError) as exc:
            self._close_quietly()
            raise StoreUnreachableError(f"cannot use the Neo4j URI {where}: {exc}") from exc
        self._neo4j = neo4j
        self._schema_done = False

    def _close_quietly(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()
            self._driver = None

    @property
    def location(self) -> str:
        return redact(self.uri)

    def _session(self, read: bool) -> Any:
        mode = self._neo4j.READ_ACCESS if read else self._neo4j.WRITE_ACCESS
        # A read's rows are all kept anyway: fetched in one go rather than 1,000 at a time, the 33,532 rows
        # of goal_responsibility_path at province size took 0.45 s instead of 0.54 s through the driver.
        return self._driver.session(database=self.database, default_access_mode=mode, fetch_size=-1 if read else 1000)

    def ensure_schema(self) -> None:
        if self._schema_done:
            return
        with self._session(read=False) as session:
            for statement in statements(cypher_text("schema.cypher")):
                session.run(statement).consume()
        self._schema_done = True

    def _write(self, cypher: str, params: dict[str, Any]) -> None:
        from neo4j import exceptions as nx_exc

        def work(tx: Any) -> None:
            tx.run(cypher, params).consume()

        try:
            with self._session(read=False) as session:
                session.execute_write(work)
        except nx_exc.Neo4jError as exc:
            raise StoreError(f"Neo4j at {self.location} refused a write: {exc.message or exc}") from exc
        except (nx_exc.ServiceUnavailable, nx_exc.SessionExpired) as exc:
            raise StoreError(
                f"lost Neo4j at {self.location} during a write: the server closed the connection or stopped "
                "answering (is it still running?); each document is stored whole or not at all"
            ) from exc
        except nx_exc.DriverError as exc:
            raise StoreError(f"lost Neo4j at {self.location} during a write: {str(exc).splitlines()[0]}") from exc

    def _read(self, cypher: str, params: dict[str, Any]) -> QueryResult:
        from neo4j import exceptions as nx_exc

        def plan(tx: Any) -> str | None:
            query_type: str | None = tx.run(_EXPLAIN + cypher, params).consume().query_type
            return query_type

        def work(tx: Any) -> QueryResult:
            result = tx.run(cypher, params)
            rows = [plain_row(record.values()) for record in result]
            for status in result.consume().gql_status_objects:
                if status.is_notification:
                    log.info("%s", _note(status))
            return QueryResult(list(result.keys()), rows)

        try:
            with self._session(read=True) as session:
                query_type = session.execute_read(plan)
                # SHOW DATABASES and CALL dbms.components() plan as "schema" queries (type s),
                # though they only list: let those through when their text holds nothing else.
                if query_type != "r" and not (query_type == "s" and reads_only_by_text(cypher)):
                    raise QueryError(
                        f"this query would change the graph (query type '{query_type}'); dutygraph query only reads"
                    )
                answer: QueryResult = session.execute_read(work)
                return answer
        except nx_exc.ClientError as exc:
            raise QueryError(f"the query failed: {true_positions(str(exc.message or exc))}") from exc
        except nx_exc.Neo4jError as exc:
            raise StoreError(f"Neo4j at {self.location} failed the query: {exc.message or exc}") from exc
        except (nx_exc.ServiceUnavailable, nx_exc.SessionExpired) as exc:
            raise StoreError(
                f"lost Neo4j at {self.location}: the server closed the connection or stopped answering "
                "(is it still running?)"
            ) from exc
        except nx_exc.DriverError as exc:
            raise StoreError(f"lost Neo4j at {self.location}: {str(exc).splitlines()[0]}") from exc

    def close(self) -> None:
        self._close_quietly()
