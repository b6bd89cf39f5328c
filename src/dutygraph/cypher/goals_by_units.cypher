// Which goals involve the most units?
// @param region: string = null  District, or null for every region.
// @param year: int = null  Plan year, or null for every year.
MATCH (d:Document)-[:HAS_GOAL]->(g:Goal)
WHERE ($region IS NULL OR d.region = $region) AND ($year IS NULL OR d.year = $year)
// The goal's tasks through the index on Task(doc), then their units: starting from the units
// instead made both stores pair every goal with every unit's tasks (98 s and 24 s at province size).
OPTIONAL MATCH (t:Task)
WHERE t.doc = d.id AND t.goal = g.id
OPTIONAL MATCH (u:Unit)-[:LEADS|SUPPORTS]->(t)
// A task counts when a unit leads or supports it.
RETURN d.region AS region, d.year AS year, d.source AS doc, g.ordinal AS ordinal, g.title AS goal,
       count(DISTINCT u) AS units, count(DISTINCT CASE WHEN u IS NOT NULL THEN t.id END) AS tasks
ORDER BY units DESC, tasks DESC, doc, ordinal
