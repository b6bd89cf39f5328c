"""What ``dutygraph query`` lets through: reads of the graph and its schema, nothing that
writes, reads files or URLs, or runs a procedure that is not a read.
"""

from __future__ import annotations

import re

from dutygraph.errors import QueryError

_WRITE_CLAUSE = re.compile(r"\b(?:CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH|CALL\s*\{)", re.I)


#: Procedures that only read the graph or its schema; every other one is refused by
#: :func:`check_query` (apoc.load.*, apoc.import.*, dbms.* that change settings …).
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.indexes",
        "db.constraints",
        "db.info",
        "db.ping",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.idx.fulltext.querynodes",
        "db.idx.fulltext.queryrelationships",
        "db.idx.vector.querynodes",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        "db.index.vector.querynodes",
        "dbms.components",
        "dbms.info",
    }
)
#: Families of read-only procedures: FalkorDB's graph algorithms (algo.pageRank, algo.BFS …).
READ_PROCEDURE_PREFIXES = ("algo.",)
#: Names that reach files, the network or other databases, refused anywhere in a query (functions too).
_OUTSIDE = re.compile(
    r"\b(?:apoc\.(?:load|import|export|cypher|periodic|systemdb|trigger|util\.(?:sleep|validate))|dbms\.setconfig)",
    re.I,
)
_TOKENS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.I)
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.I)
_SHOW = re.compile(
    r"^\s*SHOW\s+(?:(?:ALL|RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|UNIQUE|NODE|RELATIONSHIP|REL|KEY|EXISTENCE|PROPERTY|"
    r"BUILT\s+IN|USER\s+DEFINED|DEFAULT|HOME)\s+)*(DATABASES?|INDEX(?:ES)?|CONSTRAINTS?|PROCEDURES?|FUNCTIONS?)\b",
    re.I,
)


def code_of(cypher: str) -> str:
    """The query without its string literals and comments, backquoted names unquoted: what runs."""

    def token(m: re.Match[str]) -> str:
        text = m.group(0)
        return text[1:-1] if text.startswith("`") else " '' " if text[0] in "'\"" else " "

    return _TOKENS.sub(token, cypher)


def check_query(cypher: str) -> None:
    """Refuse what a read-only query must not do: read files or URLs, or run procedures that are not reads.

    LOAD CSV reads files and URLs in a plan both stores call read-only, so it is
    refused here, by its text (outside string literals and comments). Procedures
    must be on :data:`READ_PROCEDURES`.

    Raises:
        QueryError: with what was refused and why.

    Example:
        >>> check_query("CALL db.labels()")
        >>> check_query("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r")
        Traceback (most recent call last):
        dutygraph.errors.QueryError: LOAD CSV reads files and URLs: dutygraph query only reads the graph
    """
    code = code_of(cypher)
    if _LOAD_CSV.search(code):
        raise QueryError("LOAD CSV reads files and URLs: dutygraph query only reads the graph")
    outside = _OUTSIDE.search(code)
    if outside:
        raise QueryError(
            f"{outside.group(0)} reaches files, the network or other databases: dutygraph query only reads the graph"
        )
    for name in _CALL.findall(code):
        if name.lower() not in READ_PROCEDURES and not name.lower().startswith(READ_PROCEDURE_PREFIXES):
            raise QueryError(
                f"the procedure {name} is not one dutygraph query runs: only procedures that read the graph "
                f"or its schema (db.labels, db.indexes, db.constraints, dbms.components, algo.* …)"
            )


def show_command(cypher: str) -> str | None:
    """What a harmless SHOW command lists ("DATABASES", "INDEXES" …), or None if the query is not one."""
    m = _SHOW.match(code_of(cypher))
    if not m:
        return None
    word = m.group(1).upper()
    return {
        "DATABASE": "DATABASES",
        "INDEX": "INDEXES",
        "CONSTRAINT": "CONSTRAINTS",
        "PROCEDURE": "PROCEDURES",
        "FUNCTION": "FUNCTIONS",
    }.get(word, word)


def reads_only_by_text(cypher: str) -> bool:
    """True for a SHOW command, or procedure calls from :data:`READ_PROCEDURES` with no writing clause.

    Neo4j plans these as "schema" queries (type ``s``), which its plan check alone would refuse.
    """
    code = code_of(cypher)
    if show_command(cypher):
        return not _WRITE_CLAUSE.search(code)
    calls = _CALL.findall(code)
    return (
        bool(calls)
        and not _WRITE_CLAUSE.search(code)
        and all(n.lower() in READ_PROCEDURES or n.lower().startswith(READ_PROCEDURE_PREFIXES) for n in calls)
    )
