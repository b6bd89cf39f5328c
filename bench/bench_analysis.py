"""Benchmark of the analysis at district, city and province size.

Each measurement runs in a fresh Python process so that its peak memory (the
process's maximum resident set) is its own. The baseline, in the same run, is
plain networkx exact betweenness on the same coordination network
(``nx.betweenness_centrality(C, weight="distance")``), skipped where it would
take longer than ``--baseline-limit`` seconds by the estimate from the smaller
sizes.

    python -m bench.bench_analysis [--sizes district city province] [--out bench/RESULTS-analysis.md]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def measure(stage: str, size: str, seed: int) -> dict[str, float]:
    """Run one stage in this process and return its seconds, peak RSS and counts."""
    import networkx as nx

    from bench.generate import SIZES, generate_records
    from dutygraph.graph.analysis import analyze, coordination_network, tie_distance
    from dutygraph.graph.build import build_graph

    G = build_graph(generate_records(SIZES[size], seed))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if stage == "analyze":
        result = analyze(G, seed=seed)
        extra = {"units": len(result.units) + len(result.collectives), "method": result.method["betweenness"]}
    else:
        C = coordination_network(G)
        for _, _, d in C.edges(data=True):
            d["distance"] = tie_distance(d["weight"])
        nx.betweenness_centrality(C, weight="distance")
        extra = {"units": C.number_of_nodes(), "ties": C.number_of_edges()}
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tasks = sum(1 for _, d in G.nodes(data=True) if d["label"] == "Task")
    return {"seconds": seconds, "peak_mb": peak / 1024, "graph_mb": before / 1024, "tasks": tasks, **extra}


def run_child(stage: str, size: str, seed: int, timeout: float) -> dict[str, float] | None:
    cmd = [sys.executable, "-m", "bench.bench_analysis", "--child", stage, size, str(seed)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the analysis against plain networkx exact betweenness.")
    parser.add_argument("--sizes", nargs="+", default=["district", "city", "province"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--baseline-limit", type=float, default=600.0, help="seconds the baseline may take at one size")
    parser.add_argument("--out", type=Path, default=None, help="also write the table here (Markdown)")
    parser.add_argument("--child", nargs=3, metavar=("STAGE", "SIZE", "SEED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        stage, size, seed = args.child
        print(json.dumps(measure(stage, size, int(seed))))
        return
    rows = []
    for size in args.sizes:
        ours = run_child("analyze", size, args.seed, timeout=3600)
        base = run_child("baseline", size, args.seed, timeout=args.baseline_limit)
        rows.append((size, ours, base))
        print(
            f"{size}: analyze {ours['seconds']:.2f} s, baseline {'—' if base is None else f'{base["seconds"]:.2f} s'}",
            file=sys.stderr,
        )
    lines = [
        "| size | tasks | units | full analyze (s) | peak RSS (MB) | exact betweenness, plain networkx (s) | its peak RSS (MB) | ratio baseline / analyze |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, ours, base in rows:
        b_s = "did not finish" if base is None else f"{base['seconds']:.2f}"
        b_m = "—" if base is None else f"{base['peak_mb']:.0f}"
        ratio = "—" if base is None else f"{base['seconds'] / ours['seconds']:.2f}×"
        lines.append(
            f"| {size} | {ours['tasks']:,} | {ours['units']:,} | {ours['seconds']:.2f} | {ours['peak_mb']:.0f} | {b_s} | {b_m} | {ratio} |"
        )
    table = "\n".join(lines)
    print(table)
    print(f"\nbetweenness method at the largest size: {rows[-1][1]['method']}")
    if args.out:
        import os
        import platform

        header = (
            "# Benchmarks\n\n"
            "Written by `make bench` (`python -m bench.bench_analysis --out bench/RESULTS.md`). "
            f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}. "
            "Synthetic corpora from `bench/generate.py` (seed 0). Each figure is one run in a fresh process; "
            "the baseline is measured in the same run.\n\n"
            "## Analysis\n\n"
            "`analyze` on the whole graph (loads, coordination network, betweenness, PageRank, Louvain, flags, "
            "leaders, year-over-year) against plain networkx exact betweenness on the same coordination network. "
            "Peak RSS is the process's maximum resident set, graph included.\n\n"
        )
        args.out.write_text(
            header + table + f"\n\nBetweenness at province size: {rows[-1][1]['method']}.\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
