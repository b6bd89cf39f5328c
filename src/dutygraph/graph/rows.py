"""A query's rows as a person, a spreadsheet or a tool reads them (``dutygraph query``).

CSV opens with a UTF-8 byte order mark by default, so that Excel reads the
Chinese; booleans are written ``true``/``false`` as in Cypher; nodes as their
labels and properties, ``(:Unit {name: '发改局'})``; paths as their steps.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from dutygraph.graph.stores.base import NodeValue, PathValue, RelationshipValue

BOM = "\ufeff"


def _literal(value: Any) -> str:
    """A value as Cypher writes it inside a map: strings quoted, lists bracketed."""
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return cell_text(value)


def _props(props: dict[str, Any]) -> str:
    return " {" + ", ".join(f"{k}: {_literal(props[k])}" for k in sorted(props)) + "}" if props else ""


def cell_text(value: Any) -> str:
    """A query value as one cell: null empty, booleans true/false, lists joined with 、, nodes as labels + properties.

    Example:
        >>> cell_text(True), cell_text(None), cell_text(["发改局", "财政局"])
        ('true', '', '发改局、财政局')
        >>> cell_text(NodeValue(labels=["Unit"], properties={"name": "发改局", "kind": "department"}))
        "(:Unit {kind: 'department', name: '发改局'})"
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, NodeValue):
        return "(" + "".join(f":{label}" for label in value["labels"]) + _props(value["properties"]) + ")"
    if isinstance(value, RelationshipValue):
        return f"[:{value['type']}{_props(value['properties'])}]"
    if isinstance(value, PathValue):
        steps = [cell_text(value["nodes"][0])] if value["nodes"] else []
        for rel, node in zip(value["relationships"], value["nodes"][1:], strict=False):
            steps.append(f"-{cell_text(rel)}-{cell_text(node)}")
        return "".join(steps)
    if isinstance(value, list | tuple):
        return "、".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_rows(columns: list[str], rows: list[list[Any]], fmt: str, out: IO[str], *, bom: bool = True) -> None:
    """Write rows as ``csv`` (with a byte order mark unless ``bom`` is False) or ``json`` (a list of objects).

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> write_rows(["unit", "leads"], [["发改局", True]], "csv", out)
        >>> out.getvalue()
        '\\ufeffunit,leads\\n发改局,true\\n'
    """
    if fmt == "json":
        out.write(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=1) + "\n")
        return
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([cell_text(v) for v in r])
