// Which tasks are led only by collective units (各街道, 区相关部门 …), so no single office answers for them?
// @param region: string = null  District, or null for every region.
MATCH (u:Unit)-[r:LEADS]->(t:Task)
WHERE $region IS NULL OR t.region = $region
// The leads in printed order: the same list on both stores.
WITH t, u, r
ORDER BY r.position
WITH t, collect(u.kind) AS kinds, collect(u.name) AS leads
WHERE all(k IN kinds WHERE k = 'collective')
RETURN t.region AS region, t.doc AS doc, t.number AS task, t.line AS line, leads, t.text AS text
ORDER BY doc, line
