"""Narrative work report (seed 002): goals, lead-phrase areas, sentences as tasks."""

from __future__ import annotations

from dutygraph.loaders import load
from tests.conftest import seed


def _areas():
    out: dict[str, list[str]] = {}
    for t in seed("002").tasks:
        areas = out.setdefault(t.goal_no, [])
        if t.area not in areas:
            areas.append(t.area)
    return out


def test_002_has_six_goals_with_their_areas():
    areas = _areas()
    assert list(areas) == ["一", "二", "三", "四", "五", "六"]
    assert [len(v) for v in areas.values()] == [3, 3, 3, 3, 4, 3]
    assert areas["一"] == ["聚力攻坚项目“双进”", "聚力推动产业转型", "聚力壮大市场主体"]
    assert areas["四"][0] == "以主城视角优化空间格局"
    assert areas["六"][-1] == "提升社会治理"


def test_002_sentences_are_tasks_numbered_in_order_and_preamble_and_closing_are_not():
    tasks = seed("002").tasks
    assert [t.task for t in tasks] == [f"S{i}" for i in range(1, 75)]
    assert tasks[0].text.startswith("健全驻点招商、基金招商等机制")
    assert tasks[-1].text == "深化军民融合,高质量完成双拥“八连冠”创建。"
    assert not any("各位代表" in t.text or "总体思路" in t.text for t in tasks)
    assert all(not (t.lead or t.support or t.leaders) for t in tasks)


def test_year_given_on_the_command_line_wins_and_silences_the_doubt(tmp_path):
    from tests.conftest import seed_path

    r = load(seed_path("002"), year=2024)
    assert r.document.year == 2024
    assert not any("year" in w.message for w in r.warnings)
