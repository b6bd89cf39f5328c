"""Shared fixtures: the seed documents beside the repository, and loaded results."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from dutygraph.loaders import LoadResult, load

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("DUTYGRAPH_SEEDS", ROOT.parent / "shared" / "seeds"))
SAMPLES = ROOT / "tests" / "samples"

SEED_FILES = {
    "000": "000_654dc59a8ba40907.txt",
    "001": "001_d657d27eca61cd1c.txt",
    "002": "002_72e94bd22924f3a5.txt",
    "003": "003_8726cfd2ff1c199e.txt",
    "004": "004_1a0878056af8613d.txt",
}


def seed_path(key: str) -> Path:
    path = SEEDS / SEED_FILES[key]
    if not path.exists():
        pytest.fail(f"seed document {path} is missing: the tests need ../shared/seeds beside the repository")
    return path


@cache
def seed(key: str) -> LoadResult:
    """The seed document ``key`` ("000" … "004"), loaded once per test session."""
    return load(seed_path(key))


def by_task(result: LoadResult) -> dict[str, object]:
    return {t.task: t for t in result.tasks}
