"""Both stores, for real: the embedded FalkorDB and a Neo4j server started for the tests."""

from __future__ import annotations

import pytest

from dutygraph.errors import QueryError, StoreError, StoreUnreachableError
from dutygraph.graph.build import build_graph, summary
from dutygraph.graph.queries import saved_queries
from dutygraph.graph.stores import Neo4jStore, document_payloads
from dutygraph.graph.stores.base import cypher_text
from dutygraph.loaders import load
from tests.conftest import NEO4J_TEST_PASSWORD, seed, seed_path, seeds_graph

#: Values for the saved queries' required parameters.
REQUIRED_PARAMS = {
    "unit_partners": {"unit": "发改局"},
    "tasks_of_leader": {"leader": "王旭锋"},
    "goal_responsibility_path": {"goal": "产业"},
    "tasks_due_by": {"month": "2024-12"},
    "targets_of_unit": {"unit": "发改局"},
}
#: Saved queries with no answer on the seeds: no seed task is led by collectives alone, and no seed prints a deadline.
EMPTY_ON_SEEDS = {"tasks_led_only_by_collectives", "tasks_due_by"}


def _snapshot(G):
    nodes = {n: dict(d) for n, d in G.nodes(data=True)}
    edges = sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in G.edges(keys=True, data=True))
    return nodes, edges


def test_seeds_read_back_equal_to_the_graph_built_in_memory(store):
    G = seeds_graph()
    written = store.write(G)
    assert written.counts == summary(G)
    assert _snapshot(store.read_graph()) == _snapshot(G)


def test_building_twice_changes_nothing(store):
    G = seeds_graph()
    store.write(G)
    before = _snapshot(store.read_graph())
    store.write(G)
    assert store.counts() == summary(G)
    assert _snapshot(store.read_graph()) == before


def test_reloading_an_edited_document_replaces_it(store, tmp_path):
    store.write(seeds_graph())
    lines = seed_path("001").read_text(encoding="utf-8").splitlines()
    edited = [ln.replace("(区国资办主办)", "(区财政局主办)") for ln in lines if not ln.startswith(("77.", "78."))]
    path = tmp_path / "001_d657d27eca61cd1c.txt"
    path.write_text("\n".join(edited), encoding="utf-8")
    store.write(build_graph([load(path)]))
    G = store.read_graph()
    doc_tasks = [
        n for n, d in G.nodes(data=True) if d.get("label") == "Task" and d["doc"] == "doc:001_d657d27eca61cd1c.txt"
    ]
    assert len(doc_tasks) == 76
    assert "unit:鼓楼区:区国资办" not in G  # it led only task 76, now led by 区财政局
    assert "unit:鼓楼区:区审计局" not in G  # it appeared only in task 78, now gone
    assert G.nodes["doc:001_d657d27eca61cd1c.txt"]["tasks"] == 76
    assert store.counts()["Task"] == 401 - 2


def test_a_document_that_fails_mid_write_leaves_the_store_as_it_was(store):
    store.write(build_graph([seed("003")]))
    before = _snapshot(store.read_graph())
    payload = next(document_payloads(build_graph([seed("001")])))
    # The last relationship carries a value no store accepts, so the write fails
    # after the document, its goals, tasks and units were already created.
    payload["supports"][-1]["line"] = {"not": "a property value"}
    with pytest.raises(StoreError):
        store._write(cypher_text("internal/write_document.cypher"), payload)
    assert _snapshot(store.read_graph()) == before


def test_a_task_property_the_write_statement_does_not_name_is_refused_not_dropped():
    G = build_graph([seed("004")])
    tid = next(n for n, d in G.nodes(data=True) if d.get("label") == "Task")
    G.nodes[tid]["priority"] = "high"
    with pytest.raises(ValueError, match=r"priority"):
        list(document_payloads(G))


def test_every_saved_query_runs(store):
    store.write(seeds_graph())
    for name, q in saved_queries().items():
        result = store.query(q.text, q.bind(REQUIRED_PARAMS.get(name, {})))
        assert result.columns, name


