"""The alias file: seeds' aliases resolve per region; a broken file is refused."""

from __future__ import annotations

import pytest

from dutygraph.errors import InputError
from dutygraph.graph.aliases import load_aliases


@pytest.mark.parametrize(
    ("region", "name", "canonical"),
    [
        ("钟楼区", "区卫健局", "卫健局"),
        ("钟楼区", "钟楼生态环境局", "生态环境局"),
        ("钟楼区", "市监局", "市场监管局"),
        ("钟楼区", "区应急管理局(区安委办)", "应急管理局(安委办)"),
        ("钟楼区", "高新园（邹区镇）", "高新园(邹区镇)"),
        ("钟楼区", "资规分局", "自然资源和规划分局"),
        ("鼓楼区", "区商务局", "区商务局"),  # 鼓楼区's 区商务局 is not 钟楼区's 商务局
        ("鼓楼区", "市监局", "市场监管局"),
    ],
)
def test_packaged_aliases(region, name, canonical):
    assert load_aliases().canonical(region, name) == canonical


def test_user_alias_file(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('[region."鼓楼区"]\n"区发改委" = ["区发展改革委"]\n', encoding="utf-8")
    assert load_aliases(path).canonical("鼓楼区", "区发展改革委") == "区发改委"


@pytest.mark.parametrize("content", ['[region."x"]\n"a" = "b"\n', "[all\n"])
def test_broken_alias_file_is_refused(tmp_path, content):
    path = tmp_path / "a.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        load_aliases(path)
