"""The alias file: one canonical name for each unit written several ways.

Loaders keep names as printed; the graph module calls :func:`load_aliases` and
:meth:`AliasTable.canonical` to decide which printed names are one unit. The
file is ``data/aliases.toml`` unless the user points elsewhere.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dutygraph.errors import InputError

_WIDTH = str.maketrans("（）：", "():")


def normalise(name: str) -> str:
    """The key a name is matched by: half-width parentheses, no spaces.

    Example:
        >>> normalise("高新园（邹区镇）")
        '高新园(邹区镇)'
    """
    return re.sub(r"\s+", "", name.translate(_WIDTH))


@dataclass(slots=True)
class AliasTable:
    """Aliases per region ('' holds the ones valid everywhere)."""

    by_region: dict[str, dict[str, str]] = field(default_factory=dict)

    def canonical(self, region: str | None, name: str) -> str:
        """The canonical name of ``name`` in ``region`` (the name itself when no alias applies).

        Example:
            >>> t = AliasTable({"钟楼区": {"区卫健局": "卫健局"}, "": {"市监局": "市场监管局"}})
            >>> t.canonical("钟楼区", "区卫健局"), t.canonical("鼓楼区", "市监局"), t.canonical("鼓楼区", "区卫健局")
            ('卫健局', '市场监管局', '区卫健局')
        """
        key = normalise(name)
        for scope in (region or "", ""):
            found = self.by_region.get(scope, {}).get(key)
            if found:
                return found
        return key


def load_aliases(path: str | Path | None = None) -> AliasTable:
    """Read an alias file (the packaged ``data/aliases.toml`` by default).

    Args:
        path: a TOML file in the format of ``data/aliases.toml``.

    Returns:
        The :class:`AliasTable`.

    Raises:
        InputError: the file cannot be read or is not valid TOML in that format.
    """
    try:
        if path is None:
            raw = resources.files("dutygraph.loaders").joinpath("data/aliases.toml").read_text(encoding="utf-8")
            source = "aliases.toml"
        else:
            raw = Path(path).read_text(encoding="utf-8")
            source = str(path)
        data = tomllib.loads(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the alias file ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"the alias file is not valid TOML: {exc}") from exc
    table = AliasTable()
    sections = [("", data.get("all", {})), *data.get("region", {}).items()]
    for region, entries in sections:
        scope = table.by_region.setdefault(region, {})
        for canonical, aliases in entries.items():
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise InputError(source, f"'{canonical}' must map to a list of names")
            for alias in aliases:
                scope[normalise(alias)] = normalise(canonical)
    return table
