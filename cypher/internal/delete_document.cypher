// Remove one document with its goals, areas, tasks and their relationships, then
// the units and leaders left with no relationship. Parameter: $id (Document id).
OPTIONAL MATCH (t:Task {doc: $id})
DETACH DELETE t
WITH count(*) AS _
OPTIONAL MATCH (a:Area {doc: $id})
DETACH DELETE a
WITH count(*) AS _
OPTIONAL MATCH (g:Goal {doc: $id})
DETACH DELETE g
WITH count(*) AS _
OPTIONAL MATCH (d:Document {id: $id})
DETACH DELETE d
WITH count(*) AS _
OPTIONAL MATCH (u:Unit)
WHERE NOT (u)--()
DELETE u
WITH count(*) AS _
OPTIONAL MATCH (l:Leader)
WHERE NOT (l)--()
DELETE l
RETURN count(*) AS done
