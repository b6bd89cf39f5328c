// Which units does a given unit work with most (tasks they share, as lead or support)?
// @param unit: string  The unit's canonical name (e.g. 发改局).
// @param region: string = null  Its district, or null to look in every region.
// @param limit: int = 20  How many rows.
MATCH (u:Unit)-[:LEADS|SUPPORTS]->(t:Task)<-[:LEADS|SUPPORTS]-(p:Unit)
WHERE u.name = $unit AND ($region IS NULL OR u.region = $region) AND p.id <> u.id
RETURN u.region AS region, p.name AS partner, p.kind AS kind, count(DISTINCT t) AS shared_tasks
ORDER BY shared_tasks DESC, partner, region
LIMIT $limit
