// Every quantitative target in a unit of measure (亿元, 万人, %), with the unit that answers for its task (first listed
// lead) and whether that lead was printed, merged or inferred.
// @param measure: string = "亿元"  The unit of measure as printed (亿元, 万元, 万人, 个, %).
// @param region: string = null  District, or null for every region.
MATCH (t:Task)-[:HAS_TARGET]->(x:Target)
WHERE x.measure = $measure AND ($region IS NULL OR t.region = $region)
OPTIONAL MATCH (u:Unit)-[r:LEADS {position: 1}]->(t)
RETURN t.region AS region, t.year AS year, t.number AS task, x.indicator AS indicator, x.direction AS direction,
       x.value AS value, x.measure AS measure, x.qualifier AS qualifier, u.name AS lead, r.basis AS basis
ORDER BY region, year, t.doc, t.line, x.position
