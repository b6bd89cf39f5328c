// Which leaders have the most units under them (units leading or supporting the tasks they oversee)?
// @param region: string = null  District, or null for every region.
// @param year: int = null  Plan year, or null for every year.
MATCH (l:Leader)-[:OVERSEES]->(t:Task)<-[:LEADS|SUPPORTS]-(u:Unit)
WHERE ($region IS NULL OR l.region = $region) AND ($year IS NULL OR t.year = $year)
RETURN l.region AS region, l.name AS leader, count(DISTINCT u) AS units, count(DISTINCT t) AS tasks, count(DISTINCT t.goal) AS goals
ORDER BY units DESC, tasks DESC, region, leader
