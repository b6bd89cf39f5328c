"""The same Cypher on both stores: analyst queries run on the embedded store and on Neo4j,
loaded with the seeds. Each gives Neo4j's rows on the embedded store, or is refused there
before it runs with a message naming the construct; none is answered wrongly."""

from __future__ import annotations

import math

import pytest

from dutygraph.errors import QueryError
from dutygraph.graph.stores import FalkorStore, Neo4jStore
from dutygraph.graph.stores.subset import check_embedded, embedded_cypher
from tests.conftest import NEO4J_TEST_PASSWORD, seeds_graph

#: Queries both stores answer alike. Rows are compared in order when the query orders them.
SAME = {
    "count_by_label": "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label",
    "units_by_kind": "MATCH (u:Unit) RETURN u.kind AS kind, count(*) AS n ORDER BY n DESC, kind",
    "with_having": "MATCH (u:Unit) WITH u.kind AS k, count(*) AS n WHERE n > 5 RETURN k, n ORDER BY k",
    "skip_limit": "MATCH (u:Unit) RETURN u.name AS name ORDER BY name SKIP 3 LIMIT 5",
    "top_leads": "MATCH (u:Unit)-[:LEADS]->(t:Task) RETURN u.name AS unit, count(t) AS n ORDER BY n DESC, unit LIMIT 10",
    "sum_of_integers": "MATCH (u:Unit)-[:LEADS]->(t:Task) RETURN u.region AS region, sum(t.line) AS s ORDER BY region",
    "sum_distinct": "UNWIND [1, 2, 2, 3] AS x RETURN sum(DISTINCT x) AS s, sum(x) AS t",
    "sum_of_floats": "UNWIND [1.5, 2] AS x RETURN sum(x) AS s",
    "sum_of_nothing": "MATCH (u:Unit {name: '没有这个单位'}) RETURN sum(u.line) AS s",
    "avg_min_max": "MATCH (t:Task) RETURN avg(t.line) AS a, min(t.line) AS lo, max(t.line) AS hi",
    "round_halves": "RETURN round(2.5) AS a, round(-2.5) AS b, round(-0.5) AS c, round(3) AS d",
    "to_integer": "RETURN toInteger('3.7') AS a, toInteger(2.9) AS b, toInteger(-2.9) AS c, toInteger('-3.7') AS d",
    "trim_ideographic_space": "RETURN trim('　钟楼区　') AS a, ltrim('　x') AS b, rtrim('x\t') AS c, trim(' a　b ') AS d",
    "substring_chinese": "RETURN substring('钟楼区发改局', 3) AS a, substring('钟楼区发改局', 1, 2) AS b, left('钟楼区', 2) AS c, right('钟楼区', 2) AS d",
    "size_chinese": "MATCH (u:Unit) RETURN u.name AS n, size(u.name) AS s ORDER BY s DESC, n LIMIT 5",
    "replace_split": "RETURN replace('钟楼区发改局', '发改局', '财政局') AS a, split('发改局、财政局、统计局', '、') AS b",
    "to_upper_ascii": "RETURN toUpper('abc钟楼') AS a, toLower('ABC') AS b, reverse('钟楼区') AS c",
    "starts_with": "MATCH (u:Unit) WHERE u.name STARTS WITH '区' RETURN u.name AS n ORDER BY n",
    "contains": "MATCH (t:Task) WHERE t.text CONTAINS '就业' RETURN t.id AS id ORDER BY id",
    "ends_with": "MATCH (u:Unit) WHERE u.name ENDS WITH '局' RETURN count(u) AS n",
    "in_list": "MATCH (u:Unit) WHERE u.name IN ['发改局', '财政局'] RETURN u.region AS r, u.name AS n ORDER BY r, n",
    "list_functions": "RETURN [1,2,3][-1] AS a, [1,2,3][1..] AS b, range(1, 5, 2) AS c, head([]) AS d, last([1,2]) AS e, tail([1,2,3]) AS f",
    "list_comprehension": "RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * 10] AS a, any(x IN [1, 2] WHERE x > 1) AS b",
    "reduce": "RETURN reduce(s = 0, v IN [1, 2, 3] | s + v) AS s",
    "optional_match": "MATCH (g:Goal) OPTIONAL MATCH (g)-[:HAS_AREA]->(a) RETURN g.id AS g, count(a) AS n ORDER BY g",
    "tasks_without_lead": "MATCH (t:Task) WHERE NOT ()-[:LEADS]->(t) RETURN t.id AS id ORDER BY id",
    "unwind": "UNWIND ['钟楼区', '鼓楼区', '天宁区'] AS r OPTIONAL MATCH (u:Unit {region: r}) RETURN r, count(u) AS n ORDER BY r",
    "with_pipeline": "MATCH (u:Unit)-[:LEADS]->(t) WITH u, count(t) AS led WHERE led > 3 WITH u.region AS r, count(*) AS busy RETURN r, busy ORDER BY r",
    "collect_distinct": "MATCH (u:Unit)-[:LEADS]->(t:Task) WITH t.doc AS doc, collect(DISTINCT u.kind) AS kinds RETURN doc, size(kinds) AS n ORDER BY doc",
    "count_distinct": "MATCH (u:Unit) RETURN count(DISTINCT u.kind) AS k, count(*) AS n",
    "path_functions": "MATCH p = (u:Unit)-[:LEADS]->(t:Task)<-[:HAS_TASK]-(a) WITH p, u, t ORDER BY u.id, t.id LIMIT 3 RETURN length(p) AS l, [n IN nodes(p) | labels(n)[0]] AS n, [r IN relationships(p) | type(r)] AS r",
    "variable_length": "MATCH (d:Document)-[*1..2]->(x) RETURN count(x) AS n",
    "shortest_in_return": "MATCH (u:Unit)-[:LEADS]->(t:Task) WITH u, t ORDER BY u.id, t.id LIMIT 3 RETURN length(shortestPath((u)-[*]->(t))) AS l",
    "all_shortest_after_match": "MATCH (a:Unit {name: '发改局'})-[:LEADS]->(t:Task) MATCH p = allShortestPaths((a)-[*]->(t)) RETURN count(p) AS n",
    "pattern_comprehension": "MATCH (u:Unit) WHERE (u)-[:LEADS]->() WITH u ORDER BY u.id LIMIT 5 RETURN u.name AS n, size([(u)-[:LEADS]->(t) | t.id]) AS led",
    "two_comprehensions_own_names": "MATCH (t:Task) WITH t ORDER BY t.id LIMIT 5 RETURN t.id AS id, size([(t)<-[:LEADS]-(a) | a.name]) AS l, size([(t)<-[:SUPPORTS]-(b) | b.name]) AS s",
    "case": "MATCH (u:Unit) RETURN CASE WHEN u.kind = 'department' THEN '部门' ELSE '其他' END AS k, count(*) AS n ORDER BY k",
    "coalesce_null_order": "UNWIND [3, null, 1] AS x RETURN coalesce(x, 0) AS c, x ORDER BY x",
    "union": "MATCH (u:Unit {name: '发改局'}) RETURN u.region AS r UNION MATCH (l:Leader) RETURN l.region AS r",
    "map_projection": "MATCH (u:Unit) WITH u ORDER BY u.id LIMIT 3 RETURN u {.name, .kind} AS m",
    "order_by_in_with": "MATCH (d:Document) WITH d ORDER BY d.id RETURN d.source AS doc, d.year AS year",
    "string_escapes": "RETURN 'a\\\\b' AS a, 'it\\'s' AS b, 'tab\\there' AS c",
    "chinese_column": "MATCH (d:Document) RETURN count(d) AS `文件 数`",
    "comment_and_string_not_refused": "MATCH (u:Unit) // EXISTS { … } and =~ in a comment\nWHERE u.name <> 'EXISTS { =~ }' RETURN count(u) AS n",
    "date": "RETURN date('2024-01-15').year AS y",
    "division": "RETURN 7 / 2 AS a, -7 / 2 AS b, 7 % 3 AS c, 7.0 / 2 AS d",
}

