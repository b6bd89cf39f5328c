// Which documents are stored, and how many tasks, goals and responsibilities does each hold?
MATCH (d:Document)
OPTIONAL MATCH (d)-[:HAS_GOAL]->(g:Goal)
WITH d, count(g) AS goals
OPTIONAL MATCH (t:Task)
WHERE t.doc = d.id
RETURN d.source AS doc, d.region AS region, d.year AS year, d.layout AS layout, coalesce(d.flags, []) AS flags, goals, count(t) AS tasks
ORDER BY doc
