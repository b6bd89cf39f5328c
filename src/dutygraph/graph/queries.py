"""The library of saved analyst queries in ``cypher/``.

Each query is one ``.cypher`` file opening with comment lines: the first says
what it answers, then one ``// @param NAME: TYPE = DEFAULT  description`` per
parameter. TYPE is ``string``, ``int``, ``float``, ``bool`` or ``list`` (JSON);
without ``= DEFAULT`` the parameter is required; ``= null`` leaves it out. The
older ``// @param NAME DEFAULT  description`` (DEFAULT as JSON, or ``required``)
is still read, its type taken from the default. Every saved query is portable
openCypher and runs unchanged on the embedded store and on Neo4j.
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
_TYPED_PARAM = re.compile(r"^//\s*@param\s+(\w+)\s*:\s*(\w+)\s*(?:=\s*(.*?))?(?:\s{2,}(.*))?$")
TYPES = ("string", "int", "float", "bool", "list")
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
    types: dict[str, str] = field(default_factory=dict)

    def bind_text(self, given: dict[str, str]) -> dict[str, Any]:
        """Parameters for a run from ``NAME=VALUE`` texts, each converted by its declared type.

        A query that declares no parameter (``-e``) takes those its text uses
        (``$name``), their values read as JSON when they parse.

        Raises:
            QueryError: a value that does not convert, an unknown or a missing parameter.

        Example:
            >>> q = parse("q", "// @param year: int = null\\nMATCH (d:Document) WHERE d.year = $year RETURN d")
            >>> q.bind_text({"year": "2024"})
            {'year': 2024}
            >>> q.bind_text({"year": "二〇二四"})
            Traceback (most recent call last):
            dutygraph.errors.QueryError: --param year=二〇二四: year is an int, and '二〇二四' is not one
        """
        if not self.params:
            used = used_params(self.text)
            unknown = sorted(set(given) - used)
            if unknown:
                uses = ", ".join(f"${u}" for u in sorted(used)) or "none"
                raise QueryError(f"the query uses no parameter ${unknown[0]} (it uses {uses})")
            missing = sorted(used - set(given))
            if missing:
                raise QueryError(f"the query uses ${missing[0]}: give it with --param {missing[0]}=…")
            return {k: _json_or_text(v) for k, v in given.items()}
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise QueryError(
                f"query '{self.name}' takes no parameter {', '.join(unknown)}; it takes {', '.join(self.params)}"
            )
        return self.bind({k: convert(k, v, self.types.get(k, "json")) for k, v in given.items()})

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Parameters for a run: defaults, overridden by ``given``.

        Raises:
            QueryError: a required parameter is missing, or one is unknown.
        """
        unknown = set(given) - set(self.params)
        if unknown:
            raise QueryError(
                f"query '{self.name}' takes no parameter {', '.join(sorted(unknown))}; "
                f"it takes {', '.join(self.params)}"
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
    types: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        typed = _TYPED_PARAM.match(stripped)
        m = _PARAM.match(stripped)
        if typed:
            key, kind, default, described = typed.groups()
            if kind not in TYPES:
                raise QueryError(f"query '{name}': @param {key} has the type {kind}, not one of {', '.join(TYPES)}")
            types[key] = kind
            params[key] = REQUIRED if default is None else convert(key, default.strip(), kind)
            helps[key] = (described or "").strip()
        elif m:
            params[m.group(1)] = REQUIRED if m.group(2) == "required" else json.loads(m.group(2))
            types[m.group(1)] = _type_of(params[m.group(1)])
            helps[m.group(1)] = m.group(3).strip()
        elif not summary:
            summary = stripped.lstrip("/ ").strip()
    return SavedQuery(name, summary, text, params, helps, types)


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


def _json_or_text(value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


def _type_of(default: Any) -> str:
    """The type an old-style header's JSON default implies (json for null or required)."""
    kinds = {bool: "bool", int: "int", float: "float", str: "string", list: "list"}
    return kinds.get(type(default), "json")


_INT = re.compile(r"^[-+]?\d+$")


def convert(name: str, text: str, kind: str) -> Any:
    """The value of ``--param name=text`` for a parameter of type ``kind`` (``null`` is None for every type).

    Raises:
        QueryError: the text is not a value of that type, in one line naming the parameter and type.

    Example:
        >>> convert("number", "2", "string"), convert("year", "2024", "int"), convert("x", "null", "int")
        ('2', 2024, None)
    """
    if text == "null":
        return None
    article = "an" if kind == "int" else "a"
    try:
        if kind == "string":
            return json.loads(text) if len(text) > 1 and text[0] == text[-1] == '"' else text
        if kind == "int" and _INT.match(text.strip()):
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        if kind == "list":
            value = json.loads(text)
            if isinstance(value, list):
                return value
        if kind == "json":
            return _json_or_text(text)
    except ValueError:
        pass
    raise QueryError(f"--param {name}={text}: {name} is {article} {kind}, and '{text}' is not one")


def used_params(cypher: str) -> set[str]:
    """The ``$parameters`` a query's text uses (not those in its strings or comments).

    Example:
        >>> sorted(used_params("MATCH (u) WHERE u.name = $unit AND u.x <> '$no' RETURN u // $neither"))
        ['unit']
    """
    from dutygraph.graph.stores.subset import tokens

    return {t.text[1:] for t in tokens(cypher) if t.kind == "param"}


def split_param(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` from the command line, the value as typed.

    Raises:
        QueryError: no ``=``.
    """
    if "=" not in text:
        raise QueryError(f"--param takes NAME=VALUE, not '{text}'")
    key, value = text.split("=", 1)
    return key.strip(), value
