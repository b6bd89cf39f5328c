"""Benchmarks of the saved queries at province size on both stores, and of one query from the command line.

- saved queries: the province corpus of :mod:`bench.generate` (seed 0) is stored
  once per store (the embedded FalkorDB and Neo4j), then every saved query in
  ``cypher/`` runs with its default parameters (a value from the corpus where a
  parameter has no default, or its default names a region the corpus does not
  have): its first run, then the best of three more. Each store is benchmarked in
  a process of its own. The rows of the two stores are compared;
- one query from the command line: ``dutygraph query units_by_load --db STORE``
  on a store built from the seeds (``dutygraph build``), as whole processes,
  against ``dutygraph --version`` (the floor: starting Python and the command),
  run in turn in the same run, several times each; medians, their difference and
  their ratio. Beside them, the first ``dutygraph query`` after ``dutygraph build``
  at province size.

    python -m bench.bench_queries [--size province] [--neo4j URI | --no-neo4j] [--runs 7] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_pipeline import start_neo4j

ROOT = Path(__file__).resolve().parents[1]
#: Seconds every saved query must stay under at province size.
LIMIT_S = 1.0
#: The saved query the command-line figures run.
CLI_QUERY = "units_by_load"


def _cli() -> str:
    return str(Path(sys.executable).with_name("dutygraph"))


def bench_params(records: list[Any]) -> dict[str, dict[str, Any]]:
    """Values for the parameters that have no default, or whose default the corpus does not hold.

    Example:
        >>> from bench.generate import Size, generate_records
        >>> sorted(bench_params(generate_records(Size(5, 50, 30, 5), 0)))  # doctest: +NORMALIZE_WHITESPACE
        ['goal_responsibility_path', 'targets_of_unit', 'tasks_due_by', 'tasks_of_leader', 'unit_load_by_year',
         'unit_partners']
    """
    first = records[0]
    region = first.document.region
    return {
        "unit_partners": {"unit": "发改局"},
        "targets_of_unit": {"unit": "发改局"},
        "tasks_of_leader": {"leader": first.tasks[0].leaders[0]},
        "goal_responsibility_path": {"goal": "目标1"},
        "tasks_due_by": {"month": f"{min(r.document.year for r in records)}-06"},
        "unit_load_by_year": {"region": region},
    }


def digest(rows: list[list[Any]]) -> str:
    """A short fingerprint of a query's rows, in order (both stores must give the same)."""
    text = json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def time_queries(store: Any, params: dict[str, dict[str, Any]], runs: int = 3) -> dict[str, dict[str, Any]]:
    """Each saved query's first run and its best of ``runs`` more, with its rows' count and digest."""
    from dutygraph.errors import DutygraphError
    from dutygraph.graph.queries import saved_queries

    out: dict[str, dict[str, Any]] = {}
    for name, q in saved_queries().items():
        given = params.get(name, {})
        bound = q.bind(given)
        start = time.perf_counter()
        try:
            result = store.query(q.text, bound)
        except DutygraphError as exc:  # the embedded client gives up on a query after 5 s
            failed = time.perf_counter() - start
            out[name] = {"failed": f"{exc} after {failed:.1f} s", "params": given, "rows": 0, "digest": ""}
            print(f"  {name}: {out[name]['failed']}", file=sys.stderr, flush=True)
            continue
        first = time.perf_counter() - start
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            store.query(q.text, bound)
            times.append(time.perf_counter() - start)
        out[name] = {"first_s": first, "best_s": min(times), "rows": len(result.rows), "digest": digest(result.rows)}
        out[name]["params"] = given
        print(f"  {name}: {min(times):.3f} s, {len(result.rows)} rows", file=sys.stderr, flush=True)
    return out


