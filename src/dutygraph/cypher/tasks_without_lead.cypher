// Which tasks have no lead unit (牵头单位) at all?
// @param region: string = null  District, or null for every region.
// @param year: int = null  Plan year, or null for every year.
MATCH (t:Task)
WHERE NOT ()-[:LEADS]->(t)
  AND ($region IS NULL OR t.region = $region) AND ($year IS NULL OR t.year = $year)
RETURN t.region AS region, t.year AS year, t.doc AS doc, t.number AS task, t.line AS line, t.text AS text
ORDER BY doc, line
