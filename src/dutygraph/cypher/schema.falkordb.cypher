// FalkorDB schema: the same indexes as schema.cypher. FalkorDB has no Cypher
// constraint syntax; the store adds a unique constraint on each label's id with
// GRAPH.CONSTRAINT CREATE once these indexes exist.
CREATE INDEX FOR (n:Document) ON (n.id);
CREATE INDEX FOR (n:Goal) ON (n.id);
CREATE INDEX FOR (n:Area) ON (n.id);
CREATE INDEX FOR (n:Task) ON (n.id);
CREATE INDEX FOR (n:Unit) ON (n.id);
CREATE INDEX FOR (n:Leader) ON (n.id);
CREATE INDEX FOR (n:Target) ON (n.id);
CREATE INDEX FOR (n:Goal) ON (n.doc);
CREATE INDEX FOR (n:Area) ON (n.doc);
CREATE INDEX FOR (n:Task) ON (n.doc);
CREATE INDEX FOR (n:Target) ON (n.doc);
CREATE INDEX FOR (n:Target) ON (n.measure);
CREATE INDEX FOR (n:Unit) ON (n.name);
CREATE INDEX FOR (n:Leader) ON (n.name);
