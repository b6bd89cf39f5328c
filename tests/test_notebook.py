"""The notebook runs from top to bottom without an error."""

from __future__ import annotations

import json

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT, SEEDS


def test_explore_notebook_runs(monkeypatch):
    monkeypatch.setenv("DUTYGRAPH_SEEDS", str(SEEDS))
    path = ROOT / "notebooks" / "explore.ipynb"
    nb = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), (
        "commit the notebook without outputs"
    )
    # nbformat.read fills in a missing cell id; the saved file must not lack one
    saved = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert all(cell.get("id") for cell in saved), "every cell has an id (nbformat 4.5): normalise the notebook"
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not any(o.output_type == "error" for o in outputs)
    text = "\n".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "住建局" in text and "发改局" in text
    assert any("text/html" in o.get("data", {}) and "iframe" in o["data"]["text/html"] for o in outputs)
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 2  # the per-plan plots
