// Every relationship with its ends, type and properties (reading the store back as networkx).
MATCH (a)-[r]->(b)
RETURN a.id AS src, type(r) AS type, b.id AS dst, properties(r) AS props
