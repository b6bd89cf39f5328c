"""Benchmarks of reading documents and writing the graph, at district, city and province size.

- extract: the generated documents (in the seed layouts) read by the loaders,
  against the floor of reading and decoding the same bytes and splitting lines;
- store writes, embedded store and Neo4j: dutygraph's batched write (one
  statement per document) against a baseline of one MERGE per row (node or
  relationship) in its own transaction, run on a sample of rows and
  extrapolated per row;
- end to end: ``dutygraph run`` on the documents, in a fresh process (and the
  same stages without pages, process start and store close).

Every stage runs at every size in a fresh process, so each peak memory is its own.

    python -m bench.bench_pipeline [--sizes district city province] [--neo4j URI] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SAMPLE_ROWS = 400


def _rows(G: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every node and relationship as one parameterised MERGE, the per-row baseline's work."""
    from dutygraph.graph import model as m

    rows: list[tuple[str, dict[str, Any]]] = []
    for n, d in G.nodes(data=True):
        label = d["label"]
        assert label in m.LABELS
        props = {k: v for k, v in d.items() if k != "label"}
        rows.append((f"MERGE (n:{label} {{id: $id}}) SET n += $props", {"id": n, "props": props}))
    for u, v, k, d in G.edges(keys=True, data=True):
        assert k in m.RELATIONSHIPS
        src, dst = G.nodes[u]["label"], G.nodes[v]["label"]
        props = {a: b for a, b in d.items() if a != "type"}
        rows.append(
            (
                f"MATCH (a:{src} {{id: $src}}) MATCH (b:{dst} {{id: $dst}}) MERGE (a)-[r:{k}]->(b) SET r += $props",
                {"src": u, "dst": v, "props": props},
            )
        )
    return rows


def _timed(store_class: type) -> type:
    """A store that adds up the time the database spends on each write: FalkorDB's
    reported execution time; on Neo4j, the server's time to the last record plus
    the commit (where Neo4j applies the changes and syncs its log), summed over
    the concurrent writers."""
    import threading

    class Timed(store_class):  # type: ignore[misc, valid-type]
        server_ms = 0.0
        _lock = threading.Lock()

        def _write(self, cypher: str, params: dict[str, Any]) -> None:
            if hasattr(self, "_graph"):
                spent = self._graph.query(cypher, params).run_time_ms
            else:
                with self._session(read=False) as session:
                    tx = session.begin_transaction()
                    summary = tx.run(cypher, params).consume()
                    start = time.perf_counter()
                    tx.commit()
                    spent = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
                    spent += (time.perf_counter() - start) * 1000
            with self._lock:
                self.server_ms += spent

    Timed.__name__ = f"Timed{store_class.__name__}"
    return Timed


