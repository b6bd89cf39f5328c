// How many tasks of each document print no deadline (完成时限), and how many print one that names no date?
// @param region: string = null  District, or null for every region.
MATCH (t:Task)
WHERE $region IS NULL OR t.region = $region
RETURN t.region AS region, t.year AS year, t.doc AS doc, count(t) AS tasks,
       count(CASE WHEN t.deadline IS NULL THEN 1 END) AS without_deadline,
       count(CASE WHEN t.deadline IS NOT NULL AND t.deadline_date IS NULL THEN 1 END) AS undated_deadline
ORDER BY without_deadline DESC, doc
