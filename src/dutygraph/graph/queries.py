"""The library of saved analyst queries in ``cypher/``.

Each query is one ``.cypher`` file opening with comment lines: the first says
what it answers, then one ``// @param NAME DEFAULT  description`` per parameter
(DEFAULT is JSON, or ``required``). Every saved query is portable openCypher and
runs unchanged on the embedded store and on Neo4j.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dutygraph.errors import QueryError

_PARAM = re.compile(r"^//\s*@param\s+(\w+)\s+(\S+)\s*(.*)$")
_NOT_QUERIES = ("schema",)
REQUIRED = object()


@dataclass(slots=True)
class SavedQuery:
    """A query file: its name, what it answers, its parameters and its text."""

    name: str
    summary: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)
    help: dict[str, str] = field(default_factory=dict)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Parameters for a run: defaults, overridden by ``given``.

        Raises:
            QueryError: a required parameter is missing, or one is unknown.
        """
        unknown = set(given) - set(self.params)
        if unknown and self.params:
            raise QueryError(
                f"query '{self.name}' takes no parameter {', '.join(sorted(unknown))}; it takes {', '.join(self.params)}"
            )
        out = {k: v for k, v in self.params.items() if v is not REQUIRED} | given
        missing = [k for k, v in self.params.items() if v is REQUIRED and k not in given]
        if missing:
            raise QueryError(
                f"query '{self.name}' needs --param {missing[0]}=… ({self.help.get(missing[0], '')})".rstrip(" ()")
            )
        return out


def parse(name: str, text: str) -> SavedQuery:
    """Read a query file's header into a :class:`SavedQuery`."""
    summary = ""
    params: dict[str, Any] = {}
    helps: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        m = _PARAM.match(stripped)
        if m:
            params[m.group(1)] = REQUIRED if m.group(2) == "required" else json.loads(m.group(2))
            helps[m.group(1)] = m.group(3).strip()
        elif not summary:
            summary = stripped.lstrip("/ ").strip()
    return SavedQuery(name, summary, text, params, helps)


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query, by name (the file name without ``.cypher``)."""
    out: dict[str, SavedQuery] = {}
    for entry in sorted(resources.files("dutygraph.cypher").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher") and not entry.name.startswith(_NOT_QUERIES):
            name = entry.name.removesuffix(".cypher")
            out[name] = parse(name, entry.read_text(encoding="utf-8"))
    return out


def resolve(spec: str) -> SavedQuery:
    """A saved query by name, or a ``.cypher`` file by path.

    Raises:
        QueryError: neither a saved query nor a readable file.
    """
    library = saved_queries()
    if spec in library:
        return library[spec]
    path = Path(spec)
    if path.is_file():
        try:
            return parse(path.stem, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query ({exc})") from exc
    raise QueryError(f"no saved query or file named '{spec}'; 'dutygraph query --list' shows the saved ones")


def parse_param(text: str) -> tuple[str, Any]:
    """``k=v`` from the command line: v as JSON when it parses (2024, null), else a string.

    Example:
        >>> parse_param("year=2024"), parse_param("region=钟楼区")
        (('year', 2024), ('region', '钟楼区'))
    """
    if "=" not in text:
        raise QueryError(f"--param takes NAME=VALUE, not '{text}'")
    key, value = text.split("=", 1)
    try:
        return key.strip(), json.loads(value)
    except json.JSONDecodeError:
        return key.strip(), value
