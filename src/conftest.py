"""Doctests of the package: ``G`` in an example is the graph of the five seed documents."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _seeds_graph(doctest_namespace: dict[str, Any]) -> None:
    from tests.conftest import seeds_graph

    doctest_namespace["G"] = seeds_graph()
