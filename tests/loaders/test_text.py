"""Reading files: encodings detected, bad input refused with one clear line."""

from __future__ import annotations

import codecs

import pytest

from dutygraph.errors import NoTasksError, UnknownLayoutError, UnreadableFileError
from dutygraph.loaders import load
from tests.conftest import SAMPLES

SAMPLE = (SAMPLES / "labelled_lines.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("gb18030", b"", "gb18030"),
        ("gbk", b"", "gb18030"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ],
)
def test_encodings_are_detected_and_read_the_same(tmp_path, encoding, prefix, expected):
    path = tmp_path / "doc.txt"
    path.write_bytes(prefix + SAMPLE.encode(encoding))
    r = load(path)
    assert r.document.encoding == expected
    assert [t.lead for t in r.tasks] == [["区发改局", "区住建局"], ["区行政审批局"], ["区人社局"], ["区民政局"]]
    assert r.tasks[1].leaders == ["王强"]


def test_crlf_line_endings_read_like_lf(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    assert len(load(path).tasks) == 4


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b""), "the file is empty"),
        (lambda p: p.write_bytes(b"  \n\n "), "the file is empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 40), "binary file"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\xff" * 300), "binary file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: None, "no such file"),
    ],
)
def test_unreadable_input_is_refused_naming_the_file(tmp_path, make, message):
    path = tmp_path / "bad.txt"
    make(path)
    with pytest.raises(UnreadableFileError) as err:
        load(path)
    assert message in str(err.value)
    assert str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)


def test_text_without_tasks_is_an_unknown_layout(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("各位同事：\n下周一上午九点开会，请准时参加。\n办公室\n", encoding="utf-8")
    with pytest.raises(UnknownLayoutError, match="no recognisable tasks"):
        load(path)


def test_punctuation_only_text_has_no_tasks(tmp_path):
    path = tmp_path / "dots.txt"
    path.write_text("。。。\n———\n", encoding="utf-8")
    with pytest.raises(NoTasksError):
        load(path)


def test_unknown_layout_name_is_refused(tmp_path):
    with pytest.raises(UnknownLayoutError, match="unknown layout 'spreadsheet'"):
        load(SAMPLES / "labelled_lines.txt", layout="spreadsheet")


def test_forced_layout_that_finds_nothing_says_so():
    with pytest.raises(NoTasksError, match="read as report"):
        load(SAMPLES / "pipe_table.md", layout="report")
