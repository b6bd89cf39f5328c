"""Tables whose rows kept their line breaks but ran their cells together (a page scraped cell by cell)."""

from __future__ import annotations

from pathlib import Path

from dutygraph.loaders import load_text
from dutygraph.loaders.glued_rows import glued_header
from dutygraph.loaders.text import Line, SourceText


def _read(text: str):
    lines = [Line(k, t) for k, t in enumerate(text.strip().split("\n"), start=1)]
    return load_text(SourceText(Path("plan.txt"), lines, "utf-8", "0" * 64))


def test_a_header_run_together_is_told_by_its_column_names():
    assert glued_header("序号工作任务牵头单位完成情况") == ["序号", "工作任务", "牵头单位", "完成情况"]
    assert glued_header("类别序号重点督办内容牵头单位全年完成情况") == [
        "类别",
        "序号",
        "重点督办内容",
        "牵头单位",
        "全年完成情况",
    ]
    assert glued_header("序号工作任务分管领导牵头单位配合单位完成时限") == [
        "序号",
        "工作任务",
        "分管领导",
        "牵头单位",
        "配合单位",
        "完成时限",
    ]
    # a title, a sentence, a header naming no unit column: no run-together header
    assert glued_header("2024年重点工作任务分解表") is None
    assert glued_header("经济社会发展主要预期目标") is None
    assert glued_header("序号工作任务完成情况") is None


def test_rows_run_together_under_a_category_with_progress_after_the_unit():
    r = _read(
        """
2020年重点工作全年完成情况
类别序号重点督办内容牵头单位全年完成情况
主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增速调整为正增长。
主要预期目标2区级一般公共预算收入增长2%左右。区财政局区审计局全年收入完成413.84亿元。
主要预期目标3城镇登记失业率控制在1.5%以内。区人力社保局根据市人力社保局下发的通知扩展统计范围。
改善民生4新建幼儿园5所。区教育局、区住房城乡建设委已建成4所。
"""
    )
    assert [(t.goal, t.task, t.text, t.lead) for t in r.tasks] == [
        ("主要预期目标", "1", "地区生产总值增长6%左右。", ["区发展改革委"]),  # 西城区… opens the progress
        ("主要预期目标", "2", "区级一般公共预算收入增长2%左右。", ["区财政局", "区审计局"]),  # run together
        ("主要预期目标", "3", "城镇登记失业率控制在1.5%以内。", ["区人力社保局"]),  # 根据市… is progress
        ("改善民生", "4", "新建幼儿园5所。", ["区教育局", "区住房城乡建设委"]),  # listed after 、
    ]
    assert any(w.line == 2 and "run together" in w.message for w in r.warnings)


def test_rows_run_together_with_leaders_lead_and_support_and_a_section_between():
    r = _read(
        """
序号工作任务分管领导牵头单位配合单位完成时限
一、扩大有效投资
1新建公园5个。王强区城管局区财政局12月底前
2新增停车位500个。李明区交通局区公安分局、区城管局年底前
二、改善民生
3建成学校2所。王强区教育局6月底前
"""
    )
    assert [(t.goal, t.task, t.leaders, t.lead, t.support, t.deadline) for t in r.tasks] == [
        ("扩大有效投资", "1", ["王强"], ["区城管局"], ["区财政局"], "12月底前"),
        ("扩大有效投资", "2", ["李明"], ["区交通局"], ["区公安分局", "区城管局"], "年底前"),
        ("改善民生", "3", ["王强"], ["区教育局"], [], "6月底前"),
    ]
    assert any("first unit of a row read as its lead" in w.message for w in r.warnings)  # a guess, said so


def test_a_task_without_a_closing_stop_ends_where_a_unit_with_a_level_opens():
    r = _read(
        """
序号工作任务责任单位完成情况
1新建公园5个区城管局已完成
2新增就业3000人区人社局完成80%
"""
    )
    assert [(t.task, t.text, t.lead) for t in r.tasks] == [
        ("1", "新建公园5个", ["区城管局"]),
        ("2", "新增就业3000人", ["区人社局"]),
    ]
