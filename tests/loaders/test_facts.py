"""Facts an analyst tracks, read from the documents: deadlines (完成时限), the
document's number (文号) and date, and quantitative targets."""

from __future__ import annotations

import pytest

from dutygraph.loaders import load
from dutygraph.loaders.dates import deadline_date
from dutygraph.loaders.targets import find_targets
from tests.conftest import SAMPLES, seed


def test_deadline_columns_and_labels_are_read_as_printed_with_their_last_day():
    r = load(SAMPLES / "leader_column_merged.txt")
    assert [(t.deadline, t.deadline_date) for t in r.tasks] == [
        ("12月底", "2024-12-31"),
        ("11月底", "2024-11-30"),
        ("全年", "2024-12-31"),
    ]
    r = load(SAMPLES / "units_per_block.txt")
    assert [t.deadline for t in r.tasks] == ["12月底前", "9月投入使用", "5月底前动工"]
    assert all(t.deadline is None for t in seed("001").tasks)


def test_a_deadline_inside_the_unit_bracket_is_not_a_unit(tmp_path):
    p = tmp_path / "bracket.txt"
    p.write_text(
        "2021年重点任务分工\n1.扎实做好稳就业工作。(市政府各部门分别负责,年内持续推进)\n2.稳定外贸。(市商务局牵头)\n",
        encoding="utf-8",
    )
    first = load(p).tasks[0]
    assert (first.lead, first.support, first.deadline, first.deadline_date) == (
        ["市政府各部门"],
        [],
        "年内持续推进",
        "2021-12-31",
    )


@pytest.mark.parametrize(
    ("printed", "year", "date"),
    [
        ("12月底前", 2024, "2024-12-31"),
        ("6月30日前", 2024, "2024-06-30"),
        ("2月", 2024, "2024-02-29"),
        ("三季度", 2023, "2023-09-30"),
        ("上半年", 2023, "2023-06-30"),
        ("2025年10月", None, "2025-10-31"),
        ("9月中旬", 2022, "2022-09-20"),
        ("长期坚持", 2024, None),
        ("持续推进", 2024, None),
        ("12月底前", None, None),
    ],
)
def test_deadline_dates(printed, year, date):
    assert deadline_date(printed, year) == date


def test_document_number_and_issue_date():
    doc = seed("001").document
    assert (doc.number, doc.date) == ("鼓政〔2024〕2号", "2024-02-29")
    assert seed("000").document.date == "2024-03-11"


def test_targets_read_clause_by_clause_with_their_direction_and_qualifier():
    assert [
        (t.indicator, t.direction, t.value, t.unit, t.qualifier)
        for t in find_targets("地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内；粮食产量达到228.5万吨。")
    ] == [
        ("地区生产总值", "增长", 6.0, "%", "左右"),
        ("城镇调查失业率", "控制在", 5.5, "%", "以内"),
        ("粮食产量", "达到", 228.5, "万吨", None),
    ]
    assert find_targets("深化放管服改革，打造一流营商环境。") == []
    first = seed("000").tasks[0]
    assert first.targets == [
        {
            "indicator": "地区生产总值",
            "value": 6.0,
            "unit": "%",
            "direction": "增长",
            "qualifier": "左右",
            "text": "地区生产总值增长6%左右",
        }
    ]