def _timed_process(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - start


def stage_embedded(size: str, seed: int, **_: Any) -> dict[str, Any]:
    """Store the corpus in a new embedded store, time the first command-line query after it, then every query."""
    from bench.generate import SIZES, generate_records
    from dutygraph.graph.build import build_graph
    from dutygraph.graph.stores import FalkorStore

    records = generate_records(SIZES[size], seed)
    G = build_graph(records)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db"
        start = time.perf_counter()
        with FalkorStore(db, write=True) as store:
            store.write(G)
        write_s = time.perf_counter() - start
        query = [_cli(), "query", CLI_QUERY, "--db", str(db)]
        after_build = [_timed_process(query, cwd=Path(tmp)) for _ in range(2)]
        with FalkorStore(db, create=False) as store:
            queries = time_queries(store, bench_params(records))
    return {"write_s": write_s, "cli_first_s": after_build[0], "cli_second_s": after_build[1], "queries": queries}


def stage_neo4j(size: str, seed: int, uri: str = "", password: str = "", **_: Any) -> dict[str, Any]:
    """Store the corpus in the Neo4j at ``uri`` (cleared first), then time every query."""
    from bench.generate import SIZES, generate_records
    from dutygraph.graph.build import build_graph
    from dutygraph.graph.stores import Neo4jStore

    records = generate_records(SIZES[size], seed)
    G = build_graph(records)
    with Neo4jStore(uri, password=password or None) as store:
        store.clear()
        start = time.perf_counter()
        store.write(G)
        write_s = time.perf_counter() - start
        queries = time_queries(store, bench_params(records))
        store.clear()
    return {"write_s": write_s, "queries": queries}


def one_query(seeds: Path, runs: int) -> dict[str, Any]:
    """``dutygraph --version`` and ``dutygraph query CLI_QUERY --db STORE`` on the seeds, in turn, ``runs`` times each."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds-db"
        files = sorted(str(p) for p in seeds.glob("*.txt"))
        subprocess.run([_cli(), "build", *files, "--db", str(db), "-q"], check=True, capture_output=True, cwd=tmp)
        query = [_cli(), "query", CLI_QUERY, "--db", str(db)]
        first = _timed_process(query, cwd=Path(tmp))
        version, queried = [], []
        for _ in range(runs):
            version.append(_timed_process([_cli(), "--version"], cwd=Path(tmp)))
            queried.append(_timed_process(query, cwd=Path(tmp)))
    v, q = statistics.median(version), statistics.median(queried)
    return {"version_s": v, "query_s": q, "difference_s": q - v, "ratio": q / v, "first_s": first, "runs": runs}


STAGES = {"embedded": stage_embedded, "neo4j": stage_neo4j}


def _child(stage: str, size: str, seed: int, uri: str, password: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.bench_queries", "--child", stage, size, str(seed), uri, password]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    sys.stderr.write(done.stderr if done.returncode == 0 else "")
    if done.returncode != 0:
        raise SystemExit(f"the {size} {stage} query benchmark failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the saved queries on both stores, and one query's command.")
    parser.add_argument("--size", default="province")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds", help="the seed documents")
    parser.add_argument("--runs", type=int, default=7, help="runs of each command for the command-line figures")
    parser.add_argument("--neo4j", default=None, help="a Neo4j to use (default: start one with neo4j/neo4j.sh)")
    parser.add_argument("--port", type=int, default=7698, help="the Bolt port of the Neo4j started here")
    parser.add_argument("--no-neo4j", action="store_true", help="skip Neo4j")
    parser.add_argument("--out", type=Path, default=None, help="append the tables to this Markdown file")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        stage, size, seed, uri, password = args.child
        print(json.dumps(STAGES[stage](size, int(seed), uri=uri, password=password)))
        return
    results: dict[str, Any] = {"size": args.size}
    uri, password, env = args.neo4j, os.environ.get("NEO4J_PASSWORD", ""), None
    if not args.no_neo4j and not uri:
        uri, password, env = start_neo4j(args.port)
    try:
        print(f"{args.size}: embedded store", file=sys.stderr, flush=True)
        results["embedded"] = _child("embedded", args.size, args.seed, "", "")
        if not args.no_neo4j:
            print(f"{args.size}: neo4j", file=sys.stderr, flush=True)
            results["neo4j"] = _child("neo4j", args.size, args.seed, uri or "", password or "")
    finally:
        if env is not None:
            subprocess.run([str(ROOT / "neo4j" / "neo4j.sh"), "stop"], env=env, check=False)
    results["cli"] = one_query(args.seeds, args.runs)
    md = tables(results)
    print(md)
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write(md)


def _cell(r: dict[str, Any] | None) -> str:
    if r is None:
        return "—"
    if "failed" in r:
        return str(r["failed"])
    return f"{r['best_s']:.3f} ({r['first_s']:.2f})"


def _worst(*runs: dict[str, Any] | None) -> float:
    return max(float("inf") if "failed" in r else r["best_s"] for r in runs if r is not None)


def _query_rows(results: dict[str, Any]) -> list[str]:
    emb = results["embedded"]["queries"]
    neo = results.get("neo4j", {}).get("queries", {})
    lines = []
    for name, e in emb.items():
        n = neo.get(name)
        worst = _worst(e, n)
        same = (
            "—" if n is None or "failed" in e or "failed" in n else ("yes" if n["digest"] == e["digest"] else "**no**")
        )
        given = ", ".join(f"{k}={v}" for k, v in e["params"].items()) or "defaults"
        verdict = "pass" if worst < LIMIT_S else "**fail**"
        lines.append(
            f"| `{name}` | {given} | {_cell(e)} | {_cell(n)} | {max(e['rows'], n['rows'] if n else 0):,} | {same} | {verdict} |"
        )
    return lines


def tables(results: dict[str, Any]) -> str:
    """bench/RESULTS.md's sections for the saved queries and for one query from the command line."""
    e, c = results["embedded"], results["cli"]
    lines = [
        f"\n## Saved queries ({results['size']})\n",
        f"Every saved query (`dutygraph query NAME`) on the {results['size']} corpus, stored once per store (embedded "
        f"write {e['write_s']:.1f} s"
        + (f", Neo4j write {results['neo4j']['write_s']:.1f} s" if "neo4j" in results else "")
        + "), with its default parameters or the ones shown. Seconds: the best of three runs after a first one, "
        "and the first run in brackets (the embedded store right after it was opened; Neo4j's first run plans the "
        f"query). *Same rows*: both stores returned the same rows in the same order. Pass: under {LIMIT_S:g} s on "
        "both stores.\n",
        "| query | parameters | embedded (s) | neo4j (s) | rows | same rows | < 1 s |",
        "| --- | --- | ---: | ---: | ---: | --- | --- |",
        *_query_rows(results),
        "\n## One query from the command line\n",
        f"`dutygraph query {CLI_QUERY} --db STORE` on a store built from the seeds (`dutygraph build`), as a whole "
        "process, against `dutygraph --version` (starting Python and the command, nothing else), run in turn, "
        f"{c['runs']} times each; medians.\n",
        "| `dutygraph --version` (s) | `dutygraph query` (s) | difference (s) | ratio | first query after the build (s) |",
        "| ---: | ---: | ---: | ---: | ---: |",
        f"| {c['version_s']:.2f} | {c['query_s']:.2f} | {c['difference_s']:.2f} | {c['ratio']:.1f}× | "
        f"{c['first_s']:.2f} |",
        f"\nAt {results['size']} size, the first `dutygraph query {CLI_QUERY}` after the store was written took "
        f"{e['cli_first_s']:.2f} s, the next one {e['cli_second_s']:.2f} s (whole processes).\n",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
