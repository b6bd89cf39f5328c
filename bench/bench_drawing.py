"""Benchmark of the pages: time until the layout stabilises in headless Chromium.

Full-view pages of synthetic graphs with about 250, 500, 1,000 and 2,000 nodes
are opened in Debian's Chromium (driven by Playwright); the page records the
milliseconds from creating the network to vis-network's
``stabilizationIterationsDone``. The drawing code switches to the units view
above ``dutygraph.graph.draw.DRAW_LIMIT`` nodes; these numbers are why. Last,
the page ``dutygraph run`` draws for a whole province: its units view, capped
at ``DRAW_LIMIT`` units.

    python -m bench.bench_drawing [--sizes 250 500 1000 2000] [--out FILE]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.generate import SIZES, Size, generate_records
from dutygraph.graph.analysis import analyze
from dutygraph.graph.build import build_graph
from dutygraph.graph.draw import DRAW_LIMIT, make_drawing, render, write_page

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def page_for(nodes: int, directory: Path, seed: int = 0) -> tuple[Path, int, int]:
    """A full-view page of a one-district graph with about ``nodes`` nodes: its path, nodes and edges."""
    tasks = max(10, int(nodes * 0.8))
    G = build_graph(generate_records(Size(1, tasks, max(20, nodes // 8), 10), seed))
    drawing = make_drawing(G, "full", analysis=analyze(G), limit=10**9)
    path = write_page(render(drawing), directory / f"page_{nodes}.html")
    return path, len(drawing.nodes), len(drawing.edges)


def province_page(directory: Path, seed: int = 0) -> tuple[Path, int, int]:
    """The whole benchmark province on one page: the units view, capped (``dutygraph run`` draws a page per plan)."""
    G = build_graph(generate_records(SIZES["province"], seed))
    drawing = make_drawing(G, "full", analysis=analyze(G))
    assert drawing.view == "units" and len(drawing.nodes) <= DRAW_LIMIT
    path = write_page(render(drawing), directory / "province.html")
    return path, len(drawing.nodes), len(drawing.edges)


def stabilise_ms(browser, path: Path, timeout: float = 120.0) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate("() => !!(window.dutygraph && window.dutygraph.stabilized)"):
            ms = page.evaluate("() => window.dutygraph.stabilizedMs")
            page.close()
            return float(ms)
        time.sleep(0.05)
    page.close()
    return float("nan")


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description="Time until pages stabilise in headless Chromium.")
    parser.add_argument("--sizes", nargs="+", type=int, default=[250, 500, 1000, 2000])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=None, help="append the table to this Markdown file")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        pages = [(f"full view, {size} nodes asked", *page_for(size, Path(tmp))) for size in args.sizes]
        pages.append(("province, every plan on one page (the units view, capped)", *province_page(Path(tmp))))
        for what, path, n, e in pages:
            runs = [stabilise_ms(browser, path) for _ in range(2)]
            rows.append((what, n, e, path.stat().st_size, min(runs)))
            print(f"{what}: {n} nodes, {e} edges: {min(runs) / 1000:.2f} s", flush=True)
        browser.close()
    lines = [
        "| page | nodes | edges | page size (KB) | time to stabilise (s, best of 2) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {w} | {n} | {e} | {b // 1024} | {ms / 1000:.2f} |" for w, n, e, b, ms in rows]
    table = "\n".join(lines)
    print(table)
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write(
                "\n## Drawing\n\nTime from creating the network to the end of vis-network's stabilisation, in headless "
                "Chromium (Debian package, software rendering), for full-view pages of synthetic one-district graphs, "
                "and for the whole benchmark province on one page (the units view, capped).\n\n"
            )
            f.write(table + "\n")


if __name__ == "__main__":
    main()
