"""Configuration in one place: flags, then environment variables, then ``dutygraph.toml``.

The file is optional and read from the current directory (or ``--config PATH``,
or ``DUTYGRAPH_CONFIG``). Keys at the top level apply to every command that has
that option; a ``[command]`` table applies to one command and wins over the top
level. Option names are written as on the command line::

    db = "data/dutygraph"          # --db for every command
    region = "钟楼区"

    [analyze]
    lead-weight = 3
    top = 30

    [run]
    out-dir = "pages"

The Neo4j password is never read from the file: only from NEO4J_PASSWORD.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from dutygraph.errors import InputError

CONFIG_NAME = "dutygraph.toml"
FORBIDDEN = {"password", "neo4j-password"}


def config_path(explicit: str | Path | None = None) -> Path | None:
    """The configuration file in force: ``explicit``, DUTYGRAPH_CONFIG, or ./dutygraph.toml if present."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("DUTYGRAPH_CONFIG")
    if env:
        return Path(env)
    local = Path.cwd() / CONFIG_NAME
    return local if local.is_file() else None


def load_config(path: Path | None, commands: dict[str, set[str]]) -> dict[str, dict[str, Any]]:
    """Read ``path`` into click's ``default_map``: ``{command: {param_name: value}}``.

    Args:
        path: the TOML file, or None for no file.
        commands: each command's parameter names (as click names them, with
            underscores), to place the top-level keys and to refuse unknown ones.

    Raises:
        InputError: the file cannot be read, is not TOML, names an option no
            command has, or holds a password.
    """
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(path, f"cannot read the configuration ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"not valid TOML: {exc}") from exc
    out: dict[str, dict[str, Any]] = {name: {} for name in commands}
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    top = {k: v for k, v in data.items() if not isinstance(v, dict)}
    for key, value in top.items():
        param = _param(key, path)
        users = [c for c, params in commands.items() if param in params]
        if not users:
            raise InputError(path, f"no command has an option --{key}")
        for c in users:
            out[c][param] = value
    for command, table in tables.items():
        if command not in commands:
            raise InputError(path, f"[{command}]: there is no command '{command}'")
        for key, value in table.items():
            param = _param(key, path)
            if param not in commands[command]:
                raise InputError(path, f"[{command}]: the command has no option --{key}")
            out[command][param] = value
    return {c: v for c, v in out.items() if v}


def _param(key: str, path: Path) -> str:
    if key in FORBIDDEN:
        raise InputError(path, "a password does not belong in the file: set NEO4J_PASSWORD instead")
    return key.replace("-", "_")
