// Which units support (配合) the most tasks? Guesses filled into a deduplicated text are counted apart.
// @param region: string = null  District, or null for every region.
// @param year: int = null  Plan year, or null for every year.
// @param limit: int = 20  How many rows.
MATCH (u:Unit)-[r:SUPPORTS]->(t:Task)
WHERE ($region IS NULL OR u.region = $region) AND ($year IS NULL OR t.year = $year)
RETURN u.region AS region, u.name AS unit, u.kind AS kind,
       count(CASE WHEN r.basis <> 'inferred' THEN 1 END) AS supported,
       count(CASE WHEN r.basis = 'inferred' THEN 1 END) AS supported_inferred
ORDER BY supported DESC, supported_inferred DESC, region, unit
LIMIT $limit
