"""What Neo4j tells the user: error positions in the query as typed, notifications in one short line."""

from __future__ import annotations

import logging

import pytest

from dutygraph.errors import QueryError


def test_a_syntax_error_quotes_the_users_line_with_the_true_column(neo4j_store):
    with pytest.raises(QueryError) as failed:
        neo4j_store.query("MATCH (n RETURN n")
    message = str(failed.value)
    assert "EXPLAIN" not in message
    assert "(line 1, column 10 (offset: 9))" in message
    quoted, caret = message.splitlines()[-2:]
    assert quoted == '"MATCH (n RETURN n"' and caret.index("^") == quoted.index("R")


def test_a_notification_is_logged_once_in_one_short_line_at_info(neo4j_store, caplog):
    neo4j_store.write_workers = 1
    with caplog.at_level(logging.INFO):
        neo4j_store.query("MATCH (u:Unit)\nRETURN u.nme LIMIT 1")
    notes = [r.getMessage() for r in caplog.records if "nme" in r.getMessage()]
    assert notes == [
        "Neo4j: property key does not exist. The property `nme` does not exist. "
        "Verify that the spelling is correct. (line 2, column 10)"
    ]
    assert all(r.levelno <= logging.INFO for r in caplog.records if "nme" in r.getMessage())
