"""The format benchmark's documents read back as the records they were written from."""

from __future__ import annotations

import pytest

from bench.bench_formats import write_csv, write_docx, write_html, write_xlsx
from bench.generate import SIZES, generate_records
from dutygraph.loaders import load


@pytest.mark.parametrize(
    ("writer", "suffix"), [(write_docx, "docx"), (write_xlsx, "xlsx"), (write_html, "html"), (write_csv, "csv")]
)
def test_every_benchmark_format_reads_back_its_records(tmp_path, writer, suffix):
    record = generate_records(SIZES["district"], 0)[0]
    path = tmp_path / f"plan.{suffix}"
    writer(record, path)
    got = load(path).tasks
    want = [(t.task.strip("()"), t.goal, t.lead, t.support, t.leaders) for t in record.tasks]
    assert [(t.task, t.goal, t.lead, t.support, t.leaders) for t in got] == want
