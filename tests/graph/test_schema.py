"""dutygraph schema: the same description on both stores."""

from __future__ import annotations

from dutygraph.graph.build import summary
from dutygraph.graph.stores.schema import schema
from tests.conftest import seeds_graph


def test_the_schema_is_the_same_on_both_stores(embedded_store, neo4j_store):
    described = []
    for store in (embedded_store, neo4j_store):
        store.write(seeds_graph())
        described.append(schema(store))
    embedded, neo4j = described
    assert embedded == neo4j
    counts = summary(seeds_graph())
    assert embedded.labels == {k: v for k, v in sorted(counts.items()) if k[0].islower() or not k.isupper()}
    assert ("Task", "line", ["int"], counts["Task"]) in embedded.properties
    assert ("Unit", "aliases", ["list<string>"], counts["Unit"]) in embedded.properties
    assert "Task(doc)" in embedded.indexes and "Unit(id) unique" in embedded.constraints