def _write_bench(store: Any, G: Any, rows: list[tuple[str, dict[str, Any]]]) -> dict[str, float]:
    """Time the batched write of G, then the per-row baseline on a sample (each into a cleared store).

    Each is run once untimed first, so that neither pays for planning its
    statements or for a server's cold start (a JVM compiles as it goes).
    """
    sample = rows[:: max(1, len(rows) // SAMPLE_ROWS)][:SAMPLE_ROWS]
    # Nodes first so that the relationships of the sample find their ends.
    node_ids = {r[1].get("src") for r in sample} | {r[1].get("dst") for r in sample}
    ends = [r for r in rows if r[0].startswith("MERGE (n:") and r[1]["id"] in node_ids]

    def batched() -> float:
        store.clear()
        store.ensure_schema()
        store.server_ms = 0.0
        start = time.perf_counter()
        store.write(G)
        return time.perf_counter() - start

    def per_row() -> float:
        store.clear()
        for statement, params in ends:
            store._write(statement, params)
        start = time.perf_counter()
        for statement, params in sample:
            store._write(statement, params)
        return (time.perf_counter() - start) / len(sample)

    batched()
    batched_s = batched()
    server_s = store.server_ms / 1000
    per_row()
    per_row_s = per_row()
    store.clear()
    return {
        "batched_s": batched_s,
        "server_s": server_s,
        "per_row_ms": per_row_s * 1000,
        "baseline_s": per_row_s * len(rows),
        "rows": len(rows),
        "rels_per_s": G.number_of_edges() / batched_s,
    }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _graph(size: str, seed: int) -> Any:
    from bench.generate import SIZES, generate_records
    from dutygraph.graph.build import build_graph

    return build_graph(generate_records(SIZES[size], seed))


def stage_extract(size: str, seed: int, **_: Any) -> dict[str, Any]:
    """The loaders on the generated documents, against reading and decoding the same bytes."""
    from bench.generate import SIZES, generate_records, write_documents
    from dutygraph.loaders import load
    from dutygraph.loaders.text import read_source

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_documents(generate_records(SIZES[size], seed), Path(tmp) / "docs")
        total_bytes = sum(p.stat().st_size for p in paths)
        start = time.perf_counter()
        for p in paths:
            read_source(p)
        floor = time.perf_counter() - start
        start = time.perf_counter()
        results = [load(p) for p in paths]
        extract = time.perf_counter() - start
    return {
        "mb": total_bytes / 1e6,
        "s": extract,
        "mb_per_s": total_bytes / 1e6 / extract,
        "floor_s": floor,
        "tasks": sum(len(r.tasks) for r in results),
        "peak_mb": _peak_mb(),
    }


def stage_embedded(size: str, seed: int, **_: Any) -> dict[str, Any]:
    """Store writes into a new embedded store."""
    from dutygraph.graph.stores import FalkorStore

    G = _graph(size, seed)
    with tempfile.TemporaryDirectory() as tmp, _timed(FalkorStore)(Path(tmp) / "db") as store:
        return _write_bench(store, G, _rows(G)) | {"peak_mb": _peak_mb()}


def stage_neo4j(size: str, seed: int, uri: str = "", password: str = "", **_: Any) -> dict[str, Any]:
    """Store writes into the Neo4j at ``uri`` (cleared before and after)."""
    from dutygraph.graph.stores import Neo4jStore

    G = _graph(size, seed)
    with _timed(Neo4jStore)(uri, password=password or None) as store:
        return _write_bench(store, G, _rows(G)) | {"peak_mb": _peak_mb()}


def stage_run(size: str, seed: int, **_: Any) -> dict[str, Any]:
    """``dutygraph run`` on the generated documents, as a user runs it: a fresh
    process that reads them, stores them in a new embedded store, reads the
    graph back, analyses it, writes both pages and closes the store; and, in
    this process, extract + build + store + read back + analyze without the
    pages, process start and store close."""
    from bench.generate import SIZES, generate_records, write_documents
    from dutygraph.graph.analysis import analyze
    from dutygraph.graph.build import build_graph
    from dutygraph.graph.stores import FalkorStore
    from dutygraph.loaders import load

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_documents(generate_records(SIZES[size], seed), Path(tmp) / "docs")
        cli = Path(sys.executable).with_name("dutygraph")
        start = time.perf_counter()
        subprocess.run(
            [
                str(cli),
                "run",
                str(Path(tmp) / "docs"),
                "--db",
                str(Path(tmp) / "cli-db"),
                "--out-dir",
                str(Path(tmp) / "pages"),
            ],
            check=True,
            capture_output=True,
            cwd=tmp,
        )
        run_s = time.perf_counter() - start
        run_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        start = time.perf_counter()
        G = build_graph([load(p) for p in paths])
        with FalkorStore(Path(tmp) / "db") as store:
            store.write(G)
            analyze(store.read_graph())
            stages_s = time.perf_counter() - start
    return {"run_s": run_s, "run_peak_mb": run_peak, "stages_s": stages_s, "peak_mb": _peak_mb()}


STAGES = {"extract": stage_extract, "embedded": stage_embedded, "neo4j": stage_neo4j, "run": stage_run}


def start_neo4j(port: int) -> tuple[str, str, dict[str, str]]:
    """A Neo4j for the benchmarks on ``port`` (its own data folder, 1 GB heap): its URI, password and environment."""
    root = Path(__file__).resolve().parents[1]
    env = os.environ | {
        "NEO4J_PORT": str(port),
        "NEO4J_HOME": str(root / ".neo4j-bench"),
        "NEO4J_PASSWORD": "dutygraph-bench",
        "NEO4J_HEAP": "1g",
        "NEO4J_PAGECACHE": "512m",
    }
    subprocess.run([str(root / "neo4j" / "neo4j.sh"), "start"], env=env, check=True)
    return f"bolt://127.0.0.1:{port}", "dutygraph-bench", env


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark extract, store writes and the end-to-end job.")
    parser.add_argument("--sizes", nargs="+", default=["district", "city", "province"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--neo4j", default=None, help="a Neo4j to use (default: start one with neo4j/neo4j.sh)")
    parser.add_argument("--no-neo4j", action="store_true", help="skip the Neo4j benchmark")
    parser.add_argument("--out", type=Path, default=None, help="append the tables to this Markdown file")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        stage, size, seed, uri, password = args.child
        print(json.dumps(STAGES[stage](size, int(seed), uri=uri, password=password)))
        return
    uri, password, env = (args.neo4j, os.environ.get("NEO4J_PASSWORD", ""), None)
    root = Path(__file__).resolve().parents[1]
    if not args.no_neo4j and not uri:
        uri, password, env = start_neo4j(7698)
    stages = [s for s in STAGES if s != "neo4j" or not args.no_neo4j]
    results = []
    try:
        for size in args.sizes:
            r: dict[str, Any] = {"size": size}
            for stage in stages:
                # Each stage in a fresh process, so that its peak memory is its own.
                cmd = [
                    sys.executable,
                    "-m",
                    "bench.bench_pipeline",
                    "--child",
                    stage,
                    size,
                    str(args.seed),
                    uri or "",
                    password or "",
                ]
                done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=root)
                if done.returncode != 0:
                    raise SystemExit(f"the {size} {stage} benchmark failed:\n{done.stderr[-3000:]}")
                r[stage] = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(r)
            print(
                f"{size}: extract {r['extract']['s']:.2f} s, embedded write {r['embedded']['batched_s']:.2f} s"
                + (f", neo4j write {r['neo4j']['batched_s']:.2f} s" if "neo4j" in r else "")
                + f", dutygraph run {r['run']['run_s']:.1f} s",
                file=sys.stderr,
                flush=True,
            )
    finally:
        if env is not None:
            subprocess.run([str(root / "neo4j" / "neo4j.sh"), "stop"], env=env, check=False)
    md = _tables(results)
    print(md)
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write(md)


def _tables(results: list[dict[str, Any]]) -> str:
    """bench/RESULTS.md's tables for extract, store writes and the main job. Peak RSS is
    the maximum resident set of the process that ran the stage (one per stage and size)."""
    lines = [
        "\n## Extract\n",
        "Loaders reading generated documents (numbered list, Word tab dump and flattened table in turn), "
        "against the floor of reading, decoding and splitting the same files.\n",
        "| size | documents MB | tasks | extract (s) | MB/s | peak RSS (MB) | read+decode floor (s) | ratio extract / floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        e = r["extract"]
        lines.append(
            f"| {r['size']} | {e['mb']:.2f} | {e['tasks']:,} | {e['s']:.2f} | {e['mb_per_s']:.2f} | {e['peak_mb']:.0f} | "
            f"{e['floor_s']:.3f} | {e['s'] / e['floor_s']:.0f}× |"
        )
    for store in ("embedded", "neo4j"):
        if not any(store in r for r in results):
            continue
        lines += [
            f"\n## Store writes: {store}\n",
            "The batched write (one statement per document) against one MERGE per row in its own transaction, timed "
            f"on a sample of {SAMPLE_ROWS} rows and extrapolated to every row. Each is run once untimed before the "
            "timed run, so neither pays for planning its statements or for the server's cold start. *Database* is the "
            "time the database spends on the batched statements (FalkorDB's reported execution time; Neo4j's time to "
            "the last record plus the commit, summed over its two writers): baseline / database is what batching "
            "would gain if the client cost nothing. Peak RSS is the client process's.\n",
            "| size | rows (nodes + relationships) | batched (s) | database (s) | relationships/s | peak RSS (MB) "
            "| per-row baseline (ms/row) | baseline, extrapolated (s) | ratio baseline / batched | baseline / database |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in results:
            if store in r:
                w = r[store]
                lines.append(
                    f"| {r['size']} | {w['rows']:,} | {w['batched_s']:.2f} | {w['server_s']:.2f} | {w['rels_per_s']:,.0f} | "
                    f"{w['peak_mb']:.0f} | {w['per_row_ms']:.3f} | {w['baseline_s']:.1f} | "
                    f"{w['baseline_s'] / w['batched_s']:.0f}× | {w['baseline_s'] / w['server_s']:.0f}× |"
                )
    lines += [
        "\n## End to end: `dutygraph run` (embedded store)\n",
        "The main job as a user runs it, in a fresh process: read the documents, store them in a new embedded store, "
        "read the graph back, analyse, write graph.html and review.html, close the store. Beside it, the same work "
        "without the pages, the process start and the store's close: extract + build + store + read back + analyze.\n",
        "| size | tasks | `dutygraph run` (s) | its peak RSS (MB) | extract + build + store + read back + analyze (s) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        e = r["run"]
        lines.append(
            f"| {r['size']} | {r['extract']['tasks']:,} | {e['run_s']:.1f} | {e['run_peak_mb']:.0f} | {e['stages_s']:.1f} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
