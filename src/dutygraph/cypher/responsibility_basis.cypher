// How much of each document's responsibility was printed, continued from a merged cell, or inferred (a guess)?
MATCH (x)-[r:LEADS|SUPPORTS|OVERSEES]->(t:Task)
RETURN r.doc AS doc, type(r) AS relationship, r.basis AS basis, count(*) AS n
ORDER BY doc, relationship, basis
