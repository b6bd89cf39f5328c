"""The embedded server's processes: finding the servers of a data directory, and stopping
those whose parent died (see :mod:`dutygraph.graph.stores.falkor`)."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger("dutygraph.graph.stores.falkor")

DB_FILE = "dutygraph.db"


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
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None and _alive(pid):
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    break
            deadline = time.monotonic() + 10
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            if not _alive(pid):
                break
        if socket:
            shutil.rmtree(os.path.dirname(socket), ignore_errors=True)
        stopped.append(pid)
    registry = Path(path) / (DB_FILE + ".settings")
    if stopped and registry.exists():
        registry.unlink(missing_ok=True)
    return stopped