def test_every_saved_query_returns_the_same_rows_on_both_stores(embedded_store, neo4j_store):
    G = seeds_graph()
    embedded_store.write(G)
    neo4j_store.write(G)

    def rows(result):
        return sorted(([sorted(v, key=str) if isinstance(v, list) else v for v in r] for r in result.rows), key=str)

    queries = saved_queries()
    assert len(queries) >= 12
    for name, q in queries.items():
        params = q.bind(REQUIRED_PARAMS.get(name, {}))
        a, b = embedded_store.query(q.text, params), neo4j_store.query(q.text, params)
        assert a.columns == b.columns, name
        assert rows(a) == rows(b), name
        if name not in EMPTY_ON_SEEDS:
            assert a.rows, f"{name} returned nothing on the seeds"


def test_tasks_led_only_by_collectives_are_found(store, tmp_path):
    path = tmp_path / "collective.txt"
    path.write_text(
        "一、治理\n1. 开展环境整治。(各街道主办,区城管局协办)\n2. 建设公园。(区城管局、各街道主办)\n", encoding="utf-8"
    )
    store.write(build_graph([load(path, region="鼓楼区", year=2024)]))
    q = saved_queries()["tasks_led_only_by_collectives"]
    rows = store.query(q.text, q.bind({})).records()
    assert [(r["task"], r["leads"]) for r in rows] == [("1", ["各街道"])]


def test_known_answers_on_the_seeds(store):
    store.write(seeds_graph())
    q = saved_queries()
    led = store.query(
        q["units_by_tasks_led"].text, q["units_by_tasks_led"].bind({"region": "钟楼区", "year": 2021, "limit": 3})
    )
    assert led.records()[0] == {
        "region": "钟楼区",
        "unit": "住建局",
        "kind": "department",
        "led": 14,
        "led_inferred": 0,
    }
    docs = store.query(q["documents"].text).records()
    assert [(d["doc"][:3], d["tasks"]) for d in docs] == [
        ("000", 137),
        ("001", 78),
        ("002", 74),
        ("003", 92),
        ("004", 20),
    ]


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n:Unit {id: 'x'}) RETURN n",
        "MATCH (n) DETACH DELETE n",
        "MATCH (u:Unit) SET u.name = 'x' RETURN u",
        "MERGE (n:X {id: 1}) RETURN n",
    ],
)
def test_a_write_through_query_is_refused(store, cypher):
    store.write(build_graph([seed("001")]))
    before = store.counts()
    with pytest.raises(QueryError, match="would change the graph"):
        store.query(cypher)
    assert store.counts() == before
    assert store.query("MATCH (n:X) RETURN count(n) AS n").rows == [[0]]


def test_a_syntax_error_gives_the_database_message(store):
    with pytest.raises(QueryError, match="the query failed"):
        store.query("MATCH (n RETURN n")


def test_parameters_are_passed_as_values(store):
    store.write(build_graph([seed("001")]))
    hostile = "x' OR 1=1 //"
    result = store.query("MATCH (u:Unit) WHERE u.name = $name RETURN count(u) AS n", {"name": hostile})
    assert result.rows == [[0]]


def test_neo4j_unreachable_names_the_uri_and_what_to_check():
    with pytest.raises(StoreUnreachableError) as err:
        Neo4jStore("bolt://127.0.0.1:1", password="secret-pw")
    assert "bolt://127.0.0.1:1" in str(err.value) and "make neo4j-start" in str(err.value)
    assert "secret-pw" not in str(err.value)


def test_neo4j_wrong_password_names_the_user_never_the_password(neo4j_uri):
    with pytest.raises(StoreUnreachableError) as err:
        Neo4jStore(neo4j_uri, user="neo4j", password="wrong-" + NEO4J_TEST_PASSWORD)
    assert "refused user 'neo4j'" in str(err.value) and "NEO4J_PASSWORD" in str(err.value)
    assert "wrong-" not in str(err.value)


