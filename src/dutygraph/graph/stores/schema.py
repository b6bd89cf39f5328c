"""What a store holds, described the same way on both stores (``dutygraph schema``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dutygraph.graph.stores.base import GraphStore


@dataclass(slots=True)
class Schema:
    """Labels and relationship types with their counts, properties with their types and counts,
    indexes and constraints (each ``Label(property)``)."""

    labels: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    #: (label or relationship type, property, types seen, how many nodes or relationships have it)
    properties: list[tuple[str, str, list[str], int]] = field(default_factory=list)
    indexes: list[str] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)


def type_name(value: Any) -> str:
    """A property value's type as the query parameters name them: string, int, float, bool, list<string> …

    Example:
        >>> type_name(2024), type_name(["发改局"]), type_name([])
        ('int', 'list<string>', 'list')
    """
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, list):
        inner = sorted({type_name(v) for v in value})
        return f"list<{'|'.join(inner)}>" if inner else "list"
    return {int: "int", float: "float", str: "string"}.get(type(value), type(value).__name__)


def _properties(rows: list[list[Any]]) -> tuple[Counter[str], list[tuple[str, str, list[str], int]]]:
    owners: Counter[str] = Counter()
    counts: Counter[tuple[str, str]] = Counter()
    types: dict[tuple[str, str], set[str]] = {}
    for owner, props in rows:
        owners[owner] += 1
        for key, value in props.items():
            counts[owner, key] += 1
            types.setdefault((owner, key), set()).add(type_name(value))
    return owners, [(o, k, sorted(types[o, k]), n) for (o, k), n in sorted(counts.items())]


def _listings(store: GraphStore) -> tuple[list[str], list[str]]:
    """Indexes and constraints, as ``Label(property, …)``, from each store's own listing."""
    if store.kind == "neo4j":
        found = store._read("SHOW INDEXES YIELD type, labelsOrTypes, properties", {}).rows
        indexes = [f"{labels[0]}({', '.join(props)})" for kind, labels, props in found if kind != "LOOKUP"]
        found = store._read("SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties", {}).rows
        constraints = [f"{labels[0]}({', '.join(props)}) {kind.lower()}" for kind, labels, props in found]
    else:
        found = store._read("CALL db.indexes() YIELD label, properties", {}).rows
        indexes = [f"{label}({prop})" for label, props in found for prop in props]
        found = store._read("CALL db.constraints() YIELD type, label, properties", {}).rows
        constraints = [f"{label}({', '.join(props)}) {kind.lower()}" for kind, label, props in found]
    # Neo4j says UNIQUENESS where FalkorDB says UNIQUE.
    return sorted(indexes), sorted(c.replace(" uniqueness", " unique") for c in constraints)


def schema(store: GraphStore) -> Schema:
    """Describe what ``store`` holds, the same way on the embedded store and on Neo4j.

    Reads every node's and relationship's properties once (a few seconds at province size).

    Example:
        >>> from dutygraph.graph.stores import FalkorStore
        >>> import tempfile
        >>> with FalkorStore(tempfile.mkdtemp() + "/db") as store:
        ...     schema(store).indexes[:2]
        ['Area(doc)', 'Area(id)']
    """
    nodes = store._read("MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props", {}).rows
    rels = store._read("MATCH ()-[r]->() RETURN type(r) AS type, properties(r) AS props", {}).rows
    labels, node_props = _properties(nodes)
    types, rel_props = _properties(rels)
    indexes, constraints = _listings(store)
    return Schema(
        dict(sorted(labels.items())), dict(sorted(types.items())), node_props + rel_props, indexes, constraints
    )
