"""Writers killed mid-write: SIGTERM, SIGHUP and SIGINT close the store; after SIGKILL the next command
stops the server left behind. After each, the store opens and every stored document is whole."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from dutygraph.graph.stores.falkor import WRITER_FILE
from tests.faults.conftest import dutygraph, finish, record, servers_of, stored_documents, wait_for

#: Where the signal lands, as a share of an uninterrupted write measured in the same run (the documents
#: are read first, then the store opens and the writes start): the start of the write and two points
#: inside it. A fixed delay would miss the write on a faster or slower machine.
KILL_AFTER = (0.0, 0.25, 0.5)


@pytest.fixture(scope="module")
def write_seconds(corpus, tmp_path_factory) -> float:
    """How long a whole build of the corpus takes from the moment its embedded server is up."""
    paths, _ = corpus
    db = tmp_path_factory.mktemp("timing") / "db"
    proc = dutygraph(["build", *map(str, paths), "--db", str(db), "-q"])
    assert wait_for(lambda: servers_of(db) or proc.poll() is not None, timeout=60), "the store never opened"
    start = time.monotonic()
    rc, _, err = finish(proc)
    assert rc == 0, err
    return time.monotonic() - start


def _assert_whole(db: Path, whole: dict[str, int]) -> int:
    """Every stored document has all its tasks and responsibilities; returns how many are stored."""
    docs = stored_documents(db)
    for doc, row in docs.items():
        assert row["tasks"] == row["declared"], f"{doc} is half-written: {row}"
        assert row["responsibilities"] == whole[doc], f"{doc} is half-written: {row}"
    return len(docs)


def _start_and_kill(
    paths: list[Path], db: Path, sig: int, share: float, write: float, command: str = "build"
) -> tuple[int, str]:
    args = [command, *map(str, paths), "--db", str(db), "-q"]
    if command == "run":
        args = ["run", str(paths[0].parent), "--db", str(db), "--out-dir", str(db.parent / "pages"), "-q"]
    proc = dutygraph(args)
    assert wait_for(lambda: servers_of(db) or proc.poll() is not None, timeout=60), "the store never opened"
    assert proc.poll() is None, f"the writer ended before it could be killed: {proc.communicate()}"
    time.sleep(share * write)
    assert proc.poll() is None, f"the writer ended before {share:.0%} of a {write:.2f} s write"
    proc.send_signal(sig)
    rc, _, err = finish(proc)
    return rc, err


#: Where each signal lands (share of the write after the server came up), and with which command: every point
#: for SIGTERM (what `timeout` and CI cancellations send), one each for SIGHUP and Ctrl-C.
SIGNAL_POINTS = [
    (signal.SIGTERM, KILL_AFTER[0], "build"),
    (signal.SIGTERM, KILL_AFTER[1], "run"),
    (signal.SIGTERM, KILL_AFTER[2], "build"),
    (signal.SIGHUP, KILL_AFTER[1], "build"),
    (signal.SIGINT, KILL_AFTER[2], "run"),
]


@pytest.mark.parametrize(
    ("sig", "delay", "command"),
    SIGNAL_POINTS,
    ids=[f"{signal.Signals(s).name}-{d:.0%}-{c}" for s, d, c in SIGNAL_POINTS],
)
def test_a_signal_mid_write_closes_the_store_and_exits_128_plus_the_signal(
    corpus, write_seconds, tmp_path, sig, delay, command, no_orphans
):
    paths, whole = corpus
    db = tmp_path / "db"
    rc, err = _start_and_kill(paths, db, sig, delay, write_seconds, command=command)
    name = "Ctrl-C" if sig == signal.SIGINT else signal.Signals(sig).name
    points = ", ".join(f"{d:.0%}" for s, d, _ in SIGNAL_POINTS if s == sig)
    fault = f"kill -{signal.Signals(sig).name[3:]} mid-write (build, run; at {points} of the write)"
    record(fault, "embedded", 1, 0)
    assert rc == 128 + sig, err
    assert f"error: interrupted by {name}; the store was closed" in err
    assert "Traceback" not in err
    assert servers_of(db) == [], "the embedded server outlived the command"
    assert not (db / WRITER_FILE).exists()
    _assert_whole(db, whole)
    if delay == KILL_AFTER[0]:
        # The store takes the next write at once: the lock went with the process.
        rc, _, err = finish(dutygraph(["build", str(paths[0]), "--db", str(db), "-q", "--lock-timeout", "0"]))
        assert rc == 0, err
    record(fault, "embedded", 0, 1)


@pytest.mark.parametrize("delay", [KILL_AFTER[0], KILL_AFTER[1]])
def test_sigkill_mid_write_leaves_a_server_the_next_command_stops(corpus, write_seconds, tmp_path, delay, no_orphans):
    paths, whole = corpus
    db = tmp_path / "db"
    fault = f"kill -KILL mid-write (at {KILL_AFTER[0]:.0%}, {KILL_AFTER[1]:.0%} of the write; the next command stops the orphan)"
    record(fault, "embedded", 1, 0)
    rc, _ = _start_and_kill(paths, db, signal.SIGKILL, delay, write_seconds)
    assert rc == -signal.SIGKILL
    assert len(servers_of(db)) == 1, "SIGKILL should leave the embedded server running (else this tests nothing)"
    stored = _assert_whole(db, whole)  # the next command, a query, stops it and reads
    assert servers_of(db) == []
    # A writer after it finds the lock free and writes everything.
    rc, _, err = finish(dutygraph(["build", *map(str, paths), "--db", str(db), "-q", "--lock-timeout", "0"]))
    assert rc == 0, err
    assert _assert_whole(db, whole) == len(paths) >= stored
    record(fault, "embedded", 0, 1)