#: Queries Neo4j answers and the embedded store refuses: the construct named in its message.
REFUSED = {
    "exists_subquery": ("MATCH (u:Unit) WHERE EXISTS { MATCH (u)-[:LEADS]->() } RETURN count(u)", "EXISTS {…}"),
    "count_subquery": ("MATCH (u:Unit) RETURN u.name, COUNT { (u)-[:LEADS]->() } AS n", "COUNT {…}"),
    "collect_subquery": ("MATCH (u:Unit) RETURN COLLECT { MATCH (u)-->(t) RETURN t.id } AS c", "COLLECT {…}"),
    "call_with_scope": ("MATCH (u:Unit) CALL (u) { RETURN 1 AS one } RETURN count(one)", "CALL (…) {…}"),
    "shortest_in_match": (
        "MATCH (a:Unit {name: '发改局'}), (b:Unit {name: '财政局'}) MATCH p = shortestPath((a)-[*]->(b)) RETURN p",
        "shortestPath in MATCH",
    ),
    "undirected_shortest": (
        "MATCH (a:Unit)-[:LEADS]->(t) WITH a, t LIMIT 1 RETURN length(shortestPath((a)-[*]-(t))) AS l",
        "undirected shortestPath",
    ),
    "regex": ("MATCH (u:Unit) WHERE u.name =~ '发.*' RETURN count(u)", "=~"),
    "datetime": ("RETURN datetime() IS NOT NULL AS d", "datetime()"),
    "round_precision": ("RETURN round(3.14159, 2) AS r", "round(x, precision)"),
    "element_id": ("MATCH (u:Unit) RETURN elementId(u) LIMIT 1", "elementId()"),
    "quantified_path": ("MATCH (d:Document)((a)-[:HAS_GOAL]->(b)){1,2}(x) RETURN count(*)", "quantified path"),
    "quantified_relationship": ("MATCH (d:Document)-[:HAS_GOAL]-+(x) RETURN count(*)", "quantified path"),
    "comprehensions_sharing_a_variable": (
        "MATCH (t:Task) RETURN [(t)<-[:LEADS]-(u) | u.name] AS a, [(t)<-[:SUPPORTS]-(u) | u.name] AS b",
        "two pattern comprehensions",
    ),
    "unicode_escape": ("RETURN trim('\\u2003x') AS t", "\\u escape"),
    "duration": ("RETURN duration('P1D').days AS d", "duration()"),
    "null_if": ("RETURN nullIf(1, 1) AS a", "nullIf()"),
}


