"""Benchmarks of reading documents and writing the graph, at district, city and province size.

Each size runs in a fresh process (its peak memory is its own):

- extract: the generated documents (in the seed layouts) read by the loaders,
  against the floor of reading and decoding the same bytes and splitting lines;
- store writes, embedded store and Neo4j: dutygraph's batched write (one
  statement per document) against a baseline of one MERGE per row (node or
  relationship) in its own transaction, run on a sample of rows and
  extrapolated per row;
- end to end on the embedded store: extract + build + store + analyze.

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
        rows.append((f"MATCH (a:{src} {{id: $src}}) MATCH (b:{dst} {{id: $dst}}) MERGE (a)-[r:{k}]->(b) SET r += $props",
                     {"src": u, "dst": v, "props": props}))
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
    """Time the batched write of G, then the per-row baseline on a sample (into a cleared store)."""
    store.clear()
    store.ensure_schema()
    store.server_ms = 0.0
    start = time.perf_counter()
    store.write(G)
    batched = time.perf_counter() - start
    server = store.server_ms / 1000
    store.clear()
    sample = rows[:: max(1, len(rows) // SAMPLE_ROWS)][:SAMPLE_ROWS]
    # Nodes first so that the relationships of the sample find their ends.
    nodes = [r for r in rows if r[0].startswith("MERGE (n:")]
    node_ids = {r[1].get("src") for r in sample} | {r[1].get("dst") for r in sample}
    for statement, params in nodes:
        if params["id"] in node_ids:
            store._write(statement, params)
    start = time.perf_counter()
    for statement, params in sample:
        store._write(statement, params)
    per_row = (time.perf_counter() - start) / len(sample)
    relationships = G.number_of_edges()
    return {"batched_s": batched, "server_s": server, "per_row_ms": per_row * 1000, "baseline_s": per_row * len(rows),
            "rows": len(rows), "rels_per_s": relationships / batched}


def measure(size: str, seed: int, neo4j_uri: str | None, password: str | None) -> dict[str, Any]:
    """All stages at one size, in this process."""
    from bench.generate import SIZES, generate_records, write_documents
    from dutygraph.graph.analysis import analyze
    from dutygraph.graph.build import build_graph
    from dutygraph.graph.stores import FalkorStore, Neo4jStore
    from dutygraph.loaders import load
    from dutygraph.loaders.text import read_source

    out: dict[str, Any] = {"size": size}
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
        out["extract"] = {"mb": total_bytes / 1e6, "s": extract, "mb_per_s": total_bytes / 1e6 / extract,
                          "floor_s": floor, "tasks": sum(len(r.tasks) for r in results)}
        start = time.perf_counter()
        G = build_graph(results)
        out["build_s"] = time.perf_counter() - start
        rows = _rows(G)
        with _timed(FalkorStore)(Path(tmp) / "db") as store:
            out["embedded"] = _write_bench(store, G, rows)
            store.clear()
            start = time.perf_counter()
            store.write(G)
            H = store.read_graph()
            analyze(H)
            out["store_analyze_s"] = time.perf_counter() - start
        out["end_to_end_s"] = extract + out["build_s"] + out["store_analyze_s"]
        if neo4j_uri:
            with _timed(Neo4jStore)(neo4j_uri, password=password) as store:
                out["neo4j"] = _write_bench(store, G, rows)
                store.clear()
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _start_neo4j(port: int) -> tuple[str, str, dict[str, str]]:
    root = Path(__file__).resolve().parents[1]
    env = os.environ | {"NEO4J_PORT": str(port), "NEO4J_HOME": str(root / ".neo4j-bench"), "NEO4J_PASSWORD": "dutygraph-bench",
                        "NEO4J_HEAP": "1g", "NEO4J_PAGECACHE": "512m"}
    subprocess.run([str(root / "neo4j" / "neo4j.sh"), "start"], env=env, check=True)
    return f"bolt://127.0.0.1:{port}", "dutygraph-bench", env


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark extract, store writes and the end-to-end job.")
    parser.add_argument("--sizes", nargs="+", default=["district", "city", "province"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--neo4j", default=None, help="a Neo4j to use (default: start one with neo4j/neo4j.sh)")
    parser.add_argument("--no-neo4j", action="store_true", help="skip the Neo4j benchmark")
    parser.add_argument("--out", type=Path, default=None, help="append the tables to this Markdown file")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        size, seed, uri, password = args.child
        print(json.dumps(measure(size, int(seed), uri or None, password or None)))
        return
    uri, password, env = (args.neo4j, os.environ.get("NEO4J_PASSWORD", ""), None)
    root = Path(__file__).resolve().parents[1]
    if not args.no_neo4j and not uri:
        uri, password, env = _start_neo4j(7698)
    results = []
    try:
        for size in args.sizes:
            cmd = [sys.executable, "-m", "bench.bench_pipeline", "--child", size, str(args.seed), "" if args.no_neo4j else uri or "",
                   password or ""]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=root)
            if done.returncode != 0:
                raise SystemExit(f"the {size} benchmark failed:\n{done.stderr[-3000:]}")
            r = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(r)
            print(f"{size}: extract {r['extract']['s']:.2f} s, embedded write {r['embedded']['batched_s']:.2f} s"
                  + (f", neo4j write {r['neo4j']['batched_s']:.2f} s" if "neo4j" in r else ""), file=sys.stderr, flush=True)
    finally:
        if env is not None:
            subprocess.run([str(root / "neo4j" / "neo4j.sh"), "stop"], env=env, check=False)
    md = _tables(results)
    print(md)
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write(md)


def _tables(results: list[dict[str, Any]]) -> str:
    lines = ["\n## Extract\n", "Loaders reading generated documents (numbered list, Word tab dump and flattened table in turn), "
             "against the floor of reading, decoding and splitting the same files.\n",
             "| size | documents MB | tasks | extract (s) | MB/s | read+decode floor (s) | ratio extract / floor |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        e = r["extract"]
        lines.append(f"| {r['size']} | {e['mb']:.2f} | {e['tasks']:,} | {e['s']:.2f} | {e['mb_per_s']:.2f} | {e['floor_s']:.3f} | {e['s'] / e['floor_s']:.0f}× |")
    for store in ("embedded", "neo4j"):
        if not any(store in r for r in results):
            continue
        lines += [f"\n## Store writes: {store}\n",
                  f"The batched write (one statement per document, `UNWIND … MERGE`) against one MERGE per row in its own "
                  f"transaction, timed on a sample of {SAMPLE_ROWS} rows and extrapolated to every row (stated as such). "
                  "*Database* is the time the database spends executing the batched statements (FalkorDB's reported "
                  "execution time; Neo4j's time to the last record plus the commit, summed over its two writers): "
                  "baseline / database is what batching would gain if the client cost nothing.\n",
                  "| size | rows (nodes + relationships) | batched (s) | database (s) | relationships/s | per-row baseline (ms/row) "
                  "| baseline, extrapolated (s) | ratio baseline / batched | baseline / database |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in results:
            if store in r:
                w = r[store]
                lines.append(f"| {r['size']} | {w['rows']:,} | {w['batched_s']:.2f} | {w['server_s']:.2f} | {w['rels_per_s']:,.0f} | "
                             f"{w['per_row_ms']:.3f} | {w['baseline_s']:.1f} | {w['baseline_s'] / w['batched_s']:.0f}× | "
                             f"{w['baseline_s'] / w['server_s']:.0f}× |")
    lines += ["\n## End to end (embedded store)\n", "extract + build + store + read back + analyze, and the process's peak RSS.\n",
              "| size | end to end (s) | peak RSS (MB) |", "| --- | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r['size']} | {r['end_to_end_s']:.1f} | {r['peak_mb']:.0f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
