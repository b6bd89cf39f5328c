// Every node with its labels and properties (reading the store back as networkx).
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
