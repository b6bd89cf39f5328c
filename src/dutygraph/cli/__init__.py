"""The ``dutygraph`` command: option parsing and messages only; the library does the work.

Exit codes: 0 success; 1 an unexpected failure; 2 bad input or bad usage (a file
that cannot be read, an unknown layout, no tasks found, wrong options).
"""

from __future__ import annotations

import signal
import sys
from typing import Any

from dutygraph.cli import documents, review, store  # noqa: F401  (each registers its commands on the group)
from dutygraph.cli.common import cli
from dutygraph.cli.store import export
from dutygraph.errors import Interrupted

__all__ = ["cli", "export", "main"]


def _on_signal(signum: int, _frame: Any) -> None:
    """SIGTERM, SIGHUP and SIGINT stop the command as Ctrl-C does: the store is closed on the way out."""
    from dutygraph.graph.stores.base import interrupt

    name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
    interrupt(Interrupted(signum, name))


def main() -> None:
    """Entry point of the console script."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)
    try:
        cli.main(prog_name="dutygraph")
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
