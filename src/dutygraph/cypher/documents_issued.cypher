// Which documents are stored, with their 文号 (document number), date of issue, issuer and title?
// @param region: string = null  District, or null for every region.
MATCH (d:Document)
WHERE $region IS NULL OR d.region = $region
RETURN d.source AS doc, d.region AS region, d.year AS year, d.number AS number, d.date AS date, d.issuer AS issuer,
       d.title AS title
ORDER BY doc
