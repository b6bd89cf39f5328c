// Which goals involve the most units?
// @param region: string = null  District, or null for every region.
// @param year: int = null  Plan year, or null for every year.
MATCH (d:Document)-[:HAS_GOAL]->(g:Goal)
WHERE ($region IS NULL OR d.region = $region) AND ($year IS NULL OR d.year = $year)
OPTIONAL MATCH (u:Unit)-[:LEADS|SUPPORTS]->(t:Task)
WHERE t.goal = g.id
RETURN d.region AS region, d.year AS year, d.source AS doc, g.ordinal AS ordinal, g.title AS goal,
       count(DISTINCT u) AS units, count(DISTINCT t) AS tasks
ORDER BY units DESC, tasks DESC, doc, ordinal
