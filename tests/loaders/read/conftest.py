"""The decomposition of :mod:`tests.loaders.read.decomposition` in every format, written once per session.

.docx, .xlsx, .html, .csv and .tsv are written by Python; .doc, .xls, .pdf, .odt and .ods by LibreOffice
from them (real conversions, as a user's files are made).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.loaders.read import decomposition as d


@pytest.fixture(scope="session")
def plan_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Format name -> the same decomposition saved in that format."""
    out = tmp_path_factory.mktemp("formats")
    converted = out / "converted"
    converted.mkdir()
    files = {
        "docx": d.write_docx(out / "plan.docx"),
        "xlsx": d.write_xlsx(out / "plan.xlsx"),
        "html": d.write_html(out / "plan.html"),
        "gbk-html": d.write_html(out / "plan_gbk.htm", "gb2312"),
        "csv": d.write_csv(out / "plan.csv"),
        "tsv": d.write_csv(out / "plan.tsv", "\t"),
        "docx-repeated-header": d.write_docx(out / "plan_repeat.docx", repeat_header_mid_table=True),
    }
    files["doc"] = d.convert(files["docx"], "doc", converted)
    files["pdf"] = d.convert(files["docx"], "pdf", converted)
    files["xls"] = d.convert(files["xlsx"], "xls", converted)
    files["pdf-repeated-header"] = d.convert(files["docx-repeated-header"], "pdf", converted)
    files["odt"] = d.convert(files["docx"], "odt", converted)
    files["ods"] = d.convert(files["xlsx"], "ods", converted)
    # WPS Office saves Word's and Excel's formats under .wps and .et
    files["wps"] = shutil.copyfile(files["doc"], converted / "plan.wps")
    files["et"] = shutil.copyfile(files["xls"], converted / "plan.et")
    return files
