"""The exceptions dutygraph raises: one root, one subclass per failure a user can meet.

The CLI turns each into a one-line message and an exit code; library callers can
catch :class:`DutygraphError` to handle them all.
"""

from __future__ import annotations

from pathlib import Path


class DutygraphError(Exception):
    """Root of every error dutygraph raises on purpose.

    ``exit_code`` is the process exit status the CLI uses for it.
    """

    exit_code: int = 1


class InputError(DutygraphError):
    """Something is wrong with a document the user gave (exit code 2).

    Args:
        path: the file the problem is in.
        message: what is wrong, in words the user can act on.
        line: 1-based line number in the file, when the problem has one.
    """

    exit_code = 2

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class UnreadableFileError(InputError):
    """The file is missing, a directory, empty, binary or in an unknown encoding."""


class UnknownLayoutError(InputError):
    """No loader recognises the document's layout (or ``--layout`` names none)."""


class NoTasksError(InputError):
    """The document was read but no task could be found in it."""


class NotADecompositionError(InputError):
    """The text was read into "tasks", but they are not a plan's: random characters, numbered."""


class UsageError(DutygraphError):
    """A command was called with options that do not fit together (exit code 2)."""

    exit_code = 2


class EmptyScopeError(UsageError):
    """The region, year or plan asked for holds no task (``--region 钟楼区 --year 1999``)."""


class UnknownViewError(UsageError):
    """A drawing's view is not one of the views, or lacks what it needs (the centre's name, the analysis)."""


class NodeNotFoundError(UsageError):
    """A drawing names a goal, unit or leader the graph does not hold, or one that matches several."""


class StoreError(DutygraphError):
    """A graph store failed (exit code 3)."""

    exit_code = 3


class StoreUnreachableError(StoreError):
    """The store cannot be reached or refused the credentials."""


class StoreBusyError(StoreError):
    """Another process kept writing the embedded store for longer than this one would wait."""


class StoreReadOnlyError(StoreError):
    """The embedded store's directory cannot be written (reading it still works)."""


class StoreFullError(StoreError):
    """The device holding the embedded store has no space left."""


class QueryError(DutygraphError):
    """A Cypher query is invalid, or would change the graph through ``dutygraph query`` (exit code 2)."""

    exit_code = 2


class EmptyStoreError(DutygraphError):
    """The store holds no documents yet (exit code 2)."""

    exit_code = 2


class NoStoreError(EmptyStoreError):
    """A command that only reads named an embedded store that does not exist (a mistyped --db)."""


class Interrupted(BaseException):
    """The command was stopped by a signal (Ctrl-C, SIGTERM, SIGHUP); the store is closed on the way out.

    Like KeyboardInterrupt, and unlike :class:`DutygraphError`, it passes through
    every ``except Exception``: no code that handles a failure (a file that cannot
    be read, a refused write) may mistake a stop for one. The exit code is 128 +
    the signal's number: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP.
    """

    def __init__(self, signum: int, name: str) -> None:
        self.exit_code = 128 + signum
        super().__init__(f"interrupted by {name}; the store was closed (each document is stored whole or not at all)")
