"""Garbage gets a verdict: numbered random characters are refused, real and short documents are not."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from dutygraph.errors import NotADecompositionError
from dutygraph.loaders import load
from tests.conftest import ROOT, SEED_FILES, seed_path


def random_lines(n: int, cue: bool) -> str:
    rng = random.Random(7)

    def words(a: int, b: int) -> str:
        return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(a, b)))

    return "\n".join(f"{i + 1}. {words(10, 60)}" + (f"（牵头单位：{words(3, 5)}局）" if cue else "") for i in range(n))


@pytest.mark.parametrize("cue", [False, True], ids=["no-cues", "random-units"])
def test_numbered_random_characters_are_not_a_decomposition(tmp_path, cue):
    path = tmp_path / "noise.txt"
    path.write_text(random_lines(3000, cue), encoding="utf-8")
    with pytest.raises(NotADecompositionError, match=r"not a decomposition: only 4[0-9]% of the characters of its"):
        load(path)


def test_the_command_line_names_the_file_in_one_line_and_exits_2(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_text(random_lines(1500, False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "dutygraph", "build", str(path), "--db", str(tmp_path / "db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert errors == [errors[0]] and str(path) in errors[0] and "it reads as random text" in errors[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "db").exists() or "0 tasks" in done.stderr


def test_every_seed_and_a_short_or_cut_document_still_load(tmp_path):
    for key in SEED_FILES:
        assert load(seed_path(key)).tasks
    text = seed_path("000").read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[: len(text) // 7], encoding="utf-8")
    assert load(cut).tasks
