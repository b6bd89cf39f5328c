"""Bad files through the CLI: one line each, exit code 2, the good files still read, no traceback."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import msoffcrypto.format.ooxml
import openpyxl
import pytest
from click.testing import CliRunner
from PIL import Image

from dutygraph.cli import cli
from tests.loaders.read.decomposition import convert

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"


def _cut_docx(tmp: Path, files: dict[str, Path]) -> Path:
    data = files["docx"].read_bytes()
    path = tmp / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _encrypted_pdf(tmp: Path, files: dict[str, Path]) -> Path:
    spec = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}'
    out = tmp / "locked"
    out.mkdir()
    return convert(files["docx"], spec, out)


def _locked_docx(tmp: Path, files: dict[str, Path]) -> Path:
    path = tmp / "locked.docx"
    with files["docx"].open("rb") as src, path.open("wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(src).encrypt("secret", out)
    return path


def _empty_workbook(tmp: Path, files: dict[str, Path]) -> Path:
    wb = openpyxl.Workbook()
    wb.create_sheet("第二页")
    path = tmp / "empty.xlsx"
    wb.save(path)
    return path


def _note_workbook(tmp: Path, files: dict[str, Path]) -> Path:
    wb = openpyxl.Workbook()
    wb.active.cell(1, 1, "本表由区政府办公室汇总")
    path = tmp / "note.xlsx"
    wb.save(path)
    return path


def _scanned_pdf(tmp: Path, files: dict[str, Path]) -> Path:
    path = tmp / "scan.pdf"
    Image.new("RGB", (595, 842), "white").save(path)
    return path


def _letter_pdf(tmp: Path, files: dict[str, Path]) -> Path:
    d = docx.Document()
    d.add_paragraph("关于召开全区安全生产工作会议的通知")
    d.add_paragraph("各街道、区各部门：定于3月5日上午9时在区政府第一会议室召开会议，请准时参加。")
    d.save(str(tmp / "letter.docx"))
    return convert(tmp / "letter.docx", "pdf", tmp)


def _broken_pdf(tmp: Path, files: dict[str, Path]) -> Path:
    path = tmp / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 200)
    return path


def _zip_of_photos(tmp: Path, files: dict[str, Path]) -> Path:
    path = tmp / "photos.docx"
    shutil.make_archive(str(tmp / "photos"), "zip", root_dir=HERE, base_dir="__init__.py")
    (tmp / "photos.zip").rename(path)
    return path


def _archive_of_pictures(tmp: Path, files: dict[str, Path]) -> Path:
    path = tmp / "notice.mht"
    path.write_text(
        'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n",
        encoding="ascii",
    )
    return path


CASES: list[tuple[str, Callable[[Path, dict[str, Path]], Path], str]] = [
    ("corrupt zip", _cut_docx, "is a damaged zip archive (a .docx or .xlsx cut short or corrupted); save it again"),
    (
        "zip that is no Office file",
        _zip_of_photos,
        "is a zip archive but not a Word (.docx), Excel (.xlsx) or OpenDocument (.odt, .ods) file",
    ),
    ("web archive without a page", _archive_of_pictures, "is a saved web archive (.mht) that holds no HTML page"),
    ("encrypted PDF", _encrypted_pdf, "is an encrypted PDF (it needs a password); save an unprotected copy"),
    (
        "password-protected .docx",
        _locked_docx,
        "is password-protected (an encrypted Office file); save it without a password",
    ),
    ("workbook with empty sheets", _empty_workbook, "holds no table: every sheet of the workbook is empty"),
    (
        "sheet with no table",
        _note_workbook,
        "no sheet holds a decomposition table (a header row naming 牵头单位, 配合单位, 责任单位 or 分管领导)",
    ),
    ("scanned PDF", _scanned_pdf, "has no text layer (a scanned document); run OCR first"),
    (
        "PDF of another genre",
        _letter_pdf,
        "no recognisable tasks: not a decomposition table, numbered list, work report or sectioned notice (see --layout)",
    ),
    ("damaged PDF", _broken_pdf, "is a damaged PDF (pdfplumber cannot parse it)"),
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(("build", "message"), [(b, m) for _, b, m in CASES], ids=[c[0] for c in CASES])
def test_a_bad_file_fails_with_one_line_and_the_good_file_still_reads(runner, tmp_path, plan_files, build, message):
    bad = build(tmp_path, plan_files)
    result = runner.invoke(cli, ["extract", str(bad), str(plan_files["docx"])])
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 100
    err = result.stderr.splitlines()
    assert [line for line in err if line.startswith("error:")] == [f"error: {bad}: {message}"]
    assert err[-1] == f"1 of 2 files read, 100 tasks; failed: {bad}"
    assert "Traceback" not in result.output


def _uno_available() -> bool:
    if not (Path(SYSTEM_PYTHON).exists() and shutil.which("soffice")):
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


@pytest.mark.skipif(
    not _uno_available(), reason="making a password-protected .doc/.xls needs LibreOffice's python3-uno"
)
@pytest.mark.parametrize(
    ("source", "target", "filter_name", "message"),
    [
        ("docx", "locked.doc", "MS Word 97", "LibreOffice could not open it (damaged or password-protected)"),
        (
            "xlsx",
            "locked.xls",
            "MS Excel 97",
            "is password-protected (an encrypted Office file); save it without a password",
        ),
    ],
)
def test_a_password_protected_doc_or_xls_fails_with_one_line(
    runner, tmp_path, plan_files, source, target, filter_name, message
):
    path = tmp_path / target
    subprocess.run(
        [SYSTEM_PYTHON, str(HERE / "uno_protect.py"), str(plan_files[source]), str(path), filter_name],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {path}: {message}", f"0 of 1 files read, 0 tasks; failed: {path}"]


def test_a_doc_without_libreoffice_names_the_package_to_install(runner, tmp_path, plan_files):
    no_office = tmp_path / "bin"
    no_office.mkdir()
    result = runner.invoke(
        cli, ["extract", str(plan_files["doc"]), str(plan_files["docx"])], env={"PATH": str(no_office)}
    )
    assert result.exit_code == 2
    assert (
        f"error: {plan_files['doc']}: reading .doc files needs LibreOffice; install the Debian package libreoffice-writer-nogui (soffice not found)"
        in result.stderr.splitlines()
    )
    assert result.stderr.splitlines()[-1] == f"1 of 2 files read, 100 tasks; failed: {plan_files['doc']}"


def test_a_directory_of_mixed_and_bad_files_reads_the_good_ones(runner, tmp_path, plan_files):
    for key in ("docx", "doc", "pdf", "xls", "html", "xlsx"):
        shutil.copyfile(plan_files[key], tmp_path / f"plan-{key}{plan_files[key].suffix}")
    scan = _scanned_pdf(tmp_path, plan_files)
    result = runner.invoke(cli, ["extract", str(tmp_path), "-q"])
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 600
    assert result.stderr.splitlines() == [
        f"error: {scan}: has no text layer (a scanned document); run OCR first",
        f"6 of 7 files read, 600 tasks; failed: {scan}",
    ]


def test_a_conversion_that_takes_too_long_is_stopped_with_one_line(runner, plan_files):
    result = runner.invoke(cli, ["extract", str(plan_files["doc"])], env={"DUTYGRAPH_SOFFICE_TIMEOUT": "0.2"})
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {plan_files['doc']}: LibreOffice did not convert it within 0.2 s"
