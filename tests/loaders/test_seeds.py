"""Every seed document: layout detected, every task found, metadata right."""

from __future__ import annotations

import pytest

from tests.conftest import seed


@pytest.mark.parametrize(
    ("key", "layout", "region", "year", "count"),
    [
        ("000", "flat-table", "钟楼区", 2024, 137),
        ("001", "numbered-list", "鼓楼区", 2024, 78),
        ("002", "report", "钟楼区", None, 74),
        ("003", "delimited-table", "钟楼区", 2021, 92),
        ("004", "numbered-list", "武进区", 2021, 20),
    ],
)
def test_seed_is_read_with_its_layout_region_year_and_task_count(key, layout, region, year, count):
    r = seed(key)
    assert r.document.layout == layout
    assert r.document.region == region
    assert r.document.year == year
    assert len(r.tasks) == count


def test_000_has_100_numbered_tasks_and_37_livelihood_items():
    tasks = [t.task for t in seed("000").tasks]
    assert tasks[:100] == [f"({i})" for i in range(1, 101)]
    assert tasks[100:] == [f"M{i}" for i in range(1, 38)]


def test_001_and_004_number_their_items_in_order():
    assert [t.task for t in seed("001").tasks] == [str(i) for i in range(1, 79)]
    assert [t.task for t in seed("004").tasks] == [str(i) for i in range(1, 21)]


def test_003_numbers_are_printed_full_width():
    assert [t.task for t in seed("003").tasks] == [f"（{i}）" for i in range(1, 93)]


def test_only_the_deduplicated_seed_carries_the_flag():
    assert seed("000").document.flags == ["deduplicated"]
    for key in ("001", "002", "003", "004"):
        assert seed(key).document.flags == []


def test_deduplication_is_reported_once_with_the_count_of_rows_that_lost_cells():
    warnings = [w for w in seed("000").warnings if "deduplicated" in w.message]
    assert len(warnings) == 1
    assert warnings[0].line is None
    assert "67 of 137 rows print none" in warnings[0].message
    assert "56 more print only some" in warnings[0].message


def test_002_year_is_not_guessed_and_the_user_is_told():
    r = seed("002")
    assert r.document.year is None
    assert any("no year found" in w.message and "--year" in w.message for w in r.warnings)


def test_titles_and_issuers_are_read_and_spam_never_becomes_one():
    assert seed("000").document.title == "2024年《政府工作报告》主要目标任务责任分解表"
    assert seed("000").document.issuer == "常州市钟楼区人民政府"
    assert seed("001").document.title == "区政府关于印发2024年区政府主要工作目标任务分解落实方案的通知"
    assert seed("001").document.issuer is None  # the page's issuer field was spam
    assert seed("003").document.title == "2021年《政府工作报告》主要目标任务责任分解表"


def test_documents_carry_encoding_and_digest():
    r = seed("001")
    assert r.document.encoding == "utf-8"
    assert len(r.document.sha256) == 64
