// Neo4j schema: one uniqueness constraint per label on id (each also an index),
// and indexes on the properties writes and queries look up by.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT leader_id IF NOT EXISTS FOR (n:Leader) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE;
CREATE INDEX goal_doc IF NOT EXISTS FOR (n:Goal) ON (n.doc);
CREATE INDEX area_doc IF NOT EXISTS FOR (n:Area) ON (n.doc);
CREATE INDEX task_doc IF NOT EXISTS FOR (n:Task) ON (n.doc);
CREATE INDEX target_doc IF NOT EXISTS FOR (n:Target) ON (n.doc);
CREATE INDEX target_measure IF NOT EXISTS FOR (n:Target) ON (n.measure);
CREATE INDEX unit_name IF NOT EXISTS FOR (n:Unit) ON (n.name);
CREATE INDEX leader_name IF NOT EXISTS FOR (n:Leader) ON (n.name);
