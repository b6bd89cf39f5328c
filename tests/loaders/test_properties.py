"""Property tests: no loader raises on arbitrary text or on a damaged seed.

Each run either loads or gives the clean error (a DutygraphError, which the CLI
turns into one line); nothing else may escape.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dutygraph.errors import InputError
from dutygraph.loaders import layout_names, load_text
from dutygraph.loaders.text import Line, SourceText
from tests.conftest import SEED_FILES, seed_path

LAYOUTS = [None, *layout_names()]
# Characters that matter to the loaders, mixed with arbitrary text.
ALPHABET = st.sampled_from(
    [
        *list("（）()1234567890一二三、.．﹒：:;；，,。\t|—- \n局办街道主办协办牵头单位配合王李区县市年月日"),
        "\u3000",
        "\ufeff",
    ]
)
TEXT = st.one_of(st.text(max_size=400), st.text(alphabet=ALPHABET, max_size=600))


def _source(text: str) -> SourceText:
    lines = [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]
    return SourceText(Path("prop.txt"), lines, "utf-8", "")


def _load_or_clean_error(text: str, layout: str | None) -> None:
    try:
        result = load_text(_source(text), layout=layout)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert result.tasks
    for t in result.tasks:
        assert isinstance(t.text, str) and t.task
        assert set(t.inherited) <= {"lead", "support", "leaders"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, layout=st.sampled_from(LAYOUTS))
def test_arbitrary_text_loads_or_fails_cleanly(text, layout):
    _load_or_clean_error(text, layout)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from(sorted(SEED_FILES)),
    seed_=st.integers(0, 2**32 - 1),
    op=st.sampled_from(["shuffle", "cut", "duplicate", "drop"]),
    layout=st.sampled_from(LAYOUTS),
)
def test_damaged_seeds_load_or_fail_cleanly(key, seed_, op, layout):
    lines = seed_path(key).read_text(encoding="utf-8").split("\n")
    rng = random.Random(seed_)
    if op == "shuffle":
        rng.shuffle(lines)
    elif op == "cut":
        a, b = sorted(rng.sample(range(len(lines) + 1), 2))
        lines = lines[a:b]
    elif op == "duplicate":
        lines = [x for line in lines for x in ([line, line] if rng.random() < 0.3 else [line])]
    else:
        lines = [line for line in lines if rng.random() < 0.7]
    _load_or_clean_error("\n".join(lines), layout)


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_every_seed_read_with_every_layout_fails_cleanly_or_loads(key):
    text = seed_path(key).read_text(encoding="utf-8")
    for layout in LAYOUTS:
        _load_or_clean_error(text, layout)


#: Pieces of the genre's layouts: numbering, labels, brackets, verbs, markers, names, deadlines.
GENRE_TOKENS = st.sampled_from(
    [
        "一、",
        "（一）",
        "1.",
        "1、",
        "（1）",
        "①",
        "牵头单位：",
        "责任单位:",
        "配合单位：",
        "分管领导：",
        "部门分工:",
        "完成时限：",
        "（",
        "）",
        "〔",
        "〕",
        "【",
        "】",
        "[",
        "]",
        "|",
        "||",
        "\t",
        "★",
        "（牵头）",
        "区发改局",
        "县财政局",
        "各街道",
        "各乡、镇人民政府",
        "张三",
        "常务副县长李四",
        "牵头",
        "配合",
        "负责",
        "分别负责",
        "等",
        "由",
        "。",
        "，",
        "、",
        "；",
        "12月底前",
        "年内持续推进",
        "序号",
        "工作任务",
        "2024年",
        "—",
        "增长6%左右",
        "此件公开发布",
        "<b>",
        "</b>",
        "\n",
        "\n\n",
        " ",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tokens=st.lists(GENRE_TOKENS, max_size=150), layout=st.sampled_from(LAYOUTS))
@example(tokens=["一、", "一、", "部门分工:", "、", "，", "负责"], layout=None)  # a label then separators alone
def test_arbitrary_arrangements_of_the_genre_load_or_fail_cleanly(tokens, layout):
    _load_or_clean_error("".join(tokens), layout)


def test_a_circled_number_under_a_label_loads_or_fails_cleanly():
    # ① is a digit to str.isdigit but no int(): once a numbered-list crash that arbitrary text found.
    _load_or_clean_error("牵头单位：\n①", "numbered-list")
    _load_or_clean_error("1.新建公园。\n牵头单位：县城管局\n①", None)
