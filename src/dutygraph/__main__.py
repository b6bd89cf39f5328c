"""Allow ``python -m dutygraph``."""

from __future__ import annotations

from dutygraph.cli import main

if __name__ == "__main__":
    main()
