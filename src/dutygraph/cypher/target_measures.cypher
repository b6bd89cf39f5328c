// Which units of measure do the plans' targets use, and how many targets and tasks use each?
// @param region: string = null  District, or null for every region.
// @param year: int = null  Plan year, or null for every year.
MATCH (t:Task)-[:HAS_TARGET]->(x:Target)
WHERE ($region IS NULL OR t.region = $region) AND ($year IS NULL OR t.year = $year)
RETURN x.measure AS measure, count(x) AS targets, count(DISTINCT t) AS tasks
ORDER BY targets DESC, measure
