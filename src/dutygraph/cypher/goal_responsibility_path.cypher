// The path of responsibility from a goal to its units: goal → area → task → who leads, supports, oversees.
// @param goal: string  Part of the goal's title (e.g. 产业), or its id.
// @param doc: string = null  The document's file name, or null for every document.
MATCH (d:Document)-[:HAS_GOAL]->(g:Goal)
WHERE (g.id = $goal OR g.title CONTAINS $goal) AND ($doc IS NULL OR d.source = $doc)
WITH d, g
MATCH (t:Task {doc: d.id})
WHERE t.goal = g.id
MATCH (x)-[r:LEADS|SUPPORTS|OVERSEES]->(t)
OPTIONAL MATCH (a:Area)-[:HAS_TASK]->(t)
RETURN d.source AS doc, g.title AS goal, a.title AS area, t.number AS task, t.line AS line,
       type(r) AS role, x.name AS who, r.basis AS basis
ORDER BY doc, line, role, who