def test_neo4j_routing_scheme_works_too(neo4j_uri, neo4j_store):
    neo4j_store.write(build_graph([seed("001")]))
    with Neo4jStore(neo4j_uri.replace("bolt://", "neo4j://"), password=NEO4J_TEST_PASSWORD) as routed:
        assert routed.counts()["Task"] == 78


def test_the_neo4j_driver_has_its_rust_extension():
    # Without it the driver packs parameters in Python and a province-sized
    # write takes 2.4 times as long; the extension must match the driver's version.
    import importlib.metadata as md
    import importlib.util

    assert importlib.util.find_spec("neo4j._rust") is not None
    assert md.version("neo4j-rust-ext").split(".")[:3] == md.version("neo4j").split(".")[:3]


def _regions_graph():
    from bench.generate import Size, generate_records

    return build_graph(generate_records(Size(20, 400, 100, 20), seed=3))


def _documents(G):
    return [n for n, d in G.nodes(data=True) if d["label"] == "Document"]


def test_concurrent_writes_store_the_same_graph_and_report_in_order_from_the_calling_thread(neo4j_store):
    import threading

    G = _regions_graph()
    assert neo4j_store.write_workers > 1 and len({G.nodes[d]["region"] for d in _documents(G)}) == 4
    threads = []
    written = neo4j_store.write(G, progress=lambda doc: threads.append(threading.current_thread()))
    assert written.documents == _documents(G)
    assert threads and set(threads) == {threading.main_thread()} and len(threads) == 20
    assert _snapshot(neo4j_store.read_graph()) == _snapshot(G)


def test_a_failing_document_stops_the_concurrent_write_and_leaves_no_trace(neo4j_store):
    G = _regions_graph()
    docs = _documents(G)
    region = G.nodes[docs[0]]["region"]
    own = [d for d in docs if G.nodes[d]["region"] == region]
    bad = own[2]
    task = next(n for n, d in G.nodes(data=True) if d["label"] == "Task" and d["doc"] == bad)
    G.nodes[task]["line"] = {"not": "a property value"}  # refused by the server, mid-statement
    with pytest.raises(StoreError):
        neo4j_store.write(G)
    stored = neo4j_store.read_graph()
    stored_docs = set(_documents(stored))
    assert set(own[:2]) <= stored_docs and not set(own[2:]) & stored_docs
    assert not [n for n, d in stored.nodes(data=True) if d.get("doc") == bad]
    for doc in stored_docs:  # whatever was written, was written whole
        assert stored.nodes[doc]["tasks"] == sum(
            1 for _, d in stored.nodes(data=True) if d.get("doc") == doc and d["label"] == "Task"
        )


def test_the_embedded_store_keeps_its_graph_across_close_and_reopen(tmp_path):
    from dutygraph.graph.stores import FalkorStore

    G = seeds_graph()
    with FalkorStore(tmp_path / "db") as first:
        first.write(G)
    with FalkorStore(tmp_path / "db") as again:
        assert _snapshot(again.read_graph()) == _snapshot(G)
        again.write(build_graph([seed("004")]))  # a reopened store takes writes too
        assert again.counts()["Task"] == 401


def test_tasks_of_a_leader_list_their_leads_in_printed_order(store):
    G = seeds_graph()
    store.write(G)
    q = saved_queries()["tasks_of_leader"]
    rows = store.query(q.text, q.bind({"leader": "王旭锋"})).records()
    printed = {}
    for u, t, k, d in G.edges(keys=True, data=True):
        if k == "LEADS":
            printed.setdefault(t, []).append((d["position"], G.nodes[u]["name"]))
    by_task = {
        (d["doc"], d["line"]): [name for _, name in sorted(printed.get(n, []))]
        for n, d in G.nodes(data=True)
        if d["label"] == "Task"
    }
    assert any(len(r["lead"]) > 1 for r in rows)
    assert all(r["lead"] == by_task[(r["doc"], r["line"])] for r in rows)
