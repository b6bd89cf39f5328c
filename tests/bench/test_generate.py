"""The synthetic corpus generator: right sizes, repeatable, and its documents load back exactly."""

from __future__ import annotations

import pytest

from bench.generate import LAYOUTS, SIZES, Size, generate_records, write_documents
from dutygraph.graph.build import build_graph, summary
from dutygraph.loaders import load

#: The first task of the city corpus (seed 0), as generated before deadlines and targets existed.
FIRST_CITY_TASK = (["外办", "工信局"], ["云凤镇"], ["林洋红"])


def test_sizes_and_repeatability():
    size = Size(10, 600, 120, 20)
    a, b = generate_records(size, seed=5), generate_records(size, seed=5)
    assert [t.lead for r in a for t in r.tasks] == [t.lead for r in b for t in r.tasks]
    assert len(a) == 10 and sum(len(r.tasks) for r in a) == 600
    counts = summary(build_graph(a))
    assert counts["Document"] == 10 and counts["Task"] == 600
    assert 100 <= counts["Unit"] <= 120 and counts["Leader"] <= 20
    assert generate_records(size, seed=6) != a


def test_province_size_is_what_the_benchmarks_say():
    assert SIZES["province"] == Size(300, 50_000, 5_000, 1_000)


@pytest.mark.parametrize("seed", [0, 1])
def test_generated_documents_load_back_to_the_generated_tasks(tmp_path, seed):
    records = generate_records(Size(6, 180, 70, 12), seed=seed)
    paths = write_documents(records, tmp_path)
    layouts = set()
    for expected, path in zip(records, paths, strict=False):
        got = load(path)
        layouts.add(got.document.layout)
        assert (got.document.region, got.document.year) == (expected.document.region, expected.document.year)
        assert len(got.tasks) == len(expected.tasks)
        for want, have in zip(expected.tasks, got.tasks, strict=False):
            assert (have.lead, have.support, have.leaders) == (want.lead, want.support, want.leaders), path.name
            assert have.text == want.text and have.goal == want.goal
            assert (have.deadline, have.deadline_date) == (want.deadline, want.deadline_date), path.name
            assert have.targets == want.targets, path.name
    assert layouts == set(LAYOUTS)


def test_some_tasks_print_deadlines_and_targets_and_the_rest_is_unchanged_by_them():
    records = generate_records(SIZES["city"], seed=0)
    tasks = [t for r in records for t in r.tasks]
    dated = [t for t in tasks if t.deadline]
    assert 0.3 < len(dated) / len(tasks) < 0.7
    assert any(t.deadline_date is None for t in dated)  # 长期坚持 names no date
    assert any(t.deadline_date and t.deadline_date.endswith("-06-30") for t in dated)
    measures = {x["unit"] for t in tasks for x in t.targets}
    assert {"%", "亿元", "万人", "个"} <= measures
    assert 0.25 < sum(1 for t in tasks if t.targets) / len(tasks) < 0.45
    # The responsibilities are drawn as before deadlines and targets were added.
    first = records[0].tasks[0]
    assert (first.lead, first.support, first.leaders) == FIRST_CITY_TASK
