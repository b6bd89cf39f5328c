"""The Cypher the embedded store answers as Neo4j does.

FalkorDB reads most of Neo4j 5's Cypher, but answers some queries wrongly
without an error and cannot run others. :func:`embedded_cypher` refuses those
before they run, with the construct and what to write instead, and rewrites the
few it can make right (``sum()`` of integers, ``round(x)``, ``trim()``,
``toInteger()`` of negative numbers). The query is tokenized first, so string
literals and comments never trigger a refusal.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from dutygraph.errors import QueryError

_TOKEN = re.compile(
    r"""(?P<space>\s+)|(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    r"""|(?P<name>`[^`]*`|[^\W\d]\w*)|(?P<number>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<param>\$\w+)"""
    r"""|(?P<op>=~|<>|<=|>=|->|<-|\.\.|\S)""",
    re.S,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a query: its kind, text and where it starts."""

    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def word(self) -> str:
        """The text lower-cased, for keywords and function names (case-insensitive in Cypher)."""
        return self.text.lower() if self.kind == "name" else self.text


def tokens(cypher: str) -> list[Token]:
    """The query's tokens without spaces and comments.

    Example:
        >>> [t.text for t in tokens("RETURN 'a =~ b' // =~")]
        ['RETURN', "'a =~ b'"]
    """
    out = []
    for m in _TOKEN.finditer(cypher):
        kind = m.lastgroup or "op"
        if kind not in ("space", "comment"):
            out.append(Token(kind, m.group(0), m.start()))
    return out


class _Unbalanced(Exception):
    """The query's brackets do not pair up: a syntax error the store reports in its own words."""


def _refuse(construct: str, instead: str) -> QueryError:
    return QueryError(f"{construct} is not supported by the embedded store; {instead}")


#: Functions Neo4j has and the embedded store lacks or answers differently: what to use instead.
UNSUPPORTED_FUNCTIONS = {
    "elementid": "use the id property (every node has a unique n.id)",
    "datetime": "store dates as text or numbers and compare those",
    "localdatetime": "store dates as text or numbers and compare those",
    "time": "store times as text or numbers and compare those",
    "localtime": "store times as text or numbers and compare those",
    "duration": "compute differences of numbers instead",
    "nullif": "use CASE WHEN a = b THEN null ELSE a END",
    "btrim": "use trim(x)",
    "char_length": "use size(x)",
    "character_length": "use size(x)",
    "normalize": "compare the text as it is stored",
    "valuetype": "test the value itself (x IS NULL, x = toInteger(x))",
    "exists": "use x.property IS NOT NULL (Neo4j 5 has no exists() function either)",
}

#: Subquery expressions: what to write instead.
_SUBQUERIES = {
    "exists": ("EXISTS {…}", "use a pattern predicate WHERE (a)-[:R]->() or OPTIONAL MATCH … WITH count(…) > 0"),
    "count": ("COUNT {…}", "use OPTIONAL MATCH … WITH a, count(…) AS n"),
    "collect": ("COLLECT {…}", "use OPTIONAL MATCH … WITH a, collect(…) AS xs"),
}

_CLAUSES = frozenset({"match", "with", "return", "where", "unwind", "order", "call", "union", "skip", "limit"})


def _closing(toks: list[Token], i: int) -> int:
    """The index of the bracket closing the one at ``i``."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    depth = 0
    for j in range(i, len(toks)):
        if toks[j].text in pairs:
            depth += 1
        elif toks[j].text in pairs.values():
            depth -= 1
            if depth == 0:
                return j
    raise _Unbalanced


def _clause_of(toks: list[Token], i: int) -> str:
    """The clause keyword (match, with, return …) the token at ``i`` belongs to, at bracket depth 0."""
    depth = 0
    for j in range(i - 1, -1, -1):
        t = toks[j].text
        if t in ")]}":
            depth += 1
        elif t in "([{":
            depth -= 1
        elif depth <= 0 and toks[j].word() in _CLAUSES:
            return toks[j].word()
    return ""


def check_embedded(cypher: str) -> None:
    """Refuse a query the embedded store would answer wrongly or cannot run.

    Raises:
        QueryError: naming the construct and what to write instead.

    Example:
        >>> check_embedded("MATCH (u:Unit) WHERE u.name STARTS WITH '发' RETURN u.name")
        >>> check_embedded("MATCH (u:Unit) WHERE u.name =~ '发.*' RETURN u.name")
        Traceback (most recent call last):
        dutygraph.errors.QueryError: =~ is not supported by the embedded store; use STARTS WITH, ENDS WITH or CONTAINS
    """
    with contextlib.suppress(_Unbalanced):  # a syntax error: the store reports it
        _check_tokens(tokens(cypher))


def _check_tokens(toks: list[Token]) -> None:
    for i, tok in enumerate(toks):
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        word = tok.word()
        if tok.text == "=~":
            raise _refuse("=~", "use STARTS WITH, ENDS WITH or CONTAINS")
        if tok.kind == "string" and re.search(r"(?<!\\)(?:\\\\)*\\u", tok.text):
            raise _refuse("a \\u escape in a string", "type the character itself or pass it as a parameter")
        if tok.kind != "name":
            if tok.text in (")", "]") and nxt in ("{", "+", "*") and _clause_of(toks, i) == "match":
                _check_quantifier(toks, i)
            continue
        prev = toks[i - 1].text if i else ""
        if word in _SUBQUERIES and nxt == "{":
            raise _refuse(*_SUBQUERIES[word])
        if word == "call" and nxt == "(":
            raise _refuse("CALL (…) {…}", "use WITH … and aggregation, or OPTIONAL MATCH")
        if nxt != "(" or prev in (".", ":"):
            continue
        if word in UNSUPPORTED_FUNCTIONS:
            raise _refuse(f"{tok.text}()", UNSUPPORTED_FUNCTIONS[word])
        if word in ("shortestpath", "allshortestpaths"):
            _check_shortest(toks, i)
        if word == "round" and _arguments(toks, i + 1) > 1:
            raise _refuse("round(x, precision)", "use round(x * 100) / 100.0")
        if word in ("trim", "ltrim", "rtrim") and any(t.word() == "from" for t in toks[i + 1 : _closing(toks, i + 1)]):
            raise _refuse(f"{tok.text}(… FROM …)", "use trim(x), or replace(x, 'c', '')")
    _check_comprehensions(toks)


def _check_quantifier(toks: list[Token], i: int) -> None:
    after = toks[i + 2].text if i + 2 < len(toks) else ""
    if toks[i + 1].text == "{" and not (after.isdigit() or after == ","):
        return  # a property map, not a quantifier
    raise _refuse("a quantified path pattern", "use a variable-length relationship -[:R*1..3]->")


def _check_quantified_relationship(toks: list[Token]) -> None:
    """``-[:R]-+`` and ``-[:R]->{1,3}``: quantifiers after a relationship pattern."""
    for i in range(len(toks) - 2):
        if toks[i].text != "]" or toks[i + 1].text not in ("-", "->") or toks[i + 2].text not in ("+", "*", "{"):
            continue
        after = toks[i + 3].text if i + 3 < len(toks) else ""
        if (toks[i + 2].text != "{" or after.isdigit() or after == ",") and _clause_of(toks, i) == "match":
            raise _refuse("a quantified path pattern", "use a variable-length relationship -[:R*1..3]->")


def _check_shortest(toks: list[Token], i: int) -> None:
    name = toks[i].text
    if name.lower() == "shortestpath" and _clause_of(toks, i) == "match":
        raise _refuse(
            f"{name} in MATCH", "bind both ends, then WITH a, b RETURN shortestPath((a)-[*]->(b)) (in WITH or RETURN)"
        )
    inner = toks[i + 1 : _closing(toks, i + 1)]
    texts = [t.text for t in inner]
    if "<-" not in texts and "->" not in texts:
        raise _refuse(f"an undirected {name}", "give the relationship a direction: (a)-[*]->(b)")


def _arguments(toks: list[Token], open_index: int) -> int:
    """How many arguments the call whose ``(`` is at ``open_index`` has."""
    end = _closing(toks, open_index)
    if end == open_index + 1:
        return 0
    depth, count = 0, 1
    for t in toks[open_index + 1 : end]:
        if t.text in "([{":
            depth += 1
        elif t.text in ")]}":
            depth -= 1
        elif t.text == "," and depth == 0:
            count += 1
    return count


def _check_comprehensions(toks: list[Token]) -> None:
    """Two pattern comprehensions introducing the same variable: the embedded store gives [] for the second."""
    _check_quantified_relationship(toks)
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(toks):
        if tok.text == "[" and i + 1 < len(toks) and toks[i + 1].text == "(":
            end = _closing(toks, i)
            if any(t.text == "|" for t in toks[i:end]) and any(t.text in ("-", "->", "<-") for t in toks[i:end]):
                spans.append((i, end))
    if len(spans) < 2:
        return
    inside = {j for a, b in spans for j in range(a, b + 1)}
    outside = {t.text for j, t in enumerate(toks) if j not in inside and t.kind == "name"}
    seen: dict[str, int] = {}
    for n, (a, b) in enumerate(spans):
        introduced = {
            toks[j + 1].text
            for j in range(a, b)
            if toks[j].text in ("(", "[") and toks[j + 1].kind == "name" and toks[j + 1].text not in outside
        }
        for name in introduced:
            if seen.get(name, n) != n:
                raise _refuse(
                    f"a variable ({name}) introduced by two pattern comprehensions",
                    f"give each comprehension its own names ({name}1, {name}2): the second would give []",
                )
            seen[name] = n


# -- what is rewritten so that the embedded store answers as Neo4j does -------------------------

#: What Neo4j's trim() removes (Java whitespace: 　 U+3000, tabs, line ends, U+2000-U+200A but no
#: no-break space); FalkorDB's removes spaces only. FalkorDB does not read \\u escapes: the characters are literal.
_WHITESPACE = (
    "\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
    "\u2028\u2029\u205f\u3000"
)
_TRIM = {
    "trim": f"^[{_WHITESPACE}]+|[{_WHITESPACE}]+$",
    "ltrim": f"^[{_WHITESPACE}]+",
    "rtrim": f"[{_WHITESPACE}]+$",
}


def _rewrite_call(name: str, args: str) -> str | None:
    """The embedded store's spelling of ``name(args)``, or None to keep it."""
    if name == "sum":
        distinct = re.match(r"\s*DISTINCT\b", args, re.I)
        d = "DISTINCT " if distinct else ""
        e = args[distinct.end() :] if distinct else args
        # FalkorDB sums into a float: back to an integer when every value summed is one, as in Neo4j.
        return (
            f"(CASE WHEN count({d}{e}) = count({d}CASE WHEN typeOf({e}) = 'Integer' THEN {e} END) "
            f"THEN toInteger(sum({d}{e})) ELSE sum({d}{e}) END)"
        )
    if name == "round" and "," not in args:
        return f"floor(toFloat({args}) + 0.5)"  # Neo4j rounds halves up (-2.5 to -2.0), FalkorDB away from zero
    if name in _TRIM:
        return f"string.replaceRegEx({args}, '{_TRIM[name]}', '')"
    if name == "tointeger":
        # FalkorDB floors (-2.9 to -3); Neo4j truncates towards zero.
        return f"(CASE WHEN toFloat({args}) < 0 THEN -toInteger(-toFloat({args})) ELSE toInteger({args}) END)"
    return None


def _rewrite(cypher: str) -> str:
    toks = tokens(cypher)
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(toks):
        tok = toks[i]
        prev = toks[i - 1].text if i else ""
        if tok.kind == "name" and i + 1 < len(toks) and toks[i + 1].text == "(" and prev not in (".", ":"):
            end = _closing(toks, i + 1)
            args = _rewrite(cypher[toks[i + 1].end : toks[end].start])
            new = _rewrite_call(tok.word(), args)
            if new is not None:
                out.append(cypher[pos : tok.start] + new)
                pos = toks[end].end
                i = end + 1
                continue
        i += 1
    return "".join(out) + cypher[pos:]


def embedded_cypher(cypher: str) -> str:
    """The query as the embedded store must run it to answer as Neo4j does.

    Raises:
        QueryError: a construct the embedded store would answer wrongly or cannot run (see :func:`check_embedded`).

    Example:
        >>> embedded_cypher("RETURN round(2.5) AS r")
        'RETURN floor(toFloat(2.5) + 0.5) AS r'
    """
    try:
        check_embedded(cypher)
        return _rewrite(cypher)
    except _Unbalanced:
        return cypher
