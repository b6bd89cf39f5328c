"""An embedded server that stops answering mid-statement (seen once: every thread waiting on a
lock): the watchdog kills it, a read is answered by a new server, a write fails in one line, and no
process is left behind. The hang is real: the server is stopped with SIGSTOP."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from dutygraph.errors import StoreUnreachableError
from dutygraph.graph.stores import FalkorStore
from dutygraph.graph.stores.falkor import servers_of
from tests.conftest import seeds_graph

_COUNT = "MATCH (t:Task) RETURN count(t) AS tasks"


def _freeze_server_after(db, seconds: float) -> threading.Timer:
    """SIGSTOP the store's server once a statement is under way: from then on it answers nothing."""
    (pid, _), *_ = servers_of(db)
    timer = threading.Timer(seconds, os.kill, (pid, signal.SIGSTOP))
    timer.start()
    return timer


def test_a_read_sent_to_a_hung_server_is_answered_by_a_new_one(tmp_path):
    db = tmp_path / "db"
    with FalkorStore(db, write=True) as store:
        store.write(seeds_graph())
        tasks = store.query(_COUNT).rows
    with FalkorStore(db) as store:
        store.watch_every = 0.2
        (old, _), *_ = servers_of(db)
        os.kill(old, signal.SIGSTOP)  # hung before the read is sent: the read waits on it
        assert store.query(_COUNT).rows == tasks
        assert [pid for pid, _ in servers_of(db)] != [old]
    assert servers_of(db) == []


def test_a_write_sent_to_a_hung_server_fails_in_one_line_and_leaves_no_server(tmp_path):
    db = tmp_path / "db"
    store = FalkorStore(db, write=True)
    try:
        store.watch_every = 0.2
        timer = _freeze_server_after(db, 0.0)
        timer.join()
        with pytest.raises(StoreUnreachableError, match="stopped answering during a write") as caught:
            store.write(seeds_graph())
        assert "\n" not in str(caught.value)
    finally:
        store.close()
    assert servers_of(db) == []
    with FalkorStore(db) as again:  # the store opens again: nothing was acknowledged and then lost
        assert again.query(_COUNT).rows == [[0]]
