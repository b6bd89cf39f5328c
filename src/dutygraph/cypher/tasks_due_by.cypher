// Which tasks are due (完成时限) by the end of a month, and which unit answers for each (the first listed 牵头 unit)?
// @param month: string  The last month counted, as YYYY-MM (e.g. 2024-06).
// @param region: string = null  District, or null for every region.
MATCH (t:Task)
WHERE t.deadline_month IS NOT NULL AND t.deadline_month <= $month AND ($region IS NULL OR t.region = $region)
OPTIONAL MATCH (u:Unit)-[r:LEADS {position: 1}]->(t)
RETURN t.region AS region, t.year AS year, t.doc AS doc, t.number AS task, t.deadline AS deadline,
       t.deadline_date AS due, u.name AS lead, r.basis AS basis, t.text AS text
ORDER BY due, region, doc, t.line
