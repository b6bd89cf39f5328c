"""dutygraph (责任图谱): who is responsible for what in a government plan."""

from __future__ import annotations

__version__ = "0.1.0"
