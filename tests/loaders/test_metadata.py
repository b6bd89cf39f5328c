"""Region and year from the text, and saying so when it cannot tell."""

from __future__ import annotations

from dutygraph.loaders.metadata import detect_metadata
from dutygraph.loaders.text import Line


def _lines(*texts: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(texts, start=1)]


def test_document_number_gives_region_and_year():
    m = detect_metadata(_lines("文 号: | 鼓政〔2024〕2号 |", "推进鼓楼高新区建设"))
    assert (m.region, m.year) == ("鼓楼区", 2024)


def test_issuer_line_names_a_district_not_in_the_list():
    m = detect_metadata(_lines("徐州市云龙区人民政府", "2023年2月1日"))
    assert (m.region, m.year, m.issuer) == ("云龙区", 2023, "徐州市云龙区人民政府")


def test_short_place_names_count():
    m = detect_metadata(_lines("才聚钟楼系列活动", "有钟楼特色的路径", "钟楼半程马拉松"))
    assert m.region == "钟楼区"


def test_no_evidence_is_said_not_guessed():
    m = detect_metadata(_lines("加强组织领导，确保任务落实。"))
    assert m.region is None and m.year is None
    assert any("no region found" in d for d in m.doubts) and any("no year found" in d for d in m.doubts)


def test_split_evidence_is_ambiguous_not_a_coin_toss():
    m = detect_metadata(_lines("钟楼区与天宁区联合开展", "天宁区、钟楼区共同推进"))
    assert m.region is None
    assert any("ambiguous" in d and "钟楼区" in d and "天宁区" in d for d in m.doubts)