@pytest.fixture(scope="module")
def stores(neo4j_uri, tmp_path_factory):
    embedded = FalkorStore(tmp_path_factory.mktemp("subset") / "db")
    neo4j = Neo4jStore(neo4j_uri, user="neo4j", password=NEO4J_TEST_PASSWORD)
    neo4j.clear()
    for store in (embedded, neo4j):
        store.write(seeds_graph())
    yield embedded, neo4j
    embedded.close()
    neo4j.close()


def _same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        # FalkorDB sends floats with 15 significant digits.
        return type(a) is type(b) and math.isclose(a, b, rel_tol=1e-12)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def test_the_suite_has_at_least_40_queries():
    assert len(SAME) + len(REFUSED) >= 40


@pytest.mark.parametrize("name", sorted(SAME))
def test_the_embedded_store_gives_neo4js_rows(stores, name):
    embedded, neo4j = stores
    cypher = SAME[name]
    expected = neo4j.query(cypher)
    got = embedded.query(cypher)
    assert got.columns == expected.columns
    rows, want = got.rows, expected.rows
    if "ORDER BY" not in cypher.rsplit("RETURN", 1)[-1]:
        rows, want = sorted(rows, key=repr), sorted(want, key=repr)
    assert _same(rows, want), f"{name}: embedded {rows[:5]} != neo4j {want[:5]}"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_the_embedded_store_refuses_what_it_would_answer_wrongly_or_cannot_run(stores, name):
    embedded, neo4j = stores
    cypher, construct = REFUSED[name]
    neo4j.query(cypher)  # valid Neo4j 5 Cypher
    with pytest.raises(QueryError, match="not supported by the embedded store") as refused:
        embedded.query(cypher)
    message = str(refused.value)
    assert construct.lower() in message.lower() and "\n" not in message
    assert "; " in message  # and what to write instead


def test_strings_and_comments_never_trigger_a_refusal():
    check_embedded("RETURN 'EXISTS { x } =~ elementId(n) CALL (u) {' AS s /* COUNT { } */ // shortestPath((a)-[*]-(b))")


def test_rewrites_keep_function_calls_inside_strings_as_they_are():
    assert embedded_cypher("RETURN 'sum(x)' AS s, sum(1) AS n").startswith("RETURN 'sum(x)' AS s, (CASE WHEN")
