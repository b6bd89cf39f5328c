"""The saved Cypher queries, shipped with the package (one .cypher file per query)."""
