"""A read-only store directory and a full disk: one line each that names the cause; reads of a read-only store work."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import SAMPLES, SEED_FILES, seed_path
from tests.faults.conftest import dutygraph, finish, record, servers_of, stored_documents


def _mount(*args: str) -> str | None:
    """Run mount; the reason it failed, or None."""
    if os.geteuid() != 0:
        return "not root: cannot mount"
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    return None if done.returncode == 0 else f"mount {' '.join(args)} failed: {done.stderr.strip()}"


@pytest.fixture
def read_only_store(tmp_path):
    db = tmp_path / "db"
    rc, _, err = finish(dutygraph(["build", str(SAMPLES / "brackets.txt"), "--db", str(db), "-q"]))
    assert rc == 0, err
    why = _mount("--bind", str(db), str(db))
    if why is None and (why := _mount("-o", "remount,ro,bind", str(db))) is not None:
        subprocess.run(["umount", str(db)], check=False)
    if why is not None:
        if os.geteuid() == 0:
            pytest.skip(f"no read-only mount for the test: {why}")
        db.chmod(0o555)  # without root a directory without write permission is read-only
    yield db
    if why is None:
        subprocess.run(["umount", str(db)], check=False)
    db.chmod(0o755)


def test_a_read_only_store_is_read_and_refuses_a_write_in_one_line(read_only_store, no_orphans):
    db = read_only_store
    before = sorted(p.name for p in db.rglob("*"))
    record("read-only store directory (query, then build)", "embedded", 1, 0)
    assert stored_documents(db) == {
        "doc:brackets.txt": {"doc": "doc:brackets.txt", "declared": 3, "tasks": 3, "responsibilities": 6}
    }
    rc, _, err = finish(dutygraph(["build", str(SAMPLES / "first_listed.txt"), "--db", str(db)]))
    assert rc == 3
    assert err.strip().splitlines() == [f"error: the store at {db} is read-only: it can be queried but not written"]
    assert sorted(p.name for p in db.rglob("*")) == before
    record("read-only store directory (query, then build)", "embedded", 0, 1)


def test_a_full_disk_is_named_as_such(tmp_path, no_orphans):
    disk = tmp_path / "disk"
    disk.mkdir()
    why = _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk))
    if why is not None:
        print(f"skipped: {why}")
        pytest.skip(why)
    try:
        db = disk / "db"
        rc, _, err = finish(dutygraph(["build", str(SAMPLES / "brackets.txt"), "--db", str(db), "-q"]))
        assert rc == 0, err
        record("disk full during a write (2 MB tmpfs)", "embedded", 1, 0)
        with open(disk / "filler", "wb") as fh:  # fill the device
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        seeds = [str(seed_path(k)) for k in sorted(SEED_FILES)]
        rc, _, err = finish(dutygraph(["build", *seeds, "--db", str(db), "-q"]))
        assert rc == 3
        assert f"error: no space left on the device holding {db}" in err
        assert "Traceback" not in err and "Connection refused" not in err
        assert servers_of(db) == []
        (disk / "filler").unlink()
        # With room again the store opens and holds its earlier document whole.
        assert stored_documents(db)["doc:brackets.txt"]["tasks"] == 3
        record("disk full during a write (2 MB tmpfs)", "embedded", 0, 1)
    finally:
        subprocess.run(["umount", str(disk)], check=False)
