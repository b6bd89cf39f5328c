// How did each unit's load change from one year to another in a region (钟楼区 2021 vs 2024)? Printed and merged cells only, unless include_inferred.
// @param region: string = 钟楼区  District.
// @param year_a: int = 2021  The earlier year.
// @param year_b: int = 2024  The later year.
// @param unit: string = null  One unit's canonical name, or null for every unit.
// @param include_inferred: bool = false  Also count guesses filled into a deduplicated text.
MATCH (u:Unit)-[r:LEADS|SUPPORTS]->(t:Task)
WHERE u.region = $region AND t.year IN [$year_a, $year_b] AND ($unit IS NULL OR u.name = $unit)
  AND ($include_inferred OR r.basis <> 'inferred')
WITH u,
     count(CASE WHEN type(r) = 'LEADS' AND t.year = $year_a THEN 1 END) AS led_a,
     count(CASE WHEN type(r) = 'LEADS' AND t.year = $year_b THEN 1 END) AS led_b,
     count(CASE WHEN type(r) = 'SUPPORTS' AND t.year = $year_a THEN 1 END) AS supported_a,
     count(CASE WHEN type(r) = 'SUPPORTS' AND t.year = $year_b THEN 1 END) AS supported_b
RETURN u.name AS unit, u.kind AS kind, led_a, led_b, supported_a, supported_b,
       (led_b + supported_b) - (led_a + supported_a) AS change
ORDER BY change DESC, unit
