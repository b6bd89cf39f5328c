// Which units answer for the most tasks as the first listed lead (牵头), and how often are they a co-lead listed later?
// @param region: string = null  District (钟楼区), or null for every region.
// @param year: int = null  Plan year, or null for every year.
// @param limit: int = 20  How many rows.
MATCH (u:Unit)-[r:LEADS]->(t:Task)
WHERE ($region IS NULL OR u.region = $region) AND ($year IS NULL OR t.year = $year)
WITH u, count(CASE WHEN r.position = 1 THEN 1 END) AS first_listed, count(CASE WHEN r.position > 1 THEN 1 END) AS co_lead
WHERE first_listed > 0
RETURN u.region AS region, u.name AS unit, u.kind AS kind, first_listed, co_lead
ORDER BY first_listed DESC, co_lead DESC, region, unit
LIMIT $limit
