// Which units carry the most weighted load (lead counts 2, support 1), counting printed and merged cells only?
// @param region: string = null  District, or null for every region.
// @param year: int = null  Plan year, or null for every year.
// @param limit: int = 20  How many rows.
MATCH (u:Unit)-[r:LEADS|SUPPORTS]->(t:Task)
WHERE r.basis <> 'inferred' AND ($region IS NULL OR u.region = $region) AND ($year IS NULL OR t.year = $year)
WITH u, count(CASE WHEN type(r) = 'LEADS' THEN 1 END) AS led, count(CASE WHEN type(r) = 'SUPPORTS' THEN 1 END) AS supported
RETURN u.region AS region, u.name AS unit, u.kind AS kind, led, supported, 2 * led + supported AS load
ORDER BY load DESC, led DESC, region, unit
LIMIT $limit
