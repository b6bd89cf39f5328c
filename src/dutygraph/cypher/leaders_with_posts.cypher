// Which leaders (分管领导) oversee how many tasks, with their post (区长, 副区长) where a document prints it?
// @param region: string = null  District, or null for every region.
// @param limit: int = 50  How many rows.
MATCH (l:Leader)-[o:OVERSEES]->(t:Task)
WHERE $region IS NULL OR l.region = $region
RETURN l.region AS region, l.name AS leader, l.post AS post, count(t) AS tasks,
       count(CASE WHEN o.position = 1 THEN 1 END) AS listed_first
ORDER BY tasks DESC, region, leader
LIMIT $limit
