"""The embedded store: FalkorDB inside the Python process (``falkordblite``).

No server to install or run: a database file under a data directory (default
``./.dutygraph/``). The append-only file is switched on and synced on every
write, as a Neo4j commit is: a document the store reported written survives a
crash or a power cut. On this disk that costs about 35 µs per write.

falkordblite starts a redis-server (with the FalkorDB module) as a daemon and
lets a second client attach to it through a registry file in the data
directory. Two processes starting a server on the same files at once make two
servers append to one file, and a store that never opens again ("Diverged
applying GRAPH.EFFECT"). So, per data directory:

- ``.open.lock`` is held while a server is started or attached to, and while it
  is stopped: there is never more than one server;
- ``.write.lock`` is held by a writer (``build``, ``run``) from before it opens
  the store until after it closed it: one writer at a time; ``.writer`` names it;
- a server of the directory to which no process is connected any more (its
  parent was killed with SIGKILL) is stopped by the next process that opens
  the store, before it starts its own.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from redis.backoff import NoBackoff
from redis.retry import Retry

from dutygraph.errors import (
    NoStoreError,
    StoreBusyError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
    StoreUnreachableError,
)
from dutygraph.graph import model as m
from dutygraph.graph.stores.base import (
    GraphStore,
    QueryResult,
    critical,
    cypher_text,
    plain_row,
    statements,
)
from dutygraph.graph.stores.falkor_answers import listing_answer, query_error
from dutygraph.graph.stores.falkor_server import (
    DB_FILE,
    WATCH_EVERY,
    Watchdog,
    _read_only_dir,
    embedded_db,
    servers_of,
    stop_orphans,
    stop_server,
)
from dutygraph.graph.stores.subset import embedded_cypher

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_LOCK_TIMEOUT", "FalkorStore", "is_store", "servers_of", "stop_orphans"]

GRAPH_NAME = "dutygraph"
AOF_DIR = "appendonlydir"
WRITE_LOCK = ".write.lock"
WRITER_FILE = ".writer"
OPEN_LOCK = ".open.lock"

#: Seconds a writer waits for another one to finish before giving up (``--lock-timeout``).
DEFAULT_LOCK_TIMEOUT = 600.0
#: Seconds to wait for another process starting or stopping the server (a stop takes about 2 s).
OPEN_TIMEOUT = 120.0


def is_store(path: str | Path) -> bool:
    """True when ``path`` holds an embedded store (its database or append-only files)."""
    p = Path(path)
    return (p / DB_FILE).is_file() or (p / AOF_DIR).is_dir()


def _no_space(exc: BaseException | str) -> bool:
    text = str(exc)
    return getattr(exc, "errno", None) == errno.ENOSPC or "No space left" in text or "ENOSPC" in text


class FalkorStore(GraphStore):
    """FalkorDB embedded, on disk under ``path``.

    Args:
        path: the data directory.
        graph: the graph's name inside the database.
        write: this process will write: wait for any other writer to finish
            first (``.write.lock``), and hold the lock until :meth:`close`.
        create: create the store when ``path`` holds none (False for commands
            that only read: a mistyped path is an error, not a new empty store).
        lock_timeout: seconds to wait for another writer.
        on_wait: told, once, in words, when this process has to wait for another writer.

    Raises:
        NoStoreError: ``create`` is False and there is no store at ``path``.
        StoreBusyError: another process kept writing for ``lock_timeout`` seconds.
        StoreReadOnlyError: ``write`` and the directory cannot be written.
        StoreFullError: the device holding the directory is full.
        StoreUnreachableError: the embedded server could not start.

    A store whose directory is read-only is read from a private copy, so
    queries still work. A server that stops answering while a statement runs
    (:class:`~dutygraph.graph.stores.falkor_server.Watchdog`) is killed: a read
    is made again on a new server, a write fails with StoreUnreachableError.

    Example:
        >>> import tempfile
        >>> with FalkorStore(Path(tempfile.mkdtemp()) / "db") as store:
        ...     store.query("MATCH (n:Unit) RETURN count(n) AS units").rows
        [[0]]
    """

    kind = "embedded"

    def __init__(
        self,
        path: str | Path,
        graph: str = GRAPH_NAME,
        *,
        write: bool = False,
        create: bool = True,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self._db: Any = None
        self._watch_every = WATCH_EVERY
        self._dog = Watchdog(None)
        self._write_lock: FileLock | None = None
        self._copy: Path | None = None
        self._name = graph
        self._schema_done = False
        if not create and not is_store(self.path):
            raise NoStoreError(f"no store at {self.path}: run 'dutygraph build FILE...' first, or check --db")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._os_error("cannot create the embedded store", exc) from exc
        where = self.path
        if _read_only_dir(self.path):
            if write:
                raise StoreReadOnlyError(f"the store at {self.path} is read-only: it can be queried but not written")
            # A server needs to write beside its files even to read them: read a private copy.
            self._copy = Path(tempfile.mkdtemp(prefix="dutygraph-ro-"))
            where = self._copy / "db"
            shutil.copytree(self.path, where, ignore=shutil.ignore_patterns(".*lock", WRITER_FILE, "*.settings"))
            log.info("the store at %s is read-only; reading a copy in %s", self.path, where)
        elif write:
            self._lock_for_writing(lock_timeout, on_wait)
        try:
            self._where = where
            self._start(where)
            # The graph key must exist before a read, or FalkorDB reports "empty key"
            # instead of, say, a syntax error; creating the indexes creates it.
            self.ensure_schema()
        except BaseException:
            self.close()
            raise

    def _lock_for_writing(self, timeout: float, on_wait: Callable[[str], None] | None) -> None:
        lock = FileLock(self.path / WRITE_LOCK)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            holder = self._writer()
            message = f"the store at {self.path} is being written by process {holder}"
            (on_wait or log.warning)(f"{message}; waiting…")
            try:
                lock.acquire(timeout=max(timeout, 0))
            except Timeout:
                raise StoreBusyError(f"{message}; gave up after {timeout:g} s (--lock-timeout)") from None
        except OSError as exc:
            raise self._os_error("cannot lock the embedded store", exc) from exc
        self._write_lock = lock
        try:
            (self.path / WRITER_FILE).write_text(f"{os.getpid()}\n", encoding="utf-8")
        except OSError as exc:
            self._release()
            raise self._os_error("cannot lock the embedded store", exc) from exc

    def _writer(self) -> str:
        try:
            return (self.path / WRITER_FILE).read_text(encoding="utf-8").strip() or "?"
        except OSError:
            return "?"

    def _start(self, where: Path) -> None:
        open_lock = None if self._copy else FileLock(self.path / OPEN_LOCK)
        try:
            if open_lock is not None:
                open_lock.acquire(timeout=OPEN_TIMEOUT)
            # A signal must not cut a start in half: it would leave a server nobody knows of.
            with critical():
                try:
                    stop_orphans(where)
                    # No socket timeout: redis-py's default of 5 s failed every query or write that took
                    # longer, while the server went on with it and kept the next ones waiting.
                    self._db = embedded_db(
                        where.resolve() / DB_FILE,
                        {"appendonly": "yes", "appendfsync": "always"},
                        socket_timeout=None,
                    )
                    self._graph = self._db.select_graph(self._name)
                    self._dog = Watchdog(self._db.client, self._watch_every)
                finally:
                    if open_lock is not None:
                        open_lock.release()
        except Timeout:
            raise StoreUnreachableError(
                f"cannot open the embedded store at {self.path}: another process kept it locked"
            ) from None
        except OSError as exc:
            raise self._os_error("cannot open the embedded store", exc) from exc
        except Exception as exc:  # the embedded server reports start-up failures as generic errors
            # A start that failed half-way (no space for the registry file) may leave a server and
            # an empty registry behind: stop the one, remove the other, so nothing outlives the error.
            registry = where / (DB_FILE + ".settings")
            try:
                if registry.exists() and registry.stat().st_size == 0:
                    registry.unlink()
            except OSError:
                pass
            stop_orphans(where)
            if _no_space(exc) or _no_space(self._server_log()):
                raise StoreFullError(f"no space left on the device holding {self.path}") from exc
            raise StoreUnreachableError(f"cannot start the embedded store at {self.path}: {exc}") from exc

    def _server_log(self) -> str:
        """The end of the last embedded server's log, where start-up failures are explained."""
        try:
            return Path(self._db.client.logfile).read_text(errors="replace")[-2000:] if self._db else ""
        except (OSError, AttributeError):
            return ""

    def _os_error(self, what: str, exc: OSError) -> StoreError:
        if exc.errno == errno.ENOSPC:
            return StoreFullError(f"no space left on the device holding {self.path}")
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StoreReadOnlyError(f"the store at {self.path} is read-only: it can be queried but not written")
        return StoreUnreachableError(f"{what} at {self.path}: {exc.strerror or exc}")

    def _release(self) -> None:
        """Give up the write lock and the read-only copy, if held."""
        if self._write_lock is not None:
            with contextlib.suppress(OSError):
                (self.path / WRITER_FILE).unlink(missing_ok=True)
            self._write_lock.release()
            self._write_lock = None
        if self._copy is not None:
            shutil.rmtree(self._copy, ignore_errors=True)
            self._copy = None

    @property
    def watch_every(self) -> float:
        """Seconds a statement runs before the watchdog checks that the server still answers."""
        return self._watch_every

    @watch_every.setter
    def watch_every(self, seconds: float) -> None:
        self._watch_every = self._dog.every = seconds

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
        from redis.exceptions import ResponseError

        try:
            rows: list[list[Any]] = self._graph.ro_query("CALL db.constraints()").result_set
        except ResponseError as exc:  # a graph without a key yet ("empty key") has no constraint
            log.debug("no constraints listed in %s: %s", self.path, exc)
            return []
        return rows

    def _prepare(self, cypher: str) -> str:
        return embedded_cypher(cypher)

    def _write(self, cypher: str, params: dict[str, Any]) -> None:
        dog = self._dog
        try:
            with dog.watching():
                self._graph.query(cypher, params)
        except Exception as exc:
            if dog.hung:
                self._forget_server()
                raise StoreUnreachableError(
                    f"the embedded server of {self.path} stopped answering during a write and was stopped; "
                    "the store keeps what it had acknowledged: run the command again"
                ) from None
            if _no_space(exc) or "MISCONF" in str(exc):
                raise StoreFullError(f"no space left on the device holding {self.path}") from exc
            raise StoreError(f"the embedded store refused a write: {exc}") from exc

    def _read(self, cypher: str, params: dict[str, Any], *, again: bool = True) -> QueryResult:
        answered = listing_answer(cypher, self._db.client, self._name, self._read)
        if answered is not None:
            return answered
        dog = self._dog
        try:
            with dog.watching():
                result = self._graph.ro_query(cypher, params)
        except Exception as exc:
            if dog.hung:
                self._forget_server()
                if not again:
                    raise StoreUnreachableError(
                        f"the embedded server of {self.path} stopped answering twice during this read"
                    ) from None
                log.warning("the embedded server of %s stopped answering; started again", self.path)
                self._start(self._where)
                return self._read(cypher, params, again=False)  # a read changes nothing: once more, on a new server
            raise query_error(exc, self.path) from exc
        columns = [h[1] if isinstance(h, (list, tuple)) else str(h) for h in (result.header or [])]
        return QueryResult(columns, [plain_row(row) for row in result.result_set])

    def _forget_server(self) -> None:
        """Drop the client of a server the watchdog killed, and what it left behind (registry, socket)."""
        self._db = None
        self._dog.stop()
        if self._copy is not None:  # a private copy: no other process opens it
            stop_orphans(self._where)
            return
        with FileLock(self.path / OPEN_LOCK, timeout=OPEN_TIMEOUT):
            stop_orphans(self._where)

    def close(self) -> None:
        db = self._db
        if db is None:
            self._release()
            return
        self._db = None
        self._dog.stop()
        client = db.client
        # Closing sends SHUTDOWN; the server exits, which drops the connection, and redis-py
        # by default retries a dropped connection with back-off (3-4 s of every close once).
        client.set_retry(Retry(NoBackoff(), 0))
        open_lock = None if self._copy else FileLock(self.path / OPEN_LOCK)
        try:
            with critical():  # a stop cut in half leaves a server running
                if open_lock is not None:
                    open_lock.acquire(timeout=OPEN_TIMEOUT)
                try:
                    stop_server(client, compact_first=self._copy is None)
                finally:
                    if open_lock is not None:
                        open_lock.release()
        except Timeout:
            log.warning("closing the embedded store at %s without its lock: another process kept it", self.path)
            stop_server(client, compact_first=False)
        finally:
            self._release()
