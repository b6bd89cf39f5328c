// Which quantitative targets does a unit lead, and is it the first listed lead (牵头) or a co-lead?
// @param unit: string  The unit's canonical name (e.g. 发改局).
// @param region: string = null  Its district, or null to look in every region.
MATCH (u:Unit)-[r:LEADS]->(t:Task)-[:HAS_TARGET]->(x:Target)
WHERE u.name = $unit AND ($region IS NULL OR u.region = $region)
RETURN u.region AS region, t.year AS year, t.number AS task, r.position AS lead_position, x.indicator AS indicator,
       x.direction AS direction, x.value AS value, x.measure AS measure, x.qualifier AS qualifier
ORDER BY region, year, t.doc, t.line, x.position
