"""Injected spam is cut and reported; legitimate neighbours stay."""

from __future__ import annotations

import pytest

from dutygraph.loaders import load
from dutygraph.loaders.spam import scrub


@pytest.mark.parametrize(
    ("text", "clean", "found"),
    [
        ("金宝博-金宝博官网", "", ["金宝博-金宝博官网"]),
        ("四、聚焦提供优质高效澳门万博体育网站", "四、聚焦提供优质高效", ["澳门万博体育网站"]),
        ("健全完善金宝博 高校院所协同创新", "健全完善高校院所协同创新", ["金宝博"]),
        ("推进中以常州创新园、苏澳合作园区建设", "推进中以常州创新园、苏澳合作园区建设", []),
        ("力争与澳门特区政府达成共识", "力争与澳门特区政府达成共识", []),
        ("新建体育公园1个", "新建体育公园1个", []),
    ],
)
def test_scrub(text, clean, found):
    assert scrub(text) == (clean, found)


def test_spam_never_becomes_a_unit_title_or_region(tmp_path):
    path = tmp_path / "spam.txt"
    path.write_text(
        "金宝博-金宝博官网\n一、聚焦发展澳门万博体育网站\n1.推进项目建设。(金宝博主办,各街道协办)\n"
        "2.建设学校。(区教育局主办)\n鼓楼区人民政府\n2024年1月5日\n",
        encoding="utf-8",
    )
    r = load(path)
    names = [u for t in r.tasks for u in t.lead + t.support + t.leaders]
    assert not any("金宝博" in n or "万博" in n for n in names)
    assert r.tasks[0].goal == "聚焦发展"
    assert r.document.region == "鼓楼区" and r.document.issuer == "鼓楼区人民政府"
    assert sorted(w.line for w in r.warnings if "spam" in w.message) == [1, 2, 3]
