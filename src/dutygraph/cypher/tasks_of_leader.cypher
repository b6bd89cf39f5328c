// Which tasks does a leader (分管领导) oversee, and who leads each (in printed order)?
// @param leader: string  The leader's name (e.g. 王旭锋).
// @param region: string = null  District, or null for every region.
MATCH (l:Leader)-[o:OVERSEES]->(t:Task)
WHERE l.name = $leader AND ($region IS NULL OR l.region = $region)
OPTIONAL MATCH (u:Unit)-[r:LEADS]->(t)
// The leads in printed order, the first listed (牵头) first: the same list on both stores.
WITH l, o, t, u, r
ORDER BY r.position
WITH l, o, t, collect(u.name) AS lead
RETURN l.region AS region, t.year AS year, t.doc AS doc, t.number AS task, t.line AS line, o.basis AS basis, lead, t.text AS text
ORDER BY year, doc, line
