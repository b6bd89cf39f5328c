// Which units are involved in the most different goals (目标), as lead or support?
// @param region: string = null  District, or null for every region.
// @param year: int = null  Plan year, or null for every year.
// @param limit: int = 20  How many rows.
MATCH (u:Unit)-[:LEADS|SUPPORTS]->(t:Task)
WHERE ($region IS NULL OR u.region = $region) AND ($year IS NULL OR t.year = $year)
RETURN u.region AS region, u.name AS unit, u.kind AS kind, count(DISTINCT t.goal) AS goals, count(DISTINCT t) AS tasks
ORDER BY goals DESC, tasks DESC, region, unit
LIMIT $limit
